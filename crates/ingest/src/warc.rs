//! WARC web archives (ISO 28500), plain or gzipped.
//!
//! A small parser of our own: the records we need are simple, and a parser that trusts
//! nothing is easier to keep panic-free than to wrap. Each `response` record whose HTTP
//! payload is HTML or text (and each `resource` record that is) becomes a document: HTTP
//! headers stripped, chunked transfer and gzip content encodings undone, `WARC-Target-URI` as
//! the source, `WARC-Date` as the publication date when the page gives none. A record whose
//! `Content-Length` does not match what follows is a warning, and reading goes on at the next
//! `WARC/` record header.

use std::io::Read;

use flate2::read::{GzDecoder, MultiGzDecoder};
use litopys_model::Document;

use crate::decode::find;
use crate::{date, html, text, Batch, Error, ErrorKind, Format};

/// True if `bytes` is gzip whose content starts with a WARC record header.
pub(crate) fn is_gzipped_warc(bytes: &[u8]) -> bool {
    let mut head = [0u8; 5];
    GzDecoder::new(bytes).read_exact(&mut head).is_ok() && &head == b"WARC/"
}

/// One document per HTML or text response record, with ids `input#N` (the N-th record).
pub(crate) fn read(name: &str, bytes: &[u8], max_bytes: u64) -> Result<Batch, Error> {
    if bytes.starts_with(&[0x1F, 0x8B]) {
        let inflated = inflate(name, bytes, max_bytes)?;
        return Ok(read_records(name, &inflated, max_bytes));
    }
    Ok(read_records(name, bytes, max_bytes))
}

fn inflate(name: &str, bytes: &[u8], max_bytes: u64) -> Result<Vec<u8>, Error> {
    let mut out = Vec::new();
    MultiGzDecoder::new(bytes)
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| Error::malformed(name, Format::Warc, format!("bad gzip data: {e}")))?;
    if out.len() as u64 > max_bytes {
        let detail = format!("over the limit of {max_bytes} bytes once inflated");
        return Err(Error::new(name, ErrorKind::TooLarge, detail));
    }
    Ok(out)
}

fn read_records(name: &str, bytes: &[u8], max_bytes: u64) -> Batch {
    let mut batch = Batch::default();
    let mut pos = 0;
    let mut record_idx = 0;
    loop {
        let rest = bytes.get(pos..).unwrap_or_default();
        let skip = rest.iter().take_while(|b| b.is_ascii_whitespace()).count();
        pos += skip;
        let rest = bytes.get(pos..).unwrap_or_default();
        if rest.is_empty() {
            break;
        }
        record_idx += 1;
        let at = format!("{name}#{record_idx}");
        let warn = |batch: &mut Batch, detail: String| {
            batch.warnings.push(Error::malformed(&at, Format::Warc, detail));
        };
        if !rest.starts_with(b"WARC/") {
            warn(&mut batch, "expected a WARC record header".into());
            match next_record(rest, 1) {
                Some(next) => pos += next,
                None => break,
            }
            continue;
        }
        let Some((header, header_len)) = split_header(rest) else {
            warn(&mut batch, "record header does not end".into());
            break;
        };
        let fields = Fields::parse(header);
        let Some(length) = fields.get("content-length").and_then(|l| l.trim().parse::<usize>().ok()) else {
            warn(&mut batch, "record has no valid Content-Length".into());
            match next_record(rest, header_len) {
                Some(next) => pos += next,
                None => break,
            }
            continue;
        };
        let block = header_len.checked_add(length).and_then(|end| rest.get(header_len..end));
        let after = header_len.saturating_add(length);
        let boundary_ok = block.is_some() && {
            let tail = rest.get(after..).unwrap_or_default();
            let gap = tail.iter().take_while(|b| b.is_ascii_whitespace()).count();
            let tail = tail.get(gap..).unwrap_or_default();
            tail.is_empty() || tail.starts_with(b"WARC/")
        };
        let (Some(block), true) = (block, boundary_ok) else {
            warn(&mut batch, format!("Content-Length {length} does not match the record"));
            match next_record(rest, header_len) {
                Some(next) => pos += next,
                None => break,
            }
            continue;
        };
        pos += after;
        match record_document(&at, &fields, block, max_bytes) {
            Ok(Some(doc)) => batch.documents.push(doc),
            Ok(None) => {}
            Err(detail) => warn(&mut batch, detail),
        }
    }
    batch
}

