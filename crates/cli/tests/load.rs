//! Load on `litopys serve` over loopback: 200 concurrent clients mixing reads (filtered event
//! lists, aggregates, one event, map points, documents) and an editor's review writes, on the
//! default SQLite store, for a fixed number of requests under a hard time cap.
//!
//! Why from outside: the figures are those of the real server (its runtime, the store's
//! locking, the accounts lookup of every token) as a browser or script meets it, and the test
//! stays valid whatever the server's read path looks like inside.
//!
//! Any failed request (transport error or a status other than 2xx) fails the test. Latency is
//! reported, not asserted: set `LITOPYS_LOAD_STRICT=1` to also fail when the reads' p99 is
//! 100 ms or more. Size it with `LITOPYS_LOAD_REQUESTS` (default 2,000), `LITOPYS_LOAD_CLIENTS`
//! (default 200), `LITOPYS_LOAD_SECONDS` (the cap, default 300) and `LITOPYS_LOAD_CORPUS`
//! (bytes of generated reports to serve, default 3MB). The figures in docs/performance.md come
//! from `LITOPYS_LOAD_REQUESTS=20000 cargo test --release -p litopys --test load -- --nocapture`.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What a request does, for the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Class {
    List,
    Aggregates,
    Event,
    Points,
    Document,
    Review,
}

const CLASSES: [Class; 6] = [Class::List, Class::Aggregates, Class::Event, Class::Points, Class::Document, Class::Review];

/// One request's outcome.
struct Sample {
    class: Class,
    millis: f64,
    error: Option<String>,
}

/// What the clients need to know: where, with which tokens, and what exists.
struct Target {
    base: String,
    viewer: String,
    editor: String,
    events: Vec<String>,
    documents: Vec<i64>,
}

/// Kills the server when the test ends, however it ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

#[test]
fn two_hundred_clients_read_and_review_without_errors() {
    let n_requests: usize = env_or("LITOPYS_LOAD_REQUESTS", 2_000);
    let n_clients: usize = env_or("LITOPYS_LOAD_CLIENTS", 200);
    let cap = Duration::from_secs(env_or("LITOPYS_LOAD_SECONDS", 300));
    let corpus: String = env_or("LITOPYS_LOAD_CORPUS", "3MB".to_string());
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("litopys.db").display().to_string();
    fill_database(dir.path(), &db, &corpus);
    let viewer = account(&db, "reader", "viewer");
    let editor = account(&db, "desk", "editor");
    let (_server, base) = serve(&db);
    let agent = agent();
    let events = event_ids(&agent, &base, &viewer);
    let documents = document_ids(&agent, &base, &viewer, &events);
    assert!(events.len() >= 50, "too few events to load: {}", events.len());
    let target = Arc::new(Target { base, viewer, editor, events, documents });

    let started = Instant::now();
    let samples = run_clients(&target, n_clients, n_requests, started + cap);
    let wall = started.elapsed();
    let report = report(&samples, n_clients, wall);
    eprintln!("{report}");
    let errors: Vec<&String> = samples.iter().filter_map(|s| s.error.as_ref()).collect();
    assert!(errors.is_empty(), "{} failed requests, the first: {:?}", errors.len(), errors.first());
    if samples.len() < n_requests {
        eprintln!("the {} s cap was reached after {} of {n_requests} requests", cap.as_secs(), samples.len());
    }
    if std::env::var("LITOPYS_LOAD_STRICT").is_ok_and(|v| v == "1") {
        let reads: Vec<f64> = samples.iter().filter(|s| s.class != Class::Review).map(|s| s.millis).collect();
        let p99 = percentile(reads, 99.0);
        assert!(p99 < 100.0, "reads' p99 is {p99:.1} ms, over 100 ms");
        assert_eq!(samples.len(), n_requests, "the time cap was reached");
    }
}

fn litopys(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_litopys"));
    c.args(args).env("LITOPYS_LOG", "error");
    c
}

