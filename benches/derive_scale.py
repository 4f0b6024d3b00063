#!/usr/bin/env python3
"""The derive's cost against the size of its input: a derived enum of N `entry = Set::name`
variants beside the same enum with its own messages (the plain equivalent), and a message with K
placeholders that name no field beside one with K that do. Each crate depends on stytch-errors
alone; dependencies are built first, then each crate is checked (`cargo check`, the macro's work
and the type checking of what it generates) under `/usr/bin/time -v`, which gives the wall time
and the peak memory of the largest process (rustc). A cost that grows linearly doubles when N
doubles.

The bad placeholders are reported one by one up to 16, and the rest in one error that counts
them: the compiler quotes the line of each error, whose cost would grow with their number times
the line's length.

Usage: python3 benches/derive_scale.py [N ...]   (default 250 500 1000; K is 10 N)"""

import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
WORK = ROOT / "benches" / "target" / "derive-scale"
URL = '#[stytch(url = "https://example.com/docs/errors/{status}#{error_type}")]'


def set_of(n):
    entries = "".join(f'            name_{i}: "The name_{i} error.",\n' for i in range(n))
    return (
        "stytch_errors::stytch_errors! {\n"
        "    /// The set the entries come from.\n"
        '    #[stytch(url = "https://example.com/docs/errors/{status}#{fragment}")]\n'
        "    pub enum Big {\n        404 {\n" + entries + "        }\n    }\n}\n"
    )


def entries(n):
    variants = "".join(
        f"    /// Variant {i}.\n    #[stytch(entry = Big::name_{i})]\n    V{i},\n" for i in range(n)
    )
    return set_of(n) + f"/// Derived.\n#[derive(Debug, stytch_errors::StytchError)]\npub enum Derived {{\n{variants}}}\n"


def literals(n):
    variants = "".join(
        f'    /// Variant {i}.\n    #[stytch(status = 404, error_type = "name_{i}", message = "The name_{i} error.")]\n    V{i},\n'
        for i in range(n)
    )
    return (
        set_of(n)
        + f"/// Derived.\n#[derive(Debug, stytch_errors::StytchError)]\n{URL}\npub enum Derived {{\n{variants}}}\n"
    )


def placeholders(k, bad):
    # Each bad placeholder names another missing field, so that no two errors are the same (the
    # compiler shows a repeated error once).
    message = " ".join(f"{{nope{i}}}" if bad else "{id}" for i in range(k))
    return (
        f'/// Derived.\n#[derive(Debug, stytch_errors::StytchError)]\n{URL}\n'
        f'#[stytch(status = 400, message = "{message}")]\npub struct Derived {{\n    /// The field.\n    pub id: u64,\n}}\n'
    )


def crate(name, source):
    path = WORK / name
    (path / "src").mkdir(parents=True, exist_ok=True)
    (path / "Cargo.toml").write_text(
        f'[package]\nname = "{name}"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n'
        f'[dependencies]\nstytch-errors = {{ path = "{ROOT}" }}\n\n[workspace]\n'
    )
    (path / "src" / "lib.rs").write_text("//! Generated.\n" + source)
    return path


def measure(path):
    env_target = str(WORK / "target")
    subprocess.run(["cargo", "check", "--quiet", "-p", "stytch-errors"], cwd=path, env=env(env_target), check=True)
    result = subprocess.run(
        ["/usr/bin/time", "-v", "cargo", "check", "--quiet"],
        cwd=path,
        env=env(env_target),
        capture_output=True,
        text=True,
    )
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", result.stderr).group(1)
    minutes, seconds = wall.rsplit(":", 1)
    seconds = float(seconds) + 60 * float(minutes.split(":")[-1])
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
    errors = result.stderr.count("\nerror")
    return seconds, rss / 1024, result.returncode, errors


def env(target):
    import os

    return dict(os.environ, CARGO_TARGET_DIR=target)


def main():
    sizes = [int(arg) for arg in sys.argv[1:]] or [250, 500, 1000]
    print("| input | time (s) | peak memory (MiB) | exit | errors |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for n in sizes:
        for label, source in [
            (f"{n} entry variants", entries(n)),
            (f"{n} variants with their own messages", literals(n)),
            (f"{10 * n} placeholders naming no field", placeholders(10 * n, True)),
            (f"{10 * n} placeholders naming a field", placeholders(10 * n, False)),
        ]:
            name = re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")
            seconds, mib, code, errors = measure(crate(f"scale_{name}", source))
            print(f"| {label} | {seconds:.2f} | {mib:.0f} | {code} | {errors} |", flush=True)


if __name__ == "__main__":
    main()
