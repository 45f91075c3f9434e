//! The generator's promises, checked on whole caseloads: deterministic for a
//! seed, every record valid against the reference data, dependency order,
//! nothing that happened dated after `today`.

mod consistency;

use chrono::NaiveDate;
use doyak_demo::{DemoItem, DemoSpec, generate, generate_vec};
use doyak_domain::{CheckContext, EventRecord, Id, SharedRecord, SigunguCode, korean};
use std::collections::HashSet;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).expect("valid date")
}

fn spec(seed: u64, seekers: u32, companies: u32) -> DemoSpec {
    let center = doyak_domain::Center {
        id: Id::new_v7(1_764_000_000_000, [7; 10]),
        name: "안산고용복지플러스센터".into(),
        // 안산시 단원구: 반월·시화 산업단지, a center with a real 뿌리 caseload.
        sigungu: Some(SigunguCode::from("41273")),
    };
    DemoSpec {
        seed,
        today: today(),
        center,
        seekers,
        companies,
    }
}

fn bytes(items: &[DemoItem]) -> Vec<u8> {
    serde_json::to_vec(items).expect("demo items serialise")
}

#[test]
fn the_same_seed_gives_the_same_bytes_and_another_seed_does_not() {
    let (a, _) = generate_vec(&spec(42, 120, 25)).expect("generates");
    let (b, _) = generate_vec(&spec(42, 120, 25)).expect("generates");
    let (c, _) = generate_vec(&spec(43, 120, 25)).expect("generates");
    assert_eq!(
        bytes(&a),
        bytes(&b),
        "a seed must reproduce the caseload byte for byte"
    );
    assert_ne!(
        bytes(&a),
        bytes(&c),
        "a different seed must give a different caseload"
    );
}

#[test]
fn counts_follow_the_spec_and_the_summary_counts_what_was_emitted() {
    let s = spec(7, 200, 40);
    let (items, summary) = generate_vec(&s).expect("generates");
    let seekers = items
        .iter()
        .filter(|i| matches!(i, DemoItem::Seeker(_)))
        .count();
    let companies = items
        .iter()
        .filter(|i| matches!(i, DemoItem::Company(_)))
        .count();
    assert_eq!(seekers, 200);
    assert_eq!(companies, 40);
    assert_eq!(summary.total(), items.len() as u64);
    assert_eq!(
        items.iter().filter(|i| i.is_step()).count() as u64,
        s.total_steps()
    );
    // A caseload without vacancies, sessions or referrals would not be
    // realistic: counselors see several sessions per seeker.
    assert!(summary.vacancies >= 40, "{summary}");
    assert!(summary.events >= 400, "{summary}");
    assert!(
        summary.referrals > 0 && summary.applications > 0,
        "{summary}"
    );
    assert!(
        summary.counselors >= 3 && summary.partners >= 10,
        "{summary}"
    );
}

#[test]
fn every_record_passes_its_own_check_against_the_reference_data() {
    let (items, _) = generate_vec(&spec(3, 300, 60)).expect("generates");
    let ctx = CheckContext {
        today: today(),
        codes: doyak_refdata::get(),
    };
    for item in &items {
        let errors = match item {
            DemoItem::Counselor(r) => r.check(&ctx),
            DemoItem::Partner(r) => r.check(&ctx),
            DemoItem::Company(r) => r.check(&ctx),
            DemoItem::Vacancy(r) => r.check(&ctx),
            DemoItem::Seeker(r) => r.check(&ctx),
            DemoItem::Event(r) => r.check(&ctx),
            DemoItem::Referral(r) => r.check(&ctx),
            DemoItem::Application(r) => r.check(&ctx),
        };
        assert!(
            errors.is_empty(),
            "{:?} {} fails: {errors:?}",
            item.kind(),
            item.id()
        );
    }
}

#[test]
fn whatever_a_record_points_at_was_emitted_before_it() {
    let (items, _) = generate_vec(&spec(11, 300, 60)).expect("generates");
    let mut seen: HashSet<Id> = HashSet::new();
    let center = spec(11, 0, 0).center.id;
    for item in &items {
        let refs: Vec<Id> = match item {
            DemoItem::Counselor(r) => vec![r.center_id],
            DemoItem::Partner(r) => vec![r.center_id],
            DemoItem::Company(r) => r.counselor_id.into_iter().collect(),
            DemoItem::Vacancy(r) => vec![r.company_id],
            DemoItem::Seeker(r) => r.counselor_id.into_iter().collect(),
            DemoItem::Event(r) => [Some(r.subject_id), r.author_id, r.supersedes]
                .into_iter()
                .flatten()
                .collect(),
            DemoItem::Referral(r) => vec![r.subject_id, r.partner_id],
            DemoItem::Application(r) => vec![r.seeker_id, r.vacancy_id],
        };
        for id in refs {
            assert!(
                id == center || seen.contains(&id),
                "{:?} {} points at {id}, not emitted yet",
                item.kind(),
                item.id()
            );
        }
        assert!(seen.insert(item.id()), "id {} emitted twice", item.id());
    }
}

