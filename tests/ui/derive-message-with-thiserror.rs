use stytch_errors::StytchError;

#[derive(Debug, thiserror::Error, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
enum AppError {
    #[error("gone")]
    #[stytch(status = 404, message = "Gone.")]
    Gone,
}

fn main() {}
