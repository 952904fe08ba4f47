//! Sources a reader can open: each link of an event named by its publisher or channel, with
//! its URL when it has a public one, and never a local path.
//!
//! A web address is named by its site (`publishers.toml` maps sites to names; an unlisted
//! site is named by its host without `www.`), a `t.me` link by its channel (`@channel`). A
//! Telegram message without a public username (`telegram:CHAT/ID`) and a file read from disk
//! have no address a reader can open: they are named in words, without a link.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Serialize;

use crate::lang::Lang;

/// One source as a paragraph cites it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SourceLink {
    /// Publisher or channel name.
    pub name: String,
    /// A public address, or `None`.
    pub url: Option<String>,
}

fn publishers() -> &'static BTreeMap<String, String> {
    static TABLE: OnceLock<BTreeMap<String, String>> = OnceLock::new();
    TABLE.get_or_init(|| {
        toml::from_str::<BTreeMap<String, BTreeMap<String, String>>>(include_str!(
            "../publishers.toml"
        ))
        .ok()
        .and_then(|mut t| t.remove("sites"))
        .unwrap_or_default()
    })
}

/// The host of an `http(s)` address, without `www.`.
fn host(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest
        .split(['/', '?', '#'])
        .next()?
        .split('@')
        .next_back()?
        .split(':')
        .next()?;
    (!host.is_empty()).then(|| host.strip_prefix("www.").unwrap_or(host))
}

/// How `link` (a URL, a message link or a document id) is cited.
pub(crate) fn cite(link: &str, lang: &Lang) -> SourceLink {
    if let Some(h) = host(link) {
        if h == "t.me" {
            let channel = link
                .split('/')
                .nth(3)
                .filter(|c| !c.is_empty() && *c != "c")
                .map(|c| format!("@{c}"));
            return SourceLink {
                name: channel.unwrap_or_else(|| "Telegram".into()),
                url: Some(link.to_string()),
            };
        }
        // the longest listed suffix of the host names it ("kyiv.example.org" → "example.org")
        let name = publishers()
            .iter()
            .filter(|(site, _)| h == site.as_str() || h.ends_with(&format!(".{site}")))
            .max_by_key(|(site, _)| site.len())
            .map_or_else(|| h.to_string(), |(_, name)| name.clone());
        return SourceLink {
            name,
            url: Some(link.to_string()),
        };
    }
    let name = if link.starts_with("telegram:") {
        lang.text("telegram_private")
    } else {
        lang.text("no_public_link")
    };
    SourceLink {
        name: name.to_string(),
        url: None,
    }
}

/// The sources of one event, each publisher once (first link kept).
pub(crate) fn cite_all(links: &[String], lang: &Lang) -> Vec<SourceLink> {
    let mut out: Vec<SourceLink> = Vec::new();
    for l in links {
        let s = cite(l, lang);
        if !out
            .iter()
            .any(|o| o.name == s.name && (o.url.is_some() || s.url.is_none()))
        {
            out.retain(|o| o.name != s.name);
            out.push(s);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_are_named_and_local_paths_never_shown() {
        let Ok(en) = Lang::builtin("en") else { return };
        let s = cite("https://t.me/example_monitor/4102", &en);
        assert_eq!(s.name, "@example_monitor");
        assert_eq!(s.url.as_deref(), Some("https://t.me/example_monitor/4102"));
        let s = cite("https://www.pravda.com.ua/news/2026/03/04/1/", &en);
        assert_eq!(s.name, "Ukrainska Pravda");
        let s = cite("https://news.unknown-site.example/a", &en);
        assert_eq!(s.name, "news.unknown-site.example");
        for local in [
            "examples/articles/monthly-review.en.txt",
            "/home/x/report.html",
            "telegram:1987654321/4102",
        ] {
            let s = cite(local, &en);
            assert_eq!(s.url, None, "{local}");
            assert!(!s.name.contains('/'), "{local} shown as {}", s.name);
        }
    }
}
