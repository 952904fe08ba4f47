//! Prints the place names the built-in gazetteer finds in stdin, one mention a line:
//! `cargo run -p litopys-gazetteer --example places < report.txt`.

use std::io::Read;

use litopys_gazetteer::Gazetteer;

fn main() {
    let mut text = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut text) {
        eprintln!("reading stdin: {e}");
        std::process::exit(1);
    }
    let gaz = Gazetteer::builtin();
    for m in gaz.find(&text) {
        let e = gaz.entry(m.candidates[0]);
        println!(
            "{:?}\t{:?}\t{} ({:?}, {}, {})\t{:.4},{:.4}\t{} candidates",
            m.span.text(&text),
            m.frame,
            e.name,
            e.kind,
            e.admin2.as_deref().unwrap_or("-"),
            e.admin1,
            e.lat,
            e.lon,
            m.candidates.len()
        );
    }
}
