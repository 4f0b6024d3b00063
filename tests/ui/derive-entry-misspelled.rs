use stytch_errors::StytchError;

use stytch_errors::ConsumerError;

#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
enum AppError {
    #[stytch(entry = ConsumerError::emial_not_found)]
    MissingEmail,
}

fn main() {}
