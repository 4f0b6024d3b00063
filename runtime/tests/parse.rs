//! Tolerant, lossless parsing of response bodies: every accepted shape comes back as the same
//! JSON value, and every refused body gives an error that keeps it.

use serde_json::{Value, json};
use stytch_errors_runtime::{ErrorEnvelope, ParseError, ParseErrorKind, Shape};

/// Parses `body` both ways (`parse` and serde), checks they agree, and that writing the
/// envelope back gives the body's JSON value, also after a second round.
fn round_trip(body: &str) -> ErrorEnvelope<'static> {
    let parsed = ErrorEnvelope::parse(body.as_bytes())
        .unwrap_or_else(|error| panic!("refused {body}: {error}"));
    let via_serde: ErrorEnvelope<'static> = serde_json::from_str(body).unwrap();
    assert_eq!(via_serde, parsed, "serde and parse disagree on {body}");
    let expected: Value = serde_json::from_str(body).unwrap();
    assert_eq!(serde_json::to_value(&parsed).unwrap(), expected, "{body}");
    let written = serde_json::to_string(&parsed).unwrap();
    let again = ErrorEnvelope::parse(written.as_bytes()).unwrap();
    assert_eq!(again, parsed, "{written}");
    parsed
}

fn refused(body: impl AsRef<[u8]>) -> ParseError {
    let body = body.as_ref();
    let error = ErrorEnvelope::parse(body).expect_err("a body that should be refused");
    assert_eq!(error.body(), body);
    error
}

#[test]
fn the_stytch_shape_round_trips() {
    let envelope = round_trip(
        r#"{"status_code":404,"request_id":"request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141","error_type":"email_not_found","error_message":"Email could not be found.","error_url":"https://stytch.com/docs/api-reference/consumer/api/errors/404#email_not_found"}"#,
    );
    assert_eq!(envelope.shape(), Shape::Stytch);
    assert_eq!(envelope.status_code(), 404);
    assert_eq!(
        envelope.request_id(),
        Some("request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141")
    );
    assert_eq!(envelope.error_type(), "email_not_found");
    assert_eq!(envelope.error_message(), "Email could not be found.");
    assert!(envelope.extra().is_empty());
}

#[test]
fn gateway_bodies_without_request_id_or_url_round_trip() {
    for body in [
        r#"{"status_code":502,"error_type":"bad_gateway","error_message":"Bad gateway."}"#,
        r#"{"status_code":502,"request_id":"r","error_type":"bad_gateway","error_message":"Bad gateway."}"#,
        r#"{"status_code":502,"error_type":"bad_gateway","error_message":"Bad gateway.","error_url":"https://x.test/"}"#,
    ] {
        round_trip(body);
    }
    let bare = round_trip(
        r#"{"status_code":502,"error_type":"bad_gateway","error_message":"Bad gateway."}"#,
    );
    assert_eq!((bare.request_id(), bare.error_url()), (None, None));
}

#[test]
fn null_optional_fields_are_written_back_as_null() {
    let with_nulls = round_trip(
        r#"{"status_code":500,"request_id":null,"error_type":"internal_server_error","error_message":"Oops.","error_url":null}"#,
    );
    assert_eq!(
        (with_nulls.request_id(), with_nulls.error_url()),
        (None, None)
    );
    let without = round_trip(
        r#"{"status_code":500,"error_type":"internal_server_error","error_message":"Oops."}"#,
    );
    assert_ne!(with_nulls, without, "null and missing are different bodies");
}

#[test]
fn error_details_and_unknown_fields_are_kept() {
    let envelope = round_trip(
        r#"{"status_code":400,"request_id":"r-1","error_type":"invalid_phone_number","error_message":"Phone number format is invalid.","error_url":"https://stytch.com/docs/api-reference/consumer/api/errors/400#invalid_phone_number","error_details":{"fields":[{"name":"phone_number","reason":"format"}],"hint":null},"trace":[1,-2,3.5,true,null,"x",[],{}],"retry_after":1.25,"big":18446744073709551615,"negative":-9223372036854775808}"#,
    );
    assert_eq!(
        envelope.error_details().unwrap()["fields"][0]["name"],
        "phone_number"
    );
    assert_eq!(envelope.extra().len(), 5);
    assert_eq!(envelope.extra()["big"], json!(u64::MAX));
    assert_eq!(envelope.extra()["negative"], json!(i64::MIN));
}

