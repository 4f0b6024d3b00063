//! The answers `benches/service.rs` compares, shared with `examples/service_instructions.rs`:
//! a handler's error behind `ErrorLayer`, and what a service writes by hand today.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, Request};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Json, Response};
use axum::routing::get;
use serde::Serialize;
use stytch_errors::axum::ErrorLayer;
use stytch_errors::{ConsumerError, StytchError};
use tower::ServiceExt;
use tower::util::MapResponseLayer;

use crate::REQUEST_ID;

/// What services write by hand today.
#[derive(Serialize)]
pub struct Envelope<'a> {
    status_code: u16,
    request_id: &'a str,
    error_type: &'a str,
    error_message: &'a str,
    error_url: &'a str,
}

/// A derived error with one interpolated field.
#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
pub enum WidgetError {
    #[stytch(status = 404, message = "Widget {id} could not be found.")]
    WidgetNotFound { id: u64 },
}

/// The hand-written answer: the five fields, serialized, the request's id echoed.
pub fn hand_written(request: &Request, status: u16, fields: [&str; 3]) -> Response {
    let id = request.headers().get("x-request-id");
    let envelope = Envelope {
        status_code: status,
        request_id: id.and_then(|id| id.to_str().ok()).unwrap_or_default(),
        error_type: fields[0],
        error_message: fields[1],
        error_url: fields[2],
    };
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = (status, Json(envelope)).into_response();
    if let Some(id) = id {
        response.headers_mut().insert("x-request-id", id.clone());
    }
    response
}

pub async fn hand_entry(Path(index): Path<usize>, request: Request) -> Response {
    let info = ConsumerError::ALL[index].info();
    hand_written(
        &request,
        info.status_code(),
        [info.error_type(), info.error_message(), info.error_url()],
    )
}

pub async fn hand_derived(Path(id): Path<u64>, request: Request) -> Response {
    let message = format!("Widget {id} could not be found.");
    hand_written(
        &request,
        404,
        [
            "widget_not_found",
            &message,
            "https://example.com/docs/errors/404#widget_not_found",
        ],
    )
}

pub async fn ours_entry(Path(index): Path<usize>) -> Result<(), ConsumerError> {
    Err(ConsumerError::ALL[index])
}

pub async fn ours_derived(Path(id): Path<u64>) -> Result<(), WidgetError> {
    Err(WidgetError::WidgetNotFound { id })
}

/// `router` made ready to serve as `axum::serve` makes it: `with_state(())` turns every route
/// into a service once, instead of once per request as a bare `Router<()>` called directly does.
pub fn served(router: Router) -> Router {
    router.with_state(())
}

/// What a layer that changes nothing leaves of a response: the anchor that shows what
/// `Router::layer` itself costs, for any layer (it wraps and boxes every route once more).
fn unchanged(response: Response) -> Response {
    response
}

/// The routers, each [`served`]: (case, answer, router), for the cases `entry` and `derived`,
/// each with the answers `hand_written` (first), `hand_written_behind_a_layer` (the same
/// handler behind a layer that changes nothing) and `error_layer`.
pub fn routers() -> Vec<(&'static str, &'static str, Router)> {
    let routers = vec![
        (
            "entry",
            "hand_written",
            Router::new().route("/{index}", get(hand_entry)),
        ),
        (
            "entry",
            "hand_written_behind_a_layer",
            Router::new()
                .route("/{index}", get(hand_entry))
                .layer(MapResponseLayer::new(unchanged)),
        ),
        (
            "entry",
            "error_layer",
            Router::new()
                .route("/{index}", get(ours_entry))
                .layer(ErrorLayer::new()),
        ),
        (
            "derived",
            "hand_written",
            Router::new().route("/{index}", get(hand_derived)),
        ),
        (
            "derived",
            "hand_written_behind_a_layer",
            Router::new()
                .route("/{index}", get(hand_derived))
                .layer(MapResponseLayer::new(unchanged)),
        ),
        (
            "derived",
            "error_layer",
            Router::new()
                .route("/{index}", get(ours_derived))
                .layer(ErrorLayer::new()),
        ),
    ];
    routers
        .into_iter()
        .map(|(case, answer, router)| (case, answer, served(router)))
        .collect()
}

/// `GET /{index}` with the request id, as a client sends it.
pub fn request(index: usize) -> Request {
    Request::builder()
        .uri(format!("/{index}"))
        .header("x-request-id", HeaderValue::from_static(REQUEST_ID))
        .body(Body::empty())
        .unwrap()
}

/// Runs a future that completes without waiting, as an in-process router's does.
pub fn run<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
    }
}

pub fn answer(router: &Router, request: Request) -> Response {
    run(router.clone().oneshot(request)).unwrap()
}
