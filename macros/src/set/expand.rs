//! The code generated for one set: a fieldless enum, and static tables indexed by its
//! discriminant that every accessor and trait implementation reads.
//!
//! What carries the user's spans (the enum, its variants, the wire-name constants) is built
//! token by token; the tables, a few dozen tokens per entry with nothing to point at, are
//! written as Rust source and parsed in one call, and every string is a raw literal where it
//! can be. A macro runs unoptimized in a debug build, where building and escaping tokens one by
//! one was most of the expansion's cost (benches/compile_time.py).

use std::fmt::Write as _;

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::doc;
use super::valid::Model;
use crate::{json, phf};

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

    let variants = model.entries.iter().map(|entry| {
        let docs = &entry.entry.docs;
        let deprecated = &entry.entry.deprecated;
        let generated = doc_attr(&doc::variant_doc(entry));
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
        // and inline HTML in it are fine. Once here rather than on each variant, where it was a
        // tenth of a large set's build.
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

    let infos = parse(&infos_source(model));
    let (lookup_tables, lookup) = lookup(model);
    let all = parse(&all_source(model));
    let constants = model.entries.iter().map(|entry| {
        let constant = &entry.constant;
        let variant = &entry.variant;
        let doc = doc_attr(&format!(
            " `{}`: the wire name of [`{name}::{variant}`], checked by the compiler.",
            entry.error_type
        ));
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
                pub const ALL: &'static [Self] = &[#all];

                #(#constants)*

                /// The static metadata of this entry.
                #[must_use]
                #[inline]
                pub const fn info(self) -> &'static #private::ErrorInfo {
                    &INFOS[self as usize]
                }

                /// The snake_case wire name, such as `email_not_found`.
                #[must_use]
                #[inline]
                pub const fn error_type(self) -> &'static str {
                    self.info().error_type()
                }

                /// The message sent as `error_message`.
                #[must_use]
                #[inline]
                pub const fn error_message(self) -> &'static str {
                    self.info().error_message()
                }

                /// The HTTP status.
                #[must_use]
                #[inline]
                pub const fn status_code(self) -> u16 {
                    self.info().status_code()
                }

                /// The documentation URL sent as `error_url`.
                #[must_use]
                #[inline]
                pub const fn error_url(self) -> &'static str {
                    self.info().error_url()
                }

                /// The entry whose wire name is `error_type`, if there is one.
                #[must_use]
                #[inline]
                pub fn from_error_type(error_type: &str) -> ::core::option::Option<Self> {
                    #lookup
                }
            }

            #[automatically_derived]
            impl ::core::fmt::Debug for #ident {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    #private::debug_variant(self.error_type(), f)
                }
            }

            /// The message.
            #[automatically_derived]
            impl ::core::fmt::Display for #ident {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.pad(self.info().error_message())
                }
            }

            #[automatically_derived]
            impl ::core::error::Error for #ident {}

            #[automatically_derived]
            impl #krate::StytchError for #ident {
                fn status_code(&self) -> u16 {
                    self.info().status_code()
                }
                fn error_type(&self) -> &str {
                    self.info().error_type()
                }
                fn error_message(&self) -> #private::Cow<'_, str> {
                    #private::Cow::Borrowed(self.info().error_message())
                }
                fn error_url(&self) -> &str {
                    self.info().error_url()
                }
                fn entry_info(&self) -> ::core::option::Option<&'static #private::ErrorInfo> {
                    ::core::option::Option::Some(self.info())
                }
                fn envelope<'a>(&'a self, request_id: &'a str) -> #krate::ErrorEnvelope<'a> {
                    self.info().envelope(request_id)
                }
            }

            #[automatically_derived]
            impl #krate::ErrorSet for #ident {
                const NAME: &'static str = #name;
                const ALL: &'static [Self] = Self::ALL;
                fn info(self) -> &'static #private::ErrorInfo {
                    Self::info(self)
                }
                fn from_error_type(error_type: &str) -> ::core::option::Option<Self> {
                    Self::from_error_type(error_type)
                }
            }

            #[automatically_derived]
            impl ::core::str::FromStr for #ident {
                type Err = #krate::UnknownErrorType;
                fn from_str(error_type: &str) -> ::core::result::Result<Self, Self::Err> {
                    #private::from_str(error_type)
                }
            }

            /// The wire name, as a string.
            #[automatically_derived]
            impl #private::serde::Serialize for #ident {
                fn serialize<S: #private::serde::Serializer>(
                    &self,
                    serializer: S,
                ) -> ::core::result::Result<S::Ok, S::Error> {
                    serializer.serialize_str(self.error_type())
                }
            }

            /// From the wire name; an unknown name is an error that names it.
            #[automatically_derived]
            impl<'de> #private::serde::Deserialize<'de> for #ident {
                fn deserialize<D: #private::serde::Deserializer<'de>>(
                    deserializer: D,
                ) -> ::core::result::Result<Self, D::Error> {
                    #private::deserialize(deserializer)
                }
            }

            // The traits of the integrations enabled in the runtime (axum, actix-web, utoipa).
            #private::integrations! { set #ident }
        };
    }
}

/// Up to this many entries, `from_error_type` is a `match`, which rustc compiles into a switch
/// on the length and a comparison or two; beyond, a perfect hash is faster (benches/lookup.rs:
/// at 41 names the `match` takes 0.6 of the hash's time, at 804 names the hash 0.3 of the
/// `match`'s) and compiles faster.
const MATCH_LIMIT: usize = 128;

