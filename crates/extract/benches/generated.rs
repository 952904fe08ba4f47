//! Extraction throughput per language on the generated corpus, in MB/s (criterion), next to
//! the gazetteer's pass over the same documents.
//!
//! `cargo bench -p litopys-extract --bench generated`
//!
//! The corpus is `litopys-corpus` output (seed 1, about 2 MB of text per language, articles of
//! 1–6 KB); `litopys bench` measures the same pipeline on larger corpora and on all cores.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use litopys_corpus::{Generator, Lang};
use litopys_extract::Extractor;
use litopys_gazetteer::Gazetteer;
use litopys_model::Document;

fn documents(lang: Lang, n_bytes: usize) -> Vec<Document> {
    let mut gen = Generator::new(1, lang);
    let mut docs = Vec::new();
    let mut n = 0;
    while n < n_bytes {
        let d = gen.article().into_document();
        n += d.text.len();
        docs.push(d);
    }
    docs
}

fn bench(c: &mut Criterion) {
    let extractor = Extractor::default();
    let gaz = Gazetteer::builtin();
    let mut group = c.benchmark_group("generated");
    group.sample_size(10);
    for (name, lang) in [("en", Lang::En), ("uk", Lang::Uk), ("ru", Lang::Ru)] {
        let docs = documents(lang, 2_000_000);
        let n_bytes: usize = docs.iter().map(|d| d.text.len()).sum();
        group.throughput(Throughput::Bytes(n_bytes as u64));
        group.bench_function(format!("extract/{name}"), |b| {
            b.iter(|| {
                docs.iter()
                    .map(|d| extractor.extract(d).incidents.len())
                    .sum::<usize>()
            })
        });
        group.bench_function(format!("gazetteer/{name}"), |b| {
            b.iter(|| docs.iter().map(|d| gaz.find(&d.text).len()).sum::<usize>())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
