-- 0003: the desk's side of sync (doyak-store src/sync.rs).

-- Where this desk stands with the server. One row. The cursor is the last
-- change-log position whose page was applied; it is written in the same
-- transaction as that page's rows, so it is never ahead of the data. The
-- device token lives here because this file is encrypted (SQLCipher); it is
-- read only through `Store::sync_credentials` and never logged. The center
-- is the caseload's own (meta.center_id): a second copy could disagree.
CREATE TABLE sync_state (
    singleton    INTEGER PRIMARY KEY CHECK (singleton = 1),
    cursor       INTEGER NOT NULL DEFAULT 0 CHECK (cursor >= 0),
    server_url   TEXT,
    device_token TEXT,
    last_push_at TEXT,
    last_pull_at TEXT
) STRICT;
INSERT INTO sync_state (singleton) VALUES (1);

-- An update that resolves conflicts names them (a JSON array of conflict ids).
ALTER TABLE outbox ADD COLUMN resolves TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(resolves));
-- A pulled change must not overwrite a field with an unsent local edit: each
-- pulled record looks up its own pending rows instead of scanning the outbox.
CREATE INDEX outbox_entity ON outbox (entity_id);

-- Mutations the server refused for good. The outbox row is gone (a refusal
-- never wedges the queue); this is what the counselor is shown instead.
-- Code and message are the server's; the message names no values.
CREATE TABLE sync_rejection (
    mutation_id TEXT PRIMARY KEY,
    seq         INTEGER NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    op          TEXT NOT NULL,
    code        TEXT NOT NULL,
    message     TEXT NOT NULL,
    at          TEXT NOT NULL
) STRICT;

-- Concurrent edits of one field, both values kept (`record` is the wire
-- ConflictRecord as JSON), for a counselor to resolve. Upserted by id from
-- push responses and pulls; `resolved` is set by a pulled resolution or at
-- once when this desk queues one.
CREATE TABLE conflict (
    conflict_id TEXT PRIMARY KEY,
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    field       TEXT NOT NULL,
    record      TEXT NOT NULL CHECK (json_valid(record)),
    resolved    INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1)),
    received_at TEXT NOT NULL
) STRICT;
CREATE INDEX conflict_open ON conflict (entity_id) WHERE resolved = 0;

-- Pulled changes this build could not apply (a record kind it does not know,
-- a record its types cannot read, an update of a record it does not hold),
-- kept verbatim so that a later release can apply them: the cursor moves
-- past them and the server will not send them again. Another center's
-- records are never kept, here or anywhere.
CREATE TABLE sync_held (
    version   INTEGER PRIMARY KEY,
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    reason    TEXT NOT NULL CHECK (reason IN ('unknown_kind', 'undecodable', 'no_record')),
    change    TEXT NOT NULL,
    at        TEXT NOT NULL
) STRICT;
