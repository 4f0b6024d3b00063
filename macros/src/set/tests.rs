//! The macro never panics: systematic mutations of a valid input (every token deleted, replaced
//! or cut off after) all expand to code or to `compile_error!`s.

use std::panic;
use std::str::FromStr;

use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};

const VALID: &str = r#"
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
                url: "https://example.com/{error_type}",
            },
        }
        409 {
            widget_locked: "Widget is locked by another request.",
        }
    }
"#;

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

fn expand_str(source: &str) -> Option<String> {
    let tokens = TokenStream::from_str(source).ok()?;
    let result = panic::catch_unwind(|| super::expand(tokens).to_string());
    match result {
        Ok(output) => Some(output),
        Err(_) => panic!("the macro panicked on:\n{source}"),
    }
}

#[test]
fn the_valid_input_expands_without_errors() {
    let output = expand_str(VALID).unwrap();
    assert!(!output.contains("compile_error"), "{output}");
    assert!(output.contains("enum WidgetError"), "{output}");
}

#[test]
fn no_mutation_of_a_valid_input_makes_the_macro_panic() {
    let mut pieces = Vec::new();
    flatten(TokenStream::from_str(VALID).unwrap(), &mut pieces);
    let leaves: Vec<usize> = (0..pieces.len())
        .filter(|&i| matches!(pieces[i], Piece::Leaf(_)))
        .collect();
    let mut expanded = 0;
    let mut rejected = 0;
    let mut try_source = |source: String| {
        if let Some(output) = expand_str(&source) {
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
        for replacement in REPLACEMENTS {
            let replaced = texts
                .iter()
                .enumerate()
                .map(|(j, t)| if j == i { *replacement } else { *t });
            try_source(render(replaced));
        }
    }
    eprintln!("{expanded} mutated inputs expanded without a panic, {rejected} of them rejected");
    // Most mutations break the input; the count guards against a harness that tests nothing.
    assert!(expanded > leaves.len() * REPLACEMENTS.len(), "{expanded}");
    assert!(rejected * 2 > expanded, "{rejected} of {expanded}");
    assert!(
        rejected < expanded,
        "some mutations (another message, say) are valid"
    );
}
