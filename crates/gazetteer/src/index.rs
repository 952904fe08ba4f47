//! The name index: an FST from normalised keys to posting lists, walked over the text.
//!
//! Shared with `build.rs`, which builds the index of the built-in table at compile time so that
//! loading it costs nothing.

use std::borrow::Cow;

use fst::raw::{Fst, Output};

/// Keys and their postings (`entry id << FLAG_BITS | flags`), compiled.
pub(crate) struct Index {
    fst: Fst<Cow<'static, [u8]>>,
    /// Posting lists: at each offset a little-endian u32 count, then that many u32 postings.
    postings: Cow<'static, [u8]>,
}

/// Builds the two byte blobs of an index from `(key, posting)` pairs in any order.
pub(crate) fn build(mut pairs: Vec<(String, u32)>) -> (Vec<u8>, Vec<u8>) {
    pairs.sort_unstable();
    pairs.dedup();
    let mut builder = fst::MapBuilder::memory();
    let mut postings: Vec<u8> = Vec::new();
    let mut seen: std::collections::HashMap<Vec<u32>, u64> = Default::default();
    let mut i = 0;
    while i < pairs.len() {
        let key = &pairs[i].0;
        let mut j = i;
        let mut list = Vec::new();
        while j < pairs.len() && pairs[j].0 == *key {
            list.push(pairs[j].1);
            j += 1;
        }
        let offset = *seen.entry(list.clone()).or_insert_with(|| {
            let at = postings.len() as u64;
            postings.extend_from_slice(&(list.len() as u32).to_le_bytes());
            for p in &list {
                postings.extend_from_slice(&p.to_le_bytes());
            }
            at
        });
        // keys are sorted and distinct, so insertion cannot fail
        let _ = builder.insert(key.as_bytes(), offset);
        i = j;
    }
    let fst = builder.into_inner().unwrap_or_default();
    (fst, postings)
}

impl Index {
    /// An index over blobs made by [`build`]; `None` if they are not an FST.
    pub(crate) fn new(fst: Cow<'static, [u8]>, postings: Cow<'static, [u8]>) -> Option<Index> {
        Some(Index { fst: Fst::new(fst).ok()?, postings })
    }

    /// Every key with its postings, in key order.
    pub(crate) fn all(&self) -> Vec<(String, Vec<u32>)> {
        use fst::Streamer;
        let mut out = Vec::with_capacity(self.fst.len());
        let mut stream = self.fst.stream();
        while let Some((key, output)) = stream.next() {
            out.push((String::from_utf8_lossy(key).into_owned(), self.postings_at(output.value())));
        }
        out
    }

    /// Number of keys.
    pub(crate) fn len(&self) -> usize {
        self.fst.len()
    }

    /// The postings of exactly `key`.
    pub(crate) fn get(&self, key: &str) -> Vec<u32> {
        self.fst.get(key.as_bytes()).map(|out| self.postings_at(out.value())).unwrap_or_default()
    }

    /// Every key that starts at byte `start` of the normalised `text` and ends at a word end,
    /// longest first, as `(end, postings offset)`. Runs of spaces in the text match one space
    /// in a key; a key never spans a line break.
    pub(crate) fn walk(&self, text: &str, start: usize, out: &mut Vec<(usize, u64)>) {
        out.clear();
        let bytes = text.as_bytes();
        let mut node = self.fst.root();
        let mut acc = Output::zero();
        let mut j = start;
        while j < bytes.len() {
            let b = bytes[j];
            let (input, next) = if b == b' ' || b == b'\t' {
                let mut k = j;
                while k < bytes.len() && (bytes[k] == b' ' || bytes[k] == b'\t') {
                    k += 1;
                }
                (b' ', k)
            } else {
                (b, j + 1)
            };
            let Some(t) = node.find_input(input).map(|i| node.transition(i)) else {
                break;
            };
            acc = acc.cat(t.out);
            node = self.fst.node(t.addr);
            j = next;
            if input != b' ' && node.is_final() && is_word_end(text, j) {
                out.push((j, acc.cat(node.final_output()).value()));
            }
        }
        out.reverse();
    }

    /// The posting list at `offset`.
    pub(crate) fn postings_at(&self, offset: u64) -> Vec<u32> {
        let read = |at: usize| -> Option<u32> {
            let b = self.postings.get(at..at + 4)?;
            Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        };
        let at = offset as usize;
        let n = read(at).unwrap_or(0) as usize;
        (0..n).filter_map(|i| read(at + 4 + 4 * i)).collect()
    }
}

