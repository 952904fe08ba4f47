//! A regular expression with a fast gate in front of it, for cue patterns with word boundaries.
//!
//! The fact tables (`data/facts.toml`) match whole words: every cue is wrapped in `\b`. The
//! `regex` crate's lazy DFA cannot evaluate a Unicode word boundary on text that is not ASCII,
//! so on Ukrainian and Russian sentences every search fell back to the bounded backtracker:
//! a profile of `litopys extract` on Ukrainian text put 20% of all time there, most of it
//! proving that a sentence holds none of a table's words.
//!
//! The gate is the same pattern without its word boundaries. It matches a superset of what the
//! full pattern matches (an assertion removed can only let more through), and the lazy DFA runs
//! it on any text. A search runs the full pattern only where the gate matched; on ASCII text
//! the full pattern's own DFA is fast and the gate is skipped. Results are the full pattern's,
//! always.

use regex::{CaptureMatches, Captures, Match, Regex};

/// A pattern and its gate (see the module docs).
#[derive(Debug, Clone)]
pub(crate) struct Gated {
    full: Regex,
    /// `None` when the pattern has no word boundary to remove.
    gate: Option<Regex>,
}

/// Keyed patterns ("vehicle", "building"...) behind one gate: the union of their gates, so that
/// a sentence that holds none of them costs one scan, not one a key.
#[derive(Debug, Clone)]
pub(crate) struct GatedList {
    any: Option<Regex>,
    items: Vec<(String, Gated)>,
}

impl GatedList {
    /// The keyed `(key, pattern)`s, compiled, with the union of their gates.
    pub(crate) fn new(patterns: &[(String, String)]) -> Result<GatedList, regex::Error> {
        let items = patterns.iter().map(|(k, p)| Ok((k.clone(), Gated::new(p)?))).collect::<Result<Vec<_>, regex::Error>>()?;
        let union = patterns.iter().map(|(_, p)| format!("(?:{})", p.replace(r"\b", ""))).collect::<Vec<_>>().join("|");
        let any = (!patterns.is_empty()).then(|| Regex::new(&union).ok()).flatten();
        Ok(GatedList { any, items })
    }

    /// The keys whose pattern occurs in `haystack`, each with its first match, in table order.
    pub(crate) fn matches<'h>(&self, haystack: &'h str) -> Vec<(&str, Match<'h>)> {
        if !haystack.is_ascii() && self.any.as_ref().is_some_and(|a| !a.is_match(haystack)) {
            return Vec::new();
        }
        self.items.iter().filter_map(|(k, r)| r.find(haystack).map(|m| (k.as_str(), m))).collect()
    }
}

impl Gated {
    /// Compiles `pattern`, and its gate when it has word boundaries.
    pub(crate) fn new(pattern: &str) -> Result<Gated, regex::Error> {
        let full = Regex::new(pattern)?;
        let gate = if pattern.contains(r"\b") {
            // a gate that fails to compile only costs speed: search with the full pattern
            Regex::new(&pattern.replace(r"\b", "")).ok()
        } else {
            None
        };
        Ok(Gated { full, gate })
    }

    fn open(&self, haystack: &str) -> bool {
        haystack.is_ascii() || self.gate.as_ref().is_none_or(|g| g.is_match(haystack))
    }

    pub(crate) fn is_match(&self, haystack: &str) -> bool {
        self.open(haystack) && self.full.is_match(haystack)
    }

    pub(crate) fn find<'h>(&self, haystack: &'h str) -> Option<Match<'h>> {
        if self.open(haystack) {
            self.full.find(haystack)
        } else {
            None
        }
    }

    pub(crate) fn captures<'h>(&self, haystack: &'h str) -> Option<Captures<'h>> {
        if self.open(haystack) {
            self.full.captures(haystack)
        } else {
            None
        }
    }

    pub(crate) fn captures_iter<'r, 'h>(&'r self, haystack: &'h str) -> std::iter::Flatten<std::option::IntoIter<CaptureMatches<'r, 'h>>> {
        self.open(haystack).then(|| self.full.captures_iter(haystack)).into_iter().flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gate_never_changes_a_result() {
        let g = Gated::new(r"(?i)(?:\bніж\b|\bножем\b|\bpistol\b)").unwrap();
        assert!(g.gate.is_some());
        // the gate lets "між" through only if it contains the letters: it does not, and
        // "ніжка" passes the gate but not the full pattern
        assert_eq!(g.find("стіл на ніжках").map(|m| m.as_str()), None);
        assert_eq!(g.find("погрожував ножем біля").map(|m| m.as_str()), Some("ножем"));
        assert_eq!(g.find("a pistol shot").map(|m| m.as_str()), Some("pistol"));
        assert!(!g.is_match("пістолет"));
        let c = Gated::new(r"(?i)\bст\.\s*(?P<art>\d+)").unwrap();
        assert_eq!(c.captures("за ст. 342 КК").and_then(|c| c.name("art")).map(|m| m.as_str()), Some("342"));
        assert_eq!(c.captures_iter("ст. 1, ст. 2 і пост. 3").count(), 2);
    }
}
