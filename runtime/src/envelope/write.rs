//! `ErrorEnvelope::write_json`: the envelope's JSON written directly. For the envelope of a
//! static entry, the macro's precomputed fragments are copied around the request id; for the
//! usual envelope of fields (the Stytch shape, its five fields and nothing else), its keys are
//! written as they are around its values; any other envelope is written member by member. The
//! strings are written by the crate's one JSON string writer, and all give the bytes
//! `Serialize` gives through serde_json.

use std::io;

use super::ser::Member;
use super::{ErrorEnvelope, Repr};
use crate::text::{needs_json_escape, write_json_string};

impl ErrorEnvelope<'_> {
    /// Writes the envelope as JSON to `out`: the same bytes as
    /// `serde_json::to_writer(out, &envelope)`, without going through serde. For an envelope
    /// built from an entry of a declared set (by
    /// [`StytchError::envelope`](crate::StytchError::envelope) or
    /// [`ErrorInfo::envelope`](crate::ErrorInfo::envelope)) and not changed since, whose JSON
    /// was precomputed at compile time, only the request id is escaped; any other is written
    /// field by field. `out` gets several writes; give it a buffer (a `Vec<u8>`, a
    /// `BufWriter`) rather than a socket.
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
    #[inline]
    pub fn write_json<W: io::Write>(&self, mut out: W) -> io::Result<()> {
        match &self.repr {
            Repr::Entry { info, request_id } => {
                // The tail starts with the closing quote of the request id. An id with nothing
                // to escape (nearly all) is copied between a head that ends with its opening
                // quote and the tail: three copies.
                let tail = info.json_tail.as_bytes();
                if let Some(head) = QuotedHead::of(info.status_code())
                    && !needs_json_escape(request_id.as_bytes())
                {
                    out.write_all(&head.0)?;
                    out.write_all(request_id.as_bytes())?;
                    return out.write_all(tail);
                }
                out.write_all(Head::of(info.status_code()).as_bytes())?;
                write_json_string(&mut out, request_id)?;
                out.write_all(&tail[1..])
            }
            Repr::Fields(fields) => {
                // The usual envelope: its keys, which need no escaping, written as they are.
                if let Some([request_id, message, url]) = fields.usual() {
                    out.write_all(Head::of(fields.status_code).as_bytes())?;
                    write_json_string(&mut out, request_id)?;
                    out.write_all(br#","error_type":"#)?;
                    write_json_string(&mut out, &fields.error_type)?;
                    out.write_all(br#","error_message":"#)?;
                    write_json_string(&mut out, message)?;
                    out.write_all(br#","error_url":"#)?;
                    write_json_string(&mut out, url)?;
                    return out.write_all(b"}");
                }
                out.write_all(b"{")?;
                for (index, (key, member)) in fields.members().enumerate() {
                    if index > 0 {
                        out.write_all(b",")?;
                    }
                    write_json_string(&mut out, key)?;
                    out.write_all(b":")?;
                    match member {
                        Member::Status(status) => out.write_all(Digits::of(status).as_bytes())?,
                        Member::Text(text) => write_json_string(&mut out, text)?,
                        Member::Null => out.write_all(b"null")?,
                        Member::Extra(value) => serde_json::to_writer(&mut out, value)?,
                    }
                }
                out.write_all(b"}")
            }
        }
    }
}

/// An envelope's JSON up to the request id's first byte, `{"status_code":404,"request_id":"`,
/// for a status of three digits (every declared one): a constant with the digits put in.
struct QuotedHead([u8; 33]);

impl QuotedHead {
    const TEMPLATE: &[u8; 33] = br#"{"status_code":000,"request_id":""#;

    #[inline]
    fn of(status: u16) -> Option<QuotedHead> {
        if !(100..=999).contains(&status) {
            return None;
        }
        let mut head = QuotedHead(*Self::TEMPLATE);
        // Each a digit, below 10: the casts keep them whole.
        head.0[15] = b'0' + (status / 100) as u8;
        head.0[16] = b'0' + (status / 10 % 10) as u8;
        head.0[17] = b'0' + (status % 10) as u8;
        Some(head)
    }
}

/// An envelope's JSON up to the request id's value, `{"status_code":404,"request_id":`, built
/// on the stack for one write.
struct Head {
    bytes: [u8; 34],
    len: usize,
}

impl Head {
    fn of(status: u16) -> Head {
        let mut head = Head {
            bytes: [0; 34],
            len: 0,
        };
        for part in [
            br#"{"status_code":"#.as_slice(),
            Digits::of(status).as_bytes(),
            br#","request_id":"#.as_slice(),
        ] {
            head.bytes[head.len..head.len + part.len()].copy_from_slice(part);
            head.len += part.len();
        }
        head
    }

    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

/// A status in decimal, without going through `fmt`.
struct Digits {
    bytes: [u8; 5],
    start: usize,
}

impl Digits {
    fn of(mut number: u16) -> Digits {
        let mut digits = Digits {
            bytes: [b'0'; 5],
            start: 5,
        };
        loop {
            digits.start -= 1;
            // A digit, below 10: the cast keeps it whole.
            digits.bytes[digits.start] = b'0' + (number % 10) as u8;
            number /= 10;
            if number == 0 {
                return digits;
            }
        }
    }

    fn as_bytes(&self) -> &[u8] {
        &self.bytes[self.start..]
    }
}

#[cfg(test)]
mod tests {
    use crate::ErrorInfo;

    /// A tail that differs from what serde writes (spaces after the colons), to tell which path
    /// wrote the bytes.
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
        r#"","error_type": "gone","error_message": "Gone.","error_url": "https://x.test/404#gone"}"#,
    );

    fn written(envelope: &crate::ErrorEnvelope<'_>) -> String {
        let mut out = Vec::new();
        envelope.write_json(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn the_quoted_head_is_the_head_and_a_quote_for_every_three_digit_status() {
        for status in 0..=u16::MAX {
            let quoted = super::QuotedHead::of(status);
            if (100..=999).contains(&status) {
                let mut head = super::Head::of(status).as_bytes().to_vec();
                head.push(b'"');
                assert_eq!(quoted.map(|head| head.0.to_vec()), Some(head));
            } else {
                assert!(quoted.is_none(), "{status}");
            }
        }
    }

    #[test]
    fn digits_are_the_decimal_of_every_status() {
        for status in 0..=u16::MAX {
            assert_eq!(
                super::Digits::of(status).as_bytes(),
                status.to_string().as_bytes()
            );
        }
    }

    #[test]
    fn an_entrys_envelope_copies_the_fragments_and_escapes_the_request_id() {
        assert_eq!(
            written(&INFO.envelope("a\"b\\c\u{1}\n")),
            concat!(
                r#"{"status_code":404,"request_id":"a\"b\\c\u0001\n","#,
                r#""error_type": "gone","error_message": "Gone.","error_url": "https://x.test/404#gone"}"#
            )
        );
    }

    #[test]
    fn a_changed_envelope_is_written_member_by_member_as_serde_writes_it() {
        let changed = INFO.envelope("r").with_error_url("https://x.test/other");
        assert_eq!(written(&changed), serde_json::to_string(&changed).unwrap());
        assert!(!written(&changed).contains(": "));
        let extra = INFO.envelope("r").with_extra("k", 1);
        assert_eq!(written(&extra), serde_json::to_string(&extra).unwrap());
    }

    #[test]
    fn the_usual_envelope_has_its_keys_written_as_they_are_and_its_values_escaped() {
        let usual = crate::ErrorEnvelope::new(404, "t\"", "m\n")
            .with_request_id("r\\")
            .with_error_url("u");
        assert_eq!(
            written(&usual),
            r#"{"status_code":404,"request_id":"r\\","error_type":"t\"","error_message":"m\n","error_url":"u"}"#
        );
        // Not the usual one: without a url, without a request id, in the OAuth2 shape, with
        // an extra field, parsed without a status. The same bytes as serde's, all of them.
        let oauth2 = br#"{"error":"invalid_client","error_description":"Bad."}"#;
        for other in [
            crate::ErrorEnvelope::new(400, "t", "m").with_request_id("r"),
            crate::ErrorEnvelope::new(400, "t", "m").with_error_url("u"),
            usual.clone().with_shape(crate::Shape::OAuth2),
            usual.clone().with_extra("k", 1),
            crate::ErrorEnvelope::parse_with_status(oauth2, Some(401)).unwrap(),
        ] {
            assert_eq!(written(&other), serde_json::to_string(&other).unwrap());
            assert_ne!(other, usual);
        }
    }
}
