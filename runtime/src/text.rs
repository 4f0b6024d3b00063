//! Text from outside (a response body, a request id, a looked-up name) as the crate shows it,
//! and the one JSON string writer of the crate.

use std::fmt;
use std::io;

use serde::Serializer as _;

/// How many characters of outside text a `Display` shows before cutting it short.
pub(crate) const SHOWN_CHARS: usize = 100;

/// Outside text as a `Display` shows it: on one line, with nothing that could pass for
/// something else in a terminal or a log.
///
/// A backslash, the control characters (`\n`, `\r`, `\t`, others as `\u{…}`), the line and
/// paragraph separators U+2028 and U+2029, and the bidirectional controls (U+061C, U+200E,
/// U+200F, U+202A to U+202E, U+2066 to U+2069) are escaped; after `max_chars` characters the
/// text is cut short with `…`.
pub(crate) struct Escaped<'a> {
    text: &'a str,
    max_chars: usize,
    /// A quote the text is shown between, escaped inside it too.
    quote: Option<char>,
}

impl<'a> Escaped<'a> {
    /// `text`, at most [`SHOWN_CHARS`] characters of it.
    pub(crate) fn new(text: &'a str) -> Self {
        Escaped::cut(text, SHOWN_CHARS)
    }

    /// `text`, at most `max_chars` characters of it.
    pub(crate) fn cut(text: &'a str, max_chars: usize) -> Self {
        Escaped {
            text,
            max_chars,
            quote: None,
        }
    }

    /// The same, with `quote` escaped too (as `\"`, say), for text shown between two of them.
    pub(crate) fn quoted(self, quote: char) -> Self {
        Escaped {
            quote: Some(quote),
            ..self
        }
    }
}

/// Whether `c` is shown escaped.
pub(crate) fn needs_escape(c: char) -> bool {
    c == '\\'
        || c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
        )
}

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut start = 0;
        for (count, (at, c)) in self.text.char_indices().enumerate() {
            if count == self.max_chars {
                f.write_str(&self.text[start..at])?;
                return f.write_str("…");
            }
            if needs_escape(c) || Some(c) == self.quote {
                f.write_str(&self.text[start..at])?;
                match c {
                    '\\' => f.write_str("\\\\")?,
                    c if Some(c) == self.quote => write!(f, "\\{c}")?,
                    '\n' => f.write_str("\\n")?,
                    '\r' => f.write_str("\\r")?,
                    '\t' => f.write_str("\\t")?,
                    c => write!(f, "\\u{{{:x}}}", u32::from(c))?,
                }
                start = at + c.len_utf8();
            }
        }
        f.write_str(&self.text[start..])
    }
}

/// Bytes from outside as a `Display` shows them: the start of their text (invalid UTF-8 shown
/// as U+FFFD) between backticks, escaped as [`Escaped`] does, and when it is cut short, `…`
/// and the length in bytes after it. Reads only the start of the bytes.
pub(crate) struct EscapedBytes<'a>(pub(crate) &'a [u8]);

impl fmt::Display for EscapedBytes<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A character is at most four bytes, and an invalid sequence at most three: this
        // prefix holds more characters than are shown.
        let prefix = &self.0[..self.0.len().min(SHOWN_CHARS * 4 + 4)];
        let text = String::from_utf8_lossy(prefix);
        match text.char_indices().nth(SHOWN_CHARS) {
            Some((end, _)) => write!(
                f,
                "`{}`… ({} bytes)",
                Escaped::cut(&text[..end], usize::MAX).quoted('`'),
                self.0.len()
            ),
            None => write!(f, "`{}`", Escaped::cut(&text, usize::MAX).quoted('`')),
        }
    }
}

/// Writes `text` as a JSON string, quotes included, escaped by serde_json's own string writer:
/// the bytes `serde_json::to_writer(out, text)` writes.
pub(crate) fn write_json_string<W: io::Write>(out: &mut W, text: &str) -> io::Result<()> {
    let bytes = text.as_bytes();
    // Text sent in envelopes rarely holds anything to escape: tell, and copy.
    if !needs_json_escape(bytes) {
        out.write_all(b"\"")?;
        out.write_all(bytes)?;
        return out.write_all(b"\"");
    }
    serde_json::Serializer::new(out)
        .serialize_str(text)
        .map_err(io::Error::from)
}

