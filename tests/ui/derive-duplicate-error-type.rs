use stytch_errors::StytchError;

#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
enum AppError {
    #[stytch(status = 404, message = "Gone.")]
    WidgetNotFound,
    #[stytch(status = 410, error_type = "widget_not_found", message = "Gone for good.")]
    WidgetGone,
}

fn main() {}
