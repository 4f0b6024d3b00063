//! The tracing event of `ErrorEnvelopes`: one per error response, escaped. A test binary of its
//! own, for the reason `axum_tracing.rs` gives.

use std::sync::Arc;

#[path = "support/actix_app.rs"]
mod app;
#[path = "support/capture.rs"]
mod capture;

use app::{Compression, get, run, send};
use capture::{Capture, Events, field};
use stytch_errors::actix_web::ErrorEnvelopes;

#[test]
fn one_event_per_error_response_with_escaped_fields() {
    let events: Events = Arc::default();
    let _guard = tracing::subscriber::set_default(Capture(Arc::clone(&events)));
    run(async {
        let new = ErrorEnvelopes::new;
        send(
            Compression::Inside,
            new(),
            get("/widgets/4", "request-id-e1"),
        )
        .await;
        send(Compression::Inside, new(), get("/nothing", "request-id-e2")).await;
        send(Compression::Inside, new(), get("/id", "request-id-ok")).await;
        send(
            Compression::Inside,
            new(),
            get("/own-json", "request-id-e3"),
        )
        .await;
        send(
            Compression::Inside,
            new(),
            get("/malformed", "request-id-e4"),
        )
        .await;
        send(Compression::Inside, new(), get("/refused", "request-id-e5")).await;
    });
    let events = events.lock().unwrap();
    assert_eq!(
        events.len(),
        5,
        "one per error response, none for the success: {events:?}"
    );
    assert_eq!(field(&events[0], "error_type"), "widget_not_found");
    assert_eq!(field(&events[0], "status_code"), "404");
    assert_eq!(field(&events[0], "request_id"), "request-id-e1");
    assert_eq!(field(&events[0], "message"), "Widget 4 could not be found.");
    assert_eq!(field(&events[1], "error_type"), "route_not_found");
    assert_eq!(field(&events[2], "status_code"), "422");
    assert_eq!(field(&events[2], "error_type"), "-");
    assert_eq!(
        field(&events[3], "message"),
        r"The request was malformed: line\nbreak"
    );
    assert_eq!(field(&events[4], "error_type"), "unauthorized");
    assert_eq!(field(&events[4], "request_id"), "request-id-e5");
}
