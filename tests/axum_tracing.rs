//! The tracing event of `ErrorLayer`: one per error response, escaped. A test binary of its
//! own: tracing's callsite interest is global, and tests on other threads of the same process
//! that emit through the same callsites without a subscriber make a scoped one miss events.

use std::sync::Arc;

#[path = "support/axum_app.rs"]
mod app;
#[path = "support/capture.rs"]
mod capture;

use app::{get_with_id, routes, runtime, send};
use capture::{Capture, Events, field};
use stytch_errors::axum::ErrorLayer;
use tower_http::compression::CompressionLayer;

#[test]
fn one_event_per_error_response_with_escaped_fields() {
    let events: Events = Arc::default();
    let _guard = tracing::subscriber::set_default(Capture(Arc::clone(&events)));
    runtime().block_on(async {
        let app = routes()
            .layer(CompressionLayer::new())
            .layer(ErrorLayer::new());
        send(app.clone(), get_with_id("/widgets/4", "request-id-e1")).await;
        send(app.clone(), get_with_id("/nothing", "request-id-e2")).await;
        send(app.clone(), get_with_id("/id", "request-id-ok")).await;
        send(app.clone(), get_with_id("/own-json", "request-id-e3")).await;
        send(app, get_with_id("/malformed", "request-id-e4")).await;
    });
    let events = events.lock().unwrap();
    assert_eq!(
        events.len(),
        4,
        "one per error response, none for the success: {events:?}"
    );
    assert_eq!(field(&events[0], "error_type"), "widget_not_found");
    assert_eq!(field(&events[0], "status_code"), "404");
    assert_eq!(field(&events[0], "request_id"), "request-id-e1");
    assert_eq!(field(&events[0], "message"), "Widget 4 could not be found.");
    assert_eq!(field(&events[1], "error_type"), "route_not_found");
    assert_eq!(field(&events[1], "request_id"), "request-id-e2");
    assert_eq!(field(&events[2], "status_code"), "422");
    assert_eq!(field(&events[2], "error_type"), "-");
    assert_eq!(
        field(&events[3], "message"),
        r#"The request was malformed: line\nbreak \"quoted\""#
    );
    assert_eq!(field(&events[3], "error_type"), "malformed");
}
