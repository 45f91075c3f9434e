//! The job seeker (구직자) side of the program: who the person is, what they can
//! do and want, and where they are in 진단 → 컨설팅 → 취업.

use crate::record::CheckContext;
use crate::validate::{FieldError, Phone, Validation};
use crate::{EntityKind, Id, KecoCode, SharedRecord, SigunguCode};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// 구직자. Shared record: each top-level field merges on its own during sync.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JobSeeker {
    pub id: Id,
    pub center_id: Id,
    /// 담당 상담사.
    pub counselor_id: Option<Id>,
    pub name: String,
    pub birth_date: Option<NaiveDate>,
    pub gender: Option<Gender>,
    pub phone: Option<Phone>,
    pub email: Option<String>,
    /// 거주지 시군구.
    pub home_sigungu: Option<SigunguCode>,
    /// 개인정보 수집·이용 동의. Nothing beyond the name may be recorded without it.
    pub consent: Option<Consent>,
    pub track: Track,
    pub status: SeekerStatus,
    /// 참여일.
    pub enrolled_on: Option<NaiveDate>,
    /// 실업급여 수급 상태.
    pub benefit: Option<Benefit>,
    pub target_groups: Vec<TargetGroup>,
    pub education: Vec<Education>,
    pub certificates: Vec<HeldCertificate>,
    pub training: Vec<Training>,
    pub work_history: Vec<WorkExperience>,
    pub skills: Vec<String>,
    /// 희망 직종 (KECO).
    pub desired_occupations: Vec<KecoCode>,
    /// 희망 월 임금 (원).
    pub desired_wage_monthly: Option<i64>,
    /// 희망 근무지 시군구.
    pub desired_sigungu: Vec<SigunguCode>,
    /// 최대 통근 거리 (km).
    pub max_commute_km: Option<u32>,
    /// 교대근무 가능 여부.
    pub accepts_shift: Option<bool>,
    /// 기숙사 입주·이주 가능 여부: a job with 기숙사 beyond the commute limit
    /// is proposed only when this is yes. Absent in records written before
    /// it existed (read as unknown).
    #[serde(default)]
    pub willing_to_relocate: Option<bool>,
    /// 취업 장애요인.
    pub barriers: Vec<Barrier>,
    /// 개인별 취업활동계획(IAP)의 취업 목표.
    pub iap_goal: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Female,
    Male,
}

impl Gender {
    pub const ALL: [Gender; 2] = [Gender::Female, Gender::Male];

    pub fn label_ko(self) -> &'static str {
        match self {
            Gender::Female => "여",
            Gender::Male => "남",
        }
    }
}

/// 개인정보 동의: what the person agreed to on the consent form, when and
/// how, and what they withdrew since. Withdrawing 수집·이용 (`withdrawn_on`)
/// ends everything and leads to destruction (`crate::privacy`); another
/// purpose is withdrawn on its own (`withdrawals`) and taken off `scopes`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    pub given_on: NaiveDate,
    pub scopes: Vec<ConsentScope>,
    pub withdrawn_on: Option<NaiveDate>,
    /// 서면·구두·전자. Absent in records from before it was asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<ConsentMethod>,
    /// The consent form's version the person signed
    /// (`crate::privacy::CONSENT_FORM_VERSION` for Doyak's own form).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form_version: Option<String>,
    /// Purposes withdrawn one by one, each with its day.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub withdrawals: Vec<ScopeWithdrawal>,
}

/// One purpose withdrawn (철회) on its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScopeWithdrawal {
    pub scope: ConsentScope,
    pub on: NaiveDate,
}

/// How consent was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsentMethod {
    /// 서면 (signed form)
    Written,
    /// 구두 (recorded by the counselor)
    Oral,
    /// 전자 (electronic signature)
    Electronic,
}

impl ConsentMethod {
    pub const ALL: [ConsentMethod; 3] = [
        ConsentMethod::Written,
        ConsentMethod::Oral,
        ConsentMethod::Electronic,
    ];

    pub fn label_ko(self) -> &'static str {
        match self {
            ConsentMethod::Written => "서면",
            ConsentMethod::Oral => "구두",
            ConsentMethod::Electronic => "전자",
        }
    }
}

