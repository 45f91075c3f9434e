//! Companies on the 기업 도약보장 side: the firm, its vacancies (1–4, shaped
//! by its industry and site), and its file: the first visit (찾아가는
//! 기업진단), the 구인애로 diagnosis, consulting actions and subsidies, talent
//! matching and closing visits. Also keeps the compact index of firms and
//! vacancies that seekers later apply to.

use crate::dice::{Dice, plus_days};
use crate::industry::ResolvedKind;
use crate::jobs::{self, Job};
use crate::names::{firm_name, korean_name};
use crate::team::{Need, Team};
use crate::{DemoItem, World, streams};
use chrono::{Datelike, NaiveDate};
use doyak_domain::events::{CompanyActionKind, ContactMode, HiringDifficulty};
use doyak_domain::seeker::Gender;
use doyak_domain::validate::check_digit;
use doyak_domain::{
    BusinessNumber, CaseEvent, Company, CompanyStatus, EventBody, FocusIndustry, Id, KecoCode,
    KsicCode, Phone, Referral, ReferralStatus, Shift, Vacancy, VacancyStatus,
};
use std::collections::{BTreeMap, HashSet};

/// A firm as seekers' placements refer to it.
#[derive(Debug)]
pub(crate) struct Firm {
    pub id: Id,
    pub name: String,
}

/// A vacancy as seekers' applications refer to it.
#[derive(Debug)]
pub(crate) struct Opening {
    pub id: Id,
    pub firm: u32,
    pub job: Job,
    pub title: String,
    pub wage: i64,
    pub shift: Shift,
    pub place: u16,
    pub opened_on: NaiveDate,
    pub closes_on: Option<NaiveDate>,
    pub status: VacancyStatus,
}

impl Opening {
    /// Whether someone could still apply on `day`.
    pub(crate) fn open_on(&self, day: NaiveDate) -> bool {
        self.opened_on <= day && self.closes_on.is_none_or(|c| day <= c)
    }
}

/// The firms and vacancies of a run, with vacancies indexed by KECO middle
/// group for matching.
#[derive(Debug, Default)]
pub(crate) struct Market {
    pub firms: Vec<Firm>,
    pub openings: Vec<Opening>,
    pub by_keco: BTreeMap<&'static str, Vec<u32>>,
}

pub(crate) struct CompanyMaker<'a> {
    world: &'a World,
    team: &'a Team,
    dice: Dice,
    names: HashSet<String>,
    market: Market,
}

impl std::fmt::Debug for CompanyMaker<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CompanyMaker")
            .field("firms", &self.market.firms.len())
            .finish_non_exhaustive()
    }
}

/// A vacancy being drafted, before the company's events are written.
struct Draft {
    vacancy: Vacancy,
    job: Job,
}

impl<'a> CompanyMaker<'a> {
    pub(crate) fn new(world: &'a World, team: &'a Team) -> Self {
        CompanyMaker {
            world,
            team,
            dice: Dice::for_center(world.seed, streams::COMPANIES, world.center_id),
            names: HashSet::new(),
            market: Market::default(),
        }
    }

    pub(crate) fn into_market(self) -> Market {
        self.market
    }

