//! API errors in the Stytch style, as typed Rust: every error has an HTTP status, a stable
//! snake_case `error_type`, a human message and a documentation URL, and travels as one JSON
//! envelope. Declare a set of errors with [`stytch_errors!`]; every name, status, message and
//! URL is checked at compile time:
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
//! assert_eq!(error.error_url(), "https://example.com/docs/errors/409#widget_locked");
//!
//! let envelope = error.envelope("request-id-1");
//! assert_eq!(envelope.error_message(), "Widget is locked by another request.");
//! assert_eq!(WidgetError::from_error_type("widget_not_found"), Some(WidgetError::WidgetNotFound));
//! ```
//!
//! The envelope, as it goes on the wire:
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
//! Give your own types the same envelope with [`derive@StytchError`]:
//!
//! ```
//! use stytch_errors::{ConsumerError, StytchError};
//!
//! #[derive(Debug, StytchError)]
//! #[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
//! enum AppError {
//!     #[stytch(status = 404, message = "Widget {id} could not be found.")]
//!     WidgetNotFound { id: u64 },
//!     #[stytch(entry = ConsumerError::email_not_found)]
//!     MissingEmail,
//! }
//!
//! let envelope = AppError::WidgetNotFound { id: 7 }.envelope("request-id-2");
//! assert_eq!(envelope.error_type(), "widget_not_found");
//! assert_eq!(envelope.error_message(), "Widget 7 could not be found.");
//! ```
//!
//! Stytch's own published catalogs ship built in: [`ConsumerError`] and [`B2bError`]; so does
//! [`HttpError`], the errors of HTTP itself, which the web framework integrations answer with
//! when a response is not one of the service's own errors.
//!
//! [`docs::MarkdownPage`] renders a set as a documentation page in the shape of Stytch's, from
//! the declaration alone; [`docs::HtmlPages`] renders the HTML pages its `error_url`s name, a
//! section at each URL's fragment, which `axum::DocsService` and `actix_web::DocsService` serve.
//!
//! # Features
//!
//! Integrations, all off by default:
//!
//! | feature | what it adds |
//! | --- | --- |
//! | `http` | `StytchError::http_status`, `ErrorInfo::http_status` and `ErrorEnvelope::http_status`, as `http::StatusCode` |
//! | `axum` | axum's `IntoResponse` for every set, derived type, [`ErrorEnvelope`] and `Box<dyn StytchError + Send + Sync>`; `axum::ErrorLayer`, which makes every error response an envelope with the request's id, the `axum::RequestId` extractor and `axum::DocsService`, the HTML docs pages at their URLs' paths (axum-core only) |
//! | `actix-web` | actix-web's `ResponseError` for the same; the `actix_web::ErrorEnvelopes` middleware, the `actix_web::RequestId` extractor and `actix_web::DocsService` |
//! | `utoipa` | `ToSchema` for [`ErrorEnvelope`], `IntoResponses` for every set, `utoipa::envelope_schema` |
//! | `schemars` | `JsonSchema` for [`ErrorEnvelope`], `schemars::envelope_schema` |
//! | `tracing` | one event per error response from the layer and the middleware; `tracing::event`, `tracing::envelope_event` and `tracing::record`: `error_type`, `status_code` and `request_id` as fields |

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

// The generated code names this crate `::stytch_errors`, here too.
extern crate self as stytch_errors;

mod b2b;
mod consumer;

pub use b2b::B2bError;
pub use consumer::ConsumerError;
pub use stytch_errors_runtime::{
    ApiError, ErrorCatalog, ErrorEnvelope, ErrorInfo, ErrorSet, HasKind, HttpError,
    MAX_REQUEST_ID_LEN, ParseError, ParseErrorKind, RetryAfter, Shape, StytchError, Typed,
    UnknownErrorType, WithRetryAfter, docs, generate_request_id, is_acceptable_request_id,
};

