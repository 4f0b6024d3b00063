//! `ApiError`: an error answer of an API as a client receives it, whatever its body.

use std::error::Error;
use std::fmt;
use std::time::{Duration, SystemTime};

use crate::text::Escaped;
use crate::{ErrorEnvelope, ErrorSet, ParseError, Typed};

/// An error answer of an API, whatever its body: the HTTP status, the body byte for byte, the
/// envelope when the body is one, the request id and the retry hints.
///
/// Built by `stytch_errors::reqwest::ResponseExt::error_for_envelope` (feature `reqwest`), from
/// an `http::Response` (feature `http`), or for any HTTP client with
/// [`ApiError::new`] and [`with_header`](Self::with_header):
///
/// ```
/// use stytch_errors::{ApiError, ConsumerError, Typed};
///
/// let body = r#"{"status_code":404,"request_id":"req-1","error_type":"email_not_found","error_message":"Email could not be found.","error_url":"https://stytch.com/docs/api-reference/consumer/api/errors/404#email_not_found"}"#;
/// let error = ApiError::new(404, body);
/// assert_eq!(error.status(), 404);
/// assert_eq!(error.typed::<ConsumerError>(), Some(Typed::Known(ConsumerError::email_not_found)));
/// assert_eq!(error.request_id(), Some("req-1"));
/// assert!(!error.is_retryable());
/// assert_eq!(error.to_string(), "404 email_not_found: Email could not be found. (request_id req-1)");
///
/// // A gateway's page: no envelope, but the status, the body and the headers are kept.
/// let error = ApiError::new(502, "<html>Bad Gateway</html>")
///     .with_header("X-Request-Id", "edge-7")
///     .with_header("Retry-After", "3");
/// assert!(error.envelope().is_none());
/// assert_eq!(error.body(), b"<html>Bad Gateway</html>");
/// assert_eq!(error.request_id(), Some("edge-7"));
/// assert_eq!(error.retry_after().map(|hint| hint.delay().as_secs()), Some(3));
/// assert!(error.is_retryable());
/// ```
///
/// A body in the OAuth2 shape without `status_code`, as RFC 6749 writes it, is an envelope with
/// the status of the response, and serializes back without `status_code`, as it came.
#[derive(Debug)]
pub struct ApiError {
    status: u16,
    body: Body,
    /// The `x-request-id` header, when it is text.
    header_request_id: Option<String>,
    retry_after: Option<RetryAfter>,
    source: Option<Box<dyn Error + Send + Sync + 'static>>,
}

/// The body, kept once: beside its envelope, or inside the error saying why it is none.
#[derive(Debug)]
enum Body {
    Envelope {
        envelope: ErrorEnvelope<'static>,
        bytes: Vec<u8>,
    },
    Refused(ParseError),
}

impl ApiError {
    /// The error answer with HTTP status `status` and body `body`, read as an envelope if it is
    /// one. Headers are added with [`with_header`](Self::with_header).
    pub fn new(status: u16, body: impl Into<Vec<u8>>) -> Self {
        let bytes = body.into();
        let body = match ErrorEnvelope::parse_with_status(&bytes, Some(status)) {
            Ok(envelope) => Body::Envelope { envelope, bytes },
            Err(failure) => Body::Refused(failure.with_body(bytes)),
        };
        ApiError {
            status,
            body,
            header_request_id: None,
            retry_after: None,
            source: None,
        }
    }

    /// Adds a header of the response. Those read are `x-request-id` (the request id when the
    /// body has none) and `Retry-After`; the name is case-insensitive, and any other header
    /// is ignored. A value that is not text, or a `Retry-After` that is neither seconds nor an
    /// HTTP date, is ignored too. Given twice, the last value counts.
    #[must_use]
    pub fn with_header(mut self, name: &str, value: impl AsRef<[u8]>) -> Self {
        let Ok(value) = std::str::from_utf8(value.as_ref()) else {
            return self;
        };
        let value = value.trim_matches([' ', '\t']);
        if name.eq_ignore_ascii_case("x-request-id") {
            self.header_request_id = (!value.is_empty()).then(|| value.to_owned());
        } else if name.eq_ignore_ascii_case("retry-after") {
            self.retry_after = RetryAfter::parse(value);
        }
        self
    }

    /// Sets the error that stopped the body from being read (a connection closed halfway, say),
    /// which [`source`](Error::source) then gives.
    #[must_use]
    pub fn with_source(
        mut self,
        source: impl Into<Box<dyn Error + Send + Sync + 'static>>,
    ) -> Self {
        self.source = Some(source.into());
        self
    }

    /// The HTTP status of the response.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The body, byte for byte (empty when it could not be read: see
    /// [`source`](Error::source)).
    pub fn body(&self) -> &[u8] {
        match &self.body {
            Body::Envelope { bytes, .. } => bytes,
            Body::Refused(error) => error.body(),
        }
    }

