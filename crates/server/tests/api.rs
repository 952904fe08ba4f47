//! API tests: every endpoint through `oneshot` over a SQLite store filled from
//! `examples/articles`, with the bad cases (400, 401, 403, 404).

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use common::{check_error, first_event, fixture, get, send};
use http_body_util::BodyExt;
use litopys_server::{app, Accounts, AppState, Config, Role};
use litopys_store::Store;
use serde_json::{json, Value};
use tower::ServiceExt;

#[tokio::test]
async fn events_list_filters_and_pagination() {
    let f = fixture(true);
    let (s, all) = get(&f.app, "/api/events").await;
    assert_eq!(s, StatusCode::OK);
    let total = all["total"].as_u64().unwrap();
    assert!(total >= 5, "{all}");
    let (_, page) = get(&f.app, "/api/events?limit=2&offset=1").await;
    assert_eq!(page["events"].as_array().unwrap().len(), 2);
    assert_eq!(page["events"][0]["id"], all["events"][1]["id"]);
    let (_, dnipro) = get(&f.app, "/api/events?oblast=dnipropetrovsk").await;
    assert!(dnipro["total"].as_u64().unwrap() >= 1);
    assert!(dnipro["events"].as_array().unwrap().iter().all(|e| e["admin1"] == "Dnipropetrovsk"));
    let (_, day) = get(&f.app, "/api/events?from=2026-02-28&to=2026-02-28").await;
    assert!(day["events"].as_array().unwrap().iter().all(|e| e["event_date"] == "2026-02-28"));
    let (_, protests) = get(&f.app, "/api/events?type=Protests&sub_type=Peaceful%20protest").await;
    assert!(protests["events"].as_array().unwrap().iter().all(|e| e["sub_event_type"] == "Peaceful protest"));
    let (_, none) = get(&f.app, "/api/events?bbox=22,44,23,45").await;
    assert_eq!(none["total"], 0);
    let (_, ua) = get(&f.app, "/api/events?bbox=22,44,41,53").await;
    assert!(ua["total"].as_u64().unwrap() >= 1);
    let (_, text) = get(&f.app, "/api/events?q=Kharkiv").await;
    assert!(text["total"].as_u64().unwrap() >= 1, "{text}");
    for q in ["raion=nowhere", "tag=nope", "actor=nobody%20at%20all", "status=confirmed"] {
        let (s, v) = get(&f.app, &format!("/api/events?{q}")).await;
        assert_eq!((s, v["total"].as_u64()), (StatusCode::OK, Some(0)), "{q}");
    }
    let (_, every) = get(&f.app, "/api/events?status=all").await;
    assert_eq!(every["total"].as_u64(), Some(total));
}

#[tokio::test]
async fn events_bad_parameters_are_400_with_the_reason() {
    let f = fixture(true);
    for (q, words) in [
        ("from=yesterday", "from: expected a date as YYYY-MM-DD"),
        ("to=2026-13-01", "to: expected a date"),
        ("from=2026-03-02&to=2026-03-01", "is after to"),
        ("limit=5000", "limit: expected a whole number from 0 to 1000"),
        ("offset=-1", "offset"),
        ("status=maybe", "status: expected new, confirmed"),
        ("bbox=1,2,3", "bbox: expected west,south,east,north"),
        ("bbox=30,50,20,40", "bbox"),
        ("q=%20%21", "q: give at least one word"),
        ("colour=red", "unknown field `colour`"),
    ] {
        check_error(get(&f.app, &format!("/api/events?{q}")).await, StatusCode::BAD_REQUEST, words);
    }
    check_error(get(&f.app, "/api/points?from=x").await, StatusCode::BAD_REQUEST, "from");
    check_error(get(&f.app, "/api/aggregates?interval=year").await, StatusCode::BAD_REQUEST, "interval: expected day, week or month");
    check_error(get(&f.app, "/api/aggregates?by=colour").await, StatusCode::BAD_REQUEST, "by: expected oblast, type, place or none");
}

