//! An event as one flat export row: what `litopys export` and the web app's downloads write.

use litopys_model::{publisher, Cell, Row, ACLED_COLUMNS};

use crate::Event;

impl Event {
    /// The event as a flat row: ACLED's columns (`source` naming every report's publisher, a
    /// site's host or a Telegram channel; empty when its reports are local files, never a
    /// path), then litopys' `status` and figures.
    pub fn row(&self, timestamp: i64) -> Row {
        let mut publishers: Vec<String> = Vec::new();
        for s in &self.sources {
            let p = publisher(s.url.as_deref().unwrap_or(&s.document));
            if !p.is_empty() && !publishers.contains(&p) {
                publishers.push(p);
            }
        }
        let mut row = self.incident.acled_row(&publishers, timestamp);
        if publishers.is_empty() {
            row.set("source", Cell::Text(String::new()));
            row.set("source_scale", Cell::Text(String::new()));
        }
        row.0.insert(ACLED_COLUMNS.len(), ("status", Cell::Text(self.status.as_str().to_string())));
        row
    }
}
