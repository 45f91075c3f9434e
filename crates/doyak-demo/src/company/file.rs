//! The company's file (see the parent module): the first visit (찾아가는
//! 기업진단), the 구인애로 diagnosis with the advice it leads to, consulting
//! actions and subsidies, talent matching with referrals of the center's
//! seekers, and the closing visits, each event on the day it happened.

use super::{CompanyMaker, Draft, Site};
use crate::DemoItem;
use crate::dice::{Dice, plus_days};
use crate::team::Need;
use chrono::NaiveDate;
use doyak_domain::events::{ActionStatus, CompanyActionKind, ContactMode, HiringDifficulty};
use doyak_domain::{
    CaseEvent, CompanyStatus, EventBody, FocusIndustry, Referral, ReferralStatus, VacancyStatus,
};

impl CompanyMaker<'_> {
    /// The company's file, each event with the day it sorts by.
    pub(super) fn events(&mut self, site: &Site, drafts: &[Draft]) -> Vec<(NaiveDate, DemoItem)> {
        let world = self.world;
        let today = world.today;
        let team = self.team;
        let d = &mut self.dice;
        let mut out: Vec<(NaiveDate, DemoItem)> = Vec::new();
        let mut push = |d: &mut Dice, on: NaiveDate, body: EventBody| {
            let id = d.id_on(on);
            let event = CaseEvent {
                id,
                center_id: world.center_id,
                subject_id: site.id,
                author_id: Some(team.author(site.counselor, d)),
                recorded_at: Dice::written_at(id),
                occurred_on: on,
                supersedes: None,
                body,
            };
            out.push((on, DemoItem::Event(event)));
        };
        let titles = drafts
            .iter()
            .map(|v| format!("{}({}명)", v.vacancy.title, v.vacancy.headcount))
            .collect::<Vec<_>>()
            .join(", ");
        let first_title = drafts
            .first()
            .map_or("생산직", |v| v.vacancy.title.as_str());

        // First contact.
        let mode = match &site.complex {
            Some(_) if d.chance(0.7) => ContactMode::FieldVisit,
            _ => d.weighted(&[
                (ContactMode::FieldVisit, 35),
                (ContactMode::InPerson, 40),
                (ContactMode::Phone, 25),
            ]),
        };
        let content = match (mode, &site.complex) {
            (ContactMode::FieldVisit, Some(c)) => format!(
                "찾아가는 기업진단: {c} 소재 사업장 현장 방문, 인사담당자 면담. 구인 현황 {titles}. 채용 애로와 근로조건 청취."
            ),
            (ContactMode::FieldVisit, None) => format!(
                "찾아가는 기업진단: 사업장 현장 방문, 대표 면담. 구인 현황 {titles}. 작업환경과 교대 형태 확인."
            ),
            (ContactMode::Phone, _) => format!(
                "전화 상담: 고용24 구인공고 '{first_title}' 장기 미충원 확인, 도약보장 패키지 안내 및 방문 일정 협의."
            ),
            _ => format!(
                "기업 방문 상담: 대표·관리팀장 면담, {titles} 채용 계획 확인. 도약보장 패키지 참여 동의."
            ),
        };
        push(
            d,
            site.enrolled_on,
            EventBody::CompanyVisit {
                mode,
                industrial_complex: if mode == ContactMode::FieldVisit {
                    site.complex.clone()
                } else {
                    None
                },
                content,
            },
        );

        let mut day = site.enrolled_on;
        let step = |d: &mut Dice, day: &mut NaiveDate, lo: i64, hi: i64| {
            *day = plus_days(*day, d.range(lo, hi)).min(today);
            *day
        };

        // 구인애로 요인 진단.
        if site.reached >= CompanyStatus::Diagnosis {
            let on = step(d, &mut day, 3, 30);
            let factors = hiring_difficulties(d, site, drafts);
            let advice: Vec<&str> = factors.iter().take(2).map(|f| advice_for(*f)).collect();
            let note = format!(
                "주요 애로: {}. {}",
                factors
                    .iter()
                    .map(|f| f.label_ko())
                    .collect::<Vec<_>>()
                    .join(", "),
                advice.join(", ")
            );
            push(
                d,
                on,
                EventBody::HiringDiagnosis {
                    factors,
                    note: Some(note),
                    causes: Vec::new(),
                    engine: None,
                    visit: None,
                },
            );
        }

        // Consulting actions and subsidies.
        if site.reached >= CompanyStatus::Consulting {
            let actions = company_actions(d, site, drafts);
            for (kind, subsidy, description) in actions {
                let on = step(d, &mut day, 5, 40);
                let plan = plan_of(kind, &description, on, today);
                push(
                    d,
                    on,
                    EventBody::CompanyAction {
                        kind,
                        subsidy: subsidy.map(str::to_owned),
                        description,
                        owner: Some(plan.owner.to_owned()),
                        due_on: Some(plan.due_on),
                        status: Some(plan.status),
                        follow_up_on: plan.follow_up_on,
                        vacancy_id: None,
                        result: plan.result,
                    },
                );
            }
        }

        // Talent matching and results.
        if site.reached >= CompanyStatus::Matching {
            for _ in 0..d.between(1, 2) {
                let on = step(d, &mut day, 10, 45);
                let v = d
                    .pick(drafts)
                    .map_or(first_title, |v| v.vacancy.title.as_str());
                let content = match d.below(3) {
                    0 => format!(
                        "인재매칭: {v} 후보자 {}명 추천 명단 전달, 면접 일정 조율.",
                        d.between(2, 5)
                    ),
                    1 => format!(
                        "매칭데이 참가: {v} 현장면접 {}명 진행, 합격 여부 회신 요청.",
                        d.between(2, 6)
                    ),
                    _ => format!(
                        "채용 진행 점검: {v} 서류 접수 {}건, 면접 {}건. 근무조건 안내 문구 보완 협의.",
                        d.between(3, 10),
                        d.between(1, 3)
                    ),
                };
                let mode = d.weighted(&[(ContactMode::Phone, 50), (ContactMode::InPerson, 50)]);
                push(
                    d,
                    on,
                    EventBody::CompanyVisit {
                        mode,
                        industrial_complex: None,
                        content,
                    },
                );
            }
        }
        if site.reached >= CompanyStatus::Hired {
            let on = step(d, &mut day, 14, 60);
            let filled = drafts
                .iter()
                .find(|v| v.vacancy.status == VacancyStatus::Filled)
                .map_or(first_title, |v| v.vacancy.title.as_str());
            let hired = d.between(1, 3);
            push(
                d,
                on,
                EventBody::CompanyVisit {
                    mode: ContactMode::Phone,
                    industrial_complex: None,
                    content: format!(
                        "채용 결과 확인: {filled} {hired}명 채용. 수습기간 근태 양호, 고용유지 사후관리 예정."
                    ),
                },
            );
        }
        if site.status == CompanyStatus::Closed {
            let on = step(d, &mut day, 14, 90);
            let reason = if site.reached >= CompanyStatus::Hired {
                "채용 완료 및 고용유지 확인으로 사후관리 종료"
            } else {
                d.one(&[
                    "경영 사정으로 채용계획 보류, 참여 종료",
                    "외국인력 고용으로 구인 수요 해소, 참여 종료",
                    "담당자 연락 두절로 참여 종료",
                ])
            };
            push(
                d,
                on,
                EventBody::CompanyVisit {
                    mode: ContactMode::Phone,
                    industrial_complex: None,
                    content: format!("참여 종료: {reason}."),
                },
            );
        }

        // A few firms are referred on, e.g. to 일터혁신 consulting.
        if site.reached >= CompanyStatus::Consulting
            && d.chance(0.08)
            && let Some(partner) = team.partner_for(Need::Workplace, d)
        {
            let referred_on = step(d, &mut day, 3, 30);
            let done = (today - referred_on).num_days() > 45;
            let status = if done {
                d.weighted(&[
                    (ReferralStatus::Completed, 70),
                    (ReferralStatus::Declined, 15),
                    (ReferralStatus::Cancelled, 15),
                ])
            } else {
                d.weighted(&[
                    (ReferralStatus::Requested, 40),
                    (ReferralStatus::Accepted, 30),
                    (ReferralStatus::InProgress, 30),
                ])
            };
            let result_on = done.then(|| plus_days(referred_on, d.range(14, 45)).min(today));
            let result_note = match status {
                ReferralStatus::Completed => Some("컨설팅 완료, 교대제 개편안 수립".to_owned()),
                ReferralStatus::Declined => Some("기업 사정으로 신청 철회".to_owned()),
                ReferralStatus::Cancelled => Some("요건 미충족(상시근로자 수)".to_owned()),
                _ => None,
            };
            let referral = Referral {
                id: d.id_on(referred_on),
                center_id: world.center_id,
                subject_id: site.id,
                partner_id: partner.id,
                purpose: "근로환경 개선·일터혁신 컨설팅 연계".to_owned(),
                referred_on,
                status,
                result_on,
                result_note,
            };
            out.push((referred_on, DemoItem::Referral(referral)));
        }
        out
    }
}