#[test]
fn nothing_that_happened_is_after_today() {
    let (items, _) = generate_vec(&spec(5, 300, 60)).expect("generates");
    for item in &items {
        if let DemoItem::Event(e) = item {
            assert!(
                e.occurred_on() <= today(),
                "{} on {}",
                e.event_type(),
                e.occurred_on()
            );
        }
        if let DemoItem::Seeker(s) = item {
            assert!(s.birth_date.is_none_or(|b| b < today()));
        }
    }
}

#[test]
fn names_are_korean_and_searchable_by_initial_consonants() {
    let (items, _) = generate_vec(&spec(9, 100, 10)).expect("generates");
    let seekers: Vec<&doyak_domain::JobSeeker> = items
        .iter()
        .filter_map(|i| match i {
            DemoItem::Seeker(s) => Some(s),
            _ => None,
        })
        .collect();
    assert_eq!(seekers.len(), 100);
    let names: Vec<&str> = seekers.iter().map(|s| s.name.as_str()).collect();
    for s in &seekers {
        let name = s.name.as_str();
        let migrant = s
            .target_groups
            .contains(&doyak_domain::seeker::TargetGroup::Migrant);
        if migrant && name.chars().all(|c| c.is_ascii_uppercase() || c == ' ') {
            // Half the marriage migrants are registered under the Latin
            // name of their passport ("ULUGBEK KARIMOV"), as centers do.
            continue;
        }
        // Korean names are 2–4 syllables; marriage migrants' names as the
        // 외국인등록증 transcribes them ("응우옌티란") run longer.
        assert!((2..=8).contains(&name.chars().count()), "{name}");
        // A migrant's Hangul transcription keeps the space between given
        // name and surname ("시리폰 새탕").
        assert!(
            name.chars()
                .all(|c| ('가'..='힣').contains(&c) || migrant && c == ' '),
            "{name} is not Hangul"
        );
        let key = korean::chosung_key(name);
        assert!(
            korean::matches(&key, name),
            "{name} must be found by its 초성 {key}"
        );
    }
    let distinct: HashSet<&&str> = names.iter().collect();
    assert!(
        distinct.len() > 80,
        "100 seekers share only {} names",
        distinct.len()
    );
}

#[test]
fn the_sink_error_stops_the_run_at_once() {
    let mut taken = 0;
    let result = generate(&spec(1, 50, 10), &mut |_item| {
        taken += 1;
        if taken == 5 { Err("disk full") } else { Ok(()) }
    });
    assert!(matches!(
        result,
        Err(doyak_demo::DemoError::Sink("disk full"))
    ));
    assert_eq!(taken, 5, "no item may be handed over after the sink failed");
}

#[test]
fn a_center_without_a_region_is_refused() {
    let mut s = spec(1, 10, 2);
    s.center.sigungu = None;
    assert!(matches!(
        generate_vec(&s),
        Err(doyak_demo::DemoError::CenterWithoutRegion)
    ));
    s.center.sigungu = Some(SigunguCode::from("99999"));
    assert!(matches!(
        generate_vec(&s),
        Err(doyak_demo::DemoError::UnknownRegion(_))
    ));
}

#[test]
fn two_centers_with_the_same_seed_get_the_same_people_under_different_ids() {
    let a = spec(4, 30, 5);
    let mut b = spec(4, 30, 5);
    b.center.id = Id::new_v7(1_764_000_000_000, [8; 10]);
    let (xs, _) = generate_vec(&a).expect("generates");
    let (ys, _) = generate_vec(&b).expect("generates");
    assert_eq!(xs.len(), ys.len());
    let ids_a: HashSet<Id> = xs.iter().map(DemoItem::id).collect();
    assert!(
        ys.iter().all(|y| !ids_a.contains(&y.id())),
        "no id may repeat across centers"
    );
    let names = |items: &[DemoItem]| -> Vec<String> {
        items
            .iter()
            .filter_map(|i| match i {
                DemoItem::Seeker(s) => Some(s.name.clone()),
                _ => None,
            })
            .collect()
    };
    assert_eq!(names(&xs), names(&ys));
}
