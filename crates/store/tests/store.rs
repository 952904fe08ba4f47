//! The store's behaviour, run on SQLite and, when `LITOPYS_TEST_POSTGRES` holds a URL, on
//! PostgreSQL too: every test calls `backends()` and checks each store it returns.
//!
//! The reports and incidents here were written for litopys' tests; they describe no real
//! event.

use litopys_model::{Document, Evidence, EventType, Incident, Statistic, SubEventType, TimePrecision};
use litopys_store::{Action, ErrorKind, Filter, HitKind, PutStatus, Report, Status, Store};

/// A SQLite store in a fresh folder, and a PostgreSQL one in a fresh schema when configured.
fn backends(test: &str) -> Vec<(tempfile::TempDir, Store)> {
    let dir = tempfile::tempdir().expect("temp dir");
    let sqlite = Store::open(&dir.path().join("litopys.db").display().to_string()).expect("open sqlite");
    let mut stores = vec![(dir, sqlite)];
    match std::env::var("LITOPYS_TEST_POSTGRES") {
        Ok(url) if !url.is_empty() => {
            let schema = format!("t_{test}");
            let mut admin = postgres::Client::connect(&url, postgres::NoTls).expect("connect to LITOPYS_TEST_POSTGRES");
            admin
                .batch_execute(&format!("SET client_min_messages = warning; DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"))
                .expect("fresh schema");
            let sep = if url.contains('?') { '&' } else { '?' };
            let store = Store::open(&format!("{url}{sep}options=-c%20search_path%3D{schema}")).expect("open postgres");
            assert_eq!(store.backend(), "postgres");
            stores.push((tempfile::tempdir().expect("temp dir"), store));
        }
        _ => eprintln!("note: LITOPYS_TEST_POSTGRES is not set; {test} ran on SQLite only"),
    }
    stores
}

const LUTSK_A: &str = "Written for litopys tests. On 23 February about 200 residents of Lutsk protested outside \
    the city council against the closure of the maternity ward; two people were injured in a scuffle with guards.";
const LUTSK_B: &str = "Written for litopys tests. Yesterday in Lutsk some 300 people rallied at the council building, \
    demanding the maternity ward stay open. Four protesters were hurt, according to organisers.";
const LUTSK_C: &str = "Written for litopys tests. У Луцьку близько 250 людей протестували під міською радою \
    проти закриття пологового відділення, троє постраждали.";

fn doc(id: &str, text: &str) -> Document {
    Document { source: Some(format!("https://example.org/{id}")), published: "2026-02-24".parse().ok(), ..Document::new(id, text) }
}

struct Spec<'a> {
    key: &'a str,
    date: &'a str,
    place: &'a str,
    sub: SubEventType,
    participants: Option<u32>,
    injuries: Option<u32>,
}

fn incident(s: Spec<'_>, text: &str) -> Incident {
    let place_at = text.find(s.place).unwrap_or(0);
    Incident {
        event_id_cnty: s.key.to_string(),
        event_date: s.date.parse().expect("date"),
        time_precision: TimePrecision::Day,
        event_type: s.sub.event_type(),
        sub_event_type: s.sub,
        actor1: "Protesters (Ukraine)".into(),
        assoc_actor_1: String::new(),
        actor2: String::new(),
        assoc_actor_2: String::new(),
        country: "Ukraine".into(),
        admin1: "Volyn".into(),
        admin2: "Lutskyi".into(),
        admin3: String::new(),
        location: s.place.to_string(),
        latitude: Some(50.7472),
        longitude: Some(25.3254),
        geo_precision: None,
        fatalities: 0,
        notes: format!("Residents protested against the closure of the maternity ward in {}.", s.place),
        source: String::new(),
        injuries: s.injuries,
        participants: s.participants,
        arrests: None,
        weapons: vec![],
        tags: vec!["healthcare".into()],
        legal: Default::default(), amounts: Vec::new(), damage: Vec::new(), injury_details: Vec::new(),
        evidence: vec![Evidence {
            field: "location".into(),
            start: place_at,
            end: place_at + s.place.len(),
            text: s.place.to_string(),
        }],
    }
}

