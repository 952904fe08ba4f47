//! `litopys watch` against a feed served on loopback by the test itself (never the internet).
//! The feed items are written for litopys.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

use assert_cmd::Command;

fn rss(items: &[(&str, &str)]) -> String {
    let mut s = String::from(r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Test monitor</title><link>http://127.0.0.1/</link><description>t</description>"#);
    for (i, (title, text)) in items.iter().enumerate() {
        s.push_str(&format!("<item><title>{title}</title><link>http://127.0.0.1/item/{i}</link><pubDate>Mon, 02 Mar 2026 10:00:00 GMT</pubDate><description>{text}</description></item>"));
    }
    s.push_str("</channel></rss>");
    s
}

struct Server {
    port: u16,
    /// (version served, requests seen, requests answered 304)
    state: Arc<Mutex<(u32, u32, u32)>>,
}

fn serve(feeds: Vec<String>) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let state = Arc::new(Mutex::new((0u32, 0u32, 0u32)));
    let shared = Arc::clone(&state);
    std::thread::spawn(move || {
        for stream in listener.incoming().take(20) {
            let Ok(mut stream) = stream else { continue };
            stream.set_read_timeout(Some(std::time::Duration::from_secs(5))).ok();
            let mut buf = [0u8; 8192];
            let n = stream.read(&mut buf).unwrap_or(0);
            let req = String::from_utf8_lossy(&buf[..n]).to_lowercase();
            let mut st = shared.lock().unwrap();
            st.1 += 1;
            let version = st.0 as usize;
            let etag = format!("\"v{version}\"");
            let resp = if req.contains(&format!("if-none-match: {etag}")) {
                st.2 += 1;
                "HTTP/1.1 304 Not Modified\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_string()
            } else {
                let body = &feeds[version.min(feeds.len() - 1)];
                format!("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nETag: {etag}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len())
            };
            let _ = stream.write_all(resp.as_bytes());
        }
    });
    Server { port, state }
}

#[test]
fn new_items_once_then_not_modified() {
    let first = rss(&[
        ("Lviv: residents freed a man", "On March 1, in Lviv, about 20 residents surrounded a TRC minibus and freed a detained man."),
        ("Odesa: car set on fire", "On March 1, unknown persons set fire to a TRC car in Odesa. Nobody was hurt."),
    ]);
    let second = rss(&[
        ("Lviv: residents freed a man", "On March 1, in Lviv, about 20 residents surrounded a TRC minibus and freed a detained man."),
        ("Odesa: car set on fire", "On March 1, unknown persons set fire to a TRC car in Odesa. Nobody was hurt."),
        ("Sumy: miners strike", "On March 2, about 70 miners in Sumy went on strike over unpaid wages."),
    ]);
    let server = serve(vec![first, second]);
    let dir = tempfile::tempdir().unwrap();
    let feeds = dir.path().join("feeds.toml");
    std::fs::write(&feeds, format!("interval = \"1s\"\nhost_delay = \"1s\"\n[[feed]]\nurl = \"http://127.0.0.1:{}/rss\"\nname = \"Test monitor\"\n", server.port)).unwrap();
    let db = dir.path().join("w.db");
    let run = || {
        let out = Command::cargo_bin("litopys").unwrap().args(["watch", "--once", "--db"]).arg(&db).arg(&feeds).timeout(std::time::Duration::from_secs(60)).assert().success();
        String::from_utf8_lossy(&out.get_output().stdout).into_owned()
    };
    let out = run();
    assert_eq!(out.matches("new: Test monitor").count(), 2, "{out}");
    assert!(out.contains("Lviv: residents freed a man"));
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let out = run();
    assert_eq!(out, "", "a 304 stores nothing");
    assert_eq!(server.state.lock().unwrap().2, 1, "the second request was conditional and answered 304");
    server.state.lock().unwrap().0 = 1;
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let out = run();
    assert_eq!(out.matches("new: ").count(), 1, "only the new item: {out}");
    assert!(out.contains("Sumy: miners strike") && out.contains("(1 incidents)"), "{out}");
    assert!(dir.path().join("feeds.state.json").exists());
}

#[test]
fn bad_feed_lists_are_explained() {
    let dir = tempfile::tempdir().unwrap();
    let feeds = dir.path().join("feeds.toml");
    std::fs::write(&feeds, "[[feed]]\nurl = \"ftp://example.org/rss\"\n").unwrap();
    Command::cargo_bin("litopys").unwrap().args(["watch", "--once"]).arg(&feeds).assert().code(2).stderr(predicates::str::contains("only http and https"));
}
