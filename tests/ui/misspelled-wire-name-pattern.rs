use stytch_errors::ConsumerError;

fn is_missing(error: ConsumerError) -> bool {
    matches!(error, ConsumerError::email_not_fond)
}

fn main() {
    let _ = is_missing(ConsumerError::EmailNotFound);
}
