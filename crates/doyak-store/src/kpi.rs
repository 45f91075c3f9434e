//! What 성과 reads, in plain columns (migration 0012): the writer keeps
//! `kpi_fact` (one row per version of every event a figure reads, with its
//! chain of corrections and the seeker's cuts) and `kpi_first` (each
//! seeker's first 진단 and 상담) in step with every event and seeker it
//! writes; the readers hand the use-case layer plain rows, the period's
//! sessions and IAP checks already summed by SQLite.

use crate::Store;
use crate::error::Result;
use chrono::NaiveDate;
use doyak_domain::Id;
use rusqlite::{Row, Transaction};

/// The event types a figure reads (the view `kpi_event_fields` keeps the
/// same list).
const FACT_TYPES: [&str; 8] = [
    "diagnosis",
    "counseling_session",
    "iap_activity",
    "placement",
    "retention_check",
    "company_visit",
    "hiring_diagnosis",
    "company_action",
];

/// Keeps the figure facts of a newly stored event: its row, its place in
/// its chain of corrections, the version it supersedes no longer current,
/// versions that arrived before it (a pull can reorder) joined to its
/// chain, and the seeker's first 진단·상담.
pub(crate) fn store_fact(
    tx: &Transaction<'_>,
    event_type: &str,
    id: Id,
    subject: Id,
) -> Result<()> {
    if !FACT_TYPES.contains(&event_type) {
        return Ok(());
    }
    let id = id.to_string();
    tx.prepare_cached(
        "INSERT INTO kpi_fact (type, id, subject_id, occurred_on, month, supersedes, recorded_at,
                               author_id, chain, held_by, current, counted, minutes, wage_monthly, occupation,
                               company_id, vacancy_id, months, still_employed, compliance,
                               action_kind, action_status, s_live, s_counselor, s_track, s_sigungu,
                               s_groups)
         SELECT f.type, f.id, f.subject_id, f.occurred_on, f.month, f.supersedes, f.recorded_at,
                f.author_id,
                coalesce(p.chain, f.supersedes, f.id),
                CASE WHEN p.id IS NOT NULL THEN p.held_by ELSE f.author_id END,
                NOT EXISTS (SELECT 1 FROM kpi_fact AS c INDEXED BY kpi_fact_chain
                             WHERE c.chain = f.id AND c.type = f.type),
                0,
                f.minutes, f.wage_monthly, f.occupation, f.company_id, f.vacancy_id, f.months,
                f.still_employed, f.compliance, f.action_kind, f.action_status,
                s.live, s.counselor_id, s.track, s.home_sigungu, s.target_groups
           FROM kpi_event_fields AS f
           LEFT JOIN kpi_fact AS p ON p.type = f.type AND p.id = f.supersedes
           LEFT JOIN (SELECT 1 AS live, id, counselor_id, track, home_sigungu, target_groups
                        FROM seeker INDEXED BY seeker_kpi WHERE deleted_at IS NULL) AS s
                  ON s.id = f.subject_id
          WHERE f.id = ?1",
    )?
    .execute([&id])?;
    // The version this one corrects is current no more.
    tx.prepare_cached(
        "UPDATE kpi_fact SET current = 0, counted = 0
          WHERE (type, id) = (SELECT type, supersedes FROM kpi_fact WHERE type = ?2 AND id = ?1)",
    )?
    .execute((&id, event_type))?;
    // Versions that named this one before it arrived took it for their
    // chain's first: they take its chain and first author now.
    tx.prepare_cached(
        "UPDATE kpi_fact SET (chain, held_by) = (SELECT chain, held_by FROM kpi_fact WHERE type = ?2 AND id = ?1)
          WHERE chain = ?1 AND type = ?2 AND id <> ?1",
    )?
    .execute((&id, event_type))?;
    // The chain counts once: by its current version written last.
    tx.prepare_cached(
        "UPDATE kpi_fact SET counted = (current = 1 AND id = (
                   SELECT id FROM kpi_fact AS o
                    WHERE o.type = kpi_fact.type AND o.chain = kpi_fact.chain AND o.current = 1
                    ORDER BY coalesce(o.recorded_at, '') DESC, o.id DESC LIMIT 1))
          WHERE chain = (SELECT chain FROM kpi_fact WHERE type = ?2 AND id = ?1) AND type = ?2",
    )?
    .execute((&id, event_type))?;
    if matches!(event_type, "diagnosis" | "counseling_session") {
        tx.prepare_cached(
            "INSERT OR REPLACE INTO kpi_first (subject_id, type, first_on)
             SELECT ?1, ?2, first_on
               FROM (SELECT min(occurred_on) AS first_on FROM kpi_fact INDEXED BY kpi_fact_subject
                      WHERE subject_id = ?1 AND type = ?2 AND counted = 1)
              WHERE first_on IS NOT NULL",
        )?
        .execute((subject.to_string(), event_type))?;
    }
    Ok(())
}

