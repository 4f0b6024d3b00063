//! Ranking of declared names by their likeness to a misspelled one.

/// The items whose names look like `query`, closest first.
///
/// Names are compared on their letters and digits only, lowercased, so that `EmailNotFound`
/// and `email-not-found` are exact matches of `email_not_found`. A name within a third of its
/// length in edits (transpositions count as one) is close; so is a name that contains the query.
/// Far matches are dropped when much closer ones exist: `emial_not_found` finds
/// `email_not_found` (one edit), not also `member_not_found` (four).
pub(crate) fn rank<T: Copy>(query: &str, items: &[T], name: impl Fn(T) -> &'static str) -> Vec<T> {
    let query = squash(query);
    if query.is_empty() {
        return Vec::new();
    }
    let threshold = (query.len() / 3).max(1);
    let mut ranked: Vec<(usize, usize, &'static str, T)> = items
        .iter()
        .filter_map(|&item| {
            let candidate = squash(name(item));
            let distance = edit_distance(&query, &candidate);
            let score = if distance <= threshold {
                distance
            } else if query.len() >= 3
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

fn squash(name: &str) -> Vec<u8> {
    name.bytes()
        .filter(u8::is_ascii_alphanumeric)
        .map(|b| b.to_ascii_lowercase())
        .collect()
}

/// Optimal string alignment distance: insertions, deletions, substitutions and adjacent
/// transpositions each cost one.
fn edit_distance(a: &[u8], b: &[u8]) -> usize {
    let width = b.len() + 1;
    let mut rows = vec![0usize; width * (a.len() + 1)];
    for (j, cell) in rows.iter_mut().take(width).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        rows[i * width] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[(i - 1) * width + j] + 1)
                .min(rows[i * width + j - 1] + 1)
                .min(rows[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[(i - 2) * width + j - 2] + 1);
            }
            rows[i * width + j] = best;
        }
    }
    rows[a.len() * width + b.len()]
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
    fn distance_counts_transpositions_once() {
        assert_eq!(edit_distance(b"email", b"emial"), 1);
        assert_eq!(edit_distance(b"kitten", b"sitting"), 3);
        assert_eq!(edit_distance(b"", b"abc"), 3);
    }
}
