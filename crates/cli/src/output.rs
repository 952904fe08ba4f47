//! Writing incidents and statistics as JSONL, JSON or CSV.
//!
//! Records are serialised straight from their structs, keys in the order the structs declare
//! them (ACLED's column order, then litopys' additions). Going through `serde_json::Value`
//! first sorted the keys but cost a third of `litopys extract`'s time.

use std::io::Write;

use litopys_model::{Evidence, Incident, Row, Statistic};

use crate::Format;

/// A record writer over standard output.
pub struct Writer<W: Write> {
    format: Format,
    out: W,
    n_written: usize,
    /// ACLED's `timestamp` column: when this run wrote the rows.
    timestamp: i64,
}

/// An incident's JSON record: the flat ACLED row, its report (publisher and link), then its
/// evidence: the shape `litopys export --format jsonl` writes.
#[derive(serde::Serialize)]
struct Record<'a> {
    #[serde(flatten)]
    row: Row,
    /// The facts a review needs beyond ACLED's columns: the legal follow-up, sums of money,
    /// damage, how people were hurt (see `litopys_extract::facts`).
    #[serde(skip_serializing_if = "litopys_model::Legal::is_empty")]
    legal: &'a litopys_model::Legal,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    amounts: &'a [litopys_model::Amount],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    damage: &'a [String],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    injury_details: &'a [String],
    sources: [SourceRef<'a>; 1],
    evidence: &'a [Evidence],
}

/// The report an incident came from: its publisher, its link when it has one (a local file has
/// neither), and the input it was read from (a JSON Lines record's id or URL, a file name), so
/// that each row leads back to its text.
#[derive(serde::Serialize)]
struct SourceRef<'a> {
    publisher: String,
    url: Option<&'a str>,
    document: &'a str,
}

impl<'a> SourceRef<'a> {
    fn of(i: &'a Incident) -> SourceRef<'a> {
        let url = i.source.contains("://").then_some(i.source.as_str());
        SourceRef { publisher: litopys_model::publisher(&i.source), url, document: &i.source }
    }
}

/// Now, in Unix seconds (ACLED's `timestamp`).
pub fn unix_now() -> i64 {
    jiff::Timestamp::now().as_second()
}

/// The `timestamp` written in this run's rows: `SOURCE_DATE_EPOCH` when set (the convention
/// for reproducible output: two runs then write the same bytes), else now.
fn run_timestamp() -> i64 {
    std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|v| v.trim().parse().ok()).unwrap_or_else(unix_now)
}

impl<W: Write> Writer<W> {
    /// A writer in `format`; CSV writes its header at once.
    pub fn new(format: Format, out: W) -> anyhow::Result<Writer<W>> {
        let mut w = Writer { format, out, n_written: 0, timestamp: run_timestamp() };
        match format {
            Format::Csv => w.csv_row(litopys_model::row_columns())?,
            Format::Json => w.out.write_all(b"[")?,
            Format::Jsonl => {}
        }
        Ok(w)
    }

    /// Writes one incident.
    pub fn incident(&mut self, i: &Incident) -> anyhow::Result<()> {
        match self.format {
            Format::Csv => self.csv_row(i.acled_row(&[], self.timestamp).texts())?,
            _ => self.json(&Record {
                row: i.acled_row(&[], self.timestamp),
                legal: &i.legal,
                amounts: &i.amounts,
                damage: &i.damage,
                injury_details: &i.injury_details,
                sources: [SourceRef::of(i)],
                evidence: &i.evidence,
            })?,
        }
        self.n_written += 1;
        Ok(())
    }

    /// Writes one statistic (skipped in CSV, whose columns are ACLED's).
    pub fn statistic(&mut self, s: &Statistic) -> anyhow::Result<()> {
        if self.format != Format::Csv {
            self.json(s)?;
            self.n_written += 1;
        }
        Ok(())
    }

    fn json(&mut self, v: &impl serde::Serialize) -> anyhow::Result<()> {
        match self.format {
            Format::Json => {
                self.out.write_all(if self.n_written == 0 { b"\n" } else { b",\n" })?;
                serde_json::to_writer_pretty(&mut self.out, v)?;
            }
            _ => {
                serde_json::to_writer(&mut self.out, v)?;
                self.out.write_all(b"\n")?;
            }
        }
        Ok(())
    }

    fn csv_row<I, T>(&mut self, row: I) -> anyhow::Result<()>
    where
        I: IntoIterator<Item = T>,
        T: AsRef<[u8]>,
    {
        let mut c = csv::WriterBuilder::new().has_headers(false).from_writer(Vec::new());
        c.write_record(row)?;
        let bytes = c.into_inner().map_err(|e| anyhow::anyhow!("csv: {e}"))?;
        self.out.write_all(&bytes)?;
        Ok(())
    }

    /// Ends the output (closes the JSON array) and returns the number of records written.
    pub fn finish(mut self) -> anyhow::Result<usize> {
        if self.format == Format::Json {
            self.out.write_all(b"\n]\n")?;
        }
        self.out.flush()?;
        Ok(self.n_written)
    }
}
