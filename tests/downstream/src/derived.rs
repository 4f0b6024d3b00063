//! Types with `#[derive(StytchError)]`, compiled under the crate's strict lints: every shape of
//! type the derive takes (enums and structs, named, tuple and unit fields, generics, lifetimes,
//! `#[cfg]`'d variants) and every key.

use std::fmt;

use stytch_errors::{ConsumerError, StytchError};

use crate::WidgetError;

/// The example of the design: messages that interpolate fields, an explicit `error_type`, an
/// entry of a built-in catalog, and a transparent wrapper.
#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
pub enum AppError {
    /// A widget is missing.
    #[stytch(status = 404, message = "Widget {id} could not be found.")]
    WidgetNotFound {
        /// The id of the widget.
        id: u64,
    },
    /// A widget is locked.
    #[stytch(
        status = 409,
        error_type = "widget_locked",
        message = "Widget {0} is locked by {1:?}."
    )]
    Locked(u64, String),
    /// The email is unknown.
    #[stytch(entry = ConsumerError::email_not_found)]
    MissingEmail,
    /// An entry whose message is overridden.
    #[stytch(entry = ConsumerError::user_not_found, message = "User {0} could not be found.")]
    MissingUser(String),
    /// Any consumer error, as it is.
    #[stytch(transparent)]
    Stytch(ConsumerError),
    /// An error of a set of this crate, as it is.
    #[stytch(transparent)]
    Widget {
        /// The error.
        inner: WidgetError,
    },
    /// Format specs, literal braces, counts taken from fields, and a variant URL with a
    /// fragment.
    #[stytch(
        status = 422,
        message = "{{quota}} {used:>5} of {limit:#x} ({ratio:.prec$}) {used:*^6}",
        url = "https://example.com/quota#{fragment}",
        fragment = "quota-exceeded"
    )]
    QuotaExceeded {
        /// Used.
        used: u32,
        /// The limit.
        limit: u32,
        /// The ratio.
        ratio: f64,
        /// Its precision.
        prec: usize,
    },
    /// A field named with a keyword.
    #[stytch(status = 400, message = "Bad type {type}.")]
    BadType {
        /// The type.
        r#type: &'static str,
    },
    /// Only in some builds: exercises `#[cfg]` on variants.
    #[cfg(any())]
    #[stytch(status = 400, message = "Configured out.")]
    ConfiguredOut,
    /// Only in every build.
    #[cfg(not(any()))]
    #[stytch(status = 503, message = "Try again later.")]
    Unavailable,
}

/// A struct with its own message.
#[derive(Debug, StytchError)]
#[stytch(
    status = 429,
    message = "Too many requests; retry after {retry_after_secs} s.",
    url = "https://example.com/docs/errors/{status}#{error_type}"
)]
pub struct RateLimited {
    /// When to retry.
    pub retry_after_secs: u32,
}

/// A unit struct whose `error_type` is given.
#[derive(Debug, StytchError)]
#[stytch(
    status = 401,
    error_type = "unauthorized_credentials",
    message = "Unauthorized credentials.",
    url = "https://example.com/docs/errors/401"
)]
pub struct Unauthorized;

/// A transparent tuple struct.
#[derive(Debug, StytchError)]
#[stytch(transparent)]
pub struct Wrapped(pub ConsumerError);

/// A struct that is an entry.
#[derive(Debug, StytchError)]
#[stytch(entry = WidgetError::r#type)]
pub struct ReadOnlyType;

/// Generic and borrowing: a transparent generic field, a message showing a generic value, and a
/// borrowed field.
#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
pub enum Generic<'a, E, T>
where
    T: Copy,
{
    /// Delegates to `E`.
    #[stytch(transparent)]
    Inner(E),
    /// Shows `T` and the borrowed string.
    #[stytch(status = 400, message = "Bad value {value:?} for {name}.")]
    BadValue {
        /// The value.
        value: T,
        /// The field it was given for.
        name: &'a str,
    },
}

/// A type that writes its own `Display`: the derive takes it as the message and implements
/// neither `Display` nor `Error`.
#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
pub enum OwnDisplay {
    /// Shown by the `Display` below.
    #[stytch(status = 404)]
    NotHere(u32),
    /// Still the entry's message.
    #[stytch(entry = ConsumerError::email_not_found)]
    Email,
    /// Still the field's message.
    #[stytch(transparent)]
    Consumer(ConsumerError),
}

impl fmt::Display for OwnDisplay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OwnDisplay::NotHere(n) => write!(f, "Nothing at {n}."),
            OwnDisplay::Email => f.write_str("(email)"),
            OwnDisplay::Consumer(error) => write!(f, "(consumer: {error})"),
        }
    }
}

impl std::error::Error for OwnDisplay {}

/// An enum with no variants: an error that cannot happen.
#[derive(Debug, StytchError)]
pub enum Never {}

/// A service's errors over the 804 real Stytch names: its own two, an entry of the large set
/// that the set's transparent variant lists again, and the set itself.
#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
pub enum LargeAppError {
    /// A widget that is not there.
    #[stytch(status = 404, message = "Widget {id} could not be found.")]
    WidgetGone {
        /// The widget.
        id: u64,
    },
    /// A name of the large set, sent by this variant.
    #[stytch(entry = crate::LargeError::email_not_found)]
    NoEmail,
    /// Every name of the large set.
    #[stytch(transparent)]
    Large(crate::LargeError),
}
