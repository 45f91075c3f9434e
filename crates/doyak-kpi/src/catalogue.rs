//! Every figure, defined once: its stable id (the JSON's `id`, the XLSX's
//! sheet, the server's), its Korean label, how it is computed in words
//! (the desk shows it on hover; docs/kpi.md repeats it), its unit and how
//! its cells are aggregated. `docs_kpi_lists_every_figure` keeps the doc
//! and this table the same.

use serde::Serialize;

/// How a figure's value is made from the units it rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Aggregate {
    /// How many units (value = n).
    Count,
    /// The sum of the units' numbers (minutes).
    Sum,
    /// The percent of units for which the flag holds (n = the units).
    Share,
    /// The median of the units' numbers (the mean of the two middle ones
    /// when n is even).
    Median,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    People,
    Firms,
    Cases,
    Minutes,
    Percent,
    Days,
    Won,
}

impl Unit {
    pub fn label_ko(self) -> &'static str {
        match self {
            Unit::People => "명",
            Unit::Firms => "곳",
            Unit::Cases => "건",
            Unit::Minutes => "분",
            Unit::Percent => "%",
            Unit::Days => "일",
            Unit::Won => "원",
        }
    }
}

/// The ways a figure can be cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cut {
    Month,
    Counselor,
    TargetGroup,
    Track,
    Sigungu,
    FocusIndustry,
    IndustrialComplex,
    Occupation,
    PartnerType,
    Outcome,
}

impl Cut {
    pub const ALL: [Cut; 10] = [
        Cut::Month,
        Cut::Counselor,
        Cut::TargetGroup,
        Cut::Track,
        Cut::Sigungu,
        Cut::FocusIndustry,
        Cut::IndustrialComplex,
        Cut::Occupation,
        Cut::PartnerType,
        Cut::Outcome,
    ];

    pub fn label_ko(self) -> &'static str {
        match self {
            Cut::Month => "월",
            Cut::Counselor => "상담사",
            Cut::TargetGroup => "대상 집단",
            Cut::Track => "유형",
            Cut::Sigungu => "시군구",
            Cut::FocusIndustry => "특화 산업",
            Cut::IndustrialComplex => "산업단지",
            Cut::Occupation => "직종",
            Cut::PartnerType => "연계 기관 유형",
            Cut::Outcome => "결과",
        }
    }

    /// Whether each unit falls in exactly one row, so the rows add up to
    /// the total and a hidden row could be worked out by subtraction. Not
    /// so for target groups (a seeker of two counts in both, of none in
    /// no row) and focus industries (a firm likewise); every other cut
    /// keys each unit once, an unknown value being its own row.
    pub fn partitions(self) -> bool {
        !matches!(self, Cut::TargetGroup | Cut::FocusIndustry)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Cut::Month => "month",
            Cut::Counselor => "counselor",
            Cut::TargetGroup => "target_group",
            Cut::Track => "track",
            Cut::Sigungu => "sigungu",
            Cut::FocusIndustry => "focus_industry",
            Cut::IndustrialComplex => "industrial_complex",
            Cut::Occupation => "occupation",
            Cut::PartnerType => "partner_type",
            Cut::Outcome => "outcome",
        }
    }
}

/// The units a figure counts. Figures of one group count the same units,
/// or subsets of them, under the same cut keys (the stages of the cohort
/// are its seekers who reached them): published side by side with
/// different rows hidden, one would give away the other's hidden rows, so
/// [`crate::publish::publish_all`] hides the same rows of a cut in all of
/// them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// The seekers whose 참여일 is in the period (`seekers_new`) and every
    /// figure counted among them: the stages, the employment rates (those
    /// whose window has ended), the days to employment (those employed).
    Cohort,
    /// The seekers who joined by the period's end and are still in the
    /// program: most joined before the period, so not within the cohort.
    Active,
    /// The placements that started in the period, keyed by the seeker:
    /// those with a wage, and those with a 3-, 6- or 12-month check (no
    /// figure counts them all; the largest is the base).
    Placements,
    /// The referrals made in the period.
    Referrals,
    /// The sessions held in the period (`sessions` counts them,
    /// `session_minutes` adds up their minutes: the same n).
    Sessions,
    /// The IAP activities checked in the period.
    IapChecks,
    /// The firms the center worked with in the period.
    FirmsServed,
    /// The 구인애로 진단 saved in the period.
    CompanyDiagnoses,
    /// The plan actions completed in the period.
    ActionsDone,
    /// The support programs linked in the period.
    ProgramsLinked,
    /// The vacancies opened in the period.
    VacanciesOpened,
    /// The vacancies filled in the period (`days_to_fill` is over the
    /// same ones).
    VacanciesFilled,
    /// The hires at the caseload's firms that started in the period, keyed
    /// by the firm, and those of them with a 3-month check.
    CompanyHires,
}

/// One figure's definition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Definition {
    pub id: &'static str,
    /// "구직자" or "기업".
    pub side: &'static str,
    /// The units it counts, shared with the figures over the same ones.
    pub group: Group,
    pub label_ko: &'static str,
    pub definition_ko: &'static str,
    pub unit: Unit,
    pub aggregate: Aggregate,
}

