//! `litopys serve`: the JSON HTTP API and the web app over an incident database.
//!
//! # Brief overview
//!
//! * [`app`] builds the whole service as an axum `Router`: one `router()` per module
//!   (`events`, `aggregates`, `documents`, `review`, `auth`, `assets`) over one cloneable
//!   [`AppState`]. Tests drive it with `tower::ServiceExt::oneshot`, no socket needed.
//! * [`run`] serves it on an address until Ctrl-C.
//! * Every error is JSON `{"error": "..."}` with a status code a script can act on; the API
//!   is described at `/api/openapi.json`.
//! * The web app is an analyst's workbench: a map to orient by (Natural Earth land and sea,
//!   oblasts, settlement labels from the gazetteer), markers by event type, the events in
//!   view, a timeline stacked by type, filters that suggest, in Ukrainian and English, event
//!   pages with evidence, the review queue, exports, and editors' pasted and dated reports.
//!   Plain JS modules and CSS embedded in the binary with Leaflet; it needs no network.
//! * Accounts ([`Accounts`]): viewer, editor, admin; sessions in `HttpOnly; SameSite=Strict`
//!   cookies with a per-session CSRF token; API tokens for scripts (`Authorization: Bearer`).
//!
//! ```no_run
//! let config = litopys_server::Config::new("litopys.db");
//! litopys_server::run(config).unwrap();
//! ```
//!
//! # Design
//!
//! * The store is synchronous (rusqlite, postgres), so every store call runs in
//!   `spawn_blocking`. One connection writes (reviews, and snapshot rebuilds so that no review
//!   lands half-way through one), under an async mutex held only for the call (a waiting
//!   request holds no thread). Reads use a small pool of other connections (`readers.rs`):
//!   SQLite's WAL lets them read while the writer writes, and each sees every review
//!   committed before it began, so a review shows on the next read. The trade-off: one
//!   connection per core more, each with its page cache.
//! * Listings, map points and aggregates filter an in-memory, columnar snapshot of every
//!   event's filterable values (updated by each review, rebuilt when the store's counts change
//!   or after 5 min), shared by readers through an `Arc` so that they run at once; full text
//!   goes to the store's index. The events of a listed page, event pages and documents are
//!   read from the store.
#![deny(missing_docs)]

mod accounts;
mod aggregates;
mod assets;
mod auth;
mod columns;
mod documents;
mod error;
mod events;
mod export;
mod intake;
mod names;
mod points;
mod readers;
mod report;
mod review;
mod select;
mod snapshot;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use tokio::sync::Mutex as AsyncMutex;

use axum::Router;
use litopys_store::Store;

pub use accounts::{Account, Accounts, Role, TokenInfo};
pub use error::ApiError;

/// How the server runs.
#[derive(Clone, Debug)]
pub struct Config {
    /// The database: a SQLite file or a `postgres://` URL.
    pub db: String,
    /// The accounts file (SQLite); see [`Config::new`] for the default.
    pub accounts: PathBuf,
    /// Where to listen.
    pub addr: SocketAddr,
    /// Whether anyone may read without signing in (read-only public mode).
    pub public: bool,
    /// A tile URL template (`https://tile.example.org/{z}/{x}/{y}.png`) drawn under the
    /// oblast boundaries; none by default, so the app works offline.
    pub tiles: Option<String>,
    /// Mark cookies `Secure` (when served over TLS, e.g. behind a reverse proxy).
    pub secure_cookies: bool,
}

impl Config {
    /// Defaults for `db`: listen on 127.0.0.1:8080, sign-in needed to read, no tiles, and
    /// accounts next to a SQLite database (`x.db` → `x.users.db`) or in
    /// `litopys.users.db` for PostgreSQL.
    pub fn new(db: &str) -> Config {
        Config {
            db: db.to_string(),
            accounts: default_accounts_path(db),
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            public: false,
            tiles: None,
            secure_cookies: false,
        }
    }
}

/// The accounts file that goes with a database.
pub fn default_accounts_path(db: &str) -> PathBuf {
    if db.starts_with("postgres://") || db.starts_with("postgresql://") {
        return PathBuf::from("litopys.users.db");
    }
    let p = Path::new(db);
    let stem = p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "litopys".into());
    p.with_file_name(format!("{stem}.users.db"))
}

/// What every handler can reach: the configuration, the store and the accounts.
#[derive(Clone)]
pub struct AppState {
    /// How the server runs.
    pub config: Arc<Config>,
    /// The one connection that writes.
    store: Arc<AsyncMutex<Store>>,
    readers: Arc<readers::Readers>,
    accounts: Arc<AsyncMutex<Accounts>>,
    sessions: Arc<Mutex<accounts::Sessions>>,
    snapshot: snapshot::Slot,
}

