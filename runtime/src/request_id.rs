//! Request ids: which ones a service takes from its clients, and fresh ones for the others.

use std::hash::{BuildHasher, RandomState};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// The longest request id taken from a client: a longer one is replaced, never echoed.
pub const MAX_REQUEST_ID_LEN: usize = 128;

/// Whether a client's request id is taken as the id of its request: 1 to
/// [`MAX_REQUEST_ID_LEN`] bytes of visible ASCII (`!` to `~`, so no spaces or control
/// characters). The web framework integrations answer any other with a generated id
/// ([`generate_request_id`]) and never echo the refused one, in a body, a header or a log.
///
/// ```
/// use stytch_errors::is_acceptable_request_id;
///
/// assert!(is_acceptable_request_id(b"request-id-test-b05c992f"));
/// assert!(!is_acceptable_request_id(b""));
/// assert!(!is_acceptable_request_id(b"two words"));
/// assert!(!is_acceptable_request_id("r\u{e9}sum\u{e9}".as_bytes()));
/// assert!(!is_acceptable_request_id(&[b'a'; 129]));
/// ```
#[must_use]
pub fn is_acceptable_request_id(id: &[u8]) -> bool {
    // Every byte is looked at, without stopping at the first refused one: a loop without a
    // branch, which the compiler checks many bytes at a time.
    !id.is_empty()
        && id.len() <= MAX_REQUEST_ID_LEN
        && id
            .iter()
            .fold(true, |visible, b| visible & (0x21..=0x7e).contains(b))
}

/// A fresh request id in Stytch's shape, `request-id-` and a random UUID-like suffix:
/// `request-id-6f1c2a9e-04b7-4d1e-9a3c-5b8e7f60d2a4`.
///
/// The web framework integrations use it when a request arrives without an acceptable
/// request id (see [`is_acceptable_request_id`]). Ids are unique within a process (a counter is part of what is hashed) and
/// unpredictable enough to tell requests apart in logs; they are not secrets.
///
/// ```
/// let id = stytch_errors::generate_request_id();
/// assert!(id.starts_with("request-id-"));
/// assert_eq!(id.len(), "request-id-".len() + 36);
/// assert_ne!(id, stytch_errors::generate_request_id());
/// ```
#[must_use]
pub fn generate_request_id() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_nanos());
    // `RandomState` is seeded from the operating system's randomness: the keys differ between
    // processes, so the ids do too.
    let keys = RandomState::new();
    let high = keys.hash_one((nanos, count, 0_u8));
    let low = keys.hash_one((nanos, count, 1_u8));
    // The version and variant bits of a random (v4) UUID, so that the suffix reads as one.
    let high = (high & !0xf000) | 0x4000;
    let low = (low & !(0b11 << 62)) | (0b10 << 62);
    format!(
        "request-id-{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        high >> 32,
        (high >> 16) & 0xffff,
        high & 0xffff,
        low >> 48,
        low & 0xffff_ffff_ffff,
    )
}

#[cfg(test)]
mod tests {
    use super::{generate_request_id, is_acceptable_request_id};

    #[test]
    fn ids_have_the_uuid_shape_and_differ() {
        let ids: Vec<String> = (0..100).map(|_| generate_request_id()).collect();
        for id in &ids {
            let suffix = id.strip_prefix("request-id-").unwrap();
            let groups: Vec<&str> = suffix.split('-').collect();
            let lengths: Vec<usize> = groups.iter().map(|group| group.len()).collect();
            assert_eq!(lengths, [8, 4, 4, 4, 12], "{id}");
            assert!(
                suffix.bytes().all(|b| b == b'-' || b.is_ascii_hexdigit()),
                "{id}"
            );
            assert!(groups[2].starts_with('4'), "{id}: version");
            assert!(groups[3].starts_with(['8', '9', 'a', 'b']), "{id}: variant");
        }
        assert!(ids.iter().all(|id| is_acceptable_request_id(id.as_bytes())));
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), ids.len());
    }
}
