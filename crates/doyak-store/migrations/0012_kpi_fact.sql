-- 0012: what 성과 (docs/kpi.md) reads, in plain columns kept by the writer,
-- so the figures of a 50,000-seeker caseload do not decrypt and parse some
-- 740,000 events and 50,000 seeker records each time (17.6 s before).
-- Derived, local, never synced: rebuilt from `event` here, kept in step by
-- the writer (write.rs `store_event`, `refresh_kpi_seekers`).

-- An event's figure fields, as the writer and this migration both read
-- them: one definition, so a backfilled row and a written one cannot differ.
CREATE VIEW kpi_event_fields AS
SELECT id,
       type,
       subject_id,
       occurred_on,
       CASE type WHEN 'iap_activity' THEN json_extract(data, '$.body.month')
                 ELSE substr(occurred_on, 1, 7) END AS month,
       supersedes,
       json_extract(data, '$.recorded_at') AS recorded_at,
       json_extract(data, '$.author_id') AS author_id,
       json_extract(data, '$.body.minutes') AS minutes,
       json_extract(data, '$.body.wage_monthly') AS wage_monthly,
       json_extract(data, '$.body.occupation') AS occupation,
       json_extract(data, '$.body.company_id') AS company_id,
       json_extract(data, '$.body.vacancy_id') AS vacancy_id,
       json_extract(data, '$.body.months') AS months,
       json_extract(data, '$.body.still_employed') AS still_employed,
       json_extract(data, '$.body.compliance') AS compliance,
       CASE type WHEN 'company_action' THEN json_extract(data, '$.body.kind') END AS action_kind,
       json_extract(data, '$.body.status') AS action_status
  FROM event
 WHERE type IN ('diagnosis', 'counseling_session', 'iap_activity', 'placement',
                'retention_check', 'company_visit', 'hiring_diagnosis', 'company_action');

-- One row per version of every event a figure reads. `chain` is the first
-- version of the corrections it belongs to (or, while that one has not
-- arrived, the version it names), `held_by` that version's author (a
-- session counts for the counselor who held it), `current` 1 while no
-- stored version supersedes it. Two desks correcting one event apart leave
-- two current versions of one chain; the figures count a chain once, by
-- the version `counted` marks: the current one written last (by the
-- writing desk's clock, then id, so every desk picks the same). The
-- seeker's cuts (s_*) are copied from the seeker row, refreshed whenever
-- the seeker is written; s_live is NULL once the seeker is deleted or for
-- an event whose subject is not a seeker.
CREATE TABLE kpi_fact (
    type           TEXT NOT NULL,
    id             TEXT NOT NULL,
    subject_id     TEXT NOT NULL,
    occurred_on    TEXT NOT NULL,
    month          TEXT,
    supersedes     TEXT,
    recorded_at    TEXT,
    author_id      TEXT,
    chain          TEXT NOT NULL,
    held_by        TEXT,
    current        INTEGER NOT NULL,
    counted        INTEGER NOT NULL,
    minutes        INTEGER,
    wage_monthly   INTEGER,
    occupation     TEXT,
    company_id     TEXT,
    vacancy_id     TEXT,
    months         INTEGER,
    still_employed INTEGER,
    compliance     TEXT,
    action_kind    TEXT,
    action_status  TEXT,
    s_live         INTEGER,
    s_counselor    TEXT,
    s_track        TEXT,
    s_sigungu      TEXT,
    s_groups       TEXT,
    PRIMARY KEY (type, id)
) STRICT, WITHOUT ROWID;

-- The seeker's columns the figures cut by and the cohort reads, copied out
-- of `data` by the writer (list_columns), as 0002 did for 알선.
ALTER TABLE seeker ADD COLUMN enrolled_on TEXT;
ALTER TABLE seeker ADD COLUMN home_sigungu TEXT;
UPDATE seeker SET enrolled_on = json_extract(data, '$.enrolled_on'),
                  home_sigungu = json_extract(data, '$.home_sigungu');
ALTER TABLE company ADD COLUMN sigungu TEXT;
ALTER TABLE company ADD COLUMN focus_industries TEXT;
UPDATE company SET sigungu = json_extract(data, '$.sigungu'),
                   focus_industries = json_extract(data, '$.focus_industries');
ALTER TABLE vacancy ADD COLUMN headcount TEXT;
UPDATE vacancy SET headcount = json_extract(data, '$.headcount');
ALTER TABLE referral ADD COLUMN referred_on TEXT;
ALTER TABLE referral ADD COLUMN partner_id TEXT;
UPDATE referral SET referred_on = json_extract(data, '$.referred_on'),
                    partner_id = json_extract(data, '$.partner_id');

-- Covering indexes: each record's row holds its whole JSON (KiBs, often
-- past one page), so the figures read these and never the rows.
CREATE INDEX seeker_kpi ON seeker (id, enrolled_on, status, track, counselor_id, target_groups, home_sigungu, deleted_at)
    WHERE deleted_at IS NULL;
