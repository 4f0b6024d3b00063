use stytch_errors::StytchError;

#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
enum AppError {
    #[stytch(status = 500, message = "Store {name} failed.")]
    Store {
        name: String,
        #[from]
        cause: std::io::Error,
    },
}

fn main() {}
