//! HTML pages and fragments: main text and metadata.
//!
//! # Design
//!
//! A page is read in two passes. The first is a streaming pass over html5ever's tokenizer (no
//! tree, no recursion): it collects the metadata (title, publication date, canonical URL,
//! language), measures how deeply elements nest, and keeps a fallback main text by rules:
//! drop `<nav>`, `<header>`, `<footer>`, `<aside>`, scripts, styles, forms, and elements whose
//! class, id or role names an ad, a comment section, a "most read" list, sharing buttons and
//! the like; prefer the text inside `<article>` (or else `<main>`).
//!
//! A page with exactly one `<article>` keeps that article's text. Other pages get a second
//! pass: `dom_smoothie`'s port of Mozilla's Readability, which scores the page's blocks and
//! finds the article even in markup without `<article>`. Its tree walks take time
//! that grows with the square of the nesting depth, so a page nested deeper than
//! [`MAX_READABILITY_DEPTH`] (or larger than [`MAX_READABILITY_BYTES`]) keeps the first pass's
//! text, as does a page where Readability finds nothing.
//!
//! Feed entries are fragments, not pages: [`fragment_text`] keeps all their text.

use std::cell::RefCell;
use std::collections::HashMap;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tokenizer::states::RawKind;
use html5ever::{local_name, LocalName};
use litopys_model::Document;

use crate::{date, decode};

mod rules;

use rules::{is_block, is_boilerplate, is_void};

/// Pages nested deeper than this are not given to Readability.
const MAX_READABILITY_DEPTH: usize = 256;
/// Pages larger than this are not given to Readability.
const MAX_READABILITY_BYTES: usize = 16 * 1024 * 1024;
/// Open elements tracked at most; deeper start tags are read as if they were empty.
const MAX_STACK: usize = 100_000;
/// Bytes fed to the tokenizer at a time (tendrils hold at most 4 GiB).
const CHUNK: usize = 1024 * 1024;

/// The main text and metadata of the HTML page in `bytes`, or `None` if it has no text.
pub(crate) fn read_page(name: &str, bytes: &[u8]) -> Option<Document> {
    let declared = decode::declared_charset(bytes);
    let html = decode::decode(bytes, declared.as_deref());
    let scan = scan(&html, Mode::Page);
    let single_article = (scan.n_article_seen == 1).then(|| scan.article.clone().finish());
    let mut text = single_article.filter(|t| !t.is_empty());
    if text.is_none() && scan.max_depth <= MAX_READABILITY_DEPTH && html.len() <= MAX_READABILITY_BYTES {
        text = readability_text(&html).filter(|t| !t.is_empty());
    }
    let text = text.unwrap_or_else(|| scan.main_text());
    if text.is_empty() {
        return None;
    }
    let meta = scan.meta;
    Some(Document {
        id: name.to_string(),
        text,
        published: meta.published(),
        source: meta.og_url.or(meta.canonical),
        title: meta.og_title.or(meta.ld_headline).or(meta.title).map(|t| collapse(&t)),
        lang: meta.lang,
    })
}

/// All the text of an HTML fragment (a feed entry's content), paragraphs separated by blank
/// lines, entities decoded, scripts and styles dropped.
pub(crate) fn fragment_text(html: &str) -> String {
    scan(html, Mode::Fragment).all.finish()
}

fn readability_text(html: &str) -> Option<String> {
    let config = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..dom_smoothie::Config::default()
    };
    let mut readability = dom_smoothie::Readability::new(html, None, Some(config)).ok()?;
    let article = readability.parse().ok()?;
    let mut out = TextBuf::default();
    for line in article.text_content.lines() {
        if line.trim().is_empty() {
            out.paragraph();
        } else {
            out.push_text(line);
            out.line();
        }
    }
    Some(out.finish())
}

#[derive(Clone, Copy, Default, PartialEq, Eq)]
enum Mode {
    /// A whole page: boilerplate is dropped and `<article>`/`<main>` preferred.
    #[default]
    Page,
    /// A fragment: everything but scripts and styles is kept.
    Fragment,
}

