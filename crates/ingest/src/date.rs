//! Publication dates from the forms inputs give them in.

use jiff::civil::Date;

/// The calendar date in `s`, which may be a date (`2026-03-02`), an RFC 3339 or ISO 8601
/// timestamp (`2026-03-02T09:30:00+02:00`, whose local date is kept), or an RFC 2822 one
/// (`Mon, 02 Mar 2026 09:30:00 +0200`).
pub(crate) fn parse(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Some(date) = s.get(..10).and_then(|head| head.parse::<Date>().ok()) {
        let rest = s.get(10..).unwrap_or_default();
        if rest.is_empty() || rest.starts_with(['T', 't', ' ']) {
            return Some(date);
        }
    }
    jiff::fmt::rfc2822::parse(s).ok().map(|zoned| zoned.date())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(s: &str, expect: Option<&str>) {
        assert_eq!(parse(s).map(|d| d.to_string()).as_deref(), expect, "{s}");
    }

    #[test]
    fn forms() {
        check("2026-03-02", Some("2026-03-02"));
        check(" 2026-03-02T09:30:00+02:00 ", Some("2026-03-02"));
        check("2026-03-01T23:30:00-05:00", Some("2026-03-01"));
        check("2026-02-09 19:05:12", Some("2026-02-09"));
        check("Mon, 02 Mar 2026 09:30:00 +0200", Some("2026-03-02"));
        check("2026-13-45", None);
        check("20260302", None);
        check("yesterday", None);
        check("", None);
        check("2026-03-0Ж", None);
    }
}
