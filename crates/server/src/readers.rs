//! A small pool of store connections that only read, so that reads do not queue behind the
//! one connection that writes (reviews) nor behind each other.
//!
//! # Design
//!
//! * SQLite in WAL mode lets any number of connections read while one writes; each read sees
//!   every transaction committed before it began, so a review answered on the writer is
//!   visible to the next read on any connection. PostgreSQL gets one connection per reader.
//! * The pool holds at most `size` connections (one per core by default), opened on first
//!   need from the same location as the writer. A semaphore bounds how many reads run at
//!   once, so 200 waiting clients wait on the async runtime, not in 200 blocking threads
//!   competing for two cores.
//! * The trade-off: a reader is an ordinary connection (opened by [`Store::open`], which also
//!   checks migrations) that the server only reads with; read-only is by use, not enforced
//!   by the database. Each costs a file handle and SQLite's page cache.

use std::sync::{Arc, Mutex};

use litopys_store::Store;
use tokio::sync::Semaphore;

use crate::ApiError;

/// Read connections to one store.
pub(crate) struct Readers {
    location: String,
    size: usize,
    idle: Mutex<Vec<Store>>,
    permits: Arc<Semaphore>,
}

/// One reader per core, at least two and at most eight.
pub(crate) fn default_size() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get()).clamp(2, 8)
}

impl Readers {
    /// A pool of at most `size` connections to the store at `location`, none opened yet.
    pub(crate) fn new(location: &str, size: usize) -> Readers {
        let size = size.max(1);
        Readers { location: location.to_string(), size, idle: Mutex::default(), permits: Arc::new(Semaphore::new(size)) }
    }

    /// Runs `f` on a reader off the async threads, waiting (asynchronously) for a free one.
    pub(crate) async fn run<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&mut Store) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let permit = self.permits.clone().acquire_owned().await.map_err(|_| ApiError::Internal("reader pool closed".into()))?;
        let pool = self.clone();
        tokio::task::spawn_blocking(move || {
            // the permit goes with the work, so a request given up by its client still counts
            let _permit = permit;
            let mut store = pool.take()?;
            let out = f(&mut store);
            pool.put_back(store);
            out
        })
        .await?
    }

    /// An idle connection, or a new one.
    fn take(&self) -> Result<Store, ApiError> {
        let idle = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
        match idle {
            Some(store) => Ok(store),
            None => Ok(Store::open(&self.location)?),
        }
    }

    fn put_back(&self, store: Store) {
        let mut idle = self.idle.lock().unwrap_or_else(|p| p.into_inner());
        if idle.len() < self.size {
            idle.push(store);
        }
    }
}