#[test]
fn the_oauth2_shape_round_trips_under_its_own_names() {
    let body = r#"{"status_code":401,"request_id":"request-id-test-1","error":"invalid_client","error_description":"Client authentication failed.","error_uri":"https://stytch.com/docs/oauth#invalid_client"}"#;
    let envelope = round_trip(body);
    assert_eq!(envelope.shape(), Shape::OAuth2);
    assert_eq!(envelope.error_type(), "invalid_client");
    assert_eq!(envelope.error_message(), "Client authentication failed.");
    assert_eq!(
        envelope.error_url(),
        Some("https://stytch.com/docs/oauth#invalid_client")
    );
    assert!(envelope.extra().is_empty());
    // The same keys, in wire order.
    assert_eq!(serde_json::to_string(&envelope).unwrap(), body);
}

#[test]
fn oauth2_bodies_may_leave_out_or_null_their_optional_fields() {
    let bare = round_trip(r#"{"status_code":400,"error":"invalid_request"}"#);
    assert_eq!(bare.error_message(), "");
    assert_eq!(bare.error_url(), None);
    assert_eq!(bare.to_string(), "400 invalid_request");
    let nulls = round_trip(
        r#"{"status_code":400,"request_id":null,"error":"invalid_grant","error_description":null,"error_uri":null}"#,
    );
    assert_eq!(nulls.error_message(), "");
    assert_ne!(bare, nulls);
}

#[test]
fn the_other_shapes_keys_are_extra_fields() {
    // error_type decides: the OAuth2 keys of a Stytch body are kept as they are.
    let stytch = round_trip(
        r#"{"status_code":400,"error_type":"invalid_grant","error_message":"m","error":42,"error_description":["d"],"error_uri":null}"#,
    );
    assert_eq!(stytch.shape(), Shape::Stytch);
    assert_eq!(stytch.extra()["error"], 42);
    assert_eq!(stytch.extra().len(), 3);
    // Without error_type, the Stytch keys of an OAuth2 body are extra fields.
    let oauth2 = round_trip(
        r#"{"status_code":400,"error":"invalid_grant","error_message":{"nested":true},"error_url":7}"#,
    );
    assert_eq!(oauth2.shape(), Shape::OAuth2);
    assert_eq!(oauth2.error_message(), "");
    assert_eq!(oauth2.error_url(), None);
    assert_eq!(oauth2.extra()["error_url"], 7);
}

#[test]
fn escapes_unicode_and_whitespace_round_trip() {
    let envelope = round_trip(
        "\t{ \"status_code\" : 409 ,\n \"error\\u005ftype\":\"conflict\\u0000\\ud83d\\ude00\",\r\n\"error_message\":\"\\\"quoted\\\" \\\\ back\\/slash \u{e9}\u{1F600} \\b\\f\\n\\r\\t\", \"k\\u00e9y\": \"\\u2028\" }  ",
    );
    assert_eq!(envelope.error_type(), "conflict\u{0}\u{1F600}");
    assert_eq!(
        envelope.error_message(),
        "\"quoted\" \\ back/slash \u{e9}\u{1F600} \u{8}\u{c}\n\r\t"
    );
    assert_eq!(envelope.extra()["k\u{e9}y"], "\u{2028}");
}

#[test]
fn a_byte_order_mark_is_skipped() {
    let body = b"\xEF\xBB\xBF{\"status_code\":400,\"error_type\":\"x\",\"error_message\":\"y\"}";
    let envelope = ErrorEnvelope::parse(body).unwrap();
    assert_eq!(envelope.error_type(), "x");
}

#[test]
fn from_str_is_parse() {
    let body = r#"{"status_code":400,"error":"invalid_scope"}"#;
    let envelope: ErrorEnvelope = body.parse().unwrap();
    assert_eq!(envelope, ErrorEnvelope::parse(body.as_bytes()).unwrap());
    let error = "nope".parse::<ErrorEnvelope>().unwrap_err();
    assert_eq!(error.kind(), ParseErrorKind::NotJson);
}

#[test]
fn fields_of_the_wrong_type_are_named_with_what_was_found() {
    let cases = [
        (
            r#"{"status_code":"400","error_type":"x","error_message":"y"}"#,
            "status_code",
            "invalid type for `status_code`: expected an HTTP status, an integer from 0 to 65535, found a string \"400\"",
        ),
        (
            r#"{"status_code":70000,"error_type":"x","error_message":"y"}"#,
            "status_code",
            "invalid value for `status_code`: expected an HTTP status, an integer from 0 to 65535, found a number `70000`",
        ),
        (
            r#"{"status_code":400.0,"error_type":"x","error_message":"y"}"#,
            "status_code",
            "invalid value for `status_code`: expected an HTTP status, an integer from 0 to 65535, found a number `400.0`",
        ),
        (
            r#"{"status_code":-1,"error_type":"x","error_message":"y"}"#,
            "status_code",
            "invalid value for `status_code`: expected an HTTP status, an integer from 0 to 65535, found a number `-1`",
        ),
        (
            r#"{"status_code":400,"request_id":12345,"error_type":"x","error_message":"y"}"#,
            "request_id",
            "invalid type for `request_id`: expected a string or null, found a number `12345`",
        ),
        (
            r#"{"status_code":400,"error_type":null,"error_message":"y"}"#,
            "error_type",
            "invalid type for `error_type`: expected a string, found null",
        ),
        (
            r#"{"status_code":400,"error_type":"x","error_message":null}"#,
            "error_message",
            "invalid type for `error_message`: expected a string, found null",
        ),
        (
            r#"{"status_code":400,"error_type":"x","error_message":"y","error_url":false}"#,
            "error_url",
            "invalid type for `error_url`: expected a string or null, found a boolean `false`",
        ),
        (
            r#"{"status_code":400,"error":["invalid_grant"]}"#,
            "error",
            "invalid type for `error`: expected a string, found an array",
        ),
        (
            r#"{"status_code":400,"error":"e","error_description":{}}"#,
            "error_description",
            "invalid type for `error_description`: expected a string or null, found an object",
        ),
        (
            r#"{"status_code":400,"error":"e","error_uri":1}"#,
            "error_uri",
            "invalid type for `error_uri`: expected a string or null, found a number `1`",
        ),
    ];
    for (body, field, reason) in cases {
        let error = refused(body);
        assert_eq!(error.kind(), ParseErrorKind::InvalidField, "{body}");
        assert_eq!(error.field(), Some(field), "{body}");
        assert_eq!(error.reason(), reason, "{body}");
        assert_eq!(error.body(), body.as_bytes());
        // serde's path says the same, with a position.
        let serde_error = serde_json::from_str::<ErrorEnvelope>(body).unwrap_err();
        assert!(serde_error.to_string().starts_with(reason), "{serde_error}");
    }
}

#[test]
fn long_strings_are_cut_short_in_reasons() {
    let long = "7".repeat(10_000);
    let body = format!(r#"{{"status_code":"{long}","error_type":"x","error_message":"y"}}"#);
    let error = refused(&body);
    assert!(error.reason().len() < 200, "{}", error.reason());
    assert!(
        error
            .reason()
            .ends_with(&format!("\"{}…\"", "7".repeat(40))),
        "{}",
        error.reason()
    );
}

#[test]
fn bodies_missing_a_required_field_or_repeating_a_key_are_not_envelopes() {
    let cases = [
        (r#"{}"#, "status_code", "missing field `status_code`"),
        (
            r#"{"status_code":400,"error_message":"y"}"#,
            "error_type",
            "missing field `error_type` (or `error`, in an OAuth2 error)",
        ),
        (
            r#"{"status_code":400,"error_type":"x","error_description":"y"}"#,
            "error_message",
            "missing field `error_message`",
        ),
        (
            r#"{"error":"invalid_grant","error_description":"no status"}"#,
            "status_code",
            "missing field `status_code`",
        ),
        (
            r#"{"status_code":400,"error_type":"x","error_message":"y","error_type":"z"}"#,
            "error_type",
            "duplicate field `error_type`",
        ),
        (
            r#"{"status_code":400,"error_type":"x","error_message":"y","a":1,"a":1}"#,
            "a",
            "duplicate field `a`",
        ),
    ];
    for (body, field, reason) in cases {
        let error = refused(body);
        assert_eq!(error.kind(), ParseErrorKind::NotAnEnvelope, "{body}");
        assert_eq!(error.field(), Some(field), "{body}");
        assert_eq!(error.reason(), reason, "{body}");
        let serde_error = serde_json::from_str::<ErrorEnvelope>(body).unwrap_err();
        assert!(serde_error.to_string().starts_with(reason), "{serde_error}");
    }
}

#[test]
fn keys_and_values_are_quoted_escaped_and_cut_short() {
    // Found by the fuzzer: a key with an escaped newline broke the error onto two lines.
    let body =
        r#"{"status_code":400,"error_type":"x","error_message":"y","a\nb'c":1,"a\u000ab'c":2}"#;
    let error = refused(body);
    assert_eq!(error.reason(), r"duplicate field `a\nb'c`");
    assert_eq!(error.field(), Some("a\nb'c"));
    assert!(!error.to_string().contains('\n'), "{error}");

    let key = format!(r"{}\u0000", "k".repeat(100));
    let error = refused(format!(r#"{{"{key}":1,"{key}":2}}"#));
    assert_eq!(
        error.reason(),
        format!("duplicate field `{}…`", "k".repeat(40))
    );

    let error = refused(r#"{"status_code":"4\r\n\"00\"","error_type":"x","error_message":"y"}"#);
    assert!(
        error.reason().ends_with(r#"found a string "4\r\n\"00\"""#),
        "{}",
        error.reason()
    );
}

#[test]
fn json_that_is_not_an_object_is_not_an_envelope() {
    for (body, found) in [
        ("[]", "an array"),
        (" [1, {\"status_code\": 400}] ", "an array"),
        ("\"error\"", "a string"),
        ("true", "a boolean"),
        ("null", "null"),
        ("-4.5e3", "a number"),
        ("404", "a number"),
    ] {
        let error = refused(body);
        assert_eq!(error.kind(), ParseErrorKind::NotAnEnvelope, "{body}");
        assert_eq!(
            error.reason(),
            format!("expected a JSON object, found {found}")
        );
        assert_eq!(error.field(), None);
        assert_eq!(error.status_code(), None);
        assert!(serde_json::from_str::<ErrorEnvelope>(body).is_err());
    }
}

#[test]
fn bodies_that_are_not_json_keep_the_body_and_the_reason() {
    for (body, reason) in [
        ("", "EOF while parsing a value at line 1 column 0"),
        ("   ", "EOF while parsing a value at line 1 column 3"),
        (
            "<html><body>502 Bad Gateway</body></html>",
            "expected value at line 1 column 1",
        ),
        (
            r#"{"status_code":400,"error_type":"x""#,
            "EOF while parsing an object at line 1 column 35",
        ),
        (
            r#"{"status_code":400,"error_type":"x","error_message":"y"} trailing"#,
            "trailing characters at line 1 column 58",
        ),
        (
            r#"{"status_code":400,"error_type":"\ud800","error_message":"y"}"#,
            "unexpected end of hex escape at line 1 column 40",
        ),
        (
            "{'status_code': 400}",
            "key must be a string at line 1 column 2",
        ),
    ] {
        let error = refused(body);
        assert_eq!(error.kind(), ParseErrorKind::NotJson, "{body}");
        assert_eq!(error.reason(), reason, "{body}");
        assert_eq!(error.body(), body.as_bytes());
        assert_eq!(error.field(), None);
    }
}

#[test]
fn invalid_utf8_is_replaced_in_the_text_and_kept_in_the_bytes() {
    let body = b"{\"status_code\":400,\"error_type\":\"\xff\xfe\",\"error_message\":\"y\"}";
    let error = refused(body);
    assert_eq!(error.kind(), ParseErrorKind::NotJson);
    assert!(
        error.body_text().contains("\"\u{FFFD}\u{FFFD}\""),
        "{}",
        error.body_text()
    );
    assert_eq!(error.body(), body);
    assert_eq!(error.clone().into_body(), error.body());
    // Shown replaced and escaped, on one line.
    assert!(error.to_string().contains("\u{FFFD}\u{FFFD}"), "{error}");
}

#[test]
fn the_status_survives_a_body_that_is_otherwise_broken() {
    let error = refused(r#"{"status_code":503,"error_type":"unavailable"}"#);
    assert_eq!(error.status_code(), Some(503));
    let error = refused(r#"{"error_type":5,"status_code":429,"error_message":"m"}"#);
    assert_eq!(error.status_code(), Some(429));
    // No status to keep: not JSON, a broken status, or a status given twice.
    assert_eq!(refused(r#"{"status_code":503"#).status_code(), None);
    assert_eq!(refused(r#"{"status_code":"503"}"#).status_code(), None);
    assert_eq!(
        refused(r#"{"status_code":503,"status_code":504}"#).status_code(),
        None
    );
}

#[test]
fn the_error_displays_on_one_line_with_the_start_of_the_body() {
    let error = refused("<html>\n<body>Bad gateway</body>\n</html>");
    assert_eq!(
        error.to_string(),
        "response body is not JSON: expected value at line 1 column 1; body: `<html>\\n<body>Bad gateway</body>\\n</html>`"
    );
    let long = format!("{{\"status_code\":400,{}\"x\":1}}", "\n".repeat(500));
    let error = refused(&long);
    let shown = error.to_string();
    assert!(!shown.contains('\n'), "{shown}");
    assert!(
        shown.starts_with("response body is not an error envelope: missing field `error_type`"),
        "{shown}"
    );
    assert!(
        shown.ends_with(&format!("… ({} bytes)", long.len())),
        "{shown}"
    );
    let error = refused(r#"{"status_code":400,"error_type":null,"error_message":"y"}"#);
    assert!(
        error
            .to_string()
            .starts_with("invalid error envelope: invalid type for `error_type`"),
        "{error}"
    );
    let boxed: Box<dyn std::error::Error + Send + Sync> = Box::new(error);
    assert!(boxed.to_string().contains("error_type"));
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    for depth in [128, 100_000] {
        let (open, close) = ("[".repeat(depth), "]".repeat(depth));
        // Inside an object, values are read whole: 127 levels in all at most.
        for body in [
            format!(
                r#"{{"status_code":400,"error_type":"x","error_message":"y","error_details":{open}{close}}}"#
            ),
            format!("{}1{}", r#"{"a":"#.repeat(depth), "}".repeat(depth)),
            format!(r#"{{"status_code":400,"error_type":"x","error_message":"y","z":{open}"#),
        ] {
            let error = refused(&body);
            assert_eq!(error.kind(), ParseErrorKind::NotJson);
            assert!(
                error.reason().starts_with("recursion limit exceeded"),
                "{}",
                error.reason()
            );
            assert!(serde_json::from_str::<ErrorEnvelope>(&body).is_err());
        }
        // Anything else is only skipped, as deep as it goes.
        let error = refused(format!("{open}{close}"));
        assert_eq!(error.kind(), ParseErrorKind::NotAnEnvelope);
        assert_eq!(error.reason(), "expected a JSON object, found an array");
        let error = refused(&open);
        assert_eq!(error.kind(), ParseErrorKind::NotJson);
        assert!(error.reason().starts_with("EOF while parsing a list"));
    }
    // serde_json's limit: 127 levels in all, the envelope's object and 126 inside it.
    let nested = |depth| {
        format!(
            r#"{{"status_code":400,"error_type":"x","error_message":"y","error_details":{}{}}}"#,
            "[".repeat(depth),
            "]".repeat(depth)
        )
    };
    round_trip(&nested(126));
    assert_eq!(refused(nested(127)).kind(), ParseErrorKind::NotJson);
}

#[test]
fn huge_strings_and_many_fields_are_read_whole() {
    let message = "é\"\\".repeat(1 << 20);
    let mut body = serde_json::to_string(
        &ErrorEnvelope::new(400, "x".repeat(1 << 16), message.as_str())
            .with_extra("error_details", "d".repeat(1 << 22)),
    )
    .unwrap();
    body.pop();
    for i in 0..10_000 {
        body.push_str(&format!(",\"extra_{i}\":{i}"));
    }
    body.push('}');
    let envelope = round_trip(&body);
    assert_eq!(envelope.error_message(), message);
    assert_eq!(envelope.error_type().len(), 1 << 16);
    assert_eq!(envelope.extra().len(), 10_001);
}

#[test]
fn a_value_already_parsed_deserializes_the_same() {
    let value = json!({
        "status_code": 400,
        "error": "invalid_grant",
        "error_description": null,
        "error_details": {"attempts": [1, 2.5, "three"]},
    });
    let envelope: ErrorEnvelope<'static> = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(envelope.shape(), Shape::OAuth2);
    assert_eq!(serde_json::to_value(&envelope).unwrap(), value);
    assert_eq!(
        envelope,
        ErrorEnvelope::parse(value.to_string().as_bytes()).unwrap()
    );
    let error = serde_json::from_value::<ErrorEnvelope>(json!({"status_code": 400})).unwrap_err();
    assert_eq!(
        error.to_string(),
        "missing field `error_type` (or `error`, in an OAuth2 error)"
    );
}
