//! Parsing of `stytch_errors!` input into the typed view of `ast.rs`. Parsing recovers after a
//! mistake (it skips to the next entry, key or group, or reads a near miss as what was meant),
//! so that one build reports every mistake.

use proc_macro2::{TokenStream, TokenTree};
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};
use syn::token::{Brace, Bracket, Paren};
use syn::{
    Attribute, Generics, Ident, LitInt, LitStr, Token, Visibility, WhereClause, braced, bracketed,
};

use super::ast::{Details, Entry, Group, Name, Set};
use crate::attr::{self, Place};
use crate::ctxt::{Ctxt, parse_all, set_once, skip_past, unknown};

/// The keys of an entry's `{ ... }` block.
pub const DETAIL_KEYS: &[&str] = &[
    "title",
    "description",
    "causes",
    "troubleshooting",
    "fragment",
    "url",
];

/// Parses the whole input. What cannot be parsed is reported to `cx` and left out.
pub fn parse(tokens: TokenStream, cx: &Ctxt) -> Vec<Set> {
    let parser = |input: ParseStream| {
        if input.is_empty() {
            cx.push(syn::Error::new(proc_macro2::Span::call_site(), "`stytch_errors!` declares enums of errors and this one is empty: write `stytch_errors! { pub enum WidgetError { 404 { ... } } }`"));
        }
        // A broken item header: its body is skipped, and parsing goes on with the next set.
        Ok(parse_all(input, cx, true, |input| parse_set(input, cx)))
    };
    parser.parse2(tokens).unwrap_or_else(|error| {
        cx.push(error);
        Vec::new()
    })
}

fn parse_set(input: ParseStream, cx: &Ctxt) -> syn::Result<Set> {
    let attrs = input.call(Attribute::parse_outer)?;
    let vis: Visibility = input.parse()?;
    if let Some(token) = input.parse::<Option<Token![struct]>>()? {
        // Reported, then read as the enum it should be, so that the set is still expanded.
        let message = "`stytch_errors!` declares enums of errors: write `enum` instead of `struct`";
        cx.push(syn::Error::new(token.span, message));
    } else if input.parse::<Option<Token![enum]>>()?.is_none() {
        return Err(input.error(
            "expected `enum`, as in `stytch_errors! { pub enum WidgetError { 404 { ... } } }`",
        ));
    }
    let ident: Ident = input.parse().map_err(|_| {
        input.error("expected the name of the enum, as in `enum WidgetError { ... }`")
    })?;
    if input.peek(Token![<]) {
        let mut generics: Generics = input.parse()?;
        generics.where_clause = input.parse::<Option<WhereClause>>()?;
        let message = "an error set cannot be generic: remove the generic parameters";
        cx.error_spanned_by(&generics, message);
    }
    if !input.peek(Brace) {
        return Err(input.error(format!("expected `{{` and the status groups of `{ident}`, as in `enum {ident} {{ 404 {{ ... }} }}`")));
    }

    let (options, attrs) = attrs
        .into_iter()
        .partition::<Vec<_>, _>(|attr| attr.path().is_ident("stytch"));
    let options = attr::parse(&options, Place::Set, cx);
    let content;
    braced!(content in input);
    let groups = parse_all(&content, cx, true, |input| parse_group(input, cx));
    Ok(Set {
        attrs,
        vis,
        ident,
        options,
        groups,
    })
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
    let entries = parse_all(&content, cx, false, |input| parse_entry(input, cx));
    input.parse::<Option<Token![,]>>()?;
    Ok(Group { status, entries })
}

fn parse_entry(input: ParseStream, cx: &Ctxt) -> syn::Result<Entry> {
    let mut docs = Vec::new();
    let mut deprecated = None;
    for attr in input.call(Attribute::parse_outer)? {
        if attr.path().is_ident("doc") {
            docs.push(attr);
        } else if attr.path().is_ident("deprecated") && deprecated.is_none() {
            deprecated = Some(attr);
        } else {
            cx.error_spanned_by(
                &attr,
                "unsupported attribute on an entry: entries take doc comments (`/// ...`) and \
                 `#[deprecated]` only; put title, description, causes, troubleshooting, fragment \
                 and url in the entry's `{ ... }` block",
            );
        }
    }
    let name = parse_name(input)?;
    if input.parse::<Option<Token![:]>>()?.is_none() {
        // `name = "..."` or `name "..."`: reported, then read as meant.
        let (text, equals) = (&name.text, input.peek(Token![=]));
        let problem = if equals {
            "write `:` instead of `=`"
        } else {
            "expected `:`"
        };
        let message =
            format!("{problem} between the error_type and its message: `{text}: \"...\"`");
        cx.push(input.error(message));
        input.parse::<Option<Token![=]>>()?;
    }
    let text = &name.text;
    let expected =
        format!("expected the message of `{text}` as a string: `{text}: \"What went wrong.\"`");
    let message = input.parse::<LitStr>().map_err(|_| input.error(expected))?;
    let details = if input.peek(Brace) {
        let content;
        braced!(content in input);
        let mut details = Details::default();
        parse_all(&content, cx, false, |input| {
            parse_detail(input, &mut details, cx)
        });
        Some(details)
    } else {
        None
    };
    if input.parse::<Option<Token![,]>>()?.is_none() && !input.is_empty() && details.is_none() {
        cx.push(input.error(format!("expected `,` after the entry `{}`", name.text)));
        // A missing comma before the next entry loses nothing; anything else is skipped.
        let next_is_entry = input.peek(Ident::peek_any) && input.peek2(Token![:]);
        if !next_is_entry {
            skip_past(input, false);
        }
    }
    Ok(Entry {
        docs,
        deprecated,
        name,
        message,
        details: details.unwrap_or_default(),
    })
}

