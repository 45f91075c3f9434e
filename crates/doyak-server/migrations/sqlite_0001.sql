-- The server's rows in the embedded SQLite file (see storage/mod.rs).
CREATE TABLE center (
    center_id      TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    -- The last change-log version handed out for this center.
    change_version INTEGER NOT NULL DEFAULT 0
) STRICT;

-- token_hash: SHA-256 of the device token, hex. The token itself is never stored.
CREATE TABLE device (
    device_id   TEXT PRIMARY KEY,
    center_id   TEXT NOT NULL REFERENCES center (center_id),
    name        TEXT NOT NULL,
    token_hash  TEXT NOT NULL UNIQUE,
    last_seq    INTEGER NOT NULL,
    enrolled_at TEXT NOT NULL,
    expires_at  TEXT,
    revoked_at  TEXT
) STRICT;

CREATE TABLE enrollment_code (
    code_hash  TEXT PRIMARY KEY,
    center_id  TEXT NOT NULL REFERENCES center (center_id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at    TEXT
) STRICT;

-- The stored outcome of every settled (device, seq): a replay answers it.
CREATE TABLE mutation_result (
    device_id   TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    mutation_id TEXT NOT NULL,
    result      TEXT NOT NULL,
    PRIMARY KEY (device_id, seq)
) STRICT, WITHOUT ROWID;

-- fields: {name: {"v": value, "n": version, "d": device, "m": mutation, "h": hlc}}
CREATE TABLE record (
    entity    TEXT NOT NULL,
    id        TEXT NOT NULL,
    center_id TEXT NOT NULL,
    fields    TEXT NOT NULL,
    deleted   INTEGER NOT NULL,
    metric    TEXT,
    month     TEXT,
    PRIMARY KEY (entity, id)
) STRICT;
CREATE INDEX record_fact ON record (metric, month, center_id) WHERE metric IS NOT NULL AND deleted = 0;

-- body: the protocol's `Change` as JSON.
CREATE TABLE change_log (
    center_id TEXT NOT NULL,
    version   INTEGER NOT NULL,
    body      TEXT NOT NULL,
    PRIMARY KEY (center_id, version)
) STRICT, WITHOUT ROWID;

CREATE TABLE conflict (
    conflict_id TEXT PRIMARY KEY,
    center_id   TEXT NOT NULL,
    resolved    INTEGER NOT NULL,
    body        TEXT NOT NULL
) STRICT;
CREATE INDEX conflict_open ON conflict (center_id) WHERE resolved = 0;
