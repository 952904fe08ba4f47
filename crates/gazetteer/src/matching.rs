//! Finding names in text and ranking their candidates.
//!
//! One pass over the normalised text: at each word start the name index is walked byte by byte
//! (an FST walk stops at the first byte no key continues with, so most words cost a few steps),
//! giving every key that starts there, longest first. The longest key whose postings survive the
//! case and framing checks becomes a [`Mention`].

use litopys_model::Span;

use crate::index::{is_word_end, PrefixFilter};
use crate::names::{FLAG_ALIAS, FLAG_ANY_CASE, FLAG_BITS, FLAG_DISTRICT, FLAG_REGION, FLAG_WEAK};
use crate::normalize::is_word_char;
use crate::{EntryId, Frame, Gazetteer, Kind, Mention, Reason};

/// Words after a name that make it a region or a district ("Kharkiv Regional Military
/// Administration" is the oblast's).
/// The governorates and counties of the empire are the oblasts and raions of their names
/// ("Полтавської губернії", "Золотоніського повіту").
const REGION_WORDS: &[&str] = &[
    "region", "regional", "oblast", "province", "область", "області", "обл", "области", "областью", "oblast'", "губернія", "губернії",
    "губернію", "губернією", "губерния", "губернии", "губернию", "губернией", "regions", "oblasts", "provinces", "областях",
    "областей", "областям", "областями",
];
/// Plural region words a list of names shares: "Donetsk and Kherson oblasts".
const PLURAL_REGION_WORDS: &[&str] = &["regions", "oblasts", "provinces", "областях", "областей", "областям", "областями"];
/// Words that join the names of a list.
const LIST_JOINS: &[&str] = &["and", "or", "та", "і", "й", "и", "або", "или"];
const DISTRICT_WORDS: &[&str] = &[
    "district", "raion", "rayon", "район", "району", "районі", "района", "районе", "районом", "повіт", "повіту", "повіті",
    "повітом", "уезд", "уезда", "уезде", "уездом",
];
/// Words before a name that make it a point of reference.
const NEAR_WORDS: &[&str] = &["near", "outside", "під", "біля", "поблизу", "поруч", "неподалік", "под", "возле", "около", "недалеко", "близ", "вблизи"];
/// Words before a name that make it a settlement ("с. X", "у селі X", "village of X").
const VILLAGE_WORDS: &[&str] = &[
    "с", "c", "село", "селі", "села", "селом", "смт", "селище", "селищі", "селища", "селищем", "сел", "хутір", "хуторі", "хутора",
    "селе", "поселок", "поселке", "поселка", "пгт", "деревня", "деревне", "village", "settlement", "hamlet", "town", "смт.",
];
/// Words before a name that make it a town or city: they do not change the frame, but let a name
/// that is also an ordinary word count ("місто Володимир").
const CITY_WORDS: &[&str] = &["місто", "місті", "міста", "містом", "м", "город", "городе", "города", "г", "city", "town"];
/// Words after a name that make it a settlement ("Ivanivka village").
const VILLAGE_AFTER: &[&str] = &["village", "settlement"];

/// A mention with, for each candidate, whether the text named it by an alias.
pub(crate) struct Found {
    pub mention: Mention,
    pub aliases: Vec<EntryId>,
    /// The candidates whose name here is also an ordinary word, when others' is not: they may
    /// still win where their oblast is named beside them ("Нью-Йорка Донецької області").
    pub weak: Vec<EntryId>,
    /// True when the name is written in Cyrillic, where one word form may be one place's
    /// nominative and another's case form ("Глухове").
    pub cyrillic: bool,
}

