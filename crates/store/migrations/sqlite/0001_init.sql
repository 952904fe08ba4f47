-- litopys store, SQLite. Applied migrations are never edited: add 0002_... instead.
CREATE TABLE documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_key TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    near_duplicate_of INTEGER REFERENCES documents(id),
    minhash TEXT NOT NULL,
    source TEXT,
    title TEXT,
    lang TEXT,
    published TEXT,
    text TEXT NOT NULL,
    extracted INTEGER NOT NULL DEFAULT 0,
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_doc_key ON documents(doc_key);

CREATE TABLE document_bands (
    band TEXT NOT NULL,
    doc_id INTEGER NOT NULL REFERENCES documents(id)
);
CREATE INDEX document_bands_band ON document_bands(band);

CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='id');
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, coalesce(new.title, ''), new.text);
END;

CREATE TABLE events (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL DEFAULT 'new',
    event_date TEXT NOT NULL,
    admin1 TEXT NOT NULL,
    event_type TEXT NOT NULL,
    tags TEXT NOT NULL,
    notes TEXT NOT NULL,
    data TEXT NOT NULL,
    frozen TEXT,
    edits TEXT NOT NULL DEFAULT '{}',
    updated_at TEXT NOT NULL
);
CREATE INDEX events_date ON events(event_date);

CREATE VIRTUAL TABLE events_fts USING fts5(event_id UNINDEXED, notes);

CREATE TABLE incidents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id INTEGER NOT NULL REFERENCES documents(id),
    incident_key TEXT NOT NULL,
    event_id TEXT NOT NULL,
    pinned INTEGER NOT NULL DEFAULT 0,
    event_date TEXT NOT NULL,
    location TEXT NOT NULL,
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION,
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    participants BIGINT,
    data TEXT NOT NULL,
    UNIQUE (doc_id, incident_key)
);
CREATE INDEX incidents_date ON incidents(event_date);
CREATE INDEX incidents_event ON incidents(event_id);

CREATE TABLE statistics (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id INTEGER NOT NULL REFERENCES documents(id),
    data TEXT NOT NULL
);
CREATE INDEX statistics_doc ON statistics(doc_id);

CREATE TABLE review_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id TEXT NOT NULL,
    actor TEXT NOT NULL,
    at TEXT NOT NULL,
    action TEXT NOT NULL
);
CREATE INDEX review_history_event ON review_history(event_id);
CREATE TRIGGER review_history_no_update BEFORE UPDATE ON review_history BEGIN
    SELECT RAISE(ABORT, 'review history is append-only');
END;
CREATE TRIGGER review_history_no_delete BEFORE DELETE ON review_history BEGIN
    SELECT RAISE(ABORT, 'review history is append-only');
END;
