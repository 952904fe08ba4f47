//! Load time, memory and matching throughput of the built-in gazetteer.
//!
//! `cargo bench -p litopys-gazetteer` prints the resident memory the gazetteer adds, then
//! criterion's timings; throughput is in bytes of text per second.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use litopys_gazetteer::Gazetteer;

/// Synthetic reports mixing place names, inflected forms, namesakes and ordinary words in
/// English, Ukrainian and Russian, repeated to about `bytes`.
fn large_text(bytes: usize) -> String {
    const SENTENCES: &[&str] = &[
        "On February 26, around 60 miners in Pavlohrad, Dnipropetrovsk region, refused to go underground over unpaid wages. ",
        "Residents of the village of Ivanivka in the Stryi district of the Lviv region blocked the highway near Lviv for two hours. ",
        "The crowd rocked the vehicle until the officers let the man go, witnesses in Velyka Dymerka near Kyiv told reporters. ",
        "У Луцьку та Тернопільській області мітингувальники вимагали відставки голови, поліція відкрила кримінальне провадження. ",
        "У селі Михайлівка Запорізької області пролунали вибухи, а в Кривому Розі та під Вінницею зафіксували перебої зі світлом. ",
        "В Одессе и Николаеве прошли акции протеста, в Кривом Роге бастуют шахтеры, возле Харькова перекрыли дорогу. ",
        "Жители поселка Ивановка Херсонской области сообщили о задержании, а в Энергодаре отключили воду на сутки. ",
        "Workers at the plant said the union would continue the strike until the management paid the wages owed since autumn. ",
    ];
    let mut text = String::with_capacity(bytes + 256);
    let mut i = 0;
    while text.len() < bytes {
        text.push_str(SENTENCES[i % SENTENCES.len()]);
        i += 1;
    }
    text
}

fn rss_kb() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: u64 = statm.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    pages * 4
}

fn bench(c: &mut Criterion) {
    let before = rss_kb();
    let started = std::time::Instant::now();
    let gaz = Gazetteer::load_builtin();
    let load = started.elapsed();
    let loaded = rss_kb();
    let text = large_text(4 << 20);
    let with_text = rss_kb();
    let n_mentions = gaz.find(&text).len();
    let searched = rss_kb();
    eprintln!(
        "gazetteer: {} entries, {} spellings; first load {:.1} ms, resident memory +{:.1} MB after load, \
         +{:.1} MB more after a first pass over the text; {} mentions in {} bytes",
        gaz.entries().len(),
        gaz.n_spellings(),
        load.as_secs_f64() * 1000.0,
        loaded.saturating_sub(before) as f64 / 1024.0,
        searched.saturating_sub(with_text) as f64 / 1024.0,
        n_mentions,
        text.len()
    );

    c.bench_function("load_builtin", |b| b.iter(|| black_box(Gazetteer::load_builtin())));

    let mut group = c.benchmark_group("find");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.bench_function("4MB mixed uk/ru/en", |b| b.iter(|| black_box(gaz.find(black_box(&text)))));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