fn scan(html: &str, mode: Mode) -> Scan {
    let sink = Sink(RefCell::new(Scan { mode, ..Scan::default() }));
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let queue = BufferQueue::default();
    let mut rest = html;
    while !rest.is_empty() {
        let mut at = rest.len().min(CHUNK);
        while !rest.is_char_boundary(at) {
            at -= 1;
        }
        let (chunk, tail) = rest.split_at(at);
        queue.push_back(StrTendril::from_slice(chunk));
        rest = tail;
    }
    // The sink never asks for scripts to run, so one feed reads all the input.
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    tokenizer.sink.0.into_inner()
}

struct Sink(RefCell<Scan>);

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut scan = self.0.borrow_mut();
        match token {
            Token::TagToken(tag) => return scan.tag(tag),
            Token::CharacterTokens(text) => scan.text(&text),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// What the streaming pass collects.
#[derive(Default)]
struct Scan {
    mode: Mode,
    /// Open elements, innermost last.
    stack: Vec<Frame>,
    /// How many of each element are open, so that stray end tags cost nothing.
    n_open: HashMap<LocalName, usize>,
    /// Open elements whose text is dropped.
    n_skip: usize,
    n_article: usize,
    /// How many `<article>` elements the page has (outside dropped elements).
    n_article_seen: usize,
    n_main: usize,
    max_depth: usize,
    /// Text outside dropped elements.
    all: TextBuf,
    article: TextBuf,
    main: TextBuf,
    /// Raw text of the element being collected (`<title>`, JSON-LD), if any.
    raw: Option<(RawTarget, String)>,
    meta: Meta,
}

struct Frame {
    name: LocalName,
    skip: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum RawTarget {
    Title,
    JsonLd,
    Ignore,
}

#[derive(Default)]
struct Meta {
    title: Option<String>,
    og_title: Option<String>,
    ld_headline: Option<String>,
    published_time: Option<String>,
    ld_published: Option<String>,
    time_datetime: Option<String>,
    meta_date: Option<String>,
    og_url: Option<String>,
    canonical: Option<String>,
    lang: Option<String>,
}

impl Meta {
    fn published(&self) -> Option<jiff::civil::Date> {
        [&self.published_time, &self.ld_published, &self.meta_date, &self.time_datetime]
            .into_iter()
            .flatten()
            .find_map(|s| date::parse(s))
    }
}

impl Scan {
    fn tag(&mut self, tag: Tag) -> TokenSinkResult<()> {
        match tag.kind {
            TagKind::StartTag => self.start_tag(tag),
            TagKind::EndTag => {
                self.end_tag(&tag.name);
                TokenSinkResult::Continue
            }
        }
    }

    fn start_tag(&mut self, tag: Tag) -> TokenSinkResult<()> {
        let name = tag.name.clone();
        if self.mode == Mode::Page && self.raw.is_none() {
            self.read_meta(&tag);
        }
        let raw = match name {
            local_name!("script") => {
                let ld = attr(&tag, "type").is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"));
                Some((RawTarget::from_bool(ld && self.mode == Mode::Page), RawKind::ScriptData))
            }
            local_name!("style") | local_name!("xmp") | local_name!("noembed") | local_name!("noframes") => {
                Some((RawTarget::Ignore, RawKind::Rawtext))
            }
            local_name!("title") => Some((RawTarget::Title, RawKind::Rcdata)),
            local_name!("textarea") => Some((RawTarget::Ignore, RawKind::Rcdata)),
            _ => None,
        };
        if let Some((target, kind)) = raw {
            // Raw text elements hold no tags; their text goes to `raw`, not to the output.
            self.raw = Some((target, String::new()));
            return TokenSinkResult::RawData(kind);
        }
        if name == local_name!("br") {
            self.push_break(false);
        }
        if is_block(&name) {
            self.push_break(true);
        }
        if is_void(&name) || tag.self_closing || self.stack.len() >= MAX_STACK {
            return TokenSinkResult::Continue;
        }
        let skip = match self.mode {
            Mode::Page => is_boilerplate(&tag),
            Mode::Fragment => matches!(name, local_name!("noscript") | local_name!("template") | local_name!("svg")),
        };
        self.n_skip += usize::from(skip);
        self.n_article += usize::from(name == local_name!("article"));
        self.n_article_seen += usize::from(name == local_name!("article") && self.n_skip == 0);
        self.n_main += usize::from(name == local_name!("main"));
        *self.n_open.entry(name.clone()).or_default() += 1;
        self.stack.push(Frame { name, skip });
        self.max_depth = self.max_depth.max(self.stack.len());
        TokenSinkResult::Continue
    }

    fn end_tag(&mut self, name: &LocalName) {
        if let Some((target, text)) = self.raw.take() {
            match target {
                RawTarget::Title if self.meta.title.is_none() => self.meta.title = Some(text),
                RawTarget::JsonLd => self.read_json_ld(&text),
                _ => {}
            }
            return;
        }
        if is_block(name) {
            self.push_break(true);
        }
        if self.n_open.get(name).copied().unwrap_or(0) == 0 {
            return;
        }
        while let Some(frame) = self.stack.pop() {
            self.n_skip -= usize::from(frame.skip);
            self.n_article -= usize::from(frame.name == local_name!("article"));
            self.n_main -= usize::from(frame.name == local_name!("main"));
            if let Some(n) = self.n_open.get_mut(&frame.name) {
                *n = n.saturating_sub(1);
            }
            if frame.name == *name {
                break;
            }
        }
    }

    fn text(&mut self, text: &str) {
        if let Some((_, raw)) = &mut self.raw {
            raw.push_str(text);
            return;
        }
        if self.n_skip > 0 {
            return;
        }
        self.all.push_text(text);
        if self.n_article > 0 {
            self.article.push_text(text);
        }
        if self.n_main > 0 {
            self.main.push_text(text);
        }
    }

    fn push_break(&mut self, paragraph: bool) {
        for buf in [&mut self.all, &mut self.article, &mut self.main] {
            if paragraph {
                buf.paragraph();
            } else {
                buf.line();
            }
        }
    }

    fn read_meta(&mut self, tag: &Tag) {
        // A `<time>` in a dropped "most read" list dates another story.
        let kept = self.n_skip == 0;
        let meta = &mut self.meta;
        match tag.name {
            local_name!("html") => {
                if let Some(lang) = attr(tag, "lang").and_then(primary_language) {
                    meta.lang.get_or_insert(lang);
                }
            }
            local_name!("meta") => {
                let Some(content) = attr(tag, "content") else { return };
                let key = attr(tag, "property").or_else(|| attr(tag, "name")).or_else(|| attr(tag, "itemprop"));
                let slot = match key.map(|k| k.to_ascii_lowercase()).as_deref() {
                    Some("og:title") => &mut meta.og_title,
                    Some("og:url") => &mut meta.og_url,
                    Some("article:published_time") => &mut meta.published_time,
                    Some("datepublished" | "date" | "pubdate" | "publish-date" | "dc.date") => {
                        &mut meta.meta_date
                    }
                    _ => return,
                };
                slot.get_or_insert_with(|| content.to_string());
            }
            local_name!("link") => {
                let canonical = attr(tag, "rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical"));
                if let (true, Some(href)) = (canonical, attr(tag, "href")) {
                    meta.canonical.get_or_insert_with(|| href.to_string());
                }
            }
            local_name!("time") if kept => {
                if let Some(dt) = attr(tag, "datetime") {
                    meta.time_datetime.get_or_insert_with(|| dt.to_string());
                }
            }
            _ => {}
        }
    }

    fn read_json_ld(&mut self, text: &str) {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else { return };
        // Walk without recursion: JSON-LD nests `@graph` arrays and objects.
        let mut pending = vec![&value];
        while let Some(value) = pending.pop() {
            match value {
                serde_json::Value::Array(items) => pending.extend(items.iter().rev()),
                serde_json::Value::Object(map) => {
                    if let Some(s) = map.get("datePublished").and_then(|v| v.as_str()) {
                        self.meta.ld_published.get_or_insert_with(|| s.to_string());
                    }
                    if let Some(s) = map.get("headline").and_then(|v| v.as_str()) {
                        self.meta.ld_headline.get_or_insert_with(|| s.to_string());
                    }
                    pending.extend(map.values().rev().filter(|v| v.is_array() || v.is_object()));
                }
                _ => {}
            }
        }
    }

    /// The page's main text: the `<article>`, else the `<main>`, else all kept text.
    fn main_text(&self) -> String {
        [&self.article, &self.main, &self.all]
            .into_iter()
            .map(|buf| buf.clone().finish())
            .find(|text| !text.is_empty())
            .unwrap_or_default()
    }
}

impl RawTarget {
    fn from_bool(json_ld: bool) -> RawTarget {
        if json_ld {
            RawTarget::JsonLd
        } else {
            RawTarget::Ignore
        }
    }
}

/// Text with whitespace collapsed, built up from the tokenizer's pieces.
#[derive(Clone, Default)]
struct TextBuf {
    out: String,
    /// A space is owed before the next word.
    space: bool,
}

impl TextBuf {
    fn push_text(&mut self, text: &str) {
        for (i, word) in text.split(char::is_whitespace).enumerate() {
            if i > 0 {
                self.space = true;
            }
            if word.is_empty() {
                continue;
            }
            if self.space && !self.out.is_empty() && !self.out.ends_with('\n') {
                self.out.push(' ');
            }
            self.space = false;
            self.out.push_str(word);
        }
    }

    fn line(&mut self) {
        self.space = false;
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
    }

    fn paragraph(&mut self) {
        self.line();
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    fn finish(mut self) -> String {
        let end = self.out.trim_end().len();
        self.out.truncate(end);
        self.out
    }
}

fn attr<'t>(tag: &'t Tag, name: &str) -> Option<&'t str> {
    tag.attrs.iter().find(|a| &*a.name.local == name).map(|a| &*a.value)
}

