//! Plain text and Markdown.

use litopys_model::Document;

use crate::{decode, Error, ErrorKind};

/// The longest first line that is taken as a title, in characters.
const MAX_TITLE_CHARS: usize = 160;

/// One document holding the whole text, or `None` if there is no text.
pub(crate) fn read_text(name: &str, bytes: &[u8]) -> Option<Document> {
    let text = decode::normalize_newlines(decode::decode(bytes, None));
    if text.trim().is_empty() {
        return None;
    }
    let title = title_from_first_line(&text);
    Some(Document { title, ..Document::new(name, text) })
}

/// One document holding the text with its Markdown markup stripped, or `None` if there is no
/// text.
pub(crate) fn read_markdown(name: &str, bytes: &[u8]) -> Option<Document> {
    let source = decode::normalize_newlines(decode::decode(bytes, None));
    let text = strip_markdown(&source);
    if text.trim().is_empty() {
        return None;
    }
    let title = source
        .lines()
        .find_map(|line| line.trim_start().strip_prefix("# "))
        .map(|heading| strip_inline(heading.trim()))
        .filter(|t| !t.is_empty())
        .or_else(|| title_from_first_line(&text));
    Some(Document { title, ..Document::new(name, text) })
}

/// The first non-blank line, if it is short and more text follows it.
pub(crate) fn title_from_first_line(text: &str) -> Option<String> {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next()?;
    lines.next()?;
    (first.chars().count() <= MAX_TITLE_CHARS).then(|| first.to_string())
}

/// The longest line of a document's text that is kept, in bytes. No report has a paragraph
/// near this long; a longer line is a dump, and would cost extraction minutes.
pub(crate) const MAX_LINE_BYTES: usize = 1024 * 1024;

/// Drops every line of `doc.text` longer than [`MAX_LINE_BYTES`], with one warning per line
/// dropped; the document is dropped too if no text is left.
pub(crate) fn drop_long_lines(doc: Document, warnings: &mut Vec<Error>) -> Option<Document> {
    if doc.text.len() <= MAX_LINE_BYTES || !doc.text.split('\n').any(|l| l.len() > MAX_LINE_BYTES) {
        return Some(doc);
    }
    let mut text = String::new();
    for (line_idx, line) in doc.text.split_inclusive('\n').enumerate() {
        let n_bytes = line.trim_end_matches('\n').len();
        if n_bytes > MAX_LINE_BYTES {
            let detail = format!("line {} of its text is {n_bytes} bytes, over the limit of {MAX_LINE_BYTES}; skipped", line_idx + 1);
            warnings.push(Error::new(&doc.id, ErrorKind::TooLarge, detail));
            text.push('\n');
        } else {
            text.push_str(line);
        }
    }
    if text.trim().is_empty() {
        None
    } else {
        Some(Document { text, ..doc })
    }
}

/// Markdown to plain text, minimally: headings, block quotes, code fences, rules, emphasis,
/// inline code, links and images. Lists and tables stay as they are.
fn strip_markdown(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    for line in source.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") || is_rule(trimmed) {
            out.push('\n');
            continue;
        }
        let mut content = trimmed;
        while let Some(rest) = content.strip_prefix('>') {
            content = rest.trim_start();
        }
        let hashes = content.bytes().take_while(|&b| b == b'#').count();
        if (1..=6).contains(&hashes) {
            let rest = content.get(hashes..).unwrap_or_default();
            if rest.is_empty() || rest.starts_with(' ') {
                content = rest.trim().trim_end_matches('#').trim_end();
            }
        }
        let content = if content.len() == trimmed.len() { line } else { content };
        out.push_str(&strip_inline(content));
        out.push('\n');
    }
    out
}

fn is_rule(line: &str) -> bool {
    let line = line.trim_end();
    line.len() >= 3
        && ['-', '*', '_'].iter().any(|&c| line.chars().all(|x| x == c || x == ' ') && line.starts_with(c))
}

