//! Companies on the 기업 도약보장 side: the firm, its vacancies (1–4, shaped
//! by its industry and site), and its file: the first visit (찾아가는
//! 기업진단), the 구인애로 diagnosis, consulting actions and subsidies, talent
//! matching and closing visits. Also keeps the compact index of firms and
//! vacancies that seekers later apply to.

use crate::dice::{Dice, plus_days};
use crate::industry::ResolvedKind;
use crate::jobs::{self, Job};
use crate::names::{firm_name, korean_name};
use crate::team::Team;
use crate::{DemoItem, World, streams};
use chrono::{Datelike, NaiveDate};
use doyak_domain::seeker::Gender;
use doyak_domain::validate::check_digit;
use doyak_domain::{
    BusinessNumber, Company, CompanyStatus, FocusIndustry, Id, KecoCode, KsicCode, Phone, Shift,
    Vacancy, VacancyStatus,
};
use std::collections::{BTreeMap, HashSet};

mod file;

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
            let (words, corporate_share) = kind.kind.naming(ksic);
            let (n, form) = firm_name(d, words, corporate_share);
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
            // At least 220만원: above every year's 최저임금 the reference data
            // has (2026: 월 2,156,880원 at 40 hours), so no demo vacancy breaks it.
            let wage_10k = ((wage / 10.0).round() * 10.0).clamp(220.0, 450.0) as i64;

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
                posting_text: None,
            };
            let vacancy = Vacancy {
                posting_text: posting_text(&vacancy),
                ..vacancy
            };
            drafts.push(Draft { vacancy, job });
        }
        drafts
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

/// Wording 공고 점검 flags, as firms still write it (연령, 성별, 용모, 신체
/// 조건, 개인정보), for some demo postings, so the check has work to show.
const FLAWED: &[&str] = &[
    "우대 사항: 30~45세 남성",
    "용모단정하고 신체 건강한 분 환영",
    "이력서에 가족관계 기재",
    "20~30대 여성 우대",
];

/// The 공고 본문 of a demo vacancy, written from its own fields with no
/// draw of the dice (so every other record of the seed stays as it was):
/// six in ten have one, and one in four of those carries a phrase of
/// [`FLAWED`]. Which ones follows a hash of what the dice drew for it (not
/// the id, whose bytes also carry the center's salt), so a seed gives the
/// same postings on every desk.
fn posting_text(v: &Vacancy) -> Option<String> {
    // FNV-1a over the drawn fields.
    let drawn = format!(
        "{}|{}|{}|{:?}|{:?}|{}",
        v.title, v.headcount, v.opened_on, v.wage_monthly, v.weekly_hours, v.sigungu
    );
    let hash = drawn.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    let last = hash >> 8;
    if last % 10 >= 6 {
        return None;
    }
    let mut lines = vec![format!("{} 모집 ({}명)", v.title, v.headcount)];
    if !v.skills.is_empty() {
        lines.push(format!("주요 업무: {}", v.skills.join(", ")));
    }
    let mut terms = Vec::new();
    if let Some(w) = v.wage_monthly {
        terms.push(format!("월 {}만원", w / 10_000));
    }
    if let Some(h) = v.weekly_hours {
        terms.push(format!("주 {h}시간"));
    }
    terms.push(v.shift.label_ko().to_owned());
    if v.housing {
        terms.push("기숙사 제공".to_owned());
    }
    if v.commute_bus {
        terms.push("통근버스 운행".to_owned());
    }
    lines.push(format!("근무 조건: {}", terms.join(", ")));
    let mut needs = Vec::new();
    if !v.required_certificates.is_empty() {
        needs.push(format!("필수 {}", v.required_certificates.join(", ")));
    }
    needs.push(match v.min_experience_years {
        Some(y) if y > 0 => format!("경력 {y}년 이상"),
        _ => "경력 무관".to_owned(),
    });
    lines.push(format!("자격: {}", needs.join(", ")));
    if last.is_multiple_of(4) {
        lines.push(FLAWED[(last as usize / 4) % FLAWED.len()].to_owned());
    }
    Some(lines.join("\n"))
}

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