/// Copies the seekers' cuts (counselor, track, 시군구, target groups) onto
/// their figure facts after a write touched them; a deleted seeker's facts
/// lose them (s_live NULL) and leave the figures. Only facts whose copy
/// differs are rewritten: a new phone number rewrites nothing.
pub(crate) fn refresh_seekers(tx: &Transaction<'_>, seekers: &[Id]) -> Result<()> {
    let mut stmt = tx.prepare_cached(
        "WITH s AS (SELECT 1 AS live, counselor_id, track, home_sigungu, target_groups
                      FROM seeker INDEXED BY seeker_kpi WHERE id = ?1 AND deleted_at IS NULL)
         UPDATE kpi_fact INDEXED BY kpi_fact_subject
            SET (s_live, s_counselor, s_track, s_sigungu, s_groups) =
                (SELECT live, counselor_id, track, home_sigungu, target_groups FROM s)
          WHERE subject_id = ?1
            AND (s_live IS NOT (SELECT live FROM s)
                 OR s_counselor IS NOT (SELECT counselor_id FROM s)
                 OR s_track IS NOT (SELECT track FROM s)
                 OR s_sigungu IS NOT (SELECT home_sigungu FROM s)
                 OR s_groups IS NOT (SELECT target_groups FROM s))",
    )?;
    for id in seekers {
        stmt.execute([id.to_string()])?;
    }
    Ok(())
}

/// A live seeker as the figures read it (codes as stored).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KpiSeeker {
    pub id: String,
    pub enrolled_on: Option<NaiveDate>,
    pub status: Option<String>,
    pub track: Option<String>,
    pub counselor_id: Option<String>,
    /// The JSON array of target-group codes.
    pub target_groups: Option<String>,
    pub home_sigungu: Option<String>,
}

/// The seeker's cuts as copied onto a fact: who, track, 시군구, groups.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KpiSeekerCuts {
    pub counselor_id: Option<String>,
    pub track: Option<String>,
    pub home_sigungu: Option<String>,
    pub target_groups: Option<String>,
}

/// The sessions of one month held by one counselor with seekers of the
/// same cuts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KpiSessions {
    /// YYYY-MM.
    pub month: String,
    /// Who held them (the seekers' own counselor is not read: `seeker`'s
    /// `counselor_id` is `None`).
    pub held_by: Option<String>,
    pub seeker: KpiSeekerCuts,
    pub sessions: u32,
    pub minutes: i64,
}

/// The IAP activities of one month checked with one result, for seekers of
/// the same cuts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KpiIapChecks {
    pub month: String,
    pub seeker: KpiSeekerCuts,
    /// As stored: done, partly, missed, cancelled.
    pub compliance: String,
    pub count: u32,
}

