//! The words around a name or in a sentence, as the role checks read them: the tables of
//! `data/roles.toml` compiled to word patterns, and the tokeniser that cuts text into lower-case
//! words with an empty word at each mark that ends a clause. A document being extracted is
//! tokenised once ([`DocumentWords`]); the checks cut their windows from it.

use std::cell::RefCell;

use litopys_model::Span;

use super::Langs;

/// A list of words and phrases: each a sequence of word patterns, found through the first
/// word's pattern (every word of every sentence is asked whether a phrase starts there).
#[derive(Default)]
pub(super) struct Words {
    phrases: Vec<Vec<Pattern>>,
    /// Phrases whose first word is exact, by that word: indices into `phrases`.
    by_first: std::collections::HashMap<String, Vec<usize>>,
    /// Phrases whose first word is a prefix.
    by_prefix: Vec<usize>,
}

enum Pattern {
    Exact(String),
    Prefix(String),
}

impl Pattern {
    fn matches(&self, word: &str) -> bool {
        match self {
            Pattern::Exact(w) => word == w,
            Pattern::Prefix(p) => word.starts_with(p.as_str()),
        }
    }
}

impl Words {
    pub(super) fn new(l: Langs) -> Words {
        let phrases =
            l.en.into_iter()
                .chain(l.uk)
                .chain(l.ru)
                .map(|p| {
                    p.to_lowercase()
                        .split_whitespace()
                        .map(|w| match w.strip_suffix('*') {
                            Some(stem) => Pattern::Prefix(stem.to_string()),
                            None => Pattern::Exact(w.to_string()),
                        })
                        .collect::<Vec<_>>()
                })
                .filter(|p| !p.is_empty())
                .collect();
        Words::of(phrases)
    }

    fn of(phrases: Vec<Vec<Pattern>>) -> Words {
        let mut w = Words { phrases, ..Words::default() };
        for (i, p) in w.phrases.iter().enumerate() {
            match &p[0] {
                Pattern::Exact(first) => w.by_first.entry(first.clone()).or_default().push(i),
                Pattern::Prefix(_) => w.by_prefix.push(i),
            }
        }
        w
    }

    /// The phrases that may start with `first`.
    fn candidates<'s>(&'s self, first: &str) -> impl Iterator<Item = &'s Vec<Pattern>> + 's {
        let exact = self.by_first.get(first).map(Vec::as_slice).unwrap_or(&[]);
        exact.iter().chain(&self.by_prefix).map(|&i| &self.phrases[i])
    }

    /// The number of words of the longest phrase that `words` starts with.
    pub(super) fn starts(&self, words: &[&str]) -> Option<usize> {
        let first = words.first()?;
        self.candidates(first)
            .filter(|p| {
                p.len() <= words.len() && p.iter().zip(words).all(|(pat, w)| pat.matches(w))
            })
            .map(Vec::len)
            .max()
    }

    /// True when one of the phrases stands anywhere among the words of `text` in `span`.
    pub(super) fn anywhere_in(&self, text: &str, span: Span) -> bool {
        let found = |words: &[&str]| (0..words.len()).any(|i| self.starts(&words[i..]).is_some());
        // the document's own words, lower-cased once, when the window cuts none of them
        let cached = DOCUMENT.with(|d| match &*d.borrow() {
            Some((at, len, all, low)) if *at == text.as_ptr() as usize && *len == text.len() => {
                let first = all.partition_point(|t| if t.is_empty() { t.start < span.start } else { t.end <= span.start });
                let last = first + all[first..].partition_point(|t| t.start < span.end);
                let whole = all[first..last].iter().all(|t| t.start >= span.start && t.end <= span.end);
                whole.then(|| {
                    let words: Vec<&str> = all[first..last].iter().zip(&low[first..last]).filter(|(t, _)| !t.is_empty()).map(|(_, w)| w.as_str()).collect();
                    found(&words)
                })
            }
            _ => None,
        });
        cached.unwrap_or_else(|| {
            let words = lowered(text, 0, window_tokens(text, span.start, span.end).into_iter().filter(|t| !t.is_empty()));
            found(&strs(&words))
        })
    }

    /// The number of words of the longest phrase that `words` ends with.
    pub(super) fn ends(&self, words: &[&str]) -> Option<usize> {
        self.phrases
            .iter()
            .filter(|p| {
                p.len() <= words.len()
                    && p.iter()
                        .rev()
                        .zip(words.iter().rev())
                        .all(|(pat, w)| pat.matches(w))
            })
            .map(Vec::len)
            .max()
    }
}

