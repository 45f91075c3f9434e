//! The words of a seeker's session log: what a counselor writes after a
//! 50-minute session at each step of 진단 → 컨설팅 → 취업지원, with the next
//! step agreed. Templates are filled from the case's own facts, so the log
//! reads like one person's story.

use crate::dice::Dice;
use crate::seeker::Person;
use chrono::NaiveDate;
use doyak_domain::events::ApplicationStatus;

/// The facts a session note may mention.
#[derive(Debug)]
pub(crate) struct Talk<'a> {
    pub person: &'a Person,
    pub label: &'static str,
    /// The KECO name of the second occupation the person would take.
    pub secondary: Option<&'a str>,
    /// A certificate worth getting: the missing one, or one the job prefers.
    pub certificate: Option<&'a str>,
    pub benefit_ends: Option<NaiveDate>,
    pub results: Results,
}

/// The diagnoses on file, as their records give them.
#[derive(Debug, Clone, Default)]
pub(crate) struct Results {
    /// 잡케어 직무 적합도.
    pub fit: Option<u32>,
    /// The two highest 직업선호도검사 letters.
    pub preference: Option<String>,
    /// Whether a 구직준비도검사 was done.
    pub readiness: bool,
}

/// An application as a session note refers to it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct AppView<'a> {
    pub firm: &'a str,
    pub title: &'a str,
    pub wage_10k: i64,
    pub shift: &'static str,
    pub status: ApplicationStatus,
}

/// Where in the program a session falls.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Moment<'a> {
    Intake,
    Diagnosis {
        first: bool,
    },
    Consulting {
        first: bool,
    },
    JobSearch {
        app: Option<AppView<'a>>,
    },
    /// The month's IAP check that confirmed `activity` was done.
    IapCheck {
        activity: &'a str,
    },
    Employed {
        employer: &'a str,
    },
    Closed {
        reason: &'a str,
    },
}

