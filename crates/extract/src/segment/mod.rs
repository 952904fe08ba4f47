//! Incident segmentation: which sentences tell which incident.
//!
//! # Design
//!
//! Sentences are read in order, as a person reads a review. Each sentence gets features: does
//! it carry an event cue (a codebook rule fires), a date, a place, is it background or a
//! statistic? Then:
//!
//! * **background** ("The week brought at least six clashes", "Similar scenes were reported")
//!   is skipped and enriches nothing;
//! * a **statistic** sentence ("19,850 proceedings were registered in February") becomes a
//!   statistic, not an incident;
//! * an **event** sentence starts a new incident when there is none, when its date or place
//!   conflicts with the incident being told, or when it opens with its own date ("The same
//!   day, a court in Rivne ..."); otherwise it enriches the current one;
//! * a **continuation** ("The strike ended two days later") adds to the incident being told;
//! * any other sentence enriches the current incident when nothing in it conflicts (figures,
//!   "Nobody was hurt", "Інцидент стався 9 лютого"); a place-only line ("Луцьк.", a headline
//!   naming a city) is remembered for the next incident that names none.
//!
//! A headline with an event cue but no date becomes an incident that the body's first
//! compatible sentence then completes, so headline and body make one row, not two.
//!
//! An incident that names no scene happened where the person in it lives ("житель Харькова");
//! failing that, when it tells its own recent day in a report whose other incidents all
//! happened in one place, it happened there too (the strike of the day before on the same city).
//! One told of Ukraine itself ("Россия нанесла по Украине удар") takes neither that place nor
//! one told before it: its scene is the whole country. Otherwise it is dropped with a diagnostic.

use litopys_gazetteer::Kind;
use litopys_model::{Span, TimePrecision};

use crate::codebook::{Cue, CueKind};
use crate::dates::{self, Anchors, DateExpr, Resolved};
use crate::places::{self, PlacePick};
use crate::text::Sentence;
use crate::Analysis;

mod harm;
mod merge;
use harm::{bare_casualty, harm_elsewhere, is_strike_draft};
use merge::{contains, merge_repeats, nested, same_scene};

/// The sentences of one incident and what has been resolved about it so far.
#[derive(Clone, Debug)]
pub struct Draft {
    /// Indices into [`Analysis::sentences`].
    pub sentences: Vec<usize>,
    /// The date and the expression it came from.
    pub date: Option<(DateExpr, Resolved)>,
    pub(crate) place: Option<PlacePick>,
    /// True when the place was carried over from a headline or dateline.
    pub place_inherited: bool,
    /// Sentences of another incident that tell what happened in this one, when its own tell
    /// only the harm: the strike told before "В Бучанському районі пошкоджено два будинки".
    pub typed_by: Vec<usize>,
}

/// The result of segmentation.
#[derive(Clone, Debug, Default)]
pub struct Outcome {
    /// One draft per incident.
    pub drafts: Vec<Draft>,
    /// Sentences holding aggregate figures.
    pub statistic_sentences: Vec<usize>,
    /// Notes for the user.
    pub diagnostics: Vec<String>,
}

struct Features<'a> {
    event: bool,
    continuation: bool,
    background: bool,
    /// The date tells when something was reported ("заявил 23 июля").
    report_date: bool,
    date: Option<(DateExpr, Resolved)>,
    date_leads: bool,
    place: Option<PlacePick>,
    regions: Vec<&'a str>,
    /// The sentence's only days are history (more than a year before publication).
    history: bool,
    /// The sentence tells a recent day of its own (not the day something was reported).
    recent_day: bool,
    /// The sentence tells of an incident only as the object of something else ("charged two
    /// men on Sunday over the killing of an officer in the Poltava region"): a masked cue.
    masked: bool,
    /// The sentence tells the detention of the perpetrator of an incident told before ("police
    /// said the suspect in the attack had been detained").
    suspect_detained: bool,
}

