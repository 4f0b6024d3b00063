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
            entry
                .envelope(crate::REQUEST_ID)
                .write_json(&mut body)
                .unwrap();
            (entry.status_code(), body)
        })
        .collect()
}
