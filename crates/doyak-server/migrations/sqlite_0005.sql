-- 0005: who may read the national figures (docs/national.md). A center's
-- region is the administrator's label for the office it reports to (such
-- as "서울지방고용노동청"); a regional viewer reads the centers of its
-- region, a national one every center. A viewer's token reads aggregates
-- only: it can never push, pull or enroll. token_hash: SHA-256, hex.
ALTER TABLE center ADD COLUMN region TEXT;
CREATE TABLE viewer (
    viewer_id  TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    -- NULL: national.
    region     TEXT,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    expires_at TEXT,
    revoked_at TEXT
) STRICT;
