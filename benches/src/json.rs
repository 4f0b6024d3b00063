//! What `benches/envelope.rs` writes, shared with `examples/json_instructions.rs`: the anchors
//! of an error to its JSON.

use serde::Serialize;
use stytch_errors::StytchError;

use crate::OursReal;

/// What users write today.
#[derive(Serialize)]
pub struct DerivedEnvelope<'a> {
    status_code: u16,
    request_id: &'a str,
    error_type: &'a str,
    error_message: &'a str,
    error_url: &'a str,
}

impl<'a> DerivedEnvelope<'a> {
    #[inline]
    pub fn of(error: &'a impl StytchError, request_id: &'a str) -> Self {
        DerivedEnvelope {
            status_code: error.status_code(),
            request_id,
            error_type: error.error_type(),
            error_message: match error.error_message() {
                std::borrow::Cow::Borrowed(message) => message,
                std::borrow::Cow::Owned(_) => unreachable!("static messages"),
            },
            error_url: error.error_url(),
        }
    }
}

/// The limit: an entry's JSON around the request id, precomputed, and an escaper for the id.
pub struct FragmentCopier {
    head: &'static str,
    tail: &'static str,
}

impl FragmentCopier {
    pub fn new(entry: OursReal) -> Self {
        let json = serde_json::to_string(&entry.envelope("\u{0}")).unwrap();
        let (head, tail) = json.split_once("\\u0000").unwrap();
        FragmentCopier {
            head: String::leak(head.to_owned()),
            tail: String::leak(tail.to_owned()),
        }
    }

    #[inline]
    pub fn write(&self, out: &mut Vec<u8>, request_id: &str) {
        out.extend_from_slice(self.head.as_bytes());
        if request_id
            .bytes()
            .all(|b| b >= 0x20 && b != b'"' && b != b'\\')
        {
            out.extend_from_slice(request_id.as_bytes());
        } else {
            let quoted = serde_json::to_string(request_id).unwrap();
            out.extend_from_slice(&quoted.as_bytes()[1..quoted.len() - 1]);
        }
        out.extend_from_slice(self.tail.as_bytes());
    }
}
