//! The lookup benchmark's strategies, each alone in its own run, for an instruction count that
//! a shared, noisy machine cannot blur:
//!
//! ```sh
//! cargo build --release --example lookup_instructions
//! for set in 41 804; do for strategy in hand_match stytch_errors; do
//!   valgrind --tool=callgrind --callgrind-out-file=/dev/null \
//!     target/release/examples/lookup_instructions $set $strategy 2>&1 | grep refs
//! done; done
//! ```
//!
//! Each looks up the queries of `benches/lookup.rs` (every name once, and as many misses)
//! 200 times; a run with strategy `none` counts what the loop costs without any lookup. The
//! ratios of the counts, each less the `none` count, are the ratios of the work. Instructions
//! are not time: a cache miss costs nothing here, which criterion's times do count.

use std::hint::black_box;

use stytch_errors_benches as sets;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [set, strategy] = [0, 1].map(|i| args.get(i).map_or("", String::as_str));
    let (queries, lookup): (&[&str], fn(&str) -> bool) = match (set, strategy) {
        ("41", "hand_match") => (sets::CONSUMER_QUERIES, |q| {
            sets::consumer_match(q).is_some()
        }),
        ("41", "stytch_errors") => (sets::CONSUMER_QUERIES, |q| sets::consumer_ours(q).is_some()),
        ("41", "none") => (sets::CONSUMER_QUERIES, |q| q.is_empty()),
        ("804", "hand_match") => (sets::REAL_QUERIES, |q| sets::real_match(q).is_some()),
        ("804", "stytch_errors") => (sets::REAL_QUERIES, |q| sets::real_ours(q).is_some()),
        ("804", "none") => (sets::REAL_QUERIES, |q| q.is_empty()),
        _ => panic!("usage: lookup_instructions 41|804 hand_match|stytch_errors|none"),
    };
    let mut found = 0;
    for _ in 0..200 {
        for query in black_box(queries) {
            found += usize::from(black_box(lookup)(black_box(query)));
        }
    }
    println!("{found} found");
}
