use stytch_errors::StytchError;

#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
enum AppError {
    #[stytch(status = 0x194, message = "Gone.")]
    Hex,
    #[stytch(status = 4_09, message = "Locked.")]
    Underscored,
}

fn main() {}
