use stytch_errors::ConsumerError;

fn main() {
    let _ = ConsumerError::email_not_fond;
}
