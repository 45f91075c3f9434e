//! The jobs the focus industries hire for and job seekers ask for: a KECO
//! middle group, titles, skills, the certificates a vacancy requires or
//! prefers, a wage band, shift patterns, training courses, and who tends to
//! want the job. Vacancies and seekers are both drawn from this one table, so
//! they meet in the middle the way a real caseload does.

use crate::dice::{Dice, Weighted};
use doyak_domain::Shift;
use doyak_refdata::RefData;

mod table;

pub(crate) use table::JOBS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Job {
    Welder,
    Fitter,
    Painter,
    Caster,
    PressOperator,
    HeatTreater,
    Plater,
    Machinist,
    MouldMaker,
    InjectionOperator,
    Maintenance,
    Assembler,
    ProductionWorker,
    QualityInspector,
    ForkliftDriver,
    TruckDriver,
    BusDriver,
    ParcelHandler,
    LogisticsClerk,
    CareWorker,
    Cook,
    KitchenAssistant,
    Cleaner,
    SecurityGuard,
    Electrician,
    SemiconductorOperator,
    AutoMechanic,
    FrontDesk,
    SalesClerk,
    OfficeClerk,
}

pub(crate) struct JobProfile {
    pub job: Job,
    /// KECO 2018 middle group.
    pub keco: &'static str,
    /// The short Korean name a counselor uses: "용접", "요양보호사".
    pub label: &'static str,
    pub vacancy_titles: &'static [&'static str],
    /// What the job is called on a résumé.
    pub history_titles: &'static [&'static str],
    pub skills: &'static [&'static str],
    /// Requirement slots; a vacancy that requires certificates asks for one
    /// name out of each slot.
    pub required: &'static [&'static [&'static str]],
    /// How often a vacancy for this job requires its certificates.
    pub require_rate: f64,
    pub preferred: &'static [&'static str],
    /// Monthly wage band in 만원.
    pub wage: (u32, u32),
    /// Weights of 주간, 2교대, 3교대, 야간, 격일·기타.
    pub shifts: [u32; 5],
    /// 국민내일배움카드 courses that lead to the job.
    pub courses: &'static [&'static str],
    /// Percentage of seekers wanting the job who are men.
    pub male_pct: u32,
    /// Relative interest of seekers aged 18–34, 35–49 and 50–67.
    pub ages: [u32; 3],
    /// How many seekers ask for this job, relative to the others; 0 for jobs
    /// only firms post.
    pub seeker_weight: u32,
    /// The Holland (RIASEC) letters the job suits.
    pub riasec: &'static str,
    /// KECO middle groups a seeker wanting this job also accepts.
    pub related: &'static [&'static str],
    /// Words of the names of firms that employ people in this job.
    pub employer_words: &'static [&'static str],
}

pub(crate) fn profile(job: Job) -> &'static JobProfile {
    &JOBS[job as usize]
}

const SHIFTS: [Shift; 5] = [
    Shift::Day,
    Shift::TwoShift,
    Shift::ThreeShift,
    Shift::Night,
    Shift::Other,
];

impl JobProfile {
    pub(crate) fn shift(&self, dice: &mut Dice) -> Shift {
        let table: [(Shift, u32); 5] = std::array::from_fn(|i| (SHIFTS[i], self.shifts[i]));
        dice.weighted(&table)
    }

    /// Whether the job is production work in a factory or a shipyard.
    pub(crate) fn is_manufacturing(&self) -> bool {
        self.keco.starts_with('8') || self.keco == "15"
    }
}

/// The courses that end in a certificate, and the certificate (as
/// qualifications.csv spells it). A counselor never sends someone to a
/// course for a certificate they hold.
const COURSE_CERTIFICATES: &[(&str, &str)] = &[
    ("용접기능사 자격취득 과정", "용접기능사"),
    ("지게차운전기능사 자격취득 과정", "지게차운전기능사"),
    ("화물운송종사자격 취득 과정", "화물운송종사자격"),
    ("대형 운전면허 취득 과정", "제1종 대형 운전면허"),
    ("버스운전자격 취득 과정", "버스운전자격"),
    ("요양보호사 양성과정 (신규자 320시간)", "요양보호사"),
    ("한식조리기능사 취득 과정", "한식조리기능사"),
    ("전기기능사 자격취득 과정", "전기기능사"),
    ("자동차정비기능사 취득 과정", "자동차정비기능사"),
];

/// The certificate a course leads to, if it leads to one.
pub(crate) fn course_certificate(course: &str) -> Option<&'static str> {
    COURSE_CERTIFICATES
        .iter()
        .find(|(c, _)| *c == course)
        .map(|(_, q)| *q)
}

/// A job with its certificate names checked against qualifications.csv.
#[derive(Debug)]
pub(crate) struct ResolvedJob {
    /// Requirement slots with the names that exist in the reference list.
    pub required: Vec<Vec<&'static str>>,
    pub preferred: Vec<&'static str>,
    /// Certificates a seeker aiming at this job may hold: every
    /// qualification of the job's KECO middle group, the ones the job names
    /// three times as likely.
    pub held: Weighted<&'static str>,
}

