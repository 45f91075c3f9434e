//! The queries behind the desk's "today" list: follow-ups due, placements
//! whose retention checks fall due, referrals still open, vacancies open a
//! long time. Each reads an index, never a whole table.

use crate::Store;
use crate::error::{Result, StoreError};
use crate::query::decode;
use chrono::NaiveDate;
use doyak_domain::events::{Application, CaseEvent, Referral};
use doyak_domain::{Company, Id, JobSeeker, Vacancy};

/// A placement and the retention checks already recorded for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    pub placement_id: Id,
    pub seeker_id: Id,
    pub employer: String,
    pub placed_on: NaiveDate,
    /// Months of the checks recorded (3, 6, 12).
    pub checked: Vec<u8>,
}

/// A seeker whose agreed next contact is due.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowUp {
    pub seeker: JobSeeker,
    pub last_session_on: NaiveDate,
    pub next_on: NaiveDate,
}

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap_or_default()
}

impl Store {
    /// Seekers still in the program whose next contact falls between two
    /// days (inclusive), soonest first.
    pub fn follow_ups_due(
        &self,
        from: NaiveDate,
        until: NaiveDate,
        limit: u32,
    ) -> Result<Vec<FollowUp>> {
        self.follow_ups_page(from, until, false, 0, limit)
    }

