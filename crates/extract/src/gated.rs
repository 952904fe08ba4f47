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

//!
//! Patterns are compiled on first use ([`LazyRegex`]): a process that extracts one short note
//! (as `acled_eval.py` runs litopys, once per note) searches with few of the tables' patterns,
//! and compiling them all took a third of its start-up. A table's patterns are still parsed
//! when it loads, so that a bad pattern in `data/facts.toml` is an error then, not later.

use std::sync::OnceLock;

use regex::{Match, Regex, RegexSet, RegexSetBuilder, SetMatches};

/// A regular expression whose syntax is checked at once and which is compiled when first
/// searched with.
#[derive(Debug, Clone)]
pub(crate) struct LazyRegex {
    pattern: String,
    compiled: OnceLock<Regex>,
}

impl LazyRegex {
    /// `pattern`, parsed (an error here is an error in the pattern) but not compiled.
    pub(crate) fn new(pattern: String) -> Result<LazyRegex, regex::Error> {
        regex_syntax::Parser::new()
            .parse(&pattern)
            .map_err(|e| regex::Error::Syntax(e.to_string()))?;
        Ok(LazyRegex { pattern, compiled: OnceLock::new() })
    }

    pub(crate) fn as_str(&self) -> &str {
        &self.pattern
    }

    /// Whether the pattern compiles (what [`LazyRegex::get`] will find), for tests of tables.
    #[cfg(test)]
    pub(crate) fn compiles(&self) -> bool {
        Regex::new(&self.pattern).is_ok()
    }

    /// The compiled expression. A pattern that parses but is too big to compile matches
    /// nothing, with a warning.
    pub(crate) fn get(&self) -> &Regex {
        self.compiled.get_or_init(|| {
            Regex::new(&self.pattern).unwrap_or_else(|e| {
                tracing::warn!(pattern = %self.pattern, error = %e, "pattern not compiled: it matches nothing");
                Regex::new(r"[^\s\S]").expect("the empty class compiles")
            })
        })
    }
}

/// The gates of several patterns in one set: one pass over a sentence says which of the
/// patterns can match in it, so that a sentence holding none of a table's words costs one
/// scan instead of one per pattern.
#[derive(Debug, Clone)]
pub(crate) struct GateSet {
    set: Option<RegexSet>,
}

/// Which patterns of a [`GateSet`] may match a haystack.
pub(crate) struct Open(Option<SetMatches>);

impl Open {
    /// Whether pattern `i` may match (always, when the set could not be built).
    pub(crate) fn may(&self, i: usize) -> bool {
        self.0.as_ref().is_none_or(|m| m.matched(i))
    }
}

impl GateSet {
    /// The gates of `patterns`, in order. A set that fails to build only costs speed: every
    /// pattern is then searched for.
    pub(crate) fn new(gates: impl IntoIterator<Item = String>) -> GateSet {
        // the union of many case-insensitive word lists has many DFA states: a cache big
        // enough to hold them all is built once, not cleared and rebuilt sentence by sentence
        let set = RegexSetBuilder::new(gates).dfa_size_limit(32 << 20).build().ok();
        GateSet { set }
    }

    /// Which patterns may match `haystack`.
    pub(crate) fn open(&self, haystack: &str) -> Open {
        Open(self.set.as_ref().map(|s| s.matches(haystack)))
    }
}

/// A pattern and its gate (see the module docs).
#[derive(Debug, Clone)]
pub(crate) struct Gated {
    full: LazyRegex,
    /// `None` when the pattern has no word boundary to remove.
    gate: Option<LazyRegex>,
}

/// Keyed patterns ("vehicle", "building"...) behind one gate, the union of their gates, that
/// a [`GateSet`] runs: a sentence that holds none of them costs no search at all.
#[derive(Debug, Clone)]
pub(crate) struct GatedList {
    /// The union of the gates' patterns.
    union: String,
    items: Vec<(String, Gated)>,
}

impl GatedList {
    /// The keyed `(key, pattern)`s, compiled, with the union of their gates.
    pub(crate) fn new(patterns: &[(String, String)]) -> Result<GatedList, regex::Error> {
        let items = patterns.iter().map(|(k, p)| Ok((k.clone(), Gated::new(p)?))).collect::<Result<Vec<_>, regex::Error>>()?;
        let union = patterns.iter().map(|(_, p)| format!("(?:{})", p.replace(r"\b", ""))).collect::<Vec<_>>().join("|");
        Ok(GatedList { union, items })
    }

