#!/usr/bin/env python3
"""The compile-time ratio of issues 5 and 14: a debug build of a crate declaring all the real
Stytch error_types with `stytch_errors!`, beside the same enum written with thiserror + strum +
serde derives, and beside hand-written `match` impls. Each crate is built once; then, as a user
edits, its lib.rs is touched and the crate rebuilt with incremental compilation on (the default
of a debug build), alternating between the crates, and the median of the runs is reported, with
the ratios. Incremental compilation reuses what an unchanged file needs, except what a macro
expands to: every derive and `stytch_errors!` runs again on each build.
Then, where valgrind is installed, the instructions rustc executes for the same build after a
touch (callgrind, through RUSTC_WORKSPACE_WRAPPER): a count a shared, noisy machine cannot blur,
though it leaves out what a cache miss or a second core changes in the time.
The macro's own share of the build: the crate `expanded` is `ours` with `stytch_errors!` (and the
derives) already expanded (`-Z unpretty=expanded`), the floor of what the expansion costs to
build; the share is (ours - expanded) / ours, at most 15% the target. Every build runs with
RUSTC_BOOTSTRAP=1, which the expanded crate needs for the internals derives expand to, and
which changes nothing in how fast rustc is.
Finally the macro's own expansion time, from `-Z time-passes`.

Usage: python3 benches/compile_time.py [runs]   (default 9)"""

import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
WORK = ROOT / "benches" / "target" / "compile-time"
NAMES = [
    line
    for line in (ROOT / "tests" / "fixtures" / "stytch_error_types.txt").read_text().splitlines()
    if line
]
STATUSES = [400, 401, 403, 404, 409, 429, 500]


def camel(name):
    return "".join(word[:1].upper() + word[1:] for word in name.split("_"))


