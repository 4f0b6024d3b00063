//! The checks on a parsed set (names, statuses, prose, URLs, uniqueness), and the model the
//! expansion is built from.

use std::collections::HashMap;

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Attribute, Ident, LitInt, LitStr, Path, Token, punctuated::Punctuated};

use super::ast::{Entry, Name, Set};
use crate::ctxt::Ctxt;
use crate::names;
use crate::rules::{self, check_prose, check_status, template};
use crate::url::{self, Template};

/// The generated inherent items that share a namespace with the wire-name constants, and the
/// methods of `StytchError` and `ErrorSet`, which a constant of the same name would shadow in
/// `Set::name(...)` calls.
pub const ACCESSORS: &[&str] = &[
    "entry_info",
    "envelope",
    "error_message",
    "error_type",
    "error_url",
    "from_error_type",
    "http_status",
    "info",
    "similar",
    "status_code",
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

impl First<'_> {
    fn note(&self) -> (&TokenStream, String) {
        let note = format!(
            "`{}` is first declared here, under {}",
            self.error_type, self.status_code
        );
        (&self.name.tokens, note)
    }
}

/// What has been declared so far in a set, for the checks of uniqueness.
struct Checker<'a, 'c> {
    set: &'a Set,
    cx: &'c Ctxt,
    set_url: Option<Template>,
    statuses: HashMap<u16, &'a LitInt>,
    /// The entries by variant, which two error_types make only if they are alike.
    variants: HashMap<String, First<'a>>,
    fragments: HashMap<String, First<'a>>,
    /// Entries left without a URL, reported once for the set.
    without_url: Vec<String>,
}

