use stytch_errors::StytchError;

#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/e", status = 400, message = "{width:é$}")]
struct AppError {
    width: usize,
}

fn main() {}