impl AppState {
    /// State over an open store and accounts file; reads open their own connections to
    /// `config.db`, one per core at most.
    pub fn new(config: Config, store: Store, accounts: Accounts) -> AppState {
        AppState {
            readers: Arc::new(readers::Readers::new(&config.db, readers::default_size())),
            config: Arc::new(config),
            store: Arc::new(AsyncMutex::new(store)),
            accounts: Arc::new(AsyncMutex::new(accounts)),
            sessions: Arc::default(),
            snapshot: Arc::default(),
        }
    }

    /// Runs `f` on the writing connection off the async threads.
    async fn with_writer<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        // waiting for the lock takes no thread; the work then runs on a blocking one
        let mut guard = self.store.clone().lock_owned().await;
        tokio::task::spawn_blocking(move || f(&mut guard)).await?
    }

    /// Runs `f` on a reading connection off the async threads.
    async fn with_reader<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        self.readers.run(f).await
    }

    /// Runs `f` on a reading connection and the current event snapshot off the async threads.
    async fn with_snapshot<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Store, &snapshot::Snapshot) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let (slot, writer) = (self.snapshot.clone(), self.store.clone());
        self.with_reader(move |store| {
            let snap = snapshot::current(store, &writer, &slot)?;
            f(store, &snap)
        })
        .await
    }

    /// Runs `f` on the accounts off the async threads (Argon2 is slow on purpose).
    async fn with_accounts<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Accounts) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let mut guard = self.accounts.clone().lock_owned().await;
        tokio::task::spawn_blocking(move || f(&mut guard)).await?
    }

    fn sessions(&self) -> std::sync::MutexGuard<'_, accounts::Sessions> {
        self.sessions.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// The whole service: API, web app and security headers.
pub fn app(state: AppState) -> Router {
    Router::new()
        .merge(events::router())
        .merge(aggregates::router())
        .merge(documents::router())
        .merge(review::router())
        .merge(report::router())
        .merge(export::router())
        .merge(intake::router())
        .merge(names::router())
        .merge(auth::router())
        .merge(assets::router())
        .fallback(assets::not_found)
        .layer(axum::middleware::from_fn_with_state(state.clone(), assets::security_headers))
        .with_state(state)
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The database could not be opened.
    #[error("cannot open database {0}: {1}")]
    Store(String, litopys_store::Error),
    /// The accounts file could not be opened.
    #[error("cannot open accounts file {0}: {1}")]
    Accounts(String, rusqlite::Error),
    /// The address could not be bound, or serving failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Opens the store and accounts of `config` and serves until Ctrl-C.
pub fn run(config: Config) -> Result<(), Error> {
    let store = Store::open(&config.db).map_err(|e| Error::Store(config.db.clone(), e))?;
    let accounts = Accounts::open(&config.accounts).map_err(|e| Error::Accounts(config.accounts.display().to_string(), e))?;
    let addr = config.addr;
    let state = AppState::new(config, store, accounts);
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
    runtime.block_on(async move {
        // build the event snapshot now rather than on the first visitor's request
        let warm = state.clone();
        tokio::spawn(async move {
            if let Err(e) = warm.with_snapshot(|_, _| Ok(())).await {
                tracing::warn!("cannot list the events: {e}");
            }
        });
        let listener = tokio::net::TcpListener::bind(addr).await?;
        eprintln!("litopys: serving on http://{}", listener.local_addr()?);
        axum::serve(listener, app(state))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A read goes through while a review holds the writer: were reads to take the writer's
    /// lock, this test would never finish rather than pass.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn reads_do_not_wait_for_the_writer() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("t.db").display().to_string();
        let accounts = Accounts::open(&dir.path().join("t.users.db")).unwrap();
        let state = AppState::new(Config::new(&db), Store::open(&db).unwrap(), accounts);
        // the first snapshot is built under the writer's lock
        state.with_snapshot(|_, _| Ok(())).await.unwrap();
        let _review = state.store.clone().lock_owned().await;
        let seen = state.with_snapshot(|store, snap| Ok((snap.cols.len(), store.counts()?.n_events))).await.unwrap();
        assert_eq!(seen, (0, 0));
        let missing = state.with_reader(|store| Ok(store.event("UKR0")?)).await;
        assert!(matches!(missing, Err(ApiError::NotFound(_))));
    }
}