/// Splits the analysed document into incident drafts.
pub fn segment(a: &Analysis) -> Outcome {
    let mut out = Outcome::default();
    let year_hint = a.year_hint;
    // a page with no date of its own is dated by its dateline ("15:05, 29 січня 2026")
    let published = a.doc.published.or_else(|| dateline_day(a));
    let mut pending_place: Option<PlacePick> = None;
    // the day the story is at: the last day a sentence stated, the place it named, and where
    let mut frame: Option<Frame> = None;
    // incidents recalled as background ("Нагадаємо, 19 листопада ...")
    let mut recalls: Vec<Recall> = Vec::new();
    // the last sentence that told an incident
    let mut last_event: Option<usize> = None;
    // sentences whose days are all history, and sentences that tell a recent day
    let (mut history_sentences, mut recent_sentences) = (0, 0);
    // a list of links to other stories ("Схожі новини") runs to the end of the page
    let links_from = related_list_start(a);
    for (idx, s) in a.sentences.iter().enumerate() {
        if links_from.is_some_and(|at| s.span.start >= at) || links_line(a, s.span) {
            continue;
        }
        // a day counted from the story ("the next day", "the day after the Poltava attack")
        // counts from the last day it told, not from an undated aside between
        let previous = out.drafts.iter().rev().find_map(|d| d.date.map(|(_, r)| r.date));
        let anchors = Anchors { published, previous, year_hint };
        let hint = out.drafts.last().and_then(|d| d.place).map(|p| a.gazetteer.entry(p.entry).admin1.as_str());
        let mut f = features(a, s, &anchors, hint);
        // "Накануне поздно вечером дрон ударил по Глухову [...] Накануне в Одессе погибли 10
        // человек": of two "the day before"s in one report, the first counted from the report
        // (there was no day before it), the second is the same day, not the day before that
        if let (Some((e, r)), Some((pe, pr))) = (f.date, out.drafts.last().and_then(|d| d.date)) {
            let day_before = |k: dates::DateKind| matches!(k, dates::DateKind::FromPrevious { days: -1 });
            let from_report = published.and_then(|p| p.checked_sub(jiff::ToSpan::days(1)).ok()) == Some(pr.date);
            if day_before(e.kind) && day_before(pe.kind) && from_report {
                f.date = Some((e, Resolved { date: pr.date, ..r }));
            }
        }
        if f.history {
            history_sentences += 1;
        }
        if f.recent_day {
            recent_sentences += 1;
        }
        if f.background {
            if f.event {
                recalls.push(Recall { sentence: idx, date: f.date, place: f.place });
            }
            continue;
        }
        if !f.event && crate::stats::is_statistic(a, s.span) {
            out.statistic_sentences.push(idx);
            continue;
        }
        let last_told = out.drafts.last().and_then(|d| d.sentences.last().copied());
        // the day a statement further down was made ("Президент 23 июля заявил") is not the
        // day of an incident told in another paragraph
        if f.report_date {
            if let Some(d) = out.drafts.last().filter(|d| d.date.is_none()) {
                // but the lead under a headline tells the headline's incident with the day it was
                // reported ("KYIV - One police officer was killed ..., police said on Sunday")
                // (the headline is the first incident told, in the paragraph before: a page's
                // dateline line may come above it)
                let headline = out.drafts.len() == 1 && d.sentences.len() == 1 && a.sentences[d.sentences[0]].paragraph_idx + 1 >= s.paragraph_idx;
                let lead_of_headline = f.event && (headline || d.sentences.iter().all(|&i| a.sentences[i].paragraph_idx == 0));
                if !lead_of_headline && !d.sentences.iter().any(|&i| a.sentences[i].paragraph_idx == s.paragraph_idx) {
                    f.date = None;
                }
            }
        }
        let mut day_inherited = false;
        if f.event && f.date.is_none() {
            if let Some(fr) = frame {
                let draft_day = out.drafts.last().and_then(|d| d.date).map(|(_, r)| r);
                // "Події сталися 26 травня в Черкасах. [...] Троє завдали ударів військовим": an
                // event told without a day of its own happened on the day the story moved to,
                // not on the day of the incident before it (a verdict and the attack it punishes)
                // (moved since an incident was last told: a caption's day told before the
                // sentence that went back to the incident dates nothing after it)
                let moved_on = draft_day.is_some_and(|r| r.precision == TimePrecision::Day && r.date != fr.date.1.date)
                    && last_event.is_none_or(|j| fr.sentence > j);
                // "The incident occurred on 4 July in Vorokhta. [...] A group attacked ...": a
                // day told before any incident belongs to the incident told next
                // (not the page's own day above the headline, "29 січня 2026": it says nothing an
                // undated incident is not already dated by, and would keep the body's day out)
                let page_day = last_told.is_none() && dates::is_dateline(a.text(), fr.date.0.span);
                // (told with a scene or a few paragraphs before: a day in a page's list of other
                // headlines far above dates nothing)
                let near = fr.place.is_some() || s.paragraph_idx <= a.sentences[fr.sentence].paragraph_idx + 2;
                let untold = last_told.is_none_or(|j| fr.sentence > j) && draft_day.is_none_or(|r| r.date != fr.date.1.date) && !page_day && near;
                // "On the morning of February 1, a man was detained in Poltava region. [...] In
                // the evening, an explosion occurred in the Rivne TRC": an incident at another
                // place, told in the paragraph that set the day, happened on that day
                // (the oblast of a raion told before is no other place: "На Черкащині ..." after "в
                // Уманському районі")
                let elsewhere = f.place.is_some_and(|p| out.drafts.last().and_then(|d| d.place).is_some_and(|q| q.entry != p.entry && !nested(a, p.entry, q.entry)));
                let elsewhere_same_paragraph = a.sentences[fr.sentence].paragraph_idx == s.paragraph_idx && elsewhere;
                // a digest of the past day: "Внаслідок вчорашніх обстрілів у Вовчанську [...] Внаслідок
                // обстрілу с. Колодязне": the next place is told on the day the story is at, when that
                // day is of the week before publication
                let recent_story = published.is_some_and(|p| fr.date.1.date <= p && fr.date.1.date >= p.saturating_sub(jiff::ToSpan::days(7)));
                // (not a day told of another oblast or country: "удар по Курской области 23 ноября")
                let same_oblast = fr.place.is_none_or(|fp| f.place.is_some_and(|p| a.gazetteer.entry(fp.entry).admin1 == a.gazetteer.entry(p.entry).admin1));
                let elsewhere_in_digest = elsewhere && recent_story && same_oblast;
                // "Conscripts wait in a queue on July 12 in Kyiv. [...] a man threw a grenade at
                // the office in Busk": a day told of another place is not this incident's day
                let frame_elsewhere = fr.place.is_some_and(|fp| f.place.is_some_and(|p| !same_scene(a, fp.entry, p.entry)));
                if ((moved_on || untold) && !frame_elsewhere) || elsewhere_same_paragraph || elsewhere_in_digest {
                    f.date = Some(fr.date);
                    f.place = f.place.or(fr.place);
                    day_inherited = true;
                }
            }
        }
        // (a day the sentence took from the frame leaves the frame as it was: a digest's "over
        // the past 24 hours" across Ukraine stays the day of each oblast's paragraph)
        if let Some((e, r)) = f.date.filter(|(_, r)| r.precision == TimePrecision::Day && !day_inherited) {
            frame = Some(Frame { date: (e, r), place: f.place, sentence: idx });
        }
        if f.event {
            last_event = Some(idx);
        }
        // a digest sentence naming several places in one list ("protests in Mykolaiv, Kharkiv
        // and Dnipro") tells one incident in each
        let listed = if f.event { listed_places(a, s.span, f.date.is_some()) } else { Vec::new() };
        if listed.len() >= 2 {
            for place in listed {
                match out.drafts.last_mut() {
                    Some(d) if d.place.is_some_and(|q| q.entry == place.entry) && d.date.map(|(_, r)| r.date) == f.date.map(|(_, r)| r.date) => {
                        d.sentences.push(idx)
                    }
                    _ => out.drafts.push(Draft { sentences: vec![idx], date: f.date, place: Some(place), place_inherited: false, typed_by: Vec::new() }),
                }
            }
            continue;
        }
        tracing::trace!(sentence = idx, event = f.event, date = ?f.date.map(|(_, r)| r.date), place = ?f.place.map(|p| &a.gazetteer.entry(p.entry).name), drafts = out.drafts.len(), "segment");
        let same_paragraph = last_told.is_some_and(|j| a.sentences[j].paragraph_idx == s.paragraph_idx);
        // "On Dec. 4, police said the suspect in the attack had been detained": the arrest that
        // followed an incident is part of it, whatever its day, where no other scene is told
        if f.suspect_detained {
            if let Some(d) = out.drafts.last_mut().filter(|d| d.date.is_some() && f.place.is_none_or(|p| d.place.is_some_and(|q| same_scene(a, p.entry, q.entry)))) {
                d.sentences.push(idx);
                continue;
            }
        }
        match out.drafts.last_mut() {
            Some(d)
                if f.event
                    && compatible(a, d, &f)
                    && !(f.date_leads && d.date.is_some())
                    && !stale_for(a, d, s, &f, published)
                    && !punished_earlier(a, d, s, &f, frame, published)
                    // (the day before the day an incident was reported is that incident's:
                    // "police confirmed on Thursday [...] opened fire the previous day")
                    && !(told_from_the_story(&f) && !reported_only(d)) =>
            {
                enrich(d, idx, &f)
            }
            Some(d) if !f.event && compatible(a, d, &f) && !stale_for(a, d, s, &f, published) && !punished_earlier(a, d, s, &f, frame, published) => {
                // a witness's "yesterday" inside a quotation is not the day of an incident told
                // without one: it dates what the witness talks about
                // (nor of one told only with the day it was reported: "повідомили у понеділок")
                let undated = d.date.is_none_or(|(_, r)| r.precision > TimePrecision::Day);
                if undated && quoted_speech(a, s) && f.date.is_some_and(|(e, _)| !e.kind.is_absolute()) {
                    f.date = None;
                }
                enrich(d, idx, &f)
            }
            Some(d) if f.continuation && f.place.is_none() => d.sentences.push(idx),
            _ if f.event => {
                let inherited = f.place.is_none();
                // a dated incident told later in the story (the attack a verdict punishes)
                // happened where the story is, unless it says otherwise
                let story_place = || out.drafts.last().filter(|d| same_paragraph || (f.date.is_some() && is_court(a, d))).and_then(|d| d.place);
                // (one told of Ukraine itself, "Россия нанесла по Украине массированный удар",
                // takes no place told before: its scene is the whole country)
                let whole_country = inherited && names_ukraine(a, s.span);
                let place = if whole_country { None } else { f.place.or(pending_place.take()).or_else(story_place) };
                // a death or an injury told bare ("one civilian was killed in the town of X")
                // right after a strike is the strike's: of its kind, and of its day
                let strike = out.drafts.last().filter(|d| bare_casualty(a, s) && is_strike_draft(a, d));
                let (date, typed_by) = match strike {
                    Some(d) => (f.date.or(d.date), if d.typed_by.is_empty() { d.sentences.clone() } else { d.typed_by.clone() }),
                    None => (f.date, Vec::new()),
                };
                out.drafts.push(Draft { sentences: vec![idx], date, place, place_inherited: inherited && place.is_some(), typed_by });
            }
            last => {
                // "займання будинку у Самарівському районі, ушкодження магазину в Павлограді":
                // harm told at other places of a strike is a strike at each
                let harm = last.map(|d| (harm_elsewhere(a, d, s, &f), d));
                if let Some((harmed, d)) = harm.filter(|(h, _)| !h.is_empty()) {
                    let date = f.date.or(d.date);
                    // the strike's own sentences tell what happened there too
                    let typed_by = if d.typed_by.is_empty() { d.sentences.clone() } else { d.typed_by.clone() };
                    for place in harmed {
                        out.drafts.push(Draft { sentences: vec![idx], date, place: Some(place), place_inherited: false, typed_by: typed_by.clone() });
                    }
                } else if f.place.is_some() && (f.date.is_none() || (out.drafts.is_empty() && f.masked)) {
                    pending_place = f.place;
                }
            }
        }
    }
    // an incident told with no scene at all happened where the person in it lives
    for d in out.drafts.iter_mut().filter(|d| d.place.is_none()) {
        d.place = d.sentences.iter().find_map(|&i| places::origin_place(a, a.sentences[i].span));
        // or in the city whose people it tells of ("кияни вийшли на акцію протесту")
        if d.place.is_none() {
            d.place = d.sentences.iter().find_map(|&i| places::demonym_place(a, a.sentences[i].span));
        }
        d.place_inherited = d.place.is_some();
    }
    // or, when it tells its own recent day in a report whose incidents all happened in one
    // place, there too: "В Херсоне дрон атаковал маршрутку [...] В субботу Днепровский район
    // стал целью ракетного удара" (an undated aside, "Since martial law was declared ...", is
    // not, nor a strike recalled from two months before, nor one on the whole country)
    if let Some(scene) = single_scene(&out.drafts) {
        let recent = |r: &Resolved| published.is_none_or(|p| r.date >= p.saturating_sub(jiff::ToSpan::days(14)));
        let own_day = |d: &Draft| d.date.is_some_and(|(e, r)| recent(&r) && d.sentences.iter().any(|&i| a.sentences[i].span.overlaps(&e.span)));
        // (not one told of the whole country: "удар по объектам Украины")
        for d in out.drafts.iter_mut().filter(|d| d.place.is_none() && own_day(d) && !names_own_country(a, d)) {
            d.place = Some(scene);
            d.place_inherited = true;
        }
    }
    // a page of history ("In 1990, students organized a hunger strike [...] on Oct. 2 [...]")
    // that tells no recent day of its own dates none of its undated incidents at publication
    if history_sentences >= 3 && recent_sentences == 0 {
        out.drafts.retain(|d| d.date.is_some());
    }
    date_follow_ups(a, &mut out.drafts, &recalls, published);
    // "Киев может попросить систему после удара по Днепру": a strike named only as what a
    // statement or a plan refers to, with no day and no harm, is told elsewhere, not here
    out.drafts.retain(|d| !only_referred(a, d));
    // "UPD. Это были запланированные учения": a correction takes back the incidents told before it
    if let Some(at) = a.sentences.iter().rposition(|s| crate::roles::builtin().retracts(a, s.span)) {
        out.drafts.retain(|d| d.sentences.first().is_some_and(|&i| i > at));
    }
    // "рассказал РИА Новости разведчик с позывным «Шахтер»": a fighter's account of the front,
    // told by his call sign, is an interview or a feature; what it tells without a day of its
    // own is how the front goes, not an incident of the report
    if a.sentences.iter().any(|s| crate::roles::builtin().names_call_sign(a, s.span)) {
        out.drafts.retain(|d| !undated(d));
    }
    out.drafts = merge_repeats(a, out.drafts, published);
    out
}