CREATE INDEX company_kpi ON company (id, sigungu, industrial_complex, focus_industries, deleted_at)
    WHERE deleted_at IS NULL;
CREATE INDEX vacancy_kpi ON vacancy (id, company_id, opened_on, headcount, deleted_at)
    WHERE deleted_at IS NULL;
CREATE INDEX referral_kpi ON referral (id, subject_id, referred_on, partner_id, status, deleted_at)
    WHERE deleted_at IS NULL;
CREATE INDEX application_kpi ON application (seeker_id, status, applied_on, deleted_at)
    WHERE deleted_at IS NULL;

INSERT INTO kpi_fact (type, id, subject_id, occurred_on, month, supersedes, recorded_at,
                      author_id, chain, held_by, current, counted, minutes, wage_monthly, occupation,
                      company_id, vacancy_id, months, still_employed, compliance, action_kind,
                      action_status)
SELECT type, id, subject_id, occurred_on, month, supersedes, recorded_at,
       author_id, coalesce(supersedes, id), author_id, 1, 1, minutes, wage_monthly, occupation,
       company_id, vacancy_id, months, still_employed, compliance, action_kind, action_status
  FROM kpi_event_fields;

CREATE INDEX kpi_fact_chain ON kpi_fact (chain);
CREATE INDEX kpi_fact_subject ON kpi_fact (subject_id, type, counted, occurred_on);
CREATE INDEX kpi_fact_supersedes ON kpi_fact (type, supersedes) WHERE supersedes IS NOT NULL;

UPDATE kpi_fact SET current = 0, counted = 0
 WHERE EXISTS (SELECT 1 FROM kpi_fact AS later
                WHERE later.type = kpi_fact.type AND later.supersedes = kpi_fact.id);

-- Each correction takes its chain and first author from the version it
-- names, all the way down from the first (or from the named version, when
-- that one is not in the file: the writer does the same, and mends it when
-- the named one arrives).
UPDATE kpi_fact SET chain = walk.chain, held_by = walk.held_by
  FROM (WITH RECURSIVE walk(type, id, chain, held_by) AS (
            SELECT f.type, f.id, coalesce(f.supersedes, f.id), f.author_id
              FROM kpi_fact AS f
             WHERE f.supersedes IS NULL
                OR NOT EXISTS (SELECT 1 FROM kpi_fact AS p WHERE p.type = f.type AND p.id = f.supersedes)
            UNION ALL
            SELECT f.type, f.id, walk.chain, walk.held_by
              FROM kpi_fact AS f JOIN walk ON f.type = walk.type AND f.supersedes = walk.id)
        SELECT * FROM walk) AS walk
 WHERE kpi_fact.supersedes IS NOT NULL
   AND walk.type = kpi_fact.type AND walk.id = kpi_fact.id;

UPDATE kpi_fact SET counted = 0
 WHERE current = 1 AND chain <> id
   AND EXISTS (SELECT 1 FROM kpi_fact AS o
                WHERE o.chain = kpi_fact.chain AND o.type = kpi_fact.type AND o.current = 1
                  AND (coalesce(o.recorded_at, ''), o.id) > (coalesce(kpi_fact.recorded_at, ''), kpi_fact.id));

UPDATE kpi_fact SET (s_live, s_counselor, s_track, s_sigungu, s_groups) =
       (SELECT 1, counselor_id, track, home_sigungu, target_groups
          FROM seeker INDEXED BY seeker_kpi
         WHERE seeker.id = kpi_fact.subject_id AND seeker.deleted_at IS NULL);

-- The period's sessions and IAP checks are summed by SQLite in index order,
-- from the index alone: the columns the partial index's WHERE names are in
-- it too, or SQLite would not count it as covering and would read each row.
CREATE INDEX kpi_session ON kpi_fact (month, held_by, s_track, s_sigungu, s_groups, minutes, type, counted, s_live)
    WHERE type = 'counseling_session' AND counted = 1 AND s_live = 1;
CREATE INDEX kpi_iap ON kpi_fact (month, s_counselor, s_track, s_sigungu, s_groups, compliance, type, counted, s_live)
    WHERE type = 'iap_activity' AND counted = 1 AND s_live = 1;

-- Each seeker's first 진단 and first 상담 (counted versions), kept by the
-- writer whenever one of them is written.
CREATE TABLE kpi_first (
    subject_id TEXT NOT NULL,
    type       TEXT NOT NULL,
    first_on   TEXT NOT NULL,
    PRIMARY KEY (subject_id, type)
) STRICT, WITHOUT ROWID;
INSERT INTO kpi_first (subject_id, type, first_on)
SELECT subject_id, type, min(occurred_on) FROM kpi_fact
 WHERE type IN ('diagnosis', 'counseling_session') AND counted = 1
 GROUP BY subject_id, type;
