//! The checks of a derive input, and the model its expansion is built from.
//!
//! As for `stytch_errors!`, checking reports every problem and still gives a model: a bad value
//! is replaced by a stand-in, so that the impls are generated and the user's other code sees no
//! follow-on errors.

use std::collections::HashMap;

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};
use syn::{Attribute, Data, DeriveInput, Fields, Ident, LitStr, Path, Type};

use super::attr::{self, Attrs, Place};
use super::message::{self, FieldList, Member, Message};
use crate::ctxt::Ctxt;
use crate::names;
use crate::rules::{Prose, check_prose, check_status, template};
use crate::url::{self, Template};

/// A derive input ready to expand.
pub struct Model<'a> {
    pub input: &'a DeriveInput,
    pub krate: TokenStream,
    pub is_enum: bool,
    pub variants: Vec<VariantModel<'a>>,
    /// Whether the derive writes the messages, and so implements `Display` and `Error`.
    pub owns_display: bool,
}

/// A variant of an enum, or the struct itself.
pub struct VariantModel<'a> {
    /// The variant; `None` for a struct.
    pub ident: Option<&'a Ident>,
    pub cfgs: Vec<&'a Attribute>,
    /// The fields, each as a message names it, with its type.
    pub fields: Vec<(Member, &'a Type)>,
    pub source: Source<'a>,
    /// The message given in `#[stytch(...)]`, checked, with its literal.
    pub message: Option<(LitStr, Message)>,
    /// A `#[stytch(...)]` of the variant could not be read whole.
    pub broken: bool,
    /// `message` was written, even if it could not be read.
    pub wants_message: bool,
    /// `entry` or `transparent` was written, even if it could not be read.
    pub wants_source: bool,
    /// The field that is `source()`: marked `#[source]` or `#[from]`, or named `source`.
    pub source_field: Option<(Member, &'a Type)>,
    /// The `#[from]` field, which gets a `From` impl.
    pub from: Option<(Member, &'a Type)>,
    /// The field sent as the envelope's `error_details`.
    pub details: Option<Member>,
    /// The error_type goes into the compile-time check that error_types differ (all but a
    /// repeat the macro reported itself).
    pub checked_when_compiled: bool,
    /// The doc comment, for docs pages.
    pub docs: String,
    /// `#[deprecated]`, marked on docs pages.
    pub deprecated: bool,
}

/// Where a variant's status, error_type and URL come from.
pub enum Source<'a> {
    /// Written in the attribute (or defaulted).
    Literal {
        status_code: u16,
        error_type: String,
        url: String,
    },
    /// An entry of a declared set.
    Entry { path: Path },
    /// The single field, which is itself a `StytchError`.
    Transparent { member: Member, ty: &'a Type },
}

/// A variant whose error_type is known here, for the check of uniqueness.
struct Named<'a> {
    ident: &'a Ident,
    tokens: TokenStream,
}

pub fn check<'a>(input: &'a DeriveInput, cx: &Ctxt) -> Model<'a> {
    let (place, is_enum) = match &input.data {
        Data::Enum(_) => (Place::Enum, true),
        Data::Struct(_) => (Place::Struct, false),
        Data::Union(union) => {
            cx.error_spanned_by(
                union.union_token,
                "`StytchError` cannot be derived for a union: derive it for a struct or an enum",
            );
            (Place::Enum, true)
        }
    };
    let top = attr::parse(&input.attrs, place, cx);
    let krate = match &top.krate {
        Some(path) => quote!(#path),
        None => quote!(::stytch_errors),
    };
    let type_url = top.url.as_ref().and_then(|lit| template(lit, cx));
    let mut checker = Checker {
        owner: &input.ident,
        type_url: type_url.as_ref(),
        type_url_given: top.url.is_some(),
        type_broken: top.broken,
        error_types: HashMap::new(),
        without_url: Vec::new(),
        cx,
    };
    let mut variants = Vec::new();
    match &input.data {
        Data::Struct(data) => {
            let mut model = checker.variant(None, &[], &data.fields, &top);
            (model.docs, model.deprecated) = docs(&input.attrs);
            variants.push(model);
        }
        Data::Enum(data) => {
            for variant in &data.variants {
                let attrs = attr::parse(&variant.attrs, Place::Variant, cx);
                let cfgs = variant
                    .attrs
                    .iter()
                    .filter(|attr| attr.path().is_ident("cfg"))
                    .collect::<Vec<_>>();
                let mut model =
                    checker.variant(Some(&variant.ident), &cfgs, &variant.fields, &attrs);
                model.cfgs = cfgs;
                (model.docs, model.deprecated) = docs(&variant.attrs);
                variants.push(model);
            }
        }
        Data::Union(_) => {}
    }
    checker.report_missing_urls();

    // The derive writes the messages, and implements `Display` and `Error`, when every variant
    // has one: in its attribute, from its entry or from its field. A type whose variants carry
    // thiserror's `#[error(...)]` has its `Display` from thiserror.
    let thiserror = thiserror_attr(input);
    // What was meant counts, where it could not be read, so that a mistake in an attribute is
    // not followed by errors about a missing `Display`.
    let has_message = |variant: &VariantModel| variant.message.is_some() || variant.wants_message;
    let has_source = |variant: &VariantModel| {
        has_message(variant)
            || variant.wants_source
            || !matches!(variant.source, Source::Literal { .. })
    };
    let any_message = variants.iter().any(has_message);
    let owns_display = thiserror.is_none() && (any_message || variants.iter().all(has_source));
    if let Some(error_attr) = thiserror {
        for variant in &variants {
            if let Some((lit, _)) = &variant.message {
                cx.error_spanned_by(
                    lit,
                    format!(
                        "`{}` has both `message` and thiserror's `{}`, which writes its `Display`; keep one of them",
                        variant.ident.unwrap_or(&input.ident),
                        quote!(#error_attr).to_string().replace(" (", "(")
                    ),
                );
            }
        }
    } else if any_message {
        for variant in variants
            .iter()
            .filter(|variant| !has_source(variant) && !variant.broken)
        {
            let at = variant.ident.unwrap_or(&input.ident);
            cx.error_spanned_by(
                at,
                format!(
                    "`{at}` has no message, but other variants of `{}` have one: add `message = \"...\"` to its `#[stytch(...)]`. (When every variant has a message, the derive implements `Display` and `Error`; with none, implement `Display` yourself, with thiserror for instance)",
                    input.ident
                ),
            );
        }
    }
    Model {
        input,
        krate,
        is_enum,
        variants,
        owns_display,
    }
}

struct Checker<'a, 'c> {
    owner: &'a Ident,
    type_url: Option<&'c Template>,
    type_url_given: bool,
    type_broken: bool,
    error_types: HashMap<String, Named<'a>>,
    /// Variants left without a URL, reported once for the type.
    without_url: Vec<String>,
    cx: &'c Ctxt,
}

impl<'a> Checker<'a, '_> {
    fn variant(
        &mut self,
        ident: Option<&'a Ident>,
        cfgs: &[&Attribute],
        fields: &'a Fields,
        attrs: &Attrs,
    ) -> VariantModel<'a> {
        let cx = self.cx;
        let name = ident.unwrap_or(self.owner);
        let field_list = field_list(name, fields);
        let roles = attr::field_roles(fields, cx);
        let member = |index: usize| field_list.fields[index].0.clone();
        let source_field = roles.source.map(|(index, ty)| (member(index), ty));
        let from = roles.from.map(|(index, from_attr)| {
            if fields.len() != 1 {
                cx.error_spanned_by(
                    from_attr,
                    format!(
                        "`#[from]` makes `From<field>` for `{name}`, so the field must be its only one, and `{name}` has {}; mark the field `#[source]` instead",
                        fields.len()
                    ),
                );
            }
            (member(index), field_list.fields[index].1)
        });
        let details = roles.details.map(member);
        let from = from.filter(|_| fields.len() == 1);
        let message = attrs.message.as_ref().map(|lit| {
            check_prose(lit, Prose::Message, &name.to_string(), cx);
            (lit.clone(), message::parse(lit, &field_list, cx))
        });
        if let Some(transparent) = &attrs.transparent {
            conflicts(attrs, "transparent", "takes everything from its field", cx);
            let source = match field_list.fields.as_slice() {
                [(member, ty)] => Source::Transparent {
                    member: member.clone(),
                    ty,
                },
                _ => {
                    cx.error_spanned_by(
                        transparent,
                        format!(
                            "`transparent` delegates to a single field, and `{name}` has {}: give it exactly one field, whose type implements `StytchError`",
                            field_list.fields.len()
                        ),
                    );
                    self.stand_in(name)
                }
            };
            return VariantModel {
                ident,
                cfgs: Vec::new(),
                fields: field_list.fields,
                source,
                message: None,
                broken: attrs.broken,
                wants_message: attrs.mentions("message"),
                wants_source: true,
                source_field,
                from,
                details,
                checked_when_compiled: false,
                docs: String::new(),
                deprecated: false,
            };
        }
        if let Some(path) = &attrs.entry {
            conflicts(
                attrs,
                "entry",
                "takes its status, error_type and URL from the entry; only `message` may be given beside it",
                cx,
            );
            let source = if path.segments.len() < 2 {
                cx.error_spanned_by(
                    path,
                    format!(
                        "`entry` names an entry of a set declared with `stytch_errors!` by its wire name, such as `ConsumerError::email_not_found`; write `Set::{}`",
                        path.to_token_stream()
                    ),
                );
                self.stand_in(name)
            } else {
                Source::Entry { path: path.clone() }
            };
            let entry = matches!(source, Source::Entry { .. });
            return VariantModel {
                ident,
                cfgs: Vec::new(),
                fields: field_list.fields,
                source,
                message,
                broken: attrs.broken,
                wants_message: attrs.mentions("message"),
                wants_source: true,
                source_field,
                from,
                details,
                checked_when_compiled: entry,
                docs: String::new(),
                deprecated: false,
            };
        }

        let status_code = match &attrs.status {
            Some(lit) => {
                if !lit.suffix().is_empty() {
                    cx.error_spanned_by(
                        lit,
                        format!(
                            "write the status without a suffix: `{}`",
                            lit.base10_digits()
                        ),
                    );
                }
                check_status(lit, cx).unwrap_or(500)
            }
            None => {
                if !attrs.broken {
                    cx.error_spanned_by(
                        name,
                        format!(
                            "`{name}` has no status: add `#[stytch(status = 404, ...)]`, or take everything from an entry of a set with `#[stytch(entry = ConsumerError::email_not_found)]`"
                        ),
                    );
                }
                500
            }
        };
        let error_type = self.error_type(name, attrs);
        // A variant under `cfg` may share an error_type with one that is compiled out: the
        // compiler checks it, among the variants compiled in.
        let checked_when_compiled = !cfgs.is_empty() || self.unique(name, attrs, &error_type);
        let fragment = match &attrs.fragment {
            Some(lit) => {
                let fragment = lit.value();
                if let Some(problem) = url::check_fragment(&fragment) {
                    cx.error_spanned_by(lit, problem);
                }
                fragment
            }
            None => error_type.clone(),
        };
        let own_url = attrs.url.as_ref().and_then(|lit| template(lit, cx));
        if let Some(lit) = attrs
            .fragment
            .as_ref()
            .filter(|_| url::check_fragment(&fragment).is_none())
        {
            let shown = match &attrs.url {
                Some(_) => own_url.as_ref().map(Template::uses_fragment),
                None => self.type_url.map(Template::uses_fragment),
            };
            if shown == Some(false) {
                cx.error_spanned_by(
                    lit,
                    format!(
                        "`fragment` is only shown through `{{fragment}}` in the URL template, and the URL of `{name}` has none: use `{{fragment}}` in the template, or remove `fragment`"
                    ),
                );
            }
        }
        let url = match &attrs.url {
            Some(_) => own_url.map(|t| t.render(status_code, &error_type, &fragment)),
            None => {
                if !self.type_url_given && !attrs.broken {
                    self.without_url.push(name.to_string());
                }
                self.type_url
                    .map(|t| t.render(status_code, &error_type, &fragment))
            }
        };
        VariantModel {
            ident,
            cfgs: Vec::new(),
            fields: field_list.fields,
            source: Source::Literal {
                status_code,
                error_type,
                url: url.unwrap_or_default(),
            },
            message,
            broken: attrs.broken,
            wants_message: attrs.mentions("message"),
            wants_source: attrs.mentions("entry") || attrs.mentions("transparent"),
            source_field,
            from,
            details,
            checked_when_compiled,
            docs: String::new(),
            deprecated: false,
        }
    }

    /// The error_type of a variant: given and checked, or the snake_case of its name.
    fn error_type(&self, name: &Ident, attrs: &Attrs) -> String {
        let cx = self.cx;
        let rule = "error_types are lower snake_case: lowercase letters and digits in words joined by single underscores, starting with a letter";
        if let Some(lit) = &attrs.error_type {
            let text = lit.value();
            if !names::is_snake_case(&text) {
                let corrected = names::to_snake_case(&text);
                match &corrected {
                    Some(corrected) => cx.error_spanned_by(
                        lit,
                        format!("invalid error_type `{text}`: {rule}; write `error_type = \"{corrected}\"`"),
                    ),
                    None => cx.error_spanned_by(lit, format!("invalid error_type `{text}`: {rule}")),
                }
                return corrected.unwrap_or_else(|| stand_in_name(name));
            }
            if text.len() > names::MAX_ERROR_TYPE_LEN {
                cx.error_spanned_by(
                    lit,
                    format!(
                        "error_type `{text}` is {} bytes long; the limit is {} bytes",
                        text.len(),
                        names::MAX_ERROR_TYPE_LEN
                    ),
                );
            }
            return text;
        }
        let unraw = name.to_string();
        let unraw = unraw.strip_prefix("r#").unwrap_or(&unraw);
        match names::to_snake_case(unraw) {
            Some(snake) => snake,
            None if !unraw.is_ascii() => {
                cx.error_spanned_by(
                    name,
                    format!(
                        "`{name}` is not ASCII, so it has no default error_type (error_types are ASCII lower snake_case): give one with `#[stytch(error_type = \"...\")]`"
                    ),
                );
                stand_in_name(name)
            }
            None => {
                cx.error_spanned_by(
                    name,
                    format!(
                        "the error_type of `{name}` would be the snake_case of its name, which is not a valid error_type ({rule}, at most {} bytes): give one with `#[stytch(error_type = \"...\")]`",
                        names::MAX_ERROR_TYPE_LEN
                    ),
                );
                stand_in_name(name)
            }
        }
    }

    /// Reports a second variant with the same error_type; whether this is the first.
    fn unique(&mut self, name: &'a Ident, attrs: &Attrs, error_type: &str) -> bool {
        let tokens = attrs
            .error_type
            .as_ref()
            .map_or_else(|| name.to_token_stream(), ToTokens::to_token_stream);
        if let Some(first) = self.error_types.get(error_type) {
            let owner = self.owner;
            self.cx.error_spanned_by(
                &tokens,
                format!(
                    "error_type `{error_type}` is used twice in `{owner}`: by `{}` and again by `{name}`; each variant of `{owner}` needs its own (set one with `#[stytch(error_type = \"...\")]`)",
                    first.ident
                ),
            );
            self.cx.error_spanned_by(
                &first.tokens,
                format!("`{}` has the error_type `{error_type}` here", first.ident),
            );
            return false;
        }
        self.error_types.insert(
            error_type.to_owned(),
            Named {
                ident: name,
                tokens,
            },
        );
        true
    }

    /// The source of a variant that could not be read: any value will do, the build fails.
    fn stand_in(&self, name: &Ident) -> Source<'a> {
        Source::Literal {
            status_code: 500,
            error_type: stand_in_name(name),
            url: String::new(),
        }
    }

    fn report_missing_urls(&self) {
        if self.without_url.is_empty() || self.type_broken {
            return;
        }
        let owner = self.owner;
        let which = if self.without_url == [owner.to_string()] {
            String::new()
        } else {
            format!(" for {}", names::list_some(&self.without_url))
        };
        self.cx.error_spanned_by(
            owner,
            format!(
                "`{owner}` gives no documentation URL{which}: add `#[stytch(url = \"https://example.com/docs/errors/{{status}}#{{error_type}}\")]` to `{owner}`, or `url = \"https://...\"` to each variant's `#[stytch(...)]`"
            ),
        );
    }
}