/// True when the draft names its event only as what something else refers to ("после удара по
/// Днепру", "в речи о ракетном ударе", `data/roles.toml` `[referred]`), with no day of its own
/// and no harm told: three signs together that the report comments on an incident told
/// elsewhere. An event cue outside such a phrase in a sentence that tells an event, a death, an
/// injury or damage keeps it.
fn only_referred(a: &Analysis, d: &Draft) -> bool {
    if !undated(d) {
        return false;
    }
    let roles = crate::roles::builtin();
    let mut referred = 0;
    for &i in &d.sentences {
        let span = a.sentences[i].span;
        let cues = a.cues_in(span);
        if cues.iter().any(|c| matches!(c.kind, CueKind::Killed | CueKind::Injured)) || roles.tells_damage(a, span) {
            tracing::trace!(sentence = i, "referred: harm told");
            return false;
        }
        // (a sentence that tells no event of its own only adds to the draft)
        let paragraph = a.paragraphs.get(a.sentences[i].paragraph_idx).copied().unwrap_or(span);
        if best_rule(a, cues, a.cues_in(paragraph)).is_none() {
            continue;
        }
        let events: Vec<Span> = crate::score::counting(a.text(), cues).iter().map(|c| c.span).collect();
        let stretches = roles.referred_stretches(a.text(), span, &events);
        let inside = |c: &Span| stretches.iter().any(|s| s.start <= c.start && c.end <= s.end);
        if let Some(told) = events.iter().find(|c| !inside(c)) {
            tracing::trace!(sentence = i, cue = told.text(a.text()), "referred: an event told");
            return false;
        }
        referred += events.len();
    }
    referred > 0
}

