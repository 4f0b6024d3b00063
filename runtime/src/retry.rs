//! `WithRetryAfter`: any error, with a hint of when to retry, for the `Retry-After` header.

use std::borrow::Cow;
use std::fmt;
use std::time::Duration;

use crate::{ErrorCatalog, ErrorInfo, HasKind, StytchError};

/// An error with a retry hint: everything of `E`, and [`retry_after`](StytchError::retry_after)
/// the given delay, which the service integrations send as the response's `Retry-After` header
/// (in whole seconds, a fraction rounding up). Made by
/// [`StytchError::with_retry_after`]:
///
/// ```
/// use std::time::Duration;
///
/// use stytch_errors::{HttpError, StytchError};
///
/// let error = HttpError::too_many_requests.with_retry_after(Duration::from_secs(30));
/// assert_eq!(error.status_code(), 429);
/// assert_eq!(error.retry_after(), Some(Duration::from_secs(30)));
/// assert_eq!(error.to_string(), HttpError::too_many_requests.to_string());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct WithRetryAfter<E> {
    error: E,
    delay: Duration,
}

impl<E> WithRetryAfter<E> {
    /// `error`, to be retried after `delay`.
    pub const fn new(error: E, delay: Duration) -> Self {
        WithRetryAfter { error, delay }
    }

    /// The error.
    pub const fn error(&self) -> &E {
        &self.error
    }

    /// The error, without its hint.
    pub fn into_error(self) -> E {
        self.error
    }
}

impl<E: fmt::Display> fmt::Display for WithRetryAfter<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.error.fmt(f)
    }
}

impl<E: std::error::Error> std::error::Error for WithRetryAfter<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.error.source()
    }
}

impl<E: StytchError> StytchError for WithRetryAfter<E> {
    fn status_code(&self) -> u16 {
        self.error.status_code()
    }
    fn error_type(&self) -> &str {
        self.error.error_type()
    }
    fn error_message(&self) -> Cow<'_, str> {
        self.error.error_message()
    }
    fn error_url(&self) -> &str {
        self.error.error_url()
    }
    fn entry_info(&self) -> Option<&'static ErrorInfo> {
        self.error.entry_info()
    }
    fn retry_after(&self) -> Option<Duration> {
        Some(self.delay)
    }
}

/// The error's kind: the hint is not part of it.
impl<E: HasKind> HasKind for WithRetryAfter<E> {
    type Kind = E::Kind;

    fn kind(&self) -> E::Kind {
        self.error.kind()
    }
}

/// The error's listing.
impl<E: ErrorCatalog> ErrorCatalog for WithRetryAfter<E> {
    const TYPE_NAME: &'static str = E::TYPE_NAME;

    fn errors() -> Vec<&'static ErrorInfo> {
        E::errors()
    }
}

crate::__stytch_errors_integrations! { derive [<E: StytchError>] WithRetryAfter<E> [] }

/// The value of a `Retry-After` header for `delay`: whole seconds, rounded up, so that a client
/// that waits as told never comes back early.
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) fn header_value(delay: Duration) -> String {
    let seconds = delay
        .as_secs()
        .saturating_add(u64::from(delay.subsec_nanos() > 0));
    seconds.to_string()
}

#[cfg(all(test, any(feature = "axum", feature = "actix-web")))]
mod tests {
    use std::time::Duration;

    use super::header_value;

    #[test]
    fn the_header_is_whole_seconds_rounded_up() {
        assert_eq!(header_value(Duration::from_secs(30)), "30");
        assert_eq!(header_value(Duration::from_millis(1)), "1");
        assert_eq!(header_value(Duration::from_millis(1500)), "2");
        assert_eq!(header_value(Duration::ZERO), "0");
        assert_eq!(header_value(Duration::MAX), u64::MAX.to_string());
    }
}