/// `uk-UA` → `uk`.
fn primary_language(lang: &str) -> Option<String> {
    let primary = lang.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (2..=3).contains(&primary.len()).then_some(primary)
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &[u8] = include_bytes!("../../tests/fixtures/article.html");

    #[test]
    fn article_page() {
        let doc = read_page("article.html", ARTICLE).unwrap();
        assert_eq!(doc.title.as_deref(), Some("Recruitment office van set on fire in Kharkiv"));
        assert_eq!(doc.published.map(|d| d.to_string()).as_deref(), Some("2026-03-04"));
        assert_eq!(doc.source.as_deref(), Some("https://example.org/news/kharkiv-van"));
        assert_eq!(doc.lang.as_deref(), Some("en"));
        assert!(doc.text.starts_with("On the night of March 3, unknown persons"), "{}", doc.text);
        assert!(doc.text.contains("minibus was destroyed.\n\nPolice opened"), "{}", doc.text);
        assert!(doc.text.contains("officers\u{2019} cars"), "entities decoded: {}", doc.text);
        for boilerplate in ["Sumy", "Lviv", "Odesa", "Subscribe", "Home", "Copyright", "gtag"] {
            assert!(!doc.text.contains(boilerplate), "{boilerplate} leaked: {}", doc.text);
        }
    }

    #[test]
    fn rules_pass_drops_boilerplate() {
        let scan = scan(std::str::from_utf8(ARTICLE).unwrap(), Mode::Page);
        let text = scan.main_text();
        assert!(text.starts_with("On the night of March 3"), "{text}");
        for boilerplate in ["Sumy", "Lviv", "Odesa", "Subscribe", "Home", "Copyright", "gtag"] {
            assert!(!text.contains(boilerplate), "{boilerplate} leaked: {text}");
        }
    }

    #[test]
    fn div_soup_goes_to_readability() {
        // Written for litopys' tests: a page without <article> or <main>.
        let paragraph = "Residents of the village blocked the road to the district centre for three hours, \
                         demanding that the recruitment officers release a detained neighbour. ";
        let html = format!(
            "<html><body><div id=\"top\"><a href=\"/\">Home</a> | <a href=\"/news\">News</a></div>\
             <div class=\"wrap\"><div class=\"entry-content\"><p>{p}{p}</p><p>{p}</p><p>{p}{p}</p></div>\
             <div class=\"sidebar\"><p>Most popular: a fire in Odesa.</p></div></div></body></html>",
            p = paragraph
        );
        let doc = read_page("soup.html", html.as_bytes()).unwrap();
        assert!(doc.text.starts_with("Residents of the village"), "{}", doc.text);
        assert_eq!(doc.text.matches("\n\n").count(), 2, "{}", doc.text);
        assert!(!doc.text.contains("Odesa") && !doc.text.contains("Home"), "{}", doc.text);
    }

    #[test]
    fn metadata_fallbacks() {
        let html = r#"<html lang="uk-UA"><head><title>Луцьк: сутичка</title>
            <link rel="canonical" href="https://example.org/lutsk">
            <script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2026-02-09T19:05:00+02:00"}]}</script>
            </head><body><aside><time datetime="2025-01-01">old</time></aside>
            <p>Сьогодні &laquo;подія&raquo;.</p></body></html>"#;
        let doc = read_page("p.html", html.as_bytes()).unwrap();
        assert_eq!(doc.title.as_deref(), Some("Луцьк: сутичка"));
        assert_eq!(doc.published.map(|d| d.to_string()).as_deref(), Some("2026-02-09"));
        assert_eq!(doc.source.as_deref(), Some("https://example.org/lutsk"));
        assert_eq!(doc.lang.as_deref(), Some("uk"));
        assert_eq!(doc.text, "Сьогодні «подія».");
    }

    #[test]
    fn time_in_dropped_list_is_ignored() {
        let html = r#"<html><body><aside><time datetime="2025-01-01">old</time></aside>
            <article><time datetime="2026-03-04">4 March</time><p>Text.</p></article></body></html>"#;
        let doc = read_page("t.html", html.as_bytes()).unwrap();
        assert_eq!(doc.published.map(|d| d.to_string()).as_deref(), Some("2026-03-04"));
    }

    #[test]
    fn legacy_charset() {
        let html = "<html><head><meta charset=\"windows-1251\"></head><body><p>Вчера в Кривом Роге.</p></body></html>";
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(html);
        let doc = read_page("ru.html", &bytes).unwrap();
        assert_eq!(doc.text, "Вчера в Кривом Роге.");
    }

    #[test]
    fn deeply_nested_does_not_overflow() {
        let n = 100_000;
        let closed = format!("<html><body>{}<p>deep text</p>{}</body></html>", "<div>".repeat(n), "</div>".repeat(n));
        let doc = read_page("deep.html", closed.as_bytes()).unwrap();
        assert_eq!(doc.text, "deep text");
        let unclosed = format!("<html><body>{}<p>deep text{}", "<div><span>".repeat(n), "</b>".repeat(n));
        let doc = read_page("deep.html", unclosed.as_bytes()).unwrap();
        assert_eq!(doc.text, "deep text");
    }

    #[test]
    fn fragments() {
        assert_eq!(fragment_text("<p>One &amp; two</p><p>Three<br>four</p>"), "One & two\n\nThree\nfour");
        assert_eq!(fragment_text("plain <b>bold</b> text<script>x()</script>"), "plain bold text");
        assert_eq!(fragment_text(""), "");
    }
}
