//! The checks of a derive input, and the model its expansion is built from. Checking reports
//! every problem; an input with any is expanded as the fallback (see `expand.rs`), so that the
//! values of what was not valid are never read.

use std::collections::HashMap;

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};
use syn::ext::IdentExt;
use syn::{Attribute, Data, DeriveInput, Fields, Ident, LitStr, Path, Type};

use super::message::{self, FieldList, Member, Message};
use crate::attr::{self, Attrs, KindName, Place};
use crate::ctxt::Ctxt;
use crate::names;
use crate::rules::{self, ERROR_TYPE_RULE, MAX_ERROR_TYPE_LEN, check_prose, check_status};
use crate::url::{self, Template};

/// A derive input ready to expand.
pub struct Model<'a> {
    pub input: &'a DeriveInput,
    pub krate: TokenStream,
    pub is_enum: bool,
    pub variants: Vec<VariantModel<'a>>,
    /// Whether the derive writes the messages, and so implements `Display` and `Error`.
    pub owns_display: bool,
    /// The name of the kind enum generated beside the type, if it has one.
    pub kind: Option<Ident>,
    /// The input has errors: every method body is `unreachable!()`, the impls are still there.
    pub fallback: bool,
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
    /// The field that is `source()`: marked `#[source]` or `#[from]`, or named `source`.
    pub source_field: Option<(Member, &'a Type)>,
    /// The `#[from]` field, which gets a `From` impl.
    pub from: Option<(Member, &'a Type)>,
    /// The field sent as the envelope's `error_details`.
    pub details: Option<Member>,
    /// The hint for the `Retry-After` header: written, or a field's.
    pub retry_after: Option<RetryAfter<'a>>,
    /// The doc comment, for docs pages.
    pub docs: String,
    /// `#[deprecated]`, marked on docs pages.
    pub deprecated: bool,
}

/// Where a variant's retry hint comes from.
pub enum RetryAfter<'a> {
    /// `retry_after = 30`.
    Seconds(u64),
    /// The field marked `#[stytch(retry_after)]`.
    Field(Member, &'a Type),
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

/// The source of a variant whose `entry` or `transparent` is not valid (and reported).
const UNREAD: Source = Source::Literal {
    status_code: 0,
    error_type: String::new(),
    url: String::new(),
};

pub fn check<'a>(input: &'a DeriveInput, cx: &Ctxt) -> Model<'a> {
    let (place, is_enum) = match &input.data {
        Data::Enum(_) => (Place::Enum, true),
        Data::Struct(_) => (Place::Struct, false),
        Data::Union(union) => {
            let message =
                "`StytchError` cannot be derived for a union: derive it for a struct or an enum";
            cx.error_spanned_by(union.union_token, message);
            (Place::Enum, true)
        }
    };
    let top = attr::parse(&input.attrs, place, cx);
    let type_url = top.url.as_ref().and_then(|lit| rules::template(lit, cx));
    let mut checker = Checker {
        owner: &input.ident,
        type_url: type_url.as_ref(),
        error_types: HashMap::new(),
        without_url: Vec::new(),
        cx,
    };
    let parsed: Vec<Attrs> = match &input.data {
        Data::Enum(data) => (data.variants.iter())
            .map(|variant| attr::parse(&variant.attrs, Place::Variant, cx))
            .collect(),
        _ => Vec::new(),
    };
    let variants: Vec<(VariantModel, &Attrs)> = match &input.data {
        Data::Struct(data) => vec![(
            checker.variant(None, &input.attrs, &data.fields, &top),
            &top,
        )],
        Data::Enum(data) => (data.variants.iter().zip(&parsed))
            .map(|(variant, attrs)| {
                let ident = Some(&variant.ident);
                (
                    checker.variant(ident, &variant.attrs, &variant.fields, attrs),
                    attrs,
                )
            })
            .collect(),
        Data::Union(_) => Vec::new(),
    };
    // Unless the type's attribute could not be read: the URL may be what was misspelled there.
    let owner = &input.ident;
    if !checker.without_url.is_empty() && !top.broken && top.url.is_none() {
        let which = if checker.without_url == [owner.to_string()] {
            String::new()
        } else {
            format!(" for {}", names::list_some(&checker.without_url))
        };
        cx.error_spanned_by(owner, format!("`{owner}` gives no documentation URL{which}: add `#[stytch(url = \"https://example.com/docs/errors/{{status}}#{{error_type}}\")]` to `{owner}`, or `url = \"https://...\"` to each variant's `#[stytch(...)]`"));
    }

    // The derive writes the messages, and implements `Display` and `Error`, when every variant
    // has one: in its attribute, from its entry or from its field. What was written counts,
    // where it could not be read, so that a mistake in an attribute is not followed by errors
    // about a missing `Display`. A type whose variants carry thiserror's `#[error(...)]` has its
    // `Display` from thiserror.
    // thiserror's `#[error(...)]`, on the type or on a variant.
    let variant_attrs: Vec<&Attribute> = match &input.data {
        Data::Enum(data) => data
            .variants
            .iter()
            .flat_map(|variant| &variant.attrs)
            .collect(),
        _ => Vec::new(),
    };
    let thiserror =
        (input.attrs.iter().chain(variant_attrs)).find(|attr| attr.path().is_ident("error"));
    let has_message = |(variant, attrs): &(VariantModel, &Attrs)| {
        variant.message.is_some() || attrs.mentions("message")
    };
    let has_source = |variant: &(VariantModel, &Attrs)| {
        let attrs = variant.1;
        has_message(variant) || attrs.mentions("entry") || attrs.mentions("transparent")
    };
    let any_message = variants.iter().any(has_message);
    let owns_display = thiserror.is_none() && (any_message || variants.iter().all(has_source));
    for checked @ (variant, attrs) in &variants {
        let at = variant.ident.unwrap_or(owner);
        if let (Some(error_attr), Some((lit, _))) = (thiserror, &variant.message) {
            let attr = quote!(#error_attr).to_string().replace(" (", "(");
            cx.error_spanned_by(lit, format!("`{at}` has both `message` and thiserror's `{attr}`, which writes its `Display`; keep one of them"));
        } else if thiserror.is_none() && any_message && !has_source(checked) && !attrs.broken {
            cx.error_spanned_by(at, format!("`{at}` has no message, but other variants of `{owner}` have one: add `message = \"...\"` to its `#[stytch(...)]`. (When every variant has a message, the derive implements `Display` and `Error`; with none, implement `Display` yourself, with thiserror for instance)"));
        }
    }
    Model {
        input,
        krate: top
            .krate
            .as_ref()
            .map_or_else(|| quote!(::stytch_errors), |path| quote!(#path)),
        is_enum,
        variants: variants.into_iter().map(|(variant, _)| variant).collect(),
        owns_display,
        kind: kind_name(input, &top, cx),
        fallback: false,
    }
}

/// The name of the type's kind enum: `kind = Name`, none with `kind = false` or for a generic
/// type, `<Type>Kind` otherwise.
fn kind_name(input: &DeriveInput, top: &Attrs, cx: &Ctxt) -> Option<Ident> {
    let owner = &input.ident;
    let generic = !input.generics.params.is_empty();
    match &top.kind {
        Some(KindName::Off) => None,
        _ if matches!(input.data, Data::Union(_)) => None,
        Some(KindName::Named(name)) if generic => {
            cx.error_spanned_by(name, format!("`{owner}` is generic, and a generic type has no kind enum (its kinds would depend on its parameters): remove `kind = {name}`"));
            None
        }
        Some(KindName::Named(name)) => Some(name.clone()),
        None if generic => None,
        None => Some(quote::format_ident!("{}Kind", owner.unraw())),
    }
}

struct Checker<'a, 'c> {
    owner: &'a Ident,
    type_url: Option<&'c Template>,
    /// The variant that first has each error_type, with the tokens that give it.
    error_types: HashMap<String, (&'a Ident, TokenStream)>,
    /// Variants left without a URL, reported once for the type.
    without_url: Vec<String>,
    cx: &'c Ctxt,
}

impl<'a> Checker<'a, '_> {
    fn variant(
        &mut self,
        ident: Option<&'a Ident>,
        all_attrs: &'a [Attribute],
        fields: &'a Fields,
        attrs: &Attrs,
    ) -> VariantModel<'a> {
        let cx = self.cx;
        let name = ident.unwrap_or(self.owner);
        let list = FieldList {
            owner: name.to_string(),
            fields: message::members(fields),
            tuple: matches!(fields, Fields::Unnamed(_)),
            listed: std::cell::OnceCell::new(),
        };
        let (source_field, from, details, retry_field) = field_roles(name, fields, &list, cx);
        let message = attrs.message.as_ref().map(|lit| {
            check_prose(lit, rules::MESSAGE, &name.to_string(), cx);
            (lit.clone(), message::parse(lit, &list, cx))
        });
        let cfgs = match ident {
            Some(_) => all_attrs
                .iter()
                .filter(|attr| attr.path().is_ident("cfg"))
                .collect(),
            None => Vec::new(),
        };
        let source = if let Some(transparent) = &attrs.transparent {
            conflicts(attrs, "transparent", "takes everything from its field", cx);
            match list.fields.as_slice() {
                [(member, ty)] => Source::Transparent {
                    member: member.clone(),
                    ty,
                },
                _ => {
                    cx.error_spanned_by(transparent, format!("`transparent` delegates to a single field, and `{name}` has {}: give it exactly one field, whose type implements `StytchError`", list.fields.len()));
                    UNREAD
                }
            }
        } else if let Some(path) = &attrs.entry {
            let what = "takes its status, error_type and URL from the entry; only `message` may be given beside it";
            conflicts(attrs, "entry", what, cx);
            if path.segments.len() < 2 {
                cx.error_spanned_by(path, format!("`entry` names an entry of a set declared with `stytch_errors!` by its wire name, such as `ConsumerError::email_not_found`; write `Set::{}`", path.to_token_stream()));
                UNREAD
            } else {
                Source::Entry { path: path.clone() }
            }
        } else {
            self.literal(name, attrs, !cfgs.is_empty())
        };
        let message = message.filter(|_| attrs.transparent.is_none());
        let (docs, deprecated) = docs(all_attrs);
        let seconds = attrs.retry_after.as_ref().and_then(|lit| {
            let parsed = lit.base10_parse::<u64>().ok().filter(|_| lit.suffix().is_empty());
            if parsed.is_none() {
                cx.error_spanned_by(lit, format!("`retry_after` is a whole number of seconds without a suffix, such as `retry_after = 30`; `{}` is not", lit.token()));
            }
            parsed
        });
        if let (Some(lit), Some(_)) = (&attrs.retry_after, &retry_field) {
            cx.error_spanned_by(lit, format!("`{name}` has both `retry_after = {}` and a field marked `#[stytch(retry_after)]`: keep one of them", lit.token()));
        }
        let retry_after = match (retry_field, seconds) {
            (Some((member, ty)), _) => Some(RetryAfter::Field(member, ty)),
            (None, Some(seconds)) => Some(RetryAfter::Seconds(seconds)),
            (None, None) => None,
        };
        VariantModel {
            ident,
            cfgs,
            fields: list.fields,
            source,
            message,
            source_field,
            from,
            details,
            retry_after,
            docs,
            deprecated,
        }
    }

    /// The status, error_type and URL of a variant that writes them.
    fn literal(&mut self, name: &'a Ident, attrs: &Attrs, under_cfg: bool) -> Source<'a> {
        let cx = self.cx;
        let status_code = match &attrs.status {
            Some(lit) => check_status(lit, cx),
            None if attrs.broken => None,
            None => {
                cx.error_spanned_by(name, format!("`{name}` has no status: add `#[stytch(status = 404, ...)]`, or take everything from an entry of a set with `#[stytch(entry = ConsumerError::email_not_found)]`"));
                None
            }
        };
        let error_type = self.error_type(name, attrs);
        // A variant under `cfg` may share an error_type with one that is compiled out: the
        // compiler checks it, among the variants compiled in.
        if let Some(error_type) = error_type.as_ref().filter(|_| !under_cfg) {
            self.unique(name, attrs, error_type);
        }
        let error_type = error_type.unwrap_or_default();
        let fragment = match &attrs.fragment {
            Some(lit) => lit.value(),
            None => error_type.clone(),
        };
        let own_url = attrs.url.as_ref().and_then(|lit| rules::template(lit, cx));
        if let Some(lit) = &attrs.fragment {
            let shown = match &attrs.url {
                Some(_) => own_url.as_ref().map(Template::uses_fragment),
                None => self.type_url.map(Template::uses_fragment),
            };
            if let Some(problem) = url::check_fragment(&fragment) {
                cx.error_spanned_by(lit, problem);
            } else if shown == Some(false) {
                cx.error_spanned_by(lit, format!("`fragment` is only shown through `{{fragment}}` in the URL template, and the URL of `{name}` has none: use `{{fragment}}` in the template, or remove `fragment`"));
            }
        }
        if attrs.url.is_none() && !attrs.broken {
            self.without_url.push(name.to_string());
        }
        let url = match &attrs.url {
            Some(_) => own_url.as_ref(),
            None => self.type_url,
        };
        let status_code = status_code.unwrap_or_default();
        Source::Literal {
            status_code,
            url: url
                .map(|t| t.render(status_code, &error_type, &fragment))
                .unwrap_or_default(),
            error_type,
        }
    }

    /// The error_type of a variant, given and checked, or the snake_case of its name; `None`
    /// when it is not valid (after reporting it).
    fn error_type(&self, name: &Ident, attrs: &Attrs) -> Option<String> {
        if let Some(lit) = &attrs.error_type {
            let text = lit.value();
            let problem = if names::is_snake_case(&text) {
                rules::too_long(&text)
            } else {
                let fix =
                    names::to_snake_case(&text).map(|fix| format!("`error_type = \"{fix}\"`"));
                Some(rules::not_snake_case(&text, fix))
            };
            if let Some(problem) = problem {
                self.cx.error_spanned_by(lit, problem);
                return None;
            }
            return Some(text);
        }
        let unraw = name.unraw().to_string();
        let snake = names::to_snake_case(&unraw);
        if snake.is_none() {
            let message = if unraw.is_ascii() {
                format!(
                    "the error_type of `{name}` would be the snake_case of its name, which is not a valid error_type ({ERROR_TYPE_RULE}, at most {MAX_ERROR_TYPE_LEN} bytes): give one with `#[stytch(error_type = \"...\")]`"
                )
            } else {
                format!(
                    "`{name}` is not ASCII, so it has no default error_type (error_types are ASCII lower snake_case): give one with `#[stytch(error_type = \"...\")]`"
                )
            };
            self.cx.error_spanned_by(name, message);
        }
        snake
    }

    /// Reports a second variant with the same error_type.
    fn unique(&mut self, name: &'a Ident, attrs: &Attrs, error_type: &str) {
        let tokens = match &attrs.error_type {
            Some(lit) => lit.to_token_stream(),
            None => name.to_token_stream(),
        };
        if let Some((first, first_tokens)) = self.error_types.get(error_type) {
            let owner = self.owner;
            let message = format!(
                "error_type `{error_type}` is used twice in `{owner}`: by `{first}` and again by `{name}`; each variant of `{owner}` needs its own (set one with `#[stytch(error_type = \"...\")]`)"
            );
            let note = format!("`{first}` has the error_type `{error_type}` here");
            self.cx
                .error_with_first((tokens, message), (first_tokens, note));
        } else {
            self.error_types
                .insert(error_type.to_owned(), (name, tokens));
        }
    }
}

/// Reports the keys given beside `entry` or `transparent` that it replaces.
fn conflicts(attrs: &Attrs, key: &str, what: &str, cx: &Ctxt) {
    for other in &attrs.given {
        let allowed = other == key
            || other == "crate"
            || (key == "entry" && (other == "message" || other == "retry_after"));
        if !allowed {
            cx.error_spanned_by(other, format!("`{other}` cannot be given with `{key}`: a variant with `{key}` {what}; remove `{other}`"));
        }
    }
}

type Field<'a> = (Member, &'a Type);

/// The marks on `fields`: the cause of the error (`#[source]`, `#[from]`, or a field named
/// `source`), the field that gets a `From` impl (`#[from]`), the envelope's `error_details`
/// (`#[stytch(details)]`) and the retry hint (`#[stytch(retry_after)]`). Reports other
/// `#[stytch(...)]`, and marks given twice.
fn field_roles<'a>(
    name: &Ident,
    fields: &'a Fields,
    list: &FieldList<'a>,
    cx: &Ctxt,
) -> (
    Option<Field<'a>>,
    Option<Field<'a>>,
    Option<Member>,
    Option<Field<'a>>,
) {
    let (mut marked_source, mut named_source, mut from, mut details) = (None, None, None, None);
    let mut retry_after = None;
    for (index, field) in fields.iter().enumerate() {
        for attr in &field.attrs {
            let path = attr.path();
            if path.is_ident("stytch") {
                let mark = attr.parse_args::<Ident>().ok();
                match mark.as_ref().map(Ident::to_string).as_deref() {
                    Some("details") if details.is_some() => cx.error_spanned_by(attr, "only one field can be `#[stytch(details)]`: the envelope has one `error_details`"),
                    Some("details") => details = Some(index),
                    Some("retry_after") if retry_after.is_some() => cx.error_spanned_by(attr, format!("only one field of `{name}` can be `#[stytch(retry_after)]`: a response has one `Retry-After`")),
                    Some("retry_after") => retry_after = Some(index),
                    _ => cx.error_spanned_by(attr, "on a field, `#[stytch(...)]` takes `details` or `retry_after`, alone: `#[stytch(details)]` sends the field as the envelope's `error_details`, `#[stytch(retry_after)]` (a `Duration`, or a `u64` of seconds) as the `Retry-After` header; status, message and the rest go on the type or on its variants"),
                }
            } else if path.is_ident("from") || path.is_ident("source") {
                if marked_source.is_some() {
                    cx.error_spanned_by(attr, "only one field can be the source of an error: `#[source]` and `#[from]` mark it");
                } else if path.is_ident("from") && fields.len() != 1 {
                    marked_source = Some(index);
                    cx.error_spanned_by(attr, format!("`#[from]` makes `From<field>` for `{name}`, so the field must be its only one, and `{name}` has {}; mark the field `#[source]` instead", fields.len()));
                } else {
                    marked_source = Some(index);
                    from = from.or(path.is_ident("from").then_some(index));
                }
            }
        }
        if field.ident.as_ref().is_some_and(|ident| ident == "source") {
            named_source = Some(index);
        }
    }
    let field = |index: usize| list.fields[index].clone();
    let source = marked_source.or(named_source).map(field);
    (
        source,
        from.map(field),
        details.map(|index| list.fields[index].0.clone()),
        retry_after.map(field),
    )
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
