use stytch_errors::StytchError;

#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
enum AppError {
    #[stytch(status = 404, message = "Widget {id} is gone.")]
    Gone {
        #[stytch(status = 410)]
        id: u64,
    },
}

fn main() {}
