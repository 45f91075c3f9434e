//! 구인애로 진단: each official cause scored from the caseload's figures,
//! with the n it rests on, and the properties the issue names.
#![allow(clippy::unwrap_used)]

use doyak_company::hiring::{CauseCode, HiringFacts, MIN_N, diagnose};
use proptest::prelude::*;

fn cause(f: &HiringFacts, code: CauseCode) -> doyak_company::hiring::Cause {
    diagnose(f).into_iter().find(|c| c.code == code).unwrap()
}

/// Visit answers as the desk sends them.
fn answers(pairs: &[(&str, &str)]) -> std::collections::BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

fn base() -> HiringFacts {
    HiringFacts {
        offer: Some(2_600_000),
        // Ten peers: 2.4 … 3.3 million.
        peer_offers: (0..10).map(|i| 2_400_000 + i * 100_000).collect(),
        // Ten seekers: 2.2 … 3.1 million.
        desired_wages: (0..10).map(|i| 2_200_000 + i * 100_000).collect(),
        pool: 4,
        pool_without_certificates: 12,
        pool_without_experience: 5,
        required_certificates: vec!["용접기능사".into()],
        min_experience_years: Some(1),
        days_open: 45,
        referrals: 1,
        ..Default::default()
    }
}

#[test]
fn the_wage_is_weighed_against_peers_and_what_seekers_want_with_n() {
    let c = cause(&base(), CauseCode::WorkingConditions);
    // Peers above 2.6 million: 2.7 … 3.3 = 7 of 10 (70%); seekers wanting
    // more than 2.6 million: 2.7 … 3.1 = 5 of 10 (50%); the mean is 60.
    assert_eq!(c.score, Some(60));
    assert!(c.facts[0].contains("구인 10건 중 70%"), "{:?}", c.facts);
    assert!(c.facts[1].contains("구직자 10명 중 50%"), "{:?}", c.facts);
    // Within the 시도: 6 offers, 5 above 2.6 million (83%); 3 seekers, too
    // few to compare — said, with n, and the score is still the caseload's.
    let regional = HiringFacts {
        region: Some(doyak_company::hiring::RegionalWages {
            name_ko: "경상남도".into(),
            peer_offers: vec![
                2_500_000, 2_700_000, 2_800_000, 2_900_000, 3_000_000, 3_100_000,
            ],
            desired_wages: vec![3_000_000; 3],
        }),
        ..base()
    };
    let c = cause(&regional, CauseCode::WorkingConditions);
    assert_eq!(c.score, Some(60), "the region is shown, not scored");
    let line = c.facts.iter().find(|f| f.starts_with("경상남도")).unwrap();
    assert!(line.contains("구인 6건 중 83%가 더 많이 제시"), "{line}");
    assert!(line.contains("구직자 3명뿐 (비교 안 함)"), "{line}");
    // Shift work adds to what the wage says.
    let shift = HiringFacts {
        shift_work: true,
        ..base()
    };
    assert_eq!(cause(&shift, CauseCode::WorkingConditions).score, Some(70));
    // Too few figures: the part is left out and said so; none: no score.
    let few = HiringFacts {
        peer_offers: vec![3_000_000; MIN_N - 1],
        desired_wages: vec![],
        ..base()
    };
    let c = cause(&few, CauseCode::WorkingConditions);
    assert_eq!(c.score, None);
    assert!(c.facts[0].contains("4건뿐"), "{:?}", c.facts);
    let no_offer = HiringFacts {
        offer: None,
        ..base()
    };
    assert_eq!(cause(&no_offer, CauseCode::WorkingConditions).score, None);
}

#[test]
fn a_requirement_that_shuts_out_most_of_the_pool_is_too_strict() {
    let f = base();
    // Certificates: 4 of 12 remain (8 shut out): 66, and the pool triples.
    let q = cause(&f, CauseCode::Qualifications);
    assert_eq!((q.score, q.too_strict), (Some(66), true));
    assert!(q.facts[0].contains("4명 → 12명"), "{:?}", q.facts);
    // Experience: 4 of 5 (1 shut out): 20, not too strict.
    let e = cause(&f, CauseCode::Experience);
    assert_eq!((e.score, e.too_strict), (Some(20), false));
    // No requirement asked: nothing to blame on it.
    let none = HiringFacts {
        required_certificates: vec![],
        ..f
    };
    assert_eq!(cause(&none, CauseCode::Qualifications).score, Some(0));
}

