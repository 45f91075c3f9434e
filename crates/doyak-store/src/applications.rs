//! What matching reads: the seekers still looking for work, the open places
//! of each vacancy, and the 알선 (applications) of a seeker or a vacancy.

use crate::Store;
use crate::error::Result;
use crate::query::{decode, enum_str};
use doyak_domain::events::Application;
use doyak_domain::{Id, JobSeeker, SeekerStatus};
use std::collections::HashMap;

/// A closed case: the occupation aimed at, enrolment and first placement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClosedCase {
    pub occupation: String,
    pub enrolled_on: chrono::NaiveDate,
    pub employed_on: Option<chrono::NaiveDate>,
}

impl Store {
    /// Live seekers whose status is one of `statuses` (the `seeker_status`
    /// index), in id order.
    pub fn seekers_with_status(&self, statuses: &[SeekerStatus]) -> Result<Vec<JobSeeker>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT data FROM seeker WHERE status = ?1 AND deleted_at IS NULL ORDER BY id",
        )?;
        let mut seekers = Vec::new();
        for status in statuses {
            let rows = stmt.query_map([enum_str(status)], |r| r.get::<_, String>(0))?;
            for data in rows {
                seekers.push(decode(&data?, "seeker")?);
            }
        }
        seekers.sort_by_key(|s: &JobSeeker| s.id);
        Ok(seekers)
    }

    /// The center's closed cases (취업 or 종료) aiming at the 중분류
    /// `middle` (two digits), as the diagnosis's 비슷한 이전 참여자 reads
    /// them: the occupation aimed at (the first 희망 직종), the day of
    /// enrolment and the first placement on or after it. Cases with no
    /// 희망 직종 or no 참여일 say nothing about an occupation and are left
    /// out. Found through the `seeker_closed_goal` and `retention_seeker`
    /// indexes (migration 0008): only that 중분류's closed cases are read,
    /// not every closed record.
    pub fn closed_cases_in(&self, middle: &str) -> Result<Vec<ClosedCase>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT json_extract(s.data, '$.desired_occupations[0]') AS occupation,
                    json_extract(s.data, '$.enrolled_on') AS enrolled,
                    (SELECT min(r.placed_on) FROM retention r INDEXED BY retention_seeker
                      WHERE r.seeker_id = s.id
                        AND r.placed_on >= json_extract(s.data, '$.enrolled_on'))
               FROM seeker s INDEXED BY seeker_closed_goal
              WHERE s.status IN ('employed', 'closed') AND s.deleted_at IS NULL
                AND substr(json_extract(s.data, '$.desired_occupations[0]'), 1, 2) = ?1
              ORDER BY s.id",
        )?;
        let rows = stmt.query_map([middle], |r| {
            Ok((
                r.get::<_, Option<String>>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<String>>(2)?,
            ))
        })?;
        let mut cases = Vec::new();
        for row in rows {
            let (occupation, enrolled, placed) = row?;
            let (Some(occupation), Some(Ok(enrolled_on))) =
                (occupation, enrolled.map(|e| e.parse::<chrono::NaiveDate>()))
            else {
                continue;
            };
            cases.push(ClosedCase {
                occupation,
                enrolled_on,
                employed_on: placed.and_then(|p| p.parse().ok()),
            });
        }
        Ok(cases)
    }

    /// How many seekers each open vacancy has hired (applications whose
    /// status is 합격): what is left of its headcount is still open.
    pub fn hires_per_open_vacancy(&self) -> Result<HashMap<Id, u32>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.vacancy_id, count(*) FROM application a
               JOIN vacancy v ON v.id = a.vacancy_id
              WHERE v.status = 'open' AND v.deleted_at IS NULL AND a.deleted_at IS NULL
                AND a.status = 'hired'
              GROUP BY a.vacancy_id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        let mut hires = HashMap::new();
        for row in rows {
            let (id, n) = row?;
            if let Ok(id) = id.parse() {
                hires.insert(id, u32::try_from(n).unwrap_or(u32::MAX));
            }
        }
        Ok(hires)
    }

    /// How many 알선 each open vacancy has had: applications past 후보
    /// (the shortlist is the counselor's own and reaches no employer).
    pub fn referrals_per_open_vacancy(&self) -> Result<HashMap<Id, u32>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.vacancy_id, count(*) FROM application a
               JOIN vacancy v ON v.id = a.vacancy_id
              WHERE v.status = 'open' AND v.deleted_at IS NULL AND a.deleted_at IS NULL
                AND a.status <> 'shortlisted'
              GROUP BY a.vacancy_id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        let mut referrals = HashMap::new();
        for row in rows {
            let (id, n) = row?;
            if let Ok(id) = id.parse() {
                referrals.insert(id, u32::try_from(n).unwrap_or(u32::MAX));
            }
        }
        Ok(referrals)
    }

    /// The 알선 made to one vacancy (applications past 후보), as
    /// [`Store::referrals_per_open_vacancy`] counts them for every open one:
    /// one firm's 진단 asks only of its own.
    pub fn referrals_to(&self, vacancy_id: Id) -> Result<u32> {
        let n: i64 = self.conn.query_row(
            "SELECT count(*) FROM application
              WHERE vacancy_id = ?1 AND deleted_at IS NULL AND status <> 'shortlisted'",
            [vacancy_id.to_string()],
            |r| r.get(0),
        )?;
        Ok(u32::try_from(n).unwrap_or(u32::MAX))
    }

    /// Every live 알선 not yet at its outcome (후보 to 면접), by the
    /// `application_waiting` index.
    pub fn open_applications(&self) -> Result<Vec<Application>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT data FROM application
              WHERE deleted_at IS NULL
                AND status IN ('shortlisted', 'proposed', 'submitted', 'interview')",
        )?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.map(|d| decode(&d?, "application")).collect()
    }

    /// A seeker's applications (알선), newest first.
    pub fn applications_of_seeker(&self, seeker_id: Id) -> Result<Vec<Application>> {
        self.applications_where("seeker_id", seeker_id)
    }

    /// A vacancy's applications (알선), newest first.
    pub fn applications_of_vacancy(&self, vacancy_id: Id) -> Result<Vec<Application>> {
        self.applications_where("vacancy_id", vacancy_id)
    }

    fn applications_where(&self, column: &'static str, id: Id) -> Result<Vec<Application>> {
        // `column` is one of two literals above, never input.
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT data FROM application WHERE {column} = ?1 AND deleted_at IS NULL"
        ))?;
        let rows = stmt.query_map([id.to_string()], |r| r.get::<_, String>(0))?;
        let mut applications = rows
            .map(|d| decode(&d?, "application"))
            .collect::<Result<Vec<Application>>>()?;
        applications.sort_by_key(|a| std::cmp::Reverse((a.applied_on, a.id)));
        Ok(applications)
    }
}