const fn def(
    id: &'static str,
    side: &'static str,
    group: Group,
    label_ko: &'static str,
    unit: Unit,
    aggregate: Aggregate,
    definition_ko: &'static str,
) -> Definition {
    Definition {
        id,
        side,
        group,
        label_ko,
        definition_ko,
        unit,
        aggregate,
    }
}

const S: &str = "구직자";
const C: &str = "기업";

/// Every figure, in the order reports list them.
pub const FIGURES: &[Definition] = &[
    def(
        "seekers_new",
        S,
        Group::Cohort,
        "신규 참여자",
        Unit::People,
        Aggregate::Count,
        "참여일이 기간 안인 구직자 수. 월은 참여한 달.",
    ),
    def(
        "seekers_active",
        S,
        Group::Active,
        "참여 중",
        Unit::People,
        Aggregate::Count,
        "기간 말일까지 참여했고 지금 취업·종료가 아닌 구직자 수 (현재 상태 기준). 월은 참여한 달.",
    ),
    def(
        "stage_diagnosis",
        S,
        Group::Cohort,
        "단계: 진단",
        Unit::People,
        Aggregate::Count,
        "기간 안 신규 참여자 중 지금까지 진단 기록이 있는 사람 수.",
    ),
    def(
        "stage_counseling",
        S,
        Group::Cohort,
        "단계: 상담",
        Unit::People,
        Aggregate::Count,
        "기간 안 신규 참여자 중 지금까지 상담 기록이 있는 사람 수.",
    ),
    def(
        "stage_referral",
        S,
        Group::Cohort,
        "단계: 알선",
        Unit::People,
        Aggregate::Count,
        "기간 안 신규 참여자 중 지금까지 알선(입사지원 제안 또는 기관 연계)이 있는 사람 수.",
    ),
    def(
        "stage_employment",
        S,
        Group::Cohort,
        "단계: 취업",
        Unit::People,
        Aggregate::Count,
        "기간 안 신규 참여자 중 참여일 이후 취업 기록이 있는 사람 수.",
    ),
    def(
        "stage_aftercare",
        S,
        Group::Cohort,
        "단계: 사후관리",
        Unit::People,
        Aggregate::Count,
        "기간 안 신규 참여자 중 참여일 이후 취업의 고용유지 확인이 한 번이라도 기록된 사람 수.",
    ),
    def(
        "employment_rate_3m",
        S,
        Group::Cohort,
        "3개월 내 취업률",
        Unit::Percent,
        Aggregate::Share,
        "기간 안 신규 참여자 중 참여일부터 3개월이 이미 지난 사람(n) 가운데, 참여일부터 3개월 안에 취업(참여일 이후 첫 취업의 입사일)한 사람의 비율.",
    ),
    def(
        "employment_rate_6m",
        S,
        Group::Cohort,
        "6개월 내 취업률",
        Unit::Percent,
        Aggregate::Share,
        "기간 안 신규 참여자 중 참여일부터 6개월이 이미 지난 사람(n) 가운데, 6개월 안에 취업한 사람의 비율.",
    ),
    def(
        "days_to_employment",
        S,
        Group::Cohort,
        "취업까지 걸린 일수 (중앙값)",
        Unit::Days,
        Aggregate::Median,
        "기간 안 신규 참여자 중 참여일 이후 취업한 사람(n)의, 참여일부터 첫 취업 입사일까지 일수의 중앙값 (짝수이면 가운데 두 값의 평균).",
    ),
    def(
        "starting_wage",
        S,
        Group::Placements,
        "취업 시 월 임금 (중앙값)",
        Unit::Won,
        Aggregate::Median,
        "입사일이 기간 안이고 임금이 기록된 취업(n)의 월 임금 중앙값. 직종별로도 나눔.",
    ),
    def(
        "retention_3m",
        S,
        Group::Placements,
        "3개월 고용유지율",
        Unit::Percent,
        Aggregate::Share,
        "입사일이 기간 안인 취업 중 3개월 확인이 기록된 것(n) 가운데 재직 중인 비율.",
    ),
    def(
        "retention_6m",
        S,
        Group::Placements,
        "6개월 고용유지율",
        Unit::Percent,
        Aggregate::Share,
        "입사일이 기간 안인 취업 중 6개월 확인이 기록된 것(n) 가운데 재직 중인 비율.",
    ),
    def(
        "retention_12m",
        S,
        Group::Placements,
        "12개월 고용유지율",
        Unit::Percent,
        Aggregate::Share,
        "입사일이 기간 안인 취업 중 12개월 확인이 기록된 것(n) 가운데 재직 중인 비율.",
    ),
    def(
        "referrals",
        S,
        Group::Referrals,
        "기관 연계",
        Unit::Cases,
        Aggregate::Count,
        "의뢰일이 기간 안인 기관 연계 수. 연계 기관 유형과 현재 결과별로도 나눔.",
    ),
    def(
        "sessions",
        S,
        Group::Sessions,
        "상담 횟수",
        Unit::Cases,
        Aggregate::Count,
        "기간 안에 기록된 상담 수. 상담사는 상담을 한 사람.",
    ),
    def(
        "session_minutes",
        S,
        Group::Sessions,
        "상담 시간",
        Unit::Minutes,
        Aggregate::Sum,
        "기간 안에 기록된 상담 시간의 합(분). n은 상담 수.",
    ),
    def(
        "iap_compliance",
        S,
        Group::IapChecks,
        "IAP 이행률",
        Unit::Percent,
        Aggregate::Share,
        "활동 월이 기간 안이고 이행 점검이 기록된 IAP 활동(n, 취소된 활동은 뺌) 가운데 '이행'으로 점검된 비율.",
    ),
    def(
        "firms_served",
        C,
        Group::FirmsServed,
        "지원한 기업",
        Unit::Firms,
        Aggregate::Count,
        "기간 안에 방문·진단·컨설팅 조치·구인 등록·채용 중 하나라도 있었던 기업 수. 월은 기간 안 첫 활동의 달.",
    ),
    def(
        "company_diagnoses",
        C,
        Group::CompanyDiagnoses,
        "구인애로 진단",
        Unit::Cases,
        Aggregate::Count,
        "기간 안에 저장된 구인애로 진단 수.",
    ),
    def(
        "actions_done",
        C,
        Group::ActionsDone,
        "완료한 컨설팅 조치",
        Unit::Cases,
        Aggregate::Count,
        "기간 안에 '완료'로 바뀐 컨설팅 계획 조치 수.",
    ),
    def(
        "programs_linked",
        C,
        Group::ProgramsLinked,
        "지원사업 연계",
        Unit::Cases,
        Aggregate::Count,
        "기간 안에 기록된 지원사업 연계 조치 수.",
    ),
    def(
        "vacancies_opened",
        C,
        Group::VacanciesOpened,
        "등록한 구인",
        Unit::Cases,
        Aggregate::Count,
        "모집 시작일이 기간 안인 구인 수.",
    ),
    def(
        "vacancies_filled",
        C,
        Group::VacanciesFilled,
        "충원한 구인",
        Unit::Cases,
        Aggregate::Count,
        "센터를 통한 채용으로 모집 인원이 모두 찬 날이 기간 안인 구인 수.",
    ),
    def(
        "days_to_fill",
        C,
        Group::VacanciesFilled,
        "충원까지 걸린 일수 (중앙값)",
        Unit::Days,
        Aggregate::Median,
        "기간 안에 충원한 구인(n)의 모집 시작일부터 충원일까지 일수의 중앙값.",
    ),
    def(
        "company_hires",
        C,
        Group::CompanyHires,
        "센터 통한 기업 채용",
        Unit::People,
        Aggregate::Count,
        "입사일이 기간 안이고 사례관리 기업에 취업한 수. 기업의 특화 산업·산업단지·시군구로 나눔.",
    ),
    def(
        "company_hire_retention_3m",
        C,
        Group::CompanyHires,
        "기업 채용 3개월 유지율",
        Unit::Percent,
        Aggregate::Share,
        "위 채용 중 3개월 확인이 기록된 것(n) 가운데 재직 중인 비율.",
    ),
];

