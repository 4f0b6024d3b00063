use stytch_errors::StytchError;

#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
enum AppError {
    #[stytch(status = 404, message = "Widget {idd} could not be found.")]
    WidgetNotFound { id: u64 },
    #[stytch(status = 409, message = "Widget {id} is locked.")]
    Locked(u64),
}

fn main() {}
