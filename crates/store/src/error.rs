//! The store's one error type.

/// What went wrong in the store.
///
/// # Design
///
/// One opaque error for both backends, as in jiff: callers rarely act on the cause, and the
/// two drivers' error types stay out of the public API. [`Error::kind`] tells the cases a
/// caller may want to handle apart.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

/// The kinds of [`Error`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The database could not be opened or a statement failed.
    Database,
    /// A migration failed to apply.
    Migration,
    /// No event or document with that id.
    NotFound,
    /// A review action that cannot be applied (unknown field, value of the wrong type, ...).
    InvalidAction,
    /// Stored data that does not parse back (written by a newer version?).
    Corrupt,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error { kind, message: message.into() }
    }

    /// What kind of error this is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// True if no event or document had the id asked for.
    pub fn is_not_found(&self) -> bool {
        self.kind == ErrorKind::NotFound
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Error {
        Error::new(ErrorKind::Database, format!("sqlite: {e}"))
    }
}

impl From<postgres::Error> for Error {
    fn from(e: postgres::Error) -> Error {
        let message = match e.as_db_error() {
            Some(db) => format!("postgres: {}", db.message()),
            None => format!("postgres: {e}"),
        };
        Error::new(ErrorKind::Database, message)
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Error {
        Error::new(ErrorKind::Corrupt, format!("stored record: {e}"))
    }
}
