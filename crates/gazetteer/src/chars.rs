//! Character classes with quick paths for ASCII and Cyrillic.
//!
//! `char::is_alphanumeric`, `is_alphabetic`, `is_uppercase` and `is_lowercase` answer any
//! non-ASCII character with a search of Unicode tables. Nearly every character litopys reads is
//! ASCII or in the basic Cyrillic block, so word splitting over Ukrainian and Russian text spent
//! a tenth of extraction in those searches. Each function here gives exactly the standard
//! library's answer (a test checks every `char`) and decides the common blocks by range.

/// Basic Cyrillic capitals (Ѐ..Я) and small letters (а..џ); every one is alphabetic.
const CYRILLIC_UPPER: std::ops::RangeInclusive<char> = '\u{0400}'..='\u{042F}';
const CYRILLIC_LOWER: std::ops::RangeInclusive<char> = '\u{0430}'..='\u{045F}';

/// `char::is_alphabetic`.
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    if ('\u{0400}'..='\u{045F}').contains(&c) {
        return true;
    }
    c.is_alphabetic()
}

/// `char::is_alphanumeric`.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if ('\u{0400}'..='\u{045F}').contains(&c) {
        return true;
    }
    c.is_alphanumeric()
}

/// `char::is_uppercase`.
#[inline]
pub fn is_uppercase(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    if CYRILLIC_UPPER.contains(&c) {
        return true;
    }
    if CYRILLIC_LOWER.contains(&c) {
        return false;
    }
    c.is_uppercase()
}

/// `char::is_lowercase`.
#[inline]
pub fn is_lowercase(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase();
    }
    if CYRILLIC_LOWER.contains(&c) {
        return true;
    }
    if CYRILLIC_UPPER.contains(&c) {
        return false;
    }
    c.is_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_char_gets_the_standard_answer() {
        for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_uppercase(c), c.is_uppercase(), "{c:?}");
            assert_eq!(is_lowercase(c), c.is_lowercase(), "{c:?}");
        }
    }
}
