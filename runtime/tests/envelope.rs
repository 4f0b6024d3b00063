//! `ErrorEnvelope` on the wire: the shape it serializes to, the builders, and the serde
//! deserialization that reads it back. (`parse.rs` has the tolerant parsing of bodies.)

use std::borrow::Cow;

use stytch_errors_runtime::{ErrorEnvelope, Shape};

const FULL: &str = r#"{"status_code":404,"request_id":"request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141","error_type":"email_not_found","error_message":"Email could not be found.","error_url":"https://stytch.com/docs/api-reference/consumer/api/errors/404#email_not_found"}"#;

fn full() -> ErrorEnvelope<'static> {
    ErrorEnvelope::new(404, "email_not_found", "Email could not be found.")
        .with_request_id("request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141")
        .with_error_url(
            "https://stytch.com/docs/api-reference/consumer/api/errors/404#email_not_found",
        )
}

#[test]
fn serializes_the_five_fields_in_wire_order() {
    assert_eq!(serde_json::to_string(&full()).unwrap(), FULL);
}

#[test]
fn leaves_out_absent_optional_fields() {
    let bare = ErrorEnvelope::new(502, "bad_gateway", "Bad gateway.");
    assert_eq!(
        serde_json::to_string(&bare).unwrap(),
        r#"{"status_code":502,"error_type":"bad_gateway","error_message":"Bad gateway."}"#
    );
}

#[test]
fn round_trips() {
    let parsed: ErrorEnvelope = serde_json::from_str(FULL).unwrap();
    assert_eq!(parsed, full());
    assert_eq!(serde_json::to_string(&parsed).unwrap(), FULL);
}

#[test]
fn reads_gateway_bodies_without_request_id_or_url() {
    let parsed: ErrorEnvelope =
        serde_json::from_str(r#"{"status_code":503,"error_type":"unavailable","error_message":"Try later.","request_id":null}"#)
            .unwrap();
    assert_eq!(parsed.status_code(), 503);
    assert_eq!(parsed.request_id(), None);
    assert_eq!(parsed.error_url(), None);
}

#[test]
fn keeps_other_fields_and_reads_escapes() {
    let parsed: ErrorEnvelope = serde_json::from_str(
        r#"{"error_details":{"a":[1,2]},"status_code":400,"error_type":"bad\u005frequest","error_message":"Line\nbreak \"quoted\""}"#,
    )
    .unwrap();
    assert_eq!(parsed.error_type(), "bad_request");
    assert_eq!(parsed.error_message(), "Line\nbreak \"quoted\"");
    assert_eq!(
        parsed.error_details(),
        Some(&serde_json::json!({"a": [1, 2]}))
    );
}

#[test]
fn reports_missing_duplicate_and_mistyped_fields() {
    let missing = serde_json::from_str::<ErrorEnvelope>(r#"{"status_code":400,"error_type":"x"}"#)
        .unwrap_err();
    assert!(
        missing
            .to_string()
            .contains("missing field `error_message`"),
        "{missing}"
    );
    let twice = serde_json::from_str::<ErrorEnvelope>(
        r#"{"status_code":400,"status_code":401,"error_type":"x","error_message":"y"}"#,
    )
    .unwrap_err();
    assert!(
        twice.to_string().contains("duplicate field `status_code`"),
        "{twice}"
    );
    let mistyped = serde_json::from_str::<ErrorEnvelope>(
        r#"{"status_code":"400","error_type":"x","error_message":"y"}"#,
    )
    .unwrap_err();
    assert!(
        mistyped
            .to_string()
            .starts_with("invalid type for `status_code`: expected an HTTP status, an integer from 0 to 65535, found a string \"400\""),
        "{mistyped}"
    );
    let not_an_object = serde_json::from_str::<ErrorEnvelope>("[]").unwrap_err();
    assert!(
        not_an_object.to_string().contains("invalid type"),
        "{not_an_object}"
    );
}

#[test]
fn owned_envelopes_outlive_their_source() {
    let owned = {
        let request_id = String::from("req-1");
        full().with_request_id(request_id.as_str()).into_owned()
    };
    assert_eq!(owned.request_id(), Some("req-1"));
    let from_reader: ErrorEnvelope<'static> = serde_json::from_reader(FULL.as_bytes()).unwrap();
    assert_eq!(from_reader, full());
}

#[test]
fn displays_status_type_and_message() {
    assert_eq!(
        full().to_string(),
        "404 email_not_found: Email could not be found."
    );
    let owned: Cow<'_, str> = Cow::Owned(String::from("Widget 7 is gone."));
    assert_eq!(
        ErrorEnvelope::new(410, "widget_gone", owned).to_string(),
        "410 widget_gone: Widget 7 is gone."
    );
}

#[test]
fn writes_the_oauth2_shape_under_its_own_names() {
    let envelope = ErrorEnvelope::new(401, "invalid_client", "Client authentication failed.")
        .with_request_id("req-2")
        .with_error_url("https://example.com/docs/oauth#invalid_client")
        .with_shape(Shape::OAuth2);
    assert_eq!(envelope.shape(), Shape::OAuth2);
    assert_eq!(
        serde_json::to_string(&envelope).unwrap(),
        r#"{"status_code":401,"request_id":"req-2","error":"invalid_client","error_description":"Client authentication failed.","error_uri":"https://example.com/docs/oauth#invalid_client"}"#
    );
}

#[test]
fn writes_extra_fields_after_its_own() {
    let envelope = ErrorEnvelope::new(400, "invalid_email", "Email format is invalid.")
        .with_extra("error_details", serde_json::json!({"field": "email"}))
        .with_extra("retryable", false);
    assert_eq!(
        envelope.error_details(),
        Some(&serde_json::json!({"field": "email"}))
    );
    assert_eq!(
        serde_json::to_string(&envelope).unwrap(),
        r#"{"status_code":400,"error_type":"invalid_email","error_message":"Email format is invalid.","error_details":{"field":"email"},"retryable":false}"#
    );
}

#[test]
fn its_own_fields_win_over_extra_fields_of_the_same_name() {
    let mut envelope = ErrorEnvelope::new(400, "invalid_email", "Email format is invalid.")
        .with_extra("error_type", "shadow")
        .with_extra("error", "kept: not a field of the Stytch shape");
    envelope
        .extra_mut()
        .insert("status_code".into(), 200.into());
    assert_eq!(envelope.extra().len(), 3);
    assert_eq!(
        serde_json::to_string(&envelope).unwrap(),
        r#"{"status_code":400,"error_type":"invalid_email","error_message":"Email format is invalid.","error":"kept: not a field of the Stytch shape"}"#
    );
    let oauth2 = envelope.with_shape(Shape::OAuth2);
    assert_eq!(
        serde_json::to_string(&oauth2).unwrap(),
        r#"{"status_code":400,"error":"invalid_email","error_description":"Email format is invalid.","error_type":"shadow"}"#
    );
}

#[test]
fn owned_envelopes_keep_shape_and_extra_fields() {
    let request_id = String::from("req-3");
    let borrowed = ErrorEnvelope::new(429, "too_many_requests", "Slow down.")
        .with_request_id(request_id.as_str())
        .with_shape(Shape::OAuth2)
        .with_extra("retry_after", 30);
    let owned: ErrorEnvelope<'static> = borrowed.clone().into_owned();
    drop(request_id);
    assert_eq!(owned.shape(), Shape::OAuth2);
    assert_eq!(owned.request_id(), Some("req-3"));
    assert_eq!(owned.extra()["retry_after"], 30);
}
