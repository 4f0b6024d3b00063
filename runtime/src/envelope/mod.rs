//! `ErrorEnvelope`: the JSON object a Stytch-style API answers an error with.

mod de;
mod parse;
mod ser;
mod typed;
mod write;

use std::borrow::Cow;
use std::fmt;

use serde_json::{Map, Value};

pub use parse::{ParseError, ParseErrorKind};
pub use typed::Typed;

use crate::{ErrorInfo, ErrorSet};

/// The wire shape of one error response:
///
/// ```json
/// {
///   "status_code": 404,
///   "request_id": "request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141",
///   "error_type": "email_not_found",
///   "error_message": "Email could not be found.",
///   "error_url": "https://stytch.com/docs/api-reference/consumer/api/errors/404#email_not_found"
/// }
/// ```
///
/// Built from an error with [`StytchError::envelope`](crate::StytchError::envelope), which
/// borrows everything and so allocates nothing; or received from an API, in which case it owns
/// its strings.
///
/// # Parsing is tolerant and lossless
///
/// [`ErrorEnvelope::parse`] (and `Deserialize`, as in `serde_json::from_str`) accept what APIs
/// really send, and keep all of it, so that serializing a parsed envelope gives back the same
/// JSON value (key order aside):
///
/// - the [OAuth2 shape](Shape::OAuth2), whose keys are `error`, `error_description` and
///   `error_uri`, read as `error_type`, `error_message` and `error_url` and written back under
///   their OAuth2 names. A body with an `error_type` is in the Stytch shape, whatever else it
///   has; one with an `error` and no `error_type` is in the OAuth2 shape. The other shape's
///   keys are then extra fields;
/// - `request_id` and `error_url` missing (gateways omit them) or `null`, each written back
///   as it came;
/// - `error_details` and any other field, kept in [`extra`](Self::extra);
/// - any `error_type`, known to a set or not: [`typed`](Self::typed) tells which.
///
/// `status_code` (an integer from 0 to 65535), `error_type` (a string) and `error_message` (a
/// string; in the OAuth2 shape `error_description` is optional, as RFC 6749 has it) are
/// required. A field of the wrong type, a required field missing and a key given twice are
/// errors that name the field.
///
/// Values of extra fields are `serde_json` values, so "the same JSON value" is in serde_json's
/// terms: an integer beyond 64 bits, or a decimal with more digits than an `f64` holds, reads as
/// the nearest `f64` (as `serde_json::from_slice::<Value>` reads it), unless serde_json's
/// `arbitrary_precision` feature is on in the build, which keeps the digits themselves. (And
/// serde_json may read the text it writes of such an `f64` back as the neighbouring `f64`,
/// unless its `float_roundtrip` feature is on.)
///
/// ```
/// use stytch_errors::{ErrorEnvelope, Shape};
///
/// let body = br#"{"status_code":401,"request_id":"req-1","error":"invalid_client","error_description":"Bad secret.","retry":false}"#;
/// let envelope = ErrorEnvelope::parse(body)?;
/// assert_eq!(envelope.shape(), Shape::OAuth2);
/// assert_eq!(envelope.error_type(), "invalid_client");
/// assert_eq!(envelope.error_url(), None);
/// assert_eq!(envelope.extra()["retry"], false);
///
/// // Written back, it reads as the same envelope, OAuth2 names and extra fields included.
/// let mut written = Vec::new();
/// envelope.write_json(&mut written)?;
/// assert_eq!(ErrorEnvelope::parse(&written)?, envelope);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Two envelopes are equal when all their parts are: the shape, every field (a `null` and a
/// missing `request_id` differ) and the extra fields.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ErrorEnvelope<'a> {
    status_code: u16,
    request_id: Text<'a>,
    error_type: Cow<'a, str>,
    error_message: Text<'a>,
    error_url: Text<'a>,
    shape: Shape,
    extra: Map<String, Value>,
    /// The static entry the envelope was built from, whose precomputed JSON
    /// [`write_json`](Self::write_json) copies; cleared by any change to the fields it covers.
    entry: Entry,
}

