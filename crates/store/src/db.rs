//! One thin SQL interface over SQLite (`rusqlite`) and PostgreSQL (`postgres`).
//!
//! The store writes its queries once, with PostgreSQL's `$1` placeholders; the SQLite side
//! rewrites them to `?1`. Values travel as [`Value`], rows come back as `Vec<Value>`. Only the
//! few statements whose syntax differs (full-text search, migrations) branch on [`Dialect`].

use std::collections::HashMap;

use crate::error::{Error, ErrorKind};

/// Which SQL dialect a connection speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dialect {
    Sqlite,
    Postgres,
}

/// A value bound to or read from a statement.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

impl Value {
    pub(crate) fn int(&self) -> Option<i64> {
        match self {
            Value::Int(n) => Some(*n),
            _ => None,
        }
    }

    pub(crate) fn text(&self) -> Option<&str> {
        match self {
            Value::Text(s) => Some(s),
            _ => None,
        }
    }

    pub(crate) fn string(&self) -> String {
        self.text().unwrap_or_default().to_string()
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::Text(s.to_string())
    }
}
impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::Text(s)
    }
}
impl From<i64> for Value {
    fn from(n: i64) -> Value {
        Value::Int(n)
    }
}
impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Value {
        v.map_or(Value::Null, Into::into)
    }
}
impl From<f64> for Value {
    fn from(n: f64) -> Value {
        Value::Real(n)
    }
}

pub(crate) type Row = Vec<Value>;

/// A database connection of either kind.
pub(crate) enum Conn {
    Sqlite(rusqlite::Connection),
    Postgres(Box<PgConn>),
}

pub(crate) struct PgConn {
    client: postgres::Client,
    statements: HashMap<String, postgres::Statement>,
}

/// The PostgreSQL advisory lock key every write transaction takes ("litopys" in ASCII): one
/// key for the whole database, so writers never deadlock on each other and need no retry.
pub(crate) const WRITE_LOCK: i64 = 0x6c69_746f_7079_73;

/// Most values bound to one `IN` list ([`Conn::query_in`]).
pub(crate) const IN_CHUNK: usize = 512;

/// Migrations, applied in this order and never edited once applied.
const SQLITE_MIGRATIONS: &[(&str, &str)] = &[
    ("0001_init", include_str!("../migrations/sqlite/0001_init.sql")),
    ("0002_documents_fts_by_store", include_str!("../migrations/sqlite/0002_documents_fts_by_store.sql")),
    ("0003_events_fts_rowid", include_str!("../migrations/sqlite/0003_events_fts_rowid.sql")),
    ("0004_document_bands_by_doc", include_str!("../migrations/sqlite/0004_document_bands_by_doc.sql")),
];
const POSTGRES_MIGRATIONS: &[(&str, &str)] = &[
    ("0001_init", include_str!("../migrations/postgres/0001_init.sql")),
    ("0004_document_bands_by_doc", include_str!("../migrations/postgres/0004_document_bands_by_doc.sql")),
];

impl Conn {
    /// WAL with `synchronous=NORMAL`: a commit survives the process crashing (not the
    /// machine losing power before the next checkpoint), and no commit waits for fsync. The
    /// page cache is 64 MiB (the default is 2), enough for a batch's pages and the indexes
    /// that linking reads; statement journals (a statement in a batch that fails is undone
    /// alone) stay in memory rather than in a temporary file; the WAL is checkpointed every
    /// 8,192 pages (32 MiB; the default is 1,000) so that pages a few batches rewrite in a
    /// row are copied back once.
    pub(crate) fn open_sqlite(path: &std::path::Path) -> Result<Conn, Error> {
        let c = rusqlite::Connection::open(path)?;
        // a batch runs some 20 distinct statements; rusqlite caches 16 by default
        c.set_prepared_statement_cache_capacity(64);
        c.execute_batch("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint=8192;")?;
        Ok(Conn::Sqlite(c))
    }

    pub(crate) fn open_postgres(url: &str) -> Result<Conn, Error> {
        let mut client = postgres::Client::connect(url, postgres::NoTls)?;
        client.batch_execute("SET client_min_messages = warning")?;
        Ok(Conn::Postgres(Box::new(PgConn { client, statements: HashMap::new() })))
    }

    pub(crate) fn dialect(&self) -> Dialect {
        match self {
            Conn::Sqlite(_) => Dialect::Sqlite,
            Conn::Postgres(_) => Dialect::Postgres,
        }
    }

