use stytch_errors::StytchError;

#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
enum AppError {
    #[stytch(status = 409, message = "Widget {0} is locked by {2}.")]
    Locked(u64, String),
    #[stytch(status = 404, message = "Widget {0} could not be found.")]
    WidgetNotFound { id: u64 },
}

fn main() {}
