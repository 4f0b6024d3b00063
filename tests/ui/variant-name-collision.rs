use stytch_errors::stytch_errors;

stytch_errors! {
    #[stytch(url = "https://example.com/docs/errors/{status}#{fragment}")]
    pub enum WidgetError {
        403 {
            step2_failed: "The second verification step failed.",
            step_2_failed: "Step two of the verification failed.",
        }
    }
}

fn main() {}