/// The model of a set. An entry that fails a check is reported, and left out of the model
/// unless a usable name can be made for it (a near miss is expanded under its corrected
/// spelling), so that the user's other code sees the set it expects and no follow-on errors.
pub fn check<'a>(set: &'a Set, cx: &Ctxt) -> Model<'a> {
    let krate =
        (set.options.krate.as_ref()).map_or_else(|| quote!(::stytch_errors), |path| quote!(#path));
    let mut checker = Checker {
        set,
        cx,
        set_url: set.options.url.as_ref().and_then(|lit| template(lit, cx)),
        statuses: HashMap::new(),
        variants: HashMap::new(),
        fragments: HashMap::new(),
        without_url: Vec::new(),
    };
    let mut entries = Vec::new();
    for group in &set.groups {
        let status_code = checker.status(&group.status);
        for entry in &group.entries {
            entries.extend(checker.entry(entry, status_code));
        }
    }
    // Unless the set's options could not be read: the URL may be what was misspelled there.
    if !checker.without_url.is_empty() && !set.options.broken {
        let set = &set.ident;
        cx.error_spanned_by(set, format!("`{set}` gives no documentation URL for {}: add `#[stytch(url = \"https://example.com/docs/errors/{{status}}#{{fragment}}\")]` to the enum, or `url: \"https://...\"` to each entry's `{{ ... }}` block", names::list_some(&checker.without_url)));
    }
    if set.groups.iter().all(|group| group.entries.is_empty()) && cx.count() == 0 {
        cx.error_spanned_by(&set.ident, format!("`{}` declares no errors; add a status group such as `404 {{ widget_not_found: \"Widget could not be found.\", }}`", set.ident));
    }
    Model {
        set,
        attrs: pass_through(&set.attrs, &set.ident, cx),
        krate,
        entries,
    }
}

impl<'a> Checker<'a, '_> {
    /// The status of a group, 500 when it is not a valid one (after reporting it).
    fn status(&mut self, status: &'a LitInt) -> u16 {
        let Some(status_code) = check_status(status, self.cx) else {
            return 500;
        };
        if let Some(first) = self.statuses.insert(status_code, status) {
            let message = format!(
                "status {status_code} has two groups in `{}`; merge their entries into one `{status_code} {{ ... }}`",
                self.set.ident
            );
            let note = format!("the first group of status {status_code} is here");
            self.cx.error_with_first((status, message), (first, note));
        }
        status_code
    }

    /// The model of an entry, unless its name is unusable or already taken.
    fn entry(&mut self, entry: &'a Entry, status_code: u16) -> Option<ModelEntry<'a>> {
        let (cx, set) = (self.cx, &self.set.ident);
        let error_type = check_name(&entry.name, set, cx)?;
        // A name declared twice, or two that make the same variant (`a1`, `a_1`): the first
        // declaration stands for both in the expansion.
        let variant = names::to_upper_camel_case(&error_type);
        if let Some(first) = self.variants.get(&variant) {
            let message = if first.error_type == error_type {
                format!(
                    "error_type `{error_type}` is declared twice in `{set}`: under {} and again here under {status_code}; an error_type names one error of the set",
                    first.status_code
                )
            } else {
                format!(
                    "error_types `{}` and `{error_type}` both become the variant `{set}::{variant}`; rename one of them",
                    first.error_type
                )
            };
            cx.error_with_first((&entry.name.tokens, message), first.note());
            return None;
        }
        let first = First {
            name: &entry.name,
            status_code,
            error_type: error_type.clone(),
        };
        self.variants.insert(variant.clone(), first);

        let details = &entry.details;
        let prose = |lit: &LitStr, kind| check_prose(lit, kind, &error_type, cx);
        let list = |items: &Option<Vec<LitStr>>, kind| {
            items.iter().flatten().map(|lit| prose(lit, kind)).collect()
        };
        let message = prose(&entry.message, rules::MESSAGE);
        let title = details.title.as_ref().map(|lit| prose(lit, rules::TITLE));
        let description = details
            .description
            .as_ref()
            .map(|lit| prose(lit, rules::DESCRIPTION));
        let causes = list(&details.causes, rules::CAUSE);
        let troubleshooting = list(&details.troubleshooting, rules::STEP);
        let fragment = self.fragment(entry, status_code, &error_type);
        let render = |template: &Template| template.render(status_code, &error_type, &fragment);
        let own_template = details.url.as_ref().and_then(|lit| template(lit, cx));
        let used_template = match &details.url {
            Some(_) => own_template.as_ref(),
            None => {
                if self.set.options.url.is_none() {
                    self.without_url.push(error_type.clone());
                }
                self.set_url.as_ref()
            }
        };
        // A declared fragment matters only through `{fragment}`: without it, the docs page
        // would anchor the entry where its `error_url` does not point.
        if let (Some(lit), Some(false)) = (
            &details.fragment,
            used_template.map(Template::uses_fragment),
        ) {
            let whose = if details.url.is_some() {
                "the entry's `url`"
            } else {
                "the set's URL template"
            };
            cx.error_spanned_by(lit, format!("`fragment` is only shown through `{{fragment}}` in the URL, and {whose} for `{error_type}` has none: use `{{fragment}}` in the template, or remove `fragment`"));
        }
        let url = used_template.map(render);
        // The wire-name constant: the error_type itself, raw when it is a keyword (`r#type`).
        let constant = if names::is_keyword(&error_type) {
            Ident::new_raw
        } else {
            Ident::new
        };
        Some(ModelEntry {
            entry,
            status_code,
            variant: Ident::new(&variant, entry.name.span),
            constant: constant(&error_type, entry.name.span),
            title: title.unwrap_or_else(|| names::to_sentence_case(&error_type)),
            description: description.unwrap_or_else(|| message.clone()),
            message,
            causes,
            troubleshooting,
            url: url.unwrap_or_default(),
            fragment,
            error_type,
        })
    }

    /// The fragment of an entry: declared, or its error_type; checked and unique.
    fn fragment(&mut self, entry: &'a Entry, status_code: u16, error_type: &str) -> String {
        let cx = self.cx;
        let declared = entry.details.fragment.as_ref();
        let fragment = declared.map_or_else(|| error_type.to_owned(), LitStr::value);
        if let Some(problem) = declared.and_then(|_| url::check_fragment(&fragment)) {
            cx.error_spanned_by(declared, problem);
        }
        if let Some(first) = self.fragments.get(&fragment) {
            let at = declared.map_or_else(|| entry.name.tokens.clone(), |lit| quote!(#lit));
            let message = format!(
                "fragment `{fragment}` of `{error_type}` ({status_code}) is already the fragment of `{}` ({}); fragments anchor each entry's documentation and must be unique within `{}`",
                first.error_type, first.status_code, self.set.ident
            );
            cx.error_with_first((at, message), first.note());
        } else {
            let first = First {
                name: &entry.name,
                status_code,
                error_type: error_type.to_owned(),
            };
            self.fragments.insert(fragment.clone(), first);
        }
        fragment
    }
}

/// The error_type an entry's name stands for, if it is valid or can be corrected (the
/// corrected name keeps the expansion going after the error is reported).
fn check_name(name: &Name, set: &Ident, cx: &Ctxt) -> Option<String> {
    let text = &name.text;
    if !name.quoted && names::is_snake_case(text) {
        let problem = unusable(text, set);
        if let Some(problem) = &problem {
            cx.error_spanned_by(&name.tokens, problem);
        }
        return problem.is_none().then(|| text.clone());
    }
    // A correction that would be refused in turn (`Self` -> `self`) is not suggested.
    let corrected = names::to_snake_case(text).filter(|name| unusable(name, set).is_none());
    let message = if name.quoted {
        let write = corrected.as_deref().unwrap_or("widget_not_found");
        format!("write the error_type as a bare name, without quotes: `{write}: \"...\"`")
    } else {
        rules::not_snake_case(text, corrected.as_ref().map(|fix| format!("`{fix}`")))
    };
    cx.error_spanned_by(&name.tokens, message);
    corrected
}

/// Why a well-formed name still cannot be an error_type of a set, if it cannot.
fn unusable(name: &str, set: &Ident) -> Option<String> {
    if names::UNUSABLE_WORDS.contains(&name) {
        return Some(format!(
            "`{name}` cannot be an error_type: it is a Rust path keyword, which cannot name the constant `{set}::{name}`"
        ));
    }
    if ACCESSORS.contains(&name) {
        return Some(format!(
            "`{name}` cannot be an error_type of a `stytch_errors!` set: the constant `{set}::{name}` would collide with the method `{set}::{name}()` of every set (reserved: {})",
            names::list(ACCESSORS)
        ));
    }
    rules::too_long(name)
}

/// The attributes of the set to put on the enum. A `derive` of a trait the macro implements is
/// reported and left out, so that the report is not followed by a conflicting-impl error.
fn pass_through(attrs: &[Attribute], set: &Ident, cx: &Ctxt) -> Vec<TokenStream> {
    let derived = |meta: &syn::Meta| match meta {
        syn::Meta::List(list) if list.path.is_ident("derive") => list
            .parse_args_with(Punctuated::<Path, Token![,]>::parse_terminated)
            .ok(),
        _ => None,
    };
    let mut passed = Vec::new();
    for attr in attrs {
        if let Some(paths) = derived(&attr.meta) {
            let kept: Vec<_> = paths
                .into_iter()
                .filter(|path| !derive_conflict(path, set, cx))
                .collect();
            if !kept.is_empty() {
                passed.push(quote!(#[derive(#(#kept),*)]));
            }
            continue;
        }
        // `#[cfg_attr(predicate, derive(...))]` derives as surely when its predicate holds: it
        // is left out whole when it derives a conflicting trait.
        let metas = attr
            .path()
            .is_ident("cfg_attr")
            .then(|| attr.parse_args_with(Punctuated::<syn::Meta, Token![,]>::parse_terminated));
        let derives = metas.into_iter().flatten().flatten().skip(1);
        let conflict = derives
            .filter_map(|meta| derived(&meta))
            .flatten()
            .fold(false, |conflict, path| {
                derive_conflict(&path, set, cx) | conflict
            });
        if !conflict {
            passed.push(quote!(#attr));
        }
    }
    passed
}
/// Reports a derived trait that the set implements itself or cannot have; whether it did.
fn derive_conflict(path: &Path, set: &Ident, cx: &Ctxt) -> bool {
    let name = path.segments.last().map(|last| last.ident.to_string());
    match name.as_deref() {
        Some(name) if IMPLEMENTED.contains(&name) => cx.error_spanned_by(path, format!("`stytch_errors!` already implements `{name}` for `{set}`; remove it from this derive")),
        Some("Default") => cx.error_spanned_by(path, format!("`{set}` cannot derive `Default`: an error set has no default entry; remove it from this derive")),
        _ => return false,
    }
    true
}
