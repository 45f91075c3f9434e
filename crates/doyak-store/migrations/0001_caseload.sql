-- 0001: the caseload, sync-ready from the start.
-- Shared records (merged field by field during sync) keep their fields as one
-- JSON object in `data` and the per-field versions in `versions` (a field
-- absent there is at version 1). `data` is written only by the store, from
-- serde, so no CHECK re-parses it on every write. The few fields lists filter
-- on are copied into plain columns by the writer (write.rs, `list_columns`),
-- so indexes over them cover a query without parsing `data`.
-- Append-only events live in `event`.
-- Every change writes an `outbox` row in the same transaction.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- This device's identity, its next outbox sequence number and the last hybrid
-- logical clock stamp it issued.
CREATE TABLE device (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    device_id TEXT NOT NULL,
    next_seq  INTEGER NOT NULL CHECK (next_seq >= 1),
    last_hlc  TEXT NOT NULL
) STRICT;

CREATE TABLE center (
    id         TEXT PRIMARY KEY,
    center_id  TEXT NOT NULL,
    name       TEXT NOT NULL,
    search_key TEXT NOT NULL,
    data       TEXT NOT NULL,
    versions   TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(versions)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
) STRICT;

CREATE TABLE counselor (
    id         TEXT PRIMARY KEY,
    center_id  TEXT NOT NULL,
    name       TEXT NOT NULL,
    search_key TEXT NOT NULL,
    data       TEXT NOT NULL,
    versions   TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(versions)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
) STRICT;

CREATE TABLE partner (
    id         TEXT PRIMARY KEY,
    center_id  TEXT NOT NULL,
    name       TEXT NOT NULL,
    search_key TEXT NOT NULL,
    data       TEXT NOT NULL,
    versions   TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(versions)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
) STRICT;

CREATE TABLE seeker (
    id         TEXT PRIMARY KEY,
    center_id  TEXT NOT NULL,
    name       TEXT NOT NULL,
    search_key TEXT NOT NULL,
    data       TEXT NOT NULL,
    versions   TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(versions)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    status TEXT,
    track TEXT,
    counselor_id TEXT,
    -- The JSON array of target groups, e.g. ["youth","career_women"]: a
    -- filter is LIKE '%"youth"%' (the quotes delimit whole values).
    target_groups TEXT
) STRICT;
-- The list's default order, and covering for the in-memory search index
-- (doyak-store name_index.rs), which loads from it without reading `data`.
-- deleted_at is a column too: SQLite counts a partial index as covering
-- only when every column the WHERE names is in it.
CREATE INDEX seeker_list ON seeker (updated_at DESC, id DESC, name, search_key, status, track, counselor_id, target_groups, deleted_at)
    WHERE deleted_at IS NULL;
CREATE INDEX seeker_name ON seeker (name, id) WHERE deleted_at IS NULL;
CREATE INDEX seeker_status ON seeker (status) WHERE deleted_at IS NULL;

CREATE TABLE company (
    id         TEXT PRIMARY KEY,
    center_id  TEXT NOT NULL,
    name       TEXT NOT NULL,
    search_key TEXT NOT NULL,
    data       TEXT NOT NULL,
    versions   TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(versions)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    business_number TEXT,
    status TEXT,
    industrial_complex TEXT
) STRICT;
CREATE INDEX company_search ON company (search_key, name, id) WHERE deleted_at IS NULL;
CREATE INDEX company_name ON company (name, id) WHERE deleted_at IS NULL;
CREATE INDEX company_business_number ON company (business_number) WHERE deleted_at IS NULL;
CREATE INDEX company_complex ON company (industrial_complex) WHERE deleted_at IS NULL;

CREATE TABLE vacancy (
    id         TEXT PRIMARY KEY,
    center_id  TEXT NOT NULL,
    name       TEXT NOT NULL,
    search_key TEXT NOT NULL,
    data       TEXT NOT NULL,
    versions   TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(versions)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    company_id TEXT,
    status TEXT,
    opened_on TEXT
) STRICT;
CREATE INDEX vacancy_search ON vacancy (search_key, name, id) WHERE deleted_at IS NULL;
CREATE INDEX vacancy_company ON vacancy (company_id) WHERE deleted_at IS NULL;
CREATE INDEX vacancy_open ON vacancy (status, opened_on) WHERE deleted_at IS NULL;

