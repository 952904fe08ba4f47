//! The API benchmark of issue #8: median and p99 latency of representative requests over a
//! store of synthetic events (a million by default).
//!
//! ```text
//! cargo run --release -p litopys-server --example api_bench -- [--events N] [--seed S] [--iters K] [--db PATH]
//! ```
//!
//! The store is written once by `tests/synthetic` (about a minute for a million events) and
//! kept at `--db` (default `target/api_bench/events-N-seed-S.db`) for the next run. Requests go
//! through the whole axum router (`tower::ServiceExt::oneshot`: routing, query parsing,
//! authentication, the handler, JSON serialisation, the body collected), not through a socket;
//! loopback HTTP would add a roughly constant tenth of a millisecond and the transfer of large
//! bodies. The first request builds the server's snapshot; its time is reported apart.

#[path = "../tests/synthetic/mod.rs"]
mod synthetic;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use litopys_server::{app, Accounts, AppState, Config, Role};
use litopys_store::Store;
use tower::ServiceExt;

struct Args {
    events: usize,
    seed: u64,
    iters: usize,
    db: Option<PathBuf>,
}

fn args() -> Result<Args, String> {
    let mut a = Args { events: 1_000_000, seed: 1, iters: 50, db: None };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let bad = |_| format!("{flag}: not a number: {value}");
        match flag.as_str() {
            "--events" => a.events = value.parse().map_err(bad)?,
            "--seed" => a.seed = value.parse().map_err(bad)?,
            "--iters" => a.iters = value.parse().map_err(bad)?,
            "--db" => a.db = Some(PathBuf::from(value)),
            _ => return Err(format!("unknown option {flag}; expected --events, --seed, --iters or --db")),
        }
    }
    Ok(a)
}

/// Resident and peak memory of this process, from /proc (Linux), in MiB.
fn memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status.lines().find(|l| l.starts_with(name)).and_then(|l| l.split_whitespace().nth(1)).and_then(|kb| kb.parse::<u64>().ok()).map_or(0, |kb| kb / 1024)
    };
    format!("RSS {} MiB (peak {} MiB)", field("VmRSS:"), field("VmHWM:"))
}

async fn send(app: &Router, method: &str, uri: &str, token: &str, body: Option<&str>) -> (StatusCode, usize) {
    let req = Request::builder().method(method).uri(uri).header(header::AUTHORIZATION, format!("Bearer {token}"));
    let req = match body {
        Some(b) => req.header(header::CONTENT_TYPE, "application/json").body(Body::from(b.to_string())),
        None => req.body(Body::empty()),
    };
    let Ok(req) = req else { return (StatusCode::BAD_REQUEST, 0) };
    let Ok(res) = app.clone().oneshot(req).await;
    let status = res.status();
    let bytes = res.into_body().collect().await.map(|b| b.to_bytes().len()).unwrap_or(0);
    (status, bytes)
}

