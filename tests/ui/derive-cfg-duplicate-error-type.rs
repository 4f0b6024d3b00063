use stytch_errors::StytchError;

#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
enum AppError {
    #[cfg(all())]
    #[stytch(status = 404, error_type = "gone", message = "Gone.")]
    First,
    #[cfg(not(any()))]
    #[stytch(status = 410, error_type = "gone", message = "Gone too.")]
    Second,
}

fn main() {}
