//! Envelopes to JSON and back, over every entry of a realistic set, beside the anchors, in one
//! run.
//!
//! - `envelope_json_804`: every entry of the 804-name set (the real Stytch error_types) to its
//!   JSON, from the error: what users write today, a serde-derived struct of `&str` fields
//!   through `serde_json::to_writer` (`serde_derive`); the hand-written static-fragment copier,
//!   the limit (`fragment_copier`: the entry's JSON around the request id, precomputed, and
//!   the request id escaped); and ours, `error.envelope(id).write_json(&mut buffer)`
//!   (`stytch_errors_write_json`) and `serde_json::to_writer(&mut buffer, &error.envelope(id))`
//!   (`stytch_errors_serde`). One reused buffer, cleared before each envelope.
//! - `envelope_parse_consumer`: the 41 envelopes of the consumer catalog (290 bytes on
//!   average) read back: `serde_json::from_slice` into a serde-derived struct of the same
//!   fields, owned (`serde_derive`); `ErrorEnvelope::parse`; and `ApiError::new`, which keeps
//!   a copy of the body too, made in the time measured.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use stytch_errors::{ApiError, ErrorEnvelope, StytchError};
use stytch_errors_benches::OursReal;
use stytch_errors_benches::REQUEST_ID;
use stytch_errors_benches::json::{DerivedEnvelope, FragmentCopier};
use stytch_errors_benches::parse::{DerivedOwned, consumer_bodies};

fn to_json(c: &mut Criterion) {
    let entries = OursReal::ALL;
    let copiers: Vec<FragmentCopier> = entries.iter().map(|&e| FragmentCopier::new(e)).collect();

    // The same bytes from every writer, for every entry, or the comparison means nothing.
    let mut total = 0;
    let mut buffer = Vec::with_capacity(1024);
    for (entry, copier) in entries.iter().zip(&copiers) {
        let expected = serde_json::to_vec(&DerivedEnvelope::of(entry, REQUEST_ID)).unwrap();
        total += expected.len();
        buffer.clear();
        copier.write(&mut buffer, REQUEST_ID);
        assert_eq!(buffer, expected);
        buffer.clear();
        entry.envelope(REQUEST_ID).write_json(&mut buffer).unwrap();
        assert_eq!(buffer, expected);
        assert_eq!(
            serde_json::to_vec(&entry.envelope(REQUEST_ID)).unwrap(),
            expected
        );
    }

    let mut group = c.benchmark_group(format!("envelope_json_{}", entries.len()));
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("serde_derive", |b| {
        b.iter(|| {
            for entry in black_box(entries) {
                buffer.clear();
                let envelope = DerivedEnvelope::of(entry, black_box(REQUEST_ID));
                serde_json::to_writer(&mut buffer, &envelope).unwrap();
                black_box(&buffer);
            }
        })
    });
    group.bench_function("fragment_copier", |b| {
        b.iter(|| {
            for copier in black_box(&copiers) {
                buffer.clear();
                copier.write(&mut buffer, black_box(REQUEST_ID));
                black_box(&buffer);
            }
        })
    });
    group.bench_function("stytch_errors_write_json", |b| {
        b.iter(|| {
            for entry in black_box(entries) {
                buffer.clear();
                entry
                    .envelope(black_box(REQUEST_ID))
                    .write_json(&mut buffer)
                    .unwrap();
                black_box(&buffer);
            }
        })
    });
    group.bench_function("stytch_errors_serde", |b| {
        b.iter(|| {
            for entry in black_box(entries) {
                buffer.clear();
                serde_json::to_writer(&mut buffer, &entry.envelope(black_box(REQUEST_ID))).unwrap();
                black_box(&buffer);
            }
        })
    });
    group.finish();
}

fn parse(c: &mut Criterion) {
    let bodies = consumer_bodies();
    let total: usize = bodies.iter().map(|(_, body)| body.len()).sum();
    for (_, body) in &bodies {
        let derived: DerivedOwned = serde_json::from_slice(body).unwrap();
        let ours = ErrorEnvelope::parse(body).unwrap();
        assert_eq!(ours.error_type(), derived.error_type);
        assert!(ApiError::new(400, body.clone()).envelope().is_some());
    }

    let mut group = c.benchmark_group(format!("envelope_parse_consumer_{}", bodies.len()));
    group.throughput(Throughput::Bytes(total as u64));
    // Each reads every body and drops what it read. `ApiError::new` keeps the body, so it is
    // given a copy, made in the time measured: what keeping the body costs is counted.
    group.bench_function("serde_derive", |b| {
        b.iter(|| {
            for (_, body) in black_box(&bodies) {
                black_box(serde_json::from_slice::<DerivedOwned>(body).unwrap());
            }
        })
    });
    group.bench_function("stytch_errors_parse", |b| {
        b.iter(|| {
            for (_, body) in black_box(&bodies) {
                black_box(ErrorEnvelope::parse(body).unwrap());
            }
        })
    });
    group.bench_function("stytch_errors_api_error_new", |b| {
        b.iter(|| {
            for (status, body) in black_box(&bodies) {
                black_box(ApiError::new(*status, body.as_slice()));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, to_json, parse);
criterion_main!(benches);