/// Offset of the next line starting with `WARC/1.` or `WARC/0.` at or after `from`.
fn next_record(bytes: &[u8], from: usize) -> Option<usize> {
    let mut start = from;
    loop {
        let found = find(bytes.get(start..)?, b"\nWARC/")? + start + 1;
        if matches!(bytes.get(found + 5..found + 7), Some(b"1." | b"0.")) {
            return Some(found);
        }
        start = found;
    }
}

/// The header block (without its blank line) and the length including the blank line.
fn split_header(bytes: &[u8]) -> Option<(&[u8], usize)> {
    let crlf = find(bytes, b"\r\n\r\n").map(|i| (i, i + 4));
    let lf = find(bytes, b"\n\n").map(|i| (i, i + 2));
    let (end, len) = match (crlf, lf) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b)?,
    };
    Some((bytes.get(..end)?, len))
}

/// Header fields, names lowercased.
struct Fields(Vec<(String, String)>);

impl Fields {
    fn parse(header: &[u8]) -> Fields {
        let header = String::from_utf8_lossy(header);
        let fields = header
            .lines()
            .skip(1)
            .filter_map(|line| line.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        Fields(fields)
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

/// The document in a record block, `None` if the record holds none.
fn record_document(at: &str, fields: &Fields, block: &[u8], max_bytes: u64) -> Result<Option<Document>, String> {
    let warc_type = fields.get("warc-type").unwrap_or_default().to_ascii_lowercase();
    let warc_content_type = fields.get("content-type").unwrap_or_default().to_ascii_lowercase();
    let (content_type, body) = match warc_type.as_str() {
        "response" if warc_content_type.starts_with("application/http") => {
            let Some((head, head_len)) = split_header(block) else {
                return Err("HTTP response headers do not end".into());
            };
            let http = Fields::parse(head);
            let mut body = block.get(head_len..).unwrap_or_default().to_vec();
            if http.get("transfer-encoding").is_some_and(|t| t.eq_ignore_ascii_case("chunked")) {
                body = dechunk(&body).ok_or("bad chunked transfer encoding")?;
            }
            if http.get("content-encoding").is_some_and(|e| e.eq_ignore_ascii_case("gzip")) {
                let mut out = Vec::new();
                MultiGzDecoder::new(body.as_slice())
                    .take(max_bytes)
                    .read_to_end(&mut out)
                    .map_err(|e| format!("bad gzip content encoding: {e}"))?;
                body = out;
            }
            (http.get("content-type").unwrap_or_default().to_ascii_lowercase(), body)
        }
        "response" | "resource" => (warc_content_type, block.to_vec()),
        _ => return Ok(None),
    };
    let doc = if content_type.contains("html") {
        html::read_page(at, &body)
    } else if content_type.starts_with("text/") {
        text::read_text(at, &body)
    } else {
        None
    };
    Ok(doc.map(|mut doc| {
        doc.id = at.to_string();
        if let Some(uri) = fields.get("warc-target-uri") {
            doc.source = Some(uri.trim_matches(['<', '>']).to_string());
        }
        doc.published = doc.published.or_else(|| fields.get("warc-date").and_then(date::parse));
        doc
    }))
}

/// The body of a `Transfer-Encoding: chunked` message.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = find(body, b"\r\n")?;
        let size_line = std::str::from_utf8(body.get(..line_end)?).ok()?;
        let size = usize::from_str_radix(size_line.split(';').next()?.trim(), 16).ok()?;
        body = body.get(line_end + 2..)?;
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size..)?;
        body = body.strip_prefix(b"\r\n").unwrap_or(body);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn record(warc_type: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.0\r\nWARC-Type: {warc_type}\r\nWARC-Target-URI: {uri}\r\n\
             WARC-Date: 2026-03-04T06:00:00Z\r\nContent-Type: {content_type}\r\n\
             Content-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    fn http(content_type: &str, extra: &str, body: &[u8]) -> Vec<u8> {
        let mut out = format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n{extra}\r\n").into_bytes();
        out.extend_from_slice(body);
        out
    }

    /// An archive written for litopys' tests: invented pages.
    fn archive() -> Vec<u8> {
        let page = b"<html lang=\"uk\"><body><nav>Menu</nav><article><p>Kharkiv: a van burned.</p></article></body></html>";
        let mut out = record("warcinfo", "", "application/warc-fields", b"software: litopys tests\r\n");
        out.extend(record("request", "https://example.org/a", "application/http; msgtype=request", b"GET /a HTTP/1.1\r\n\r\n"));
        out.extend(record("response", "https://example.org/a", "application/http; msgtype=response", &http("text/html; charset=utf-8", "", page)));
        out.extend(record("response", "https://example.org/img.png", "application/http; msgtype=response", &http("image/png", "", b"\x89PNG\0\0")));
        out.extend(record("response", "https://example.org/b.txt", "application/http; msgtype=response",
            &http("text/plain", "Transfer-Encoding: chunked\r\n", b"5\r\nSumy:\r\na\r\n a protest\r\n0\r\n\r\n")));
        out
    }

    #[test]
    fn reads_responses() {
        let batch = read("a.warc", &archive(), u64::MAX).unwrap();
        assert!(batch.warnings.is_empty(), "{:?}", batch.warnings);
        assert_eq!(batch.documents.len(), 2);
        let page = &batch.documents[0];
        assert_eq!(page.id, "a.warc#3");
        assert_eq!(page.text, "Kharkiv: a van burned.");
        assert_eq!(page.source.as_deref(), Some("https://example.org/a"));
        assert_eq!(page.published.map(|d| d.to_string()).as_deref(), Some("2026-03-04"));
        assert_eq!(page.lang.as_deref(), Some("uk"));
        assert_eq!(batch.documents[1].text, "Sumy: a protest");
        assert_eq!(batch.documents[1].id, "a.warc#5");
    }

    #[test]
    fn gzipped() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&archive()).unwrap();
        let bytes = gz.finish().unwrap();
        assert!(is_gzipped_warc(&bytes));
        assert_eq!(read("a.warc.gz", &bytes, u64::MAX).unwrap().documents.len(), 2);
        let err = read("a.warc.gz", &bytes, 100).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::TooLarge);
    }

    #[test]
    fn lying_content_length() {
        let good = record("resource", "https://example.org/c", "text/plain", b"Odesa: a fire.");
        let mut bad = record("resource", "https://example.org/d", "text/plain", b"Lviv: a protest.");
        let text = String::from_utf8(bad.clone()).unwrap().replace("Content-Length: 16", "Content-Length: 5");
        bad = text.into_bytes();
        let mut bytes = bad.clone();
        bytes.extend(&good);
        let mut too_long = String::from_utf8(good.clone()).unwrap().replace("Content-Length: 14", "Content-Length: 999");
        too_long.insert_str(0, "\r\n");
        bytes.extend(too_long.as_bytes());
        let batch = read("lies.warc", &bytes, u64::MAX).unwrap();
        let texts: Vec<&str> = batch.documents.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(texts, ["Odesa: a fire."]);
        let warnings: Vec<String> = batch.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(
            warnings,
            [
                "lies.warc#1: malformed WARC: Content-Length 5 does not match the record",
                "lies.warc#3: malformed WARC: Content-Length 999 does not match the record",
            ]
        );
    }

    #[test]
    fn chunked() {
        assert_eq!(dechunk(b"3\r\nabc\r\n2;x=1\r\nde\r\n0\r\n\r\n").as_deref(), Some(&b"abcde"[..]));
        assert_eq!(dechunk(b"ff\r\nabc"), None);
        assert_eq!(dechunk(b"zz\r\n"), None);
    }
}
