//! After the sentence-by-sentence pass: drafts that tell one incident again (a caption, a quote,
//! a recap, an undated lead and its dated body) are merged, at one place told at one or two
//! scales (a city and its district, an oblast and its town).

use litopys_gazetteer::{EntryId, Kind};

use super::{best_rule, Draft};
use crate::codebook::Cue;
use crate::Analysis;

/// One draft per place and day: a caption, a quote or a recap that tells an incident again
/// ("Rally in Dnipro (Photo: Suspilne)") adds to it instead of making a second row.
pub(super) fn merge_repeats(a: &Analysis, drafts: Vec<Draft>, published: Option<jiff::civil::Date>) -> Vec<Draft> {
    // an undated draft is an incident of the day of publication
    let day_of = |d: &Draft| d.date.map(|(_, r)| r.date).or(published);
    let mut merged: Vec<Draft> = Vec::new();
    for d in drafts {
        let day = day_of(&d);
        let twin = merged.iter_mut().find(|m| {
            let (Some(p), Some(q)) = (m.place, d.place) else { return false };
            let same_day = day_of(m) == day && same_scene(a, p.entry, q.entry);
            // a headline told without a day at the oblast ("Ворог скинув авіабомби на село у
            // Запорізькій області") and the body's dated incident in a village of it are one
            let (x, y) = (a.gazetteer.entry(p.entry), a.gazetteer.entry(q.entry));
            let nested = p.rank != q.rank && nested(a, p.entry, q.entry) && matches!(x.kind.min(y.kind), Kind::Oblast | Kind::Raion | Kind::Hromada);
            let one_undated = m.date.is_none() != d.date.is_none();
            // (a body's day weeks before publication is another incident: the attack a verdict
            // told in the headline punishes)
            let recent = match (m.date.or(d.date), published) {
                (Some((_, r)), Some(p)) => r.date >= p.saturating_sub(jiff::ToSpan::days(14)),
                _ => true,
            };
            // a lead told without a day ("Около 100 грамм тротила применили для подрыва машины
            // в Севастополе") and the body's incident of the same kind at the same place, dated
            // the day or two before the report ("Взрыв раздался около 10 утра 13 ноября"), are one
            // (a day told as a date: "анонсированную накануне акцию" is another day's news)
            let just_before = match (m.date.or(d.date), published) {
                (Some((e, r)), Some(p)) => e.kind.is_absolute() && r.date >= p.saturating_sub(jiff::ToSpan::days(2)),
                _ => false,
            };
            let same_kind = || kind_of(a, m) == kind_of(a, &d);
            // "Over the past day, Russian forces killed two residents of the Donetsk region. [...]
            // killed two civilians in Rodynske": the oblast's sum and its town's incident, of one
            // day and one kind, are one
            let oblast_sum = day_of(m) == day && nested && matches!(x.kind.min(y.kind), Kind::Oblast) && same_kind();
            same_day || (one_undated && nested && recent) || (one_undated && same_scene(a, p.entry, q.entry) && just_before && same_kind()) || oblast_sum
        });
        match twin {
            Some(m) => {
                if m.date.is_none() {
                    m.date = d.date;
                }
                // the finer place of a headline's and a body's: the village, not the oblast
                if let (Some(p), Some(q)) = (m.place, d.place) {
                    if q.rank < p.rank && !within_city(a, q.entry, p.entry) {
                        m.place = Some(q);
                    }
                }
                m.typed_by.extend(d.typed_by);
                // "a protest in Maidan Nezalezhnosti" and "in Kyiv": the row is the city's
                if let (Some(p), Some(q)) = (m.place, d.place) {
                    if within_city(a, p.entry, q.entry) {
                        m.place = Some(q);
                    }
                }
                m.sentences.extend(d.sentences);
                m.sentences.sort_unstable();
                m.sentences.dedup();
            }
            None => merged.push(d),
        }
    }
    merged
}

/// The event rule the draft's sentences choose (the type it would be built with).
pub(super) fn kind_of(a: &Analysis, d: &Draft) -> Option<usize> {
    let cues: Vec<Cue> = d.sentences.iter().chain(&d.typed_by).flat_map(|&i| a.cues_in(a.sentences[i].span).iter().copied()).collect();
    best_rule(a, &cues, &[]).map(|(rule, _)| rule)
}

/// True when `part` is a landmark or a district of the city (or oblast) `city` (Maidan Nezalezhnosti and
/// Kyiv, Шевченківський район and Київ): the same scene told at two scales.
pub(super) fn within_city(a: &Analysis, part: EntryId, city: EntryId) -> bool {
    let (p, c) = (a.gazetteer.entry(part), a.gazetteer.entry(city));
    let district = p.kind == Kind::Landmark || (p.kind == Kind::Raion && p.admin3.is_some());
    let same_city = p.admin1 == c.admin1 && p.admin3.as_deref().is_none_or(|h| c.admin3.as_deref() == Some(h));
    district && matches!(c.kind, Kind::City | Kind::Oblast) && same_city && !p.admin1.is_empty()
}

/// True when two places are one scene told at one or two scales (a city and its district).
pub(super) fn same_scene(a: &Analysis, p: EntryId, q: EntryId) -> bool {
    p == q || within_city(a, p, q) || within_city(a, q, p)
}

/// True when one of two places holds the other (an oblast and a raion of it, a raion and its town).
pub(super) fn nested(a: &Analysis, p: EntryId, q: EntryId) -> bool {
    let (x, y) = (a.gazetteer.entry(p), a.gazetteer.entry(q));
    contains(x, y) || contains(y, x)
}

/// True when the unit `outer` holds `inner`: its oblast, its raion or its hromada (a unit the
/// gazetteer cannot place, a landmark or an area, is held by the oblast it names).
pub(super) fn contains(outer: &litopys_gazetteer::Entry, inner: &litopys_gazetteer::Entry) -> bool {
    if outer.admin1 != inner.admin1 {
        return false;
    }
    match outer.kind {
        Kind::Raion if outer.admin3.is_none() => inner.admin2.as_deref().is_none_or(|r| r == outer.name),
        // a hromada holds its own villages: Shalanky (Vylotska) is not in Vynohradivska
        Kind::Hromada => {
            inner.admin2.as_deref().is_none_or(|r| outer.admin2.as_deref().is_none_or(|o| o == r))
                && inner.admin3.as_deref().is_none_or(|h| h == outer.name)
                && !matches!(inner.kind, Kind::Oblast | Kind::Raion)
        }
        // a settlement holds no other unit (its districts are `within_city`)
        Kind::City | Kind::Village => false,
        _ => true,
    }
}