/// The 구인애로 factors a counselor would tick for this firm and its vacancies.
fn hiring_difficulties(d: &mut Dice, site: &Site, drafts: &[Draft]) -> Vec<HiringDifficulty> {
    use HiringDifficulty::*;
    let vacancies = drafts.iter().map(|v| &v.vacancy);
    let shift_work = vacancies.clone().any(|v| v.shift.is_shift_work());
    let low_wage = vacancies
        .clone()
        .any(|v| v.wage_monthly.is_some_and(|w| w < 2_500_000));
    let certificates = vacancies
        .clone()
        .any(|v| !v.required_certificates.is_empty());
    let experience = vacancies
        .clone()
        .any(|v| v.min_experience_years.unwrap_or(0) >= 2);
    let no_transport = !vacancies.clone().any(|v| v.housing || v.commute_bus);
    let factory = site.kind.kind.factory;
    let mut factors = Vec::new();
    let mut tick = |d: &mut Dice, f: HiringDifficulty, p: f64| {
        if d.chance(p) {
            factors.push(f);
        }
    };
    tick(d, AvoidedOccupation, if factory { 0.7 } else { 0.3 });
    tick(d, WorkingConditions, 0.4);
    tick(d, LowWage, if low_wage { 0.7 } else { 0.1 });
    tick(d, Hours, if shift_work { 0.6 } else { 0.05 });
    tick(
        d,
        LacksQualifications,
        if certificates { 0.7 } else { 0.05 },
    );
    tick(d, LacksExperience, if experience { 0.6 } else { 0.05 });
    tick(
        d,
        CommuteHousing,
        if no_transport && site.complex.is_some() {
            0.6
        } else {
            0.1
        },
    );
    tick(d, Facilities, if factory { 0.2 } else { 0.05 });
    tick(d, RecruitingProcess, 0.3);
    tick(d, ForeignWorkers, if factory { 0.25 } else { 0.02 });
    if factors.is_empty() {
        factors.push(if factory {
            AvoidedOccupation
        } else {
            WorkingConditions
        });
    }
    factors
}

