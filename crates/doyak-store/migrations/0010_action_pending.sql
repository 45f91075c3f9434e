-- A company's consulting-plan actions still open (계획 or 진행 중) with
-- their due date: the current version of each (no later event supersedes
-- it). Kept by the writer when an event is appended, asked by 오늘 할 일 for
-- the overdue ones, so it does not decode every company event of the
-- caseload. Derived, never synced. Desks before this migration wrote no
-- plan actions (no `status`), so there is nothing to fill from.
CREATE TABLE action_pending (
    action_id  TEXT PRIMARY KEY,
    subject_id TEXT NOT NULL,
    due_on     TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX action_pending_due ON action_pending (due_on);