impl Consent {
    /// Whether the person's consent covers `scope` today: not withdrawn,
    /// and the purpose agreed to. Forms from before 제3자 제공 was split
    /// (no form version) named 구인기업·연계기관 together, so their
    /// employer consent covers partner institutions too.
    pub fn allows(&self, scope: ConsentScope) -> bool {
        if self.withdrawn_on.is_some() {
            return false;
        }
        self.scopes.contains(&scope)
            || (scope == ConsentScope::ShareWithPartners
                && self.form_version.is_none()
                && self.scopes.contains(&ConsentScope::ShareWithEmployers)
                && !self
                    .withdrawals
                    .iter()
                    .any(|w| w.scope == ConsentScope::ShareWithPartners))
    }

    /// The day `scope` was withdrawn, when it was (all of them with 수집·이용).
    pub fn withdrawn(&self, scope: ConsentScope) -> Option<NaiveDate> {
        self.withdrawn_on.or_else(|| {
            self.withdrawals
                .iter()
                .find(|w| w.scope == scope)
                .map(|w| w.on)
        })
    }
}

/// What the person agreed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsentScope {
    /// 개인정보 수집·이용 (상담·취업지원)
    Counseling,
    /// 제3자 제공: 구인기업 (알선). Forms before the split covered 연계기관 too.
    ShareWithEmployers,
    /// 제3자 제공: 연계기관 (기관연계 의뢰)
    ShareWithPartners,
    /// 민감정보 처리 (건강 등 취업 장애요인)
    Sensitive,
    /// 고용보험 이력 등 조회
    InsuranceRecords,
    /// 사후관리 연락 (고용유지 확인)
    FollowUp,
}

impl ConsentScope {
    pub const ALL: [ConsentScope; 6] = [
        ConsentScope::Counseling,
        ConsentScope::ShareWithEmployers,
        ConsentScope::ShareWithPartners,
        ConsentScope::Sensitive,
        ConsentScope::InsuranceRecords,
        ConsentScope::FollowUp,
    ];

    pub fn label_ko(self) -> &'static str {
        match self {
            ConsentScope::Counseling => "수집·이용(상담·취업지원)",
            ConsentScope::ShareWithEmployers => "제3자 제공(구인기업)",
            ConsentScope::ShareWithPartners => "제3자 제공(연계기관)",
            ConsentScope::Sensitive => "민감정보 처리(건강 등 취업 장애요인)",
            ConsentScope::InsuranceRecords => "고용보험 이력 조회",
            ConsentScope::FollowUp => "사후관리 연락",
        }
    }
}

/// 참여 유형 (트랙).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Track {
    /// 실업급여 수급자 일반
    General,
    /// 지역 특화 산업 취업 희망
    RegionalIndustry,
    /// 청년 특화
    Youth,
    /// 경력보유여성 특화
    CareerWomen,
    /// 중장년 특화
    MiddleAged,
    /// 취약계층
    Vulnerable,
}

impl Track {
    pub const ALL: [Track; 6] = [
        Track::General,
        Track::RegionalIndustry,
        Track::Youth,
        Track::CareerWomen,
        Track::MiddleAged,
        Track::Vulnerable,
    ];

    pub fn label_ko(self) -> &'static str {
        match self {
            Track::General => "일반",
            Track::RegionalIndustry => "지역특화산업",
            Track::Youth => "청년",
            Track::CareerWomen => "경력보유여성",
            Track::MiddleAged => "중장년",
            Track::Vulnerable => "취약계층",
        }
    }
}

/// Where the person is in the program. Moves forward; 종료 can follow any step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SeekerStatus {
    /// 접수
    Intake,
    /// 진단
    Diagnosis,
    /// 심층상담·컨설팅
    Consulting,
    /// 맞춤형 취업지원 (알선)
    JobSearch,
    /// 취업
    Employed,
    /// 종료 (취업 외)
    Closed,
}

impl SeekerStatus {
    pub const ALL: [SeekerStatus; 6] = [
        SeekerStatus::Intake,
        SeekerStatus::Diagnosis,
        SeekerStatus::Consulting,
        SeekerStatus::JobSearch,
        SeekerStatus::Employed,
        SeekerStatus::Closed,
    ];