/// The mentions in `text`, whose normalised form is `norm` with byte map `offsets` (as
/// [`crate::normalize_with_offsets`] gives them).
///
/// A word that starts in lower case can only be a name in any case, so the walk is skipped
/// where `any_case` says no such name starts, and at other words where `all` says no name
/// does: the outcome is the same, without the walk.
pub(crate) fn find(gaz: &Gazetteer, text: &str, norm: &str, offsets: &[usize], any_case: &PrefixFilter, all: &PrefixFilter) -> Vec<Found> {
    let mut out = Vec::new();
    let mut walked = Vec::new();
    let mut i = 0;
    while i < norm.len() {
        let b = norm.as_bytes()[i];
        if b.is_ascii() && !b.is_ascii_alphanumeric() {
            // quick path for spaces and punctuation: not a word character
            i += 1;
            continue;
        }
        let Some(c) = norm[i..].chars().next() else { break };
        if !is_word_char(c) || !is_word_start(norm, i) {
            i += c.len_utf8();
            continue;
        }
        let filter = if capitalised(text, offsets[i]) { all } else { any_case };
        if !filter.may_start(norm.as_bytes(), i) {
            i = skip_word(norm, i);
            continue;
        }
        gaz.index.walk(norm, i, &mut walked);
        let found = walked.iter().find_map(|&(end, offset)| {
            let m = mention_at(gaz, text, norm, offsets, i, end, offset);
            m.map(|m| (m, end))
        });
        match found {
            Some((m, end)) => {
                out.push(m);
                i = end;
            }
            None => i = skip_word(norm, i),
        }
    }
    out
}

/// The mention of the key `norm[start..end]` (whose postings sit at `offset`), if any of its
/// entries passes the checks of case and framing.
fn mention_at(gaz: &Gazetteer, text: &str, norm: &str, offsets: &[usize], start: usize, end: usize, offset: u64) -> Option<Found> {
    let postings = gaz.index.postings_at(offset);
    let capitalised = capitalised(text, offsets[start]);
    let key_flags = postings.iter().fold(0, |acc, p| acc | p);
    let (mut span_start, mut span_end) = (start, end);
    let mut frame = if key_flags & FLAG_REGION != 0 {
        Frame::Region
    } else if key_flags & FLAG_DISTRICT != 0 {
        Frame::District
    } else {
        Frame::Plain
    };
    if frame == Frame::Plain {
        if let Some((word, word_end)) = next_word(norm, end) {
            if REGION_WORDS.contains(&word) {
                frame = Frame::Region;
                span_end = word_end;
            } else if DISTRICT_WORDS.contains(&word) {
                frame = Frame::District;
                span_end = word_end;
            } else if VILLAGE_AFTER.contains(&word) {
                frame = Frame::Village;
                span_end = word_end;
            }
        }
        if frame == Frame::Plain && shares_plural_region(norm, end) {
            frame = Frame::Region;
        }
    }
    let mut city_framed = false;
    if frame == Frame::Plain {
        if let Some((word, word_start)) = previous_word(norm, start) {
            if CITY_WORDS.contains(&word) {
                city_framed = true;
            } else if NEAR_WORDS.contains(&word) {
                frame = Frame::Near;
                span_start = word_start;
            } else if VILLAGE_WORDS.contains(&word) && (word.chars().count() > 1 || abbreviated(norm, start)) {
                // "с." is "село"; "с" without its dot is the preposition "with": "с Олегом"
                frame = Frame::Village;
                span_start = word_start;
            } else if word == "of" {
                if let Some((w2, s2)) = previous_word(norm, word_start) {
                    if CITY_WORDS.contains(&w2) {
                        city_framed = true;
                    } else if VILLAGE_WORDS.contains(&w2) {
                        frame = Frame::Village;
                        span_start = s2;
                    }
                }
            }
        }
    }
    // a name that is also an ordinary word counts only as a weak mention, unless the text frames
    // it as a settlement; where the key has a strong reading too, the weak namesakes drop out
    let framed = frame == Frame::Village || city_framed;
    let readable: Vec<u32> = postings.iter().copied().filter(|&p| p & FLAG_ANY_CASE != 0 || capitalised).collect();
    let strong: Vec<u32> = readable.iter().copied().filter(|&p| framed || p & FLAG_WEAK == 0).collect();
    let weak = strong.is_empty();
    let weak_ids: Vec<EntryId> =
        if weak { Vec::new() } else { readable.iter().filter(|&&p| p & FLAG_WEAK != 0 && !framed).map(|&p| p >> FLAG_BITS).collect() };
    let kept = readable;
    let mut candidates: Vec<EntryId> = kept.iter().map(|&p| p >> FLAG_BITS).collect();
    candidates.dedup();
    // postings are sorted by entry id, so `aliases` is too
    let aliases = kept.iter().filter(|&&p| p & FLAG_ALIAS != 0).map(|&p| p >> FLAG_BITS).collect();
    if candidates.is_empty() {
        return None;
    }
    if frame == Frame::Region && !candidates.iter().any(|&id| matches!(gaz.entry(id).kind, Kind::Oblast | Kind::Region)) {
        // "Pavlohrad region" without a Pavlohrad oblast: the name stays a plain name
        frame = Frame::Plain;
        span_end = end;
    }
    if frame == Frame::District && !candidates.iter().any(|&id| gaz.entry(id).kind == Kind::Raion) {
        frame = Frame::Plain;
        span_end = end;
    }
    let mention = Mention { span: Span::new(offsets[span_start], offsets[span_end]), candidates, frame, weak, reason: Reason::Only };
    let cyrillic = text.get(mention.span.start..mention.span.end).is_some_and(|t| t.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)));
    Some(Found { mention, aliases, weak: weak_ids, cyrillic })
}

