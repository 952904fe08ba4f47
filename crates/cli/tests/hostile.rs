//! Hostile inputs, all in one `litopys extract` run next to one good report: every bad input
//! is named on stderr with a lowercase message, the good report's incident is still written,
//! the exit code says that some inputs failed, and the run ends in bounded time.
//!
//! Every input is generated here at run time (none is committed); the texts were written for
//! litopys. Peak memory of this run is measured by hand and reported in SECURITY.md.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assert_cmd::Command;

const GOOD: &str = "On February 23, in Vinnytsia, about 40 residents surrounded a TRC minibus and freed a detained man. Two TRC officers received minor injuries.\n";

/// One generated input and what stderr must say about it.
struct Hostile {
    path: PathBuf,
    /// A lowercase phrase that must follow the input's name on stderr; `None` for inputs that
    /// are readable (litopys decodes them) and must simply not break the run.
    message: Option<&'static str>,
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::File::create(&p).and_then(|mut f| f.write_all(bytes)).expect("write input");
    p
}

/// A file of `n_bytes` on one line, written in pieces so the test never holds it whole.
fn long_line(dir: &Path, name: &str, n_bytes: usize) -> PathBuf {
    let p = dir.join(name);
    let mut f = std::io::BufWriter::new(std::fs::File::create(&p).expect("create input"));
    let piece = "residents of the village gathered near the council building and talked for a long time ";
    let mut n = 0;
    while n < n_bytes {
        f.write_all(piece.as_bytes()).expect("write input");
        n += piece.len();
    }
    f.flush().expect("write input");
    p
}

fn hostile_inputs(dir: &Path) -> Vec<Hostile> {
    let mut inputs = Vec::new();
    let mut add = |path: PathBuf, message: Option<&'static str>| inputs.push(Hostile { path, message });

    // Invalid UTF-8: decoded as a legacy code page, never an error.
    let mut bytes = b"Report. ".to_vec();
    bytes.extend((0..4096u32).map(|i| 0x80 + (i * 7 % 0x7F) as u8));
    add(write(dir, "invalid-utf8.txt", &bytes), None);
    // UTF-16 with a byte order mark: decoded; the report in it is found (checked below).
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(GOOD.replace("Vinnytsia", "Uzhhorod").encode_utf16().flat_map(u16::to_le_bytes));
    add(write(dir, "utf16.txt", &bytes), None);
    // NUL bytes.
    add(write(dir, "nul.txt", b"On February 23\0\0\0 in Kyiv\0"), Some("not a text file (binary content)"));
    // 200 MB on a single line.
    add(long_line(dir, "long-line.txt", 200 * 1024 * 1024), Some("too large (line 1 of its text is"));
    // HTML nested 100,000 levels deep.
    let depth = 100_000;
    let html = format!("<!doctype html><html><body>{}<p>deep</p>{}</body></html>", "<div>".repeat(depth), "</div>".repeat(depth));
    add(write(dir, "nested.html", html.as_bytes()), None);
    // Billion laughs in a feed: entities must not be expanded.
    let mut xml = String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n");
    for i in 1..10 {
        let prev = if i == 1 { "lol".to_string() } else { format!("lol{}", i - 1) };
        xml.push_str(&format!("<!ENTITY lol{i} \"{}\">\n", format!("&{prev};").repeat(10)));
    }
    xml.push_str("]>\n<rss version=\"2.0\"><channel><title>&lol9;</title><item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>\n");
    add(write(dir, "laughs.rss", xml.as_bytes()), None);
    // A JSON nesting bomb, as a Telegram export and as JSON Lines.
    let bomb = format!("{{\"messages\": [{}{}]}}", "[".repeat(100_000), "]".repeat(100_000));
    add(write(dir, "bomb.json", bomb.as_bytes()), Some("malformed telegram export"));
    let bomb = format!("{{\"text\": {}{}}}\n", "[".repeat(100_000), "]".repeat(100_000));
    add(write(dir, "bomb.jsonl", bomb.as_bytes()), Some("malformed json lines"));
    // A WARC record whose length lies.
    let warc = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/\r\nContent-Length: 999999999999\r\n\r\nHTTP/1.1 200 OK\r\n\r\nshort";
    add(write(dir, "lying.warc", warc.as_bytes()), Some("malformed warc"));
    // An empty file.
    add(write(dir, "empty.txt", b""), Some("no text to read"));
    // A folder that links to itself, and a link that points at itself.
    let looped = dir.join("loop");
    std::fs::create_dir_all(&looped).expect("create folder");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&looped, looped.join("back")).expect("symlink");
        add(looped.join("back").join("back").join("back"), Some("is a folder"));
        let me = dir.join("self-link");
        std::os::unix::fs::symlink(&me, &me).expect("symlink");
        add(me, Some("too many levels of symbolic links"));
    }
    inputs
}

#[test]
fn hostile_inputs_are_named_and_the_good_report_survives() {
    let dir = tempfile::tempdir().expect("tempdir");
    let inputs = hostile_inputs(dir.path());
    let good = write(dir.path(), "good.txt", GOOD.as_bytes());
    let started = Instant::now();
    let out = Command::cargo_bin("litopys")
        .expect("binary built")
        .args(["extract", "--published", "2026-03-02"])
        .args(inputs.iter().map(|h| &h.path))
        .arg(&good)
        .timeout(Duration::from_secs(240))
        .output()
        .expect("litopys runs");
    let took = started.elapsed();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "exit code; stderr:\n{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    // bounded: the whole run, 200 MB line included, in a debug build on a loaded machine
    assert!(took < Duration::from_secs(180), "took {took:?}");

    for h in &inputs {
        let name = h.path.display().to_string();
        let lines: Vec<&str> = stderr.lines().filter(|l| l.starts_with(&format!("litopys: {name}"))).collect();
        match h.message {
            Some(message) => {
                let line = lines.first().unwrap_or_else(|| panic!("{name} is not named on stderr:\n{stderr}"));
                let said = line.strip_prefix(&format!("litopys: {name}")).unwrap_or_default();
                assert!(said.to_lowercase().contains(message), "{name}: expected '{message}', got '{said}'");
                let first = said.trim_start_matches(|c: char| matches!(c, ':' | '#' | ' ' | '0'..='9')).chars().next();
                assert!(first.is_some_and(|c| !c.is_uppercase()), "message for {name} is not lowercase: '{said}'");
            }
            None => assert!(lines.iter().all(|l| !l.contains("malformed")), "{name} should be readable: {lines:?}"),
        }
    }

    let rows: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect();
    assert!(rows.iter().any(|r| r["admin1"] == "Vinnytsia" && r["participants"] == 40), "good report lost:\n{stdout}");
    assert!(rows.iter().any(|r| r["location"] == "Uzhhorod"), "the UTF-16 report was not read:\n{stdout}");
    eprintln!("hostile batch took {took:?}");
}
