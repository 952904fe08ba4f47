-- Each event's row in events_fts takes the event's rowid, so that replacing or removing an
-- event's notes (every review does) is a rowid lookup: event_id is UNINDEXED in FTS5, and
-- deleting by it scanned every row (a quarter of a second at a million events).
DELETE FROM events_fts;
INSERT INTO events_fts (rowid, event_id, notes) SELECT rowid, id, notes FROM events;