/// The byte offset of the first line that heads a list of links to other stories ("Схожі
/// новини", "Read more"), if any.
fn related_list_start(a: &Analysis) -> Option<usize> {
    let roles = crate::roles::builtin();
    let text = a.text();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if roles.related_links(line) == Some(true) {
            return Some(at);
        }
        at += line.len();
    }
    None
}

/// True when the sentence at `span` lies on a line that links to another story ("Read also:
/// Drone attack on Kharkiv ...").
fn links_line(a: &Analysis, span: Span) -> bool {
    let text = a.text();
    let start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    crate::roles::builtin().related_links(&text[start..end]) == Some(false)
}

/// A sentence of background that tells an incident: "Нагадаємо, 19 листопада Росія вдарила
/// ракетами по двох будинках у Тернополі".
struct Recall {
    sentence: usize,
    date: Option<(DateExpr, Resolved)>,
    place: Option<PlacePick>,
}

/// A report that follows up an incident (a death toll that rose, bodies found under the
/// rubble) without a day of its own tells the incident its recall dates, at the same place
/// and in the month before publication: "Кількість загиблих внаслідок удару по Тернополю
/// зросла до 27 [...] Нагадаємо, 19 листопада Росія вдарила ракетами по Тернополю" is the
/// strike of 19 November, not a new one on the day of the report.
fn date_follow_ups(a: &Analysis, drafts: &mut [Draft], recalls: &[Recall], published: Option<jiff::civil::Date>) {
    let roles = crate::roles::builtin();
    let recent = |r: &Resolved| published.is_none_or(|p| r.date <= p && r.date >= p.saturating_sub(jiff::ToSpan::days(31)));
    for d in drafts.iter_mut().filter(|d| d.date.is_none()) {
        let Some(place) = d.place else { continue };
        // the follow-up is told before the recall, outside its paragraph: "Нагадаємо, вранці 29
        // вересня окупанти вдарили по Запоріжжю. Протягом дня кількість поранених зросла до 16"
        // follows up the recalled strike, not today's
        let follow_ups: Vec<usize> = d.sentences.iter().copied().filter(|&i| roles.follows_up(a, a.sentences[i].span)).collect();
        let recall = recalls.iter().find(|r| {
            let paragraph = a.sentences[r.sentence].paragraph_idx;
            follow_ups.iter().any(|&i| i < r.sentence && a.sentences[i].paragraph_idx != paragraph)
                && r.date.is_some_and(|(_, day)| day.precision == TimePrecision::Day && recent(&day))
                && r.place.is_some_and(|p| same_scene(a, p.entry, place.entry))
        });
        if let Some(r) = recall {
            d.date = r.date;
            d.sentences.push(r.sentence);
            d.sentences.sort_unstable();
        }
    }
}





