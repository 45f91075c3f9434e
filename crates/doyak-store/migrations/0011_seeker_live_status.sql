-- 0011: the live seekers' status by id, so the 오늘 할 일 lists (follow-ups
-- due, IAP months past) can keep only seekers still in the program by
-- reading this index, not each seeker's row. The row holds the whole
-- encrypted record (several KiB, often past one page): reading it to learn
-- the status decrypted a page or more per follow-up, and with 50,000 seekers
-- the lists read most of the table on every open of 오늘 할 일.
CREATE INDEX seeker_live_status ON seeker (id, status) WHERE deleted_at IS NULL;
