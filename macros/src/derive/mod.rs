//! `#[derive(StytchError)]`: check the attributes, then implement `StytchError` (and `Display`
//! and `Error` when the attributes give the messages).

mod attr;
mod expand;
mod message;
mod model;

#[cfg(test)]
mod tests;

use proc_macro2::TokenStream;

use crate::ctxt::Ctxt;

/// The expansion of one derive: the impls, and every diagnostic of the input beside them.
pub fn expand(input: TokenStream) -> TokenStream {
    let input = match syn::parse2::<syn::DeriveInput>(input) {
        Ok(input) => input,
        Err(error) => return error.into_compile_error(),
    };
    let cx = Ctxt::default();
    let model = model::check(&input, &cx);
    // A union is reported, and has nothing to expand.
    let mut output = if matches!(input.data, syn::Data::Union(_)) {
        TokenStream::new()
    } else {
        expand::expand(&model)
    };
    if cx.has_errors() {
        output.extend(cx.into_compile_errors());
    }
    output
}
