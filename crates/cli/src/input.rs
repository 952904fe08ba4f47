//! Turning command-line operands into a stream of documents, reporting each bad input by name.
//!
//! # Design
//!
//! JSON Lines inputs (the bulk format: one article per line, any size) are read line by line,
//! so memory stays flat however large the file. A large plain-text or Markdown file (over
//! [`SECTION_FILE_BYTES`]: a dump, a year of a channel) is read in sections of about
//! [`SECTION_BYTES`] that end at a blank line, each a document `NAME#sN` dated like the file
//! (its own dateline, else `--published`), so memory stays flat too; an incident told across a
//! section boundary may be missed, a paragraph never is. Other formats are read whole, one
//! input at a time, as `litopys-ingest` reads them. Either way documents come out in input
//! order.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use litopys_ingest::{Batch, Format};
use litopys_model::Document;

/// Plain-text files above this size are read in sections.
pub const SECTION_FILE_BYTES: u64 = 8 << 20;
/// A section's size: it ends at the first blank line after this many bytes.
pub const SECTION_BYTES: usize = 1 << 20;

/// What reading the operands yields, in order.
pub enum Event {
    /// A document.
    Document(Document),
    /// An operand that could not be read, and why.
    Failed(String),
    /// An operand (by name) that held no text.
    Empty(String),
    /// A record inside an operand that could not be read (already named on stderr).
    BadRecord,
}

/// Documents of every operand (`-` is standard input), read as they are asked for. Never stops
/// at a bad operand; warnings about single records go to stderr as they are met.
pub struct Stream<'a> {
    operands: std::slice::Iter<'a, PathBuf>,
    published: Option<jiff::civil::Date>,
    lines: Option<Lines>,
    sections: Option<Sections>,
    pending: VecDeque<Event>,
}

/// A large plain-text input being read in sections.
struct Sections {
    name: String,
    reader: Box<dyn BufRead>,
    n_sections: usize,
    published: Option<jiff::civil::Date>,
    line: Vec<u8>,
    line_no: usize,
}

impl Sections {
    /// The next section (paragraphs up to about [`SECTION_BYTES`]), or `None` at the end.
    fn next_section(&mut self) -> Option<Event> {
        let mut text = String::new();
        loop {
            self.line.clear();
            let limit = (SECTION_BYTES + 1) as u64;
            match self.reader.by_ref().take(limit).read_until(b'\n', &mut self.line) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => return Some(Event::Failed(format!("{}: {e}", self.name))),
            }
            self.line_no += 1;
            if self.line.len() > SECTION_BYTES && !self.line.ends_with(b"\n") {
                // a line over a megabyte is a dump, not a paragraph: skip the rest of it, as
                // `litopys-ingest` drops such a line of a file read whole
                let mut n_bytes = self.line.len();
                let mut rest = Vec::new();
                while let Ok(n) = self.reader.by_ref().take(limit).read_until(b'\n', &mut rest) {
                    let ended = n == 0 || rest.ends_with(b"\n");
                    n_bytes += rest.len() - usize::from(rest.ends_with(b"\n"));
                    rest.clear();
                    if ended {
                        break;
                    }
                }
                eprintln!(
                    "litopys: {}: too large (line {} of its text is {n_bytes} bytes, over the limit of {SECTION_BYTES}; skipped)",
                    self.name, self.line_no
                );
                text.push('\n');
                continue;
            }
            let line = String::from_utf8_lossy(&self.line);
            let blank = line.trim().is_empty();
            text.push_str(line.trim_end_matches(['\n', '\r']));
            text.push('\n');
            if blank && text.len() >= SECTION_BYTES {
                break;
            }
        }
        if text.trim().is_empty() {
            return None;
        }
        self.n_sections += 1;
        let mut doc = Document::new(format!("{}#s{}", self.name, self.n_sections), text);
        doc.source = Some(self.name.clone());
        doc.published = self.published;
        Some(Event::Document(doc))
    }
}

/// A JSON Lines input being read.
struct Lines {
    name: String,
    operand: String,
    reader: Box<dyn BufRead>,
    line_no: usize,
    n_documents: usize,
    buf: Vec<u8>,
}

