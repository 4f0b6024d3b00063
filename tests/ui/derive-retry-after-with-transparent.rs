use std::time::Duration;

use stytch_errors::StytchError;

#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
enum AppError {
    #[stytch(transparent, retry_after = 30)]
    Http(stytch_errors::HttpError),
}

fn main() { let _ = Duration::ZERO; }
