//! Which event rule a sentence tells: a score per rule, with the cues behind it.
//!
//! # Design
//!
//! Every cue of a rule found in the sentence adds its weight once (three forms of "shell" are
//! one cue); of the rules that reach their `min_score`, the one of highest `rank` wins (ACLED's
//! precedence: territory taken after fighting is a change of territory, a battle told with its
//! shelling is a battle), then the highest sum, ties going to the rule the codebook lists
//! first. The weights carry ACLED's precedence without a chain of special cases: a battle
//! ("repelled", "clashed") outweighs the shelling told with it, an air strike outweighs the
//! artillery it came with, an interception outweighs the drone it stopped.
//!
//! Three things keep cues from counting:
//! * a **mask** phrase around them ("who was arrested in 2020");
//! * a **longer event cue** over them: "grenade launcher" is artillery, so the "grenade" inside
//!   it is not a grenade attack; "stun grenade" is force against protesters;
//! * a rule's **context**: `requires` (one of these cues must be in the paragraph or the
//!   headline) and `excludes` (none of these may be in the paragraph: a fight with recruitment
//!   officers is not a battle).
//!
//! An actor a rule lists in `with_actors` adds its weight when the sentence names it along with
//! one of the rule's cues: "Russian forces ... struck Kryvyi Rih" is a strike, though "struck"
//! alone is not enough; "ТЦК ... вдарили" is an attack on an officer.

use litopys_model::Span;

use crate::codebook::{Cue, CueKind};
use crate::Analysis;

/// The winning rule and its score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Decision {
    /// Index into the codebook's rules.
    pub rule: usize,
    /// Sum of the weights of its distinct cues.
    pub score: u32,
}

/// Event cues that count: not masked and not inside a longer event cue that reaches past
/// their word ("grenade" inside "grenade launcher"). A longer form of the same word does not
/// hide a cue: the stem "напал*" matches the letters "напал" of "напала", which another rule's
/// form "напала" covers, and both read the same word.
pub(crate) fn counting(text: &str, cues: &[Cue]) -> Vec<Cue> {
    let masks: Vec<Span> = cues
        .iter()
        .filter(|c| c.kind == CueKind::Mask)
        .map(|c| c.span)
        .collect();
    let events: Vec<Cue> = cues
        .iter()
        .filter(|c| {
            matches!(c.kind, CueKind::Event(_)) && !masks.iter().any(|m| m.overlaps(&c.span))
        })
        .copied()
        .collect();
    events
        .iter()
        .filter(|c| {
            !events.iter().any(|o| {
                o.span.start <= c.span.start
                    && o.span.end >= c.span.end
                    && o.span.end - o.span.start > c.span.end - c.span.start
                    && beyond_word(text, c.span, o.span)
            })
        })
        .copied()
        .collect()
}

/// Whether `outer` (which holds `inner`) reaches past the word `inner` stands in.
fn beyond_word(text: &str, inner: Span, outer: Span) -> bool {
    let not_letter = |t: Option<&str>| t.is_none_or(|t| t.chars().any(|c| !litopys_gazetteer::chars::is_alphanumeric(c)));
    not_letter(text.get(outer.start..inner.start)) || not_letter(text.get(inner.end..outer.end))
}

/// The best rule for `cues` (a sentence or an incident's sentences), with `context` (their
/// paragraphs) deciding requirements and exclusions.
pub(crate) fn best(a: &Analysis, cues: &[Cue], context: &[Cue]) -> Option<Decision> {
    let rules = a.codebook.rules();
    // (rule, cue id, weight, span) of every counting event cue, by rule
    let mut cued: Vec<(usize, u32, u32, Span)> = counting(a.text(), cues)
        .iter()
        .filter_map(|c| match c.kind {
            CueKind::Event(i) => Some((i, c.pattern, c.weight, c.span)),
            _ => None,
        })
        .collect();
    cued.sort_unstable_by_key(|h| (h.0, h.1, h.3.start));
    // one word is one piece of evidence: where two cues of a rule cover the same words (the
    // stem "напал*" and the form "напала"), only the heavier counts
    let mut hits: Vec<(usize, u32, u32)> = Vec::with_capacity(cued.len());
    for group in cued.chunk_by(|x, y| x.0 == y.0) {
        let shadowed = |c: &(usize, u32, u32, Span)| {
            group.iter().any(|o| o.1 != c.1 && o.3.overlaps(&c.3) && (o.2, std::cmp::Reverse(o.1)) > (c.2, std::cmp::Reverse(c.1)))
        };
        hits.extend(group.iter().filter(|c| !shadowed(c)).map(|c| (c.0, c.1, c.2)));
    }
    // each cue once
    hits.dedup_by_key(|h| (h.0, h.1));
    let in_context = |kind: CueKind| context.iter().chain(cues).any(|c| c.kind == kind);
    // a requirement may also be met by the headline: "Men in an SUV snatched a conscript from a
    // TRC car" heads a body that says only "cut off the service vehicle"
    let headline = a.paragraphs.first().filter(|p| p.len() <= 300).map_or(&[][..], |&p| a.cues_in(p));
    let required = |kind: CueKind| in_context(kind) || headline.iter().any(|c| c.kind == kind);
    let mut best: Option<Decision> = None;
    for group in hits.chunk_by(|x, y| x.0 == y.0) {
        let i = group[0].0;
        let Some(rule) = rules.get(i) else { continue };
        // an actor the rule names, in the same sentence as its action, is evidence too
        let with_actors: u32 = rule
            .actor_weights
            .iter()
            .filter(|&&(actor, _)| cues.iter().any(|c| c.kind == CueKind::Actor(actor)))
            .map(|&(_, w)| w)
            .sum();
        let score: u32 = group.iter().map(|h| h.2).sum::<u32>() + with_actors;
        if score == 0 || score < rule.min_score {
            continue;
        }
        if rule.has_requirements && !required(CueKind::Requires(i)) {
            continue;
        }
        if in_context(CueKind::Excludes(i)) {
            continue;
        }
        if best.is_none_or(|b| (rule.rank, score) > (rules[b.rule].rank, b.score)) {
            best = Some(Decision { rule: i, score });
        }
    }
    best
}
