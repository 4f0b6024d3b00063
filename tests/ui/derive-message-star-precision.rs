use stytch_errors::StytchError;

#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
enum AppError {
    #[stytch(status = 422, message = "Ratio {ratio:.*}.")]
    Ratio { ratio: f64 },
}

fn main() {}
