//! The checks on a parsed set (names, statuses, prose, URLs, uniqueness), and the model the
//! expansion is built from.
//!
//! Checking never stops at the first problem. Entries that fail a check still go into the model
//! when a usable name can be made for them (a near miss is expanded under its corrected
//! spelling), so that the user's other code sees the set it expects and no follow-on errors.

use std::collections::HashMap;

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::{Attribute, Ident, LitInt, LitStr, Path, Token, punctuated::Punctuated};

use super::ast::{Entry, Name, Set};
use crate::ctxt::Ctxt;
use crate::names;
use crate::rules::{Prose, check_prose, check_status, prose_list, template};
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

/// What has been declared so far in a set, for the checks of uniqueness.
struct Checker<'a, 'c> {
    set: &'a Set,
    cx: &'c Ctxt,
    set_url: Option<Template>,
    statuses: HashMap<u16, &'a LitInt>,
    error_types: HashMap<String, First<'a>>,
    variants: HashMap<String, First<'a>>,
    fragments: HashMap<String, First<'a>>,
    /// Entries left without a URL, reported once for the set.
    without_url: Vec<String>,
}

pub fn check<'a>(set: &'a Set, cx: &Ctxt) -> Model<'a> {
    cx.check_at(set.mark);
    let attrs = pass_through(&set.attrs, &set.ident, cx);
    let krate = match &set.options.krate {
        Some(path) => quote!(#path),
        None => quote!(::stytch_errors),
    };
    let mut checker = Checker {
        set,
        cx,
        set_url: set.options.url.as_ref().and_then(|lit| template(lit, cx)),
        statuses: HashMap::new(),
        error_types: HashMap::new(),
        variants: HashMap::new(),
        fragments: HashMap::new(),
        without_url: Vec::new(),
    };
    let mut entries = Vec::new();
    for group in &set.groups {
        cx.check_at(group.mark);
        let status_code = checker.status(&group.status);
        for entry in &group.entries {
            cx.check_at(entry.mark);
            entries.extend(checker.entry(entry, status_code));
        }
    }
    cx.check_at(set.mark);
    checker.report_missing_urls();
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

impl<'a> Checker<'a, '_> {
    /// The status of a group, 500 when it is not a valid one (after reporting it).
    fn status(&mut self, status: &'a LitInt) -> u16 {
        let Some(status_code) = check_status(status, self.cx) else {
            return 500;
        };
        if let Some(first) = self.statuses.insert(status_code, status) {
            self.cx.error_spanned_by(
                status,
                format!(
                    "status {status_code} has two groups in `{}`; merge their entries into one `{status_code} {{ ... }}`",
                    self.set.ident
                ),
            );
            self.cx.error_spanned_by(
                first,
                format!("the first group of status {status_code} is here"),
            );
        }
        status_code
    }

    /// The model of an entry, unless its name is unusable or already taken.
    fn entry(&mut self, entry: &'a Entry, status_code: u16) -> Option<ModelEntry<'a>> {
        let (cx, set) = (self.cx, &self.set.ident);
        let error_type = check_name(&entry.name, set, cx)?;
        let here = First {
            name: &entry.name,
            status_code,
            error_type: error_type.clone(),
        };
        if let Some(first) = self.error_types.get(&error_type) {
            cx.error_spanned_by(
                &entry.name.tokens,
                format!(
                    "error_type `{error_type}` is declared twice in `{set}`: under {} and again here under {status_code}; an error_type names one error of the set",
                    first.status_code
                ),
            );
            first_declared_here(cx, first);
            // The first declaration stands for both in the expansion.
            return None;
        }
        let variant = self.variant(&here);
        self.error_types.insert(error_type.clone(), here);

        let details = &entry.details;
        let message = check_prose(&entry.message, Prose::Message, &error_type, cx);
        let title = details
            .title
            .as_ref()
            .map(|lit| check_prose(lit, Prose::Title, &error_type, cx));
        let description = details
            .description
            .as_ref()
            .map(|lit| check_prose(lit, Prose::Description, &error_type, cx));
        let causes = prose_list(details.causes.as_deref(), Prose::Cause, &error_type, cx);
        let troubleshooting = prose_list(
            details.troubleshooting.as_deref(),
            Prose::Step,
            &error_type,
            cx,
        );
        let fragment = self.fragment(entry, status_code, &error_type);
        let url = self.url(entry, status_code, &error_type, &fragment);
        Some(ModelEntry {
            entry,
            status_code,
            variant,
            constant: constant_ident(&error_type, entry.name.span()),
            title: title.unwrap_or_else(|| names::to_sentence_case(&error_type)),
            description: description.unwrap_or_else(|| message.clone()),
            message,
            causes,
            troubleshooting,
            fragment,
            url: url.unwrap_or_default(),
            error_type,
        })
    }

    /// The variant of an entry. Two names that make the same variant (`a1`, `a_1`) are
    /// reported; the second gets a made-up variant so that its constant still expands.
    fn variant(&mut self, here: &First<'a>) -> Ident {
        let mut name = names::to_upper_camel_case(&here.error_type);
        if let Some(first) = self.variants.get(&name) {
            self.cx.error_spanned_by(
                &here.name.tokens,
                format!(
                    "error_types `{}` and `{}` both become the variant `{}::{name}`; rename one of them",
                    first.error_type, here.error_type, self.set.ident
                ),
            );
            first_declared_here(self.cx, first);
            let base = name.clone();
            let mut n = 2;
            while self.variants.contains_key(&name) {
                name = format!("{base}{n}");
                n += 1;
            }
        }
        self.variants.insert(
            name.clone(),
            First {
                name: here.name,
                status_code: here.status_code,
                error_type: here.error_type.clone(),
            },
        );
        Ident::new(&name, here.name.span())
    }

    /// The fragment of an entry: declared, or its error_type; checked and unique.
    fn fragment(&mut self, entry: &'a Entry, status_code: u16, error_type: &str) -> String {
        let cx = self.cx;
        let declared = entry.details.fragment.as_ref();
        let fragment = declared.map_or_else(|| error_type.to_owned(), LitStr::value);
        if let Some(problem) = declared.and_then(|_| url::check_fragment(&fragment)) {
            cx.error_spanned_by(declared, problem);
        }
        match self.fragments.get(&fragment) {
            Some(first) => {
                let at = declared.map_or_else(|| entry.name.tokens.clone(), |lit| quote!(#lit));
                cx.error_spanned_by(
                    at,
                    format!(
                        "fragment `{fragment}` of `{error_type}` ({status_code}) is already the fragment of `{}` ({}); fragments anchor each entry's documentation and must be unique within `{}`",
                        first.error_type, first.status_code, self.set.ident
                    ),
                );
                first_declared_here(cx, first);
            }
            None => {
                let first = First {
                    name: &entry.name,
                    status_code,
                    error_type: error_type.to_owned(),
                };
                self.fragments.insert(fragment.clone(), first);
            }
        }
        fragment
    }

    /// The URL of an entry: its own template, or the set's.
    fn url(
        &mut self,
        entry: &Entry,
        status_code: u16,
        error_type: &str,
        fragment: &str,
    ) -> Option<String> {
        let render = |template: &Template| template.render(status_code, error_type, fragment);
        match &entry.details.url {
            Some(lit) => template(lit, self.cx).as_ref().map(render),
            None => {
                if self.set.options.url.is_none() {
                    self.without_url.push(error_type.to_owned());
                }
                self.set_url.as_ref().map(render)
            }
        }
    }

    /// One error for every entry left without a URL, unless the set's options could not be read
    /// (the URL may be what was misspelled there, and is reported already).
    fn report_missing_urls(&self) {
        if self.without_url.is_empty() || self.set.options.broken {
            return;
        }
        let set = &self.set.ident;
        self.cx.error_spanned_by(
            set,
            format!(
                "`{set}` gives no documentation URL for {}: add `#[stytch(url = \"https://example.com/docs/errors/{{status}}#{{fragment}}\")]` to the enum, or `url: \"https://...\"` to each entry's `{{ ... }}` block",
                names::list_some(&self.without_url)
            ),
        );
    }
}

fn first_declared_here(cx: &Ctxt, first: &First) {
    cx.error_spanned_by(
        &first.name.tokens,
        format!(
            "`{}` is first declared here, under {}",
            first.error_type, first.status_code
        ),
    );
}

/// The error_type an entry's name stands for, if it is valid or can be corrected (the
/// corrected name keeps the expansion going after the error is reported).
fn check_name(name: &Name, set: &Ident, cx: &Ctxt) -> Option<String> {
    let text = &name.text;
    let corrected = if name.quoted {
        let corrected = names::to_snake_case(text).filter(|name| unusable(name, set).is_none());
        let write = corrected.as_deref().unwrap_or("widget_not_found");
        cx.error_spanned_by(
            &name.tokens,
            format!("write the error_type as a bare name, without quotes: `{write}: \"...\"`"),
        );
        corrected?
    } else if !names::is_snake_case(text) {
        // A correction that would be refused in turn (`Self` -> `self`) is not suggested.
        let corrected = names::to_snake_case(text).filter(|name| unusable(name, set).is_none());
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
            "`{name}` cannot be an error_type of a `stytch_errors!` set: the constant `{set}::{name}` would collide with the method `{set}::{name}()` of every set (reserved: {})",
            names::list(ACCESSORS)
        ));
    }
    None
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
        // `#[cfg_attr(predicate, derive(...))]` derives as surely when its predicate holds.
        if attr.path().is_ident("cfg_attr")
            && let Ok(metas) =
                attr.parse_args_with(Punctuated::<syn::Meta, Token![,]>::parse_terminated)
        {
            let mut conflict = false;
            for meta in metas.iter().skip(1) {
                let syn::Meta::List(list) = meta else {
                    continue;
                };
                if !list.path.is_ident("derive") {
                    continue;
                }
                let Ok(paths) =
                    list.parse_args_with(Punctuated::<Path, Token![,]>::parse_terminated)
                else {
                    continue;
                };
                for path in paths {
                    conflict |= derive_conflict(&path, set, cx);
                }
            }
            if !conflict {
                passed.push(quote!(#attr));
            }
            continue;
        }
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
            if !derive_conflict(&path, set, cx) {
                kept.push(path);
            }
        }
        if !kept.is_empty() {
            passed.push(quote!(#[derive(#(#kept),*)]));
        }
    }
    passed
}

/// Reports a derived trait that the set implements itself or cannot have; whether it did.
fn derive_conflict(path: &Path, set: &Ident, cx: &Ctxt) -> bool {
    let name = path.segments.last().map(|last| last.ident.to_string());
    match name.as_deref() {
        Some(name) if IMPLEMENTED.contains(&name) => cx.error_spanned_by(
            path,
            format!("`stytch_errors!` already implements `{name}` for `{set}`; remove it from this derive"),
        ),
        Some("Default") => cx.error_spanned_by(
            path,
            format!("`{set}` cannot derive `Default`: an error set has no default entry; remove it from this derive"),
        ),
        _ => return false,
    }
    true
}
