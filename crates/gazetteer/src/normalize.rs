//! Text normalisation for matching: case, apostrophes and letter variants folded, with a map
//! back to the original byte offsets.

/// Folds `s` for matching: lower case, every apostrophe-like mark (’ ʼ ` ´ ′) as `'`,
/// `ё` as `е`, and dashes as `-`.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold(s, &mut out, |_, _| {});
    out
}

/// Like [`normalize`], and also returns, for every byte of the normalised text plus one past
/// its end, the byte offset in `s` it came from.
pub fn normalize_with_offsets(s: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(s.len());
    let mut offsets = Vec::with_capacity(s.len() + 1);
    fold(s, &mut out, |idx, n| {
        for _ in 0..n {
            offsets.push(idx);
        }
    });
    offsets.push(s.len());
    (out, offsets)
}

/// Folds `s` into `out`, calling `mapped(source offset, n)` after each character that wrote
/// `n` bytes.
///
/// # Design
///
/// Text is mostly ASCII or Cyrillic: those take a byte-level path (ASCII lower-cased in place,
/// Cyrillic upper case shifted by its fixed distance) and only other characters go through
/// `char::to_lowercase`, whose table lookup was the largest cost of normalising.
#[inline]
fn fold(s: &str, out: &mut String, mut mapped: impl FnMut(usize, usize)) {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            let c = match b {
                b'`' => b'\'',
                _ => b.to_ascii_lowercase(),
            };
            out.push(c as char);
            mapped(i, 1);
            i += 1;
            continue;
        }
        let Some(c) = s[i..].chars().next() else { break };
        let before = out.len();
        match c {
            // Cyrillic: а..я and the rest of the lower-case block (except ё) as they are
            '\u{0430}'..='\u{0450}' | '\u{0452}'..='\u{045F}' => out.push(c),
            'А'..='Я' => out.push(char::from_u32(c as u32 + 0x20).unwrap_or(c)),
            c => push_folded(out, c),
        }
        mapped(i, out.len() - before);
        i += c.len_utf8();
    }
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
        let text = "Київ КИЇВ Ёлка ЁЛКА П’ятихатки `x´ — ЀЏѐџ Ґ ґ café ÀÉ Ωμέγα 42 İ ẞ";
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
