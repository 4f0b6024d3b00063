//! `Deserialize` of an envelope, in two steps: read every field of the object as it is
//! ([`Raw`]), then decide the shape and check the fields ([`Raw::resolve`]). The second step
//! is plain Rust, so [`ErrorEnvelope::parse`] gets its errors as data, not as text.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::map::Entry;
use serde_json::{Map, Value};

use super::{ErrorEnvelope, Fields, ParseErrorKind, Shape, Str, Text};
use crate::text::Escaped;

/// Every key that means something in one shape or the other. In the shape a body turns out to
/// have, the other shape's keys are extra fields.
pub(super) const KEYS: [&str; 8] = [
    "status_code",
    "request_id",
    "error_type",
    "error_message",
    "error_url",
    "error",
    "error_description",
    "error_uri",
];

const STATUS_CODE: usize = 0;
const REQUEST_ID: usize = 1;
/// The first of the Stytch shape's three keys; its message and URL follow.
const ERROR_TYPE: usize = 2;
/// The first of the OAuth2 shape's three keys; its description and URI follow.
const ERROR: usize = 5;

/// The fields of an object, before anything is checked.
#[derive(Default)]
pub(super) struct Raw {
    /// The values of [`KEYS`], by index.
    fields: [Option<Value>; KEYS.len()],
    extra: Map<String, Value>,
    /// Which of `error_type` and `error` came first: its shape is the body's.
    first_error_key: Option<usize>,
    /// The first key given twice, at any depth. Reported by `resolve`, after the whole object
    /// was read, so that a broken envelope is still told apart from broken JSON.
    duplicate: Option<Duplicate>,
}

/// A key given twice: a field of the envelope, or a key inside the value of one.
struct Duplicate {
    /// The field of the envelope, as in the body.
    field: String,
    /// The key given twice inside the field's value, if it was not the field itself.
    nested: Option<String>,
}

/// Why an object is not a valid envelope.
#[derive(Debug)]
pub(super) struct Invalid {
    pub(super) kind: ParseErrorKind,
    /// The key at fault, as in the body.
    pub(super) field: String,
    /// The whole explanation, naming the field.
    pub(super) reason: String,
    /// The body's `status_code`, when it was a valid one.
    pub(super) status_code: Option<u16>,
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
    }
}

impl Raw {
    /// The envelope these fields make, or why they make none. `http_status` is the status of
    /// the response the body came in, when known: an OAuth2 body without `status_code` takes
    /// it.
    pub(super) fn resolve(
        mut self,
        http_status: Option<u16>,
    ) -> Result<ErrorEnvelope<'static>, Invalid> {
        let status_code = self.fields[STATUS_CODE]
            .as_ref()
            .and_then(Value::as_u64)
            .and_then(|status| u16::try_from(status).ok())
            .filter(|_| {
                !matches!(&self.duplicate, Some(duplicate) if duplicate.field == KEYS[STATUS_CODE] && duplicate.nested.is_none())
            });
        self.resolve_fields(http_status).map_err(|invalid| Invalid {
            status_code,
            ..invalid
        })
    }

    fn resolve_fields(
        &mut self,
        http_status: Option<u16>,
    ) -> Result<ErrorEnvelope<'static>, Invalid> {
        if let Some(Duplicate { field, nested }) = self.duplicate.take() {
            let reason = match &nested {
                None => format!(
                    "duplicate field `{}`",
                    Escaped::cut(&field, QUOTED_CHARS).quoted('`')
                ),
                Some(key) => format!(
                    "duplicate key `{}` in `{}`",
                    Escaped::cut(key, QUOTED_CHARS).quoted('`'),
                    Escaped::cut(&field, QUOTED_CHARS).quoted('`')
                ),
            };
            return Err(Invalid::new(ParseErrorKind::NotAnEnvelope, field, reason));
        }
        let status_value = self.fields[STATUS_CODE].take();
        if status_value.is_none() && http_status.is_none() {
            return Err(missing(KEYS[STATUS_CODE], ""));
        }
        // The shape is the one whose error_type key comes first in the body.
        let (shape, first) = match self.first_error_key {
            Some(ERROR) => (Shape::OAuth2, ERROR),
            Some(_) => (Shape::Stytch, ERROR_TYPE),
            None => {
                return Err(missing(
                    KEYS[ERROR_TYPE],
                    " (or `error`, in an OAuth2 error)",
                ));
            }
        };
        let (status_code, status_in_body) = match (status_value, shape, http_status) {
            (Some(value), ..) => (status(value)?, true),
            // RFC 6749 has no status in the body: the response's is the error's.
            (None, Shape::OAuth2, Some(http_status)) => (http_status, false),
            (None, ..) => return Err(missing(KEYS[STATUS_CODE], "")),
        };
        let error_type = self.fields[first]
            .take()
            .expect("the first error key was read");
        let (message, url) = (first + 1, first + 2);
        let request_id = optional(self.fields[REQUEST_ID].take(), KEYS[REQUEST_ID])?;
        let error_type = required(error_type, KEYS[first])?;
        let error_message = match (self.fields[message].take(), shape) {
            (Some(value), Shape::Stytch) => Text::Present(required(value, KEYS[message])?),
            (None, Shape::Stytch) => return Err(missing(KEYS[message], "")),
            // RFC 6749 makes the description optional.
            (value, Shape::OAuth2) => optional(value, KEYS[message])?,
        };
        let error_url = optional(self.fields[url].take(), KEYS[url])?;

        // What is left belongs to the other shape: keep it as extra fields.
        let mut extra = std::mem::take(&mut self.extra);
        for (key, value) in KEYS.iter().zip(&mut self.fields) {
            if let Some(value) = value.take() {
                extra.insert((*key).to_owned(), value);
            }
        }
        Ok(ErrorEnvelope::from_fields(Fields {
            status_code,
            status_in_body,
            request_id,
            error_type,
            error_message,
            error_url,
            shape,
            extra,
        }))
    }
}

