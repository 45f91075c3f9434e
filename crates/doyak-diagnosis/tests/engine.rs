//! The engine's promises, as properties over every profile and as worked
//! examples whose expected values are computed by hand in the comments.

use doyak_diagnosis::{
    Diagnoser, EvidenceKind, SeekerInput, Strength, Training, UnitStatus, WorkPeriod, profiles,
};
use proptest::prelude::*;

/// A seeker holding every piece of evidence any unit of `occupation` lists,
/// in full.
fn holder_of_everything(code: &str) -> SeekerInput {
    let o = profiles().occupation(code).expect("a profile");
    let mut s = SeekerInput {
        id: format!("all-{code}"),
        ..SeekerInput::default()
    };
    for r in &o.units {
        for e in &profiles().units[r.unit].evidence {
            match &e.kind {
                EvidenceKind::Certificate { name, .. } => s.certificates.push(name.clone()),
                EvidenceKind::Skill { name, .. } => s.skills.push(name.clone()),
                EvidenceKind::Experience { code, months } => s.work_history.push(WorkPeriod {
                    occupation: code.clone(),
                    months: *months,
                    employer: None,
                }),
                EvidenceKind::Training { name, hours, .. } => s.training.push(Training {
                    name: name.clone(),
                    hours: *hours,
                }),
            }
        }
    }
    s
}

#[test]
fn holding_every_listed_evidence_of_an_occupation_meets_every_unit() {
    let diagnoser = Diagnoser::new(None);
    let everything = profiles().occupations.len();
    for o in &profiles().occupations {
        let seeker = holder_of_everything(&o.code);
        seeker
            .validate()
            .expect("evidence the tables list is valid input");
        let d = diagnoser.diagnose(&seeker, everything);
        let fit = d
            .occupations
            .iter()
            .find(|f| f.code == o.code)
            .expect("every occupation is ranked with top = all");
        for u in &fit.units {
            assert_eq!(
                u.status,
                UnitStatus::Met,
                "{} {}: unit {} {} with every listed evidence held",
                o.code,
                o.name_ko,
                u.code,
                u.name_ko
            );
        }
        assert!(
            fit.reasons[0].points >= 69.99,
            "{}: every unit met earns the whole units part (70), got {}",
            o.code,
            fit.reasons[0].points
        );
    }
}

/// Evidence a generated seeker may hold: drawn from the tables, so that
/// additions actually touch units.
fn evidence_pool() -> Vec<EvidenceKind> {
    profiles()
        .units
        .iter()
        .flat_map(|u| u.evidence.iter().map(|e| e.kind.clone()))
        .collect()
}

fn add(seeker: &mut SeekerInput, kind: &EvidenceKind, scale_pct: u32) {
    match kind {
        EvidenceKind::Certificate { name, .. } => seeker.certificates.push(name.clone()),
        EvidenceKind::Skill { name, .. } => seeker.skills.push(name.clone()),
        EvidenceKind::Experience { code, months } => seeker.work_history.push(WorkPeriod {
            occupation: code.clone(),
            months: months * scale_pct / 100,
            employer: None,
        }),
        EvidenceKind::Training { name, hours, .. } => seeker.training.push(Training {
            name: name.clone(),
            hours: hours * scale_pct / 100,
        }),
    }
}

