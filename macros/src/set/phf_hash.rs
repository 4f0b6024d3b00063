// The hash of a wire name, and where it lands in a perfect hash table: the one source of both
// halves. `phf.rs` includes this file to build a set's table; `stytch_errors!` writes this
// file's text into the expansion, where the generated `from_error_type` looks names up with
// it. Written for both places: plain items, no `pub`, no doc comments, free of lints.

// The hash of a name, seeded.
#[inline]
fn hash(bytes: &[u8], seed: u64) -> u64 {
    const K0: u64 = 0x9E37_79B9_7F4A_7C15;
    const K1: u64 = 0xD6E8_FEB8_6659_FD93;
    let len = bytes.len();
    let h = seed ^ (len as u64).wrapping_mul(K0);
    let read = |at: usize| {
        let mut word = [0u8; 8];
        word.copy_from_slice(&bytes[at..at + 8]);
        u64::from_le_bytes(word)
    };
    if len > 16 {
        // Sixteen bytes at a time, the last sixteen overlapping the ones before.
        let mut h = h;
        let mut at = 0;
        while at + 16 < len {
            h = fold(read(at) ^ h, read(at + 8) ^ K1);
            at += 16;
        }
        fold(read(len - 16) ^ h, read(len - 8) ^ K1)
    } else if len >= 8 {
        fold(read(0) ^ h, read(len - 8) ^ K1)
    } else if len >= 4 {
        let mut half = [0u8; 4];
        half.copy_from_slice(&bytes[..4]);
        let low = u64::from(u32::from_le_bytes(half));
        half.copy_from_slice(&bytes[len - 4..]);
        let high = u64::from(u32::from_le_bytes(half));
        fold(low ^ h, high ^ K1)
    } else if len > 0 {
        let word = u64::from(bytes[0])
            | (u64::from(bytes[len / 2]) << 8)
            | (u64::from(bytes[len - 1]) << 16);
        fold(word ^ h, K1)
    } else {
        fold(h, K1)
    }
}

// The product of `a` and `b` folded onto 64 bits: both halves of the 128-bit product, xored.
#[inline]
fn fold(a: u64, b: u64) -> u64 {
    let product = u128::from(a) * u128::from(b);
    (product as u64) ^ ((product >> 64) as u64)
}

// `x * n / 2^64`: a number below `n`, from the high bits of `x`.
#[inline]
fn reduce(x: u64, n: usize) -> usize {
    ((u128::from(x) * n as u128) >> 64) as usize
}

// The bucket of a key with hash `h`: from its low half, which the slot does not use.
#[inline]
fn bucket(h: u64, buckets: usize) -> usize {
    reduce(h << 32, buckets)
}

// Where a key with hash `h` lands, given its bucket's displacement.
#[inline]
fn slot(h: u64, displacement: u64, slots: usize) -> usize {
    reduce((h ^ displacement).wrapping_mul(0xFF51_AFD7_ED55_8CCD), slots)
}