impl Definition {
    /// The figure of the same group whose units contain this one's, row by
    /// row in every cut: the stages are among the cohort's seekers, the
    /// cohort whose 6 months are over among those whose 3 are, the days to
    /// employment over the employed. Anyone reading the definitions knows
    /// it, so the rows hidden to protect a small one are chosen knowing it
    /// too ([`crate::publish::publish_all`]). `None` where no published
    /// figure contains it (the placements' wage and checks count different
    /// placements, and their whole is not a figure).
    pub fn within(&self) -> Option<&'static str> {
        match self.id {
            "stage_diagnosis" | "stage_counseling" | "stage_referral" | "stage_employment"
            | "employment_rate_3m" => Some("seekers_new"),
            "stage_aftercare" | "days_to_employment" => Some("stage_employment"),
            "employment_rate_6m" => Some("employment_rate_3m"),
            "session_minutes" => Some("sessions"),
            "days_to_fill" => Some("vacancies_filled"),
            "company_hire_retention_3m" => Some("company_hires"),
            _ => None,
        }
    }
}

/// For each of `defs`, the nearest of the others its units are within
/// ([`Definition::within`], followed up the chain past the figures not in
/// `defs`).
pub fn nesting(defs: &[&Definition]) -> Vec<Option<usize>> {
    defs.iter()
        .map(|d| {
            let mut up = d.within();
            while let Some(id) = up {
                if let Some(at) = defs.iter().position(|o| o.id == id) {
                    return Some(at);
                }
                up = definition(id).and_then(Definition::within);
            }
            None
        })
        .collect()
}

/// The definition of a figure id.
pub fn definition(id: &str) -> Option<&'static Definition> {
    FIGURES.iter().find(|d| d.id == id)
}
