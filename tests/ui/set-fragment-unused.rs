use stytch_errors::stytch_errors;

stytch_errors! {
    /// The template anchors at the error_type: a declared fragment would point nowhere.
    #[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
    pub enum WidgetError {
        404 {
            widget_not_found: "Widget could not be found." { fragment: "missing-widget" },
            owner_not_found: "Owner could not be found." {
                url: "https://example.com/docs/owners",
                fragment: "missing-owner",
            },
            ok_here: "Shown through the entry's own template." {
                url: "https://example.com/docs/errors#{fragment}",
                fragment: "shown",
            },
        }
    }
}

fn main() {}
