//! 오늘 할 일: what a counselor should act on today, from the caseload alone.
//! Each list has the facts needed to act and the record to open:
//! follow-ups due (the next contact a session agreed on), retention checks
//! due (3/6/12 months after a placement), IAP activities whose month is
//! over with no 이행 점검, referrals and 알선 waiting for a result, and
//! vacancies open too long.

use crate::{AppError, Desk};
use chrono::{Months, NaiveDate};
use doyak_domain::events::Application;
use doyak_domain::{Company, Id, JobSeeker, PartnerInstitution, Vacancy};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

/// Follow-ups due within this many days are listed…
pub const FOLLOW_UP_AHEAD_DAYS: i64 = 7;
/// …and those missed by up to this many days. Older ones are counted, not
/// listed: a contact missed for months is a lost case, not today's task.
pub const FOLLOW_UP_OVERDUE_DAYS: i64 = 30;
/// Retention checks are listed from this many days before they fall due…
pub const RETENTION_AHEAD_DAYS: i64 = 14;
/// …until this many days after (a check missed longer than that is history).
pub const RETENTION_GRACE_DAYS: i64 = 90;
/// A referral without a result after this many days is listed.
pub const REFERRAL_WAIT_DAYS: i64 = 14;
/// A vacancy open this many days or more is listed.
pub const VACANCY_STALE_DAYS: i64 = 30;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DueFollowUp {
    pub seeker_id: String,
    pub seeker_name: String,
    pub last_session_on: String,
    pub next_on: String,
    /// Days past the agreed date; negative = days still to go.
    #[ts(type = "number")]
    pub overdue_days: i64,
}

/// How many rows of a 상담 예정 group one page shows; 더 보기 reads the next.
pub const FOLLOW_UP_PAGE: u32 = 20;

/// The four groups of 상담 예정, in the order a counselor works them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FollowUpGroupKind {
    /// Agreed for today.
    Today,
    /// Missed by 1 to 30 days, most recent first.
    Overdue,
    /// In the next 7 days, soonest first.
    Upcoming,
    /// Missed by more than 30 days, most recent first: people the desk may
    /// have lost touch with.
    Lost,
}

impl FollowUpGroupKind {
    const ALL: [FollowUpGroupKind; 4] = [
        FollowUpGroupKind::Today,
        FollowUpGroupKind::Overdue,
        FollowUpGroupKind::Upcoming,
        FollowUpGroupKind::Lost,
    ];

    fn key(self) -> &'static str {
        match self {
            FollowUpGroupKind::Today => "today",
            FollowUpGroupKind::Overdue => "overdue",
            FollowUpGroupKind::Upcoming => "upcoming",
            FollowUpGroupKind::Lost => "lost",
        }
    }

    fn title(self) -> &'static str {
        match self {
            FollowUpGroupKind::Today => "오늘",
            FollowUpGroupKind::Overdue => "지난 예정 (30일 이내)",
            FollowUpGroupKind::Upcoming => "다가오는 7일",
            FollowUpGroupKind::Lost => "30일 넘게 지난 예정 (연락 두절 확인)",
        }
    }

    /// The days it covers (inclusive) and whether the latest come first.
    fn range(self, today: NaiveDate) -> (NaiveDate, NaiveDate, bool) {
        let back = |d: i64| today - chrono::Days::new(d as u64);
        match self {
            FollowUpGroupKind::Today => (today, today, false),
            FollowUpGroupKind::Overdue => (back(FOLLOW_UP_OVERDUE_DAYS), back(1), true),
            FollowUpGroupKind::Upcoming => (
                today + chrono::Days::new(1),
                today + chrono::Days::new(FOLLOW_UP_AHEAD_DAYS as u64),
                false,
            ),
            FollowUpGroupKind::Lost => (
                NaiveDate::from_ymd_opt(1, 1, 1).unwrap_or(NaiveDate::MIN),
                back(FOLLOW_UP_OVERDUE_DAYS + 1),
                true,
            ),
        }
    }
}