/// The names an envelope's fields go by on the wire.
///
/// `status_code` and `request_id` are the same in both shapes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Shape {
    /// `error_type`, `error_message`, `error_url`: the envelope of Stytch's APIs.
    #[default]
    Stytch,
    /// `error`, `error_description`, `error_uri`: the error response of OAuth 2.0
    /// ([RFC 6749, section 5.2](https://www.rfc-editor.org/rfc/rfc6749#section-5.2)), which
    /// some endpoints (an OAuth2 token endpoint, say) answer with instead.
    OAuth2,
}

impl Shape {
    /// The wire names of the five fields, in the order they are written: `status_code`,
    /// `request_id`, then the error_type, error_message and error_url of this shape.
    pub(crate) const fn keys(self) -> [&'static str; 5] {
        match self {
            Shape::Stytch => [
                "status_code",
                "request_id",
                "error_type",
                "error_message",
                "error_url",
            ],
            Shape::OAuth2 => [
                "status_code",
                "request_id",
                "error",
                "error_description",
                "error_uri",
            ],
        }
    }
}

/// The static entry an envelope was built from, if any. Not part of the envelope's value: two
/// envelopes with the same fields are equal however they were built.
#[derive(Clone, Copy, Default)]
struct Entry(Option<&'static ErrorInfo>);

impl PartialEq for Entry {
    fn eq(&self, _: &Entry) -> bool {
        true
    }
}

impl Eq for Entry {}

impl std::hash::Hash for Entry {
    fn hash<H: std::hash::Hasher>(&self, _: &mut H) {}
}

impl fmt::Debug for Entry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(info) => write!(f, "Some({})", info.error_type()),
            None => f.write_str("None"),
        }
    }
}

/// An optional string field as it was on the wire: left out, `null`, or a string. Keeping
/// `null` apart from absent is what makes parsing lossless.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Text<'a> {
    Absent,
    Null,
    Present(Cow<'a, str>),
}

impl<'a> Text<'a> {
    fn as_deref(&self) -> Option<&str> {
        match self {
            Text::Present(text) => Some(text),
            Text::Absent | Text::Null => None,
        }
    }

    fn into_owned(self) -> Text<'static> {
        match self {
            Text::Absent => Text::Absent,
            Text::Null => Text::Null,
            Text::Present(text) => Text::Present(Cow::Owned(text.into_owned())),
        }
    }
}

impl<'a> ErrorEnvelope<'a> {
    /// An envelope with the three fields every error has, in the Stytch shape; add the others
    /// with [`with_request_id`](Self::with_request_id) and [`with_error_url`](Self::with_error_url).
    pub fn new(
        status_code: u16,
        error_type: impl Into<Cow<'a, str>>,
        error_message: impl Into<Cow<'a, str>>,
    ) -> Self {
        ErrorEnvelope {
            status_code,
            request_id: Text::Absent,
            error_type: error_type.into(),
            error_message: Text::Present(error_message.into()),
            error_url: Text::Absent,
            shape: Shape::Stytch,
            extra: Map::new(),
            entry: Entry(None),
        }
    }

    /// The envelope of a static entry, whose JSON [`write_json`](Self::write_json) copies from
    /// the fragments the macro precomputed.
    pub(crate) fn from_entry(info: &'static ErrorInfo, request_id: &'a str) -> Self {
        let mut envelope =
            ErrorEnvelope::new(info.status_code(), info.error_type(), info.error_message())
                .with_request_id(request_id)
                .with_error_url(info.error_url());
        envelope.entry = Entry(Some(info));
        envelope
    }

    /// Sets the id of the request the error answers.
    #[must_use]
    pub fn with_request_id(mut self, request_id: impl Into<Cow<'a, str>>) -> Self {
        self.request_id = Text::Present(request_id.into());
        self
    }

    /// Sets the documentation URL of the error.
    #[must_use]
    pub fn with_error_url(mut self, error_url: impl Into<Cow<'a, str>>) -> Self {
        self.error_url = Text::Present(error_url.into());
        self.entry = Entry(None);
        self
    }

