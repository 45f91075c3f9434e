//! A seeker's case file: counseling sessions spread over the months, the
//! JobCare and psychological test results, IAP activities, referrals to
//! partner institutions, applications to the generated vacancies, the
//! placement and the retention checks at 3, 6 and 12 months. Items come out
//! in date order after the seeker.

use crate::company::Market;
use crate::dice::{Dice, plus_days};
use crate::jobs;
use crate::names::firm_name;
use crate::seeker::{Person, is_active};
use crate::team::{Need, Team};
use crate::text::{self, Moment, Talk};
use crate::{DemoItem, World};
use chrono::{Datelike, Months, NaiveDate};
use doyak_domain::events::{
    ApplicationStatus, ContactMode, DiagnosisInstrument, EmploymentType, IapActivityKind,
    IapCompliance, LeftReason,
};
use doyak_domain::seeker::{BarrierKind, TargetGroup};
use doyak_domain::{
    Application, CaseEvent, EventBody, Id, KecoCode, Referral, ReferralStatus, SeekerStatus,
};

/// The longest a referral stays open without a result.
const OPEN_REFERRAL_MAX_DAYS: i64 = 120;

mod applications;
use applications::{app_view, applications};

/// A month of the IAP with an activity marked 이행, and the days a contact
/// confirming it can fall on.
#[derive(Debug)]
struct DoneMonth {
    first: NaiveDate,
    from: NaiveDate,
    to: NaiveDate,
    activity: String,
}

/// An application decided before the notes are written, so the notes can
/// mention it.
#[derive(Debug, Clone, Copy)]
struct Planned {
    opening: u32,
    on: NaiveDate,
    status: ApplicationStatus,
}

