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

/// Every key an extra field could have that means something to one shape or the other.
const KNOWN_KEYS: [&str; 10] = [
    "status_code",
    "request_id",
    "error_type",
    "error_message",
    "error_url",
    "error",
    "error_description",
    "error_uri",
    "error_details",
    "other",
];

#[test]
fn what_is_written_reads_back_the_same_in_both_shapes_whatever_the_extra_key() {
    use stytch_errors::{ConsumerError, StytchError};
    for shape in [Shape::Stytch, Shape::OAuth2] {
        for key in KNOWN_KEYS {
            let envelope = ConsumerError::email_not_found
                .envelope("r")
                .with_shape(shape)
                .with_extra(key, "x");
            let written = serde_json::to_string(&envelope).unwrap();
            let parsed = ErrorEnvelope::parse(written.as_bytes())
                .unwrap_or_else(|error| panic!("{written}: {error}"));
            assert_eq!(parsed.shape(), shape, "{written}");
            assert_eq!(
                serde_json::to_value(&parsed).unwrap(),
                serde_json::to_value(&envelope).unwrap(),
                "{written}"
            );
            let mut fast = Vec::new();
            envelope.write_json(&mut fast).unwrap();
            assert_eq!(fast, written.as_bytes());
        }
    }
}

#[test]
fn the_first_error_key_of_a_body_tells_its_shape() {
    let oauth2 = r#"{"status_code":400,"error":"a","error_type":"b"}"#;
    let envelope = ErrorEnvelope::parse(oauth2.as_bytes()).unwrap();
    assert_eq!(envelope.shape(), Shape::OAuth2);
    assert_eq!(envelope.extra()["error_type"], "b");
    let stytch = r#"{"status_code":400,"error_type":"b","error_message":"m","error":"a"}"#;
    let envelope = ErrorEnvelope::parse(stytch.as_bytes()).unwrap();
    assert_eq!(envelope.shape(), Shape::Stytch);
    assert_eq!(envelope.extra()["error"], "a");
}

#[test]
fn a_key_given_twice_is_refused_at_every_depth() {
    for (body, field, reason) in [
        (
            r#"{"status_code":400,"error_type":"x","error_message":"y","error_details":{"a":1,"a":2}}"#,
            "error_details",
            "duplicate key `a` in `error_details`",
        ),
        (
            r#"{"status_code":400,"error_type":"x","error_message":"y","e":[1,{"b":{"c":1,"c":1}}]}"#,
            "e",
            "duplicate key `c` in `e`",
        ),
        (
            r#"{"status_code":400,"error":"x","extra":{"k\n":1,"k\n":2}}"#,
            "extra",
            r"duplicate key `k\n` in `extra`",
        ),
    ] {
        let error = ErrorEnvelope::parse(body.as_bytes()).unwrap_err();
        assert_eq!(error.field(), Some(field), "{body}");
        assert_eq!(error.reason(), reason, "{body}");
        let serde_error = serde_json::from_str::<ErrorEnvelope>(body).unwrap_err();
        assert!(serde_error.to_string().starts_with(reason), "{serde_error}");
    }
    // The same key in two objects is no duplicate.
    let body =
        r#"{"status_code":400,"error_type":"x","error_message":"y","a":{"k":1},"b":{"k":2}}"#;
    assert!(ErrorEnvelope::parse(body.as_bytes()).is_ok());
}

#[test]
fn an_entrys_envelope_equals_the_same_fields_built_one_by_one() {
    use std::hash::BuildHasher;
    use stytch_errors::{ConsumerError, StytchError};
    let entry = ConsumerError::email_not_found
        .envelope("request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141");
    assert_eq!(entry, full());
    assert_eq!(full(), entry);
    let hasher = std::collections::hash_map::RandomState::new();
    assert_eq!(hasher.hash_one(&entry), hasher.hash_one(full()));
    assert_eq!(format!("{entry:?}"), format!("{:?}", full()));
    assert_ne!(entry, full().with_request_id("other"));
    assert_ne!(entry.clone(), entry.clone().with_extra("k", 1));
    // Changed back to the same values, it is the same envelope again.
    let relabelled = entry
        .clone()
        .with_error_url(full().error_url().unwrap().to_owned());
    assert_eq!(relabelled, entry);
}

#[test]
fn into_owned_keeps_an_entrys_static_strings() {
    use stytch_errors::{ConsumerError, StytchError};
    let info = ConsumerError::email_not_found.info();
    let request_id = String::from("req-1");
    let owned: ErrorEnvelope<'static> = ConsumerError::email_not_found
        .envelope(&request_id)
        .into_owned();
    drop(request_id);
    assert_eq!(owned.error_type().as_ptr(), info.error_type().as_ptr());
    assert_eq!(
        owned.error_message().as_ptr(),
        info.error_message().as_ptr()
    );
    assert_eq!(owned.request_id(), Some("req-1"));
    let changed = owned.with_extra("k", 1).into_owned();
    assert_eq!(
        changed.error_url().unwrap().as_ptr(),
        info.error_url().as_ptr()
    );
}

#[test]
fn display_escapes_what_came_from_outside() {
    let body = r#"{"status_code":400,"error_type":"t\u202e","error_message":"m\r\nFORGED: admin logged in\u2028"}"#;
    let envelope = ErrorEnvelope::parse(body.as_bytes()).unwrap();
    assert_eq!(
        envelope.to_string(),
        r"400 t\u{202e}: m\r\nFORGED: admin logged in\u{2028}"
    );
    let long = ErrorEnvelope::new(400, "x".repeat(1000), "");
    assert_eq!(long.to_string(), format!("400 {}…: ", "x".repeat(100)));
}

#[test]
fn unknown_names_are_echoed_cut_short_and_suggestions_are_bounded() {
    use stytch_errors::ConsumerError;
    let name = "q".repeat(1 << 20);
    let error = name.parse::<ConsumerError>().unwrap_err();
    assert_eq!(error.error_type(), name);
    assert_eq!(error.suggestion(), None);
    assert_eq!(
        error.to_string(),
        format!(
            "unknown error_type `{}…` for ConsumerError",
            "q".repeat(100)
        )
    );
    let error = "emial_not_found\n".parse::<ConsumerError>().unwrap_err();
    assert_eq!(error.suggestion(), Some("email_not_found"));
    assert_eq!(
        error.to_string(),
        r"unknown error_type `emial_not_found\n` for ConsumerError; did you mean `email_not_found`?"
    );
    // Deserializing a set from such a string is as bounded.
    let json = serde_json::to_string(&name).unwrap();
    let error = serde_json::from_str::<ConsumerError>(&json).unwrap_err();
    assert!(error.to_string().len() < 300, "{}", error.to_string().len());
}
