//! The part of a derived type's kind enum that is the same for each: its listing, built at
//! compile time from its variants' parts, each error_type once, and the report of an error_type
//! that two variants send at two statuses.

use crate::ErrorInfo;

/// One variant's part of a kind's listing: the variant's index among the type's variants,
/// whether the error is the type's own (not a transparent field's), and what it lists (one
/// error for its own, the field's kind's `__INFOS` for a transparent one).
pub type Part = (usize, bool, &'static [&'static ErrorInfo]);

/// One error of a kind's listing: the variant that lists it, its index in that variant's part,
/// whether it is the type's own, and its metadata.
#[derive(Clone, Copy)]
pub struct ListedError {
    /// The index of the variant among the type's variants.
    pub variant: usize,
    /// The index in the variant's part (of its transparent field's kind's entries).
    pub index: usize,
    /// Whether the variant sends it itself, rather than through its transparent field.
    pub own: bool,
    /// The metadata.
    pub info: &'static ErrorInfo,
}

/// `kind` as its set names it: the kind that the kind's error_type is listed under (a
/// transparent field's kind whose error_type the type's own variant sends is that variant's).
pub fn canonical<K: crate::ErrorSet>(kind: K) -> K {
    K::from_error_type(kind.info().error_type()).unwrap_or(kind)
}

/// What fills an array before it is written; never read.
const UNSET: ListedError = ListedError {
    variant: usize::MAX,
    index: 0,
    own: false,
    info: &ErrorInfo::__new(0, "", "", "", "", "", "", &[], &[], ""),
};

