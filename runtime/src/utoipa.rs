//! `utoipa` integration: OpenAPI schemas of the envelope and responses of an error type.
//!
//! [`ErrorEnvelope`] implements `ToSchema` (the envelope of any error: `error_type` is any
//! string). For a set or a derived type ([`ErrorCatalog`]), [`envelope_schema`] documents
//! `error_type` with its names per status, and every set declared with `stytch_errors!` and
//! every type deriving `StytchError` without generics implements `IntoResponses`, one response
//! per status with its names, so that a path lists them with `responses(ConsumerError)` or
//! `responses(AppError)` (a transparent variant contributes the names of its field's type):
//!
//! ```ignore
//! #[utoipa::path(get, path = "/users/{id}", responses(
//!     (status = 200, body = User),
//!     ConsumerError,
//! ))]
//! async fn user(Path(id): Path<String>) -> Result<Json<User>, ConsumerError> {
//!     find(&id).ok_or(ConsumerError::user_not_found).map(Json)
//! }
//! ```
//!
//! The names are documented as examples and in the description, never as a closed `enum`:
//! clients must accept names that a later version of the API adds.

use std::borrow::Cow;
use std::collections::BTreeMap;

use utoipa::openapi::schema::{ObjectBuilder, Schema, SchemaFormat, Type};
use utoipa::openapi::{ContentBuilder, RefOr, Response, ResponseBuilder};
use utoipa::{PartialSchema, ToSchema};

use crate::{ErrorCatalog, ErrorEnvelope, schema_text};

impl PartialSchema for ErrorEnvelope<'_> {
    fn schema() -> RefOr<Schema> {
        envelope(
            schema_text::ERROR_TYPE.to_owned(),
            Vec::new(),
            Statuses::Any,
        )
        .into()
    }
}

impl ToSchema for ErrorEnvelope<'_> {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("ErrorEnvelope")
    }
}

/// The schema of the envelope of `E`'s errors: `error_type` lists its names per status,
/// as examples and in its description, and stays open to others; every field is required, as
/// in the responses the web framework integrations write.
///
/// Register it under a name of your choice, for instance
/// `components.schema("ConsumerErrorEnvelope", envelope_schema::<ConsumerError>())`.
#[must_use]
pub fn envelope_schema<E: ErrorCatalog>() -> Schema {
    envelope(
        schema_text::error_type::<E>(None),
        schema_text::names::<E>(None),
        Statuses::Examples(schema_text::statuses::<E>()),
    )
}

/// One response per status of `E`, keyed by the status: its description names the error_types
/// with that status, and its `application/json` body is the envelope with those names. What the
/// `IntoResponses` implementation of every set and derived type returns.
#[must_use]
pub fn responses<E: ErrorCatalog>() -> BTreeMap<String, RefOr<Response>> {
    schema_text::statuses::<E>()
        .into_iter()
        .map(|status| {
            let schema = envelope(
                schema_text::error_type::<E>(Some(status)),
                schema_text::names::<E>(Some(status)),
                Statuses::Exactly(status),
            );
            let response = ResponseBuilder::new()
                .description(schema_text::response::<E>(status))
                .content(
                    "application/json",
                    ContentBuilder::new().schema(Some(schema)).build(),
                )
                .build();
            (status.to_string(), RefOr::T(response))
        })
        .collect()
}

/// What the schema says of `status_code`.
enum Statuses {
    /// Any error status: the envelope of any error, whose `request_id` and `error_url` are
    /// optional.
    Any,
    /// A set's statuses, as examples.
    Examples(Vec<u16>),
    /// The one status of a response.
    Exactly(u16),
}

fn envelope(error_type: String, names: Vec<&'static str>, statuses: Statuses) -> Schema {
    let string = |description: &str| {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some(description))
    };
    let mut status_code = ObjectBuilder::new()
        .schema_type(Type::Integer)
        .format(Some(SchemaFormat::Custom("int32".to_owned())))
        .description(Some(schema_text::STATUS_CODE));
    status_code = match &statuses {
        Statuses::Any => status_code.minimum(Some(100)).maximum(Some(599)),
        Statuses::Examples(statuses) => status_code.examples(statuses.iter().copied()),
        Statuses::Exactly(status) => status_code.enum_values(Some([*status])),
    };
    let mut object = ObjectBuilder::new()
        .schema_type(Type::Object)
        .description(Some(schema_text::ENVELOPE))
        .property("status_code", status_code)
        .property("request_id", string(schema_text::REQUEST_ID))
        .property("error_type", string(&error_type).examples(names))
        .property("error_message", string(schema_text::ERROR_MESSAGE))
        .property(
            "error_url",
            string(schema_text::ERROR_URL).format(Some(SchemaFormat::Custom("uri".to_owned()))),
        )
        .required("status_code")
        .required("error_type")
        .required("error_message");
    if !matches!(statuses, Statuses::Any) {
        object = object.required("request_id").required("error_url");
    }
    object.build().into()
}

#[cfg(test)]
mod tests {
    use utoipa::{PartialSchema, ToSchema};

    use crate::ErrorEnvelope;

    #[test]
    fn the_envelope_schema_requires_three_fields_and_leaves_error_type_open() {
        let schema = serde_json::to_value(ErrorEnvelope::schema()).unwrap();
        assert_eq!(schema["type"], "object");
        assert_eq!(
            schema["required"],
            serde_json::json!(["status_code", "error_type", "error_message"])
        );
        assert_eq!(schema["properties"]["error_type"]["type"], "string");
        assert!(schema["properties"]["error_type"].get("enum").is_none());
        assert_eq!(schema["properties"]["error_url"]["format"], "uri");
        assert_eq!(ErrorEnvelope::name(), "ErrorEnvelope");
    }
}
