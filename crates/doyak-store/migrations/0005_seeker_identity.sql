-- A seeker's phone number and birth date as plain columns, copied by the
-- writer like the list columns, so the duplicate check on a new seeker
-- ("the same name and birth date, or the same phone") reads an index
-- instead of parsing every row's JSON. The file is encrypted as a whole,
-- columns included.
ALTER TABLE seeker ADD COLUMN phone TEXT;
ALTER TABLE seeker ADD COLUMN birth_date TEXT;
UPDATE seeker
   SET phone = json_extract(data, '$.phone'),
       birth_date = json_extract(data, '$.birth_date');
CREATE INDEX seeker_phone ON seeker (phone) WHERE deleted_at IS NULL;
CREATE INDEX seeker_name_birth ON seeker (name, birth_date) WHERE deleted_at IS NULL;
