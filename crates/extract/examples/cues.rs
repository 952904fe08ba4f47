//! Prints, sentence by sentence, the cues, dates and places extraction sees in a report, for
//! reading why a sentence does or does not make an incident:
//! `cargo run --release -p litopys-extract --example cues -- report.txt [codebook.toml]`
use litopys_extract::codebook::CueKind;
use litopys_extract::{Analysis, Codebook};
use litopys_model::Document;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_default();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let codebook = match args.next() {
        Some(p) => match Codebook::from_toml(&std::fs::read_to_string(p).unwrap_or_default()) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("codebook: {e}");
                return;
            }
        },
        None => Codebook::builtin(),
    };
    let doc = Document::new(&path, text);
    let a = Analysis::new(&doc, &codebook, litopys_gazetteer::Gazetteer::builtin());
    let rules = codebook.rules();
    for (i, s) in a.sentences.iter().enumerate() {
        let t = s.span.text(a.text());
        println!(
            "[{i} p{}] {}",
            s.paragraph_idx,
            t.chars().take(160).collect::<String>()
        );
        let mut line = String::new();
        for c in a.cues_in(s.span) {
            let what = match c.kind {
                CueKind::Event(r) => format!("E:{}", rules[r].id),
                CueKind::Requires(r) => format!("R:{}", rules[r].id),
                CueKind::Excludes(r) => format!("X:{}", rules[r].id),
                CueKind::Actor(x) => format!("A:{}", codebook.actors()[x].key),
                k => format!("{k:?}"),
            };
            line.push_str(&format!(" {}={}/{}", c.span.text(a.text()), what, c.weight));
        }
        if !line.is_empty() {
            println!("   cues:{line}");
        }
        for d in a.dates_in(s.span) {
            println!("   date: {:?}", d.span.text(a.text()));
        }
        for m in a.places_in(s.span) {
            println!(
                "   place: {:?} -> {}",
                m.span.text(a.text()),
                a.gazetteer.entry(m.candidates[0]).name
            );
        }
    }
}