CREATE TABLE referral (
    id         TEXT PRIMARY KEY,
    center_id  TEXT NOT NULL,
    name       TEXT NOT NULL,
    search_key TEXT NOT NULL,
    data       TEXT NOT NULL,
    versions   TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(versions)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    subject_id TEXT,
    status TEXT
) STRICT;
CREATE INDEX referral_subject ON referral (subject_id) WHERE deleted_at IS NULL;
CREATE INDEX referral_status ON referral (status) WHERE deleted_at IS NULL;

CREATE TABLE application (
    id         TEXT PRIMARY KEY,
    center_id  TEXT NOT NULL,
    name       TEXT NOT NULL,
    search_key TEXT NOT NULL,
    data       TEXT NOT NULL,
    versions   TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(versions)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    seeker_id TEXT,
    vacancy_id TEXT
) STRICT;
CREATE INDEX application_seeker ON application (seeker_id) WHERE deleted_at IS NULL;
CREATE INDEX application_vacancy ON application (vacancy_id) WHERE deleted_at IS NULL;

-- Append-only: session notes, diagnoses, IAP activities, placements, retention
-- checks, company visits and consulting. Never updated; corrections supersede.
CREATE TABLE event (
    id          TEXT PRIMARY KEY,
    center_id   TEXT NOT NULL,
    subject_id  TEXT NOT NULL,
    type        TEXT NOT NULL,
    occurred_on TEXT NOT NULL,
    supersedes  TEXT,
    data        TEXT NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX event_subject ON event (subject_id, occurred_on);
CREATE INDEX event_type ON event (type, occurred_on);

-- Each seeker's latest counseling session and the next contact it agreed on,
-- kept by the writer when a session is appended (derived from events, local,
-- never synced), so the desk's "today" list does not scan every session.
CREATE TABLE followup (
    subject_id      TEXT PRIMARY KEY,
    last_session_on TEXT NOT NULL,
    next_on         TEXT
) STRICT, WITHOUT ROWID;
CREATE INDEX followup_next ON followup (next_on) WHERE next_on IS NOT NULL;

-- Each placement and which of its 3/6/12-month retention checks are recorded
-- (`done` like ",3,6,"), kept by the writer on append (derived, local, never
-- synced), so 오늘 할 일 reads a date range instead of decoding every
-- placement and check of the last 15 months.
CREATE TABLE retention (
    placement_id TEXT PRIMARY KEY,
    seeker_id    TEXT NOT NULL,
    employer     TEXT NOT NULL,
    placed_on    TEXT NOT NULL,
    done         TEXT NOT NULL DEFAULT ','
) STRICT, WITHOUT ROWID;
CREATE INDEX retention_placed ON retention (placed_on);

-- The upload queue. A row leaves only when the server acknowledges it.
-- op insert: `fields` is the whole record, every field at base version 0.
-- op update: `fields` is {field: {"value": v, "base": version it replaced}}.
-- op delete: `fields` is {}. op append: `fields` is the whole event.
CREATE TABLE outbox (
    seq            INTEGER PRIMARY KEY,
    mutation_id    TEXT NOT NULL UNIQUE,
    device_id      TEXT NOT NULL,
    entity         TEXT NOT NULL,
    entity_id      TEXT NOT NULL,
    op             TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete', 'append')),
    fields         TEXT NOT NULL,
    hlc            TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    created_at     TEXT NOT NULL
) STRICT;

-- Who created, changed, exported or imported personal data. Field names and
-- counts only, never values.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'export', 'import', 'generate')),
    entity    TEXT NOT NULL,
    entity_id TEXT,
    detail    TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX audit_entity ON audit_log (entity_id);

-- Running counts kept by the writer in the same transaction as the rows: the
-- live (not deleted) records of each shared kind, and the outbox rows waiting
-- for the server. count(*) over 100k rows decrypts every page of an index (or
-- of the outbox itself); the list's total and the status bar must not cost that.
CREATE TABLE tally (
    name TEXT PRIMARY KEY,
    n    INTEGER NOT NULL CHECK (n >= 0)
) STRICT, WITHOUT ROWID;
INSERT INTO tally (name, n) VALUES
    ('center', 0), ('counselor', 0), ('partner', 0), ('seeker', 0), ('company', 0),
    ('vacancy', 0), ('referral', 0), ('application', 0), ('outbox', 0);
