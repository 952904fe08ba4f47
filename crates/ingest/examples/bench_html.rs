//! Measures HTML main-text extraction speed over generated pages (written for litopys: the
//! pages are synthetic, built from invented sentences).
//!
//! `cargo run --release -p litopys-ingest --example bench_html [N_PAGES]`
//!
//! Half the pages mark the article with `<article>` (the rules pass keeps it); the other half
//! are "div soup" that goes through Readability.

use std::time::Instant;

const SENTENCES: &[&str] = &[
    "On February 23, in Vinnytsia, about 40 residents surrounded a recruitment minibus.",
    "Two officers received minor injuries, according to the regional police.",
    "У Луцьку перехожі заблокували автомобіль ТЦК та відбили затриманого чоловіка.",
    "Вчера вечером в Кривом Роге неизвестные бросили бутылку с зажигательной смесью.",
    "Management promised to pay half of the wage arrears by mid-March.",
];

fn page(page_idx: usize) -> String {
    let mut body = String::new();
    for paragraph_idx in 0..40 {
        body.push_str("<p>");
        for k in 0..5 {
            body.push_str(SENTENCES[(page_idx + paragraph_idx + k) % SENTENCES.len()]);
            body.push_str(" <a href=\"/x\">link</a> &amp; more. ");
        }
        body.push_str("</p>\n");
    }
    let chrome_top = "<header><nav class=\"menu\"><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li></ul></nav></header>\
                      <div class=\"ad-slot\">Subscribe to our newsletter!</div>";
    let chrome_bottom = "<aside class=\"most-read\"><ul><li>Explosions in Kherson</li><li>Protest in Lviv</li></ul></aside>\
                         <section id=\"comments\"><p>Reader comment about Poltava.</p></section><footer>(c) Example</footer>";
    let head = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Page {page_idx}</title>\
         <meta property=\"article:published_time\" content=\"2026-03-02T09:30:00+02:00\">\
         <script>var x = {{\"a\": [1,2,3]}};</script><style>.menu{{display:flex}}</style></head>"
    );
    if page_idx % 2 == 0 {
        format!("{head}<body>{chrome_top}<main><article><h1>Page {page_idx}</h1>{body}</article>{chrome_bottom}</main></body></html>")
    } else {
        format!("{head}<body>{chrome_top}<div class=\"wrap\"><div class=\"content\">{body}</div>{chrome_bottom}</div></body></html>")
    }
}

fn main() {
    let n_pages: usize = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(200);
    let pages: Vec<String> = (0..n_pages).map(page).collect();
    let n_bytes: usize = pages.iter().map(String::len).sum();
    // Warm up: allocator and caches.
    for page in pages.iter().take(20) {
        let _ = litopys_ingest::read_bytes("warm.html", page.as_bytes());
    }
    for (label, parity) in [("<article> pages", 0), ("div-soup pages", 1), ("all pages", 2)] {
        let selected: Vec<&String> = pages.iter().enumerate().filter(|(i, _)| parity == 2 || i % 2 == parity).map(|(_, p)| p).collect();
        let bytes: usize = selected.iter().map(|p| p.len()).sum();
        let start = Instant::now();
        let mut n_text = 0;
        for (i, page) in selected.iter().enumerate() {
            let batch = litopys_ingest::read_bytes(&format!("p{i}.html"), page.as_bytes()).expect("generated page");
            n_text += batch.documents.iter().map(|d| d.text.len()).sum::<usize>();
        }
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{label}: {} pages, {:.1} MB in {:.3} s = {:.1} MB/s ({:.1} MB of text out)",
            selected.len(),
            bytes as f64 / 1e6,
            secs,
            bytes as f64 / 1e6 / secs,
            n_text as f64 / 1e6
        );
    }
    eprintln!("generated {n_pages} pages, {:.1} MB", n_bytes as f64 / 1e6);
}
