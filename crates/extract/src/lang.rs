//! Language identification for documents and paragraphs.
//!
//! # Design
//!
//! Ukrainian and Russian share most of the Cyrillic alphabet; a handful of letters settles
//! most texts at once (і ї є ґ are Ukrainian, ы э ъ ё Russian). Only when neither shows, or
//! the text is Latin, does litopys ask `whatlang`'s trigram model. Extraction itself is
//! language-agnostic (the codebook holds cues of all three languages), so a wrong guess costs
//! nothing but the label.

/// ISO 639-1 code of the language of `text` among those litopys reads ("en", "uk", "ru"), or
/// `None` for too little text.
pub fn detect(text: &str) -> Option<&'static str> {
    let (mut uk, mut ru, mut cyr, mut latin) = (0usize, 0usize, 0usize, 0usize);
    for c in text.chars() {
        match c {
            'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ' => uk += 1,
            'ы' | 'э' | 'ъ' | 'ё' | 'Ы' | 'Э' | 'Ъ' | 'Ё' => ru += 1,
            _ => {}
        }
        if ('\u{0400}'..='\u{04FF}').contains(&c) {
            cyr += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    if cyr + latin < 3 {
        return None;
    }
    if cyr > latin {
        if uk > ru {
            return Some("uk");
        }
        if ru > uk {
            return Some("ru");
        }
    }
    // litopys reads three languages: short posts confuse an open-ended guess (Russian read as
    // Bulgarian, English as Slovene), so the guess is among these three only
    let detector = whatlang::Detector::with_allowlist(vec![whatlang::Lang::Eng, whatlang::Lang::Ukr, whatlang::Lang::Rus]);
    Some(match detector.detect(text)?.lang() {
        whatlang::Lang::Ukr => "uk",
        whatlang::Lang::Rus => "ru",
        _ => "en",
    })
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_languages() {
        // sentences written for litopys
        assert_eq!(detect("У Луцьку перехожі відбили чоловіка у працівників ТЦК"), Some("uk"));
        assert_eq!(detect("В Энергодаре работники потребовали выплатить долги по зарплате"), Some("ru"));
        assert_eq!(detect("Workers in Pavlohrad refused to descend into the mine."), Some("en"));
        assert_eq!(detect(""), None);
        // whole documents: Cyrillic letters decide before trigrams are consulted
        assert_eq!(detect("Вчера вечером в Кривом Роге неизвестные бросили бутылку."), Some("ru"));
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
