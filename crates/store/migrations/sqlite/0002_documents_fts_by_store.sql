-- The store writes documents_fts itself, once per batch: a trigger indexed each document in a
-- statement of its own, and FTS5 flushes its pending terms at every statement savepoint.
DROP TRIGGER documents_fts_insert;