impl Invalid {
    fn new(kind: ParseErrorKind, field: String, reason: String) -> Self {
        Invalid {
            kind,
            field,
            reason,
            status_code: None,
        }
    }
}

fn missing(field: &str, alternative: &str) -> Invalid {
    let reason = format!("missing field `{field}`{alternative}");
    Invalid::new(ParseErrorKind::NotAnEnvelope, field.to_owned(), reason)
}

/// `what` is `type` when the value has the wrong type, `value` when it has the right type but
/// not an acceptable value.
fn invalid(what: &str, field: &str, value: &Value, expected: &str) -> Invalid {
    let reason = format!(
        "invalid {what} for `{field}`: expected {expected}, found {}",
        describe(value)
    );
    Invalid::new(ParseErrorKind::InvalidField, field.to_owned(), reason)
}

fn status(value: Value) -> Result<u16, Invalid> {
    value
        .as_u64()
        .and_then(|status| u16::try_from(status).ok())
        .ok_or_else(|| {
            let what = if value.is_number() { "value" } else { "type" };
            let expected = "an HTTP status, an integer from 0 to 65535";
            invalid(what, KEYS[STATUS_CODE], &value, expected)
        })
}

fn required(value: Value, field: &str) -> Result<Str<'static>, Invalid> {
    match value {
        Value::String(text) => Ok(Str::Owned(text)),
        other => Err(invalid("type", field, &other, "a string")),
    }
}

fn optional(value: Option<Value>, field: &str) -> Result<Text<'static>, Invalid> {
    match value {
        None => Ok(Text::Absent),
        Some(Value::Null) => Ok(Text::Null),
        Some(Value::String(text)) => Ok(Text::Present(Str::Owned(text))),
        Some(other) => Err(invalid("type", field, &other, "a string or null")),
    }
}

/// At most this many characters of a string from the body are quoted in an error.
const QUOTED_CHARS: usize = 40;

/// A value as an error names it: its type, and for a scalar the value itself.
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(value) => format!("a boolean `{value}`"),
        Value::Number(value) => format!("a number `{value}`"),
        Value::String(text) => format!(
            "a string \"{}\"",
            Escaped::cut(text, QUOTED_CHARS).quoted('"')
        ),
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

/// Reads any object, and nothing else. The envelope's errors are found later, by `resolve`.
/// Reads the object into the `Raw` it holds, in place: the fields are not moved again.
pub(super) struct RawSeed<'r>(pub(super) &'r mut Raw);

