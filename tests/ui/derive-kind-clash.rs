use stytch_errors::{StytchError, stytch_errors};

stytch_errors! {
    #[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
    pub enum WidgetError {
        409 {
            widget_locked: "The widget is locked by another request.",
        }
    }
}

// `widget_locked` is sent at 423 by `Locked`, and at 409 through `Widget`'s set.
#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
enum AppError {
    #[stytch(status = 423, error_type = "widget_locked", message = "The widget is locked.")]
    Locked,
    #[stytch(transparent)]
    Widget(WidgetError),
}

fn main() {}