/// Lower-case words of `text` with their spans (offsets into the document from `base`), and an
/// empty word at each mark that ends a clause.
pub(super) fn words(text: &str, base: usize) -> Vec<(String, Span)> {
    lowered(text, base, tokens(text, base))
}

/// The spans of [`words`], not yet lower-cased: the callers that keep a few words of a window
/// lower-case only those.
pub(super) fn tokens(text: &str, base: usize) -> Vec<Span> {
    // about one word in six bytes of Cyrillic, fewer in English
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut start = None;
    for (i, ch) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let word_char = litopys_gazetteer::chars::is_alphanumeric(ch) || ch == '-' || ch == '\'' || ch == '’';
        match (word_char, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Span::new(base + s, base + i));
                start = None;
            }
            _ => {}
        }
        if !word_char
            && matches!(
                ch,
                ',' | '.' | ';' | ':' | '!' | '?' | '(' | ')' | '—' | '–' | '\n'
            )
        {
            out.push(Span::new(base + i, base + i));
        }
    }
    out
}

thread_local! {
    /// The tokens of the document this thread is extracting, with its text's address and
    /// length: see [`DocumentWords`].
    static DOCUMENT: RefCell<Option<(usize, usize, Vec<Span>, Vec<String>)>> = const { RefCell::new(None) };
}

/// While alive, the role checks on this thread take the words of windows of `text` from one
/// tokenisation of the whole text, made here, instead of tokenising each window again: every
/// cue and place asks for the words around it. Dropped, it forgets the text.
pub(crate) struct DocumentWords;

impl DocumentWords {
    pub(crate) fn new(text: &str) -> DocumentWords {
        let all = tokens(text, 0);
        // each word lower-cased once: the checks ask for the words of every sentence again
        let lower = all.iter().map(|t| text.get(t.start..t.end).unwrap_or("").to_lowercase()).collect();
        let entry = (text.as_ptr() as usize, text.len(), all, lower);
        DOCUMENT.with(|d| *d.borrow_mut() = Some(entry));
        DocumentWords
    }
}

impl Drop for DocumentWords {
    fn drop(&mut self) {
        DOCUMENT.with(|d| *d.borrow_mut() = None);
    }
}

/// The tokens of `text[start..end]` as [`tokens`] makes them (a word cut by an edge ends or
/// starts there), from the document's tokens when `text` is the document being extracted.
pub(super) fn window_tokens(text: &str, start: usize, end: usize) -> Vec<Span> {
    DOCUMENT.with(|d| match &*d.borrow() {
        Some((at, len, all, _)) if *at == text.as_ptr() as usize && *len == text.len() => {
            // tokens are sorted by end, a word before the mark that ends it
            let first = all.partition_point(|t| if t.is_empty() { t.start < start } else { t.end <= start });
            all[first..]
                .iter()
                .take_while(|t| t.start < end)
                .filter_map(|t| match t.is_empty() {
                    true => Some(*t),
                    // an empty window inside a word holds no word
                    false => Some(Span::new(t.start.max(start), t.end.min(end))).filter(|w| !w.is_empty()),
                })
                .collect()
        }
        _ => tokens(text.get(start..end).unwrap_or(""), start),
    })
}