    /// Whether every pattern of the list compiles.
    #[cfg(test)]
    pub(crate) fn compiles(&self) -> bool {
        self.items.iter().all(|(_, g)| g.compiles())
    }

    /// A pattern that matches wherever one of the list's patterns does (none when it is empty).
    pub(crate) fn gate_pattern(&self) -> String {
        if self.items.is_empty() { "[^\\s\\S]".to_string() } else { self.union.clone() }
    }

    /// The keys whose pattern occurs in `haystack`, each with its first match, in table order,
    /// once a [`GateSet`] has opened the list's gate.
    pub(crate) fn matches<'h>(&self, haystack: &'h str) -> Vec<(&str, Match<'h>)> {
        self.items.iter().filter_map(|(k, r)| r.full().find(haystack).map(|m| (k.as_str(), m))).collect()
    }
}

impl Gated {
    /// Compiles `pattern`, and its gate when it has word boundaries.
    pub(crate) fn new(pattern: &str) -> Result<Gated, regex::Error> {
        let full = LazyRegex::new(pattern.to_string())?;
        let gate = if pattern.contains(r"\b") {
            // a gate that fails to parse only costs speed: search with the full pattern
            LazyRegex::new(pattern.replace(r"\b", "")).ok()
        } else {
            None
        };
        Ok(Gated { full, gate })
    }

    /// Whether the pattern and its gate compile.
    #[cfg(test)]
    pub(crate) fn compiles(&self) -> bool {
        self.full.compiles() && self.gate.as_ref().is_none_or(LazyRegex::compiles)
    }

    /// The gate's pattern: the full pattern without its word boundaries.
    pub(crate) fn gate_pattern(&self) -> String {
        self.gate.as_ref().unwrap_or(&self.full).as_str().to_string()
    }

    /// The full pattern, for a search a [`GateSet`] has already let through.
    pub(crate) fn full(&self) -> &Regex {
        self.full.get()
    }

    fn open(&self, haystack: &str) -> bool {
        haystack.is_ascii() || self.gate.as_ref().is_none_or(|g| g.get().is_match(haystack))
    }

    pub(crate) fn is_match(&self, haystack: &str) -> bool {
        self.open(haystack) && self.full().is_match(haystack)
    }

    pub(crate) fn find<'h>(&self, haystack: &'h str) -> Option<Match<'h>> {
        if self.open(haystack) {
            self.full().find(haystack)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_pattern_is_an_error_when_made_not_when_used() {
        assert!(LazyRegex::new(r"(?i)\bнож(ем".to_string()).is_err());
        assert!(Gated::new(r"\p{NoSuchClass}").is_err());
        let lazy = LazyRegex::new(r"(?i)\bніж\b".to_string()).unwrap();
        assert!(lazy.compiles());
        assert_eq!(lazy.get().find("гострий НІЖ").map(|m| m.as_str()), Some("НІЖ"));
    }

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
        assert_eq!(c.full().captures("за ст. 342 КК").and_then(|c| c.name("art")).map(|m| m.as_str()), Some("342"));
        assert_eq!(c.full().captures_iter("ст. 1, ст. 2 і пост. 3").count(), 2);
    }

    #[test]
    fn a_gate_set_opens_only_what_may_match() {
        let knife = Gated::new(r"(?i)(?:\bніж\b|\bножем\b)").unwrap();
        let article = Gated::new(r"(?i)\bст\.\s*(?P<art>\d+)").unwrap();
        let empty = GatedList::new(&[]).unwrap();
        let set = GateSet::new([knife.gate_pattern(), article.gate_pattern(), empty.gate_pattern()]);
        let open = set.open("погрожував ножем, ст. 296");
        assert!(open.may(0) && open.may(1) && !open.may(2));
        let open = set.open("нічого");
        assert!(!open.may(0) && !open.may(1) && !open.may(2));
        // the gate is a superset: "ніжка" opens it, the full pattern still says no
        assert!(set.open("ніжка стола").may(0));
        assert_eq!(knife.full().find("ніжка стола"), None);
    }
}