def status(i):
    return STATUSES[i * len(STATUSES) // len(NAMES)]


def ours():
    groups = []
    for code in STATUSES:
        entries = "".join(
            f'            {name}: "The {name} error.",\n'
            for i, name in enumerate(NAMES)
            if status(i) == code
        )
        groups.append(f"        {code} {{\n{entries}        }}\n")
    return (
        "stytch_errors::stytch_errors! {\n"
        "    /// The real Stytch error_types.\n"
        '    #[stytch(url = "https://example.com/docs/errors/{status}#{fragment}")]\n'
        "    pub enum RealError {\n" + "".join(groups) + "    }\n}\n"
    )


def derives():
    variants = "".join(
        f'    #[error("The {name} error.")]\n'
        f'    #[strum(serialize = "{name}")]\n'
        f'    #[serde(rename = "{name}")]\n'
        f"    {camel(name)},\n"
        for name in NAMES
    )
    statuses = "".join(f"            Self::{camel(name)} => {status(i)},\n" for i, name in enumerate(NAMES))
    urls = "".join(
        f'            Self::{camel(name)} => "https://example.com/docs/errors/{status(i)}#{name}",\n'
        for i, name in enumerate(NAMES)
    )
    return (
        "/// The real Stytch error_types.\n"
        "#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, thiserror::Error,\n"
        "    strum::EnumString, strum::IntoStaticStr, strum::VariantArray, serde::Serialize, serde::Deserialize)]\n"
        "pub enum RealError {\n" + variants + "}\n\n"
        "impl RealError {\n"
        "    /// The HTTP status.\n"
        "    pub fn status_code(self) -> u16 {\n        match self {\n" + statuses + "        }\n    }\n"
        "    /// The documentation URL.\n"
        "    pub fn url(self) -> &'static str {\n        match self {\n" + urls + "        }\n    }\n"
        "}\n"
    )


def hand_match():
    def arms(value):
        return "".join(f"            Self::{camel(name)} => {value(i, name)},\n" for i, name in enumerate(NAMES))

    parse = "".join(f'            "{name}" => Some(Self::{camel(name)}),\n' for name in NAMES)
    all_variants = ", ".join(f"Self::{camel(name)}" for name in NAMES)
    return (
        "/// The real Stytch error_types.\n"
        "#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]\n"
        "pub enum RealError {\n" + "".join(f"    {camel(name)},\n" for name in NAMES) + "}\n\n"
        "impl RealError {\n"
        f"    /// Every entry.\n    pub const ALL: &'static [Self] = &[{all_variants}];\n"
        "    /// The wire name.\n    pub fn error_type(self) -> &'static str {\n        match self {\n"
        + arms(lambda i, name: f'"{name}"')
        + "        }\n    }\n"
        "    /// The message.\n    pub fn message(self) -> &'static str {\n        match self {\n"
        + arms(lambda i, name: f'"The {name} error."')
        + "        }\n    }\n"
        "    /// The HTTP status.\n    pub fn status_code(self) -> u16 {\n        match self {\n"
        + arms(lambda i, name: str(status(i)))
        + "        }\n    }\n"
        "    /// The documentation URL.\n    pub fn url(self) -> &'static str {\n        match self {\n"
        + arms(lambda i, name: f'"https://example.com/docs/errors/{status(i)}#{name}"')
        + "        }\n    }\n"
        "    /// The entry named `name`.\n    pub fn from_error_type(name: &str) -> Option<Self> {\n        match name {\n"
        + parse
        + "            _ => None,\n        }\n    }\n}\n\n"
        "impl std::fmt::Display for RealError {\n"
        "    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str(self.message()) }\n}\n\n"
        "impl std::error::Error for RealError {}\n\n"
        "impl std::str::FromStr for RealError {\n    type Err = String;\n"
        "    fn from_str(s: &str) -> Result<Self, String> { Self::from_error_type(s).ok_or_else(|| s.to_owned()) }\n}\n\n"
        "impl serde::Serialize for RealError {\n"
        "    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> { s.serialize_str(self.error_type()) }\n}\n"
    )


CRATES = {
    "ours": (ours, '[dependencies]\nstytch-errors = { path = "%s" }\n' % ROOT),
    "derives": (
        derives,
        '[dependencies]\nthiserror = "2"\nstrum = { version = "0.28", features = ["derive"] }\n'
        'serde = { version = "1", features = ["derive"] }\n',
    ),
    "hand_match": (hand_match, '[dependencies]\nserde = "1"\n'),
}


def setup():
    WORK.mkdir(parents=True, exist_ok=True)
    (WORK / "Cargo.toml").write_text(
        "[workspace]\nmembers = [%s]\nresolver = \"3\"\n"
        % ", ".join(f'"{name}"' for name in [*CRATES, "expanded"])
    )
    # A member the workspace can load until `setup_expanded` writes the expansion into it.
    placeholder = WORK / "expanded"
    if not (placeholder / "Cargo.toml").exists():
        (placeholder / "src").mkdir(parents=True, exist_ok=True)
        (placeholder / "Cargo.toml").write_text(
            '[package]\nname = "expanded"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n'
        )
        (placeholder / "src" / "lib.rs").write_text("")
    for name, (source, deps) in CRATES.items():
        crate = WORK / name
        (crate / "src").mkdir(parents=True, exist_ok=True)
        (crate / "Cargo.toml").write_text(
            f'[package]\nname = "{name}"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n{deps}'
        )
        (crate / "src" / "lib.rs").write_text("#![allow(missing_docs)]\n" + source())


# A debug build as a user gets it: incremental, whatever the environment says.
ENV = {**os.environ, "CARGO_INCREMENTAL": "1", "RUSTC_BOOTSTRAP": "1"}
# The macro's share of a touch-and-rebuild of `ours`, beside `expanded`: at most this.
SHARE_TARGET = 0.15
# What the expansion of derives uses, unstable outside the standard library.
EXPANDED_FEATURES = (
    "prelude_import, coverage_attribute, core_intrinsics, derive_eq_internals, structural_match,"
    " trivial_clone, fmt_helpers_for_derive"
)


def setup_expanded():
    """The crate `expanded`: `ours` as the macros expand it, built without running them."""
    expansion = subprocess.run(
        ["cargo", "rustc", "-q", "-p", "ours", "--", "-Z", "unpretty=expanded"],
        cwd=WORK,
        env=ENV,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    expansion = expansion.replace(
        "#![feature(prelude_import)]\n",
        f"#![feature({EXPANDED_FEATURES})]\n#![allow(internal_features, unused_imports)]\n",
        1,
    )
    crate = WORK / "expanded"
    (crate / "src").mkdir(parents=True, exist_ok=True)
    # `$crate` of the runtime's own macro_rules expands to the runtime's name.
    (crate / "Cargo.toml").write_text(
        '[package]\nname = "expanded"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n'
        '[dependencies]\nstytch-errors = { path = "%s" }\nstytch-errors-runtime = { path = "%s/runtime" }\n'
        % (ROOT, ROOT)
    )
    (crate / "src" / "lib.rs").write_text(expansion)
# Issue 14's target: at most this many times the derives' build.
TARGET = 0.40


def build(name):
    lib = WORK / name / "src" / "lib.rs"
    os.utime(lib)
    start = time.perf_counter()
    subprocess.run(["cargo", "build", "-q", "-p", name], cwd=WORK, env=ENV, check=True)
    return time.perf_counter() - start


def instructions(name):
    """The instructions of rustc building crate `name` after a touch, under callgrind."""
    with tempfile.TemporaryDirectory() as tmp:
        wrapper = pathlib.Path(tmp) / "wrap.sh"
        log = pathlib.Path(tmp) / "callgrind.log"
        wrapper.write_text(
            "#!/bin/sh\nrustc=\"$1\"; shift\n"
            f'exec valgrind --tool=callgrind --callgrind-out-file=/dev/null --log-file={log} "$rustc" "$@"\n'
        )
        wrapper.chmod(0o755)
        env = {**ENV, "RUSTC_WORKSPACE_WRAPPER": str(wrapper)}
        # The first build under the wrapper is a whole one (the wrapper is part of the
        # fingerprint); the second is the build after a touch.
        for _ in range(2):
            os.utime(WORK / name / "src" / "lib.rs")
            subprocess.run(["cargo", "build", "-q", "-p", name], cwd=WORK, env=env, check=True)
        count = re.search(r"Collected : (\d+)", log.read_text())
        # Leave the crate built without the wrapper, as the timed builds expect.
        build(name)
        return int(count.group(1))


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    setup()
    # Each crate built once on its own (with its own features of the shared dependencies), so
    # that every timed build is one after a touch.
    for name in CRATES:
        build(name)
    setup_expanded()
    build("expanded")
    crates = [*CRATES, "expanded"]
    times = {name: [] for name in crates}
    for _ in range(runs):
        for name in crates:
            times[name].append(build(name))
    print(
        f"debug build after a touch (incremental) of a crate declaring {len(NAMES)} real error_types,"
        f" median of {runs} runs"
    )
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, median in medians.items():
        print(
            f"  {name:<11} {median:6.2f} s   {median / medians['derives']:5.2f}x derives"
            f"   {median / medians['hand_match']:5.2f}x hand_match   runs: "
            + " ".join(f"{value:.2f}" for value in times[name])
        )
    ratio = medians["ours"] / medians["derives"]
    print(f"  ours / derives: {ratio:.2f}x, target at most {TARGET:.2f}x: {'met' if ratio <= TARGET else 'NOT met'}")
    share = (medians["ours"] - medians["expanded"]) / medians["ours"]
    print(
        f"  the macro's share of ours, (ours - expanded) / ours: {share:.1%},"
        f" target at most {SHARE_TARGET:.0%}: {'met' if share <= SHARE_TARGET else 'NOT met'}"
    )
    if shutil.which("valgrind"):
        counts = {name: instructions(name) for name in crates}
        print("instructions of rustc for the same build after a touch (callgrind)")
        for name, count in counts.items():
            print(
                f"  {name:<11} {count / 1e6:8.0f} M   {count / counts['derives']:5.2f}x derives"
                f"   {count / counts['hand_match']:5.2f}x hand_match"
            )
        share = (counts["ours"] - counts["expanded"]) / counts["ours"]
        print(f"  the macro's share of ours, by instructions: {share:.1%}")
    os.utime(WORK / "ours" / "src" / "lib.rs")
    passes = subprocess.run(
        ["cargo", "rustc", "-q", "-p", "ours", "--", "-Z", "time-passes"],
        cwd=WORK,
        env=ENV,
        capture_output=True,
        text=True,
    )
    for line in (passes.stdout + passes.stderr).splitlines():
        if re.search(r"time:.*\b(expand_crate|total)\b", line):
            print("  ours, -Z time-passes:", " ".join(line.split()))


if __name__ == "__main__":
    main()
