//! Generating a demo caseload through the use case: one transaction, queued
//! for sync and audited like typed-in records.

use crate::*;
use doyak_app::SeekerFilter;
use doyak_domain::{Company, JobSeeker, Vacancy};

#[test]
fn a_demo_fills_the_caseload_reports_progress_and_is_audited() {
    let mut fx = new_desk();
    let spec = fx.desk.demo_spec(40, 8, 3).unwrap();
    let mut steps = Vec::new();
    let summary = fx
        .desk
        .generate_demo(&spec, &mut |done, total| steps.push((done, total)))
        .unwrap();
    assert_eq!(fx.desk.store().count::<JobSeeker>().unwrap(), 40);
    assert_eq!(fx.desk.store().count::<Company>().unwrap(), 8);
    assert_eq!(
        fx.desk.store().count::<Vacancy>().unwrap(),
        u64::from(summary.vacancies)
    );
    // One step per company and per seeker, ending at the total.
    assert_eq!(steps.len(), 48);
    assert_eq!(steps.last(), Some(&(48, 48)));
    // Every generated record (plus the center created with the caseload) is
    // queued for sync.
    assert_eq!(fx.desk.pending_changes().unwrap(), summary.total() + 1);
    let trail = fx.desk.store().audit_trail(None).unwrap();
    let generate = trail
        .iter()
        .find(|r| r.action == "generate")
        .expect("a generate row");
    assert_eq!(generate.detail, format!("seed 3 — {}건", summary.total()));
    // The 초성 search finds a generated seeker by the initials of their name.
    let page = fx.desk.list_seekers(&SeekerFilter::default()).unwrap();
    let first = &page.items[0].name;
    let initials = doyak_domain::korean::chosung_key(first);
    let found = fx
        .desk
        .list_seekers(&SeekerFilter {
            text: Some(initials),
            ..Default::default()
        })
        .unwrap();
    assert!(found.items.iter().any(|s| &s.name == first));
}

#[test]
fn the_same_demo_twice_is_refused_and_changes_nothing() {
    let mut fx = new_desk();
    let spec = fx.desk.demo_spec(10, 2, 1).unwrap();
    fx.desk.generate_demo(&spec, &mut |_, _| {}).unwrap();
    let before = fx.desk.pending_changes().unwrap();
    let err = fx.desk.generate_demo(&spec, &mut |_, _| {}).unwrap_err();
    assert_eq!(err.code(), "store.duplicate_id", "{err}");
    assert_eq!(
        fx.desk.pending_changes().unwrap(),
        before,
        "a failed run leaves no rows behind"
    );
    assert_eq!(fx.desk.store().count::<JobSeeker>().unwrap(), 10);
}
