//! The fixture the API tests share: a SQLite store filled from `examples/articles`, accounts
//! of each role with tokens, and helpers to send requests through `oneshot`.
#![allow(dead_code)]

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use litopys_server::{app, Accounts, AppState, Config, Role};
use litopys_store::Store;
use serde_json::Value;
use tower::ServiceExt;

pub struct Fixture {
    pub app: Router,
    pub editor_token: String,
    pub viewer_token: String,
    pub admin_token: String,
    pub dir: tempfile::TempDir,
}

pub fn fixture(public: bool) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("litopys.db").display().to_string();
    let mut store = Store::open(&db).unwrap();
    let extractor = litopys_extract::Extractor::new(litopys_extract::Codebook::builtin());
    let articles = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles");
    for (_, batch) in litopys_ingest::walk(&[articles]) {
        for mut doc in batch.unwrap().documents {
            doc.published = doc.published.or(Some("2026-03-02".parse().unwrap()));
            let put = store.put_document(&doc).unwrap();
            let out = extractor.extract(&doc);
            store.put_extraction(put.doc_id, &out.incidents, &out.statistics).unwrap();
        }
    }
    let mut accounts = Accounts::open(&dir.path().join("users.db")).unwrap();
    accounts.set_user("ed", "editor-pass", Role::Editor).unwrap();
    accounts.set_user("vi", "viewer-pass", Role::Viewer).unwrap();
    accounts.set_user("ad", "admin-pass", Role::Admin).unwrap();
    let editor_token = accounts.create_token("ed", "tests").unwrap();
    let viewer_token = accounts.create_token("vi", "tests").unwrap();
    let admin_token = accounts.create_token("ad", "tests").unwrap();
    let mut config = Config::new(&db);
    config.public = public;
    let app = app(AppState::new(config, store, accounts));
    Fixture { app, editor_token, viewer_token, admin_token, dir }
}

/// Sends a request; returns the status, the headers and the body as JSON (Null if not JSON).
pub async fn send(app: &Router, method: &str, uri: &str, token: Option<&str>, body: Option<Value>) -> (StatusCode, axum::http::HeaderMap, Value) {
    let mut req = Request::builder().method(method).uri(uri);
    if let Some(t) = token {
        req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    let req = match body {
        Some(b) => req.header(header::CONTENT_TYPE, "application/json").body(Body::from(b.to_string())),
        None => req.body(Body::empty()),
    }
    .unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    let (parts, body) = res.into_parts();
    let bytes = body.collect().await.unwrap().to_bytes();
    (parts.status, parts.headers, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
}

pub async fn get(app: &Router, uri: &str) -> (StatusCode, Value) {
    let (s, _, v) = send(app, "GET", uri, None, None).await;
    (s, v)
}

/// Asserts a JSON error with this status whose message contains `words`.
pub fn check_error((status, body): (StatusCode, Value), want: StatusCode, words: &str) {
    assert_eq!(status, want, "{body}");
    let msg = body["error"].as_str().unwrap_or_default();
    assert!(msg.contains(words), "{msg:?} should contain {words:?}");
}

pub async fn first_event(app: &Router) -> Value {
    let (s, v) = get(app, "/api/events?limit=1").await;
    assert_eq!(s, StatusCode::OK);
    v["events"][0].clone()
}


/// The body of a GET as text (CSV, JSON Lines).
pub async fn text(app: &Router, uri: &str) -> String {
    let req = Request::builder().uri(uri).body(Body::empty()).unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "{uri}");
    String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap()
}