#[test]
fn what_the_data_cannot_know_says_so_and_long_silence_points_at_no_applicants() {
    let f = base();
    let avoided = cause(&f, CauseCode::AvoidedOccupation);
    assert_eq!(avoided.score, None);
    assert!(avoided.facts[0].contains("확인 필요"));
    // 45 days with one 알선: 50 halved = 25; 90 days with none: 100.
    assert_eq!(cause(&f, CauseCode::NoApplicants).score, Some(25));
    let silent = HiringFacts {
        days_open: 120,
        referrals: 0,
        ..f
    };
    assert_eq!(cause(&silent, CauseCode::NoApplicants).score, Some(100));
    // The five official causes, in the survey's order.
    let codes: Vec<CauseCode> = diagnose(&silent).iter().map(|c| c.code).collect();
    assert_eq!(
        codes,
        [
            CauseCode::Experience,
            CauseCode::WorkingConditions,
            CauseCode::Qualifications,
            CauseCode::AvoidedOccupation,
            CauseCode::NoApplicants
        ]
    );
}

#[test]
fn the_site_visit_scores_the_avoided_occupation_and_adds_to_conditions() {
    use doyak_company::visit::{VisitFacts, current_form};
    let visited = answers(&[
        ("hires_12m", "8"),
        ("quits_3m", "5"),
        ("hazards", "heat,heavy"),
        ("leave_reasons", "wage,intensity"),
        ("avoided_view", "0"),
        ("rest_facility", "0"),
    ]);
    assert!(current_form().check(&visited).is_empty());
    let f = HiringFacts {
        visit: Some(VisitFacts::read(current_form(), &visited)),
        ..base()
    };
    let avoided = cause(&f, CauseCode::AvoidedOccupation);
    // Two hard conditions 30, 5 of 8 hires gone in 3 months (62%) 30,
    // leavers naming the strain 15; the firm does not see it shunned: 75.
    assert_eq!(avoided.score, Some(75), "{:?}", avoided.facts);
    assert!(avoided.facts.iter().any(|x| x.contains("62%")));
    // Leavers naming the wage add 10 to the wage's 60 (see above).
    let conditions = cause(&f, CauseCode::WorkingConditions);
    assert_eq!(conditions.score, Some(70));
    assert!(conditions.facts.iter().any(|x| x.contains("휴게실")));
    // Two hires are too few for a rate…
    let few = answers(&[("hires_12m", "2"), ("quits_3m", "2")]);
    let f = HiringFacts {
        visit: Some(VisitFacts::read(current_form(), &few)),
        ..base()
    };
    // …and with nothing else about the work answered, the cause stays
    // 확인 필요 rather than a judged 0.
    let avoided = cause(&f, CauseCode::AvoidedOccupation);
    assert_eq!(avoided.score, None);
    assert!(
        avoided.facts[0].contains("확인 필요"),
        "{:?}",
        avoided.facts
    );
    // A visit that asked and heard "none of these" has judged the work:
    // 0, not 확인 필요.
    let none = answers(&[("hazards", "none"), ("leave_reasons", "none")]);
    assert!(current_form().check(&none).is_empty());
    let f = HiringFacts {
        visit: Some(VisitFacts::read(current_form(), &none)),
        ..base()
    };
    let avoided = cause(&f, CauseCode::AvoidedOccupation);
    assert_eq!(avoided.score, Some(0), "{:?}", avoided.facts);
    assert!(avoided.facts.iter().any(|x| x.contains("해당 없음")));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// A worse wage never lowers the wage cause's score.
    #[test]
    fn a_worse_wage_never_lowers_the_wage_score(
        offer in 1_000_000i64..5_000_000,
        cut in 0i64..2_000_000,
        peers in proptest::collection::vec(1_000_000i64..5_000_000, 0..20),
        wanted in proptest::collection::vec(1_000_000i64..5_000_000, 0..20),
        shift in any::<bool>(),
    ) {
        let f = HiringFacts { offer: Some(offer), peer_offers: peers, desired_wages: wanted, shift_work: shift, ..base() };
        let worse = HiringFacts { offer: Some(offer - cut), ..f.clone() };
        let a = cause(&f, CauseCode::WorkingConditions).score;
        let b = cause(&worse, CauseCode::WorkingConditions).score;
        prop_assert!(b >= a, "{a:?} -> {b:?}");
    }

    /// A requirement relaxed (a larger pool with it, the same without it)
    /// never raises its score, and the score stays within 0–100.
    #[test]
    fn a_larger_pool_never_raises_a_requirement_score(pool in 0u32..50, more in 0u32..50, without in 0u32..120) {
        let f = HiringFacts { pool, pool_without_experience: without, ..base() };
        let relaxed = HiringFacts { pool: pool + more, ..f.clone() };
        let a = cause(&f, CauseCode::Experience).score.unwrap_or(0);
        let b = cause(&relaxed, CauseCode::Experience).score.unwrap_or(0);
        prop_assert!(b <= a && a <= 100);
    }
}
