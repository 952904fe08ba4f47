//! `litopys export`: events as CSV (ACLED's columns), JSON Lines, GeoJSON or Parquet.

use std::io::Write;
use std::process::ExitCode;

use clap::ValueEnum;
use litopys_model::ACLED_COLUMNS;

use crate::events::FilterArgs;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// ACLED's columns in ACLED's order, one row per event.
    Csv,
    /// One JSON object per event, with its sources and evidence.
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
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.format {
        ExportFormat::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record(ACLED_COLUMNS)?;
            for e in &events {
                w.write_record(e.incident.csv_row())?;
            }
            w.flush()?;
        }
        ExportFormat::Jsonl => {
            for e in &events {
                writeln!(out, "{}", serde_json::to_string(e)?)?;
            }
        }
        ExportFormat::Geojson => {
            let features: Vec<serde_json::Value> = events.iter().map(feature).collect();
            let fc = serde_json::json!({ "type": "FeatureCollection", "features": features });
            writeln!(out, "{}", serde_json::to_string(&fc)?)?;
        }
        ExportFormat::Parquet => {
            let rows: Vec<Vec<String>> = events.iter().map(|e| e.incident.csv_row()).collect();
            // Parquet's writer wants a `Send` sink: build the file in memory, then write it out
            let mut buf = Vec::new();
            crate::parquet_out::write(&mut buf, &rows)?;
            out.write_all(&buf)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// One event as a GeoJSON Feature: a Point at [longitude, latitude] (RFC 7946 order), or a
/// null geometry when the event has no coordinates.
fn feature(e: &litopys_store::Event) -> serde_json::Value {
    let i = &e.incident;
    let geometry = match (i.longitude, i.latitude) {
        (Some(lon), Some(lat)) => serde_json::json!({ "type": "Point", "coordinates": [lon, lat] }),
        _ => serde_json::Value::Null,
    };
    let mut props = serde_json::Map::new();
    for (k, v) in ACLED_COLUMNS.iter().zip(i.csv_row()) {
        props.insert((*k).to_string(), serde_json::Value::String(v));
    }
    props.insert("status".into(), e.status.as_str().into());
    props.insert("n_sources".into(), e.sources.len().into());
    serde_json::json!({ "type": "Feature", "id": e.id, "geometry": geometry, "properties": props })
}
