use stytch_errors::stytch_errors;

stytch_errors! {
    #[stytch(url = "https://example.com/docs/errors/{status}#{fragment}")]
    pub enum WidgetError {
        403 {
            2fa_required: "Two-factor authentication is required.",
        }
    }
}

fn main() {}