/// Reads the tokens before `:` as the error_type, whatever they are, so that a near miss such as
/// `email-not-found` or `EmailNotFound` can be reported with its corrected spelling.
fn parse_name(input: ParseStream) -> syn::Result<Name> {
    let mut name = Name {
        text: String::new(),
        tokens: TokenStream::new(),
        quoted: false,
        span: input.span(),
    };
    let mut after_word = false;
    loop {
        let at_colon = input.peek(Token![:]) && !input.peek(Token![::]);
        if at_colon || !name.tokens.is_empty() && (input.peek(Token![=]) || input.peek(LitStr)) {
            return Ok(name);
        }
        let at_group = input.peek(Brace) || input.peek(Bracket) || input.peek(Paren);
        if input.is_empty() || input.peek(Token![,]) || at_group {
            let text = &name.text;
            return Err(input.error(if name.tokens.is_empty() {
                "expected an entry: `error_type: \"message\"`".to_owned()
            } else {
                format!(
                    "expected `:` and the message after `{text}`: `{text}: \"What went wrong.\"`"
                )
            }));
        }
        let token: TokenTree = input.parse()?;
        let first = name.tokens.is_empty();
        name_text(&token, &mut name, &mut after_word, first);
        name.tokens.extend([token]);
    }
}

/// Adds the text of one token of a name as written. A name passed through `macro_rules!` as
/// `$name:path` (or `:ty`, `:expr`) comes in an invisible group: its tokens are the name.
fn name_text(token: &TokenTree, name: &mut Name, after_word: &mut bool, first: bool) {
    let word = match token {
        TokenTree::Group(group) => {
            for inner in group.stream() {
                name_text(&inner, name, after_word, first);
            }
            return;
        }
        TokenTree::Punct(punct) => {
            name.text.push(punct.as_char());
            *after_word = false;
            return;
        }
        TokenTree::Ident(ident) => ident.unraw().to_string(),
        TokenTree::Literal(literal) => match syn::Lit::new(literal.clone()) {
            syn::Lit::Str(string) if first => {
                name.quoted = true;
                string.value()
            }
            _ => literal.to_string(),
        },
    };
    if *after_word {
        name.text.push(' ');
    }
    name.text.push_str(&word);
    *after_word = true;
}

fn parse_detail(input: ParseStream, details: &mut Details, cx: &Ctxt) -> syn::Result<()> {
    let key = input
        .call(Ident::parse_any)
        .map_err(|_| input.error("expected a key such as `title: \"...\"`"))?;
    let name = key.to_string();
    if !DETAIL_KEYS.contains(&name.as_str()) {
        let message = unknown("key", &name, "in an entry's details", DETAIL_KEYS);
        return Err(syn::Error::new(key.span(), message));
    }
    input
        .parse::<Token![:]>()
        .map_err(|_| input.error(format!("expected `:` after `{name}`: `{name}: ...`")))?;
    match name.as_str() {
        "causes" | "troubleshooting" => {
            let items = parse_strings(input, &name, cx)?;
            let slot = match name.as_str() {
                "causes" => &mut details.causes,
                _ => &mut details.troubleshooting,
            };
            set_once(cx, &key, "key", slot, items);
        }
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
            set_once(cx, &key, "key", slot, value);
        }
    }
    if !input.is_empty() {
        input
            .parse::<Token![,]>()
            .map_err(|_| input.error(format!("expected `,` after the value of `{name}`")))?;
    }
    Ok(())
}

fn parse_strings(input: ParseStream, key: &str, cx: &Ctxt) -> syn::Result<Vec<LitStr>> {
    let usage = format!("`{key}` takes a list of strings: `{key}: [\"...\", \"...\"]`");
    if !input.peek(Bracket) {
        return Err(input.error(usage));
    }
    let content;
    bracketed!(content in input);
    let mut items = Vec::new();
    while !content.is_empty() {
        let Ok(item) = content.parse::<LitStr>() else {
            // One report per list; the rest of it is skipped.
            cx.push(content.error(usage));
            content.parse::<TokenStream>()?;
            break;
        };
        items.push(item);
        if !content.is_empty() && content.parse::<Token![,]>().is_err() {
            cx.push(content.error(format!("expected `,` between the items of `{key}`")));
            content.parse::<TokenStream>()?;
        }
    }
    Ok(items)
}
