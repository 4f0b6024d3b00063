//! The code generated for one set: a fieldless enum, and static tables indexed by its
//! discriminant that every accessor and trait implementation reads.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::doc;
use super::valid::Model;

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
        let generated = doc::variant_doc(entry);
        let variant = &entry.variant;
        // The prose is the user's Markdown, not written as rustdoc: bare URLs and inline HTML
        // in it are fine.
        quote! {
            #(#docs)*
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
        quote! {
            #private::ErrorInfo::__new(
                #status_code, #error_type, #message, #url, #fragment, #title, #description,
                &[#(#causes),*], &[#(#troubleshooting),*],
            )
        }
    });
    let mut by_name: Vec<usize> = (0..count).collect();
    by_name.sort_by_key(|&i| &model.entries[i].error_type);
    let by_name = by_name.into_iter().map(Literal::usize_unsuffixed);
    let all = model.entries.iter().map(|entry| &entry.variant);
    let constants = model.entries.iter().map(|entry| {
        let constant = &entry.constant;
        let variant = &entry.variant;
        let doc = format!(
            " `{}`: the wire name of [`{name}::{variant}`], checked by the compiler.",
            entry.error_type
        );
        quote! {
            #[doc = #doc]
            #[allow(non_upper_case_globals)]
            pub const #constant: Self = Self::#variant;
        }
    });

    quote! {
        #enum_item

        #(#cfgs)*
        const _: () = {
            static INFOS: [#private::ErrorInfo; #count] = [#(#infos),*];
            // The indices of the entries in the byte order of their names.
            static BY_NAME: [u32; #count] = [#(#by_name),*];

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
                pub const fn message(self) -> &'static str {
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
                pub const fn url(self) -> &'static str {
                    self.info().error_url()
                }

                /// The entry whose wire name is `error_type`, if there is one.
                #[must_use]
                pub fn from_error_type(error_type: &str) -> ::core::option::Option<Self> {
                    #private::lookup(&BY_NAME, &INFOS, Self::ALL, error_type)
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
                    f.pad(self.message())
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
                fn error_info(&self) -> ::core::option::Option<&'static #private::ErrorInfo> {
                    ::core::option::Option::Some(self.info())
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