/// True when the sentence opens a quotation: “Yesterday, workers had just finished ...
fn quoted_speech(a: &Analysis, s: &Sentence) -> bool {
    s.span.text(a.text()).trim_start().starts_with(['“', '«', '"', '„'])
}

/// True when the draft's sentences name Ukraine itself ("удар по объектам Украины"): its scene is
/// the whole country, not the one place the report's other incidents share.
fn names_own_country(a: &Analysis, d: &Draft) -> bool {
    d.sentences.iter().any(|&i| names_ukraine(a, a.sentences[i].span))
}

/// True when the text at `span` names Ukraine itself.
fn names_ukraine(a: &Analysis, span: Span) -> bool {
    a.places_in(span).iter().any(|m| {
        m.candidates.first().is_some_and(|&id| {
            let e = a.gazetteer.entry(id);
            e.kind == Kind::Country && e.is_ukrainian()
        })
    })
}

/// The one place where every placed draft happened, if they name one place and one only.
fn single_scene(drafts: &[Draft]) -> Option<PlacePick> {
    let mut placed = drafts.iter().filter_map(|d| d.place);
    let first = placed.next()?;
    placed.all(|p| p.entry == first.entry).then_some(first)
}

/// True when the sentence's day counts from the incident being told ("Днем ранее [...]
/// прогремел взрыв", "two days later"): it tells another incident, even after one told without
/// a day.
fn told_from_the_story(f: &Features) -> bool {
    f.date.is_some_and(|(e, _)| matches!(e.kind, dates::DateKind::FromPrevious { days } if days != 0))
}

/// True when `s` tells, on a day weeks before publication (its own, or the day the story moved
/// to after the court story `d`), what the undated court story is about: "Суд визнав винною
/// [...] 16 жовтня 2024 року [...] до поста в селі Великі Ком'яти [...] ударила військового" is
/// the verdict and the attack it punishes, two incidents.
fn punished_earlier(a: &Analysis, d: &Draft, s: &Sentence, f: &Features, frame: Option<Frame>, published: Option<jiff::civil::Date>) -> bool {
    let moved = frame.filter(|fr| d.sentences.last().is_some_and(|&j| fr.sentence > j)).map(|fr| fr.date.1);
    let (Some(r), Some(p)) = (f.date.map(|(_, r)| r).or(moved), published) else { return false };
    let court = a.codebook.tags().iter().position(|t| t == "court");
    let own_court = court.is_some_and(|t| a.cues_in(s.span).iter().any(|c| c.kind == CueKind::Tag(t)));
    undated(d) && !own_court && r.date < p.saturating_sub(jiff::ToSpan::days(14)) && is_court(a, d)
}

