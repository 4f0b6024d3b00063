//! `ErrorEnvelope::write_json`: the envelope's JSON written directly. For the envelope of a
//! static entry, the macro's precomputed fragments are copied and only the request id is
//! escaped; any other envelope goes through serde_json. Both give the bytes `Serialize` gives.

use std::io;

use super::{ErrorEnvelope, Shape, Text};

impl ErrorEnvelope<'_> {
    /// Writes the envelope as JSON to `out`: the same bytes as
    /// `serde_json::to_writer(out, &envelope)`, faster for an envelope built from an entry of a
    /// declared set (by [`StytchError::envelope`](crate::StytchError::envelope) or
    /// [`ErrorInfo::envelope`](crate::ErrorInfo::envelope)), whose JSON was precomputed at
    /// compile time: only the request id is escaped. `out` gets several writes; give it a
    /// buffer (a `Vec<u8>`, a `BufWriter`) rather than a socket.
    ///
    /// ```
    /// use stytch_errors::{ConsumerError, StytchError};
    ///
    /// let mut body = Vec::with_capacity(512);
    /// ConsumerError::email_not_found.envelope("request-id-1").write_json(&mut body)?;
    /// assert!(body.starts_with(br#"{"status_code":404,"request_id":"request-id-1","#));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// What `out` fails with.
    pub fn write_json<W: io::Write>(&self, mut out: W) -> io::Result<()> {
        // The fragments cover an entry's envelope as built, with its request id.
        match (self.entry.0, &self.request_id) {
            (Some(info), Text::Present(request_id))
                if self.shape == Shape::Stytch && self.extra.is_empty() =>
            {
                // The head ends with `"request_id":"` and the tail starts with `",`: three
                // writes, as a hand-written copier makes.
                out.write_all(info.json_head.as_bytes())?;
                write_escaped(&mut out, request_id)?;
                out.write_all(info.json_tail.as_bytes())
            }
            _ => serde_json::to_writer(out, self).map_err(io::Error::from),
        }
    }
}

/// `text` as the contents of a JSON string, escaped as serde_json escapes: `"`, `\` and the
/// control characters, which are written `\n`, `\t`... or `\u00XX`.
fn write_escaped<W: io::Write>(out: &mut W, text: &str) -> io::Result<()> {
    let bytes = text.as_bytes();
    // Request ids rarely hold anything to escape: one pass to tell, one copy.
    if bytes
        .iter()
        .all(|&byte| byte >= 0x20 && byte != b'"' && byte != b'\\')
    {
        return out.write_all(bytes);
    }
    let mut start = 0;
    for (at, &byte) in bytes.iter().enumerate() {
        let escape: &[u8] = match byte {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0x00..=0x1f => {
                out.write_all(&bytes[start..at])?;
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.write_all(&[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[usize::from(byte >> 4)],
                    HEX[usize::from(byte & 0xf)],
                ])?;
                start = at + 1;
                continue;
            }
            _ => continue,
        };
        out.write_all(&bytes[start..at])?;
        out.write_all(escape)?;
        start = at + 1;
    }
    out.write_all(&bytes[start..])
}

#[cfg(test)]
mod tests {
    use crate::ErrorInfo;

    /// Fragments that differ from what serde writes (spaces after the colons), to tell which
    /// path wrote the bytes.
    static INFO: ErrorInfo = ErrorInfo::__new(
        404,
        "gone",
        "Gone.",
        "https://x.test/404#gone",
        "gone",
        "Gone",
        "Gone.",
        &[],
        &[],
        r#"{"status_code": 404,"request_id":""#,
        r#"","error_type": "gone","error_message": "Gone.","error_url": "https://x.test/404#gone"}"#,
    );

    fn written(envelope: &crate::ErrorEnvelope<'_>) -> String {
        let mut out = Vec::new();
        envelope.write_json(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn an_entrys_envelope_copies_the_fragments_and_escapes_the_request_id() {
        assert_eq!(
            written(&INFO.envelope("a\"b\\c\u{1}\n")),
            concat!(
                r#"{"status_code": 404,"request_id":"a\"b\\c\u0001\n","#,
                r#""error_type": "gone","error_message": "Gone.","error_url": "https://x.test/404#gone"}"#
            )
        );
    }

    #[test]
    fn a_changed_envelope_goes_through_serde() {
        let changed = INFO.envelope("r").with_error_url("https://x.test/other");
        assert_eq!(written(&changed), serde_json::to_string(&changed).unwrap());
        assert!(!written(&changed).contains(": "));
        let extra = INFO.envelope("r").with_extra("k", 1);
        assert_eq!(written(&extra), serde_json::to_string(&extra).unwrap());
    }
}
