//! An envelope of a static entry to JSON (about 290 bytes): what users write today, a
//! serde-derived struct of `&str` fields through `serde_json::to_writer`; the hand-written
//! fragment copier (the limit: copy precomputed JSON, escape the request id); and ours, both
//! `ErrorEnvelope::write_json` and the serde path. Side by side, into a reused buffer.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use serde::Serialize;
use stytch_errors::{ConsumerError, ErrorEnvelope, StytchError};

const REQUEST_ID: &str = "request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141";

/// What users write today.
#[derive(Serialize)]
struct DerivedEnvelope<'a> {
    status_code: u16,
    request_id: &'a str,
    error_type: &'a str,
    error_message: &'a str,
    error_url: &'a str,
}

/// The entry whose envelope is closest to 290 bytes.
fn entry() -> ConsumerError {
    *ConsumerError::ALL
        .iter()
        .min_by_key(|entry| {
            let json = serde_json::to_vec(&entry.envelope(REQUEST_ID)).unwrap();
            json.len().abs_diff(290)
        })
        .unwrap()
}

/// The limit: the entry's JSON around the request id, precomputed, and an escaper for the id.
struct FragmentCopier {
    head: String,
    tail: String,
}

impl FragmentCopier {
    fn new(entry: ConsumerError) -> Self {
        let json = serde_json::to_string(&entry.envelope("\u{0}")).unwrap();
        let (head, tail) = json.split_once("\\u0000").unwrap();
        FragmentCopier {
            head: head.to_owned(),
            tail: tail.to_owned(),
        }
    }

    #[inline(never)]
    fn write(&self, out: &mut Vec<u8>, request_id: &str) {
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

fn envelope(c: &mut Criterion) {
    let entry = entry();
    let copier = FragmentCopier::new(entry);
    let ours: ErrorEnvelope<'_> = entry.envelope(REQUEST_ID);
    let derived = DerivedEnvelope {
        status_code: entry.status_code(),
        request_id: REQUEST_ID,
        error_type: entry.error_type(),
        error_message: entry.error_message(),
        error_url: entry.error_url(),
    };

    // The same bytes from every writer, or the comparison means nothing.
    let expected = serde_json::to_vec(&derived).unwrap();
    let mut buffer = Vec::with_capacity(1024);
    copier.write(&mut buffer, REQUEST_ID);
    assert_eq!(buffer, expected);
    buffer.clear();
    ours.write_json(&mut buffer).unwrap();
    assert_eq!(buffer, expected);
    assert_eq!(serde_json::to_vec(&ours).unwrap(), expected);

    let mut group = c.benchmark_group("envelope_json");
    group.throughput(Throughput::Bytes(expected.len() as u64));
    group.bench_function("serde_derive", |b| {
        b.iter(|| {
            buffer.clear();
            serde_json::to_writer(&mut buffer, black_box(&derived)).unwrap();
            buffer.len()
        })
    });
    group.bench_function("fragment_copier", |b| {
        b.iter(|| {
            buffer.clear();
            copier.write(&mut buffer, black_box(REQUEST_ID));
            buffer.len()
        })
    });
    group.bench_function("stytch_errors_write_json", |b| {
        b.iter(|| {
            buffer.clear();
            black_box(&ours).write_json(&mut buffer).unwrap();
            buffer.len()
        })
    });
    group.bench_function("stytch_errors_serde", |b| {
        b.iter(|| {
            buffer.clear();
            serde_json::to_writer(&mut buffer, black_box(&ours)).unwrap();
            buffer.len()
        })
    });
    // Building the envelope is part of answering: from the error to the bytes.
    group.bench_function("stytch_errors_from_error", |b| {
        b.iter(|| {
            buffer.clear();
            black_box(entry)
                .envelope(black_box(REQUEST_ID))
                .write_json(&mut buffer)
                .unwrap();
            buffer.len()
        })
    });
    group.finish();
}

criterion_group!(benches, envelope);
criterion_main!(benches);