    /// The `index`-th company, its vacancies and its events, appended to `out`.
    pub(crate) fn make(&mut self, index: u32, out: &mut Vec<DemoItem>) {
        let world = self.world;
        let Some(kind) = world.industries.pick(&mut self.dice) else {
            return;
        };
        let today = world.today;
        let d = &mut self.dice;

        let status = d.weighted(&[
            (CompanyStatus::Found, 8),
            (CompanyStatus::Diagnosis, 14),
            (CompanyStatus::Consulting, 20),
            (CompanyStatus::Matching, 35),
            (CompanyStatus::Hired, 16),
            (CompanyStatus::Closed, 7),
        ]);
        let (min_days, max_days) = match status {
            CompanyStatus::Found => (0, 45),
            CompanyStatus::Diagnosis => (10, 120),
            CompanyStatus::Consulting => (30, 300),
            CompanyStatus::Matching => (45, 540),
            CompanyStatus::Hired => (60, 540),
            CompanyStatus::Closed => (90, 540),
        };
        let enrolled_on = plus_days(today, -d.range(min_days, max_days));
        // How far a closed file got before it was closed.
        let reached = if status == CompanyStatus::Closed {
            d.weighted(&[
                (CompanyStatus::Diagnosis, 20),
                (CompanyStatus::Consulting, 30),
                (CompanyStatus::Hired, 50),
            ])
        } else {
            status
        };

        let slot = d.below(kind.ksic.len() as u32) as usize;
        let ksic = kind.ksic[slot];
        let focus = kind.focus[slot].clone();
        let (size, employees) = kind.kind.size(d);
        let complex = if kind.kind.factory && !world.region.complexes.is_empty() && d.chance(0.6) {
            d.pick(&world.region.complexes).cloned()
        } else {
            None
        };
        let place = complex
            .as_ref()
            .map_or_else(|| world.region.firm_site(d), |c| c.place);

        let mut name = String::new();
        let mut corporation = false;
        for _ in 0..6 {
            let (n, form) = firm_name(d, kind.kind.firm_words, kind.kind.corporate_share);
            name = n;
            corporation = form.is_corporation();
            if !self.names.contains(&name) {
                break;
            }
        }
        self.names.insert(name.clone());

        let ppuri_techs: Vec<String> = if focus.contains(&FocusIndustry::Ppuri) {
            let mut techs = Vec::new();
            for (i, t) in kind.kind.ppuri.iter().enumerate() {
                if i == 0 || d.chance(0.3) {
                    techs.push((*t).to_owned());
                }
            }
            techs
        } else {
            Vec::new()
        };
        let contact_gender = if d.chance(0.55) {
            Gender::Male
        } else {
            Gender::Female
        };
        let contact_birth_year = today.year() - d.between(30, 60) as i32;
        let contact_name = korean_name(d, contact_gender, contact_birth_year);
        let contact_phone = if d.chance(0.6) {
            world.region.landline(d, place)
        } else {
            d.mobile()
        };
        let id = d.id_on(enrolled_on);
        let counselor = self.team.company_counselor(index, d);
        let note = if d.chance(0.3) {
            Some(d.one(FIRM_NOTES).to_owned())
        } else {
            None
        };
        let company = Company {
            id,
            center_id: world.center_id,
            counselor_id: Some(counselor),
            name: name.clone(),
            business_number: business_number(d, corporation),
            ksic_code: KsicCode(ksic.to_owned()),
            size,
            employees: Some(employees),
            sigungu: world.region.code(place),
            address: Some(world.region.address(d, place)),
            industrial_complex: complex.as_ref().map(|c| c.name.to_owned()),
            focus_industries: focus.clone(),
            ppuri_techs,
            contact_name: Some(contact_name),
            contact_phone: Phone::parse(&contact_phone).ok(),
            status,
            enrolled_on: Some(enrolled_on),
            note,
        };

        let site = Site {
            id,
            counselor,
            kind,
            complex: company.industrial_complex.clone(),
            employees,
            enrolled_on,
            status,
            reached,
            focus,
            place,
        };
        let drafts = self.vacancies(&site);
        out.push(DemoItem::Company(company));
        let firm = self.market.firms.len() as u32;
        self.market.firms.push(Firm { id, name });
        for draft in &drafts {
            let v = &draft.vacancy;
            let at = self.market.openings.len() as u32;
            self.market.openings.push(Opening {
                id: v.id,
                firm,
                job: draft.job,
                title: v.title.clone(),
                wage: v.wage_monthly.unwrap_or(0),
                shift: v.shift,
                place,
                opened_on: v.opened_on,
                closes_on: v.closes_on,
                status: v.status,
            });
            self.market
                .by_keco
                .entry(jobs::profile(draft.job).keco)
                .or_default()
                .push(at);
        }
        let mut events = self.events(&site, &drafts);
        events.sort_by_key(|e| e.0);
        out.extend(drafts.into_iter().map(|d| DemoItem::Vacancy(d.vacancy)));
        out.extend(events.into_iter().map(|e| e.1));
    }

