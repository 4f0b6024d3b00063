//! Parsing of `stytch_errors!` input into the typed view of `ast.rs`. Parsing recovers after a
//! mistake (it skips to the next entry, key or group), so that one build reports them all.

use proc_macro2::{TokenStream, TokenTree};
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::token::{Brace, Bracket, Paren};
use syn::{Attribute, Generics, Ident, LitInt, LitStr, Path, Token, Visibility, braced, bracketed};

use super::ast::{Details, Entry, Group, Name, Options, Set};
use crate::ctxt::Ctxt;
use crate::names;

/// The keys of an entry's `{ ... }` block.
pub const DETAIL_KEYS: &[&str] = &[
    "title",
    "description",
    "causes",
    "troubleshooting",
    "fragment",
    "url",
];

/// The options of `#[stytch(...)]` on a set.
pub const SET_OPTIONS: &[&str] = &["url", "crate"];

/// Parses the whole input. What cannot be parsed is reported to `cx` and left out.
pub fn parse(tokens: TokenStream, cx: &Ctxt) -> Vec<Set> {
    let parser = |input: ParseStream| {
        let mut sets = Vec::new();
        while !input.is_empty() {
            match parse_set(input, cx) {
                Ok(set) => sets.push(set),
                Err(error) => {
                    // Past a broken item header there is no telling where the next set starts.
                    cx.push(error);
                    skip_rest(input);
                }
            }
        }
        Ok(sets)
    };
    parser.parse2(tokens).unwrap_or_else(|error| {
        cx.push(error);
        Vec::new()
    })
}

fn parse_set(input: ParseStream, cx: &Ctxt) -> syn::Result<Set> {
    let attrs = input.call(Attribute::parse_outer)?;
    let vis: Visibility = input.parse()?;
    if input.peek(Token![struct]) {
        let token: Token![struct] = input.parse()?;
        return Err(syn::Error::new(
            token.span,
            "`stytch_errors!` declares enums of errors: write `enum` instead of `struct`",
        ));
    }
    if !input.peek(Token![enum]) {
        return Err(input.error(
            "expected `enum`, as in `stytch_errors! { pub enum WidgetError { 404 { ... } } }`",
        ));
    }
    input.parse::<Token![enum]>()?;
    let ident: Ident = input.parse()?;
    if input.peek(Token![<]) {
        let generics: Generics = input.parse()?;
        cx.error_spanned_by(
            &generics,
            "an error set cannot be generic: remove the generic parameters",
        );
    }
    if !input.peek(Brace) {
        return Err(input.error(format!(
            "expected `{{` and the status groups of `{ident}`, as in `enum {ident} {{ 404 {{ ... }} }}`"
        )));
    }
    let content;
    braced!(content in input);
    let groups = parse_groups(&content, cx);

    let mut options = Options::default();
    let mut passed = Vec::new();
    for attr in attrs {
        if attr.path().is_ident("stytch") {
            parse_options(&attr, &mut options, cx);
        } else {
            passed.push(attr);
        }
    }
    Ok(Set {
        attrs: passed,
        vis,
        ident,
        options,
        groups,
    })
}

fn parse_options(attr: &Attribute, options: &mut Options, cx: &Ctxt) {
    let usage = "expected `#[stytch(url = \"https://...\")]`; the options are `url` and `crate`";
    if attr.meta.require_list().is_err() {
        cx.error_spanned_by(attr, usage);
        return;
    }
    let parser = |input: ParseStream| {
        while !input.is_empty() {
            if let Err(error) = parse_option(input, options, cx) {
                cx.push(error);
                skip_past_comma(input);
            }
        }
        Ok(())
    };
    if let Err(error) = attr.parse_args_with(parser) {
        cx.push(error);
    }
}

fn parse_option(input: ParseStream, options: &mut Options, cx: &Ctxt) -> syn::Result<()> {
    let key = input
        .call(Ident::parse_any)
        .map_err(|_| input.error("expected an option such as `url = \"https://...\"`"))?;
    let name = key.to_string();
    if !SET_OPTIONS.contains(&name.as_str()) {
        cx.error_spanned_by(
            &key,
            unknown("option of `#[stytch(...)]`", &name, SET_OPTIONS),
        );
        skip_past_comma(input);
        return Ok(());
    }
    input.parse::<Token![=]>()?;
    if name == "url" {
        let url = input.parse::<LitStr>().map_err(|error| {
            syn::Error::new(
                error.span(),
                "`url` takes a string: `url = \"https://...\"`",
            )
        })?;
        set_once(cx, &key, &mut options.url, url);
    } else {
        // `crate = path`, or `crate = "path"` as serde writes it.
        let path = if input.peek(LitStr) {
            input.parse::<LitStr>()?.parse::<Path>()
        } else {
            input.call(Path::parse_mod_style)
        }
        .map_err(|error| {
            syn::Error::new(error.span(), "`crate` takes a path: `crate = my_errors`")
        })?;
        set_once(cx, &key, &mut options.krate, path);
    }
    if !input.is_empty() {
        input.parse::<Token![,]>()?;
    }
    Ok(())
}

