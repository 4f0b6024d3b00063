//! `Serialize` of an envelope: its own fields under the names of its shape, in wire order,
//! then the extra fields.

use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};

use super::{ErrorEnvelope, Fields, Repr, Shape, Text};

impl Serialize for ErrorEnvelope<'_> {
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
        if let (
            Shape::Stytch,
            true,
            Text::Present(request_id),
            Text::Present(message),
            Text::Present(url),
        ) = (
            self.shape,
            self.status_in_body,
            &self.request_id,
            &self.error_message,
            &self.error_url,
        ) && self.extra.is_empty()
        {
            let mut out = serializer.serialize_struct("ErrorEnvelope", 5)?;
            out.serialize_field("status_code", &self.status_code)?;
            out.serialize_field("request_id", &**request_id)?;
            out.serialize_field("error_type", &*self.error_type)?;
            out.serialize_field("error_message", &**message)?;
            out.serialize_field("error_url", &**url)?;
            return out.end();
        }
        let [
            status_code,
            request_id,
            error_type,
            error_message,
            error_url,
        ] = self.shape.keys();
        let own = [&self.request_id, &self.error_message, &self.error_url]
            .into_iter()
            .filter(|text| !matches!(text, Text::Absent))
            .count();
        let extra = if self.extra.is_empty() {
            0
        } else {
            self.written_extra().count()
        };
        let len = 1 + usize::from(self.status_in_body) + own + extra;

        let mut out = serializer.serialize_map(Some(len))?;
        if self.status_in_body {
            out.serialize_entry(status_code, &self.status_code)?;
        }
        serialize_text(&mut out, request_id, &self.request_id)?;
        out.serialize_entry(error_type, &*self.error_type)?;
        serialize_text(&mut out, error_message, &self.error_message)?;
        serialize_text(&mut out, error_url, &self.error_url)?;
        if extra > 0 {
            for (key, value) in self.written_extra() {
                out.serialize_entry(key, value)?;
            }
        }
        out.end()
    }

    /// The extra fields that are written: all but those named like one of the shape's own.
    fn written_extra(&self) -> impl Iterator<Item = (&String, &serde_json::Value)> {
        let keys = self.shape.keys();
        self.extra
            .iter()
            .filter(move |(key, _)| !keys.contains(&key.as_str()))
    }
}

fn serialize_text<M: SerializeMap>(
    out: &mut M,
    key: &str,
    text: &Text<'_>,
) -> Result<(), M::Error> {
    match text {
        Text::Absent => Ok(()),
        Text::Null => out.serialize_entry(key, &()),
        Text::Present(text) => out.serialize_entry(key, &**text),
    }
}
