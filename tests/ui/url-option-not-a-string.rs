use stytch_errors::stytch_errors;

stytch_errors! {
    #[stytch(url = DOCS_URL)]
    pub enum WidgetError {
        404 {
            widget_not_found: "Widget could not be found.",
        }
    }
}

fn main() {}
