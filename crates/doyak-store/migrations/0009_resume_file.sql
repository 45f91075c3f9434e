-- Résumé files a seeker brought (이력서·자기소개서), kept in the caseload so
-- they are encrypted with it. Every attachment, and every text the counselor
-- edits from one, is a new version: nothing is replaced. Local to this
-- desk: never in the outbox, never synced (the file stays where it was
-- taken); never in a log. Removed only with the seeker's data.
CREATE TABLE resume_file (
    id         TEXT PRIMARY KEY,
    seeker_id  TEXT NOT NULL,
    version    INTEGER NOT NULL,
    file_name  TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    bytes      BLOB NOT NULL,
    -- The version an edited text was made from; NULL for a file as brought.
    based_on   INTEGER,
    added_at   TEXT NOT NULL,
    added_by   TEXT NOT NULL,
    UNIQUE (seeker_id, version)
) STRICT;
