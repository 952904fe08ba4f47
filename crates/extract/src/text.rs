//! Splitting a document into paragraphs and sentences, keeping byte spans.
//!
//! # Design
//!
//! Sentences are the unit of extraction: each is scored for event cues, dates and places, and
//! incidents are built from runs of sentences. The splitter is rule-based: a sentence ends at
//! `.`, `!`, `?` or `…` followed by space and an upper-case letter, digit or quote, unless the
//! word before the stop is a known abbreviation ("ч. 2 ст. 342", "вул.", "St.") or an initial.
//! A line break ends a paragraph unless the line plainly continues (hard-wrapped text).

use litopys_model::Span;

/// A sentence of a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Its bytes in the document.
    pub span: Span,
    /// Which paragraph it is in, counting from 0.
    pub paragraph_idx: usize,
    /// True for the first sentence of its paragraph.
    pub starts_paragraph: bool,
}

/// Abbreviations after which a full stop does not end a sentence (lower case, no dot).
const ABBREVIATIONS: &[&str] = &[
    "ч",
    "ст",
    "п",
    "пп",
    "вул",
    "ул",
    "пр",
    "просп",
    "м",
    "г",
    "с",
    "смт",
    "пгт",
    "р",
    "обл",
    "рн",
    "р-н",
    "т",
    "д",
    "див",
    "напр",
    "тис",
    "млн",
    "млрд",
    "грн",
    "руб",
    "коп",
    "тыс",
    "им",
    "ім",
    "св",
    "st",
    "mr",
    "mrs",
    "ms",
    "dr",
    "no",
    "vs",
    "etc",
    "e.g",
    "i.e",
    "obl",
    "gen",
    "col",
    "lt",
    "sgt",
    "capt",
    "maj",
    "jan",
    "feb",
    "mar",
    "apr",
    "aug",
    "sept",
    "sep",
    "oct",
    "nov",
    "dec",
    "approx",
    "incl",
];

/// The paragraphs of `text`, as spans, empty ones dropped.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut offset = 0;
    let mut continues = false;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        let start = offset + (line.len() - line.trim_start().len());
        let end = start + trimmed.len();
        offset += line.len();
        if trimmed.is_empty() {
            continues = false;
            continue;
        }
        let lower_start = trimmed.chars().next().is_some_and(litopys_gazetteer::chars::is_lowercase);
        match out.last_mut() {
            Some(last) if continues && lower_start => last.end = end,
            _ => out.push(Span::new(start, end)),
        }
        continues = !trimmed.ends_with(['.', '!', '?', ':', '…', '"', '»', ')']);
    }
    out
}

/// The sentences of `text`, in order.
pub fn sentences(text: &str) -> Vec<Sentence> {
    sentences_in(text, &paragraphs(text))
}

/// The sentences of `text`, whose [`paragraphs`] are already known.
pub fn sentences_in(text: &str, paragraphs: &[Span]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (paragraph_idx, &para) in paragraphs.iter().enumerate() {
        let mut first = true;
        for span in split_paragraph(para.text(text)) {
            out.push(Sentence {
                span: span.shift(para.start),
                paragraph_idx,
                starts_paragraph: first,
            });
            first = false;
        }
    }
    out
}

fn split_paragraph(p: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (idx, mark) in sentence_marks(p) {
        let end = idx + mark.len();
        // closing quotes and brackets stay with the sentence
        let after = &p[end..];
        let rest = after.trim_start_matches(['"', '»', '”', ')', '\'']);
        if !rest.starts_with(char::is_whitespace) {
            continue;
        }
        let next = rest.trim_start().chars().next();
        let opens_sentence = next.is_some_and(|n| {
            litopys_gazetteer::chars::is_uppercase(n)
                || n.is_ascii_digit()
                || matches!(n, '"' | '«' | '„' | '“' | '—' | '–' | '-')
        });
        if !opens_sentence || (mark == "." && is_abbreviation(&p[start..idx])) {
            continue;
        }
        let sentence_end = end + (after.len() - rest.len());
        push_trimmed(&mut out, p, start, sentence_end);
        start = sentence_end;
    }
    push_trimmed(&mut out, p, start, p.len());
    out
}