fn protest<'a>(key: &'a str, date: &'a str, participants: u32, injuries: u32) -> Spec<'a> {
    Spec { key, date, place: "Lutsk", sub: SubEventType::PeacefulProtest, participants: Some(participants), injuries: Some(injuries) }
}

/// Stores the three Lutsk reports and their incidents; returns the doc ids.
fn three_reports(store: &mut Store) -> Vec<i64> {
    let reports = [("a.txt", LUTSK_A, protest("UKRA1", "2026-02-23", 200, 2)), ("b.txt", LUTSK_B, protest("UKRB1", "2026-02-23", 300, 4))];
    let mut ids = Vec::new();
    for (id, text, spec) in reports {
        let put = store.put_document(&doc(id, text)).expect("put");
        store.put_extraction(put.doc_id, &[incident(spec, text)], &[]).expect("extraction");
        ids.push(put.doc_id);
    }
    // the Ukrainian report names the city in Ukrainian; the gazetteer gave it the same coordinates
    let mut c = incident(Spec { place: "Луцьк", ..protest("UKRC1", "2026-02-24", 250, 3) }, LUTSK_C);
    c.latitude = Some(50.75);
    let put = store.put_document(&doc("c.txt", LUTSK_C)).expect("put");
    store.put_extraction(put.doc_id, &[c], &[]).expect("extraction");
    ids.push(put.doc_id);
    ids
}

#[test]
fn same_document_is_stored_once() {
    for (_dir, mut store) in backends("same_document") {
        let first = store.put_document(&doc("a.txt", LUTSK_A)).expect("put");
        assert_eq!(first.status, PutStatus::Inserted);
        let again = store.put_document(&doc("a.txt", LUTSK_A)).expect("put");
        assert_eq!((again.doc_id, again.status), (first.doc_id, PutStatus::Duplicate));
        // only whitespace and case differ: the same words
        let reflowed = LUTSK_A.replace(' ', "\n  ").to_uppercase();
        assert_eq!(store.put_document(&doc("copy.html", &reflowed)).expect("put").status, PutStatus::Duplicate);
        // a syndicated copy with its own byline and footer
        let syndicated = format!("Volyn News. {LUTSK_A} Subscribe to our channel.");
        let near = store.put_document(&doc("syndicated.html", &syndicated)).expect("put");
        assert_eq!(near.status, PutStatus::NearDuplicate { of: first.doc_id });
        assert_eq!(store.put_document(&doc("b.txt", LUTSK_B)).expect("put").status, PutStatus::Inserted);
        assert_eq!(store.counts().expect("counts").n_documents, 3);
        assert_eq!(store.document(first.doc_id).expect("doc").text, LUTSK_A);
        assert_eq!(store.document(9999).map_err(|e| e.kind()).err(), Some(ErrorKind::NotFound));
    }
}

#[test]
fn reopening_keeps_everything_and_migrates_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("litopys.db").display().to_string();
    {
        let mut store = Store::open(&path).expect("open");
        three_reports(&mut store);
    }
    let mut store = Store::open(&path).expect("reopen");
    let counts = store.counts().expect("counts");
    assert_eq!((counts.n_documents, counts.n_incidents, counts.n_events), (3, 3, 1));
}

#[test]
fn interrupted_ingest_is_found_again() {
    for (_dir, mut store) in backends("resume") {
        let put = store.put_document(&doc("a.txt", LUTSK_A)).expect("put");
        // the run stopped here, before extraction
        let again = store.put_document(&doc("a.txt", LUTSK_A)).expect("put");
        assert!(store.needs_extraction(again.doc_id).expect("query"));
        store.put_extraction(put.doc_id, &[incident(protest("UKRA1", "2026-02-23", 200, 2), LUTSK_A)], &[]).expect("x");
        assert!(!store.needs_extraction(again.doc_id).expect("query"));
    }
}

