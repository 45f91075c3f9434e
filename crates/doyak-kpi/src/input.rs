//! The facts the figures are computed from, as plain values: the use-case
//! layer reads them from the caseload and turns codes into the Korean
//! labels the cuts show. Nothing here names a person: a seeker is an
//! opaque id.

use crate::catalogue::Cut;
use chrono::NaiveDate;

/// Where a seeker falls in each cut (Korean labels; "" = unknown).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SeekerCuts {
    pub counselor: String,
    pub track: String,
    /// Every target group the seeker belongs to (a seeker counts in each).
    pub target_groups: Vec<String>,
    /// 시군구 of residence.
    pub sigungu: String,
}

/// A 3-, 6- or 12-month 고용유지 확인.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Check {
    pub months: u8,
    pub still_employed: bool,
}

/// A 취업 (the current version of the placement event).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    pub started_on: NaiveDate,
    pub wage_monthly: Option<i64>,
    /// KECO 중분류 label ("" = not recorded).
    pub occupation: String,
    /// The firm, when it is one of the caseload's companies.
    pub company: Option<String>,
    /// The recorded checks, a corrected one only as corrected.
    pub checks: Vec<Check>,
}

/// One seeker: when they joined and the first day each stage was reached.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Seeker {
    pub id: String,
    /// 참여일; a seeker without one is in no cohort.
    pub enrolled_on: Option<NaiveDate>,
    /// Still in the program now (not 취업 or 종료).
    pub active: bool,
    pub cuts: SeekerCuts,
    pub diagnosed_on: Option<NaiveDate>,
    pub first_session_on: Option<NaiveDate>,
    /// The first 알선 (an application proposed or a referral made).
    pub first_referral_on: Option<NaiveDate>,
    pub placements: Vec<Placement>,
}

/// Which of a month's units a sum the store keeps covers: all of them, or
/// those in one row of one cut (a counselor, a track, a 시군구, a target
/// group; `key` the row's Korean label). The store keeps both, so each
/// unit is in its month's sum once and in one row of each cut it falls
/// under: the total is the months' sums, a cut's rows are its own. The
/// store tells rows apart by code: two codes under one label would count a
/// unit twice in that row (the desk's codes have a label each).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slice {
    Month,
    Row { cut: Cut, key: String },
}

/// A sum of the counseling sessions of one month (a [`Slice`] of them),
/// each counted for the counselor who held it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sessions {
    /// The first day of the month.
    pub month: NaiveDate,
    pub slice: Slice,
    pub sessions: u32,
    pub minutes: u64,
}

/// A referral to a partner organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Referral {
    /// The seeker referred (for the list behind a figure).
    pub seeker_id: String,
    pub on: NaiveDate,
    /// The partner's type (Korean label).
    pub partner_type: String,
    /// Where it stands or ended (의뢰, 완료, 거절…).
    pub outcome: String,
    pub seeker: SeekerCuts,
}

/// The 이행 점검 of the IAP activities of one month (a [`Slice`] of them,
/// counted for the seeker's counselor): how many were checked and how
/// many of them were done as planned (이행) rather than partly or missed
/// (a cancelled activity is no check: left out).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IapChecks {
    /// The first day of the activities' month.
    pub month: NaiveDate,
    pub slice: Slice,
    pub checked: u32,
    pub complied: u32,
}

/// Where a firm falls in each cut.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CompanyCuts {
    /// The center's focus industries the firm is in (a firm counts in each).
    pub focus_industries: Vec<String>,
    pub industrial_complex: String,
    pub sigungu: String,
}

/// One firm and what the center did with it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Company {
    pub id: String,
    pub cuts: CompanyCuts,
    /// Every day something was done with or for the firm (a visit, a
    /// diagnosis, an action, a vacancy opened, a hire).
    pub activity: Vec<NaiveDate>,
    pub diagnoses: Vec<NaiveDate>,
    /// Days a plan action was completed (완료).
    pub actions_done: Vec<NaiveDate>,
    /// Days a support program was linked (지원사업 연계).
    pub programs_linked: Vec<NaiveDate>,
}

/// A vacancy: when it opened and, once every place was filled through the
/// center, the day the last one was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vacancy {
    pub company: String,
    pub opened_on: NaiveDate,
    pub filled_on: Option<NaiveDate>,
}

/// Everything the figures read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Caseload {
    pub seekers: Vec<Seeker>,
    pub sessions: Vec<Sessions>,
    pub referrals: Vec<Referral>,
    pub iap_checks: Vec<IapChecks>,
    pub companies: Vec<Company>,
    pub vacancies: Vec<Vacancy>,
}