/// Whether `bytes` holds a control character, a quote or a backslash: what a JSON string
/// escapes. Eight bytes at a time, each word checked with the usual bit tricks (a byte is
/// below 0x20, or equal to a given byte, exactly when the subtraction borrows into its top
/// bit), the answers of all words and of the last bytes gathered without a branch, for a
/// request id or a message, which are short and rarely hold anything to escape.
#[inline]
pub(crate) fn needs_json_escape(bytes: &[u8]) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const TOPS: u64 = u64::from_ne_bytes([0x80; 8]);
    let below = |word: u64, n: u8| word.wrapping_sub(ONES * u64::from(n)) & !word & TOPS;
    let equal = |word: u64, byte: u8| below(word ^ (ONES * u64::from(byte)), 1);
    let mut words = bytes.chunks_exact(8);
    let mut found = 0;
    for chunk in &mut words {
        let word = u64::from_ne_bytes(chunk.try_into().expect("eight bytes"));
        found |= below(word, 0x20) | equal(word, b'"') | equal(word, b'\\');
    }
    let rest = words.remainder().iter().fold(false, |found, &byte| {
        found | (byte < 0x20) | (byte == b'"') | (byte == b'\\')
    });
    found != 0 || rest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_check_agrees_with_the_byte_check_for_every_byte_at_every_place() {
        let slow = |bytes: &[u8]| {
            bytes
                .iter()
                .any(|&byte| byte < 0x20 || byte == b'"' || byte == b'\\')
        };
        for len in 1..=17 {
            for place in 0..len {
                for filler in [b'a', 0x7f, 0x80, 0xff, 0x21, 0x5d] {
                    for byte in 0..=u8::MAX {
                        let mut bytes = vec![filler; len];
                        bytes[place] = byte;
                        assert_eq!(needs_json_escape(&bytes), slow(&bytes), "{bytes:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn outside_text_stays_on_one_line_and_shows_what_it_hides() {
        let shown = Escaped::new("m\r\nFORGED: a\u{2028}b\u{202E}c\u{2066}\\\u{7}").to_string();
        assert_eq!(
            shown,
            "m\\r\\nFORGED: a\\u{2028}b\\u{202e}c\\u{2066}\\\\\\u{7}"
        );
        assert_eq!(Escaped::cut("abcdef", 3).to_string(), "abc…");
        assert_eq!(Escaped::cut("abc", 3).to_string(), "abc");
        assert_eq!(Escaped::new("a\"b`").quoted('"').to_string(), "a\\\"b`");
    }

    #[test]
    fn bytes_show_their_start_and_their_length() {
        assert_eq!(EscapedBytes(b"a\xffb\n`").to_string(), "`a\u{FFFD}b\\n\\``");
        let long = "q".repeat(1 << 20);
        let shown = EscapedBytes(long.as_bytes()).to_string();
        assert_eq!(
            shown,
            format!("`{}`… (1048576 bytes)", "q".repeat(SHOWN_CHARS))
        );
        let exact = "q".repeat(SHOWN_CHARS);
        assert_eq!(
            EscapedBytes(exact.as_bytes()).to_string(),
            format!("`{exact}`")
        );
        let invalid = vec![0xff; 1000];
        let shown = EscapedBytes(&invalid).to_string();
        assert!(shown.ends_with("… (1000 bytes)"), "{shown}");
    }

    #[test]
    fn json_strings_are_serde_jsons_byte_for_byte() {
        let mut texts: Vec<String> = (0u32..0x80)
            .chain([0x7f, 0xe9, 0x2028, 0x2029, 0x202e, 0x1f600])
            .filter_map(char::from_u32)
            .map(|c| format!("a{c}b"))
            .collect();
        texts.extend([
            "".into(),
            "plain".into(),
            "\"\\\"\\".into(),
            "\u{0}\u{1f}".into(),
        ]);
        for text in texts {
            let mut ours = Vec::new();
            write_json_string(&mut ours, &text).unwrap();
            assert_eq!(ours, serde_json::to_vec(&text).unwrap(), "{text:?}");
        }
    }
}
