//! `tracing` integration: an error's `error_type`, `status_code` and `request_id` as fields.
//!
//! ```ignore
//! let span = tracing::info_span!(
//!     "request",
//!     error_type = tracing::field::Empty,
//!     status_code = tracing::field::Empty,
//!     request_id = tracing::field::Empty,
//! );
//! // …
//! stytch_errors::tracing::record(&span, &error, request_id); // on the request's span
//! stytch_errors::tracing::event(&error, request_id);         // or as an event of its own
//! ```

use tracing::Span;

use crate::StytchError;

/// The target of the events of [`event`], to filter them by (`stytch_errors=info`).
pub const TARGET: &str = "stytch_errors";

/// Emits an event for the error, with the fields `error_type`, `status_code` and `request_id`
/// and the error's message as the event's message: at level `ERROR` for a 5xx status, `INFO`
/// for a 4xx one (the client's mistake, not the service's), under the target [`TARGET`].
pub fn event<E: StytchError + ?Sized>(error: &E, request_id: &str) {
    let status_code = error.status_code();
    let error_type = error.error_type();
    let message = error.error_message();
    if status_code >= 500 {
        tracing::error!(target: TARGET, error_type, status_code, request_id, "{message}");
    } else {
        tracing::info!(target: TARGET, error_type, status_code, request_id, "{message}");
    }
}

/// Records the error's `error_type` and `status_code`, and the `request_id`, on `span`.
///
/// A span records only the fields it declared, so declare these three when creating it, with
/// `tracing::field::Empty` as their value; fields it did not declare are left out.
pub fn record<E: StytchError + ?Sized>(span: &Span, error: &E, request_id: &str) {
    span.record("error_type", error.error_type());
    span.record("status_code", error.status_code());
    span.record("request_id", request_id);
}
