//! Accounts, API tokens and sessions.
//!
//! Accounts and tokens live in a small SQLite file of the server's own (by default next to
//! the database: `litopys.db` → `litopys.users.db`), so they work the same whatever backend
//! holds the events. Passwords are Argon2id hashes (PHC strings); tokens are stored as
//! SHA-256 digests, so the file never holds a usable secret; a token is named by a prefix of
//! its digest, so it can be listed (with its last use, recorded at most once a minute so that
//! reads stay reads) and revoked without ever showing it. Sessions are kept in memory: a
//! restart signs everyone out.

use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use sha2::{Digest, Sha256};

/// What an account may do. Each role can do everything the ones before it can.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// Read events, documents and aggregates.
    Viewer,
    /// Also review: confirm, edit, reject, merge, split.
    Editor,
    /// Also manage accounts.
    Admin,
}

impl Role {
    /// `viewer`, `editor` or `admin`.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }

    /// The role named `s`, if any.
    pub fn parse(s: &str) -> Option<Role> {
        [Role::Viewer, Role::Editor, Role::Admin].into_iter().find(|r| r.as_str() == s)
    }
}

/// A signed-in account, or the owner of a token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    /// The account's name, recorded in the review history.
    pub name: String,
    /// What it may do.
    pub role: Role,
}

/// The accounts file.
pub struct Accounts {
    conn: rusqlite::Connection,
}

impl Accounts {
    /// Opens (creating if needed) the accounts file at `path`.
    pub fn open(path: &Path) -> Result<Accounts, rusqlite::Error> {
        let conn = rusqlite::Connection::open(path)?;
        conn.execute_batch(
            "PRAGMA busy_timeout = 5000;
             CREATE TABLE IF NOT EXISTS users (name TEXT PRIMARY KEY, role TEXT NOT NULL, password TEXT NOT NULL, created_at TEXT NOT NULL);
             CREATE TABLE IF NOT EXISTS tokens (digest TEXT PRIMARY KEY, name TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
                 label TEXT NOT NULL, created_at TEXT NOT NULL);",
        )?;
        add_last_used(&conn)?;
        Ok(Accounts { conn })
    }

    /// Creates the account `name`, or sets its password and role if it exists.
    pub fn set_user(&mut self, name: &str, password: &str, role: Role) -> Result<(), rusqlite::Error> {
        let hash = hash_password(password);
        self.conn.execute(
            "INSERT INTO users (name, role, password, created_at) VALUES (?1, ?2, ?3, ?4) \
             ON CONFLICT (name) DO UPDATE SET role = excluded.role, password = excluded.password",
            rusqlite::params![name, role.as_str(), hash, jiff::Timestamp::now().to_string()],
        )?;
        Ok(())
    }

    /// True if an account is called `name`.
    pub fn exists(&self, name: &str) -> Result<bool, rusqlite::Error> {
        let n: i64 = self.conn.query_row("SELECT count(*) FROM users WHERE name = ?1", [name], |r| r.get(0))?;
        Ok(n > 0)
    }

