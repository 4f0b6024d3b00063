//! Checks of values that both macros take: statuses, prose and URL templates.

use syn::{LitInt, LitStr};

use crate::ctxt::Ctxt;
use crate::url::Template;

/// The status of a literal, if it is an HTTP error status (else reported).
pub fn check_status(status: &LitInt, cx: &Ctxt) -> Option<u16> {
    // `0x194`, `0o624` and `4_04` are 404 to the compiler, and to no reader.
    let written = status.token().to_string();
    let digits = written.strip_suffix(status.suffix()).unwrap_or(&written);
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        cx.error_spanned_by(
            status,
            format!(
                "write the status as a plain decimal number: `{}`",
                status.base10_digits()
            ),
        );
        return None;
    }
    match status.base10_parse::<u16>() {
        Ok(code) if (400..=599).contains(&code) => Some(code),
        _ => {
            cx.error_spanned_by(
                status,
                format!(
                    "`{}` is not an HTTP error status; error statuses are 400..=599, such as 404 or 409",
                    status.base10_digits()
                ),
            );
            None
        }
    }
}

/// The kinds of prose an entry carries, for what a message about one says.
#[derive(Clone, Copy)]
pub enum Prose {
    Message,
    Title,
    Description,
    Cause,
    Step,
}

impl Prose {
    pub fn name(self) -> &'static str {
        match self {
            Prose::Message => "message",
            Prose::Title => "title",
            Prose::Description => "description",
            Prose::Cause => "cause",
            Prose::Step => "troubleshooting step",
        }
    }

    /// What to do about an empty one.
    fn when_empty(self) -> &'static str {
        match self {
            Prose::Message => "write what went wrong, such as \"Widget could not be found.\"",
            Prose::Title => "leave `title` out to use the error_type in sentence case",
            Prose::Description => "leave `description` out to use the message",
            Prose::Cause | Prose::Step => "remove the empty item",
        }
    }
}

/// The value of a prose literal, reported when empty or padded with whitespace.
pub fn check_prose(lit: &LitStr, prose: Prose, error_type: &str, cx: &Ctxt) -> String {
    let value = lit.value();
    let trimmed = value.trim();
    let what = prose.name();
    if trimmed.is_empty() {
        cx.error_spanned_by(
            lit,
            format!(
                "the {what} of `{error_type}` is empty; {}",
                prose.when_empty()
            ),
        );
    } else if trimmed.len() != value.len() {
        let side = if value.starts_with(char::is_whitespace) {
            "starts"
        } else {
            "ends"
        };
        cx.error_spanned_by(
            lit,
            format!("the {what} of `{error_type}` {side} with whitespace; write {trimmed:?}"),
        );
    }
    value
}

pub fn prose_list(
    items: Option<&[LitStr]>,
    prose: Prose,
    error_type: &str,
    cx: &Ctxt,
) -> Vec<String> {
    items
        .unwrap_or_default()
        .iter()
        .map(|lit| check_prose(lit, prose, error_type, cx))
        .collect()
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