/// True when the draft tells of a court: it names one, or a ruling ("признали виновным").
fn is_court(a: &Analysis, d: &Draft) -> bool {
    let Some(court) = a.codebook.tags().iter().position(|t| t == "court") else { return false };
    let ruling = |i: usize| a.codebook.rules().get(i).is_some_and(|r| r.tags.iter().any(|t| t == "court"));
    d.sentences.iter().any(|&i| {
        a.cues_in(a.sentences[i].span).iter().any(|c| match c.kind {
            CueKind::Tag(t) => t == court,
            CueKind::Event(r) => ruling(r),
            _ => false,
        })
    })
}

/// True when the draft has no day of its own: none, or only the day it was reported (a
/// dateline, "повідомили у понеділок"; a month, "у липні", is a time of its own).
fn undated(d: &Draft) -> bool {
    d.date.is_none_or(|(_, r)| r.precision == TimePrecision::Week)
}

/// True when the draft's only day is the day it was reported ("police confirmed on Thursday").
fn reported_only(d: &Draft) -> bool {
    d.date.is_some_and(|(_, r)| r.precision == TimePrecision::Week)
}

/// The day the story is at.
#[derive(Clone, Copy)]
struct Frame {
    date: (DateExpr, Resolved),
    place: Option<PlacePick>,
    sentence: usize,
}

/// True when a sentence with a day more than two weeks before publication would date an
/// incident that has no day yet and that began in another paragraph: the headline and lead of a
/// report tell a recent incident, and an old day further down tells another one ("Зокрема, 1
/// лютого в Рівненському ТЦК теж був вибух" under a report of today's explosion; the beating
/// that a verdict punishes). So is a month that ended more than two weeks before publication,
/// told by a sentence that tells no event: "В сентябре батальон снова встал на оборону" under
/// today's report of a strike on it is the unit's past, not the strike's month (a lead that
/// tells the incident in its month, "в начале октября расстреляли", dates it). A sentence that
/// says it dates the incident ("Это произошло 2 октября") is never stale.
fn stale_for(a: &Analysis, d: &Draft, s: &Sentence, f: &Features, published: Option<jiff::civil::Date>) -> bool {
    let (Some((_, r)), true, Some(p)) = (f.date, undated(d), published) else { return false };
    let other_paragraph = d.sentences.first().is_some_and(|&i| a.sentences[i].paragraph_idx != s.paragraph_idx);
    let cutoff = p.saturating_sub(jiff::ToSpan::days(14));
    let old = match r.precision {
        TimePrecision::Day => r.date < cutoff,
        TimePrecision::Month => !f.event && r.date.last_of_month() < cutoff,
        _ => false,
    };
    // ("Это произошло 2 октября" dates the incident told, however old)
    other_paragraph && old && !crate::roles::builtin().dates_the_incident(a, s.span)
}

/// The publication day a dateline gives ("15:05, 29 січня 2026"), for a page with no date.
fn dateline_day(a: &Analysis) -> Option<jiff::civil::Date> {
    let anchors = Anchors { published: None, previous: None, year_hint: a.year_hint };
    a.dates
        .iter()
        .filter(|e| e.kind.is_absolute() && dates::is_dateline(a.text(), e.span))
        .find_map(|e| dates::resolve(e, &anchors).filter(|r| r.precision == TimePrecision::Day))
        .map(|r| r.date)
}

/// The settlements `span` names as one list ("Kyiv, Lviv, Odesa and Dnipro"), each once, in
/// order, or, where `dated`, its oblasts; empty unless there are two or more.
fn listed_places(a: &Analysis, span: Span, dated: bool) -> Vec<PlacePick> {
    // a list of settlements, else, in a sentence with its day, of oblasts ("on 4 December, five
    // men were detained for arson attacks in Kyiv and Ternopil regions"; a headline's "in
    // Donetsk and Kherson oblasts" sums up the body's incidents)
    let settlements = listed_places_of_rank(a, span, 0);
    if settlements.is_empty() && dated {
        listed_places_of_rank(a, span, 3).into_iter().filter(|p| a.gazetteer.entry(p.entry).kind == Kind::Oblast).collect()
    } else {
        settlements
    }
}

/// [`listed_places`] whose picks are of `rank` (0 a settlement, 3 a region).
fn listed_places_of_rank(a: &Analysis, span: Span, rank: u8) -> Vec<PlacePick> {
    let text = a.text();
    // "Nikopol, Dnipropetrovsk" is a town and its oblast, not a list of two
    let mentions = a.places_in(span);
    let appositions = places::oblast_appositions(a, mentions);
    let picks: Vec<PlacePick> = mentions
        .iter()
        .enumerate()
        .filter(|(i, _)| !appositions.iter().any(|&(j, _)| j == *i))
        .filter_map(|(_, m)| places::pick(a, m.span, None))
        .filter(|p| p.rank == rank)
        .collect();
    let mut best: Vec<PlacePick> = Vec::new();
    let mut run: Vec<PlacePick> = Vec::new();
    for p in picks {
        let joined = run.last().is_some_and(|q| q.span.end <= p.span.start && is_list_gap(&text[q.span.end..p.span.start]));
        if !joined {
            if run.len() > best.len() {
                best = std::mem::take(&mut run);
            }
            run.clear();
        }
        if !run.iter().any(|q| q.entry == p.entry) {
            run.push(p);
        }
    }
    if run.len() > best.len() {
        best = run;
    }
    if best.len() >= 2 {
        best
    } else {
        Vec::new()
    }
}

