//! Ranking of declared names by their likeness to a misspelled one.

/// The items whose names look like `query`, closest first.
///
/// Names are compared on their letters and digits only, lowercased, so that `EmailNotFound`
/// and `email-not-found` are exact matches of `email_not_found`. A name within a third of its
/// length in edits (transpositions count as one) is close; so is a name that contains the query.
/// Far matches are dropped when much closer ones exist: `emial_not_found` finds
/// `email_not_found` (one edit), not also `member_not_found` (four).
///
/// The cost is bounded by the names, whatever the query: a query with more letters and
/// digits than half again the longest name (or four times as many bytes) is close to none, and
/// is read no further; the distance to a name is computed only when the lengths allow it to be
/// close.
pub(crate) fn rank<T: Copy>(query: &str, items: &[T], name: impl Fn(T) -> &'static str) -> Vec<T> {
    let longest = items
        .iter()
        .map(|&item| name(item).len())
        .max()
        .unwrap_or(0);
    // A name within a third of the query's length in edits has at least two thirds of its
    // letters, and a name that contains it has all of them.
    let Some(query) = squash(query, longest + longest / 2 + 1) else {
        return Vec::new();
    };
    if query.is_empty() {
        return Vec::new();
    }
    let threshold = (query.len() / 3).max(1);
    let mut ranked: Vec<(usize, usize, &'static str, T)> = items
        .iter()
        .filter_map(|&item| {
            let candidate = squash(name(item), usize::MAX)?;
            let distance = if candidate.len().abs_diff(query.len()) <= threshold {
                edit_distance(&query, &candidate)
            } else {
                usize::MAX
            };
            let score = if distance <= threshold {
                distance
            } else if query.len() >= 3
                && query.len() <= candidate.len()
                && candidate
                    .windows(query.len())
                    .any(|window| window == query.as_slice())
            {
                threshold + 1
            } else {
                return None;
            };
            Some((score, candidate.len(), name(item), item))
        })
        .collect();
    ranked.sort_by(|a, b| (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)));
    let cutoff = ranked.first().map_or(0, |best| best.0 * 2 + 1);
    ranked
        .into_iter()
        .take_while(|candidate| candidate.0 <= cutoff)
        .map(|(.., item)| item)
        .collect()
}

/// The letters and digits of `name`, lowercased; `None` if there are more than `limit`, or if
/// `name` is more than four times that long, found without reading further.
fn squash(name: &str, limit: usize) -> Option<Vec<u8>> {
    if name.len() / 4 > limit {
        return None;
    }
    let mut squashed = Vec::new();
    for byte in name.bytes().filter(u8::is_ascii_alphanumeric) {
        if squashed.len() == limit {
            return None;
        }
        squashed.push(byte.to_ascii_lowercase());
    }
    Some(squashed)
}

/// Optimal string alignment distance: insertions, deletions, substitutions and adjacent
/// transpositions each cost one. Three rows of the table at a time.
fn edit_distance(a: &[u8], b: &[u8]) -> usize {
    let width = b.len() + 1;
    let mut before: Vec<usize> = vec![0; width];
    let mut previous: Vec<usize> = (0..width).collect();
    let mut current: Vec<usize> = vec![0; width];
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            current[j] = best;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: &[&str] = &[
        "email_not_found",
        "email_settings_not_found",
        "member_not_found",
        "phone_number_not_found",
        "session_not_found",
    ];

    fn names(query: &str) -> Vec<&'static str> {
        rank(query, NAMES, |name| name)
    }

    #[test]
    fn typos_and_casings_find_the_name() {
        assert_eq!(names("emial_not_found")[0], "email_not_found");
        assert_eq!(names("email_not_fond")[0], "email_not_found");
        assert_eq!(names("EmailNotFound")[0], "email_not_found");
        assert_eq!(names("email-not-found")[0], "email_not_found");
        assert_eq!(names("Email_Not_Found")[0], "email_not_found");
    }

    #[test]
    fn far_matches_give_way_to_close_ones() {
        assert_eq!(names("emial_not_found"), ["email_not_found"]);
        assert_eq!(names("EmailNotFound"), ["email_not_found"]);
        assert_eq!(names("membr_not_fond"), ["member_not_found"]);
    }

    #[test]
    fn a_part_of_the_name_finds_every_name_containing_it() {
        assert_eq!(
            names("email"),
            ["email_not_found", "email_settings_not_found"]
        );
    }

    #[test]
    fn unrelated_names_find_nothing() {
        assert!(names("widget_locked").is_empty());
        assert!(names("").is_empty());
        assert!(names("__").is_empty());
    }

    #[test]
    fn queries_far_longer_than_every_name_find_nothing() {
        assert!(names(&"q".repeat(1 << 20)).is_empty());
        assert!(names(&"email_not_found".repeat(3)).is_empty());
        // Separators do not count towards the letters, but do towards the bytes read.
        assert_eq!(
            names(&format!("email{}not_found", "_".repeat(20))),
            ["email_not_found"]
        );
        assert!(names(&format!("email{}not_found", "_".repeat(1 << 16))).is_empty());
    }

    #[test]
    fn distance_counts_transpositions_once() {
        assert_eq!(edit_distance(b"email", b"emial"), 1);
        assert_eq!(edit_distance(b"kitten", b"sitting"), 3);
        assert_eq!(edit_distance(b"", b"abc"), 3);
        assert_eq!(edit_distance(b"abc", b""), 3);
        assert_eq!(edit_distance(b"ca", b"abc"), 3);
    }
}
