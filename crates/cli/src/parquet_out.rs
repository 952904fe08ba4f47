//! Events as Apache Parquet: ACLED's columns, typed (dates and names as UTF-8 strings, figures
//! as 32-bit integers, coordinates as doubles), every column optional, one row group.

use std::io::Write;
use std::sync::Arc;

use litopys_model::ACLED_COLUMNS;
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int32Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;

/// Columns written as integers; `latitude` and `longitude` are doubles; the rest are strings.
const INT_COLUMNS: &[&str] = &["year", "time_precision", "geo_precision", "fatalities", "injuries", "participants", "arrests"];
const DOUBLE_COLUMNS: &[&str] = &["latitude", "longitude"];

fn schema() -> String {
    let fields: Vec<String> = ACLED_COLUMNS
        .iter()
        .map(|c| {
            if INT_COLUMNS.contains(c) {
                format!("OPTIONAL INT32 {c};")
            } else if DOUBLE_COLUMNS.contains(c) {
                format!("OPTIONAL DOUBLE {c};")
            } else {
                format!("OPTIONAL BYTE_ARRAY {c} (UTF8);")
            }
        })
        .collect();
    format!("message acled_events {{ {} }}", fields.join(" "))
}

/// Writes `rows` (one `Incident::csv_row` per event) as a Parquet file to `out`.
pub fn write<W: Write + Send>(out: W, rows: &[Vec<String>]) -> anyhow::Result<()> {
    let schema = Arc::new(parse_message_type(&schema())?);
    let mut writer = SerializedFileWriter::new(out, schema, Arc::new(WriterProperties::builder().build()))?;
    let mut group = writer.next_row_group()?;
    let mut idx = 0;
    while let Some(mut column) = group.next_column()? {
        let name = ACLED_COLUMNS[idx];
        let cells = rows.iter().map(|r| r.get(idx).map(String::as_str).unwrap_or(""));
        let levels: Vec<i16> = Vec::with_capacity(rows.len());
        if INT_COLUMNS.contains(&name) {
            let (values, levels) = present(cells, levels, |s| s.parse::<i32>().ok());
            column.typed::<Int32Type>().write_batch(&values, Some(&levels), None)?;
        } else if DOUBLE_COLUMNS.contains(&name) {
            let (values, levels) = present(cells, levels, |s| s.parse::<f64>().ok());
            column.typed::<DoubleType>().write_batch(&values, Some(&levels), None)?;
        } else {
            let (values, levels) = present(cells, levels, |s| (!s.is_empty()).then(|| ByteArray::from(s)));
            column.typed::<ByteArrayType>().write_batch(&values, Some(&levels), None)?;
        }
        column.close()?;
        idx += 1;
    }
    group.close()?;
    writer.close()?;
    Ok(())
}

/// The present values and a definition level per row (1 present, 0 null).
fn present<'a, T>(cells: impl Iterator<Item = &'a str>, mut levels: Vec<i16>, parse: impl Fn(&'a str) -> Option<T>) -> (Vec<T>, Vec<i16>) {
    let mut values = Vec::new();
    for cell in cells {
        match parse(cell) {
            Some(v) => {
                values.push(v);
                levels.push(1);
            }
            None => levels.push(0),
        }
    }
    (values, levels)
}

#[cfg(test)]
mod tests {
    use super::*;
    use parquet::file::reader::{FileReader, SerializedFileReader};

    #[test]
    fn rows_read_back_with_types() {
        let mut a = vec![String::new(); ACLED_COLUMNS.len()];
        let col = |n: &str| ACLED_COLUMNS.iter().position(|c| *c == n).unwrap();
        a[col("event_id_cnty")] = "UKR1".into();
        a[col("latitude")] = "49.2331".into();
        a[col("fatalities")] = "0".into();
        a[col("injuries")] = "2".into();
        let mut b = a.clone();
        b[col("event_id_cnty")] = "UKR2".into();
        b[col("injuries")] = String::new();
        let mut buf = Vec::new();
        write(&mut buf, &[a, b]).unwrap();
        let reader = SerializedFileReader::new(bytes::Bytes::from(buf)).unwrap();
        assert_eq!(reader.metadata().file_metadata().num_rows(), 2);
        let rows: Vec<String> = reader.get_row_iter(None).unwrap().map(|r| r.unwrap().to_string()).collect();
        assert!(rows[0].contains("event_id_cnty: \"UKR1\"") && rows[0].contains("latitude: 49.2331") && rows[0].contains("injuries: 2"), "{}", rows[0]);
        assert!(rows[1].contains("injuries: null"), "{}", rows[1]);
    }
}