#[tokio::test]
async fn one_event_with_sources_evidence_and_history() {
    let f = fixture(true);
    let id = first_event(&f.app).await["id"].as_str().unwrap().to_string();
    let (s, e) = get(&f.app, &format!("/api/events/{id}")).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(e["id"], id.as_str());
    assert!(!e["sources"].as_array().unwrap().is_empty());
    let ev = &e["evidence"][0];
    assert!(ev["field"].is_string() && ev["start"].is_u64() && ev["doc_id"].is_i64(), "{e}");
    assert!(e["history"].as_array().unwrap().is_empty());
    // the evidence's byte offsets point into the document's text
    let (s, d) = get(&f.app, &format!("/api/documents/{}", ev["doc_id"])).await;
    assert_eq!(s, StatusCode::OK);
    let text = d["text"].as_str().unwrap().as_bytes();
    let (a, b) = (ev["start"].as_u64().unwrap() as usize, ev["end"].as_u64().unwrap() as usize);
    assert_eq!(std::str::from_utf8(&text[a..b]).unwrap(), ev["text"].as_str().unwrap());
    let (s, h) = get(&f.app, &format!("/api/events/{id}/history")).await;
    assert_eq!((s, h["history"].as_array().map(Vec::len)), (StatusCode::OK, Some(0)));
    check_error(get(&f.app, "/api/events/UKR-nope").await, StatusCode::NOT_FOUND, "no event UKR-nope");
    check_error(get(&f.app, "/api/events/UKR-nope/history").await, StatusCode::NOT_FOUND, "no event");
}

#[tokio::test]
async fn points_aggregates_stats() {
    let f = fixture(true);
    let (s, p) = get(&f.app, "/api/points").await;
    assert_eq!(s, StatusCode::OK);
    let pt = &p["points"][0];
    assert!(pt[0].is_string() && pt[1].is_f64() && pt[2].is_f64() && pt[3].is_string(), "{p}");
    let (s, a) = get(&f.app, "/api/aggregates?interval=month&by=oblast").await;
    assert_eq!(s, StatusCode::OK);
    let n: u64 = a["buckets"].as_array().unwrap().iter().map(|b| b["n_events"].as_u64().unwrap()).sum();
    assert_eq!(Some(n), a["total"].as_u64());
    assert!(a["buckets"].as_array().unwrap().iter().all(|b| b["period"].as_str().unwrap().ends_with("-01")));
    let (_, w) = get(&f.app, "/api/aggregates?interval=week&by=type&oblast=Poltava").await;
    assert!(w["buckets"].as_array().unwrap().iter().all(|b| b["key"].is_string()));
    let (_, d) = get(&f.app, "/api/aggregates").await;
    assert_eq!((d["interval"].as_str(), d["by"].as_str()), (Some("day"), Some("none")));
    let (s, st) = get(&f.app, "/api/stats").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(st["n_pending"], st["n_events"]);
    assert!(st["n_documents"].as_u64().unwrap() >= 3);
}

#[tokio::test]
async fn charts_and_top_places() {
    let f = fixture(true);
    let (s, places) = get(&f.app, "/api/aggregates?interval=month&by=place").await;
    assert_eq!(s, StatusCode::OK);
    assert!(places["buckets"].as_array().unwrap().iter().any(|b| b["key"] == "Kharkiv, Kharkiv"), "{places}");
    for (uri, marker) in [("/api/charts/weekly.svg", "Incidents per week by type"), ("/api/charts/map.svg?oblast=Poltava", "<title>Poltava: ")] {
        let req = Request::builder().uri(uri).body(Body::empty()).unwrap();
        let res = f.app.clone().oneshot(req).await.unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{uri}");
        assert_eq!(res.headers()[header::CONTENT_TYPE], "image/svg+xml; charset=utf-8");
        let body = String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap();
        assert!(body.starts_with("<svg") && body.contains(marker), "{uri}: {}", &body[..200.min(body.len())]);
    }
    check_error(get(&f.app, "/api/charts/map.svg?from=yesterday").await, StatusCode::BAD_REQUEST, "from");
    check_error(get(&fixture(false).app, "/api/charts/weekly.svg").await, StatusCode::UNAUTHORIZED, "");
}

