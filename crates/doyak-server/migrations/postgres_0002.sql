-- 0002: the large text columns (record fields, change-log bodies, stored
-- results) compressed with lz4 instead of pglz when the server has it: a
-- 100k-row push spent a tenth of PostgreSQL's time in pglz (perf). Servers
-- built without lz4 keep pglz; nothing else changes.
DO $$
BEGIN
    ALTER TABLE record ALTER COLUMN fields SET COMPRESSION lz4;
    ALTER TABLE change_log ALTER COLUMN body SET COMPRESSION lz4;
    ALTER TABLE mutation_result ALTER COLUMN result SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
    RAISE NOTICE 'lz4 not available; keeping pglz';
END
$$;
