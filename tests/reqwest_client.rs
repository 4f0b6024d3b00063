//! A reqwest client over loopback, reading error answers as `ApiError`s: from the `axum_server`
//! example (started as a process on a free port, as `tests/axum_server.rs` starts it), whose
//! set and derived errors arrive typed; and from a loopback server in the test that writes
//! canned raw HTTP answers, the kinds a client meets in the wild: an HTML 502 of a gateway, an
//! empty 503, a body of another API's shape, RFC 6749 OAuth2 errors, a 429 with
//! `Retry-After`, error types no set knows, injected newlines, a body cut short.
//!
//! Needs the example built, which `cargo test --features axum,reqwest` does.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::Value;
use stytch_errors::reqwest::ResponseExt;
use stytch_errors::{
    ApiError, B2bError, ConsumerError, HttpError, ParseErrorKind, RetryAfter, Shape, StytchError,
    Typed,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// The example's process, killed when the test ends, passing or not.
struct Server {
    child: Child,
    address: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `target/<profile>/examples/axum_server` with `PORT=0`, and reads its address.
fn start_example() -> Server {
    let exe = std::env::current_exe().expect("the test's own path");
    let path: PathBuf = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("the test runs from target/<profile>/deps")
        .join("examples")
        .join(format!("axum_server{}", std::env::consts::EXE_SUFFIX));
    assert!(
        path.exists(),
        "{} is missing: run `cargo test --features axum,reqwest`, which builds the examples",
        path.display()
    );
    let mut child = Command::new(path)
        .env("PORT", "0")
        .stdout(Stdio::piped())
        .spawn()
        .expect("the example starts");
    let stdout = child.stdout.take().expect("piped stdout");
    let mut line = String::new();
    let read = BufReader::new(stdout).read_line(&mut line);
    let mut server = Server {
        child,
        address: String::new(),
    };
    read.expect("the example prints its address");
    server.address = line
        .trim()
        .strip_prefix("listening on http://")
        .unwrap_or_else(|| panic!("unexpected first line: {line:?}"))
        .to_owned();
    assert!(server.address.starts_with("127.0.0.1:"));
    server
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        // Only so that a hung server fails the test instead of blocking it forever.
        .timeout(Duration::from_secs(30))
        .build()
        .expect("a client without TLS")
}

/// `GET url` with an optional `x-request-id`, read with `error_for_envelope`.
async fn get(url: &str, request_id: Option<&str>) -> Result<reqwest::Response, ApiError> {
    let mut request = client().get(url);
    if let Some(id) = request_id {
        request = request.header("x-request-id", id);
    }
    request
        .send()
        .await
        .expect("the server answers")
        .error_for_envelope()
        .await
}

async fn api_error(url: &str, request_id: Option<&str>) -> ApiError {
    get(url, request_id).await.expect_err("an error answer")
}

#[tokio::test]
async fn errors_of_the_axum_example_arrive_typed() {
    let server = start_example();
    let base = format!("http://{}", server.address);

    // An entry of the consumer set, answered by the set's own IntoResponse.
    let error = api_error(
        &format!("{base}/errors/email_not_found"),
        Some("req-client-1"),
    )
    .await;
    assert_eq!(error.status(), 404);
    assert_eq!(
        error.typed::<ConsumerError>(),
        Some(Typed::Known(ConsumerError::email_not_found))
    );
    assert_eq!(error.request_id(), Some("req-client-1"));
    assert_eq!(
        error.envelope(),
        Some(&ConsumerError::email_not_found.envelope("req-client-1"))
    );
    assert!(!error.is_retryable());
    assert_eq!(
        error.to_string(),
        "404 email_not_found: Email could not be found. (request_id req-client-1)"
    );
    let sent: Value = serde_json::from_slice(error.body()).unwrap();
    assert_eq!(
        sent,
        serde_json::to_value(ConsumerError::email_not_found.envelope("req-client-1")).unwrap()
    );

    // A name only the B2B set has: unknown to the consumer set, known to the B2B one.
    let name = "insufficient_factors_for_session_exchange";
    let error = api_error(&format!("{base}/errors/{name}"), None).await;
    let expected = B2bError::from_error_type(name).unwrap();
    assert_eq!(error.typed::<B2bError>(), Some(Typed::Known(expected)));
    assert_eq!(error.typed::<ConsumerError>(), Some(Typed::Unknown(name)));
    assert_eq!(error.status(), expected.status_code());
    // The server generated the id: the body's, as the header's.
    let generated = error.request_id().expect("a generated request id");
    assert!(!generated.is_empty());

    // The example's derived error: a type of its own, with the name interpolated.
    let error = api_error(
        &format!("{base}/errors/emial_not_found"),
        Some("req-client-2"),
    )
    .await;
    assert_eq!(error.status(), 404);
    assert_eq!(error.error_type(), Some("unknown_error_type"));
    assert_eq!(
        error.typed::<ConsumerError>(),
        Some(Typed::Unknown("unknown_error_type"))
    );
    let envelope = error.envelope().unwrap();
    assert_eq!(
        envelope.error_message(),
        "No built-in error is named `emial_not_found`."
    );
    assert_eq!(
        envelope.error_url(),
        Some("https://example.com/docs/errors/404#unknown_error_type")
    );

    // A route the example lacks: axum's empty 404, which the example's `ErrorLayer` turns into
    // an `HttpError` envelope carrying the request's id.
    let error = api_error(&format!("{base}/nothing/here"), Some("req-client-3")).await;
    assert_eq!(error.status(), 404);
    assert_eq!(
        error.typed::<HttpError>(),
        Some(Typed::Known(HttpError::route_not_found))
    );
    let envelope = error.envelope().unwrap();
    assert_eq!(envelope.request_id(), Some("req-client-3"));
    assert_eq!(
        envelope.error_message(),
        HttpError::route_not_found.error_message()
    );
    assert_eq!(error.request_id(), Some("req-client-3"));
    assert_eq!(
        error.to_string(),
        format!(
            "404 route_not_found: {} (request_id req-client-3)",
            HttpError::route_not_found.error_message()
        )
    );
}

/// A loopback server answering each request with the raw HTTP response of its path, then
/// closing the connection. Returns the base URL.
async fn canned(answers: Vec<(&'static str, Vec<u8>)>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move {
        loop {
            let Ok((mut socket, _)) = listener.accept().await else {
                return;
            };
            let answers = answers.clone();
            tokio::spawn(async move {
                let mut request = Vec::new();
                let mut buffer = [0; 1024];
                while !request.ends_with(b"\r\n\r\n") {
                    match socket.read(&mut buffer).await {
                        Ok(0) | Err(_) => return,
                        Ok(read) => request.extend_from_slice(&buffer[..read]),
                    }
                }
                let request = String::from_utf8_lossy(&request);
                let path = request.split(' ').nth(1).unwrap_or_default();
                let answer = answers
                    .iter()
                    .find(|(known, _)| *known == path)
                    .map(|(_, answer)| answer.clone())
                    .unwrap_or_else(|| response("404 Not Found", &[], b""));
                let _ = socket.write_all(&answer).await;
                let _ = socket.shutdown().await;
            });
        }
    });
    format!("http://{address}")
}

/// A raw HTTP/1.1 response with a `Content-Length`.
fn response(status: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status}\r\nContent-Length: {}\r\n", body.len());
    for (name, value) in headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str("Connection: close\r\n\r\n");
    let mut out = out.into_bytes();
    out.extend_from_slice(body);
    out
}

