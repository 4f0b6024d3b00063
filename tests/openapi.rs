//! The OpenAPI document of a four-route axum service, made by utoipa from the routes'
//! `responses(...)`: one envelope schema referenced by every error response, each route's own
//! errors and the layer's rejections merged status by status, checked by a parser of OpenAPI
//! 3.1 (`oas3`), by the spec's rules on references and response keys, and against the
//! responses the service really sends through `ErrorLayer`.

use std::collections::BTreeSet;
use std::time::Duration;

use axum::Json;
use axum::Router;
use axum::body::Body;
use axum::extract::Path;
use axum::routing::get;
use serde_json::Value;
use stytch_errors::utoipa::ErrorResponses;
use stytch_errors::{HttpError, StytchError, WithRetryAfter, stytch_errors};
use tower::ServiceExt;
use utoipa::OpenApi;

stytch_errors! {
    /// Errors of the widget routes.
    #[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
    pub enum WidgetError {
        404 {
            widget_not_found: "Widget could not be found.",
        }
        409 {
            widget_locked: "Widget is locked by another request.",
        }
        429 {
            widget_rate_limited: "Too many widget requests; retry later.",
        }
    }
}

/// Errors of creating a widget.
#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
pub enum CreateError {
    /// The name is empty or too long.
    #[stytch(status = 400, message = "Widget name {name:?} is invalid.")]
    InvalidWidgetName { name: String },
    #[stytch(transparent)]
    Widget(WidgetError),
}

/// What `ErrorLayer` answers before a handler runs: malformed or mistyped JSON, a body that is
/// not JSON, a wrong method.
#[derive(Debug, StytchError)]
pub enum Rejection {
    #[stytch(entry = HttpError::bad_request)]
    BadRequest,
    #[stytch(entry = HttpError::method_not_allowed)]
    MethodNotAllowed,
    #[stytch(entry = HttpError::unsupported_media_type)]
    UnsupportedMediaType,
    #[stytch(entry = HttpError::unprocessable_entity)]
    UnprocessableEntity,
}

#[derive(serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct Widget {
    id: u64,
    name: String,
}

#[utoipa::path(get, path = "/widgets/{id}", params(("id" = u64, Path)), responses(
    (status = 200, body = Widget),
    ErrorResponses<(WidgetError, Rejection)>,
))]
async fn get_widget(Path(id): Path<u64>) -> Result<Json<Widget>, WidgetError> {
    match id {
        1 => Ok(Json(Widget {
            id,
            name: "one".to_owned(),
        })),
        2 => Err(WidgetError::widget_locked),
        _ => Err(WidgetError::widget_not_found),
    }
}

#[utoipa::path(post, path = "/widgets", request_body = Widget, responses(
    (status = 201, body = Widget),
    ErrorResponses<(CreateError, Rejection)>,
))]
async fn create_widget(Json(widget): Json<Widget>) -> Result<Json<Widget>, CreateError> {
    if widget.name.is_empty() {
        return Err(CreateError::InvalidWidgetName { name: widget.name });
    }
    Err(CreateError::Widget(WidgetError::widget_locked))
}

#[utoipa::path(delete, path = "/widgets/{id}", params(("id" = u64, Path)), responses(
    (status = 204),
    ErrorResponses<(WidgetError, Rejection)>,
))]
async fn delete_widget(Path(_id): Path<u64>) -> WidgetError {
    WidgetError::widget_locked
}

#[utoipa::path(get, path = "/widgets", responses(
    (status = 200, body = [Widget]),
    ErrorResponses<(WidgetError, Rejection)>,
))]
async fn list_widgets() -> WithRetryAfter<WidgetError> {
    WidgetError::widget_rate_limited.with_retry_after(Duration::from_secs(30))
}

#[derive(OpenApi)]
#[openapi(
    paths(get_widget, create_widget, delete_widget, list_widgets),
    components(schemas(stytch_errors::ErrorEnvelope))
)]
struct Api;

fn app() -> Router {
    Router::new()
        .route("/widgets", get(list_widgets).post(create_widget))
        .route("/widgets/{id}", get(get_widget).delete(delete_widget))
        .layer(stytch_errors::axum::ErrorLayer::new())
}

fn document() -> Value {
    serde_json::to_value(Api::openapi()).unwrap()
}

/// Every `$ref` of the document, wherever it is.
fn refs<'a>(value: &'a Value, found: &mut Vec<&'a str>) {
    match value {
        Value::Object(object) => {
            if let Some(Value::String(target)) = object.get("$ref") {
                found.push(target);
            }
            object.values().for_each(|value| refs(value, found));
        }
        Value::Array(items) => items.iter().for_each(|value| refs(value, found)),
        _ => {}
    }
}

