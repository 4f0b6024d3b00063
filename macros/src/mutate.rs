//! The no-panic harness of both macros: systematic mutations of a valid input (every token
//! deleted, replaced or cut off after) must all expand to code or to `compile_error!`s.

use std::panic;
use std::str::FromStr;

use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};

/// What a token may be replaced with.
pub const REPLACEMENTS: &[&str] = &[
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

pub fn expand_str(expand: fn(TokenStream) -> TokenStream, source: &str) -> Option<String> {
    let tokens = TokenStream::from_str(source).ok()?;
    let result = panic::catch_unwind(|| expand(tokens).to_string());
    match result {
        Ok(output) => Some(output),
        Err(_) => panic!("the macro panicked on:\n{source}"),
    }
}

/// How many mutations of `valid` expanded (all of them, or the test panics) and how many of
/// those were rejected with `compile_error!`s. `extra` replacements are tried besides the common
/// ones.
pub fn mutate(
    expand: fn(TokenStream) -> TokenStream,
    valid: &str,
    extra: &[&str],
) -> (usize, usize, usize) {
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
    (leaves.len(), expanded, rejected)
}
