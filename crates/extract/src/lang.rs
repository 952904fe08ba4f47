//! Language identification for documents and paragraphs.
//!
//! # Design
//!
//! Ukrainian and Russian share most of the Cyrillic alphabet; a handful of letters settles
//! most texts at once (і ї є ґ are Ukrainian, ы э ъ ё Russian), and of the three only English
//! is written in Latin letters. Only Cyrillic text where neither letter group shows goes to
//! `whatlang`'s trigram model. Extraction itself is
//! language-agnostic (the codebook holds cues of all three languages), so a wrong guess costs
//! nothing but the label. One thing the script does decide: an English event cue inside a
//! Russian or Ukrainian sentence is a name, not English prose ("По данным SHOT", "как сообщает
//! Mash"), and does not count (see `crate::Analysis::new`).

/// ISO 639-1 code of the language of `text` among those litopys reads ("en", "uk", "ru"), or
/// `None` for too little text.
pub fn detect(text: &str) -> Option<&'static str> {
    let (uk, ru, cyr, latin) = letter_counts(text.as_bytes());
    if cyr + latin < 3 {
        return None;
    }
    if latin >= cyr {
        // among the three, only English is written in Latin letters (whatlang would pick the
        // script first and say the same, after a trigram pass that cost a third of extraction)
        return Some("en");
    }
    if uk > ru {
        return Some("uk");
    }
    if ru > uk {
        return Some("ru");
    }
    // litopys reads three languages: short posts confuse an open-ended guess (Russian read as
    // Bulgarian, English as Slovene), so the guess is among these three only
    let detector = whatlang::Detector::with_allowlist(vec![
        whatlang::Lang::Eng,
        whatlang::Lang::Ukr,
        whatlang::Lang::Rus,
    ]);
    Some(match detector.detect(text)?.lang() {
        whatlang::Lang::Ukr => "uk",
        whatlang::Lang::Rus => "ru",
        _ => "en",
    })
}

/// True when `text` has more Cyrillic letters than Latin ones.
pub(crate) fn mostly_cyrillic(text: &str) -> bool {
    let (_, _, cyr, latin) = letter_counts(text.as_bytes());
    cyr > latin
}

/// True when `text` is written in Latin letters only (digits and punctuation aside).
pub(crate) fn latin_word(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_alphabetic()) && text.is_ascii()
}

/// Ukrainian-only letters, Russian-only letters, Cyrillic letters and ASCII letters in `bytes`,
/// counted on the UTF-8 bytes: every Cyrillic letter (U+0400–U+04FF) is two bytes led by
/// 0xD0–0xD3, so no `char` needs decoding. The two plain counts are simple enough for the
/// compiler to vectorise; the letter pairs are only looked at in Cyrillic text.
fn letter_counts(bytes: &[u8]) -> (usize, usize, usize, usize) {
    let cyr = count_bytes(bytes, |b| (0xD0..=0xD3).contains(&b));
    let latin = count_bytes(bytes, |b| b.is_ascii_alphabetic());
    if cyr <= latin {
        return (0, 0, cyr, latin);
    }
    let (mut uk, mut ru) = (0usize, 0usize);
    for pair in bytes.windows(2) {
        match (pair[0], pair[1]) {
            // і ї є, І Ї Є, ґ Ґ
            (0xD1, 0x94 | 0x96 | 0x97) | (0xD0, 0x84 | 0x86 | 0x87) | (0xD2, 0x90 | 0x91) => {
                uk += 1
            }
            // ы э ъ ё, Ы Э Ъ Ё
            (0xD1, 0x8A | 0x8B | 0x8D | 0x91) | (0xD0, 0x81 | 0xAA | 0xAB | 0xAD) => ru += 1,
            _ => {}
        }
    }
    (uk, ru, cyr, latin)
}

/// How many of `bytes` satisfy `test`: summed in `u8` lanes over blocks of 255 bytes, which
/// cannot overflow, so that the loop vectorises.
fn count_bytes(bytes: &[u8], test: impl Fn(u8) -> bool) -> usize {
    bytes
        .chunks(255)
        .map(|block| usize::from(block.iter().map(|&b| u8::from(test(b))).sum::<u8>()))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_languages() {
        // sentences written for litopys
        assert_eq!(
            detect("У Луцьку перехожі відбили чоловіка у працівників ТЦК"),
            Some("uk")
        );
        assert_eq!(
            detect("В Энергодаре работники потребовали выплатить долги по зарплате"),
            Some("ru")
        );
        assert_eq!(
            detect("Workers in Pavlohrad refused to descend into the mine."),
            Some("en")
        );
        assert_eq!(detect(""), None);
        // whole documents: Cyrillic letters decide before trigrams are consulted
        assert_eq!(
            detect("Вчера вечером в Кривом Роге неизвестные бросили бутылку."),
            Some("ru")
        );
    }

    #[test]
    fn letter_counts_agree_with_chars() {
        // every letter of both alphabets, counted on bytes and on chars
        let text =
            "АБВГҐДЕЄЁЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгґдеєёжзиіїйклмнопрстуфхцчшщъыьэюя Zz ǅ ѐ Ӿ";
        let by_chars = text.chars().fold((0, 0, 0, 0), |(uk, ru, cyr, lat), c| {
            (
                uk + usize::from("іїєґІЇЄҐ".contains(c)),
                ru + usize::from("ыэъёЫЭЪЁ".contains(c)),
                cyr + usize::from(('\u{0400}'..='\u{04FF}').contains(&c)),
                lat + usize::from(c.is_ascii_alphabetic()),
            )
        });
        assert_eq!(letter_counts(text.as_bytes()), by_chars);
        assert_eq!(by_chars, (8, 8, 76, 2));
    }

    #[test]
    fn mixed_posts_get_a_language_per_paragraph() {
        use litopys_model::Document;
        let doc = Document::new("t", "Луцьк. Сьогодні перехожі відбили чоловіка у працівників ТЦК.\n\nВчера в Одессе жители окружили автобус ТЦК.\n\nPolice in Lviv said nobody was hurt.");
        let out = crate::Extractor::default().extract(&doc);
        let langs: Vec<Option<&str>> = out.paragraph_languages.iter().map(|(_, l)| *l).collect();
        assert_eq!(langs, vec![Some("uk"), Some("ru"), Some("en")]);
    }
}
