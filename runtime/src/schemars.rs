//! `schemars` integration: JSON Schemas of the envelope.
//!
//! [`ErrorEnvelope`] implements `JsonSchema` (the envelope of any error: `error_type` is any
//! string). For a set or a derived type ([`ErrorCatalog`]), [`envelope_schema`] documents
//! `error_type` with its names per
//! status, as examples and in its description, never as a closed `enum`: clients must accept
//! names that a later version of the API adds.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use crate::{ErrorCatalog, ErrorEnvelope, schema_text};

impl JsonSchema for ErrorEnvelope<'_> {
    fn schema_name() -> Cow<'static, str> {
        Cow::Borrowed("ErrorEnvelope")
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Borrowed("stytch_errors::ErrorEnvelope")
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "object",
            "description": schema_text::ENVELOPE,
            "properties": {
                "status_code": {
                    "type": "integer",
                    "minimum": 100,
                    "maximum": 599,
                    "description": schema_text::STATUS_CODE,
                },
                "request_id": {
                    "type": ["string", "null"],
                    "description": schema_text::REQUEST_ID,
                },
                "error_type": {
                    "type": "string",
                    "description": schema_text::ERROR_TYPE,
                },
                "error_message": {
                    "type": "string",
                    "description": schema_text::ERROR_MESSAGE,
                },
                "error_url": {
                    "type": ["string", "null"],
                    "format": "uri",
                    "description": schema_text::ERROR_URL,
                },
                "error_details": {
                    "description": schema_text::ERROR_DETAILS,
                },
            },
            "required": ["status_code", "error_type", "error_message"],
        })
    }
}

/// The schema of the envelope of `E`'s errors: `status_code` and `error_type` give its
/// statuses and names as examples, the description of `error_type` lists the names per status
/// and says the list is open; every field is required, as in the responses the web framework
/// integrations write.
#[must_use]
pub fn envelope_schema<E: ErrorCatalog>() -> Schema {
    json_schema!({
        "title": format!("{} envelope", E::TYPE_NAME),
        "type": "object",
        "description": schema_text::ENVELOPE,
        "properties": {
            "status_code": {
                "type": "integer",
                "description": schema_text::STATUS_CODE,
                "examples": schema_text::statuses::<E>(),
            },
            "request_id": {
                "type": "string",
                "description": schema_text::REQUEST_ID,
            },
            "error_type": {
                "type": "string",
                "description": schema_text::error_type::<E>(None),
                "examples": schema_text::names::<E>(None),
            },
            "error_message": {
                "type": "string",
                "description": schema_text::ERROR_MESSAGE,
            },
            "error_url": {
                "type": "string",
                "format": "uri",
                "description": schema_text::ERROR_URL,
            },
            "error_details": {
                "description": schema_text::ERROR_DETAILS,
            },
        },
        "required": ["status_code", "request_id", "error_type", "error_message", "error_url"],
    })
}

#[cfg(test)]
mod tests {
    use schemars::{JsonSchema, SchemaGenerator};

    use crate::ErrorEnvelope;

    #[test]
    fn the_envelope_schema_requires_three_fields_and_leaves_error_type_open() {
        let schema = ErrorEnvelope::json_schema(&mut SchemaGenerator::default());
        let schema = schema.as_value();
        assert_eq!(schema["type"], "object");
        assert_eq!(
            schema["required"],
            serde_json::json!(["status_code", "error_type", "error_message"])
        );
        let properties = schema["properties"].as_object().unwrap();
        let keys: Vec<&str> = properties.keys().map(String::as_str).collect();
        for key in [
            "status_code",
            "request_id",
            "error_type",
            "error_message",
            "error_url",
        ] {
            assert!(keys.contains(&key), "{key}");
        }
        assert_eq!(properties["error_type"]["type"], "string");
        assert!(properties["error_type"].get("enum").is_none());
        assert_eq!(ErrorEnvelope::schema_name(), "ErrorEnvelope");
    }
}
