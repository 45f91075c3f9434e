//! What happens to a case over time. Append-only events (session notes,
//! diagnoses, IAP activities, placements, retention checks, company visits and
//! consulting) never conflict: a correction is a new event that supersedes the
//! old. Referrals and applications move through a pipeline whose status only
//! goes forward, so they are shared records with a monotonic status.

use crate::record::CheckContext;
use crate::validate::{FieldError, Validation};
use crate::{EventRecord, Id, KecoCode};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

mod company;
mod pipeline;
pub use company::{ActionStatus, CauseFinding, CompanyActionKind, HiringDifficulty, VisitAnswers};
pub use pipeline::{Application, ApplicationStatus, Referral, ReferralStatus, StepRefusal};

/// One append-only event in a seeker's or a company's file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseEvent {
    pub id: Id,
    pub center_id: Id,
    /// The seeker, company or placement the event belongs to.
    pub subject_id: Id,
    /// The counselor who wrote it (the desk's 상담사 when it was written).
    pub author_id: Option<Id>,
    pub occurred_on: NaiveDate,
    /// When it was written, by the writing desk's clock: a note about a
    /// Monday session typed on Tuesday says so. Older desks did not send it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded_at: Option<DateTime<Utc>>,
    /// The event this one corrects, if any.
    pub supersedes: Option<Id>,
    pub body: EventBody,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EventBody {
    /// 상담 기록 (about 50 minutes, 1:1).
    CounselingSession {
        minutes: u32,
        mode: ContactMode,
        content: String,
        next_step: Option<String>,
        next_on: Option<NaiveDate>,
    },
    /// 직무역량 진단·심리검사 결과.
    Diagnosis {
        instrument: DiagnosisInstrument,
        summary: String,
        /// Scale scores as reported (e.g. RIASEC letters → score).
        scores: Vec<(String, f64)>,
        recommended_occupations: Vec<KecoCode>,
        /// The questionnaire answered, when the result is Doyak's own
        /// (`doyak_readiness`): form id, version, hash and every answer, so
        /// the result can be scored again from what was asked.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        form: Option<FormAnswers>,
    },
    /// IAP 월별 활동 계획·이행. A change of plan or a 이행 점검 is a new
    /// version that supersedes the old, so the plan keeps its history.
    IapActivity {
        /// The month it is due (YYYY-MM).
        month: String,
        kind: IapActivityKind,
        description: String,
        /// 이행: kept for desks that know no `compliance` (true exactly when
        /// it is [`IapCompliance::Done`]).
        done: bool,
        /// 이행 점검: done, partly or missed; `None` until checked.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        compliance: Option<IapCompliance>,
        /// Why it was only partly done or missed (required then).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        compliance_note: Option<String>,
    },
    /// IAP 목표 직종: what the plan aims at. A change of goal is a new
    /// version that supersedes the old (개정 이력).
    IapGoal {
        occupation: KecoCode,
        /// 목표 설정 사유.
        reason: Option<String>,
        /// The diagnosis the plan was drafted from, when it was.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        diagnosis_id: Option<Id>,
    },
    /// 이력서·자기소개서 컨설팅: one version of the seeker's résumé gone
    /// through with the counselor. The file stays on the desk (never
    /// synced); the event keeps which version (number and SHA-256), the
    /// score and the rubric it was judged by, and what was taken up.
    ResumeConsulting {
        /// The résumé version (1, 2, …) on the desk that made the event.
        version: u32,
        /// SHA-256 of that version's bytes (hex).
        sha256: String,
        /// 0–100, the sum of the analysis' reasons.
        score: u32,
        /// The rubric's industry (Korean name) and the rubric version.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        industry: Option<String>,
        rubric_version: String,
        /// The vacancy it was held against, when one was.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        vacancy_id: Option<Id>,
        /// Suggestions the counselor took up with the seeker.
        accepted: Vec<ConsultingItem>,
        /// Suggestions set aside (not true of the seeker, or not now).
        rejected: Vec<ConsultingItem>,
        note: Option<String>,
    },
    /// 취업 (placement).
    Placement {
        employer: String,
        company_id: Option<Id>,
        vacancy_id: Option<Id>,
        occupation: Option<KecoCode>,
        wage_monthly: Option<i64>,
        employment: EmploymentType,
        /// 주 소정근로시간.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        weekly_hours: Option<u32>,
        /// The 알선 this placement came from, when it did.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        application_id: Option<Id>,
    },
    /// 고용유지 확인 at 3, 6 or 12 months after a placement (subject = placement event id).
    RetentionCheck {
        months: u8,
        still_employed: bool,
        note: Option<String>,
        /// How the counselor checked (전화, 대면…).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        method: Option<ContactMode>,
        /// When the seeker left the job, when they did.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        left_on: Option<NaiveDate>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        left_reason: Option<LeftReason>,
    },
    /// 알선 단계 변경 (subject = the 알선's id): the day the step happened and
    /// what the counselor noted, so the 알선 keeps its history.
    ApplicationStep {
        from: ApplicationStatus,
        to: ApplicationStatus,
        note: Option<String>,
    },
    /// 기업 방문·상담 기록.
    CompanyVisit {
        mode: ContactMode,
        industrial_complex: Option<String>,
        content: String,
    },
    /// 구인애로 진단: the factors the counselor settles on, and — when the
    /// desk diagnosed — the evidence per official 미충원 cause for each open
    /// vacancy as scored then, with the engine version that scored it and
    /// the site-visit questionnaire's answers with the form that asked them.
    HiringDiagnosis {
        factors: Vec<HiringDifficulty>,
        note: Option<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        causes: Vec<CauseFinding>,
        /// The diagnosis engine (and its data) that scored `causes`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        engine: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        visit: Option<VisitAnswers>,
    },
    /// 컨설팅 조치·지원사업 연계. With a due date it is an action of the
    /// consulting plan: a change of status or plan is a new version that
    /// supersedes the old, so the plan keeps its history.
    CompanyAction {
        kind: CompanyActionKind,
        subsidy: Option<String>,
        description: String,
        /// 담당 (who does it: the firm's contact, the counselor, a partner).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        owner: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        due_on: Option<NaiveDate>,
        /// `None` for a one-off record of what was done (older desks).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        status: Option<ActionStatus>,
        /// 후속 방문 planned.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        follow_up_on: Option<NaiveDate>,
        /// The vacancy it is for, when one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        vacancy_id: Option<Id>,
        /// What came of it (required when 완료 or 취소).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        result: Option<String>,
    },
    /// 지원사업 판단 자료: facts about the firm the counselor confirmed
    /// (상시근로자 수, 우선지원대상기업 여부, …), by fact id as the program
    /// data names them. A later event's value of a fact replaces an
    /// earlier one; an empty value clears it.
    CompanyFacts {
        facts: std::collections::BTreeMap<String, String>,
    },
    /// 개인정보 파기 (subject = the seeker): who destroyed what kinds of a
    /// person's data, when and why — never the values. Every desk and the
    /// server that receive it erase the same fields (`crate::privacy`).
    Destruction {
        reason: crate::privacy::DestructionReason,
        /// The kinds of data destroyed, for the record of the destruction.
        kinds: Vec<crate::privacy::DestroyedKind>,
    },
    /// 센터 설정 (subject = the center): a new version of one setting and
    /// the versions it replaces (`crate::center_settings`).
    CenterSetting {
        #[serde(flatten)]
        setting: crate::center_settings::CenterSetting,
        replaces: Vec<Id>,
    },
}