/// The words at `spans` (document offsets; `text` starts at `base`), lower-cased; an empty span
/// stays an empty word.
pub(super) fn lowered(text: &str, base: usize, spans: impl IntoIterator<Item = Span>) -> Vec<(String, Span)> {
    let lower = |s: Span| text.get(s.start.saturating_sub(base)..s.end.saturating_sub(base)).unwrap_or("").to_lowercase();
    DOCUMENT.with(|d| match &*d.borrow() {
        // a whole word of the document being extracted: lower-cased when it was tokenised
        Some((at, len, all, low)) if base == 0 && *at == text.as_ptr() as usize && *len == text.len() => spans
            .into_iter()
            .map(|s| {
                let i = all.partition_point(|t| if t.is_empty() { t.start < s.start } else { t.end <= s.start });
                let cached = all[i..].iter().zip(&low[i..]).take_while(|(t, _)| t.start <= s.start).find(|(t, _)| **t == s);
                (cached.map_or_else(|| lower(s), |(_, w)| w.clone()), s)
            })
            .collect(),
        _ => spans.into_iter().map(|s| (lower(s), s)).collect(),
    })
}

/// Words after `span` up to the end of its clause (at most `n`).
pub(super) fn after(text: &str, span: Span, n: usize) -> Vec<(String, Span)> {
    let mut end = (span.end + 160).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut t = window_tokens(text, span.end, end);
    // the last word may be cut
    if end < text.len() {
        t.pop();
    }
    let kept = t.into_iter().take_while(|s| !s.is_empty()).take(n);
    lowered(text, 0, kept)
}

/// The tokens of up to `reach` bytes before `span`, less a first word the window cut.
fn tokens_before(text: &str, span: Span, reach: usize) -> Vec<Span> {
    let mut start = span.start.saturating_sub(reach);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut t = window_tokens(text, start, span.start);
    if start > 0 && !t.is_empty() {
        t.remove(0);
    }
    t
}

/// Words before `span` back to the start of its clause (at most `n`), in text order.
pub(super) fn before(text: &str, span: Span, n: usize) -> Vec<(String, Span)> {
    let t = tokens_before(text, span, 160);
    let clause = t.iter().rposition(|s| s.is_empty()).map_or(0, |i| i + 1);
    let t = &t[clause..];
    let skip = t.len().saturating_sub(n);
    lowered(text, 0, t[skip..].iter().copied())
}

/// Words before `span` across clause marks (at most `n`, a mark an empty word), in text order.
pub(super) fn words_before(text: &str, span: Span, n: usize) -> Vec<(String, Span)> {
    let t = tokens_before(text, span, 120);
    let skip = t.len().saturating_sub(n);
    lowered(text, 0, t[skip..].iter().copied())
}

pub(super) fn strs(w: &[(String, Span)]) -> Vec<&str> {
    w.iter().map(|(s, _)| s.as_str()).collect()
}

pub(super) fn join(w: &[(String, Span)]) -> Span {
    match (w.first(), w.last()) {
        (Some(f), Some(l)) => Span::new(f.1.start, l.1.end),
        _ => Span::new(0, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documentdoc_words_cut_windows_as_tokenising_them_does() {
        // written for litopys: words cut by either edge, marks, an apostrophe and a hyphen
        let text = "Увечері, 5 березня, у Кам'янці-Подільському (Хмельниччина) чоловік напав; двоє — поранені.";
        let ends: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        let doc_words = DocumentWords::new(text);
        for (k, &start) in ends.iter().enumerate() {
            for &end in &ends[k..] {
                let alone = tokens(&text[start..end], start);
                assert_eq!(window_tokens(text, start, end), alone, "{start}..{end}");
            }
        }
        drop(doc_words);
        let other = String::from(text);
        assert_eq!(window_tokens(&other, 4, 20), tokens(&other[4..20], 4), "another text tokenises its window");
    }
}