/// Reports the keys given beside `entry` or `transparent` that it replaces.
fn conflicts(attrs: &Attrs, key: &str, what: &str, cx: &Ctxt) {
    for (other, tokens) in attrs.given() {
        let allowed = other == key || (key == "entry" && other == "message");
        if !allowed {
            cx.error_spanned_by(tokens, format!("`{other}` cannot be given with `{key}`: a variant with `{key}` {what}; remove `{other}`"));
        }
    }
}

fn field_list<'a>(owner: &Ident, fields: &'a Fields) -> FieldList<'a> {
    let tuple = matches!(fields, Fields::Unnamed(_));
    let fields = message::members(fields);
    FieldList {
        owner: owner.to_string(),
        fields,
        tuple,
        listed: std::cell::OnceCell::new(),
    }
}

/// The doc comment of a variant or type, its lines joined, and whether it is deprecated.
fn docs(attrs: &[Attribute]) -> (String, bool) {
    let mut lines = Vec::new();
    for attr in attrs {
        if let syn::Meta::NameValue(doc) = &attr.meta
            && doc.path.is_ident("doc")
            && let syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(text),
                ..
            }) = &doc.value
        {
            lines.push(text.value().trim().to_owned());
        }
    }
    let deprecated = attrs.iter().any(|attr| attr.path().is_ident("deprecated"));
    (lines.join("\n").trim().to_owned(), deprecated)
}

/// The first `#[error(...)]` of thiserror on the type or its variants.
fn thiserror_attr(input: &DeriveInput) -> Option<&Attribute> {
    let variants = match &input.data {
        Data::Enum(data) => data.variants.iter().flat_map(|v| &v.attrs).collect(),
        _ => Vec::new(),
    };
    input
        .attrs
        .iter()
        .chain(variants)
        .find(|attr| attr.path().is_ident("error"))
}

fn stand_in_name(name: &Ident) -> String {
    names::to_snake_case(&name.to_string()).unwrap_or_else(|| "error".to_owned())
}
