//! The usual body, read in one pass: Stytch's five keys and nothing else. Bodies of any other
//! form, or with any mistake, are left to the full reading of [`super::de`], which keeps
//! everything and explains what is wrong; for a body this reading accepts, both give the same
//! envelope (tested below). It exists for speed: it reads the body as a serde-derived struct
//! would, with no key kept aside and no shape to decide.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};

use super::{ErrorEnvelope, Fields, Shape, Str, Text};

/// The envelope, if `json` is an object of exactly `status_code` (an HTTP status),
/// `error_type` and `error_message` (strings), and optionally `request_id` and `error_url`
/// (strings or `null`), each once, with nothing after it; otherwise `None`.
pub(super) fn read<'de>(json: impl serde_json::de::Read<'de>) -> Option<ErrorEnvelope<'static>> {
    let mut deserializer = serde_json::Deserializer::new(json);
    let fields = deserializer.deserialize_map(Usual).ok()?;
    deserializer.end().ok()?;
    Some(ErrorEnvelope::from_fields(fields))
}

/// Why this reading stops; the full reading then says what the body is.
const NOT_USUAL: &str = "not the usual envelope";

struct Usual;

impl<'de> Visitor<'de> for Usual {
    type Value = Fields<'static>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(NOT_USUAL)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields<'static>, A::Error> {
        let mut status_code = None;
        let mut request_id = Text::Absent;
        let mut error_type = None;
        let mut error_message = None;
        let mut error_url = Text::Absent;
        while let Some(key) = map.next_key_seed(KeySeed)? {
            let fresh = match key {
                Key::StatusCode => status_code.replace(map.next_value_seed(Status)?).is_none(),
                Key::RequestId => set_once(&mut request_id, map.next_value_seed(Nullable)?),
                Key::ErrorType => error_type.replace(map.next_value_seed(Required)?).is_none(),
                Key::ErrorMessage => error_message
                    .replace(map.next_value_seed(Required)?)
                    .is_none(),
                Key::ErrorUrl => set_once(&mut error_url, map.next_value_seed(Nullable)?),
            };
            if !fresh {
                return Err(de::Error::custom(NOT_USUAL));
            }
        }
        match (status_code, error_type, error_message) {
            (Some(status_code), Some(error_type), Some(error_message)) => Ok(Fields {
                status_code,
                status_in_body: true,
                request_id,
                error_type: Str::Owned(error_type),
                error_message: Text::Present(Str::Owned(error_message)),
                error_url,
                shape: Shape::Stytch,
                extra: serde_json::Map::new(),
            }),
            _ => Err(de::Error::custom(NOT_USUAL)),
        }
    }
}

/// Stores `value` in `slot`; whether `slot` was still absent.
fn set_once(slot: &mut Text<'static>, value: Text<'static>) -> bool {
    let fresh = matches!(slot, Text::Absent);
    *slot = value;
    fresh
}

/// One of the five keys; any other stops the reading.
enum Key {
    StatusCode,
    RequestId,
    ErrorType,
    ErrorMessage,
    ErrorUrl,
}

struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for KeySeed {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(NOT_USUAL)
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
        Ok(match key {
            "status_code" => Key::StatusCode,
            "request_id" => Key::RequestId,
            "error_type" => Key::ErrorType,
            "error_message" => Key::ErrorMessage,
            "error_url" => Key::ErrorUrl,
            _ => return Err(E::custom(NOT_USUAL)),
        })
    }
}

/// An integer from 0 to 65535.
struct Status;

impl<'de> DeserializeSeed<'de> for Status {
    type Value = u16;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<u16, D::Error> {
        deserializer.deserialize_u64(self)
    }
}

impl Visitor<'_> for Status {
    type Value = u16;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(NOT_USUAL)
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<u16, E> {
        u16::try_from(value).map_err(|_| E::custom(NOT_USUAL))
    }
}

/// A string.
struct Required;

impl<'de> DeserializeSeed<'de> for Required {
    type Value = String;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
        deserializer.deserialize_string(self)
    }
}

