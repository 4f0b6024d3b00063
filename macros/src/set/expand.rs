//! The code generated for one set: a fieldless enum, and static tables indexed by its
//! discriminant that every accessor and trait implementation reads.

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
        let generated = doc::variant_doc(entry);
        let variant = &entry.variant;
        // The prose is the user's Markdown, not written as rustdoc: bare URLs and inline HTML
        // in it are fine.
        quote! {
            #(#docs)*
            #deprecated
            #[doc = #generated]
            #[allow(rustdoc::bare_urls, rustdoc::invalid_html_tags)]
            #variant
        }
    });
    let enum_item = quote! {
        #(#attrs)*
        #enum_doc
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #vis enum #ident {
            #(#variants,)*
        }
    };
    if model.entries.is_empty() {
        // Nothing to index: the input's errors say why.
        return enum_item;
    }

    let infos = model.entries.iter().map(|entry| {
        let status_code = entry.status_code;
        let error_type = &entry.error_type;
        let message = &entry.message;
        let url = &entry.url;
        let fragment = &entry.fragment;
        let title = &entry.title;
        let description = &entry.description;
        let causes = &entry.causes;
        let troubleshooting = &entry.troubleshooting;
        let json_head = json::head(status_code);
        let json_tail = json::tail(error_type, message, url);
        let deprecated = entry
            .entry
            .deprecated
            .is_some()
            .then(|| quote!(.__deprecated(true)));
        quote! {
            #private::ErrorInfo::__new(
                #status_code, #error_type, #message, #url, #fragment, #title, #description,
                &[#(#causes),*], &[#(#troubleshooting),*], #json_head, #json_tail,
            )#deprecated
        }
    });
    let (lookup_tables, lookup) = lookup(model, &private);
    let all = model.entries.iter().map(|entry| &entry.variant);
    let constants = model.entries.iter().map(|entry| {
        let constant = &entry.constant;
        let variant = &entry.variant;
        let doc = format!(
            " `{}`: the wire name of [`{name}::{variant}`], checked by the compiler.",
            entry.error_type
        );
        let deprecated = &entry.entry.deprecated;
        quote! {
            #[doc = #doc]
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
            static INFOS: [#private::ErrorInfo; #count] = [#(#infos),*];
            #lookup_tables

            // The wire-name constants are lower snake_case, as on the wire.
            #[allow(non_upper_case_globals)]
            impl #ident {
                /// Every entry, in declaration order.
                pub const ALL: &'static [Self] = &[#(Self::#all),*];

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
/// at 41 names the `match` takes 0.6 of the hash's time, at 802 names the hash 0.3 of the
/// `match`'s) and compiles faster.
const MATCH_LIMIT: usize = 128;

/// The body of `from_error_type`, and the static tables it reads.
fn lookup(model: &Model, private: &TokenStream) -> (TokenStream, TokenStream) {
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
    let slot_count = table.slots.len();
    // Slot indices as small as the set allows: `u16` below 65535 entries.
    let (slot_type, slots) = if count < usize::from(u16::MAX) {
        let slots = table
            .slots
            .iter()
            .map(|&slot| Literal::u16_unsuffixed(u16::try_from(slot).unwrap_or(u16::MAX)));
        (quote!(u16), quote!(#(#slots),*))
    } else {
        let slots = table
            .slots
            .iter()
            .map(|&slot| Literal::u32_unsuffixed(slot));
        (quote!(u32), quote!(#(#slots),*))
    };
    let tables = quote! {
        // The perfect hash of the wire names: a displacement per bucket, per slot the index of
        // its entry (the maximum for an empty slot), and the names by index.
        static DISPLACEMENTS: [u64; #displacement_count] = [#(#displacements),*];
        static SLOTS: [#slot_type; #slot_count] = [#slots];
        static NAMES: [&str; #count] = [#(#names),*];
    };
    let body = quote! {
        #private::phf_lookup(#seed, &DISPLACEMENTS, &SLOTS, &NAMES, Self::ALL, error_type)
    };
    (tables, body)
}
