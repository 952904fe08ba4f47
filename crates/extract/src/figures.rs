//! Figures of an incident: how many took part, were hurt, died, were detained.
//!
//! A figure is a count next to a cue word: "about 40 **residents**", "Two TRC officers
//! received minor **injuries**", "Група з п'яти **людей**". A count is tied to the nearest cue
//! within a few words; "Nobody was hurt" and "Пострадавших нет" give zero. Detentions count as
//! arrests only where police or the SBU act in the same sentence: a man "detained" by
//! recruiters is the occasion of the incident, not an arrest.

use litopys_model::Span;

use crate::codebook::{Cue, CueKind};
use crate::numbers::Count;
use crate::Analysis;

/// A figure and the words it came from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Figure {
    pub value: u32,
    pub span: Span,
}

/// The figures of one incident.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Figures {
    pub participants: Option<Figure>,
    pub injuries: Option<Figure>,
    pub fatalities: Option<Figure>,
    pub arrests: Option<Figure>,
}

/// Figures over the sentences `spans` of one incident.
pub(crate) fn figures(a: &Analysis, spans: &[Span]) -> Figures {
    let mut f = Figures::default();
    let mut elsewhere = None;
    for &span in spans {
        let cues = a.cues_in(span);
        let counts = a.counts_in(span);
        f.participants = max(f.participants, participants(a.text(), cues, counts));
        f.injuries = max(f.injuries, casualty(a, cues, counts, CueKind::Injured));
        f.fatalities = max(f.fatalities, casualty(a, cues, counts, CueKind::Killed));
        // "fatalities coded to the X event": the deaths are counted once, elsewhere
        if let Some(c) = cues.iter().find(|c| c.kind == CueKind::Elsewhere) {
            elsewhere = Some(Figure {
                value: 0,
                span: c.span,
            });
        }
        if cues.iter().any(|c| is_state_actor(a, c)) {
            f.arrests = max(f.arrests, casualty(a, cues, counts, CueKind::Arrested));
        }
    }
    if elsewhere.is_some() {
        f.fatalities = elsewhere;
    }
    f
}

/// Words that may stand between a count and the place it is told of in a tally: "two in
/// Sloviansk", "one each in Rodynske", "двоє — у Краматорську", "по одному в Лимані".
const TALLY_WORDS: &[&str] = &["in", "at", "each", "у", "в", "во", "по", "—", "–", "-", ":"];

/// The share of a tally that falls to the place named at `place` in `sentence`: "Seven people
/// were injured: two in Sloviansk, two in Novodonetske and one each in Rodynske, Pokrovsk and
/// Mykolaipillia" gives Pokrovsk one. The count is the nearest before the place, tied to it by
/// a preposition only, or by "each" to every place listed after it.
pub(crate) fn tally_share(a: &Analysis, sentence: Span, place: Span) -> Option<Figure> {
    let text = a.text();
    let count = a.counts_in(sentence).iter().rev().find(|c| c.span.end <= place.start)?;
    let between = text.get(count.span.end..place.start)?;
    let words: Vec<&str> = between.split_whitespace().collect();
    let tied = words.len() <= 3 && words.iter().all(|w| TALLY_WORDS.contains(&w.trim_end_matches(',').to_lowercase().as_str()));
    // "one each in Rodynske, Pokrovsk and Mykolaipillia": each place of the list after it
    let each = matches!(words.first().map(|w| w.to_lowercase()).as_deref(), Some("each" | "по"))
        || text.get(count.span.start.saturating_sub(3)..count.span.start).is_some_and(|b| b.trim().eq_ignore_ascii_case("по"));
    let list = each && !between.contains(['.', ';', ':']) && words.len() <= 12;
    (tied || list).then(|| Figure { value: count.value as u32, span: Span::new(count.span.start, place.end) })
}

fn max(a: Option<Figure>, b: Option<Figure>) -> Option<Figure> {
    match (a, b) {
        (Some(x), Some(y)) => Some(if y.value > x.value { y } else { x }),
        (x, y) => x.or(y),
    }
}

fn is_state_actor(a: &Analysis, c: &Cue) -> bool {
    match c.kind {
        CueKind::Actor(i) => matches!(a.codebook.actors()[i].key.as_str(), "police" | "security"),
        _ => false,
    }
}

/// Words between two byte offsets.
fn words_between(text: &str, from: usize, to: usize) -> usize {
    text.get(from..to)
        .map_or(usize::MAX, |t| t.split_whitespace().count())
}