/// The first bytes of every key (or of every key that has a posting with a given flag), hashed
/// into a bitmap: a quick "no such key starts here" before an FST walk.
///
/// # Design
///
/// Most words of running text are in lower case, and a lower-case word can only be a name in
/// any case (an oblast's); most capitalised words (sentence starts, people's names) begin no
/// key at all. The filter answers, from at most four hashed prefixes of the text
/// at a word start, whether such a key may start there; false positives only cost a walk. A
/// prefix is the key's first four bytes, or fewer where the key is shorter or has a space
/// sooner (spaces in the text may be runs, so a prefix never crosses one).
#[derive(Debug, PartialEq)]
pub(crate) struct PrefixFilter {
    bits: Vec<u64>,
    /// Bit `k` set: some prefix is `k` bytes long.
    lengths: u8,
}

const FILTER_BITS: u32 = 18;

fn prefix_len(bytes: &[u8]) -> usize {
    bytes.iter().take(4).take_while(|&&b| b != b' ' && b != b'\t').count()
}

fn prefix_hash(bytes: &[u8]) -> usize {
    let mut v: u32 = bytes.len() as u32;
    for &b in bytes {
        v = v << 8 | u32::from(b);
    }
    (v.wrapping_mul(0x9E37_79B1) >> (32 - FILTER_BITS)) as usize
}

impl PrefixFilter {
    /// The filter as bytes: the lengths byte, then the bit words, little-endian.
    #[allow(dead_code)] // build.rs writes the built-in filters with it
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(1 + 8 * self.bits.len());
        out.push(self.lengths);
        for w in &self.bits {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// A filter written by [`to_bytes`](PrefixFilter::to_bytes); `None` if the bytes are not one.
    pub(crate) fn from_bytes(bytes: &[u8]) -> Option<PrefixFilter> {
        let (&lengths, rest) = bytes.split_first()?;
        if rest.len() != (1 << FILTER_BITS) / 8 {
            return None;
        }
        let bits = rest.chunks_exact(8).map(|c| u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]])).collect();
        Some(PrefixFilter { bits, lengths })
    }

    /// True if a key of the filter may start at byte `at` of `text`.
    pub(crate) fn may_start(&self, text: &[u8], at: usize) -> bool {
        let n = prefix_len(&text[at..]);
        (1..=n).any(|k| self.lengths & (1 << k) != 0 && {
            let h = prefix_hash(&text[at..at + k]);
            self.bits[h / 64] & (1 << (h % 64)) != 0
        })
    }
}

impl Index {
    /// Two filters: of the keys that have a posting with any of `flags`, and of every key.
    /// Reads every key once.
    pub(crate) fn prefix_filters(&self, flags: u32) -> (PrefixFilter, PrefixFilter) {
        use fst::Streamer;
        let empty = || PrefixFilter { bits: vec![0; (1 << FILTER_BITS) / 64], lengths: 0 };
        let (mut flagged, mut all) = (empty(), empty());
        let mut stream = self.fst.stream();
        while let Some((key, out)) = stream.next() {
            let n = prefix_len(key);
            let h = prefix_hash(&key[..n]);
            all.bits[h / 64] |= 1 << (h % 64);
            all.lengths |= 1 << n;
            if self.postings_match(out.value(), flags) {
                flagged.bits[h / 64] |= 1 << (h % 64);
                flagged.lengths |= 1 << n;
            }
        }
        (flagged, all)
    }

    /// True if a posting at `offset` has any of `flags`.
    fn postings_match(&self, offset: u64, flags: u32) -> bool {
        let read = |at: usize| -> Option<u32> {
            let b = self.postings.get(at..at + 4)?;
            Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        };
        let at = offset as usize;
        let n = read(at).unwrap_or(0) as usize;
        (0..n).any(|i| read(at + 4 + 4 * i).is_some_and(|p| p & flags != 0))
    }
}

/// True if a word ends at byte `at` of `text`: the next character is not a letter or digit, and
/// not an apostrophe inside a word ("Кам'янське").
pub(crate) fn is_word_end(text: &str, at: usize) -> bool {
    let mut rest = text[at..].chars();
    match rest.next() {
        None => true,
        Some('\'') => !rest.next().is_some_and(|c| !c.is_ascii() && crate::normalize::is_word_char(c)),
        Some(c) => !crate::normalize::is_word_char(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_longest_first() {
        let pairs = vec![("біла".to_string(), 1), ("біла церква".to_string(), 2), ("kyiv".to_string(), 3)];
        let (f, p) = build(pairs);
        let idx = Index::new(Cow::Owned(f), Cow::Owned(p)).expect("fst");
        let text = "біла  церква, kyiv's";
        let mut out = Vec::new();
        idx.walk(text, 0, &mut out);
        let ends: Vec<usize> = out.iter().map(|o| o.0).collect();
        assert_eq!(ends, vec!["біла  церква".len(), "біла".len()]);
        assert_eq!(idx.postings_at(out[0].1), vec![2]);
        let at = text.find("kyiv").unwrap_or(0);
        idx.walk(text, at, &mut out);
        assert_eq!(out.len(), 1, "a possessive ends the word");
        assert_eq!(idx.get("kyiv"), vec![3]);
    }
}
