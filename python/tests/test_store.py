"""`Store` lists the events `litopys events` lists, with the same filters, from SQLite and
(when LITOPYS_TEST_POSTGRES is set) PostgreSQL."""

from __future__ import annotations

import os
import subprocess

import pytest

import litopys
from conftest import run_cli

FILTERS = [
    ({}, []),
    ({"start": "2026-01-15"}, ["--from", "2026-01-15"]),
    ({"end": "2026-01-20"}, ["--to", "2026-01-20"]),
    ({"start": "2026-01-10", "end": "2026-01-25"}, ["--from", "2026-01-10", "--to", "2026-01-25"]),
    ({"event_type": "Riots"}, ["--type", "Riots"]),
    ({"tag": "mobilization"}, ["--tag", "mobilization"]),
    ({"text": "minibus"}, ["--text", "minibus"]),
    ({"status": "new"}, ["--status", "new"]),
]


def check_filters(litopys_bin, db):
    store = litopys.Store(db)
    all_rows = store.rows()
    assert len(all_rows) > 20
    admin1 = max({r["admin1"] for r in all_rows}, key=lambda a: sum(r["admin1"] == a for r in all_rows))
    filters = FILTERS + [({"admin1": admin1.upper()}, ["--admin1", admin1.upper()])]
    for kwargs, flags in filters:
        cli = [e["id"] for e in run_cli(litopys_bin, "events", "--json", "--db", db, *flags)]
        rows = store.rows(**kwargs)
        assert [r["event_id_cnty"] for r in rows] == cli, kwargs
        frame = store.events(**kwargs)
        assert list(frame["event_id_cnty"]) == cli
        if kwargs and kwargs != {"status": "new"}:
            assert 0 < len(rows) < len(all_rows), f"{kwargs} should select some events, not all"
    frame = store.events(start="2026-01-15")
    assert (frame["event_date"] >= "2026-01-15").all()
    assert set(frame["status"]) == {"new"}
    with pytest.raises(ValueError):
        store.rows(status="maybe")
    with pytest.raises(ValueError):
        store.rows(start="15 January")


def test_store_filters_sqlite(litopys_bin, corpus, tmp_path):
    db = str(tmp_path / "events.db")
    subprocess.run([litopys_bin, "ingest", "--db", db, str(corpus)], check=True, capture_output=True)
    assert litopys.Store(db).backend == "sqlite"
    check_filters(litopys_bin, db)


def test_store_never_creates_a_database(tmp_path):
    with pytest.raises(litopys.Error, match="no database"):
        litopys.Store(str(tmp_path / "missing.db"))
    assert not (tmp_path / "missing.db").exists()


def test_store_filters_postgres(litopys_bin, corpus):
    url = os.environ.get("LITOPYS_TEST_POSTGRES")
    if not url:
        pytest.skip("LITOPYS_TEST_POSTGRES is not set")
    schema = "t_python_store"
    subprocess.run(
        ["psql", url, "-q", "-c", f"SET client_min_messages = warning; DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"],
        check=True,
        capture_output=True,
    )
    db = f"{url}{'&' if '?' in url else '?'}options=-c%20search_path%3D{schema}"
    subprocess.run([litopys_bin, "ingest", "--db", db, str(corpus)], check=True, capture_output=True)
    assert litopys.Store(db).backend == "postgres"
    check_filters(litopys_bin, db)
