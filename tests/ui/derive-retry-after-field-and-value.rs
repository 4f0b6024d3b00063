use std::time::Duration;

use stytch_errors::StytchError;

#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
enum AppError {
    #[stytch(status = 503, retry_after = 30, message = "Down for {wait:?}.")]
    Down {
        #[stytch(retry_after)]
        wait: Duration,
    },
}

fn main() {}
