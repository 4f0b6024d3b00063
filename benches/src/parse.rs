//! What `benches/envelope.rs` reads, shared with `examples/parse_instructions.rs`.

use serde::Deserialize;
use stytch_errors::{ConsumerError, StytchError};

/// What users read into today: the five fields, owned.
#[derive(Deserialize)]
pub struct DerivedOwned {
    pub status_code: u16,
    pub request_id: String,
    pub error_type: String,
    pub error_message: String,
    pub error_url: String,
}

/// The envelopes of the consumer catalog, each with its status, as a server writes them.
pub fn consumer_bodies() -> Vec<(u16, Vec<u8>)> {
    ConsumerError::ALL
        .iter()
        .map(|entry| {
            let mut body = Vec::new();
            let request_id = "request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141";
            entry.envelope(request_id).write_json(&mut body).unwrap();
            (entry.status_code(), body)
        })
        .collect()
}