#[test]
fn re_extraction_is_idempotent() {
    for (_dir, mut store) in backends("re_extraction") {
        let ids = three_reports(&mut store);
        let stat = Statistic {
            record: "statistic".into(),
            indicator: "protests".into(),
            value: 12.0,
            value_max: None,
            period: "2026-02".into(),
            source: "a.txt".into(),
            attributed_to: String::new(),
            evidence: vec![],
        };
        let a = incident(protest("UKRA1", "2026-02-23", 200, 2), LUTSK_A);
        for _ in 0..3 {
            store.put_extraction(ids[0], &[a.clone()], &[stat.clone()]).expect("extraction");
        }
        let counts = store.counts().expect("counts");
        assert_eq!((counts.n_documents, counts.n_incidents, counts.n_events), (3, 3, 1));
        // the extractor no longer finds the incident in the first report: its source goes
        store.put_extraction(ids[0], &[], &[]).expect("extraction");
        let events = store.events(&Filter::default()).expect("events");
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].sources.len(), 2);
    }
}

#[test]
fn three_sources_make_one_event() {
    for (_dir, mut store) in backends("three_sources") {
        let ids = three_reports(&mut store);
        let events = store.events(&Filter::default()).expect("events");
        assert_eq!(events.len(), 1, "{events:#?}");
        let e = &events[0];
        assert_eq!(e.id, "UKRA1");
        assert_eq!(e.status, Status::New);
        assert_eq!(e.incident.event_date.to_string(), "2026-02-23");
        // the most conservative figures; each source's own are kept
        assert_eq!((e.incident.participants, e.incident.injuries), (Some(200), Some(2)));
        let per_source: Vec<_> = e.sources.iter().map(|s| (s.doc_id, s.participants, s.injuries)).collect();
        assert_eq!(per_source, vec![(ids[0], Some(200), Some(2)), (ids[1], Some(300), Some(4)), (ids[2], Some(250), Some(3))]);
        assert_eq!(e.incident.source, "https://example.org/a.txt; https://example.org/b.txt; https://example.org/c.txt");
        // the union of the evidence, each span pointing into its own document
        assert_eq!(e.evidence.len(), 3);
        for ev in &e.evidence {
            let text = store.document(ev.doc_id).expect("doc").text;
            assert_eq!(text.get(ev.evidence.start..ev.evidence.end), Some(ev.evidence.text.as_str()));
        }
    }
}

#[test]
fn distinct_incidents_same_day_same_city_stay_apart() {
    for (_dir, mut store) in backends("distinct") {
        let text = "Written for litopys tests. On 23 February a Lutsk court jailed a man for evading mobilisation. \
            Later that day in Lutsk a crowd blocked a recruitment office car and beat its driver.";
        let court = Spec { key: "UKRD1", date: "2026-02-23", place: "Lutsk", sub: SubEventType::Other, participants: None, injuries: None };
        let mob = Spec { key: "UKRD2", date: "2026-02-23", place: "Lutsk", sub: SubEventType::MobViolence, participants: Some(20), injuries: Some(1) };
        let put = store.put_document(&doc("d.txt", text)).expect("put");
        let linked = store.put_extraction(put.doc_id, &[incident(court, text), incident(mob, text)], &[]).expect("x");
        assert_eq!((linked.n_incidents, linked.n_new_events), (2, 2));
        // a second report of the mob joins the mob event, not the court ruling
        let other = "Written for litopys tests. In Lutsk about thirty people attacked a recruitment office vehicle on Monday.";
        let mob2 = Spec { key: "UKRE1", date: "2026-02-23", place: "Lutsk", sub: SubEventType::MobViolence, participants: Some(30), injuries: None };
        let put = store.put_document(&doc("e.txt", other)).expect("put");
        store.put_extraction(put.doc_id, &[incident(mob2, other)], &[]).expect("x");
        // a crowd ten times larger is another gathering
        let big = "Written for litopys tests. Thousands marched through Lutsk on 23 February in a peaceful rally.";
        let rally = Spec { key: "UKRF1", date: "2026-02-23", place: "Lutsk", sub: SubEventType::PeacefulProtest, participants: Some(3000), injuries: None };
        let put = store.put_document(&doc("f.txt", big)).expect("put");
        store.put_extraction(put.doc_id, &[incident(rally, big)], &[]).expect("x");
        let events = store.events(&Filter::default()).expect("events");
        let shape: Vec<_> = events.iter().map(|e| (e.id.as_str(), e.sources.len())).collect();
        assert_eq!(shape, vec![("UKRD1", 1), ("UKRD2", 2), ("UKRF1", 1)]);
    }
}

