-- 알선 (application) status and date as plain columns, copied by the writer
-- like the other list columns, so 오늘 할 일 ("알선 waiting two weeks") and the
-- match pool (hires per vacancy) read an index instead of parsing every
-- row's JSON (~100 ms at 50 000 seekers).
ALTER TABLE application ADD COLUMN status TEXT;
ALTER TABLE application ADD COLUMN applied_on TEXT;
UPDATE application
   SET status = json_extract(data, '$.status'),
       applied_on = json_extract(data, '$.applied_on');
CREATE INDEX application_waiting ON application (status, applied_on) WHERE deleted_at IS NULL;