/// Appends the case file of `person` to `out`, in date order.
pub(crate) fn case_file(
    world: &World,
    team: &Team,
    market: &Market,
    d: &mut Dice,
    person: &Person,
    out: &mut Vec<DemoItem>,
) {
    let today = world.today;
    let t = person.timeline;
    let end = t.end(today);
    let p = person.profile();
    let mut items: Vec<(NaiveDate, DemoItem)> = Vec::new();
    let event =
        |d: &mut Dice, items: &mut Vec<(NaiveDate, DemoItem)>, subject: Id, on: NaiveDate, body| {
            let id = d.id_on(on);
            items.push((
                on,
                DemoItem::Event(CaseEvent {
                    id,
                    center_id: world.center_id,
                    subject_id: subject,
                    author_id: Some(team.author(person.counselor, d)),
                    recorded_at: Dice::written_at(id),
                    occurred_on: on,
                    supersedes: None,
                    body,
                }),
            ));
            id
        };

    // Applications first: the session notes talk about them.
    let (planned, hired) = applications(world, market, d, person);
    let mut hired_id = None;
    for a in &planned {
        let note = match a.status {
            ApplicationStatus::Rejected => Some("경력 요건 미충족".to_owned()),
            ApplicationStatus::Withdrawn => Some("통근 거리 부담으로 구직자 포기".to_owned()),
            _ => None,
        };
        let id = d.id_on(a.on);
        if a.status == ApplicationStatus::Hired {
            hired_id = Some(id);
        }
        items.push((
            a.on,
            DemoItem::Application(Application {
                id,
                center_id: world.center_id,
                seeker_id: person.id,
                vacancy_id: market.openings[a.opening as usize].id,
                applied_on: a.on,
                status: a.status,
                note,
            }),
        ));
    }

    // Placement and retention.
    let mut employer_name = String::new();
    if person.status == SeekerStatus::Employed
        && let Some(started) = t.outcome
    {
        let (employer, company_id, vacancy_id, occupation, wage) = match hired {
            Some(a) => {
                let o = &market.openings[a.opening as usize];
                let firm = &market.firms[o.firm as usize];
                (
                    firm.name.clone(),
                    Some(firm.id),
                    Some(o.id),
                    jobs::profile(o.job).keco,
                    o.wage,
                )
            }
            None => {
                let (name, _) = firm_name(d, p.employer_words, 0.5);
                let keco = match person.secondary {
                    Some(s) if d.chance(0.2) => s,
                    _ => p.keco,
                };
                // At least 220만원, above the 최저임금 (as the vacancies).
                let wage = ((person.wage_10k + d.range(-3, 2) * 10).clamp(220, 450)) * 10_000;
                (name, None, None, keco, wage)
            }
        };
        employer_name = employer.clone();
        let part_time_rate = if matches!(p.keco, "55" | "56" | "53") {
            20
        } else {
            5
        };
        let employment = d.weighted(&[
            (EmploymentType::Permanent, 65),
            (EmploymentType::FixedTerm, 30 - part_time_rate / 2),
            (EmploymentType::PartTime, part_time_rate),
        ]);
        let placement = event(
            d,
            &mut items,
            person.id,
            started,
            EventBody::Placement {
                employer,
                company_id,
                vacancy_id,
                occupation: Some(KecoCode(occupation.to_owned())),
                wage_monthly: Some(wage),
                employment,
                weekly_hours: None,
                application_id: hired_id,
            },
        );
        for (months, rate) in [(3u8, 0.88), (6, 0.88), (12, 0.85)] {
            let Some(due) = started.checked_add_months(Months::new(u32::from(months))) else {
                break;
            };
            let on = plus_days(due, d.range(0, 14));
            if on > today {
                break;
            }
            let still_employed = d.chance(rate);
            let note = if still_employed {
                d.chance(0.5).then(|| {
                    d.one(&[
                        "근무 중, 적응 양호",
                        "근무 중, 임금 정상 지급 확인",
                        "근무 중, 교대근무 적응 완료",
                    ])
                    .to_owned()
                })
            } else {
                Some(
                    d.one(&[
                        "계약기간 만료로 퇴사, 재참여 안내",
                        "근무환경 부적응으로 퇴사",
                        "건강 문제로 퇴사",
                    ])
                    .to_owned(),
                )
            };
            event(
                d,
                &mut items,
                placement,
                on,
                EventBody::RetentionCheck {
                    months,
                    still_employed,
                    // Read off the note, so the generator draws no more
                    // numbers than before and a seed's caseload stays put.
                    left_reason: left_reason(still_employed, note.as_deref()),
                    note,
                    method: Some(ContactMode::Phone),
                    left_on: None,
                },
            );
            if !still_employed {
                break;
            }
        }
    }

    // Diagnoses.
    let certificate = person.recommended;
    // What the tests found, so the session notes quote the same results.
    let mut results = text::Results::default();
    if let Some(day) = t.diagnosis {
        if d.chance(0.9) {
            let fit = d.between(55, 92);
            results.fit = Some(fit);
            let coverage = d.between(40, 90);
            let advice = certificate
                .map(|c| format!(", 추천 자격: {c}"))
                .unwrap_or_default();
            let mut recommended = vec![KecoCode(p.keco.to_owned())];
            if let Some(s) = person.secondary {
                recommended.push(KecoCode(s.to_owned()));
            }
            event(
                d,
                &mut items,
                person.id,
                day,
                EventBody::Diagnosis {
                    instrument: DiagnosisInstrument::JobCare,
                    summary: format!(
                        "잡케어 직무역량 진단: {} 직무 적합도 {fit}점, NCS 능력단위 충족률 {coverage}%. 추천 훈련: {}{advice}.",
                        p.label, person.course
                    ),
                    scores: vec![
                        ("직무적합도".to_owned(), f64::from(fit)),
                        ("능력단위 충족률".to_owned(), f64::from(coverage)),
                    ],
                    recommended_occupations: recommended,
                    form: None,
                },
            );
        }
        if d.chance(0.55) {
            let on = d.day(plus_days(day, -3).max(t.enrolled), day);
            let (scores, top) = riasec(d, p.riasec);
            let names: Vec<&str> = top.chars().map(text::riasec_name).collect();
            results.preference = Some(top.clone());
            event(
                d,
                &mut items,
                person.id,
                on,
                EventBody::Diagnosis {
                    instrument: DiagnosisInstrument::JobPreference,
                    summary: format!(
                        "직업선호도검사(S형): {top} 유형({}). {} 직무와 흥미 일치.",
                        names.join("·"),
                        p.label
                    ),
                    scores,
                    recommended_occupations: vec![KecoCode(p.keco.to_owned())],
                    form: None,
                },
            );
        }
        if d.chance(0.25) {
            results.readiness = true;
            let scores: Vec<(String, f64)> = [
                "경제적 취약성",
                "구직 동기",
                "자아존중감",
                "자기효능감",
                "고용 가능성",
            ]
            .iter()
            .map(|s| ((*s).to_owned(), f64::from(d.between(30, 80))))
            .collect();
            event(
                d,
                &mut items,
                person.id,
                day,
                EventBody::Diagnosis {
                    instrument: DiagnosisInstrument::JobReadiness,
                    summary: "구직준비도검사: 구직 동기는 양호하나 구직기술 보완 필요".to_owned(),
                    scores,
                    recommended_occupations: Vec::new(),
                    form: None,
                },
            );
        }
    }

    // IAP activities, month by month from the plan to the outcome. An
    // activity is marked 이행 only once someone confirmed it: each month with
    // one gets a contact (below) if it has none.
    let mut done_months: Vec<DoneMonth> = Vec::new();
    if let Some(start) = t.consulting {
        event(
            d,
            &mut items,
            person.id,
            start,
            EventBody::IapGoal {
                occupation: KecoCode(p.keco.to_owned()),
                reason: Some(format!("진단 결과 {} 직무 적합", p.label)),
                diagnosis_id: None,
            },
        );
        let mut month = start.with_day(1).unwrap_or(start);
        let this_month = today.with_day(1).unwrap_or(today);
        let last_month = this_month
            .checked_sub_months(Months::new(1))
            .unwrap_or(this_month);
        for n in 0..6 {
            if month > end || month > today {
                break;
            }
            let on = if n == 0 { start } else { month };
            let label = format!("{:04}-{:02}", month.year(), month.month());
            let first = match (person.missing, n) {
                (Some(_), 0 | 1) => IapActivityKind::Certificate,
                _ if d.chance(0.25) => IapActivityKind::Training,
                _ => IapActivityKind::JobSearch,
            };
            let mut kinds = vec![first];
            if d.chance(0.5) {
                kinds.push(IapActivityKind::Program);
            }
            for kind in kinds {
                let description = match kind {
                    IapActivityKind::Certificate => format!(
                        "{} 취득 준비 (필기·실기 응시)",
                        person.missing.or(certificate).unwrap_or("관련 자격")
                    ),
                    IapActivityKind::Training => {
                        format!("'{}' 수강 (국민내일배움카드)", person.course)
                    }
                    IapActivityKind::JobSearch => format!(
                        "고용24 {} 분야 입사지원 {}건 이상",
                        p.label,
                        d.between(2, 5)
                    ),
                    _ => d
                        .one(&[
                            "이력서·자기소개서 클리닉 참여",
                            "모의면접 프로그램 참여",
                            "취업특강(산업안전 기초) 참여",
                            "채용박람회 참가",
                        ])
                        .to_owned(),
                };
                let done = if month < this_month {
                    d.chance(0.8)
                } else {
                    false
                };
                if done && done_months.last().is_none_or(|m| m.first != month) {
                    let last = month
                        .checked_add_months(Months::new(1))
                        .map_or(month, |next| plus_days(next, -1));
                    done_months.push(DoneMonth {
                        first: month,
                        from: on,
                        to: last.min(end),
                        activity: description.clone(),
                    });
                }
                // A month before last was checked at its monthly review:
                // what was not done is 일부 이행 or 미이행 with its reason.
                // Last month's review may still be due (기한 지난 활동).
                let (compliance, compliance_note) = if done {
                    (Some(IapCompliance::Done), None)
                } else if month < last_month {
                    let reasons = [
                        (IapCompliance::Partly, "일정 일부만 참여 (건강 사유)"),
                        (IapCompliance::Missed, "단기 아르바이트로 참여하지 못함"),
                        (IapCompliance::Partly, "지원 건수 목표에 못 미침"),
                    ];
                    let (c, why) = reasons[month.month() as usize % reasons.len()];
                    (Some(c), Some(why.to_owned()))
                } else {
                    (None, None)
                };
                event(
                    d,
                    &mut items,
                    person.id,
                    on,
                    EventBody::IapActivity {
                        month: label.clone(),
                        kind,
                        description,
                        done,
                        compliance,
                        compliance_note,
                    },
                );
            }
            match month.checked_add_months(Months::new(1)) {
                Some(next) => month = next,
                None => break,
            }
        }
    }

    // Counseling sessions.
    let talk = Talk {
        person,
        label: p.label,
        secondary: person
            .secondary
            .and_then(|k| world.refdata.keco(k))
            .map(|k| k.name_ko.as_str()),
        certificate,
        benefit_ends: person.benefit_ends,
        results,
    };
    let mut days: Vec<NaiveDate> = vec![t.enrolled];
    days.extend(t.diagnosis.map(|x| plus_days(x, d.range(0, 7)).min(end)));
    days.extend(t.consulting);
    let extra = match person.reached {
        SeekerStatus::Intake => 0,
        SeekerStatus::Diagnosis => d.between(0, 1),
        SeekerStatus::Consulting => d.between(0, 3),
        _ => d.between(1, 5),
    };
    for _ in 0..extra {
        days.push(d.day(t.enrolled, end));
    }
    let closing = match (person.status, t.outcome) {
        (SeekerStatus::Employed, Some(on)) => Some(plus_days(on, d.range(0, 14)).min(today)),
        (SeekerStatus::Closed, Some(on)) => Some(on),
        _ => None,
    };
    let contacted = |days: &[NaiveDate], m: &DoneMonth| {
        days.iter()
            .chain(closing.as_ref())
            .any(|x| m.first <= *x && *x <= m.to)
    };
    let mut checks: Vec<(NaiveDate, &str)> = Vec::new();
    for m in &done_months {
        if !contacted(&days, m) {
            checks.push((d.day(m.from.max(m.first), m.to), &m.activity));
        }
    }
    days.extend(checks.iter().map(|(on, _)| *on));
    days.sort_unstable();
    days.dedup();
    let closing_reason = d.one(text::CLOSING_REASONS);
    let mut seen = [false; 4];
    let all: Vec<(NaiveDate, bool)> = days
        .iter()
        .map(|&x| (x, false))
        .chain(closing.map(|x| (x, true)))
        .collect();
    for (i, &(on, is_closing)) in all.iter().enumerate() {
        let check = checks
            .iter()
            .find(|(c, _)| *c == on && !is_closing)
            .map(|(_, activity)| *activity);
        let stage = if on < t.diagnosis.unwrap_or(NaiveDate::MAX) {
            0
        } else if on < t.consulting.unwrap_or(NaiveDate::MAX) {
            1
        } else if on < t.job_search.unwrap_or(NaiveDate::MAX) {
            2
        } else {
            3
        };
        let first = !seen[stage];
        if check.is_none() {
            seen[stage] = true;
        }
        let app = (stage == 3)
            .then(|| {
                planned
                    .iter()
                    .rev()
                    .find(|a| a.on <= on)
                    .map(|a| app_view(market, a, on))
            })
            .flatten();
        let moment = if let Some(activity) = check {
            Moment::IapCheck { activity }
        } else if is_closing {
            if person.status == SeekerStatus::Employed {
                Moment::Employed {
                    employer: &employer_name,
                }
            } else {
                Moment::Closed {
                    reason: closing_reason,
                }
            }
        } else {
            match stage {
                0 => Moment::Intake,
                1 => Moment::Diagnosis { first },
                2 => Moment::Consulting { first },
                _ => Moment::JobSearch { app },
            }
        };
        let (content, next_step) = text::session(d, &talk, moment);
        let next_on = match all.get(i + 1) {
            Some(&(next, _)) => Some(next),
            // A seeker still in the program has the next appointment booked,
            // which may well be after today.
            None if is_active(person.status) => Some(plus_days(on, d.range(14, 28))),
            None => None,
        };
        let mode = if i == 0 {
            ContactMode::InPerson
        } else if check.is_some() {
            // A monthly IAP check is a phone call.
            ContactMode::Phone
        } else {
            d.weighted(&[
                (ContactMode::InPerson, 65),
                (ContactMode::Phone, 25),
                (ContactMode::Video, 10),
            ])
        };
        let minutes = match (i, mode) {
            (0, _) => d.weighted(&[(50, 30), (60, 40), (70, 20), (90, 10)]),
            (_, ContactMode::Phone) => d.weighted(&[(10, 30), (15, 30), (20, 25), (30, 15)]),
            (_, ContactMode::Video) => d.weighted(&[(30, 30), (40, 40), (50, 30)]),
            _ => d.weighted(&[(40, 15), (45, 20), (50, 35), (55, 15), (60, 15)]),
        };
        event(
            d,
            &mut items,
            person.id,
            on,
            EventBody::CounselingSession {
                minutes,
                mode,
                content,
                next_step,
                next_on,
            },
        );
    }

    // Referrals to partner institutions, for the needs the file shows.
    if let Some(diagnosed) = t.diagnosis {
        let has = |k: BarrierKind| person.barriers.contains(&k);
        let needs = [
            (
                Need::MentalHealth,
                if has(BarrierKind::Psychological) {
                    0.5
                } else {
                    0.0
                },
            ),
            (
                Need::Finance,
                if has(BarrierKind::Finance) { 0.4 } else { 0.0 },
            ),
            (
                Need::Housing,
                if has(BarrierKind::Housing) { 0.5 } else { 0.0 },
            ),
            (Need::Care, if has(BarrierKind::Care) { 0.3 } else { 0.0 }),
            (
                Need::Health,
                if has(BarrierKind::Health) { 0.3 } else { 0.0 },
            ),
            (
                Need::Training,
                if person.missing.is_some() { 0.15 } else { 0.02 },
            ),
            (
                Need::Disabled,
                if person.has(TargetGroup::Disabled) {
                    0.5
                } else {
                    0.0
                },
            ),
            (
                Need::Migrant,
                if person.has(TargetGroup::Migrant) {
                    0.4
                } else {
                    0.0
                },
            ),
            (
                Need::Welfare,
                if person.has(TargetGroup::LowIncome) {
                    0.3
                } else {
                    0.0
                },
            ),
            (
                Need::Youth,
                if person.track == doyak_domain::seeker::Track::Youth {
                    0.06
                } else {
                    0.0
                },
            ),
            (
                Need::Women,
                if person.has(TargetGroup::CareerWomen) {
                    0.1
                } else {
                    0.0
                },
            ),
            (Need::Senior, if person.age >= 60 { 0.06 } else { 0.0 }),
        ];
        let mut made = 0;
        for (need, rate) in needs {
            if made == 2 || rate == 0.0 || !d.chance(rate) {
                continue;
            }
            let Some(partner) = team.partner_for(need, d) else {
                continue;
            };
            made += 1;
            let referred_on = d.day(diagnosed, end);
            let elapsed = (today - referred_on).num_days();
            let status = if elapsed < 14 {
                d.weighted(&[
                    (ReferralStatus::Requested, 60),
                    (ReferralStatus::Accepted, 40),
                ])
            } else if elapsed < 45 {
                d.weighted(&[
                    (ReferralStatus::Accepted, 30),
                    (ReferralStatus::InProgress, 40),
                    (ReferralStatus::Completed, 30),
                ])
            } else {
                d.weighted(&[
                    (ReferralStatus::Completed, 60),
                    (ReferralStatus::InProgress, 10),
                    (ReferralStatus::Declined, 15),
                    (ReferralStatus::Cancelled, 15),
                ])
            };
            // Counselors chase a referral every month: one a partner has not
            // answered in four months is closed, and a closed case keeps
            // no referral open.
            let status = if status.rank() < 3
                && (elapsed > OPEN_REFERRAL_MAX_DAYS || person.status == SeekerStatus::Closed)
            {
                d.weighted(&[
                    (ReferralStatus::Completed, 60),
                    (ReferralStatus::Cancelled, 40),
                ])
            } else {
                status
            };
            let finished = status.rank() == 3;
            let result_on = finished.then(|| plus_days(referred_on, d.range(7, 60)).min(today));
            let result_note = match status {
                ReferralStatus::Completed => Some(format!(
                    "{} 결과 회신: 상담·지원 {}회 완료",
                    partner.name,
                    d.between(1, 8)
                )),
                ReferralStatus::Declined => Some("본인 거부로 연계 중단".to_owned()),
                ReferralStatus::Cancelled => Some("연락 두절로 취소".to_owned()),
                _ => None,
            };
            let referral = DemoItem::Referral(Referral {
                id: d.id_on(referred_on),
                center_id: world.center_id,
                subject_id: person.id,
                partner_id: partner.id,
                purpose: purpose(need, person).to_owned(),
                referred_on,
                status,
                result_on,
                result_note,
            });
            // No 기관연계 without 제3자 제공 consent (the demo's forms name
            // 구인기업·연계기관 together). Made either way, so the dice
            // roll alike and nothing else of the person changes.
            if person.may_share {
                items.push((referred_on, referral));
            }
        }
    }

    items.sort_by_key(|(on, _)| *on);
    out.extend(items.into_iter().map(|(_, item)| item));
}

