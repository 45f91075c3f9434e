-- Half-written forms (a session note typed and left for another screen, or
-- interrupted by a closed window), kept in the caseload so they are
-- encrypted with it and survive a restart. Local to this file: never in the
-- outbox, never synced, removed when the form is saved or discarded.
CREATE TABLE draft (
    key      TEXT PRIMARY KEY,
    data     TEXT NOT NULL,
    saved_at TEXT NOT NULL
) STRICT;