/// FNV-1a of `text`.
const fn hash(text: &str) -> u64 {
    let bytes = text.as_bytes();
    let (mut hash, mut i) = (0xcbf2_9ce4_8422_2325_u64, 0);
    while i < bytes.len() {
        hash = (hash ^ bytes[i] as u64).wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    hash
}

/// The errors of `parts`, in order, with what was kept of them and the clash to report for each
/// variant (`N` errors, `V` variants).
pub struct Listing<const N: usize, const V: usize> {
    listed: [ListedError; N],
    kept: [bool; N],
    /// How many errors are kept.
    pub count: usize,
    /// For each variant, the other variant it clashes with (`usize::MAX` for none) on an
    /// error_type listed under two statuses, with the two errors.
    clashes: [(usize, ListedError, ListedError); V],
}

/// How many errors `parts` list, kept or not.
pub const fn listed_len(parts: &[Part]) -> usize {
    let (mut len, mut i) = (0, 0);
    while i < parts.len() {
        len += parts[i].2.len();
        i += 1;
    }
    len
}

/// The listing of `parts`: each error_type kept once, the type's own variant's where it has one,
/// otherwise the first variant's that lists it; and for each variant, an error_type it lists at
/// a status other than the kept one's. One sort, so that the cost grows as `n log n` with the
/// errors listed.
pub const fn listing<const N: usize, const V: usize>(parts: &[Part]) -> Listing<N, V> {
    let mut listed = [UNSET; N];
    // Each error's sort key: its error_type's hash, then the own first, then its place.
    let mut keys = [0_u128; N];
    let (mut at, mut p) = (0, 0);
    while p < parts.len() {
        let (variant, own, infos) = parts[p];
        let mut index = 0;
        while index < infos.len() {
            let info = infos[index];
            listed[at] = ListedError {
                variant,
                index,
                own,
                info,
            };
            keys[at] =
                ((hash(info.error_type()) as u128) << 64) | ((!own as u128) << 32) | at as u128;
            (at, index) = (at + 1, index + 1);
        }
        p += 1;
    }
    sort(&mut keys);
    let mut kept = [false; N];
    let mut seen = [false; N];
    let mut clashes = [(usize::MAX, UNSET, UNSET); V];
    let (mut count, mut start) = (0, 0);
    while start < N {
        // The errors whose error_types share a hash: `keys[start..end]`, nearly always of one
        // error_type. The first of each error_type there is the one kept.
        let mut end = start + 1;
        while end < N && keys[end] >> 64 == keys[start] >> 64 {
            end += 1;
        }
        let mut i = start;
        while i < end {
            let first = listed[keys[i] as u32 as usize];
            if !seen[keys[i] as u32 as usize] {
                kept[keys[i] as u32 as usize] = true;
                count += 1;
                let mut j = i + 1;
                while j < end {
                    let other = listed[keys[j] as u32 as usize];
                    if super::str_cmp(first.info.error_type(), other.info.error_type()) == 0 {
                        seen[keys[j] as u32 as usize] = true;
                        clash(&mut clashes, first, other);
                    }
                    j += 1;
                }
            }
            i += 1;
        }
        start = end;
    }
    Listing {
        listed,
        kept,
        count,
        clashes,
    }
}

/// Notes that `first`, the kept error of an error_type, and `other` clash if their statuses
/// differ: reported on the variant the user wrote the status on, else on the later one. Two of
/// the type's own variants with one error_type are reported on their own.
const fn clash<const V: usize>(
    clashes: &mut [(usize, ListedError, ListedError); V],
    first: ListedError,
    other: ListedError,
) {
    if other.info.status_code() == first.info.status_code() || (first.own && other.own) {
        return;
    }
    let (blamed, with) = if first.own {
        (first, other)
    } else {
        (other, first)
    };
    if clashes[blamed.variant].0 == usize::MAX {
        clashes[blamed.variant] = (with.variant, blamed, with);
    }
}

impl<const N: usize, const V: usize> Listing<N, V> {
    /// The kept errors, in the order listed (`K` is [`count`](Self::count)).
    pub const fn kept<const K: usize>(&self) -> [ListedError; K] {
        let mut out = [UNSET; K];
        let (mut i, mut k) = (0, 0);
        while i < N {
            if self.kept[i] {
                out[k] = self.listed[i];
                k += 1;
            }
            i += 1;
        }
        out
    }

    /// For each variant, whether it lists an error_type at a status another variant lists it
    /// at too.
    pub const fn clashes(&self) -> [bool; V] {
        let mut clashes = [false; V];
        let mut variant = 0;
        while variant < V {
            clashes[variant] = self.clashes[variant].0 != usize::MAX;
            variant += 1;
        }
        clashes
    }

    /// The report of `variant`'s clash, naming both variants (`labels` are the variants'
    /// paths, by index, such as `AppError::Locked`).
    pub const fn clash_message(&self, variant: usize, labels: &[&str]) -> Message {
        let (other, blamed, with) = self.clashes[variant];
        let name = blamed.info.error_type();
        Message::new()
            .push("`")
            .push(labels[variant])
            .push("` sends error_type `")
            .push(name)
            .push("` at status ")
            .status(blamed.info.status_code())
            .push(through(blamed.own))
            .push(", and `")
            .push(labels[other])
            .push("` sends it at status ")
            .status(with.info.status_code())
            .push(through(with.own))
            .push(": an error_type has one status; make the two agree, or give `")
            .push(labels[variant])
            .push("` an error_type of its own")
    }
}

const fn through(own: bool) -> &'static str {
    if own {
        ""
    } else {
        " through its transparent field"
    }
}

/// The metadata of kept errors, in their order.
pub const fn infos<const K: usize>(kept: &[ListedError; K]) -> [&'static ErrorInfo; K] {
    let mut out = [UNSET.info; K];
    let mut i = 0;
    while i < K {
        out[i] = kept[i].info;
        i += 1;
    }
    out
}

/// References to each of a set's entries' metadata, in order.
pub const fn refs<const N: usize>(infos: &'static [ErrorInfo; N]) -> [&'static ErrorInfo; N] {
    let mut out = [UNSET.info; N];
    let mut i = 0;
    while i < N {
        out[i] = &infos[i];
        i += 1;
    }
    out
}

/// `keys` in ascending order: heapsort, in place and without allocation, as a `const fn`
/// allows.
const fn sort<const N: usize>(keys: &mut [u128; N]) {
    let mut start = N / 2;
    while start > 0 {
        start -= 1;
        sift_down(keys, start, N);
    }
    let mut end = N;
    while end > 1 {
        end -= 1;
        (keys[0], keys[end]) = (keys[end], keys[0]);
        sift_down(keys, 0, end);
    }
}