fn seeker_from(picks: &[(usize, u32)], pool: &[EvidenceKind]) -> SeekerInput {
    let mut s = SeekerInput {
        id: "p".into(),
        ..SeekerInput::default()
    };
    for &(i, pct) in picks {
        add(&mut s, &pool[i % pool.len()], pct);
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Adding a certificate, experience, training or a skill never lowers
    /// any occupation's fit: every part is monotone in what is held.
    #[test]
    fn adding_evidence_never_lowers_a_fit(
        base in prop::collection::vec((0usize..10_000, 0u32..150), 0..8),
        extra in (0usize..10_000, 1u32..150),
        desired in prop::option::of(prop::sample::select(vec!["82", "8241", "62", "53", "0"])),
    ) {
        let pool = evidence_pool();
        let diagnoser = Diagnoser::new(None);
        let mut before = seeker_from(&base, &pool);
        before.desired_occupations = desired.iter().map(|d| d.to_string()).collect();
        let mut after = before.clone();
        add(&mut after, &pool[extra.0 % pool.len()], extra.1);
        let (a, b) = (diagnoser.fits(&before), diagnoser.fits(&after));
        for (i, o) in profiles().occupations.iter().enumerate() {
            prop_assert!(b[i] >= a[i], "{} fell from {} to {} after adding {:?}", o.code, a[i], b[i], pool[extra.0 % pool.len()]);
        }
    }

    /// The same seeker gives the same ranking whatever order their
    /// certificates, history and training are listed in.
    #[test]
    fn the_order_is_deterministic(
        base in prop::collection::vec((0usize..10_000, 0u32..150), 0..10),
    ) {
        let pool = evidence_pool();
        let diagnoser = Diagnoser::new(None);
        let seeker = seeker_from(&base, &pool);
        let mut reversed = seeker.clone();
        reversed.certificates.reverse();
        reversed.work_history.reverse();
        reversed.training.reverse();
        reversed.skills.reverse();
        let a = diagnoser.diagnose(&seeker, 10);
        let b = diagnoser.diagnose(&reversed, 10);
        prop_assert_eq!(&a, &b);
        for pair in a.occupations.windows(2) {
            prop_assert!(
                pair[0].fit > pair[1].fit || (pair[0].fit == pair[1].fit && pair[0].code < pair[1].code),
                "best first, ties by code: {} {} / {} {}", pair[0].code, pair[0].fit, pair[1].code, pair[1].fit
            );
        }
        for o in &a.occupations {
            let sum: f32 = o.reasons.iter().map(|r| r.points).sum();
            prop_assert!((sum - o.fit).abs() < 0.005, "{}: parts {} vs fit {}", o.code, sum, o.fit);
        }
    }
}

#[test]
fn a_partial_piece_of_evidence_never_meets_a_unit_alone() {
    let p = profiles();
    for unit in &p.units {
        for e in unit
            .evidence
            .iter()
            .filter(|e| e.strength == Strength::Partial)
        {
            let mut s = SeekerInput {
                id: "x".into(),
                ..SeekerInput::default()
            };
            add(&mut s, &e.kind, 100);
            let d = Diagnoser::new(None).diagnose(&s, p.occupations.len());
            for o in &d.occupations {
                for u in o.units.iter().filter(|u| u.code == unit.id) {
                    // Another full piece of evidence of the same unit may be
                    // the same item (a skill listed twice); only then is it met.
                    let also_full = unit
                        .evidence
                        .iter()
                        .any(|f| f.strength == Strength::Full && f.kind == e.kind);
                    if !also_full {
                        assert_eq!(u.status, UnitStatus::Partly, "{} via {:?}", unit.id, e.kind);
                    }
                }
            }
        }
    }
}

#[test]
fn a_job_written_only_as_its_middle_group_shows_units_in_part_and_counts_half() {
    let diagnoser = Diagnoser::new(None);
    let with = |code: &str| {
        let seeker = SeekerInput {
            id: code.into(),
            work_history: vec![WorkPeriod {
                occupation: code.into(),
                months: 36,
                employer: None,
            }],
            ..SeekerInput::default()
        };
        let d = diagnoser.diagnose(&seeker, profiles().occupations.len());
        d.occupations
            .into_iter()
            .find(|o| o.code == "8241")
            .expect("용접원 is profiled")
    };
    let exact = with("8241");
    let coarse = with("82");
    // 36 months as 용접원 meet every unit whose evidence is ≤ 36 months of
    // 용접원; 36 months "somewhere in 82" meet none of them, only in part.
    assert!(exact.units.iter().any(|u| u.status == UnitStatus::Met));
    assert!(
        coarse.units.iter().all(|u| u.status != UnitStatus::Met),
        "{:?}",
        coarse.units
    );
    assert!(coarse.units.iter().any(|u| u.status == UnitStatus::Partly));
    // Experience part: 36 months at weight 1 → capped at 24 → 20 points;
    // at the middle group's 0.5 → 18 weighted months → 20 × 18 / 24 = 15.
    assert_eq!(exact.reasons[1].points, 20.0);
    assert_eq!(coarse.reasons[1].points, 15.0);
}
