//! `litopys export --format parquet`: the file reads back with the same number of events and
//! ACLED's columns. Input: the bundled example reports (written for litopys).

use assert_cmd::Command;
use parquet::file::reader::{FileReader, SerializedFileReader};

#[test]
fn parquet_has_every_event_and_acled_columns() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db").display().to_string();
    let article = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles/monthly-review.en.txt");
    Command::cargo_bin("litopys").unwrap().args(["ingest", "--db", &db, "--published", "2026-04-01"]).arg(article).assert().success();
    let csv = Command::cargo_bin("litopys").unwrap().args(["export", "--db", &db, "--format", "csv"]).assert().success();
    let n_events = String::from_utf8_lossy(&csv.get_output().stdout).lines().count() - 1;
    assert!(n_events >= 5);
    let out = Command::cargo_bin("litopys").unwrap().args(["export", "--db", &db, "--format", "parquet"]).assert().success();
    let bytes = out.get_output().stdout.clone();
    let reader = SerializedFileReader::new(bytes::Bytes::from(bytes)).unwrap();
    let meta = reader.metadata().file_metadata();
    assert_eq!(meta.num_rows() as usize, n_events);
    let names: Vec<String> = meta.schema_descr().columns().iter().map(|c| c.name().to_string()).collect();
    assert_eq!(names.len(), litopys_model::row_columns().count() + 1, "ACLED's columns, status, figures");
    assert_eq!(names[0], "event_id_cnty");
    let first = reader.get_row_iter(None).unwrap().next().unwrap().unwrap().to_string();
    assert!(first.contains("admin1: \"Lviv\""), "{first}");
}
