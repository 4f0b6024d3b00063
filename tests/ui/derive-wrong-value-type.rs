use stytch_errors::StytchError;

#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
enum AppError {
    #[stytch(status = "404", message = "Gone.")]
    Gone,
    #[stytch(status = 404, message = Lost)]
    Lost,
    #[stytch(entry = "ConsumerError::email_not_found")]
    Email,
}

fn main() {}
