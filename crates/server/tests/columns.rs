//! The server's columnar filters and aggregates against a naive filter over the store's full
//! events, on a varied generated set (`tests/synthetic`): random combinations of every
//! filter, before and after reviews that move, change, reject and merge events.

mod synthetic;

use std::collections::BTreeMap;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use litopys_server::{app, Accounts, AppState, Config, Role};
use litopys_store::{Event, Filter, Status, Store};
use serde_json::Value;
use synthetic::Rng;
use tower::ServiceExt;

struct Fixture {
    app: Router,
    store: Store,
    token: String,
    _dir: tempfile::TempDir,
}

fn fixture(n: usize, seed: u64) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("events.db");
    synthetic::fill(&db, n, seed).unwrap();
    let db = db.display().to_string();
    let mut accounts = Accounts::open(&dir.path().join("users.db")).unwrap();
    accounts.set_user("ed", "editor-pass", Role::Editor).unwrap();
    let token = accounts.create_token("ed", "tests").unwrap();
    let mut config = Config::new(&db);
    config.public = true;
    let app = app(AppState::new(config, Store::open(&db).unwrap(), accounts));
    Fixture { app, store: Store::open(&db).unwrap(), token, _dir: dir }
}

async fn call(app: &Router, method: &str, uri: &str, token: &str, body: Option<Value>) -> Value {
    let req = Request::builder().method(method).uri(uri).header("authorization", format!("Bearer {token}"));
    let req = match body {
        Some(b) => req.header("content-type", "application/json").body(Body::from(b.to_string())),
        None => req.body(Body::empty()),
    };
    let res = app.clone().oneshot(req.unwrap()).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "{uri}");
    serde_json::from_slice(&res.into_body().collect().await.unwrap().to_bytes()).unwrap()
}

/// Every event in the store, rejected ones too, by date then id.
fn all_events(store: &mut Store) -> Vec<Event> {
    let mut all = Vec::new();
    for s in [Status::New, Status::Confirmed, Status::Edited, Status::Rejected] {
        all.extend(store.events(&Filter { status: Some(s), ..Filter::default() }).unwrap());
    }
    all.sort_by(|a, b| (a.incident.event_date, &a.id).cmp(&(b.incident.event_date, &b.id)));
    all
}

/// A random query: each filter present or not, values drawn from the events themselves
/// (in other cases, and some that match nothing).
fn random_query(rng: &mut Rng, events: &[Event]) -> Vec<(&'static str, String)> {
    let e = &rng.pick(events).incident;
    let day = |rng: &mut Rng| (jiff::civil::date(2022, 12, 1) + jiff::Span::new().days(rng.below(1200) as i64)).to_string();
    let (a, b) = (day(rng), day(rng));
    let oblast = if rng.chance(0.5) { e.admin1.to_uppercase() } else { e.admin1.clone() };
    let raion = if rng.chance(0.9) { e.admin2.clone() } else { "nowhere".into() };
    let candidates = [
        ("from", a.clone().min(b.clone())),
        ("to", a.max(b)),
        ("oblast", oblast),
        ("type", e.event_type.as_str().to_lowercase()),
        ("sub_type", e.sub_event_type.as_str().to_string()),
        ("raion", raion),
        ("tag", rng.pick(&["mobilization", "Labour", "court", "nope"]).to_string()),
        ("actor", rng.pick(&["forces of", "PROTESTERS", "civilians (", "rioters"]).to_string()),
        ("status", rng.pick(&["new", "confirmed", "edited", "rejected", "all"]).to_string()),
        ("bbox", rng.pick(&["30,46,38,51", "22,44,41,53", "35,47,39,50.5"]).to_string()),
    ];
    // an empty value is no filter at all (the server trims and ignores it)
    candidates.into_iter().filter(|(_, v)| !v.is_empty()).filter(|_| rng.chance(0.3)).collect()
}

fn uri(path: &str, q: &[(&str, String)], extra: &str) -> String {
    let mut s: Vec<String> = q.iter().map(|(k, v)| format!("{k}={}", v.replace(' ', "%20").replace(',', "%2C"))).collect();
    s.push(extra.to_string());
    format!("{path}?{}", s.join("&"))
}

fn value<'a>(q: &'a [(&str, String)], name: &str) -> Option<&'a str> {
    q.iter().find(|(k, _)| *k == name).map(|(_, v)| v.as_str())
}

/// The filters, applied one event at a time to its full values (as the server did before it
/// kept columns).
fn naive<'a>(events: &'a [Event], q: &[(&str, String)]) -> Vec<&'a Event> {
    let same = |a: &str, b: &str| a.to_lowercase() == b.to_lowercase();
    let date = |name| value(q, name).map(|d| d.parse::<jiff::civil::Date>().unwrap());
    let (from, to) = (date("from"), date("to"));
    let bbox: Option<Vec<f64>> = value(q, "bbox").map(|b| b.split(',').map(|x| x.parse().unwrap()).collect());
    events
        .iter()
        .filter(|e| {
            let i = &e.incident;
            let status_ok = match value(q, "status") {
                Some("all") => true,
                Some(s) => e.status.as_str() == s,
                None => e.status != Status::Rejected,
            };
            status_ok
                && from.map_or(true, |d| i.event_date >= d)
                && to.map_or(true, |d| i.event_date <= d)
                && value(q, "oblast").map_or(true, |a| same(&i.admin1, a))
                && value(q, "type").map_or(true, |t| same(i.event_type.as_str(), t))
                && value(q, "sub_type").map_or(true, |t| same(i.sub_event_type.as_str(), t))
                && value(q, "raion").map_or(true, |r| same(&i.admin2, r))
                && value(q, "tag").map_or(true, |t| i.tags.iter().any(|x| same(x, t)))
                && value(q, "actor").map(str::to_lowercase).map_or(true, |a| {
                    [&i.actor1, &i.assoc_actor_1, &i.actor2, &i.assoc_actor_2].iter().any(|x| x.to_lowercase().contains(&a))
                })
                && bbox.as_ref().map_or(true, |b| match (i.longitude, i.latitude) {
                    (Some(lon), Some(lat)) => lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3],
                    _ => false,
                })
        })
        .collect()
}

