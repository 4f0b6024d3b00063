//! An error response of an axum service, in process (`tower::ServiceExt::oneshot` on the
//! router): ours, the handler returning the error behind `ErrorLayer`, beside what a service
//! writes by hand today, a handler that reads `x-request-id`, serializes a serde-derived struct
//! of the five fields with axum's `Json` and echoes the id in the response's header. For every
//! entry of `ConsumerError` in turn, and for a derived error with one interpolated field. A
//! third answer, the hand-written handler behind a layer that changes nothing, shows what
//! `Router::layer` costs by itself, for any layer.
//!
//! All answer the same request (`GET /{index}` with an `x-request-id`), through the same
//! router and `Path` extractor, with the same status, headers and JSON. A counting global
//! allocator gives the allocations of one response of each (printed before the timings).

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::Router;
use axum::response::Response;
use axum::routing::get;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use stytch_errors::ConsumerError;
use stytch_errors::axum::ErrorLayer;
use stytch_errors_benches::service::{
    answer, ours_derived, ours_entry, request, routers, run, served,
};
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

/// Checks that every answer of a case answers as its hand-written one, then prints the
/// allocations of one response of each.
fn allocations() {
    let routers = routers();
    let body = |response: Response| {
        let bytes = run(axum::body::to_bytes(response.into_body(), usize::MAX)).unwrap();
        serde_json::from_slice::<serde_json::Value>(&bytes).unwrap()
    };
    for (case, name, router) in &routers {
        let (_, _, hand) = routers
            .iter()
            .find(|(other, name, _)| other == case && *name == "hand_written")
            .expect("every case has a hand-written answer");
        for index in 0..ConsumerError::ALL.len() {
            let (hand, ours) = (answer(hand, request(index)), answer(router, request(index)));
            assert_eq!(hand.status(), ours.status(), "{case}/{name}");
            assert_eq!(hand.headers(), ours.headers(), "{case}/{name}");
            assert_eq!(body(hand), body(ours), "{case}/{name}");
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
        let service = ErrorLayer::new().layer(served(router));
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
