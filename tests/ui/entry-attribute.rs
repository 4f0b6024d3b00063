use stytch_errors::stytch_errors;

stytch_errors! {
    #[stytch(url = "https://example.com/docs/errors/{status}#{fragment}")]
    pub enum WidgetError {
        404 {
            #[must_use]
            widget_not_found: "Widget could not be found.",
        }
    }
}

fn main() {}
