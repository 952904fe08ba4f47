//! Units listed before one plural noun: "у Бучанському та Фастівському районах", "в Сумской и
//! Харьковской областях", "по Новослобідській та Ворожбянській громадах". The gazetteer reads
//! the last adjective with the noun ("Фастівському районах"); the ones before it stand alone and
//! name a raion (an oblast, a hromada) just as much. Each is looked up with the noun in the
//! singular of the same case, and kept when that names a unit of the same kind.

use litopys_gazetteer::{Frame, Gazetteer, Mention};
use litopys_model::Span;

/// A plural unit noun and its singular forms in the cases it can stand for.
const PLURALS: &[(&str, &[&str])] = &[
    ("районах", &["районі", "районе"]),
    ("районів", &["району", "района"]),
    ("районов", &["района"]),
    ("районам", &["району"]),
    ("громадах", &["громаді", "громаде"]),
    ("громад", &["громади", "громады"]),
    ("общинах", &["общине"]),
    ("областях", &["області", "области"]),
    ("областей", &["області", "области"]),
];

/// Words between two items of a list.
const JOINS: &[&str] = &[",", "та", "і", "й", "и", "and"];

/// Mentions for the adjectives listed before a unit mention that ends in a plural noun.
pub(crate) fn list_partners(gaz: &Gazetteer, text: &str, mentions: &[Mention]) -> Vec<Mention> {
    let mut out = Vec::new();
    for m in mentions.iter().filter(|m| matches!(m.frame, Frame::District | Frame::Region)) {
        let words = m.span.text(text);
        let Some(noun) = words.split_whitespace().last() else { continue };
        let lower = noun.to_lowercase();
        let Some(&(_, singulars)) = PLURALS.iter().find(|(p, _)| *p == lower) else { continue };
        let kind = gaz.entry(m.candidates[0]).kind;
        let mut end = m.span.start;
        // walk back over "A, B та" to the start of the list
        loop {
            let Some((join, join_start)) = word_before(text, end) else { break };
            if !JOINS.contains(&join.to_lowercase().as_str()) {
                break;
            }
            let Some((adjective, start)) = word_before(text, join_start) else { break };
            if !adjective.starts_with(litopys_gazetteer::chars::is_uppercase) {
                break;
            }
            let found = singulars.iter().find_map(|s| {
                let phrase = format!("{adjective} {s}");
                gaz.find(&phrase).into_iter().find(|f| f.span.start == 0 && f.span.end == phrase.len() && gaz.entry(f.candidates[0]).kind == kind)
            });
            let Some(mut partner) = found else { break };
            partner.span = Span::new(start, start + adjective.len());
            out.push(partner);
            end = start;
        }
    }
    out
}

/// The word (or a lone comma) that ends right before byte `at`, past spaces, with its start.
fn word_before(text: &str, at: usize) -> Option<(&str, usize)> {
    let head = text.get(..at)?.trim_end();
    if let Some(rest) = head.strip_suffix(',') {
        return Some((",", rest.len()));
    }
    let start = head.rfind(|c: char| !(litopys_gazetteer::chars::is_alphanumeric(c) || c == '\'' || c == '’' || c == '-')).map_or(0, |i| i + head[i..].chars().next().map_or(1, char::len_utf8));
    (start < head.len()).then(|| (&head[start..], start))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn partners(text: &str) -> Vec<(String, String)> {
        let gaz = Gazetteer::builtin();
        let mentions = gaz.find_all(text);
        list_partners(gaz, text, &mentions).iter().map(|m| (m.span.text(text).to_string(), gaz.entry(m.candidates[0]).name.clone())).collect()
    }

    #[test]
    fn adjectives_before_a_plural_unit_noun() {
        assert_eq!(partners("у Бучанському та Фастівському районах пошкоджено будинки"), [("Бучанському".to_string(), "Buchanskyi".to_string())]);
        assert_eq!(partners("в Бучанском и Фастовском районах"), [("Бучанском".to_string(), "Buchanskyi".to_string())]);
        let three = partners("у Броварському, Бучанському та Фастівському районах");
        assert_eq!(three.len(), 2);
        assert_eq!(partners("у Сумській та Харківській областях"), [("Сумській".to_string(), "Sumy".to_string())]);
        // a regional noun is the oblast, not the village of that name in another oblast
        let gaz = Gazetteer::builtin();
        let t = "Найбільше нападів зафіксовано на Харківщині.";
        let m = gaz.find(t);
        assert_eq!(m.first().map(|m| gaz.entry(m.candidates[0]).name.as_str()), Some("Kharkiv"));
        // a word that names no unit ends the list
        assert!(partners("у великих та Фастівському районах").is_empty());
    }
}
