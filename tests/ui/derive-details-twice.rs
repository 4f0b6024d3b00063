use stytch_errors::StytchError;

#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
enum AppError {
    #[stytch(status = 400, message = "Invalid.")]
    Invalid {
        #[stytch(details)]
        fields: Vec<String>,
        #[stytch(details)]
        more: Vec<String>,
    },
}

fn main() {}
