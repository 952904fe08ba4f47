//! Evidence from the document as a whole: the places it names firmly, and the persons it names.
//!
//! A word is read as a coder reads it, with the rest of the text in mind. [`Support`] gathers
//! the firm (not weak) mentions once per text, by oblast and country, so that a weak or small
//! one can be backed by its oblast or raion named nearby ("Щастя ... Луганської області"), by
//! other places of its oblast, or by a firm place it is listed with; and so that a Ukrainian
//! village in a text whose places are all abroad, or a settlement followed by another region's
//! name ("Погребки Курской области"), is doubted. `persons_elsewhere` does the same for
//! persons: a small place whose name stands inside a person's name elsewhere in the text is
//! that person repeated ("Ольга Сагайдак ... Сагайдак відома як").

use litopys_gazetteer::{EntryId, Frame, Gazetteer, Kind, Mention, Reason};
use litopys_model::Span;

use crate::evidence::{DISTRICT_NOUNS, PLACE_PREPOSITIONS_ANY};
use crate::namesakes::near_ukraine;
use crate::{person, sentence, Evidence, Geoparser, PlaceMention, Signal};

impl Geoparser<'_> {
    /// Marks the plain mentions of a small place, or of a town with a surname's shape
    /// ("Хмельницького"), whose name stands inside a person's name elsewhere in the text
    /// ("Осипенка Зінаїда ... Осипенко – далекий родич"): the document is the evidence, as a
    /// coder reads it. Mentions after a preposition of place ("у Сокалі") or framed by a
    /// settlement word keep their reading, unless they repeat the very word form of the
    /// person's name next to a first name ("Ларисы Долиной ... у Долиной").
    pub(crate) fn persons_elsewhere(&self, text: &str, weighed: &mut [PlaceMention]) {
        let named_person = |p: &PlaceMention| {
            p.evidence.iter().any(|e| matches!(e.signal, Signal::PersonName | Signal::Title))
        };
        let first_named = |p: &PlaceMention| p.evidence.iter().any(|e| e.signal == Signal::PersonName);
        let persons: Vec<(EntryId, &str, bool)> = weighed
            .iter()
            .filter(|p| named_person(p))
            .map(|p| (p.entry(), p.mention.span.text(text), first_named(p)))
            .collect();
        if persons.is_empty() {
            return;
        }
        for p in weighed.iter_mut() {
            let entry = self.gazetteer.entry(p.entry());
            let settlement = matches!(entry.kind, Kind::City | Kind::Village);
            // a city named after a person ("Хмельницький") is the person where the text names
            // him, and its name has a surname's shape
            let surname = person::surname_like(p.text(text)) || person::adjectival_surname(p.text(text));
            // a town far away is seldom named in a text that names a person of its name
            let far = entry.kind == Kind::City && !near_ukraine(&entry.country);
            let small = entry.population < 100_000 || surname || far;
            if !settlement || !small || p.mention.frame != Frame::Plain || named_person(p) || !persons.iter().any(|(id, ..)| *id == p.entry()) {
                continue;
            }
            let after_preposition = sentence::word_before(text, p.mention.span.start)
                .is_some_and(|(w, _)| PLACE_PREPOSITIONS_ANY.contains(&w.to_lowercase().as_str()));
            // the very form the person's name took ("Ларисы Долиной ... у Долиной") is the
            // person even after a preposition: a place's case after it would differ
            // (an adjective's case ending, "-ой", "-ого", that a noun place never takes)
            let adjectival = |form: &str| ["ой", "ою", "ої", "ого", "ому", "им", "ым"].iter().any(|e| form.ends_with(e));
            let place_adjective = ["ий", "ій", "ое", "ая", "ське", "цьке", "ська", "цька"].iter().any(|e| entry.name_uk.ends_with(e));
            let same_form = persons.iter().any(|(id, form, first)| {
                *first && *id == p.entry() && *form == p.mention.span.text(text) && adjectival(form) && !place_adjective
            });
            if !after_preposition || same_form {
                p.evidence.push(Evidence { signal: Signal::PersonElsewhere, weight: -3.0 });
            }
        }
    }
}

