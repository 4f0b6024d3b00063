use std::time::Duration;

use stytch_errors::StytchError;

#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
enum AppError {
    #[stytch(status = 429, retry_after = "30", message = "Slow down.")]
    SlowDown,
    #[stytch(status = 503, retry_after = 30_u32, message = "Down.")]
    Down,
}

fn main() { let _ = Duration::ZERO; }
