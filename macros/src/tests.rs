//! The no-panic tests of both macros: systematic mutations of a valid input (every token
//! deleted, replaced or cut off after) all expand to code or to `compile_error!`s, and what they
//! expand to lexes again.

use std::panic;
use std::str::FromStr;

use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};

use crate::{derive, set};

/// What a token may be replaced with.
const REPLACEMENTS: &[&str] = &[
    ",",
    ":",
    ";",
    "-",
    "#",
    "=",
    "\"\"",
    "\" padded \"",
    "\"x\"",
    "404",
    "99999",
    "1.5",
    "ident",
    "Ident",
    "r#type",
    "self",
    "{}",
    "[]",
    "()",
    "{ a: \"b\" }",
    "'a",
    "<T>",
];

/// The leaves of a token stream in order, with markers for group boundaries.
enum Piece {
    Leaf(String),
    Glue,
    Open(Delimiter),
    Close(Delimiter),
}

fn flatten(tokens: TokenStream, pieces: &mut Vec<Piece>) {
    for token in tokens {
        match token {
            TokenTree::Group(group) => {
                pieces.push(Piece::Open(group.delimiter()));
                flatten(group.stream(), pieces);
                pieces.push(Piece::Close(group.delimiter()));
            }
            // A joint punctuation mark (the first `:` of `::`) is glued to the next token.
            TokenTree::Punct(punct) if punct.spacing() == Spacing::Joint => {
                pieces.push(Piece::Leaf(punct.to_string()));
                pieces.push(Piece::Glue);
            }
            other => pieces.push(Piece::Leaf(other.to_string())),
        }
    }
}

/// Marks where the space after the previous token is removed.
const GLUE: &str = "\u{0}glue";

fn text(piece: &Piece) -> &str {
    match piece {
        Piece::Leaf(text) => text,
        Piece::Glue => GLUE,
        Piece::Open(delimiter) => delimiters(*delimiter).0,
        Piece::Close(delimiter) => delimiters(*delimiter).1,
    }
}

/// The source of `pieces`, closing the groups a cut-off input left open.
fn render<'a>(pieces: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    let mut open = Vec::new();
    for text in pieces {
        match text {
            "{" | "[" | "(" => open.push(text),
            "}" | "]" | ")" => {
                open.pop();
            }
            _ => {}
        }
        if text == GLUE {
            out.pop();
            continue;
        }
        out.push_str(text);
        out.push(' ');
    }
    for opener in open.into_iter().rev() {
        out.push_str(match opener {
            "{" => "}",
            "[" => "]",
            _ => ")",
        });
    }
    out
}

fn delimiters(delimiter: Delimiter) -> (&'static str, &'static str) {
    match delimiter {
        Delimiter::Brace => ("{", "}"),
        Delimiter::Bracket => ("[", "]"),
        Delimiter::Parenthesis => ("(", ")"),
        Delimiter::None => ("", ""),
    }
}

/// What `expand` makes of `source`, if it lexes. Panics if the macro does, or if it returns
/// nothing or tokens that do not lex again.
fn expand_str(expand: fn(TokenStream) -> TokenStream, source: &str) -> Option<String> {
    let tokens = TokenStream::from_str(source).ok()?;
    let result = panic::catch_unwind(|| expand(tokens).to_string());
    let Ok(output) = result else {
        panic!("the macro panicked on:\n{source}");
    };
    assert!(
        !output.is_empty(),
        "no expansion and no error for:\n{source}"
    );
    assert!(
        TokenStream::from_str(&output).is_ok(),
        "{output}\ndoes not lex, for:\n{source}"
    );
    // The source text of every span is kept until now: free it, as the input was read whole.
    proc_macro2::extra::invalidate_current_thread_spans();
    Some(output)
}

/// How many mutations of `valid` expanded (all that lex, or the test panics) and how many of
/// those were rejected with `compile_error!`s. `extra` replacements are tried besides the common
/// ones.
fn mutate(expand: fn(TokenStream) -> TokenStream, valid: &str, extra: &[&str]) -> (usize, usize) {
    let mut pieces = Vec::new();
    flatten(TokenStream::from_str(valid).unwrap(), &mut pieces);
    let leaves: Vec<usize> = (0..pieces.len())
        .filter(|&i| matches!(pieces[i], Piece::Leaf(_)))
        .collect();
    let mut expanded = 0;
    let mut rejected = 0;
    let mut try_source = |source: String| {
        if let Some(output) = expand_str(expand, &source) {
            expanded += 1;
            if output.contains("compile_error") {
                rejected += 1;
            }
        }
    };
    let texts: Vec<&str> = pieces.iter().map(text).collect();
    for &i in &leaves {
        let others = texts
            .iter()
            .enumerate()
            .filter(|&(j, _)| j != i)
            .map(|(_, t)| *t);
        try_source(render(others));
        try_source(render(texts[..=i].iter().copied()));
        for replacement in REPLACEMENTS.iter().chain(extra) {
            let replaced = texts
                .iter()
                .enumerate()
                .map(|(j, t)| if j == i { *replacement } else { *t });
            try_source(render(replaced));
        }
    }
    (expanded, rejected)
}

