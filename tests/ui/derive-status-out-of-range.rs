use stytch_errors::StytchError;

#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
enum AppError {
    #[stytch(status = 200, message = "Fine.")]
    Fine,
    #[stytch(status = 99999, message = "Huge.")]
    Huge,
}

fn main() {}
