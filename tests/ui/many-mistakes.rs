use stytch_errors::stytch_errors;

stytch_errors! {
    /// Errors of the widget service.
    #[stytch(url = "https://example.com/docs/errors/{status}#{fragment}")]
    pub enum WidgetError {
        404 {
            WidgetNotFound: "Widget could not be found.",
            owner_not_found: "The widget's owner could not be found." {
                titel: "Owner not found",
                causes: ["The owner was deleted after the widget was created. "],
            },
            bucket_not_found: "",
        }
        409 {
            widget_locked: "Widget is locked by another request.",
            owner_not_found: "The owner is locked by another request.",
        }
        600 {
            widget_exploded: "Widget exploded." {
                url: "ftp://example.com/widgets",
            },
        }
    }
}

fn main() {
    // The valid entry and the near miss (expanded under its corrected name) are both usable:
    // no follow-on error beyond the macro's own.
    let _ = WidgetError::widget_locked.error_message();
    let _ = WidgetError::widget_not_found.status_code();
}
