//! Polling feeds on a schedule, politely: `litopys watch FEEDS.toml`.
//!
//! # Brief overview
//!
//! A [`FeedList`] is read from TOML:
//!
//! ```toml
//! interval = "15m"          # how often each feed is polled (default 15m)
//! host_delay = "2s"         # at least this long between two requests to one host
//!
//! [[feed]]
//! url = "https://example.org/rss"
//! name = "Example news"     # optional, for the log
//! interval = "5m"           # optional, overrides the default
//! ```
//!
//! [`Poller::poll_due`] fetches every feed that is due, with conditional requests
//! (`If-None-Match` / `If-Modified-Since` from the previous answer's `ETag` / `Last-Modified`),
//! and returns what each fetch gave: a new body, "not modified", or an error. The validators
//! and poll times are kept in a [`State`] that the caller saves between runs (a JSON file next
//! to the feed list), so a restarted watcher does not download everything again.
//!
//! # Design
//!
//! This crate fetches; it does not parse or store. The caller hands a new body to the readers
//! (`litopys-ingest` recognises RSS and Atom) and the store, whose deduplication makes a feed
//! item seen twice a no-op. Politeness is per host: requests to one host are spaced by
//! `host_delay`, and every request names litopys in its `User-Agent`. Bodies are capped at
//! [`MAX_BODY`] bytes.
#![deny(missing_docs)]

use std::collections::BTreeMap;
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// Largest feed body read, in bytes.
pub const MAX_BODY: u64 = 32 << 20;

/// Why the feed list or a fetch failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The feed list is not valid TOML of the expected shape.
    #[error("feed list: {0}")]
    Config(String),
    /// A request failed (network, status, or body too large).
    #[error("{url}: {message}")]
    Fetch {
        /// The feed.
        url: String,
        /// What went wrong.
        message: String,
    },
}

/// One feed to poll.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Feed {
    /// The feed's URL (http or https).
    pub url: String,
    /// A name for the log; the URL when absent.
    #[serde(default)]
    pub name: Option<String>,
    /// Poll interval for this feed ("5m", "1h", "90s").
    #[serde(default)]
    pub interval: Option<String>,
}

impl Feed {
    /// The name to log.
    pub fn label(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.url)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawList {
    #[serde(default)]
    interval: Option<String>,
    #[serde(default)]
    host_delay: Option<String>,
    #[serde(default)]
    feed: Vec<Feed>,
}

/// The feeds to watch and how often.
#[derive(Clone, Debug)]
pub struct FeedList {
    /// The feeds.
    pub feeds: Vec<Feed>,
    /// Default poll interval.
    pub interval: Duration,
    /// Least time between two requests to one host.
    pub host_delay: Duration,
}

/// Parses "90s", "15m", "2h", "1d".
pub fn parse_duration(s: &str) -> Result<Duration, Error> {
    let s = s.trim();
    let split = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (n, unit) = s.split_at(split);
    let n: u64 = n.parse().map_err(|_| Error::Config(format!("{s:?} is not a duration like 90s, 15m, 2h")))?;
    let secs = match unit.trim() {
        "s" | "" => n,
        "m" => n * 60,
        "h" => n * 3600,
        "d" => n * 86400,
        other => return Err(Error::Config(format!("unknown unit {other:?} in {s:?}: use s, m, h or d"))),
    };
    Ok(Duration::from_secs(secs))
}

impl FeedList {
    /// Reads a feed list from TOML.
    pub fn from_toml(text: &str) -> Result<FeedList, Error> {
        let raw: RawList = toml::from_str(text).map_err(|e| Error::Config(e.to_string()))?;
        if raw.feed.is_empty() {
            return Err(Error::Config("no [[feed]] entries".into()));
        }
        for f in &raw.feed {
            if !(f.url.starts_with("http://") || f.url.starts_with("https://")) {
                return Err(Error::Config(format!("{}: only http and https feeds can be watched", f.url)));
            }
            if let Some(i) = &f.interval {
                parse_duration(i)?;
            }
        }
        Ok(FeedList {
            feeds: raw.feed,
            interval: parse_duration(raw.interval.as_deref().unwrap_or("15m"))?,
            host_delay: parse_duration(raw.host_delay.as_deref().unwrap_or("2s"))?,
        })
    }

    fn interval_of(&self, feed: &Feed) -> Duration {
        feed.interval.as_deref().and_then(|i| parse_duration(i).ok()).unwrap_or(self.interval)
    }
}

/// What is remembered of one feed between polls.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FeedState {
    /// The last answer's `ETag`.
    pub etag: Option<String>,
    /// The last answer's `Last-Modified`.
    pub last_modified: Option<String>,
    /// When the feed was last polled (seconds since the Unix epoch).
    pub last_poll: Option<i64>,
}

