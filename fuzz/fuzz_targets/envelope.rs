//! `ErrorEnvelope::parse` on any bytes, and the typed view of what it accepts.
//!
//! Every accepted body comes back as the same JSON value, and reads the same through serde;
//! every refused body is kept byte for byte in the error, whose kind agrees with serde_json on
//! whether the body is JSON. Nothing panics.

#![no_main]

use libfuzzer_sys::fuzz_target;
use serde::de::IgnoredAny;
use serde_json::Value;
use stytch_errors::{B2bError, ConsumerError, ErrorEnvelope, ErrorSet, ParseErrorKind, Typed};

fuzz_target!(|body: &[u8]| {
    let json = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    match ErrorEnvelope::parse(body) {
        Ok(envelope) => {
            let value: Value = serde_json::from_slice(json).expect("an accepted body is JSON");
            assert_eq!(serde_json::to_value(&envelope).unwrap(), value);
            let via_serde: ErrorEnvelope<'_> = serde_json::from_slice(json).unwrap();
            assert_eq!(via_serde, envelope);

            let written = serde_json::to_string(&envelope).unwrap();
            let again = ErrorEnvelope::parse(written.as_bytes()).expect("what is written reads");
            assert_eq!(again.shape(), envelope.shape());
            assert_eq!(again.error_type(), envelope.error_type());
            assert_eq!(again.extra().len(), envelope.extra().len());

            check_typed::<ConsumerError>(&envelope);
            check_typed::<B2bError>(&envelope);
            let shown = envelope.to_string();
            assert!(shown.starts_with(&envelope.status_code().to_string()));
            assert!(!shown.contains(['\n', '\r', '\u{2028}', '\u{2029}', '\u{202e}']));
            let mut fast = Vec::new();
            envelope.write_json(&mut fast).unwrap();
            assert_eq!(fast, written.as_bytes());
        }
        Err(error) => {
            assert_eq!(error.body(), body);
            assert_eq!(error.body_text(), String::from_utf8_lossy(body));
            assert!(
                !error
                    .to_string()
                    .contains(['\n', '\r', '\u{2028}', '\u{2029}', '\u{202e}'])
            );
            if error.kind() == ParseErrorKind::NotJson {
                assert!(serde_json::from_slice::<Value>(json).is_err());
            } else {
                assert!(serde_json::from_slice::<IgnoredAny>(json).is_ok());
                assert!(serde_json::from_slice::<ErrorEnvelope<'_>>(json).is_err());
            }
        }
    }
});

fn check_typed<E: ErrorSet>(envelope: &ErrorEnvelope<'_>) {
    let typed = envelope.typed::<E>();
    assert_eq!(typed.error_type(), envelope.error_type());
    match typed {
        Typed::Known(entry) => assert_eq!(entry.info().error_type(), envelope.error_type()),
        Typed::Unknown(raw) => assert!(E::from_error_type(raw).is_none()),
    }
}
