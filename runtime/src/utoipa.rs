//! `utoipa` integration: the envelope as one OpenAPI schema component, and responses of error
//! types that reference it.
//!
//! [`ErrorEnvelope`] implements `ToSchema`, named `ErrorEnvelope`: register it once among the
//! document's components. Every set declared with `stytch_errors!` and every type deriving
//! `StytchError` without generics implements `IntoResponses`: one response per status, whose
//! description names the error_types with that status, whose body is a `$ref` to the
//! `ErrorEnvelope` component, with one example envelope per error_type. A transparent variant of
//! a derived type contributes the errors of its field's type.
//!
//! A path that documents the errors of several types at once (its own, and the rejections of
//! the service's layer, say) lists them in one [`ErrorResponses`], which merges them status by
//! status; listed side by side in `responses(...)`, the last type's response for a status would
//! replace the others'.
//!
//! ```ignore
//! #[utoipa::path(get, path = "/widgets/{id}", responses(
//!     (status = 200, body = Widget),
//!     ErrorResponses<(WidgetError, Rejection)>,
//! ))]
//! async fn widget(Path(id): Path<u64>) -> Result<Json<Widget>, WidgetError> {
//!     find(id).ok_or(WidgetError::widget_not_found).map(Json)
//! }
//!
//! #[derive(OpenApi)]
//! #[openapi(paths(widget), components(schemas(stytch_errors::ErrorEnvelope)))]
//! struct Api;
//! ```
//!
//! The names are documented in the descriptions and the examples, never as a closed `enum`:
//! clients must accept names that a later version of the API adds.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::marker::PhantomData;

use utoipa::openapi::example::ExampleBuilder;
use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::schema::{ObjectBuilder, Schema, SchemaFormat, SchemaType, Type};
use utoipa::openapi::{ContentBuilder, Ref, RefOr, Response, ResponseBuilder};
use utoipa::{PartialSchema, ToSchema};

/// utoipa's trait of a type that documents responses, implemented by every set, every derived
/// type without generics and [`ErrorResponses`]; re-exported to call it.
pub use utoipa::IntoResponses;

use crate::{ErrorCatalog, ErrorEnvelope, ErrorInfo, schema_text};

/// The name of the envelope's schema among the document's components.
const COMPONENT: &str = "ErrorEnvelope";

/// The request id of the example envelopes: the one on Stytch's own pages.
const EXAMPLE_REQUEST_ID: &str = "request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141";

impl PartialSchema for ErrorEnvelope<'_> {
    /// The envelope of any error response: the five wire fields, all required (the web
    /// framework integrations always write them), `error_details` when the error has details,
    /// and room for other fields.
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
        Cow::Borrowed(COMPONENT)
    }
}

/// The schema of the envelope of `E`'s errors: `error_type` lists its names per status,
/// as examples and in its description, and stays open to others; every field is required, as
/// in the responses the web framework integrations write.
///
/// For a document of its own about `E`; the responses of [`IntoResponses`] reference the shared
/// `ErrorEnvelope` component instead. Register it under a name of your choice, for instance
/// `components.schema("ConsumerErrorEnvelope", envelope_schema::<ConsumerError>())`.
#[must_use]
pub fn envelope_schema<E: ErrorCatalog>() -> Schema {
    envelope(
        schema_text::error_type::<E>(None),
        schema_text::names::<E>(None),
        Statuses::Examples(schema_text::statuses::<E>()),
    )
}

/// One response per status of `E`, keyed by the status, in the order of the statuses: its
/// description names the error_types with that status, and its `application/json` body is a
/// `$ref` to the `ErrorEnvelope` component with one example envelope per error_type. What the
/// `IntoResponses` implementation of every set and derived type returns.
#[must_use]
pub fn responses<E: ErrorCatalog>() -> BTreeMap<String, RefOr<Response>> {
    responses_of(&E::errors())
}

/// The responses of several error types merged status by status, for one path that answers
/// with all of them: `ErrorResponses<(WidgetError, HttpError)>` documents a 404 that lists the
/// 404s of both. `T` is a tuple of one to six types that list their errors ([`ErrorCatalog`]:
/// sets and derived types). An error_type listed by two of them is documented once, as the
/// first one lists it.
///
/// ```
/// use stytch_errors::utoipa::ErrorResponses;
/// use stytch_errors::{ConsumerError, HttpError};
/// use stytch_errors::utoipa::IntoResponses;
///
/// let responses = ErrorResponses::<(ConsumerError, HttpError)>::responses();
/// // ConsumerError's 404 and HttpError's `route_not_found` share one response.
/// let not_found = serde_json::to_value(&responses["404"]).unwrap();
/// let description = not_found["description"].as_str().unwrap();
/// assert!(description.contains("`email_not_found`"));
/// assert!(description.contains("`route_not_found`"));
/// assert!(responses.contains_key("405"));
/// ```
pub struct ErrorResponses<T>(PhantomData<T>);

