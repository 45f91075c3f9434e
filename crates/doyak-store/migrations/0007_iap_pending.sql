-- IAP activities whose 이행 점검 is still to be recorded: the current
-- version of each activity (no later event supersedes it) that is neither
-- marked done nor checked. Kept by the writer when an event is appended,
-- local and asked by 오늘 할 일 for the months already past, so it does not
-- decode every activity of the caseload. Derived, never synced.
CREATE TABLE iap_pending (
    activity_id TEXT PRIMARY KEY,
    subject_id  TEXT NOT NULL,
    month       TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX iap_pending_month ON iap_pending (month);

INSERT INTO iap_pending (activity_id, subject_id, month)
SELECT e.id, e.subject_id, json_extract(e.data, '$.body.month')
  FROM event e
 WHERE e.type = 'iap_activity'
   AND json_extract(e.data, '$.body.done') = 0
   AND json_extract(e.data, '$.body.compliance') IS NULL
   AND e.id NOT IN (SELECT supersedes FROM event WHERE supersedes IS NOT NULL);