fn parse_groups(input: ParseStream, cx: &Ctxt) -> Vec<Group> {
    let mut groups = Vec::new();
    while !input.is_empty() {
        match parse_group(input, cx) {
            Ok(group) => groups.push(group),
            Err(error) => {
                cx.push(error);
                skip_past_group(input);
            }
        }
    }
    groups
}

fn parse_group(input: ParseStream, cx: &Ctxt) -> syn::Result<Group> {
    let status = input.parse::<LitInt>().map_err(|_| {
        input.error("expected an HTTP status code and its entries, as in `404 { widget_not_found: \"...\", }`")
    })?;
    if !input.peek(Brace) {
        return Err(input.error(format!(
            "expected `{{` after the status, as in `{status} {{ widget_not_found: \"...\", }}`"
        )));
    }
    let content;
    braced!(content in input);
    let entries = parse_entries(&content, cx);
    if input.peek(Token![,]) {
        input.parse::<Token![,]>()?;
    }
    Ok(Group { status, entries })
}

fn parse_entries(input: ParseStream, cx: &Ctxt) -> Vec<Entry> {
    let mut entries = Vec::new();
    while !input.is_empty() {
        match parse_entry(input, cx) {
            Ok(entry) => entries.push(entry),
            Err(error) => {
                cx.push(error);
                skip_past_comma(input);
            }
        }
    }
    entries
}

fn parse_entry(input: ParseStream, cx: &Ctxt) -> syn::Result<Entry> {
    let mut docs = Vec::new();
    for attr in input.call(Attribute::parse_outer)? {
        if attr.path().is_ident("doc") {
            docs.push(attr);
        } else {
            cx.error_spanned_by(
                &attr,
                "unsupported attribute on an entry: entries take doc comments (`/// ...`) only; \
                 put title, description, causes, troubleshooting, fragment and url in the entry's \
                 `{ ... }` block",
            );
        }
    }
    let name = parse_name(input)?;
    input.parse::<Token![:]>()?;
    let message = input.parse::<LitStr>().map_err(|_| {
        input.error(format!(
            "expected the message of `{}` as a string: `{}: \"What went wrong.\"`",
            name.text, name.text
        ))
    })?;
    let details = if input.peek(Brace) {
        let content;
        braced!(content in input);
        parse_details(&content, cx)
    } else {
        None
    };
    if input.peek(Token![,]) {
        input.parse::<Token![,]>()?;
    } else if !input.is_empty() && details.is_none() {
        cx.push(input.error(format!("expected `,` after the entry `{}`", name.text)));
        // A missing comma before the next entry loses nothing; anything else is skipped.
        let next_is_entry = input.peek(Ident::peek_any) && input.peek2(Token![:]);
        if !next_is_entry {
            skip_past_comma(input);
        }
    }
    Ok(Entry {
        docs,
        name,
        message,
        details: details.unwrap_or_default(),
    })
}

/// Reads the tokens before `:` as the error_type, whatever they are, so that a near miss such as
/// `email-not-found` or `EmailNotFound` can be reported with its corrected spelling.
fn parse_name(input: ParseStream) -> syn::Result<Name> {
    let mut text = String::new();
    let mut tokens = TokenStream::new();
    let mut quoted = false;
    let mut after_word = false;
    loop {
        if input.peek(Token![:]) && !input.peek(Token![::]) {
            break;
        }
        let at_group = input.peek(Brace) || input.peek(Bracket) || input.peek(Paren);
        if input.is_empty() || input.peek(Token![,]) || at_group {
            let message = if tokens.is_empty() {
                "expected an entry: `error_type: \"message\"`".to_owned()
            } else {
                format!(
                    "expected `:` and the message after `{text}`: `{text}: \"What went wrong.\"`"
                )
            };
            return Err(input.error(message));
        }
        let token: TokenTree = input.parse()?;
        match &token {
            TokenTree::Ident(ident) => {
                if after_word {
                    text.push(' ');
                }
                text.push_str(&ident.unraw().to_string());
                after_word = true;
            }
            TokenTree::Literal(literal) => {
                match syn::Lit::new(literal.clone()) {
                    syn::Lit::Str(string) if tokens.is_empty() => {
                        quoted = true;
                        text.push_str(&string.value());
                    }
                    _ => {
                        if after_word {
                            text.push(' ');
                        }
                        text.push_str(&literal.to_string());
                    }
                }
                after_word = true;
            }
            TokenTree::Punct(punct) => {
                text.push(punct.as_char());
                after_word = false;
            }
            TokenTree::Group(_) => {}
        }
        tokens.extend([token]);
    }
    Ok(Name {
        text,
        tokens,
        quoted,
    })
}

