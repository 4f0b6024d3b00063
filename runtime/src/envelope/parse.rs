//! `ErrorEnvelope::parse`: a response body to an envelope, or to an error that keeps the body.

use std::fmt;
use std::str::FromStr;

use serde::de::DeserializeSeed;
use serde::de::IgnoredAny;
use serde_json::de::{SliceRead, StrRead};

use super::ErrorEnvelope;
use super::de::{Invalid, Raw, RawSeed};
use crate::text::{Escaped, EscapedBytes};

impl ErrorEnvelope<'static> {
    /// Parses a response body.
    ///
    /// Accepts every body that `Deserialize` accepts (see [`ErrorEnvelope`] for what that
    /// is), and a leading UTF-8 byte order mark, which RFC 8259 lets parsers ignore
    /// (`serde_json::from_slice` refuses it: that is the one difference). An OAuth2 body
    /// without `status_code` is refused here, having no status; [`ApiError`](crate::ApiError)
    /// reads it with the status of its response. Anything
    /// else is a [`ParseError`] that keeps the body, so a client can still show or log what
    /// the server sent, and the status if the body had a valid one. No input makes it panic or
    /// overflow the stack: JSON nested 128 levels deep (serde_json's limit) is refused.
    ///
    /// ```
    /// use stytch_errors::{ErrorEnvelope, ParseErrorKind};
    ///
    /// let envelope = ErrorEnvelope::parse(br#"{"status_code":503,"error_type":"unavailable","error_message":"Try later."}"#)?;
    /// assert_eq!(envelope.request_id(), None);
    ///
    /// let error = ErrorEnvelope::parse(b"<html>502 Bad Gateway</html>").unwrap_err();
    /// assert_eq!(error.kind(), ParseErrorKind::NotJson);
    /// assert_eq!(error.body(), b"<html>502 Bad Gateway</html>");
    ///
    /// let error = ErrorEnvelope::parse(br#"{"status_code":"400","error_type":"x","error_message":"y"}"#).unwrap_err();
    /// assert_eq!(error.kind(), ParseErrorKind::InvalidField);
    /// assert_eq!(error.field(), Some("status_code"));
    /// # Ok::<(), stytch_errors::ParseError>(())
    /// ```
    pub fn parse(body: &[u8]) -> Result<Self, ParseError> {
        ErrorEnvelope::parse_with_status(body, None).map_err(|failure| ParseError {
            failure,
            body: body.to_vec(),
        })
    }

    /// [`parse`](Self::parse), where `http_status` is the status of the response, when known:
    /// an OAuth2 body without `status_code` then takes it. The error keeps no body: the
    /// caller has it.
    pub(crate) fn parse_with_status(
        body: &[u8],
        http_status: Option<u16>,
    ) -> Result<Self, Failure> {
        let json = body.strip_prefix(UTF8_BOM).unwrap_or(body);
        let first = json.iter().find(|byte| !byte.is_ascii_whitespace());
        if first != Some(&b'{') {
            // Not an object: tell JSON of another type from what is not JSON at all.
            return Err(match serde_json::from_slice::<IgnoredAny>(json) {
                Err(error) => Failure::not_json(&error),
                Ok(_) => Failure::not_an_object(first.copied()),
            });
        }
        // Valid UTF-8, as nearly every body is, is checked once here rather than string by
        // string; otherwise serde_json reads the bytes and says where they go wrong.
        match std::str::from_utf8(json) {
            Ok(text) => read_object(|| StrRead::new(text), http_status),
            Err(_) => read_object(|| SliceRead::new(json), http_status),
        }
    }
}

