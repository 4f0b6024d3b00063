//! `#[derive(StytchError)]`: check the attributes, then implement `StytchError` (and `Display`
//! and `Error` when the attributes give the messages).

mod expand;
mod kind;
mod message;
mod valid;

use proc_macro2::TokenStream;

use crate::ctxt::Ctxt;

/// The expansion of one derive: the impls, and every diagnostic of the input beside them. An
/// input with errors gets the fallback: the same impls, their bodies `unreachable!()`, so that
/// the user's other code sees the traits it expects and no follow-on errors.
pub fn expand(input: TokenStream) -> TokenStream {
    let input = match syn::parse2::<syn::DeriveInput>(input) {
        Ok(input) => input,
        Err(error) => return error.into_compile_error(),
    };
    let cx = Ctxt::default();
    let mut model = valid::check(&input, &cx);
    model.fallback = cx.count() > 0;
    // A union is reported, and has nothing to expand.
    let mut output = match input.data {
        syn::Data::Union(_) => TokenStream::new(),
        _ => expand::expand(&model),
    };
    output.extend(cx.into_compile_errors());
    output
}