    /// The envelope, when the body is one.
    pub fn envelope(&self) -> Option<&ErrorEnvelope<'static>> {
        match &self.body {
            Body::Envelope { envelope, .. } => Some(envelope),
            Body::Refused(_) => None,
        }
    }

    /// Why the body is not an envelope, when it is not.
    pub fn parse_error(&self) -> Option<&ParseError> {
        match &self.body {
            Body::Envelope { .. } => None,
            Body::Refused(error) => Some(error),
        }
    }

    /// The envelope's error_type, verbatim, when the body is an envelope.
    pub fn error_type(&self) -> Option<&str> {
        self.envelope().map(ErrorEnvelope::error_type)
    }

    /// The envelope's error_type as an entry of the set `E`, or verbatim if `E` does not
    /// declare it; `None` when the body is no envelope.
    pub fn typed<E: ErrorSet>(&self) -> Option<Typed<'_, E>> {
        self.envelope().map(ErrorEnvelope::typed)
    }

    /// The id of the request: the body's `request_id`, or else the `x-request-id` header.
    pub fn request_id(&self) -> Option<&str> {
        self.envelope()
            .and_then(ErrorEnvelope::request_id)
            .or(self.header_request_id.as_deref())
    }

    /// When to try again, from the `Retry-After` header.
    pub fn retry_after(&self) -> Option<RetryAfter> {
        self.retry_after
    }

    /// Whether the status says that the same request may succeed later: 408, 429, 500, 502,
    /// 503 and 504, the statuses the AWS and Stripe SDKs retry.
    pub fn is_retryable(&self) -> bool {
        matches!(self.status, 408 | 429 | 500 | 502 | 503 | 504)
    }
}

/// One line: the HTTP status, then the error_type and the message of the envelope (and its
/// status_code if it differs), or why the body is none, then the request id. Text from the response is escaped and cut short, so that it
/// cannot forge a line of a log.
impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.body {
            Body::Envelope { envelope, .. } => {
                write!(f, "{} {}", self.status, Escaped::new(envelope.error_type()))?;
                if !envelope.error_message().is_empty() {
                    write!(f, ": {}", Escaped::new(envelope.error_message()))?;
                }
                if envelope.status_code() != self.status {
                    write!(f, " (status_code {} in the body)", envelope.status_code())?;
                }
            }
            Body::Refused(_) if self.source.is_some() => {
                write!(f, "{}, the body could not be read", self.status)?;
            }
            Body::Refused(error) if error.body().is_empty() => {
                write!(f, "{} with an empty body", self.status)?;
            }
            Body::Refused(error) => write!(f, "{}, {error}", self.status)?,
        }
        match self.request_id() {
            Some(id) => write!(f, " (request_id {})", Escaped::new(id)),
            None => Ok(()),
        }
    }
}

impl Error for ApiError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        self.source
            .as_deref()
            .map(|source| source as &(dyn Error + 'static))
    }
}

/// The `Retry-After` header of a response: a delay, or a point in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RetryAfter {
    /// A number of seconds from the response.
    Delay(Duration),
    /// An HTTP date.
    At(SystemTime),
}

impl RetryAfter {
    /// The value of a header: seconds, or an HTTP date in any of the three forms HTTP
    /// recipients accept (`Sun, 06 Nov 1994 08:49:37 GMT`, `Sunday, 06-Nov-94 08:49:37 GMT`,
    /// `Sun Nov  6 08:49:37 1994`).
    fn parse(value: &str) -> Option<RetryAfter> {
        if !value.is_empty() && value.bytes().all(|byte| byte.is_ascii_digit()) {
            // More seconds than a u64 holds is as good as never.
            let seconds = value.parse().unwrap_or(u64::MAX);
            return Some(RetryAfter::Delay(Duration::from_secs(seconds)));
        }
        http_date(value).map(RetryAfter::At)
    }

    /// How long to wait from now: the delay, or the time until the date (zero if it has
    /// passed).
    pub fn delay(&self) -> Duration {
        self.delay_from(SystemTime::now())
    }

    /// How long to wait from `now`. See [`delay`](Self::delay).
    pub fn delay_from(&self, now: SystemTime) -> Duration {
        match self {
            RetryAfter::Delay(delay) => *delay,
            RetryAfter::At(at) => at.duration_since(now).unwrap_or(Duration::ZERO),
        }
    }
}

