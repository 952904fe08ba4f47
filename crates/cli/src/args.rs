//! Parsing the values people type on the command line, with messages in their terms.
//!
//! clap's own parsers answer in the parser's language ("failed to parse two digit integer as
//! month"); these accept the forms people write (`2026-3-1`, `01.03.2026`, `localhost:8080`)
//! and, when they refuse, say which form is expected.

use std::net::{SocketAddr, ToSocketAddrs};
use std::path::Path;

use anyhow::Context;
use jiff::civil::Date;
use litopys_store::Store;

/// A calendar date written `2026-03-01`, `2026-3-1` or `01.03.2026`.
pub fn parse_date(s: &str) -> Result<Date, String> {
    let s = s.trim();
    let expected =
        || format!("{s:?} is not a date: write it as 2026-03-01 (or 2026-3-1, or 01.03.2026)");
    let parts: Vec<&str> = s.split(['-', '.', '/']).collect();
    let [a, b, c] = parts.as_slice() else {
        return Err(expected());
    };
    let num = |p: &str| {
        (!p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<i16>().ok())
            .flatten()
    };
    let (Some(a), Some(b), Some(c)) = (num(a), num(b), num(c)) else {
        return Err(expected());
    };
    let (year, month, day) = if s.contains('-') && parts[0].len() == 4 {
        (a, b, c)
    } else if (s.contains('.') || s.contains('/')) && parts[2].len() == 4 {
        (c, b, a)
    } else {
        return Err(expected());
    };
    let (Ok(month), Ok(day)) = (i8::try_from(month), i8::try_from(day)) else {
        return Err(expected());
    };
    Date::new(year, month, day).map_err(|_| {
        format!("{s:?} is not a day of the calendar (year {year}, month {month}, day {day})")
    })
}

/// An address to listen on: `127.0.0.1:8080`, `[::1]:8080`, `localhost:8080`, or a bare
/// port (`8080`, on 127.0.0.1).
pub fn parse_addr(s: &str) -> Result<SocketAddr, String> {
    let s = s.trim();
    if let Ok(port) = s.parse::<u16>() {
        return Ok(SocketAddr::from(([127, 0, 0, 1], port)));
    }
    if let Ok(addr) = s.parse::<SocketAddr>() {
        return Ok(addr);
    }
    let expected = format!("{s:?} is not an address to listen on: write HOST:PORT, e.g. 127.0.0.1:8080, localhost:8080 or 0.0.0.0:8080");
    if !s
        .rsplit_once(':')
        .is_some_and(|(host, port)| !host.is_empty() && port.parse::<u16>().is_ok())
    {
        return Err(expected);
    }
    let addrs: Vec<SocketAddr> = s.to_socket_addrs().map_err(|_| expected.clone())?.collect();
    addrs
        .iter()
        .find(|a| a.is_ipv4())
        .or(addrs.first())
        .copied()
        .ok_or(expected)
}

/// True if `db` names a PostgreSQL database rather than a SQLite file.
pub fn is_postgres(db: &str) -> bool {
    db.starts_with("postgres://") || db.starts_with("postgresql://")
}

/// Opens a database that must exist already: commands that only read or review never create
/// one, so a mistyped `--db` is an error naming the path instead of an empty result.
pub fn open_existing(db: &str) -> anyhow::Result<Store> {
    if !is_postgres(db) && !Path::new(db).is_file() {
        let hint = if Path::new(db).is_dir() {
            "it is a folder"
        } else {
            "no such file"
        };
        anyhow::bail!(
            "no database at {db} ({hint}): check --db, or create one with `litopys ingest --db {db} REPORTS...`"
        );
    }
    Store::open(db).with_context(|| format!("cannot open database {db}"))
}

/// Opens a database, creating a SQLite file if there is none, and says so on stderr.
pub fn open_or_create(db: &str) -> anyhow::Result<Store> {
    let creating = !is_postgres(db) && !Path::new(db).exists();
    let store = Store::open(db).with_context(|| format!("cannot open database {db}"))?;
    if creating {
        eprintln!("litopys: created database {db}");
    }
    Ok(store)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_forms_people_write() {
        for s in [
            "2026-03-01",
            "2026-3-1",
            "01.03.2026",
            "1.3.2026",
            " 2026-03-01 ",
        ] {
            assert_eq!(
                parse_date(s).map(|d| d.to_string()),
                Ok("2026-03-01".to_string()),
                "{s}"
            );
        }
        for s in [
            "2026-13-01",
            "2026-02-30",
            "03/2026",
            "yesterday",
            "26-3-1",
            "",
            "2026-03-01T10:00",
        ] {
            let err = parse_date(s).err().unwrap_or_default();
            assert!(
                err.contains("2026-03-01") || err.contains("not a day"),
                "{s}: {err}"
            );
        }
    }

    #[test]
    fn addresses_with_host_names() {
        assert_eq!(parse_addr("127.0.0.1:8080").map(|a| a.port()), Ok(8080));
        let local = parse_addr("localhost:9090").map_err(|e| e.to_string());
        assert!(
            local
                .as_ref()
                .is_ok_and(|a| a.ip().is_loopback() && a.port() == 9090),
            "{local:?}"
        );
        assert_eq!(
            parse_addr("8081").map(|a| a.to_string()),
            Ok("127.0.0.1:8081".to_string())
        );
        assert!(parse_addr("localhost").is_err_and(|e| e.contains("HOST:PORT")));
        assert!(parse_addr("localhost:99999").is_err());
    }
}
