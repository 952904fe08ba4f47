//! Text normalisation for matching: case, apostrophes and letter variants folded, with a map
//! back to the original byte offsets.

/// Folds `s` for matching: lower case, every apostrophe-like mark (’ ʼ ` ´ ′) as `'`,
/// `ё` as `е`, and dashes as `-`.
pub fn normalize(s: &str) -> String {
    normalize_with_offsets(s).0
}

/// Like [`normalize`], and also returns, for every byte of the normalised text plus one past
/// its end, the byte offset in `s` it came from.
pub fn normalize_with_offsets(s: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(s.len());
    let mut offsets = Vec::with_capacity(s.len() + 1);
    for (idx, c) in s.char_indices() {
        let before = out.len();
        push_folded(&mut out, c);
        offsets.extend(std::iter::repeat(idx).take(out.len() - before));
    }
    offsets.push(s.len());
    (out, offsets)
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
    fn folds_and_maps_offsets() {
        let (n, off) = normalize_with_offsets("П’ятихатки Ёлка");
        assert_eq!(n, "п'ятихатки елка");
        // the apostrophe is 3 bytes in the source and 1 in the normalised text
        assert_eq!(off[2], 2);
        assert_eq!(off[3], 5);
        assert_eq!(*off.last().unwrap(), "П’ятихатки Ёлка".len());
    }
}