/// True if the character at byte `at` of `text` is upper case or a digit: a settlement's name
/// counts only then.
fn capitalised(text: &str, at: usize) -> bool {
    match text.as_bytes().get(at) {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase() || b.is_ascii_digit(),
        _ => text[at..].chars().next().is_some_and(|c| crate::chars::is_uppercase(c) || c.is_numeric()),
    }
}

/// True if a word starts at `at`: the character before is not a letter, a digit, a hyphen or
/// an apostrophe inside a word.
fn is_word_start(text: &str, at: usize) -> bool {
    let mut before = text[..at].chars().rev();
    match before.next() {
        None => true,
        Some('-') => false,
        Some('\'') => !before.next().is_some_and(is_word_char),
        Some(c) => !is_word_char(c),
    }
}

fn skip_word(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = at;
    while i < bytes.len() {
        if i > at {
            // ASCII letters and digits, and Cyrillic (U+0400..U+04FF, lead bytes D0..D3), are
            // word characters: no word ends before them
            match bytes[i] {
                b if b.is_ascii_alphanumeric() => {
                    i += 1;
                    continue;
                }
                0xD0..=0xD3 => {
                    i += 2;
                    continue;
                }
                _ if is_word_end(text, i) => break,
                _ => {}
            }
        }
        i += text[i..].chars().next().map_or(1, char::len_utf8);
    }
    i.max(at + 1).min(text.len())
}

fn next_word(text: &str, from: usize) -> Option<(&str, usize)> {
    let rest = &text[from..];
    let trimmed = rest.trim_start_matches([' ', '\t']);
    if trimmed.len() == rest.len() && !rest.is_empty() {
        // a name directly followed by punctuation has no framing word
        return None;
    }
    let word_start = from + (rest.len() - trimmed.len());
    let len = trimmed.find(|c: char| !(crate::chars::is_alphanumeric(c) || c == '\'')).unwrap_or(trimmed.len());
    (len > 0).then(|| (&text[word_start..word_start + len], word_start + len))
}

/// True if the name ending at byte `end` opens a list of names that a plural region word
/// closes: "Donetsk and Kherson oblasts", "Sumy, Kharkiv and Poltava regions" (each name in it
/// is a region, the first as much as the last).
fn shares_plural_region(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("");
    let rest = rest.get(..rest.len().min(120)).unwrap_or(rest);
    // a comma right after the name separates it from the next
    let mut separated = rest.starts_with(',');
    let mut names = 0;
    for token in rest.split_whitespace().take(10) {
        let word = token.trim_matches(|c: char| !crate::chars::is_alphanumeric(c));
        if word.is_empty() {
            separated |= token.contains(',');
            continue;
        }
        if PLURAL_REGION_WORDS.contains(&word) {
            return names > 0;
        }
        if LIST_JOINS.contains(&word) {
            separated = true;
            continue;
        }
        if !separated {
            return false;
        }
        names += 1;
        separated = token.ends_with(',');
    }
    false
}

