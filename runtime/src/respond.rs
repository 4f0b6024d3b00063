//! What the web framework integrations share: the request id in scope while a request is
//! answered, the body of an error response, and the envelope of an error response that is not
//! one already.
//!
//! The error's `IntoResponse` (or `ResponseError`) sees the error, not the request. The layer
//! (or middleware) that accepted the request's id puts that id in scope, a thread-local slot,
//! for exactly the time it polls the services inside it, and takes it back before returning:
//! every poll of a future runs on one thread, so the error rendered while answering the request
//! finds the request's id there, and nothing else (another task on the same thread, between two
//! polls) ever does. Rendering once, with that id, is all there is: nobody rewrites the body
//! afterwards, so middleware inside or outside (compression, tracing) sees the final body.

use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::Arc;
use std::thread::LocalKey;
use std::time::Duration;

use crate::{ErrorEnvelope, HttpError, StytchError};

/// The header a request's id travels in, both ways, unless the layer is told another.
pub(crate) const REQUEST_ID_HEADER: &str = "x-request-id";

/// The longest text of another middleware's error response that is read to become the
/// `error_message`; a longer one is cut to this many bytes (at a character boundary), with `…`.
pub(crate) const MAX_TEXT: usize = 256;

/// The slot of one integration: its own header value type.
pub(crate) type Slot<T> = LocalKey<RefCell<Option<T>>>;

/// Puts `id` in `slot` for the duration of `f`, and gives it back afterwards (also when `f`
/// panics), restoring whatever was there before: nested layers each see their own. Inlined,
/// so that the slot is reached directly rather than through its accessor.
#[inline]
pub(crate) fn in_scope<T: 'static, R>(
    slot: &'static Slot<T>,
    id: &mut Option<T>,
    f: impl FnOnce() -> R,
) -> R {
    struct Restore<'a, T: 'static> {
        slot: &'static Slot<T>,
        id: &'a mut Option<T>,
        previous: Option<T>,
    }
    impl<T: 'static> Drop for Restore<'_, T> {
        fn drop(&mut self) {
            let previous = self.previous.take();
            *self.id = self.slot.with(|current| current.replace(previous));
        }
    }
    let previous = slot.with(|current| current.replace(id.take()));
    let _restore = Restore { slot, id, previous };
    f()
}

/// The JSON body of an envelope, written once into a buffer of its size, so that the framework
/// takes the buffer as it is (a buffer with room to spare costs it one more allocation).
pub(crate) fn body(envelope: &ErrorEnvelope<'_>) -> Vec<u8> {
    let mut body = Vec::with_capacity(json_len(envelope));
    // Writing into a `Vec` cannot fail, nor can serializing strings and a number.
    if envelope.write_json(&mut body).is_err() {
        body.clear();
    }
    body
}

/// The length of the envelope's JSON, exact for the usual envelope (Stytch's five fields,
/// nothing to escape); a guess otherwise, which only sizes the buffer.
fn json_len(envelope: &ErrorEnvelope<'_>) -> usize {
    // `{"status_code":`, `,"request_id":"`, `","error_type":"`, `","error_message":"`,
    // `","error_url":"` and `"}`.
    const KEYS: usize = 15 + 15 + 16 + 19 + 15 + 2;
    let texts = [
        envelope.request_id().unwrap_or_default(),
        envelope.error_type(),
        envelope.error_message(),
        envelope.error_url().unwrap_or_default(),
    ];
    let digits = match envelope.status_code() {
        0..=9 => 1,
        10..=99 => 2,
        100..=999 => 3,
        1000..=9999 => 4,
        _ => 5,
    };
    KEYS + digits + texts.iter().map(|text| text.len()).sum::<usize>()
}

/// Whether a `content-type` is JSON (`application/json`, `application/problem+json`, ...),
/// in which case an error response is left as it is.
pub(crate) fn is_json(content_type: &[u8]) -> bool {
    // The one every envelope carries, told at once.
    if content_type == b"application/json" {
        return true;
    }
    let essence = content_type
        .split(|&b| b == b';')
        .next()
        .unwrap_or_default()
        .trim_ascii();
    let Some(subtype) = essence
        .get(..12)
        .filter(|head| head.eq_ignore_ascii_case(b"application/"))
        .map(|_| &essence[12..])
    else {
        return false;
    };
    subtype.eq_ignore_ascii_case(b"json")
        || (subtype.len() > 5 && subtype[subtype.len() - 5..].eq_ignore_ascii_case(b"+json"))
}

/// Whether a `content-type` is plain text, whose body becomes the `error_message`.
pub(crate) fn is_text(content_type: &[u8]) -> bool {
    let essence = content_type
        .split(|&b| b == b';')
        .next()
        .unwrap_or_default()
        .trim_ascii();
    essence.eq_ignore_ascii_case(b"text/plain")
}

/// The message made of another middleware's text answer: trimmed, control characters escaped
/// (`\n`, `\u{1b}`), cut to [`MAX_TEXT`] bytes with `…` when longer. `None` when nothing is
/// left, so that the entry's own message stands.
pub(crate) fn text_message(text: &[u8], truncated: bool) -> Option<String> {
    let text = String::from_utf8_lossy(text);
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let mut message = String::with_capacity(text.len().min(MAX_TEXT) + 4);
    let mut cut = truncated;
    for c in text.chars() {
        let before = message.len();
        if c.is_control() {
            message.extend(c.escape_default());
        } else {
            message.push(c);
        }
        if message.len() > MAX_TEXT {
            message.truncate(before);
            cut = true;
            break;
        }
    }
    if cut {
        message.push('…');
    }
    Some(message)
}

