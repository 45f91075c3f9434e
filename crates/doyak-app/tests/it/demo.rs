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

#[test]
fn demo_postings_give_the_posting_check_work_to_show() {
    let mut fx = new_desk();
    let spec = fx.desk.demo_spec(60, 30, 1).unwrap();
    fx.desk.generate_demo(&spec, &mut |_, _| {}).unwrap();
    let mut vacancies: Vec<Vacancy> = Vec::new();
    fx.desk
        .store()
        .for_each(|v: Vacancy| {
            vacancies.push(v);
            Ok(())
        })
        .unwrap();
    let written: Vec<&Vacancy> = vacancies
        .iter()
        .filter(|v| v.posting_text.is_some())
        .collect();
    let share = written.len() as f64 / vacancies.len() as f64;
    assert!(
        (0.4..=0.8).contains(&share),
        "about six in ten demo vacancies have a 공고 본문: {} of {}",
        written.len(),
        vacancies.len()
    );
    let unlawful = [
        "age_limit",
        "sex_preference",
        "appearance",
        "body_condition",
        "personal_info",
    ];
    let mut flagged = 0;
    for v in written {
        let view = fx.desk.posting_check_view(&v.id.to_string()).unwrap();
        let found = view
            .findings
            .iter()
            .any(|f| unlawful.contains(&f.code.as_str()));
        let flawed = v.posting_text.as_deref().is_some_and(|t| {
            ["우대 사항", "용모", "가족관계", "20~30대"]
                .iter()
                .any(|w| t.contains(w))
        });
        assert_eq!(found, flawed, "{:?}", v.posting_text);
        flagged += usize::from(found);
    }
    assert!(
        flagged > 0,
        "some demo postings carry wording the check flags"
    );
}