fn participants(text: &str, cues: &[Cue], counts: &[Count]) -> Option<Figure> {
    counts
        .iter()
        .filter(|c| c.value >= 2.0 && c.value < 1e6)
        .filter_map(|c| {
            let noun = cues.iter().find(|q| {
                q.kind == CueKind::People
                    && q.span.start >= c.span.end
                    && words_between(text, c.span.end, q.span.start) <= 3
            })?;
            Some(Figure {
                value: c.value as u32,
                span: Span::new(c.span.start, noun.span.end),
            })
        })
        .max_by_key(|f| f.value)
}

fn casualty(a: &Analysis, cues: &[Cue], counts: &[Count], kind: CueKind) -> Option<Figure> {
    let text = a.text();
    let cue = cues.iter().find(|c| c.kind == kind)?;
    let none = cues.iter().find(|c| {
        c.kind == CueKind::None
            && (c.span.overlaps(&cue.span)
                || words_between(
                    text,
                    c.span.end.min(cue.span.end),
                    c.span.start.max(cue.span.start),
                ) <= 3)
    });
    if let Some(n) = none {
        let span = Span::new(
            n.span.start.min(cue.span.start),
            n.span.end.max(cue.span.end),
        );
        return Some(Figure { value: 0, span });
    }
    // a count belongs to the nearest cue: none of another casualty kind between them, and
    // none after a clause break ("загинула жінка, семеро людей зазнали поранень")
    let other_between = |from: usize, to: usize| {
        cues.iter().any(|q| {
            q.kind != kind
                && matches!(q.kind, CueKind::Injured | CueKind::Killed | CueKind::Arrested)
                && q.span.start >= from
                && q.span.end <= to
        })
    };
    let before = counts.iter().rev().find(|c| {
        c.span.end <= cue.span.start
            && words_between(text, c.span.end, cue.span.start) <= 5
            && !other_between(c.span.end, cue.span.start)
    });
    let after = counts.iter().find(|c| {
        c.span.start >= cue.span.end
            && words_between(text, cue.span.end, c.span.start) <= 2
            && !text.get(cue.span.end..c.span.start).is_some_and(|t| t.contains([',', ';']))
            && !other_between(cue.span.end, c.span.start)
    });
    match before.or(after) {
        Some(c) if c.value < 1e5 => {
            let span = Span::new(
                c.span.start.min(cue.span.start),
                c.span.end.max(cue.span.end),
            );
            Some(Figure {
                value: c.value as u32,
                span,
            })
        }
        _ => Some(Figure {
            value: 1,
            span: cue.span,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Extractor;
    use litopys_gazetteer::Gazetteer;
    use litopys_model::Document;

    fn check(text: &str, expected: [Option<u32>; 4]) {
        let doc = Document::new("t", text);
        let ex = Extractor::default();
        let a = Analysis::new(&doc, ex.codebook(), Gazetteer::builtin());
        let f = figures(&a, &a.sentences.iter().map(|s| s.span).collect::<Vec<_>>());
        let got = [f.participants, f.injuries, f.fatalities, f.arrests].map(|x| x.map(|f| f.value));
        assert_eq!(got, expected, "{text}");
    }

    #[test]
    fn counts_next_to_cues() {
        // sentences written for litopys in the style of news reports
        check(
            "About 40 residents surrounded the bus. Two TRC officers received minor injuries.",
            [Some(40), Some(2), None, None],
        );
        check("Nobody was hurt.", [None, Some(0), None, None]);
        check(
            "Three police officers were hurt and one man died.",
            [None, Some(3), Some(1), None],
        );
        check("Група з п'яти людей заблокувала авто. Один із військовослужбовців отримав травму руки.", [Some(5), Some(1), None, None]);
        check(
            "Около 30 сотрудников собрались. Пострадавших нет, повреждены два кабинета.",
            [Some(30), Some(0), None, None],
        );
        check(
            "Police detained five protesters.",
            [Some(5), None, None, Some(5)],
        );
        check(
            "Сотрудники полиции переписали данные участников акции, задержаний не было.",
            [None, None, None, Some(0)],
        );
        // a count belongs to its own cue, not to one across a clause break or another cue
        // (sentences written for litopys, after the construction of a strike report)
        check("Загинула жінка, семеро зазнали поранень.", [None, Some(7), Some(1), None]);
        check("Семеро зазнали поранень, загинула жінка.", [None, Some(7), Some(1), None]);
        check("Погибли трое, еще пятеро ранены.", [None, Some(5), Some(3), None]);
        check("One woman was killed, and six were injured.", [None, Some(6), Some(1), None]);
        // a man detained by recruiters is not an arrest
        check(
            "Перехожі відбили затриманого чоловіка.",
            [None, None, None, None],
        );
    }
}
