//! The checks of DESIGN section 5 on a parsed set, and the model the expansion is built from.
//!
//! Checking never stops at the first problem. Entries that fail a check still go into the model
//! when a usable name can be made for them (a near miss is expanded under its corrected
//! spelling), so that the user's other code sees the set it expects and no follow-on errors.

use std::collections::HashMap;

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::{Attribute, Ident, LitStr, Path, Token, punctuated::Punctuated};

use super::ast::{Entry, Name, Set};
use crate::ctxt::Ctxt;
use crate::names;
use crate::url::{self, Template};

/// The generated inherent items that share a namespace with the wire-name constants.
pub const ACCESSORS: &[&str] = &[
    "error_type",
    "from_error_type",
    "info",
    "message",
    "status_code",
    "url",
];

/// The traits `stytch_errors!` implements itself, which a `derive` must not repeat.
const IMPLEMENTED: &[&str] = &[
    "Clone",
    "Copy",
    "Debug",
    "Deserialize",
    "Eq",
    "Hash",
    "Ord",
    "PartialEq",
    "PartialOrd",
    "Serialize",
];

/// A set ready to expand: every value computed, every name usable.
pub struct Model<'a> {
    pub set: &'a Set,
    /// The set's attributes to pass through, derives stripped of traits implemented here.
    pub attrs: Vec<TokenStream>,
    pub krate: TokenStream,
    pub entries: Vec<ModelEntry<'a>>,
}

pub struct ModelEntry<'a> {
    pub entry: &'a Entry,
    pub status_code: u16,
    pub error_type: String,
    pub variant: Ident,
    pub constant: Ident,
    pub message: String,
    pub title: String,
    pub description: String,
    pub causes: Vec<String>,
    pub troubleshooting: Vec<String>,
    pub fragment: String,
    pub url: String,
}

/// Where a name was first declared, for the second half of a "declared twice" message.
struct First<'a> {
    name: &'a Name,
    status_code: u16,
    error_type: String,
}

