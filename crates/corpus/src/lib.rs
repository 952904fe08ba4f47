//! A generator of realistic news reports for benchmarks: any size, any seed, same output.
//!
//! # Brief overview
//!
//! [`Generator`] writes articles in English, Ukrainian or Russian (or a mix) the way regional
//! news sites and Telegram channels write about incidents in Ukraine: a headline, a lead with a
//! date and a place, one to four incidents (a crowd frees a man detained by the TRC, arson of a
//! TRC car, a labour protest over wage arrears, a court sentence, an attack on an officer), and
//! background paragraphs with statistics and commentary. Places are drawn from the built-in
//! gazetteer (cities, villages, oblasts), so every name the extractor sees is one it can resolve.
//!
//! ```
//! use litopys_corpus::{Generator, Lang};
//! let mut gen = Generator::new(7, Lang::Uk);
//! let a = gen.article();
//! assert!(a.text.len() > 500);
//! let again = Generator::new(7, Lang::Uk).article();
//! assert_eq!(a.text, again.text);
//! ```
//!
//! [`write_jsonl`] writes articles as JSON Lines (`{"text","published","title","url"}`), which
//! `litopys extract` reads, until a byte budget is reached.
//!
//! # Design
//!
//! The generator is deterministic from its seed alone: a xorshift64* generator (no dependency,
//! the same stream on every platform) and templates compiled into the crate. The place pool is
//! taken from the gazetteer in entry order, which is fixed by the embedded table. Templates are
//! plain strings with `{slots}`; a template set per language keeps each language's grammar
//! (Ukrainian and Russian name a place after "у місті"/"в городе" in the nominative, as news
//! sites often do, so no inflection is needed). Realism is judged by what the extractor does
//! with the text: the same mix of cues, dates, counts, place names and background as the
//! hand-written examples, in articles of 1–6 KB.
#![deny(missing_docs)]

mod templates;

use std::io::Write;

use litopys_gazetteer::{Gazetteer, Kind};
use litopys_model::Document;

/// The language of generated articles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// English.
    En,
    /// Ukrainian.
    Uk,
    /// Russian.
    Ru,
    /// Each article in one of the three, drawn at random.
    Mixed,
}

impl std::str::FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Lang, String> {
        match s {
            "en" => Ok(Lang::En),
            "uk" => Ok(Lang::Uk),
            "ru" => Ok(Lang::Ru),
            "mixed" => Ok(Lang::Mixed),
            _ => Err(format!("unknown language {s:?}: expected en, uk, ru or mixed")),
        }
    }
}

/// One generated article.
#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    /// A stable URL-like identifier.
    pub url: String,
    /// The headline.
    pub title: String,
    /// Publication day, `YYYY-MM-DD`.
    pub published: String,
    /// The body: paragraphs separated by blank lines, the headline first.
    pub text: String,
}

impl Article {
    /// The article as one line of JSON, without the line break.
    pub fn to_json_line(&self) -> String {
        serde_json::json!({"text": self.text, "published": self.published, "title": self.title, "url": self.url})
            .to_string()
    }

    /// The article as a document, as `litopys extract` would read it.
    pub fn into_document(self) -> Document {
        let mut doc = Document::new(self.url.clone(), self.text);
        doc.published = self.published.parse().ok();
        doc.source = Some(self.url);
        doc.title = Some(self.title);
        doc
    }
}

/// A place as the templates need it.
#[derive(Clone, Debug)]
pub(crate) struct PlaceNames {
    pub en: String,
    pub uk: String,
    /// The oblast, English ("Poltava").
    pub oblast_en: String,
    /// The oblast, Ukrainian nominative ("Полтавська область").
    pub oblast_uk: String,
    pub village: bool,
}

/// Writes deterministic articles.
pub struct Generator {
    rng: Rng,
    lang: Lang,
    places: Vec<PlaceNames>,
    n_articles: usize,
}

impl Generator {
    /// A generator for `lang` whose output is fixed by `seed`.
    pub fn new(seed: u64, lang: Lang) -> Generator {
        Generator { rng: Rng::new(seed), lang, places: place_pool(Gazetteer::builtin()), n_articles: 0 }
    }

    /// The next article.
    pub fn article(&mut self) -> Article {
        let lang = match self.lang {
            Lang::Mixed => [Lang::En, Lang::Uk, Lang::Ru][self.rng.below(3)],
            l => l,
        };
        self.n_articles += 1;
        let code = match lang {
            Lang::En => "en",
            Lang::Uk => "uk",
            _ => "ru",
        };
        let url = format!("https://news.example.org/{code}/{}", self.n_articles);
        templates::article(&mut self.rng, lang, &self.places, url)
    }
}