/// One suggestion of a résumé consulting: the engine's id for it (a rubric
/// rule's id, or the finding's: `metric.line12`) and a text that quotes no
/// line of the résumé (the file never leaves the desk; the event does).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsultingItem {
    pub rule: String,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactMode {
    /// 대면
    InPerson,
    /// 전화
    Phone,
    /// 화상
    Video,
    /// 현장 방문
    FieldVisit,
}

impl ContactMode {
    pub const ALL: [ContactMode; 4] = [
        ContactMode::InPerson,
        ContactMode::Phone,
        ContactMode::Video,
        ContactMode::FieldVisit,
    ];

    pub fn label_ko(self) -> &'static str {
        match self {
            ContactMode::InPerson => "대면",
            ContactMode::Phone => "전화",
            ContactMode::Video => "화상",
            ContactMode::FieldVisit => "현장방문",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiagnosisInstrument {
    /// 잡케어 직무역량 진단
    JobCare,
    /// 직업선호도검사 (Holland/RIASEC)
    JobPreference,
    /// 구직준비도검사
    JobReadiness,
    /// Doyak's own readiness-and-barrier questionnaire (`form` says which
    /// version).
    DoyakReadiness,
    Other,
}

/// A questionnaire's answers, with the exact form that asked them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormAnswers {
    pub form: String,
    pub version: u32,
    /// SHA-256 of the form's item file (hex).
    pub sha256: String,
    /// Answer by item id.
    pub answers: std::collections::BTreeMap<String, u8>,
}

/// IAP 이행 점검 결과.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IapCompliance {
    /// 이행
    Done,
    /// 일부 이행
    Partly,
    /// 미이행
    Missed,
    /// 취소 (계획 변경): no longer part of the plan, kept as history.
    Cancelled,
}

