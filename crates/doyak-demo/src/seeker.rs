//! Job seekers on the 구직자 도약보장 side: who the person is (name, age,
//! gender, home), why they are in the program (benefit, target groups,
//! track), what they bring (education, work history, certificates, training,
//! skills) and what they want, with a timeline through 진단 → 컨설팅 → 취업지원
//! that the journey module turns into their case file.

use crate::background::{education, institution, short_local, work_history};
use crate::company::Market;
use crate::dice::{Dice, plus_days};
use crate::jobs::{self, Job, JobProfile};
use crate::journey;
use crate::names::{email, foreign_name, korean_name};
use crate::team::Team;
use crate::{DemoItem, World, streams};
use chrono::{Datelike, Months, NaiveDate};
use doyak_domain::seeker::{
    Barrier, BarrierKind, Benefit, BenefitStatus, Consent, ConsentMethod, ConsentScope,
    EducationLevel, Gender, HeldCertificate, TargetGroup, Track, Training,
};
use doyak_domain::{Id, JobSeeker, KecoCode, Phone, SeekerStatus};

pub(crate) struct SeekerMaker<'a> {
    world: &'a World,
    team: &'a Team,
    market: &'a Market,
    dice: Dice,
    /// "제1종 보통 운전면허" as qualifications.csv spells it, if listed.
    driving_licence: Option<&'static str>,
}

impl std::fmt::Debug for SeekerMaker<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SeekerMaker").finish_non_exhaustive()
    }
}

/// The dates a case moves through; a stage not reached is `None`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Timeline {
    pub enrolled: NaiveDate,
    pub diagnosis: Option<NaiveDate>,
    pub consulting: Option<NaiveDate>,
    pub job_search: Option<NaiveDate>,
    /// The placement day of an employed seeker, the closing day of a closed one.
    pub outcome: Option<NaiveDate>,
}

impl Timeline {
    /// Stage gaps drawn from typical durations, squeezed proportionally when
    /// the case is too young to have taken that long.
    fn plan(
        d: &mut Dice,
        enrolled: NaiveDate,
        reached: SeekerStatus,
        status: SeekerStatus,
        today: NaiveDate,
    ) -> Timeline {
        let mut gaps: Vec<i64> = Vec::with_capacity(4);
        if reached >= SeekerStatus::Diagnosis {
            gaps.push(d.range(3, 21));
        }
        if reached >= SeekerStatus::Consulting {
            gaps.push(d.range(10, 40));
        }
        if reached >= SeekerStatus::JobSearch {
            gaps.push(d.range(14, 60));
        }
        match status {
            SeekerStatus::Employed => gaps.push(d.range(7, 150)),
            SeekerStatus::Closed => gaps.push(d.range(14, 120)),
            _ => {}
        }
        let total: i64 = gaps.iter().sum();
        let available = (today - enrolled).num_days().max(0);
        let mut at = 0;
        let mut days = gaps.iter().map(|g| {
            at += g;
            let offset = if total > available {
                at * available / total.max(1)
            } else {
                at
            };
            plus_days(enrolled, offset)
        });
        let mut next = |reach: bool| if reach { days.next() } else { None };
        let diagnosis = next(reached >= SeekerStatus::Diagnosis);
        let consulting = next(reached >= SeekerStatus::Consulting);
        let job_search = next(reached >= SeekerStatus::JobSearch);
        let outcome = next(matches!(
            status,
            SeekerStatus::Employed | SeekerStatus::Closed
        ));
        Timeline {
            enrolled,
            diagnosis,
            consulting,
            job_search,
            outcome,
        }
    }

    /// The last day the case was active.
    pub(crate) fn end(&self, today: NaiveDate) -> NaiveDate {
        self.outcome.unwrap_or(today)
    }
}

