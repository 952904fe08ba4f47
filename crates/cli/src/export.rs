//! `litopys export`: events as CSV (ACLED's columns), JSON Lines, GeoJSON or Parquet.

use std::io::Write;
use std::process::ExitCode;

use clap::ValueEnum;
use litopys_model::{publisher, Row};
use litopys_store::Event;

use crate::events::FilterArgs;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// ACLED's columns in ACLED's order, one row per event.
    Csv,
    /// One flat JSON object per event: ACLED's columns, then status, figures, sources and evidence.
    Jsonl,
    /// An RFC 7946 FeatureCollection of points (QGIS, MapLibre); ACLED's columns as properties.
    Geojson,
    /// Apache Parquet with ACLED's columns, typed (pandas, R arrow, DuckDB).
    Parquet,
}

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    filter: FilterArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
    format: ExportFormat,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut store = args.filter.open()?;
    let events = store.events(&args.filter.filter())?;
    let now = crate::output::unix_now();
    let rows: Vec<Row> = events.iter().map(|e| e.row(now)).collect();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.format {
        ExportFormat::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record(litopys_model::row_columns())?;
            for row in &rows {
                // CSV keeps ACLED's columns and litopys' figures, no status
                let cells = row
                    .0
                    .iter()
                    .filter(|(c, _)| *c != "status")
                    .map(|(_, v)| v.to_text());
                w.write_record(cells)?;
            }
            w.flush()?;
        }
        ExportFormat::Jsonl => {
            for (e, row) in events.iter().zip(rows) {
                let record = Record {
                    row,
                    sources: e.sources.iter().map(SourceOut::of).collect(),
                    evidence: &e.evidence,
                };
                writeln!(out, "{}", serde_json::to_string(&record)?)?;
            }
        }
        ExportFormat::Geojson => {
            let features: Vec<serde_json::Value> = events
                .iter()
                .zip(&rows)
                .map(|(e, row)| feature(e, row))
                .collect::<Result<_, _>>()?;
            let fc = serde_json::json!({ "type": "FeatureCollection", "features": features });
            writeln!(out, "{}", serde_json::to_string(&fc)?)?;
        }
        ExportFormat::Parquet => {
            // Parquet's writer wants a `Send` sink: build the file in memory, then write it out
            let mut buf = Vec::new();
            crate::parquet_out::write(&mut buf, &rows)?;
            out.write_all(&buf)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// An event's JSON Lines record: the flat row, its reports and its evidence.
#[derive(serde::Serialize)]
struct Record<'a> {
    #[serde(flatten)]
    row: Row,
    sources: Vec<SourceOut<'a>>,
    evidence: &'a [litopys_store::SourcedEvidence],
}

/// One report of an event as exported: its publisher and link, and the figures it gives.
#[derive(serde::Serialize)]
struct SourceOut<'a> {
    publisher: String,
    url: Option<&'a str>,
    incident: &'a str,
    event_date: jiff::civil::Date,
    fatalities: u32,
    injuries: Option<u32>,
    participants: Option<u32>,
    arrests: Option<u32>,
}

impl<'a> SourceOut<'a> {
    fn of(s: &'a litopys_store::Source) -> SourceOut<'a> {
        SourceOut {
            publisher: publisher(s.url.as_deref().unwrap_or(&s.document)),
            url: s.url.as_deref(),
            incident: &s.incident,
            event_date: s.event_date,
            fatalities: s.fatalities,
            injuries: s.injuries,
            participants: s.participants,
            arrests: s.arrests,
        }
    }
}

/// One event as a GeoJSON Feature: a Point at [longitude, latitude] (RFC 7946 order), or a
/// null geometry when the event has no coordinates; the row's cells as properties with their
/// JSON types (numbers as numbers, lists as arrays).
fn feature(e: &Event, row: &Row) -> serde_json::Result<serde_json::Value> {
    let i = &e.incident;
    let geometry = match (i.longitude, i.latitude) {
        (Some(lon), Some(lat)) => serde_json::json!({ "type": "Point", "coordinates": [lon, lat] }),
        _ => serde_json::Value::Null,
    };
    let mut props = match serde_json::to_value(row)? {
        serde_json::Value::Object(map) => map,
        _ => serde_json::Map::new(),
    };
    props.insert("n_sources".into(), e.sources.len().into());
    Ok(
        serde_json::json!({ "type": "Feature", "id": e.id, "geometry": geometry, "properties": props }),
    )
}
