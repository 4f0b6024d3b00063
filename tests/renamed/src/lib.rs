//! A crate that depends on `stytch-errors` under another name, `errors`: the generated code
//! reaches the runtime through `#[stytch(crate = ...)]`, given as a path or as a string.

#![forbid(unsafe_code)]
#![deny(warnings, missing_docs, unused_qualifications)]

errors::stytch_errors! {
    /// Declared with `crate = path`.
    #[stytch(crate = errors, url = "https://example.com/errors#{error_type}")]
    pub enum RenamedError {
        400 {
            bad_widget: "The widget is malformed.",
        }
    }

    /// Declared with `crate = "path"`, as serde writes it.
    #[stytch(url = "https://example.com/errors#{error_type}", crate = "::errors")]
    pub enum QuotedError {
        400 {
            bad_gadget: "The gadget is malformed.",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{QuotedError, RenamedError};
    use errors::{ErrorSet, StytchError};

    #[test]
    fn generated_code_reaches_the_renamed_crate() {
        assert_eq!(RenamedError::bad_widget.status_code(), 400);
        assert_eq!(RenamedError::NAME, "RenamedError");
        let envelope = QuotedError::bad_gadget.envelope("r-1");
        assert_eq!(
            envelope.error_url(),
            Some("https://example.com/errors#bad_gadget")
        );
        assert_eq!(
            "bad_gadget".parse::<QuotedError>(),
            Ok(QuotedError::BadGadget)
        );
    }
}
