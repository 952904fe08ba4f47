//! The web app's files (embedded), the oblast boundaries, the OpenAPI document, the app's
//! configuration, unknown paths, and the security headers on every response.

use std::sync::OnceLock;

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};

use crate::{ApiError, AppState};

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(|| async { file("index.html") }))
        .route("/app/{name}", get(|axum::extract::Path(name): axum::extract::Path<String>| async move { file(&name) }))
        .route("/vendor/{*path}", get(|axum::extract::Path(p): axum::extract::Path<String>| async move { file(&format!("vendor/{p}")) }))
        .route("/api/boundaries", get(boundaries))
        .route("/api/openapi.json", get(openapi))
        .route("/api/config", get(config))
}

/// Every embedded file: name, content type, bytes.
const FILES: &[(&str, &str, &[u8])] = &[
    ("index.html", "text/html; charset=utf-8", include_bytes!("../assets/index.html")),
    ("app.js", "text/javascript; charset=utf-8", include_bytes!("../assets/app.js")),
    ("timeline.js", "text/javascript; charset=utf-8", include_bytes!("../assets/timeline.js")),
    ("i18n.js", "text/javascript; charset=utf-8", include_bytes!("../assets/i18n.js")),
    // every word of the interface, per language
    ("lang-en.json", "application/json", include_bytes!("../assets/lang/en.json")),
    ("lang-uk.json", "application/json", include_bytes!("../assets/lang/uk.json")),
    ("util.js", "text/javascript; charset=utf-8", include_bytes!("../assets/util.js")),
    ("suggest.js", "text/javascript; charset=utf-8", include_bytes!("../assets/suggest.js")),
    ("mapview.js", "text/javascript; charset=utf-8", include_bytes!("../assets/mapview.js")),
    ("event.js", "text/javascript; charset=utf-8", include_bytes!("../assets/event.js")),
    ("queue.js", "text/javascript; charset=utf-8", include_bytes!("../assets/queue.js")),
    // countries around Ukraine (Natural Earth via world-atlas; scripts/basemap/build_basemap.mjs)
    ("basemap.json", "application/json", include_bytes!("../assets/basemap.json")),
    ("app.css", "text/css; charset=utf-8", include_bytes!("../assets/app.css")),
    ("vendor/leaflet.js", "text/javascript; charset=utf-8", include_bytes!("../assets/vendor/leaflet.js")),
    ("vendor/leaflet.css", "text/css; charset=utf-8", include_bytes!("../assets/vendor/leaflet.css")),
    ("vendor/leaflet.markercluster.js", "text/javascript; charset=utf-8", include_bytes!("../assets/vendor/leaflet.markercluster.js")),
    ("vendor/MarkerCluster.css", "text/css; charset=utf-8", include_bytes!("../assets/vendor/MarkerCluster.css")),
    ("vendor/MarkerCluster.Default.css", "text/css; charset=utf-8", include_bytes!("../assets/vendor/MarkerCluster.Default.css")),
    ("vendor/images/marker-icon.png", "image/png", include_bytes!("../assets/vendor/images/marker-icon.png")),
    ("vendor/images/marker-icon-2x.png", "image/png", include_bytes!("../assets/vendor/images/marker-icon-2x.png")),
    ("vendor/images/marker-shadow.png", "image/png", include_bytes!("../assets/vendor/images/marker-shadow.png")),
    ("vendor/images/layers.png", "image/png", include_bytes!("../assets/vendor/images/layers.png")),
    ("vendor/images/layers-2x.png", "image/png", include_bytes!("../assets/vendor/images/layers-2x.png")),
    ("vendor/LICENSE.leaflet", "text/plain; charset=utf-8", include_bytes!("../assets/vendor/LICENSE.leaflet")),
    ("vendor/LICENSE.markercluster", "text/plain; charset=utf-8", include_bytes!("../assets/vendor/LICENSE.markercluster")),
];

fn file(name: &str) -> Response {
    match FILES.iter().find(|(n, _, _)| *n == name) {
        Some((_, mime, bytes)) => ([(header::CONTENT_TYPE, *mime), (header::CACHE_CONTROL, "no-cache")], *bytes).into_response(),
        None => ApiError::NotFound(format!("no file {name}")).into_response(),
    }
}