    /// Every account, by name.
    pub fn users(&self) -> Result<Vec<Account>, rusqlite::Error> {
        let mut stmt = self.conn.prepare("SELECT name, role FROM users ORDER BY name")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (name, role) = row?;
            out.push(Account { name, role: Role::parse(&role).unwrap_or(Role::Viewer) });
        }
        Ok(out)
    }

    /// The account, if `password` is its password. Slow on purpose (Argon2).
    pub fn verify(&self, name: &str, password: &str) -> Result<Option<Account>, rusqlite::Error> {
        let row = self
            .conn
            .query_row("SELECT role, password FROM users WHERE name = ?1", [name], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)));
        let (role, stored) = match row {
            Ok(v) => v,
            Err(rusqlite::Error::QueryReturnedNoRows) => {
                // spend the same time as for a real account, so timing does not tell names
                let _ = verify_password(password, dummy_hash());
                return Ok(None);
            }
            Err(e) => return Err(e),
        };
        if !verify_password(password, &stored) {
            return Ok(None);
        }
        Ok(Some(Account { name: name.to_string(), role: Role::parse(&role).unwrap_or(Role::Viewer) }))
    }

    /// A new API token for `name`, shown once: only its digest is kept.
    pub fn create_token(&mut self, name: &str, label: &str) -> Result<String, rusqlite::Error> {
        let token = format!("lit_{}", random_hex(32));
        self.conn.execute(
            "INSERT INTO tokens (digest, name, label, created_at) VALUES (?1, ?2, ?3, ?4)",
            rusqlite::params![digest(&token), name, label, jiff::Timestamp::now().to_string()],
        )?;
        Ok(token)
    }

    /// The account a token belongs to, if the token is valid (not revoked). Records when
    /// the token was last used, to the minute.
    pub fn token_account(&self, token: &str) -> Result<Option<Account>, rusqlite::Error> {
        let digest = digest(token);
        let row = self.conn.query_row(
            "SELECT u.name, u.role, t.last_used_at FROM tokens t JOIN users u ON u.name = t.name WHERE t.digest = ?1",
            [&digest],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?)),
        );
        let (name, role, last_used) = match row {
            Ok(v) => v,
            Err(rusqlite::Error::QueryReturnedNoRows) => return Ok(None),
            Err(e) => return Err(e),
        };
        let now = jiff::Timestamp::now();
        let stale = last_used.and_then(|t| t.parse::<jiff::Timestamp>().ok()).map_or(true, |t| now.duration_since(t).as_secs() >= 60);
        if stale {
            // a read-only accounts file must not turn every request away: last use is a hint
            let set = self.conn.execute("UPDATE tokens SET last_used_at = ?1 WHERE digest = ?2", rusqlite::params![now.to_string(), digest]);
            if let Err(e) = set {
                tracing::warn!("cannot record a token's last use: {e}");
            }
        }
        Ok(Some(Account { name, role: Role::parse(&role).unwrap_or(Role::Viewer) }))
    }

    /// The tokens of `owner`, or every token if `None`, oldest first. Never the secret: a
    /// token is named by [`TokenInfo::id`], a prefix of its digest.
    pub fn tokens(&self, owner: Option<&str>) -> Result<Vec<TokenInfo>, rusqlite::Error> {
        let mut stmt = self.conn.prepare(
            "SELECT substr(t.digest, 1, 16), t.name, u.role, t.label, t.created_at, t.last_used_at FROM tokens t \
             JOIN users u ON u.name = t.name WHERE ?1 IS NULL OR t.name = ?1 ORDER BY t.created_at, t.digest",
        )?;
        let rows = stmt.query_map([owner], |r| {
            Ok(TokenInfo {
                id: r.get(0)?,
                owner: r.get(1)?,
                role: Role::parse(&r.get::<_, String>(2)?).unwrap_or(Role::Viewer),
                label: r.get(3)?,
                created_at: r.get(4)?,
                last_used_at: r.get(5)?,
            })
        })?;
        rows.collect()
    }

    /// Revokes the token with this id (see [`Accounts::tokens`]), if it is `owner`'s (any
    /// owner's if `None`); the next request with it is refused. False if there is none.
    pub fn revoke_token(&mut self, id: &str, owner: Option<&str>) -> Result<bool, rusqlite::Error> {
        if id.len() != TOKEN_ID_LEN || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(false);
        }
        let n = self.conn.execute(
            "DELETE FROM tokens WHERE substr(digest, 1, 16) = ?1 AND (?2 IS NULL OR name = ?2)",
            rusqlite::params![id.to_ascii_lowercase(), owner],
        )?;
        Ok(n > 0)
    }
}

/// How many hex digits of a token's digest name it.
const TOKEN_ID_LEN: usize = 16;

/// An API token as listed: who owns it and when it was made and last used, never the secret.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenInfo {
    /// The first 16 hex digits of the token's SHA-256 digest: enough to name it, useless to
    /// sign in with.
    pub id: String,
    /// The account it acts for.
    pub owner: String,
    /// The owner's role, which the token has.
    pub role: Role,
    /// What it is for, as given when created.
    pub label: String,
    /// When it was created (RFC 3339).
    pub created_at: String,
    /// When it was last used (RFC 3339, to the minute), if ever.
    pub last_used_at: Option<String>,
}

/// Adds `tokens.last_used_at` to accounts files made before it existed.
fn add_last_used(conn: &rusqlite::Connection) -> Result<(), rusqlite::Error> {
    let has: i64 = conn.query_row("SELECT count(*) FROM pragma_table_info('tokens') WHERE name = 'last_used_at'", [], |r| r.get(0))?;
    if has == 0 {
        conn.execute_batch("ALTER TABLE tokens ADD COLUMN last_used_at TEXT")?;
    }
    Ok(())
}

/// A browser session: who, and the token its state-changing requests must echo.
#[derive(Clone, Debug)]
pub struct Session {
    /// Who signed in.
    pub account: Account,
    /// The CSRF token: sent as `X-CSRF-Token` with every POST/DELETE from the page.
    pub csrf: String,
    expires: Instant,
}

/// Sessions in memory, by session id, and recent failed sign-ins by account name.
#[derive(Default)]
pub struct Sessions {
    by_id: HashMap<String, Session>,
    failures: HashMap<String, (u32, Instant)>,
}

