//! Parsing of `stytch_errors!` input into the typed view of `ast.rs`. Parsing recovers after a
//! mistake (it skips to the next entry, key or group, or reads a near miss as what was meant),
//! so that one build reports every mistake.

use proc_macro2::{TokenStream, TokenTree};
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};
use syn::token::{Brace, Bracket, Paren};
use syn::{
    Attribute, Generics, Ident, LitInt, LitStr, Path, Token, Visibility, WhereClause, braced,
    bracketed,
};

use super::ast::{Details, Entry, Group, Name, Options, Set};
use crate::ctxt::Ctxt;
use crate::recover::{set_once, skip_past_comma, skip_past_group, skip_rest, unknown};

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
        if input.is_empty() {
            cx.push(syn::Error::new(
                proc_macro2::Span::call_site(),
                "`stytch_errors!` declares enums of errors and this one is empty: write `stytch_errors! { pub enum WidgetError { 404 { ... } } }`",
            ));
        }
        let mut sets = Vec::new();
        while !input.is_empty() {
            match parse_set(input, cx) {
                Ok(set) => sets.push(set),
                Err(error) => {
                    // A broken item header: skip its body and go on with the next set.
                    cx.push(error);
                    skip_past_group(input);
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
        // Reported, then read as the enum it should be, so that the set is still expanded.
        let token: Token![struct] = input.parse()?;
        cx.push(syn::Error::new(
            token.span,
            "`stytch_errors!` declares enums of errors: write `enum` instead of `struct`",
        ));
    } else if input.peek(Token![enum]) {
        input.parse::<Token![enum]>()?;
    } else {
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

    let mut options = Options::default();
    let mut passed = Vec::new();
    for attr in attrs {
        if attr.path().is_ident("stytch") {
            parse_options(&attr, &mut options, cx);
        } else {
            passed.push(attr);
        }
    }
    let mark = cx.mark();

    let content;
    braced!(content in input);
    let groups = parse_groups(&content, cx);
    Ok(Set {
        attrs: passed,
        vis,
        ident,
        options,
        groups,
        mark,
    })
}

fn parse_options(attr: &Attribute, options: &mut Options, cx: &Ctxt) {
    if attr.meta.require_list().is_err() {
        cx.error_spanned_by(
            attr,
            "expected `#[stytch(url = \"https://...\")]`; the options are `url` and `crate`",
        );
        options.broken = true;
        return;
    }
    let parser = |input: ParseStream| {
        while !input.is_empty() {
            if let Err(error) = parse_option(input, options, cx) {
                cx.push(error);
                options.broken = true;
                skip_past_comma(input);
            }
        }
        Ok(())
    };
    if let Err(error) = attr.parse_args_with(parser) {
        cx.push(error);
        options.broken = true;
    }
}

fn parse_option(input: ParseStream, options: &mut Options, cx: &Ctxt) -> syn::Result<()> {
    let key = input
        .call(Ident::parse_any)
        .map_err(|_| input.error("expected an option such as `url = \"https://...\"`"))?;
    let name = key.to_string();
    if !SET_OPTIONS.contains(&name.as_str()) {
        options.broken = true;
        cx.error_spanned_by(
            &key,
            unknown("option", &name, "in `#[stytch(...)]`", SET_OPTIONS),
        );
        skip_past_comma(input);
        return Ok(());
    }
    let example = if name == "url" {
        "\"https://...\""
    } else {
        "my_errors"
    };
    input
        .parse::<Token![=]>()
        .map_err(|_| input.error(format!("expected `=` after `{name}`: `{name} = {example}`")))?;
    if name == "url" {
        let url = input.parse::<LitStr>().map_err(|error| {
            syn::Error::new(
                error.span(),
                "`url` takes a string: `url = \"https://...\"`",
            )
        })?;
        set_once(cx, &key, "option", &mut options.url, url);
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
        set_once(cx, &key, "option", &mut options.krate, path);
    }
    if !input.is_empty() {
        input.parse::<Token![,]>().map_err(|_| {
            input.error(
                "expected `,` between options: `#[stytch(url = \"...\", crate = my_errors)]`",
            )
        })?;
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
        input.error(
            "expected an HTTP status code and its entries, as in `404 { widget_not_found: \"...\", }`",
        )
    })?;
    if !input.peek(Brace) {
        return Err(input.error(format!(
            "expected `{{` after the status, as in `{status} {{ widget_not_found: \"...\", }}`"
        )));
    }
    if !status.suffix().is_empty() {
        cx.error_spanned_by(
            &status,
            format!(
                "write the status without a suffix: `{}`",
                status.base10_digits()
            ),
        );
    }
    let mark = cx.mark();
    let content;
    braced!(content in input);
    let entries = parse_entries(&content, cx);
    if input.peek(Token![,]) {
        input.parse::<Token![,]>()?;
    }
    Ok(Group {
        status,
        entries,
        mark,
    })
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
    if input.peek(Token![:]) {
        input.parse::<Token![:]>()?;
    } else {
        // `name = "..."` or `name "..."`: reported, then read as meant.
        let text = &name.text;
        if input.peek(Token![=]) {
            cx.push(input.error(format!(
                "write `:` instead of `=` between the error_type and its message: `{text}: \"...\"`"
            )));
            input.parse::<Token![=]>()?;
        } else {
            cx.push(input.error(format!(
                "expected `:` between the error_type and its message: `{text}: \"...\"`"
            )));
        }
    }
    let message = input.parse::<LitStr>().map_err(|_| {
        input.error(format!(
            "expected the message of `{}` as a string: `{}: \"What went wrong.\"`",
            name.text, name.text
        ))
    })?;
    let details = if input.peek(Brace) {
        let content;
        braced!(content in input);
        Some(parse_details(&content, cx))
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
        deprecated,
        name,
        message,
        details: details.unwrap_or_default(),
        mark: cx.mark(),
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
        let at_colon = input.peek(Token![:]) && !input.peek(Token![::]);
        let at_message = !tokens.is_empty() && (input.peek(Token![=]) || input.peek(LitStr));
        if at_colon || at_message {
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
        // A name passed through `macro_rules!` as `$name:path` (or `:ty`, `:expr`) comes in an
        // invisible group: its tokens are the name.
        if let TokenTree::Group(group) = &token
            && group.delimiter() == proc_macro2::Delimiter::None
        {
            for inner in group.stream() {
                name_token(
                    &inner,
                    &mut text,
                    &mut after_word,
                    &mut quoted,
                    tokens.is_empty(),
                );
            }
            tokens.extend([token]);
            continue;
        }
        name_token(
            &token,
            &mut text,
            &mut after_word,
            &mut quoted,
            tokens.is_empty(),
        );
        tokens.extend([token]);
    }
    Ok(Name {
        text,
        tokens,
        quoted,
    })
}

/// Adds the text of one token of a name as written.
fn name_token(
    token: &TokenTree,
    text: &mut String,
    after_word: &mut bool,
    quoted: &mut bool,
    first: bool,
) {
    {
        match token {
            TokenTree::Ident(ident) => {
                if *after_word {
                    text.push(' ');
                }
                text.push_str(&ident.unraw().to_string());
                *after_word = true;
            }
            TokenTree::Literal(literal) => {
                match syn::Lit::new(literal.clone()) {
                    syn::Lit::Str(string) if first => {
                        *quoted = true;
                        text.push_str(&string.value());
                    }
                    _ => {
                        if *after_word {
                            text.push(' ');
                        }
                        text.push_str(&literal.to_string());
                    }
                }
                *after_word = true;
            }
            TokenTree::Punct(punct) => {
                text.push(punct.as_char());
                *after_word = false;
            }
            // Groups end the name above; an invisible one nested in another is what it holds.
            TokenTree::Group(group) => {
                for inner in group.stream() {
                    name_token(&inner, text, after_word, quoted, first);
                }
            }
        }
    }
}

fn parse_details(input: ParseStream, cx: &Ctxt) -> Details {
    let mut details = Details::default();
    while !input.is_empty() {
        if let Err(error) = parse_detail(input, &mut details, cx) {
            cx.push(error);
            skip_past_comma(input);
        }
    }
    details
}

fn parse_detail(input: ParseStream, details: &mut Details, cx: &Ctxt) -> syn::Result<()> {
    let key = input
        .call(Ident::parse_any)
        .map_err(|_| input.error("expected a key such as `title: \"...\"`"))?;
    let name = key.to_string();
    if !DETAIL_KEYS.contains(&name.as_str()) {
        cx.error_spanned_by(
            &key,
            unknown("key", &name, "in an entry's details", DETAIL_KEYS),
        );
        skip_past_comma(input);
        return Ok(());
    }
    input
        .parse::<Token![:]>()
        .map_err(|_| input.error(format!("expected `:` after `{name}`: `{name}: ...`")))?;
    match name.as_str() {
        "causes" => {
            let causes = parse_strings(input, &name, cx)?;
            set_once(cx, &key, "key", &mut details.causes, causes);
        }
        "troubleshooting" => {
            let steps = parse_strings(input, &name, cx)?;
            set_once(cx, &key, "key", &mut details.troubleshooting, steps);
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
            skip_rest(&content);
            break;
        };
        items.push(item);
        if !content.is_empty() && content.parse::<Token![,]>().is_err() {
            cx.push(content.error(format!("expected `,` between the items of `{key}`")));
            skip_rest(&content);
        }
    }
    Ok(items)
}
