//! The IAP 초안 (개인별 취업활동계획 draft) drafted from a diagnosis: a goal
//! occupation and monthly activities with due months, for the counselor to
//! edit before anything is saved. Every activity says why it is there, from
//! the diagnosis or the questionnaire; nothing is scheduled that the
//! diagnosis did not point to.
//!
//! The rules, in the order the activities come:
//! 1. Month 1: a 상담 to go through the diagnosis and agree the goal.
//! 2. Month 1: each barrier the questionnaire found becomes a 기관연계 to
//!    the partner type its table names (or a 상담 where the table says the
//!    answer is not a referral), and each readiness scale scored 낮음 a
//!    상담 on it.
//! 3. The certificates and courses that meet the goal's units not yet met,
//!    in the diagnosis' order (gain per week), at most [`MAX_STEPS`], one
//!    after another: each is due in the month its usual weeks run out
//!    (weeks ÷ 4, rounded up, counted from month 1). One whose weeks are
//!    unknown is due a month after the one before and says 기간 확인 필요.
//!    One that would end after month [`MAX_MONTHS`] is left out and named
//!    in the draft's notes.
//! 4. 구직활동 in every month to the last step's month, and to month
//!    [`MIN_MONTHS`] at least, with the local demand for the goal when
//!    vacancies were given. It starts in month 1 when every 필수 unit of
//!    the goal is met (the steps then only add to a fit that already
//!    qualifies), else in the month the first step is due (searching goes
//!    on while the rest is obtained).

use crate::UnitStatus;
use crate::diagnose::{Diagnosis, OccupationFit, RecommendationKind};
use crate::readiness::ReadinessResult;
use serde::{Deserialize, Serialize};

/// The most certificates and courses one draft schedules.
pub const MAX_STEPS: usize = 3;
/// A draft covers at least this many months.
pub const MIN_MONTHS: u32 = 3;
/// …and at most this many (the package's consulting stage).
pub const MAX_MONTHS: u32 = 6;

/// What an activity is, in the IAP's terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanKind {
    JobSearch,
    Training,
    Certificate,
    Counseling,
    Referral,
}

/// One drafted activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlannedActivity {
    /// 1 = the plan's first month.
    pub month: u32,
    pub kind: PlanKind,
    pub description_ko: String,
    /// Why the draft put it there.
    pub why_ko: String,
    /// For a referral: the partner-institution type (`partners.csv`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner_type: Option<String>,
}

/// An IAP draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanDraft {
    pub goal: String,
    pub goal_name_ko: String,
    /// Why this goal: its fit and rank in the diagnosis.
    pub goal_reason_ko: String,
    /// By month, then in the order of the rules above.
    pub activities: Vec<PlannedActivity>,
    /// How many months the draft covers.
    pub months: u32,
    /// What the draft left out and why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes_ko: Vec<String>,
}

/// Why a draft cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("목표 직종({0})이 진단 결과에 없습니다. 진단 목록에서 골라 주세요.")]
    GoalNotDiagnosed(String),
}

fn weeks_to_months(weeks: u32) -> u32 {
    weeks.div_ceil(4).max(1)
}

/// Drafts a plan toward `goal`, one of the diagnosis' occupations.
pub fn draft_plan(
    diagnosis: &Diagnosis,
    goal: &str,
    readiness: Option<&ReadinessResult>,
) -> Result<PlanDraft, PlanError> {
    let (rank, fit) = diagnosis
        .occupations
        .iter()
        .enumerate()
        .find(|(_, o)| o.code == goal)
        .ok_or_else(|| PlanError::GoalNotDiagnosed(goal.to_owned()))?;
    let mut activities = vec![PlannedActivity {
        month: 1,
        kind: PlanKind::Counseling,
        description_ko: format!(
            "진단 결과 설명, 목표 직종({}) 합의와 계획 확정",
            fit.name_ko
        ),
        why_ko: "계획은 구직자와 합의해 확정합니다.".into(),
        partner_type: None,
    }];
    if let Some(r) = readiness {
        activities.extend(barrier_steps(r));
    }
    let (steps, notes_ko) = gap_steps(diagnosis, fit);
    let first = steps.first().map_or(1, |s| s.month);
    let last = steps.last().map_or(1, |s| s.month);
    activities.extend(steps);
    let months = last.clamp(MIN_MONTHS, MAX_MONTHS);
    let required_open = fit
        .units
        .iter()
        .any(|u| u.required && u.status != UnitStatus::Met);
    let search_from = if required_open { first } else { 1 };
    let demand = fit.demand.as_ref().map(|d| {
        if d.vacancies == 0 && d.coarser > 0 {
            format!(
                "이 직업으로 적힌 관내 구인은 없고, 더 넓은 직종으로만 적힌 구인 {}건 가운데 맞는 자리를 찾습니다.",
                d.coarser
            )
        } else if d.vacancies == 0 {
            "관내 모집 중인 구인 없음: 인근 지역·유사 직종도 함께 찾습니다.".to_owned()
        } else {
            format!(
                "관내 모집 중인 구인 {}건·남은 자리 {}명{}",
                d.vacancies,
                d.places,
                d.median_wage_monthly
                    .map(|w| format!(", 제시 임금 중앙값 월 {}만원", w / 10_000))
                    .unwrap_or_default()
            )
        }
    });
    for month in search_from..=months {
        activities.push(PlannedActivity {
            month,
            kind: PlanKind::JobSearch,
            description_ko: format!("{} 구인 탐색·입사지원", fit.name_ko),
            why_ko: demand
                .clone()
                .unwrap_or_else(|| "목표 직종의 구인에 지원합니다.".into()),
            partner_type: None,
        });
    }
    activities.sort_by_key(|a| a.month);
    Ok(PlanDraft {
        goal: fit.code.clone(),
        goal_name_ko: fit.name_ko.clone(),
        goal_reason_ko: format!("진단 적합도 {:.0}점 ({}위)", fit.fit, rank + 1),
        activities,
        months,
        notes_ko,
    })
}