/// True for the words between two items of a list: a comma, "and", "і", "та", "и".
fn is_list_gap(gap: &str) -> bool {
    let g = gap.trim().trim_start_matches(',').trim();
    g.is_empty() || matches!(g, "and" | "і" | "й" | "та" | "и" | "or" | "або" | "или")
}

fn features<'a>(a: &'a Analysis, s: &Sentence, anchors: &Anchors, region_hint: Option<&str>) -> Features<'a> {
    let span = s.span;
    let cues = a.cues_in(span);
    let paragraph = a.paragraphs.get(s.paragraph_idx).copied().unwrap_or(span);
    let background = cues.iter().any(|c| c.kind == CueKind::Background);
    // a question asserts nothing: "Кому выгоден подрыв дамбы?", "Who shelled the market?"; nor
    // does a claim called fake or an event still to come
    let unreal = || is_question(a, span) || crate::roles::builtin().tells_unreal(a, span);
    let event = !unreal() && best_rule(a, cues, a.cues_in(paragraph)).is_some();
    let resolved: Vec<(DateExpr, Resolved)> = a
        .dates_in(span)
        .iter()
        // (a summary of the past day under an incident: "Минулої доби окупанти били по
        // інфраструктурі області" dates no incident it does not tell)
        .filter(|e| event || !dates::is_period(a.text(), e.span))
        .filter_map(|e| {
            let mut r = dates::resolve(e, anchors)?;
            // "the command reported on Dec. 4": the report's day, a fallback for the incident's
            if dates::is_report_date(a.text(), e.span) {
                r.precision = r.precision.max(TimePrecision::Week);
            }
            Some((*e, r))
        })
        .collect();
    // a date more than a year before publication tells history ("the biggest since 1993",
    // "returning to Jan. 16, 2014"), never this incident's day; a sentence with no other date
    // is history itself
    let cutoff = history_cutoff(a);
    let old = |r: &Resolved| cutoff.is_some_and(|cut| r.date < cut);
    // a month or a day without its year, told in one sentence with an old year, is of that year:
    // "В Киеве в 1990 году бушевал протест — в октябре началась Революция на граните"
    // (a year told after it is another's: "a rally on March 8 for a journalist arrested in 2025")
    let old_year = resolved.iter().filter(|(e, r)| matches!(e.kind, dates::DateKind::Year(_)) && old(r)).map(|(e, _)| e.span.start).min();
    let of_old_year = |e: &DateExpr| {
        matches!(e.kind, dates::DateKind::Day { year: None, .. } | dates::DateKind::Month { year: None, .. })
            && old_year.is_some_and(|at| at < e.span.start)
    };
    let recent: Vec<(DateExpr, Resolved)> = resolved.iter().copied().filter(|(e, r)| !old(r) && !of_old_year(e)).collect();
    let history = !resolved.is_empty() && recent.is_empty();
    // of two days in one sentence, the incident's is the one told with its action: "mourning
    // is declared today for those killed by the missile strike of 25 October"
    let actions: Vec<Span> = if event { crate::score::counting(a.text(), cues).iter().filter(|c| matches!(c.kind, CueKind::Event(_))).map(|c| c.span).collect() } else { Vec::new() };
    let days: Vec<jiff::civil::Date> = recent.iter().map(|(_, r)| r.date).collect();
    let several_days = days.iter().any(|d| *d != days[0]);
    let distance = |e: &DateExpr| if several_days { actions.iter().map(|c| gap(*c, e.span)).min().unwrap_or(0) } else { 0 };
    let date = recent.iter().copied().min_by_key(|(e, r)| (r.precision, distance(e), !e.kind.is_absolute(), e.span.start));
    let report_date = date.is_some_and(|(e, _)| dates::is_report_date(a.text(), e.span));
    let date_leads = recent.iter().any(|(e, r)| e.span.start < span.start + 30 && r.precision == TimePrecision::Day);
    let suspect_detained = cues.iter().any(|c| c.kind == CueKind::Arrested) && crate::roles::builtin().names_suspect(a, span);
    // "For instance, this was the verdict of the X court": an example with no day of its own
    let example = recent.is_empty() && crate::roles::builtin().opens_example(a, span);
    Features {
        event,
        masked: cues.iter().any(|c| c.kind == CueKind::Mask),
        suspect_detained,
        continuation: cues.iter().any(|c| c.kind == CueKind::Continuation),
        background: background || history || example,
        history,
        recent_day: date.is_some_and(|(e, r)| !report_date && r.precision <= TimePrecision::Month && !dates::is_dateline(a.text(), e.span)),
        report_date,
        date,
        date_leads,
        place: hinted_place(a, scene_span(a, s), region_hint),
        regions: places::regions_in(a, scene_span(a, s)),
    }
}

