use stytch_errors::StytchError;

#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
enum AppError {
    #[stytch(status = 500, message = "Failed.")]
    Failed(#[source] std::io::Error, #[from] std::fmt::Error),
}

fn main() {}
