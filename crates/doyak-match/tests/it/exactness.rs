//! The fast paths return exactly what scoring every pair and sorting would,
//! and the explanation of a pair agrees with its score.

use crate::caseloads::caseload;
use doyak_match::Caseload;
use proptest::prelude::*;

/// Every feasible vacancy for `s` by score, best first, ties by id.
fn brute_force(c: &Caseload, s: usize) -> Vec<(u32, f32)> {
    let mut all: Vec<(u32, f32)> = (0..c.vacancies().len())
        .filter_map(|v| c.score(s, v).map(|score| (v as u32, score)))
        .collect();
    all.sort_by(|a, b| {
        b.1.total_cmp(&a.1).then_with(|| {
            c.vacancies()[a.0 as usize]
                .id
                .cmp(&c.vacancies()[b.0 as usize].id)
        })
    });
    all
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Many vacancies and a small k make every pruning step fire: groups cut
    /// off by their bound, vacancies dropped before their skills are tested,
    /// places beyond the limit visited for 기숙사 only.
    #[test]
    fn the_fast_top_k_is_the_brute_force_top_k(
        (seekers, vacancies) in caseload(20..80, 100..400),
        k in 1usize..12,
        threads in 1usize..4,
    ) {
        let c = Caseload::new(seekers, vacancies).expect("generated records are valid");
        let fast = c.top_k_all_seekers(k, threads);
        prop_assert_eq!(&fast, &c.top_k_all_seekers(k, 1), "threads must not change the answer");
        for (s, top) in fast.iter().enumerate() {
            let mut expected = brute_force(&c, s);
            expected.truncate(k);
            prop_assert_eq!(top, &expected, "seeker {}: pruning must never drop a top-{} pair", s, k);
            let ranked: Vec<(u32, f32)> =
                c.rank_vacancies(s, k).iter().map(|r| (r.vacancy, r.score)).collect();
            prop_assert_eq!(&ranked, &expected, "rank_vacancies is the same scan plus reasons");
        }
        for v in 0..c.vacancies().len().min(40) {
            let mut expected: Vec<(u32, f32)> = (0..c.seekers().len())
                .filter_map(|s| c.score(s, v).map(|score| (s as u32, score)))
                .collect();
            expected.sort_by(|a, b| {
                b.1.total_cmp(&a.1)
                    .then_with(|| c.seekers()[a.0 as usize].id.cmp(&c.seekers()[b.0 as usize].id))
            });
            expected.truncate(k);
            let ranked: Vec<(u32, f32)> =
                c.rank_seekers(v, k).iter().map(|r| (r.seeker, r.score)).collect();
            prop_assert_eq!(ranked, expected, "vacancy {}: best candidates by score, ties by id", v);
        }
    }

    #[test]
    fn every_explanation_adds_up_to_the_score_of_its_pair(
        (seekers, vacancies) in caseload(1..20, 1..30),
    ) {
        let c = Caseload::new(seekers, vacancies).expect("generated records are valid");
        for s in 0..c.seekers().len() {
            for v in 0..c.vacancies().len() {
                let e = c.explain(s, v);
                prop_assert_eq!(c.score(s, v), e.feasible().then_some(e.score), "one model, two paths");
                let centi: i64 = e.reasons.iter().map(|r| (r.points * 100.0).round() as i64).sum();
                prop_assert_eq!(centi, (e.score * 100.0).round() as i64, "reasons split the score by cause: {:?}", e.reasons);
                prop_assert!((0.0..=100.0).contains(&e.score), "score {} outside 0..=100", e.score);
            }
        }
    }
}
