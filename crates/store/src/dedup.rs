//! Recognising the same report twice: exact copies by a content hash, syndicated copies by
//! MinHash.
//!
//! # Design
//!
//! * The content hash is SHA-256 over the text's words, lower-cased and joined by one space,
//!   so that a copy differing only in whitespace, line endings or case is the same document.
//! * Near-duplicates are found with MinHash over word 4-shingles: [`N_HASHES`] 32-bit minima,
//!   split into [`N_BANDS`] bands (locality-sensitive hashing). Two documents sharing a band
//!   are candidates; a candidate is a near-duplicate when the fraction of equal minima (an
//!   estimate of the shingle sets' Jaccard similarity) is at least [`NEAR_THRESHOLD`]. With 16
//!   bands of 4 rows a pair at similarity 0.8 is a candidate with probability 0.9998, one at
//!   0.3 with probability 0.12, and the signature check then rejects it.
//! * Texts under [`MIN_WORDS`] words get no bands: short posts ("Explosions in Kharkiv.")
//!   are too alike by chance to call copies.
//! * Hashes are FNV-1a and SplitMix64, written here, so that signatures stored by one
//!   version compare with those of the next (std's hasher is not stable across releases).

use sha2::{Digest, Sha256};

pub(crate) const N_HASHES: usize = 64;
pub(crate) const N_BANDS: usize = 16;
pub(crate) const NEAR_THRESHOLD: f64 = 0.7;
pub(crate) const MIN_WORDS: usize = 12;
const SHINGLE: usize = 4;

/// The words of `text`, lower-cased: runs of letters and digits.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// Hex SHA-256 of the normalised text.
pub(crate) fn content_hash(text: &str) -> String {
    hash_words(&words(text))
}

/// The content hash and the signature of `text`, splitting it into words once.
pub(crate) fn fingerprint(text: &str) -> (String, Signature) {
    let words = words(text);
    (hash_words(&words), Signature::of_words(&words))
}

fn hash_words(words: &[String]) -> String {
    let mut h = Sha256::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            h.update(b" ");
        }
        h.update(w.as_bytes());
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// A MinHash signature, and its band keys (empty for short texts).
pub(crate) struct Signature {
    pub(crate) minima: Vec<u32>,
    pub(crate) bands: Vec<String>,
    /// The minima as stored: 8 lower-case hex digits each.
    hex: String,
}

impl Signature {
    pub(crate) fn of(text: &str) -> Signature {
        Signature::of_words(&words(text))
    }

    fn of_words(words: &[String]) -> Signature {
        let mut minima = vec![u32::MAX; N_HASHES];
        let n_shingles = words.len().saturating_sub(SHINGLE - 1).max(1);
        for start in 0..n_shingles {
            let end = (start + SHINGLE).min(words.len());
            let mut h = Fnv::default();
            for w in words.get(start..end).unwrap_or_default() {
                h.write(w.as_bytes());
                h.write(b" ");
            }
            let base = h.0;
            for (i, m) in minima.iter_mut().enumerate() {
                let v = splitmix(base ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)) as u32;
                *m = (*m).min(v);
            }
        }
        let bands = if words.len() < MIN_WORDS {
            Vec::new()
        } else {
            let rows = N_HASHES / N_BANDS;
            minima
                .chunks(rows)
                .enumerate()
                .map(|(b, chunk)| {
                    let mut h = Fnv::default();
                    for m in chunk {
                        h.write(&m.to_le_bytes());
                    }
                    format!("{b:02}:{:016x}", h.0)
                })
                .collect()
        };
        let hex = minima.iter().map(|m| format!("{m:08x}")).collect();
        Signature { minima, bands, hex }
    }

    /// The minima as hex, for storage.
    pub(crate) fn to_hex(&self) -> String {
        self.hex.clone()
    }

    /// Estimated Jaccard similarity with a stored signature; 0 if it does not parse. The hex
    /// digits are compared as text, without parsing: a document is compared with up to 320
    /// candidates, and generated (or templated) reports share many bands.
    pub(crate) fn similarity(&self, stored_hex: &str) -> f64 {
        let own = &self.hex;
        let mut equal = 0;
        for i in 0..self.minima.len() {
            let (Some(hex), Some(mine)) = (stored_hex.get(i * 8..i * 8 + 8), own.get(i * 8..i * 8 + 8)) else { return 0.0 };
            if hex.eq_ignore_ascii_case(mine) {
                equal += 1;
            }
        }
        equal as f64 / N_HASHES as f64
    }
}

struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "On Tuesday evening about two hundred residents of Lutsk gathered outside the city \
        council to protest against the closure of the local hospital, police said, and three people \
        were detained after scuffles near the entrance.";

    #[test]
    fn hash_ignores_whitespace_and_case() {
        assert_eq!(content_hash("Hello,  World\r\n"), content_hash("hello world"));
        assert_ne!(content_hash("hello world"), content_hash("hello there"));
    }

    #[test]
    fn syndicated_copy_is_similar() {
        let copy = format!("Reuters. {STORY} Read more on our site.");
        let a = Signature::of(STORY);
        let b = Signature::of(&copy);
        assert!(a.similarity(&b.to_hex()) >= NEAR_THRESHOLD, "{}", a.similarity(&b.to_hex()));
        assert!(a.bands.iter().any(|band| b.bands.contains(band)));
    }

    #[test]
    fn different_story_is_not() {
        let other = "Two drones struck an energy facility near Kharkiv overnight, the regional governor \
            said on Wednesday morning, leaving several districts without power for hours.";
        let a = Signature::of(STORY);
        assert!(a.similarity(&Signature::of(other).to_hex()) < 0.2);
        assert!(a.similarity("garbage") == 0.0);
    }

    #[test]
    fn short_text_has_no_bands() {
        assert!(Signature::of("Explosions in Kharkiv.").bands.is_empty());
        assert!(Signature::of("").bands.is_empty());
    }
}