impl<'de> de::DeserializeSeed<'de> for RawSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for RawSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "an error envelope: a JSON object with status_code, error_type and error_message",
        )
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let raw = self.0;
        while let Some(key) = map.next_key::<Key>()? {
            let mut nested = None;
            let value = map.next_value_seed(Strict {
                duplicate: &mut nested,
            })?;
            let name = match &key {
                Key::Known(index) => KEYS[*index],
                Key::Other(key) => key.as_str(),
            };
            if let Some(nested) = nested {
                note_duplicate(&mut raw.duplicate, name, Some(nested));
            }
            match key {
                Key::Known(index) => {
                    if index == ERROR_TYPE || index == ERROR {
                        raw.first_error_key.get_or_insert(index);
                    }
                    match &mut raw.fields[index] {
                        Some(_) => note_duplicate(&mut raw.duplicate, KEYS[index], None),
                        slot @ None => *slot = Some(value),
                    }
                }
                Key::Other(key) => match raw.extra.entry(key) {
                    Entry::Vacant(slot) => {
                        slot.insert(value);
                    }
                    Entry::Occupied(slot) => note_duplicate(&mut raw.duplicate, slot.key(), None),
                },
            }
        }
        Ok(())
    }
}

fn note_duplicate(first: &mut Option<Duplicate>, field: &str, nested: Option<String>) {
    first.get_or_insert_with(|| Duplicate {
        field: field.to_owned(),
        nested,
    });
}

/// A JSON value read as `serde_json::Value` reads it, except that a key given twice in an
/// object is noted in `duplicate` (the first such key; the first value is kept), where
/// `Value` keeps the last silently.
struct Strict<'d> {
    duplicate: &'d mut Option<String>,
}

impl<'de> de::DeserializeSeed<'de> for Strict<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

/// The key under which serde_json hands over a number's digits when its `arbitrary_precision`
/// feature is on.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

impl<'de> Visitor<'de> for Strict<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Value, E> {
        // serde_json never hands over a NaN or an infinity; `null` as `Value` would read it.
        Ok(serde_json::Number::from_f64(value).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_owned()))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        de::DeserializeSeed::deserialize(self, deserializer)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut values = Vec::new();
        while let Some(value) = seq.next_element_seed(Strict {
            duplicate: &mut *self.duplicate,
        })? {
            values.push(value);
        }
        Ok(Value::Array(values))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if key == NUMBER_TOKEN && object.is_empty() {
                // A number whose digits serde_json keeps: let `Value` read them.
                let digits: String = map.next_value()?;
                return serde_json::from_str(&digits).map_err(de::Error::custom);
            }
            let value = map.next_value_seed(Strict {
                duplicate: &mut *self.duplicate,
            })?;
            match object.entry(key) {
                Entry::Vacant(slot) => {
                    slot.insert(value);
                }
                Entry::Occupied(slot) => {
                    self.duplicate.get_or_insert_with(|| slot.key().clone());
                }
            }
        }
        Ok(Value::Object(object))
    }
}

/// A key of the object: one of [`KEYS`] (by index, read without allocating), or another.
enum Key {
    Known(usize),
    Other(String),
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl KeyVisitor {
    fn known(key: &str) -> Option<Key> {
        // A `match`, not a search of `KEYS`: compiled to a comparison of lengths, then of bytes.
        let index = match key {
            "status_code" => STATUS_CODE,
            "request_id" => REQUEST_ID,
            "error_type" => ERROR_TYPE,
            "error_message" => ERROR_TYPE + 1,
            "error_url" => ERROR_TYPE + 2,
            "error" => ERROR,
            "error_description" => ERROR + 1,
            "error_uri" => ERROR + 2,
            _ => return None,
        };
        debug_assert_eq!(KEYS[index], key);
        Some(Key::Known(index))
    }
}

impl Visitor<'_> for KeyVisitor {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
        Ok(Self::known(key).unwrap_or_else(|| Key::Other(key.to_owned())))
    }

    fn visit_string<E: de::Error>(self, key: String) -> Result<Key, E> {
        Ok(Self::known(&key).unwrap_or(Key::Other(key)))
    }
}

/// Reads any object, then checks it: the errors name the field and say what was expected.
impl<'de> Deserialize<'de> for ErrorEnvelope<'_> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut raw = Raw::default();
        de::DeserializeSeed::deserialize(RawSeed(&mut raw), deserializer)?;
        raw.resolve(None).map_err(de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_table_agrees_with_the_shapes() {
        let [status_code, request_id, ..] = Shape::Stytch.keys();
        assert_eq!(
            [KEYS[STATUS_CODE], KEYS[REQUEST_ID]],
            [status_code, request_id]
        );
        assert_eq!(KEYS[ERROR_TYPE..ERROR_TYPE + 3], Shape::Stytch.keys()[2..]);
        assert_eq!(KEYS[ERROR..ERROR + 3], Shape::OAuth2.keys()[2..]);
        assert_eq!(Shape::Stytch.keys()[..2], Shape::OAuth2.keys()[..2]);
    }
}