#[test]
fn review_survives_re_extraction() {
    for (_dir, mut store) in backends("review") {
        let ids = three_reports(&mut store);
        store.review("UKRA1", &Action::Edit { field: "injuries".into(), value: serde_json::json!(5) }, "analyst1").expect("edit");
        store.review("UKRA1", &Action::Edit { field: "location".into(), value: serde_json::json!("Lutsk") }, "analyst2").expect("edit");
        // re-extraction now says 1 injured and 150 people
        let a = incident(protest("UKRA1", "2026-02-23", 150, 1), LUTSK_A);
        store.put_extraction(ids[0], &[a], &[]).expect("extraction");
        let e = store.event("UKRA1").expect("event");
        assert_eq!(e.status, Status::Edited);
        assert_eq!(e.incident.injuries, Some(5), "the reviewed field is kept");
        assert_eq!(e.incident.participants, Some(150), "an unreviewed field follows the extraction");
        assert_eq!(e.reviewed_fields, vec!["injuries".to_string(), "location".to_string()]);
        // confirming freezes every field
        store.review("UKRA1", &Action::Confirm, "analyst1").expect("confirm");
        store.put_extraction(ids[0], &[incident(protest("UKRA1", "2026-02-23", 100, 1), LUTSK_A)], &[]).expect("x");
        let e = store.event("UKRA1").expect("event");
        assert_eq!((e.status, e.incident.participants, e.incident.injuries), (Status::Confirmed, Some(150), Some(5)));
        let history = store.history("UKRA1").expect("history");
        let who: Vec<_> = history.iter().map(|h| h.actor.as_str()).collect();
        assert_eq!(who, vec!["analyst1", "analyst2", "analyst1"]);
        assert_eq!(history[2].action, Action::Confirm);
        assert!(history.iter().all(|h| h.at.starts_with("20")));
        // bad actions are refused and leave no history
        let bad = Action::Edit { field: "fatalities".into(), value: serde_json::json!("many") };
        assert_eq!(store.review("UKRA1", &bad, "x").map_err(|e| e.kind()).err(), Some(ErrorKind::InvalidAction));
        assert!(store.review("NOPE", &Action::Confirm, "x").is_err_and(|e| e.is_not_found()));
        assert_eq!(store.history("UKRA1").expect("history").len(), 3);
    }
}

#[test]
fn re_extraction_relinks_a_re_dated_report() {
    for (_dir, mut store) in backends("relink") {
        let ids = three_reports(&mut store);
        let sources = |store: &mut Store| -> Vec<(String, usize)> {
            store.events(&Filter::default()).expect("events").into_iter().map(|e| (e.id, e.sources.len())).collect()
        };
        assert_eq!(sources(&mut store), vec![("UKRA1".to_string(), 3)]);
        // report b re-dated a fortnight later: it no longer matches the others and leaves
        store.put_extraction(ids[1], &[incident(protest("UKRB1", "2026-03-10", 300, 4), LUTSK_B)], &[]).expect("x");
        assert_eq!(sources(&mut store), vec![("UKRA1".to_string(), 2), ("UKRB1".to_string(), 1)]);
        assert_eq!(store.event("UKRB1").expect("event").incident.event_date.to_string(), "2026-03-10");
        // dated right again, alone in its event, it joins the one it matches; its own goes
        store.put_extraction(ids[1], &[incident(protest("UKRB1", "2026-02-23", 300, 4), LUTSK_B)], &[]).expect("x");
        assert_eq!(sources(&mut store), vec![("UKRA1".to_string(), 3)]);
        // an event an analyst confirmed keeps its reports, re-dated or not
        store.review("UKRA1", &Action::Confirm, "a").expect("confirm");
        store.put_extraction(ids[1], &[incident(protest("UKRB1", "2026-03-10", 300, 4), LUTSK_B)], &[]).expect("x");
        assert_eq!(sources(&mut store), vec![("UKRA1".to_string(), 3)]);
        assert_eq!(store.event("UKRA1").expect("event").incident.event_date.to_string(), "2026-02-23");
    }
}

