use stytch_errors::StytchError;

#[derive(Debug, StytchError)]
enum AppError {
    #[stytch(status = 404, message = "Gone.")]
    Gone,
    #[stytch(status = 409, message = "Locked.")]
    Locked,
}

fn main() {}