/// Failed sign-ins allowed for one name within [`LOCKOUT`] before the next are refused.
pub const MAX_FAILURES: u32 = 5;
/// How long failed sign-ins are remembered.
pub const LOCKOUT: Duration = Duration::from_secs(15 * 60);

/// How long a session lasts without being used.
pub const SESSION_IDLE: Duration = Duration::from_secs(12 * 3600);

impl Sessions {
    /// Starts a session; returns its id (for the cookie) and the session.
    pub fn start(&mut self, account: Account) -> (String, Session) {
        let now = Instant::now();
        self.by_id.retain(|_, s| s.expires > now);
        let id = random_hex(32);
        let session = Session { account, csrf: random_hex(32), expires: now + SESSION_IDLE };
        self.by_id.insert(id.clone(), session.clone());
        (id, session)
    }

    /// The live session with this id, its idle time restarted.
    pub fn get(&mut self, id: &str) -> Option<Session> {
        let now = Instant::now();
        let s = self.by_id.get_mut(id)?;
        if s.expires <= now {
            self.by_id.remove(id);
            return None;
        }
        s.expires = now + SESSION_IDLE;
        Some(s.clone())
    }

    /// Ends a session.
    pub fn end(&mut self, id: &str) {
        self.by_id.remove(id);
    }

    /// How long `name` must wait before trying to sign in again, if it must.
    pub fn locked_out(&mut self, name: &str) -> Option<Duration> {
        let now = Instant::now();
        self.failures.retain(|_, (_, since)| now.duration_since(*since) < LOCKOUT);
        match self.failures.get(name) {
            Some((n, since)) if *n >= MAX_FAILURES => Some(LOCKOUT.saturating_sub(now.duration_since(*since))),
            _ => None,
        }
    }

    /// Records a failed sign-in for `name` (a name with no account counts too).
    pub fn failed(&mut self, name: &str) {
        if self.failures.len() > 100_000 {
            self.failures.clear(); // bounded memory whatever names are tried
        }
        let entry = self.failures.entry(name.to_string()).or_insert((0, Instant::now()));
        entry.0 += 1;
    }

    /// Forgets the failures of `name` after it signed in.
    pub fn succeeded(&mut self, name: &str) {
        self.failures.remove(name);
    }
}

/// An Argon2id hash of a random password, to verify against for unknown names.
fn dummy_hash() -> &'static str {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| hash_password(&random_hex(16)))
}

fn hash_password(password: &str) -> String {
    let mut salt = [0u8; 16];
    fill_random(&mut salt);
    let salt = SaltString::encode_b64(&salt).unwrap_or_else(|_| SaltString::from_b64("c29tZXNhbHRzb21lc2FsdA").expect("constant salt"));
    Argon2::default().hash_password(password.as_bytes(), &salt).map(|h| h.to_string()).unwrap_or_default()
}

fn verify_password(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
}

fn fill_random(buf: &mut [u8]) {
    // the operating system's generator failing is not something to limp on from
    getrandom::fill(buf).expect("the operating system's random generator failed");
}

/// `n` random bytes, as hex.
pub(crate) fn random_hex(n: usize) -> String {
    let mut buf = vec![0u8; n];
    fill_random(&mut buf);
    hex(&buf)
}

fn digest(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Compares two secrets in time that does not depend on where they differ.
pub(crate) fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn users_and_tokens() {
        let dir = tempfile::tempdir().unwrap();
        let mut a = Accounts::open(&dir.path().join("u.db")).unwrap();
        a.set_user("olena", "correct horse", Role::Editor).unwrap();
        assert_eq!(a.verify("olena", "correct horse").unwrap().map(|a| a.role), Some(Role::Editor));
        assert_eq!(a.verify("olena", "wrong").unwrap(), None);
        assert_eq!(a.verify("nobody", "x").unwrap(), None);
        let t = a.create_token("olena", "script").unwrap();
        assert_eq!(a.token_account(&t).unwrap().map(|a| a.name), Some("olena".to_string()));
        assert_eq!(a.token_account("lit_nope").unwrap(), None);
        let listed = a.tokens(Some("olena")).unwrap();
        assert_eq!(listed.len(), 1);
        assert!(listed[0].last_used_at.is_some() && !t.contains(&listed[0].id), "{listed:?}");
        assert!(!a.revoke_token(&listed[0].id, Some("someone else")).unwrap());
        assert!(!a.revoke_token("not hex", None).unwrap());
        assert!(a.revoke_token(&listed[0].id, Some("olena")).unwrap());
        assert_eq!(a.token_account(&t).unwrap(), None);
        assert!(a.tokens(None).unwrap().is_empty());
        assert!(PasswordHash::new(dummy_hash()).is_ok());
        assert!(same_secret("abc", "abc") && !same_secret("abc", "abd") && !same_secret("a", "ab"));
    }
}
