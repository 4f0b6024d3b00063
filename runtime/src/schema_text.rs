//! The prose of the OpenAPI and JSON Schema integrations: what they say about a set's names.

use std::fmt::Write as _;

use crate::ErrorCatalog;

/// The statuses of `E`, in declaration order.
pub(crate) fn statuses<E: ErrorCatalog>() -> Vec<u16> {
    let mut statuses: Vec<u16> = Vec::new();
    for info in E::errors() {
        let status = info.status_code();
        if !statuses.contains(&status) {
            statuses.push(status);
        }
    }
    statuses
}

/// The names of `E` with that status (all of them for `None`), in declaration order.
pub(crate) fn names<E: ErrorCatalog>(status: Option<u16>) -> Vec<&'static str> {
    let mut names: Vec<&'static str> = E::errors()
        .into_iter()
        .filter(|info| status.is_none_or(|status| info.status_code() == status))
        .map(|info| info.error_type())
        .collect();
    // A name listed twice (an entry reused by a derived type beside its set) is shown once.
    let mut seen = std::collections::HashSet::new();
    names.retain(|name| seen.insert(*name));
    names
}

/// The description of `error_type` in the envelope of `E` (of its entries with that status, for
/// `Some`): the names per status, and a word that the list is open.
pub(crate) fn error_type<E: ErrorCatalog>(status: Option<u16>) -> String {
    let mut text = format!("The error's snake_case name. `{}` declares", E::TYPE_NAME);
    let statuses = match status {
        Some(status) => vec![status],
        None => statuses::<E>(),
    };
    for status in statuses {
        let names = names::<E>(Some(status));
        let _ = write!(text, "\n- {status}: ");
        for (index, name) in names.iter().enumerate() {
            let separator = if index == 0 { "" } else { ", " };
            let _ = write!(text, "{separator}`{name}`");
        }
    }
    text.push_str(
        "\n\nThe list is open: a client must accept names it does not know, which later \
         versions of the API may add.",
    );
    text
}

pub(crate) const ENVELOPE: &str = "An error response in the Stytch style: its HTTP status, the \
     request's id, the error's snake_case name, a human message and the URL of its documentation.";
pub(crate) const STATUS_CODE: &str = "The HTTP status of the response.";
pub(crate) const REQUEST_ID: &str = "The id of the request, to quote when asking for support.";
pub(crate) const ERROR_TYPE: &str = "The error's stable snake_case name, such as \
     `email_not_found`. Clients match on it; unknown names are to be expected.";
pub(crate) const ERROR_MESSAGE: &str = "A human-readable message.";
pub(crate) const ERROR_URL: &str = "The URL of the error's documentation.";
pub(crate) const ERROR_DETAILS: &str = "Details of the error, such as the fields of a request \
     that failed validation; present when the error has them.";
#[cfg(feature = "utoipa")]
pub(crate) const RETRY_AFTER: &str =
    "How many seconds to wait before sending the request again, when the error says.";
