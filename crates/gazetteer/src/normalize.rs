//! Text normalisation for matching: case, apostrophes and letter variants folded, with a map
//! back to the original byte offsets.

/// Folds `s` for matching: lower case, every apostrophe-like mark (’ ʼ ` ´ ′) as `'`,
/// `ё` as `е`, and dashes as `-`.
pub fn normalize(s: &str) -> String {
    let mut out = String::new();
    fold::<false>(s, &mut out, &mut Vec::new());
    out
}

/// Like [`normalize`], and also returns, for every byte of the normalised text plus one past
/// its end, the byte offset in `s` it came from.
pub fn normalize_with_offsets(s: &str) -> (String, Vec<usize>) {
    let (mut out, mut offsets) = (String::new(), Vec::new());
    normalize_with_offsets_into(s, &mut out, &mut offsets);
    (out, offsets)
}

/// [`normalize_with_offsets`] into buffers the caller keeps, replacing what they held: an
/// extractor normalises every document, and reusing the two buffers (nine bytes for every byte
/// of text) spares the allocator fresh pages for each.
pub fn normalize_with_offsets_into(s: &str, out: &mut String, offsets: &mut Vec<usize>) {
    fold::<true>(s, out, offsets);
    offsets.push(s.len());
}

/// Folds `s`, with the source offset of every output byte if `OFFSETS`.
///
/// # Design
///
/// Text is mostly ASCII or Cyrillic: runs of ASCII are lower-cased a byte at a time and
/// Cyrillic letters are handled on their bytes (upper case shifted by its fixed distance);
/// only other characters go through `char::to_lowercase`, whose table lookup was the largest
/// cost of normalising. Output is collected as bytes and checked as UTF-8 once at the end.
fn fold<const OFFSETS: bool>(s: &str, folded: &mut String, offsets: &mut Vec<usize>) {
    let bytes = s.as_bytes();
    let mut out: Vec<u8> = std::mem::take(folded).into_bytes();
    out.clear();
    out.reserve(s.len());
    offsets.clear();
    if OFFSETS {
        offsets.reserve(s.len() + 1);
    }
    let mut other = String::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            let run = bytes[i..].iter().take_while(|b| b.is_ascii()).count();
            out.extend(bytes[i..i + run].iter().map(|&b| if b == b'`' { b'\'' } else { b.to_ascii_lowercase() }));
            if OFFSETS {
                offsets.extend(i..i + run);
            }
            i += run;
            continue;
        }
        // Cyrillic lower case (except ё) as it is; А..Я shifted to а..я
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        let two = match (b, next) {
            (0xD0, 0xB0..=0xBF) | (0xD1, 0x80..=0x8F) if !(b == 0xD1 && next == 0x91) => Some([b, next]),
            (0xD0, 0x90..=0x9F) => Some([0xD0, next + 0x20]),
            (0xD0, 0xA0..=0xAF) => Some([0xD1, next - 0x20]),
            _ => None,
        };
        if let Some(pair) = two {
            out.extend_from_slice(&pair);
            if OFFSETS {
                offsets.extend([i, i]);
            }
            i += 2;
            continue;
        }
        let Some(c) = s[i..].chars().next() else { break };
        other.clear();
        push_folded(&mut other, c);
        out.extend_from_slice(other.as_bytes());
        if OFFSETS {
            offsets.resize(offsets.len() + other.len(), i);
        }
        i += c.len_utf8();
    }
    // every step above wrote whole characters
    *folded = String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
}

/// `char::is_alphanumeric`, quick for ASCII and Cyrillic.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || ('\u{0400}'..='\u{04FF}').contains(&c) || (!c.is_ascii() && c.is_alphanumeric())
}

fn push_folded(out: &mut String, c: char) {
    match c {
        '\u{2019}' | '\u{02BC}' | '`' | '\u{00B4}' | '\u{2032}' | '\u{2018}' => out.push('\''),
        'ё' | 'Ё' => out.push('е'),
        '\u{2010}'..='\u{2015}' => out.push('-'),
        '\u{00A0}' => out.push(' '),
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        c => out.extend(c.to_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_paths_agree_with_char_folding() {
        let mut text = String::from("Київ КИЇВ Ёлка ЁЛКА П’ятихатки `x´ — ЀЏѐџ Ґ ґ café ÀÉ Ωμέγα 42 İ ẞ ");
        text.extend(('\u{0080}'..='\u{0600}').chain('\u{2000}'..='\u{2100}'));
        let text = text.as_str();
        let mut slow = String::new();
        for c in text.chars() {
            push_folded(&mut slow, c);
        }
        assert_eq!(normalize(text), slow);
        let (n, off) = normalize_with_offsets(text);
        assert_eq!(n, slow);
        assert_eq!(off.len(), n.len() + 1);
    }

    #[test]
    fn folds_and_maps_offsets() {
        let (n, off) = normalize_with_offsets("П’ятихатки Ёлка");
        assert_eq!(n, "п'ятихатки елка");
        // the apostrophe is 3 bytes in the source and 1 in the normalised text
        assert_eq!(off[2], 2);
        assert_eq!(off[3], 5);
        assert_eq!(*off.last().unwrap(), "П’ятихатки Ёлка".len());
    }
}
