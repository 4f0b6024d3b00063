//! `http` integration: statuses as [`http::StatusCode`].

use http::StatusCode;

use crate::{ErrorEnvelope, ErrorInfo};

/// The status of an error; one outside what `StatusCode` accepts (which no declared set or
/// derived type has) is answered as `500 Internal Server Error`.
pub(crate) fn status(status_code: u16) -> StatusCode {
    StatusCode::from_u16(status_code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

impl ErrorInfo {
    /// The HTTP status, as an [`http::StatusCode`].
    ///
    /// ```
    /// use stytch_errors::ConsumerError;
    ///
    /// let status = ConsumerError::email_not_found.info().http_status();
    /// assert_eq!(status.as_u16(), 404);
    /// assert_eq!(status.canonical_reason(), Some("Not Found"));
    /// ```
    #[must_use]
    pub fn http_status(&self) -> StatusCode {
        status(self.status_code())
    }
}

impl ErrorEnvelope<'_> {
    /// The `status_code` of the envelope as an [`http::StatusCode`], or `None` when it is not a
    /// valid one (a received envelope carries whatever number the API sent).
    ///
    /// ```
    /// use stytch_errors::ErrorEnvelope;
    ///
    /// let envelope = ErrorEnvelope::new(404, "email_not_found", "Email could not be found.");
    /// assert_eq!(envelope.http_status().map(|status| status.as_u16()), Some(404));
    /// assert_eq!(ErrorEnvelope::new(42, "odd", "Odd.").http_status(), None);
    /// ```
    #[must_use]
    pub fn http_status(&self) -> Option<StatusCode> {
        StatusCode::from_u16(self.status_code()).ok()
    }
}
