//! From a draft (sentences of one incident) to an [`Incident`] with evidence for every field.

use litopys_gazetteer::{Frame, Kind};
use litopys_model::{Evidence, GeoPrecision, Incident, Span, TimePrecision};

use crate::codebook::{Cue, CueKind};
use crate::figures::{figures, Figure};
use crate::segment::{best_rule, Draft};
use crate::Analysis;

/// Builds the incident, or says why it cannot be built.
pub(crate) fn incident(a: &Analysis, d: &Draft, keep_unplaced: bool) -> Result<Incident, String> {
    let text = a.text();
    let spans: Vec<Span> = d.sentences.iter().map(|&i| a.sentences[i].span).collect();
    let first = spans[0];
    // a strike's harm told at another place takes the strike's type from the strike's sentences
    let cues: Vec<Cue> = spans
        .iter()
        .copied()
        .chain(d.typed_by.iter().map(|&i| a.sentences[i].span))
        .flat_map(|s| a.cues_in(s).iter().copied())
        .collect();
    let context: Vec<Cue> = paragraphs_cues(a, d);
    let (rule_idx, _) = best_rule(a, &cues, &context).ok_or_else(|| {
        format!(
            "{}: sentence at byte {} has no event rule any more",
            a.doc.id, first.start
        )
    })?;
    let rule = &a.codebook.rules()[rule_idx];
    let mut ev = Vec::new();

    let (event_date, time_precision) = match d.date {
        Some((expr, r)) => {
            ev.push(Evidence::new("event_date", expr.span, text));
            (r.date, r.precision)
        }
        None => {
            let published = a.doc.published.ok_or_else(|| {
                format!("{}: incident at byte {} has no date and the document none either (use --published)", a.doc.id, first.start)
            })?;
            (published, TimePrecision::Week)
        }
    };

    let place = match d.place {
        Some(p) => Some(p),
        None if keep_unplaced => None,
        None => {
            return Err(format!(
                "{}: incident at byte {} names no place; skipped",
                a.doc.id, first.start
            ))
        }
    };
    let entry = place.map(|p| a.gazetteer.entry(p.entry));
    let mut geo_precision = None;
    if let (Some(place), Some(entry)) = (place, entry) {
        ev.push(Evidence::new("location", place.span, text));
        ev.push(Evidence::new(
            "admin1",
            region_span(a, &spans, &entry.admin1).unwrap_or(place.span),
            text,
        ));
        ev.push(Evidence::new("latitude", place.span, text));
        ev.push(Evidence::new("longitude", place.span, text));
        geo_precision = Some(match (place.frame, entry.kind) {
            (Frame::Region, _) | (_, Kind::Oblast) => GeoPrecision::Region,
            (Frame::Near | Frame::District, _) | (_, Kind::Raion | Kind::Hromada) => {
                GeoPrecision::Near
            }
            _ => entry.geo_precision,
        });
    }

    // the cues that made the decision, the weightiest first: the first is the deciding cue
    let mut rule_cues: Vec<Cue> = crate::score::counting(text, &cues)
        .into_iter()
        .filter(|c| c.kind == CueKind::Event(rule_idx))
        .collect();
    rule_cues.sort_by_key(|c| (std::cmp::Reverse(c.weight), c.span.start));
    for c in &rule_cues {
        ev.push(Evidence::new("event_type", c.span, text));
        ev.push(Evidence::new("sub_event_type", c.span, text));
    }

    let actors = a.codebook.actors();
    let mentioned = |key: &str| {
        cues.iter()
            .find(|c| matches!(c.kind, CueKind::Actor(i) if actors[i].key == key))
    };
    // an army named as the source of the report ("Воздушные силы ВСУ заявили") or as the air
    // defence that met a strike is not the side that struck
    let roles = crate::roles::builtin();
    let sub_event = rule.sub_event_type.as_str();
    let parties: Vec<Cue> = cues
        .iter()
        .filter(|c| match c.kind {
            // a source that is the rule's usual actor stays ("Минобороны России сообщило об ударе")
            CueKind::Actor(i) => !((i != rule.actor1 && roles.is_source(text, c.span)) || roles.is_defender_of(c.span.text(text), sub_event)),
            _ => true,
        })
        .copied()
        .collect();
    let (actor1_idx, actor2_idx) = sides(&parties, rule);
    let actor1 = &actors[actor1_idx];
    let mut assoc_actor_1 = actor1.assoc.clone();
    if actor1.key == "crowd" {
        // "працівників ТЦК" is TRC staff, not workers: a workers cue inside a recruitment cue does not count
        let recruiter = |c: &Cue| matches!(c.kind, CueKind::Actor(i) if actors[i].key == "recruitment");
        let of_trc = |c: &Cue, r: &Cue| r.span.overlaps(&c.span) || text.get(c.span.end..r.span.start).is_some_and(|g| g.len() < 24 && g.trim_start_matches(litopys_gazetteer::chars::is_alphabetic).trim().is_empty());
        let workers = cues.iter().find(|c| matches!(c.kind, CueKind::Actor(i) if actors[i].key == "workers") && !cues.iter().any(|r| recruiter(r) && of_trc(c, r)));
        if let Some(c) = workers {
            assoc_actor_1 = actors[a.codebook.actor("workers").unwrap_or(actor1_idx)].assoc.clone();
            ev.push(Evidence::new("assoc_actor_1", c.span, text));
        }
    }
    ev.push(Evidence::new(
        "actor1",
        mentioned(&actor1.key).map_or(rule_cues[0].span, |c| c.span),
        text,
    ));
    let actor2 = actor2_idx.map(|i| &actors[i]);
    if let Some(a2) = actor2 {
        ev.push(Evidence::new(
            "actor2",
            mentioned(&a2.key).map_or(rule_cues[0].span, |c| c.span),
            text,
        ));
    }

    let mut tags: Vec<String> = rule.tags.clone();
    let mut weapons: Vec<String> = Vec::new();
    for c in &cues {
        match c.kind {
            CueKind::Tag(i) => add_once(
                &mut tags,
                &a.codebook.tags()[i],
                "tags",
                c.span,
                text,
                &mut ev,
            ),
            CueKind::Weapon(i) => add_once(
                &mut weapons,
                &a.codebook.weapons()[i],
                "weapons",
                c.span,
                text,
                &mut ev,
            ),
            _ => {}
        }
    }

    let mut f = figures(a, &spans);
    tally(a, d, &mut f);
    let mut figure = |name: &str, fig: Option<Figure>| {
        fig.map(|x| {
            ev.push(Evidence::new(name, x.span, text));
            x.value
        })
    };
    // a crowd's size belongs to crowd events (a protest, a riot, a crowd's attack), not to a
    // strike or a battle, whose counts are of people hurt
    let crowd_event = matches!(
        rule.sub_event_type.event_type(),
        litopys_model::EventType::Protests | litopys_model::EventType::Riots | litopys_model::EventType::ViolenceAgainstCivilians
    );
    let participants = figure("participants", f.participants.filter(|_| crowd_event));
    let injuries = figure("injuries", f.injuries);
    let fatalities = figure("fatalities", f.fatalities).unwrap_or(0);
    let arrests = figure("arrests", f.arrests);
    let facts = crate::facts::facts(a, &spans);
    ev.extend(facts.evidence);

    let location = entry.map(|e| e.name.clone()).unwrap_or_default();
    let admin1 = entry.map(|e| e.admin1.clone()).unwrap_or_default();
    let notes = note(
        &rule.note,
        &actor1.label,
        actor2.map(|x| x.label.as_str()),
        &location,
        &admin1,
        event_date,
        time_precision,
        participants,
        injuries,
        fatalities,
        arrests,
    );
    Ok(Incident {
        event_id_cnty: event_id(&a.doc.id, first.start),
        event_date,
        time_precision,
        event_type: rule.sub_event_type.event_type(),
        sub_event_type: rule.sub_event_type,
        actor1: actor1.acled.clone(),
        assoc_actor_1,
        actor2: actor2.map(|x| x.acled.clone()).unwrap_or_default(),
        assoc_actor_2: actor2.map(|x| x.assoc.clone()).unwrap_or_default(),
        country: "Ukraine".into(),
        admin1,
        admin2: entry.and_then(|e| e.admin2.clone()).unwrap_or_default(),
        admin3: entry.and_then(|e| e.admin3.clone()).unwrap_or_default(),
        location,
        latitude: entry.map(|e| e.lat),
        longitude: entry.map(|e| e.lon),
        geo_precision,
        fatalities,
        notes,
        source: a.doc.source.clone().unwrap_or_else(|| a.doc.id.clone()),
        injuries,
        participants,
        arrests,
        weapons,
        tags,
        legal: facts.legal,
        amounts: facts.amounts,
        damage: facts.damage,
        injury_details: facts.injury_details,
        evidence: ev,
    })
}