fn parse_details(input: ParseStream, cx: &Ctxt) -> Option<Details> {
    let mut details = Details::default();
    while !input.is_empty() {
        if let Err(error) = parse_detail(input, &mut details, cx) {
            cx.push(error);
            skip_past_comma(input);
        }
    }
    Some(details)
}

fn parse_detail(input: ParseStream, details: &mut Details, cx: &Ctxt) -> syn::Result<()> {
    let key = input
        .call(Ident::parse_any)
        .map_err(|_| input.error("expected a key such as `title: \"...\"`"))?;
    let name = key.to_string();
    if !DETAIL_KEYS.contains(&name.as_str()) {
        cx.error_spanned_by(&key, unknown("key", &name, DETAIL_KEYS));
        skip_past_comma(input);
        return Ok(());
    }
    input.parse::<Token![:]>()?;
    match name.as_str() {
        "causes" => set_once(cx, &key, &mut details.causes, parse_strings(input, &name)?),
        "troubleshooting" => set_once(
            cx,
            &key,
            &mut details.troubleshooting,
            parse_strings(input, &name)?,
        ),
        _ => {
            let value = input
                .parse::<LitStr>()
                .map_err(|_| input.error(format!("`{name}` takes a string: `{name}: \"...\"`")))?;
            let slot = match name.as_str() {
                "title" => &mut details.title,
                "description" => &mut details.description,
                "fragment" => &mut details.fragment,
                _ => &mut details.url,
            };
            set_once(cx, &key, slot, value);
        }
    }
    if !input.is_empty() {
        input
            .parse::<Token![,]>()
            .map_err(|_| input.error(format!("expected `,` after the value of `{name}`")))?;
    }
    Ok(())
}

fn parse_strings(input: ParseStream, key: &str) -> syn::Result<Vec<LitStr>> {
    let usage = format!("`{key}` takes a list of strings: `{key}: [\"...\", \"...\"]`");
    if !input.peek(Bracket) {
        return Err(input.error(usage));
    }
    let content;
    bracketed!(content in input);
    let items = Punctuated::<LitStr, Token![,]>::parse_terminated(&content)
        .map_err(|error| syn::Error::new(error.span(), usage))?;
    Ok(items.into_iter().collect())
}

fn set_once<T>(cx: &Ctxt, key: &Ident, slot: &mut Option<T>, value: T) {
    if slot.is_some() {
        cx.error_spanned_by(key, format!("duplicate key `{key}`: give each key once"));
    } else {
        *slot = Some(value);
    }
}

/// "unknown key `titel`; did you mean `title`? The keys are ..."
fn unknown(what: &str, name: &str, valid: &[&str]) -> String {
    let all = names::list(valid);
    match names::did_you_mean(name, valid) {
        Some(close) => format!("unknown {what} `{name}`; did you mean `{close}`? Valid: {all}"),
        None => format!("unknown {what} `{name}`; valid: {all}"),
    }
}

fn skip_past_comma(input: ParseStream) {
    skip_until(
        input,
        |token| matches!(token, TokenTree::Punct(punct) if punct.as_char() == ','),
    );
}

fn skip_past_group(input: ParseStream) {
    skip_until(
        input,
        |token| matches!(token, TokenTree::Group(group) if group.delimiter() == proc_macro2::Delimiter::Brace),
    );
}

fn skip_rest(input: ParseStream) {
    skip_until(input, |_| false);
}

/// Consumes tokens up to and including the first for which `last` holds.
fn skip_until(input: ParseStream, last: impl Fn(&TokenTree) -> bool) {
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
