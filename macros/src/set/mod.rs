//! `stytch_errors!`: parse, check, expand.

mod ast;
mod doc;
mod expand;
mod parse;
mod valid;

use proc_macro2::TokenStream;

use crate::ctxt::Ctxt;

/// The expansion of one `stytch_errors!` invocation: the sets, and every diagnostic of the
/// input, if any, beside a best-effort expansion that spares the user follow-on errors.
pub fn expand(input: TokenStream) -> TokenStream {
    let cx = Ctxt::default();
    let sets = parse::parse(input, &cx);
    let models: Vec<_> = sets.iter().map(|set| valid::check(set, &cx)).collect();
    let mut output: TokenStream = models.iter().map(expand::expand).collect();
    if cx.has_errors() {
        output.extend(cx.into_compile_errors());
    }
    output
}

#[cfg(test)]
mod tests;
