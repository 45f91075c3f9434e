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

INSERT INTO kpi_sum (type, month, cut, key, compliance, n, minutes)
WITH f AS (SELECT * FROM kpi_fact
            WHERE counted = 1 AND s_live = 1 AND month IS NOT NULL
              AND (type = 'counseling_session' OR (type = 'iap_activity' AND compliance IS NOT NULL)))
SELECT type, month, cut, key, coalesce(compliance, ''), count(*), sum(coalesce(minutes, 0))
  FROM (SELECT type, month, 'month' AS cut, '' AS key, compliance, minutes FROM f
        UNION ALL
        SELECT type, month, 'counselor',
               coalesce(CASE type WHEN 'counseling_session' THEN held_by ELSE s_counselor END, ''),
               compliance, minutes
          FROM f
        UNION ALL
        SELECT type, month, 'track', coalesce(s_track, ''), compliance, minutes FROM f
        UNION ALL
        SELECT type, month, 'sigungu', coalesce(s_sigungu, ''), compliance, minutes FROM f
        UNION ALL
        SELECT type, month, 'target_group', key, compliance, minutes
          FROM (SELECT DISTINCT f.type, f.id, f.month, g.value AS key, f.compliance, f.minutes
                  FROM f, json_each(CASE WHEN json_valid(f.s_groups) AND json_type(f.s_groups) = 'array'
                                         THEN f.s_groups ELSE '[]' END) AS g
                 WHERE g.type = 'text'))
 GROUP BY type, month, cut, key, coalesce(compliance, '');

-- The triggers add a fact's rows as the backfill above does (a test holds
-- the two to the same sums): NEW's with +1, OLD's with -1.
CREATE TRIGGER kpi_sum_insert AFTER INSERT ON kpi_fact
WHEN NEW.counted = 1 AND NEW.s_live = 1 AND NEW.month IS NOT NULL
 AND (NEW.type = 'counseling_session' OR (NEW.type = 'iap_activity' AND NEW.compliance IS NOT NULL))
BEGIN
    INSERT INTO kpi_sum (type, month, cut, key, compliance, n, minutes)
    SELECT NEW.type, NEW.month, cut, key, coalesce(NEW.compliance, ''), 1, coalesce(NEW.minutes, 0)
      FROM (SELECT 'month' AS cut, '' AS key
            UNION SELECT 'counselor', coalesce(CASE NEW.type WHEN 'counseling_session' THEN NEW.held_by ELSE NEW.s_counselor END, '')
            UNION SELECT 'track', coalesce(NEW.s_track, '')
            UNION SELECT 'sigungu', coalesce(NEW.s_sigungu, '')
            UNION SELECT 'target_group', value
                    FROM json_each(CASE WHEN json_valid(NEW.s_groups) AND json_type(NEW.s_groups) = 'array'
                                        THEN NEW.s_groups ELSE '[]' END)
                   WHERE type = 'text')
     WHERE true
    ON CONFLICT DO UPDATE SET n = n + excluded.n, minutes = minutes + excluded.minutes;
END;

CREATE TRIGGER kpi_sum_delete AFTER DELETE ON kpi_fact
WHEN OLD.counted = 1 AND OLD.s_live = 1 AND OLD.month IS NOT NULL
 AND (OLD.type = 'counseling_session' OR (OLD.type = 'iap_activity' AND OLD.compliance IS NOT NULL))
BEGIN
    INSERT INTO kpi_sum (type, month, cut, key, compliance, n, minutes)
    SELECT OLD.type, OLD.month, cut, key, coalesce(OLD.compliance, ''), -1, -coalesce(OLD.minutes, 0)
      FROM (SELECT 'month' AS cut, '' AS key
            UNION SELECT 'counselor', coalesce(CASE OLD.type WHEN 'counseling_session' THEN OLD.held_by ELSE OLD.s_counselor END, '')
            UNION SELECT 'track', coalesce(OLD.s_track, '')
            UNION SELECT 'sigungu', coalesce(OLD.s_sigungu, '')
            UNION SELECT 'target_group', value
                    FROM json_each(CASE WHEN json_valid(OLD.s_groups) AND json_type(OLD.s_groups) = 'array'
                                        THEN OLD.s_groups ELSE '[]' END)
                   WHERE type = 'text')
     WHERE true
    ON CONFLICT DO UPDATE SET n = n + excluded.n, minutes = minutes + excluded.minutes;
END;

CREATE TRIGGER kpi_sum_update
AFTER UPDATE OF type, month, held_by, counted, minutes, compliance, s_live, s_counselor, s_track,
                s_sigungu, s_groups ON kpi_fact
WHEN OLD.type IN ('counseling_session', 'iap_activity') OR NEW.type IN ('counseling_session', 'iap_activity')
BEGIN
    INSERT INTO kpi_sum (type, month, cut, key, compliance, n, minutes)
    SELECT OLD.type, OLD.month, cut, key, coalesce(OLD.compliance, ''), -1, -coalesce(OLD.minutes, 0)
      FROM (SELECT 'month' AS cut, '' AS key
            UNION SELECT 'counselor', coalesce(CASE OLD.type WHEN 'counseling_session' THEN OLD.held_by ELSE OLD.s_counselor END, '')
            UNION SELECT 'track', coalesce(OLD.s_track, '')
            UNION SELECT 'sigungu', coalesce(OLD.s_sigungu, '')
            UNION SELECT 'target_group', value
                    FROM json_each(CASE WHEN json_valid(OLD.s_groups) AND json_type(OLD.s_groups) = 'array'
                                        THEN OLD.s_groups ELSE '[]' END)
                   WHERE type = 'text')
     WHERE OLD.counted = 1 AND OLD.s_live = 1 AND OLD.month IS NOT NULL
       AND (OLD.type = 'counseling_session' OR (OLD.type = 'iap_activity' AND OLD.compliance IS NOT NULL))
    ON CONFLICT DO UPDATE SET n = n + excluded.n, minutes = minutes + excluded.minutes;
    INSERT INTO kpi_sum (type, month, cut, key, compliance, n, minutes)
    SELECT NEW.type, NEW.month, cut, key, coalesce(NEW.compliance, ''), 1, coalesce(NEW.minutes, 0)
      FROM (SELECT 'month' AS cut, '' AS key
            UNION SELECT 'counselor', coalesce(CASE NEW.type WHEN 'counseling_session' THEN NEW.held_by ELSE NEW.s_counselor END, '')
            UNION SELECT 'track', coalesce(NEW.s_track, '')
            UNION SELECT 'sigungu', coalesce(NEW.s_sigungu, '')
            UNION SELECT 'target_group', value
                    FROM json_each(CASE WHEN json_valid(NEW.s_groups) AND json_type(NEW.s_groups) = 'array'
                                        THEN NEW.s_groups ELSE '[]' END)
                   WHERE type = 'text')
     WHERE NEW.counted = 1 AND NEW.s_live = 1 AND NEW.month IS NOT NULL
       AND (NEW.type = 'counseling_session' OR (NEW.type = 'iap_activity' AND NEW.compliance IS NOT NULL))
    ON CONFLICT DO UPDATE SET n = n + excluded.n, minutes = minutes + excluded.minutes;
END;

-- The sums replace the partial indexes 0012 grouped from.
DROP INDEX kpi_session;
DROP INDEX kpi_iap;
