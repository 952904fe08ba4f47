//! Bytes to text: encoding detection and the binary check.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// How many leading bytes the binary check and the charset sniffers look at.
const SNIFF_LEN: usize = 8 * 1024;
/// How many bytes `chardetng` sees at most: enough to tell the Cyrillic code pages apart.
const DETECT_LEN: usize = 1024 * 1024;

/// True if `bytes` look like binary data rather than text in some encoding.
///
/// Text in UTF-16 has NUL bytes too, so a UTF-16 byte order mark passes. Otherwise a NUL byte in
/// the first 8 KiB, or more than one control character in ten there, means binary.
pub(crate) fn is_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return false;
    }
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    if head.contains(&0) {
        return true;
    }
    let n_control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B))
        .count();
    n_control * 10 > head.len()
}

/// Decodes `bytes` to UTF-8 text, never failing.
///
/// In order: a byte order mark (UTF-8, UTF-16 LE or BE) decides; valid UTF-8 is taken as it is;
/// then `declared`, an encoding label the input names itself (an HTML `<meta charset>`); then
/// `chardetng` guesses, which tells windows-1251, KOI8-R and the other legacy code pages apart.
/// Bytes that do not decode become U+FFFD.
pub(crate) fn decode<'a>(bytes: &'a [u8], declared: Option<&str>) -> Cow<'a, str> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return UTF_16LE.decode_without_bom_handling(rest).0;
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return UTF_16BE.decode_without_bom_handling(rest).0;
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Cow::Borrowed(text);
    }
    let encoding = declared
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .filter(|e| *e != UTF_8 && *e != UTF_16LE && *e != UTF_16BE)
        .unwrap_or_else(|| guess(bytes));
    encoding.decode_without_bom_handling(bytes).0
}

fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    let head = &bytes[..bytes.len().min(DETECT_LEN)];
    detector.feed(head, head.len() == bytes.len());
    detector.guess(None, chardetng::Utf8Detection::Deny)
}

/// The charset an HTML or XML document declares near its start, if any.
///
/// Looks for `charset=` (HTML `<meta>`) or `encoding=` (the XML declaration) in the first 8 KiB.
pub(crate) fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    let lower = head.to_ascii_lowercase();
    for key in [&b"charset="[..], &b"encoding="[..]] {
        let Some(at) = find(&lower, key) else { continue };
        let value = lower.get(at + key.len()..).unwrap_or_default();
        let value: Vec<u8> = value
            .iter()
            .copied()
            .skip_while(|b| matches!(b, b'"' | b'\'' | b' '))
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
            .collect();
        if !value.is_empty() {
            return Some(String::from_utf8_lossy(&value).into_owned());
        }
    }
    None
}

/// Position of the first occurrence of `needle` in `haystack`.
pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Line endings normalised to `\n`, so that byte offsets do not depend on the platform a file
/// was written on.
pub(crate) fn normalize_newlines(text: Cow<'_, str>) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(bytes: &[u8], expect: &str) {
        assert_eq!(decode(bytes, None), expect);
    }

    #[test]
    fn decodes_common_encodings() {
        check(b"\xEF\xBB\xBFplain", "plain");
        check("Луцьк".as_bytes(), "Луцьк");
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Луцьк".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        check(&le, "Луцьк");
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Київ".encode_utf16().flat_map(|u| u.to_be_bytes()))
            .collect();
        check(&be, "Київ");
    }

    #[test]
    fn detects_cyrillic_code_pages() {
        let uk = "Сьогодні близько 18:00 на вулиці Винниченка перехожі заблокували автомобіль \
                  та відбили затриманого чоловіка. Один військовослужбовець травмований.";
        let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(uk);
        check(&cp1251, uk);
        let ru = "Вчера вечером в Кривом Роге неизвестные бросили бутылку с зажигательной \
                  смесью в окно здания на улице Соборности. Пострадавших нет.";
        let (koi8, _, _) = encoding_rs::KOI8_R.encode(ru);
        check(&koi8, ru);
        let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(ru);
        assert_eq!(decode(&cp1251, Some("windows-1251")), ru);
    }

    #[test]
    fn binary_check() {
        assert!(is_binary(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"));
        assert!(is_binary(&[1, 2, 3, 4, 5, 6, 7, 8]));
        assert!(!is_binary(b"plain text\r\n\twith tabs"));
        assert!(!is_binary(&[0xFF, 0xFE, b'a', 0]));
        assert!(!is_binary(b""));
    }

    #[test]
    fn finds_declared_charset() {
        let html = b"<html><head><meta charset=\"windows-1251\"></head>";
        assert_eq!(declared_charset(html).as_deref(), Some("windows-1251"));
        let xml = b"<?xml version='1.0' encoding='KOI8-R'?><rss>";
        assert_eq!(declared_charset(xml).as_deref(), Some("koi8-r"));
        assert_eq!(declared_charset(b"<p>none</p>"), None);
    }

    #[test]
    fn newlines() {
        assert_eq!(normalize_newlines(Cow::Borrowed("a\r\nb\rc")), "a\nb\nc");
    }
}
