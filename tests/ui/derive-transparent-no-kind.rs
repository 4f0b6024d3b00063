use stytch_errors::StytchError;

// A type with no kind enum, and so no `HasKind`.
#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}", kind = false)]
enum InnerError {
    #[stytch(status = 404, message = "The widget could not be found.")]
    WidgetNotFound,
}

#[derive(Debug, StytchError)]
enum AppError {
    #[stytch(transparent)]
    Inner(InnerError),
}

fn main() {}