    fn vacancies(&mut self, site: &Site) -> Vec<Draft> {
        let world = self.world;
        let today = world.today;
        let d = &mut self.dice;
        let count = if site.status == CompanyStatus::Found {
            d.between(1, 2)
        } else {
            d.weighted(&[(1, 35), (2, 35), (3, 20), (4, 10)])
        };
        let mut chosen: Vec<Job> = Vec::new();
        let mut drafts = Vec::new();
        for n in 0..count {
            let mut job = d.weighted(site.kind.kind.jobs);
            for _ in 0..3 {
                if !chosen.contains(&job) {
                    break;
                }
                job = d.weighted(site.kind.kind.jobs);
            }
            chosen.push(job);
            let p = jobs::profile(job);
            let resolved = world.job(job);

            let status = match (site.status, n) {
                (CompanyStatus::Found, _) => VacancyStatus::Open,
                (CompanyStatus::Hired, 0) => VacancyStatus::Filled,
                (CompanyStatus::Matching, 0) => VacancyStatus::Open,
                (CompanyStatus::Closed, _) => {
                    d.weighted(&[(VacancyStatus::Filled, 50), (VacancyStatus::Closed, 50)])
                }
                _ => d.weighted(&[
                    (VacancyStatus::Open, 55),
                    (VacancyStatus::Filled, 25),
                    (VacancyStatus::Closed, 20),
                ]),
            };
            let floor = plus_days(site.enrolled_on, -30);
            let (opened_on, closes_on) = if status == VacancyStatus::Open {
                // Most postings are recent; some have been open for months,
                // which is exactly what the desk flags.
                let back = if d.chance(0.7) {
                    d.range(0, 60)
                } else {
                    d.range(90, 420)
                };
                (plus_days(today, -back).max(floor), None)
            } else {
                let opened = d.day(floor, plus_days(today, -21));
                let closes = plus_days(opened, d.range(14, 120)).min(today);
                (opened, Some(closes))
            };

            let shift = p.shift(d);
            let in_complex = site.complex.is_some();
            let shipyard = site.kind.kind.focus == FocusIndustry::Shipbuilding;
            let housing_rate = match (in_complex, shipyard, site.kind.kind.factory) {
                (_, true, _) => 0.4,
                (true, _, _) => 0.35,
                (false, _, true) => 0.15,
                _ => 0.04,
            };
            let housing = d.chance(housing_rate);
            let commute_bus = d.chance(if in_complex { 0.45 } else { 0.08 });

            let mut wage = f64::from(d.between(p.wage.0, p.wage.1));
            wage += match shift {
                Shift::TwoShift => 20.0,
                Shift::ThreeShift => 30.0,
                Shift::Night => 25.0,
                _ => 0.0,
            };
            if site.employees >= 50 {
                wage += 15.0;
            }
            let wage_10k = ((wage / 10.0).round() * 10.0).clamp(210.0, 450.0) as i64;

            let weekly_hours = match shift {
                Shift::Day => d.weighted(&[(40, 60), (44, 25), (48, 15)]),
                Shift::TwoShift => d.weighted(&[(44, 30), (48, 40), (52, 30)]),
                Shift::ThreeShift | Shift::Night => d.weighted(&[(40, 50), (44, 30), (48, 20)]),
                Shift::Other => d.weighted(&[(44, 30), (48, 40), (52, 30)]),
            };

            let required: Vec<String> = if d.chance(p.require_rate) {
                resolved
                    .required
                    .iter()
                    .map(|slot| d.one(slot).to_owned())
                    .collect()
            } else {
                Vec::new()
            };
            let preferred_count = d.below(3) as usize;
            let preferred: Vec<String> = d
                .sample(&resolved.preferred, preferred_count)
                .into_iter()
                .filter(|n| !required.iter().any(|r| r == n))
                .map(str::to_owned)
                .collect();
            let skill_count = d.between(2, 3) as usize;
            let skills: Vec<String> = d
                .sample(p.skills, skill_count)
                .into_iter()
                .map(str::to_owned)
                .collect();
            let min_experience_years = match job {
                Job::Welder | Job::MouldMaker | Job::BusDriver | Job::Electrician => {
                    d.weighted(&[(0, 35), (1, 20), (2, 20), (3, 15), (5, 10)])
                }
                _ => d.weighted(&[(0, 60), (1, 15), (2, 12), (3, 9), (5, 4)]),
            };
            let base_title = d.one(p.vacancy_titles);
            let title = if min_experience_years == 0 && d.chance(0.3) {
                format!("{base_title} (초보 가능)")
            } else if shift.is_shift_work() && d.chance(0.4) {
                format!("{base_title} ({})", shift.label_ko())
            } else {
                base_title.to_owned()
            };
            let note = if d.chance(0.25) {
                Some(d.one(VACANCY_NOTES).to_owned())
            } else {
                None
            };
            let vacancy = Vacancy {
                id: d.id_on(opened_on.max(site.enrolled_on).min(today)),
                center_id: world.center_id,
                company_id: site.id,
                title,
                occupation: KecoCode(p.keco.to_owned()),
                headcount: d.weighted(&[(1, 40), (2, 30), (3, 15), (4, 8), (5, 7)]),
                wage_monthly: Some(wage_10k * 10_000),
                weekly_hours: Some(weekly_hours),
                shift,
                housing,
                commute_bus,
                required_certificates: required,
                preferred_certificates: preferred,
                skills,
                min_experience_years: Some(min_experience_years),
                sigungu: world.region.code(site.place),
                opened_on,
                closes_on,
                status,
                note,
            };
            drafts.push(Draft { vacancy, job });
        }
        drafts
    }

