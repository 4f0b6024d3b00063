//! One of `benches/service.rs`'s answers alone in its own run, for an instruction count under
//! callgrind that a shared, noisy machine cannot blur:
//!
//! ```sh
//! cargo build --release --example service_instructions
//! for case in entry derived; do for answer in hand_written hand_written_behind_a_layer error_layer; do
//!   valgrind --tool=callgrind --callgrind-out-file=/dev/null \
//!     target/release/examples/service_instructions $case/$answer 2>&1 | grep refs
//! done; done
//! ```
//!
//! Each answers 4100 requests (every `ConsumerError` entry 100 times), as the bench does.

use std::hint::black_box;

use stytch_errors::ConsumerError;
use stytch_errors_benches::service::{answer, request, routers};

fn main() {
    let wanted = std::env::args().nth(1).unwrap_or_default();
    let names: Vec<_> = routers()
        .into_iter()
        .map(|(case, name, router)| (format!("{case}/{name}"), router))
        .collect();
    let Some((_, router)) = names.iter().find(|(name, _)| *name == wanted) else {
        let known: Vec<_> = names.iter().map(|(name, _)| name.as_str()).collect();
        panic!("unknown answer {wanted:?}: one of {}", known.join(", "));
    };
    for round in 0..ConsumerError::ALL.len() * 100 {
        drop(black_box(answer(
            router,
            request(round % ConsumerError::ALL.len()),
        )));
    }
}