/// Every job resolved against the reference data, indexed by `Job as usize`.
pub(crate) fn resolve(refdata: &'static RefData) -> Vec<ResolvedJob> {
    let official = |name: &str| refdata.qualification(name).map(|q| q.name_ko.as_str());
    JOBS.iter()
        .map(|p| {
            let required: Vec<Vec<&'static str>> = p
                .required
                .iter()
                .map(|slot| slot.iter().filter_map(|n| official(n)).collect::<Vec<_>>())
                .filter(|slot| !slot.is_empty())
                .collect();
            let preferred: Vec<&'static str> =
                p.preferred.iter().filter_map(|n| official(n)).collect();
            let named: Vec<&'static str> = required
                .iter()
                .flatten()
                .chain(&preferred)
                .copied()
                .collect();
            let mut held: Vec<(&'static str, f64)> = refdata
                .qualifications
                .iter()
                .filter(|q| q.keco_middle.as_deref() == Some(p.keco))
                .map(|q| {
                    let w = if named.contains(&q.name_ko.as_str()) {
                        3.0
                    } else {
                        1.0
                    };
                    (q.name_ko.as_str(), w)
                })
                .collect();
            for name in &named {
                if !held.iter().any(|(n, _)| n == name) {
                    held.push((name, 3.0));
                }
            }
            ResolvedJob {
                required,
                preferred,
                held: Weighted::new(held),
            }
        })
        .collect()
}

/// The weighted choice of a job for a seeker of one gender and age band.
pub(crate) fn seeker_table(male: bool, age_band: usize) -> Vec<(Job, u32)> {
    JOBS.iter()
        .map(|p| {
            let gender = if male { p.male_pct } else { 100 - p.male_pct };
            (p.job, p.seeker_weight * gender * p.ages[age_band])
        })
        .filter(|(_, w)| *w > 0)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_indexed_by_job_and_every_list_is_filled() {
        for (i, p) in JOBS.iter().enumerate() {
            assert_eq!(p.job as usize, i, "{} is out of place", p.label);
            assert!(!p.vacancy_titles.is_empty(), "{}", p.label);
            assert!(!p.history_titles.is_empty(), "{}", p.label);
            assert!(p.skills.len() >= 3, "{}", p.label);
            assert!(!p.courses.is_empty(), "{}", p.label);
            assert!(!p.employer_words.is_empty(), "{}", p.label);
            assert!(p.shifts.iter().sum::<u32>() > 0, "{}", p.label);
            assert!(p.wage.0 >= 200 && p.wage.1 <= 450 && p.wage.0 < p.wage.1);
        }
    }

    #[test]
    fn every_keco_code_is_a_middle_group() {
        let r = doyak_refdata::get();
        for p in JOBS {
            let k = r
                .keco(p.keco)
                .unwrap_or_else(|| panic!("{}: {}", p.label, p.keco));
            assert!(k.major.is_some(), "{} must be a middle group", p.keco);
            for rel in p.related {
                assert!(r.keco(rel).is_some(), "{}: related {rel}", p.label);
            }
        }
    }

    #[test]
    fn jobs_that_always_require_a_certificate_find_it_in_the_reference_list() {
        let resolved = resolve(doyak_refdata::get());
        for p in JOBS.iter().filter(|p| p.require_rate >= 1.0) {
            let r = &resolved[p.job as usize];
            assert_eq!(
                r.required.len(),
                p.required.len(),
                "{}: every requirement slot of {:?} must name a qualification in qualifications.csv",
                p.label,
                p.required
            );
        }
        let welder = &resolved[Job::Welder as usize];
        assert!(welder.required[0].iter().all(|n| n.contains("용접")));
    }

    #[test]
    fn every_job_has_a_course_besides_certificate_courses() {
        let r = doyak_refdata::get();
        for p in JOBS {
            for course in p.courses {
                let leads = course.contains("취득") || course.contains("양성과정");
                assert_eq!(
                    course_certificate(course).is_some(),
                    leads,
                    "{course}: a course named for a certificate is listed with it"
                );
            }
            assert!(
                p.courses.iter().any(|c| course_certificate(c).is_none()),
                "{}: someone who holds every certificate the job's courses lead to still \
                 needs a course to be offered",
                p.label
            );
        }
        for (course, q) in COURSE_CERTIFICATES {
            assert!(
                r.qualification(q).is_some(),
                "{course} leads to {q}, not listed"
            );
        }
    }

    #[test]
    fn women_over_50_lean_to_care_and_young_men_to_the_factory() {
        let older_women = seeker_table(false, 2);
        let share = |table: &[(Job, u32)], job: Job| {
            let total: u32 = table.iter().map(|(_, w)| w).sum();
            table.iter().find(|(j, _)| *j == job).map_or(0, |(_, w)| *w) as f64 / total as f64
        };
        assert!(share(&older_women, Job::CareWorker) > 0.25);
        assert!(share(&older_women, Job::Welder) < 0.01);
        let young_men = seeker_table(true, 0);
        assert!(share(&young_men, Job::ProductionWorker) > 0.1);
        assert_eq!(share(&young_men, Job::SecurityGuard), 0.0);
    }
}