/// Everything about a seeker that their case file refers to.
#[derive(Debug)]
pub(crate) struct Person {
    pub id: Id,
    pub counselor: Id,
    pub age: u32,
    pub home: u16,
    pub job: Job,
    pub secondary: Option<&'static str>,
    pub status: SeekerStatus,
    pub reached: SeekerStatus,
    pub timeline: Timeline,
    pub groups: Vec<TargetGroup>,
    pub track: Track,
    pub years: u32,
    pub last_title: Option<&'static str>,
    pub benefit_ends: Option<NaiveDate>,
    pub wage_10k: i64,
    pub max_commute_km: u32,
    pub accepts_shift: bool,
    /// A certificate the target job requires that the person lacks.
    pub missing: Option<&'static str>,
    /// A certificate worth getting: the missing one, or one the job prefers
    /// that the person does not hold (nor a higher grade of).
    pub recommended: Option<&'static str>,
    /// Whether the person agreed to share their details with employers (제3자
    /// 제공 동의), without which no 알선 goes past 후보.
    pub may_share: bool,
    /// A course that closes the gap, taken or planned.
    pub course: &'static str,
    pub barriers: Vec<BarrierKind>,
    pub goal: Option<String>,
    pub skill: &'static str,
}

impl Person {
    pub(crate) fn profile(&self) -> &'static JobProfile {
        jobs::profile(self.job)
    }

    pub(crate) fn has(&self, group: TargetGroup) -> bool {
        self.groups.contains(&group)
    }
}

impl<'a> SeekerMaker<'a> {
    pub(crate) fn new(world: &'a World, team: &'a Team, market: &'a Market) -> Self {
        SeekerMaker {
            world,
            team,
            market,
            dice: Dice::for_center(world.seed, streams::SEEKERS, world.center_id),
            driving_licence: world
                .refdata
                .qualification("제1종 보통 운전면허")
                .map(|q| q.name_ko.as_str()),
        }
    }

    /// The `index`-th seeker and their case file, appended to `out`.
    pub(crate) fn make(&mut self, index: u32, out: &mut Vec<DemoItem>) {
        let (record, person) = self.person(index);
        out.push(DemoItem::Seeker(record));
        journey::case_file(
            self.world,
            self.team,
            self.market,
            &mut self.dice,
            &person,
            out,
        );
    }