#[test]
fn reject_merge_split() {
    for (_dir, mut store) in backends("merge_split") {
        three_reports(&mut store);
        // split the Ukrainian report off, then merge it back
        store.review("UKRA1", &Action::Split { incidents: vec!["UKRC1".into()] }, "a").expect("split");
        let ids: Vec<_> = store.events(&Filter::default()).expect("events").into_iter().map(|e| (e.id, e.sources.len())).collect();
        assert_eq!(ids, vec![("UKRA1".to_string(), 2), ("UKRC1".to_string(), 1)]);
        // re-extraction keeps the analyst's split
        let c = store.event("UKRC1").expect("event").sources[0].doc_id;
        let inc = incident(Spec { place: "Луцьк", ..protest("UKRC1", "2026-02-24", 250, 3) }, LUTSK_C);
        store.put_extraction(c, &[inc], &[]).expect("x");
        assert_eq!(store.events(&Filter::default()).expect("events").len(), 2);
        store.review("UKRA1", &Action::Merge { other: "UKRC1".into() }, "b").expect("merge");
        let events = store.events(&Filter::default()).expect("events");
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].sources.len(), 3);
        assert_eq!(store.history("UKRC1").expect("history").len(), 2);
        let all = Action::Split { incidents: vec!["UKRA1".into(), "UKRB1".into(), "UKRC1".into()] };
        assert_eq!(store.review("UKRA1", &all, "a").map_err(|e| e.kind()).err(), Some(ErrorKind::InvalidAction));
        store.review("UKRA1", &Action::Reject, "c").expect("reject");
        assert!(store.events(&Filter::default()).expect("events").is_empty());
        let rejected = Filter { status: Some(Status::Rejected), ..Filter::default() };
        assert_eq!(store.events(&rejected).expect("events").len(), 1);
    }
}

#[test]
fn filters_and_search() {
    for (_dir, mut store) in backends("filters") {
        three_reports(&mut store);
        let check = |store: &mut Store, f: Filter, n: usize| assert_eq!(store.events(&f).expect("events").len(), n);
        let day = |s: &str| s.parse().ok();
        check(&mut store, Filter { from: day("2026-02-23"), to: day("2026-02-23"), ..Filter::default() }, 1);
        check(&mut store, Filter { from: day("2026-02-24"), ..Filter::default() }, 0);
        check(&mut store, Filter { admin1: Some("volyn".into()), ..Filter::default() }, 1);
        check(&mut store, Filter { admin1: Some("Kyiv".into()), ..Filter::default() }, 0);
        check(&mut store, Filter { event_type: Some(EventType::Protests.as_str().into()), ..Filter::default() }, 1);
        check(&mut store, Filter { event_type: Some("Riots".into()), ..Filter::default() }, 0);
        check(&mut store, Filter { tag: Some("healthcare".into()), ..Filter::default() }, 1);
        check(&mut store, Filter { tag: Some("health".into()), ..Filter::default() }, 0);
        check(&mut store, Filter { text: Some("maternity ward".into()), ..Filter::default() }, 1);
        check(&mut store, Filter { text: Some("пологового".into()), ..Filter::default() }, 1);
        check(&mut store, Filter { text: Some("drone".into()), ..Filter::default() }, 0);
        check(&mut store, Filter { status: Some(Status::New), ..Filter::default() }, 1);
        let hits = store.search("maternity", 10).expect("search");
        assert_eq!(hits.iter().filter(|h| h.kind == HitKind::Document).count(), 2);
        assert_eq!(hits.iter().filter(|h| h.kind == HitKind::Event).count(), 1);
        assert_eq!(store.search("Луцьку", 10).expect("search").len(), 1);
        assert!(store.search("\"*) OR", 10).expect("odd query is safe").is_empty());
    }
}