/// Ingests a generated corpus (JSON Lines, mixed languages).
fn fill_database(dir: &Path, db: &str, size: &str) {
    let corpus = dir.join("corpus.jsonl").display().to_string();
    let out = litopys(&["corpus", "--seed", "5", "--size", size, "-o", &corpus]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = litopys(&["ingest", &corpus, "--db", db]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    eprintln!("{}", String::from_utf8_lossy(&out.stdout).trim());
}

/// Creates an account with `role` and returns an API token for it.
fn account(db: &str, name: &str, role: &str) -> String {
    let mut add = litopys(&["user", "add", name, "--role", role, "--db", db]).stdin(Stdio::piped()).stdout(Stdio::null()).spawn().unwrap();
    add.stdin.take().unwrap().write_all(b"a long passphrase\n").unwrap();
    assert!(add.wait().unwrap().success());
    let out = litopys(&["user", "token", name, "--label", "load test", "--db", db]).output().unwrap();
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// Starts the server on a free loopback port; returns it and its base URL.
fn serve(db: &str) -> (Server, String) {
    let child = litopys(&["serve", "--db", db, "--addr", "127.0.0.1:0"]).stderr(Stdio::piped()).spawn().unwrap();
    let mut server = Server(child);
    let mut line = String::new();
    BufReader::new(server.0.stderr.take().unwrap()).read_line(&mut line).unwrap();
    let addr = line.trim().rsplit("http://").next().unwrap().to_string();
    assert!(addr.starts_with("127.0.0.1:"), "{line}");
    (server, format!("http://{addr}"))
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder().timeout_global(Some(Duration::from_secs(60))).build().into()
}

fn get_json(agent: &ureq::Agent, url: &str, token: &str) -> serde_json::Value {
    let mut res = agent.get(url).header("Authorization", &format!("Bearer {token}")).call().unwrap();
    serde_json::from_slice(&res.body_mut().with_config().limit(256 << 20).read_to_vec().unwrap()).unwrap()
}

fn event_ids(agent: &ureq::Agent, base: &str, token: &str) -> Vec<String> {
    let v = get_json(agent, &format!("{base}/api/events?limit=1000"), token);
    v["events"].as_array().unwrap().iter().filter_map(|e| e["id"].as_str().map(str::to_string)).collect()
}

/// The documents behind the first hundred events.
fn document_ids(agent: &ureq::Agent, base: &str, token: &str, events: &[String]) -> Vec<i64> {
    let mut ids = Vec::new();
    for id in events.iter().take(100) {
        let v = get_json(agent, &format!("{base}/api/events/{id}"), token);
        ids.extend(v["sources"].as_array().unwrap().iter().filter_map(|s| s["doc_id"].as_i64()));
    }
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// Runs `n_clients` threads, each with its own keep-alive connection, until `n_requests`
/// are done or `deadline` passes; returns every request's outcome.
fn run_clients(target: &Arc<Target>, n_clients: usize, n_requests: usize, deadline: Instant) -> Vec<Sample> {
    let next = Arc::new(AtomicUsize::new(0));
    let clients: Vec<_> = (0..n_clients)
        .map(|_| {
            let (target, next) = (target.clone(), next.clone());
            std::thread::spawn(move || {
                let agent = agent();
                let mut samples = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= n_requests || Instant::now() >= deadline {
                        return samples;
                    }
                    samples.push(one_request(&agent, &target, i));
                }
            })
        })
        .collect();
    clients.into_iter().flat_map(|c| c.join().unwrap()).collect()
}

/// Request number `i` of the mix: one in ten is a review, the rest reads of five kinds.
fn one_request(agent: &ureq::Agent, t: &Target, i: usize) -> Sample {
    let event = &t.events[(i * 7919) % t.events.len()];
    let class = if i % 10 == 9 { Class::Review } else { CLASSES[i % 10 % 5] };
    let started = Instant::now();
    let result = match class {
        Class::Review => {
            let body = if i % 20 == 19 {
                r#"{"action": "confirm"}"#.to_string()
            } else {
                format!(r#"{{"action": "edit", "field": "injuries", "value": {}}}"#, i % 7)
            };
            let req = agent.post(&format!("{}/api/events/{event}/review", t.base)).header("Authorization", &format!("Bearer {}", t.editor));
            req.content_type("application/json").send(body.as_str()).and_then(|mut r| r.body_mut().read_to_vec())
        }
        read => {
            let req = agent.get(&format!("{}{}", t.base, read_path(read, t, i, event))).header("Authorization", &format!("Bearer {}", t.viewer));
            req.call().and_then(|mut r| r.body_mut().with_config().limit(256 << 20).read_to_vec())
        }
    };
    Sample { class, millis: started.elapsed().as_secs_f64() * 1000.0, error: result.err().map(|e| format!("{class:?}: {e}")) }
}

/// The path of a read of this class.
fn read_path(class: Class, t: &Target, i: usize, event: &str) -> String {
    const OBLASTS: [&str; 4] = ["Kharkiv", "Lviv", "Dnipropetrovsk", "Odesa"];
    const TYPES: [&str; 3] = ["Protests", "Riots", "Violence against civilians"];
    let oblast = OBLASTS[i % OBLASTS.len()];
    match class {
        Class::List => match i % 3 {
            0 => format!("/api/events?limit=50&offset={}", i % 200),
            1 => format!("/api/events?oblast={oblast}&limit=100"),
            _ => format!("/api/events?type={}&from=2024-06-01&to=2025-06-30&limit=100", TYPES[i % 3].replace(' ', "%20")),
        },
        Class::Aggregates => match i % 2 {
            0 => "/api/aggregates?interval=week&by=oblast".to_string(),
            _ => format!("/api/aggregates?interval=month&by=type&oblast={oblast}"),
        },
        Class::Event => format!("/api/events/{event}"),
        Class::Points => "/api/points".to_string(),
        Class::Document => format!("/api/documents/{}", t.documents[i % t.documents.len()]),
        Class::Review => unreachable!("reviews are posted"),
    }
}

fn percentile(mut values: Vec<f64>, p: f64) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.sort_by(f64::total_cmp);
    let rank = ((p / 100.0) * values.len() as f64).ceil() as usize;
    values[rank.clamp(1, values.len()) - 1]
}

/// A table: requests, errors, p50, p99 and max per class, then reads and all.
fn report(samples: &[Sample], n_clients: usize, wall: Duration) -> String {
    let mut out = format!(
        "{} requests from {n_clients} clients in {:.1} s: {:.0} requests/s\n{:<11} {:>7} {:>6} {:>9} {:>9} {:>9}\n",
        samples.len(),
        wall.as_secs_f64(),
        samples.len() as f64 / wall.as_secs_f64(),
        "class",
        "n",
        "errors",
        "p50 ms",
        "p99 ms",
        "max ms"
    );
    let mut row = |name: &str, keep: &dyn Fn(Class) -> bool| {
        let chosen: Vec<&Sample> = samples.iter().filter(|s| keep(s.class)).collect();
        let ms: Vec<f64> = chosen.iter().map(|s| s.millis).collect();
        let errors = chosen.iter().filter(|s| s.error.is_some()).count();
        let max = ms.iter().copied().fold(0.0, f64::max);
        out.push_str(&format!(
            "{name:<11} {:>7} {errors:>6} {:>9.1} {:>9.1} {max:>9.1}\n",
            ms.len(),
            percentile(ms.clone(), 50.0),
            percentile(ms, 99.0)
        ));
    };
    for class in CLASSES {
        row(&format!("{class:?}").to_lowercase(), &|c| c == class);
    }
    row("all reads", &|c| c != Class::Review);
    row("all", &|_| true);
    out
}
