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

/// The limit: the fastest correct copier of an entry's JSON. The bytes before and after the
/// request id's value are precomputed per entry (the head ends with the id's opening quote, the
/// tail starts with its closing one), the id is checked for what JSON escapes without a branch
/// per byte, and the buffer grows once for the three copies. An id that needs escaping (never
/// the case in this benchmark) goes through serde_json.
pub struct FragmentCopier {
    head: &'static [u8],
    tail: &'static [u8],
}

impl FragmentCopier {
    pub fn new(entry: OursReal) -> Self {
        let json = serde_json::to_string(&entry.envelope("\u{0}")).unwrap();
        let (head, tail) = json.split_once("\\u0000").unwrap();
        FragmentCopier {
            head: Vec::leak(head.as_bytes().to_vec()),
            tail: Vec::leak(tail.as_bytes().to_vec()),
        }
    }

    #[inline]
    pub fn write(&self, out: &mut Vec<u8>, request_id: &str) {
        let id = request_id.as_bytes();
        let escapes = id.iter().fold(false, |any, &b| {
            any | (b < 0x20) | (b == b'"') | (b == b'\\')
        });
        if escapes {
            let quoted = serde_json::to_string(request_id).unwrap();
            out.extend_from_slice(self.head);
            out.extend_from_slice(&quoted.as_bytes()[1..quoted.len() - 1]);
            out.extend_from_slice(self.tail);
            return;
        }
        out.reserve(self.head.len() + id.len() + self.tail.len());
        out.extend_from_slice(self.head);
        out.extend_from_slice(id);
        out.extend_from_slice(self.tail);
    }
}
