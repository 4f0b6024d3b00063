use stytch_errors::stytch_errors;

stytch_errors! {
    #[stytch(url = "https://example.com/docs/errors/{status}#{fragment}")]
    pub enum WidgetError {
        400 {
            self: "The widget cannot reference itself.",
            super: "The parent widget is invalid.",
            crate: "The crate of widgets is full.",
        }
    }
}

fn main() {}
