//! No ranked pair ever breaks a hard constraint, and every pair that breaks
//! none is rankable, checked against a separate, straightforward reading of
//! the rules in the crate docs.

use crate::caseloads::caseload;
use doyak_match::{Caseload, SeekerProfile, VacancyProfile};
use proptest::prelude::*;
use std::collections::{BTreeSet, HashMap};

const IMPLIES: &str = include_str!("../../../../assets/match/certificate_implies.csv");

/// holder id → ids it satisfies directly.
fn implies() -> HashMap<String, Vec<String>> {
    let mut map: HashMap<String, Vec<String>> = HashMap::new();
    for line in IMPLIES.lines().skip(1) {
        let mut cols = line.split(',');
        if let (Some(holder), Some(satisfied)) = (cols.next(), cols.next()) {
            map.entry(holder.to_owned())
                .or_default()
                .push(satisfied.to_owned());
        }
    }
    map
}

/// What a certificate name is, for comparison: a qualification id, or the
/// text without whitespace in ASCII lower case. Words saying it is held
/// ("… 자격증", "… 취득") and a trailing year note are dropped until the
/// reference list knows the name; a 필기 pass is not the certificate and
/// stays as written.
fn identity(name: &str) -> String {
    let refdata = doyak_refdata::get();
    let mut text: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    if !text.contains("필기") {
        for noise in ["", "(2019년취득)", "취득", "자격증"] {
            text = text.strip_suffix(noise).unwrap_or(&text).to_owned();
            if let Some(q) = refdata.qualification(&text) {
                return format!("id:{}", q.id);
            }
        }
    }
    format!("text:{}", text.to_ascii_lowercase())
}

/// Everything a seeker's certificates satisfy: each one and, following the
/// implication table as far as it goes, the lower grades.
fn satisfied(seeker: &SeekerProfile, implies: &HashMap<String, Vec<String>>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut stack: Vec<String> = seeker.certificates.iter().map(|c| identity(c)).collect();
    while let Some(next) = stack.pop() {
        if out.insert(next.clone())
            && let Some(id) = next.strip_prefix("id:")
        {
            for lower in implies.get(id).into_iter().flatten() {
                stack.push(format!("id:{lower}"));
            }
        }
    }
    out
}

/// The first hard constraint the pair breaks, in words, or `None`.
fn broken(
    s: &SeekerProfile,
    v: &VacancyProfile,
    implies: &HashMap<String, Vec<String>>,
) -> Option<String> {
    let held = satisfied(s, implies);
    for required in &v.required_certificates {
        if !held.contains(&identity(required)) {
            return Some(format!(
                "requires {required}, seeker holds {:?}",
                s.certificates
            ));
        }
    }
    let distance = doyak_refdata::get()
        .distance_km(&s.sigungu, &v.sigungu)
        .expect("generated codes exist");
    if let Some(limit) = s.max_commute_km
        && distance > f64::from(limit)
        && !(v.housing && s.willing_to_relocate)
    {
        return Some(format!(
            "{distance:.1} km > {limit} km and no 기숙사 the seeker would move into"
        ));
    }
    if v.shift_work && !s.accepts_shift {
        return Some("shift work for a seeker who refuses it".into());
    }
    if v.headcount == 0 {
        return Some("no headcount left".into());
    }
    None
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn ranked_pairs_are_exactly_the_pairs_that_break_no_hard_constraint(
        (seekers, vacancies) in caseload(1..24, 1..40)
    ) {
        let implies = implies();
        let c = Caseload::new(seekers.clone(), vacancies.clone()).expect("generated records are valid");
        // k = every vacancy, so 'not ranked' can only mean 'infeasible'.
        let all = c.top_k_all_seekers(vacancies.len(), 2);
        for (s, seeker) in seekers.iter().enumerate() {
            let ranked: BTreeSet<u32> = all[s].iter().map(|&(v, _)| v).collect();
            let by_rank_vacancies: BTreeSet<u32> =
                c.rank_vacancies(s, vacancies.len()).iter().map(|r| r.vacancy).collect();
            prop_assert_eq!(&ranked, &by_rank_vacancies, "both seeker-side paths rank the same pairs");
            for (v, vacancy) in vacancies.iter().enumerate() {
                let why = broken(seeker, vacancy, &implies);
                prop_assert_eq!(
                    ranked.contains(&(v as u32)),
                    why.is_none(),
                    "{} × {}: ranked must mean feasible ({:?})",
                    seeker.id, vacancy.id, why
                );
                prop_assert_eq!(c.score(s, v).is_some(), why.is_none(), "score() is None exactly when a constraint breaks: {:?}", why);
                prop_assert_eq!(c.explain(s, v).feasible(), why.is_none(), "explain() names a violation exactly when one exists: {:?}", why);
                // 구인애로 진단's cheap reading of the same constraints:
                // certificates and the rest together are exactly feasible,
                // and it aims at the vacancy when a stated 희망 직종 shares
                // the vacancy's code or its KECO 중분류 (the first two
                // digits; a 대분류 code alone names none).
                let fit = c.requirement_fit(s, v);
                prop_assert_eq!(fit.certificates_met && fit.otherwise_feasible, why.is_none(), "requirement_fit: {:?}", why);
                let aims = seeker.desired_occupations.iter().any(|d| {
                    *d == vacancy.occupation
                        || d.get(..2).is_some_and(|m| vacancy.occupation.get(..2) == Some(m))
                });
                prop_assert_eq!(fit.aims, aims, "{:?} against {}", seeker.desired_occupations, vacancy.occupation);
                if vacancy.min_experience_years.is_none_or(|y| y == 0) {
                    prop_assert!(fit.experience_met, "no minimum asked: met");
                } else if seeker.experience_years == 0.0 && seeker.experience_by_occupation.is_empty() {
                    prop_assert!(!fit.experience_met, "a minimum and no experience: not met");
                }
            }
        }
        for (v, vacancy) in vacancies.iter().enumerate() {
            let ranked: BTreeSet<u32> =
                c.rank_seekers(v, seekers.len()).iter().map(|r| r.seeker).collect();
            for (s, seeker) in seekers.iter().enumerate() {
                let why = broken(seeker, vacancy, &implies);
                prop_assert_eq!(ranked.contains(&(s as u32)), why.is_none(), "vacancy side too: {:?}", why);
            }
        }
    }
}
