//! One of `benches/service.rs`'s answers alone in its own run, for an instruction count under
//! callgrind that a shared, noisy machine cannot blur:
//!
//! ```sh
//! cargo build --release --example service_instructions
//! for answer in entry/hand_written entry/error_layer derived/hand_written derived/error_layer; do
//!   valgrind --tool=callgrind --callgrind-out-file=/dev/null \
//!     target/release/examples/service_instructions $answer 2>&1 | grep refs
//! done
//! ```
//!
//! Each answers 4100 requests (every `ConsumerError` entry 100 times), as the bench does.

use std::hint::black_box;

use stytch_errors::ConsumerError;
use stytch_errors_benches::service::{answer, request, routers};

fn main() {
    let wanted = std::env::args().nth(1).unwrap_or_default();
    let Some((_, _, router)) = routers()
        .into_iter()
        .find(|(case, name, _)| format!("{case}/{name}") == wanted)
    else {
        panic!(
            "unknown answer {wanted:?}: entry/hand_written, entry/error_layer, derived/hand_written or derived/error_layer"
        );
    };
    for round in 0..ConsumerError::ALL.len() * 100 {
        drop(black_box(answer(
            &router,
            request(round % ConsumerError::ALL.len()),
        )));
    }
}
