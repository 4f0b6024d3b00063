use stytch_errors::StytchError;

#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
enum AppError {
    #[stytch(status = 404, error_type = "widget_widget_widget_widget_widget_widget_widget_widget_widget_widget_widget_widget_widget_widget_widget_widget_widget_widget_widget", message = "Gone.")]
    Gone,
}

fn main() {}