/// Buckets as `(period, key) -> (events, fatalities)`, computed over full events.
fn naive_buckets(events: &[&Event], interval: &str, by: &str) -> BTreeMap<(String, String), (u64, u64)> {
    let mut out: BTreeMap<(String, String), (u64, u64)> = BTreeMap::new();
    for e in events {
        let i = &e.incident;
        let d = i.event_date;
        let period = match interval {
            "week" => d - jiff::Span::new().days(i64::from(d.weekday().to_monday_zero_offset())),
            "month" => d.first_of_month(),
            _ => d,
        };
        let key = match by {
            "oblast" => i.admin1.clone(),
            "type" => i.event_type.as_str().to_string(),
            "place" if i.location.is_empty() => String::new(),
            "place" => format!("{}, {}", i.location, i.admin1),
            _ => String::new(),
        };
        let b = out.entry((period.to_string(), key)).or_default();
        b.0 += 1;
        b.1 += u64::from(i.fatalities);
    }
    out
}

fn ids(v: &Value, field: &str, at: usize) -> Vec<String> {
    v[field].as_array().unwrap().iter().map(|x| if at == usize::MAX { x["id"].as_str() } else { x[at].as_str() }.unwrap().to_string()).collect()
}

/// Listing, points and aggregates of `n` random queries agree with the naive filter.
async fn compare(f: &mut Fixture, rng: &mut Rng, n: usize) {
    let events = all_events(&mut f.store);
    for _ in 0..n {
        let q = random_query(rng, &events);
        let want = naive(&events, &q);
        let offset = if want.len() > 10 && rng.chance(0.5) { rng.below(want.len()) } else { 0 };
        let list = call(&f.app, "GET", &uri("/api/events", &q, &format!("limit=50&offset={offset}")), &f.token, None).await;
        assert_eq!(list["total"].as_u64(), Some(want.len() as u64), "{q:?}");
        let want_page: Vec<String> = want.iter().skip(offset).take(50).map(|e| e.id.clone()).collect();
        assert_eq!(ids(&list, "events", usize::MAX), want_page, "{q:?}");
        for (row, e) in list["events"].as_array().unwrap().iter().zip(want.iter().skip(offset)) {
            assert_eq!((row["fatalities"].as_u64(), row["admin1"].as_str()), (Some(u64::from(e.incident.fatalities)), Some(e.incident.admin1.as_str())));
        }
        let points = call(&f.app, "GET", &uri("/api/points", &q, ""), &f.token, None).await;
        let placed: Vec<String> = want.iter().filter(|e| e.incident.latitude.is_some() && e.incident.longitude.is_some()).map(|e| e.id.clone()).collect();
        assert_eq!(ids(&points, "points", 0), placed, "{q:?}");
        assert_eq!(points["n_unplaced"].as_u64(), Some((want.len() - placed.len()) as u64));
        let interval = *rng.pick(&["day", "week", "month"]);
        let by = *rng.pick(&["none", "oblast", "type", "place"]);
        let agg = call(&f.app, "GET", &uri("/api/aggregates", &q, &format!("interval={interval}&by={by}")), &f.token, None).await;
        let got: Vec<((String, String), (u64, u64))> = agg["buckets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| ((b["period"].as_str().unwrap().into(), b["key"].as_str().unwrap().into()), (b["n_events"].as_u64().unwrap(), b["fatalities"].as_u64().unwrap())))
            .collect();
        let want_buckets: Vec<_> = naive_buckets(&want, interval, by).into_iter().collect();
        assert_eq!(got, want_buckets, "{q:?} {interval} {by}");
    }
}

#[tokio::test]
async fn columnar_filters_agree_with_a_naive_filter_over_full_events() {
    let mut f = fixture(3000, 7);
    let mut rng = Rng::new(11);
    compare(&mut f, &mut rng, 150).await;
}

#[tokio::test]
async fn reviews_are_visible_to_the_next_read() {
    let mut f = fixture(800, 3);
    let mut rng = Rng::new(5);
    let events = all_events(&mut f.store);
    let pick = |rng: &mut Rng| rng.pick(&events).id.clone();
    let (moved, renamed, rejected, merged_into, merged) = (pick(&mut rng), pick(&mut rng), pick(&mut rng), pick(&mut rng), pick(&mut rng));
    let actions = [
        (moved.clone(), serde_json::json!({ "action": "edit", "field": "event_date", "value": "2021-06-01" })),
        (renamed, serde_json::json!({ "action": "edit", "field": "admin1", "value": "Volyn" })),
        (rejected.clone(), serde_json::json!({ "action": "reject" })),
        (merged_into, serde_json::json!({ "action": "merge", "other": merged })),
    ];
    for (id, action) in actions {
        call(&f.app, "POST", &format!("/api/events/{id}/review"), &f.token, Some(action)).await;
    }
    // the moved event is now the first of all
    let first = call(&f.app, "GET", "/api/events?limit=1&status=all", &f.token, None).await;
    assert_eq!(first["events"][0]["id"].as_str(), Some(moved.as_str()));
    let rejected_list = call(&f.app, "GET", "/api/events?status=rejected&limit=1000", &f.token, None).await;
    assert!(ids(&rejected_list, "events", usize::MAX).contains(&rejected));
    compare(&mut f, &mut rng, 60).await;
}
