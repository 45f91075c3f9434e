-- A company's consulting-plan actions still open (계획 or 진행 중) with
-- their due date: the current version of each (no later event supersedes
-- it). Kept by the writer when an event is appended, asked by 오늘 할 일 for
-- the overdue ones, so it does not decode every company event of the
-- caseload. Derived, never synced. Desks before this migration wrote no
-- plan actions (no `status`)…
CREATE TABLE action_pending (
    action_id  TEXT PRIMARY KEY,
    subject_id TEXT NOT NULL,
    due_on     TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX action_pending_due ON action_pending (due_on);

-- …but a desk before it may have pulled plan actions written by a newer
-- desk (the body decodes: an older desk keeps the fields it reads), so the
-- open ones already in the file are listed, as 0007 does for IAP.
INSERT INTO action_pending (action_id, subject_id, due_on)
SELECT e.id, e.subject_id, json_extract(e.data, '$.body.due_on')
  FROM event e
 WHERE e.type = 'company_action'
   AND json_extract(e.data, '$.body.status') IN ('planned', 'in_progress')
   AND json_extract(e.data, '$.body.due_on') IS NOT NULL
   AND e.id NOT IN (SELECT supersedes FROM event WHERE supersedes IS NOT NULL);
