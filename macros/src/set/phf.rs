//! The perfect hash of a set's wire names, built at compile time: `from_error_type` hashes the
//! string once, reads one pilot and one slot, and compares one string.
//!
//! The scheme is "hash and displace" (as in PTHash): the keys are split into buckets by their
//! hash; each bucket gets a pilot, chosen so that every key of the bucket lands on a free slot
//! of the table. The hash and the placement of a key are written once, in `phf_hash.rs`, which
//! this module includes to build a table and the expansion carries to look names up in it.

include!("phf_hash.rs");

/// The text of `phf_hash.rs`, which the expansion carries: the generated `from_error_type`
/// hashes and places a name with the very functions that built its table.
pub const HASH_SOURCE: &str = include_str!("phf_hash.rs");

/// The displacement a pilot stands for: what the generated table stores.
pub fn displacement(pilot: u16) -> u64 {
    fold(
        u64::from(pilot) ^ 0x5EED_5EED_5EED_5EED,
        0x9E37_79B9_7F4A_7C15,
    )
}

/// A built table: the seed, a displacement per bucket, and per slot the index of its key (or
/// `u32::MAX` for an empty slot).
pub struct Table {
    pub seed: u64,
    pub displacements: Vec<u64>,
    pub slots: Vec<u32>,
}

/// Builds the table of `names`, which are distinct.
pub fn build(names: &[&str]) -> Table {
    let n = names.len().max(1);
    // About four keys per bucket, and a table with a fifth of its slots free.
    let buckets = n.div_ceil(4).max(1);
    let slots = (n + n / 5).max(1);
    for attempt in 0u64.. {
        let seed = 0x5EED_0000_0000_0000 ^ attempt.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        if let Some(table) = try_build(names, seed, buckets, slots) {
            return table;
        }
    }
    unreachable!("some seed always succeeds")
}

fn try_build(names: &[&str], seed: u64, buckets: usize, slots: usize) -> Option<Table> {
    let hashes: Vec<u64> = names
        .iter()
        .map(|name| hash(name.as_bytes(), seed))
        .collect();
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); buckets];
    for (index, &h) in hashes.iter().enumerate() {
        members[bucket(h, buckets)].push(index);
    }
    let mut order: Vec<usize> = (0..buckets).collect();
    order.sort_by_key(|&bucket| std::cmp::Reverse(members[bucket].len()));
    let mut displacements = vec![0u64; buckets];
    let mut table = vec![u32::MAX; slots];
    let mut taken = Vec::new();
    for bucket in order {
        if members[bucket].is_empty() {
            break;
        }
        let found = (0..=u16::MAX).map(displacement).find(|&pilot| {
            taken.clear();
            members[bucket].iter().all(|&index| {
                let at = slot(hashes[index], pilot, slots);
                let free = table[at] == u32::MAX && !taken.contains(&at);
                taken.push(at);
                free
            })
        })?;
        displacements[bucket] = found;
        for &index in &members[bucket] {
            table[slot(hashes[index], found, slots)] = index as u32;
        }
    }
    Some(Table {
        seed,
        displacements,
        slots: table,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Names in the shape of Stytch's (`..._not_found`, `invalid_...`), many sharing long
    /// prefixes and suffixes, as the real ones do.
    fn names(count: usize) -> Vec<String> {
        (0..count)
            .map(|i| match i % 3 {
                0 => format!("widget_{i}_not_found"),
                1 => format!("invalid_widget_{i}"),
                _ => format!("widget_{i}"),
            })
            .collect()
    }

    #[test]
    fn every_name_finds_its_own_slot() {
        for count in [1, 2, 41, 804, 5000] {
            let owned = names(count);
            let names: Vec<&str> = owned.iter().map(String::as_str).collect();
            let table = build(&names);
            for (index, name) in names.iter().enumerate() {
                let h = hash(name.as_bytes(), table.seed);
                let d = table.displacements[bucket(h, table.displacements.len())];
                assert_eq!(table.slots[slot(h, d, table.slots.len())], index as u32);
            }
            let used = table.slots.iter().filter(|&&s| s != u32::MAX).count();
            assert_eq!(used, count);
        }
    }
}
