//! `ErrorEnvelope`: the JSON object a Stytch-style API answers an error with.

mod de;
mod parse;
mod ser;
mod typed;
mod usual;
mod write;

use std::borrow::Cow;
use std::fmt;

use serde_json::{Map, Value};

pub use parse::{ParseError, ParseErrorKind};
pub use typed::Typed;

use crate::text::Escaped;
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
#[derive(Clone)]
pub struct ErrorEnvelope<'a> {
    repr: Repr<'a>,
}

/// What an envelope is made of: an entry of a declared set, as it is, or fields.
#[derive(Clone)]
enum Repr<'a> {
    /// The envelope of a static entry with a request id, until it is changed: its JSON is the
    /// entry's precomputed fragments around the request id.
    Entry {
        info: &'static ErrorInfo,
        request_id: Str<'a>,
    },
    /// Any other envelope: built field by field, or parsed.
    Fields(Fields<'a>),
}

#[derive(Clone)]
struct Fields<'a> {
    status_code: u16,
    /// Whether `status_code` is written: not for an OAuth2 body that had none and took the
    /// status of its HTTP response, so that it is written back as it came.
    status_in_body: bool,
    request_id: Text<'a>,
    error_type: Str<'a>,
    error_message: Text<'a>,
    error_url: Text<'a>,
    shape: Shape,
    extra: Map<String, Value>,
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

/// A string of an envelope: static (an entry's), borrowed, or owned. Telling static strings
/// apart is what lets [`ErrorEnvelope::into_owned`] keep them borrowed.
#[derive(Clone)]
pub(crate) enum Str<'a> {
    Static(&'static str),
    Borrowed(&'a str),
    Owned(String),
}

impl std::ops::Deref for Str<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Str::Static(text) => text,
            Str::Borrowed(text) => text,
            Str::Owned(text) => text,
        }
    }
}

impl<'a> From<Cow<'a, str>> for Str<'a> {
    fn from(text: Cow<'a, str>) -> Self {
        match text {
            Cow::Borrowed(text) => Str::Borrowed(text),
            Cow::Owned(text) => Str::Owned(text),
        }
    }
}

impl Str<'_> {
    fn into_owned(self) -> Str<'static> {
        match self {
            Str::Static(text) => Str::Static(text),
            Str::Borrowed(text) => Str::Owned(text.to_owned()),
            Str::Owned(text) => Str::Owned(text),
        }
    }
}

/// An optional string field as it was on the wire: left out, `null`, or a string. Keeping
/// `null` apart from absent is what makes parsing lossless.
#[derive(Clone)]
enum Text<'a> {
    Absent,
    Null,
    Present(Str<'a>),
}

/// A [`Text`] to compare, hash and show.
#[derive(Debug, PartialEq, Eq, Hash)]
enum TextView<'s> {
    Absent,
    Null,
    Present(&'s str),
}

impl<'a> Text<'a> {
    fn as_deref(&self) -> Option<&str> {
        match self {
            Text::Present(text) => Some(text),
            Text::Absent | Text::Null => None,
        }
    }

    fn view(&self) -> TextView<'_> {
        match self {
            Text::Absent => TextView::Absent,
            Text::Null => TextView::Null,
            Text::Present(text) => TextView::Present(text),
        }
    }

    fn into_owned(self) -> Text<'static> {
        match self {
            Text::Absent => Text::Absent,
            Text::Null => Text::Null,
            Text::Present(text) => Text::Present(text.into_owned()),
        }
    }
}

/// Everything an envelope's value is made of, whatever its representation: what `PartialEq`,
/// `Hash` and `Debug` look at.
#[derive(Debug, PartialEq, Eq, Hash)]
struct View<'s> {
    status_code: u16,
    status_in_body: bool,
    request_id: TextView<'s>,
    error_type: &'s str,
    error_message: TextView<'s>,
    error_url: TextView<'s>,
    shape: Shape,
    /// `None` for no extra field.
    extra: Option<&'s Map<String, Value>>,
}

/// The extra fields of an entry's envelope: none.
fn no_extra() -> &'static Map<String, Value> {
    static NONE: std::sync::OnceLock<Map<String, Value>> = std::sync::OnceLock::new();
    NONE.get_or_init(Map::new)
}

impl PartialEq for ErrorEnvelope<'_> {
    fn eq(&self, other: &ErrorEnvelope<'_>) -> bool {
        self.view() == other.view()
    }
}