#[cfg(feature = "actix-web")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
pub use stytch_errors_runtime::actix_web;
#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub use stytch_errors_runtime::axum;
#[cfg(feature = "reqwest")]
#[cfg_attr(docsrs, doc(cfg(feature = "reqwest")))]
pub use stytch_errors_runtime::reqwest;
#[cfg(feature = "schemars")]
#[cfg_attr(docsrs, doc(cfg(feature = "schemars")))]
pub use stytch_errors_runtime::schemars;
#[cfg(feature = "tracing")]
#[cfg_attr(docsrs, doc(cfg(feature = "tracing")))]
pub use stytch_errors_runtime::tracing;
#[cfg(feature = "utoipa")]
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
pub use stytch_errors_runtime::utoipa;

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
///     WidgetError::OwnerNotFound.error_url(),
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
/// - A group per HTTP status (`400..=599`, written as a plain decimal number), each entry
///   `error_type: "message"`: the error_type is lower snake_case ASCII, at most 128 bytes, unique
///   within the set. Names may come through `macro_rules!` (`$name:ident` or `$name:path`).
/// - An entry's optional `{ ... }` block: `title` (default: the error_type in sentence case),
///   `description` (default: the message), `causes` and `troubleshooting` (lists of strings),
///   `fragment` (default: the error_type) and `url` (replaces the set's template for this entry,
///   and may use the same placeholders). Doc comments on an entry go on its variant.
/// - `#[deprecated]` on an entry retires its error_type: it stays declared (clients still meet
///   it) and listed, code that names it is warned, and docs pages mark it *Deprecated*.
///
/// # Generated
///
/// A fieldless enum, one variant per entry in UpperCamelCase (`widget_not_found` becomes
/// `WidgetNotFound`), documented with the entry's status, message, description, causes,
/// troubleshooting and URL; `Clone`, `Copy`, `Eq`, `Hash`, `Ord` (declaration order) and `Debug`.
/// Then:
/// - an associated constant per entry named by its wire name (`WidgetError::widget_not_found`),
///   so that code naming an error by its wire name is checked by the compiler;
/// - `const` accessors `status_code()`, `error_type()`, `error_message()`, `error_url()` and `info()`,
///   the constant `ALL` in declaration order, and `from_error_type(&str)`;
/// - [`StytchError`], [`ErrorSet`], `Display` (the message), `std::error::Error`, `FromStr`
///   (failing with [`UnknownErrorType`]) and serde's `Serialize`/`Deserialize` as the wire name.
///
/// Because the wire-name constants share a namespace with the accessors and the trait methods
/// of a set, the error_types `status_code`, `error_type`, `error_message`, `error_url`, `info`,
/// `from_error_type`, `entry_info`, `envelope`, `http_status` and `similar` are refused, as are
/// `crate`, `self` and `super`; other Rust keywords become raw constants (`r#type`).
///
/// # Compile-time checks
///
/// Every mistake is a compile error on the offending token, all of an input's mistakes in one
/// build: a name that is not lower snake_case (with the corrected spelling), a name or fragment
/// declared twice (both places named), a status outside `400..=599`, an empty or
/// whitespace-padded message, title, description, cause or step, a URL that is not absolute
/// http(s) or uses an unknown placeholder, an entry left without URL, unknown keys and options
/// (with "did you mean"), and a `derive` of a trait the macro implements itself (in
/// `#[cfg_attr(..., derive(...))]` too).
pub use stytch_errors_macros::stytch_errors;

