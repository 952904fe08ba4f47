//! Turning command-line operands into a stream of documents, reporting each bad input by name.
//!
//! # Design
//!
//! JSON Lines inputs (the bulk format: one article per line, any size) are read line by line,
//! so memory stays flat however large the file; other formats are read whole, one input at a
//! time, as `litopys-ingest` reads them. Either way documents come out in input order.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use litopys_ingest::{Batch, Format};
use litopys_model::Document;

/// What reading the operands yields, in order.
pub enum Event {
    /// A document.
    Document(Document),
    /// An operand that could not be read, and why.
    Failed(String),
    /// An operand (by name) that held no text.
    Empty(String),
}

/// Documents of every operand (`-` is standard input), read as they are asked for. Never stops
/// at a bad operand; warnings about single records go to stderr as they are met.
pub struct Stream<'a> {
    operands: std::slice::Iter<'a, PathBuf>,
    published: Option<jiff::civil::Date>,
    lines: Option<Lines>,
    pending: VecDeque<Event>,
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
        Stream { operands: operands.iter(), published, lines: None, pending: VecDeque::new() }
    }

    fn push_batch(&mut self, name: &str, result: Result<Batch, litopys_ingest::Error>) {
        match result {
            Err(e) => self.pending.push_back(Event::Failed(e.to_string())),
            Ok(b) => {
                report(&b);
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
        let (name, reader): (String, Box<dyn Read>) = if path == Path::new("-") {
            ("<stdin>".to_string(), Box::new(std::io::stdin()))
        } else {
            let name = path.display().to_string();
            match File::open(path) {
                Ok(f) if f.metadata().is_ok_and(|m| m.is_file()) => (name, Box::new(f)),
                // folders and unreadable files: the reader's own message
                _ => return self.push_batch(&operand, litopys_ingest::read_path(path)),
            }
        };
        let mut reader = BufReader::with_capacity(1 << 20, reader);
        let head = match reader.fill_buf() {
            Ok(head) => head,
            Err(e) => return self.pending.push_back(Event::Failed(format!("{name}: {e}"))),
        };
        if !head.is_empty() && litopys_ingest::detect(&name, head) == Format::Jsonl {
            self.lines = Some(Lines { name, operand, reader: Box::new(reader), line_no: 0, n_documents: 0, buf: Vec::new() });
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
            report(&batch);
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
            let path = self.operands.next()?;
            self.open(path);
        }
    }
}

/// Records skipped inside an input are reported on stderr.
fn report(b: &Batch) {
    for w in &b.warnings {
        eprintln!("litopys: {w}");
    }
}