/// True if the sentence at `span` is a question: it ends with '?', before any closing quote or
/// bracket.
fn is_question(a: &Analysis, span: Span) -> bool {
    a.text().get(span.start..span.end).is_some_and(|t| t.trim_end().trim_end_matches(['"', '»', '“', ')', '*']).ends_with('?'))
}

/// The sentence's place; where its name is also a village in the oblast of the incident being
/// told ("the village of Ploska, Vyzhnytsia district" under a report from Chernivtsi oblast),
/// that village, unless the name is a city of its own.
fn hinted_place(a: &Analysis, span: Span, region_hint: Option<&str>) -> Option<PlacePick> {
    let plain = places::pick(a, span, None)?;
    let Some(hinted) = region_hint.and_then(|r| places::pick(a, span, Some(r))) else { return Some(plain) };
    let (p, h) = (a.gazetteer.entry(plain.entry), a.gazetteer.entry(hinted.entry));
    let same_words = plain.span == hinted.span;
    let small = p.population < 50_000;
    Some(if same_words && small && Some(h.admin1.as_str()) == region_hint && p.admin1 != h.admin1 { hinted } else { plain })
}

/// The part of a sentence that can name the scene: all of it but a wire dateline that opens its
/// paragraph ("KYIV, Feb 22 (Reuters) - One police officer was killed in Lviv").
fn scene_span(a: &Analysis, s: &Sentence) -> Span {
    if !s.starts_paragraph {
        return s.span;
    }
    let skip = crate::text::dateline_prefix(s.span.text(a.text()));
    let skip = if skip > 0 { skip } else { city_label(a, s.span) };
    Span::new(s.span.start + skip.min(s.span.len()), s.span.end)
}

/// The length of a city's name with a colon or a bullet that opens a sentence naming another
/// place: "Kyiv: A Russian missile slammed into Kryvyi Rih", "Київ • УНН". The city is where the
/// report was filed. A headline "Kharkiv: five killed" names no other place and keeps its city;
/// a byline "Київ • УНН" never names the scene.
fn city_label(a: &Analysis, span: Span) -> usize {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| regex::Regex::new(r"^\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+)?\s*(?::|•)\s").expect("static regex"));
    let Some(m) = re.find(span.text(a.text())) else { return 0 };
    // a bullet is a byline's ("Київ • УНН"), never a headline's
    if m.as_str().contains('•') {
        return m.end();
    }
    let rest = Span::new(span.start + m.end(), span.end);
    if a.places_in(rest).is_empty() {
        return 0;
    }
    m.end()
}

/// Dates before this day tell history: a year before publication (or, in a document with no
/// date, before the latest date it writes out).
fn history_cutoff(a: &Analysis) -> Option<jiff::civil::Date> {
    let latest = || {
        let anchors = Anchors { published: None, previous: None, year_hint: a.year_hint };
        a.dates.iter().filter(|e| e.kind.is_absolute()).filter_map(|e| dates::resolve(e, &anchors)).map(|r| r.date).max()
    };
    a.doc.published.or_else(latest)?.checked_sub(jiff::ToSpan::days(366)).ok()
}

/// Bytes between two spans (0 when they overlap).
fn gap(x: Span, y: Span) -> usize {
    if x.end <= y.start {
        y.start - x.end
    } else {
        x.start.saturating_sub(y.end)
    }
}

fn compatible(a: &Analysis, d: &Draft, f: &Features) -> bool {
    if let (Some((_, x)), Some((_, y))) = (d.date, f.date) {
        if x.date != y.date
            && !(x.precision > TimePrecision::Day && y.precision == TimePrecision::Day)
        {
            return false;
        }
    }
    let Some(here) = d.place else { return true };
    let here_entry = a.gazetteer.entry(here.entry);
    if let Some(there) = f.place {
        let there_entry = a.gazetteer.entry(there.entry);
        let same = here.entry == there.entry || here_entry.name == there_entry.name;
        // "Brovary ... Brovary raion" is one scene told at two scales; "Brovary ... Bucha raion"
        // is two
        // (not "в одному із селищ Дніпровського району" after Dnipro: a village of the raion)
        let wider = there.rank > here.rank && contains(there_entry, here_entry) && !places::settlement_of_unit(a, there.span);
        if !same && !wider && !(here.rank > there.rank && contains(here_entry, there_entry)) {
            return false;
        }
    }
    f.regions.iter().all(|r| *r == here_entry.admin1)
}



fn enrich(d: &mut Draft, idx: usize, f: &Features) {
    d.sentences.push(idx);
    let better_date = match (d.date, f.date) {
        (None, Some(_)) => true,
        (Some((_, x)), Some((_, y))) => y.precision < x.precision,
        _ => false,
    };
    if better_date {
        d.date = f.date;
    }
    if let Some(p) = f.place {
        if d.place.is_none_or(|q| p.rank < q.rank) {
            d.place = Some(p);
            d.place_inherited = false;
        }
    }
}

/// The best event rule for `cues`, with `context` (the paragraph) satisfying requirements:
/// `(rule index, score)`. Scoring lives in [`crate::score`].
pub(crate) fn best_rule(a: &Analysis, cues: &[Cue], context: &[Cue]) -> Option<(usize, u32)> {
    crate::score::best(a, cues, context).map(|d| (d.rule, d.score))
}
