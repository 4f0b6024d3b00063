//! Generates the sets the benchmarks compare, at three sizes: the 41 names of the consumer
//! catalog, the real Stytch error_types (`tests/fixtures/stytch_error_types.txt`), and 5000
//! names made from the words of the real ones. Each size gets a hand-written `match`, a strum
//! `EnumString` enum, a phf map and a `stytch_errors!` set, plus the queries: every name once,
//! and as many misses.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use stytch_errors::ConsumerError;

/// The longest error_type `stytch_errors!` accepts.
const MAX_LEN: usize = 128;

fn main() {
    let out = std::env::var("OUT_DIR").unwrap();
    let real_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/stytch_error_types.txt");
    println!("cargo::rerun-if-changed={}", real_path.display());
    let text = std::fs::read_to_string(&real_path).unwrap();
    let real: Vec<String> = text
        .lines()
        .filter(|line| !line.is_empty() && line.len() <= MAX_LEN)
        .map(str::to_owned)
        .collect();
    let consumer: Vec<String> = ConsumerError::ALL
        .iter()
        .map(|entry| entry.error_type().to_owned())
        .collect();
    let generated = generate(&real, 5000);

    let mut code = String::new();
    for (label, names) in [
        ("consumer", &consumer),
        ("real", &real),
        ("generated", &generated),
    ] {
        code.push_str(&set(label, names));
    }
    std::fs::write(Path::new(&out).join("sets.rs"), code).unwrap();
}

/// `count` distinct names of two to five words taken from the real names.
fn generate(real: &[String], count: usize) -> Vec<String> {
    let words: Vec<&str> = real
        .iter()
        .flat_map(|name| name.split('_'))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let mut names = BTreeSet::new();
    let mut order = Vec::new();
    while order.len() < count {
        let parts = 2 + next(4);
        let name: Vec<&str> = (0..parts).map(|_| words[next(words.len())]).collect();
        let name = name.join("_");
        if name.len() <= MAX_LEN
            && name.starts_with(|c: char| c.is_ascii_lowercase())
            && names.insert(name.clone())
        {
            order.push(name);
        }
    }
    order
}

fn camel(name: &str) -> String {
    name.split('_')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

fn set(label: &str, names: &[String]) -> String {
    let upper = label.to_ascii_uppercase();
    let camel_label = camel(label);
    let mut code = String::new();

    // The queries: every name, then a miss made from each (changed last byte, cut short,
    // upper case, a suffix), in a fixed shuffled order.
    let set: BTreeSet<&str> = names.iter().map(String::as_str).collect();
    let mut queries: Vec<String> = names.to_vec();
    for (i, name) in names.iter().enumerate() {
        let miss = match i % 4 {
            0 => format!(
                "{}{}",
                &name[..name.len() - 1],
                if name.ends_with('x') { 'y' } else { 'x' }
            ),
            1 => name[..name.len() / 2].to_owned(),
            2 => name.to_ascii_uppercase(),
            _ => format!("{name}_v2"),
        };
        if !set.contains(miss.as_str()) {
            queries.push(miss);
        }
    }
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in (1..queries.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        queries.swap(i, (state % (i as u64 + 1)) as usize);
    }
    writeln!(
        code,
        "/// The queries of the {label} set: every name and misses, shuffled."
    )
    .unwrap();
    writeln!(code, "pub static {upper}_QUERIES: &[&str] = &{queries:?};").unwrap();
    writeln!(code, "/// How many names the {label} set has.").unwrap();
    writeln!(code, "pub const {upper}_LEN: usize = {};", names.len()).unwrap();

    // A hand-written match.
    writeln!(code, "/// The {label} names, by a hand-written `match`.").unwrap();
    writeln!(
        code,
        "#[inline(never)]\npub fn {label}_match(name: &str) -> Option<u16> {{\n    match name {{"
    )
    .unwrap();
    for (i, name) in names.iter().enumerate() {
        writeln!(code, "        {name:?} => Some({i}),").unwrap();
    }
    writeln!(code, "        _ => None,\n    }}\n}}").unwrap();

    // strum.
    writeln!(code, "/// The {label} names, by strum's `EnumString`.").unwrap();
    writeln!(
        code,
        "#[derive(Clone, Copy, Debug, strum::EnumString)]\npub enum Strum{camel_label} {{"
    )
    .unwrap();
    for name in names {
        writeln!(
            code,
            "    #[strum(serialize = {name:?})]\n    {},",
            camel(name)
        )
        .unwrap();
    }
    writeln!(code, "}}").unwrap();
    writeln!(code, "#[inline(never)]\npub fn {label}_strum(name: &str) -> Option<Strum{camel_label}> {{ name.parse().ok() }}").unwrap();

    // phf.
    let mut map = phf_codegen::Map::new();
    for (i, name) in names.iter().enumerate() {
        map.entry(name.as_str(), i.to_string());
    }
    writeln!(
        code,
        "static {upper}_PHF: phf::Map<&'static str, u16> = {};",
        map.build()
    )
    .unwrap();
    writeln!(code, "/// The {label} names, by a phf map.").unwrap();
    writeln!(code, "#[inline(never)]\npub fn {label}_phf(name: &str) -> Option<u16> {{ {upper}_PHF.get(name).copied() }}").unwrap();

    // stytch_errors!: the consumer set is the built-in catalog itself.
    if label == "consumer" {
        writeln!(
            code,
            "/// The consumer names, by the built-in catalog's lookup."
        )
        .unwrap();
        writeln!(code, "#[inline(never)]\npub fn consumer_ours(name: &str) -> Option<stytch_errors::ConsumerError> {{ stytch_errors::ConsumerError::from_error_type(name) }}").unwrap();
    } else {
        writeln!(code, "stytch_errors::stytch_errors! {{\n    /// The {label} names, declared with `stytch_errors!`.\n    #[stytch(url = \"https://example.com/docs/errors/{{status}}#{{fragment}}\")]\n    pub enum Ours{camel_label} {{\n        400 {{").unwrap();
        for name in names {
            writeln!(code, "            {name}: \"The {name} error.\",").unwrap();
        }
        writeln!(code, "        }}\n    }}\n}}").unwrap();
        writeln!(
            code,
            "/// The {label} names, by the lookup `stytch_errors!` generates."
        )
        .unwrap();
        writeln!(code, "#[inline(never)]\npub fn {label}_ours(name: &str) -> Option<Ours{camel_label}> {{ Ours{camel_label}::from_error_type(name) }}").unwrap();
    }
    code
}
