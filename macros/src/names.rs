//! Names and their conversions: the shape of an error_type, the corrected spelling of a near
//! miss, variant names, titles, lists for messages, and "did you mean".

use crate::rules::MAX_ERROR_TYPE_LEN;

/// Whether `name` is lower snake_case: `^[a-z][a-z0-9]*(_[a-z0-9]+)*$`.
pub fn is_snake_case(name: &str) -> bool {
    let word = |word: &str| {
        !word.is_empty()
            && word
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    };
    name.starts_with(|c: char| c.is_ascii_lowercase()) && name.split('_').all(word)
}

/// The lower snake_case spelling of a near miss: `EmailNotFound`, `email-not-found`,
/// `Email_Not_Found`, `email not found` and `EMAIL_NOT_FOUND` all give `email_not_found`.
/// `None` when no valid name can be made of it, and for a name that is not ASCII: dropping
/// its other letters (`CaféNotFound` -> `caf_not_found`) would make a name nobody wrote.
pub fn to_snake_case(name: &str) -> Option<String> {
    if !name.is_ascii() {
        return None;
    }
    let bytes = name.as_bytes();
    let mut snake = String::new();
    for (i, &c) in bytes.iter().enumerate() {
        let in_word = !snake.is_empty() && !snake.ends_with('_');
        // A new word starts after anything but a letter or digit, at an uppercase letter that
        // follows a lowercase letter or digit (`emailNot`), and at one that ends a run of
        // capitals (`HTTPError` -> `http`, `error`).
        let prev = |test: fn(&u8) -> bool| i > 0 && test(&bytes[i - 1]);
        let next_lower = bytes.get(i + 1).is_some_and(u8::is_ascii_lowercase);
        let boundary = c.is_ascii_uppercase()
            && (prev(|p| p.is_ascii_lowercase() || p.is_ascii_digit())
                || prev(u8::is_ascii_uppercase) && next_lower);
        if in_word && (boundary || !c.is_ascii_alphanumeric()) {
            snake.push('_');
        }
        if c.is_ascii_alphanumeric() {
            snake.push(char::from(c.to_ascii_lowercase()));
        }
    }
    let snake = snake.trim_end_matches('_');
    (is_snake_case(snake) && snake.len() <= MAX_ERROR_TYPE_LEN).then(|| snake.to_owned())
}

/// The variant name of an error_type: `email_not_found` -> `EmailNotFound`.
pub fn to_upper_camel_case(error_type: &str) -> String {
    error_type.split('_').map(capitalize).collect()
}

/// The default title of an error_type, in sentence case as on Stytch's pages:
/// `email_not_found` -> `Email not found`.
pub fn to_sentence_case(error_type: &str) -> String {
    capitalize(&error_type.replace('_', " "))
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

/// Words of Rust that cannot be the name of a constant even as raw identifiers.
pub const UNUSABLE_WORDS: &[&str] = &["crate", "self", "super"];

/// Whether `word` is a Rust keyword, strict or reserved, in edition 2024: such names need `r#`.
pub fn is_keyword(word: &str) -> bool {
    const KEYWORDS: &[&str] = &[
        "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
        "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
        "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub",
        "ref", "return", "self", "static", "struct", "super", "trait", "true", "try", "type",
        "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
    ];
    KEYWORDS.contains(&word)
}

/// The candidate closest to a misspelled `word`, if one is close enough to be what was meant.
pub fn did_you_mean<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let threshold = (word.len() / 3).max(1);
    candidates
        .iter()
        .map(|&candidate| (edit_distance(word, candidate), candidate))
        .filter(|&(distance, _)| distance <= threshold)
        .min()
        .map(|(_, candidate)| candidate)
}

/// `` `a`, `b` and `c` ``: a list of names for a message.
pub fn list(names: &[impl AsRef<str>]) -> String {
    let quoted: Vec<String> = names
        .iter()
        .map(|name| format!("`{}`", name.as_ref()))
        .collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => quoted.concat(),
    }
}

/// The first three of `names` as a list, and how many more there are:
/// `` `a`, `b` and `c` and 2 more ``.
pub fn list_some(names: &[String]) -> String {
    match names.len().saturating_sub(3) {
        0 => list(names),
        more => format!("{} and {more} more", list(&names[..3])),
    }
}

/// Levenshtein distance with adjacent transpositions counted as one edit.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut before_previous: Vec<usize> = Vec::new();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut current = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            current[j] = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                current[j] = current[j].min(before_previous[j - 2] + 1);
            }
        }
        before_previous = std::mem::replace(&mut previous, current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_case_shape() {
        for good in ["a", "email_not_found", "totp_2fa", "a1_b2", "x9"] {
            assert!(is_snake_case(good), "{good}");
        }
        for bad in [
            "",
            "_a",
            "a_",
            "a__b",
            "1a",
            "A",
            "emailNotFound",
            "email-not-found",
            "é",
        ] {
            assert!(!is_snake_case(bad), "{bad}");
        }
    }

    #[test]
    fn near_misses_get_their_snake_case_spelling() {
        for near in [
            "EmailNotFound",
            "emailNotFound",
            "email-not-found",
            "Email_Not_Found",
            "EMAIL_NOT_FOUND",
            "email not found",
            "email__not_found_",
        ] {
            assert_eq!(
                to_snake_case(near).as_deref(),
                Some("email_not_found"),
                "{near}"
            );
        }
        assert_eq!(to_snake_case("HTTPError").as_deref(), Some("http_error"));
        assert_eq!(to_snake_case("Totp2fa").as_deref(), Some("totp2fa"));
        assert_eq!(to_snake_case("404_error"), None);
        assert_eq!(to_snake_case("--"), None);
        assert_eq!(to_snake_case(&"a".repeat(129)), None);
        for not_ascii in ["CaféNotFound", "Straße", "Ünknown"] {
            assert_eq!(to_snake_case(not_ascii), None, "{not_ascii}");
        }
    }

    #[test]
    fn conversions() {
        assert_eq!(to_upper_camel_case("email_not_found"), "EmailNotFound");
        assert_eq!(to_upper_camel_case("totp_2fa"), "Totp2fa");
        assert_eq!(to_sentence_case("email_not_found"), "Email not found");
        assert_eq!(list(&["a"]), "`a`");
        assert_eq!(list(&["a", "b", "c"]), "`a`, `b` and `c`");
    }

    #[test]
    fn suggestions() {
        let keys = ["title", "description", "causes"];
        assert_eq!(did_you_mean("titel", &keys), Some("title"));
        assert_eq!(did_you_mean("cause", &keys), Some("causes"));
        assert_eq!(did_you_mean("colour", &keys), None);
    }
}