/// One group of 상담 예정 and a page of its rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FollowUpGroup {
    /// "today", "overdue", "upcoming" or "lost": what `follow_up_page` takes.
    pub key: String,
    pub title: String,
    #[ts(type = "number")]
    pub total: u64,
    /// Rows from `offset`, at most [`FOLLOW_UP_PAGE`].
    pub items: Vec<DueFollowUp>,
    #[ts(type = "number")]
    pub offset: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DueRetention {
    pub placement_id: String,
    pub seeker_id: String,
    pub seeker_name: String,
    pub employer: String,
    pub placed_on: String,
    /// 3, 6 or 12.
    pub months: u8,
    pub due_on: String,
    #[ts(type = "number")]
    pub overdue_days: i64,
}

/// An IAP activity whose month is over with no 이행 점검 recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct OverdueIapRow {
    pub activity_id: String,
    pub seeker_id: String,
    pub seeker_name: String,
    /// The month it was due (YYYY-MM).
    pub month: String,
    pub kind_label: String,
    pub description: String,
    /// Whole months since it was due (1 = last month).
    pub months_overdue: u32,
}

/// A consulting-plan action past its due date and still open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct OverdueActionRow {
    pub action_id: String,
    pub company_id: String,
    pub company_name: String,
    pub kind_label: String,
    pub description: String,
    pub owner: String,
    pub due_on: String,
    #[ts(type = "number")]
    pub overdue_days: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct WaitingReferral {
    pub referral_id: String,
    pub subject_id: String,
    /// The seeker's or the company's name.
    pub subject_name: String,
    pub partner_name: String,
    pub purpose: String,
    pub status: String,
    pub referred_on: String,
    #[ts(type = "number")]
    pub waiting_days: i64,
}

/// An 알선 (a seeker put forward for a vacancy) still without an outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct WaitingApplication {
    pub application_id: String,
    pub seeker_id: String,
    pub seeker_name: String,
    pub vacancy_id: String,
    pub vacancy_title: String,
    pub company_name: String,
    /// 알선, 서류 제출 or 면접.
    pub status: String,
    pub applied_on: String,
    /// The day of its last recorded step (알선일 when it has none): the
    /// wait is counted from here, since a step is news from the employer.
    pub last_step_on: String,
    #[ts(type = "number")]
    pub waiting_days: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StaleVacancy {
    pub vacancy_id: String,
    pub company_id: String,
    pub company_name: String,
    pub title: String,
    pub headcount: u32,
    /// 모집인원 minus 합격 (the figure every vacancy row shows).
    pub places_left: u32,
    pub opened_on: String,
    #[ts(type = "number")]
    pub open_days: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TodayView {
    /// The day the lists were computed for (YYYY-MM-DD, Korean time).
    pub today: String,
    /// 상담 예정: today, missed (30 days), the next 7 days, and missed for
    /// longer, each with its total and first page.
    pub follow_up_groups: Vec<FollowUpGroup>,
    pub retention_checks: Vec<DueRetention>,
    /// IAP activities past their month with no 이행 점검, oldest first.
    pub overdue_iap: Vec<OverdueIapRow>,
    /// 기업 컨설팅 계획 actions past their due date, oldest first.
    pub overdue_actions: Vec<OverdueActionRow>,
    pub referrals: Vec<WaitingReferral>,
    /// 알선 without an outcome after [`REFERRAL_WAIT_DAYS`].
    pub applications: Vec<WaitingApplication>,
    pub stale_vacancies: Vec<StaleVacancy>,
    /// How many each list holds in all; the lists above show the first
    /// [`TodayLimits`] rows of each, and 더 보기 asks for more.
    pub totals: TodayTotals,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, TS)]
pub struct TodayTotals {
    pub retention_checks: u32,
    pub overdue_iap: u32,
    pub overdue_actions: u32,
    pub referrals: u32,
    pub applications: u32,
    pub stale_vacancies: u32,
}