impl IapCompliance {
    pub const ALL: [IapCompliance; 4] = [
        IapCompliance::Done,
        IapCompliance::Partly,
        IapCompliance::Missed,
        IapCompliance::Cancelled,
    ];

    pub fn label_ko(self) -> &'static str {
        match self {
            IapCompliance::Done => "이행",
            IapCompliance::Partly => "일부 이행",
            IapCompliance::Missed => "미이행",
            IapCompliance::Cancelled => "취소(계획 변경)",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IapActivityKind {
    /// 구직활동 (입사지원·면접)
    JobSearch,
    /// 직업훈련
    Training,
    /// 자격 취득
    Certificate,
    /// 프로그램 참여 (집단상담·취업특강 등)
    Program,
    /// 개별 상담
    Counseling,
    /// 기관연계 (정신건강복지센터·신용회복위원회 등)
    Referral,
    Other,
}

/// Why a placed seeker left the job (asked at a 고용유지 확인).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeftReason {
    /// 자발적 이직 (본인 사정)
    Voluntary,
    /// 계약기간 만료
    ContractEnded,
    /// 해고·권고사직
    Dismissed,
    /// 폐업·도산
    BusinessClosed,
    /// 기타
    Other,
}

impl LeftReason {
    pub const ALL: [LeftReason; 5] = [
        LeftReason::Voluntary,
        LeftReason::ContractEnded,
        LeftReason::Dismissed,
        LeftReason::BusinessClosed,
        LeftReason::Other,
    ];

    pub fn label_ko(self) -> &'static str {
        match self {
            LeftReason::Voluntary => "자발적 이직",
            LeftReason::ContractEnded => "계약기간 만료",
            LeftReason::Dismissed => "해고·권고사직",
            LeftReason::BusinessClosed => "폐업·도산",
            LeftReason::Other => "기타",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmploymentType {
    /// 정규직
    Permanent,
    /// 계약직
    FixedTerm,
    /// 시간제
    PartTime,
    /// 창업·자영업
    SelfEmployed,
}

impl DiagnosisInstrument {
    pub fn label_ko(self) -> &'static str {
        match self {
            DiagnosisInstrument::JobCare => "잡케어 직무역량 진단",
            DiagnosisInstrument::JobPreference => "직업선호도검사",
            DiagnosisInstrument::JobReadiness => "구직준비도검사",
            DiagnosisInstrument::DoyakReadiness => "구직준비도·취업장애 문진(도약)",
            DiagnosisInstrument::Other => "기타 검사",
        }
    }
}

impl IapActivityKind {
    pub const ALL: [IapActivityKind; 7] = [
        IapActivityKind::JobSearch,
        IapActivityKind::Training,
        IapActivityKind::Certificate,
        IapActivityKind::Counseling,
        IapActivityKind::Referral,
        IapActivityKind::Program,
        IapActivityKind::Other,
    ];

