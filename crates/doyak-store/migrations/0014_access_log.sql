-- 개인정보 접근 기록: who opened which person's page, exported which file,
-- printed which report, destroyed whom. Ids and kinds only, never a value.
-- Append-only: each entry's `hash` is SHA-256 over the entry and the hash
-- before it (`prev_hash`; 64 zeros for the first), so an entry edited,
-- removed or slipped in breaks the chain from there on
-- (`doyak access-log verify`). The triggers stop the app's own SQL from
-- ever changing one; the chain catches anyone who works around them.
CREATE TABLE access_log (
    seq        INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    device_id  TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    entity     TEXT NOT NULL,
    entity_id  TEXT,
    detail     TEXT NOT NULL,
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
) STRICT;
CREATE INDEX access_log_entity ON access_log (entity_id) WHERE entity_id IS NOT NULL;

CREATE TRIGGER access_log_append_only_update BEFORE UPDATE ON access_log
BEGIN
    SELECT RAISE(ABORT, 'access_log is append-only');
END;
CREATE TRIGGER access_log_append_only_delete BEFORE DELETE ON access_log
BEGIN
    SELECT RAISE(ABORT, 'access_log is append-only');
END;
