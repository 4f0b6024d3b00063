//! The `axum_server` example, started as a process on a free loopback port and asked over real
//! HTTP/1.1 connections: status, content type, envelope and request id of its answers, gzip
//! bodies (the example compresses) decoded as a client decodes them.
//!
//! Needs the example built, which `cargo test --features axum` does (it builds the examples).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::Value;
use stytch_errors::{B2bError, ConsumerError, HttpError, StytchError};

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

/// `target/<profile>/examples/axum_server`, beside this test's `deps/` directory.
fn example_path() -> PathBuf {
    let exe = std::env::current_exe().expect("the test's own path");
    let profile_dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("the test runs from target/<profile>/deps");
    let path = profile_dir
        .join("examples")
        .join(format!("axum_server{}", std::env::consts::EXE_SUFFIX));
    assert!(
        path.exists(),
        "{} is missing: run the tests with `cargo test --features axum`, which builds the examples",
        path.display()
    );
    path
}

/// Starts the example with `PORT=0`, and reads the address it says it listens on.
fn start() -> Server {
    let mut child = Command::new(example_path())
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
    assert!(
        server.address.starts_with("127.0.0.1:"),
        "listens on loopback: {}",
        server.address
    );
    server
}

/// One response, as read off the wire.
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "body is not JSON ({e}): {}",
                String::from_utf8_lossy(&self.body)
            )
        })
    }
}

/// `GET path` over a fresh connection, with `Connection: close` so that the body ends with it.
fn get(server: &Server, path: &str, request_id: Option<&str>) -> Answer {
    let headers: Vec<(&str, &str)> = request_id
        .map(|id| ("x-request-id", id))
        .into_iter()
        .collect();
    let answer = send(server, "GET", path, &headers);
    assert!(
        answer.header("transfer-encoding").is_none(),
        "a JSON body of known length"
    );
    answer
}

/// A request over a fresh connection, with `Connection: close` so that the body ends with it;
/// a chunked body is put together, a gzip one decoded.
fn send(server: &Server, method: &str, path: &str, headers: &[(&str, &str)]) -> Answer {
    let mut stream = TcpStream::connect(&server.address).expect("connects to the example");
    // Only so that a hung server fails the test instead of blocking it forever.
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let mut request = format!("{method} {path} HTTP/1.1\r\nHost: {}\r\n", server.address);
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("Connection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("reads the response");

    let split = raw
        .windows(4)
        .position(|window| window == b"\r\n\r\n")
        .expect("a response head");
    let head = std::str::from_utf8(&raw[..split]).expect("an ASCII head");
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap();
    let status = status_line
        .strip_prefix("HTTP/1.1 ")
        .and_then(|rest| rest.get(..3))
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("bad status line: {status_line}"));
    let headers: Vec<(String, String)> = lines
        .map(|line| {
            let (key, value) = line.split_once(':').expect("a header line");
            (key.trim().to_owned(), value.trim().to_owned())
        })
        .collect();
    let mut answer = Answer {
        status,
        headers,
        body: raw[split + 4..].to_vec(),
    };
    if answer.header("transfer-encoding") == Some("chunked") {
        answer.body = dechunk(&answer.body);
    }
    if answer.header("content-encoding") == Some("gzip") {
        let mut decoded = Vec::new();
        flate2::read::GzDecoder::new(answer.body.as_slice())
            .read_to_end(&mut decoded)
            .expect("a gzip body");
        answer.body = decoded;
    }
    answer
}

/// The body of a `transfer-encoding: chunked` message.
fn dechunk(mut raw: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    loop {
        let line_end = raw
            .windows(2)
            .position(|window| window == b"\r\n")
            .expect("a chunk size line");
        let size = std::str::from_utf8(&raw[..line_end]).unwrap();
        let size = usize::from_str_radix(size.split(';').next().unwrap().trim(), 16)
            .expect("a hexadecimal chunk size");
        raw = &raw[line_end + 2..];
        if size == 0 {
            return body;
        }
        body.extend_from_slice(&raw[..size]);
        raw = &raw[size + 2..];
    }
}

fn check_envelope(answer: &Answer, error: &dyn StytchError, request_id: &str) {
    assert_eq!(answer.status, error.status_code());
    assert_eq!(answer.header("content-type"), Some("application/json"));
    assert_eq!(answer.header("x-request-id"), Some(request_id));
    let expected = serde_json::to_value(error.envelope(request_id)).unwrap();
    assert_eq!(answer.json(), expected);
    assert_eq!(
        answer.header("content-length"),
        Some(answer.body.len().to_string().as_str())
    );
}

