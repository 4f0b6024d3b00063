//! The `StytchError` trait: what every error in the Stytch style can say about itself.

use std::borrow::Cow;

use crate::{ErrorEnvelope, ErrorInfo};

/// An error with an HTTP status, a stable snake_case `error_type`, a human message and a
/// documentation URL: the four things a Stytch-style API puts in its JSON envelope.
///
/// Implemented by every set declared with `stytch_errors!` and every type with
/// `#[derive(StytchError)]`. The trait is object safe: with the `axum` or `actix-web` feature,
/// `Box<dyn StytchError + Send + Sync>` is a response (`IntoResponse`, `ResponseError`), for
/// handlers that answer with errors of several types.
///
/// ```
/// use stytch_errors::StytchError;
///
/// fn respond(error: &dyn StytchError, request_id: &str) -> (u16, String) {
///     let envelope = error.envelope(request_id);
///     (error.status_code(), envelope.error_type().to_owned())
/// }
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `StytchError`",
    label = "not a `StytchError`",
    note = "declare it with `stytch_errors!`, or derive `StytchError` for it"
)]
pub trait StytchError: std::error::Error {
    /// The HTTP status the error is answered with, in `400..=599`.
    fn status_code(&self) -> u16;

    /// The stable snake_case name of the error on the wire, such as `email_not_found`.
    fn error_type(&self) -> &str;

    /// The human-readable message sent as `error_message`.
    ///
    /// Borrowed when the message is static, owned when it interpolates values.
    fn error_message(&self) -> Cow<'_, str>;

    /// The absolute URL of the error's documentation, sent as `error_url`.
    fn error_url(&self) -> &str;

    /// The HTTP status as an [`http::StatusCode`] (feature `http`).
    ///
    /// ```
    /// use stytch_errors::StytchError;
    ///
    /// use stytch_errors::ConsumerError;
    ///
    /// let error: &dyn StytchError = &ConsumerError::email_not_found;
    /// assert_eq!(error.http_status().as_u16(), 404);
    /// ```
    #[cfg(feature = "http")]
    #[cfg_attr(docsrs, doc(cfg(feature = "http")))]
    fn http_status(&self) -> http::StatusCode {
        crate::http::status(self.status_code())
    }

    /// The static metadata of the error, when it is an entry of a declared set (directly or
    /// through a transparent wrapper).
    fn entry_info(&self) -> Option<&'static ErrorInfo> {
        None
    }

    /// How long the client should wait before sending the request again, when the error says.
    ///
    /// A service answers with a `Retry-After` header carrying it, in whole seconds (a fraction of a
    /// second rounds up). `None`, the default, sends no header.
    fn retry_after(&self) -> Option<std::time::Duration> {
        None
    }

    /// The error with a retry hint: a [`WithRetryAfter`](crate::WithRetryAfter) whose
    /// `retry_after()` is `delay`, such as a 429 that tells the client when to come back.
    ///
    /// ```
    /// use std::time::Duration;
    ///
    /// use stytch_errors::{HttpError, StytchError};
    ///
    /// let error = HttpError::service_unavailable.with_retry_after(Duration::from_secs(120));
    /// assert_eq!(error.retry_after(), Some(Duration::from_secs(120)));
    /// ```
    fn with_retry_after(self, delay: std::time::Duration) -> crate::WithRetryAfter<Self>
    where
        Self: Sized,
    {
        crate::WithRetryAfter::new(self, delay)
    }

    /// The envelope of one response carrying this error, with the request's id.
    ///
    /// Nothing is copied: the envelope borrows the error's data and the request id.
    fn envelope<'a>(&'a self, request_id: &'a str) -> ErrorEnvelope<'a> {
        crate::__private::envelope(self, request_id)
    }
}

impl<E: StytchError + ?Sized> StytchError for &E {
    fn status_code(&self) -> u16 {
        (**self).status_code()
    }
    fn error_type(&self) -> &str {
        (**self).error_type()
    }
    fn error_message(&self) -> Cow<'_, str> {
        (**self).error_message()
    }
    fn error_url(&self) -> &str {
        (**self).error_url()
    }
    fn entry_info(&self) -> Option<&'static ErrorInfo> {
        (**self).entry_info()
    }
    fn retry_after(&self) -> Option<std::time::Duration> {
        (**self).retry_after()
    }
}