/// Strips inline markup: `**strong**`, `*em*`, `_em_`, `` `code` ``, `[text](url)` → `text`,
/// `![alt](url)` → `alt`.
fn strip_inline(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        match c {
            '!' if chars.get(i + 1) == Some(&'[') => {
                if let Some((text, next)) = link_at(&chars, i + 1) {
                    out.push_str(&text);
                    i = next;
                    continue;
                }
                out.push(c);
            }
            '[' => {
                if let Some((text, next)) = link_at(&chars, i) {
                    out.push_str(&strip_inline(&text));
                    i = next;
                    continue;
                }
                out.push(c);
            }
            '`' => {
                // Code spans keep their text as it is.
                let close = chars.get(i + 1..).and_then(|rest| rest.iter().position(|&x| x == '`'));
                if let Some(close) = close {
                    out.extend(chars.get(i + 1..i + 1 + close).unwrap_or_default());
                    i += close + 2;
                    continue;
                }
            }
            '*' | '_' => {
                let run = chars.get(i..).unwrap_or_default().iter().take_while(|&&x| x == c).count();
                let next = chars.get(i + run).copied();
                let word = |x: Option<char>| x.is_some_and(|x| x.is_alphanumeric());
                let space = |x: Option<char>| x.map_or(true, |x| x.is_whitespace());
                let opens = !word(prev) && !space(next);
                let closes = !space(prev) && !word(next);
                if !(opens || closes) || run > 3 {
                    out.extend(std::iter::repeat(c).take(run));
                }
                i += run;
                continue;
            }
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

/// A `[text](url)` link starting at `chars[start] == '['`: its text and the index after it.
fn link_at(chars: &[char], start: usize) -> Option<(String, usize)> {
    let rest = chars.get(start + 1..)?;
    let close = rest.iter().position(|&c| c == ']')?;
    if rest.get(close + 1) != Some(&'(') {
        return None;
    }
    let after = rest.get(close + 2..)?;
    let end = after.iter().position(|&c| c == ')')?;
    let text: String = rest.get(..close)?.iter().collect();
    Some((text, start + 1 + close + 2 + end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_md(source: &str, expect: &str) {
        assert_eq!(strip_markdown(source), expect);
    }

    #[test]
    fn markdown_stripping() {
        check_md("# Lutsk\n\nText.\n", "Lutsk\n\nText.\n");
        check_md("## Title ##\n", "Title\n");
        check_md("**Луцьк.** Сьогодні *близько* 18:00\n", "Луцьк. Сьогодні близько 18:00\n");
        check_md("see [the report](https://example.org/a) and ![map](m.png)\n", "see the report and map\n");
        check_md("snake_case and 2 * 3 stay\n", "snake_case and 2 * 3 stay\n");
        check_md("> quoted `code`\n---\nend\n", "quoted code\n\nend\n");
        check_md("from `NAME.*` and `a_b_`\n", "from NAME.* and a_b_\n");
        check_md("- item one\n- item two\n", "- item one\n- item two\n");
        check_md("[unclosed link and ![ and (\n", "[unclosed link and ![ and (\n");
    }

    #[test]
    fn text_documents() {
        let doc = read_text("a.txt", b"Lutsk post\r\n\r\nBody text.").unwrap();
        assert_eq!(doc.text, "Lutsk post\n\nBody text.");
        assert_eq!(doc.title.as_deref(), Some("Lutsk post"));
        assert_eq!(doc.id, "a.txt");
        assert!(read_text("e.txt", b"").is_none());
        assert!(read_text("e.txt", b" \n\n ").is_none());
        assert_eq!(read_text("one.txt", b"Only one line").unwrap().title, None);
        let doc = read_markdown("a.md", b"Intro\n\n# **Big** news\n\nBody").unwrap();
        assert_eq!(doc.title.as_deref(), Some("Big news"));
        assert_eq!(doc.text, "Intro\n\nBig news\n\nBody\n");
    }

    #[test]
    fn long_lines_are_dropped_with_a_warning() {
        let long = "word ".repeat(MAX_LINE_BYTES / 5 + 1);
        let mut warnings = Vec::new();
        let doc = Document::new("big.txt", format!("Kept.\n{long}\nAlso kept."));
        let doc = drop_long_lines(doc, &mut warnings).unwrap();
        assert_eq!(doc.text, "Kept.\n\nAlso kept.");
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].to_string().starts_with("big.txt: too large (line 2 of its text is 1048580 bytes"), "{}", warnings[0]);
        assert!(drop_long_lines(Document::new("one.txt", long), &mut warnings).is_none());
        let short = Document::new("s.txt", "a\nb");
        assert_eq!(drop_long_lines(short.clone(), &mut Vec::new()), Some(short));
    }
}
