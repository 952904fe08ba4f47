//! Reading news reports into [`Document`]s.
//!
//! # Brief overview
//!
//! litopys reads reports in whatever form they were collected: a saved article page, a text
//! copied from a site, a Telegram channel export, a feed, a web archive. This crate turns each
//! input into [`Document`]s whose `text` is exactly what the extractor sees (all spans index
//! into it), with the publication date, the title, the source link and the language when the
//! input carries them.
//!
//! | Format | Detected by | Documents |
//! |---|---|---|
//! | [`Format::Warc`] | starts with `WARC/1.` (or gzip holding that) · `.warc`, `.warc.gz` | one per `response` record with an HTML or text payload |
//! | [`Format::Telegram`] | a JSON object with a `"messages": [` array (Telegram Desktop's `result.json`) | one per message of type `message` with text |
//! | [`Format::Jsonl`] | first line is a JSON object · `.jsonl`, `.ndjson` | one per line `{"text", "url", "published", "title", "lang"}` |
//! | [`Format::Feed`] | `<rss`, `<feed` or `<rdf:RDF` at the start · `.rss`, `.atom`, `.xml` | one per entry |
//! | [`Format::Html`] | `<!doctype html`, `<html` at the start · `.html`, `.htm`, `.xhtml` | the page's main text |
//! | [`Format::Markdown`] | `.md`, `.markdown` | the text with the markup stripped |
//! | [`Format::Text`] | anything else | the whole text |
//!
//! Content decides first, the file name second: a page saved as `article.txt` is still read as
//! HTML. [`Reader::format`] forces a format.
//!
//! Every document gets the publication date it carries: the format's own field (HTML
//! metadata, a feed entry's date, a Telegram message's date, a JSON Lines `published`), else a
//! dateline or byline at the top of its text (`19:59, 8 листопада 2025`, `May 18, 2024 8:11
//! PM`), else, for a single-document file, a date in its name (`2026-03-15-kharkiv.txt`); see
//! the `dateline` module. A document with none of these has `published: None`, and the
//! caller decides (a `--published` fallback, or a warning).
//!
//! Text is decoded from UTF-8 (a byte order mark is dropped), UTF-16 with a byte order mark,
//! or a legacy code page (windows-1251, KOI8-R, ...) that `chardetng` recognises. Line endings
//! become `\n`; paragraphs are separated by a blank line, so later stages can segment.
//!
//! # Example
//!
//! ```
//! let batch = litopys_ingest::read_bytes("post.txt", "Луцьк.\n\nСьогодні ...".as_bytes()).unwrap();
//! assert_eq!(batch.documents.len(), 1);
//! assert_eq!(batch.documents[0].id, "post.txt");
//! assert_eq!(batch.documents[0].title.as_deref(), Some("Луцьк."));
//! ```
//!
//! # Design
//!
//! * One input may hold many documents, and some of its records may be broken. A broken input
//!   is an [`Error`]; a broken record is a warning in [`Batch::warnings`] and the other records
//!   are kept (rust-analyzer's `(T, Vec<Error>)`).
//! * Nothing that an input can contain panics or exhausts memory: inputs above
//!   [`Reader::max_bytes`] are refused before they are read, gzip is inflated up to that limit
//!   only, XML entities are not expanded, and HTML of any nesting depth is read without
//!   recursion (see the `html` module). A line of a document's text above 1 MiB is dropped
//!   with a warning: no report has such a paragraph, and extracting one would take minutes.
//! * Document ids are stable across runs: the input's name for single-document inputs,
//!   `name#N` for multi-document ones (the N-th record from 1, or line N of JSON Lines), and
//!   `telegram:CHAT/MESSAGE` for Telegram messages.
#![deny(missing_docs)]

mod date;
mod dateline;
mod decode;
mod error;
mod feed;
mod html;
mod jsonl;
mod telegram;
mod text;
mod walk;
mod warc;

use std::io::Read;
use std::path::{Path, PathBuf};

pub use error::{Error, ErrorKind};
pub use litopys_model::Document;
pub use walk::Walk;

/// The input formats this crate reads. See the [crate docs](crate) for how each is detected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// Plain text: one document.
    Text,
    /// Markdown: one document, the markup stripped.
    Markdown,
    /// An HTML page: one document, its main text.
    Html,
    /// A Telegram Desktop chat export (`result.json`): one document per message.
    Telegram,
    /// JSON Lines, one object per line: one document per line.
    Jsonl,
    /// An RSS or Atom feed: one document per entry.
    Feed,
    /// A WARC web archive, plain or gzipped: one document per response record.
    Warc,
}

