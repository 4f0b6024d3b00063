use stytch_errors::StytchError;

#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
#[stytch(status = 404)]
enum AppError {
    #[stytch(status = 404, message = "Gone.")]
    Gone,
}

fn main() {}
