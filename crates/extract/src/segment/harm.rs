//! Harm told beside a strike: at other places of it ("В Бучанському районі пошкоджено два
//! будинки" under a night's attack on Kyiv oblast), or as the bare dead and hurt of a digest
//! ("In Donetsk Oblast, one civilian was killed in the town of Rodynske" after a strike), each an
//! incident of the strike's kind.

use litopys_gazetteer::Kind;

use super::{contains, merge, same_scene, scene_span, Draft, Features};
use crate::codebook::{Cue, CueKind};
use crate::places::{self, PlacePick};
use crate::text::Sentence;
use crate::Analysis;

/// The places at which sentence `s`, which tells no event of its own, tells harm of a strike
/// being told, in the strike's oblast (in another, when it names the attack): "Вночі ворог
/// атакував Київщину дронами. [...] В Бучанському районі пошкоджено два будинки" is a strike on
/// Bucha raion too. Each place is a settlement or a raion of Ukraine, not the scene the strike
/// was told at, and the day, if told, is the strike's. Empty when the sentence tells none.
pub(super) fn harm_elsewhere(a: &Analysis, d: &Draft, s: &Sentence, f: &Features) -> Vec<PlacePick> {
    let (Some(here), Some(_)) = (d.place, f.place) else { return Vec::new() };
    let same_day = match (d.date, f.date) {
        (Some((_, x)), Some((_, y))) => x.date == y.date,
        _ => true,
    };
    if !same_day {
        return Vec::new();
    }
    let h = a.gazetteer.entry(here.entry);
    // another oblast only when the sentence names the attack it tells the harm of: "The attack
    // injured at least 20 people in four districts of Kyiv" under a barrage on Kharkiv
    let roles = crate::roles::builtin();
    let names_attack = || {
        a.cues_in(s.span).iter().any(|c| match c.kind {
            CueKind::Event(i) => a.codebook.rules().get(i).is_some_and(|r| {
                let t = r.sub_event_type.as_str();
                roles.is_strike(t) || t == "Armed clash"
            }),
            _ => false,
        })
    };
    // or people killed or hurt there: "In the Khmelnytskyi region, four people died" in a
    // report of one night's barrage
    let casualties = a.cues_in(s.span).iter().any(|c| matches!(c.kind, CueKind::Killed | CueKind::Injured));
    let harmed = |there: &PlacePick| {
        let t = a.gazetteer.entry(there.entry);
        let finer = matches!(t.kind, Kind::City | Kind::Village | Kind::Raion | Kind::Hromada);
        let other_oblast = t.kind == Kind::Oblast && t.admin1 != h.admin1 && casualties;
        (finer || other_oblast) && t.is_ukrainian() && !same_scene(a, here.entry, there.entry) && (t.admin1 == h.admin1 || names_attack() || casualties)
    };
    let mut places: Vec<PlacePick> = Vec::new();
    for p in places::picks(a, scene_span(a, s), Some(h.admin1.as_str())).into_iter().filter(|p| harmed(p)) {
        if !places.iter().any(|q| q.entry == p.entry) {
            places.push(p);
        }
    }
    // "У Донецькій області загинув цивільний у Костянтинівці": the oblast frames the town, and
    // the harm is the town's (a raion named beside a town of it is a scene of its own: "пожежа
    // у Нікопольському районі, пошкоджена крамниця в Марганці")
    let finest: Vec<PlacePick> = places
        .iter()
        .copied()
        .filter(|p| {
            let outer = a.gazetteer.entry(p.entry);
            outer.kind != Kind::Oblast || !places.iter().any(|q| q.entry != p.entry && contains(outer, a.gazetteer.entry(q.entry)))
        })
        .collect();
    let places = finest;
    if places.is_empty() || !roles.tells_damage(a, s.span) {
        return Vec::new();
    }
    let cues: Vec<Cue> = d.sentences.iter().chain(&d.typed_by).flat_map(|&i| a.cues_in(a.sentences[i].span).iter().copied()).collect();
    let strike = crate::score::best(a, &cues, &cues).is_some_and(|b| a.codebook.rules().get(b.rule).is_some_and(|r| roles.is_strike(r.sub_event_type.as_str())));
    if strike {
        places
    } else {
        Vec::new()
    }
}

/// True when sentence `s` tells an incident only by its dead or hurt: every event cue in it is
/// a word of death or injury ("was killed", "were injured") or a strike's or a battle's
/// ("Donetsk Oblast suffered the heaviest attack, with five civilians killed"), one at least
/// of death or injury, and it names no weapon.
pub(super) fn bare_casualty(a: &Analysis, s: &Sentence) -> bool {
    let cues = a.cues_in(s.span);
    let roles = crate::roles::builtin();
    let casualty = |c: &Cue| cues.iter().any(|k| matches!(k.kind, CueKind::Killed | CueKind::Injured) && k.span.overlaps(&c.span));
    let of_war = |c: &Cue| match c.kind {
        CueKind::Event(i) => a.codebook.rules().get(i).is_some_and(|r| roles.is_strike(r.sub_event_type.as_str()) || r.sub_event_type.as_str() == "Armed clash"),
        _ => false,
    };
    let events: Vec<&Cue> = cues.iter().filter(|c| matches!(c.kind, CueKind::Event(_))).collect();
    events.iter().any(|c| casualty(c)) && events.iter().all(|c| casualty(c) || of_war(c)) && !cues.iter().any(|c| matches!(c.kind, CueKind::Weapon(_)))
}

/// True when the draft's cues choose a strike (shelling, an air or drone strike...).
pub(super) fn is_strike_draft(a: &Analysis, d: &Draft) -> bool {
    merge::kind_of(a, d)
        .and_then(|rule| a.codebook.rules().get(rule))
        .is_some_and(|r| crate::roles::builtin().is_strike(r.sub_event_type.as_str()))
}