#[test]
fn answers_with_envelopes_over_http() {
    let server = start();

    // A consumer error, with the client's request id.
    let answer = get(
        &server,
        "/errors/email_not_found",
        Some("request-id-test-from-client-1"),
    );
    check_envelope(
        &answer,
        &ConsumerError::email_not_found,
        "request-id-test-from-client-1",
    );

    // A name only the B2B catalog has.
    let answer = get(
        &server,
        "/errors/insufficient_factors_for_session_exchange",
        Some("request-id-test-from-client-2"),
    );
    check_envelope(
        &answer,
        &B2bError::insufficient_factors_for_session_exchange,
        "request-id-test-from-client-2",
    );

    // Without a request id: a generated one, the same in the header and in the body.
    let answer = get(&server, "/errors/user_not_found", None);
    let generated = answer
        .header("x-request-id")
        .expect("a generated x-request-id")
        .to_owned();
    assert!(generated.starts_with("request-id-"), "{generated}");
    check_envelope(&answer, &ConsumerError::user_not_found, &generated);

    // Two requests without an id get different ones.
    let again = get(&server, "/errors/user_not_found", None);
    assert_ne!(again.header("x-request-id"), Some(generated.as_str()));

    // An unknown name: the example's own 404 error.
    let answer = get(
        &server,
        "/errors/emial_not_found",
        Some("request-id-test-from-client-3"),
    );
    assert_eq!(answer.status, 404);
    assert_eq!(answer.header("content-type"), Some("application/json"));
    assert_eq!(
        answer.header("x-request-id"),
        Some("request-id-test-from-client-3")
    );
    let body = answer.json();
    assert_eq!(body["status_code"], 404);
    assert_eq!(body["request_id"], "request-id-test-from-client-3");
    assert_eq!(body["error_type"], "unknown_error_type");
    assert_eq!(
        body["error_message"],
        "No built-in error is named `emial_not_found`."
    );
    assert_eq!(
        body["error_url"],
        "https://example.com/docs/errors/404#unknown_error_type"
    );

    // A route the example does not have: axum's empty 404, answered as an envelope.
    let answer = get(
        &server,
        "/nothing/here",
        Some("request-id-test-from-client-4"),
    );
    check_envelope(
        &answer,
        &HttpError::route_not_found,
        "request-id-test-from-client-4",
    );
}

#[test]
fn every_error_response_is_an_envelope_gzipped_for_clients_that_accept_it() {
    let server = start();
    let gzip = ("accept-encoding", "gzip");

    // An error of the service, compressed, with the client's id.
    let answer = send(
        &server,
        "GET",
        "/errors/email_not_found",
        &[gzip, ("x-request-id", "request-id-gzip-1")],
    );
    assert_eq!(answer.header("content-encoding"), Some("gzip"));
    assert_eq!(answer.header("x-request-id"), Some("request-id-gzip-1"));
    assert_eq!(
        answer.json(),
        serde_json::to_value(ConsumerError::email_not_found.envelope("request-id-gzip-1")).unwrap()
    );

    // axum's rejection of a path parameter that is not a number: compressed text in the
    // stack, answered as an envelope of `bad_request`.
    let answer = send(
        &server,
        "GET",
        "/widgets/seven",
        &[gzip, ("x-request-id", "request-id-gzip-2")],
    );
    assert_eq!(answer.status, 400);
    assert_eq!(answer.header("content-type"), Some("application/json"));
    let body = answer.json();
    assert_eq!(body["error_type"], "bad_request");
    assert_eq!(body["request_id"], "request-id-gzip-2");

    // Without compression, the rejection's text is the message.
    let answer = send(&server, "GET", "/widgets/seven", &[]);
    let body = answer.json();
    assert_eq!(body["error_type"], "bad_request");
    assert!(
        body["error_message"]
            .as_str()
            .unwrap()
            .contains("Cannot parse"),
        "{body}"
    );

    // A wrong method.
    let answer = send(&server, "POST", "/errors/email_not_found", &[gzip]);
    assert_eq!(answer.status, 405);
    assert_eq!(answer.json()["error_type"], "method_not_allowed");

    // A 5000-byte id is refused: a generated one, and the long one echoed nowhere.
    let long = format!("request-id-{}", "a".repeat(5000));
    let answer = send(
        &server,
        "GET",
        "/widgets/1",
        &[gzip, ("x-request-id", long.as_str())],
    );
    let id = answer.header("x-request-id").unwrap().to_owned();
    assert!(id.starts_with("request-id-") && id.len() < 128, "{id}");
    assert_eq!(answer.json()["request_id"], id.as_str());
    assert!(!String::from_utf8_lossy(&answer.body).contains("aaaa"));
    assert_eq!(
        answer.json()["error_message"],
        "Widget 1 could not be found."
    );
}
