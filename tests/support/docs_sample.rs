//! A sample service's error types for the docs pages tests: a set and a derived type, with a
//! custom fragment, a deprecated entry, interpolated templates, entry variants (one of a
//! built-in catalog's) and hostile text in messages and descriptions.

#![allow(dead_code)]

use stytch_errors::{ConsumerError, StytchError};

/// What a page must never run: each hostile text tries to set it.
pub const HOSTILE: &str = "<script>top.__pwned = 1</script>";

stytch_errors::stytch_errors! {
    /// The widget service's own set.
    #[stytch(url = "https://widgets.example/docs/errors/{status}#{fragment}")]
    pub enum WidgetError {
        404 {
            widget_not_found: "Widget could not be found.",
            owner_not_found: "The widget's owner could not be found." {
                title: "Owner not found",
                description: "There is no user with the supplied `owner_id`.",
                causes: ["The owner was deleted after the widget was created."],
                troubleshooting: ["Reassign the widget, then retry. See [owners](/docs/owners)."],
                fragment: "owner-missing",
            },
        }
        409 {
            widget_locked: "Widget is locked by another request.",
            /// Retired.
            #[deprecated = "never sent since 2.0"]
            widget_frozen: "Widget is frozen.",
        }
        422 {
            hostile_input: "Rejected <script>top.__pwned = 1</script> & \"double\" 'single' quotes." {
                description: "Hostile <img src=x onerror=\"top.__pwned = 1\"> & `<b>code</b>`, [a link](javascript:top.__pwned=1).",
                causes: ["A cause with <script>top.__pwned = 1</script> in it."],
            },
        }
    }
}

/// The widget service's error type.
#[derive(Debug, StytchError)]
#[stytch(url = "https://widgets.example/docs/errors/{status}#{error_type}")]
pub enum AppError {
    /// The widget is held by another user.
    #[stytch(status = 409, message = "Widget {id} is held by {owner}.")]
    WidgetHeld { id: u64, owner: String },
    /// A field with markup: <script>top.__pwned = 1</script> & "quotes".
    #[stytch(
        status = 400,
        message = "Field {field} holds <script>top.__pwned = 1</script> & \"quotes\"."
    )]
    BadField { field: String },
    #[stytch(entry = WidgetError::widget_not_found)]
    Missing,
    #[stytch(entry = ConsumerError::email_not_found)]
    MissingEmail,
    #[stytch(transparent)]
    Widget(WidgetError),
}
