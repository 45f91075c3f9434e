-- The server's rows in the PostgreSQL database (see storage/mod.rs).
-- Same shape as sqlite_0001.sql, so both backends answer alike: ids are UUID
-- text, times RFC 3339 text in UTC with milliseconds (they compare as text),
-- counters BIGINT, flags BOOLEAN. Every text column that is compared or
-- ordered is COLLATE "C": byte order, as SQLite's BINARY, whatever locale the
-- database was created with (ko_KR would sort 'B' after 'a', and a timestamp
-- or a month range could compare differently).
CREATE TABLE center (
    center_id      TEXT COLLATE "C" PRIMARY KEY,
    name           TEXT COLLATE "C" NOT NULL,
    -- The last change-log version handed out for this center.
    change_version BIGINT NOT NULL DEFAULT 0
);

-- token_hash: SHA-256 of the device token, hex. The token itself is never stored.
CREATE TABLE device (
    device_id   TEXT COLLATE "C" PRIMARY KEY,
    center_id   TEXT COLLATE "C" NOT NULL REFERENCES center (center_id),
    name        TEXT COLLATE "C" NOT NULL,
    token_hash  TEXT COLLATE "C" NOT NULL UNIQUE,
    last_seq    BIGINT NOT NULL,
    enrolled_at TEXT COLLATE "C" NOT NULL,
    expires_at  TEXT COLLATE "C",
    revoked_at  TEXT COLLATE "C"
);

CREATE TABLE enrollment_code (
    code_hash  TEXT COLLATE "C" PRIMARY KEY,
    center_id  TEXT COLLATE "C" NOT NULL REFERENCES center (center_id),
    created_at TEXT COLLATE "C" NOT NULL,
    expires_at TEXT COLLATE "C" NOT NULL,
    used_at    TEXT COLLATE "C"
);

-- The stored outcome of every settled (device, seq): a replay answers it.
CREATE TABLE mutation_result (
    device_id   TEXT COLLATE "C" NOT NULL,
    seq         BIGINT NOT NULL,
    mutation_id TEXT COLLATE "C" NOT NULL,
    result      TEXT NOT NULL,
    PRIMARY KEY (device_id, seq)
);

-- fields: {name: {"v": value, "n": version, "d": device, "m": mutation, "h": hlc}}
CREATE TABLE record (
    entity    TEXT COLLATE "C" NOT NULL,
    id        TEXT COLLATE "C" NOT NULL,
    center_id TEXT COLLATE "C" NOT NULL,
    fields    TEXT NOT NULL,
    deleted   BOOLEAN NOT NULL,
    metric    TEXT COLLATE "C",
    month     TEXT COLLATE "C",
    PRIMARY KEY (entity, id)
);
CREATE INDEX record_fact ON record (metric, month, center_id) WHERE metric IS NOT NULL AND NOT deleted;

-- body: the protocol's `Change` as JSON.
CREATE TABLE change_log (
    center_id TEXT COLLATE "C" NOT NULL,
    version   BIGINT NOT NULL,
    body      TEXT NOT NULL,
    PRIMARY KEY (center_id, version)
);

CREATE TABLE conflict (
    conflict_id TEXT COLLATE "C" PRIMARY KEY,
    center_id   TEXT COLLATE "C" NOT NULL,
    resolved    BOOLEAN NOT NULL,
    body        TEXT NOT NULL
);
CREATE INDEX conflict_open ON conflict (center_id) WHERE NOT resolved;
