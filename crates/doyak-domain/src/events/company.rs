//! The company side's events: 구인애로 요인 and the evidence behind them,
//! the consulting plan's actions and the facts support programs are judged
//! on. Types and checks only; the engines are in doyak-company.

use crate::Id;
use crate::validate::Validation;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// 구인애로 요인 (the national labour-demand survey's categories and the ones
/// counselors add on site).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HiringDifficulty {
    /// 구직자 기대보다 낮은 근로조건
    WorkingConditions,
    /// 구직자 기피 직종
    AvoidedOccupation,
    /// 학력·자격 요건을 갖춘 지원자 부족
    LacksQualifications,
    /// 경력 요건을 갖춘 지원자 부족
    LacksExperience,
    /// 지역·업종 대비 낮은 임금
    LowWage,
    /// 근로시간·교대제
    Hours,
    /// 통근·주거
    CommuteHousing,
    /// 복지·안전·휴게시설
    Facilities,
    /// 채용 절차·공고 품질
    RecruitingProcess,
    /// 외국인력 채용
    ForeignWorkers,
}

impl HiringDifficulty {
    pub const ALL: [HiringDifficulty; 10] = [
        HiringDifficulty::WorkingConditions,
        HiringDifficulty::AvoidedOccupation,
        HiringDifficulty::LacksQualifications,
        HiringDifficulty::LacksExperience,
        HiringDifficulty::LowWage,
        HiringDifficulty::Hours,
        HiringDifficulty::CommuteHousing,
        HiringDifficulty::Facilities,
        HiringDifficulty::RecruitingProcess,
        HiringDifficulty::ForeignWorkers,
    ];

    pub fn label_ko(self) -> &'static str {
        match self {
            HiringDifficulty::WorkingConditions => "근로조건이 구직자 기대에 못 미침",
            HiringDifficulty::AvoidedOccupation => "구직자 기피 직종",
            HiringDifficulty::LacksQualifications => "학력·자격 갖춘 지원자 부족",
            HiringDifficulty::LacksExperience => "경력 갖춘 지원자 부족",
            HiringDifficulty::LowWage => "지역·업종 대비 낮은 임금",
            HiringDifficulty::Hours => "근로시간·교대제",
            HiringDifficulty::CommuteHousing => "통근·주거",
            HiringDifficulty::Facilities => "복지·안전·휴게시설",
            HiringDifficulty::RecruitingProcess => "채용절차·공고 품질",
            HiringDifficulty::ForeignWorkers => "외국인력 채용",
        }
    }
}

/// 컨설팅 계획의 조치 메뉴: the menu centers' 기업지원종합서비스 offers
/// after a diagnosis (일·육아, 인사노무, 인프라·환경개선, 맞춤형
/// 인재양성, 홍보) with the hiring-side actions of the 도약보장 package.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CompanyActionKind {
    /// 근로조건 개선 (임금·근로시간·교대제·근로환경)
    WorkingEnvironment,
    /// 직무 재설계
    JobRedesign,
    /// 채용공고 개선
    PostingImprovement,
    /// 채용 절차
    HiringProcess,
    /// 일·육아 제도
    WorkFamily,
    /// 인사·노무관리
    HrManagement,
    /// 인프라·환경 개선 (기숙사·통근·휴게시설)
    Infrastructure,
    /// 맞춤형 인재양성
    TalentDevelopment,
    /// 채용 브랜딩·홍보
    RecruitmentBranding,
    /// 지원사업 연계
    Subsidy,
    /// 채용박람회·매칭데이
    JobFair,
}

impl CompanyActionKind {
    /// The plan's menu, in the order the page offers it.
    pub const ALL: [CompanyActionKind; 11] = [
        CompanyActionKind::WorkingEnvironment,
        CompanyActionKind::JobRedesign,
        CompanyActionKind::PostingImprovement,
        CompanyActionKind::HiringProcess,
        CompanyActionKind::WorkFamily,
        CompanyActionKind::HrManagement,
        CompanyActionKind::Infrastructure,
        CompanyActionKind::TalentDevelopment,
        CompanyActionKind::RecruitmentBranding,
        CompanyActionKind::Subsidy,
        CompanyActionKind::JobFair,
    ];

    pub fn label_ko(self) -> &'static str {
        match self {
            CompanyActionKind::WorkingEnvironment => "근로조건 개선",
            CompanyActionKind::JobRedesign => "직무 재설계",
            CompanyActionKind::PostingImprovement => "채용공고 개선",
            CompanyActionKind::HiringProcess => "채용 절차",
            CompanyActionKind::WorkFamily => "일·육아 제도",
            CompanyActionKind::HrManagement => "인사·노무관리",
            CompanyActionKind::Infrastructure => "인프라·환경 개선(기숙사·통근·휴게시설)",
            CompanyActionKind::TalentDevelopment => "맞춤형 인재양성",
            CompanyActionKind::RecruitmentBranding => "채용 브랜딩·홍보",
            CompanyActionKind::Subsidy => "지원사업 연계",
            CompanyActionKind::JobFair => "채용박람회·매칭데이",
        }
    }
}

