//! The compiled-in tables: they load, they cover what the issue asks, and
//! every row says where it came from.

use doyak_diagnosis::readiness::{questionnaire, sha256_hex};
use doyak_diagnosis::{EvidenceKind, Strength, profiles};
use std::collections::{BTreeMap, HashSet};

/// The day the tables were compiled; a `checked_on` after it is a typo.
const COMPILED: &str = "2026-12-31";

#[test]
fn at_least_sixty_occupations_each_with_required_units_and_a_basis() {
    let p = profiles();
    assert!(
        p.occupations.len() >= 60,
        "the issue asks for 60 occupation profiles, found {}",
        p.occupations.len()
    );
    let compiled: chrono::NaiveDate = COMPILED.parse().expect("date");
    for o in &p.occupations {
        assert!(
            o.units.len() >= 3,
            "{} {}: a profile of fewer than 3 units cannot show a gap",
            o.code,
            o.name_ko
        );
        assert!(
            o.units.iter().any(|u| u.required),
            "{}: an occupation needs at least one 필수 unit",
            o.code
        );
        assert!(!o.basis.basis.trim().is_empty(), "{}: basis", o.code);
        assert!(o.basis.checked_on <= compiled, "{}: checked_on", o.code);
        for u in &o.units {
            assert!(
                !u.basis.basis.trim().is_empty(),
                "{}: unit link basis",
                o.code
            );
        }
    }
}

#[test]
fn the_focus_industries_are_all_covered() {
    let focus: BTreeMap<&str, usize> =
        profiles()
            .occupations
            .iter()
            .fold(BTreeMap::new(), |mut m, o| {
                *m.entry(o.focus.as_str()).or_default() += 1;
                m
            });
    for wanted in [
        "뿌리",
        "조선",
        "기계·전기·전자",
        "운전·운송·물류",
        "음식 서비스",
        "돌봄·요양",
        "식품 생산",
        "반도체",
        "사무·회계",
        "건설",
    ] {
        assert!(
            focus.get(wanted).copied().unwrap_or(0) >= 2,
            "focus industry {wanted} needs at least two profiles: {focus:?}"
        );
    }
}

#[test]
fn every_unit_can_be_met_and_every_row_has_a_basis() {
    let p = profiles();
    let used: HashSet<usize> = p
        .occupations
        .iter()
        .flat_map(|o| o.units.iter().map(|u| u.unit))
        .collect();
    for (i, unit) in p.units.iter().enumerate() {
        assert!(used.contains(&i), "{}: a unit no occupation uses", unit.id);
        assert!(
            unit.evidence.iter().any(|e| e.strength == Strength::Full),
            "{} {}: without full evidence no seeker can ever meet it",
            unit.id,
            unit.name_ko
        );
        assert!(!unit.basis.basis.trim().is_empty(), "{}: basis", unit.id);
        if let Some(code) = &unit.ncs_code {
            assert_eq!(&unit.id, code, "a confirmed NCS code is the unit's id");
        } else {
            assert!(
                unit.id.starts_with("D-"),
                "{}: a unit without a confirmed NCS code has a Doyak id (D-…)",
                unit.id
            );
        }
        for e in &unit.evidence {
            assert!(
                !e.basis.basis.trim().is_empty(),
                "{}: evidence basis",
                unit.id
            );
        }
    }
}

#[test]
fn every_certificate_recommended_has_an_effort_row_with_a_basis() {
    let p = profiles();
    for unit in &p.units {
        for e in &unit.evidence {
            if let EvidenceKind::Certificate { name, .. } = &e.kind {
                let effort = p.effort.get(name).unwrap_or_else(|| {
                    panic!("{name} (evidence of {}) has no row in effort.csv", unit.id)
                });
                assert!(!effort.basis.basis.trim().is_empty(), "{name}: basis");
            }
        }
    }
}

#[test]
fn the_readiness_form_is_pinned_by_its_content() {
    let q = questionnaire();
    let form = q.current("doyak-readiness").expect("the team's form");
    assert_eq!(form.version, 1);
    assert_eq!(
        form.sha256,
        sha256_hex(include_str!(
            "../../../assets/diagnosis/forms/doyak-readiness-1.csv"
        )),
        "forms.csv pins the item file"
    );
    let likert = form.items.iter().filter(|i| i.scale.is_some()).count();
    let barrier_questions = form.items.iter().filter(|i| i.barrier.is_some()).count();
    assert_eq!(likert, 16, "four readiness scales of four items each");
    assert_eq!(barrier_questions, 12);
    for b in &q.barriers {
        assert!(
            !b.referrals.is_empty(),
            "{}: every barrier says where it leads, even if not to a partner",
            b.id
        );
    }
}
