-- 0003: an appended event's change-log entry names the event instead of
-- holding it a second time. Events never change after they are appended,
-- so the change is read back from the event's record row (the join in
-- `changes_after`); on the 100k-row demo push, 86k of the rows are events
-- and writing each twice was a fifth of the push. Entries written before
-- keep their bodies; exactly one of the two columns is set.
ALTER TABLE change_log
    ALTER COLUMN body DROP NOT NULL,
    ADD COLUMN event_id TEXT COLLATE "C",
    ADD CONSTRAINT change_log_body_or_event CHECK ((body IS NULL) <> (event_id IS NULL));
