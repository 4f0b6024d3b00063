//! The perfect hash of a set's wire names, built at compile time: `from_error_type` hashes the
//! string once, reads one pilot and one slot, and compares one string.
//!
//! The scheme is "hash and displace" (as in PTHash): the keys are split into buckets by their
//! hash; each bucket gets a pilot, chosen so that every key of the bucket lands on a free slot
//! of the table. The runtime's `__private::phf_lookup` is the other half, and its hash must be
//! this one, bit for bit: the generated code asserts it at compile time.

/// The hash of a name, seeded. Mirrors `stytch_errors_runtime::__private::hash`.
pub fn hash(bytes: &[u8], seed: u64) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = seed ^ (bytes.len() as u64).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        h = (h ^ word).wrapping_mul(K).rotate_left(26);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut tail = [0u8; 8];
        tail[..rest.len()].copy_from_slice(rest);
        h = (h ^ u64::from_le_bytes(tail)).wrapping_mul(K).rotate_left(26);
    }
    h ^= h >> 32;
    h = h.wrapping_mul(0xD6E8_FEB8_6659_FD93);
    h ^ (h >> 29)
}

/// `x * n / 2^64`: a number below `n`, from the high bits of `x`.
pub fn reduce(x: u64, n: usize) -> usize {
    ((u128::from(x) * n as u128) >> 64) as usize
}

/// Where a key with hash `h` lands, given its bucket's pilot.
pub fn slot(h: u64, pilot: u16, slots: usize) -> usize {
    reduce(
        (h ^ u64::from(pilot).wrapping_mul(0x9E37_79B9_7F4A_7C15)).wrapping_mul(0xFF51_AFD7_ED55_8CCD),
        slots,
    )
}

/// A built table: the seed, a pilot per bucket, and per slot the index of its key (or
/// `u32::MAX` for an empty slot).
pub struct Table {
    pub seed: u64,
    pub pilots: Vec<u16>,
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
    let hashes: Vec<u64> = names.iter().map(|name| hash(name.as_bytes(), seed)).collect();
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); buckets];
    for (index, &h) in hashes.iter().enumerate() {
        members[reduce(h, buckets)].push(index);
    }
    let mut order: Vec<usize> = (0..buckets).collect();
    order.sort_by_key(|&bucket| std::cmp::Reverse(members[bucket].len()));
    let mut pilots = vec![0u16; buckets];
    let mut table = vec![u32::MAX; slots];
    let mut taken = Vec::new();
    for bucket in order {
        if members[bucket].is_empty() {
            break;
        }
        let found = (0..=u16::MAX).find(|&pilot| {
            taken.clear();
            members[bucket].iter().all(|&index| {
                let at = slot(hashes[index], pilot, slots);
                let free = table[at] == u32::MAX && !taken.contains(&at);
                taken.push(at);
                free
            })
        })?;
        pilots[bucket] = found;
        for &index in &members[bucket] {
            table[slot(hashes[index], found, slots)] = index as u32;
        }
    }
    Some(Table {
        seed,
        pilots,
        slots: table,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_finds_its_slot_and_no_other_name_does() {
        let text = include_str!("../../tests/fixtures/stytch_error_types.txt");
        let names: Vec<&str> = text.lines().filter(|line| !line.is_empty()).collect();
        for count in [1, 2, 41, names.len()] {
            let names = &names[..count];
            let table = build(names);
            for (index, name) in names.iter().enumerate() {
                let h = hash(name.as_bytes(), table.seed);
                let pilot = table.pilots[reduce(h, table.pilots.len())];
                assert_eq!(table.slots[slot(h, pilot, table.slots.len())], index as u32);
            }
            let used = table.slots.iter().filter(|&&s| s != u32::MAX).count();
            assert_eq!(used, count);
        }
    }
}
