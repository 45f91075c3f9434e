//! The company (기업) side: firms with hiring difficulties and their vacancies.

use crate::record::CheckContext;
use crate::validate::{BusinessNumber, FieldError, MAX_EXPERIENCE_YEARS, Phone, Validation};
use crate::{EntityKind, Id, KecoCode, KsicCode, SharedRecord, SigunguCode};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// 참여기업. Shared record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Company {
    pub id: Id,
    pub center_id: Id,
    pub counselor_id: Option<Id>,
    pub name: String,
    /// 사업자등록번호, check digit validated on parse.
    pub business_number: BusinessNumber,
    /// 업종 (KSIC 11차).
    pub ksic_code: KsicCode,
    pub size: CompanySize,
    /// 피보험자 수.
    pub employees: Option<u32>,
    pub sigungu: SigunguCode,
    pub address: Option<String>,
    /// 소재 산업단지 (e.g. "반월국가산업단지").
    pub industrial_complex: Option<String>,
    pub focus_industries: Vec<FocusIndustry>,
    /// 뿌리기술 codes (refdata ppuri_tech.csv).
    pub ppuri_techs: Vec<String>,
    pub contact_name: Option<String>,
    pub contact_phone: Option<Phone>,
    pub status: CompanyStatus,
    pub enrolled_on: Option<NaiveDate>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CompanySize {
    /// 5인 미만
    Micro,
    /// 5~49인
    Small,
    /// 50~299인
    Medium,
    /// 300인 이상
    Large,
}

impl CompanySize {
    pub const ALL: [CompanySize; 4] = [
        CompanySize::Micro,
        CompanySize::Small,
        CompanySize::Medium,
        CompanySize::Large,
    ];

    /// The size class for a head count of insured workers.
    pub fn from_employees(n: u32) -> CompanySize {
        match n {
            0..=4 => CompanySize::Micro,
            5..=49 => CompanySize::Small,
            50..=299 => CompanySize::Medium,
            _ => CompanySize::Large,
        }
    }

    pub fn label_ko(self) -> &'static str {
        match self {
            CompanySize::Micro => "5인 미만",
            CompanySize::Small => "5~49인",
            CompanySize::Medium => "50~299인",
            CompanySize::Large => "300인 이상",
        }
    }
}

/// 중점 관리 업종 (빈일자리 업종).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FocusIndustry {
    /// 뿌리산업
    Ppuri,
    /// 조선
    Shipbuilding,
    /// 운수·물류
    Transport,
    /// 서비스
    Service,
    /// 반도체 등 지역 특화
    Semiconductor,
}

impl FocusIndustry {
    pub const ALL: [FocusIndustry; 5] = [
        FocusIndustry::Ppuri,
        FocusIndustry::Shipbuilding,
        FocusIndustry::Transport,
        FocusIndustry::Service,
        FocusIndustry::Semiconductor,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FocusIndustry::Ppuri => "ppuri",
            FocusIndustry::Shipbuilding => "shipbuilding",
            FocusIndustry::Transport => "transport",
            FocusIndustry::Service => "service",
            FocusIndustry::Semiconductor => "semiconductor",
        }
    }

    pub fn label_ko(self) -> &'static str {
        match self {
            FocusIndustry::Ppuri => "뿌리산업",
            FocusIndustry::Shipbuilding => "조선",
            FocusIndustry::Transport => "운수·물류",
            FocusIndustry::Service => "서비스",
            FocusIndustry::Semiconductor => "반도체",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CompanyStatus {
    /// 발굴
    Found,
    /// 구인애로 진단
    Diagnosis,
    /// 컨설팅
    Consulting,
    /// 인재매칭
    Matching,
    /// 채용 완료
    Hired,
    /// 종료
    Closed,
}

impl CompanyStatus {
    pub const ALL: [CompanyStatus; 6] = [
        CompanyStatus::Found,
        CompanyStatus::Diagnosis,
        CompanyStatus::Consulting,
        CompanyStatus::Matching,
        CompanyStatus::Hired,
        CompanyStatus::Closed,
    ];

    pub fn label_ko(self) -> &'static str {
        match self {
            CompanyStatus::Found => "발굴",
            CompanyStatus::Diagnosis => "진단",
            CompanyStatus::Consulting => "컨설팅",
            CompanyStatus::Matching => "인재매칭",
            CompanyStatus::Hired => "채용완료",
            CompanyStatus::Closed => "종료",
        }
    }
}

/// 구인공고 (a vacancy a company asked the center to fill). Shared record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Vacancy {
    pub id: Id,
    pub center_id: Id,
    pub company_id: Id,
    pub title: String,
    pub occupation: KecoCode,
    /// 모집 인원.
    pub headcount: u32,
    /// 제시 월 임금 (원).
    pub wage_monthly: Option<i64>,
    /// 주 근로시간.
    pub weekly_hours: Option<u32>,
    pub shift: Shift,
    /// 기숙사 제공.
    pub housing: bool,
    /// 통근버스 운행.
    pub commute_bus: bool,
    pub required_certificates: Vec<String>,
    pub preferred_certificates: Vec<String>,
    pub skills: Vec<String>,
    /// 필요 경력 (년).
    pub min_experience_years: Option<u32>,
    /// 근무지 (defaults to the company's).
    pub sigungu: SigunguCode,
    pub opened_on: NaiveDate,
    pub closes_on: Option<NaiveDate>,
    pub status: VacancyStatus,
    pub note: Option<String>,
    /// 공고 본문: the posting as the firm words it (duties, conditions, how
    /// to apply), which 공고 점검 reads. Older desks did not send it. Always
    /// written (null when empty): a field left out of the JSON would not
    /// count as cleared when the counselor empties it.
    #[serde(default)]
    pub posting_text: Option<String>,
}