/// `source`, which this module wrote, as tokens: lexed by rustc when the macro runs in it
/// (proc_macro2 would first lex it again itself, unoptimized in a debug build), by proc_macro2
/// in the crate's own tests.
fn parse(source: &str) -> TokenStream {
    if proc_macro::is_available()
        && let Ok(tokens) = source.parse::<proc_macro::TokenStream>()
    {
        return tokens.into();
    }
    source
        .parse()
        .unwrap_or_else(|error| panic!("generated code that does not lex: {error}"))
}

/// The attribute `#[doc = …]` of `text`, its string written as `push_str_lit` writes it.
fn doc_attr(text: &str) -> TokenStream {
    let mut source = String::with_capacity(text.len() + 16);
    source.push_str("#[doc = ");
    push_str_lit(&mut source, text);
    source.push(']');
    parse(&source)
}

/// Writes a string literal of `value` to `out`: raw (`r"…"`, `r#"…"#`), which needs no escaping
/// and rustc reads without unescaping, unless `value` has a carriage return, which a raw string
/// cannot hold.
fn push_str_lit(out: &mut String, value: &str) {
    if value.contains('\r') {
        let _ = write!(out, "{value:?}");
        return;
    }
    // One `#` more than the longest run of them after a quote.
    let hashes = value
        .split('"')
        .skip(1)
        .map(|after| after.bytes().take_while(|&b| b == b'#').count() + 1)
        .max()
        .unwrap_or(0);
    out.push('r');
    (0..hashes).for_each(|_| out.push('#'));
    out.push('"');
    out.push_str(value);
    out.push('"');
    (0..hashes).for_each(|_| out.push('#'));
}

/// The entries of `INFOS`, separated by commas, where `I` is `ErrorInfo`.
fn infos_source(model: &Model) -> String {
    let mut out = String::with_capacity(model.entries.len() * 512);
    for entry in &model.entries {
        let _ = write!(out, "I::__new({},", entry.status_code);
        for text in [
            &entry.error_type,
            &entry.message,
            &entry.url,
            &entry.fragment,
            &entry.title,
            &entry.description,
        ] {
            push_str_lit(&mut out, text);
            out.push(',');
        }
        for list in [&entry.causes, &entry.troubleshooting] {
            out.push_str("&[");
            for item in list {
                push_str_lit(&mut out, item);
                out.push(',');
            }
            out.push_str("],");
        }
        push_str_lit(&mut out, &json::head(entry.status_code));
        out.push(',');
        push_str_lit(
            &mut out,
            &json::tail(&entry.error_type, &entry.message, &entry.url),
        );
        out.push(')');
        if entry.entry.deprecated.is_some() {
            out.push_str(".__deprecated(true)");
        }
        out.push(',');
    }
    out
}

/// The elements of `ALL`: `Self::A,Self::B,…`.
fn all_source(model: &Model) -> String {
    let mut out = String::with_capacity(model.entries.len() * 32);
    for entry in &model.entries {
        let _ = write!(out, "Self::{},", entry.variant);
    }
    out
}

/// The body of `from_error_type`, and the static tables and functions it uses.
fn lookup(model: &Model) -> (TokenStream, TokenStream) {
    let count = model.entries.len();
    let mut tables = String::new();
    let mut body = String::new();
    if count <= MATCH_LIMIT {
        body.push_str("match error_type {");
        for entry in &model.entries {
            push_str_lit(&mut body, &entry.error_type);
            let _ = write!(
                body,
                "=>::core::option::Option::Some(Self::{}),",
                entry.variant
            );
        }
        body.push_str("_=>::core::option::Option::None,}");
        return (TokenStream::new(), parse(&body));
    }
    let names: Vec<&str> = model
        .entries
        .iter()
        .map(|entry| entry.error_type.as_str())
        .collect();
    let table = phf::build(&names);
    // Slot indices as small as the set allows: `u16` below 65535 entries, the maximum for an
    // empty slot.
    let (slot_type, empty, index) = if count < usize::from(u16::MAX) {
        ("u16", u32::from(u16::MAX), "usize::from(slot)")
    } else {
        ("u32", u32::MAX, "slot as usize")
    };
    // A displacement per bucket, per slot the index of its entry, and the functions that hash
    // and place a name, which built the tables.
    let _ = write!(
        tables,
        "const SEED: u64 = {};\n\
         static DISPLACEMENTS: [u64; {}] = [",
        table.seed,
        table.displacements.len(),
    );
    for displacement in &table.displacements {
        let _ = write!(tables, "{displacement},");
    }
    let _ = write!(tables, "];\nstatic SLOTS: [{slot_type}; {}] = [", table.slots.len());
    for &slot in &table.slots {
        let _ = write!(tables, "{},", slot.min(empty));
    }
    tables.push_str("];\n");
    tables.push_str(phf::HASH_SOURCE);
    let _ = write!(
        body,
        "let h = hash(error_type.as_bytes(), SEED);\n\
         let displacement = DISPLACEMENTS[bucket(h, DISPLACEMENTS.len())];\n\
         let slot = SLOTS[slot(h, displacement, SLOTS.len())];\n\
         let index = {index};\n\
         match INFOS.get(index) {{\n\
             ::core::option::Option::Some(info) if info.error_type() == error_type => {{\n\
                 ::core::option::Option::Some(Self::ALL[index])\n\
             }}\n\
             _ => ::core::option::Option::None,\n\
         }}"
    );
    (parse(&tables), parse(&body))
}
