//! `str -> enum` by wire name: the hand-written `match`, strum's `EnumString`, a phf map and
//! the lookup `stytch_errors!` generates, side by side on the same queries (every name once,
//! and as many misses), at 41, 804 and 5000 names. The time reported is per query list; the
//! ratios are printed by `benches/ratios.py`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use stytch_errors_benches as sets;

macro_rules! group {
    ($c:expr, $name:literal, $queries:expr, $match:path, $strum:path, $phf:path, $ours:path) => {{
        let queries: &[&str] = $queries;
        let mut group = $c.benchmark_group(concat!("lookup/", $name));
        group.throughput(Throughput::Elements(queries.len() as u64));
        group.bench_function("hand_match", |b| {
            b.iter(|| {
                queries
                    .iter()
                    .filter(|q| $match(black_box(q)).is_some())
                    .count()
            })
        });
        group.bench_function("strum", |b| {
            b.iter(|| {
                queries
                    .iter()
                    .filter(|q| $strum(black_box(q)).is_some())
                    .count()
            })
        });
        group.bench_function("phf", |b| {
            b.iter(|| {
                queries
                    .iter()
                    .filter(|q| $phf(black_box(q)).is_some())
                    .count()
            })
        });
        group.bench_function("stytch_errors", |b| {
            b.iter(|| {
                queries
                    .iter()
                    .filter(|q| $ours(black_box(q)).is_some())
                    .count()
            })
        });
        group.finish();
    }};
}

fn lookup(c: &mut Criterion) {
    // The same answers from every strategy, or the comparison means nothing.
    for q in sets::CONSUMER_QUERIES {
        assert_eq!(
            sets::consumer_match(q).is_some(),
            sets::consumer_ours(q).is_some(),
            "{q}"
        );
    }
    for q in sets::REAL_QUERIES {
        assert_eq!(
            sets::real_match(q).map(usize::from),
            sets::real_ours(q).map(|e| e as usize),
            "{q}"
        );
    }
    for q in sets::GENERATED_QUERIES {
        assert_eq!(
            sets::generated_match(q).map(usize::from),
            sets::generated_ours(q).map(|e| e as usize),
            "{q}"
        );
    }
    group!(
        c,
        "41",
        sets::CONSUMER_QUERIES,
        sets::consumer_match,
        sets::consumer_strum,
        sets::consumer_phf,
        sets::consumer_ours
    );
    group!(
        c,
        "804",
        sets::REAL_QUERIES,
        sets::real_match,
        sets::real_strum,
        sets::real_phf,
        sets::real_ours
    );
    group!(
        c,
        "5000",
        sets::GENERATED_QUERIES,
        sets::generated_match,
        sets::generated_strum,
        sets::generated_phf,
        sets::generated_ours
    );
}

criterion_group!(benches, lookup);
criterion_main!(benches);
