//! `litopys extract` on a Telegram Desktop export. The export is written here for litopys in
//! the shape Telegram Desktop's "Export chat history" (JSON) produces; the posts are invented.

use assert_cmd::Command;

const EXPORT: &str = r#"{
 "name": "Test monitor",
 "type": "public_channel",
 "id": 1111,
 "username": "testmonitor",
 "messages": [
  {"id": 1, "type": "service", "date": "2026-03-01T09:00:00", "action": "pin_message", "text": ""},
  {"id": 2, "type": "message", "date": "2026-03-02T20:10:00", "from": "Test monitor",
   "text": [{"type": "bold", "text": "Харків."}, " Сьогодні перехожі заблокували бус ТЦК та відбили затриманого. Двоє військовослужбовців травмовані."]},
  {"id": 3, "type": "message", "date": "2026-03-04T08:00:00", "from": "Test monitor",
   "text": "Вчера в Одессе неизвестные подожгли автомобиль ТЦК. Пострадавших нет."},
  {"id": 4, "type": "message", "date": "2026-03-04T12:00:00", "from": "Test monitor",
   "text": "Підтримайте канал донатом!"},
  {"id": 5, "type": "message", "date": "2026-03-05T12:00:00", "forwarded_from": "Other channel",
   "text": "Sumy region: no new reports today."}
 ]
}"#;

#[test]
fn each_message_is_a_report_dated_by_itself() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("result.json");
    std::fs::write(&path, EXPORT).unwrap();
    let out = Command::cargo_bin("litopys").unwrap().arg("extract").arg(&path).assert().success();
    let rows: Vec<serde_json::Value> =
        String::from_utf8_lossy(&out.get_output().stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let got: Vec<(String, String, String, String)> = rows
        .iter()
        .map(|r| {
            let s = |k: &str| r[k].as_str().unwrap_or_default().to_string();
            (s("event_date"), s("location"), s("sub_event_type"), r["sources"][0]["url"].as_str().unwrap_or_default().to_string())
        })
        .collect();
    // `source` names the channel, as ACLED's does; the message's link is in `sources`
    assert!(rows.iter().all(|r| r["source"] == "t.me/testmonitor"), "{rows:?}");
    assert_eq!(
        got,
        vec![
            ("2026-03-02".into(), "Kharkiv".into(), "Mob violence".into(), "https://t.me/testmonitor/2".into()),
            ("2026-03-03".into(), "Odesa".into(), "Looting/property destruction".into(), "https://t.me/testmonitor/3".into()),
        ]
    );
    assert_eq!(rows[0]["injuries"], 2);
    assert_eq!(rows[1]["injuries"], 0);
    // notes are English whatever the post's language
    assert!(rows[1]["notes"].as_str().unwrap().starts_with("On 3 March 2026, in Odesa"));
}