impl Format {
    pub(crate) fn description(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
            Format::Telegram => "Telegram export",
            Format::Jsonl => "JSON Lines",
            Format::Feed => "feed",
            Format::Warc => "WARC",
        }
    }
}

/// What one input yielded: its documents, and the records that were skipped.
#[derive(Clone, Debug, Default)]
pub struct Batch {
    /// The documents, in input order.
    pub documents: Vec<Document>,
    /// One error per record that could not be read; the input's other records are in
    /// `documents`.
    pub warnings: Vec<Error>,
}

/// Reading settings. `Reader::default()` is what the free functions use.
#[derive(Clone, Debug)]
pub struct Reader {
    /// The largest input read, in bytes; larger ones are [`ErrorKind::TooLarge`] (and gzipped
    /// WARC files are inflated up to this size). Default: 256 MiB.
    pub max_bytes: u64,
    /// Read every input as this format instead of detecting it.
    pub format: Option<Format>,
}

impl Default for Reader {
    fn default() -> Reader {
        Reader { max_bytes: 256 * 1024 * 1024, format: None }
    }
}

impl Reader {
    /// Reads the documents in `bytes`; `name` identifies the input in ids and errors.
    pub fn read_bytes(&self, name: &str, bytes: &[u8]) -> Result<Batch, Error> {
        if bytes.len() as u64 > self.max_bytes {
            return Err(too_large(name, self.max_bytes));
        }
        let format = self.format.unwrap_or_else(|| detect(name, bytes));
        if format != Format::Warc && decode::is_binary(bytes) {
            return Err(Error::new(name, ErrorKind::Binary, ""));
        }
        let single = |doc: Option<Document>| Batch { documents: doc.into_iter().collect(), warnings: vec![] };
        let batch = match format {
            Format::Text => single(text::read_text(name, bytes)),
            Format::Markdown => single(text::read_markdown(name, bytes)),
            Format::Html => single(html::read_page(name, bytes)),
            Format::Telegram => telegram::read(name, bytes)?,
            Format::Jsonl => jsonl::read(name, bytes),
            Format::Feed => feed::read(name, bytes)?,
            Format::Warc => warc::read(name, bytes, self.max_bytes)?,
        };
        // a line of hundreds of megabytes would cost extraction minutes: drop it, say so
        let Batch { documents, mut warnings } = batch;
        let single = matches!(format, Format::Text | Format::Markdown | Format::Html);
        let documents = documents
            .into_iter()
            .filter_map(|doc| text::drop_long_lines(doc, &mut warnings))
            .map(|doc| own_date(doc, name, single))
            .collect();
        Ok(Batch { documents, warnings })
    }

    /// Reads the file at `path`. Files above [`Reader::max_bytes`] are refused without being read.
    pub fn read_path(&self, path: &Path) -> Result<Batch, Error> {
        let name = path.display().to_string();
        let file = std::fs::File::open(path).map_err(|e| Error::io(&name, &e))?;
        let meta = file.metadata().map_err(|e| Error::io(&name, &e))?;
        if meta.is_dir() {
            return Err(Error::new(&name, ErrorKind::Io, "is a folder"));
        }
        if meta.len() > self.max_bytes {
            return Err(too_large(&name, self.max_bytes));
        }
        let bytes = self.read_limited(&name, file)?;
        self.read_bytes(&name, &bytes)
    }

    /// Reads standard input; its documents are named `-`.
    pub fn read_stdin(&self) -> Result<Batch, Error> {
        let bytes = self.read_limited("-", std::io::stdin().lock())?;
        self.read_bytes("-", &bytes)
    }

    /// Reads every file under `paths`: see [`Walk`].
    pub fn walk(&self, paths: &[PathBuf]) -> Walk {
        Walk::new(self.clone(), paths)
    }

    fn read_limited(&self, name: &str, reader: impl Read) -> Result<Vec<u8>, Error> {
        let mut bytes = Vec::new();
        reader
            .take(self.max_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io(name, &e))?;
        if bytes.len() as u64 > self.max_bytes {
            return Err(too_large(name, self.max_bytes));
        }
        Ok(bytes)
    }
}

/// Reads the documents in `bytes` with the default [`Reader`].
pub fn read_bytes(name: &str, bytes: &[u8]) -> Result<Batch, Error> {
    Reader::default().read_bytes(name, bytes)
}

/// Reads the file at `path` with the default [`Reader`].
pub fn read_path(path: &Path) -> Result<Batch, Error> {
    Reader::default().read_path(path)
}

/// Reads every file under `paths` with the default [`Reader`]: see [`Walk`].
pub fn walk(paths: &[PathBuf]) -> Walk {
    Reader::default().walk(paths)
}

