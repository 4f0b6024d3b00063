//! The code under fuzzing that is not a library of its own: the macros' modules (from
//! `build.rs`), with the entry points the fuzz targets call.

#![forbid(unsafe_code)]

// The macros' modules name `proc_macro`, which only a proc-macro crate has in its prelude.
extern crate proc_macro;

include!(concat!(env!("OUT_DIR"), "/macros.rs"));

use proc_macro2::TokenStream;

/// `stytch_errors!`: what the proc macro returns for `input`, outside of any compiler.
pub fn stytch_errors(input: TokenStream) -> TokenStream {
    set::expand(input)
}

/// `#[derive(StytchError)]`: what the derive returns for the item `input`, outside of any
/// compiler.
pub fn derive_stytch_error(input: TokenStream) -> TokenStream {
    derive::expand(input)
}

/// The property both macro targets check: on any UTF-8 input that lexes, `expand` returns code
/// or `compile_error!`s, never panics, never returns nothing, and returns tokens that lex again.
pub fn check_macro(data: &[u8], expand: fn(TokenStream) -> TokenStream) {
    use std::str::FromStr;

    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    // Inputs that do not lex are refused by the compiler before any macro sees them.
    let Ok(input) = TokenStream::from_str(source) else {
        return;
    };
    let output = expand(input).to_string();
    assert!(
        !output.is_empty(),
        "no expansion and no error for:\n{source}"
    );
    if let Err(error) = TokenStream::from_str(&output) {
        panic!("the expansion does not lex ({error}):\n{output}\nfor:\n{source}");
    }
    // The macros order their errors by position (proc-macro2's `span-locations`), which keeps
    // the text of every input parsed on this thread: free it before the next input.
    proc_macro2::extra::invalidate_current_thread_spans();
}