/// Month-1 activities from the questionnaire: referrals for barriers, a
/// 상담 for each low readiness scale.
fn barrier_steps(r: &ReadinessResult) -> Vec<PlannedActivity> {
    let mut steps = Vec::new();
    for barrier in &r.barriers {
        for referral in &barrier.referrals {
            let (kind, description_ko) = match &referral.partner_type {
                Some(_) => (
                    PlanKind::Referral,
                    format!("{} 연계 ({})", referral.name_ko, barrier.name_ko),
                ),
                None => (
                    PlanKind::Counseling,
                    format!("{} 상담 ({})", barrier.name_ko, referral.name_ko),
                ),
            };
            steps.push(PlannedActivity {
                month: 1,
                kind,
                description_ko,
                why_ko: format!(
                    "문진 '{}': {} → {}",
                    barrier.name_ko,
                    barrier.because.join(" / ").trim_end_matches('.'),
                    referral.why_ko
                ),
                partner_type: referral.partner_type.clone(),
            });
        }
    }
    for scale in r.scales.iter().filter(|s| s.level_ko == "낮음") {
        steps.push(PlannedActivity {
            month: 1,
            kind: PlanKind::Counseling,
            description_ko: format!("{} 보완 상담", scale.name_ko),
            why_ko: format!("문진 {} 점수 {}점 (낮음)", scale.name_ko, scale.score),
            partner_type: None,
        });
    }
    steps
}

/// The certificates and courses that meet the goal's open units, one after
/// another, and what was left out for ending after [`MAX_MONTHS`].
fn gap_steps(diagnosis: &Diagnosis, fit: &OccupationFit) -> (Vec<PlannedActivity>, Vec<String>) {
    let open: Vec<&str> = fit
        .units
        .iter()
        .filter(|u| u.status != UnitStatus::Met)
        .map(|u| u.code.as_str())
        .collect();
    let name_of = |code: &str| {
        fit.units
            .iter()
            .find(|u| u.code == code)
            .map_or_else(|| code.to_owned(), |u| u.name_ko.clone())
    };
    let mut steps = Vec::new();
    let mut weeks_so_far = 0u32;
    let mut due = 1u32;
    let mut covered: Vec<&str> = Vec::new();
    let mut left_out = Vec::new();
    for r in &diagnosis.recommendations {
        if steps.len() == MAX_STEPS {
            break;
        }
        let closes: Vec<&str> = r
            .closes
            .iter()
            .map(String::as_str)
            .filter(|c| open.contains(c) && !covered.contains(c))
            .collect();
        if closes.is_empty() {
            continue;
        }
        let (timing, month, weeks_after) = match r.effort_weeks {
            Some(w) => (
                format!("보통 약 {w}주"),
                weeks_to_months(weeks_so_far + w),
                weeks_so_far + w,
            ),
            None => (
                "소요 기간 확인 필요: 기한을 조정하세요".to_owned(),
                due + 1,
                (due + 1) * 4,
            ),
        };
        if month > MAX_MONTHS {
            left_out.push(format!(
                "{}: {MAX_MONTHS}개월 안에 마치기 어려워 초안에서 뺐습니다 ({timing}).",
                r.name_ko
            ));
            continue;
        }
        weeks_so_far = weeks_after;
        covered.extend(&closes);
        let units: Vec<String> = closes.iter().map(|c| name_of(c)).collect();
        due = due.max(month);
        let (kind, description_ko) = match r.kind {
            RecommendationKind::Certificate => (
                PlanKind::Certificate,
                format!("{} 취득 (필기·실기 응시)", r.name_ko),
            ),
            RecommendationKind::Training => {
                (PlanKind::Training, format!("{} 과정 수강", r.name_ko))
            }
        };
        let prerequisite = if r.prerequisite_ko.is_empty() {
            String::new()
        } else {
            format!(" 응시자격: {}.", r.prerequisite_ko)
        };
        steps.push(PlannedActivity {
            month: due,
            kind,
            description_ko,
            why_ko: format!(
                "목표 직종의 능력단위 {}을(를) 충족합니다 ({timing}).{prerequisite}",
                units.join(", ")
            ),
            partner_type: None,
        });
    }
    (steps, left_out)
}
