-- 0002: an appended event's change-log entry names the event instead of
-- holding it a second time (see postgres_0003.sql). SQLite cannot drop a
-- NOT NULL in place, so the table is rebuilt; entries written before keep
-- their bodies. Exactly one of `body` and `event_id` is set.
CREATE TABLE change_log_0002 (
    center_id TEXT NOT NULL,
    version   INTEGER NOT NULL,
    body      TEXT,
    event_id  TEXT,
    PRIMARY KEY (center_id, version),
    CHECK ((body IS NULL) <> (event_id IS NULL))
) STRICT, WITHOUT ROWID;
INSERT INTO change_log_0002 (center_id, version, body)
    SELECT center_id, version, body FROM change_log;
DROP TABLE change_log;
ALTER TABLE change_log_0002 RENAME TO change_log;
