use stytch_errors::stytch_errors;

stytch_errors! {
    #[stytch(url = "https://example.com/docs/errors/{status}#{fragment}")]
    pub enum WidgetError {
        404 {
            owner_not_found: "The widget's owner could not be found." {
                title: "Owner not found",
                title: "Missing owner",
            },
        }
    }
}

fn main() {}
