//! Prints what litopys-ingest reads from the given paths: `cargo run -p litopys-ingest --example read -- PATH...`
fn main() {
    let paths: Vec<std::path::PathBuf> = std::env::args_os().skip(1).map(Into::into).collect();
    for (path, result) in litopys_ingest::walk(&paths) {
        match result {
            Ok(batch) => {
                for doc in &batch.documents {
                    println!("== {} | title {:?} | published {:?} | source {:?} | lang {:?}", doc.id, doc.title, doc.published, doc.source, doc.lang);
                    println!("{}", doc.text);
                }
                for warning in &batch.warnings {
                    eprintln!("warning: {warning}");
                }
            }
            Err(err) => eprintln!("error: {err} ({})", path.display()),
        }
    }
}
