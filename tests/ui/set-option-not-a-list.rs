use stytch_errors::stytch_errors;

stytch_errors! {
    #[stytch]
    pub enum WidgetError {
        404 {
            widget_not_found: "Widget could not be found.",
        }
    }

    #[stytch = "https://example.com/docs/errors/{status}#{fragment}"]
    pub enum OwnerError {
        404 {
            owner_not_found: "The widget's owner could not be found.",
        }
    }
}

fn main() {}
