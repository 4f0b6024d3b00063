use stytch_errors::stytch_errors;

stytch_errors! {
    #[stytch(url = "https://example.com/docs/errors/{status}#{fragment}")]
    pub enum WidgetError {
        404 {
            widget_not_found,
            widget_locked: "Widget is locked by another request.",
        }
    }
}

fn main() {
    let _ = WidgetError::widget_locked;
}
