//! The on-disk form of the offline buffer: a fixed header (magic, format
//! version, body length, CRC-32 of the body) and a postcard body. Decoding
//! never panics and never trusts a length it has not checked against the
//! bytes it holds, so any file, however damaged, ends in a [`Corruption`].
//!
//! ```text
//! offset  size  field
//!      0     8  magic "PICCOBUF"
//!      8     4  format version, u32 little-endian (1)
//!     12     4  body length in bytes, u32 little-endian
//!     16     4  CRC-32 (IEEE) of the body, u32 little-endian
//!     20     n  body: postcard of `Body`
//! ```

use serde::{Deserialize, Serialize};

/// First bytes of every buffer file.
pub const MAGIC: [u8; 8] = *b"PICCOBUF";
/// Bumped on any incompatible change of the body; older files are set aside.
pub const VERSION: u32 = 1;
/// Magic, version, body length and checksum.
pub const HEADER_LEN: usize = 20;

/// One entry as stored; the payload borrows from the file bytes on decode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct WireEntry<'a> {
    pub seq: u64,
    pub time_ms: i64,
    pub payload: &'a [u8],
}

/// Everything the buffer persists besides the entries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// The seq the next pushed entry gets: seqs never repeat for this device,
    /// because the master skips what it has already recorded by seq.
    pub next_seq: u64,
    /// Entries dropped (oldest first) because the buffer was full.
    pub dropped: u64,
    /// The highest seq among the dropped entries.
    pub dropped_through_seq: u64,
    /// Time of the first entry since the buffer was last emptied.
    pub offline_since_ms: Option<i64>,
}

/// Serializes `len` entries from an iterator without collecting them.
struct Entries<I> {
    len: usize,
    iter: I,
}

impl<'a, I: Iterator<Item = WireEntry<'a>> + Clone> Serialize for Entries<I> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeSeq};
        let mut seq = s.serialize_seq(Some(self.len))?;
        let mut n = 0;
        for e in self.iter.clone() {
            seq.serialize_element(&e)?;
            n += 1;
        }
        if n != self.len {
            return Err(S::Error::custom("entry count changed while encoding"));
        }
        seq.end()
    }
}

#[derive(Deserialize)]
struct BodyIn<'a> {
    meta: Meta,
    #[serde(borrow)]
    entries: Vec<WireEntry<'a>>,
}

/// A decoded file: its metadata and its entries in seq order.
#[derive(Debug, PartialEq, Eq)]
pub struct Decoded<'a> {
    pub meta: Meta,
    pub entries: Vec<WireEntry<'a>>,
}

/// What is wrong with a buffer file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Corruption {
    #[error("file cannot be read: {0}")]
    Unreadable(String),
    #[error("file is {len} bytes, larger than any buffer this agent writes ({max} bytes)")]
    TooLarge { len: u64, max: u64 },
    #[error("file is {len} bytes, shorter than the {HEADER_LEN}-byte header (truncated)")]
    ShortHeader { len: usize },
    #[error("bad magic (not an offline buffer file)")]
    BadMagic,
    #[error("format version {found}, this agent reads version {VERSION}")]
    UnsupportedVersion { found: u32 },
    #[error("truncated: header announces a {expected}-byte body, file holds {actual}")]
    Truncated { expected: u64, actual: u64 },
    #[error("{extra} unexpected bytes after the {expected}-byte body")]
    TrailingBytes { expected: u64, extra: u64 },
    #[error("checksum mismatch: header says {expected:#010x}, body hashes to {actual:#010x}")]
    Checksum { expected: u32, actual: u32 },
    #[error("body does not decode: {0}")]
    Decode(String),
    #[error("inconsistent contents: {0}")]
    Inconsistent(&'static str),
}

/// The largest file this build can have written for `capacity` entries of at
/// most `max_payload` bytes; anything larger is refused before it is read.
pub const fn max_file_len(capacity: usize, max_payload: usize) -> u64 {
    // Per entry: two 10-byte varints, a 3-byte length varint and the payload;
    // metadata: four 10-byte varints and the option tag, plus the seq length.
    (HEADER_LEN + 64 + capacity * (23 + max_payload)) as u64
}

