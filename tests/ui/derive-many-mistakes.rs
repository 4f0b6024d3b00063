use stytch_errors::StytchError;

#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
enum AppError {
    #[stytch(status = 404, message = "Widget {idd} could not be found.")]
    WidgetNotFound { id: u64 },
    #[stytch(status = 200, error_type = "Widget-Locked", mesage = "Locked.")]
    Locked,
    #[stytch(status = 410, error_type = "widget_not_found", message = "Gone.")]
    Gone,
    #[stytch(transparent, status = 500)]
    Consumer(stytch_errors::ConsumerError),
}

fn describe(error: &AppError) -> String {
    // The type still implements `StytchError` and `Display`: no follow-on errors.
    format!("{} {}", error.error_type(), error)
}

fn main() {
    let _ = describe(&AppError::Locked);
}
