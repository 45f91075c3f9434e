-- 0009: 개인정보 접근 기록 (see sqlite_0008.sql).
CREATE TABLE access_log (
    center_id    TEXT COLLATE "C" NOT NULL,
    device_id    TEXT COLLATE "C" NOT NULL,
    seq          BIGINT NOT NULL,
    at           TEXT COLLATE "C" NOT NULL,
    entry_device TEXT COLLATE "C" NOT NULL,
    actor        TEXT COLLATE "C" NOT NULL,
    action       TEXT COLLATE "C" NOT NULL,
    entity       TEXT COLLATE "C" NOT NULL,
    entity_id    TEXT COLLATE "C",
    detail       TEXT COLLATE "C" NOT NULL,
    prev_hash    TEXT COLLATE "C" NOT NULL,
    hash         TEXT COLLATE "C" NOT NULL,
    received_at  TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (center_id, device_id, seq)
);
CREATE INDEX access_log_center_at ON access_log (center_id, at);
CREATE INDEX access_log_entity ON access_log (center_id, entity_id) WHERE entity_id IS NOT NULL;

CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'access_log is append-only';
END;
$$;
CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION access_log_append_only();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only();

ALTER TABLE viewer ADD COLUMN center_id TEXT COLLATE "C";
