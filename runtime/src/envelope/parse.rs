//! `ErrorEnvelope::parse`: a response body to an envelope, or to an error that keeps the body.

use std::fmt;
use std::str::FromStr;

use serde::Deserialize;
use serde::de::IgnoredAny;

use super::ErrorEnvelope;
use super::de::{Invalid, Raw};

impl ErrorEnvelope<'static> {
    /// Parses a response body.
    ///
    /// Accepts every body that `Deserialize` accepts (see [`ErrorEnvelope`] for what that
    /// is), and a leading UTF-8 byte order mark, which RFC 8259 lets parsers ignore. Anything
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
    /// assert_eq!(error.body(), "<html>502 Bad Gateway</html>");
    ///
    /// let error = ErrorEnvelope::parse(br#"{"status_code":"400","error_type":"x","error_message":"y"}"#).unwrap_err();
    /// assert_eq!(error.kind(), ParseErrorKind::InvalidField);
    /// assert_eq!(error.field(), Some("status_code"));
    /// # Ok::<(), stytch_errors::ParseError>(())
    /// ```
    pub fn parse(body: &[u8]) -> Result<Self, ParseError> {
        let json = body.strip_prefix(UTF8_BOM).unwrap_or(body);
        let first = json.iter().find(|byte| !byte.is_ascii_whitespace());
        if first != Some(&b'{') {
            // Not an object: tell JSON of another type from what is not JSON at all.
            return Err(match serde_json::from_slice::<IgnoredAny>(json) {
                Err(error) => ParseError::not_json(body, &error),
                Ok(_) => ParseError::not_an_object(body, first.copied()),
            });
        }
        let mut deserializer = serde_json::Deserializer::from_slice(json);
        let raw = Raw::deserialize(&mut deserializer)
            .and_then(|raw| deserializer.end().map(|()| raw))
            .map_err(|error| ParseError::not_json(body, &error))?;
        raw.resolve()
            .map_err(|invalid| ParseError::invalid(body, invalid))
    }
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
/// body, what kind of failure it was, and why.
///
/// Its `Display` is one line: the reason, then the start of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    kind: ParseErrorKind,
    reason: String,
    field: Option<String>,
    status_code: Option<u16>,
    body: String,
    /// The bytes of a body that was not UTF-8; `body` then has replacement characters.
    raw_body: Option<Vec<u8>>,
}

/// What kind of body [`ErrorEnvelope::parse`] refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParseErrorKind {
    /// Not JSON: an HTML error page, a truncated body, invalid UTF-8, trailing characters; or
    /// an object nested 128 levels deep in all, which serde_json refuses to read.
    NotJson,
    /// JSON, but not an envelope: not an object, a required field missing, or a key given
    /// twice.
    NotAnEnvelope,
    /// An envelope with a field of the wrong type or value: a string `status_code`, a numeric
    /// `request_id`, a `null` `error_type`.
    InvalidField,
}

impl ParseError {
    fn new(kind: ParseErrorKind, body: &[u8], reason: String) -> Self {
        let (body, raw_body) = match String::from_utf8_lossy(body) {
            std::borrow::Cow::Borrowed(text) => (text.to_owned(), None),
            std::borrow::Cow::Owned(text) => (text, Some(body.to_vec())),
        };
        ParseError {
            kind,
            reason,
            field: None,
            status_code: None,
            body,
            raw_body,
        }
    }

    fn not_json(body: &[u8], error: &serde_json::Error) -> Self {
        ParseError::new(ParseErrorKind::NotJson, body, error.to_string())
    }

    /// `first` is the first byte of a body that is JSON, so it tells the type of the value.
    fn not_an_object(body: &[u8], first: Option<u8>) -> Self {
        let found = match first {
            Some(b'[') => "an array",
            Some(b'"') => "a string",
            Some(b't' | b'f') => "a boolean",
            Some(b'n') => "null",
            _ => "a number",
        };
        let reason = format!("expected a JSON object, found {found}");
        ParseError::new(ParseErrorKind::NotAnEnvelope, body, reason)
    }

    fn invalid(body: &[u8], invalid: Invalid) -> Self {
        ParseError {
            field: Some(invalid.field),
            status_code: invalid.status_code,
            ..ParseError::new(invalid.kind, body, invalid.reason)
        }
    }

    /// What kind of failure this is.
    pub fn kind(&self) -> ParseErrorKind {
        self.kind
    }

    /// Why the body was refused, such as ``missing field `error_message` `` or
    /// `expected value at line 1 column 1`.
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// The key at fault, as written in the body, when one is: a field missing, given twice, or
    /// of the wrong type.
    pub fn field(&self) -> Option<&str> {
        self.field.as_deref()
    }

    /// The body's `status_code`, when the body was an object with a valid one, so that a
    /// client keeps the status of a response it could not otherwise read.
    pub fn status_code(&self) -> Option<u16> {
        self.status_code
    }

    /// The body, as text: invalid UTF-8 is replaced with U+FFFD (see
    /// [`raw_body`](Self::raw_body) for the bytes).
    pub fn body(&self) -> &str {
        &self.body
    }

    /// The body, byte for byte.
    pub fn raw_body(&self) -> &[u8] {
        self.raw_body.as_deref().unwrap_or(self.body.as_bytes())
    }

    /// The body as text, without copying it. See [`body`](Self::body).
    pub fn into_body(self) -> String {
        self.body
    }
}

/// At most this many characters of the body are shown by `Display`.
const PREVIEW_CHARS: usize = 100;

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            ParseErrorKind::NotJson => "response body is not JSON",
            ParseErrorKind::NotAnEnvelope => "response body is not an error envelope",
            ParseErrorKind::InvalidField => "invalid error envelope",
        };
        write!(f, "{what}: ")?;
        one_line(f, self.reason.chars())?;
        f.write_str("; body: `")?;
        let mut chars = self.body.chars();
        one_line(f, chars.by_ref().take(PREVIEW_CHARS))?;
        f.write_str("`")?;
        if chars.next().is_some() {
            write!(f, "… ({} bytes)", self.raw_body().len())?;
        }
        Ok(())
    }
}

/// Writes `chars` with control characters escaped, so that the message stays on one line
/// whatever the body has.
fn one_line(f: &mut fmt::Formatter<'_>, chars: impl Iterator<Item = char>) -> fmt::Result {
    for c in chars {
        if c.is_control() {
            write!(f, "{}", c.escape_default())?;
        } else {
            write!(f, "{c}")?;
        }
    }
    Ok(())
}

impl std::error::Error for ParseError {}