/// The content of a session note and the next step agreed.
pub(crate) fn session(d: &mut Dice, talk: &Talk, moment: Moment) -> (String, Option<String>) {
    let p = talk.person;
    let label = talk.label;
    let wage = p.wage_10k;
    let km = p.max_commute_km;
    let shift = if p.accepts_shift {
        "교대근무 가능"
    } else {
        "주간 근무만 희망"
    };
    let next = |s: &str| Some(s.to_owned());
    match moment {
        Moment::Intake => {
            let content = match (p.last_title, talk.benefit_ends) {
                (Some(last), _) if d.chance(0.5) => format!(
                    "초기상담: 도약보장 패키지 참여 안내, 개인정보 수집·이용 동의서 작성. 직전 직장({last}) 이직 경위와 구직 희망({label}, 월 {wage}만원, 통근 {km}km 이내) 확인."
                ),
                (_, Some(ends)) => format!(
                    "참여 신청 접수: 실업급여 수급 기간({ends}까지)과 재취업활동 인정 기준 안내. {label} 분야 희망, {shift}."
                ),
                (Some(last), None) => format!(
                    "초기상담: {last} 경력 확인, {label} 분야 재취업 희망. 희망임금 월 {wage}만원, {shift}."
                ),
                (None, None) => format!(
                    "초기상담: 첫 취업 준비 상황 확인, {label} 분야 관심. 구직활동 경험과 애로 사항 청취."
                ),
            };
            (content, next("잡케어 직무역량 진단 및 직업선호도검사 실시"))
        }
        Moment::Diagnosis { first: true } => {
            let gap = match (p.missing, p.years) {
                (Some(m), _) => format!("필수 자격({m}) 미보유로 지원 가능한 공고가 제한됨"),
                (None, 0..=1) => "현장 경력이 짧아 기초 직무역량 보완 필요".to_owned(),
                (None, years) => {
                    format!("경력 {years}년으로 직무 요구역량 대부분 충족, 최신 설비 경험 보완 필요")
                }
            };
            let cert = talk
                .certificate
                .map(|c| format!(" 추천 자격 {c} 안내."))
                .unwrap_or_default();
            let opening = match talk.results.fit {
                Some(score) => format!("잡케어 진단 결과 설명: {label} 직무 적합도 {score}점"),
                None => format!("직무역량 상담: {label} 직무 요구역량 점검"),
            };
            (
                format!("{opening}. {gap}.{cert}"),
                next("심층경력설계 상담, 경력 정리표 작성해 오기"),
            )
        }
        Moment::Diagnosis { first: false } => {
            // Only results that are on file are discussed.
            let r = &talk.results;
            let preference = match (&r.preference, r.readiness) {
                (Some(top), true) => d.chance(0.5).then_some(top),
                (Some(top), false) => Some(top),
                (None, _) => None,
            };
            if let Some(top) = preference {
                (
                    format!(
                        "직업선호도검사 결과 해석: {top} 유형으로 {label} 직무와 흥미가 부합. 희망 조건 우선순위 정리."
                    ),
                    next("이력서 초안 작성"),
                )
            } else if !r.readiness {
                (
                    format!(
                        "희망조건 정리: 희망임금(월 {wage}만원)과 지역 임금 수준 비교, 통근 가능 거리({km}km) 확인."
                    ),
                    next("이력서 초안 작성"),
                )
            } else {
                (
                    format!(
                        "구직준비도검사 결과 공유: 구직 동기는 높으나 구직기술 보완 필요. 희망임금(월 {wage}만원)과 지역 임금 수준 비교."
                    ),
                    next("희망조건 재검토"),
                )
            }
        }
        Moment::Consulting { first: true } => {
            let goal = p.goal.as_deref().unwrap_or(label);
            (
                format!("심층경력설계 및 IAP 수립: 취업목표 '{goal}' 확정, 월별 구직·훈련 활동 계획 작성."),
                next("이력서·자기소개서 초안 작성"),
            )
        }
        Moment::Consulting { first: false } => match (d.below(4), talk.secondary) {
            (0, _) => (
                format!(
                    "이력서 첨삭: 경력기술서에 {} 경험을 장비·작업량 중심으로 구체화. 자기소개서 {label} 업종 맞춤 수정.",
                    p.skill
                ),
                next("수정본 이메일 제출"),
            ),
            (1, _) => (
                "모의면접: 지원동기·직무경험·교대근무 가능 여부 답변 연습, 안전수칙 관련 질문 대비."
                    .to_owned(),
                next("예상 질문 답변 정리"),
            ),
            (2, Some(other)) => (
                format!("직무 탐색: {label} 외 {other} 분야 검토, 현장 근무환경과 임금 수준 비교."),
                next("관심 기업 목록 작성"),
            ),
            _ => (
                format!(
                    "훈련 안내: 국민내일배움카드로 '{}' 수강 권유, 훈련기관 비교와 신청 절차 안내.",
                    p.course
                ),
                next("훈련 수강 신청"),
            ),
        },
        Moment::JobSearch { app: Some(a) } => {
            let AppView {
                firm,
                title,
                wage_10k,
                shift,
                status,
            } = a;
            match status {
                ApplicationStatus::Shortlisted
                | ApplicationStatus::Proposed
                | ApplicationStatus::Submitted => (
                    format!(
                        "맞춤형 일자리 알선: {firm} '{title}' 공고 안내(월 {wage_10k}만원, {shift}). 지원 의사 확인 후 입사지원서 제출."
                    ),
                    next("서류 결과 확인"),
                ),
                ApplicationStatus::Interview => (
                    format!(
                        "알선 결과 확인: {firm} 서류 합격. 면접 준비(작업복·안전화 지참 여부, 출근 동선) 안내."
                    ),
                    next("면접 후 결과 공유"),
                ),
                ApplicationStatus::Rejected => (
                    format!(
                        "알선 결과 확인: {firm} 불합격. 사유(경력·자격 요건) 검토 후 희망조건 조정 협의."
                    ),
                    next("유사 공고 추가 알선"),
                ),
                ApplicationStatus::Withdrawn => (
                    format!(
                        "알선 포기 상담: {firm} 통근 거리·근무형태 부담으로 지원 취소, 희망조건 재설정."
                    ),
                    next("조건에 맞는 공고 재탐색"),
                ),
                ApplicationStatus::Hired => (
                    format!(
                        "최종 합격 안내: {firm} '{title}' 합격. 입사 준비물과 근로계약서 확인 방법 안내."
                    ),
                    next("입사 후 적응 상황 확인"),
                ),
            }
        }
        Moment::JobSearch { app: None } => {
            if d.chance(0.6) {
                (
                    format!(
                        "구직활동 점검: 고용24 입사지원 {}건, 면접 {}건. 통근 거리({km}km)·임금 조건 완화 검토.",
                        d.between(1, 6),
                        d.between(0, 2)
                    ),
                    next("추가 입사지원"),
                )
            } else {
                (
                    format!("채용박람회(매칭데이) 참가 안내, 참여기업 중 {label} 직무 모집 기업 확인."),
                    next("박람회 참가 후 결과 공유"),
                )
            }
        }
        Moment::IapCheck { activity } => (
            format!("IAP 이행 점검(전화): {activity} — 이행 확인, 진행 중 애로 사항 청취."),
            next("다음 달 IAP 활동 이행"),
        ),
        Moment::Employed { employer } => (
            format!("취업 확인: {employer} 입사. 근로계약서·4대보험 가입 확인, 초기 적응 상담."),
            next("3개월 고용유지 확인"),
        ),
        Moment::Closed { reason } => (
            format!("참여 종료 상담: {reason}. 재참여 가능 안내."),
            None,
        ),
    }
}

pub(crate) const CLOSING_REASONS: &[&str] = &[
    "개인 사유로 참여 포기",
    "연락 두절(3회 이상 미응답)",
    "직업훈련 전념으로 참여 종료",
    "수급기간 종료 후 참여 중단",
    "창업 준비로 참여 종료",
    "건강 악화로 구직활동 중단",
];

/// The Holland (RIASEC) letters in Korean.
pub(crate) fn riasec_name(letter: char) -> &'static str {
    match letter {
        'R' => "현실형",
        'I' => "탐구형",
        'A' => "예술형",
        'S' => "사회형",
        'E' => "진취형",
        _ => "관습형",
    }
}