/// A draft placed by a tally sentence that names several places ("two in Sloviansk, one each in
/// Rodynske and Pokrovsk") takes its place's share of the dead or the hurt, not the total.
fn tally(a: &Analysis, d: &Draft, f: &mut crate::figures::Figures) {
    let Some(place) = d.place else { return };
    let Some(sentence) = d.sentences.iter().map(|&i| a.sentences[i].span).find(|s| s.start <= place.span.start && place.span.end <= s.end) else {
        return;
    };
    let places = a.places.iter().filter(|m| m.span.start >= sentence.start && m.span.end <= sentence.end).count();
    if places < 2 {
        return;
    }
    let cues = a.cues_in(sentence);
    let injured = cues.iter().any(|c| c.kind == CueKind::Injured);
    let killed = cues.iter().any(|c| c.kind == CueKind::Killed);
    let Some(share) = crate::figures::tally_share(a, sentence, place.span) else { return };
    match (injured, killed) {
        (true, false) => f.injuries = Some(share),
        (false, true) => f.fatalities = Some(share),
        _ => {}
    }
}

/// The acting side and the side acted upon: of each side's candidates (the rule's `actor1`
/// and `actor1_any`, likewise for actor 2), the one the text names first; the rule's own actor
/// when the text names none. The two sides are never the same actor.
fn sides(cues: &[Cue], rule: &crate::codebook::EventRule) -> (usize, Option<usize>) {
    let first_named = |candidates: &[usize], not: Option<usize>| {
        cues.iter().find_map(|c| match c.kind {
            CueKind::Actor(i) if candidates.contains(&i) && Some(i) != not => Some(i),
            _ => None,
        })
    };
    let mut one: Vec<usize> = vec![rule.actor1];
    one.extend(&rule.actor1_any);
    let actor1 = if rule.actor1_any.is_empty() {
        rule.actor1
    } else {
        first_named(&one, None).unwrap_or(rule.actor1)
    };
    let mut two: Vec<usize> = rule.actor2.into_iter().collect();
    two.extend(&rule.actor2_any);
    let actor2 = first_named(&two, Some(actor1))
        .or(rule.actor2.filter(|&i| i != actor1))
        .or_else(|| {
            two.iter()
                .copied()
                .find(|&i| i != actor1)
                .filter(|_| rule.actor2.is_some())
        });
    (actor1, actor2)
}