const fn sift_down(keys: &mut [u128], mut root: usize, end: usize) {
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && keys[child] < keys[child + 1] {
            child += 1;
        }
        if keys[root] >= keys[child] {
            return;
        }
        (keys[root], keys[child]) = (keys[child], keys[root]);
        root = child;
    }
}

/// A compile-time message: text put together in a fixed buffer (cut at its size).
pub struct Message {
    bytes: [u8; 1024],
    len: usize,
}

impl Message {
    const fn new() -> Self {
        Message {
            bytes: [0; 1024],
            len: 0,
        }
    }

    const fn push(mut self, text: &str) -> Self {
        let text = text.as_bytes();
        let mut n = text.len();
        if n > self.bytes.len() - self.len {
            // Cut at a character's start: the buffer holds text.
            n = self.bytes.len() - self.len;
            while n > 0 && (text[n] & 0xC0) == 0x80 {
                n -= 1;
            }
        }
        let mut i = 0;
        while i < n {
            self.bytes[self.len + i] = text[i];
            i += 1;
        }
        self.len += n;
        self
    }

    const fn status(self, status: u16) -> Self {
        let digits = [
            b'0' + (status / 100 % 10) as u8,
            b'0' + (status / 10 % 10) as u8,
            b'0' + (status % 10) as u8,
        ];
        match core::str::from_utf8(&digits) {
            Ok(text) => self.push(text),
            Err(_) => self,
        }
    }

    /// The text.
    pub const fn as_str(&self) -> &str {
        match core::str::from_utf8(self.bytes.split_at(self.len).0) {
            Ok(text) => text,
            Err(_) => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn info(status: u16, error_type: &'static str) -> ErrorInfo {
        ErrorInfo::__new(status, error_type, "", "", "", "", "", &[], &[], "")
    }

    static OWN: ErrorInfo = info(423, "widget_locked");
    static SET: [ErrorInfo; 3] = [
        info(404, "widget_not_found"),
        info(409, "widget_locked"),
        info(400, "bad_widget"),
    ];
    static OTHER: [ErrorInfo; 2] = [info(404, "widget_not_found"), info(500, "bad_widget")];

    #[test]
    fn each_error_type_is_kept_once_the_own_first_and_clashes_are_found() {
        const SET_INFOS: [&ErrorInfo; 3] = refs(&SET);
        const OTHER_INFOS: [&ErrorInfo; 2] = refs(&OTHER);
        // The transparent set first, the own variant after it, a second set last.
        const PARTS: &[Part] = &[
            (0, false, &SET_INFOS),
            (1, true, &[&OWN]),
            (2, false, &OTHER_INFOS),
        ];
        const LISTING: Listing<6, 3> = listing(PARTS);
        assert_eq!(LISTING.count, 3);
        let kept: [ListedError; 3] = LISTING.kept();
        let kept: Vec<(usize, &str, u16)> = kept
            .iter()
            .map(|e| (e.variant, e.info.error_type(), e.info.status_code()))
            .collect();
        // In the order listed; `widget_locked` the own variant's, at its place.
        assert_eq!(
            kept,
            [
                (0, "widget_not_found", 404),
                (0, "bad_widget", 400),
                (1, "widget_locked", 423)
            ]
        );
        // The own variant against the set (423 and 409), the second set against the first (500
        // and 400); `widget_not_found` agrees.
        assert_eq!(LISTING.clashes(), [false, true, true]);
        let labels = ["App::Widget", "App::Locked", "App::Legacy"];
        assert_eq!(
            LISTING.clash_message(1, &labels).as_str(),
            "`App::Locked` sends error_type `widget_locked` at status 423, and `App::Widget` sends it at status 409 through its transparent field: an error_type has one status; make the two agree, or give `App::Locked` an error_type of its own"
        );
        assert!(LISTING.clash_message(2, &labels).as_str().starts_with(
            "`App::Legacy` sends error_type `bad_widget` at status 500 through its transparent field, and `App::Widget` sends it at status 400 through"
        ));
    }

    #[test]
    fn a_message_is_cut_at_a_character() {
        let long = "é".repeat(600);
        let message = Message::new().push("a").push(&long);
        assert_eq!(message.as_str().len(), 1023);
        assert!(message.as_str().ends_with('é'));
        assert_eq!(Message::new().status(429).as_str(), "429");
    }
}
