//! Telegram Desktop chat exports (`result.json`).
//!
//! An export of one chat is an object with the chat's `name`, `type`, `id` and a `messages`
//! array; an export of all chats holds such objects under `chats.list`. Each message of type
//! `message` with text becomes a document; service messages (pins, joins) and messages without
//! text (a photo alone) are skipped. A message whose shape is unexpected is skipped with a
//! warning.

use litopys_model::Document;
use serde_json::{Map, Value};

use crate::{date, decode, Batch, Error, Format};

/// Reads every chat in an export.
pub(crate) fn read(name: &str, bytes: &[u8]) -> Result<Batch, Error> {
    let text = decode::decode(bytes, None);
    let root: Value = serde_json::from_str(&text)
        .map_err(|e| Error::malformed(name, Format::Telegram, e.to_string()))?;
    let chats: Vec<&Map<String, Value>> = match root.pointer("/chats/list").and_then(Value::as_array) {
        Some(list) => list.iter().filter_map(Value::as_object).collect(),
        None => root.as_object().into_iter().collect(),
    };
    if !chats.iter().any(|chat| chat.get("messages").is_some_and(Value::is_array)) {
        return Err(Error::malformed(name, Format::Telegram, "no \"messages\" array"));
    }
    let mut batch = Batch::default();
    for chat in chats {
        read_chat(name, chat, &mut batch);
    }
    Ok(batch)
}

fn read_chat(name: &str, chat: &Map<String, Value>, batch: &mut Batch) {
    let Some(messages) = chat.get("messages").and_then(Value::as_array) else { return };
    let chat_id = chat.get("id").and_then(Value::as_i64);
    let username = chat.get("username").and_then(Value::as_str).filter(|u| !u.is_empty());
    for (message_idx, message) in messages.iter().enumerate() {
        let at = || format!("{name}#{}", message_idx + 1);
        match read_message(message) {
            Ok(None) => {}
            Ok(Some(message)) => {
                let (id, source) = match (username, chat_id) {
                    (Some(user), _) => (
                        format!("{user}/{}", message.id),
                        format!("https://t.me/{user}/{}", message.id),
                    ),
                    (None, Some(chat)) => {
                        let id = format!("telegram:{chat}/{}", message.id);
                        (id.clone(), id)
                    }
                    (None, None) => (format!("{name}#{}", message.id), format!("{name}#{}", message.id)),
                };
                batch.documents.push(Document {
                    id,
                    text: message.text,
                    published: message.published,
                    source: Some(source),
                    title: message.forwarded_from.map(|from| format!("Forwarded from {from}")),
                    lang: None,
                });
            }
            Err(detail) => batch.warnings.push(Error::malformed(&at(), Format::Telegram, detail)),
        }
    }
}

struct Message {
    id: i64,
    text: String,
    published: Option<jiff::civil::Date>,
    forwarded_from: Option<String>,
}

/// The message, `None` if it is not a text message, or what is wrong with its shape.
fn read_message(message: &Value) -> Result<Option<Message>, String> {
    let message = message.as_object().ok_or("message is not an object")?;
    match message.get("type").and_then(Value::as_str) {
        Some("message") => {}
        Some(_) => return Ok(None),
        None => return Err("message has no \"type\"".into()),
    }
    let id = message.get("id").and_then(Value::as_i64).ok_or("message has no integer \"id\"")?;
    let text = match message.get("text") {
        None | Some(Value::Null) => String::new(),
        Some(text) => flatten_text(text).ok_or_else(|| format!("message {id} has text of an unexpected shape"))?,
    };
    let text = decode::normalize_newlines(text.into());
    if text.trim().is_empty() {
        return Ok(None);
    }
    let published = message.get("date").and_then(Value::as_str).and_then(date::parse);
    let forwarded_from = message.get("forwarded_from").and_then(Value::as_str).map(str::to_string);
    Ok(Some(Message { id, text, published, forwarded_from }))
}

/// A message's `text`: a string, or a list of strings and `{"type", "text"}` entities.
fn flatten_text(text: &Value) -> Option<String> {
    match text {
        Value::String(s) => Some(s.clone()),
        Value::Array(parts) => {
            let mut out = String::new();
            for part in parts {
                match part {
                    Value::String(s) => out.push_str(s),
                    Value::Object(entity) => out.push_str(entity.get("text")?.as_str()?),
                    _ => return None,
                }
            }
            Some(out)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    const EXPORT: &[u8] = include_bytes!("../tests/fixtures/telegram/result.json");

    #[test]
    fn reads_text_messages() {
        let batch = read("result.json", EXPORT).unwrap();
        let ids: Vec<&str> = batch.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["telegram:1122334455/201", "telegram:1122334455/203", "telegram:1122334455/205"]);
        let first = &batch.documents[0];
        assert_eq!(first.text, "Харків. Вночі на вулиці Сумській підпалили мікроавтобус ТЦК. https://example.org/kh");
        assert_eq!(first.published.map(|d| d.to_string()).as_deref(), Some("2026-03-04"));
        assert_eq!(first.source.as_deref(), Some("telegram:1122334455/201"));
        assert_eq!(batch.documents[1].text, "Edited text as exported.");
        assert_eq!(batch.documents[2].title.as_deref(), Some("Forwarded from Example city news"));
        // Message 206 has a number for text: skipped with a warning naming it.
        assert_eq!(batch.warnings.len(), 1);
        assert_eq!(
            batch.warnings[0].to_string(),
            "result.json#6: malformed Telegram export: message 206 has text of an unexpected shape"
        );
    }

    #[test]
    fn username_gives_links() {
        let json = r#"{"name":"X","id":5,"username":"examplechan","messages":[{"id":7,"type":"message","date":"2026-01-02T03:04:05","text":"hi"}]}"#;
        let batch = read("r.json", json.as_bytes()).unwrap();
        assert_eq!(batch.documents[0].id, "examplechan/7");
        assert_eq!(batch.documents[0].source.as_deref(), Some("https://t.me/examplechan/7"));
    }

    #[test]
    fn broken_exports() {
        let err = read("r.json", b"{\"messages\": [").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Malformed { format: Format::Telegram });
        assert!(err.to_string().starts_with("r.json: malformed Telegram export: "), "{err}");
        let err = read("r.json", b"{\"name\": 1}").unwrap_err();
        assert_eq!(err.to_string(), "r.json: malformed Telegram export: no \"messages\" array");
    }
}