/// RIASEC scores with the job's letters on top, and the two highest letters.
fn riasec(d: &mut Dice, letters: &str) -> (Vec<(String, f64)>, String) {
    let mut scores: Vec<(char, u32)> = "RIASEC"
        .chars()
        .map(|c| {
            let boost = match letters.find(c) {
                Some(0) => d.between(25, 35),
                Some(_) => d.between(15, 25),
                None => 0,
            };
            (c, d.between(30, 55) + boost)
        })
        .collect();
    let as_list = scores
        .iter()
        .map(|(c, s)| (c.to_string(), f64::from(*s)))
        .collect();
    scores.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let top: String = scores.iter().take(2).map(|(c, _)| *c).collect();
    (as_list, top)
}

fn purpose(need: Need, person: &Person) -> &'static str {
    match need {
        Need::Training => "직업훈련 연계: 자격 취득 과정 수강 상담",
        Need::MentalHealth => "심리상담 연계: 장기 실직에 따른 우울감·불안 상담",
        Need::Finance => "채무조정·서민금융 상담 연계",
        Need::Housing => "주거급여·긴급 주거지원 상담 연계",
        Need::Care if person.age < 45 => "아이돌봄 서비스 연계",
        Need::Care => "가족 돌봄 지원 서비스 연계",
        Need::Health => "건강 상담 및 재활 프로그램 연계",
        Need::Youth => "청년 취업 프로그램(직무 멘토링) 연계",
        Need::Disabled => "장애인 맞춤형 취업지원 연계",
        Need::Migrant => "한국어 교육·통번역 지원 연계",
        Need::Welfare => "긴급복지·생계지원 상담 연계",
        Need::Women => "경력보유여성 직업교육훈련 연계",
        Need::Senior => "중장년 재취업 프로그램 연계",
        Need::Workplace => "근로환경 개선 컨설팅 연계",
    }
}

/// Why a demo seeker left, as their retention note says.
fn left_reason(still_employed: bool, note: Option<&str>) -> Option<LeftReason> {
    if still_employed {
        None
    } else if note.is_some_and(|n| n.starts_with("계약기간 만료")) {
        Some(LeftReason::ContractEnded)
    } else {
        Some(LeftReason::Voluntary)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn riasec_puts_the_jobs_letters_first() {
        let mut d = Dice::new(1, 0);
        let mut r_first = 0;
        for _ in 0..200 {
            let (scores, top) = riasec(&mut d, "RC");
            assert_eq!(scores.len(), 6);
            if top.starts_with('R') {
                r_first += 1;
            }
        }
        assert!(r_first > 150, "R leads {r_first} of 200 times for a welder");
    }
}
