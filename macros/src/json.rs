//! The JSON of an entry's envelope after the request id, precomputed so that
//! `ErrorEnvelope::write_json` copies it and escapes only the request id. Escaped as serde_json
//! escapes, so that both paths write the same bytes.

/// `s` as the contents of a JSON string.
pub fn escape(s: &str) -> String {
    // Most text has nothing to escape, and is copied whole.
    if !s.bytes().any(|b| b == b'"' || b == b'\\' || b < 0x20) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

/// The envelope after the request id's value: `","error_type":…}`.
pub fn tail(error_type: &str, message: &str, url: &str) -> String {
    format!(
        "\",\"error_type\":\"{}\",\"error_message\":\"{}\",\"error_url\":\"{}\"}}",
        escape(error_type),
        escape(message),
        escape(url)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_serde_json_does() {
        assert_eq!(
            escape("a\"b\\c\nd\u{1}é\u{7f}"),
            "a\\\"b\\\\c\\nd\\u0001é\u{7f}"
        );
        assert_eq!(
            tail("a", "b \"c\"", "https://x.test/#a"),
            "\",\"error_type\":\"a\",\"error_message\":\"b \\\"c\\\"\",\"error_url\":\"https://x.test/#a\"}"
        );
    }
}