#[tokio::test]
async fn documents_and_search() {
    let f = fixture(true);
    let (s, d) = get(&f.app, "/api/documents/1").await;
    assert_eq!(s, StatusCode::OK);
    assert!(d["text"].as_str().unwrap().len() > 10);
    check_error(get(&f.app, "/api/documents/9999").await, StatusCode::NOT_FOUND, "no document 9999");
    check_error(get(&f.app, "/api/documents/abc").await, StatusCode::BAD_REQUEST, "document id: expected a number");
    let (s, h) = get(&f.app, "/api/search?q=Kharkiv").await;
    assert_eq!(s, StatusCode::OK);
    assert!(!h["hits"].as_array().unwrap().is_empty());
    check_error(get(&f.app, "/api/search").await, StatusCode::BAD_REQUEST, "q: give at least one word");
    check_error(get(&f.app, "/api/search?q=x&limit=0").await, StatusCode::BAD_REQUEST, "limit");
}

#[tokio::test]
async fn public_assets_boundaries_openapi_config() {
    let f = fixture(false);
    for (uri, ctype) in [
        ("/", "text/html"),
        ("/app/app.js", "text/javascript"),
        ("/app/timeline.js", "text/javascript"),
        ("/app/app.css", "text/css"),
        ("/vendor/leaflet.js", "text/javascript"),
        ("/vendor/images/marker-icon.png", "image/png"),
        ("/api/boundaries", "application/geo+json"),
        ("/api/openapi.json", "application/json"),
        ("/api/config", "application/json"),
    ] {
        let (s, h, _) = send(&f.app, "GET", uri, None, None).await;
        assert_eq!(s, StatusCode::OK, "{uri}");
        assert!(h[header::CONTENT_TYPE].to_str().unwrap().starts_with(ctype), "{uri}");
        let csp = h[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        assert!(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"), "{uri}");
        assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    }
    let (_, b) = get(&f.app, "/api/boundaries").await;
    assert_eq!(b["features"].as_array().unwrap().len(), 27);
    assert!(b["features"].as_array().unwrap().iter().any(|f| f["properties"]["admin1"] == "Volyn"));
    // every API path the router serves is described
    let (_, doc) = get(&f.app, "/api/openapi.json").await;
    for path in [
        "/api/events", "/api/points", "/api/events/{id}", "/api/events/{id}/history", "/api/events/{id}/review", "/api/review/queue",
        "/api/aggregates", "/api/stats", "/api/documents/{id}", "/api/search", "/api/boundaries", "/api/config", "/api/session",
        "/api/tokens", "/api/tokens/{id}", "/api/users", "/api/openapi.json",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} missing from openapi.json");
    }
    check_error(get(&f.app, "/api/nothing").await, StatusCode::NOT_FOUND, "/api/openapi.json");
    check_error(get(&f.app, "/app/nothing.js").await, StatusCode::NOT_FOUND, "no file");
}

#[tokio::test]
async fn private_mode_needs_an_account_to_read() {
    let f = fixture(false);
    for uri in ["/api/events", "/api/points", "/api/events/x", "/api/events/x/history", "/api/aggregates", "/api/stats", "/api/documents/1", "/api/search?q=a", "/api/review/queue"] {
        check_error(get(&f.app, uri).await, StatusCode::UNAUTHORIZED, "sign in");
        let (s, _, _) = send(&f.app, "GET", uri, Some(&f.viewer_token), None).await;
        assert!(s == StatusCode::OK || s == StatusCode::NOT_FOUND, "{uri}: {s}");
    }
    let (s, _, v) = send(&f.app, "GET", "/api/events", Some("lit_wrong"), None).await;
    check_error((s, v), StatusCode::UNAUTHORIZED, "API token not recognised");
    let req = Request::get("/api/events").header(header::AUTHORIZATION, "Basic abc").body(Body::empty()).unwrap();
    assert_eq!(f.app.clone().oneshot(req).await.unwrap().status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn review_needs_an_editor_and_is_recorded() {
    let f = fixture(true);
    let id = first_event(&f.app).await["id"].as_str().unwrap().to_string();
    let uri = format!("/api/events/{id}/review");
    let edit = json!({ "action": "edit", "field": "fatalities", "value": 3 });
    let (s, _, v) = send(&f.app, "POST", &uri, None, Some(edit.clone())).await;
    check_error((s, v), StatusCode::UNAUTHORIZED, "needs the editor role");
    let (s, _, v) = send(&f.app, "POST", &uri, Some(&f.viewer_token), Some(edit.clone())).await;
    check_error((s, v), StatusCode::FORBIDDEN, "vi has the viewer role; this needs the editor role");
    let (s, _, v) = send(&f.app, "POST", &uri, Some(&f.editor_token), Some(edit.clone())).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!((v["incident"]["fatalities"].as_u64(), v["status"].as_str()), (Some(3), Some("edited")));
    assert_eq!(v["history"][0]["actor"], "ed");
    let (_, e) = get(&f.app, &format!("/api/events/{id}")).await;
    assert_eq!(e["incident"]["fatalities"], 3);
    let (_, listed) = get(&f.app, "/api/events").await;
    let row = listed["events"].as_array().unwrap().iter().find(|e| e["id"] == id.as_str()).unwrap().clone();
    assert_eq!((row["fatalities"].as_u64(), row["status"].as_str()), (Some(3), Some("edited")));
    let (_, edited) = get(&f.app, "/api/events?status=edited").await;
    assert_eq!(edited["total"], 1);
    let (s, _, v) = send(&f.app, "POST", &uri, Some(&f.editor_token), Some(json!({ "action": "confirm" }))).await;
    assert_eq!((s, v["status"].as_str()), (StatusCode::OK, Some("confirmed")));
    // bad actions
    let (s, _, v) = send(&f.app, "POST", &uri, Some(&f.editor_token), Some(json!({ "action": "bless" }))).await;
    check_error((s, v), StatusCode::BAD_REQUEST, "not a review action");
    let (s, _, v) = send(&f.app, "POST", &uri, Some(&f.editor_token), Some(json!({ "action": "edit", "field": "fatalities", "value": "many" }))).await;
    check_error((s, v), StatusCode::UNPROCESSABLE_ENTITY, "fatalities");
    let (s, _, v) = send(&f.app, "POST", &uri, Some(&f.editor_token), Some(json!({ "action": "merge", "other": id }))).await;
    check_error((s, v), StatusCode::UNPROCESSABLE_ENTITY, "cannot merge");
    let (s, _, v) = send(&f.app, "POST", &uri, Some(&f.editor_token), Some(json!({ "action": "split", "incidents": ["nope"] }))).await;
    check_error((s, v), StatusCode::UNPROCESSABLE_ENTITY, "split");
    let (s, _, v) = send(&f.app, "POST", "/api/events/UKR-nope/review", Some(&f.editor_token), Some(json!({ "action": "reject" }))).await;
    check_error((s, v), StatusCode::NOT_FOUND, "no event");
    let req = Request::post(&uri).header(header::AUTHORIZATION, format!("Bearer {}", f.editor_token)).body(Body::from("{")).unwrap();
    assert_eq!(f.app.clone().oneshot(req).await.unwrap().status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn merge_reject_and_the_queue() {
    let f = fixture(true);
    let (_, all) = get(&f.app, "/api/events").await;
    let ids: Vec<String> = all["events"].as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap().to_string()).collect();
    let (s, q) = get(&f.app, "/api/review/queue?limit=2").await;
    assert_eq!((s, q["n_pending"].as_u64()), (StatusCode::OK, Some(ids.len() as u64)));
    assert_eq!(q["events"].as_array().unwrap().len(), 2);
    check_error(get(&f.app, "/api/review/queue?limit=x").await, StatusCode::BAD_REQUEST, "limit");
    let merge = json!({ "action": "merge", "other": ids[1] });
    let (s, _, v) = send(&f.app, "POST", &format!("/api/events/{}/review", ids[0]), Some(&f.editor_token), Some(merge)).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["sources"].as_array().unwrap().len(), 2);
    check_error(get(&f.app, &format!("/api/events/{}", ids[1])).await, StatusCode::NOT_FOUND, "no event");
    // listings follow every decision at once
    let (_, listed) = get(&f.app, "/api/events").await;
    let listed_ids: Vec<&str> = listed["events"].as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert!(!listed_ids.contains(&ids[1].as_str()) && listed_ids.contains(&ids[0].as_str()));
    assert_eq!(listed["events"].as_array().unwrap().iter().find(|e| e["id"] == ids[0].as_str()).unwrap()["n_sources"], 2);
    // split it again
    let incident = v["sources"][1]["incident"].as_str().unwrap().to_string();
    let split = json!({ "action": "split", "incidents": [incident] });
    let (s, _, v) = send(&f.app, "POST", &format!("/api/events/{}/review", ids[0]), Some(&f.editor_token), Some(split)).await;
    assert_eq!((s, v["sources"].as_array().map(Vec::len)), (StatusCode::OK, Some(1)), "{v}");
    let (_, listed) = get(&f.app, "/api/events").await;
    assert_eq!(listed["total"].as_u64(), Some(ids.len() as u64), "the split-off event is listed");
    let (s, _, _) = send(&f.app, "POST", &format!("/api/events/{}/review", ids[2]), Some(&f.editor_token), Some(json!({"action": "reject"}))).await;
    assert_eq!(s, StatusCode::OK);
    let (_, rejected) = get(&f.app, "/api/events?status=rejected").await;
    assert_eq!(rejected["events"][0]["id"], ids[2].as_str());
    let (_, st) = get(&f.app, "/api/stats").await;
    assert!(st["n_pending"].as_u64().unwrap() < ids.len() as u64);
}

#[tokio::test]
async fn sessions_cookies_and_csrf() {
    let f = fixture(false);
    let (s, _, v) = send(&f.app, "GET", "/api/session", None, None).await;
    assert_eq!((s, v["user"].is_null()), (StatusCode::OK, true));
    let (s, _, v) = send(&f.app, "POST", "/api/session", None, Some(json!({ "name": "ed", "password": "wrong" }))).await;
    check_error((s, v), StatusCode::UNAUTHORIZED, "wrong name or password");
    let (s, _, v) = send(&f.app, "POST", "/api/session", None, Some(json!({ "name": "ed" }))).await;
    check_error((s, v), StatusCode::BAD_REQUEST, "password");
    let (s, h, v) = send(&f.app, "POST", "/api/session", None, Some(json!({ "name": "ed", "password": "editor-pass" }))).await;
    assert_eq!((s, v["user"]["role"].as_str()), (StatusCode::OK, Some("editor")));
    let set_cookie = h[header::SET_COOKIE].to_str().unwrap().to_string();
    assert!(set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Strict"), "{set_cookie}");
    let cookie = set_cookie.split(';').next().unwrap().to_string();
    let csrf = v["csrf"].as_str().unwrap().to_string();
    let with_cookie = |method: &str, uri: &str, csrf: Option<&str>, body: Option<Value>| {
        let mut r = Request::builder().method(method).uri(uri).header(header::COOKIE, &cookie);
        if let Some(c) = csrf {
            r = r.header("x-csrf-token", c);
        }
        match body {
            Some(b) => r.header(header::CONTENT_TYPE, "application/json").body(Body::from(b.to_string())).unwrap(),
            None => r.body(Body::empty()).unwrap(),
        }
    };
    let res = f.app.clone().oneshot(with_cookie("GET", "/api/events", None, None)).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let id = {
        let b = res.into_body().collect().await.unwrap().to_bytes();
        serde_json::from_slice::<Value>(&b).unwrap()["events"][0]["id"].as_str().unwrap().to_string()
    };
    let uri = format!("/api/events/{id}/review");
    let res = f.app.clone().oneshot(with_cookie("POST", &uri, None, Some(json!({"action": "confirm"})))).await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "no CSRF token");
    let res = f.app.clone().oneshot(with_cookie("POST", &uri, Some("wrong"), Some(json!({"action": "confirm"})))).await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "wrong CSRF token");
    let res = f.app.clone().oneshot(with_cookie("POST", &uri, Some(&csrf), Some(json!({"action": "confirm"})))).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    // revoking one's token from the page needs the CSRF token too
    let uri = format!("/api/tokens/{}", token_ids(&f.app, &f.editor_token).await.remove(0));
    let res = f.app.clone().oneshot(with_cookie("DELETE", &uri, None, None)).await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "no CSRF token");
    let res = f.app.clone().oneshot(with_cookie("DELETE", &uri, Some(&csrf), None)).await.unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let res = f.app.clone().oneshot(with_cookie("DELETE", "/api/session", Some(&csrf), None)).await.unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let res = f.app.clone().oneshot(with_cookie("GET", "/api/events", None, None)).await.unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "signed out");
}