/// The shipped oblast polygons (Natural Earth via the gazetteer), one GeoJSON Feature each.
const BOUNDARIES: &[&str] = &[
    include_str!("../../gazetteer/data/boundaries/UA-CH.json"),
    include_str!("../../gazetteer/data/boundaries/UA-CK.json"),
    include_str!("../../gazetteer/data/boundaries/UA-CV.json"),
    include_str!("../../gazetteer/data/boundaries/UA-DP.json"),
    include_str!("../../gazetteer/data/boundaries/UA-DT.json"),
    include_str!("../../gazetteer/data/boundaries/UA-IF.json"),
    include_str!("../../gazetteer/data/boundaries/UA-KC.json"),
    include_str!("../../gazetteer/data/boundaries/UA-KH.json"),
    include_str!("../../gazetteer/data/boundaries/UA-KK.json"),
    include_str!("../../gazetteer/data/boundaries/UA-KM.json"),
    include_str!("../../gazetteer/data/boundaries/UA-KR.json"),
    include_str!("../../gazetteer/data/boundaries/UA-KS.json"),
    include_str!("../../gazetteer/data/boundaries/UA-KV.json"),
    include_str!("../../gazetteer/data/boundaries/UA-LH.json"),
    include_str!("../../gazetteer/data/boundaries/UA-LV.json"),
    include_str!("../../gazetteer/data/boundaries/UA-MY.json"),
    include_str!("../../gazetteer/data/boundaries/UA-OD.json"),
    include_str!("../../gazetteer/data/boundaries/UA-PL.json"),
    include_str!("../../gazetteer/data/boundaries/UA-RV.json"),
    include_str!("../../gazetteer/data/boundaries/UA-SC.json"),
    include_str!("../../gazetteer/data/boundaries/UA-SM.json"),
    include_str!("../../gazetteer/data/boundaries/UA-TP.json"),
    include_str!("../../gazetteer/data/boundaries/UA-VI.json"),
    include_str!("../../gazetteer/data/boundaries/UA-VO.json"),
    include_str!("../../gazetteer/data/boundaries/UA-ZK.json"),
    include_str!("../../gazetteer/data/boundaries/UA-ZP.json"),
    include_str!("../../gazetteer/data/boundaries/UA-ZT.json"),
];

/// `GET /api/boundaries`: the oblasts as one FeatureCollection (public: no sign-in needed).
async fn boundaries() -> Response {
    static COLLECTION: OnceLock<String> = OnceLock::new();
    let body = COLLECTION.get_or_init(|| format!("{{\"type\":\"FeatureCollection\",\"features\":[{}]}}", BOUNDARIES.join(",")));
    ([(header::CONTENT_TYPE, "application/geo+json"), (header::CACHE_CONTROL, "max-age=86400")], body.as_str()).into_response()
}

/// `GET /api/openapi.json`: the API described as OpenAPI 3.1.
async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], include_str!("../assets/openapi.json")).into_response()
}

/// `GET /api/config`: what the app needs before anyone signs in.
async fn config(State(state): State<AppState>) -> Json<serde_json::Value> {
    Json(serde_json::json!({ "tiles": state.config.tiles, "public": state.config.public }))
}

/// Any other path: a JSON 404 that says where the API is described.
pub(crate) async fn not_found(uri: Uri) -> ApiError {
    ApiError::NotFound(format!("no endpoint {}; the API is described at /api/openapi.json", uri.path()))
}

/// Adds the security headers to every response: a CSP without inline script, no sniffing,
/// no framing, no referrer.
pub(crate) async fn security_headers(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let tiles = state.config.tiles.as_deref().and_then(origin).map(|o| format!(" {o}")).unwrap_or_default();
    let csp = format!(
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:{tiles}; connect-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    );
    let ok = response.status() == StatusCode::OK;
    let h = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&csp) {
        h.insert(header::CONTENT_SECURITY_POLICY, v);
    }
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    if ok && !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// `https://tile.example.org` from a tile URL template.
fn origin(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let host = rest.split('/').next()?;
    if !(scheme == "https" || scheme == "http") || host.is_empty() || host.contains(['{', '}', ' ', ';', '\'']) {
        return None;
    }
    Some(format!("{scheme}://{host}"))
}

#[cfg(test)]
mod tests {
    /// Every word of the interface has both languages: a key in one file and not the other
    /// would show the key itself to the reader.
    #[test]
    fn both_languages_have_every_word() {
        let read = |name: &str| -> serde_json::Value {
            let (_, _, bytes) = super::FILES.iter().find(|(n, _, _)| *n == name).expect(name);
            serde_json::from_slice(bytes).expect(name)
        };
        let (en, uk) = (read("lang-en.json"), read("lang-uk.json"));
        for part in ["words", "fields"] {
            let keys = |v: &serde_json::Value| v[part].as_object().map(|o| o.keys().cloned().collect::<Vec<_>>()).unwrap_or_default();
            assert_eq!(keys(&en), keys(&uk), "{part}");
            assert!(keys(&en).len() > 20, "{part}");
        }
        // every event type and sub-event type has its Ukrainian name
        for t in litopys_model::SubEventType::ALL {
            assert!(uk["types"][t.as_str()].is_string(), "{}", t.as_str());
            assert!(uk["types"][t.event_type().as_str()].is_string(), "{}", t.event_type().as_str());
        }
        assert_eq!(uk["months"].as_array().map(Vec::len), Some(12));
        let basemap = read("basemap.json");
        assert!(basemap["features"].as_array().is_some_and(|f| f.len() >= 10));
    }

    #[test]
    fn origins() {
        assert_eq!(super::origin("https://tile.openstreetmap.org/{z}/{x}/{y}.png").as_deref(), Some("https://tile.openstreetmap.org"));
        assert_eq!(super::origin("https://{s}.tile.example/{z}"), None);
        assert_eq!(super::origin("javascript:alert(1)"), None);
    }
}