/// True if the word before byte `before` ends with a dot: "с. Іванівка".
fn abbreviated(text: &str, before: usize) -> bool {
    text[..before].trim_end_matches([' ', '\t', '\u{a0}', '\n', '\r']).ends_with('.')
}

/// The word before byte `before`, without a final dot ("с. Іванівка" → "с"). Tokenised text
/// spaces the dot of an abbreviation ("с . Іванівка"): a dot with a space before it counts only
/// after a word of at most three letters, since after a longer one it ends a sentence.
fn previous_word(text: &str, before: usize) -> Option<(&str, usize)> {
    const SPACES: [char; 3] = [' ', '\t', '\u{a0}'];
    let head = text[..before].trim_end_matches(SPACES);
    // a sentence splitter breaks the line after an abbreviation's dot ("в с.\nСтоянка"): past a
    // line break only an abbreviation counts, as after a spaced dot
    let past_line = head.trim_end_matches(['\n', '\r']).trim_end_matches(SPACES);
    let broken = past_line.len() < head.len() && past_line.ends_with('.');
    let head = if broken { past_line } else { head };
    let (head, spaced) = match head.strip_suffix('.') {
        Some(h) => {
            let trimmed = h.trim_end_matches(SPACES);
            (trimmed, broken || trimmed.len() < h.len())
        }
        None => (head, false),
    };
    let start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| crate::chars::is_alphanumeric(*c))
        .last()
        .map(|(i, _)| i)?;
    let word = &head[start..];
    (!spaced || word.chars().count() <= 3).then_some((word, start))
}

/// Where the text says it is: positions of the mentions that name each raion and oblast, by
/// how firmly they name it, keyed by the gazetteer's unit numbers.
#[derive(Default)]
struct Context {
    /// Raions named as districts.
    raions: std::collections::BTreeMap<u16, Vec<usize>>,
    /// Oblasts by strength: [0] named as a region or through a district; [1] an oblast or big
    /// city named plainly; [2] a name all of whose candidates lie in one oblast.
    oblasts: [std::collections::BTreeMap<u16, Vec<usize>>; 3],
    /// Countries of the names all of whose candidates lie in one country, and of countries
    /// named: a text that names Moscow and Tula means Podolsk near Moscow, not Podilsk.
    countries: std::collections::BTreeMap<String, Vec<usize>>,
}

impl Context {
    fn of(gaz: &Gazetteer, found: &[Found]) -> Context {
        let mut ctx = Context::default();
        for Found { mention: m, .. } in found {
            if m.weak {
                // a name that is probably an ordinary word says nothing of where the text is
                continue;
            }
            let at = m.span.start;
            if matches!(m.frame, Frame::Region | Frame::District) {
                for &id in &m.candidates {
                    let e = gaz.entry(id);
                    let (admin1, raion) = gaz.units[id as usize];
                    if m.frame == Frame::Region && e.kind == Kind::Oblast {
                        ctx.oblasts[0].entry(admin1).or_default().push(at);
                    } else if m.frame == Frame::District && e.kind == Kind::Raion {
                        ctx.raions.entry(raion).or_default().push(at);
                        ctx.oblasts[0].entry(admin1).or_default().push(at);
                    }
                }
                continue;
            }
            for &id in &m.candidates {
                let e = gaz.entry(id);
                let unit = gaz.units[id as usize].0;
                if unit != 0 && (e.kind == Kind::Oblast || (e.kind == Kind::City && e.population >= 100_000)) {
                    ctx.oblasts[1].entry(unit).or_default().push(at);
                }
            }
            let first = gaz.units[m.candidates[0] as usize].0;
            if first != 0 && m.candidates.iter().all(|&id| gaz.units[id as usize].0 == first) {
                ctx.oblasts[2].entry(first).or_default().push(at);
            }
            let country = &gaz.entry(m.candidates[0]).country;
            if !country.is_empty() && m.candidates.iter().all(|&id| gaz.entry(id).country == *country) {
                ctx.countries.entry(country.clone()).or_default().push(at);
            }
        }
        // mentions come in text order, so every list is sorted; a mention may push twice
        for list in ctx.raions.values_mut().chain(ctx.oblasts.iter_mut().flat_map(|m| m.values_mut())).chain(ctx.countries.values_mut()) {
            list.dedup();
        }
        ctx
    }