#[tokio::test]
async fn canned_answers_of_every_kind_keep_status_body_and_hints() {
    let html = b"<html>\r\n<body><h1>502 Bad Gateway</h1></body>\r\n</html>\r\n";
    let oauth2 = br#"{"error":"invalid_grant","error_description":"The code has expired.","error_uri":"https://example.com/oauth2#invalid_grant"}"#;
    let throttled = br#"{"status_code":429,"request_id":"req-429","error_type":"too_many_requests","error_message":"Slow down."}"#;
    let forged = "{\"status_code\":400,\"error_type\":\"x\\r\\nFORGED: admin logged in\",\"error_message\":\"m\\u2028n\\u202Eo\\n\"}";
    let base = canned(vec![
        (
            "/html",
            response("502 Bad Gateway", &[("Content-Type", "text/html")], html),
        ),
        (
            "/empty",
            response(
                "503 Service Unavailable",
                &[("X-Request-Id", "edge-503"), ("Retry-After", "120")],
                b"",
            ),
        ),
        (
            "/other-api",
            response(
                "500 Internal Server Error",
                &[],
                br#"{"message":"Internal server error"}"#,
            ),
        ),
        ("/oauth2", response("400 Bad Request", &[], oauth2)),
        (
            "/throttled",
            response(
                "429 Too Many Requests",
                &[("Retry-After", "7"), ("x-request-id", "header-id")],
                throttled,
            ),
        ),
        (
            "/until",
            response(
                "503 Service Unavailable",
                &[("Retry-After", "Sun, 06 Nov 1994 08:49:37 GMT")],
                b"",
            ),
        ),
        ("/forged", response("400 Bad Request", &[], forged.as_bytes())),
        (
            "/cut-short",
            b"HTTP/1.1 500 Internal Server Error\r\nContent-Length: 100\r\nConnection: close\r\n\r\n{\"status".to_vec(),
        ),
        (
            "/ok",
            response("200 OK", &[("Content-Type", "text/plain")], b"fine"),
        ),
    ])
    .await;

    // An HTML page from a gateway: no envelope, but the status and the body.
    let error = api_error(&format!("{base}/html"), None).await;
    assert_eq!(error.status(), 502);
    assert_eq!(error.body(), html);
    assert!(error.envelope().is_none());
    assert_eq!(error.typed::<ConsumerError>(), None);
    assert_eq!(error.parse_error().unwrap().kind(), ParseErrorKind::NotJson);
    assert!(error.is_retryable());
    let shown = error.to_string();
    assert!(
        shown.starts_with("502, response body is not JSON: "),
        "{shown}"
    );
    assert!(shown.contains("<html>\\r\\n<body>"), "{shown}");
    assert!(!shown.contains(['\r', '\n']), "{shown}");

    // An empty 503: the request id and the delay from the headers.
    let error = api_error(&format!("{base}/empty"), None).await;
    assert_eq!(error.status(), 503);
    assert!(error.body().is_empty());
    assert_eq!(error.request_id(), Some("edge-503"));
    assert_eq!(
        error.retry_after(),
        Some(RetryAfter::Delay(Duration::from_secs(120)))
    );
    assert!(error.is_retryable());
    assert_eq!(
        error.to_string(),
        "503 with an empty body (request_id edge-503)"
    );

    // JSON of another API's shape.
    let error = api_error(&format!("{base}/other-api"), None).await;
    assert_eq!(error.status(), 500);
    assert_eq!(error.body(), br#"{"message":"Internal server error"}"#);
    assert_eq!(
        error.parse_error().unwrap().kind(),
        ParseErrorKind::NotAnEnvelope
    );

    // RFC 6749 as written, without status_code: an envelope with the response's status,
    // written back as it came.
    let error = api_error(&format!("{base}/oauth2"), None).await;
    let envelope = error.envelope().expect("an OAuth2 error is an envelope");
    assert_eq!(envelope.status_code(), 400);
    assert_eq!(envelope.shape(), Shape::OAuth2);
    assert_eq!(error.error_type(), Some("invalid_grant"));
    assert_eq!(envelope.error_message(), "The code has expired.");
    assert_eq!(
        serde_json::to_value(envelope).unwrap(),
        serde_json::from_slice::<Value>(oauth2).unwrap()
    );
    assert_eq!(
        error.to_string(),
        "400 invalid_grant: The code has expired."
    );

    // A 429 with Retry-After: the body's request id wins over the header's.
    let error = api_error(&format!("{base}/throttled"), None).await;
    assert_eq!(error.status(), 429);
    assert_eq!(
        error.retry_after(),
        Some(RetryAfter::Delay(Duration::from_secs(7)))
    );
    assert!(error.is_retryable());
    assert_eq!(error.request_id(), Some("req-429"));
    assert_eq!(
        error.typed::<ConsumerError>(),
        Some(Typed::Unknown("too_many_requests"))
    );

    // Retry-After as an HTTP date, long past: no wait.
    let error = api_error(&format!("{base}/until"), None).await;
    let hint = error.retry_after().expect("an HTTP date");
    assert!(matches!(hint, RetryAfter::At(_)));
    assert_eq!(hint.delay(), Duration::ZERO);

    // Newlines, a line separator and a bidi override in the body: kept verbatim in the
    // envelope, escaped in every Display.
    let error = api_error(&format!("{base}/forged"), None).await;
    assert_eq!(error.error_type(), Some("x\r\nFORGED: admin logged in"));
    assert_eq!(
        error.envelope().unwrap().error_message(),
        "m\u{2028}n\u{202E}o\n"
    );
    for shown in [error.to_string(), error.envelope().unwrap().to_string()] {
        assert!(
            !shown.contains(['\r', '\n', '\u{2028}', '\u{202E}']),
            "{shown:?}"
        );
        assert!(
            shown.contains("x\\r\\nFORGED: admin logged in: m\\u{2028}n\\u{202e}o\\n"),
            "{shown}"
        );
    }

    // A body cut short by the server: the status, and reqwest's error as the source.
    let error = api_error(&format!("{base}/cut-short"), None).await;
    assert_eq!(error.status(), 500);
    assert!(error.body().is_empty());
    let source = std::error::Error::source(&error).expect("the transport's error");
    assert!(source.downcast_ref::<reqwest::Error>().is_some());
    assert_eq!(error.to_string(), "500, the body could not be read");

    // A success is the response itself, its body unread.
    let response = get(&format!("{base}/ok"), None).await.expect("a success");
    assert_eq!(response.status(), 200);
    assert_eq!(response.text().await.unwrap(), "fine");

    // Any path the canned server lacks: an empty 404.
    let error = api_error(&format!("{base}/missing"), None).await;
    assert_eq!((error.status(), error.body().len()), (404, 0));
    assert_eq!(error.request_id(), None);
}
