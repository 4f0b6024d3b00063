use stytch_errors::StytchError;

use stytch_errors::ConsumerError;

#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
enum AppError {
    #[stytch(entry = ConsumerError::email_not_found, status = 400, error_type = "missing_email")]
    MissingEmail,
}

fn main() {}
