//! `ApiError::new` on any status, any headers and any body: no panic, the status and the body
//! always kept, a `Display` on one line, an envelope exactly when `parse` (with the status for
//! an OAuth2 body without one) reads the body.
//!
//! The input: two bytes of status, one byte of header count, then `name\0value\0` pairs, then
//! the body.

#![no_main]

use libfuzzer_sys::fuzz_target;
use stytch_errors::{ApiError, ConsumerError, ErrorEnvelope};

const NAMES: [&str; 4] = ["x-request-id", "Retry-After", "RETRY-AFTER", "other"];

fuzz_target!(|data: &[u8]| {
    let Some((&[high, low, count], mut rest)) = data.split_first_chunk::<3>() else {
        return;
    };
    let status = u16::from_be_bytes([high, low]);
    let mut headers = Vec::new();
    for _ in 0..count % 8 {
        let mut parts = rest.splitn(3, |&byte| byte == 0);
        let (Some(name), Some(value), Some(tail)) = (parts.next(), parts.next(), parts.next())
        else {
            break;
        };
        let name = match name.first() {
            Some(&pick) if name.len() == 1 => NAMES[usize::from(pick) % NAMES.len()].to_owned(),
            _ => String::from_utf8_lossy(name).into_owned(),
        };
        headers.push((name, value.to_vec()));
        rest = tail;
    }
    let body = rest;
    let error = headers
        .iter()
        .fold(ApiError::new(status, body), |error, (name, value)| {
            error.with_header(name, value)
        });
    assert_eq!(error.status(), status);
    assert_eq!(error.body(), body);
    assert_eq!(error.envelope().is_some(), error.parse_error().is_none());
    if ErrorEnvelope::parse(body).is_ok() {
        assert!(error.envelope().is_some());
    }
    if let Some(envelope) = error.envelope() {
        assert_eq!(error.error_type(), Some(envelope.error_type()));
        let _ = error.typed::<ConsumerError>();
        // What is written reads back, in the same shape, with the same status. (Floats of
        // extra fields may come back as the neighbouring f64: see the envelope target.)
        let written = serde_json::to_vec(envelope).unwrap();
        let again = ApiError::new(status, written);
        let again = again.envelope().expect("what is written reads");
        assert_eq!(again.status_code(), envelope.status_code());
        assert_eq!(again.shape(), envelope.shape());
        assert_eq!(again.error_type(), envelope.error_type());
        assert_eq!(again.request_id(), envelope.request_id());
    }
    let shown = error.to_string();
    assert!(shown.starts_with(&status.to_string()));
    assert!(!shown.contains(['\n', '\r', '\u{2028}', '\u{2029}', '\u{202e}']));
    if let Some(hint) = error.retry_after() {
        let _ = hint.delay();
    }
});
