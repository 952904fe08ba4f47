//! Events as Apache Parquet, typed from each column's cells: dates as `DATE`, whole numbers as
//! `INT64`, coordinates as `DOUBLE`, tags and weapons as lists of strings, the rest as UTF-8
//! strings; every column optional, one row group. pandas, R arrow and DuckDB read the types
//! as they are.

use std::io::Write;
use std::sync::Arc;

use litopys_model::{Cell, Row};
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;

/// A column's Parquet type, from the kind of cell it holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Int,
    Float,
    Date,
    List,
}

fn kind(cell: &Cell) -> Option<Kind> {
    match cell {
        Cell::Null => None,
        Cell::Text(_) => Some(Kind::Text),
        Cell::Int(_) => Some(Kind::Int),
        Cell::Float(_) => Some(Kind::Float),
        Cell::Date(_) => Some(Kind::Date),
        Cell::List(_) => Some(Kind::List),
    }
}

/// The columns of `rows` (their first row's), each with the kind of its first non-null cell.
fn columns(rows: &[Row]) -> Vec<(&'static str, Kind)> {
    let Some(first) = rows.first() else {
        return Vec::new();
    };
    first
        .0
        .iter()
        .enumerate()
        .map(|(idx, (name, _))| {
            let k = rows
                .iter()
                .find_map(|r| r.0.get(idx).and_then(|(_, c)| kind(c)));
            (*name, k.unwrap_or(Kind::Text))
        })
        .collect()
}

fn schema(columns: &[(&str, Kind)]) -> String {
    let fields: Vec<String> = columns
        .iter()
        .map(|(c, k)| match k {
            Kind::Int => format!("OPTIONAL INT64 {c};"),
            Kind::Float => format!("OPTIONAL DOUBLE {c};"),
            Kind::Date => format!("OPTIONAL INT32 {c} (DATE);"),
            Kind::Text => format!("OPTIONAL BYTE_ARRAY {c} (UTF8);"),
            Kind::List => format!("OPTIONAL group {c} (LIST) {{ REPEATED group list {{ OPTIONAL BYTE_ARRAY element (UTF8); }} }}"),
        })
        .collect();
    format!("message acled_events {{ {} }}", fields.join(" "))
}

/// Days from 1970-01-01, Parquet's `DATE`.
fn epoch_days(d: jiff::civil::Date) -> i32 {
    let epoch = jiff::civil::date(1970, 1, 1);
    i32::try_from((d - epoch).get_days()).unwrap_or_default()
}

/// Writes `rows` (one per event, all with the same columns) as a Parquet file to `out`.
pub fn write<W: Write + Send>(out: W, rows: &[Row]) -> anyhow::Result<()> {
    let columns = if rows.is_empty() {
        empty_columns()
    } else {
        columns(rows)
    };
    let schema = Arc::new(parse_message_type(&schema(&columns))?);
    let mut writer =
        SerializedFileWriter::new(out, schema, Arc::new(WriterProperties::builder().build()))?;
    let mut group = writer.next_row_group()?;
    let mut idx = 0;
    while let Some(mut column) = group.next_column()? {
        let kind = columns.get(idx).map_or(Kind::Text, |c| c.1);
        let cells: Vec<&Cell> = rows
            .iter()
            .map(|r| r.0.get(idx).map_or(&Cell::Null, |(_, c)| c))
            .collect();
        match kind {
            Kind::Int => {
                let (values, levels) =
                    present(
                        &cells,
                        |c| if let Cell::Int(n) = c { Some(*n) } else { None },
                    );
                column
                    .typed::<Int64Type>()
                    .write_batch(&values, Some(&levels), None)?;
            }
            Kind::Float => {
                let (values, levels) = present(&cells, |c| {
                    if let Cell::Float(x) = c {
                        Some(*x)
                    } else {
                        None
                    }
                });
                column
                    .typed::<DoubleType>()
                    .write_batch(&values, Some(&levels), None)?;
            }
            Kind::Date => {
                let (values, levels) = present(&cells, |c| {
                    if let Cell::Date(d) = c {
                        Some(epoch_days(*d))
                    } else {
                        None
                    }
                });
                column
                    .typed::<Int32Type>()
                    .write_batch(&values, Some(&levels), None)?;
            }
            Kind::Text => {
                let (values, levels) = present(&cells, |c| match c {
                    Cell::Null => None,
                    c => Some(ByteArray::from(c.to_text().as_str())),
                });
                column
                    .typed::<ByteArrayType>()
                    .write_batch(&values, Some(&levels), None)?;
            }
            Kind::List => {
                let (values, def, rep) = lists(&cells);
                column
                    .typed::<ByteArrayType>()
                    .write_batch(&values, Some(&def), Some(&rep))?;
            }
        }
        column.close()?;
        idx += 1;
    }
    group.close()?;
    writer.close()?;
    Ok(())
}

