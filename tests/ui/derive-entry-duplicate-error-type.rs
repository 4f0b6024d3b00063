use stytch_errors::StytchError;

use stytch_errors::ConsumerError;

#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
enum AppError {
    #[stytch(entry = ConsumerError::email_not_found)]
    MissingEmail,
    #[stytch(status = 400, message = "No email.")]
    EmailNotFound,
}

fn main() {}
