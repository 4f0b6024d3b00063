//! The code under fuzzing that is not a library of its own: the macros' modules (from
//! `build.rs`), with the entry points the fuzz targets call.

#![forbid(unsafe_code)]

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
