//! What 성과 reads, in plain columns (migration 0012): the writer keeps
//! `kpi_fact` (one row per version of every event a figure reads, with its
//! chain of corrections and the seeker's cuts) and `kpi_first` (each
//! seeker's first 진단 and 상담) in step with every event and seeker it
//! writes; the readers hand the use-case layer plain rows, the period's
//! sessions and IAP checks as the sums triggers keep (migration 0013).

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

/// A kept sum (migration 0013): the counted sessions or checked IAP
/// activities of one month with live seekers, all of them (`cut` "month")
/// or those in one row of one cut ("counselor", "track", "sigungu",
/// "target_group"; `key` the code as stored, "" when none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KpiSum {
    /// YYYY-MM.
    pub month: String,
    pub cut: String,
    pub key: String,
    /// An IAP check's result as stored (done, partly, missed, cancelled);
    /// "" for sessions.
    pub compliance: String,
    pub n: u32,
    /// The sessions' minutes (0 for IAP checks).
    pub minutes: i64,
}

/// A version of a placement, retention check or company event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KpiEvent {
    pub event_type: String,
    pub id: String,
    pub chain: String,
    pub subject_id: String,
    pub occurred_on: NaiveDate,
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
        .and_then(|t| iso_day(t).or_else(|| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok())))
}

/// "2026-03-05" as a date (the figures read some 200,000 of them: chrono's
/// format parser was a tenth of their reading). Anything else (a year past
/// 9999 is written "+10000-…") is left to chrono.
fn iso_day(t: &str) -> Option<NaiveDate> {
    let b = t.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        b[range].iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let year = i32::try_from(number(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)
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

    /// The sums of the sessions of the months `from`..=`to` (YYYY-MM)
    /// with seekers still in the caseload, each chain of corrections once
    /// (its counted version): per month, and per month and row of each cut.
    pub fn kpi_sessions(&self, from: &str, to: &str) -> Result<Vec<KpiSum>> {
        self.kpi_sums("counseling_session", from, to)
    }

    /// The IAP activities of the months `from`..=`to` that were checked,
    /// for seekers still in the caseload, counted per month and result, and
    /// per month, result and row of each cut (each chain once).
    pub fn kpi_iap_checks(&self, from: &str, to: &str) -> Result<Vec<KpiSum>> {
        self.kpi_sums("iap_activity", from, to)
    }

    fn kpi_sums(&self, event_type: &str, from: &str, to: &str) -> Result<Vec<KpiSum>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT month, cut, key, compliance, n, minutes FROM kpi_sum
              WHERE type = ?1 AND month BETWEEN ?2 AND ?3 AND n <> 0",
        )?;
        let rows = stmt.query_map([event_type, from, to], |r| {
            Ok(KpiSum {
                month: r.get(0)?,
                cut: r.get(1)?,
                key: r.get(2)?,
                compliance: r.get(3)?,
                n: r.get(4)?,
                minutes: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every version of the placements, retention checks and company
    /// events (visits, 구인애로 진단, consulting actions): the figures read
    /// the counted ones, and an action's history to date its 완료. In
    /// order of type, day and id.
    pub fn kpi_events(&self) -> Result<Vec<KpiEvent>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT type, id, chain, subject_id, occurred_on, counted, wage_monthly, occupation,
                    company_id, vacancy_id, months, still_employed, action_kind, action_status
               FROM kpi_fact
              WHERE type IN ('placement', 'retention_check', 'company_visit', 'hiring_diagnosis',
                             'company_action')",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(KpiEvent {
                event_type: r.get(0)?,
                id: r.get(1)?,
                chain: r.get(2)?,
                subject_id: r.get(3)?,
                occurred_on: day(r, 4)?.unwrap_or_default(),
                counted: r.get(5)?,
                wage_monthly: r.get(6)?,
                occupation: r.get(7)?,
                company_id: r.get(8)?,
                vacancy_id: r.get(9)?,
                months: r.get(10)?,
                still_employed: r.get(11)?,
                action_kind: r.get(12)?,
                action_status: r.get(13)?,
            })
        })?;
        let mut events: Vec<KpiEvent> = rows.collect::<rusqlite::Result<_>>()?;
        // Sorted here: SQLite sorted the rows with every column in tow
        // (a third of this read at 50,000 seekers).
        events.sort_unstable_by(|a, b| {
            (&a.event_type, a.occurred_on, &a.id).cmp(&(&b.event_type, b.occurred_on, &b.id))
        });
        Ok(events)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_day_reads_as_chrono_reads_it_and_nothing_else_does() {
        for good in ["2026-03-05", "2024-02-29", "0001-01-01", "9999-12-31"] {
            assert_eq!(
                iso_day(good),
                NaiveDate::parse_from_str(good, "%Y-%m-%d").ok(),
                "{good}"
            );
            assert!(iso_day(good).is_some(), "{good}");
        }
        for bad in [
            "",
            "2026-3-05",
            "2026-03-5",
            "2026/03/05",
            "2025-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-03-32",
            "20a6-03-05",
            "2026-03-05T00",
            "+026-03-05",
            "２０２６-03-05",
        ] {
            assert_eq!(iso_day(bad), None, "{bad:?} is no stored day");
        }
    }
}