/// What turns an error response that is not an envelope into one: by default the
/// [`HttpError`] of its status, or what the service mapped it to.
#[derive(Clone)]
pub(crate) struct Convert(Option<Arc<MapFn>>);

/// A service's mapping, its result rendered to an owned envelope and its retry hint.
type MapFn =
    dyn Fn(HttpError, &str, &str) -> (ErrorEnvelope<'static>, Option<Duration>) + Send + Sync;

impl Convert {
    pub(crate) const DEFAULT: Convert = Convert(None);

    pub(crate) fn mapped<E, F>(map: F) -> Convert
    where
        F: Fn(HttpError, &str) -> E + Send + Sync + 'static,
        E: StytchError,
    {
        Convert(Some(Arc::new(move |error, message, request_id| {
            let error = map(error, message);
            (error.envelope(request_id).into_owned(), error.retry_after())
        })))
    }

    /// The envelope of an error response of `status` whose text, if any, was `text`, and the
    /// retry hint of the service's error it was mapped to (the response's own `Retry-After`
    /// header, if any, stands otherwise).
    pub(crate) fn envelope(
        &self,
        status: u16,
        text: Option<String>,
        request_id: &str,
    ) -> (ErrorEnvelope<'static>, Option<Duration>) {
        let error = HttpError::for_status_or_class(status);
        match &self.0 {
            Some(map) => map(
                error,
                text.as_deref().unwrap_or(error.error_message()),
                request_id,
            ),
            None => {
                let message: Cow<'static, str> = match text {
                    Some(text) => Cow::Owned(text),
                    None => Cow::Borrowed(error.error_message()),
                };
                let envelope = ErrorEnvelope::new(status, error.error_type(), message)
                    .with_request_id(request_id.to_owned())
                    .with_error_url(error.error_url());
                (envelope, None)
            }
        }
    }
}

impl std::fmt::Debug for Convert {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() {
            "mapped"
        } else {
            "HttpError"
        })
    }
}

/// The error response's event, with the `tracing` feature, when anyone listens for it.
#[cfg(feature = "tracing")]
pub(crate) fn wants_event(status: u16) -> bool {
    if status >= 500 {
        ::tracing::enabled!(target: crate::tracing::TARGET, ::tracing::Level::ERROR)
    } else {
        ::tracing::enabled!(target: crate::tracing::TARGET, ::tracing::Level::INFO)
    }
}

/// The envelope a response carries to the layer that logs it: put there by the error's
/// `IntoResponse` only when an event is wanted, taken off by the layer.
#[cfg(feature = "tracing")]
#[derive(Debug, Clone)]
pub(crate) struct Logged(pub(crate) ErrorEnvelope<'static>);

#[cfg(test)]
mod tests {
    use super::{MAX_TEXT, body, is_json, is_text, json_len, text_message};
    use crate::{ErrorEnvelope, HttpError, StytchError};

    #[test]
    fn the_body_is_the_envelope_in_a_buffer_of_its_size() {
        let entry = HttpError::route_not_found.envelope("request-id-1");
        let built = ErrorEnvelope::new(404, "widget_not_found", "Widget 7 could not be found.")
            .with_request_id("request-id-2")
            .with_error_url("https://example.com/errors#widget_not_found");
        for envelope in [entry, built] {
            let body = body(&envelope);
            assert_eq!(body, serde_json::to_vec(&envelope).unwrap());
            assert_eq!(body.len(), json_len(&envelope));
            assert_eq!(body.capacity(), body.len());
        }
        // Something to escape: a guess, and the same bytes.
        let quoted = ErrorEnvelope::new(400, "bad", "a \"quoted\"\nmessage").with_request_id("r");
        assert_eq!(body(&quoted), serde_json::to_vec(&quoted).unwrap());
    }

    #[test]
    fn json_and_text_content_types() {
        for json in [
            &b"application/json"[..],
            b"Application/JSON; charset=utf-8",
            b"application/problem+json",
            b" application/json ",
        ] {
            assert!(is_json(json), "{}", String::from_utf8_lossy(json));
        }
        for other in [
            &b"text/plain"[..],
            b"application/jsonx",
            b"+json",
            b"",
            b"json",
        ] {
            assert!(!is_json(other), "{}", String::from_utf8_lossy(other));
        }
        assert!(is_text(b"text/plain; charset=utf-8"));
        assert!(!is_text(b"text/html"));
    }

    #[test]
    fn text_is_trimmed_escaped_and_cut() {
        assert_eq!(text_message(b"  \n", false), None);
        assert_eq!(
            text_message(b"Failed to parse\n\x1b[31mred\r\n", false).unwrap(),
            "Failed to parse\\n\\u{1b}[31mred"
        );
        assert_eq!(text_message(b"cut", true).unwrap(), "cut…");
        let long = "é".repeat(200);
        let message = text_message(long.as_bytes(), false).unwrap();
        assert!(message.len() <= MAX_TEXT + '…'.len_utf8());
        assert!(message.ends_with("é…"));
        assert_eq!(text_message(b"\xff ok", false).unwrap(), "\u{fffd} ok");
    }
}
