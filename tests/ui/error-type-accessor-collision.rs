use stytch_errors::stytch_errors;

stytch_errors! {
    #[stytch(url = "https://example.com/docs/errors/{status}#{fragment}")]
    pub enum WidgetError {
        400 {
            error_message: "The message of the widget is invalid.",
        }
    }
}

fn main() {}
