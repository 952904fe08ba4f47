//! The API behind the web app's workbench: suggestions with counts, filters in any script,
//! map labels, exports of the filtered events, reports pasted by an editor, and reports
//! dated by an editor (their incidents wait for a date first in the queue).

mod common;

use axum::http::StatusCode;
use common::{check_error, fixture, get, send};
use serde_json::json;

#[tokio::test]
async fn facets_list_what_the_events_hold_with_counts() {
    let f = fixture(true);
    let (s, facets) = get(&f.app, "/api/facets").await;
    assert_eq!(s, StatusCode::OK, "{facets}");
    let (_, all) = get(&f.app, "/api/events").await;
    let total = all["total"].as_u64().unwrap();
    let oblasts = facets["oblast"].as_array().unwrap();
    let dnipro = oblasts.iter().find(|o| o["value"] == "Dnipropetrovsk").expect("Dnipropetrovsk");
    assert_eq!(dnipro["uk"], "Дніпропетровська область");
    let (_, listed) = get(&f.app, "/api/events?oblast=Dnipropetrovsk").await;
    assert_eq!(dnipro["n"], listed["total"]);
    let sum = |k: &str| facets[k].as_array().unwrap().iter().map(|o| o["n"].as_u64().unwrap()).sum::<u64>();
    assert_eq!(sum("type"), total);
    assert_eq!(sum("sub_type"), total);
    // most frequent first
    let counts: Vec<u64> = oblasts.iter().map(|o| o["n"].as_u64().unwrap()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    // actors as written, not lower-cased
    assert!(facets["actor"].as_array().unwrap().iter().any(|a| a["value"].as_str().unwrap().starts_with(char::is_uppercase)), "{}", facets["actor"]);
}

#[tokio::test]
async fn an_oblast_in_either_script_or_spelling_filters_the_same() {
    let f = fixture(true);
    let (_, latin) = get(&f.app, "/api/events?oblast=Dnipropetrovsk").await;
    assert!(latin["total"].as_u64().unwrap() >= 1);
    for typed in ["Дніпропетровська%20область", "Dnipropetrovska", "%D0%94%D0%BD%D0%B5%D0%BF%D1%80%D0%BE%D0%BF%D0%B5%D1%82%D1%80%D0%BE%D0%B2%D1%81%D0%BA%D0%B0%D1%8F%20%D0%BE%D0%B1%D0%BB%D0%B0%D1%81%D1%82%D1%8C"] {
        let (s, v) = get(&f.app, &format!("/api/events?oblast={typed}")).await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(v["total"], latin["total"], "{typed}");
    }
    // a place that is not an oblast matches nothing rather than something else
    let (_, none) = get(&f.app, "/api/events?oblast=Atlantis").await;
    assert_eq!(none["total"], 0);
    // list items carry their place in Ukrainian
    assert!(latin["events"].as_array().unwrap().iter().all(|e| e["admin1_uk"] == "Дніпропетровська область"));
}

#[tokio::test]
async fn labels_are_settlements_by_population() {
    let f = fixture(false);
    // public, like the boundaries: the gazetteer's, not the database's
    let (s, labels) = get(&f.app, "/api/labels").await;
    assert_eq!(s, StatusCode::OK);
    let rows = labels.as_array().unwrap();
    assert!(rows.len() > 1000, "{}", rows.len());
    assert_eq!(rows[0][0], "Kyiv");
    assert_eq!(rows[0][1], "Київ");
    let pops: Vec<u64> = rows.iter().map(|r| r[4].as_u64().unwrap()).collect();
    assert!(pops.windows(2).all(|w| w[0] >= w[1]));
    assert!(rows.iter().any(|r| r[0] == "Kryvyi Rih" && r[1] == "Кривий Ріг"));
}

#[tokio::test]
async fn exports_hold_the_filtered_events() {
    let f = fixture(true);
    let (_, listed) = get(&f.app, "/api/events?oblast=Dnipropetrovsk").await;
    let n = listed["total"].as_u64().unwrap() as usize;
    let (s, h, _) = send(&f.app, "GET", "/api/export?format=csv&oblast=Dnipropetrovsk", None, None).await;
    assert_eq!(s, StatusCode::OK);
    assert!(h["content-disposition"].to_str().unwrap().contains("litopys-events.csv"));
    let body = common::text(&f.app, "/api/export?format=csv&oblast=Dnipropetrovsk").await;
    let rows: Vec<&str> = body.trim_end().split("\r\n").collect();
    assert!(rows[0].starts_with("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"), "{}", rows[0]);
    assert_eq!(rows.len(), n + 1);
    assert!(rows[1..].iter().all(|r| r.contains("Dnipropetrovsk")));
    let (_, fc) = get(&f.app, "/api/export?format=geojson&oblast=Dnipropetrovsk").await;
    assert_eq!(fc["features"].as_array().unwrap().len(), n);
    assert!(fc["features"][0]["properties"]["fatalities"].is_u64());
    assert_eq!(fc["features"][0]["geometry"]["type"], "Point");
    let jsonl = common::text(&f.app, "/api/export?format=jsonl&oblast=Dnipropetrovsk").await;
    let lines: Vec<serde_json::Value> = jsonl.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), n);
    assert!(lines.iter().all(|l| l["admin1"] == "Dnipropetrovsk" && l["sources"].as_array().is_some_and(|s| !s.is_empty()) && l["evidence"].is_array()));
    check_error(get(&f.app, "/api/export?format=xml").await, StatusCode::BAD_REQUEST, "csv, geojson or jsonl");
    check_error(get(&f.app, "/api/export?shape=round").await, StatusCode::BAD_REQUEST, "shape");
}

