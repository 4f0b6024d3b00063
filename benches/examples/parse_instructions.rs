//! The envelope-parse benchmark's three readers, each alone in its own run, for an instruction
//! count that a shared, noisy machine cannot blur (criterion's times can be off by 20% there):
//!
//! ```sh
//! cargo build --release --example parse_instructions
//! for reader in serde_derive parse api_error_new; do
//!   valgrind --tool=callgrind --callgrind-out-file=/dev/null \
//!     target/release/examples/parse_instructions $reader 2>&1 | grep refs
//! done
//! ```
//!
//! Each reads the 41 envelopes of the consumer catalog 200 times, as `benches/envelope.rs`
//! does; the ratios of the counts are the ratios of the work.

use std::hint::black_box;

use stytch_errors::{ApiError, ErrorEnvelope};
use stytch_errors_benches::parse::{DerivedOwned, consumer_bodies};

fn main() {
    let reader = std::env::args().nth(1).unwrap_or_default();
    let bodies = consumer_bodies();
    for _ in 0..200 {
        for (status, body) in black_box(&bodies) {
            match reader.as_str() {
                "serde_derive" => drop(black_box(
                    serde_json::from_slice::<DerivedOwned>(body).unwrap(),
                )),
                "parse" => drop(black_box(ErrorEnvelope::parse(body).unwrap())),
                "api_error_new" => drop(black_box(ApiError::new(*status, body.as_slice()))),
                other => panic!("unknown reader {other:?}: serde_derive, parse or api_error_new"),
            }
        }
    }
}
