use stytch_errors::stytch_errors;

stytch_errors! {
    /// Errors of the widget service.
    pub enum WidgetError {
        404 {
            widget_not_found: "Widget could not be found.",
        }
        409 {
            widget_locked: "Widget is locked by another request.",
        }
    }
}

fn main() {}