    pub fn label_ko(self) -> &'static str {
        match self {
            SeekerStatus::Intake => "접수",
            SeekerStatus::Diagnosis => "진단",
            SeekerStatus::Consulting => "컨설팅",
            SeekerStatus::JobSearch => "취업지원",
            SeekerStatus::Employed => "취업",
            SeekerStatus::Closed => "종료",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Benefit {
    pub status: BenefitStatus,
    /// 수급 시작일
    pub starts_on: Option<NaiveDate>,
    /// 수급 종료(예정)일
    pub ends_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BenefitStatus {
    /// 수급 중
    Receiving,
    /// 수급 종료
    Ended,
    /// 비수급
    None,
}

/// 대상 집단 (a person may belong to several).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetGroup {
    /// 실업급여 수급자
    BenefitRecipient,
    /// 청년 (15~34세)
    Youth,
    /// 경력보유여성
    CareerWomen,
    /// 중장년 (40세 이상)
    MiddleAged,
    /// 고령자
    Senior,
    /// 장애인
    Disabled,
    /// 저소득층
    LowIncome,
    /// 결혼이민자·북한이탈주민 등
    Migrant,
}

impl TargetGroup {
    pub const ALL: [TargetGroup; 8] = [
        TargetGroup::BenefitRecipient,
        TargetGroup::Youth,
        TargetGroup::CareerWomen,
        TargetGroup::MiddleAged,
        TargetGroup::Senior,
        TargetGroup::Disabled,
        TargetGroup::LowIncome,
        TargetGroup::Migrant,
    ];

    pub fn label_ko(self) -> &'static str {
        match self {
            TargetGroup::BenefitRecipient => "실업급여수급자",
            TargetGroup::Youth => "청년",
            TargetGroup::CareerWomen => "경력보유여성",
            TargetGroup::MiddleAged => "중장년",
            TargetGroup::Senior => "고령자",
            TargetGroup::Disabled => "장애인",
            TargetGroup::LowIncome => "저소득층",
            TargetGroup::Migrant => "결혼이민자·북한이탈주민",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Education {
    pub level: EducationLevel,
    pub school: Option<String>,
    pub major: Option<String>,
    pub graduated_year: Option<i32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EducationLevel {
    /// 중졸 이하
    MiddleSchool,
    /// 고졸
    HighSchool,
    /// 전문대졸
    College,
    /// 대졸
    University,
    /// 대학원
    Graduate,
}

/// A qualification the person holds, by name as written on the certificate and,
/// when known, its id in the reference list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldCertificate {
    pub name: String,
    pub qualification_id: Option<String>,
    pub acquired_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Training {
    pub course: String,
    pub institution: Option<String>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub completed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkExperience {
    pub employer: String,
    pub occupation: Option<KecoCode>,
    pub title: Option<String>,
    pub starts_on: Option<NaiveDate>,
    /// None while still employed there.
    pub ends_on: Option<NaiveDate>,
}

/// 취업 장애요인.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Barrier {
    pub kind: BarrierKind,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BarrierKind {
    /// 경력·기술 부족
    Skills,
    /// 구직기술(이력서·면접) 부족
    JobSearchSkills,
    /// 돌봄 부담
    Care,
    /// 건강
    Health,
    /// 심리·정서
    Psychological,
    /// 교통·통근
    Transport,
    /// 주거
    Housing,
    /// 생계·부채
    Finance,
    /// 기타
    Other,
}

impl BarrierKind {
    pub fn label_ko(self) -> &'static str {
        match self {
            BarrierKind::Skills => "경력·기술 부족",
            BarrierKind::JobSearchSkills => "구직기술 부족",
            BarrierKind::Care => "돌봄 부담",
            BarrierKind::Health => "건강",
            BarrierKind::Psychological => "심리·정서",
            BarrierKind::Transport => "교통·통근",
            BarrierKind::Housing => "주거",
            BarrierKind::Finance => "생계·부채",
            BarrierKind::Other => "기타",
        }
    }
}

/// Whole years completed between two dates.
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> i32 {
    use chrono::Datelike;
    let mut age = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    age
}

impl JobSeeker {
    /// A seeker just taken in (접수): a name and nothing else yet, on the
    /// general track. The form, an import or a test fills in the rest.
    pub fn intake(id: Id, center_id: Id, name: impl Into<String>) -> JobSeeker {
        JobSeeker {
            id,
            center_id,
            counselor_id: None,
            name: name.into(),
            birth_date: None,
            gender: None,
            phone: None,
            email: None,
            home_sigungu: None,
            consent: None,
            track: Track::General,
            status: SeekerStatus::Intake,
            enrolled_on: None,
            benefit: None,
            target_groups: vec![],
            education: vec![],
            certificates: vec![],
            training: vec![],
            work_history: vec![],
            skills: vec![],
            desired_occupations: vec![],
            desired_wage_monthly: None,
            desired_sigungu: vec![],
            max_commute_km: None,
            accepts_shift: None,
            willing_to_relocate: None,
            barriers: vec![],
            iap_goal: None,
            note: None,
        }
    }

    /// Total months of work history, counting an open job up to `today`.
    pub fn experience_months(&self, today: NaiveDate) -> i64 {
        self.work_history
            .iter()
            .filter_map(|w| {
                let start = w.starts_on?;
                let end = w.ends_on.unwrap_or(today);
                Some(((end - start).num_days().max(0)) * 12 / 365)
            })
            .sum()
    }
}

impl SharedRecord for JobSeeker {
    const KIND: EntityKind = EntityKind::Seeker;

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
        &["phone"]
    }
    fn check(&self, ctx: &CheckContext<'_>) -> Vec<FieldError> {
        let mut v = Validation::default();
        v.required("name", "이름", &self.name);
        if self.name.chars().count() > 50 {
            v.push("name", "이름", "이름은 50자 이내로 입력해 주세요.");
        }
        v.not_future("birth_date", "생년월일", self.birth_date, ctx.today);
        if let Some(birth) = self.birth_date
            && age_on(birth, ctx.today) > 100
        {
            v.push(
                "birth_date",
                "생년월일",
                format!("{birth}생은 100세가 넘습니다. 연도를 확인해 주세요."),
            );
        }
        if let Some(email) = &self.email
            && !(email.contains('@') && email.rsplit('@').next().is_some_and(|d| d.contains('.')))
        {
            v.push("email", "이메일", "이메일 형식이 올바르지 않습니다.");
        }
        if let Some(code) = &self.home_sigungu
            && !ctx.codes.has_sigungu(code.as_str())
        {
            v.push(
                "home_sigungu",
                "거주지",
                format!("알 수 없는 시군구 코드입니다: {code}"),
            );
        }
        if let Some(c) = &self.consent {
            v.not_future("consent", "개인정보 동의일", Some(c.given_on), ctx.today);
            v.ordered("consent", "동의 철회일", Some(c.given_on), c.withdrawn_on);
        }
        if let Some(b) = &self.benefit {
            v.ordered("benefit", "실업급여 수급기간", b.starts_on, b.ends_on);
        }
        v.not_future("enrolled_on", "참여일", self.enrolled_on, ctx.today);
        for (i, w) in self.work_history.iter().enumerate() {
            let label = format!("경력 {}번째", i + 1);
            v.ordered("work_history", &label, w.starts_on, w.ends_on);
            if let Some(code) = &w.occupation
                && !ctx.codes.has_keco(code.as_str())
            {
                v.push(
                    "work_history",
                    &label,
                    format!("알 수 없는 직업분류(KECO) 코드입니다: {code}"),
                );
            }
        }
        for t in &self.training {
            v.ordered("training", "훈련기간", t.starts_on, t.ends_on);
        }
        for code in &self.desired_occupations {
            if !ctx.codes.has_keco(code.as_str()) {
                v.push(
                    "desired_occupations",
                    "희망직종",
                    format!("알 수 없는 직업분류(KECO) 코드입니다: {code}"),
                );
            }
        }
        for code in &self.desired_sigungu {
            if !ctx.codes.has_sigungu(code.as_str()) {
                v.push(
                    "desired_sigungu",
                    "희망근무지",
                    format!("알 수 없는 시군구 코드입니다: {code}"),
                );
            }
        }
        v.wage(
            "desired_wage_monthly",
            "희망임금(월)",
            self.desired_wage_monthly,
        );
        if let Some(km) = self.max_commute_km
            && km > 300
        {
            v.push(
                "max_commute_km",
                "최대 통근거리",
                "통근거리는 300km 이내로 입력해 주세요.",
            );
        }
        v.errors
    }
}
