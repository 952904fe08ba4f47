//! Stored documents: listing them, dating one by hand, and the events still waiting for a date.
//!
//! # Design
//!
//! A report that carries no publication date cannot date "yesterday": its incidents are
//! stored all the same, in events of status `needs-date` (the caller knows which incidents
//! those are: the ones extraction dates only against a stand-in publication date). Setting
//! the document's date ([`Store::set_published`]) and storing its extraction again dates them;
//! [`Store::reset_needs_date`] first returns its untouched `needs-date` events to `new`, so
//! that only incidents still undated are marked again. Only events nobody reviewed change
//! status: an analyst's verdict stays.

use jiff::civil::Date;

use crate::db::Value;
use crate::error::{Error, ErrorKind};
use crate::Store;

/// A stored document, as `litopys documents` lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentInfo {
    /// The store's id for it.
    pub id: i64,
    /// Its own id: path, URL, `telegram:CHAT/MESSAGE`.
    pub key: String,
    /// Its publication date, when known.
    pub published: Option<Date>,
    /// Its headline, when known.
    pub title: Option<String>,
    /// Incidents stored from it.
    pub n_incidents: u64,
    /// Of those, the ones in events still waiting for a date.
    pub n_needs_date: u64,
}

impl Store {
    /// Stored documents by id; with `undated`, only those without a publication date or with
    /// incidents waiting for one.
    pub fn documents(&mut self, undated: bool) -> Result<Vec<DocumentInfo>, Error> {
        let sql = "SELECT d.id, d.doc_key, d.published, d.title, \
                   (SELECT count(*) FROM incidents i WHERE i.doc_id = d.id), \
                   (SELECT count(*) FROM incidents i JOIN events e ON e.id = i.event_id WHERE i.doc_id = d.id AND e.status = 'needs-date') \
                   FROM documents d ORDER BY d.id";
        let rows = self.conn.query(sql, &[])?;
        let count = |v: &Value| u64::try_from(v.int().unwrap_or_default()).unwrap_or_default();
        let docs = rows.iter().map(|r| DocumentInfo {
            id: r[0].int().unwrap_or_default(),
            key: r[1].string(),
            published: r[2].text().and_then(|d| d.parse().ok()),
            title: r[3].text().map(str::to_string),
            n_incidents: count(&r[4]),
            n_needs_date: count(&r[5]),
        });
        Ok(docs.filter(|d| !undated || d.published.is_none() || d.n_needs_date > 0).collect())
    }

    /// Every stored document's id, in order.
    pub fn document_ids(&mut self) -> Result<Vec<i64>, Error> {
        let rows = self.conn.query("SELECT id FROM documents ORDER BY id", &[])?;
        Ok(rows.iter().filter_map(|r| r[0].int()).collect())
    }

    /// Sets a stored document's publication date. Its incidents keep their dates until it is
    /// extracted again.
    pub fn set_published(&mut self, doc_id: i64, date: Date) -> Result<(), Error> {
        let n = self.conn.execute("UPDATE documents SET published = $1 WHERE id = $2", &[date.to_string().into(), doc_id.into()])?;
        if n == 0 {
            return Err(Error::new(ErrorKind::NotFound, format!("no document {doc_id} (see `litopys documents`)")));
        }
        Ok(())
    }

    /// Marks the events of a document's incidents `keys` (their `event_id_cnty`) as waiting
    /// for a date, unless reviewed; returns how many events were marked.
    pub fn mark_needs_date(&mut self, doc_id: i64, keys: &[String]) -> Result<usize, Error> {
        if keys.is_empty() {
            return Ok(0);
        }
        self.transaction(|c| {
            let mut n: u64 = 0;
            for key in keys {
                n += c.execute(
                    "UPDATE events SET status = 'needs-date' WHERE status = 'new' AND id IN \
                     (SELECT event_id FROM incidents WHERE doc_id = $1 AND incident_key = $2)",
                    &[doc_id.into(), key.as_str().into()],
                )?;
            }
            Ok(usize::try_from(n).unwrap_or(usize::MAX))
        })
    }

    /// Returns the document's events waiting for a date to `new`, before its extraction is
    /// stored again (which marks those still undated anew).
    pub fn reset_needs_date(&mut self, doc_id: i64) -> Result<(), Error> {
        self.conn.execute(
            "UPDATE events SET status = 'new' WHERE status = 'needs-date' AND id IN (SELECT event_id FROM incidents WHERE doc_id = $1)",
            &[doc_id.into()],
        )?;
        Ok(())
    }
}
