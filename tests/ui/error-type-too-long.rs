use stytch_errors::stytch_errors;

stytch_errors! {
    #[stytch(url = "https://example.com/docs/errors/{status}#{fragment}")]
    pub enum WidgetError {
        400 {
            widget_name_exceeds_the_maximum_length_allowed_by_the_widget_service_of_the_widget_company_for_every_widget_of_any_kind_at_all_ok: "Widget name is too long.",
        }
    }
}

fn main() {}
