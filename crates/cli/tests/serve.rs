//! `litopys user` and `litopys serve` through the real binary: accounts, a token, and the
//! server answering over a loopback socket.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

fn litopys() -> Command {
    Command::new(env!("CARGO_BIN_EXE_litopys"))
}

/// Kills the server when the test ends, however it ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A GET over HTTP/1.1; returns the status line and the body.
fn get(addr: &str, path: &str, token: Option<&str>) -> (String, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let auth = token.map(|t| format!("Authorization: Bearer {t}\r\n")).unwrap_or_default();
    write!(s, "GET {path} HTTP/1.1\r\nHost: {addr}\r\n{auth}Connection: close\r\n\r\n").unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    let status = out.lines().next().unwrap_or_default().to_string();
    let body = out.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default();
    (status, body)
}

#[test]
fn user_token_and_serve() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("litopys.db").display().to_string();
    let articles = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/articles");
    let ingest = litopys().args(["ingest", articles, "--published", "2026-03-02", "--db", &db]).output().unwrap();
    assert!(ingest.status.success(), "{}", String::from_utf8_lossy(&ingest.stderr));

    let mut add = litopys().args(["user", "add", "olena", "--role", "editor", "--db", &db]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    add.stdin.take().unwrap().write_all(b"a long passphrase\n").unwrap();
    assert!(add.wait_with_output().unwrap().status.success());
    assert!(dir.path().join("litopys.users.db").exists(), "accounts next to the database");
    let mut short = litopys().args(["user", "add", "x", "--db", &db]).stdin(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    short.stdin.take().unwrap().write_all(b"short\n").unwrap();
    let short = short.wait_with_output().unwrap();
    assert!(!short.status.success() && String::from_utf8_lossy(&short.stderr).contains("at least 8 characters"));
    let bad_role = litopys().args(["user", "add", "x", "--role", "boss", "--db", &db]).stdin(Stdio::null()).output().unwrap();
    assert!(String::from_utf8_lossy(&bad_role.stderr).contains("expected viewer, editor or admin"));
    let list = litopys().args(["user", "list", "--db", &db]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&list.stdout), "olena\teditor\n");
    let token = litopys().args(["user", "token", "olena", "--db", &db]).output().unwrap();
    let token = String::from_utf8_lossy(&token.stdout).trim().to_string();
    assert!(token.starts_with("lit_"), "{token}");
    let nobody = litopys().args(["user", "token", "nobody", "--db", &db]).output().unwrap();
    assert!(!nobody.status.success());

    // port 0: the server says which port it got on its first line of stderr
    let child = litopys().args(["serve", "--db", &db, "--addr", "127.0.0.1:0"]).stderr(Stdio::piped()).spawn().unwrap();
    let mut server = Server(child);
    let mut line = String::new();
    BufReader::new(server.0.stderr.take().unwrap()).read_line(&mut line).unwrap();
    let addr = line.trim().rsplit("http://").next().unwrap().to_string();
    assert!(addr.starts_with("127.0.0.1:"), "{line}");

    let (status, body) = get(&addr, "/", None);
    assert!(status.contains("200") && body.contains("<title>litopys</title>"), "{status}");
    let (status, body) = get(&addr, "/api/events", None);
    assert!(status.contains("401") && body.contains("sign in"), "{status} {body}");
    let (status, body) = get(&addr, "/api/events?limit=1", Some(&token));
    assert!(status.contains("200") && body.contains("\"events\":[{"), "{status} {body}");

    // the token is listed (never its secret) and, once revoked, refused by the running server
    let list = litopys().args(["user", "tokens", "--db", &db]).output().unwrap();
    let list = String::from_utf8_lossy(&list.stdout).to_string();
    let row: Vec<&str> = list.lines().nth(1).unwrap_or_default().split('\t').collect();
    assert_eq!(row.get(1..3), Some(&["olena", "editor"][..]), "{list}");
    assert!(!list.contains(&token) && row.get(5).is_some_and(|t| *t != "never"), "{list}");
    let revoke = litopys().args(["user", "revoke", row[0], "--db", &db]).output().unwrap();
    assert!(revoke.status.success(), "{}", String::from_utf8_lossy(&revoke.stderr));
    let (status, _) = get(&addr, "/api/events?limit=1", Some(&token));
    assert!(status.contains("401"), "{status}");
    let again = litopys().args(["user", "revoke", row[0], "--db", &db]).output().unwrap();
    assert!(!again.status.success() && String::from_utf8_lossy(&again.stderr).contains("no token"));
}