    /// The distance from `at` to the nearest other mention that places the text in `country`.
    fn country_fit(&self, country: &str, at: usize) -> usize {
        self.countries.get(country).and_then(|l| nearest(l, at)).unwrap_or(usize::MAX)
    }

    /// How firmly the rest of the text places entry `id` (0 best, 9 not at all), and the
    /// distance in bytes from `at` to the nearest mention that does, never counting the mention
    /// at `at`.
    fn fit(&self, gaz: &Gazetteer, id: EntryId, at: usize) -> (u8, usize) {
        let (admin1, raion) = gaz.units[id as usize];
        if admin1 == 0 {
            return (9, usize::MAX);
        }
        if raion != 0 {
            if let Some(d) = self.raions.get(&raion).and_then(|l| nearest(l, at)) {
                return (0, d);
            }
        }
        for (level, map) in self.oblasts.iter().enumerate() {
            if let Some(d) = map.get(&admin1).and_then(|l| nearest(l, at)) {
                return (level as u8 + 1, d);
            }
        }
        (9, usize::MAX)
    }
}

/// Distance from `at` to the nearest position in sorted `list` other than `at` itself.
fn nearest(list: &[usize], at: usize) -> Option<usize> {
    let i = list.partition_point(|&p| p < at);
    let after = list[i..].iter().find(|&&p| p != at).map(|&p| p - at);
    let before = list[..i].last().map(|&p| at - p);
    match (before, after) {
        (Some(b), Some(a)) => Some(b.min(a)),
        (b, a) => b.or(a),
    }
}

/// Orders every mention's candidates: the frame first (a "region" wants an oblast, "village of"
/// a village), then agreement with the raions and oblasts the text names elsewhere (nearer
/// first), then the country the text is about, then the entry's own name over an alias, then
/// settlement over unit, then population. The first of these that tells the two best apart is
/// the mention's [`Reason`].
pub(crate) fn rank(gaz: &Gazetteer, found: Vec<Found>) -> Vec<Mention> {
    let ctx = Context::of(gaz, &found);
    let mut mentions = Vec::with_capacity(found.len());
    for Found { mention: mut m, aliases, weak, cyrillic } in found {
        let frame = m.frame;
        let at = m.span.start;
        // the largest town among the candidates, for a name read without a settlement word
        let largest = if frame == Frame::Plain {
            m.candidates.iter().map(|&id| gaz.entry(id)).filter(|e| e.kind == Kind::City && e.population >= 10_000).map(|e| e.population).max().unwrap_or(0)
        } else {
            0
        };
        let key = |id: EntryId| {
            let e = gaz.entry(id);
            let (level, distance) = ctx.fit(gaz, id, at);
            // what the same sentence says outweighs what another paragraph says
            let band = |d: usize| match d {
                0..=200 => 0u8,
                201..=2000 => 1,
                _ => 2,
            };
            let country = band(ctx.country_fit(&e.country, at));
            // an own name counts over an alias between places of a size; a village's own name
            // does not outweigh a town twenty times its size that the text writes in another
            // language ("в Глухове": Russian for Глухів, 31,789 people, not the village Глухове);
            // in Latin script a name is not a case form ("at Donetske, Donetsk" is the village)
            let tiny = cyrillic && e.kind == Kind::Village && (e.population as u64) * 20 < largest as u64;
            let alias = aliases.binary_search(&id).is_ok() || tiny;
            // a weak namesake comes after the others unless its oblast is named as a region,
            // or its raion as a district, in the same sentence
            let demoted = weak.binary_search(&id).is_ok() && !(band(distance) == 0 && level <= 1);
            RankKey {
                frame: frame_fit(frame, e.kind),
                demoted,
                band: band(distance),
                level,
                country,
                alias,
                // litopys reads Ukrainian news: at equal evidence, Ukraine's place
                foreign: !e.is_ukrainian(),
                distance,
                kind: kind_rank(frame, e.kind),
                // a raion of the country before a district of a city, all else equal
                city_district: e.kind == Kind::Raion && e.admin3.is_some(),
                population: std::cmp::Reverse(e.population),
                id,
            }
        };
        let mut keyed: Vec<(RankKey, EntryId)> = m.candidates.iter().map(|&id| (key(id), id)).collect();
        keyed.sort();
        m.reason = match keyed.as_slice() {
            [a, b, ..] => a.0.reason(&b.0),
            _ => Reason::Only,
        };
        // weak namesakes that did not win are no alternatives worth offering
        m.candidates = keyed.into_iter().enumerate().filter(|(i, (k, _))| *i == 0 || !k.demoted).map(|(_, (_, id))| id).collect();
        mentions.push(m);
    }
    mentions
}