/// Generated reports with their extractions, with exact and near copies of some of them a
/// few places later (so that a batch holds a document and its copy).
fn generated_reports(n: usize) -> Vec<(Document, Vec<Incident>, Vec<Statistic>)> {
    let extractor = litopys_extract::Extractor::default();
    let mut generator = litopys_corpus::Generator::new(11, litopys_corpus::Lang::Mixed);
    let mut docs: Vec<Document> = (0..n).map(|_| generator.article().into_document()).collect();
    for k in (0..n).step_by(9) {
        let original = docs[k].clone();
        let copy = |n: usize| Document { id: format!("{}#copy{n}", original.id), text: format!("Syndicated {n}. {} Read more.", original.text), ..original.clone() };
        let at = (k + 3).min(docs.len());
        docs.insert(at, Document { id: format!("{}#again", original.id), text: original.text.to_uppercase(), ..original.clone() });
        docs.insert(at, copy(2));
        docs.insert(at, copy(1));
    }
    docs.into_iter()
        .map(|d| {
            let out = extractor.extract(&d);
            (d, out.incidents, out.statistics)
        })
        .collect()
}

#[test]
fn batches_store_what_one_by_one_stores() {
    let reports = generated_reports(120);
    for (_dir, mut one) in backends("batch_one") {
        let mut results = Vec::new();
        for (d, incidents, statistics) in &reports {
            let put = one.put_document(d).expect("put");
            let linked = match put.status {
                PutStatus::Duplicate => Default::default(),
                _ => one.put_extraction(put.doc_id, incidents, statistics).expect("extraction"),
            };
            results.push((put, linked));
        }
        let (_dir2, mut batched) = backends("batch_many").into_iter().find(|(_, s)| s.backend() == one.backend()).expect("same backend");
        let mut batch_results = Vec::new();
        for chunk in reports.chunks(17) {
            let batch: Vec<Report> = chunk.iter().map(|(d, i, s)| Report::new(d.clone(), Some((i.clone(), s.clone())))).collect();
            batch_results.extend(batched.put_batch(&batch).expect("batch"));
        }
        assert_eq!(batch_results, results);
        assert!(results.iter().any(|(p, _)| p.status == PutStatus::Duplicate), "the copies are recognised");
        assert!(results.iter().any(|(p, _)| matches!(p.status, PutStatus::NearDuplicate { .. })));
        assert!(results.iter().any(|(_, l)| l.n_incidents > l.n_new_events), "some reports join an earlier event");
        let all = Filter { status: None, ..Filter::default() };
        let (events, batch_events) = (one.events(&all).expect("events"), batched.events(&all).expect("events"));
        assert!(events.iter().any(|e| e.sources.len() > 2), "some events have many reports");
        assert_eq!(batch_events, events);
        assert_eq!(batched.counts().expect("counts"), one.counts().expect("counts"));
        let from = "2000-01-01".parse().expect("date");
        let to = "2100-01-01".parse().expect("date");
        assert_eq!(batched.statistics(from, to).expect("stats"), one.statistics(from, to).expect("stats"));
        for words in ["court", "police", "TRC", "Syndicated"] {
            let hits = |store: &mut Store| {
                let mut hits: Vec<(String, String)> =
                    store.search(words, 10_000).expect("search").into_iter().map(|h| (format!("{:?}", h.kind), h.id)).collect();
                hits.sort();
                hits
            };
            let found = hits(&mut one);
            assert!(!found.is_empty(), "{words}");
            assert_eq!(hits(&mut batched), found, "{words}");
        }
        let events_found = one.search("court", 10_000).expect("search").iter().filter(|h| h.kind == HitKind::Event).count();
        assert!(events_found > 0, "event notes are searchable");
    }
}

