//! The derive never panics: systematic mutations of a rich valid input all expand to impls or
//! to `compile_error!`s, and so do messages with every kind of broken placeholder.

use std::str::FromStr;

use proc_macro2::TokenStream;

use crate::mutate::{REPLACEMENTS, expand_str, mutate};

const VALID: &str = r#"
    #[stytch(url = "https://example.com/docs/errors/{status}#{error_type}", crate = ::stytch_errors)]
    pub enum AppError<'a, E: Copy> where E: Clone {
        #[stytch(status = 404, message = "Widget {id:>5} could not be found.")]
        WidgetNotFound { id: u64 },
        #[stytch(status = 409, error_type = "widget_locked", message = "Widget {0} is locked by {1:?} {{x}}.")]
        Locked(u64, &'a str),
        #[stytch(entry = ConsumerError::email_not_found, message = "No {0}.")]
        MissingEmail(E),
        #[cfg(feature = "x")]
        #[stytch(transparent)]
        Stytch(ConsumerError),
        #[stytch(status = 422, message = "{ratio:.prec$}", url = "https://x.test/{fragment}", fragment = "f")]
        Ratio { ratio: f64, prec: usize },
        #[stytch(status = 500, message = "Store {0} ({0:?}).")]
        Store(#[from] std::io::Error),
        #[deprecated]
        #[stytch(status = 400, message = "{n} bad")]
        Bad { n: usize, #[stytch(details)] d: Vec<u8>, #[source] cause: std::fmt::Error, source: E },
    }
"#;

/// Broken and unusual messages, swapped in for any token.
const MESSAGES: &[&str] = &[
    "\"{\"",
    "\"}\"",
    "\"{}\"",
    "\"{:}\"",
    "\"{0\"",
    "\"{idd}\"",
    "\"{9}\"",
    "\"{id:.*}\"",
    "\"{id:$>5}\"",
    "\"{id:x$}\"",
    "\"{id:.$}\"",
    "\"{r#type}\"",
    "\"{é}\"",
    "\"{id:é$}\"",
    "\"{id:xé$}\"",
    "\"\\u{7b}id\\u{7d}\"",
    "r#\"{id}\"#",
    "\"{{}}{{\"",
];

#[test]
fn the_valid_input_expands_without_errors() {
    let output = expand_str(super::expand, VALID).unwrap();
    assert!(!output.contains("compile_error"), "{output}");
    assert!(output.contains("StytchError for AppError"), "{output}");
}

#[test]
fn no_mutation_of_a_valid_input_makes_the_derive_panic() {
    let (leaves, expanded, rejected) = mutate(super::expand, VALID, MESSAGES);
    eprintln!("{expanded} mutated inputs expanded without a panic, {rejected} of them rejected");
    assert!(expanded > leaves * REPLACEMENTS.len(), "{expanded}");
    assert!(rejected * 2 > expanded, "{rejected} of {expanded}");
    assert!(rejected < expanded, "some mutations are valid");
}

#[test]
fn every_broken_message_is_reported_not_panicked_on() {
    for message in MESSAGES {
        let source = format!(
            "#[stytch(status = 400, url = \"https://x.test\", message = {message})] struct S {{ id: u64 }}"
        );
        let output = super::expand(TokenStream::from_str(&source).unwrap()).to_string();
        let valid = [
            "\"{{}}{{\"",
            "\"\\u{7b}id\\u{7d}\"",
            "r#\"{id}\"#",
            "\"{id:$>5}\"",
        ];
        assert_eq!(
            output.contains("compile_error"),
            !valid.contains(message),
            "{message}: {output}"
        );
    }
}
