//! The error-to-JSON benchmark's four writers, each alone in its own run, for an instruction
//! count that a shared, noisy machine cannot blur:
//!
//! ```sh
//! cargo build --release --example json_instructions
//! for writer in serde_derive fragment_copier write_json serde; do
//!   valgrind --tool=callgrind --callgrind-out-file=/dev/null \
//!     target/release/examples/json_instructions $writer 2>&1 | grep refs
//! done
//! ```
//!
//! Each writes every entry of the 804-name set 100 times into one reused buffer, as
//! `benches/envelope.rs` does; the ratios of the counts are the ratios of the work.

use std::hint::black_box;

use stytch_errors::StytchError;
use stytch_errors_benches::OursReal;
use stytch_errors_benches::REQUEST_ID;
use stytch_errors_benches::json::{DerivedEnvelope, FragmentCopier};

fn main() {
    let writer = std::env::args().nth(1).unwrap_or_default();
    let entries = OursReal::ALL;
    // Made in every run, so that the counts differ only by the writing.
    let copiers: Vec<FragmentCopier> = entries.iter().map(|&e| FragmentCopier::new(e)).collect();
    let mut buffer = Vec::with_capacity(1024);
    for _ in 0..100 {
        for (index, entry) in black_box(entries).iter().enumerate() {
            buffer.clear();
            let request_id = black_box(REQUEST_ID);
            match writer.as_str() {
                "serde_derive" => {
                    serde_json::to_writer(&mut buffer, &DerivedEnvelope::of(entry, request_id))
                        .unwrap()
                }
                "fragment_copier" => copiers[index].write(&mut buffer, request_id),
                "write_json" => entry.envelope(request_id).write_json(&mut buffer).unwrap(),
                "serde" => serde_json::to_writer(&mut buffer, &entry.envelope(request_id)).unwrap(),
                other => panic!(
                    "unknown writer {other:?}: serde_derive, fragment_copier, write_json or serde"
                ),
            }
            black_box(&buffer);
        }
    }
}