/// Reads line `line_no` (counting from 1) of the JSON Lines input `name` into `batch`, as
/// [`read_bytes`] reads that line of the whole input: the same document id and warnings. For
/// callers that stream a large file line by line instead of holding it in memory; the line is
/// taken as UTF-8 (invalid bytes replaced).
pub fn read_jsonl_line(name: &str, line_no: usize, line: &[u8], batch: &mut Batch) {
    let line = String::from_utf8_lossy(line);
    let line = line.strip_prefix('\u{FEFF}').unwrap_or(&line);
    jsonl::read_line(name, line_no, line.trim_end_matches(['\n', '\r']), batch);
}

/// The format of an input: by its content first, then by its name's extension.
pub fn detect(name: &str, bytes: &[u8]) -> Format {
    detect_content(bytes).unwrap_or_else(|| detect_name(name))
}

pub(crate) fn detect_content(bytes: &[u8]) -> Option<Format> {
    if bytes.starts_with(&[0x1F, 0x8B]) {
        return warc::is_gzipped_warc(bytes).then_some(Format::Warc);
    }
    let head = bytes.get(..64 * 1024).unwrap_or(bytes);
    let head = decode::decode(head, None);
    let head = head.trim_start_matches(['\u{FEFF}', ' ', '\t', '\r', '\n']);
    if head.starts_with("WARC/1.") || head.starts_with("WARC/0.") {
        return Some(Format::Warc);
    }
    if head.starts_with('{') {
        if has_messages_array(head) {
            return Some(Format::Telegram);
        }
        let first_line = head.lines().next().unwrap_or_default();
        if serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(first_line).is_ok() {
            return Some(Format::Jsonl);
        }
        return None;
    }
    if !head.starts_with('<') {
        return None;
    }
    let start: String = head.chars().take(4096).collect::<String>().to_ascii_lowercase();
    let mut start = start.as_str();
    // Skip the XML declaration, comments, processing instructions and a non-HTML document type
    // declaration (with its internal subset) before the root element.
    loop {
        let end = if let Some(rest) = start.strip_prefix("<?").or_else(|| start.strip_prefix("<!--")) {
            rest.find('>').map(|i| i + 1 + (start.len() - rest.len()))
        } else if start.starts_with("<!doctype") && !start.starts_with("<!doctype html") {
            let subset = start.find('[').filter(|&b| start.find('>').is_some_and(|a| b < a));
            match subset {
                Some(_) => start.find("]>").map(|i| i + 2),
                None => start.find('>').map(|i| i + 1),
            }
        } else {
            break;
        };
        start = start.get(end.unwrap_or(start.len())..).unwrap_or_default().trim_start();
    }
    if ["<rss", "<feed", "<rdf:rdf"].iter().any(|tag| start.starts_with(tag)) {
        return Some(Format::Feed);
    }
    if start.starts_with("<!doctype html") || start.starts_with("<html") {
        return Some(Format::Html);
    }
    if ["<head", "<body", "<meta", "<title", "<div", "<p>", "<article"]
        .iter()
        .any(|tag| start.contains(tag))
    {
        return Some(Format::Html);
    }
    None
}

fn has_messages_array(head: &str) -> bool {
    let mut rest = head;
    while let Some(at) = rest.find("\"messages\"") {
        rest = rest.get(at + "\"messages\"".len()..).unwrap_or_default();
        let after = rest.trim_start();
        if let Some(after) = after.strip_prefix(':') {
            if after.trim_start().starts_with('[') {
                return true;
            }
        }
    }
    false
}

fn detect_name(name: &str) -> Format {
    let name = name.to_ascii_lowercase();
    let ext = name.rsplit_once('.').map_or("", |(_, ext)| ext);
    match ext {
        _ if name.ends_with(".warc.gz") => Format::Warc,
        "warc" => Format::Warc,
        "md" | "markdown" => Format::Markdown,
        "html" | "htm" | "xhtml" => Format::Html,
        "json" => Format::Telegram,
        "jsonl" | "ndjson" => Format::Jsonl,
        "rss" | "atom" | "xml" => Format::Feed,
        _ => Format::Text,
    }
}

/// `doc` with its publication date read from its own text (a dateline or byline at the top)
/// when its format gave none, or else, for a single-document input, from the file name.
fn own_date(mut doc: Document, name: &str, single: bool) -> Document {
    if doc.published.is_none() {
        doc.published = dateline::from_text(&doc.text).or_else(|| single.then(|| dateline::from_name(name)).flatten());
    }
    doc
}

fn too_large(name: &str, limit: u64) -> Error {
    Error::new(name, ErrorKind::TooLarge, format!("over the limit of {limit} bytes"))
}

#[cfg(test)]
mod tests;
