//! Procedural macros of [stytch-errors](https://docs.rs/stytch-errors). Use them through that
//! crate, which documents them and provides the runtime their expansions name.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod attr;
mod ctxt;
mod derive;
mod json;
mod names;
mod rules;
mod set;
mod url;

use proc_macro::TokenStream;

// Documented where users meet it: on its re-export in the `stytch-errors` crate.
#[allow(missing_docs)]
#[proc_macro]
pub fn stytch_errors(input: TokenStream) -> TokenStream {
    set::expand(input.into()).into()
}

// Documented where users meet it: on its re-export in the `stytch-errors` crate.
#[allow(missing_docs)]
#[proc_macro_derive(StytchError, attributes(stytch, source, from))]
pub fn derive_stytch_error(input: TokenStream) -> TokenStream {
    derive::expand(input.into()).into()
}

#[cfg(test)]
mod tests;
