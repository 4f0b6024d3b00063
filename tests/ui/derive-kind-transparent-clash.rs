use stytch_errors::{StytchError, stytch_errors};

stytch_errors! {
    #[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
    pub enum WidgetError {
        409 {
            widget_locked: "The widget is locked by another request.",
        }
    }
}

stytch_errors! {
    #[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
    pub enum LegacyError {
        423 {
            widget_locked: "The widget is locked.",
        }
    }
}

// Two fields' sets send `widget_locked`, at 409 and at 423.
#[derive(Debug, StytchError)]
enum AppError {
    #[stytch(transparent)]
    Widget(WidgetError),
    #[stytch(transparent)]
    Legacy(LegacyError),
}

fn main() {}
