//! `ApiError` built as any HTTP client builds it, from a status, a body and headers: what it
//! keeps, how it reads OAuth2 bodies, its retry hints and its one-line `Display`; and, over
//! any status, headers and body, that it never panics and always keeps the status and the
//! body.

use proptest::collection::vec;
use proptest::prelude::*;
use serde_json::Value;
use stytch_errors::{
    ApiError, ConsumerError, ErrorEnvelope, ParseErrorKind, RetryAfter, Shape, StytchError, Typed,
};

#[test]
fn an_envelope_is_read_and_the_body_kept() {
    let envelope = ConsumerError::email_not_found.envelope("req-1");
    let mut body = Vec::new();
    envelope.write_json(&mut body).unwrap();
    let error = ApiError::new(404, body.clone());
    assert_eq!(error.status(), 404);
    assert_eq!(error.body(), body);
    assert_eq!(error.envelope(), Some(&envelope));
    assert_eq!(error.error_type(), Some("email_not_found"));
    assert_eq!(
        error.typed::<ConsumerError>(),
        Some(Typed::Known(ConsumerError::email_not_found))
    );
    assert!(error.parse_error().is_none());
    assert!(std::error::Error::source(&error).is_none());
}

#[test]
fn what_is_no_envelope_keeps_the_status_and_the_body() {
    for (status, body, kind) in [
        (
            502,
            &b"<html>Bad Gateway</html>"[..],
            ParseErrorKind::NotJson,
        ),
        (503, b"", ParseErrorKind::NotJson),
        (
            500,
            br#"{"message":"Internal server error"}"#,
            ParseErrorKind::NotAnEnvelope,
        ),
        (
            400,
            br#"{"status_code":"400","error_type":"x","error_message":"y"}"#,
            ParseErrorKind::InvalidField,
        ),
        (400, b"\xff\xfe{", ParseErrorKind::NotJson),
    ] {
        let error = ApiError::new(status, body);
        assert_eq!(error.status(), status);
        assert_eq!(error.body(), body);
        assert!(error.envelope().is_none());
        assert_eq!(error.error_type(), None);
        assert_eq!(error.typed::<ConsumerError>(), None);
        assert_eq!(error.parse_error().unwrap().kind(), kind);
        assert_eq!(error.parse_error().unwrap().body(), body);
    }
}

