//! Shared checks for the fuzz targets: each reader forced on arbitrary bytes, and extraction.

use litopys_extract::Extractor;
use litopys_ingest::{Format, Reader};
use litopys_model::Document;

/// The inputs each target accepts; larger ones are cut so that every run stays fast.
pub const MAX_INPUT: u64 = 1024 * 1024;

/// Reads `bytes` forced as `format` and checks what came back: document ids and text are
/// well-formed, and the documents survive extraction with exact evidence.
pub fn read_as(format: Format, bytes: &[u8]) {
    let reader = Reader { max_bytes: MAX_INPUT, format: Some(format) };
    let Ok(batch) = reader.read_bytes("fuzz.input", bytes) else { return };
    for doc in &batch.documents {
        assert!(!doc.id.is_empty(), "a document without an id");
    }
    // Extraction on a few of the documents: the reader's output is the extractor's input.
    for doc in batch.documents.iter().take(4) {
        extract_checked(doc);
    }
    for w in &batch.warnings {
        let _ = w.to_string();
    }
}

/// Extracts `doc` and checks the evidence invariant: every evidence's text is exactly the
/// document's text at its span.
pub fn extract_checked(doc: &Document) {
    let out = extractor().extract(doc);
    let check = |e: &litopys_model::Evidence| {
        let at = doc.text.get(e.start..e.end);
        assert_eq!(at, Some(e.text.as_str()), "evidence for {} at {}..{} is not the source text", e.field, e.start, e.end);
    };
    for i in &out.incidents {
        i.evidence.iter().for_each(check);
    }
    for s in &out.statistics {
        s.evidence.iter().for_each(check);
    }
}

/// Bytes as a document, lossily decoded, with a fixed publication date.
pub fn document(bytes: &[u8]) -> Document {
    let mut doc = Document::new("fuzz", String::from_utf8_lossy(bytes).into_owned());
    doc.published = Some(jiff::civil::date(2026, 3, 2));
    doc
}

/// Builds the extractor and runs it once, before fuzzing starts (the targets' `init`): the
/// gazetteer, the geoparser and the codebook load lazily, and under the sanitizers that first
/// load takes seconds that libFuzzer would otherwise charge to the first input as a hang.
pub fn warm_up() {
    extract_checked(&document("Вибух у Харкові 1 березня: shelling near Kupiansk.".as_bytes()));
}

fn extractor() -> &'static Extractor {
    static EXTRACTOR: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    EXTRACTOR.get_or_init(Extractor::default)
}