const SET: &str = r#"
    /// Errors of the widget service.
    #[stytch(url = "https://example.com/docs/errors/{status}#{fragment}", crate = ::stytch_errors)]
    #[non_exhaustive]
    pub enum WidgetError {
        404 {
            widget_not_found: "Widget could not be found.",
            /// Rustdoc for this variant.
            owner_not_found: "The widget's owner could not be found." {
                title: "Owner not found",
                description: "There is no user with the supplied `owner_id`.",
                causes: ["The owner was deleted after the widget was created."],
                troubleshooting: ["Reassign the widget, then retry."],
                fragment: "owner-missing",
                url: "https://example.com/{error_type}#{fragment}",
            },
        }
        409 {
            widget_locked: "Widget is locked by another request.",
        }
    }
"#;

#[test]
fn the_valid_set_expands_without_errors() {
    let output = expand_str(set::expand, SET).unwrap();
    assert!(!output.contains("compile_error"), "{output}");
    assert!(output.contains("enum WidgetError"), "{output}");
}

#[test]
fn no_mutation_of_a_valid_input_makes_the_macro_panic() {
    let (expanded, rejected) = mutate(set::expand, SET, &[]);
    eprintln!("{expanded} mutated inputs expanded without a panic, {rejected} of them rejected");
    // Most mutations break the input, and are reported.
    assert!(rejected * 2 > expanded, "{rejected} of {expanded}");
    assert!(
        rejected < expanded,
        "some mutations (another message, say) are valid"
    );
}

const DERIVE: &str = r#"
    #[stytch(url = "https://example.com/docs/errors/{status}#{error_type}", crate = ::stytch_errors)]
    pub enum AppError<'a, E: Copy> where E: Clone {
        #[stytch(status = 404, message = "Widget {id:>5} could not be found.")]
        WidgetNotFound { id: u64 },
        #[stytch(status = 409, error_type = "widget_locked", message = "Widget {0} is locked by {1:?} {{x}}.")]
        Locked(u64, &'a str),
        #[stytch(entry = ConsumerError::email_not_found, message = "No {0}.")]
        MissingEmail(E),
        #[cfg(feature = "x")]
        #[stytch(transparent)]
        Stytch(ConsumerError),
        #[stytch(status = 422, message = "{ratio:.prec$}", url = "https://x.test/{fragment}", fragment = "f")]
        Ratio { ratio: f64, prec: usize },
        #[stytch(status = 500, message = "Store {0} ({0:?}).")]
        Store(#[from] std::io::Error),
        #[deprecated]
        #[stytch(status = 400, message = "{n} bad")]
        Bad { n: usize, #[stytch(details)] d: Vec<u8>, #[source] cause: std::fmt::Error, source: E },
    }
"#;

/// Broken and unusual messages, swapped in for any token.
const MESSAGES: &[&str] = &[
    "\"{\"",
    "\"}\"",
    "\"{}\"",
    "\"{:}\"",
    "\"{0\"",
    "\"{idd}\"",
    "\"{9}\"",
    "\"{id:.*}\"",
    "\"{id:$>5}\"",
    "\"{id:x$}\"",
    "\"{id:.$}\"",
    "\"{r#type}\"",
    "\"{é}\"",
    "\"{id:é$}\"",
    "\"{id:xé$}\"",
    "\"\\u{7b}id\\u{7d}\"",
    "r#\"{id}\"#",
    "\"{{}}{{\"",
];

#[test]
fn the_valid_derive_input_expands_without_errors() {
    let output = expand_str(derive::expand, DERIVE).unwrap();
    assert!(!output.contains("compile_error"), "{output}");
    assert!(output.contains("StytchError for AppError"), "{output}");
}

#[test]
fn no_mutation_of_a_valid_input_makes_the_derive_panic() {
    let (expanded, rejected) = mutate(derive::expand, DERIVE, MESSAGES);
    eprintln!("{expanded} mutated inputs expanded without a panic, {rejected} of them rejected");
    assert!(rejected * 2 > expanded, "{rejected} of {expanded}");
    assert!(rejected < expanded, "some mutations are valid");
}

#[test]
fn every_broken_message_is_reported_not_panicked_on() {
    for message in MESSAGES {
        let source = format!(
            "#[stytch(status = 400, url = \"https://x.test\", message = {message})] struct S {{ id: u64 }}"
        );
        let output = expand_str(derive::expand, &source).unwrap();
        let valid = [
            "\"{{}}{{\"",
            "\"\\u{7b}id\\u{7d}\"",
            "r#\"{id}\"#",
            "\"{id:$>5}\"",
        ];
        assert_eq!(
            output.contains("compile_error"),
            !valid.contains(message),
            "{message}: {output}"
        );
    }
}