#[test]
fn oauth2_bodies_without_status_take_the_responses_and_write_back_as_they_came() {
    let body = br#"{"error":"invalid_client","error_description":"Bad secret.","retry":false}"#;
    let error = ApiError::new(401, &body[..]);
    let envelope = error.envelope().unwrap();
    assert_eq!(
        (envelope.status_code(), envelope.shape()),
        (401, Shape::OAuth2)
    );
    assert_eq!(envelope.error_type(), "invalid_client");
    assert_eq!(
        serde_json::to_value(envelope).unwrap(),
        serde_json::from_slice::<Value>(body).unwrap()
    );
    let mut written = Vec::new();
    envelope.write_json(&mut written).unwrap();
    assert!(!String::from_utf8_lossy(&written).contains("status_code"));
    assert_eq!(ApiError::new(401, written).envelope(), Some(envelope));

    // Without a response, the status is missing: parse alone refuses the body.
    let refused = ErrorEnvelope::parse(body).unwrap_err();
    assert_eq!(refused.field(), Some("status_code"));

    // A status in the body is the body's, whatever the response's.
    let error = ApiError::new(500, r#"{"status_code":400,"error":"invalid_request"}"#);
    assert_eq!(error.status(), 500);
    assert_eq!(error.envelope().unwrap().status_code(), 400);

    // The Stytch shape always has its status.
    let error = ApiError::new(400, r#"{"error_type":"x","error_message":"y"}"#);
    assert_eq!(error.parse_error().unwrap().field(), Some("status_code"));
}

#[test]
fn the_request_id_is_the_bodys_else_the_headers() {
    let body = r#"{"status_code":400,"request_id":"body-id","error_type":"x","error_message":"y"}"#;
    let error = ApiError::new(400, body).with_header("X-Request-ID", "header-id");
    assert_eq!(error.request_id(), Some("body-id"));
    let body = r#"{"status_code":400,"request_id":null,"error_type":"x","error_message":"y"}"#;
    let error = ApiError::new(400, body).with_header("x-request-id", " header-id ");
    assert_eq!(error.request_id(), Some("header-id"));
    let error = ApiError::new(502, "").with_header("x-request-id", b"\xff");
    assert_eq!(error.request_id(), None);
    let error = ApiError::new(502, "")
        .with_header("x-request-id", "first")
        .with_header("X-Request-Id", "last")
        .with_header("x-other", "ignored");
    assert_eq!(error.request_id(), Some("last"));
}

#[test]
fn retry_hints() {
    let retryable: Vec<u16> = (0..=999)
        .filter(|&status| ApiError::new(status, "").is_retryable())
        .collect();
    assert_eq!(retryable, [408, 429, 500, 502, 503, 504]);

    let error = ApiError::new(429, "").with_header("Retry-After", "30");
    assert_eq!(
        error.retry_after(),
        Some(RetryAfter::Delay(std::time::Duration::from_secs(30)))
    );
    let error = ApiError::new(503, "").with_header("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT");
    let Some(RetryAfter::At(at)) = error.retry_after() else {
        panic!("an HTTP date");
    };
    assert_eq!(
        at.duration_since(std::time::UNIX_EPOCH).unwrap().as_secs(),
        1_445_412_480
    );
    for value in ["soon", "-5", "", "3.5"] {
        let error = ApiError::new(503, "").with_header("Retry-After", value);
        assert_eq!(error.retry_after(), None, "{value}");
    }
}

#[test]
fn display_is_one_escaped_line() {
    let error = ApiError::new(
        400,
        r#"{"status_code":400,"request_id":"r\n1","error_type":"x\r\nFORGED: admin logged in","error_message":"\u2029\u202d\u2067"}"#,
    );
    let shown = error.to_string();
    assert_eq!(
        shown,
        r"400 x\r\nFORGED: admin logged in: \u{2029}\u{202d}\u{2067} (request_id r\n1)"
    );
    let error = ApiError::new(502, format!("<p>{}</p>", "é".repeat(1 << 20)));
    let shown = error.to_string();
    assert!(shown.len() < 600, "{}", shown.len());
    assert!(
        shown.ends_with(&format!("… ({} bytes)", error.body().len())),
        "{shown}"
    );
    let error = ApiError::new(503, "").with_source(std::io::Error::other("reset"));
    assert_eq!(error.to_string(), "503, the body could not be read");
    assert_eq!(
        std::error::Error::source(&error).unwrap().to_string(),
        "reset"
    );
}

#[cfg(feature = "http")]
#[test]
fn from_an_http_response() {
    let response = http::Response::builder()
        .status(429)
        .header("x-request-id", "edge-1")
        .header("retry-after", "2")
        .body(br#"{"error":"slow_down"}"#.to_vec())
        .unwrap();
    let error = ApiError::from(response);
    assert_eq!(error.status(), 429);
    assert_eq!(error.request_id(), Some("edge-1"));
    assert_eq!(error.error_type(), Some("slow_down"));
    assert_eq!(
        error.retry_after(),
        Some(RetryAfter::Delay(std::time::Duration::from_secs(2)))
    );
}

fn header() -> impl Strategy<Value = (String, Vec<u8>)> {
    let name = prop_oneof![
        Just("x-request-id".to_owned()),
        Just("Retry-After".to_owned()),
        "[a-zA-Z-]{1,12}",
    ];
    let value = prop_oneof![
        vec(any::<u8>(), 0..40),
        "[0-9]{1,25}".prop_map(String::into_bytes),
        "(Mon|Sun), [0-9]{2} (Nov|Feb) [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT"
            .prop_map(String::into_bytes),
    ];
    (name, value)
}

fn body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        vec(any::<u8>(), 0..200),
        Just(br#"{"error":"invalid_grant"}"#.to_vec()),
        (any::<u16>(), "[ -~\n\u{2028}\u{202e}]{0,20}").prop_map(|(status, text)| {
            serde_json::to_vec(&serde_json::json!({
                "status_code": status,
                "error_type": text,
                "error_message": text,
            }))
            .unwrap()
        }),
    ]
}

proptest! {
    #[test]
    fn any_answer_keeps_status_and_body_and_shows_one_line(
        status in any::<u16>(),
        headers in vec(header(), 0..4),
        body in body(),
    ) {
        let error = headers
            .iter()
            .fold(ApiError::new(status, body.clone()), |error, (name, value)| {
                error.with_header(name, value)
            });
        prop_assert_eq!(error.status(), status);
        prop_assert_eq!(error.body(), &body[..]);
        prop_assert_eq!(error.envelope().is_some(), error.parse_error().is_none());
        let shown = error.to_string();
        prop_assert!(!shown.contains(['\n', '\r', '\u{2028}', '\u{2029}', '\u{202e}']), "{:?}", shown);
        prop_assert!(shown.starts_with(&status.to_string()), "{}", shown);
        if let Some(hint) = error.retry_after() {
            let _ = hint.delay();
        }
    }
}