#[test]
fn batch_again_stores_nothing_twice_and_finishes_interrupted_extractions() {
    let reports = generated_reports(20);
    for (_dir, mut store) in backends("batch_again") {
        // an interrupted run stored the first document but not its extraction
        let first = store.put_document(&reports[0].0).expect("put");
        let batch: Vec<Report> = reports.iter().map(|(d, i, s)| Report::new(d.clone(), Some((i.clone(), s.clone())))).collect();
        let done = store.put_batch(&batch).expect("batch");
        assert_eq!(done[0].0.doc_id, first.doc_id);
        assert_eq!(done[0].1.n_incidents, reports[0].1.len());
        assert!(!store.needs_extraction(first.doc_id).expect("needs"));
        let counts = store.counts().expect("counts");
        let extracted = store.extracted(&reports.iter().map(|r| r.0.clone()).collect::<Vec<_>>()).expect("extracted");
        assert!(extracted.iter().all(|&e| e));
        let again = store.put_batch(&batch).expect("again");
        assert!(again.iter().all(|(p, l)| p.status == PutStatus::Duplicate && l.n_incidents == 0));
        assert_eq!(store.counts().expect("counts"), counts);
        assert_eq!(store.extracted(&[doc("new.txt", LUTSK_A)]).expect("extracted"), vec![false]);
    }
}

#[test]
fn batch_keeps_what_analysts_reviewed() {
    for (_dir, mut store) in backends("batch_review") {
        three_reports(&mut store);
        let event = store.events(&Filter::default()).expect("events").remove(0);
        store.review(&event.id, &Action::Edit { field: "notes".into(), value: serde_json::json!("Checked by hand.") }, "analyst").expect("edit");
        let text = "Written for litopys tests. A fourth report: on 23 February about 150 people protested in Lutsk.";
        let late = incident(protest("UKRD1", "2026-02-23", 150, 1), text);
        let done = store.put_batch(&[Report::new(doc("d.txt", text), Some((vec![late], vec![])))]).expect("batch");
        assert_eq!(done[0].1.n_new_events, 0, "the fourth report joins the event");
        let after = store.event(&event.id).expect("event");
        assert_eq!(after.sources.len(), event.sources.len() + 1);
        assert_eq!(after.incident.participants, Some(150));
        assert_eq!(after.incident.notes, "Checked by hand.");
        assert_eq!(after.status, Status::Edited);
        assert_eq!(store.history(&event.id).expect("history").len(), 1);
        assert_eq!(store.search("Checked", 10).expect("search").len(), 1);
    }
}

/// The ids of the events whose notes have every word of `q`.
fn event_hits(store: &mut Store, q: &str) -> Vec<String> {
    let hits = store.search(q, 10).expect("search");
    let mut ids: Vec<String> = hits.into_iter().filter(|h| h.kind == HitKind::Event).map(|h| h.id).collect();
    ids.sort();
    ids
}

#[test]
fn notes_index_follows_reviews() {
    for (_dir, mut store) in backends("notes_index") {
        three_reports(&mut store);
        let notes = Action::Edit { field: "notes".into(), value: serde_json::json!("Residents blocked the bypass road.") };
        store.review("UKRA1", &notes, "a").expect("edit notes");
        assert_eq!(event_hits(&mut store, "bypass"), vec!["UKRA1".to_string()]);
        assert!(event_hits(&mut store, "maternity").is_empty(), "the old notes are gone from the index");
        store.review("UKRA1", &Action::Split { incidents: vec!["UKRC1".into()] }, "a").expect("split");
        assert_eq!(event_hits(&mut store, "maternity"), vec!["UKRC1".to_string()]);
        store.review("UKRA1", &Action::Merge { other: "UKRC1".into() }, "a").expect("merge");
        assert!(event_hits(&mut store, "maternity").is_empty(), "a merged event's notes are gone");
        assert_eq!(event_hits(&mut store, "bypass"), vec!["UKRA1".to_string()]);
    }
}

#[test]
fn events_by_id_keeps_the_order_asked_and_leaves_out_missing_ones() {
    for (_dir, mut store) in backends("by_id") {
        three_reports(&mut store);
        store.review("UKRA1", &Action::Split { incidents: vec!["UKRC1".into()] }, "a").expect("split");
        let got: Vec<String> = store.events_by_id(&["UKRC1", "NOPE", "UKRA1"]).expect("events").into_iter().map(|e| e.id).collect();
        assert_eq!(got, vec!["UKRC1".to_string(), "UKRA1".to_string()]);
        assert_eq!(store.events_by_id(&["UKRA1"]).expect("events")[0], store.event("UKRA1").expect("event"));
        assert!(store.events_by_id(&[]).expect("none asked").is_empty());
    }
}

