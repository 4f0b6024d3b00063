use stytch_errors::stytch_errors;

stytch_errors! {
    #[stytch(url = "https://example.com/docs/errors/{status}#{fragment}")]
    pub enum WidgetError {
        404 {
            widget_not_found "Widget could not be found.",
        }
    }
}

fn main() {
    // The entry is still expanded: no follow-on error here.
    let _ = WidgetError::widget_not_found;
}