    /// Applies the migrations not yet recorded in `schema_migrations`, each in a transaction.
    pub(crate) fn migrate(&mut self) -> Result<usize, Error> {
        let migrations = match self.dialect() {
            Dialect::Sqlite => SQLITE_MIGRATIONS,
            Dialect::Postgres => POSTGRES_MIGRATIONS,
        };
        if self.applied_migrations()?.is_some_and(|applied| migrations.iter().all(|(v, _)| applied.iter().any(|a| a == v))) {
            return Ok(0);
        }
        // under the write lock: two processes opening a new database at once apply each
        // migration once
        self.begin()?;
        match self.batch("CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)") {
            Ok(()) => self.commit()?,
            Err(e) => {
                self.rollback();
                return Err(e);
            }
        }
        let mut n_applied = 0;
        for (version, sql) in migrations {
            self.begin()?;
            let applied = self.query_one("SELECT version FROM schema_migrations WHERE version = $1", &[(*version).into()]);
            match applied {
                Ok(None) => {}
                Ok(Some(_)) => {
                    self.commit()?;
                    continue;
                }
                Err(e) => {
                    self.rollback();
                    return Err(e);
                }
            }
            let result = self.batch(sql).and_then(|()| {
                self.execute("INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)", &[(*version).into(), now().into()])
            });
            match result {
                Ok(_) => self.commit()?,
                Err(e) => {
                    self.rollback();
                    return Err(Error::new(ErrorKind::Migration, format!("migration {version}: {e}")));
                }
            }
            n_applied += 1;
        }
        Ok(n_applied)
    }

    /// The versions recorded in `schema_migrations`, or `None` when there is no such table
    /// (a new database).
    fn applied_migrations(&mut self) -> Result<Option<Vec<String>>, Error> {
        let exists = match self.dialect() {
            Dialect::Sqlite => "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
            Dialect::Postgres => "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_migrations'",
        };
        if self.query_one(exists, &[])?.and_then(|v| v.int()).unwrap_or_default() == 0 {
            return Ok(None);
        }
        let rows = self.query("SELECT version FROM schema_migrations", &[])?;
        Ok(Some(rows.iter().filter_map(|r| r.first().map(Value::string)).collect()))
    }

    pub(crate) fn batch(&mut self, sql: &str) -> Result<(), Error> {
        match self {
            Conn::Sqlite(c) => c.execute_batch(sql)?,
            Conn::Postgres(p) => p.client.batch_execute(sql)?,
        }
        Ok(())
    }

    /// Starts a write transaction, which holds the database's one write lock until it ends:
    /// SQLite's `BEGIN IMMEDIATE`, and on PostgreSQL the transaction-scoped advisory lock
    /// [`WRITE_LOCK`]. Writers from any number of processes or machines therefore take turns,
    /// each seeing everything the ones before it committed: linking gives what one process
    /// storing the same batches in that order gives (see the crate docs, "Many writers").
    pub(crate) fn begin(&mut self) -> Result<(), Error> {
        match self.dialect() {
            Dialect::Sqlite => self.batch("BEGIN IMMEDIATE"),
            Dialect::Postgres => self.batch(&format!("BEGIN; SELECT pg_advisory_xact_lock({WRITE_LOCK})")),
        }
    }

    pub(crate) fn commit(&mut self) -> Result<(), Error> {
        self.batch("COMMIT")
    }

    pub(crate) fn rollback(&mut self) {
        // the error that made us roll back is the one worth reporting
        let _ = self.batch("ROLLBACK");
    }

    /// Runs a statement; returns the number of rows changed.
    pub(crate) fn execute(&mut self, sql: &str, params: &[Value]) -> Result<u64, Error> {
        match self {
            Conn::Sqlite(c) => {
                let mut st = c.prepare_cached(&sqlite_sql(sql))?;
                Ok(st.execute(rusqlite::params_from_iter(params.iter()))? as u64)
            }
            Conn::Postgres(p) => {
                let st = p.statement(sql)?;
                let refs: Vec<&(dyn postgres::types::ToSql + Sync)> = params.iter().map(|v| v as _).collect();
                Ok(p.client.execute(&st, &refs)?)
            }
        }
    }

    /// Runs a query and returns every row.
    pub(crate) fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>, Error> {
        match self {
            Conn::Sqlite(c) => {
                let mut st = c.prepare_cached(&sqlite_sql(sql))?;
                let n = st.column_count();
                let rows = st.query_map(rusqlite::params_from_iter(params.iter()), |row| {
                    (0..n).map(|i| row.get_ref(i).map(sqlite_value)).collect::<Result<Row, _>>()
                })?;
                Ok(rows.collect::<Result<Vec<_>, _>>()?)
            }
            Conn::Postgres(p) => {
                let st = p.statement(sql)?;
                let refs: Vec<&(dyn postgres::types::ToSql + Sync)> = params.iter().map(|v| v as _).collect();
                let rows = p.client.query(&st, &refs)?;
                rows.iter().map(pg_row).collect()
            }
        }
    }