impl Visitor<'_> for Required {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(NOT_USUAL)
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<String, E> {
        Ok(value.to_owned())
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<String, E> {
        Ok(value)
    }
}

/// A string or `null`.
struct Nullable;

impl<'de> DeserializeSeed<'de> for Nullable {
    type Value = Text<'static>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Text<'static>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl Visitor<'_> for Nullable {
    type Value = Text<'static>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(NOT_USUAL)
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Text<'static>, E> {
        Ok(Text::Present(Str::Owned(value.to_owned())))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Text<'static>, E> {
        Ok(Text::Present(Str::Owned(value)))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Text<'static>, E> {
        Ok(Text::Null)
    }
}

#[cfg(test)]
mod tests {
    use super::read;
    use crate::ErrorEnvelope;
    use crate::envelope::de::{KEYS, Raw, RawSeed};
    use serde::de::DeserializeSeed;

    /// The full reading alone, without this one in front of it.
    fn full(json: &[u8]) -> Option<ErrorEnvelope<'static>> {
        let mut deserializer = serde_json::Deserializer::from_slice(json);
        let mut raw = Raw::default();
        RawSeed(&mut raw).deserialize(&mut deserializer).ok()?;
        deserializer.end().ok()?;
        raw.resolve(None).ok()
    }

    /// Objects of the five keys and a few others, once, twice or not at all, in two orders,
    /// with values of every type, some right for the key and some wrong.
    fn bodies() -> Vec<String> {
        // Every key of either shape, and one of neither.
        let keys = KEYS.iter().copied().chain(["other"]);
        let values = [
            "404",
            "0",
            "65535",
            "65536",
            "-1",
            "404.0",
            "\"x\"",
            "\"\\u00e9\\n\"",
            "null",
            "true",
            "[]",
            "{}",
            "{\"a\":1,\"a\":2}",
        ];
        let usual = [
            ("status_code", "404"),
            ("request_id", "\"req\""),
            ("error_type", "\"t\""),
            ("error_message", "\"m\""),
            ("error_url", "\"u\""),
        ];
        let object = |members: &[(&str, &str)]| {
            let members: Vec<String> = members
                .iter()
                .map(|(k, v)| format!("\"{k}\":{v}"))
                .collect();
            format!("{{{}}}", members.join(","))
        };
        let mut bodies = Vec::new();
        // The usual body with each member left out, given twice, or changed to any value,
        // and with any key added, in order and reversed.
        for i in 0..usual.len() {
            let mut without = usual.to_vec();
            without.remove(i);
            bodies.push(object(&without));
            let mut twice = usual.to_vec();
            twice.push(usual[i]);
            bodies.push(object(&twice));
            for value in values {
                let mut changed = usual.to_vec();
                changed[i].1 = value;
                bodies.push(object(&changed));
                changed.reverse();
                bodies.push(object(&changed));
            }
        }
        for key in keys {
            for value in values {
                let mut added = usual.to_vec();
                added.push((key, value));
                bodies.push(object(&added));
                added.reverse();
                bodies.push(object(&added));
            }
        }
        let whole = object(&usual);
        bodies.push(format!("{whole} "));
        bodies.push(format!("{whole}x"));
        bodies.push(format!("{whole}{{}}"));
        bodies.push(whole[..whole.len() - 1].to_owned());
        bodies.push(whole.replace("status_code", "status\\u005fcode"));
        bodies.push(whole);
        bodies
    }

    #[test]
    fn both_readings_agree_on_the_usual_body_and_this_one_leaves_every_other() {
        for body in bodies() {
            let full = full(body.as_bytes());
            let usual_form = full.as_ref().is_some_and(|full| {
                full.shape() == crate::Shape::Stytch && full.extra().is_empty()
            });
            match read(serde_json::de::SliceRead::new(body.as_bytes())) {
                Some(usual) => assert_eq!(Some(&usual), full.as_ref(), "{body}"),
                None => assert!(
                    !usual_form,
                    "the usual body {body} was left to the full reading"
                ),
            }
        }
    }
}
