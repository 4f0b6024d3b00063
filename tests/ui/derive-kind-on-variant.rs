use stytch_errors::StytchError;

#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
enum AppError {
    #[stytch(status = 404, message = "The widget could not be found.", kind = WidgetKind)]
    WidgetNotFound,
}

fn main() {}
