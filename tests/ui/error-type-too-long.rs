use stytch_errors::stytch_errors;

stytch_errors! {
    #[stytch(url = "https://example.com/docs/errors/{status}#{fragment}")]
    pub enum WidgetError {
        400 {
            widget_name_exceeds_the_maximum_length_allowed_by_the_widget_service: "Widget name is too long.",
        }
    }
}

fn main() {}