    /// Sets the names the fields are written under: an API that answers in the OAuth2 shape
    /// builds its envelopes `with_shape(Shape::OAuth2)`.
    #[must_use]
    pub fn with_shape(mut self, shape: Shape) -> Self {
        self.shape = shape;
        self.entry = Entry(None);
        self
    }

    /// Adds a field beside the envelope's own, such as `error_details`, replacing any extra
    /// field of that name. See [`extra`](Self::extra).
    #[must_use]
    pub fn with_extra(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.extra.insert(key.into(), value.into());
        self
    }

    /// The HTTP status.
    pub fn status_code(&self) -> u16 {
        self.status_code
    }

    /// The id of the request, when the body carried one (and not `null`).
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The snake_case name of the error, verbatim, whether or not any set knows it.
    pub fn error_type(&self) -> &str {
        &self.error_type
    }

    /// The human-readable message. Empty for an OAuth2 body without `error_description`, which
    /// that shape allows.
    pub fn error_message(&self) -> &str {
        self.error_message.as_deref().unwrap_or_default()
    }

    /// The documentation URL, when the body carried one (and not `null`).
    pub fn error_url(&self) -> Option<&str> {
        self.error_url.as_deref()
    }

    /// The names the fields go by on the wire: those of Stytch's envelope unless the body was
    /// an OAuth2 error response.
    pub fn shape(&self) -> Shape {
        self.shape
    }

    /// Every other field of the body, `error_details` included, keyed by name.
    ///
    /// Serialization writes them after the envelope's own fields. An extra field named like one
    /// of the shape's own (`error_type`, say, in the Stytch shape) is never read from a body,
    /// and is not written either: the envelope's own field wins. Keys come back in the map's
    /// order, not necessarily the body's.
    pub fn extra(&self) -> &Map<String, Value> {
        &self.extra
    }

    /// The extra fields, to change. See [`extra`](Self::extra).
    pub fn extra_mut(&mut self) -> &mut Map<String, Value> {
        &mut self.extra
    }

    /// The `error_details` field, which some errors carry (the reasons a request was invalid,
    /// say), if the body had one.
    pub fn error_details(&self) -> Option<&Value> {
        self.extra.get("error_details")
    }

    /// The error_type as an entry of the set `E`, or verbatim if `E` does not declare it.
    /// Never fails: an API may add error types before its clients know them.
    ///
    /// Looks the name up exactly as [`ErrorSet::from_error_type`] does; the envelope's own
    /// status and message are left as they came.
    ///
    /// ```
    /// use stytch_errors::{ErrorEnvelope, ErrorSet, Typed};
    ///
    /// fn report<E: ErrorSet>(envelope: &ErrorEnvelope<'_>) -> String {
    ///     match envelope.typed::<E>() {
    ///         Typed::Known(error) => format!("{} {error:?}", E::NAME),
    ///         Typed::Unknown(raw) => format!("not in {}: {raw}", E::NAME),
    ///     }
    /// }
    /// ```
    pub fn typed<E: ErrorSet>(&self) -> Typed<'_, E> {
        match E::from_error_type(&self.error_type) {
            Some(error) => Typed::Known(error),
            None => Typed::Unknown(&self.error_type),
        }
    }

    /// The same envelope owning all its strings, free of any borrow.
    pub fn into_owned(self) -> ErrorEnvelope<'static> {
        ErrorEnvelope {
            status_code: self.status_code,
            request_id: self.request_id.into_owned(),
            error_type: Cow::Owned(self.error_type.into_owned()),
            error_message: self.error_message.into_owned(),
            error_url: self.error_url.into_owned(),
            shape: self.shape,
            extra: self.extra,
            entry: self.entry,
        }
    }
}

/// `404 email_not_found: Email could not be found.`, or without the colon and message when the
/// body had no message.
impl fmt::Display for ErrorEnvelope<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.status_code, self.error_type)?;
        match self.error_message.as_deref() {
            Some(message) => write!(f, ": {message}"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for ErrorEnvelope<'_> {}
