-- 0004: seekers moved from one center to another (`doyak-server transfer`).
-- The record rows move themselves (their center_id); this table is the log
-- of what moved, from where, to where, when and why, and lets a push from a
-- desk of the old center be told "transferred" instead of "not found".
CREATE TABLE transfer (
    transfer_id TEXT COLLATE "C" PRIMARY KEY,
    seeker_id   TEXT COLLATE "C" NOT NULL,
    from_center TEXT COLLATE "C" NOT NULL,
    to_center   TEXT COLLATE "C" NOT NULL,
    at          TEXT NOT NULL,
    events      BIGINT NOT NULL,
    reason      TEXT NOT NULL
);
CREATE INDEX transfer_seeker ON transfer (seeker_id);
