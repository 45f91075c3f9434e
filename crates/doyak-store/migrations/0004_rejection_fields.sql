-- 0004: a refused change keeps what it sent, so that the counselor can send
-- it again after a fix (`doyak rejections retry`, the desk's 다시 보내기)
-- instead of only reading and dismissing it. `fields` is the outbox row's
-- JSON (the record of an insert, the edits of an update, `{}` for a
-- delete). Rows refused before this migration have '' : what they sent was
-- not kept, so they can be dismissed but not sent again.
ALTER TABLE sync_rejection ADD COLUMN fields TEXT NOT NULL DEFAULT '';
