//! Finding names in text and ranking their candidates.

use litopys_model::Span;

use crate::normalize::normalize_with_offsets;
use crate::{EntryId, Frame, Gazetteer, Kind, Mention};

/// Words after a name that make it a region or a district.
const REGION_WORDS: &[&str] = &["region", "oblast", "область", "області", "областi", "обл", "області,", "области", "областью", "oblast'"];
const DISTRICT_WORDS: &[&str] = &["district", "raion", "район", "району", "районі", "района", "районе", "районом"];
/// Words before a name that make it a point of reference.
const NEAR_WORDS: &[&str] = &["near", "outside", "під", "біля", "поблизу", "поруч", "под", "возле", "около", "недалеко"];

pub(crate) fn find(gaz: &Gazetteer, text: &str) -> Vec<Mention> {
    let (norm, offsets) = normalize_with_offsets(text);
    let mut out = Vec::new();
    for m in gaz.automaton.find_iter(&norm) {
        if !is_word_edge(&norm, m.start(), m.end()) {
            continue;
        }
        let (mut start, mut end) = (m.start(), m.end());
        let mut frame = Frame::Plain;
        let already_framed = ends_with_frame_word(&norm[start..end]);
        if let Some((word, word_end)) = next_word(&norm, end) {
            if REGION_WORDS.contains(&word) && !already_framed {
                frame = Frame::Region;
                end = word_end;
            } else if DISTRICT_WORDS.contains(&word) && !already_framed {
                frame = Frame::District;
                end = word_end;
            }
        }
        if already_framed {
            frame = Frame::Region;
        }
        if frame == Frame::Plain {
            if let Some((word, word_start)) = previous_word(&norm, start) {
                if NEAR_WORDS.contains(&word) {
                    frame = Frame::Near;
                    start = word_start;
                }
            }
        }
        let candidates = gaz.pattern_entries[m.pattern().as_usize()].clone();
        out.push(Mention { span: Span::new(offsets[start], offsets[end]), candidates, frame });
    }
    out
}

fn ends_with_frame_word(name: &str) -> bool {
    name.rsplit(' ').next().is_some_and(|w| REGION_WORDS.contains(&w))
}

fn is_word_edge(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

fn next_word(text: &str, from: usize) -> Option<(&str, usize)> {
    let rest = &text[from..];
    let trimmed = rest.trim_start_matches([' ', '\t']);
    if trimmed.len() == rest.len() && !rest.is_empty() {
        // a name directly followed by punctuation has no framing word
        return None;
    }
    let word_start = from + (rest.len() - trimmed.len());
    let len = trimmed.find(|c: char| !(c.is_alphanumeric() || c == '\'')).unwrap_or(trimmed.len());
    (len > 0).then(|| (&text[word_start..word_start + len], word_start + len))
}

fn previous_word(text: &str, before: usize) -> Option<(&str, usize)> {
    let head = text[..before].trim_end_matches([' ', '\t']);
    let start = head.rfind(|c: char| !c.is_alphanumeric()).map(|i| i + head[i..].chars().next().map_or(1, char::len_utf8)).unwrap_or(0);
    (start < head.len()).then(|| (&head[start..], start))
}

/// Orders every mention's candidates: the frame first (a "region" wants an oblast), then
/// agreement with the oblasts the text names elsewhere, then settlement over unit, then size.
pub(crate) fn rank(gaz: &Gazetteer, mentions: &mut [Mention]) {
    let named_oblasts: Vec<String> = mentions
        .iter()
        .filter(|m| m.candidates.len() == 1 || m.frame == Frame::Region)
        .flat_map(|m| m.candidates.iter().map(|&id| gaz.entry(id).admin1.clone()))
        .collect();
    for m in mentions.iter_mut() {
        let frame = m.frame;
        m.candidates.sort_by_key(|&id| score(gaz, id, frame, &named_oblasts));
    }
}

fn score(gaz: &Gazetteer, id: EntryId, frame: Frame, named_oblasts: &[String]) -> (u8, u8, u8, std::cmp::Reverse<u32>) {
    let e = gaz.entry(id);
    let frame_fit = match (frame, e.kind) {
        (Frame::Region, Kind::Oblast) | (Frame::District, Kind::Raion) => 0,
        (Frame::Region | Frame::District, _) => 1,
        (_, Kind::Oblast | Kind::Raion | Kind::Hromada) => 1,
        _ => 0,
    };
    let context = if named_oblasts.iter().any(|o| o == &e.admin1) { 0 } else { 1 };
    let kind = match e.kind {
        Kind::City => 0,
        Kind::Village => 1,
        _ => 2,
    };
    (frame_fit, context, kind, std::cmp::Reverse(e.population))
}
