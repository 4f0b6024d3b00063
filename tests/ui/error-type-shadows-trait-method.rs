use stytch_errors::stytch_errors;

stytch_errors! {
    #[stytch(url = "https://example.com/docs/errors/{status}#{fragment}")]
    pub enum WidgetError {
        400 {
            similar: "A similar widget exists.",
            envelope: "The envelope is invalid.",
        }
    }
}

fn main() {}
