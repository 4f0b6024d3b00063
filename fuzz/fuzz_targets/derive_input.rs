//! `#[derive(StytchError)]` on any item: whatever tokens it is given, the derive returns impls or
//! `compile_error!`s, never panics, and never returns nothing.

#![no_main]

use std::str::FromStr;

use libfuzzer_sys::fuzz_target;
use proc_macro2::TokenStream;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    // Inputs that do not lex are refused by the compiler before any macro sees them.
    let Ok(input) = TokenStream::from_str(source) else {
        return;
    };
    let output = stytch_errors_fuzz::derive_stytch_error(input).to_string();
    assert!(
        !output.is_empty(),
        "no expansion and no error for:\n{source}"
    );
    // What the derive returns is tokens the compiler can read back.
    if let Err(error) = TokenStream::from_str(&output) {
        panic!("the expansion does not lex ({error}):\n{output}\nfor:\n{source}");
    }
});
