//! The macro never panics: systematic mutations of a valid input (every token deleted, replaced
//! or cut off after) all expand to code or to `compile_error!`s.

use crate::mutate::{REPLACEMENTS, expand_str, mutate};

const VALID: &str = r#"
    /// Errors of the widget service.
    #[stytch(url = "https://example.com/docs/errors/{status}#{fragment}", crate = ::stytch_errors)]
    #[non_exhaustive]
    pub enum WidgetError {
        404 {
            widget_not_found: "Widget could not be found.",
            /// Rustdoc for this variant.
            owner_not_found: "The widget's owner could not be found." {
                title: "Owner not found",
                description: "There is no user with the supplied `owner_id`.",
                causes: ["The owner was deleted after the widget was created."],
                troubleshooting: ["Reassign the widget, then retry."],
                fragment: "owner-missing",
                url: "https://example.com/{error_type}",
            },
        }
        409 {
            widget_locked: "Widget is locked by another request.",
        }
    }
"#;

#[test]
fn the_valid_input_expands_without_errors() {
    let output = expand_str(super::expand, VALID).unwrap();
    assert!(!output.contains("compile_error"), "{output}");
    assert!(output.contains("enum WidgetError"), "{output}");
}

#[test]
fn no_mutation_of_a_valid_input_makes_the_macro_panic() {
    let (leaves, expanded, rejected) = mutate(super::expand, VALID, &[]);
    eprintln!("{expanded} mutated inputs expanded without a panic, {rejected} of them rejected");
    // Most mutations break the input; the count guards against a harness that tests nothing.
    assert!(expanded > leaves * REPLACEMENTS.len(), "{expanded}");
    assert!(rejected * 2 > expanded, "{rejected} of {expanded}");
    assert!(
        rejected < expanded,
        "some mutations (another message, say) are valid"
    );
}