fn paragraphs_cues(a: &Analysis, d: &Draft) -> Vec<Cue> {
    let mut paras: Vec<usize> = d
        .sentences
        .iter()
        .map(|&i| a.sentences[i].paragraph_idx)
        .collect();
    paras.dedup();
    paras
        .iter()
        .filter_map(|&p| a.paragraphs.get(p))
        .flat_map(|&span| a.cues_in(span).iter().copied())
        .collect()
}

fn region_span(a: &Analysis, spans: &[Span], admin1: &str) -> Option<Span> {
    spans
        .iter()
        .flat_map(|&s| a.places_in(s))
        .find(|m| m.frame == Frame::Region && a.gazetteer.entry(m.candidates[0]).admin1 == admin1)
        .map(|m| m.span)
}

fn add_once(
    list: &mut Vec<String>,
    name: &str,
    field: &str,
    span: Span,
    text: &str,
    ev: &mut Vec<Evidence>,
) {
    if !list.iter().any(|x| x == name) {
        list.push(name.to_string());
    }
    if !ev.iter().any(|e| e.field == field && e.start == span.start) {
        ev.push(Evidence::new(field, span, text));
    }
}

/// A stable id: `UKR` and a hash of the document id and the incident's first byte.
fn event_id(doc_id: &str, start: usize) -> String {
    // FNV-1a: stable across runs and platforms, unlike std's hasher
    let mut h: u64 = 0xcbf29ce484222325;
    for b in doc_id.bytes().chain(start.to_le_bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("UKR{:010}", h % 10_000_000_000)
}

#[allow(clippy::too_many_arguments)]
fn note(
    template: &str,
    actor1: &str,
    actor2: Option<&str>,
    location: &str,
    admin1: &str,
    date: jiff::civil::Date,
    precision: TimePrecision,
    participants: Option<u32>,
    injuries: Option<u32>,
    fatalities: u32,
    arrests: Option<u32>,
) -> String {
    let when = match precision {
        TimePrecision::Day => format!("On {}", date.strftime("%-d %B %Y")),
        TimePrecision::Week => format!("Around {}", date.strftime("%-d %B %Y")),
        TimePrecision::Month => format!("In {}", date.strftime("%B %Y")),
    };
    let what = template
        .replace("{actor1}", actor1)
        .replace("{actor2}", actor2.unwrap_or("others"));
    let region = if location == admin1 || admin1.is_empty() {
        String::new()
    } else {
        format!(" ({admin1} oblast)")
    };
    let place = if location.is_empty() {
        String::new()
    } else {
        format!(", in {location}{region}")
    };
    let mut s = format!("{when}{place}, {what}.");
    let mut figures = Vec::new();
    if let Some(p) = participants {
        figures.push(format!("about {p} took part"));
    }
    match injuries {
        Some(0) => figures.push("no one was injured".into()),
        Some(n) => figures.push(format!("{n} injured")),
        None => {}
    }
    if fatalities > 0 {
        figures.push(format!("{fatalities} killed"));
    }
    if let Some(n) = arrests {
        figures.push(if n == 0 {
            "no arrests".into()
        } else {
            format!("{n} detained")
        });
    }
    if !figures.is_empty() {
        let mut f = figures.join("; ");
        if let Some(c) = f.get(..1) {
            f = c.to_uppercase() + &f[1..];
        }
        s.push(' ');
        s.push_str(&f);
        s.push('.');
    }
    let size = participants.map_or("no report".to_string(), |p| p.to_string());
    s.push_str(&format!(" [size={size}]"));
    s
}
