//! RSS and Atom feeds, read with `feed-rs`.
//!
//! Each entry becomes a document: its content (or else its summary) with the HTML stripped the
//! way [`html::fragment_text`] strips it, its first link as the source, its published (or else
//! updated) date. Entries with neither content nor summary are skipped.
//!
//! `feed-rs` reads XML with `quick-xml`, which does not expand entities that a document type
//! declaration defines, so a "billion laughs" feed costs nothing (see the tests).

use litopys_model::Document;

use crate::{date, decode, html, Batch, Error, Format};

/// One document per entry, with ids `input#N`.
pub(crate) fn read(name: &str, bytes: &[u8]) -> Result<Batch, Error> {
    let declared = decode::declared_charset(bytes);
    let text = decode::decode(bytes, declared.as_deref());
    // The text is UTF-8 now: drop the declaration's encoding so quick-xml does not re-decode.
    let text = strip_xml_declaration(&text);
    let feed = feed_rs::parser::parse(text.as_bytes())
        .map_err(|e| Error::malformed(name, Format::Feed, lowercase(&e.to_string())))?;
    let feed_lang = feed.language.as_deref().and_then(primary_language);
    let mut batch = Batch::default();
    for (entry_idx, entry) in feed.entries.into_iter().enumerate() {
        let body = entry
            .content
            .and_then(|c| c.body)
            .filter(|b| !b.trim().is_empty())
            .or_else(|| entry.summary.map(|s| s.content));
        let Some(body) = body else { continue };
        let text = html::fragment_text(&body);
        if text.is_empty() {
            continue;
        }
        let published = entry
            .published
            .or(entry.updated)
            .and_then(|dt| date::parse(&dt.to_rfc3339()));
        batch.documents.push(Document {
            id: format!("{name}#{}", entry_idx + 1),
            text,
            published,
            source: entry.links.first().map(|l| l.href.clone()),
            title: entry.title.map(|t| html::fragment_text(&t.content)).filter(|t| !t.is_empty()),
            lang: entry.language.as_deref().and_then(primary_language).or_else(|| feed_lang.clone()),
        });
    }
    Ok(batch)
}

fn strip_xml_declaration(text: &str) -> &str {
    let trimmed = text.trim_start_matches(['\u{FEFF}', ' ', '\t', '\r', '\n']);
    match trimmed.strip_prefix("<?xml").and_then(|rest| rest.find("?>").map(|end| (rest, end))) {
        Some((rest, end)) => rest.get(end + 2..).unwrap_or_default(),
        None => trimmed,
    }
}

fn primary_language(lang: &str) -> Option<String> {
    let primary = lang.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (2..=3).contains(&primary.len()).then_some(primary)
}

fn lowercase(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    const RSS: &[u8] = include_bytes!("../tests/fixtures/feed.rss");
    const ATOM: &[u8] = include_bytes!("../tests/fixtures/feed.atom");

    #[test]
    fn rss_entries() {
        let batch = read("feed.rss", RSS).unwrap();
        assert_eq!(batch.documents.len(), 2);
        let first = &batch.documents[0];
        assert_eq!(first.id, "feed.rss#1");
        assert_eq!(first.title.as_deref(), Some("Мікроавтобус ТЦК підпалили в Харкові"));
        assert_eq!(first.text, "Вночі на 3 березня невідомі підпалили мікроавтобус.\n\nПоліція відкрила провадження.");
        assert_eq!(first.source.as_deref(), Some("https://example.org/uk/1"));
        assert_eq!(first.published.map(|d| d.to_string()).as_deref(), Some("2026-03-04"));
        assert_eq!(first.lang.as_deref(), Some("uk"));
        assert_eq!(batch.documents[1].text, "Protest in Sumy & Okhtyrka.");
    }

    #[test]
    fn atom_entries() {
        let batch = read("feed.atom", ATOM).unwrap();
        assert_eq!(batch.documents.len(), 1);
        let doc = &batch.documents[0];
        assert_eq!(doc.text, "Residents of Poltava blocked the road.");
        assert_eq!(doc.source.as_deref(), Some("https://example.org/en/7"));
        assert_eq!(doc.published.map(|d| d.to_string()).as_deref(), Some("2026-03-06"));
    }

    #[test]
    fn entities_are_not_expanded() {
        let mut xml = String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n");
        for i in 1..10 {
            let prev = if i == 1 { "lol".to_string() } else { format!("lol{}", i - 1) };
            xml.push_str(&format!("<!ENTITY lol{i} \"{}\">\n", format!("&{prev};").repeat(10)));
        }
        xml.push_str("]>\n<rss version=\"2.0\"><channel><title>t</title><item><title>x</title>\
                      <description>&lol9;</description></item></channel></rss>");
        let batch = read("laughs.rss", xml.as_bytes()).unwrap();
        let texts: Vec<&str> = batch.documents.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(texts, ["&lol9;"]);
    }

    #[test]
    fn broken_feed() {
        let err = read("bad.rss", b"<rss><channel><item><title>x</ti").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Malformed { format: Format::Feed });
        assert!(err.to_string().starts_with("bad.rss: malformed feed: "), "{err}");
    }
}
