//! An error response of an axum service, in process (`tower::ServiceExt::oneshot` on the
//! router): ours, the handler returning the error behind `ErrorLayer`, beside what a service
//! writes by hand today, a handler that reads `x-request-id`, serializes a serde-derived struct
//! of the five fields with axum's `Json` and echoes the id in the response's header. For every
//! entry of `ConsumerError` in turn, and for a derived error with one interpolated field.
//!
//! Both answer the same request (`GET /{index}` with an `x-request-id`), through the same
//! router and `Path` extractor, with the same status, headers and JSON. A counting global
//! allocator gives the allocations of one response of each (printed before the timings).

use std::alloc::{GlobalAlloc, Layout, System};
use std::future::Future;
use std::hint::black_box;
use std::pin::pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll, Waker};

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, Request};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Json, Response};
use axum::routing::get;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use serde::Serialize;
use stytch_errors::axum::ErrorLayer;
use stytch_errors::{ConsumerError, StytchError};
use tower::ServiceExt;

/// The system allocator, counting allocations (reallocations included).
struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to the system allocator as it came.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: the caller's contract, passed on.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract, passed on.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: the caller's contract, passed on.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

const REQUEST_ID: &str = "request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141";

/// What services write by hand today.
#[derive(Serialize)]
struct Envelope<'a> {
    status_code: u16,
    request_id: &'a str,
    error_type: &'a str,
    error_message: &'a str,
    error_url: &'a str,
}

/// A derived error with one interpolated field.
#[derive(Debug, StytchError)]
#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]
enum WidgetError {
    #[stytch(status = 404, message = "Widget {id} could not be found.")]
    WidgetNotFound { id: u64 },
}

/// The hand-written answer: the five fields, serialized, the request's id echoed.
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

async fn ours_entry(Path(index): Path<usize>) -> Result<(), ConsumerError> {
    Err(ConsumerError::ALL[index])
}

async fn ours_derived(Path(id): Path<u64>) -> Result<(), WidgetError> {
    Err(WidgetError::WidgetNotFound { id })
}

/// The four routers: (name, router, what the router answers).
fn routers() -> Vec<(&'static str, &'static str, Router)> {
    vec![
        (
            "entry",
            "hand_written",
            Router::new().route("/{index}", get(hand_entry)),
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
            "error_layer",
            Router::new()
                .route("/{index}", get(ours_derived))
                .layer(ErrorLayer::new()),
        ),
    ]
}

/// `GET /{index}` with the request id, as a client sends it.
fn request(index: usize) -> Request {
    Request::builder()
        .uri(format!("/{index}"))
        .header("x-request-id", HeaderValue::from_static(REQUEST_ID))
        .body(Body::empty())
        .unwrap()
}

/// Runs a future that completes without waiting, as an in-process router's does.
fn run<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
    }
}

fn answer(router: &Router, request: Request) -> Response {
    run(router.clone().oneshot(request)).unwrap()
}

/// Checks that both answer the same, then prints the allocations of one response.
fn allocations() {
    let routers = routers();
    for pair in routers.chunks(2) {
        let [(_, _, hand), (_, _, ours)] = pair else {
            unreachable!("two routers per case")
        };
        for index in 0..ConsumerError::ALL.len() {
            let (hand, ours) = (answer(hand, request(index)), answer(ours, request(index)));
            assert_eq!(hand.status(), ours.status());
            assert_eq!(hand.headers(), ours.headers());
            let body = |response: Response| {
                let bytes = run(axum::body::to_bytes(response.into_body(), usize::MAX)).unwrap();
                serde_json::from_slice::<serde_json::Value>(&bytes).unwrap()
            };
            assert_eq!(body(hand), body(ours));
        }
    }
    for (case, name, router) in &routers {
        let rounds = ConsumerError::ALL.len() * 100;
        let mut counted = 0;
        for round in 0..rounds {
            let request = request(round % ConsumerError::ALL.len());
            let before = ALLOCATIONS.load(Ordering::Relaxed);
            let response = answer(router, request);
            counted += ALLOCATIONS.load(Ordering::Relaxed) - before;
            drop(black_box(response));
        }
        eprintln!(
            "allocations per response, {case}/{name}: {:.2}",
            counted as f64 / rounds as f64
        );
    }
}

/// For comparison only: the layer around the whole router (one service), instead of around
/// each route as `Router::layer` puts it.
fn outer(c: &mut Criterion) {
    use tower::Layer;
    let cases = [
        ("entry", Router::new().route("/{index}", get(ours_entry))),
        (
            "derived",
            Router::new().route("/{index}", get(ours_derived)),
        ),
    ];
    for (case, router) in cases {
        let service = ErrorLayer::new().layer(router);
        let mut group = c.benchmark_group(format!("service_{case}"));
        let mut index = 0;
        group.bench_function("error_layer_around_router", |b| {
            b.iter_batched(
                || {
                    index = (index + 1) % ConsumerError::ALL.len();
                    request(index)
                },
                |request| run(service.clone().oneshot(request)).unwrap(),
                BatchSize::SmallInput,
            );
        });
        group.finish();
    }
}

fn bench(c: &mut Criterion) {
    allocations();
    let routers = routers();
    for (case, name, router) in &routers {
        let mut group = c.benchmark_group(format!("service_{case}"));
        let mut index = 0;
        group.bench_function(*name, |b| {
            b.iter_batched(
                || {
                    index = (index + 1) % ConsumerError::ALL.len();
                    request(index)
                },
                |request| answer(router, request),
                BatchSize::SmallInput,
            );
        });
        group.finish();
    }
}

criterion_group!(benches, bench, outer);
criterion_main!(benches);
