//! Parsing that recovers from a mistake, shared by both macros: skipping to the next item, and
//! the messages for unknown and repeated keys.

use proc_macro2::TokenTree;
use syn::Ident;
use syn::parse::ParseStream;

use crate::ctxt::Ctxt;
use crate::names;

pub fn set_once<T>(cx: &Ctxt, key: &Ident, what: &str, slot: &mut Option<T>, value: T) {
    if slot.is_some() {
        cx.error_spanned_by(
            key,
            format!("duplicate {what} `{key}`: give each {what} once"),
        );
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

pub fn skip_past_comma(input: ParseStream) {
    skip_until(
        input,
        |token| matches!(token, TokenTree::Punct(punct) if punct.as_char() == ','),
    );
}

pub fn skip_past_group(input: ParseStream) {
    skip_until(
        input,
        |token| matches!(token, TokenTree::Group(group) if group.delimiter() == proc_macro2::Delimiter::Brace),
    );
}

pub fn skip_rest(input: ParseStream) {
    skip_until(input, |_| false);
}

/// Consumes tokens up to and including the first for which `last` holds.
pub fn skip_until(input: ParseStream, last: impl Fn(&TokenTree) -> bool) {
    let _ = input.step(|cursor| {
        let mut rest = *cursor;
        while let Some((token, next)) = rest.token_tree() {
            rest = next;
            if last(&token) {
                break;
            }
        }
        Ok(((), rest))
    });
}