fn advice_for(f: HiringDifficulty) -> &'static str {
    use HiringDifficulty::*;
    match f {
        WorkingConditions => "근로조건 개선 컨설팅 권고",
        AvoidedOccupation => "작업환경·안전설비를 공고에 구체적으로 제시 권고",
        LacksQualifications => "자격 요건 완화 또는 채용 후 자격취득 지원 검토",
        LacksExperience => "신입 채용 후 사내 OJT 방안 협의",
        LowWage => "지역·동종업계 임금 수준 비교자료 제공",
        Hours => "교대제 개편(4조 2교대 등) 검토",
        CommuteHousing => "통근버스·기숙사 지원사업 연계 검토",
        Facilities => "휴게실·샤워실 등 편의시설 개선 권고",
        RecruitingProcess => "구인공고 직무내용·근무조건 구체화",
        ForeignWorkers => "외국인력(E-9) 고용허가 병행 검토",
    }
}

/// 1–3 consulting actions that fit the firm, subsidies first.
fn company_actions(
    d: &mut Dice,
    site: &Site,
    drafts: &[Draft],
) -> Vec<(CompanyActionKind, Option<&'static str>, String)> {
    use CompanyActionKind::*;
    let title = drafts
        .first()
        .map_or("생산직", |v| v.vacancy.title.as_str());
    let housing = drafts.iter().any(|v| v.vacancy.housing);
    let bus = drafts.iter().any(|v| v.vacancy.commute_bus);
    let mut options: Vec<(CompanyActionKind, Option<&'static str>, String)> = Vec::new();
    if site.employees >= 5 && !site.focus.is_empty() {
        options.push((
            Subsidy,
            Some("일자리 채움 청년지원금"),
            format!("빈일자리 업종 청년 정규직 채용 시 지원금(청년 본인 지급) 요건 안내, {title} 채용에 적용 검토"),
        ));
    }
    if site.employees >= 5 {
        options.push((
            Subsidy,
            Some("청년일자리도약장려금"),
            "청년 정규직 채용 시 인건비 지원 요건 안내 및 참여 신청서 작성 지원".to_owned(),
        ));
    }
    if site.complex.is_some() && !housing {
        options.push((
            Subsidy,
            Some("기숙사 임차비 지원"),
            "산업단지 중소기업 기숙사 임차비 지원사업 안내, 신청 서류 안내".to_owned(),
        ));
    }
    if site.complex.is_some() && !bus {
        options.push((
            Subsidy,
            Some("통근버스 지원"),
            "산업단지 통근버스 임차비 지원 연계, 인근 역 경유 노선 협의".to_owned(),
        ));
    }
    if site.employees >= 20 {
        options.push((
            WorkingEnvironment,
            Some("일터혁신 컨설팅"),
            "근로시간·교대제 개선을 위한 일터혁신 컨설팅 신청 연계".to_owned(),
        ));
    }
    if site.focus.contains(&FocusIndustry::Ppuri) {
        options.push((
            Subsidy,
            Some("뿌리기업 확인"),
            "뿌리기업 확인서 발급 절차 안내(외국인력 고용 한도 우대)".to_owned(),
        ));
    }
    if site.focus.contains(&FocusIndustry::Shipbuilding) {
        options.push((
            Subsidy,
            Some("조선업 재직자 희망공제"),
            "조선업 협력사 재직자 희망공제 가입 안내, 신규 입사자 정착 지원".to_owned(),
        ));
    }
    options.push((
        RecruitmentBranding,
        None,
        format!("구인공고 개선: {title} 공고에 작업내용·교대형태·기숙사 여부·임금 구성 명시, 작업장 사진 추가"),
    ));
    options.push((
        HrManagement,
        None,
        "근로계약서·취업규칙 정비, 수습기간 운영과 신규 입사자 멘토 지정 안내".to_owned(),
    ));
    options.push((
        JobFair,
        None,
        format!("매칭데이 참가 신청, {title} 현장면접 부스 배정"),
    ));
    let count = d.between(1, 3) as usize;
    let picked: Vec<usize> = {
        let indices: Vec<usize> = (0..options.len()).collect();
        let mut p = d.sample(&indices, count);
        p.sort_unstable();
        p
    };
    let mut chosen = Vec::with_capacity(picked.len());
    for (i, option) in options.into_iter().enumerate() {
        if picked.contains(&i) {
            chosen.push(option);
        }
    }
    chosen
}

/// A demo action as a plan item: owner, due date, status and result follow
/// from a hash of what the dice drew for it (no draw of its own, so every
/// other record of the seed stays as it was). Due 2–8 weeks after it was
/// agreed; past due, three in four are 완료 with a result and the rest
/// still 진행 중 (오늘 할 일 lists them); not yet due, 계획.
struct Plan {
    owner: &'static str,
    due_on: NaiveDate,
    status: ActionStatus,
    follow_up_on: Option<NaiveDate>,
    result: Option<String>,
}

fn plan_of(kind: CompanyActionKind, description: &str, on: NaiveDate, today: NaiveDate) -> Plan {
    // FNV-1a over the drawn fields.
    let hash = format!("{description}|{on}")
        .bytes()
        .fold(0x811c_9dc5_u32, |h, b| {
            (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
        });
    let due_on = plus_days(on, 14 + i64::from((hash >> 8) % 43));
    let owner = match kind {
        CompanyActionKind::Subsidy | CompanyActionKind::JobFair => "담당 상담사",
        _ => "기업 인사담당자",
    };
    let (status, result) = if due_on >= today {
        (ActionStatus::Planned, None)
    } else if (hash >> 16) % 4 == 0 {
        (ActionStatus::InProgress, None)
    } else {
        let result = match kind {
            CompanyActionKind::Subsidy => "신청 서류 안내 완료, 기업이 신청함",
            CompanyActionKind::RecruitmentBranding | CompanyActionKind::PostingImprovement => {
                "공고 수정·재게시 완료"
            }
            CompanyActionKind::JobFair => "매칭데이 참여, 면접 진행",
            _ => "개선안 전달, 기업이 반영하기로 함",
        };
        (ActionStatus::Done, Some(result.to_owned()))
    };
    Plan {
        owner,
        due_on,
        status,
        follow_up_on: status.is_open().then(|| plus_days(due_on, 7)),
        result,
    }
}