#[tokio::test]
async fn tokens_and_accounts() {
    let f = fixture(false);
    let (s, _, v) = send(&f.app, "POST", "/api/tokens", None, Some(json!({ "label": "x" }))).await;
    check_error((s, v), StatusCode::UNAUTHORIZED, "sign in");
    let (s, _, v) = send(&f.app, "POST", "/api/tokens", Some(&f.viewer_token), Some(json!({ "label": "x" }))).await;
    assert_eq!((s, v["role"].as_str()), (StatusCode::CREATED, Some("viewer")));
    let (s, _, _) = send(&f.app, "GET", "/api/events", Some(v["token"].as_str().unwrap()), None).await;
    assert_eq!(s, StatusCode::OK);
    let (s, _, v) = send(&f.app, "GET", "/api/users", Some(&f.editor_token), None).await;
    check_error((s, v), StatusCode::FORBIDDEN, "needs the admin role");
    let (s, _, v) = send(&f.app, "GET", "/api/users", Some(&f.admin_token), None).await;
    assert_eq!((s, v["users"].as_array().map(Vec::len)), (StatusCode::OK, Some(3)));
    let new = json!({ "name": "mykola", "password": "long enough", "role": "editor" });
    let (s, _, _) = send(&f.app, "POST", "/api/users", Some(&f.viewer_token), Some(new.clone())).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _, v) = send(&f.app, "POST", "/api/users", Some(&f.admin_token), Some(new.clone())).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let (s, _, v) = send(&f.app, "POST", "/api/users", Some(&f.admin_token), Some(new)).await;
    check_error((s, v), StatusCode::CONFLICT, "already an account called mykola");
    let bad = json!({ "name": "x", "password": "short", "role": "editor" });
    let (s, _, v) = send(&f.app, "POST", "/api/users", Some(&f.admin_token), Some(bad)).await;
    check_error((s, v), StatusCode::BAD_REQUEST, "password: at least 8");
    let bad = json!({ "name": "x", "password": "long enough", "role": "boss" });
    let (s, _, v) = send(&f.app, "POST", "/api/users", Some(&f.admin_token), Some(bad)).await;
    check_error((s, v), StatusCode::BAD_REQUEST, "role: expected viewer, editor or admin");
    let (s, _, v) = send(&f.app, "POST", "/api/session", None, Some(json!({ "name": "mykola", "password": "long enough" }))).await;
    assert_eq!((s, v["user"]["role"].as_str()), (StatusCode::OK, Some("editor")));
}