    /// The company's file, each event with the day it sorts by.
    fn events(&mut self, site: &Site, drafts: &[Draft]) -> Vec<(NaiveDate, DemoItem)> {
        let world = self.world;
        let today = world.today;
        let team = self.team;
        let d = &mut self.dice;
        let mut out: Vec<(NaiveDate, DemoItem)> = Vec::new();
        let mut push = |d: &mut Dice, on: NaiveDate, body: EventBody| {
            let event = CaseEvent {
                id: d.id_on(on),
                center_id: world.center_id,
                subject_id: site.id,
                author_id: Some(team.author(site.counselor, d)),
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
                },
            );
        }

        // Consulting actions and subsidies.
        if site.reached >= CompanyStatus::Consulting {
            let actions = company_actions(d, site, drafts);
            for (kind, subsidy, description) in actions {
                let on = step(d, &mut day, 5, 40);
                push(
                    d,
                    on,
                    EventBody::CompanyAction {
                        kind,
                        subsidy: subsidy.map(str::to_owned),
                        description,
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

/// What the generator knows about a firm while writing its file.
struct Site<'k> {
    id: Id,
    counselor: Id,
    kind: &'k ResolvedKind,
    complex: Option<String>,
    employees: u32,
    enrolled_on: NaiveDate,
    status: CompanyStatus,
    reached: CompanyStatus,
    focus: Vec<FocusIndustry>,
    place: u16,
}

/// A valid 사업자등록번호: a tax-office code, the 81/86/87/88 of a corporation
/// or an individual's 01–79, a serial and the NTS check digit.
fn business_number(d: &mut Dice, corporation: bool) -> BusinessNumber {
    let office = d.between(101, 899);
    let kind = if corporation {
        d.one(&[81, 86, 87, 88])
    } else {
        d.between(1, 79)
    };
    let serial = d.between(0, 9999);
    let mut digits: Vec<u32> = Vec::with_capacity(10);
    for (value, width) in [(office, 3), (kind, 2), (serial, 4)] {
        for i in (0..width).rev() {
            digits.push(value / 10u32.pow(i) % 10);
        }
    }
    let check = check_digit(&digits);
    let text: String = digits
        .iter()
        .chain(std::iter::once(&check))
        .filter_map(|x| char::from_digit(*x, 10))
        .collect();
    // The digit was computed by the rule parse checks; this cannot fail.
    BusinessNumber::parse(&text).unwrap_or_else(|e| unreachable!("{text}: {e}"))
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

const FIRM_NOTES: &[&str] = &[
    "외국인 근로자(E-9) 고용 중, 내국인 채용 희망",
    "기숙사 보유 (2인 1실)",
    "대표 면담 시 청년 채용 의지 높음",
    "상여금 연 400% 별도",
    "주 52시간 준수를 위해 교대조 개편 중",
    "인근 동종업체 대비 임금 수준 낮음",
    "산업안전보건 컨설팅 이력 있음",
    "원청 물량 증가로 하반기 추가 채용 예정",
    "인사담당자 교체로 연락처 확인 필요",
];

const VACANCY_NOTES: &[&str] = &[
    "중식 제공, 작업복 지급",
    "잔업·특근 시 수당 별도",
    "초보자 교육 후 배치",
    "주 5일 근무",
    "4대보험, 퇴직금",
    "수습 3개월 (급여 100%)",
    "인근 역에서 도보 15분",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn business_numbers_are_valid_and_corporate_ones_say_so() {
        let mut d = Dice::new(1, 0);
        for _ in 0..500 {
            let corp = business_number(&mut d, true);
            assert!(
                ["81", "86", "87", "88"].contains(&&corp.digits()[3..5]),
                "{corp}"
            );
            let sole = business_number(&mut d, false);
            let middle: u32 = sole.digits()[3..5].parse().expect("digits");
            assert!((1..=79).contains(&middle), "{sole}");
        }
    }

    #[test]
    fn notes_are_not_empty() {
        assert!(
            FIRM_NOTES
                .iter()
                .chain(VACANCY_NOTES)
                .all(|n| !n.is_empty())
        );
    }
}