    /// Runs `sql`, whose `IN ({})` takes `values`, a chunk of up to [`IN_CHUNK`] at a time,
    /// and returns every row. A chunk is padded (repeating its last value, which `IN` does
    /// not mind) to a power of two, so that a few statements, prepared once, serve every
    /// length.
    pub(crate) fn query_in(&mut self, sql: &str, values: &[Value]) -> Result<Vec<Row>, Error> {
        let mut rows = Vec::new();
        for chunk in values.chunks(IN_CHUNK) {
            let Some(last) = chunk.last() else { continue };
            let n = chunk.len().next_power_of_two();
            let placeholders: Vec<String> = (1..=n).map(|i| format!("${i}")).collect();
            let mut params = chunk.to_vec();
            params.resize(n, last.clone());
            rows.extend(self.query(&sql.replace("{}", &placeholders.join(", ")), &params)?);
        }
        Ok(rows)
    }

    /// The first column of the first row, if any.
    pub(crate) fn query_one(&mut self, sql: &str, params: &[Value]) -> Result<Option<Value>, Error> {
        Ok(self.query(sql, params)?.into_iter().next().and_then(|r| r.into_iter().next()))
    }
}

impl PgConn {
    fn statement(&mut self, sql: &str) -> Result<postgres::Statement, Error> {
        if let Some(st) = self.statements.get(sql) {
            return Ok(st.clone());
        }
        let st = self.client.prepare(sql)?;
        self.statements.insert(sql.to_string(), st.clone());
        Ok(st)
    }
}

/// `$1` → `?1`: SQLite reads `$1` as a named parameter, which would bind by first appearance.
fn sqlite_sql(sql: &str) -> String {
    sql.replace('$', "?")
}

fn sqlite_value(v: rusqlite::types::ValueRef<'_>) -> Value {
    use rusqlite::types::ValueRef;
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(n) => Value::Int(n),
        ValueRef::Real(n) => Value::Real(n),
        ValueRef::Text(t) | ValueRef::Blob(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
    }
}

fn pg_row(row: &postgres::Row) -> Result<Row, Error> {
    use postgres::types::Type;
    let mut out = Vec::with_capacity(row.len());
    for (i, col) in row.columns().iter().enumerate() {
        let t = col.type_();
        let v = if *t == Type::INT8 {
            row.try_get::<_, Option<i64>>(i)?.map(Value::Int)
        } else if *t == Type::INT4 {
            row.try_get::<_, Option<i32>>(i)?.map(|n| Value::Int(n.into()))
        } else if *t == Type::FLOAT8 {
            row.try_get::<_, Option<f64>>(i)?.map(Value::Real)
        } else if *t == Type::FLOAT4 {
            row.try_get::<_, Option<f32>>(i)?.map(|n| Value::Real(n.into()))
        } else {
            row.try_get::<_, Option<String>>(i)?.map(Value::Text)
        };
        out.push(v.unwrap_or(Value::Null));
    }
    Ok(out)
}

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(ToSqlOutput::Borrowed(match self {
            Value::Null => ValueRef::Null,
            Value::Int(n) => ValueRef::Integer(*n),
            Value::Real(n) => ValueRef::Real(*n),
            Value::Text(s) => ValueRef::Text(s.as_bytes()),
        }))
    }
}

impl postgres::types::ToSql for Value {
    fn to_sql(
        &self,
        ty: &postgres::types::Type,
        out: &mut bytes::BytesMut,
    ) -> Result<postgres::types::IsNull, Box<dyn std::error::Error + Sync + Send>> {
        use postgres::types::{IsNull, Type};
        match self {
            Value::Null => Ok(IsNull::Yes),
            Value::Int(n) if *ty == Type::INT4 => i32::try_from(*n)?.to_sql(ty, out),
            Value::Int(n) if *ty == Type::FLOAT8 => (*n as f64).to_sql(ty, out),
            Value::Int(n) => n.to_sql(ty, out),
            Value::Real(n) => n.to_sql(ty, out),
            Value::Text(s) => s.to_sql(ty, out),
        }
    }

    fn accepts(_: &postgres::types::Type) -> bool {
        true
    }

    postgres::types::to_sql_checked!();
}

/// The current time, RFC 3339 in UTC.
pub(crate) fn now() -> String {
    jiff::Timestamp::now().to_string()
}