/// A JSON object to an envelope: the usual body in one pass, any other by the full reading.
/// `new` starts a reader at the beginning of the body.
fn read_object<'de, R: serde_json::de::Read<'de>>(
    new: impl Fn() -> R,
    http_status: Option<u16>,
) -> Result<ErrorEnvelope<'static>, Failure> {
    if let Some(envelope) = super::usual::read(new()) {
        return Ok(envelope);
    }
    let mut deserializer = serde_json::Deserializer::new(new());
    let mut raw = Raw::default();
    RawSeed(&mut raw)
        .deserialize(&mut deserializer)
        .and_then(|()| deserializer.end())
        .map_err(|error| Failure::not_json(&error))?;
    raw.resolve(http_status).map_err(Failure::invalid)
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// `body.parse::<ErrorEnvelope>()`: the same as [`ErrorEnvelope::parse`].
impl FromStr for ErrorEnvelope<'static> {
    type Err = ParseError;

    fn from_str(body: &str) -> Result<Self, ParseError> {
        ErrorEnvelope::parse(body.as_bytes())
    }
}

/// A response body that [`ErrorEnvelope::parse`] could not read as an envelope. Carries the
/// body, byte for byte, what kind of failure it was, and why.
///
/// Its `Display` is one line: the reason, then the start of the body, escaped (see
/// [`ErrorEnvelope`]'s `Display`). Its `Debug` shows the body the same way, as text cut at a
/// bound with its length, never as a list of bytes.
#[derive(Clone, PartialEq, Eq)]
pub struct ParseError {
    failure: Failure,
    body: Vec<u8>,
}

/// Why a body is not an envelope, without the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Failure {
    kind: ParseErrorKind,
    reason: String,
    field: Option<String>,
    status_code: Option<u16>,
}

/// What kind of body [`ErrorEnvelope::parse`] refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParseErrorKind {
    /// Not JSON: an HTML error page, an empty body, a truncated one, invalid UTF-8, trailing
    /// characters; or an object nested 128 levels deep in all, which serde_json refuses to
    /// read.
    NotJson,
    /// JSON, but not an envelope: not an object, a required field missing, or a key given
    /// twice (at any depth).
    NotAnEnvelope,
    /// An envelope with a field of the wrong type or value: a string `status_code`, a numeric
    /// `request_id`, a `null` `error_type`.
    InvalidField,
}

impl Failure {
    fn new(kind: ParseErrorKind, reason: String) -> Self {
        Failure {
            kind,
            reason,
            field: None,
            status_code: None,
        }
    }

    fn not_json(error: &serde_json::Error) -> Self {
        Failure::new(ParseErrorKind::NotJson, error.to_string())
    }

    /// `first` is the first byte of a body that is JSON, so it tells the type of the value.
    fn not_an_object(first: Option<u8>) -> Self {
        let found = match first {
            Some(b'[') => "an array",
            Some(b'"') => "a string",
            Some(b't' | b'f') => "a boolean",
            Some(b'n') => "null",
            _ => "a number",
        };
        let reason = format!("expected a JSON object, found {found}");
        Failure::new(ParseErrorKind::NotAnEnvelope, reason)
    }

    fn invalid(invalid: Invalid) -> Self {
        Failure {
            field: Some(invalid.field),
            status_code: invalid.status_code,
            ..Failure::new(invalid.kind, invalid.reason)
        }
    }

    /// The error, with the body it is about.
    pub(crate) fn with_body(self, body: Vec<u8>) -> ParseError {
        ParseError {
            failure: self,
            body,
        }
    }
}

impl ParseError {
    /// What kind of failure this is.
    pub fn kind(&self) -> ParseErrorKind {
        self.failure.kind
    }

    /// Why the body was refused, such as ``missing field `error_message` `` or
    /// `expected value at line 1 column 1`.
    pub fn reason(&self) -> &str {
        &self.failure.reason
    }

    /// The key at fault, as written in the body, when one is: a field missing, given twice, or
    /// of the wrong type (for a key given twice inside a field's value, that field).
    pub fn field(&self) -> Option<&str> {
        self.failure.field.as_deref()
    }

    /// The body's `status_code`, when the body was an object with a valid one, so that a
    /// client keeps the status of a response it could not otherwise read.
    pub fn status_code(&self) -> Option<u16> {
        self.failure.status_code
    }

