//! `stytch_errors!`: parse, check, expand.

mod ast;
mod doc;
mod expand;
mod parse;
mod phf;
mod valid;

use proc_macro2::TokenStream;

use crate::ctxt::Ctxt;

/// The expansion of one `stytch_errors!` invocation: the sets, and every diagnostic of the
/// input, if any, beside an expansion of what is valid that spares the user follow-on errors.
pub fn expand(input: TokenStream) -> TokenStream {
    let cx = Ctxt::default();
    let sets = parse::parse(input, &cx);
    let mut output: TokenStream = sets
        .iter()
        .map(|set| expand::expand(&valid::check(set, &cx)))
        .collect();
    output.extend(cx.into_compile_errors());
    output
}