    fn person(&mut self, index: u32) -> (JobSeeker, Person) {
        let world = self.world;
        let today = world.today;
        let d = &mut self.dice;

        let status = d.weighted(&[
            (SeekerStatus::Intake, 5),
            (SeekerStatus::Diagnosis, 12),
            (SeekerStatus::Consulting, 18),
            (SeekerStatus::JobSearch, 28),
            (SeekerStatus::Employed, 25),
            (SeekerStatus::Closed, 12),
        ]);
        let (min_days, max_days) = match status {
            SeekerStatus::Intake => (0, 21),
            SeekerStatus::Diagnosis => (10, 100),
            SeekerStatus::Consulting => (30, 240),
            SeekerStatus::JobSearch => (50, 540),
            SeekerStatus::Employed => (60, 540),
            SeekerStatus::Closed => (45, 540),
        };
        let enrolled = plus_days(today, -d.range(min_days, max_days));
        let reached = match status {
            SeekerStatus::Closed => d.weighted(&[
                (SeekerStatus::Intake, 15),
                (SeekerStatus::Diagnosis, 25),
                (SeekerStatus::Consulting, 35),
                (SeekerStatus::JobSearch, 25),
            ]),
            SeekerStatus::Employed => SeekerStatus::JobSearch,
            s => s,
        };
        let timeline = Timeline::plan(d, enrolled, reached, status, today);

        // Who: ~2% foreign-born (결혼이민자), a few 북한이탈주민, the rest
        // Korean-born.
        let foreign = d.chance(0.02).then(|| foreign_name(d));
        let defector = foreign.is_none() && d.chance(0.005);
        let gender = match foreign {
            Some(f) => f.gender,
            None if d.chance(0.55) => Gender::Male,
            None => Gender::Female,
        };
        let years_in_program = ((today - enrolled).num_days() / 365 + 1) as u32;
        let age = if foreign.is_some() {
            d.between(25, 50)
        } else {
            let band = d.weighted(&[
                ((18, 24), 8),
                ((25, 29), 12),
                ((30, 34), 10),
                ((35, 39), 9),
                ((40, 44), 9),
                ((45, 49), 10),
                ((50, 54), 12),
                ((55, 59), 14),
                ((60, 64), 11),
                ((65, 67), 5),
            ]);
            d.between(band.0, band.1)
        }
        .min(67 - years_in_program);
        let birth = enrolled
            .checked_sub_months(Months::new(12 * age))
            .map_or(enrolled, |b| plus_days(b, -d.range(0, 364)));
        let birth_year = birth.year();
        let name = match foreign {
            Some(f) if d.chance(0.5) => f.latin.to_owned(),
            Some(f) => f.hangul.to_owned(),
            None => korean_name(d, gender, birth_year),
        };

        // Target groups and the job the person is after.
        let female = gender == Gender::Female;
        let career_gap = female && (30..=59).contains(&age) && d.chance(0.4);
        let band = match age {
            ..=34 => 0,
            35..=49 => 1,
            _ => 2,
        };
        let job = if foreign.is_some() || defector {
            d.one(&[
                Job::ProductionWorker,
                Job::ProductionWorker,
                Job::KitchenAssistant,
                Job::Cleaner,
                Job::CareWorker,
                Job::Cook,
                Job::InjectionOperator,
                Job::SemiconductorOperator,
            ])
        } else {
            let table = &world.seeker_jobs[usize::from(female)][band];
            let mut job = d.weighted(table);
            // Women returning after a career gap mostly look at care, food,
            // office and light production work.
            if career_gap && jobs::profile(job).male_pct > 60 {
                job = d.weighted(table);
            }
            job
        };
        let p = jobs::profile(job);
        let disabled = d.chance(0.025);
        let low_income = d.chance(if age >= 50 { 0.08 } else { 0.05 });
        let no_history_youth = age <= 24 && d.chance(0.35);
        let benefit_rate = if career_gap {
            0.2
        } else if no_history_youth || foreign.is_some() && d.chance(0.5) {
            0.0
        } else {
            0.9
        };
        let recipient = d.chance(benefit_rate);
        let mut groups = Vec::new();
        if recipient {
            groups.push(TargetGroup::BenefitRecipient);
        }
        if age <= 34 {
            groups.push(TargetGroup::Youth);
        }
        if career_gap {
            groups.push(TargetGroup::CareerWomen);
        }
        if age >= 40 {
            groups.push(TargetGroup::MiddleAged);
        }
        if age >= 55 {
            groups.push(TargetGroup::Senior);
        }
        if disabled {
            groups.push(TargetGroup::Disabled);
        }
        if low_income {
            groups.push(TargetGroup::LowIncome);
        }
        if foreign.is_some() || defector {
            groups.push(TargetGroup::Migrant);
        }
        let vulnerable = disabled || low_income || foreign.is_some() || defector;
        let track = if age <= 34 && d.chance(0.55) {
            Track::Youth
        } else if career_gap && d.chance(0.7) {
            Track::CareerWomen
        } else if vulnerable && d.chance(0.6) {
            Track::Vulnerable
        } else if age >= 40 && d.chance(0.35) {
            Track::MiddleAged
        } else if (p.is_manufacturing() || p.keco == "62") && d.chance(0.45) {
            Track::RegionalIndustry
        } else {
            Track::General
        };

        // Benefit period: most people enrol within weeks of claiming, and the
        // benefit stops when they start work (조기재취업).
        let benefit_start = plus_days(enrolled, -d.range(0, 45));
        let benefit = if recipient {
            let days = match age {
                ..=29 => d.one(&[120, 150, 180]),
                30..=49 => d.one(&[150, 180, 210, 240]),
                _ => d.one(&[180, 210, 240, 270]),
            };
            let mut ends = plus_days(benefit_start, days - 1);
            if status == SeekerStatus::Employed
                && let Some(started_work) = timeline.outcome
                && started_work <= ends
            {
                ends = plus_days(started_work, -1).max(benefit_start);
            }
            Benefit {
                status: if ends < today {
                    BenefitStatus::Ended
                } else {
                    BenefitStatus::Receiving
                },
                starts_on: Some(benefit_start),
                ends_on: Some(ends),
            }
        } else {
            Benefit {
                status: BenefitStatus::None,
                starts_on: None,
                ends_on: None,
            }
        };

        // Education and work history.
        let male = gender == Gender::Male;
        let education = education(d, age, male, birth_year, p, foreign.is_some(), today);
        let start_age = match education.level {
            EducationLevel::MiddleSchool => 17,
            EducationLevel::HighSchool => 19,
            EducationLevel::College => 22,
            EducationLevel::University => 24,
            EducationLevel::Graduate => 27,
        } + if male && age >= 26 { 2 } else { 0 };
        let start_age = start_age.min(age.saturating_sub(1));
        let career_start = birth
            .checked_add_months(Months::new(12 * start_age))
            .unwrap_or(birth);
        let last_end = if no_history_youth && !recipient {
            None
        } else if recipient {
            Some(plus_days(benefit_start, -d.range(7, 30)))
        } else if career_gap {
            Some(plus_days(enrolled, -d.range(400, 365 * 12)))
        } else {
            Some(plus_days(enrolled, -d.range(30, 400)))
        };
        let career_table = &world.seeker_jobs[usize::from(female)][band];
        let (history, last_title) = match last_end {
            Some(end) => work_history(d, job, career_table, end, career_start, age),
            None => (Vec::new(), None),
        };
        let years = (history
            .iter()
            .filter_map(|w| Some((w.ends_on? - w.starts_on?).num_days()))
            .sum::<i64>()
            / 365) as u32;

        // Certificates: a driving licence for many, the target job's
        // requirements for those with experience, and a few more from the
        // job's KECO group.
        let resolved = world.job(job);
        let cert_from = birth
            .checked_add_months(Months::new(12 * 18))
            .unwrap_or(birth);
        let mut certificates: Vec<HeldCertificate> = Vec::new();
        let add = |d: &mut Dice, certificates: &mut Vec<HeldCertificate>, name: &str| {
            if !certificates.iter().any(|c| c.name == name) {
                certificates.push(HeldCertificate {
                    name: name.to_owned(),
                    qualification_id: world.refdata.qualification(name).map(|q| q.id.clone()),
                    acquired_on: Some(d.day(cert_from, enrolled)),
                });
            }
        };
        if let Some(licence) = self.driving_licence {
            let rate = if male { 0.75 } else { 0.45 } * if age < 22 { 0.5 } else { 1.0 };
            if p.keco == "62" || d.chance(rate) {
                add(d, &mut certificates, licence);
            }
        }
        let mut missing = None;
        for slot in &resolved.required {
            if slot
                .iter()
                .any(|n| certificates.iter().any(|c| c.name == *n))
            {
                continue;
            }
            let hold = match job {
                Job::BusDriver | Job::TruckDriver => 0.85,
                _ => (0.35 + 0.06 * f64::from(years)).min(0.9),
            };
            if d.chance(hold) {
                let name = d.one(slot);
                add(d, &mut certificates, name);
            } else if missing.is_none() && p.require_rate >= 0.5 {
                missing = Some(slot[0]);
            }
        }
        let extra = match years {
            0..=1 => u32::from(d.chance(0.3)),
            2..=9 => d.between(0, 2),
            _ => d.between(1, 3),
        };
        for _ in 0..extra {
            if let Some(&name) = resolved.held.pick(d) {
                add(d, &mut certificates, name);
            }
        }
        certificates.sort_by_key(|c| c.acquired_on);
        // What the person lacks is read off what they ended up holding, the
        // way the matching engine reads it: an extra 용접산업기사 meets a
        // 용접기능사 requirement, so nobody holding one is told they lack
        // the other.
        let meets = |wanted: &str| {
            certificates
                .iter()
                .any(|c| doyak_match::certificate_satisfies(&c.name, wanted))
        };
        let missing = missing.and_then(|_| {
            resolved
                .required
                .iter()
                .find(|slot| !slot.iter().any(|n| meets(n)))
                .map(|slot| slot[0])
        });
        // The certificate worth getting: the missing one, or the first the
        // job prefers that the person does not already meet.
        let recommended =
            missing.or_else(|| resolved.preferred.iter().copied().find(|c| !meets(c)));

        // Training: some took a course before; many close a gap during the
        // program with a 국민내일배움카드 course.
        // Never a course for a certificate the person already holds.
        let courses: Vec<&'static str> = p
            .courses
            .iter()
            .copied()
            .filter(|c| jobs::course_certificate(c).is_none_or(|q| !meets(q)))
            .collect();
        let course = match courses.first() {
            Some(&first) if missing.is_some() => first,
            Some(_) => d.one(&courses),
            None => d.one(p.courses),
        };
        let home = world.region.home(d);
        let local = short_local(world.region.local_name(home));
        let mut training = Vec::new();
        if let Some(end) = last_end
            && !history.is_empty()
            && d.chance(0.25)
        {
            let past = history
                .iter()
                .filter_map(|w| w.occupation.as_ref())
                .filter_map(|k| jobs::JOBS.iter().find(|j| j.keco == k.as_str()))
                .next()
                .unwrap_or(p);
            let ends_on = plus_days(end, -d.range(30, 700)).max(career_start);
            let starts_on = plus_days(ends_on, -d.range(30, 150));
            let past_course = d.one(past.courses);
            training.push(Training {
                course: past_course.to_owned(),
                institution: Some(institution(&local, past_course)),
                starts_on: Some(starts_on),
                ends_on: Some(ends_on),
                completed: true,
            });
        }
        if let Some(consulting) = timeline.consulting
            && d.chance(if missing.is_some() { 0.7 } else { 0.2 })
        {
            let starts_on = plus_days(consulting, d.range(7, 30));
            if starts_on <= today {
                let ends_on = plus_days(starts_on, d.range(30, 120));
                let (ends_on, completed) = if ends_on <= today {
                    (Some(ends_on), d.chance(0.9))
                } else {
                    (None, false)
                };
                training.push(Training {
                    course: course.to_owned(),
                    institution: Some(institution(&local, course)),
                    starts_on: Some(starts_on),
                    ends_on,
                    completed,
                });
            }
        }

        // What the person wants.
        let skill_count = d.between(2, 4) as usize;
        let mut skills: Vec<String> = d
            .sample(p.skills, skill_count)
            .into_iter()
            .map(str::to_owned)
            .collect();
        if let Some(other) = history
            .iter()
            .filter_map(|w| w.occupation.as_ref())
            .filter(|k| k.as_str() != p.keco)
            .find_map(|k| jobs::JOBS.iter().find(|j| j.keco == k.as_str()))
        {
            let s = d.one(other.skills);
            if !skills.iter().any(|k| k == s) {
                skills.push(s.to_owned());
            }
        }
        let secondary = if d.chance(0.35) {
            d.pick(p.related).copied().filter(|k| *k != p.keco)
        } else {
            None
        };
        let mut desired_occupations = vec![KecoCode(p.keco.to_owned())];
        if let Some(s) = secondary {
            desired_occupations.push(KecoCode(s.to_owned()));
        }
        let (lo, hi) = (f64::from(p.wage.0), f64::from(p.wage.1));
        let wage = lo + (hi - lo) * (f64::from(years) / 15.0).min(1.0) + d.range(-20, 20) as f64;
        let wage_10k = ((wage / 10.0).round() * 10.0).clamp(200.0, 400.0) as i64;
        let mut desired_sigungu = vec![world.region.code(home)];
        let near = world.region.neighbors(home);
        let extra_places = d.below(3) as usize;
        for place in d.sample(&near[..near.len().min(6)], extra_places) {
            desired_sigungu.push(world.region.code(place));
        }

        let mut barriers: Vec<Barrier> = Vec::new();
        let mut bar = |kind: BarrierKind, note: &str| {
            barriers.push(Barrier {
                kind,
                note: Some(note.to_owned()),
            });
        };
        if let Some(m) = missing
            && d.chance(0.6)
        {
            bar(BarrierKind::Skills, &format!("{m} 미보유"));
        } else if history.is_empty() && d.chance(0.5) {
            bar(BarrierKind::Skills, "관련 직무 경험 없음");
        }
        if (age >= 55 || history.is_empty()) && d.chance(0.25) {
            bar(
                BarrierKind::JobSearchSkills,
                "이력서 작성·온라인 입사지원 경험 부족",
            );
        }
        let care =
            female && (30..=49).contains(&age) && d.chance(if career_gap { 0.45 } else { 0.15 });
        if care {
            bar(BarrierKind::Care, d.one(CARE_NOTES));
        }
        if age >= 50 && d.chance(0.1) {
            bar(BarrierKind::Health, d.one(HEALTH_NOTES));
        }
        if d.chance(0.05) {
            bar(BarrierKind::Psychological, d.one(MIND_NOTES));
        }
        if d.chance(0.06) {
            bar(
                BarrierKind::Transport,
                "자차 없음, 대중교통으로 통근 가능한 곳 희망",
            );
        }
        if d.chance(if low_income { 0.15 } else { 0.02 }) {
            bar(BarrierKind::Housing, "월세 체납으로 주거 불안정");
        }
        if d.chance(if low_income { 0.5 } else { 0.04 }) {
            bar(BarrierKind::Finance, "채무 상환 부담으로 빠른 취업 희망");
        }
        if foreign.is_some() && d.chance(0.6) {
            bar(BarrierKind::Other, "한국어 의사소통 보완 필요");
        }

        let accepts_shift = {
            let mut rate: f64 = 0.35;
            if age <= 34 {
                rate += 0.25;
            }
            if p.is_manufacturing() {
                rate += 0.2;
            }
            if age >= 55 {
                rate -= 0.1;
            }
            if care {
                rate = 0.1;
            }
            d.chance(rate)
        };
        let max_commute_km = {
            let base: i64 = match p.keco {
                "62" => 40,
                k if k.starts_with('8') || k == "15" => 25,
                _ => 15,
            };
            let km =
                base + d.range(-2, 2) * 5 + if male { 5 } else { 0 } - if care { 5 } else { 0 };
            km.clamp(10, 60) as u32
        };
        let goal = (reached >= SeekerStatus::Consulting).then(|| {
            let months = d.one(&[3, 4, 6]);
            let area = world.region.local_name(home);
            let day_only = if accepts_shift { "" } else { ", 주간 근무" };
            format!(
                "{months}개월 내 {area} 인근 {} 분야 취업 (월 {wage_10k}만원 이상{day_only})",
                p.label
            )
        });

        let counselor = self.team.seeker_counselor(index, d);
        let id = d.id_on(enrolled);
        let mut scopes = vec![ConsentScope::Counseling];
        for (scope, rate) in [
            (ConsentScope::ShareWithEmployers, 0.92),
            (ConsentScope::InsuranceRecords, 0.85),
            (ConsentScope::FollowUp, 0.8),
        ] {
            if d.chance(rate) {
                scopes.push(scope);
            }
        }
        let may_share = scopes.contains(&ConsentScope::ShareWithEmployers);
        let withdrawn_on = match (status, timeline.outcome) {
            (SeekerStatus::Closed, Some(closed)) if d.chance(0.03) => Some(closed),
            _ => None,
        };
        let phone = Phone::parse(&d.mobile()).ok();
        let email = (foreign.is_none() && d.chance(if age < 40 { 0.6 } else { 0.3 }))
            .then(|| email(d, &name, birth_year));
        let interpreter = foreign.map(|f| f.language);
        let note = match interpreter {
            Some(language) => Some(format!("상담 시 통역 필요 ({language})")),
            None if d.chance(0.12) => Some(d.one(SEEKER_NOTES).to_owned()),
            None => None,
        };
        let benefit_ends = benefit
            .ends_on
            .filter(|_| benefit.status == BenefitStatus::Receiving);
        let barrier_kinds = barriers.iter().map(|b| b.kind).collect();
        let skill = d.one(p.skills);

        let record = JobSeeker {
            id,
            center_id: world.center_id,
            counselor_id: Some(counselor),
            name,
            birth_date: Some(birth),
            gender: Some(gender),
            phone,
            email,
            home_sigungu: Some(world.region.code(home)),
            consent: Some(Consent {
                given_on: enrolled,
                scopes,
                withdrawn_on,
                // The demo's people signed the paper form of before 제3자
                // 제공 was split (no form version): see `Consent::allows`.
                method: Some(ConsentMethod::Written),
                form_version: None,
                withdrawals: Vec::new(),
            }),
            track,
            status,
            enrolled_on: Some(enrolled),
            benefit: Some(benefit),
            target_groups: groups.clone(),
            education: vec![education],
            certificates,
            training,
            work_history: history,
            skills,
            desired_occupations,
            desired_wage_monthly: Some(wage_10k * 10_000),
            desired_sigungu,
            max_commute_km: Some(max_commute_km),
            accepts_shift: Some(accepts_shift),
            // Derived, not drawn, so every other generated value stays as it
            // was: young people free of care duties who take shifts are the
            // ones counselors find willing to move into a dormitory.
            willing_to_relocate: if care {
                Some(false)
            } else if age <= 34 && accepts_shift {
                Some(true)
            } else {
                None
            },
            barriers,
            iap_goal: goal.clone(),
            note,
        };
        let person = Person {
            id,
            counselor,
            age,
            home,
            job,
            secondary,
            status,
            reached,
            timeline,
            groups,
            track,
            years,
            last_title,
            benefit_ends,
            wage_10k,
            max_commute_km,
            accepts_shift,
            missing,
            recommended,
            may_share,
            course,
            barriers: barrier_kinds,
            goal,
            skill,
        };
        (record, person)
    }
}

const CARE_NOTES: &[&str] = &[
    "초등학생 자녀 돌봄으로 09~16시 근무 희망",
    "어린이집 하원 시간(17시) 고려 필요",
    "부모 간병으로 주말 근무 어려움",
];
const HEALTH_NOTES: &[&str] = &[
    "허리 디스크 치료 중, 중량물 취급 어려움",
    "당뇨 관리 중, 야간근무 어려움",
    "무릎 수술 이력, 장시간 서서 하는 일 어려움",
];
const MIND_NOTES: &[&str] = &[
    "장기 실직으로 자신감 저하, 우울감 호소",
    "직장 내 괴롭힘 경험으로 대인관계 불안",
    "수면 장애와 무기력감 호소",
];
const SEEKER_NOTES: &[&str] = &[
    "오전 상담 선호",
    "문자 연락 선호",
    "오후 3시 이후 통화 가능",
    "실업인정일 격주 화요일",
    "가족 사업 정리 후 재취업 준비",
];

/// Whether a seeker's status is one the desk shows as still in progress.
pub(crate) fn is_active(status: SeekerStatus) -> bool {
    !matches!(status, SeekerStatus::Employed | SeekerStatus::Closed)
}

#[cfg(test)]
mod tests;
