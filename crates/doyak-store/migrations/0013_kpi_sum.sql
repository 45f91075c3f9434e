-- 0013: the sessions and IAP checks 성과 reads, summed per month and per
-- row of each cut, kept by triggers on `kpi_fact` whatever writes it (a new
-- version, a correction, a seeker's cuts refreshed or the seeker deleted),
-- so the figures read a few hundred sums instead of grouping a year's
-- facts (some 88,000 groups at 50,000 seekers: the cuts together are
-- nearly one group per seeker and month). Derived, local, never synced.
--
-- A fact is summed while it is counted (its chain's counted version), its
-- seeker is live and it has a month; an IAP activity only once checked.
-- It adds to its month's row (cut 'month', key '') and to one row of each
-- other cut: the counselor (who held a session; the seeker's counselor for
-- an IAP check), the seeker's track and 시군구, and each of the seeker's
-- distinct target groups. Keys are the codes as stored, '' when none;
-- `compliance` is a check's result ('' for a session). A row whose units
-- all left keeps n = 0: readers skip it. Target groups are the text items
-- of a JSON array (anything else in a damaged file adds no group, as the
-- desk reads it: a NULL key would fail every write of the seeker's facts).
CREATE TABLE kpi_sum (
    type       TEXT NOT NULL,
    month      TEXT NOT NULL,
    cut        TEXT NOT NULL,
    key        TEXT NOT NULL,
    compliance TEXT NOT NULL,
    n          INTEGER NOT NULL,
    minutes    INTEGER NOT NULL,
    PRIMARY KEY (type, month, cut, key, compliance)
) STRICT, WITHOUT ROWID;

-- Each summed fact's rows: one definition for the backfill and for every
-- trigger, which looks a fact up by (type, id): SQLite pushes that into
-- each arm and reads one row by the primary key (views, not a CTE, which
-- SQLite would fill whole once). A fact's old rows are read before an
-- update or a delete changes it, its new rows after.
CREATE VIEW kpi_summed AS
SELECT type, id, month, held_by, s_counselor, s_track, s_sigungu, s_groups,
       coalesce(compliance, '') AS compliance, coalesce(minutes, 0) AS minutes
  FROM kpi_fact
 WHERE counted = 1 AND s_live = 1 AND month IS NOT NULL
   AND (type = 'counseling_session' OR (type = 'iap_activity' AND compliance IS NOT NULL));

CREATE VIEW kpi_sum_rows AS
SELECT type, id, month, 'month' AS cut, '' AS key, compliance, minutes FROM kpi_summed
UNION ALL
SELECT type, id, month, 'counselor',
       coalesce(CASE type WHEN 'counseling_session' THEN held_by ELSE s_counselor END, ''),
       compliance, minutes
  FROM kpi_summed
UNION ALL
SELECT type, id, month, 'track', coalesce(s_track, ''), compliance, minutes FROM kpi_summed
UNION ALL
SELECT type, id, month, 'sigungu', coalesce(s_sigungu, ''), compliance, minutes FROM kpi_summed
UNION ALL
SELECT DISTINCT f.type, f.id, f.month, 'target_group', g.value, f.compliance, f.minutes
  FROM kpi_summed AS f,
       json_each(CASE WHEN json_valid(f.s_groups) AND json_type(f.s_groups) = 'array'
                      THEN f.s_groups ELSE '[]' END) AS g
 WHERE g.type = 'text';

INSERT INTO kpi_sum (type, month, cut, key, compliance, n, minutes)
SELECT type, month, cut, key, compliance, count(*), sum(minutes)
  FROM kpi_sum_rows
 GROUP BY type, month, cut, key, compliance;

CREATE TRIGGER kpi_sum_insert AFTER INSERT ON kpi_fact
WHEN NEW.type IN ('counseling_session', 'iap_activity')
BEGIN
    INSERT INTO kpi_sum (type, month, cut, key, compliance, n, minutes)
    SELECT type, month, cut, key, compliance, 1, minutes
      FROM kpi_sum_rows WHERE type = NEW.type AND id = NEW.id
    ON CONFLICT DO UPDATE SET n = n + excluded.n, minutes = minutes + excluded.minutes;
END;

CREATE TRIGGER kpi_sum_delete BEFORE DELETE ON kpi_fact
WHEN OLD.type IN ('counseling_session', 'iap_activity')
BEGIN
    INSERT INTO kpi_sum (type, month, cut, key, compliance, n, minutes)
    SELECT type, month, cut, key, compliance, -1, -minutes
      FROM kpi_sum_rows WHERE type = OLD.type AND id = OLD.id
    ON CONFLICT DO UPDATE SET n = n + excluded.n, minutes = minutes + excluded.minutes;
END;

CREATE TRIGGER kpi_sum_update_old
BEFORE UPDATE OF type, month, held_by, counted, minutes, compliance, s_live, s_counselor, s_track,
                 s_sigungu, s_groups ON kpi_fact
WHEN OLD.type IN ('counseling_session', 'iap_activity')
BEGIN
    INSERT INTO kpi_sum (type, month, cut, key, compliance, n, minutes)
    SELECT type, month, cut, key, compliance, -1, -minutes
      FROM kpi_sum_rows WHERE type = OLD.type AND id = OLD.id
    ON CONFLICT DO UPDATE SET n = n + excluded.n, minutes = minutes + excluded.minutes;
END;

CREATE TRIGGER kpi_sum_update_new
AFTER UPDATE OF type, month, held_by, counted, minutes, compliance, s_live, s_counselor, s_track,
                s_sigungu, s_groups ON kpi_fact
WHEN NEW.type IN ('counseling_session', 'iap_activity')
BEGIN
    INSERT INTO kpi_sum (type, month, cut, key, compliance, n, minutes)
    SELECT type, month, cut, key, compliance, 1, minutes
      FROM kpi_sum_rows WHERE type = NEW.type AND id = NEW.id
    ON CONFLICT DO UPDATE SET n = n + excluded.n, minutes = minutes + excluded.minutes;
END;

-- The sums replace the partial indexes 0012 grouped from.
DROP INDEX kpi_session;
DROP INDEX kpi_iap;