/// Encodes a complete file (header and body) holding the `len` entries of `entries`.
pub fn encode<'a, I>(meta: Meta, len: usize, entries: I) -> Result<Vec<u8>, postcard::Error>
where
    I: Iterator<Item = WireEntry<'a>> + Clone,
{
    // The header is filled in once the body's length and checksum are known.
    // A tuple encodes exactly like the `BodyIn` struct it is decoded as.
    let body = (meta, Entries { len, iter: entries });
    let mut out = postcard::to_extend(&body, vec![0u8; HEADER_LEN])?;
    let body_len = out.len() - HEADER_LEN;
    let body_len = u32::try_from(body_len).map_err(|_| postcard::Error::SerializeBufferFull)?;
    let crc = crc32fast::hash(&out[HEADER_LEN..]);
    out[0..8].copy_from_slice(&MAGIC);
    out[8..12].copy_from_slice(&VERSION.to_le_bytes());
    out[12..16].copy_from_slice(&body_len.to_le_bytes());
    out[16..20].copy_from_slice(&crc.to_le_bytes());
    Ok(out)
}

fn le_u32(bytes: &[u8], at: usize) -> u32 {
    let mut b = [0u8; 4];
    if let Some(s) = bytes.get(at..at + 4) {
        b.copy_from_slice(s);
    }
    u32::from_le_bytes(b)
}

