//! Writes `large.rs`: one `stytch_errors!` set of the real Stytch error_types in
//! `tests/fixtures/stytch_error_types.txt`, to exercise the macro at realistic scale.
//! All 804 are declared: the longest is 74 bytes, within the 128 the macro allows.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::{env, fs};

const STATUSES: [u16; 8] = [400, 401, 403, 404, 409, 429, 500, 503];

fn main() {
    let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let names_path = manifest.join("../fixtures/stytch_error_types.txt");
    println!("cargo::rerun-if-changed={}", names_path.display());
    let names = fs::read_to_string(&names_path).expect("the names fixture is readable");
    let names: Vec<&str> = names
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();

    let mut source = String::from(
        "stytch_errors::stytch_errors! {\n    /// The real `error_type` names of Stytch's APIs, spread over eight statuses.\n    #[stytch(url = \"https://example.com/docs/errors/{status}#{fragment}\")]\n    pub enum LargeError {\n",
    );
    for (group, status) in STATUSES.iter().enumerate() {
        writeln!(source, "        {status} {{").unwrap();
        for name in names.iter().skip(group).step_by(STATUSES.len()) {
            writeln!(source, "            {name}: \"The {name} error.\",").unwrap();
        }
        source.push_str("        }\n");
    }
    source.push_str("    }\n}\n");
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("set by cargo")).join("large.rs");
    fs::write(out, source).expect("OUT_DIR is writable");
}
