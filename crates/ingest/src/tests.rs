//! Tests across formats: detection, limits, and random input.

use super::*;

#[test]
fn detects_by_content_then_name() {
    let check = |name: &str, bytes: &[u8], expect: Format| assert_eq!(detect(name, bytes), expect, "{name}");
    check("x.txt", b"<!DOCTYPE html><html><body>", Format::Html);
    check("x", b"\xEF\xBB\xBF  <html lang=uk>", Format::Html);
    check("x.txt", b"<?xml version=\"1.0\"?>\n<!-- c -->\n<rss version=\"2.0\">", Format::Feed);
    check("x", b"<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY a \"b\">\n]>\n<rss>", Format::Feed);
    check("x", b"<!DOCTYPE rss SYSTEM \"x.dtd\"><rss>", Format::Feed);
    check("x", b"<feed xmlns=\"http://www.w3.org/2005/Atom\">", Format::Feed);
    check("x", b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", Format::Warc);
    check("result.txt", b"{\n \"name\": \"c\",\n \"messages\" : [\n", Format::Telegram);
    check("x", b"{\"text\": \"a\"}\n{\"text\": \"b\"}\n", Format::Jsonl);
    check("notes.md", b"# Title\n\ntext", Format::Markdown);
    check("page.htm", b"no markup at all", Format::Html);
    check("feed.xml", b"", Format::Feed);
    check("a.warc.gz", b"", Format::Warc);
    check("data.jsonl", b"", Format::Jsonl);
    check("post", b"just text", Format::Text);
    check("odd.txt", b"<not html>", Format::Text);
}

#[test]
fn reads_by_detected_format() {
    let batch = read_bytes("x.bin", b"<html><body><p>Hi</p></body></html>").unwrap();
    assert_eq!(batch.documents[0].text, "Hi");
    let err = read_bytes("weekly.html", b"\x00\x01binary").unwrap_err();
    assert_eq!(err.to_string(), "weekly.html: not a text file (binary content)");
    assert!(read_bytes("empty.txt", b"").unwrap().documents.is_empty());
}

#[test]
fn forced_format() {
    let reader = Reader { format: Some(Format::Text), ..Reader::default() };
    let batch = reader.read_bytes("p.html", b"<p>kept as is</p>").unwrap();
    assert_eq!(batch.documents[0].text, "<p>kept as is</p>");
}

#[test]
fn size_limit() {
    let reader = Reader { max_bytes: 10, ..Reader::default() };
    let err = reader.read_bytes("big.txt", b"more than ten bytes").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::TooLarge);
    assert_eq!(err.to_string(), "big.txt: too large (over the limit of 10 bytes)");
    let path = std::env::temp_dir().join(format!("litopys-ingest-big-{}.txt", std::process::id()));
    std::fs::write(&path, "more than ten bytes").unwrap();
    assert_eq!(reader.read_path(&path).unwrap_err().kind(), ErrorKind::TooLarge);
    let _ = std::fs::remove_file(&path);
}

#[test]
fn large_text_reads_quickly() {
    let line = "On February 23, in Vinnytsia, about 40 residents surrounded a minibus.\n";
    let text = line.repeat(50 * 1024 * 1024 / line.len());
    let start = std::time::Instant::now();
    let batch = read_bytes("big.txt", text.as_bytes()).unwrap();
    assert_eq!(batch.documents[0].text.len(), text.len());
    assert!(start.elapsed().as_secs() < 10, "{:?}", start.elapsed());
}

/// A fixed-seed xorshift generator: random input without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Fragments that steer random input into each reader's interesting paths.
const PIECES: &[&[u8]] = &[
    b"WARC/1.0\r\n", b"Content-Length: 12\r\n", b"WARC-Type: response\r\n", b"\r\n\r\n",
    b"Content-Type: application/http\r\n", b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n",
    b"<html>", b"<p>", b"</div>", b"<script>", b"<title>", b"&amp;", b"&#x", b"<article>",
    b"{\"messages\": [", b"{\"type\":\"message\",\"id\":1,\"text\":[", b"\"text\"", b"}", b"]",
    b"<rss><channel><item><description>", b"<![CDATA[", b"]]>", b"\n", b"# ", b"[a](b)", b"**",
    "Київ".as_bytes(), b"\xFF\xFE", b"\xEF\xBB\xBF", b"\xC3", b"\x1F\x8B",
];

#[test]
fn random_input_never_panics() {
    let formats = [
        Format::Text, Format::Markdown, Format::Html, Format::Telegram, Format::Jsonl, Format::Feed,
        Format::Warc,
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for iteration in 0..3000 {
        let mut bytes = Vec::new();
        for _ in 0..rng.below(24) {
            if rng.below(2) == 0 {
                bytes.extend_from_slice(PIECES[rng.below(PIECES.len())]);
            } else {
                bytes.extend((0..rng.below(16)).map(|_| rng.next() as u8));
            }
        }
        let format = formats[iteration % formats.len()];
        let reader = Reader { format: Some(format), ..Reader::default() };
        let _ = reader.read_bytes("fuzz", &bytes);
        let _ = read_bytes("fuzz", &bytes);
    }
}
