-- 0008: 개인정보 파기 (see sqlite_0007.sql).
CREATE TABLE destroyed (
    entity_id      TEXT COLLATE "C" NOT NULL,
    entity         TEXT COLLATE "C" NOT NULL,
    center_id      TEXT COLLATE "C" NOT NULL,
    -- The destruction event's id.
    destruction_id TEXT COLLATE "C" NOT NULL,
    at             TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (entity_id, entity)
);

-- The record a change-log body is about (see sqlite_0007.sql).
ALTER TABLE change_log ADD COLUMN entity_id TEXT COLLATE "C";
UPDATE change_log SET entity_id = (body::json) ->> 'entity_id' WHERE body IS NOT NULL;
CREATE INDEX change_log_entity ON change_log (entity_id) WHERE entity_id IS NOT NULL;

-- The record whose field values a stored result holds (see sqlite_0007.sql).
ALTER TABLE mutation_result ADD COLUMN entity_id TEXT COLLATE "C";
UPDATE mutation_result r SET entity_id = coalesce(
        (r.result::json) #>> '{outcome,conflicts,0,entity_id}',
        (SELECT c.entity_id FROM change_log c JOIN device d ON d.center_id = c.center_id
          WHERE d.device_id = r.device_id
            AND c.version = ((r.result::json) #>> '{outcome,change_version}')::bigint))
 WHERE r.result LIKE '%"server_kept"%' OR r.result LIKE '%"conflicts"%';
CREATE INDEX mutation_result_entity ON mutation_result (entity_id) WHERE entity_id IS NOT NULL;