/// How many rows of each list 오늘 할 일 shows (the page raises one by
/// [`TODAY_PAGE`] on 더 보기).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TodayLimits {
    pub retention_checks: u32,
    #[serde(default = "today_page")]
    pub overdue_iap: u32,
    #[serde(default = "today_page")]
    pub overdue_actions: u32,
    pub referrals: u32,
    pub applications: u32,
    pub stale_vacancies: u32,
}

/// The rows a list of 오늘 할 일 shows at first, and adds on 더 보기.
pub const TODAY_PAGE: u32 = 50;

impl Default for TodayLimits {
    fn default() -> Self {
        TodayLimits {
            retention_checks: TODAY_PAGE,
            overdue_iap: TODAY_PAGE,
            overdue_actions: TODAY_PAGE,
            referrals: TODAY_PAGE,
            applications: TODAY_PAGE,
            stale_vacancies: TODAY_PAGE,
        }
    }
}

fn today_page() -> u32 {
    TODAY_PAGE
}

/// A limit as a length: at least one row, at most [`TODAY_LIMIT_MAX`].
fn shown(limit: u32) -> usize {
    limit.clamp(1, TODAY_LIMIT_MAX) as usize
}

/// The most rows one list returns however far 더 보기 goes.
pub const TODAY_LIMIT_MAX: u32 = 5_000;

