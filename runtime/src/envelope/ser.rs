//! `Serialize` of an envelope: its own fields under the names of its shape, in wire order,
//! then the extra fields.

use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};

use super::{ErrorEnvelope, Fields, Repr, Shape, Text};

impl Serialize for ErrorEnvelope<'_> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.repr {
            // An entry's envelope: the five fields as a struct of static field names, what
            // serde's derive writes.
            Repr::Entry { info, request_id } => {
                let mut out = serializer.serialize_struct("ErrorEnvelope", 5)?;
                out.serialize_field("status_code", &info.status_code())?;
                out.serialize_field("request_id", &**request_id)?;
                out.serialize_field("error_type", info.error_type())?;
                out.serialize_field("error_message", info.error_message())?;
                out.serialize_field("error_url", info.error_url())?;
                out.end()
            }
            Repr::Fields(fields) => fields.serialize(serializer),
        }
    }
}

impl Fields<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // The common case, an envelope of the Stytch shape with all five fields and nothing
        // else, as a struct, the same as an entry's.
        if let Some([request_id, message, url]) = self.usual() {
            let mut out = serializer.serialize_struct("ErrorEnvelope", 5)?;
            out.serialize_field("status_code", &self.status_code)?;
            out.serialize_field("request_id", request_id)?;
            out.serialize_field("error_type", &*self.error_type)?;
            out.serialize_field("error_message", message)?;
            out.serialize_field("error_url", url)?;
            return out.end();
        }
        let mut out = serializer.serialize_map(Some(self.members().count()))?;
        for (key, member) in self.members() {
            out.serialize_entry(key, &member)?;
        }
        out.end()
    }

    /// The request id, error_message and error_url of the usual envelope: the Stytch shape,
    /// all five fields, the status in the body and nothing else. `None` for any other.
    pub(super) fn usual(&self) -> Option<[&str; 3]> {
        match (
            self.shape,
            self.status_in_body,
            &self.request_id,
            &self.error_message,
            &self.error_url,
        ) {
            (
                Shape::Stytch,
                true,
                Text::Present(request_id),
                Text::Present(message),
                Text::Present(url),
            ) if self.extra.is_empty() => Some([request_id, message, url]),
            _ => None,
        }
    }

    /// The members of the envelope's JSON object, in wire order: its own fields under the
    /// names of its shape (`status_code` only when it came in the body, optional fields only
    /// when present or `null`), then the extra fields not named like one of them. What
    /// `Serialize` and [`ErrorEnvelope::write_json`] both write.
    pub(super) fn members(&self) -> impl Iterator<Item = (&str, Member<'_>)> {
        let [
            status_code,
            request_id,
            error_type,
            error_message,
            error_url,
        ] = self.shape.keys();
        let status = self
            .status_in_body
            .then_some((status_code, Member::Status(self.status_code)));
        let keys = self.shape.keys();
        let extra = self
            .extra
            .iter()
            .filter(move |(key, _)| !keys.contains(&key.as_str()))
            .map(|(key, value)| (key.as_str(), Member::Extra(value)));
        status
            .into_iter()
            .chain(text(request_id, &self.request_id))
            .chain([(error_type, Member::Text(&self.error_type))])
            .chain(text(error_message, &self.error_message))
            .chain(text(error_url, &self.error_url))
            .chain(extra)
    }
}

/// One member's value, as written.
pub(super) enum Member<'s> {
    Status(u16),
    Text(&'s str),
    Null,
    Extra(&'s serde_json::Value),
}

/// The member of an optional field: none when it is absent.
fn text<'s>(key: &'static str, text: &'s Text<'_>) -> Option<(&'static str, Member<'s>)> {
    match text {
        Text::Absent => None,
        Text::Null => Some((key, Member::Null)),
        Text::Present(text) => Some((key, Member::Text(text))),
    }
}

impl Serialize for Member<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Member::Status(status) => serializer.serialize_u16(*status),
            Member::Text(text) => serializer.serialize_str(text),
            Member::Null => serializer.serialize_unit(),
            Member::Extra(value) => value.serialize(serializer),
        }
    }
}