/// The sort key of a candidate, field by field in order of weight.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct RankKey {
    frame: u8,
    demoted: bool,
    band: u8,
    level: u8,
    country: u8,
    alias: bool,
    foreign: bool,
    distance: usize,
    kind: u8,
    city_district: bool,
    population: std::cmp::Reverse<u32>,
    id: EntryId,
}

impl RankKey {
    /// Which signal put `self` before `next`.
    fn reason(&self, next: &RankKey) -> Reason {
        if self.frame != next.frame {
            Reason::Frame
        } else if self.demoted != next.demoted {
            Reason::RegionNamed
        } else if self.band != next.band || self.level != next.level {
            match self.level {
                0 => Reason::DistrictNamed,
                1 => Reason::RegionNamed,
                _ => Reason::OtherPlaces,
            }
        } else if self.country != next.country {
            Reason::Country
        } else if self.alias != next.alias {
            Reason::OwnName
        } else if self.foreign != next.foreign {
            Reason::Country
        } else if self.distance != next.distance {
            Reason::OtherPlaces
        } else if self.kind != next.kind || self.city_district != next.city_district {
            Reason::Kind
        } else if self.population != next.population {
            Reason::Population
        } else {
            Reason::Tie
        }
    }
}

fn frame_fit(frame: Frame, kind: Kind) -> u8 {
    match (frame, kind) {
        (Frame::Region, Kind::Oblast | Kind::Region) | (Frame::District, Kind::Raion) => 0,
        (Frame::Region | Frame::District, _) => 1,
        (_, Kind::Oblast | Kind::Raion | Kind::Hromada | Kind::Region) => 1,
        _ => 0,
    }
}

fn kind_rank(frame: Frame, kind: Kind) -> u8 {
    match (frame, kind) {
        (Frame::Village, Kind::Village) => 0,
        (Frame::Village, Kind::City) => 1,
        (_, Kind::City) => 0,
        (_, Kind::Village) => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_around_a_name() {
        let t = "у с. іванівка";
        let at = t.find("іванівка").unwrap_or(0);
        assert_eq!(previous_word(t, at), Some(("с", t.find('с').unwrap_or(0))));
        // a line broken after the abbreviation's dot by a sentence splitter
        let t = "у с.\nіванівка";
        let at = t.find("іванівка").unwrap_or(0);
        assert_eq!(previous_word(t, at), Some(("с", t.find('с').unwrap_or(0))));
        assert!(abbreviated(t, at));
        // past a line break, a longer word ends its sentence
        let t = "прийшли до села.\nіванівка";
        let at = t.find("іванівка").unwrap_or(0);
        assert_eq!(previous_word(t, at), None);
        assert!(!is_word_start("кам'янське", "кам'".len()));
        assert!(!is_word_start("івано-франківськ", "івано-".len()));
        assert_eq!(next_word("kyiv region.", 4), Some(("region", 11)));
        assert_eq!(nearest(&[3, 10, 40], 10), Some(7));
        assert_eq!(nearest(&[10], 10), None);
    }
}
