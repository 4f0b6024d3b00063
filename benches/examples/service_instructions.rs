//! One of `benches/service.rs`'s answers alone in its own run, for an instruction count under
//! callgrind that a shared, noisy machine cannot blur:
//!
//! ```sh
//! cargo build --release --example service_instructions
//! for answer in entry/hand_written entry/error_layer derived/hand_written derived/error_layer; do
//!   valgrind --tool=callgrind --callgrind-out-file=/dev/null \
//!     target/release/examples/service_instructions $answer 2>&1 | grep refs
//! done
//! ```
//!
//! Each answers 4100 requests (every `ConsumerError` entry 100 times), as the bench does.

use std::future::Future;
use std::hint::black_box;
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

#[derive(Serialize)]
struct Envelope<'a> {
    status_code: u16,
    request_id: &'a str,
    error_type: &'a str,
    error_message: &'a str,
    error_url: &'a str,
}

#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
enum WidgetError {
    #[stytch(status = 404, message = "Widget {id} could not be found.")]
    WidgetNotFound { id: u64 },
}

fn hand_written(request: &Request, status: u16, fields: [&str; 3]) -> Response {
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

async fn hand_entry(Path(index): Path<usize>, request: Request) -> Response {
    let info = ConsumerError::ALL[index].info();
    hand_written(
        &request,
        info.status_code(),
        [info.error_type(), info.error_message(), info.error_url()],
    )
}

async fn hand_derived(Path(id): Path<u64>, request: Request) -> Response {
    let message = format!("Widget {id} could not be found.");
    let url = "https://example.com/docs/errors/404#widget_not_found";
    hand_written(&request, 404, ["widget_not_found", &message, url])
}

async fn ours_entry(Path(index): Path<usize>) -> Result<(), ConsumerError> {
    Err(ConsumerError::ALL[index])
}

async fn ours_derived(Path(id): Path<u64>) -> Result<(), WidgetError> {
    Err(WidgetError::WidgetNotFound { id })
}

fn run<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
    }
}

fn main() {
    let answer = std::env::args().nth(1).unwrap_or_default();
    let router = match answer.as_str() {
        "entry/hand_written" => Router::new().route("/{index}", get(hand_entry)),
        "entry/error_layer" => Router::new()
            .route("/{index}", get(ours_entry))
            .layer(ErrorLayer::new()),
        "derived/hand_written" => Router::new().route("/{index}", get(hand_derived)),
        "derived/error_layer" => Router::new()
            .route("/{index}", get(ours_derived))
            .layer(ErrorLayer::new()),
        other => panic!("unknown answer {other:?}"),
    };
    for round in 0..ConsumerError::ALL.len() * 100 {
        let request = Request::builder()
            .uri(format!("/{}", round % ConsumerError::ALL.len()))
            .header(
                "x-request-id",
                HeaderValue::from_static("request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141"),
            )
            .body(Body::empty())
            .unwrap();
        drop(black_box(run(router.clone().oneshot(request)).unwrap()));
    }
}