// An invented incident at a real place, written for this test.
const PASTED: &str = "On March 27, in Uzhhorod, about 30 residents blocked a TRC minibus on Korzo Street and freed a detained man. Nobody was injured.";

#[tokio::test]
async fn an_editor_pastes_a_report() {
    let f = fixture(true);
    let body = json!({ "text": PASTED, "url": "https://test.example.org/uzhhorod", "published": "2026-03-28" });
    let (_, before) = get(&f.app, "/api/events").await;
    check_error(send_json(&f, None, "/api/documents", body.clone()).await, StatusCode::UNAUTHORIZED, "sign in");
    check_error(send_json(&f, Some(&f.viewer_token), "/api/documents", body.clone()).await, StatusCode::FORBIDDEN, "editor");
    check_error(send_json(&f, Some(&f.editor_token), "/api/documents", json!({ "text": PASTED, "published": "28.03" })).await, StatusCode::BAD_REQUEST, "YYYY-MM-DD");
    check_error(send_json(&f, Some(&f.editor_token), "/api/documents", json!({ "text": PASTED, "url": "javascript:x", "published": "2026-03-28" })).await, StatusCode::BAD_REQUEST, "url");
    let (s, _, added) = send(&f.app, "POST", "/api/documents", Some(&f.editor_token), Some(body.clone())).await;
    assert_eq!(s, StatusCode::CREATED, "{added}");
    assert_eq!(added["n_incidents"], 1);
    let id = added["events"][0].as_str().unwrap().to_string();
    let (_, after) = get(&f.app, "/api/events").await;
    assert_eq!(after["total"].as_u64().unwrap(), before["total"].as_u64().unwrap() + 1);
    let (_, e) = get(&f.app, &format!("/api/events/{id}")).await;
    assert_eq!(e["incident"]["location"], "Uzhhorod");
    assert_eq!(e["incident"]["event_date"], "2026-03-27");
    assert_eq!(e["sources"][0]["url"], "https://test.example.org/uzhhorod");
    assert_eq!(e["names_uk"]["location"], "Ужгород");
    // the same words again: stored already
    check_error(send_json(&f, Some(&f.editor_token), "/api/documents", body).await, StatusCode::CONFLICT, "stored already");
}

async fn send_json(f: &common::Fixture, token: Option<&str>, uri: &str, body: serde_json::Value) -> (StatusCode, serde_json::Value) {
    let (s, _, v) = send(&f.app, "POST", uri, token, Some(body)).await;
    (s, v)
}

// A post with no date of its own, written for this test: "yesterday" needs one.
const UNDATED: &str = "Учора ввечері в Полтаві близько п'ятнадцяти перехожих оточили службовий автомобіль ТЦК на вулиці Соборності й не дали вивезти затриманого чоловіка.";

#[tokio::test]
async fn undated_incidents_come_first_in_the_queue_until_an_editor_dates_their_report() {
    let f = fixture(true);
    // stored as `litopys ingest` stores an undated post: extracted against a stand-in date,
    // its incidents marked needs-date
    let doc_id = {
        let mut store = litopys_store::Store::open(&f.dir.path().join("litopys.db").display().to_string()).unwrap();
        let doc = litopys_model::Document::new("poltava-post.uk.txt", UNDATED);
        let put = store.put_document(&doc).unwrap();
        let stand_in = litopys_model::Document { published: Some(jiff::civil::date(1900, 1, 1)), ..doc };
        let out = litopys_extract::Extractor::default().extract(&stand_in);
        assert_eq!(out.incidents.len(), 1);
        store.put_extraction(put.doc_id, &out.incidents, &out.statistics).unwrap();
        let keys: Vec<String> = out.incidents.iter().map(|i| i.event_id_cnty.clone()).collect();
        assert_eq!(store.mark_needs_date(put.doc_id, &keys).unwrap(), 1);
        put.doc_id
    };
    let (_, q) = get(&f.app, "/api/review/queue").await;
    assert_eq!(q["events"][0]["status"], "needs-date", "{q}");
    assert_eq!(q["n_needs_date"], 1);
    assert_eq!(q["events"][0]["doc_id"], doc_id);
    assert!(q["events"].as_array().unwrap()[1..].iter().all(|e| e["status"] == "new"));
    // left out of listings and exports until dated; listed when asked for
    let (_, listed) = get(&f.app, "/api/events?limit=1000").await;
    assert!(listed["events"].as_array().unwrap().iter().all(|e| e["location"] != "Poltava" || e["status"] != "needs-date"));
    let (_, waiting) = get(&f.app, "/api/events?status=needs-date").await;
    assert_eq!(waiting["total"], 1);
    let csv = common::text(&f.app, "/api/export?format=csv").await;
    assert!(!csv.contains("1900-01-01"));
    let uri = format!("/api/documents/{doc_id}/date");
    check_error(send_json(&f, Some(&f.viewer_token), &uri, json!({ "published": "2026-03-21" })).await, StatusCode::FORBIDDEN, "editor");
    check_error(send_json(&f, Some(&f.editor_token), "/api/documents/99999/date", json!({ "published": "2026-03-21" })).await, StatusCode::NOT_FOUND, "99999");
    let (s, dated) = send_json(&f, Some(&f.editor_token), &uri, json!({ "published": "2026-03-21" })).await;
    assert_eq!(s, StatusCode::OK, "{dated}");
    let id = dated["events"][0].as_str().unwrap();
    let (_, e) = get(&f.app, &format!("/api/events/{id}")).await;
    assert_eq!(e["status"], "new");
    assert_eq!(e["incident"]["event_date"], "2026-03-20");
    assert_eq!(e["incident"]["location"], "Poltava");
    let (_, q) = get(&f.app, "/api/review/queue").await;
    assert_eq!(q["n_needs_date"], 0);
}