impl<T: Catalogs> IntoResponses for ErrorResponses<T> {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        let mut errors = Vec::new();
        T::errors_into(&mut errors);
        responses_of(&errors)
    }
}

/// A tuple of types that list their errors, for [`ErrorResponses`].
pub trait Catalogs {
    /// Appends the errors of every type of the tuple, in order.
    fn errors_into(errors: &mut Vec<&'static ErrorInfo>);
}

macro_rules! catalogs {
    ($($name:ident)+) => {
        impl<$($name: ErrorCatalog),+> Catalogs for ($($name,)+) {
            fn errors_into(errors: &mut Vec<&'static ErrorInfo>) {
                $(errors.extend($name::errors());)+
            }
        }
    };
}

catalogs!(A);
catalogs!(A B);
catalogs!(A B C);
catalogs!(A B C D);
catalogs!(A B C D E);
catalogs!(A B C D E F);

/// The responses of these errors, one per status in ascending order; an error_type is listed
/// once, as it first appears.
fn responses_of(errors: &[&'static ErrorInfo]) -> BTreeMap<String, RefOr<Response>> {
    let mut seen = std::collections::HashSet::new();
    let mut by_status: BTreeMap<u16, Vec<&'static ErrorInfo>> = BTreeMap::new();
    for info in errors {
        if seen.insert(info.error_type()) {
            by_status.entry(info.status_code()).or_default().push(info);
        }
    }
    by_status
        .into_iter()
        .map(|(status, infos)| (status.to_string(), RefOr::T(response(status, &infos))))
        .collect()
}

/// The response of one status: the names in its description, the envelope by reference, an
/// example per name, and the headers the service integrations write.
fn response(status: u16, infos: &[&'static ErrorInfo]) -> Response {
    let mut description = format!("Error {status}: ");
    for (index, info) in infos.iter().enumerate() {
        if index > 0 {
            description.push_str(", ");
        }
        description.push('`');
        description.push_str(info.error_type());
        description.push('`');
    }
    description.push('.');
    let examples = infos.iter().map(|info| {
        let value = serde_json::to_value(info.envelope(EXAMPLE_REQUEST_ID))
            .expect("an envelope serializes to JSON");
        let example = ExampleBuilder::new()
            .summary(info.title())
            .value(Some(value))
            .build();
        (info.error_type(), example)
    });
    let content = ContentBuilder::new()
        .schema(Some(Ref::from_schema_name(COMPONENT)))
        .examples_from_iter(examples)
        .build();
    let string = || ObjectBuilder::new().schema_type(Type::String);
    let mut response = ResponseBuilder::new()
        .description(description)
        .content("application/json", content)
        .header(
            "x-request-id",
            HeaderBuilder::new()
                .schema(Some(string()))
                .description(Some(schema_text::REQUEST_ID))
                .build(),
        );
    if status == 429 || status == 503 {
        response = response.header(
            "retry-after",
            HeaderBuilder::new()
                .schema(Some(
                    ObjectBuilder::new()
                        .schema_type(Type::Integer)
                        .minimum(Some(0)),
                ))
                .description(Some(schema_text::RETRY_AFTER))
                .build(),
        );
    }
    response.build()
}

/// What the schema says of `status_code`.
enum Statuses {
    /// Any error status.
    Any,
    /// A set's statuses, as examples.
    Examples(Vec<u16>),
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
        .description(Some(schema_text::STATUS_CODE))
        .minimum(Some(400))
        .maximum(Some(599));
    if let Statuses::Examples(statuses) = statuses {
        status_code = status_code.examples(statuses);
    }
    ObjectBuilder::new()
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
        .property(
            "error_details",
            ObjectBuilder::new()
                .schema_type(SchemaType::AnyValue)
                .description(Some(schema_text::ERROR_DETAILS)),
        )
        .required("status_code")
        .required("request_id")
        .required("error_type")
        .required("error_message")
        .required("error_url")
        .build()
        .into()
}

#[cfg(test)]
mod tests {
    use utoipa::{PartialSchema, ToSchema};

    use crate::ErrorEnvelope;

    #[test]
    fn the_envelope_schema_requires_the_five_fields_and_leaves_error_type_open() {
        let schema = serde_json::to_value(ErrorEnvelope::schema()).unwrap();
        assert_eq!(schema["type"], "object");
        assert_eq!(
            schema["required"],
            serde_json::json!([
                "status_code",
                "request_id",
                "error_type",
                "error_message",
                "error_url"
            ])
        );
        assert!(schema["properties"]["error_details"].is_object());
        assert!(schema["properties"]["error_details"].get("type").is_none());
        assert_eq!(schema["properties"]["error_type"]["type"], "string");
        assert!(schema["properties"]["error_type"].get("enum").is_none());
        assert_eq!(schema["properties"]["error_url"]["format"], "uri");
        assert_eq!(ErrorEnvelope::name(), "ErrorEnvelope");
    }
}