impl<'a> Stream<'a> {
    /// A stream over `operands`; documents without a date get `published`.
    pub fn new(operands: &'a [PathBuf], published: Option<jiff::civil::Date>) -> Stream<'a> {
        Stream { operands: operands.iter(), published, lines: None, sections: None, pending: VecDeque::new() }
    }

    fn push_batch(&mut self, name: &str, result: Result<Batch, litopys_ingest::Error>) {
        match result {
            Err(e) => self.pending.push_back(Event::Failed(e.to_string())),
            Ok(b) => {
                for _ in 0..report(&b) {
                    self.pending.push_back(Event::BadRecord);
                }
                if b.documents.is_empty() {
                    self.pending.push_back(Event::Empty(name.to_string()));
                }
                for d in b.documents {
                    self.pending.push_back(Event::Document(self.dated(d)));
                }
            }
        }
    }

    fn dated(&self, mut d: Document) -> Document {
        if d.published.is_none() {
            d.published = self.published;
        }
        d
    }

    /// Opens the next operand: a JSON Lines input becomes `self.lines`, anything else is read
    /// whole into `self.pending`.
    fn open(&mut self, path: &Path) {
        let operand = path.display().to_string();
        let mut size = 0;
        let (name, reader): (String, Box<dyn Read>) = if path == Path::new("-") {
            ("<stdin>".to_string(), Box::new(std::io::stdin()))
        } else {
            let name = path.display().to_string();
            match File::open(path) {
                Ok(f) if f.metadata().is_ok_and(|m| m.is_file()) => {
                    size = f.metadata().map_or(0, |m| m.len());
                    (name, Box::new(f))
                }
                // folders and unreadable files: the reader's own message
                _ => return self.push_batch(&operand, litopys_ingest::read_path(path)),
            }
        };
        let mut reader = BufReader::with_capacity(1 << 20, reader);
        let head = match reader.fill_buf() {
            Ok(head) => head,
            Err(e) => return self.pending.push_back(Event::Failed(format!("{name}: {e}"))),
        };
        let format = litopys_ingest::detect(&name, head);
        if !head.is_empty() && format == Format::Jsonl {
            self.lines = Some(Lines { name, operand, reader: Box::new(reader), line_no: 0, n_documents: 0, buf: Vec::new() });
            return;
        }
        if size > SECTION_FILE_BYTES && matches!(format, Format::Text | Format::Markdown) && is_utf8_start(head) {
            // the file's own date, from its first section's dateline or its name
            let own = litopys_ingest::read_bytes(&name, head.get(..head.len().min(64 * 1024)).unwrap_or(head)).ok();
            let own = own.and_then(|b| b.documents.first().and_then(|d| d.published));
            self.sections = Some(Sections { name, reader: Box::new(reader), n_sections: 0, published: own.or(self.published), line: Vec::new(), line_no: 0 });
            return;
        }
        if path == Path::new("-") {
            let mut bytes = Vec::new();
            let result = match reader.read_to_end(&mut bytes) {
                Ok(_) => litopys_ingest::read_bytes(&name, &bytes),
                Err(e) => return self.pending.push_back(Event::Failed(format!("{name}: {e}"))),
            };
            self.push_batch(&operand, result);
        } else {
            drop(reader);
            self.push_batch(&operand, litopys_ingest::read_path(path));
        }
    }

    /// The next event of the JSON Lines input being read, if it has more.
    fn next_line(&mut self) -> Option<Event> {
        let lines = self.lines.as_mut()?;
        loop {
            lines.buf.clear();
            match lines.reader.read_until(b'\n', &mut lines.buf) {
                Ok(0) => {
                    let done = self.lines.take()?;
                    return (done.n_documents == 0).then_some(Event::Empty(done.operand));
                }
                Ok(_) => {}
                Err(e) => {
                    let done = self.lines.take()?;
                    return Some(Event::Failed(format!("{}: {e}", done.name)));
                }
            }
            lines.line_no += 1;
            let mut batch = Batch::default();
            litopys_ingest::read_jsonl_line(&lines.name, lines.line_no, &lines.buf, &mut batch);
            if report(&batch) > 0 {
                return Some(Event::BadRecord);
            }
            if let Some(d) = batch.documents.pop() {
                lines.n_documents += 1;
                let mut d = d;
                if d.published.is_none() {
                    d.published = self.published;
                }
                return Some(Event::Document(d));
            }
        }
    }
}

impl Iterator for Stream<'_> {
    type Item = Event;

    fn next(&mut self) -> Option<Event> {
        loop {
            if let Some(e) = self.pending.pop_front() {
                return Some(e);
            }
            if self.lines.is_some() {
                if let Some(e) = self.next_line() {
                    return Some(e);
                }
                continue;
            }
            if let Some(sections) = self.sections.as_mut() {
                match sections.next_section() {
                    Some(e) => return Some(e),
                    None => {
                        self.sections = None;
                        continue;
                    }
                }
            }
            let path = self.operands.next()?;
            self.open(path);
        }
    }
}

/// True if `head` is UTF-8, perhaps cut inside its last character: sections are read as UTF-8
/// (a legacy code page is decoded whole, by `litopys-ingest`).
fn is_utf8_start(head: &[u8]) -> bool {
    match std::str::from_utf8(head) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    }
}

/// Records skipped inside an input are reported on stderr; returns how many.
fn report(b: &Batch) -> usize {
    for w in &b.warnings {
        eprintln!("litopys: {w}");
    }
    b.warnings.len()
}