    /// The body, byte for byte.
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// The body as text, invalid UTF-8 replaced with U+FFFD; borrowed when it is valid.
    pub fn body_text(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(&self.body)
    }

    /// The body, without copying it.
    pub fn into_body(self) -> Vec<u8> {
        self.body
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.failure.fmt(f)?;
        write!(f, "; body: {}", EscapedBytes(&self.body))
    }
}

/// The kind and the reason, without the body.
impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            ParseErrorKind::NotJson => "response body is not JSON",
            ParseErrorKind::NotAnEnvelope => "response body is not an error envelope",
            ParseErrorKind::InvalidField => "invalid error envelope",
        };
        write!(f, "{what}: {}", Escaped::new(&self.reason))
    }
}

impl fmt::Debug for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        /// The body as `Display` shows it, inside a `Debug` struct.
        struct Body<'a>(&'a [u8]);
        impl fmt::Debug for Body<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", EscapedBytes(self.0))
            }
        }
        f.debug_struct("ParseError")
            .field("kind", &self.failure.kind)
            .field("reason", &Escaped::new(&self.failure.reason).to_string())
            .field("field", &self.failure.field)
            .field("status_code", &self.failure.status_code)
            .field("body", &Body(&self.body))
            .field("body_len", &self.body.len())
            .finish()
    }
}

impl std::error::Error for ParseError {}

#[cfg(test)]
mod tests {
    use serde_json::de::{SliceRead, StrRead};

    #[test]
    fn debug_shows_the_body_as_escaped_text_cut_at_a_bound_with_its_length() {
        let mut body = b"<html>\x1b[31m\n".to_vec();
        body.extend(std::iter::repeat_n(b'x', 100_000));
        let error = crate::ErrorEnvelope::parse(&body).unwrap_err();
        let debug = format!("{error:?}");
        assert!(debug.starts_with("ParseError { kind: NotJson, "), "{debug}");
        assert!(debug.contains("body: `<html>\\u{1b}[31m\\n"), "{debug}");
        assert!(debug.contains("… (100012 bytes)"), "{debug}");
        assert!(debug.contains("body_len: 100012"), "{debug}");
        assert!(!debug.contains('\x1b') && debug.len() < 1_000, "{debug}");
    }

    use super::read_object;

    /// Reading a valid body as text gives what reading its bytes gives: the same envelope, or
    /// the same failure with the same reason.
    #[test]
    fn text_and_bytes_read_alike() {
        let bodies = [
            r#"{"status_code":404,"request_id":"r","error_type":"t","error_message":"m","error_url":"u"}"#,
            r#"{"status_code":404,"error_type":"t\u00e9\n","error_message":"é ✓ 😀","extra":[1,{"a":null}]}"#,
            r#"{"error":"invalid_grant","error_description":"Bad."}"#,
            r#"{"status_code":400,"error_type":"t","error_type":"u","error_message":"m"}"#,
            r#"{"status_code":"400","error_type":"t","error_message":"m"}"#,
            r#"{"status_code":400,"error_type":"t","error_message":"m","error_details":{"a":1,"a":2}}"#,
            r#"{"status_code":400,"error_type":"t","error_message":"m"} x"#,
            r#"{"status_code":400,"error_type":"t","error_message":"m"#,
            r#"{"status_code":400,"error_type":"\ud800","error_message":"m"}"#,
            r#"{"status_code":70000,"error_type":"t","error_message":"m"}"#,
        ];
        let deep = format!("{}{}", "{\"a\":".repeat(200), "}".repeat(200));
        for body in bodies.iter().copied().chain([deep.as_str()]) {
            for status in [None, Some(401)] {
                assert_eq!(
                    read_object(|| StrRead::new(body), status),
                    read_object(|| SliceRead::new(body.as_bytes()), status),
                    "{body}"
                );
            }
        }
    }
}