/// Where a plan's action stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    /// 계획
    Planned,
    /// 진행 중
    InProgress,
    /// 완료
    Done,
    /// 취소
    Cancelled,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 4] = [
        ActionStatus::Planned,
        ActionStatus::InProgress,
        ActionStatus::Done,
        ActionStatus::Cancelled,
    ];

    pub fn label_ko(self) -> &'static str {
        match self {
            ActionStatus::Planned => "계획",
            ActionStatus::InProgress => "진행 중",
            ActionStatus::Done => "완료",
            ActionStatus::Cancelled => "취소",
        }
    }

    /// Still to be done: it can fall overdue.
    pub fn is_open(self) -> bool {
        matches!(self, ActionStatus::Planned | ActionStatus::InProgress)
    }
}

/// One cause's score for one vacancy (or the firm, `vacancy_id` None), as
/// the engine gave it on the day: a later engine or caseload may judge
/// differently, and the comparison of two diagnoses reads these.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CauseFinding {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vacancy_id: Option<Id>,
    /// The cause's stable code (`working_conditions`, `experience`, …).
    pub cause: String,
    /// 0–100; `None` when the data could not judge it.
    pub score: Option<u32>,
    #[serde(default)]
    pub too_strict: bool,
}

/// The site-visit questionnaire's answers, with the exact form that asked
/// them, so the result can be read again as it was asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VisitAnswers {
    pub form: String,
    pub version: u32,
    /// SHA-256 of the form's item file (hex).
    pub sha256: String,
    /// Answer by item id, as text (a count "12", 예/아니오 "1"/"0", the
    /// chosen options "wage,hours").
    pub answers: BTreeMap<String, String>,
}

/// The most causes one diagnosis keeps (5 per vacancy).
const MAX_CAUSES: usize = 5 * 200;
const MAX_ANSWERS: usize = 200;
const MAX_TEXT: usize = 500;

pub(super) fn check_diagnosis(
    v: &mut Validation,
    causes: &[CauseFinding],
    visit: Option<&VisitAnswers>,
) {
    if causes.len() > MAX_CAUSES {
        v.push(
            "causes",
            "진단 근거",
            format!("원인 점수는 {MAX_CAUSES}개까지 기록합니다."),
        );
    }
    if let Some(c) = causes.iter().find(|c| c.score.is_some_and(|s| s > 100)) {
        v.push(
            "causes",
            "진단 근거",
            format!("점수는 0~100 사이입니다 ({}).", c.cause),
        );
    }
    if let Some(visit) = visit {
        if visit.sha256.len() != 64 || !visit.sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
            v.push(
                "visit",
                "방문 문진",
                "문진표의 SHA-256은 16진수 64자리입니다.",
            );
        }
        if visit.answers.len() > MAX_ANSWERS {
            v.push(
                "visit",
                "방문 문진",
                format!("답은 {MAX_ANSWERS}개까지입니다."),
            );
        }
        if let Some((id, _)) = visit
            .answers
            .iter()
            .find(|(_, a)| a.chars().count() > MAX_TEXT)
        {
            v.push(
                "visit",
                "방문 문진",
                format!("답이 너무 깁니다 ({id}, {MAX_TEXT}자까지)."),
            );
        }
    }
}

pub(super) fn check_action(
    v: &mut Validation,
    owner: Option<&str>,
    due_on: Option<NaiveDate>,
    status: Option<ActionStatus>,
    result: Option<&str>,
) {
    if status.is_some() && due_on.is_none() {
        v.push("due_on", "기한", "계획의 조치에는 기한이 필요합니다.");
    }
    if status.is_some() && owner.is_none_or(|o| o.trim().is_empty()) {
        v.push("owner", "담당", "계획의 조치에는 담당이 필요합니다.");
    }
    if owner.is_some_and(|o| o.chars().count() > 50) {
        v.push("owner", "담당", "담당은 50자까지 적습니다.");
    }
    if status.is_some_and(|s| !s.is_open()) && result.is_none_or(|r| r.trim().is_empty()) {
        v.push(
            "result",
            "결과",
            "완료·취소한 조치에는 결과(또는 취소 사유)를 적어 주세요.",
        );
    }
    if result.is_some_and(|r| r.chars().count() > 2_000) {
        v.push("result", "결과", "결과는 2,000자까지 적습니다.");
    }
}

pub(super) fn check_facts(v: &mut Validation, facts: &BTreeMap<String, String>) {
    if facts.is_empty() {
        v.push("facts", "판단 자료", "입력한 자료가 없습니다.");
    }
    if facts.len() > MAX_ANSWERS {
        v.push(
            "facts",
            "판단 자료",
            format!("자료는 {MAX_ANSWERS}개까지입니다."),
        );
    }
    if let Some((id, _)) = facts
        .iter()
        .find(|(id, value)| id.len() > 64 || value.chars().count() > 100)
    {
        v.push("facts", "판단 자료", format!("값이 너무 깁니다 ({id})."));
    }
}