/// Where `p` has '.', '!', '?' or '…', in order, found with `memchr` (`str::match_indices`
/// with a set of chars decodes every character).
fn sentence_marks(p: &str) -> Vec<(usize, &'static str)> {
    let bytes = p.as_bytes();
    let mut marks: Vec<(usize, &'static str)> = memchr::memchr3_iter(b'.', b'!', b'?', bytes)
        .map(|i| {
            (
                i,
                match bytes[i] {
                    b'.' => ".",
                    b'!' => "!",
                    _ => "?",
                },
            )
        })
        .collect();
    let n = marks.len();
    marks.extend(memchr::memmem::find_iter(bytes, "…").map(|i| (i, "…")));
    if marks.len() > n {
        marks.sort_unstable();
    }
    marks
}

fn push_trimmed(out: &mut Vec<Span>, p: &str, start: usize, end: usize) {
    let s = &p[start..end];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        out.push(Span::new(start + lead, start + lead + trimmed.len()));
    }
}

fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    let single_initial = word.chars().count() == 1 && word.chars().all(litopys_gazetteer::chars::is_uppercase);
    single_initial || ABBREVIATIONS.contains(&lower.as_str())
}

/// The length in bytes of a wire-service dateline that opens `paragraph` ("KYIV, Feb 22
/// (Reuters) - ", "KYIV – ", "KHARKIV: ", "МОСКВА, 25 окт — РИА Новости. ", "Kyiv, (APP - ...)
/// "), or 0. The city in a dateline is where the desk filed the story, not where it happened.
pub fn dateline_prefix(paragraph: &str) -> usize {
    static CAPS: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    static AGENCY: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    // an upper-case city, then up to the first dash, colon or full stop that ends the dateline
    let caps = CAPS.get_or_init(|| {
        regex::Regex::new(r"^\p{Lu}[\p{Lu}'’\- ]{2,30}(?:,[^\n]{0,60}?)?(?:\s[-–—]\s|:\s|\.\s)").expect("static regex")
    });
    // a city in title case, then an agency in brackets
    let agency = AGENCY.get_or_init(|| regex::Regex::new(r"^\p{Lu}\p{Ll}+,\s*\([^)\n]{0,100}\)\s").expect("static regex"));
    [caps, agency].iter().find_map(|re| re.find(paragraph)).map_or(0, |m| m.end())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let got: Vec<&str> = sentences(text).iter().map(|s| s.span.text(text)).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn splits_sentences_and_keeps_abbreviations() {
        // written for litopys
        check(
            "Поліція відкрила провадження за ч. 2 ст. 342 ККУ. Інцидент стався на вул. Шевченка.",
            &[
                "Поліція відкрила провадження за ч. 2 ст. 342 ККУ.",
                "Інцидент стався на вул. Шевченка.",
            ],
        );
        check(
            "Nobody was hurt. The car was destroyed!",
            &["Nobody was hurt.", "The car was destroyed!"],
        );
        check(
            "He said \"stop.\" Then he left.",
            &["He said \"stop.\"", "Then he left."],
        );
        check(
            "Луцьк. Сьогодні перехожі відбили чоловіка.",
            &["Луцьк.", "Сьогодні перехожі відбили чоловіка."],
        );
    }

    #[test]
    fn wire_datelines() {
        // written for litopys, in the shape of wire-service datelines
        let cut = |p: &str| p[dateline_prefix(p)..].to_string();
        assert_eq!(
            cut("KYIV, Feb 22 (Reuters) - A blast hit Lviv."),
            "A blast hit Lviv."
        );
        assert_eq!(cut("KYIV – A blast hit Lviv."), "A blast hit Lviv.");
        assert_eq!(cut("KHARKIV: A drone hit Pryluky."), "A drone hit Pryluky.");
        assert_eq!(
            cut("МОСКВА, 25 окт — РИА Новости. Митинг прошел в Киеве."),
            "РИА Новости. Митинг прошел в Киеве."
        );
        assert_eq!(
            cut("Kyiv, (APP - Agency - 5th Feb, 2025) A blast hit Rivne."),
            "A blast hit Rivne."
        );
        // an ordinary sentence keeps its start
        assert_eq!(
            cut("Kyiv residents rallied on Tuesday."),
            "Kyiv residents rallied on Tuesday."
        );
        assert_eq!(cut("ТЦК повідомив про напад."), "ТЦК повідомив про напад.");
    }

    #[test]
    fn paragraphs_by_lines_and_wrapping() {
        let text = "Title line\n\nFirst paragraph goes\non here. Still.\nSecond paragraph.\n";
        let got: Vec<&str> = paragraphs(text).iter().map(|s| s.text(text)).collect();
        assert_eq!(
            got,
            vec![
                "Title line",
                "First paragraph goes\non here. Still.",
                "Second paragraph."
            ]
        );
        let s = sentences(text);
        assert_eq!(s[2].paragraph_idx, 1);
        assert!(s[1].starts_paragraph && !s[2].starts_paragraph);
    }
}
