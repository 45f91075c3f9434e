-- 0008: 개인정보 접근 기록 (src/access_log.rs). Each desk uploads its
-- hash-chained access log; the server keeps every entry under the
-- uploading device's center, keyed by center, device and the entry's
-- number, with every column the desk hashed, so the chain can be checked
-- again here. Ids and codes only, never a person's value. Append-only:
-- the triggers refuse UPDATE and DELETE, and the upload refuses an entry
-- that does not link to what is held.
CREATE TABLE access_log (
    center_id    TEXT NOT NULL,
    -- The device that uploaded the entry (the token's).
    device_id    TEXT NOT NULL,
    seq          INTEGER NOT NULL,
    at           TEXT NOT NULL,
    -- The device id the desk wrote into the entry (an earlier identity
    -- of the same caseload after enrolling again).
    entry_device TEXT NOT NULL,
    actor        TEXT NOT NULL,
    action       TEXT NOT NULL,
    entity       TEXT NOT NULL,
    entity_id    TEXT,
    detail       TEXT NOT NULL,
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL,
    received_at  TEXT NOT NULL,
    PRIMARY KEY (center_id, device_id, seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX access_log_center_at ON access_log (center_id, at);
CREATE INDEX access_log_entity ON access_log (center_id, entity_id) WHERE entity_id IS NOT NULL;

CREATE TRIGGER access_log_append_only_update BEFORE UPDATE ON access_log
BEGIN
    SELECT RAISE(ABORT, 'access_log is append-only');
END;
CREATE TRIGGER access_log_append_only_delete BEFORE DELETE ON access_log
BEGIN
    SELECT RAISE(ABORT, 'access_log is append-only');
END;

-- A viewer of one center: its administrator, who reads that center's
-- access log and its figures (NULL: a regional or national viewer).
ALTER TABLE viewer ADD COLUMN center_id TEXT;