#[test]
fn batch_gives_new_events_unused_ids() {
    for (_dir, mut store) in backends("batch_ids") {
        let report = |n: u32, key: &'static str, date: &'static str| {
            let text = format!("Written for litopys tests. Report number {n}: people protested in Lutsk, on a day of their own.");
            let found = incident(protest(key, date, 100 * n, 0), &text);
            (doc(&format!("{n}.txt"), &text), found)
        };
        let (first, found) = report(1, "UKRY1", "2026-02-01");
        let put = store.put_document(&first).expect("put");
        store.put_extraction(put.doc_id, &[found], &[]).expect("extraction");
        // two reports asking for the same unused id, one asking for a taken one; none of the
        // four incidents is near another in time
        let batch: Vec<Report> = [report(2, "UKRX1", "2026-02-10"), report(3, "UKRX1", "2026-02-20"), report(4, "UKRY1", "2026-02-15")]
            .into_iter()
            .map(|(d, i)| Report::new(d, Some((vec![i], vec![]))))
            .collect();
        let done = store.put_batch(&batch).expect("batch");
        assert!(done.iter().all(|(_, l)| l.n_new_events == 1));
        let all = Filter { status: None, ..Filter::default() };
        let ids: Vec<String> = store.events(&all).expect("events").into_iter().map(|e| e.id).collect();
        assert_eq!(ids, ["UKRY1", "UKRX1", "UKRY1-2", "UKRX1-2"]);
    }
}

#[test]
fn undated_incidents_wait_for_a_date_and_keep_reviews() {
    for (_dir, mut store) in backends("undated_incidents_wait_for_a_date_and_keep_reviews") {
        let ids = three_reports(&mut store);
        let text = format!("{LUTSK_A}\n\nYesterday residents of Lutsk gathered again.");
        let undated = Document { published: None, ..doc("d.txt", &text) };
        let put = store.put_document(&undated).expect("put");
        let rivne = |date: &str| incident(Spec { key: "UKRD1", date, place: "Lutsk", sub: SubEventType::MobViolence, participants: None, injuries: None }, &text);
        store.put_extraction(put.doc_id, &[rivne("1899-12-31")], &[]).expect("extraction");
        assert_eq!(store.mark_needs_date(put.doc_id, &["UKRD1".to_string()]).expect("mark"), 1);
        // left out of listings, listed on its own, and its document is undated
        assert!(store.events(&Filter::default()).expect("events").iter().all(|e| e.id != "UKRD1"));
        let waiting = store.events(&Filter { status: Some(Status::NeedsDate), ..Filter::default() }).expect("events");
        assert_eq!(waiting.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["UKRD1"]);
        let docs = store.documents(true).expect("documents");
        assert_eq!(docs.iter().map(|d| (d.id, d.n_needs_date)).collect::<Vec<_>>(), [(put.doc_id, 1)]);
        // a reviewed event elsewhere is untouched by dating and extracting again
        let other = store.events(&Filter::default()).expect("events")[0].id.clone();
        store.review(&other, &Action::Confirm, "olena").expect("confirm");
        store.set_published(put.doc_id, "2026-03-05".parse().expect("date")).expect("date it");
        assert!(store.set_published(9999, "2026-03-05".parse().expect("date")).is_err());
        store.reset_needs_date(put.doc_id).expect("reset");
        store.put_extraction(put.doc_id, &[rivne("2026-03-04")], &[]).expect("extraction");
        assert_eq!(store.mark_needs_date(put.doc_id, &[]).expect("nothing to mark"), 0);
        let dated = store.event("UKRD1").expect("event");
        assert_eq!((dated.status, dated.incident.event_date.to_string()), (Status::New, "2026-03-04".to_string()));
        assert_eq!(store.event(&other).expect("event").status, Status::Confirmed);
        assert!(store.documents(true).expect("documents").is_empty());
        assert_eq!(store.document_ids().expect("ids").len(), ids.len() + 1);
    }
}