/// The ids of the tokens `token` may see.
async fn token_ids(app: &Router, token: &str) -> Vec<String> {
    let (s, _, v) = send(app, "GET", "/api/tokens", Some(token), None).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    v["tokens"].as_array().unwrap().iter().map(|t| t["id"].as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn tokens_are_listed_and_revoked_by_owner_or_admin() {
    let f = fixture(true);
    check_error(get(&f.app, "/api/tokens").await, StatusCode::UNAUTHORIZED, "sign in");
    let (s, _, v) = send(&f.app, "DELETE", "/api/tokens/0123456789abcdef", None, None).await;
    check_error((s, v), StatusCode::UNAUTHORIZED, "sign in");
    // each account sees its own token; the admin sees all three, never a secret
    let (_, _, v) = send(&f.app, "GET", "/api/tokens", Some(&f.viewer_token), None).await;
    assert_eq!(v["tokens"][0]["owner"], "vi");
    assert_eq!(v["tokens"][0]["role"], "viewer");
    assert!(v["tokens"][0]["last_used_at"].is_string(), "{v}");
    let all = token_ids(&f.app, &f.admin_token).await;
    assert_eq!(all.len(), 3);
    let listing = send(&f.app, "GET", "/api/tokens", Some(&f.admin_token), None).await.2.to_string();
    for secret in [&f.viewer_token, &f.editor_token, &f.admin_token] {
        assert!(!listing.contains(secret.as_str()));
    }
    let viewer_id = token_ids(&f.app, &f.viewer_token).await.remove(0);
    let editor_id = token_ids(&f.app, &f.editor_token).await.remove(0);
    // a viewer or an editor cannot revoke another account's token
    for (token, other) in [(&f.viewer_token, &editor_id), (&f.editor_token, &viewer_id)] {
        let (s, _, v) = send(&f.app, "DELETE", &format!("/api/tokens/{other}"), Some(token), None).await;
        check_error((s, v), StatusCode::NOT_FOUND, "no token");
    }
    // an editor revokes its own: the next request with it is refused, even a read
    let (s, _, _) = send(&f.app, "DELETE", &format!("/api/tokens/{editor_id}"), Some(&f.editor_token), None).await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    let (s, _, v) = send(&f.app, "GET", "/api/events?limit=1", Some(&f.editor_token), None).await;
    check_error((s, v), StatusCode::UNAUTHORIZED, "not recognised");
    // an admin revokes a viewer's token
    let (s, _, _) = send(&f.app, "DELETE", &format!("/api/tokens/{viewer_id}"), Some(&f.admin_token), None).await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    let (s, _, _) = send(&f.app, "GET", "/api/tokens", Some(&f.viewer_token), None).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let (s, _, v) = send(&f.app, "DELETE", &format!("/api/tokens/{viewer_id}"), Some(&f.admin_token), None).await;
    check_error((s, v), StatusCode::NOT_FOUND, "no token");
    assert_eq!(token_ids(&f.app, &f.admin_token).await.len(), 1);
}

#[tokio::test]
async fn tiles_widen_the_csp_and_secure_cookies() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db").display().to_string();
    let store = Store::open(&db).unwrap();
    let mut accounts = Accounts::open(&dir.path().join("u.db")).unwrap();
    accounts.set_user("ed", "editor-pass", Role::Editor).unwrap();
    let mut config = Config::new(&db);
    config.tiles = Some("https://tile.example.org/{z}/{x}/{y}.png".into());
    config.secure_cookies = true;
    let app = app(AppState::new(config, store, accounts));
    let (_, h, v) = send(&app, "GET", "/api/config", None, None).await;
    assert_eq!(v["tiles"], "https://tile.example.org/{z}/{x}/{y}.png");
    assert!(h[header::CONTENT_SECURITY_POLICY].to_str().unwrap().contains("img-src 'self' data: https://tile.example.org;"));
    let (s, h, _) = send(&app, "POST", "/api/session", None, Some(json!({ "name": "ed", "password": "editor-pass" }))).await;
    assert_eq!(s, StatusCode::OK);
    assert!(h[header::SET_COOKIE].to_str().unwrap().ends_with("; Secure"));
    // not public: reading needs an account
    let (s, v) = get(&app, "/api/stats").await;
    assert_eq!((s, v["n_events"].as_u64()), (StatusCode::UNAUTHORIZED, None));
    assert_eq!(litopys_server::default_accounts_path("/data/litopys.db"), std::path::PathBuf::from("/data/litopys.users.db"));
    assert_eq!(litopys_server::default_accounts_path("postgres://me@db/x"), std::path::PathBuf::from("litopys.users.db"));
}

#[tokio::test]
async fn an_empty_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db").display().to_string();
    let mut config = Config::new(&db);
    config.public = true;
    let app = app(AppState::new(config, Store::open(&db).unwrap(), Accounts::open(&dir.path().join("u.db")).unwrap()));
    for uri in ["/api/events", "/api/points", "/api/aggregates", "/api/review/queue", "/api/stats"] {
        let (s, _) = get(&app, uri).await;
        assert_eq!(s, StatusCode::OK, "{uri}");
    }
    let (_, v) = get(&app, "/api/points").await;
    assert_eq!(v["points"], json!([]));
}

#[tokio::test]
async fn repeated_failed_sign_ins_are_refused_for_a_while() {
    let f = fixture(false);
    for _ in 0..5 {
        let (s, _, _) = send(&f.app, "POST", "/api/session", None, Some(json!({ "name": "vi", "password": "guess" }))).await;
        assert_eq!(s, StatusCode::UNAUTHORIZED);
    }
    let (s, _, v) = send(&f.app, "POST", "/api/session", None, Some(json!({ "name": "vi", "password": "viewer-pass" }))).await;
    check_error((s, v), StatusCode::TOO_MANY_REQUESTS, "too many failed sign-ins for vi");
    let (s, _, _) = send(&f.app, "POST", "/api/session", None, Some(json!({ "name": "ed", "password": "editor-pass" }))).await;
    assert_eq!(s, StatusCode::OK, "other accounts are not affected");
}
