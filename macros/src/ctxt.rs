//! The one recovery mechanism of both macros. Every stage reports to a `Ctxt` and goes on, so
//! that a user with three mistakes sees three errors in one build, in the order of the source;
//! parsing skips past what it cannot read (the helpers here), checking leaves out what is not
//! valid, and the expansion of an input with errors is the fallback of its macro.

use std::cell::RefCell;
use std::fmt::Display;

use proc_macro2::{Delimiter, TokenStream, TokenTree};
use quote::ToTokens;
use syn::Ident;
use syn::parse::ParseStream;

use crate::names;

#[derive(Default)]
pub struct Ctxt {
    errors: RefCell<Vec<syn::Error>>,
}

impl Ctxt {
    /// An error spanned on the tokens of `tokens`, from the first to the last.
    pub fn error_spanned_by(&self, tokens: impl ToTokens, message: impl Display) {
        self.push(syn::Error::new_spanned(tokens.into_token_stream(), message));
    }

    /// An error, and a note that points at where the conflicting item was first given: both
    /// shown together, where the error stands.
    pub fn error_with_first(
        &self,
        (tokens, message): (impl ToTokens, impl Display),
        (first, note): (impl ToTokens, impl Display),
    ) {
        let mut error = syn::Error::new_spanned(tokens.into_token_stream(), message);
        error.combine(syn::Error::new_spanned(first.into_token_stream(), note));
        self.push(error);
    }

    pub fn push(&self, error: syn::Error) {
        self.errors.borrow_mut().push(error);
    }

    pub fn count(&self) -> usize {
        self.errors.borrow().len()
    }

    /// Every error, as `compile_error!` invocations in the order of the source.
    pub fn into_compile_errors(self) -> TokenStream {
        let mut errors = self.errors.into_inner();
        errors.sort_by_key(|error| {
            let start = error.span().start();
            (start.line, start.column)
        });
        errors
            .into_iter()
            .map(syn::Error::into_compile_error)
            .collect()
    }
}

pub fn set_once<T>(cx: &Ctxt, key: &Ident, what: &str, slot: &mut Option<T>, value: T) {
    if slot.is_some() {
        let message = format!("duplicate {what} `{key}`: give each {what} once");
        cx.error_spanned_by(key, message);
    } else {
        *slot = Some(value);
    }
}

/// "unknown key `titel` in an entry's details; did you mean `title`? Valid: ..."
pub fn unknown(what: &str, name: &str, place: &str, valid: &[&str]) -> String {
    let all = names::list(valid);
    match meant(name, valid) {
        Some(close) => {
            format!("unknown {what} `{name}` {place}; did you mean `{close}`? Valid: {all}")
        }
        None => format!("unknown {what} `{name}` {place}; valid: {all}"),
    }
}

/// The valid name that an unknown `name` stands for: a near miss, or a name other crates use
/// for the same thing (`msg`, `code`), too far from ours to be a typo of it.
pub fn meant<'a>(name: &str, valid: &[&'a str]) -> Option<&'a str> {
    const ALIASES: &[(&str, &str)] = &[
        ("msg", "message"),
        ("code", "status"),
        ("status_code", "status"),
        ("http_status", "status"),
        ("error", "message"),
        ("kind", "error_type"),
    ];
    ALIASES
        .iter()
        .find(|(alias, _)| *alias == name)
        .and_then(|(_, meant)| valid.iter().find(|valid| *valid == meant).copied())
        .or_else(|| names::did_you_mean(name, valid))
}

/// Parses items until `input` ends. One that cannot be read is reported, and parsing goes on
/// past the next `,` (past the next `{ ... }` for items that end with one, `group`).
pub fn parse_all<T>(
    input: ParseStream,
    cx: &Ctxt,
    group: bool,
    mut item: impl FnMut(ParseStream) -> syn::Result<T>,
) -> Vec<T> {
    let mut items = Vec::new();
    while !input.is_empty() {
        match item(input) {
            Ok(parsed) => items.push(parsed),
            Err(error) => {
                cx.push(error);
                skip_past(input, group);
            }
        }
    }
    items
}

pub fn skip_past(input: ParseStream, group: bool) {
    let _ = input.step(|cursor| {
        let mut rest = *cursor;
        while let Some((token, next)) = rest.token_tree() {
            rest = next;
            match token {
                TokenTree::Punct(punct) if !group && punct.as_char() == ',' => break,
                TokenTree::Group(found) if group && found.delimiter() == Delimiter::Brace => break,
                _ => {}
            }
        }
        Ok(((), rest))
    });
}
