//! Makes the macros' modules part of this crate. `macros` is a proc-macro crate, which no
//! other crate can link, so its modules are compiled here again, from its own files: every
//! `mod name;` of `macros/src/lib.rs`, at this crate's root, where their `crate::` paths lead.
//! Reading the list from lib.rs keeps the targets building when the macros gain a module.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").unwrap());
    let source = manifest.join("../macros/src");
    let lib = source.join("lib.rs");
    println!("cargo::rerun-if-changed={}", lib.display());

    let text =
        fs::read_to_string(&lib).unwrap_or_else(|error| panic!("{}: {error}", lib.display()));
    let mut modules = String::new();
    for (attributes, name) in module_items(&text) {
        let path = module_path(&source, name);
        println!("cargo::rerun-if-changed={}", path.display());
        let path = path.to_str().expect("a UTF-8 path");
        // Only the entry points are called from here: the rest is not dead code.
        writeln!(
            modules,
            "{attributes}#[allow(dead_code, unused_imports)]\n#[path = {path:?}]\nmod {name};"
        )
        .unwrap();
    }
    let out = PathBuf::from(env::var_os("OUT_DIR").unwrap()).join("macros.rs");
    fs::write(out, modules).unwrap();
}

/// The `mod name;` items of lib.rs: the outer attributes on the lines above each (such as
/// `#[cfg(test)]`), and the name.
fn module_items(lib: &str) -> Vec<(String, &str)> {
    let mut items = Vec::new();
    let mut attributes = String::new();
    for line in lib.lines().map(str::trim) {
        if line.starts_with("#[") {
            attributes.push_str(line);
            attributes.push('\n');
        } else if let Some(name) = line
            .strip_prefix("mod ")
            .and_then(|rest| rest.strip_suffix(';'))
        {
            items.push((std::mem::take(&mut attributes), name.trim()));
        } else {
            attributes.clear();
        }
    }
    items
}

/// The file of module `name`: `name/mod.rs` or `name.rs`. A `name.rs` with submodules in
/// `name/` cannot be mirrored (a `#[path]` module finds its submodules beside its own file).
fn module_path(source: &Path, name: &str) -> PathBuf {
    let dir = source.join(name);
    if dir.join("mod.rs").is_file() {
        return dir.join("mod.rs");
    }
    let file = source.join(format!("{name}.rs"));
    assert!(
        file.is_file(),
        "no module file for `mod {name};` in {}",
        source.display()
    );
    assert!(
        !dir.is_dir(),
        "`{name}.rs` has submodules in `{name}/`: move it to `{name}/mod.rs`, or list its \
         submodules here"
    );
    file
}
