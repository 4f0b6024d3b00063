//! The rules of the values both macros take, each written once with its messages: statuses,
//! error_types and their length limit, prose and URL templates. (`attr.rs` is the other half
//! of what they share: the `#[stytch(...)]` attribute, its keys and `crate = ...`.)

use syn::{LitInt, LitStr};

use crate::ctxt::Ctxt;
use crate::url::Template;

/// The longest error_type accepted, in bytes.
pub const MAX_ERROR_TYPE_LEN: usize = 128;

/// The rule every error_type follows, as the messages that enforce it state it.
pub const ERROR_TYPE_RULE: &str = "error_types are lower snake_case: lowercase letters and digits in words joined by single underscores, starting with a letter";

/// The error for a name that is not lower snake_case, with its correction as the user would
/// write it, if there is one.
pub fn not_snake_case(name: &str, write: Option<String>) -> String {
    let write = write
        .map(|fix| format!("; write {fix}"))
        .unwrap_or_default();
    format!("invalid error_type `{name}`: {ERROR_TYPE_RULE}{write}")
}

/// The error for an error_type over the length limit, if it is.
pub fn too_long(name: &str) -> Option<String> {
    (name.len() > MAX_ERROR_TYPE_LEN).then(|| {
        format!(
            "error_type `{name}` is {} bytes long; the limit is {MAX_ERROR_TYPE_LEN} bytes",
            name.len()
        )
    })
}

/// The status of a literal, if it is an HTTP error status (else reported).
pub fn check_status(status: &LitInt, cx: &Ctxt) -> Option<u16> {
    let digits = status.base10_digits();
    if !status.suffix().is_empty() {
        cx.error_spanned_by(
            status,
            format!("write the status without a suffix: `{digits}`"),
        );
    }
    // `0x194`, `0o624` and `4_04` are 404 to the compiler, and to no reader.
    let written = status.token().to_string();
    let written = written.strip_suffix(status.suffix()).unwrap_or(&written);
    let problem = if !written.bytes().all(|b| b.is_ascii_digit()) {
        format!("write the status as a plain decimal number: `{digits}`")
    } else if let Ok(code @ 400..=599) = status.base10_parse::<u16>() {
        return Some(code);
    } else {
        format!(
            "`{digits}` is not an HTTP error status; error statuses are 400..=599, such as 404 or 409"
        )
    };
    cx.error_spanned_by(status, problem);
    None
}

/// A kind of prose an entry carries: what a message calls it, and what to do about an empty one.
pub type Prose = (&'static str, &'static str);

pub const MESSAGE: Prose = (
    "message",
    "write what went wrong, such as \"Widget could not be found.\"",
);
pub const TITLE: Prose = (
    "title",
    "leave `title` out to use the error_type in sentence case",
);
pub const DESCRIPTION: Prose = ("description", "leave `description` out to use the message");
pub const CAUSE: Prose = ("cause", "remove the empty item");
pub const STEP: Prose = ("troubleshooting step", "remove the empty item");

/// The value of a prose literal, reported when empty or padded with whitespace.
pub fn check_prose(lit: &LitStr, (what, when_empty): Prose, error_type: &str, cx: &Ctxt) -> String {
    let value = lit.value();
    let trimmed = value.trim();
    if trimmed.is_empty() {
        cx.error_spanned_by(
            lit,
            format!("the {what} of `{error_type}` is empty; {when_empty}"),
        );
    } else if trimmed.len() != value.len() {
        let side = if value.starts_with(char::is_whitespace) {
            "starts"
        } else {
            "ends"
        };
        let message =
            format!("the {what} of `{error_type}` {side} with whitespace; write {trimmed:?}");
        cx.error_spanned_by(lit, message);
    }
    value
}

pub fn template(lit: &LitStr, cx: &Ctxt) -> Option<Template> {
    Template::parse(&lit.value())
        .map_err(|problems| {
            for problem in problems {
                cx.error_spanned_by(lit, problem);
            }
        })
        .ok()
}
