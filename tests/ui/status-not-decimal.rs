use stytch_errors::stytch_errors;

stytch_errors! {
    #[stytch(url = "https://example.com/docs/errors/{status}#{fragment}")]
    pub enum WidgetError {
        0x194 {
            widget_not_found: "Widget could not be found.",
        }
        0o631 {
            widget_locked: "Widget is locked.",
        }
    }
}

fn main() {}