/// Every feed's state, by URL. Serialise it to keep it between runs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct State {
    /// By feed URL.
    pub feeds: BTreeMap<String, FeedState>,
}

/// What polling one feed gave.
#[derive(Debug)]
pub enum Outcome {
    /// The feed changed: its body.
    Changed(Vec<u8>),
    /// The server said nothing changed (304).
    NotModified,
    /// The fetch failed.
    Failed(Error),
}

/// Fetches feeds.
pub struct Poller {
    agent: ureq::Agent,
    last_request: BTreeMap<String, std::time::Instant>,
}

impl Default for Poller {
    fn default() -> Poller {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(30)))
            .http_status_as_error(false)
            .user_agent(concat!("litopys/", env!("CARGO_PKG_VERSION"), " (feed watcher)"))
            .build();
        Poller { agent: config.into(), last_request: BTreeMap::new() }
    }
}

fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

impl Poller {
    /// Polls every feed due at `now` (seconds since the epoch), updating `state`.
    pub fn poll_due<'f>(&mut self, list: &'f FeedList, state: &mut State, now: i64) -> Vec<(&'f Feed, Outcome)> {
        let mut out = Vec::new();
        for feed in &list.feeds {
            let st = state.feeds.entry(feed.url.clone()).or_default();
            let due = st.last_poll.is_none_or(|t| now - t >= list.interval_of(feed).as_secs() as i64);
            if !due {
                continue;
            }
            self.wait_for_host(host(&feed.url), list.host_delay);
            st.last_poll = Some(now);
            out.push((feed, self.fetch(feed, st)));
        }
        out
    }

    /// Seconds until the next feed is due.
    pub fn next_due(list: &FeedList, state: &State, now: i64) -> u64 {
        list.feeds
            .iter()
            .map(|f| {
                let last = state.feeds.get(&f.url).and_then(|s| s.last_poll).unwrap_or(i64::MIN / 2);
                (last + list.interval_of(f).as_secs() as i64 - now).max(0) as u64
            })
            .min()
            .unwrap_or(0)
    }

    fn wait_for_host(&mut self, host: &str, delay: Duration) {
        if let Some(t) = self.last_request.get(host) {
            let since = t.elapsed();
            if since < delay {
                std::thread::sleep(delay - since);
            }
        }
        self.last_request.insert(host.to_string(), std::time::Instant::now());
    }

    fn fetch(&self, feed: &Feed, st: &mut FeedState) -> Outcome {
        let fail = |message: String| Outcome::Failed(Error::Fetch { url: feed.url.clone(), message });
        let mut req = self.agent.get(&feed.url);
        if let Some(etag) = &st.etag {
            req = req.header("If-None-Match", etag);
        }
        if let Some(lm) = &st.last_modified {
            req = req.header("If-Modified-Since", lm);
        }
        let mut resp = match req.call() {
            Ok(r) => r,
            Err(e) => return fail(e.to_string()),
        };
        let status = resp.status().as_u16();
        if status == 304 {
            return Outcome::NotModified;
        }
        if !(200..300).contains(&status) {
            return fail(format!("HTTP {status}"));
        }
        let header = |name: &str| resp.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_string);
        let (etag, last_modified) = (header("etag"), header("last-modified"));
        match resp.body_mut().with_config().limit(MAX_BODY).read_to_vec() {
            Ok(body) => {
                st.etag = etag;
                st.last_modified = last_modified;
                Outcome::Changed(body)
            }
            Err(e) => fail(e.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feed_lists_and_durations() {
        let list = FeedList::from_toml("interval = \"10m\"\n[[feed]]\nurl = \"https://example.org/rss\"\ninterval = \"90s\"\n[[feed]]\nurl = \"http://example.net/atom\"\n").unwrap();
        assert_eq!(list.feeds.len(), 2);
        assert_eq!(list.interval_of(&list.feeds[0]), Duration::from_secs(90));
        assert_eq!(list.interval_of(&list.feeds[1]), Duration::from_secs(600));
        assert!(FeedList::from_toml("[[feed]]\nurl = \"ftp://x\"\n").unwrap_err().to_string().contains("only http"));
        assert!(FeedList::from_toml("").is_err());
        assert!(parse_duration("5 weeks").is_err());
        assert_eq!(host("https://example.org:8080/a/b?c"), "example.org:8080");
    }
}