    pub fn label_ko(self) -> &'static str {
        match self {
            IapActivityKind::JobSearch => "구직활동",
            IapActivityKind::Training => "직업훈련",
            IapActivityKind::Certificate => "자격 취득",
            IapActivityKind::Program => "프로그램 참여",
            IapActivityKind::Counseling => "상담",
            IapActivityKind::Referral => "기관연계",
            IapActivityKind::Other => "기타",
        }
    }
}

impl EmploymentType {
    /// The weekly hours to compare a wage with 최저임금 at, or `None` when
    /// there is no minimum to compare with: 창업·자영업, and 시간제 whose
    /// hours are not known. Other work without hours counts as 40.
    pub fn minimum_wage_hours(self, weekly_hours: Option<u32>) -> Option<u32> {
        match self {
            EmploymentType::SelfEmployed => None,
            EmploymentType::PartTime => weekly_hours,
            _ => Some(weekly_hours.unwrap_or(40)),
        }
    }

    pub const ALL: [EmploymentType; 4] = [
        EmploymentType::Permanent,
        EmploymentType::FixedTerm,
        EmploymentType::PartTime,
        EmploymentType::SelfEmployed,
    ];

    pub fn label_ko(self) -> &'static str {
        match self {
            EmploymentType::Permanent => "정규직",
            EmploymentType::FixedTerm => "계약직",
            EmploymentType::PartTime => "시간제",
            EmploymentType::SelfEmployed => "창업·자영업",
        }
    }
}

impl EventBody {
    /// The event's kind as a counselor names it.
    pub fn label_ko(&self) -> &'static str {
        match self {
            EventBody::CounselingSession { .. } => "상담",
            EventBody::Diagnosis { .. } => "진단",
            EventBody::IapActivity { .. } => "IAP 활동",
            EventBody::IapGoal { .. } => "IAP 목표",
            EventBody::ResumeConsulting { .. } => "이력서 컨설팅",
            EventBody::Placement { .. } => "취업",
            EventBody::RetentionCheck { .. } => "고용유지 확인",
            EventBody::CompanyVisit { .. } => "기업 방문",
            EventBody::HiringDiagnosis { .. } => "구인애로 진단",
            EventBody::CompanyAction { .. } => "컨설팅 조치",
            EventBody::CompanyFacts { .. } => "지원사업 판단 자료",
            EventBody::ApplicationStep { .. } => "알선 단계",
            EventBody::Destruction { .. } => "개인정보 파기",
            EventBody::CenterSetting { .. } => "센터 설정",
        }
    }
}

impl EventBody {
    pub fn type_name(&self) -> &'static str {
        match self {
            EventBody::CounselingSession { .. } => "counseling_session",
            EventBody::Diagnosis { .. } => "diagnosis",
            EventBody::IapActivity { .. } => "iap_activity",
            EventBody::IapGoal { .. } => "iap_goal",
            EventBody::ResumeConsulting { .. } => "resume_consulting",
            EventBody::Placement { .. } => "placement",
            EventBody::RetentionCheck { .. } => "retention_check",
            EventBody::CompanyVisit { .. } => "company_visit",
            EventBody::HiringDiagnosis { .. } => "hiring_diagnosis",
            EventBody::CompanyAction { .. } => "company_action",
            EventBody::CompanyFacts { .. } => "company_facts",
            EventBody::ApplicationStep { .. } => "application_step",
            EventBody::Destruction { .. } => "destruction",
            EventBody::CenterSetting { .. } => "center_setting",
        }
    }
}

