//! Extraction throughput per language, in MB/s (criterion).
//!
//! `cargo bench -p litopys-extract --bench throughput`
//!
//! The corpus is the bundled example reports (written for litopys), their paragraphs shuffled
//! into about 1 MB of text per language and cut into article-sized documents (about 3 KB,
//! as news articles and posts are), so the three languages are measured on the same mix of
//! incidents, dates and figures.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use litopys_extract::Extractor;
use litopys_model::Document;

const EN: &str = include_str!("../../../examples/articles/monthly-review.en.txt");
const UK: &str = include_str!("../../../examples/articles/kharkiv-post.uk.txt");
const RU: &str = include_str!("../../../examples/articles/mines-post.ru.txt");

/// About `size` bytes of `text`'s paragraphs in a deterministic varied order.
fn corpus(text: &str, size: usize) -> String {
    let paras: Vec<&str> = text.split("\n\n").collect();
    let mut out = String::with_capacity(size + text.len());
    let mut state: u64 = 0x2545F4914F6CDD1D;
    while out.len() < size {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        out.push_str(paras[(state % paras.len() as u64) as usize]);
        out.push_str("\n\n");
    }
    out
}

/// `text` cut at paragraph breaks into documents of about 3 KB.
fn documents(lang: &str, text: &str) -> Vec<Document> {
    let mut docs = Vec::new();
    let mut current = String::new();
    for para in text.split("\n\n") {
        current.push_str(para);
        current.push_str("\n\n");
        if current.len() > 3000 {
            let mut doc = Document::new(
                format!("{lang}-{}", docs.len()),
                std::mem::take(&mut current),
            );
            doc.published = "2026-04-01".parse().ok();
            docs.push(doc);
        }
    }
    docs
}

fn bench(c: &mut Criterion) {
    let extractor = Extractor::default();
    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    for (lang, text) in [("en", EN), ("uk", UK), ("ru", RU)] {
        let docs = documents(lang, &corpus(text, 1 << 20));
        let n_bytes: usize = docs.iter().map(|d| d.text.len()).sum();
        group.throughput(Throughput::Bytes(n_bytes as u64));
        group.bench_function(lang, |b| {
            b.iter(|| {
                docs.iter()
                    .map(|d| extractor.extract(d).incidents.len())
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
