use stytch_errors::StytchError;

#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
enum AppError {
    #[stytch(transparent = true)]
    Consumer(stytch_errors::ConsumerError),
}

fn main() {}