    /// A page of the seekers still in the program whose next contact falls
    /// between two days (inclusive): soonest first, or latest first
    /// (`latest_first`, for missed contacts: yesterday's before last
    /// month's), `limit` rows after `offset`.
    pub fn follow_ups_page(
        &self,
        from: NaiveDate,
        until: NaiveDate,
        latest_first: bool,
        offset: u32,
        limit: u32,
    ) -> Result<Vec<FollowUp>> {
        // The direction is one of two fixed texts, never input.
        let (inner, outer) = if latest_first {
            (
                "f.next_on DESC, f.subject_id DESC",
                "k.next_on DESC, k.id DESC",
            )
        } else {
            ("f.next_on, f.subject_id", "k.next_on, k.id")
        };
        // The page is chosen from the indexes alone (`followup_next`,
        // `seeker_live_status`); only its rows' records are read.
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT s.data, k.last_session_on, k.next_on
               FROM (SELECT f.subject_id AS id, f.last_session_on, f.next_on
                       FROM followup f JOIN seeker s INDEXED BY seeker_live_status
                            ON s.id = f.subject_id
                      WHERE f.next_on BETWEEN ?1 AND ?2
                        AND s.deleted_at IS NULL AND s.status NOT IN ('employed', 'closed')
                      ORDER BY {inner}
                      LIMIT ?3 OFFSET ?4) k
               JOIN seeker s ON s.id = k.id
              ORDER BY {outer}"
        ))?;
        let rows = stmt.query_map((from.to_string(), until.to_string(), limit, offset), |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        rows.map(|row| {
            let (data, last, next) = row?;
            Ok(FollowUp {
                seeker: decode(&data, "seeker")?,
                last_session_on: date(&last),
                next_on: date(&next),
            })
        })
        .collect()
    }

    /// How many seekers still in the program have their next contact
    /// between two days (inclusive).
    pub fn follow_ups_between(&self, from: NaiveDate, until: NaiveDate) -> Result<u64> {
        let n: i64 = self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM followup f
                   JOIN seeker s INDEXED BY seeker_live_status ON s.id = f.subject_id
                  WHERE f.next_on BETWEEN ?1 AND ?2
                    AND s.deleted_at IS NULL AND s.status NOT IN ('employed', 'closed')",
            )?
            .query_row([from.to_string(), until.to_string()], |r| r.get(0))?;
        Ok(n as u64)
    }

    /// Placements made between two days (inclusive), oldest first.
    pub fn placements_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Placed>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT placement_id, seeker_id, employer, placed_on, done FROM retention
              WHERE placed_on BETWEEN ?1 AND ?2 ORDER BY placed_on, placement_id",
        )?;
        let rows = stmt.query_map((from.to_string(), to.to_string()), |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?;
        let corrupt = || StoreError::Corrupt {
            reason: "retention".into(),
        };
        rows.map(|row| {
            let (placement, seeker, employer, placed_on, done) = row?;
            Ok(Placed {
                placement_id: placement.parse().map_err(|_| corrupt())?,
                seeker_id: seeker.parse().map_err(|_| corrupt())?,
                employer,
                placed_on: date(&placed_on),
                checked: done.split(',').filter_map(|m| m.parse().ok()).collect(),
            })
        })
        .collect()
    }

    /// Events of one type that happened between two days (inclusive).
    pub fn events_between(
        &self,
        event_type: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<CaseEvent>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT data FROM event WHERE type = ?1 AND occurred_on BETWEEN ?2 AND ?3
              ORDER BY occurred_on, id",
        )?;
        let rows = stmt.query_map((event_type, from.to_string(), to.to_string()), |r| {
            r.get::<_, String>(0)
        })?;
        rows.map(|d| decode(&d?, "event")).collect()
    }

    /// Referrals that have not reached a result yet (의뢰, 접수, 진행중).
    pub fn open_referrals(&self) -> Result<Vec<Referral>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT data FROM referral r
              WHERE status IN ('requested', 'accepted', 'in_progress') AND deleted_at IS NULL
                AND NOT EXISTS (SELECT 1 FROM event d INDEXED BY event_subject
                                 WHERE d.subject_id = r.subject_id AND d.type = 'destruction')",
        )?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.map(|d| decode(&d?, "referral")).collect()
    }

    /// 알선 still waiting for a result (알선, 서류 제출, 면접) whose last
    /// dated step (or 알선일, before any step) is on or before `waited_by`,
    /// with that day, longest waiting first. An 알선 made long ago whose 면접
    /// was yesterday is not waiting. The last step is read from the events'
    /// `event_subject` index, not their JSON.
    pub fn applications_waiting_since(
        &self,
        waited_by: NaiveDate,
    ) -> Result<Vec<(Application, NaiveDate)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT data, last FROM (
               SELECT a.id, a.data, max(a.applied_on, coalesce(
                        (SELECT max(e.occurred_on) FROM event e INDEXED BY event_subject
                          WHERE e.subject_id = a.id AND e.type = 'application_step'),
                        a.applied_on)) AS last
                 FROM application a
                WHERE a.deleted_at IS NULL
                  AND a.status IN ('proposed', 'submitted', 'interview')
                  AND a.applied_on <= ?1
                  AND NOT EXISTS (SELECT 1 FROM event d INDEXED BY event_subject
                                   WHERE d.subject_id = a.seeker_id AND d.type = 'destruction'))
              WHERE last <= ?1
              ORDER BY last, id",
        )?;
        let rows = stmt.query_map([waited_by.to_string()], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        rows.map(|row| {
            let (data, last) = row?;
            let last = last.parse().map_err(|_| StoreError::Corrupt {
                reason: format!("application last step {last}"),
            })?;
            Ok((decode(&data, "application")?, last))
        })
        .collect()
    }

    /// Every live referral of a seeker or a company, newest first.
    pub fn referrals_of(&self, subject_id: Id) -> Result<Vec<Referral>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT data FROM referral WHERE subject_id = ?1 AND deleted_at IS NULL",
        )?;
        let rows = stmt.query_map([subject_id.to_string()], |r| r.get::<_, String>(0))?;
        let mut referrals = rows
            .map(|d| decode(&d?, "referral"))
            .collect::<Result<Vec<Referral>>>()?;
        referrals.sort_by_key(|r| std::cmp::Reverse((r.referred_on, r.id)));
        Ok(referrals)
    }

    /// Vacancies still open that were opened on or before `opened_by`,
    /// oldest first.
    pub fn vacancies_open_since(&self, opened_by: NaiveDate, limit: u32) -> Result<Vec<Vacancy>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT data FROM vacancy
              WHERE status = 'open' AND opened_on <= ?1 AND deleted_at IS NULL
              ORDER BY opened_on, id LIMIT ?2",
        )?;
        let rows = stmt.query_map((opened_by.to_string(), limit), |r| r.get::<_, String>(0))?;
        rows.map(|d| decode(&d?, "vacancy")).collect()
    }
}

/// An IAP activity past its month with no 이행 점검 recorded, and its seeker.
#[derive(Debug, Clone, PartialEq)]
pub struct OverdueIap {
    pub activity: CaseEvent,
    pub seeker: JobSeeker,
}