/// The columns of a file with no rows: those of a row of an incident with every cell empty.
fn empty_columns() -> Vec<(&'static str, Kind)> {
    litopys_model::row_columns()
        .map(|c| {
            let k = match c {
                "event_date" => Kind::Date,
                "latitude" | "longitude" => Kind::Float,
                "tags" | "weapons" => Kind::List,
                "year" | "time_precision" | "iso" | "geo_precision" | "fatalities"
                | "timestamp" | "injuries" | "participants" | "arrests" => Kind::Int,
                _ => Kind::Text,
            };
            (c, k)
        })
        .collect()
}

/// The present values and a definition level per row (1 present, 0 null).
fn present<T>(cells: &[&Cell], value: impl Fn(&Cell) -> Option<T>) -> (Vec<T>, Vec<i16>) {
    let mut values = Vec::new();
    let mut levels = Vec::with_capacity(cells.len());
    for cell in cells {
        match value(cell) {
            Some(v) => {
                values.push(v);
                levels.push(1);
            }
            None => levels.push(0),
        }
    }
    (values, levels)
}

/// A list column's values with definition levels (0 null list, 1 empty list, 3 an element)
/// and repetition levels (0 a row's first element, 1 the next ones).
fn lists(cells: &[&Cell]) -> (Vec<ByteArray>, Vec<i16>, Vec<i16>) {
    let (mut values, mut def, mut rep) = (Vec::new(), Vec::new(), Vec::new());
    for cell in cells {
        match cell {
            Cell::List(items) if !items.is_empty() => {
                for (n, item) in items.iter().enumerate() {
                    values.push(ByteArray::from(item.as_str()));
                    def.push(3);
                    rep.push(i16::from(n > 0));
                }
            }
            Cell::List(_) => {
                def.push(1);
                rep.push(0);
            }
            _ => {
                def.push(0);
                rep.push(0);
            }
        }
    }
    (values, def, rep)
}

#[cfg(test)]
mod tests {
    use super::*;
    use parquet::file::reader::{FileReader, SerializedFileReader};

    fn row(id: &str, injuries: Cell, tags: &[&str]) -> Row {
        Row(vec![
            ("event_id_cnty", Cell::Text(id.into())),
            ("event_date", Cell::Date(jiff::civil::date(2026, 3, 1))),
            ("latitude", Cell::Float(49.2331)),
            ("injuries", injuries),
            (
                "tags",
                Cell::List(tags.iter().map(|t| t.to_string()).collect()),
            ),
        ])
    }

    #[test]
    fn rows_read_back_with_types() {
        let rows = [
            row("UKR1", Cell::Int(2), &["court", "labour"]),
            row("UKR2", Cell::Null, &[]),
        ];
        let mut buf = Vec::new();
        write(&mut buf, &rows).unwrap();
        let reader = SerializedFileReader::new(bytes::Bytes::from(buf)).unwrap();
        assert_eq!(reader.metadata().file_metadata().num_rows(), 2);
        let rows: Vec<String> = reader
            .get_row_iter(None)
            .unwrap()
            .map(|r| r.unwrap().to_string())
            .collect();
        let first = &rows[0];
        assert!(
            first.contains("event_id_cnty: \"UKR1\"")
                && first.contains("latitude: 49.2331")
                && first.contains("injuries: 2"),
            "{first}"
        );
        assert!(
            first.contains("event_date: 2026-03-01")
                && first.contains("tags: [\"court\", \"labour\"]"),
            "{first}"
        );
        assert!(
            rows[1].contains("injuries: null") && rows[1].contains("tags: []"),
            "{}",
            rows[1]
        );
    }
}
