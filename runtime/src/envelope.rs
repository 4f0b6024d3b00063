//! `ErrorEnvelope`: the JSON object a Stytch-style API answers an error with.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeStruct, Serializer};

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
/// borrows everything and so allocates nothing; or received from an API and deserialized, in
/// which case it owns its strings. `request_id` and `error_url` are optional because gateways
/// omit them; when absent they are also left out of the serialized JSON.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ErrorEnvelope<'a> {
    status_code: u16,
    request_id: Option<Cow<'a, str>>,
    error_type: Cow<'a, str>,
    error_message: Cow<'a, str>,
    error_url: Option<Cow<'a, str>>,
}

impl<'a> ErrorEnvelope<'a> {
    /// An envelope with the three fields every error has; add the others with
    /// [`with_request_id`](Self::with_request_id) and [`with_error_url`](Self::with_error_url).
    pub fn new(
        status_code: u16,
        error_type: impl Into<Cow<'a, str>>,
        error_message: impl Into<Cow<'a, str>>,
    ) -> Self {
        ErrorEnvelope {
            status_code,
            request_id: None,
            error_type: error_type.into(),
            error_message: error_message.into(),
            error_url: None,
        }
    }

    /// Sets the id of the request the error answers.
    #[must_use]
    pub fn with_request_id(mut self, request_id: impl Into<Cow<'a, str>>) -> Self {
        self.request_id = Some(request_id.into());
        self
    }

    /// Sets the documentation URL of the error.
    #[must_use]
    pub fn with_error_url(mut self, error_url: impl Into<Cow<'a, str>>) -> Self {
        self.error_url = Some(error_url.into());
        self
    }

    /// The HTTP status.
    pub fn status_code(&self) -> u16 {
        self.status_code
    }

    /// The id of the request, when the body carried one.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The snake_case name of the error, verbatim, whether or not any set knows it.
    pub fn error_type(&self) -> &str {
        &self.error_type
    }

    /// The human-readable message.
    pub fn error_message(&self) -> &str {
        &self.error_message
    }

    /// The documentation URL, when the body carried one.
    pub fn error_url(&self) -> Option<&str> {
        self.error_url.as_deref()
    }

    /// The same envelope owning all its strings, free of any borrow.
    pub fn into_owned(self) -> ErrorEnvelope<'static> {
        ErrorEnvelope {
            status_code: self.status_code,
            request_id: self.request_id.map(|s| Cow::Owned(s.into_owned())),
            error_type: Cow::Owned(self.error_type.into_owned()),
            error_message: Cow::Owned(self.error_message.into_owned()),
            error_url: self.error_url.map(|s| Cow::Owned(s.into_owned())),
        }
    }
}

/// `404 email_not_found: Email could not be found.`
impl fmt::Display for ErrorEnvelope<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: {}",
            self.status_code, self.error_type, self.error_message
        )
    }
}

impl std::error::Error for ErrorEnvelope<'_> {}

const FIELDS: &[&str] = &[
    "status_code",
    "request_id",
    "error_type",
    "error_message",
    "error_url",
];

impl Serialize for ErrorEnvelope<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let len =
            3 + usize::from(self.request_id.is_some()) + usize::from(self.error_url.is_some());
        let mut out = serializer.serialize_struct("ErrorEnvelope", len)?;
        out.serialize_field("status_code", &self.status_code)?;
        match &self.request_id {
            Some(request_id) => out.serialize_field("request_id", request_id)?,
            None => out.skip_field("request_id")?,
        }
        out.serialize_field("error_type", &self.error_type)?;
        out.serialize_field("error_message", &self.error_message)?;
        match &self.error_url {
            Some(error_url) => out.serialize_field("error_url", error_url)?,
            None => out.skip_field("error_url")?,
        }
        out.end()
    }
}

/// Reads the five envelope fields; `request_id` and `error_url` may be missing or `null`, and
/// other fields are skipped. (Keeping other fields and the OAuth2 shape is the job of the
/// tolerant parser, not of this plain implementation.)
impl<'de> Deserialize<'de> for ErrorEnvelope<'_> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_struct("ErrorEnvelope", FIELDS, EnvelopeVisitor)
    }
}

struct EnvelopeVisitor;

impl<'de> Visitor<'de> for EnvelopeVisitor {
    type Value = ErrorEnvelope<'static>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an error envelope with status_code, error_type and error_message")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut status_code = None;
        let mut request_id = None;
        let mut error_type = None;
        let mut error_message = None;
        let mut error_url = None;
        while let Some(field) = map.next_key::<Field>()? {
            match field {
                Field::StatusCode => set_once(&mut status_code, field, map.next_value()?)?,
                Field::RequestId => set_once(&mut request_id, field, map.next_value()?)?,
                Field::ErrorType => set_once(&mut error_type, field, map.next_value()?)?,
                Field::ErrorMessage => set_once(&mut error_message, field, map.next_value()?)?,
                Field::ErrorUrl => set_once(&mut error_url, field, map.next_value()?)?,
                Field::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let status_code: u16 =
            status_code.ok_or_else(|| de::Error::missing_field("status_code"))?;
        let error_type: String =
            error_type.ok_or_else(|| de::Error::missing_field("error_type"))?;
        let error_message: String =
            error_message.ok_or_else(|| de::Error::missing_field("error_message"))?;
        Ok(ErrorEnvelope {
            status_code,
            request_id: request_id.flatten().map(Cow::Owned),
            error_type: Cow::Owned(error_type),
            error_message: Cow::Owned(error_message),
            error_url: error_url.flatten().map(Cow::Owned),
        })
    }
}

fn set_once<T, E: de::Error>(slot: &mut Option<T>, field: Field, value: T) -> Result<(), E> {
    if slot.is_some() {
        return Err(E::duplicate_field(FIELDS[field as usize]));
    }
    *slot = Some(value);
    Ok(())
}

/// The key of one envelope field, read without allocating.
#[derive(Clone, Copy)]
enum Field {
    StatusCode,
    RequestId,
    ErrorType,
    ErrorMessage,
    ErrorUrl,
    Other,
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_identifier(FieldVisitor)
    }
}

struct FieldVisitor;

impl Visitor<'_> for FieldVisitor {
    type Value = Field;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Field, E> {
        Ok(match key {
            "status_code" => Field::StatusCode,
            "request_id" => Field::RequestId,
            "error_type" => Field::ErrorType,
            "error_message" => Field::ErrorMessage,
            "error_url" => Field::ErrorUrl,
            _ => Field::Other,
        })
    }
}
