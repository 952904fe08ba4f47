//! The body of `/api/points`, written straight from the columns.
//!
//! A million points through `serde_json::Value` cost a million small vectors and strings
//! and a sort of each object's keys; writing the bytes directly costs one `String`. The output is
//! what `serde_json` would write for the same value: keys in alphabetical order, floats by
//! `ryu`, strings escaped when they need it.

use std::fmt::Write;

use crate::columns::{json_string, Columns};

/// `{"n_unplaced": N, "points": [[id, lat, lon, date, type, status], ...], "total": N}` for
/// `rows`; events without coordinates count in `n_unplaced` and are left out of `points`.
pub(crate) fn json(cols: &Columns, rows: &[u32]) -> String {
    let n_unplaced = rows.iter().filter(|&&i| cols.point(i as usize).is_none()).count();
    let mut out = String::with_capacity(64 + (rows.len() - n_unplaced) * 72);
    let mut floats = ryu::Buffer::new();
    let _ = write!(out, "{{\"n_unplaced\":{n_unplaced},\"points\":[");
    let mut date = None;
    let mut date_text = String::new();
    for &row in rows {
        let i = row as usize;
        let Some((lat, lon)) = cols.point(i) else { continue };
        if !out.ends_with('[') {
            out.push(',');
        }
        out.push('[');
        json_string(&mut out, &cols.ids[i]);
        out.push(',');
        out.push_str(floats.format_finite(lat));
        out.push(',');
        out.push_str(floats.format_finite(lon));
        // rows are by date: each date is formatted once
        if date != Some(cols.date[i]) {
            date = Some(cols.date[i]);
            date_text = format!(",\"{}\",\"", cols.date[i]);
        }
        out.push_str(&date_text);
        out.push_str(cols.event_type_of(i).as_str());
        out.push_str("\",\"");
        out.push_str(cols.status_of(i).as_str());
        out.push_str("\"]");
    }
    let _ = write!(out, "],\"total\":{}}}", rows.len());
    out
}
