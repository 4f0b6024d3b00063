use stytch_errors::StytchError;

#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
enum AppError {
    #[stytch(stauts = 404, message = "Gone.")]
    Gone,
    #[stytch(status = 404, colour = "red", message = "Lost.")]
    Lost,
}

fn main() {}