fn days(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

impl Desk {
    pub fn today(&self) -> Result<TodayView, AppError> {
        self.today_with(&TodayLimits::default())
    }

    /// 오늘 할 일 with `limits` rows of each list (and every list's total).
    pub fn today_with(&self, limits: &TodayLimits) -> Result<TodayView, AppError> {
        let today = self.clock.today();
        let mut totals = TodayTotals::default();
        let store = &self.store;

        let follow_up_groups = FollowUpGroupKind::ALL
            .iter()
            .map(|g| self.follow_up_group(*g, 0))
            .collect::<Result<Vec<_>, _>>()?;

        // Placements whose 3-, 6- or 12-month check can fall in the window.
        let earliest = today
            .checked_sub_months(Months::new(12))
            .and_then(|d| d.checked_sub_days(chrono::Days::new(RETENTION_GRACE_DAYS as u64)))
            .unwrap_or(today);
        let latest = today
            .checked_sub_months(Months::new(3))
            .and_then(|d| d.checked_add_days(chrono::Days::new(RETENTION_AHEAD_DAYS as u64)))
            .unwrap_or(today);
        // Work out what is due first (the store keeps each placement with the
        // checks recorded for it); look names up only for the rows shown.
        let mut due_checks = Vec::new();
        for placed in store.placements_between(earliest, latest)? {
            for months in [3u8, 6, 12] {
                let Some(due) = placed
                    .placed_on
                    .checked_add_months(Months::new(u32::from(months)))
                else {
                    continue;
                };
                let overdue = days(due, today);
                if placed.checked.contains(&months)
                    || !(-RETENTION_AHEAD_DAYS..=RETENTION_GRACE_DAYS).contains(&overdue)
                {
                    continue;
                }
                due_checks.push(DueCheck {
                    placement_id: placed.placement_id,
                    seeker_id: placed.seeker_id,
                    employer: placed.employer.clone(),
                    placed_on: placed.placed_on,
                    months,
                    due,
                    overdue,
                });
            }
        }
        due_checks.sort_by_key(|c| (c.due, c.placement_id));
        totals.retention_checks = due_checks.len() as u32;
        due_checks.truncate(shown(limits.retention_checks));
        let mut names: HashMap<Id, String> = HashMap::new();
        let mut retention_checks = Vec::with_capacity(due_checks.len());
        for c in due_checks {
            retention_checks.push(DueRetention {
                placement_id: c.placement_id.to_string(),
                seeker_id: c.seeker_id.to_string(),
                seeker_name: self.name_of_seeker(&mut names, c.seeker_id)?,
                employer: c.employer,
                placed_on: c.placed_on.to_string(),
                months: c.months,
                due_on: c.due.to_string(),
                overdue_days: c.overdue,
            });
        }

        // IAP months already over: everything due before this month.
        let this_month = today.format("%Y-%m").to_string();
        totals.overdue_iap = store.iap_overdue_count(&this_month)? as u32;
        let overdue_iap = store
            .iap_overdue(&this_month, 0, shown(limits.overdue_iap) as u32)?
            .into_iter()
            .filter_map(|o| overdue_iap_row(o, today))
            .collect();

        // Consulting-plan actions whose due date has passed.
        totals.overdue_actions = store.actions_overdue_count(today)? as u32;
        let overdue_actions = store
            .actions_overdue(today, 0, shown(limits.overdue_actions) as u32)?
            .into_iter()
            .filter_map(|o| overdue_action_row(o, today))
            .collect();

        let mut waiting: Vec<(i64, doyak_domain::Referral)> = store
            .open_referrals()?
            .into_iter()
            .map(|r| (days(r.referred_on, today), r))
            .filter(|(w, _)| *w >= REFERRAL_WAIT_DAYS)
            .collect();
        waiting.sort_by_key(|(w, r)| (std::cmp::Reverse(*w), r.id));
        totals.referrals = waiting.len() as u32;
        waiting.truncate(shown(limits.referrals));
        let mut referrals: Vec<WaitingReferral> = Vec::with_capacity(waiting.len());
        for (waiting_days, r) in waiting {
            let subject_name = match store.get::<JobSeeker>(r.subject_id)? {
                Some(s) => s.name,
                None => store
                    .get::<Company>(r.subject_id)?
                    .map(|c| c.name)
                    .unwrap_or_default(),
            };
            let partner_name = store
                .get::<PartnerInstitution>(r.partner_id)?
                .map(|p| p.name)
                .unwrap_or_default();
            referrals.push(WaitingReferral {
                referral_id: r.id.to_string(),
                subject_id: r.subject_id.to_string(),
                subject_name,
                partner_name,
                purpose: r.purpose,
                status: r.status.label_ko().to_owned(),
                referred_on: r.referred_on.to_string(),
                waiting_days,
            });
        }

        let mut companies: HashMap<Id, String> = HashMap::new();
        // Waiting since the last step: an 알선 applied long ago whose 면접
        // was yesterday is not waiting.
        let waited_by = today - chrono::Days::new(REFERRAL_WAIT_DAYS as u64);
        let mut waiting: Vec<(NaiveDate, Application)> = store
            .applications_waiting_since(waited_by)?
            .into_iter()
            .map(|(a, last)| (last, a))
            .collect();
        totals.applications = waiting.len() as u32;
        waiting.truncate(shown(limits.applications));
        let mut applications = Vec::new();
        for (last, a) in waiting {
            let vacancy: Option<Vacancy> = store.get(a.vacancy_id)?;
            let (vacancy_title, company_name) = match vacancy {
                Some(v) => {
                    let company = self.company_name(&mut companies, v.company_id)?;
                    (v.title, company)
                }
                None => Default::default(),
            };
            applications.push(WaitingApplication {
                application_id: a.id.to_string(),
                seeker_id: a.seeker_id.to_string(),
                seeker_name: self.name_of_seeker(&mut names, a.seeker_id)?,
                vacancy_id: a.vacancy_id.to_string(),
                vacancy_title,
                company_name,
                status: a.status.label_ko().to_owned(),
                applied_on: a.applied_on.to_string(),
                last_step_on: last.to_string(),
                waiting_days: days(last, today),
            });
        }

        let mut stale_vacancies = Vec::new();
        let opened_by = today - chrono::Days::new(VACANCY_STALE_DAYS as u64);
        let hires = store.hires_per_open_vacancy()?;
        let stale = store.vacancies_open_since(opened_by, u32::MAX)?;
        totals.stale_vacancies = stale.len() as u32;
        for v in stale.into_iter().take(shown(limits.stale_vacancies)) {
            let company_name = self.company_name(&mut companies, v.company_id)?;
            let places_left = crate::companies::places_left(&v, &hires);
            stale_vacancies.push(StaleVacancy {
                vacancy_id: v.id.to_string(),
                company_id: v.company_id.to_string(),
                company_name,
                title: v.title,
                headcount: v.headcount,
                places_left,
                opened_on: v.opened_on.to_string(),
                open_days: days(v.opened_on, today),
            });
        }

        Ok(TodayView {
            today: today.to_string(),
            follow_up_groups,
            retention_checks,
            overdue_iap,
            overdue_actions,
            referrals,
            applications,
            stale_vacancies,
            totals,
        })
    }

    /// A page of one 상담 예정 group (`key` as [`FollowUpGroup::key`]),
    /// from `offset`: what 더 보기 reads.
    pub fn follow_up_page(&self, key: &str, offset: u64) -> Result<FollowUpGroup, AppError> {
        let kind = FollowUpGroupKind::ALL
            .into_iter()
            .find(|g| g.key() == key)
            .ok_or(AppError::NotFound {
                what: "상담 예정 목록",
            })?;
        self.follow_up_group(kind, offset)
    }

    fn follow_up_group(
        &self,
        kind: FollowUpGroupKind,
        offset: u64,
    ) -> Result<FollowUpGroup, AppError> {
        let today = self.clock.today();
        let (from, until, latest_first) = kind.range(today);
        let offset32 = u32::try_from(offset).unwrap_or(u32::MAX);
        let items = self
            .store
            .follow_ups_page(from, until, latest_first, offset32, FOLLOW_UP_PAGE)?
            .into_iter()
            .map(|f| DueFollowUp {
                seeker_id: f.seeker.id.to_string(),
                seeker_name: f.seeker.name,
                last_session_on: f.last_session_on.to_string(),
                next_on: f.next_on.to_string(),
                overdue_days: days(f.next_on, today),
            })
            .collect();
        Ok(FollowUpGroup {
            key: kind.key().to_owned(),
            title: kind.title().to_owned(),
            total: self.store.follow_ups_between(from, until)?,
            items,
            offset,
        })
    }

    fn name_of_seeker(&self, cache: &mut HashMap<Id, String>, id: Id) -> Result<String, AppError> {
        if let Some(n) = cache.get(&id) {
            return Ok(n.clone());
        }
        let name = self
            .store
            .get::<JobSeeker>(id)?
            .map(|s| s.name)
            .unwrap_or_default();
        cache.insert(id, name.clone());
        Ok(name)
    }
}

/// A retention check found due, before its seeker's name is looked up.
struct DueCheck {
    placement_id: Id,
    seeker_id: Id,
    employer: String,
    placed_on: NaiveDate,
    months: u8,
    due: NaiveDate,
    overdue: i64,
}

/// The row of an overdue activity; `None` for an event that is not one
/// (the store lists only activities, so this does not happen).
fn overdue_iap_row(o: doyak_store::OverdueIap, today: NaiveDate) -> Option<OverdueIapRow> {
    let doyak_domain::EventBody::IapActivity {
        month,
        kind,
        description,
        ..
    } = o.activity.body
    else {
        return None;
    };
    let months_overdue = crate::iap::months_between(&month, today).unwrap_or(0);
    Some(OverdueIapRow {
        activity_id: o.activity.id.to_string(),
        seeker_id: o.seeker.id.to_string(),
        seeker_name: o.seeker.name,
        month,
        kind_label: kind.label_ko().to_owned(),
        description,
        months_overdue,
    })
}

/// The row of an overdue plan action; `None` for an event that is not one
/// (the store lists only actions, so this does not happen).
fn overdue_action_row(o: doyak_store::OverdueAction, today: NaiveDate) -> Option<OverdueActionRow> {
    let doyak_domain::EventBody::CompanyAction {
        kind,
        description,
        owner,
        due_on: Some(due_on),
        ..
    } = o.action.body
    else {
        return None;
    };
    Some(OverdueActionRow {
        action_id: o.action.id.to_string(),
        company_id: o.company.id.to_string(),
        company_name: o.company.name,
        kind_label: kind.label_ko().to_owned(),
        description,
        owner: owner.unwrap_or_default(),
        due_on: due_on.to_string(),
        overdue_days: days(due_on, today),
    })
}