impl Store {
    /// A page of the IAP activities due before `month` (YYYY-MM: the first
    /// month not yet over) whose 이행 점검 is still to be recorded, of
    /// seekers still in the program: oldest month first, `limit` rows after
    /// `offset`. Read from the writer-kept `iap_pending` table.
    pub fn iap_overdue(&self, month: &str, offset: u32, limit: u32) -> Result<Vec<OverdueIap>> {
        let mut stmt = self.conn.prepare_cached(
            // Chosen from the indexes alone, then only the page's records
            // read (as for the follow-ups).
            "SELECT e.data, s.data
               FROM (SELECT p.activity_id, p.subject_id, p.month
                       FROM iap_pending p
                       JOIN seeker s INDEXED BY seeker_live_status ON s.id = p.subject_id
                      WHERE p.month < ?1
                        AND s.deleted_at IS NULL AND s.status NOT IN ('employed', 'closed')
                      ORDER BY p.month, p.subject_id, p.activity_id
                      LIMIT ?2 OFFSET ?3) k
               JOIN seeker s ON s.id = k.subject_id
               JOIN event e ON e.id = k.activity_id
              ORDER BY k.month, k.subject_id, k.activity_id",
        )?;
        let rows = stmt.query_map((month, limit, offset), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        rows.map(|row| {
            let (event, seeker) = row?;
            Ok(OverdueIap {
                activity: decode(&event, "event")?,
                seeker: decode(&seeker, "seeker")?,
            })
        })
        .collect()
    }

    /// How many IAP activities [`Store::iap_overdue`] would list in all.
    pub fn iap_overdue_count(&self, month: &str) -> Result<u64> {
        let n: i64 = self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM iap_pending p
                   JOIN seeker s INDEXED BY seeker_live_status ON s.id = p.subject_id
                  WHERE p.month < ?1
                    AND s.deleted_at IS NULL AND s.status NOT IN ('employed', 'closed')",
            )?
            .query_row([month], |r| r.get(0))?;
        Ok(n as u64)
    }
}

/// A consulting-plan action past its due date and still open, and its firm.
#[derive(Debug, Clone, PartialEq)]
pub struct OverdueAction {
    pub action: CaseEvent,
    pub company: Company,
}

impl Store {
    /// A page of the consulting-plan actions due before `today` and still
    /// open (계획 or 진행 중), of firms not deleted: oldest due date first,
    /// `limit` rows after `offset`. Read from the writer-kept
    /// `action_pending` table.
    pub fn actions_overdue(
        &self,
        today: NaiveDate,
        offset: u32,
        limit: u32,
    ) -> Result<Vec<OverdueAction>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.data, c.data
               FROM action_pending p
               JOIN company c ON c.id = p.subject_id
               JOIN event e ON e.id = p.action_id
              WHERE p.due_on < ?1 AND c.deleted_at IS NULL
              ORDER BY p.due_on, c.id, p.action_id
              LIMIT ?2 OFFSET ?3",
        )?;
        let rows = stmt.query_map((today.to_string(), limit, offset), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        rows.map(|row| {
            let (event, company) = row?;
            Ok(OverdueAction {
                action: decode(&event, "event")?,
                company: decode(&company, "company")?,
            })
        })
        .collect()
    }

    /// How many actions [`Store::actions_overdue`] would list in all.
    pub fn actions_overdue_count(&self, today: NaiveDate) -> Result<u64> {
        let n: i64 = self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM action_pending p JOIN company c ON c.id = p.subject_id
                  WHERE p.due_on < ?1 AND c.deleted_at IS NULL",
            )?
            .query_row([today.to_string()], |r| r.get(0))?;
        Ok(n as u64)
    }
}

impl Store {
    /// The 취업 recorded at a firm (by its id, not the employer's name):
    /// (placement id, day), oldest first, corrected versions left out.
    pub fn placements_at_company(&self, company: Id) -> Result<Vec<(Id, NaiveDate)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.id, e.occurred_on FROM event e INDEXED BY event_type
              WHERE e.type = 'placement'
                AND json_extract(e.data, '$.body.company_id') = ?1
                AND NOT EXISTS (SELECT 1 FROM event x INDEXED BY event_subject
                                 WHERE x.subject_id = e.subject_id AND x.supersedes = e.id)
              ORDER BY e.occurred_on, e.id",
        )?;
        let rows = stmt.query_map([company.to_string()], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        rows.map(|row| {
            let (id, on) = row?;
            Ok((
                id.parse().map_err(|_| StoreError::Corrupt {
                    reason: "placement".into(),
                })?,
                date(&on),
            ))
        })
        .collect()
    }
}
