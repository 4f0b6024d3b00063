//! The axum application of the stack tests, and how they ask it: a client's view of the
//! answer, gzip bodies decoded.

#![allow(dead_code)]

use std::io::Read;

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::extract::{Json, Path, Query, Request};
use axum::http::{Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::Value;
use stytch_errors::axum::RequestId;
use stytch_errors::{ConsumerError, StytchError};
use tower::ServiceExt;

#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
pub enum AppError {
    #[stytch(status = 404, message = "Widget {id} could not be found.")]
    WidgetNotFound { id: u64 },
    #[stytch(status = 400, message = "The request was malformed: {reason}")]
    Malformed { reason: String },
}

#[derive(serde::Deserialize)]
struct Widget {
    #[allow(dead_code)]
    name: String,
}

#[derive(serde::Deserialize)]
struct Page {
    #[allow(dead_code)]
    limit: u32,
}

async fn widget(Path(id): Path<u64>) -> Result<&'static str, AppError> {
    Err(AppError::WidgetNotFound { id })
}

async fn create(Json(_): Json<Widget>) -> &'static str {
    "created"
}

async fn list(Query(_): Query<Page>) -> &'static str {
    "widgets"
}

async fn echo_id(request_id: RequestId) -> String {
    request_id.as_str().to_owned()
}

async fn boxed() -> Result<&'static str, Box<dyn StytchError + Send + Sync>> {
    Err(Box::new(ConsumerError::user_not_found))
}

async fn own_json() -> Response {
    (
        StatusCode::UNPROCESSABLE_ENTITY,
        [(header::CONTENT_TYPE, "application/json")],
        r#"{"mine":true}"#,
    )
        .into_response()
}

async fn maintenance(_: Request, _: Next) -> Response {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [(header::RETRY_AFTER, "120")],
        "Down for maintenance until 10:00 UTC; the widget store is being upgraded.\n",
    )
        .into_response()
}

pub fn routes() -> Router {
    Router::new()
        .route("/widgets/{id}", get(widget))
        .route("/widgets", post(create).get(list))
        .route("/id", get(echo_id))
        .route("/boxed", get(boxed))
        .route("/own-json", get(own_json))
        .route(
            "/malformed",
            get(|| async {
                Err::<(), _>(AppError::Malformed {
                    reason: "line\nbreak \"quoted\"".to_owned(),
                })
            }),
        )
        .route(
            "/maintenance",
            get(|| async { "never" }).layer(middleware::from_fn(maintenance)),
        )
}

/// What a client sees: status, headers and the body, gunzipped when it came compressed.
pub struct Answer {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: Vec<u8>,
    pub compressed: bool,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {:?}", String::from_utf8_lossy(&self.body)))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(|value| value.to_str().unwrap())
    }

    /// The envelope, its request id the same as the header's; that id.
    pub fn envelope(&self) -> (Value, String) {
        assert_eq!(self.header("content-type"), Some("application/json"));
        let body = self.json();
        let id = self
            .header("x-request-id")
            .expect("x-request-id")
            .to_owned();
        assert_eq!(body["request_id"], id.as_str(), "{body}");
        assert_eq!(
            body["status_code"].as_u64(),
            Some(u64::from(self.status.as_u16()))
        );
        (body, id)
    }
}

pub async fn send(app: Router, request: Request) -> Answer {
    let response = app.oneshot(request).await.unwrap();
    let (parts, body) = response.into_parts();
    let bytes = to_bytes(body, usize::MAX).await.unwrap().to_vec();
    let compressed = parts.headers.get(header::CONTENT_ENCODING).is_some();
    let body = if compressed {
        assert_eq!(parts.headers[header::CONTENT_ENCODING], "gzip");
        let mut decoded = Vec::new();
        flate2::read::GzDecoder::new(bytes.as_slice())
            .read_to_end(&mut decoded)
            .expect("a gzip body");
        decoded
    } else {
        bytes
    };
    Answer {
        status: parts.status,
        headers: parts.headers,
        body,
        compressed,
    }
}

pub fn build(method: Method, uri: &str) -> axum::http::request::Builder {
    Request::builder()
        .method(method)
        .uri(uri)
        .header(header::ACCEPT_ENCODING, "gzip")
}

pub fn get_with_id(uri: &str, id: &str) -> Request {
    build(Method::GET, uri)
        .header("x-request-id", id)
        .body(Body::empty())
        .unwrap()
}

pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}