/// What backs a place: its oblast or raion named nearby, or the text's other places in its
/// oblast (or country, abroad).
pub(crate) enum Backing {
    Region,
    Places,
}

/// The firm mentions of a text (not weak), by oblast and country, for backing the others.
pub(crate) struct Support {
    /// Oblasts, regions and raions named: position, and for each candidate its admin1 and, for
    /// a raion, its name.
    regions: Vec<(usize, Vec<(String, Option<String>)>)>,
    /// Oblasts that a city's name may also mean ("Kharkiv", "Donetsk", "Kyiv"): position and
    /// admin1. Named right after a village they back it ("shelled Makariv, Kyiv"), as a named
    /// oblast does, but never count against a place ("in Lviv, Kyiv and Odesa" is a list).
    city_oblasts: Vec<(usize, String)>,
    /// (position, admin1, country) of firm settlements and other places.
    places: Vec<(usize, String, String)>,
    /// Spans of firm mentions, to tell a place from a person's name next to it.
    spans: Vec<Span>,
    /// (position, country) of every firm mention but countries.
    countries: Vec<(usize, String)>,
}

impl Support {
    pub(crate) fn of(gaz: &Gazetteer, mentions: &[Mention]) -> Support {
        let mut s = Support {
            regions: Vec::new(),
            city_oblasts: Vec::new(),
            places: Vec::new(),
            spans: Vec::new(),
            countries: Vec::new(),
        };
        for m in mentions.iter().filter(|m| !m.weak) {
            let e = gaz.entry(m.candidates[0]);
            s.spans.push(m.span);
            // a country named ("Россия", "Польща") does not make a text foreign: Ukrainian
            // reports name Russia all the time
            if e.kind != Kind::Country {
                s.countries.push((m.span.start, e.country.clone()));
            }
            if matches!(e.kind, Kind::Oblast | Kind::Region | Kind::Raion) {
                let units = m
                    .candidates
                    .iter()
                    .map(|&id| gaz.entry(id))
                    .filter(|c| matches!(c.kind, Kind::Oblast | Kind::Region | Kind::Raion))
                    .map(|c| {
                        (
                            c.admin1.clone(),
                            (c.kind == Kind::Raion).then(|| c.name.clone()),
                        )
                    })
                    .collect();
                s.regions.push((m.span.start, units));
            } else {
                s.places
                    .push((m.span.start, e.admin1.clone(), e.country.clone()));
                let oblasts = m.candidates.iter().map(|&id| gaz.entry(id)).filter(|c| c.kind == Kind::Oblast);
                s.city_oblasts.extend(oblasts.map(|c| (m.span.start, c.admin1.clone())));
            }
        }
        s
    }

    /// True if a region named right after byte `end` ("X Курской области", "X, Sumy oblast")
    /// does not contain `e`.
    pub(crate) fn other_region_after(&self, e: &litopys_gazetteer::Entry, end: usize, text: &str) -> bool {
        // between them only spaces, a comma, the word for a district or a preposition of place:
        // "в Красноармейском районе Краснодарского края", "Ленинское в ДНР", "село Новоивановка
        // в Суджанском районе"
        let district = |w: &str| {
            let lower = w.to_lowercase();
            DISTRICT_NOUNS.contains(&lower.as_str()) || matches!(lower.as_str(), "district" | "raion" | "в" | "у" | "во" | "in")
        };
        let adjacent = |gap: &str| gap.split([' ', ',', '\u{a0}']).filter(|w| !w.is_empty()).all(district);
        self.regions.iter().any(|(p, units)| {
            *p >= end && *p - end <= 16 && text.get(end..*p).is_some_and(adjacent) && !units.iter().any(|(a1, _)| within(&e.admin1, a1))
        })
    }

    /// True if every other place the text names is abroad, and one of them is near `at`: a
    /// report about Russia's Primorye whose "поселок Тавричанка" is no Ukrainian village.
    pub(crate) fn foreign_only(&self, at: usize) -> bool {
        let others = || self.countries.iter().filter(|(p, c)| *p != at && !c.is_empty());
        let foreign_near = others().any(|(p, _)| p.abs_diff(at) <= 1000);
        foreign_near && others().all(|(_, c)| c != "UA")
    }

