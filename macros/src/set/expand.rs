//! The code generated for one set: a fieldless enum, and static tables indexed by its
//! discriminant that every accessor and trait implementation reads.
//!
//! What carries the user's spans (the enum, its variants, the wire-name constants) is built as
//! tokens; the tables and the generated docs, with nothing to point at, are written as Rust
//! source and lexed by the compiler in one call each. A macro runs unoptimized in a debug
//! build, where escaping and passing to the compiler one token at a time was most of the cost
//! of a large set (`benches/compile_time.py`).

use std::fmt::Write as _;

use proc_macro2::{TokenStream, TokenTree};
use quote::quote;

use super::doc;
use super::phf;
use super::valid::Model;
use crate::json;

pub fn expand(model: &Model) -> TokenStream {
    let set = model.set;
    let krate = &model.krate;
    let private = quote!(#krate::__private);
    let ident = &set.ident;
    let vis = &set.vis;
    let attrs = &model.attrs;
    let name = ident.to_string();
    let count = model.entries.len();

    let has_docs = set.attrs.iter().any(|attr| attr.path().is_ident("doc"));
    let enum_doc = (!has_docs).then(|| {
        let doc = format!(" Errors declared with `stytch_errors!`: {count} entries.");
        quote!(#[doc = #doc])
    });
    // `cfg` on the set applies to everything generated for it.
    let cfgs: Vec<_> = set
        .attrs
        .iter()
        .filter(|attr| attr.path().is_ident("cfg"))
        .collect();

    let variant_docs = doc_attrs(model.entries.iter().map(doc::variant_doc));
    let variants = model
        .entries
        .iter()
        .zip(variant_docs)
        .map(|(entry, generated)| {
            let docs = &entry.entry.docs;
            let deprecated = &entry.entry.deprecated;
            let variant = &entry.variant;
            quote! {
                #(#docs)*
                #deprecated
                #generated
                #variant
            }
        });
    let enum_item = quote! {
        #(#attrs)*
        #enum_doc
        // The prose of the entries is the user's Markdown, not written as rustdoc: bare URLs
        // and inline HTML in it are fine.
        #[allow(rustdoc::bare_urls, rustdoc::invalid_html_tags)]
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #vis enum #ident {
            #(#variants,)*
        }
    };
    if model.entries.is_empty() {
        // Nothing to index: the input's errors say why.
        return enum_item;
    }

    let infos = lex(&infos_source(model));
    let (lookup_tables, lookup) = lookup(model);
    let all = model.entries.iter().map(|entry| &entry.variant);
    let constant_docs = doc_attrs(model.entries.iter().map(|entry| {
        format!(
            " `{}`: the wire name of `{name}::{}`, checked by the compiler.",
            entry.error_type, entry.variant
        )
    }));
    let constants = model.entries.iter().zip(constant_docs).map(|(entry, doc)| {
        let constant = &entry.constant;
        let variant = &entry.variant;
        let deprecated = &entry.entry.deprecated;
        quote! {
            #doc
            #deprecated
            pub const #constant: Self = Self::#variant;
        }
    });

    quote! {
        #enum_item

        #(#cfgs)*
        // A deprecated entry is still listed, looked up and matched on here.
        #[allow(deprecated)]
        const _: () = {
            static INFOS: [#private::ErrorInfo; #count] = {
                use #private::ErrorInfo as I;
                [#infos]
            };
            #lookup_tables

            // The wire-name constants are lower snake_case, as on the wire.
            #[allow(non_upper_case_globals)]
            impl #ident {
                /// Every entry, in declaration order.
                pub const ALL: &'static [Self] = &[#(Self::#all),*];

                #(#constants)*

                /// The entry whose wire name is `error_type`, if there is one.
                #[must_use]
                #[inline]
                pub fn from_error_type(error_type: &str) -> ::core::option::Option<Self> {
                    #lookup
                }
            }

            // Accessors and trait implementations that read `INFOS`: the same for every set.
            #private::set_impls! { #ident, #name, INFOS }
        };
    }
}

/// Up to this many entries, `from_error_type` is a `match`, which rustc compiles into a switch
/// on the length and a comparison or two; beyond, a perfect hash is faster (benches/lookup.rs:
/// at 41 names the `match` and a hand-written one are the same code, at 804 names the hash
/// takes a fifth of a hand-written `match`'s time).
const MATCH_LIMIT: usize = 128;

/// The body of `from_error_type`, and the static tables and functions it uses.
fn lookup(model: &Model) -> (TokenStream, TokenStream) {
    let count = model.entries.len();
    let names: Vec<&str> = model
        .entries
        .iter()
        .map(|entry| entry.error_type.as_str())
        .collect();
    if count <= MATCH_LIMIT {
        let variants = model.entries.iter().map(|entry| &entry.variant);
        let body = quote! {
            match error_type {
                #(#names => ::core::option::Option::Some(Self::#variants),)*
                _ => ::core::option::Option::None,
            }
        };
        return (TokenStream::new(), body);
    }
    let table = phf::build(&names);
    let seed = table.seed;
    let displacements = &table.displacements;
    let displacement_count = displacements.len();
    let slots = &table.slots;
    let slot_count = slots.len();
    let hash = lex(phf::HASH_SOURCE);
    let tables = quote! {
        // The perfect hash of the wire names: a displacement per bucket, per slot the index of
        // its entry, and the functions that built the tables.
        const SEED: u64 = #seed;
        static DISPLACEMENTS: [u64; #displacement_count] = [#(#displacements),*];
        static SLOTS: [u32; #slot_count] = [#(#slots),*];
        #hash
    };
    let body = quote! {
        let h = hash(error_type.as_bytes(), SEED);
        let displacement = DISPLACEMENTS[bucket(h, DISPLACEMENTS.len())];
        let index = SLOTS[slot(h, displacement, SLOTS.len())] as usize;
        match INFOS.get(index) {
            ::core::option::Option::Some(info) if info.error_type() == error_type => {
                ::core::option::Option::Some(Self::ALL[index])
            }
            _ => ::core::option::Option::None,
        }
    };
    (tables, body)
}

/// The elements of `INFOS`, `I::__new(…),` per entry (`I` is `ErrorInfo`), as Rust source.
fn infos_source(model: &Model) -> String {
    let mut out = String::with_capacity(model.entries.len() * 512);
    for e in &model.entries {
        let _ = write!(out, "I::__new({},", e.status_code);
        let tail = json::tail(&e.error_type, &e.message, &e.url);
        let texts = [
            &e.error_type,
            &e.message,
            &e.url,
            &e.fragment,
            &e.title,
            &e.description,
        ];
        for text in texts {
            push_str_lit(&mut out, text);
            out.push(',');
        }
        for list in [&e.causes, &e.troubleshooting] {
            out.push_str("&[");
            for item in list {
                push_str_lit(&mut out, item);
                out.push(',');
            }
            out.push_str("],");
        }
        push_str_lit(&mut out, &tail);
        out.push_str(if e.entry.deprecated.is_some() {
            ").__deprecated(true),"
        } else {
            "),"
        });
    }
    out
}

/// `#[doc = "…"]` of each text, lexed in one call: each attribute is two token trees, `#` and
/// its bracketed group.
fn doc_attrs(texts: impl Iterator<Item = String>) -> Vec<TokenStream> {
    let mut source = String::new();
    for text in texts {
        source.push_str("#[doc = ");
        push_str_lit(&mut source, &text);
        source.push(']');
    }
    let trees: Vec<TokenTree> = lex(&source).into_iter().collect();
    trees
        .chunks(2)
        .map(|attr| attr.iter().cloned().collect())
        .collect()
}

/// Writes `value` to `out` as a string literal: a raw one (`r"…"`, `r#"…"#`), which neither
/// this macro nor the compiler has to escape, unless `value` holds a carriage return, which a
/// raw string cannot.
fn push_str_lit(out: &mut String, value: &str) {
    if value.contains('\r') {
        let _ = write!(out, "{value:?}");
        return;
    }
    // One `#` more than the longest run of them after a quote, if there is a quote.
    let hashes = value
        .split('"')
        .skip(1)
        .map(|after| after.bytes().take_while(|&b| b == b'#').count() + 1)
        .max()
        .unwrap_or(0);
    let hashes = "#".repeat(hashes);
    let _ = write!(out, "r{hashes}\"{value}\"{hashes}");
}

/// Rust source written by this crate, as tokens: lexed by the compiler's own lexer when the
/// macro runs in it, by proc-macro2's elsewhere (tests, fuzzing).
fn lex(source: &str) -> TokenStream {
    if proc_macro::is_available()
        && let Ok(tokens) = source.parse::<proc_macro::TokenStream>()
    {
        return tokens.into();
    }
    source
        .parse()
        .unwrap_or_else(|error| panic!("this crate's own source does not lex: {error}"))
}
