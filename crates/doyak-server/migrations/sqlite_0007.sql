-- 0007: 개인정보 파기 (src/destroy.rs). A desk pushes a destruction event for a
-- seeker; the server scrubs the seeker's case file everywhere it keeps values
-- (records, change-log bodies, conflicts, stored results) in the same push.
--
-- `destroyed` lists every record of a destroyed case file: a later change
-- that names one is refused (`record.destroyed`), so no destroyed value can
-- come back. Keyed by id first: a change names a subject by id alone.
CREATE TABLE destroyed (
    entity_id      TEXT NOT NULL,
    entity         TEXT NOT NULL,
    center_id      TEXT NOT NULL,
    -- The destruction event's id.
    destruction_id TEXT NOT NULL,
    at             TEXT NOT NULL,
    PRIMARY KEY (entity_id, entity)
) STRICT, WITHOUT ROWID;

-- The record a change-log body is about, copied by the writer so that a
-- destruction finds the entries to scrub by index, not by reading the log.
-- Entries naming an event (`event_id`) leave it NULL: they are rebuilt from
-- the event's row, which is scrubbed itself. Entries written before are
-- filled from their bodies here.
ALTER TABLE change_log ADD COLUMN entity_id TEXT;
UPDATE change_log SET entity_id = json_extract(body, '$.entity_id') WHERE body IS NOT NULL;
CREATE INDEX change_log_entity ON change_log (entity_id) WHERE entity_id IS NOT NULL;

-- The record whose field values a stored result holds (`server_kept`, a
-- conflict's two values); NULL when it holds none. Results stored before
-- are filled where their text tells: a conflict names its record, and an
-- applied change its change-log entry (of the device's center). A result
-- that changed nothing but sent a value back (a phone number the server
-- already held in the desk's form) names neither and stays NULL.
ALTER TABLE mutation_result ADD COLUMN entity_id TEXT;
UPDATE mutation_result SET entity_id = coalesce(
        json_extract(result, '$.outcome.conflicts[0].entity_id'),
        (SELECT c.entity_id FROM change_log c JOIN device d ON d.center_id = c.center_id
          WHERE d.device_id = mutation_result.device_id
            AND c.version = json_extract(mutation_result.result, '$.outcome.change_version')))
 WHERE result LIKE '%"server_kept"%' OR result LIKE '%"conflicts"%';
CREATE INDEX mutation_result_entity ON mutation_result (entity_id) WHERE entity_id IS NOT NULL;