/// A version of a placement, retention check or company event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KpiEvent {
    pub event_type: String,
    pub id: String,
    pub chain: String,
    pub subject_id: String,
    pub occurred_on: NaiveDate,
    pub recorded_at: Option<String>,
    /// The version its chain counts by (see migration 0012).
    pub counted: bool,
    pub wage_monthly: Option<i64>,
    pub occupation: Option<String>,
    pub company_id: Option<String>,
    pub vacancy_id: Option<String>,
    pub months: Option<u8>,
    pub still_employed: Option<bool>,
    pub action_kind: Option<String>,
    pub action_status: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KpiReferral {
    pub subject_id: String,
    pub referred_on: Option<NaiveDate>,
    pub partner_id: Option<String>,
    pub status: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KpiVacancy {
    pub id: String,
    pub company_id: Option<String>,
    pub opened_on: Option<NaiveDate>,
    pub headcount: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KpiCompany {
    pub id: String,
    pub sigungu: Option<String>,
    pub industrial_complex: Option<String>,
    /// The JSON array of focus-industry codes.
    pub focus_industries: Option<String>,
}

/// A stored date; anything else reads as unknown.
fn day(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<NaiveDate>> {
    Ok(r.get_ref(i)?
        .as_str_or_null()
        .ok()
        .flatten()
        .and_then(|t| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok()))
}

fn cuts(r: &Row<'_>, from: usize) -> rusqlite::Result<KpiSeekerCuts> {
    Ok(KpiSeekerCuts {
        counselor_id: r.get(from)?,
        track: r.get(from + 1)?,
        home_sigungu: r.get(from + 2)?,
        target_groups: r.get(from + 3)?,
    })
}

impl Store {
    /// Every live seeker, from the covering index (never the records).
    pub fn kpi_seekers(&self) -> Result<Vec<KpiSeeker>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, enrolled_on, status, track, counselor_id, target_groups, home_sigungu
               FROM seeker INDEXED BY seeker_kpi WHERE deleted_at IS NULL",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(KpiSeeker {
                id: r.get(0)?,
                enrolled_on: day(r, 1)?,
                status: r.get(2)?,
                track: r.get(3)?,
                counselor_id: r.get(4)?,
                target_groups: r.get(5)?,
                home_sigungu: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Each seeker's first 진단 (`diagnosis`) and first 상담
    /// (`counseling_session`): (seeker, type, day).
    pub fn kpi_firsts(&self) -> Result<Vec<(String, String, NaiveDate)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT subject_id, type, first_on FROM kpi_first")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, day(r, 2)?)))?;
        let mut out = Vec::new();
        for row in rows {
            if let (s, t, Some(d)) = row? {
                out.push((s, t, d));
            }
        }
        Ok(out)
    }

    /// Each seeker's first 알선 proposed (an application past 후보):
    /// (seeker, day).
    pub fn kpi_first_applications(&self) -> Result<Vec<(String, NaiveDate)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT seeker_id, min(applied_on) FROM application INDEXED BY application_kpi
              WHERE deleted_at IS NULL AND status <> 'shortlisted' AND seeker_id IS NOT NULL
              GROUP BY seeker_id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, day(r, 1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            if let (s, Some(d)) = row? {
                out.push((s, d));
            }
        }
        Ok(out)
    }

    /// The sessions of the months `from`..=`to` (YYYY-MM) with seekers
    /// still in the caseload, each chain of corrections once (its counted
    /// version), summed per month, counselor and seeker cuts.
    pub fn kpi_sessions(&self, from: &str, to: &str) -> Result<Vec<KpiSessions>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT month, held_by, NULL, s_track, s_sigungu, s_groups,
                    count(*), coalesce(sum(minutes), 0)
               FROM kpi_fact INDEXED BY kpi_session
              WHERE type = 'counseling_session' AND counted = 1 AND s_live = 1
                AND month BETWEEN ?1 AND ?2
              GROUP BY month, held_by, s_track, s_sigungu, s_groups",
        )?;
        let rows = stmt.query_map([from, to], |r| {
            Ok(KpiSessions {
                month: r.get(0)?,
                held_by: r.get(1)?,
                seeker: cuts(r, 2)?,
                sessions: r.get(6)?,
                minutes: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The IAP activities of the months `from`..=`to` that were checked,
    /// for seekers still in the caseload, counted per month, result and
    /// seeker cuts (each chain once, by its counted version).
    pub fn kpi_iap_checks(&self, from: &str, to: &str) -> Result<Vec<KpiIapChecks>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT month, s_counselor, s_track, s_sigungu, s_groups, compliance, count(*)
               FROM kpi_fact INDEXED BY kpi_iap
              WHERE type = 'iap_activity' AND counted = 1 AND s_live = 1
                AND month BETWEEN ?1 AND ?2 AND compliance IS NOT NULL
              GROUP BY month, s_counselor, s_track, s_sigungu, s_groups, compliance",
        )?;
        let rows = stmt.query_map([from, to], |r| {
            Ok(KpiIapChecks {
                month: r.get(0)?,
                seeker: cuts(r, 1)?,
                compliance: r.get(5)?,
                count: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every version of the placements, retention checks and company
    /// events (visits, 구인애로 진단, consulting actions): the figures read
    /// the counted ones, and an action's history to date its 완료.
    pub fn kpi_events(&self) -> Result<Vec<KpiEvent>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT type, id, chain, subject_id, occurred_on, recorded_at, counted, wage_monthly,
                    occupation, company_id, vacancy_id, months, still_employed, action_kind,
                    action_status
               FROM kpi_fact
              WHERE type IN ('placement', 'retention_check', 'company_visit', 'hiring_diagnosis',
                             'company_action')
              ORDER BY type, occurred_on, id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(KpiEvent {
                event_type: r.get(0)?,
                id: r.get(1)?,
                chain: r.get(2)?,
                subject_id: r.get(3)?,
                occurred_on: day(r, 4)?.unwrap_or_default(),
                recorded_at: r.get(5)?,
                counted: r.get(6)?,
                wage_monthly: r.get(7)?,
                occupation: r.get(8)?,
                company_id: r.get(9)?,
                vacancy_id: r.get(10)?,
                months: r.get(11)?,
                still_employed: r.get(12)?,
                action_kind: r.get(13)?,
                action_status: r.get(14)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every live referral to a partner institution.
    pub fn kpi_referrals(&self) -> Result<Vec<KpiReferral>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT subject_id, referred_on, partner_id, status
               FROM referral INDEXED BY referral_kpi WHERE deleted_at IS NULL",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(KpiReferral {
                subject_id: r.get::<_, Option<String>>(0)?.unwrap_or_default(),
                referred_on: day(r, 1)?,
                partner_id: r.get(2)?,
                status: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every live vacancy.
    pub fn kpi_vacancies(&self) -> Result<Vec<KpiVacancy>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, company_id, opened_on, headcount
               FROM vacancy INDEXED BY vacancy_kpi WHERE deleted_at IS NULL",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(KpiVacancy {
                id: r.get(0)?,
                company_id: r.get(1)?,
                opened_on: day(r, 2)?,
                headcount: r.get::<_, Option<String>>(3)?.and_then(|t| t.parse().ok()),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every live company.
    pub fn kpi_companies(&self) -> Result<Vec<KpiCompany>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, sigungu, industrial_complex, focus_industries
               FROM company INDEXED BY company_kpi WHERE deleted_at IS NULL",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(KpiCompany {
                id: r.get(0)?,
                sigungu: r.get(1)?,
                industrial_complex: r.get(2)?,
                focus_industries: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