/// Decodes and checks a complete file. Entries come back in strictly
/// increasing seq order, all below `meta.next_seq`.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, Corruption> {
    if bytes.len() < HEADER_LEN {
        // A prefix of the magic is still a truncated buffer file; anything else is not ours.
        let n = bytes.len().min(MAGIC.len());
        return Err(if bytes[..n] == MAGIC[..n] {
            Corruption::ShortHeader { len: bytes.len() }
        } else {
            Corruption::BadMagic
        });
    }
    if bytes[0..8] != MAGIC {
        return Err(Corruption::BadMagic);
    }
    let version = le_u32(bytes, 8);
    if version != VERSION {
        return Err(Corruption::UnsupportedVersion { found: version });
    }
    let expected = u64::from(le_u32(bytes, 12));
    let body = &bytes[HEADER_LEN..];
    let actual = body.len() as u64;
    if actual < expected {
        return Err(Corruption::Truncated { expected, actual });
    }
    if actual > expected {
        return Err(Corruption::TrailingBytes { expected, extra: actual - expected });
    }
    let want = le_u32(bytes, 16);
    let got = crc32fast::hash(body);
    if want != got {
        return Err(Corruption::Checksum { expected: want, actual: got });
    }
    let (b, rest) = postcard::take_from_bytes::<BodyIn<'_>>(body).map_err(|e| Corruption::Decode(e.to_string()))?;
    if !rest.is_empty() {
        return Err(Corruption::Decode(format!("{} bytes left over after the body", rest.len())));
    }
    if b.meta.next_seq == 0 {
        return Err(Corruption::Inconsistent("next seq is 0 (seqs start at 1)"));
    }
    let mut prev = None;
    for e in &b.entries {
        if prev.is_some_and(|p| e.seq <= p) {
            return Err(Corruption::Inconsistent("entry seqs are not strictly increasing"));
        }
        if e.seq >= b.meta.next_seq {
            return Err(Corruption::Inconsistent("an entry's seq is not below the next seq"));
        }
        prev = Some(e.seq);
    }
    if b.meta.dropped_through_seq >= b.meta.next_seq && b.meta.dropped > 0 {
        return Err(Corruption::Inconsistent("dropped seq is not below the next seq"));
    }
    Ok(Decoded { meta: b.meta, entries: b.entries })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<u8> {
        let meta = Meta { next_seq: 4, dropped: 1, dropped_through_seq: 1, offline_since_ms: Some(1_000) };
        let entries =
            [WireEntry { seq: 2, time_ms: 1_000, payload: b"two" }, WireEntry { seq: 3, time_ms: -5, payload: b"" }];
        encode(meta, entries.len(), entries.iter().copied()).expect("encode")
    }

    #[test]
    fn round_trip() {
        let bytes = sample();
        assert_eq!(&bytes[..8], b"PICCOBUF");
        let d = decode(&bytes).expect("decode");
        assert_eq!(d.meta.next_seq, 4);
        assert_eq!(d.meta.offline_since_ms, Some(1_000));
        assert_eq!(d.entries.len(), 2);
        assert_eq!(d.entries[0], WireEntry { seq: 2, time_ms: 1_000, payload: b"two" });
        assert_eq!(d.entries[1].time_ms, -5);
    }

    #[test]
    fn every_prefix_is_rejected_without_panic() {
        let bytes = sample();
        for n in 0..bytes.len() {
            let err = decode(&bytes[..n]).expect_err("prefix must not decode");
            assert!(matches!(err, Corruption::ShortHeader { .. } | Corruption::Truncated { .. }), "prefix {n}: {err}");
        }
        assert_eq!(decode(&[]), Err(Corruption::ShortHeader { len: 0 }));
    }

    #[test]
    fn every_flipped_bit_is_detected() {
        let bytes = sample();
        for i in 0..bytes.len() {
            for bit in 0..8 {
                let mut b = bytes.clone();
                b[i] ^= 1 << bit;
                assert!(decode(&b).is_err(), "flip of bit {bit} in byte {i} went unnoticed");
            }
        }
    }

    #[test]
    fn header_problems_are_named() {
        let good = sample();
        let mut b = good.clone();
        b[0] = b'X';
        assert_eq!(decode(&b), Err(Corruption::BadMagic));
        let mut b = good.clone();
        b[8..12].copy_from_slice(&2u32.to_le_bytes());
        assert_eq!(decode(&b), Err(Corruption::UnsupportedVersion { found: 2 }));
        let mut b = good.clone();
        b.push(0);
        assert!(matches!(decode(&b), Err(Corruption::TrailingBytes { extra: 1, .. })));
        let mut b = good.clone();
        let last = b.len() - 1;
        b[last] ^= 0xff;
        assert!(matches!(decode(&b), Err(Corruption::Checksum { .. })));
    }

    #[test]
    fn valid_checksum_with_bad_contents_is_refused() {
        // Seqs out of order, written by something other than this buffer.
        let meta = Meta { next_seq: 10, ..Meta::default() };
        let entries = [WireEntry { seq: 5, time_ms: 0, payload: b"" }, WireEntry { seq: 5, time_ms: 0, payload: b"" }];
        let bytes = encode(meta, entries.len(), entries.iter().copied()).expect("encode");
        assert!(matches!(decode(&bytes), Err(Corruption::Inconsistent(_))));
        let entries = [WireEntry { seq: 10, time_ms: 0, payload: b"" }];
        let bytes = encode(meta, entries.len(), entries.iter().copied()).expect("encode");
        assert!(matches!(decode(&bytes), Err(Corruption::Inconsistent(_))));
        let bytes = encode(Meta::default(), 0, std::iter::empty()).expect("encode");
        assert!(matches!(decode(&bytes), Err(Corruption::Inconsistent(_))));
    }

    #[test]
    fn a_huge_entry_count_with_a_valid_checksum_does_not_allocate_wildly() {
        // Body: meta (four small varints + None) then a seq length of u32::MAX.
        let mut body = vec![1, 0, 0, 0, 0];
        body.extend_from_slice(&[0xff, 0xff, 0xff, 0xff, 0x0f]);
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&VERSION.to_le_bytes());
        bytes.extend_from_slice(&(body.len() as u32).to_le_bytes());
        bytes.extend_from_slice(&crc32fast::hash(&body).to_le_bytes());
        bytes.extend_from_slice(&body);
        assert!(matches!(decode(&bytes), Err(Corruption::Decode(_))));
    }

    /// Property-style: random bytes, and random bytes behind a valid header
    /// and checksum (so the postcard decoder itself is exercised), never panic.
    #[test]
    fn random_inputs_never_panic() {
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        // Structure-aware half: a valid file with a few bytes of its body
        // changed and the checksum fixed up, so decoding gets past the header.
        let good = sample();
        for _ in 0..20_000 {
            let mut body = good[HEADER_LEN..].to_vec();
            for _ in 0..1 + next() % 3 {
                let i = (next() % body.len() as u64) as usize;
                body[i] = next() as u8;
            }
            if next() % 4 == 0 {
                body.truncate((next() % body.len() as u64) as usize);
            }
            let mut bytes = good[..HEADER_LEN].to_vec();
            bytes[12..16].copy_from_slice(&(body.len() as u32).to_le_bytes());
            bytes[16..20].copy_from_slice(&crc32fast::hash(&body).to_le_bytes());
            bytes.extend_from_slice(&body);
            if let Ok(d) = decode(&bytes) {
                assert!(d.entries.windows(2).all(|w| w[0].seq < w[1].seq));
                assert!(d.entries.iter().all(|e| e.seq < d.meta.next_seq));
            }
        }
        for round in 0..20_000 {
            let len = (next() % 300) as usize;
            let body: Vec<u8> = (0..len).map(|_| next() as u8).collect();
            if round % 2 == 0 {
                let _ = decode(&body);
            } else {
                let mut bytes = MAGIC.to_vec();
                bytes.extend_from_slice(&VERSION.to_le_bytes());
                bytes.extend_from_slice(&(body.len() as u32).to_le_bytes());
                bytes.extend_from_slice(&crc32fast::hash(&body).to_le_bytes());
                bytes.extend_from_slice(&body);
                if let Ok(d) = decode(&bytes) {
                    // Whatever decodes must satisfy the documented invariants.
                    assert!(d.entries.windows(2).all(|w| w[0].seq < w[1].seq));
                    assert!(d.entries.iter().all(|e| e.seq < d.meta.next_seq));
                }
            }
        }
    }
}