/// An HTTP date (RFC 9110, section 5.6.7), as a time.
fn http_date(text: &str) -> Option<SystemTime> {
    let words: Vec<&str> = text.split_ascii_whitespace().take(7).collect();
    let (day, month, year, time) = match words.as_slice() {
        // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
        [weekday, day, month, year, time, "GMT"] if weekday.ends_with(',') && year.len() == 4 => {
            (*day, *month, year.parse().ok()?, *time)
        }
        // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
        [weekday, date, time, "GMT"] if weekday.ends_with(',') => {
            let mut parts = date.split('-');
            let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
            if parts.next().is_some() || year.len() != 2 {
                return None;
            }
            let year: i64 = year.parse().ok()?;
            // Two-digit years: the nearest past century, as RFC 9110 has it, roughly.
            (
                day,
                month,
                if year < 70 { 2000 + year } else { 1900 + year },
                *time,
            )
        }
        // asctime: Sun Nov  6 08:49:37 1994
        [_, month, day, time, year] if year.len() == 4 => (*day, *month, year.parse().ok()?, *time),
        _ => return None,
    };
    if !day.bytes().all(|byte| byte.is_ascii_digit()) || day.len() > 2 {
        return None;
    }
    let day: u32 = day.parse().ok()?;
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = MONTHS.iter().position(|name| *name == month)? as u32 + 1;
    let mut clock = time.split(':');
    let mut unit = |max: u64| {
        clock
            .next()
            .filter(|part| part.len() == 2 && part.bytes().all(|byte| byte.is_ascii_digit()))
            .and_then(|part| part.parse::<u64>().ok())
            .filter(|value| *value <= max)
    };
    let (hours, minutes, seconds) = (unit(23)?, unit(59)?, unit(60)?);
    if clock.next().is_some() || !(1..=31).contains(&day) || !(1970..=9999).contains(&year) {
        return None;
    }
    let days = u64::try_from(days_from_civil(year, month, day)).ok()?;
    let since_epoch = ((days * 24 + hours) * 60 + minutes) * 60 + seconds;
    SystemTime::UNIX_EPOCH.checked_add(Duration::from_secs(since_epoch))
}

/// Days from 1970-01-01 to a date of the proleptic Gregorian calendar.
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    // Months from March, so that the leap day ends the year.
    let day_of_year = (153 * i64::from((month + 9) % 12) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(feature = "http")]
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
/// The response's status, body, `x-request-id` and `Retry-After` (feature `http`).
impl<B: Into<Vec<u8>>> From<http::Response<B>> for ApiError {
    fn from(response: http::Response<B>) -> Self {
        let (parts, body) = response.into_parts();
        parts.headers.iter().fold(
            ApiError::new(parts.status.as_u16(), body),
            |error, (name, value)| error.with_header(name.as_str(), value.as_bytes()),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Option<u64> {
        http_date(text).map(|time| {
            time.duration_since(SystemTime::UNIX_EPOCH)
                .unwrap()
                .as_secs()
        })
    }

    #[test]
    fn http_dates_in_their_three_forms() {
        assert_eq!(at("Sun, 06 Nov 1994 08:49:37 GMT"), Some(784_111_777));
        assert_eq!(at("Sunday, 06-Nov-94 08:49:37 GMT"), Some(784_111_777));
        assert_eq!(at("Sun Nov  6 08:49:37 1994"), Some(784_111_777));
        assert_eq!(at("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0));
        assert_eq!(at("Tue, 29 Feb 2028 23:59:60 GMT"), Some(1_835_481_600));
    }

    #[test]
    fn what_is_no_http_date() {
        for text in [
            "",
            "soon",
            "Sun, 06 Nov 1994 08:49:37 UTC",
            "Sun, 06 Nov 1994 24:00:00 GMT",
            "Sun, 32 Nov 1994 08:49:37 GMT",
            "Sun, 06 Foo 1994 08:49:37 GMT",
            "Sun, 06 Nov 1969 08:49:37 GMT",
            "Sun, +6 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 08:49 GMT",
            "Sun, 06 Nov 1994 08:49:37:01 GMT",
        ] {
            assert_eq!(at(text), None, "{text}");
        }
    }

    #[test]
    fn retry_after_in_seconds_or_as_a_date() {
        assert_eq!(
            RetryAfter::parse("120"),
            Some(RetryAfter::Delay(Duration::from_secs(120)))
        );
        assert_eq!(
            RetryAfter::parse("99999999999999999999999"),
            Some(RetryAfter::Delay(Duration::from_secs(u64::MAX)))
        );
        assert_eq!(RetryAfter::parse("-1"), None);
        assert_eq!(RetryAfter::parse("1.5"), None);
        let date = RetryAfter::parse("Sun, 06 Nov 1994 08:49:37 GMT").unwrap();
        let epoch = SystemTime::UNIX_EPOCH;
        assert_eq!(date.delay_from(epoch), Duration::from_secs(784_111_777));
        assert_eq!(date.delay(), Duration::ZERO);
    }
}