pub fn check<'a>(set: &'a Set, cx: &Ctxt) -> Model<'a> {
    let attrs = pass_through(&set.attrs, &set.ident, cx);
    let set_url = set.options.url.as_ref().and_then(|lit| template(lit, cx));
    let krate = match &set.options.krate {
        Some(path) => quote!(#path),
        None => quote!(::stytch_errors),
    };

    let mut statuses: HashMap<u16, &syn::LitInt> = HashMap::new();
    let mut error_types: HashMap<String, First> = HashMap::new();
    let mut variants: HashMap<String, First> = HashMap::new();
    let mut fragments: HashMap<String, First> = HashMap::new();
    let mut entries = Vec::new();
    for group in &set.groups {
        let status_code = check_status(&group.status, cx);
        if let Some(status_code) = status_code
            && let Some(first) = statuses.insert(status_code, &group.status)
        {
            cx.error_spanned_by(
                &group.status,
                format!(
                    "status {status_code} has two groups in `{}`; merge their entries into one `{status_code} {{ ... }}`",
                    set.ident
                ),
            );
            cx.error_spanned_by(
                first,
                format!("the first group of status {status_code} is here"),
            );
        }
        let status_code = status_code.unwrap_or(500);
        for entry in &group.entries {
            let Some(error_type) = check_name(&entry.name, &set.ident, cx) else {
                continue;
            };
            let here = || First {
                name: &entry.name,
                status_code,
                error_type: error_type.clone(),
            };
            if let Some(first) = error_types.get(&error_type) {
                cx.error_spanned_by(
                    &entry.name.tokens,
                    format!(
                        "error_type `{error_type}` is declared twice in `{}`: under {} and again here under {status_code}; an error_type names one error of the set",
                        set.ident, first.status_code
                    ),
                );
                cx.error_spanned_by(
                    &first.name.tokens,
                    format!(
                        "`{error_type}` is first declared here, under {}",
                        first.status_code
                    ),
                );
                continue;
            }
            error_types.insert(error_type.clone(), here());
            let variant_name = names::to_upper_camel_case(&error_type);
            if let Some(first) = variants.get(&variant_name) {
                cx.error_spanned_by(
                    &entry.name.tokens,
                    format!(
                        "error_types `{}` and `{error_type}` both become the variant `{}::{variant_name}`; rename one of them",
                        first.error_type, set.ident
                    ),
                );
                continue;
            }
            variants.insert(variant_name.clone(), here());

            let details = &entry.details;
            let message = check_prose(&entry.message, "message", &error_type, cx);
            let title = details
                .title
                .as_ref()
                .map(|lit| check_prose(lit, "title", &error_type, cx));
            let description = details
                .description
                .as_ref()
                .map(|lit| check_prose(lit, "description", &error_type, cx));
            let causes = prose_list(details.causes.as_deref(), "cause", &error_type, cx);
            let troubleshooting = prose_list(
                details.troubleshooting.as_deref(),
                "troubleshooting step",
                &error_type,
                cx,
            );

            let fragment = match &details.fragment {
                Some(lit) => {
                    let fragment = lit.value();
                    if let Some(problem) = url::check_fragment(&fragment) {
                        cx.error_spanned_by(lit, problem);
                    }
                    fragment
                }
                None => error_type.clone(),
            };
            if let Some(first) = fragments.get(&fragment) {
                let at = details
                    .fragment
                    .as_ref()
                    .map_or(entry.name.tokens.clone(), |lit| quote!(#lit));
                cx.error_spanned_by(
                    at,
                    format!(
                        "fragment `{fragment}` of `{error_type}` ({status_code}) is already the fragment of `{}` ({}); fragments anchor each entry's documentation and must be unique within `{}`",
                        first.error_type, first.status_code, set.ident
                    ),
                );
            } else {
                fragments.insert(fragment.clone(), here());
            }

            let url = match (&details.url, &set_url) {
                (Some(lit), _) => {
                    template(lit, cx).map(|t| t.render(status_code, &error_type, &fragment))
                }
                (None, Some(template)) => {
                    Some(template.render(status_code, &error_type, &fragment))
                }
                (None, None) => {
                    if set.options.url.is_none() {
                        cx.error_spanned_by(
                            &entry.name.tokens,
                            format!(
                                "`{error_type}` has no documentation URL: add `#[stytch(url = \"https://example.com/docs/errors/{{status}}#{{fragment}}\")]` to `{}`, or `url: \"https://...\"` to the entry's `{{ ... }}` block",
                                set.ident
                            ),
                        );
                    }
                    None
                }
            };

            entries.push(ModelEntry {
                entry,
                status_code,
                variant: Ident::new(&variant_name, entry.name.span()),
                constant: constant_ident(&error_type, entry.name.span()),
                title: title.unwrap_or_else(|| names::to_sentence_case(&error_type)),
                description: description.unwrap_or_else(|| message.clone()),
                message,
                causes,
                troubleshooting,
                fragment,
                url: url.unwrap_or_default(),
                error_type,
            });
        }
    }
    if set.groups.iter().all(|group| group.entries.is_empty()) && !cx.has_errors() {
        cx.error_spanned_by(
            &set.ident,
            format!(
                "`{}` declares no errors; add a status group such as `404 {{ widget_not_found: \"Widget could not be found.\", }}`",
                set.ident
            ),
        );
    }
    Model {
        set,
        attrs,
        krate,
        entries,
    }
}

fn check_status(status: &syn::LitInt, cx: &Ctxt) -> Option<u16> {
    match status.base10_parse::<u16>() {
        Ok(code) if (400..=599).contains(&code) => Some(code),
        _ => {
            cx.error_spanned_by(
                status,
                format!(
                    "`{}` is not an HTTP error status; error statuses are 400..=599, such as 404 or 409",
                    status.base10_digits()
                ),
            );
            None
        }
    }
}

/// The error_type an entry's name stands for, if it is valid or can be corrected (the
/// corrected name keeps the expansion going after the error is reported).
fn check_name(name: &Name, set: &Ident, cx: &Ctxt) -> Option<String> {
    let text = &name.text;
    let corrected = if name.quoted {
        let corrected = names::to_snake_case(text);
        let write = corrected.as_deref().unwrap_or("widget_not_found");
        cx.error_spanned_by(
            &name.tokens,
            format!("write the error_type as a bare name, without quotes: `{write}: \"...\"`"),
        );
        corrected?
    } else if !names::is_snake_case(text) {
        let corrected = names::to_snake_case(text);
        let rule = "error_types are lower snake_case: lowercase letters and digits in words joined by single underscores, starting with a letter";
        match &corrected {
            Some(corrected) => cx.error_spanned_by(
                &name.tokens,
                format!("invalid error_type `{text}`: {rule}; write `{corrected}`"),
            ),
            None => {
                cx.error_spanned_by(&name.tokens, format!("invalid error_type `{text}`: {rule}"))
            }
        }
        corrected?
    } else {
        if let Some(problem) = unusable(text, set) {
            cx.error_spanned_by(&name.tokens, problem);
            return None;
        }
        return Some(text.clone());
    };
    // Already reported: keep the corrected name only if it is usable as it is.
    unusable(&corrected, set).is_none().then_some(corrected)
}

/// Why a well-formed name still cannot be an error_type of a set, if it cannot.
fn unusable(name: &str, set: &Ident) -> Option<String> {
    if name.len() > names::MAX_ERROR_TYPE_LEN {
        return Some(format!(
            "error_type `{name}` is {} bytes long; the limit is {} bytes",
            name.len(),
            names::MAX_ERROR_TYPE_LEN
        ));
    }
    if names::UNUSABLE_WORDS.contains(&name) {
        return Some(format!(
            "`{name}` cannot be an error_type: it is a Rust path keyword, which cannot name the constant `{set}::{name}`"
        ));
    }
    if ACCESSORS.contains(&name) {
        return Some(format!(
            "`{name}` cannot be an error_type of a `stytch_errors!` set: the constant `{set}::{name}` would collide with the generated method `{set}::{name}()` (reserved: {})",
            names::list(ACCESSORS)
        ));
    }
    None
}

/// The value of a prose literal, reported when empty or padded with whitespace.
fn check_prose(lit: &LitStr, what: &str, error_type: &str, cx: &Ctxt) -> String {
    let value = lit.value();
    let trimmed = value.trim();
    if trimmed.is_empty() {
        cx.error_spanned_by(
            lit,
            format!("the {what} of `{error_type}` is empty; say what it is in words"),
        );
    } else if trimmed.len() != value.len() {
        let side = if value.starts_with(char::is_whitespace) {
            "starts"
        } else {
            "ends"
        };
        cx.error_spanned_by(
            lit,
            format!("the {what} of `{error_type}` {side} with whitespace; write {trimmed:?}"),
        );
    }
    value
}

fn prose_list(items: Option<&[LitStr]>, what: &str, error_type: &str, cx: &Ctxt) -> Vec<String> {
    items
        .unwrap_or_default()
        .iter()
        .map(|lit| check_prose(lit, what, error_type, cx))
        .collect()
}

fn template(lit: &LitStr, cx: &Ctxt) -> Option<Template> {
    Template::parse(&lit.value())
        .map_err(|problems| {
            for problem in problems {
                cx.error_spanned_by(lit, problem);
            }
        })
        .ok()
}

/// The wire-name constant: the error_type itself, raw when it is a keyword (`r#type`).
fn constant_ident(error_type: &str, span: Span) -> Ident {
    if names::is_keyword(error_type) {
        Ident::new_raw(error_type, span)
    } else {
        Ident::new(error_type, span)
    }
}

/// The attributes of the set to put on the enum. A `derive` of a trait the macro implements is
/// reported and left out, so that the report is not followed by a conflicting-impl error.
fn pass_through(attrs: &[Attribute], set: &Ident, cx: &Ctxt) -> Vec<TokenStream> {
    let mut passed = Vec::new();
    for attr in attrs {
        let derived = attr
            .path()
            .is_ident("derive")
            .then(|| attr.parse_args_with(Punctuated::<Path, Token![,]>::parse_terminated));
        let Some(Ok(paths)) = derived else {
            passed.push(quote!(#attr));
            continue;
        };
        let mut kept = Vec::new();
        for path in paths {
            let name = path.segments.last().map(|last| last.ident.to_string());
            match name {
                Some(name) if IMPLEMENTED.contains(&name.as_str()) => cx.error_spanned_by(
                    &path,
                    format!("`stytch_errors!` already implements `{name}` for `{set}`; remove it from this derive"),
                ),
                _ => kept.push(path),
            }
        }
        if !kept.is_empty() {
            passed.push(quote!(#[derive(#(#kept),*)]));
        }
    }
    passed
}
