//! A downstream crate whose only dependency is `stytch-errors`: what `stytch_errors!` generates
//! must compile here with no direct serde or runtime dependency, under strict lints.

#![forbid(unsafe_code)]
#![deny(
    warnings,
    missing_docs,
    unused_qualifications,
    unreachable_pub,
    rust_2018_idioms,
    rustdoc::all
)]
#![warn(clippy::pedantic)]

use stytch_errors::stytch_errors;

stytch_errors! {
    /// Errors of the widget service.
    #[stytch(url = "https://example.com/docs/errors/{status}#{fragment}")]
    #[non_exhaustive]
    pub enum WidgetError {
        404 {
            widget_not_found: "Widget could not be found.",
            /// Rustdoc for this variant.
            owner_not_found: "The widget's owner could not be found." {
                title: "Owner not found",
                description: "There is no user with the supplied `owner_id`.",
                causes: ["The owner was deleted after the widget was created."],
                troubleshooting: ["Reassign the widget, then retry.", "Or delete it."],
                fragment: "owner-missing",
            },
        }
        409 {
            widget_locked: "Widget is locked by another request.",
            r#type: "The widget's type is read-only." {
                url: "https://example.com/docs/widgets/types#{error_type}-{status}",
            },
        }
        503 {
            widget_store_unavailable: "The widget store is unavailable, try again later.",
        }
    }

    /// A second set in the same invocation, private to the crate and without docs of its own.
    #[cfg(all())]
    pub(crate) enum InternalError {
        500 {
            internal: "Something went wrong." { url: "https://example.com/docs/internal" },
        }
    }
}

stytch_errors! {
    /// A set configured out: neither the enum nor its implementations exist.
    #[cfg(any())]
    #[stytch(url = "https://example.com/docs/errors/{status}#{fragment}")]
    pub enum ConfiguredOut {
        404 {
            gone: "Gone.",
        }
    }
}

/// The internal set is usable inside the crate.
#[must_use]
pub fn internal_message() -> &'static str {
    InternalError::internal.error_message()
}

include!(concat!(env!("OUT_DIR"), "/large.rs"));

pub mod derived;

pub mod causes;