impl Eq for ErrorEnvelope<'_> {}

impl std::hash::Hash for ErrorEnvelope<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.view().hash(state);
    }
}

impl fmt::Debug for ErrorEnvelope<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let view = self.view();
        let mut out = f.debug_struct("ErrorEnvelope");
        out.field("status_code", &view.status_code);
        if !view.status_in_body {
            out.field("status_in_body", &false);
        }
        out.field("request_id", &view.request_id)
            .field("error_type", &view.error_type)
            .field("error_message", &view.error_message)
            .field("error_url", &view.error_url)
            .field("shape", &view.shape)
            .field("extra", &view.extra.unwrap_or(no_extra()))
            .finish()
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
        ErrorEnvelope::from_fields(Fields {
            status_code,
            status_in_body: true,
            request_id: Text::Absent,
            error_type: error_type.into().into(),
            error_message: Text::Present(error_message.into().into()),
            error_url: Text::Absent,
            shape: Shape::Stytch,
            extra: Map::new(),
        })
    }

    fn from_fields(fields: Fields<'a>) -> Self {
        ErrorEnvelope {
            repr: Repr::Fields(fields),
        }
    }

    /// The envelope of a static entry: the entry and the request id, nothing else, until it
    /// is changed.
    pub(crate) fn from_entry(info: &'static ErrorInfo, request_id: &'a str) -> Self {
        ErrorEnvelope {
            repr: Repr::Entry {
                info,
                request_id: Str::Borrowed(request_id),
            },
        }
    }

    /// The fields, to change: an entry's envelope becomes one of fields, the entry's strings
    /// still borrowed.
    fn fields_mut(&mut self) -> &mut Fields<'a> {
        if let Repr::Entry { info, request_id } = &mut self.repr {
            let request_id = std::mem::replace(request_id, Str::Static(""));
            self.repr = Repr::Fields(Fields {
                status_code: info.status_code(),
                status_in_body: true,
                request_id: Text::Present(request_id),
                error_type: Str::Static(info.error_type()),
                error_message: Text::Present(Str::Static(info.error_message())),
                error_url: Text::Present(Str::Static(info.error_url())),
                shape: Shape::Stytch,
                extra: Map::new(),
            });
        }
        match &mut self.repr {
            Repr::Fields(fields) => fields,
            Repr::Entry { .. } => unreachable!("made fields above"),
        }
    }

    fn view(&self) -> View<'_> {
        match &self.repr {
            Repr::Entry { info, request_id } => View {
                status_code: info.status_code(),
                status_in_body: true,
                request_id: TextView::Present(request_id),
                error_type: info.error_type(),
                error_message: TextView::Present(info.error_message()),
                error_url: TextView::Present(info.error_url()),
                shape: Shape::Stytch,
                extra: None,
            },
            Repr::Fields(fields) => View {
                status_code: fields.status_code,
                status_in_body: fields.status_in_body,
                request_id: fields.request_id.view(),
                error_type: &fields.error_type,
                error_message: fields.error_message.view(),
                error_url: fields.error_url.view(),
                shape: fields.shape,
                extra: (!fields.extra.is_empty()).then_some(&fields.extra),
            },
        }
    }

    /// Sets the id of the request the error answers.
    #[must_use]
    pub fn with_request_id(mut self, request_id: impl Into<Cow<'a, str>>) -> Self {
        let request_id = Str::from(request_id.into());
        match &mut self.repr {
            Repr::Entry { request_id: id, .. } => *id = request_id,
            Repr::Fields(fields) => fields.request_id = Text::Present(request_id),
        }
        self
    }

    /// Sets the documentation URL of the error.
    #[must_use]
    pub fn with_error_url(mut self, error_url: impl Into<Cow<'a, str>>) -> Self {
        self.fields_mut().error_url = Text::Present(error_url.into().into());
        self
    }

    /// Sets the names the fields are written under: an API that answers in the OAuth2 shape
    /// builds its envelopes `with_shape(Shape::OAuth2)`.
    ///
    /// The Stytch shape requires a message: an OAuth2 envelope without `error_description`
    /// turned into the Stytch shape gets an empty `error_message`.
    #[must_use]
    pub fn with_shape(mut self, shape: Shape) -> Self {
        if self.shape() != shape {
            let fields = self.fields_mut();
            fields.shape = shape;
            if shape == Shape::Stytch && !matches!(fields.error_message, Text::Present(_)) {
                fields.error_message = Text::Present(Str::Static(""));
            }
        }
        self
    }

    /// Adds a field beside the envelope's own, such as `error_details`, replacing any extra
    /// field of that name. See [`extra`](Self::extra).
    #[must_use]
    pub fn with_extra(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.fields_mut().extra.insert(key.into(), value.into());
        self
    }

    /// The HTTP status.
    pub fn status_code(&self) -> u16 {
        self.view().status_code
    }

    /// The id of the request, when the body carried one (and not `null`).
    pub fn request_id(&self) -> Option<&str> {
        match &self.repr {
            Repr::Entry { request_id, .. } => Some(request_id),
            Repr::Fields(fields) => fields.request_id.as_deref(),
        }
    }

    /// The snake_case name of the error, verbatim, whether or not any set knows it.
    pub fn error_type(&self) -> &str {
        match &self.repr {
            Repr::Entry { info, .. } => info.error_type(),
            Repr::Fields(fields) => &fields.error_type,
        }
    }

    /// The human-readable message. Empty for an OAuth2 body without `error_description`, which
    /// that shape allows.
    pub fn error_message(&self) -> &str {
        match &self.repr {
            Repr::Entry { info, .. } => info.error_message(),
            Repr::Fields(fields) => fields.error_message.as_deref().unwrap_or_default(),
        }
    }

    /// The documentation URL, when the body carried one (and not `null`).
    pub fn error_url(&self) -> Option<&str> {
        match &self.repr {
            Repr::Entry { info, .. } => Some(info.error_url()),
            Repr::Fields(fields) => fields.error_url.as_deref(),
        }
    }

    /// The names the fields go by on the wire: those of Stytch's envelope unless the body was
    /// an OAuth2 error response.
    pub fn shape(&self) -> Shape {
        self.view().shape
    }

    /// Every other field of the body, `error_details` included, keyed by name.
    ///
    /// Serialization writes them after the envelope's own fields. An extra field named like one
    /// of the shape's own (`error_type`, say, in the Stytch shape) is never read from a body,
    /// and is not written either: the envelope's own field wins. Keys come back in the map's
    /// order, not necessarily the body's.
    pub fn extra(&self) -> &Map<String, Value> {
        match &self.repr {
            Repr::Entry { .. } => no_extra(),
            Repr::Fields(fields) => &fields.extra,
        }
    }

    /// The extra fields, to change. See [`extra`](Self::extra).
    pub fn extra_mut(&mut self) -> &mut Map<String, Value> {
        &mut self.fields_mut().extra
    }

    /// The `error_details` field, which some errors carry (the reasons a request was invalid,
    /// say), if the body had one.
    pub fn error_details(&self) -> Option<&Value> {
        self.extra().get("error_details")
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
        let error_type = self.error_type();
        match E::from_error_type(error_type) {
            Some(error) => Typed::Known(error),
            None => Typed::Unknown(error_type),
        }
    }

    /// The same envelope free of any borrow: strings borrowed from elsewhere are copied, the
    /// static strings of a set's entry stay borrowed (and an entry's envelope stays one).
    pub fn into_owned(self) -> ErrorEnvelope<'static> {
        let repr = match self.repr {
            Repr::Entry { info, request_id } => Repr::Entry {
                info,
                request_id: request_id.into_owned(),
            },
            Repr::Fields(fields) => Repr::Fields(Fields {
                status_code: fields.status_code,
                status_in_body: fields.status_in_body,
                request_id: fields.request_id.into_owned(),
                error_type: fields.error_type.into_owned(),
                error_message: fields.error_message.into_owned(),
                error_url: fields.error_url.into_owned(),
                shape: fields.shape,
                extra: fields.extra,
            }),
        };
        ErrorEnvelope { repr }
    }
}

/// `404 email_not_found: Email could not be found.`, or without the colon and message when the
/// body had no message. The error_type and the message are escaped and cut short, as any text
/// from outside: control characters, line separators and bidirectional controls are written
/// as escapes, so that a received envelope cannot forge a line of a log.
impl fmt::Display for ErrorEnvelope<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let view = self.view();
        write!(f, "{} {}", view.status_code, Escaped::new(view.error_type))?;
        match view.error_message {
            TextView::Present(message) => write!(f, ": {}", Escaped::new(message)),
            TextView::Absent | TextView::Null => Ok(()),
        }
    }
}

impl std::error::Error for ErrorEnvelope<'_> {}
