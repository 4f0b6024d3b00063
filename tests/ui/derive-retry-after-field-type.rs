use std::time::Duration;

use stytch_errors::StytchError;

#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
enum AppError {
    #[stytch(status = 503, message = "Down until {until}.")]
    Down {
        #[stytch(retry_after)]
        until: String,
    },
}

fn main() { let _ = Duration::ZERO; }