/// Writes articles from `gen` as JSON Lines to `out` until at least `n_bytes` of JSON are
/// written; returns the number of articles and of text bytes (the `text` fields).
pub fn write_jsonl(gen: &mut Generator, n_bytes: u64, out: &mut impl Write) -> std::io::Result<(usize, u64)> {
    let (mut n_articles, mut n_written, mut n_text) = (0, 0u64, 0u64);
    while n_written < n_bytes {
        let a = gen.article();
        let line = a.to_json_line();
        out.write_all(line.as_bytes())?;
        out.write_all(b"\n")?;
        n_written += line.len() as u64 + 1;
        n_text += a.text.len() as u64;
        n_articles += 1;
    }
    Ok((n_articles, n_text))
}

/// Parses a size such as `100MB`, `1GB`, `512KB` or `1000000` (bytes; powers of 1000 for the
/// suffixes, 1024 for `KiB`, `MiB`, `GiB`).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let split = s.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(s.len());
    let (num, unit) = s.split_at(split);
    let value: f64 = num.parse().map_err(|_| format!("invalid size {s:?}"))?;
    let factor = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1.0,
        "k" | "kb" => 1e3,
        "m" | "mb" => 1e6,
        "g" | "gb" => 1e9,
        "kib" => 1024.0,
        "mib" => 1024.0 * 1024.0,
        "gib" => 1024.0 * 1024.0 * 1024.0,
        _ => return Err(format!("invalid size unit in {s:?}: use KB, MB or GB")),
    };
    Ok((value * factor) as u64)
}

fn place_pool(gaz: &Gazetteer) -> Vec<PlaceNames> {
    let oblast_uk = |admin1: &str| gaz.oblast(admin1).map(|o| o.name_uk.clone());
    let mut out = Vec::new();
    for e in gaz.entries() {
        let village = match e.kind {
            Kind::City if e.population >= 10_000 => false,
            // one village in twenty: villages are many, and reports name them less often
            Kind::Village if e.population >= 1_000 && e.id % 20 == 0 => true,
            _ => continue,
        };
        let Some(ob) = oblast_uk(&e.admin1).filter(|o| o.ends_with("ка область")) else { continue };
        if e.name.contains(['(', ',']) || e.name_uk.is_empty() {
            continue;
        }
        out.push(PlaceNames { en: e.name.clone(), uk: e.name_uk.clone(), oblast_en: e.admin1.clone(), oblast_uk: ob, village });
    }
    if out.is_empty() {
        // a gazetteer without a built-in table: a fixed place keeps the generator working
        out.push(PlaceNames {
            en: "Poltava".into(),
            uk: "Полтава".into(),
            oblast_en: "Poltava".into(),
            oblast_uk: "Полтавська область".into(),
            village: false,
        });
    }
    out
}

/// xorshift64*: small, fast, and the same everywhere.
#[derive(Clone, Debug)]
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        // splitmix64 of the seed, so that seeds 0, 1, 2 start far apart (and never at 0)
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Rng((z ^ (z >> 31)) | 1)
    }

    pub(crate) fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n` > 0).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (((self.next() >> 32) * n as u64) >> 32) as usize
    }

    /// A number in `lo..=hi`.
    pub(crate) fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below((hi - lo + 1) as usize) as u32
    }

    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub(crate) fn chance(&mut self, percent: u32) -> bool {
        self.range(1, 100) <= percent
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_corpus_other_seed_other_corpus() {
        let run = |seed| {
            let mut out = Vec::new();
            write_jsonl(&mut Generator::new(seed, Lang::Mixed), 50_000, &mut out).map(|_| out).unwrap_or_default()
        };
        assert_eq!(run(1), run(1));
        assert_ne!(run(1), run(2));
        assert!(run(3).len() >= 50_000);
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("100MB"), Ok(100_000_000));
        assert_eq!(parse_size("1GiB"), Ok(1 << 30));
        assert_eq!(parse_size("512"), Ok(512));
        assert!(parse_size("ten").is_err());
    }

    #[test]
    fn every_language_reads_as_itself() {
        for (lang, letter) in [(Lang::En, 'e'), (Lang::Uk, 'і'), (Lang::Ru, 'ы')] {
            let a = Generator::new(5, lang).article();
            assert!(a.text.contains(letter), "{lang:?}: {}", a.text);
            assert!(a.published.parse::<jiff::civil::Date>().is_ok());
        }
    }
}