/// Times `uris` (taken in turn) `iters` times, or fewer when one call takes seconds.
async fn measure(app: &Router, name: &str, method: &str, uris: &[String], token: &str, body: Option<&str>, iters: usize) {
    let (status, bytes) = send(app, method, &uris[0], token, body).await;
    if status != StatusCode::OK {
        println!("| {name} | {} | failed: {status} | | |", uris[0]);
        return;
    }
    let mut times = Vec::with_capacity(iters);
    let budget = Instant::now();
    for k in 0..iters {
        let t = Instant::now();
        send(app, method, &uris[k % uris.len()], token, body).await;
        times.push(t.elapsed());
        if budget.elapsed() > Duration::from_secs(20) && times.len() >= 5 {
            break;
        }
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let p99 = times[((times.len() * 99).div_ceil(100)).saturating_sub(1)];
    println!("| {name} | `{}` | {:.2} | {:.2} | {} | {} |", uris[0], ms(times[times.len() / 2]), ms(p99), times.len(), bytes);
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let a = args()?;
    let db = a.db.clone().unwrap_or_else(|| PathBuf::from(format!("target/api_bench/events-{}-seed-{}.db", a.events, a.seed)));
    if !db.exists() {
        if let Some(dir) = db.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let t = Instant::now();
        let partial = db.with_extension("partial");
        let _ = std::fs::remove_file(&partial);
        let n_docs = synthetic::fill(&partial, a.events, a.seed)?;
        std::fs::rename(&partial, &db)?;
        let _ = std::fs::remove_file(partial.with_extension("partial-wal"));
        let _ = std::fs::remove_file(partial.with_extension("partial-shm"));
        println!("generated {} events ({n_docs} documents) into {} in {:.1} s", a.events, db.display(), t.elapsed().as_secs_f64());
    }
    let dir = tempfile::tempdir()?;
    let mut accounts = Accounts::open(&dir.path().join("users.db"))?;
    accounts.set_user("bench", "bench-password", Role::Editor)?;
    let token = accounts.create_token("bench", "bench")?;
    let store = Store::open(&db.display().to_string())?;
    let app = app(AppState::new(Config::new(&db.display().to_string()), store, accounts));
    println!("machine: {} cores, load {}", std::thread::available_parallelism().map_or(0, |n| n.get()), std::fs::read_to_string("/proc/loadavg").unwrap_or_default().trim());
    println!("before the snapshot: {}", memory());
    let t = Instant::now();
    let (status, _) = send(&app, "GET", "/api/stats", &token, None).await;
    println!("snapshot of {} events built in {:.2} s ({status}); {}", a.events, t.elapsed().as_secs_f64(), memory());
    run_all(&app, &token, a.iters, a.events).await;
    println!("after the runs: {}", memory());
    Ok(())
}

async fn run_all(app: &Router, token: &str, iters: usize, n: usize) {
    println!("\n| request | example | median ms | p99 ms | runs | bytes |\n|---|---|---|---|---|---|");
    let filters = "from=2024-01-01&to=2024-12-31&type=Explosions/Remote%20violence&oblast=Kharkiv&status=new";
    let one = |u: &str| vec![u.to_string()];
    let get = [
        ("aggregate by oblast, month", one("/api/aggregates?interval=month&by=oblast")),
        ("aggregate by week", one("/api/aggregates?interval=week")),
        ("aggregate by type, month", one("/api/aggregates?interval=month&by=type")),
        ("aggregate by place, month", one("/api/aggregates?interval=month&by=place")),
        ("aggregate by day (timeline)", one("/api/aggregates?interval=day")),
        ("aggregate, 4 filters, by type, week", one(&format!("/api/aggregates?interval=week&by=type&{filters}"))),
        ("aggregate, date range, by oblast, day", one("/api/aggregates?interval=day&by=oblast&from=2025-06-01&to=2025-06-30")),
        ("event page, first", one("/api/events?limit=100")),
        ("event page, 4 filters", one(&format!("/api/events?limit=100&{filters}"))),
        ("event page, deep", one(&format!("/api/events?limit=100&offset={}", n * 9 / 10))),
        ("event page, full text", one("/api/events?limit=100&q=Kharkiv")),
        ("event by id", Vec::new()),
        ("map points, all", one("/api/points")),
        ("map points, 4 filters", one(&format!("/api/points?{filters}"))),
        ("chart weekly, all", one("/api/charts/weekly.svg")),
        ("chart map, oblast + year", one("/api/charts/map.svg?oblast=Kharkiv&from=2025-01-01&to=2025-12-31")),
        ("stats", one("/api/stats")),
        ("review queue", one("/api/review/queue?limit=200")),
    ];
    let ids = event_ids(app, token).await;
    for (name, uris) in get {
        let uris = if uris.is_empty() { ids.iter().map(|id| format!("/api/events/{id}")).collect() } else { uris };
        if uris.is_empty() {
            continue;
        }
        measure(app, name, "GET", &uris, token, None, iters).await;
    }
    let reviews: Vec<String> = ids.iter().map(|id| format!("/api/events/{id}/review")).collect();
    if !reviews.is_empty() {
        measure(app, "review (edit fatalities)", "POST", &reviews, token, Some(r#"{"action":"edit","field":"fatalities","value":7}"#), iters.min(20)).await;
    }
}

/// Ids of events spread over the whole set, for the event-page and review requests.
async fn event_ids(app: &Router, token: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for offset in [0, 1000, 10_000, 100_000, 300_000, 500_000, 700_000, 900_000] {
        let req = Request::get(format!("/api/events?limit=1&offset={offset}")).header(header::AUTHORIZATION, format!("Bearer {token}")).body(Body::empty());
        let Ok(req) = req else { continue };
        let Ok(res) = app.clone().oneshot(req).await;
        let Ok(body) = res.into_body().collect().await else { continue };
        let v: serde_json::Value = serde_json::from_slice(&body.to_bytes()).unwrap_or_default();
        if let Some(id) = v["events"][0]["id"].as_str() {
            ids.push(id.to_string());
        }
    }
    ids
}