impl EventRecord for CaseEvent {
    fn id(&self) -> Id {
        self.id
    }
    fn center_id(&self) -> Id {
        self.center_id
    }
    fn subject_id(&self) -> Id {
        self.subject_id
    }
    fn event_type(&self) -> &'static str {
        self.body.type_name()
    }
    fn occurred_on(&self) -> NaiveDate {
        self.occurred_on
    }
    fn supersedes(&self) -> Option<Id> {
        self.supersedes
    }
    fn follow_up(&self) -> Option<Option<NaiveDate>> {
        match &self.body {
            EventBody::CounselingSession { next_on, .. } => Some(*next_on),
            _ => None,
        }
    }
    fn placement_employer(&self) -> Option<&str> {
        match &self.body {
            EventBody::Placement { employer, .. } => Some(employer),
            _ => None,
        }
    }
    fn retention_months(&self) -> Option<u8> {
        match &self.body {
            EventBody::RetentionCheck { months, .. } => Some(*months),
            _ => None,
        }
    }

    fn action_pending(&self) -> Option<Option<NaiveDate>> {
        match &self.body {
            EventBody::CompanyAction { due_on, status, .. } => {
                Some(due_on.filter(|_| status.is_some_and(ActionStatus::is_open)))
            }
            _ => None,
        }
    }
    fn iap_pending(&self) -> Option<Option<&str>> {
        match &self.body {
            EventBody::IapActivity {
                month,
                done,
                compliance,
                ..
            } => Some((!done && compliance.is_none()).then_some(month.as_str())),
            _ => None,
        }
    }

    fn check(&self, ctx: &CheckContext<'_>) -> Vec<FieldError> {
        let mut v = Validation::default();
        match &self.body {
            EventBody::CounselingSession {
                minutes,
                content,
                next_on,
                ..
            } => {
                v.not_future("occurred_on", "상담일", Some(self.occurred_on), ctx.today);
                if *minutes == 0 || *minutes > 480 {
                    v.push(
                        "minutes",
                        "상담시간",
                        "상담시간은 1~480분 사이로 입력해 주세요.",
                    );
                }
                v.required("content", "상담내용", content);
                if let Some(next) = next_on
                    && *next < self.occurred_on
                {
                    v.push(
                        "next_on",
                        "다음 상담일",
                        "다음 상담일이 상담일보다 빠릅니다.",
                    );
                }
            }
            EventBody::IapActivity {
                month,
                description,
                done,
                compliance,
                compliance_note,
                ..
            } => {
                if !is_year_month(month) {
                    v.push(
                        "month",
                        "계획 월",
                        "계획 월은 YYYY-MM 형식으로 입력해 주세요.",
                    );
                }
                v.required("description", "활동 내용", description);
                if compliance.is_some_and(|c| (c == IapCompliance::Done) != *done) {
                    v.push(
                        "compliance",
                        "이행 점검",
                        "이행 여부와 점검 결과가 맞지 않습니다.",
                    );
                }
                let reason_given = compliance_note
                    .as_deref()
                    .is_some_and(|n| !n.trim().is_empty());
                if matches!(
                    compliance,
                    Some(IapCompliance::Partly | IapCompliance::Missed | IapCompliance::Cancelled)
                ) && !reason_given
                {
                    v.push(
                        "compliance_note",
                        "사유",
                        "일부 이행·미이행·취소는 사유를 적어 주세요.",
                    );
                }
            }
            EventBody::IapGoal { occupation, .. } => {
                // The reference data holds KECO to the 중분류; a 소분류 or
                // 세분류 goal (the diagnosis ranks 세분류) is checked by the
                // 중분류 it starts with.
                let code = occupation.as_str();
                let finer_of_known = (3..=4).contains(&code.len())
                    && code.bytes().all(|b| b.is_ascii_digit())
                    && ctx.codes.has_keco(&code[..2]);
                if !ctx.codes.has_keco(code) && !finer_of_known {
                    v.push(
                        "occupation",
                        "목표 직종",
                        format!("알 수 없는 직업분류(KECO) 코드입니다: {occupation}"),
                    );
                }
            }
            EventBody::Placement {
                employer,
                wage_monthly,
                occupation,
                weekly_hours,
                employment,
                ..
            } => {
                v.not_future("occurred_on", "취업일", Some(self.occurred_on), ctx.today);
                v.required("employer", "취업처", employer);
                v.wage("wage_monthly", "임금(월)", *wage_monthly);
                v.weekly_hours("weekly_hours", "주 근로시간", *weekly_hours);
                let hours = employment.minimum_wage_hours(*weekly_hours);
                if hours.is_some() {
                    v.minimum_wage(
                        "wage_monthly",
                        "임금(월)",
                        *wage_monthly,
                        hours,
                        self.occurred_on.year(),
                        ctx.codes,
                    );
                }
                if let Some(code) = occupation
                    && !ctx.codes.has_keco(code.as_str())
                {
                    v.push(
                        "occupation",
                        "취업직종",
                        format!("알 수 없는 직업분류(KECO) 코드입니다: {code}"),
                    );
                }
            }
            EventBody::RetentionCheck {
                months,
                still_employed,
                left_on,
                ..
            } => {
                v.not_future("occurred_on", "확인일", Some(self.occurred_on), ctx.today);
                if ![3, 6, 12].contains(months) {
                    v.push(
                        "months",
                        "확인 시점",
                        "고용유지 확인은 3·6·12개월 시점만 기록합니다.",
                    );
                }
                if *still_employed && left_on.is_some() {
                    v.push("left_on", "퇴사일", "재직 중이면 퇴사일을 비워 주세요.");
                }
                v.not_future("left_on", "퇴사일", *left_on, ctx.today);
            }
            EventBody::ApplicationStep { from, to, .. } => {
                v.not_future("occurred_on", "변경일", Some(self.occurred_on), ctx.today);
                if from == to {
                    v.push("to", "알선 단계", "바뀐 단계가 없습니다.");
                }
            }
            EventBody::CompanyVisit { content, .. } => {
                v.not_future("occurred_on", "방문일", Some(self.occurred_on), ctx.today);
                v.required("content", "방문내용", content);
            }
            EventBody::Diagnosis { summary, .. } => {
                v.not_future("occurred_on", "진단일", Some(self.occurred_on), ctx.today);
                v.required("summary", "진단 결과", summary);
            }
            EventBody::ResumeConsulting {
                version,
                sha256,
                score,
                accepted,
                rejected,
                ..
            } => {
                v.not_future("occurred_on", "컨설팅일", Some(self.occurred_on), ctx.today);
                if *version == 0 {
                    v.push("version", "이력서 판", "이력서 판 번호는 1부터입니다.");
                }
                if sha256.len() != 64 || !sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
                    v.push(
                        "sha256",
                        "이력서 판",
                        "이력서 판의 SHA-256은 16진수 64자리입니다.",
                    );
                }
                if *score > 100 {
                    v.push("score", "점수", "점수는 0~100 사이입니다.");
                }
                let mut seen = std::collections::HashSet::new();
                if let Some(twice) = accepted
                    .iter()
                    .chain(rejected)
                    .find(|i| !seen.insert(i.rule.as_str()))
                {
                    v.push(
                        "accepted",
                        "제안",
                        format!(
                            "같은 제안을 두 번(수용·보류 중복 포함) 둘 수 없습니다: {}",
                            twice.text
                        ),
                    );
                }
                if accepted.len() + rejected.len() > 200 {
                    v.push("accepted", "제안", "제안은 200개까지 기록합니다.");
                }
            }
            EventBody::HiringDiagnosis {
                factors,
                causes,
                visit,
                ..
            } => {
                if factors.is_empty() && causes.is_empty() {
                    v.push(
                        "factors",
                        "구인애로 요인",
                        "요인을 하나 이상 선택해 주세요.",
                    );
                }
                company::check_diagnosis(&mut v, causes, visit.as_ref());
            }
            EventBody::CompanyAction {
                description,
                owner,
                due_on,
                status,
                result,
                ..
            } => {
                v.required("description", "조치 내용", description);
                company::check_action(
                    &mut v,
                    owner.as_deref(),
                    *due_on,
                    *status,
                    result.as_deref(),
                );
            }
            EventBody::CompanyFacts { facts } => company::check_facts(&mut v, facts),
            EventBody::Destruction { kinds, .. } => {
                if kinds.is_empty() {
                    v.push("kinds", "파기 항목", "파기한 정보의 종류가 없습니다.");
                }
            }
            EventBody::CenterSetting { setting, .. } => {
                setting.check(&mut v);
                if self.subject_id != self.center_id {
                    v.push("subject_id", "대상", "센터 설정은 센터에 대한 기록입니다.");
                }
            }
        }
        v.errors
    }
}

/// "YYYY-MM": four ASCII digits, a hyphen, a month from 01 to 12. chrono's
/// `%Y` alone would also take a signed year, so "+026-12" passed as a month.
fn is_year_month(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 7
        && bytes[4] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || b.is_ascii_digit())
        && matches!(text[5..].parse::<u32>(), Ok(1..=12))
}
