//! API errors in the Stytch style, as typed Rust: every error has an HTTP status, a stable
//! snake_case `error_type`, a human message and a documentation URL, and travels as one JSON
//! envelope:
//!
//! ```json
//! {
//!   "status_code": 404,
//!   "request_id": "request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141",
//!   "error_type": "email_not_found",
//!   "error_message": "Email could not be found.",
//!   "error_url": "https://stytch.com/docs/api-reference/consumer/api/errors/404#email_not_found"
//! }
//! ```
//!
//! Declare a set of errors with [`stytch_errors!`]; every name, status, message and URL is
//! checked at compile time:
//!
//! ```
//! use stytch_errors::{StytchError, stytch_errors};
//!
//! stytch_errors! {
//!     /// Errors of the widget service.
//!     #[stytch(url = "https://example.com/docs/errors/{status}#{fragment}")]
//!     pub enum WidgetError {
//!         404 {
//!             widget_not_found: "Widget could not be found.",
//!         }
//!         409 {
//!             widget_locked: "Widget is locked by another request.",
//!         }
//!     }
//! }
//!
//! let error = WidgetError::widget_locked;
//! assert_eq!(error.status_code(), 409);
//! assert_eq!(error.url(), "https://example.com/docs/errors/409#widget_locked");
//!
//! let envelope = error.envelope("request-id-1");
//! assert_eq!(envelope.error_message(), "Widget is locked by another request.");
//! assert_eq!(WidgetError::from_error_type("widget_not_found"), Some(WidgetError::WidgetNotFound));
//! ```
//!
//! Stytch's own published catalogs ship built in: [`ConsumerError`] and [`B2bError`].

#![forbid(unsafe_code)]
#![deny(missing_docs)]

// The generated code names this crate `::stytch_errors`, here too.
extern crate self as stytch_errors;

mod b2b;
mod consumer;

pub use b2b::B2bError;
pub use consumer::ConsumerError;
pub use stytch_errors_runtime::{
    ErrorEnvelope, ErrorInfo, ErrorSet, ParseError, ParseErrorKind, Shape, StytchError, Typed,
    UnknownErrorType,
};

#[doc(hidden)]
pub use stytch_errors_runtime::__private;

/// The README's examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

/// Declares one or more error sets: typed enums of errors grouped by HTTP status, each entry an
/// `error_type: "message"` with optional documentation details.
///
/// ```
/// use stytch_errors::stytch_errors;
///
/// stytch_errors! {
///     /// Errors of the widget service.
///     #[stytch(url = "https://example.com/docs/errors/{status}#{fragment}")]
///     pub enum WidgetError {
///         404 {
///             widget_not_found: "Widget could not be found.",
///             /// Rustdoc for this variant.
///             owner_not_found: "The widget's owner could not be found." {
///                 title: "Owner not found",
///                 description: "There is no user with the supplied `owner_id`.",
///                 causes: ["The owner was deleted after the widget was created."],
///                 troubleshooting: ["Reassign the widget, then retry."],
///                 fragment: "owner-missing",
///             },
///         }
///         409 {
///             widget_locked: "Widget is locked by another request.",
///         }
///     }
/// }
///
/// assert_eq!(WidgetError::owner_not_found, WidgetError::OwnerNotFound);
/// assert_eq!(WidgetError::OwnerNotFound.info().title(), "Owner not found");
/// assert_eq!(WidgetError::WidgetNotFound.info().title(), "Widget not found");
/// assert_eq!(
///     WidgetError::OwnerNotFound.url(),
///     "https://example.com/docs/errors/404#owner-missing",
/// );
/// assert_eq!(WidgetError::ALL.len(), 3);
/// ```
///
/// # Syntax
///
/// - Outer attributes of the enum pass through to it (docs, `#[non_exhaustive]`, `#[cfg]`,
///   further derives), except `#[stytch(...)]`, whose options are:
///   - `url = "..."`: the documentation URL template of the set, an absolute http(s) URL with
///     the placeholders `{status}`, `{error_type}` and `{fragment}`;
///   - `crate = path`: where this crate is, when it was renamed in `Cargo.toml`.
/// - A group per HTTP status (`400..=599`), each entry `error_type: "message"`: the
///   error_type is lower snake_case, at most 64 bytes, unique within the set.
/// - An entry's optional `{ ... }` block: `title` (default: the error_type in sentence case),
///   `description` (default: the message), `causes` and `troubleshooting` (lists of strings),
///   `fragment` (default: the error_type) and `url` (replaces the set's template for this entry,
///   and may use the same placeholders). Doc comments on an entry go on its variant.
///
/// # Generated
///
/// A fieldless enum, one variant per entry in UpperCamelCase (`widget_not_found` becomes
/// `WidgetNotFound`), documented with the entry's status, message, description, causes,
/// troubleshooting and URL; `Clone`, `Copy`, `Eq`, `Hash`, `Ord` (declaration order) and `Debug`.
/// Then:
/// - an associated constant per entry named by its wire name (`WidgetError::widget_not_found`),
///   so that code naming an error by its wire name is checked by the compiler;
/// - `const` accessors `error_type()`, `message()`, `status_code()`, `url()` and `info()`,
///   the constant `ALL` in declaration order, and `from_error_type(&str)`;
/// - [`StytchError`], [`ErrorSet`], `Display` (the message), `std::error::Error`, `FromStr`
///   (failing with [`UnknownErrorType`]) and serde's `Serialize`/`Deserialize` as the wire name.
///
/// Because the wire-name constants share a namespace with the accessors, the error_types
/// `error_type`, `from_error_type`, `info`, `message`, `status_code` and `url` are refused, as
/// are `crate`, `self` and `super`; other Rust keywords become raw constants (`r#type`).
///
/// # Compile-time checks
///
/// Every mistake is a compile error on the offending token, all of an input's mistakes in one
/// build: a name that is not lower snake_case (with the corrected spelling), a name or fragment
/// declared twice (both places named), a status outside `400..=599`, an empty or
/// whitespace-padded message, title, description, cause or step, a URL that is not absolute
/// http(s) or uses an unknown placeholder, an entry left without URL, unknown keys and options
/// (with "did you mean"), and a `derive` of a trait the macro implements itself.
pub use stytch_errors_macros::stytch_errors;
