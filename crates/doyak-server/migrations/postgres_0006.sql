-- 0006: who may read the national figures (see sqlite_0005.sql).
ALTER TABLE center ADD COLUMN region TEXT COLLATE "C";
CREATE TABLE viewer (
    viewer_id  TEXT COLLATE "C" PRIMARY KEY,
    name       TEXT COLLATE "C" NOT NULL,
    -- NULL: national.
    region     TEXT COLLATE "C",
    token_hash TEXT COLLATE "C" NOT NULL UNIQUE,
    created_at TEXT COLLATE "C" NOT NULL,
    expires_at TEXT COLLATE "C",
    revoked_at TEXT COLLATE "C"
);