    /// True if a comma, a conjunction or a spaced dash alone stands between `span` and a firm
    /// place name on either side: "Тернопіль, Ємільчине", "Ємільчине і Бурштин", and the ends
    /// of a route or a road "Полтава – Лубни".
    pub(crate) fn listed_with_place(&self, text: &str, span: Span) -> bool {
        const JOINS: &[&str] = &["і", "й", "та", "и", "and"];
        let separator = |gap: &str| {
            let g = gap.trim_matches([' ', '\u{a0}']);
            // a hyphen counts only with spaces around it: "Нова-Збур'ївка" is one name
            let spaced = gap.starts_with([' ', '\u{a0}']) && gap.ends_with([' ', '\u{a0}']);
            g == "," || JOINS.contains(&g) || matches!(g, "–" | "—") || (g == "-" && spaced)
        };
        self.spans.iter().any(|s| {
            (s.end <= span.start && span.start - s.end <= 6 && text.get(s.end..span.start).is_some_and(separator))
                || (s.start >= span.end && s.start - span.end <= 6 && text.get(span.end..s.start).is_some_and(separator))
        })
    }

    pub(crate) fn is_place_at(&self, span: Span) -> bool {
        self.spans.iter().any(|s| s.overlaps(&span))
    }

    /// True if an oblast, region or raion named within 400 bytes of `at` contains `e`, or, for
    /// a village, a city whose oblast contains it is named right after ("Makariv, Kyiv").
    fn region_backs(&self, e: &litopys_gazetteer::Entry, at: usize) -> bool {
        let near = |p: usize| p != at && p.abs_diff(at) <= 400;
        !e.admin1.is_empty()
            && (self.regions.iter().any(|(p, units)| {
                near(*p)
                    && units.iter().any(|(a1, raion)| {
                        *a1 == e.admin1
                            && raion.as_ref().is_none_or(|r| e.admin2.as_ref() == Some(r))
                    })
            }) || (e.kind == Kind::Village
                && self.city_oblasts.iter().any(|(p, a1)| *p > at && *p - at <= 60 && *a1 == e.admin1)))
    }

    pub(crate) fn of_entry(&self, gaz: &Gazetteer, id: EntryId, at: usize) -> Option<Backing> {
        let e = gaz.entry(id);
        if self.region_backs(e, at) {
            return Some(Backing::Region);
        }
        let same = |(p, a, c): &(usize, String, String)| {
            *p != at
                && p.abs_diff(at) <= 1500
                && if e.is_ukrainian() {
                    !e.admin1.is_empty() && *a == e.admin1
                } else {
                    !e.country.is_empty() && *c == e.country
                }
        };
        self.places.iter().any(same).then_some(Backing::Places)
    }

    /// Puts first the candidate of a weak mention that a region named nearby contains: the
    /// gazetteer ranks weak names without their neighbours' help ("Сили Вознесенського району"
    /// is the Syla of that raion).
    pub(crate) fn reorder(&self, gaz: &Gazetteer, m: &mut Mention) {
        if !m.weak || m.candidates.len() < 2 {
            return;
        }
        if let Some(i) = m
            .candidates
            .iter()
            .position(|&id| self.region_backs(gaz.entry(id), m.span.start))
        {
            if i > 0 {
                let id = m.candidates.remove(i);
                m.candidates.insert(0, id);
                m.reason = Reason::RegionNamed;
            }
        }
    }
}

/// True if a place of first-level unit `place` lies in the region `region` names: the same
/// unit, or a city of special status inside the oblast around it (Kyiv in Kyiv oblast,
/// Sevastopol in Crimea), where reports often place the city's outskirts ("в Бортничах
/// Київської області"). Such an oblast named after the place is no other region; it does not
/// back the city's places either, as the city's own name does.
fn within(place: &str, region: &str) -> bool {
    place == region || matches!((place, region), ("Kyiv City", "Kyiv") | ("Sevastopol", "Crimea"))
}