/// Derives [`StytchError`] for a struct or an enum of your own: the status, error_type, message
/// and documentation URL of each variant, so that it travels in the same envelope as the
/// built-in errors.
///
/// ```
/// use stytch_errors::{ConsumerError, StytchError};
///
/// #[derive(Debug, StytchError)]
/// #[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
/// pub enum AppError {
///     #[stytch(status = 404, message = "Widget {id} could not be found.")]
///     WidgetNotFound { id: u64 },                        // error_type "widget_not_found"
///     #[stytch(status = 409, error_type = "widget_locked", message = "Widget {0} is locked by {1}.")]
///     Locked(u64, String),
///     #[stytch(entry = ConsumerError::email_not_found)] // all four from a set's entry
///     MissingEmail,
///     #[stytch(transparent)]
///     Stytch(ConsumerError),                           // everything delegated to the field
/// }
///
/// let error = AppError::WidgetNotFound { id: 7 };
/// assert_eq!(error.status_code(), 404);
/// assert_eq!(error.error_type(), "widget_not_found");
/// assert_eq!(error.to_string(), "Widget 7 could not be found.");
/// assert_eq!(error.error_url(), "https://example.com/docs/errors/404#widget_not_found");
///
/// let error = AppError::MissingEmail;
/// assert_eq!(error.envelope("request-1").error_message(), "Email could not be found.");
/// assert_eq!(AppError::Stytch(ConsumerError::UserNotFound).error_type(), "user_not_found");
/// ```
///
/// # Keys
///
/// `#[stytch(...)]` on a variant, or on a struct:
/// - `status = 404`: the HTTP status, in `400..=599`.
/// - `error_type = "..."`: the wire name, lower snake_case ASCII and at most 128 bytes; by
///   default the snake_case of the variant's or struct's name (`WidgetNotFound` becomes
///   `widget_not_found`). A name that is not ASCII (`CaféNotFound`) has no default: give one.
///   Two variants of an enum that are compiled in together cannot have the same error_type.
/// - `message = "..."`: the message, which interpolates fields as thiserror's do: `{id}`, `{0}`,
///   format specs such as `{id:?}`, `{ratio:.2}` or `{ratio:.prec$}`, and `{{`/`}}` for braces.
///   A placeholder that names no field is a compile error.
/// - `url = "..."`: the documentation URL template, as in [`stytch_errors!`], with the
///   placeholders `{status}`, `{error_type}` and `{fragment}`; replaces the type's template.
/// - `fragment = "..."`: what `{fragment}` stands for (default: the error_type); the URL
///   template must use `{fragment}`.
/// - `entry = Set::wire_name`: status, error_type, message and URL from an entry of a set
///   declared with [`stytch_errors!`], such as `ConsumerError::email_not_found`; a misspelled wire
///   name fails the build. Only `message` may be given beside it, to override the entry's.
///   [`StytchError::entry_info`] gives the entry's metadata.
/// - `transparent`: everything, `Display` and `Error::source` included, delegated to the single
///   field, whose type implements [`StytchError`].
///
/// On an enum, `#[stytch(...)]` takes `url` (the template of every variant) and `crate`; a struct
/// takes `crate` beside its own keys. `crate = path` names this crate when it was renamed in
/// `Cargo.toml`. Every value may come from a `macro_rules!` caller (`message = $message`).
///
/// On a field, `#[stytch(details)]` (one field per variant, of any `Serialize` type) sends the
/// field as the envelope's `error_details`, on the serde path and `write_json` alike:
///
/// ```
/// use std::collections::BTreeMap;
/// use stytch_errors::StytchError;
///
/// #[derive(Debug, StytchError)]
/// #[stytch(status = 400, url = "https://example.com/docs/errors/{status}#{error_type}")]
/// #[stytch(message = "{count} fields are invalid.")]
/// struct ValidationFailed {
///     count: usize,
///     #[stytch(details)]
///     fields: BTreeMap<&'static str, &'static str>,
/// }
///
/// let error = ValidationFailed { count: 1, fields: BTreeMap::from([("email", "is empty")]) };
/// let envelope = error.envelope("request-1");
/// assert_eq!(envelope.error_details().unwrap()["email"], "is empty");
/// ```
///
/// A value that serde cannot make a JSON value of (a map whose keys are not strings, say) sends
/// no `error_details`.
///
/// # `Display` and `Error`
///
/// When every variant has a message (its own `message`, its entry's or its transparent field's),
/// the derive implements `Display` (the message) and `std::error::Error` too. When no variant
/// has `message`, the type's own `Display` is the message, and the derive implements neither, so
/// it composes with a `Display` of your own, written by hand or by `thiserror`'s derive (whose
/// `#[error(...)]`, `#[source]` and `#[from]` then work as usual):
///
/// ```
/// use std::fmt;
/// use stytch_errors::StytchError;
///
/// #[derive(Debug, StytchError)]
/// #[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
/// enum ServiceError {
///     #[stytch(status = 404)]
///     WidgetNotFound { id: u64 },
///     #[stytch(status = 503, error_type = "store_unavailable")]
///     Store,
/// }
///
/// impl fmt::Display for ServiceError {
///     fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
///         match self {
///             ServiceError::WidgetNotFound { id } => write!(f, "widget {id} could not be found"),
///             ServiceError::Store => f.write_str("the widget store is down"),
///         }
///     }
/// }
///
/// impl std::error::Error for ServiceError {}
///
/// let error = ServiceError::WidgetNotFound { id: 3 };
/// assert_eq!(error.error_message(), "widget 3 could not be found");
/// assert_eq!(ServiceError::Store.error_type(), "store_unavailable");
/// ```
///
/// Entries and transparent fields keep their own messages either way. A type with thiserror's
/// `#[error(...)]` attributes cannot have a `message` too.
///
/// When the derive implements `Error`, it follows thiserror's conventions for the cause, so
/// that no second derive is needed: a field marked `#[source]`, or named `source`, is
/// `source()` (any error type, or a boxed `dyn Error`); `#[from]` marks the source too and
/// implements `From<FieldType>`, so that `?` converts (the field must be the variant's only
/// one); a `transparent` variant's `source()` is its field's. The cause never reaches the
/// envelope: the message is the public text, the chain is for logs.
///
/// ```
/// use std::error::Error as _;
/// use stytch_errors::StytchError;
///
/// #[derive(Debug, StytchError)]
/// #[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
/// enum StoreError {
///     #[stytch(status = 503, message = "The widget store is unavailable.")]
///     Unavailable(#[from] std::io::Error),
/// }
///
/// fn read() -> Result<(), StoreError> {
///     Err(std::io::Error::other("disk full"))?
/// }
///
/// let error = read().unwrap_err();
/// assert_eq!(error.source().unwrap().to_string(), "disk full");
/// assert_eq!(error.envelope("request-1").error_message(), "The widget store is unavailable.");
/// ```
///
/// `#[deprecated]` on a variant is kept, and marks it *Deprecated* on docs pages.
///
/// # Listed errors
///
/// A derived type lists its errors as a set does, through [`ErrorCatalog`]: one per variant
/// (status, error_type, message as written, URL, and the doc comment as description), an entry
/// variant's entry, and for a `transparent` variant the errors of its field's type where that
/// type lists its own. Docs pages ([`docs::MarkdownPage::of`]), and with their features the
/// OpenAPI responses of utoipa (`responses(AppError)` works: a type without generics
/// implements `IntoResponses`) and the JSON Schemas of schemars, take derived types as they
/// take sets.
///
/// Generics, lifetimes and `#[cfg]` on variants are supported; bounds are added for generic
/// fields that messages show or that are transparent.
///
/// # Compile-time checks
///
/// Every mistake is a compile error on the offending token, all of them in one build, and the
/// type still gets its impls so that other code sees no follow-on errors: unknown, misplaced or
/// repeated keys (with "did you mean"), values of the wrong kind, a status outside `400..=599`, an
/// error_type that is not lower snake_case (with the corrected spelling), two variants with one
/// error_type (checked at compile time for entries too), a bad URL template or fragment, a
/// variant without status or URL, an empty or whitespace-padded message, a placeholder that
/// names no field, keys given beside `entry` or `transparent` that they replace, a
/// `transparent` variant without exactly one field or whose field is no `StytchError` (the error
/// on the field's type), a variant without message beside variants with one, `#[from]` beside
/// other fields, two sources or two `details` in one variant, a `fragment` that the URL does not
/// show, and a union. Keys named as other crates name them get the right one: `msg` is
/// `message`, `code` is `status`.
pub use stytch_errors_macros::StytchError;
