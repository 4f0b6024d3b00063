use std::time::Duration;

use stytch_errors::StytchError;

#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
enum AppError {
    #[stytch(status = 503, message = "Down for {wait:?} or {secs} seconds.")]
    Down {
        #[stytch(retry_after)]
        wait: Duration,
        #[stytch(retry_after)]
        secs: u64,
    },
}

fn main() {}
