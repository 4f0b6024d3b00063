use stytch_errors::stytch_errors;

stytch_errors! {
    #[stytch(url = "https://example.com/docs/errors/{status}#{fragment}")]
    #[cfg_attr(all(), derive(Clone))]
    pub enum WidgetError {
        404 {
            widget_not_found: "Widget could not be found.",
        }
    }
}

fn main() {}
