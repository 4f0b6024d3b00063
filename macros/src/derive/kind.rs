//! The kind enum generated beside a derived type: a variant per variant of the type (a
//! transparent one holding its field's kind), which is an `ErrorSet` of every error_type the
//! type can send, each once; and `HasKind` for the type.
//!
//! Its listing is built at compile time from one part per variant (see the runtime's
//! `__private::kind`): the type's own variants first claim their error_types, then the
//! transparent fields' kinds, in order. The same rule picks the kind of a value and of a name.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use super::expand::{arms, bind, entry_const, respan};
use super::valid::{Model, Source, VariantModel};

/// The enum, to stand beside the type, and its impls, to go in the block of the type's impls
/// (where its variants' metadata are). Nothing for a type without a kind.
pub fn expand(model: &Model, private: &TokenStream) -> (TokenStream, TokenStream) {
    let Some(kind) = &model.kind else {
        return (TokenStream::new(), TokenStream::new());
    };
    let input = model.input;
    let (owner, vis, krate) = (&input.ident, &input.vis, &model.krate);
    let name = kind.to_string();
    let label = |variant: &VariantModel| match variant.ident {
        Some(ident) if model.is_enum => format!("{owner}::{ident}"),
        _ => owner.to_string(),
    };
    // The kind of a transparent field's type, spanned on it: a type without one gets its error
    // there.
    let field_kind = |ty: &syn::Type| {
        let krate = respan(krate, ty.span());
        quote_spanned!(ty.span()=> <#ty as #krate::HasKind>::Kind)
    };
    let variant_name = |variant: &VariantModel| variant.ident.unwrap_or(owner).clone();

    let mut variants = Vec::new();
    let mut parts = Vec::new();
    let mut fillers = Vec::new();
    let mut make = Vec::new();
    let mut info = Vec::new();
    let mut own_names = Vec::new();
    let mut field_names = Vec::new();
    let mut clashes = Vec::new();
    for (i, variant) in model.variants.iter().enumerate() {
        let (cfgs, ident) = (&variant.cfgs, variant_name(variant));
        let doc = match &variant.source {
            Source::Transparent { .. } => format!(
                "The kinds of `{}`: its field's, each error_type where `{owner}` lists it.",
                label(variant)
            ),
            _ => format!("The kind of `{}`.", label(variant)),
        };
        let field = match &variant.source {
            Source::Transparent { ty, .. } => {
                let field_kind = field_kind(ty);
                Some(quote!((#field_kind)))
            }
            _ => None,
        };
        variants.push(quote!(#(#cfgs)* #[doc = #doc] #ident #field,));
        // The fallback of an input with errors lists nothing: the values were not all valid.
        if model.fallback {
            continue;
        }
        // The metadata of an own variant: its static, or its entry's.
        let own = match &variant.source {
            Source::Entry { .. } if variant.message.is_none() => {
                let entry = entry_const(i);
                Some(quote!(#entry))
            }
            Source::Transparent { .. } => None,
            _ => {
                let info = format_ident!("INFO_{}", i);
                Some(quote!(&#info))
            }
        };
        let span = match &variant.source {
            Source::Transparent { ty, .. } => ty.span(),
            _ => variant.ident.unwrap_or(owner).span(),
        };
        clashes.push(quote_spanned! {span=>
            const _: () = if KIND_CLASHES[#i] {
                ::core::panic!("{}", KIND_LISTING.clash_message(#i, KIND_LABELS).as_str())
            };
        });
        match (&variant.source, own) {
            (_, Some(own)) => {
                parts.push(quote!(#(#cfgs)* (#i, true, &[#own]),));
                fillers.push(quote! {
                    #(#cfgs)*
                    if filler.is_none() { filler = ::core::option::Option::Some(#kind::#ident); }
                });
                make.push(quote! {
                    #(#cfgs)*
                    if at < kept.len() && kept[at].variant == #i {
                        all[at] = #kind::#ident;
                        at += 1;
                    }
                });
                info.push(quote!(#(#cfgs)* #kind::#ident => #own,));
                own_names.push(match &variant.source {
                    Source::Literal { error_type, .. } => {
                        quote!(#(#cfgs)* if error_type == #error_type { return ::core::option::Option::Some(#kind::#ident); })
                    }
                    _ => {
                        let entry = entry_const(i);
                        quote!(#(#cfgs)* if error_type == #entry.error_type() { return ::core::option::Option::Some(#kind::#ident); })
                    }
                });
            }
            (Source::Transparent { ty, .. }, None) => {
                let field_kind = field_kind(ty);
                let set = quote!(<#field_kind as #krate::ErrorSet>);
                parts.push(quote!(#(#cfgs)* (#i, false, #set::__INFOS),));
                fillers.push(quote! {
                    #(#cfgs)*
                    if filler.is_none() && !#set::ALL.is_empty() {
                        filler = ::core::option::Option::Some(#kind::#ident(#set::ALL[0]));
                    }
                });
                make.push(quote! {
                    #(#cfgs)*
                    while at < kept.len() && kept[at].variant == #i {
                        all[at] = #kind::#ident(#set::ALL[kept[at].index]);
                        at += 1;
                    }
                });
                info.push(quote!(#(#cfgs)* #kind::#ident(kind) => #krate::ErrorSet::info(kind),));
                field_names.push(quote! {
                    #(#cfgs)*
                    if let ::core::option::Option::Some(kind) = #set::from_error_type(error_type) {
                        return ::core::option::Option::Some(#kind::#ident(kind));
                    }
                });
            }
            _ => {}
        }
    }
    let labels = model.variants.iter().map(label);
    let variant_count = model.variants.len();
    // Only through a transparent field can an error_type come at two statuses: the type's own
    // have one each, and are compared on their own.
    let any_transparent =
        (model.variants.iter()).any(|variant| matches!(variant.source, Source::Transparent { .. }));
    let clashes = (any_transparent && !model.fallback).then(|| {
        quote! {
            const KIND_LABELS: &[&str] = &[#(#labels),*];
            // Read by each variant's check: a flag each, rather than the whole listing.
            const KIND_CLASHES: [bool; #variant_count] = KIND_LISTING.clashes();
            #(#clashes)*
        }
    });
    let kind_of = arms(model, |_, variant| {
        let ident = variant_name(variant);
        match &variant.source {
            Source::Transparent { member, .. } => bind(
                member,
                |field| quote!(#private::canonical(#kind::#ident(#krate::HasKind::kind(#field)))),
            ),
            _ => (vec![], quote!(#kind::#ident)),
        }
    });
    let (info, from_error_type) = if model.fallback {
        (
            quote!(::core::unreachable!()),
            quote!(::core::unreachable!()),
        )
    } else if info.is_empty() {
        (quote!(match self {}), quote!(::core::option::Option::None))
    } else {
        (
            quote!(match self { #(#info)* }),
            quote! {
                #(#own_names)*
                #(#field_names)*
                ::core::option::Option::None
            },
        )
    };
    let doc = format!(
        "The kind of each error `{owner}` can send: an `ErrorSet` of every error_type it sends, each once, for a client to type its envelopes with (`envelope.typed::<{name}>()`); `HasKind::kind` gives a value's.\n\nGenerated by `#[derive(StytchError)]`: `#[stytch(kind = Name)]` on `{owner}` renames it, `#[stytch(kind = false)]` leaves it out."
    );
    let kind_enum = quote! {
        #[doc = #doc]
        #[derive(
            ::core::clone::Clone, ::core::marker::Copy, ::core::cmp::PartialEq, ::core::cmp::Eq,
            ::core::cmp::PartialOrd, ::core::cmp::Ord, ::core::hash::Hash, ::core::fmt::Debug
        )]
        #vis enum #kind { #(#variants)* }
    };
    let impls = quote! {
        const KIND_PARTS: &[#private::Part] = &[#(#parts)*];
        const KIND_LISTING: #private::Listing<{ #private::listed_len(KIND_PARTS) }, #variant_count> =
            #private::listing(KIND_PARTS);
        const KIND_KEPT: [#private::ListedError; KIND_LISTING.count] = KIND_LISTING.kept();
        #clashes

        /// Every kind, in the order listed; called only when there is one. The kept errors
        /// of a variant are next to each other, in the variants' order: one pass, each variant
        /// filling its own.
        #[allow(unused_mut, unused_variables, unused_assignments)]
        const fn all_kinds() -> [#kind; KIND_KEPT.len()] {
            let mut filler = ::core::option::Option::None;
            #(#fillers)*
            let mut all = match filler {
                ::core::option::Option::Some(filler) => [filler; KIND_KEPT.len()],
                ::core::option::Option::None => ::core::unreachable!(),
            };
            // Read through one reference: each use of the constant itself would copy it.
            let (kept, mut at) = (&KIND_KEPT, 0);
            #(#make)*
            all
        }

        #[automatically_derived]
        impl #krate::ErrorSet for #kind {
            const NAME: &'static str = #name;
            const ALL: &'static [Self] = if KIND_KEPT.is_empty() { &[] } else { &all_kinds() };
            const __INFOS: &'static [&'static #private::ErrorInfo] = &#private::infos(&KIND_KEPT);
            fn info(self) -> &'static #private::ErrorInfo {
                #info
            }
            fn from_error_type(error_type: &str) -> ::core::option::Option<Self> {
                #from_error_type
            }
        }

        #private::entry_impls! { #kind }

        #[automatically_derived]
        #[allow(deprecated)]
        impl #krate::HasKind for #owner {
            type Kind = #kind;
            fn kind(&self) -> #kind {
                #kind_of
            }
        }
    };
    (kind_enum, impls)
}
