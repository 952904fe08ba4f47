//! Streets and landmarks beside the places: which of two readings of the same words stands,
//! and in which city a street lies.
//!
//! The street grammar (`street.rs`) and the gazetteer may both claim the same words: "вул.
//! Кірова" is a street, not the village Кірове; "річки Дніпра" is the river the gazetteer
//! holds, not a landmark of the grammar's; "Часовому Яру" is a town, not a ravine. This module
//! decides between them after both have run, once per text, and places each street in the
//! city named nearest (after it within 300 bytes, else before it), since streets have no
//! gazetteer of their own.

use litopys_gazetteer::{EntryId, Kind, Reason};
use litopys_model::Span;

use crate::street::{self, Feature, Street};
use crate::{Geoparser, PlaceMention, StreetMention, THRESHOLD};

impl Geoparser<'_> {
    /// The places and the streets of `text` (normalised as for
    /// [`parse_normalized`](Geoparser::parse_normalized)), in one pass over its streets.
    pub fn parse_with_streets(&self, text: &str, norm: &str, offsets: &[usize]) -> (Vec<PlaceMention>, Vec<StreetMention>) {
        let mut all = self.weigh_all(text, norm, offsets);
        let rejected_towns = self.rejected_towns(&all);
        all.retain(|p| p.score >= THRESHOLD);
        // the words of a street's name are not places: "вул. Кірова", "вулиця Київська"; nor
        // those of a landmark named after someone ("парку Горького"); a landmark's adjective is
        // no village ("Михайлівському соборі" is not Mykhailivske), but it may name a town, a
        // feature or a region ("Бориспільського аеропорту")
        let mut streets = street::streets_with(text, |w| self.first_names.contains(w));
        streets.retain(|s| s.feature != Feature::Settlement || !rejected_towns.iter().any(|r| r.overlaps(&s.name)));
        if !streets.is_empty() {
            let gaz = self.gazetteer;
            // "ринку України": the market of a country or a region, not a landmark's name
            let a_region = |s: &Street| {
                !s.name_first
                    && all.iter().any(|p| {
                        p.span() == s.name && matches!(gaz.entry(p.entry()).kind, Kind::Country | Kind::Oblast | Kind::Region)
                    })
            };
            // "Часовому Яру" is the town Chasiv Yar, not a ravine named "Часовий", and the "Яре"
            // of "в Часов Яре Донецкой области" is no landmark word: a settlement holds it
            let a_settlement = |s: &Street| {
                all.iter().any(|p| {
                    let q = p.span();
                    let holds_word = (q.start <= s.span.start && s.span.end <= q.end) || (q.overlaps(&s.span) && !q.overlaps(&s.name));
                    holds_word && gaz.entry(p.entry()).kind.is_settlement()
                })
            };
            streets.retain(|s| s.feature == Feature::Street || !(a_region(s) || a_settlement(s)));
            // a river, a lake or a mountain the gazetteer holds is its place ("річки Дніпра"),
            // and so is a unit it holds ("Стрийського району"): the grammar's reading goes. After
            // a landmark word, the name's natural namesake comes first: "річці Дніпро" is the
            // river, not the city
            let natural_kind = |k: Kind| matches!(k, Kind::River | Kind::Lake | Kind::Sea | Kind::Mountains);
            for s in streets.iter().filter(|s| s.feature == Feature::Landmark && !s.name_first) {
                for p in all.iter_mut().filter(|p| p.span().overlaps(&s.name)) {
                    let found = p.mention.candidates.iter().position(|&id| natural_kind(gaz.entry(id).kind));
                    if let Some(i) = found.filter(|&i| i > 0) {
                        let id = p.mention.candidates.remove(i);
                        p.mention.candidates.insert(0, id);
                        p.mention.reason = Reason::Kind;
                    }
                }
            }
            let natural = |p: &PlaceMention| natural_kind(gaz.entry(p.entry()).kind);
            streets.retain(|s| self.grammar_reading_stands(s, &all));
            let names_no_place = |s: &Street, p: &PlaceMention| {
                (s.feature == Feature::Street || !s.name_first || gaz.entry(p.entry()).kind == Kind::Village)
                    && !(s.feature == Feature::Landmark && !s.name_first && natural(p))
            };
            all.retain(|p| !streets.iter().any(|s| s.name.overlaps(&p.span()) && names_no_place(s, p)));
        }
        let placed = self.place_streets(streets, &all);
        (all, placed)
    }

    /// The streets `text` names, each with the city it is in: the nearest city among `places`
    /// (the text's places, from [`parse`](Geoparser::parse)) within 300 bytes after it, else
    /// the last one before it, else the first after.
    pub fn streets(&self, text: &str, places: &[PlaceMention]) -> Vec<StreetMention> {
        let mut found = street::streets_with(text, |w| self.first_names.contains(w));
        if found.iter().any(|s| s.feature == Feature::Settlement) {
            let (norm, offsets) = litopys_gazetteer::normalize_with_offsets(text);
            let rejected = self.rejected_towns(&self.weigh_all(text, &norm, &offsets));
            found.retain(|s| s.feature != Feature::Settlement || !rejected.iter().any(|r| r.overlaps(&s.name)));
        }
        self.place_streets(found, places)
    }

    /// The spans of the towns, regions and countries the evidence rejected among `weighed`: one
    /// stays rejected after a settlement word ("«Архів міста Києва»": a title), while a village
    /// rejected for want of support ("села Мала Вербівка") is a settlement all the same.
    fn rejected_towns(&self, weighed: &[PlaceMention]) -> Vec<Span> {
        weighed
            .iter()
            .filter(|p| p.score < THRESHOLD && self.gazetteer.entry(p.entry()).kind != Kind::Village)
            .map(|p| p.span())
            .collect()
    }

    /// True unless the gazetteer reads a landmark's or a unit's name better: a river, a lake or
    /// a mountain it holds after a landmark word ("річки Дніпра"), a unit it holds
    /// ("Стрийського району"), a place named in a list of streets ("вул. Садова, Київ").
    fn grammar_reading_stands(&self, s: &Street, places: &[PlaceMention]) -> bool {
        let natural = |p: &PlaceMention| {
            matches!(self.gazetteer.entry(p.entry()).kind, Kind::River | Kind::Lake | Kind::Sea | Kind::Mountains)
        };
        match s.feature {
            Feature::Street => !s.listed || !places.iter().any(|p| p.span().overlaps(&s.name)),
            Feature::Landmark => s.name_first || !places.iter().any(|p| p.span().overlaps(&s.name) && natural(p)),
            Feature::Unit => !places.iter().any(|p| p.span().overlaps(&s.name)),
            Feature::Settlement => !places.iter().any(|p| p.span().overlaps(&s.span)),
        }
    }

    fn place_streets(&self, found: Vec<Street>, places: &[PlaceMention]) -> Vec<StreetMention> {
        if found.is_empty() {
            return Vec::new();
        }
        let cities: Vec<(usize, EntryId)> = places
            .iter()
            .filter(|p| {
                matches!(
                    self.gazetteer.entry(p.entry()).kind,
                    Kind::City | Kind::Village
                )
            })
            .map(|p| (p.span().start, p.entry()))
            .collect();
        // "ринку України", "музею Польщі": a landmark word before a country or a region is a
        // phrase about that country, not a landmark's name
        let regions: Vec<Span> = places
            .iter()
            .filter(|p| matches!(self.gazetteer.entry(p.entry()).kind, Kind::Country | Kind::Oblast | Kind::Region))
            .map(|p| p.span())
            .collect();
        found
            .into_iter()
            .filter(|street| self.grammar_reading_stands(street, places))
            .filter(|street| {
                street.feature != Feature::Landmark
                    || !regions.iter().any(|r| r.start < street.name.end && street.name.start < r.end)
            })
            .map(|street| {
                let at = street.span.end;
                let soon_after = cities.iter().find(|(p, _)| *p >= at && *p - at <= 300);
                let before = cities.iter().rev().find(|(p, _)| *p < street.span.start);
                let after = cities.iter().find(|(p, _)| *p >= at);
                let city = soon_after.or(before).or(after).map(|&(_, id)| id);
                StreetMention { street, city }
            })
            .collect()
    }
}