#[test]
fn the_document_parses_as_openapi_3_1_and_every_reference_resolves() {
    let text = serde_json::to_string_pretty(&Api::openapi()).unwrap();
    println!("OpenAPI document of 4 routes: {} bytes", text.len());
    let spec = oas3::from_json(&text).expect("a valid OpenAPI 3.1 document");
    spec.validate_version().expect("a 3.1 version");
    let mut operations = 0;
    for (path, method, operation) in spec.operations() {
        operations += 1;
        let responses = operation.responses(&spec);
        assert!(!responses.is_empty(), "{method} {path} documents responses");
        for (status, response) in &responses {
            // A response key is a status code (or `default`, unused here).
            let code: u16 = status.parse().unwrap_or_else(|_| panic!("{status}"));
            if code < 400 {
                continue;
            }
            let media = &response.content["application/json"];
            let schema = media
                .schema
                .as_ref()
                .expect("an error response has a schema");
            let resolved = schema
                .resolve(&spec)
                .expect("the envelope reference resolves");
            let oas3::spec::Schema::Object(object) = resolved else {
                panic!("the envelope is an object schema");
            };
            let oas3::spec::ObjectOrReference::Object(object) = *object else {
                panic!("resolved");
            };
            let required: BTreeSet<&str> = object.required.iter().map(String::as_str).collect();
            let examples = media
                .examples
                .as_ref()
                .expect("an example per error_type")
                .resolve_all(&spec);
            assert!(!examples.is_empty());
            for (name, example) in examples {
                let value = example.value.expect("an example value");
                // The example is an envelope the schema describes: its required fields, its
                // status, its name.
                for field in &required {
                    assert!(value.get(field).is_some(), "{name} lacks {field}");
                }
                assert_eq!(
                    value["status_code"], code,
                    "{method} {path} {status} {name}"
                );
                assert_eq!(value["error_type"], name.as_str());
            }
        }
    }
    assert_eq!(operations, 4);

    let document = document();
    let mut found = Vec::new();
    refs(&document, &mut found);
    assert!(!found.is_empty());
    for target in found {
        let pointer = target
            .strip_prefix('#')
            .expect("a reference inside the document");
        assert!(document.pointer(pointer).is_some(), "{target} resolves");
    }
}

#[test]
fn one_envelope_component_is_referenced_by_every_error_response() {
    let document = document();
    let schemas = document["components"]["schemas"].as_object().unwrap();
    let names: BTreeSet<&str> = schemas.keys().map(String::as_str).collect();
    assert_eq!(names, BTreeSet::from(["ErrorEnvelope", "Widget"]));
    let envelope = &schemas["ErrorEnvelope"];
    assert!(envelope["properties"]["error_details"].is_object());
    let mut error_responses = 0;
    for (_, item) in document["paths"].as_object().unwrap() {
        for (_, operation) in item.as_object().unwrap() {
            for (status, response) in operation["responses"].as_object().unwrap() {
                if status.as_str() >= "400" {
                    error_responses += 1;
                    assert_eq!(
                        response["content"]["application/json"]["schema"],
                        serde_json::json!({"$ref": "#/components/schemas/ErrorEnvelope"})
                    );
                }
            }
        }
    }
    // Each route: 400, 404 (or not), 405, 409, 415, 422, 429.
    assert!(error_responses >= 4 * 5, "{error_responses}");
}

/// The names documented for one status of one operation.
fn documented(document: &Value, path: &str, method: &str, status: u16) -> Vec<String> {
    let response = &document["paths"][path][method]["responses"][status.to_string()];
    response["content"]["application/json"]["examples"]
        .as_object()
        .unwrap_or_else(|| panic!("{method} {path} documents no {status}"))
        .keys()
        .cloned()
        .collect()
}

#[test]
fn each_route_lists_its_own_errors_and_the_layers_rejections_merged() {
    let document = document();
    // Both types' 400s in one response: the route's own and the layer's.
    let mut bad = documented(&document, "/widgets", "post", 400);
    bad.sort();
    assert_eq!(bad, ["bad_request", "invalid_widget_name"]);
    for status in [404, 405, 409, 415, 422, 429] {
        assert!(!documented(&document, "/widgets", "post", status).is_empty());
    }
    let listing = &document["paths"]["/widgets"]["get"]["responses"]["429"];
    assert!(listing["headers"]["retry-after"].is_object());
    assert!(
        listing["description"]
            .as_str()
            .unwrap()
            .contains("`widget_rate_limited`")
    );
}

#[tokio::test]
async fn what_the_service_answers_is_what_the_document_says() {
    let document = document();
    let cases: [(&str, &str, &str, Option<&str>); 9] = [
        ("get", "/widgets/7", "/widgets/{id}", None),
        ("get", "/widgets/2", "/widgets/{id}", None),
        ("get", "/widgets/seven", "/widgets/{id}", None),
        ("put", "/widgets/7", "/widgets/{id}", None),
        ("delete", "/widgets/7", "/widgets/{id}", None),
        (
            "post",
            "/widgets",
            "/widgets",
            Some(r#"{"id": 1, "name": ""}"#),
        ),
        ("post", "/widgets", "/widgets", Some(r#"{"id": 1,"#)),
        ("post", "/widgets", "/widgets", Some(r#"{"id": "one"}"#)),
        ("get", "/widgets", "/widgets", None),
    ];
    let mut checked = 0;
    for (method, uri, path, body) in cases {
        let mut request = axum::http::Request::builder()
            .method(method.to_uppercase().as_str())
            .uri(uri);
        if body.is_some() {
            request = request.header("content-type", "application/json");
        }
        let request = request
            .body(Body::from(body.unwrap_or_default().to_owned()))
            .unwrap();
        let response = app().oneshot(request).await.unwrap();
        let status = response.status().as_u16();
        let retry_after = response.headers().get("retry-after").cloned();
        let bytes = axum::body::to_bytes(response.into_body(), 1 << 16)
            .await
            .unwrap();
        let envelope: Value = serde_json::from_slice(&bytes).unwrap();
        // A wrong method is answered for the path, under the method the document has.
        let documented_method = if method == "put" { "get" } else { method };
        let names = documented(&document, path, documented_method, status);
        let error_type = envelope["error_type"].as_str().unwrap();
        assert!(
            names.iter().any(|name| name == error_type),
            "{method} {uri}: {status} {error_type} is not documented ({names:?})"
        );
        if status == 429 {
            assert_eq!(retry_after.unwrap(), "30");
        }
        checked += 1;
    }
    println!("{checked} of {} answers documented", cases.len());
}