/// The longest 공고 본문 kept: a full posting is 1,000–3,000 characters.
pub const MAX_POSTING_CHARS: usize = 10_000;

/// 근무 형태.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Shift {
    /// 주간
    Day,
    /// 2교대
    TwoShift,
    /// 3교대
    ThreeShift,
    /// 야간 고정
    Night,
    /// 격일·기타 교대
    Other,
}

impl Shift {
    pub const ALL: [Shift; 5] = [
        Shift::Day,
        Shift::TwoShift,
        Shift::ThreeShift,
        Shift::Night,
        Shift::Other,
    ];

    /// Whether someone who refuses shift work can take the job.
    pub fn is_shift_work(self) -> bool {
        !matches!(self, Shift::Day)
    }

    pub fn label_ko(self) -> &'static str {
        match self {
            Shift::Day => "주간",
            Shift::TwoShift => "2교대",
            Shift::ThreeShift => "3교대",
            Shift::Night => "야간",
            Shift::Other => "기타교대",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VacancyStatus {
    /// 모집중
    Open,
    /// 충원 완료
    Filled,
    /// 마감·취소
    Closed,
}

impl VacancyStatus {
    pub const ALL: [VacancyStatus; 3] = [
        VacancyStatus::Open,
        VacancyStatus::Filled,
        VacancyStatus::Closed,
    ];

    pub fn label_ko(self) -> &'static str {
        match self {
            VacancyStatus::Open => "모집중",
            VacancyStatus::Filled => "충원완료",
            VacancyStatus::Closed => "마감",
        }
    }
}

impl SharedRecord for Company {
    const KIND: EntityKind = EntityKind::Company;

    fn id(&self) -> Id {
        self.id
    }

    fn center_id(&self) -> Id {
        self.center_id
    }

    fn search_name(&self) -> &str {
        &self.name
    }

    fn phone_fields() -> &'static [&'static str] {
        &["contact_phone"]
    }
    fn check(&self, ctx: &CheckContext<'_>) -> Vec<FieldError> {
        let mut v = Validation::default();
        v.required("name", "기업명", &self.name);
        if !ctx.codes.has_ksic(self.ksic_code.as_str()) {
            v.push(
                "ksic_code",
                "업종(KSIC)",
                format!("알 수 없는 산업분류 코드입니다: {}", self.ksic_code),
            );
        }
        if !ctx.codes.has_sigungu(self.sigungu.as_str()) {
            v.push(
                "sigungu",
                "소재지",
                format!("알 수 없는 시군구 코드입니다: {}", self.sigungu),
            );
        }
        for t in &self.ppuri_techs {
            if !ctx.codes.has_ppuri_tech(t) {
                v.push(
                    "ppuri_techs",
                    "뿌리기술",
                    format!("알 수 없는 뿌리기술 코드입니다: {t}"),
                );
            }
        }
        v.not_future("enrolled_on", "참여일", self.enrolled_on, ctx.today);
        v.errors
    }
}

impl SharedRecord for Vacancy {
    const KIND: EntityKind = EntityKind::Vacancy;

    fn id(&self) -> Id {
        self.id
    }

    fn center_id(&self) -> Id {
        self.center_id
    }

    fn search_name(&self) -> &str {
        &self.title
    }

    fn check(&self, ctx: &CheckContext<'_>) -> Vec<FieldError> {
        let mut v = Validation::default();
        v.required("title", "공고명", &self.title);
        if !ctx.codes.has_keco(self.occupation.as_str()) {
            v.push(
                "occupation",
                "모집직종",
                format!("알 수 없는 직업분류(KECO) 코드입니다: {}", self.occupation),
            );
        }
        if !ctx.codes.has_sigungu(self.sigungu.as_str()) {
            v.push(
                "sigungu",
                "근무지",
                format!("알 수 없는 시군구 코드입니다: {}", self.sigungu),
            );
        }
        if self.headcount == 0 {
            v.push("headcount", "모집인원", "모집인원은 1명 이상이어야 합니다.");
        }
        v.wage("wage_monthly", "제시임금(월)", self.wage_monthly);
        v.weekly_hours("weekly_hours", "주 근로시간", self.weekly_hours);
        v.minimum_wage(
            "wage_monthly",
            "제시임금(월)",
            self.wage_monthly,
            self.weekly_hours,
            self.opened_on.year(),
            ctx.codes,
        );
        if let Some(text) = &self.posting_text
            && text.chars().count() > MAX_POSTING_CHARS
        {
            v.push(
                "posting_text",
                "공고 본문",
                format!(
                    "공고 본문은 {MAX_POSTING_CHARS}자까지 적을 수 있습니다 (지금 {}자).",
                    text.chars().count()
                ),
            );
        }
        if let Some(y) = self.min_experience_years
            && y > MAX_EXPERIENCE_YEARS
        {
            v.push(
                "min_experience_years",
                "필요 경력",
                format!("필요 경력 {y}년은 {MAX_EXPERIENCE_YEARS}년을 넘습니다. 년 단위로 입력해 주세요."),
            );
        }
        v.ordered(
            "closes_on",
            "모집기간",
            Some(self.opened_on),
            self.closes_on,
        );
        v.errors
    }
}
