//! The desk's 성과 screen: figures beside the period before, and the list
//! behind a figure.

use crate::*;
use doyak_app::{AppError, SessionForm};

fn enrol(fx: &mut Fixture, name: &str, on: &str) -> String {
    let mut f = fx.desk.new_seeker_form();
    f.name = name.into();
    f.enrolled_on = on.into();
    f.consent_on = on.into();
    f.consent_scopes = vec!["counseling".into()];
    fx.desk.save_seeker_form(&f).unwrap()
}

#[test]
fn the_screen_shows_the_month_beside_the_one_before_and_who_is_behind_it() {
    let mut fx = new_desk();
    let november = enrol(&mut fx, "김도약", "2026-11-20");
    enrol(&mut fx, "박이월", "2026-10-10");
    fx.desk
        .add_session(&SessionForm {
            seeker_id: november.clone(),
            occurred_on: "2026-11-24".into(),
            mode: "phone".into(),
            content: "첫 상담".into(),
            minutes: "50".into(),
            ..Default::default()
        })
        .unwrap();
    let d = fx.desk.kpi_dashboard("2026-11", "2026-11").unwrap();
    assert_eq!(
        (d.previous_from.as_str(), d.previous_to.as_str()),
        ("2026-10", "2026-10")
    );
    let fig = |id: &str| d.figures.iter().find(|f| f.id == id).unwrap();
    // One joined in November, one in October (the month before).
    assert_eq!(
        (fig("seekers_new").n, fig("seekers_new").previous_n),
        (1, 1)
    );
    // November's session, none in October.
    assert_eq!((fig("sessions").n, fig("sessions").previous_n), (1, 0));
    assert_eq!(fig("session_minutes").value, Some(50.0));
    assert!(
        !fig("sessions").drillable,
        "sessions are summed by the store"
    );
    assert!(fig("seekers_new").drillable);
    assert!(
        fig("seekers_new").definition.contains("참여"),
        "the definition is there for the hover"
    );
    // The list behind the figure names the November seeker, and so does
    // the list behind its month's row.
    let total = fx
        .desk
        .kpi_members("2026-11", "2026-11", "seekers_new", "", "")
        .unwrap();
    assert_eq!(total.total, 1);
    assert_eq!(total.rows[0].name, "김도약");
    assert_eq!(total.rows[0].kind, "seeker");
    assert_eq!(total.rows[0].id, november);
    let month = fx
        .desk
        .kpi_members("2026-11", "2026-11", "seekers_new", "month", "2026-11")
        .unwrap();
    assert_eq!(month.rows.len(), 1);
    assert_eq!(month.cell, "월 2026-11");
    let october = fx
        .desk
        .kpi_members("2026-10", "2026-10", "seekers_new", "", "")
        .unwrap();
    assert_eq!(october.rows[0].name, "박이월");
}

#[test]
fn a_bad_month_or_an_unknown_figure_is_refused_in_korean() {
    let fx = new_desk();
    let err = fx.desk.kpi_dashboard("2026-13", "2026-11").unwrap_err();
    let fields: Vec<String> = err.field_errors().iter().map(|e| e.field.clone()).collect();
    assert_eq!(fields, ["from"], "the month at fault is named");
    assert!(err.field_errors()[0].message.contains("2026-03처럼"));
    assert!(matches!(
        fx.desk.kpi_members("2026-11", "2026-11", "no_such", "", ""),
        Err(AppError::NotFound { .. })
    ));
    assert!(matches!(
        fx.desk
            .kpi_members("2026-11", "2026-11", "seekers_new", "no_cut", "x"),
        Err(AppError::NotFound { .. })
    ));
}

#[test]
fn the_workbook_and_the_report_are_new_files_never_over_one() {
    let mut fx = new_desk();
    enrol(&mut fx, "김도약", "2026-11-20");
    let dir = tempfile::tempdir().unwrap();
    let xlsx = fx
        .desk
        .save_kpi_workbook("2026-11", "2026-11", dir.path())
        .unwrap();
    assert!(
        xlsx.path.ends_with("도약-성과-2026-11-2026-11.xlsx"),
        "{}",
        xlsx.path
    );
    assert!(std::fs::read(&xlsx.path).unwrap().starts_with(b"PK"));
    let pdf = fx
        .desk
        .save_kpi_pdf("2026-11", "2026-11", dir.path())
        .unwrap();
    assert!(std::fs::read(&pdf.path).unwrap().starts_with(b"%PDF"));
    // Saved again: a second file beside the first, the first untouched.
    let again = fx
        .desk
        .save_kpi_workbook("2026-11", "2026-11", dir.path())
        .unwrap();
    assert_ne!(again.path, xlsx.path);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 3);
    // A bad month writes nothing.
    assert!(
        fx.desk
            .save_kpi_pdf("2026-1", "2026-11", dir.path())
            .is_err()
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 3);
}

#[test]
fn the_facts_are_read_once_until_the_caseload_changes() {
    let mut fx = new_desk();
    enrol(&mut fx, "김도약", "2026-11-20");
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let (oct, nov_end) = (day("2026-10-01"), day("2026-11-30"));
    // The dashboard of November reads October too (the month before).
    fx.desk.kpi_dashboard("2026-11", "2026-11").unwrap();
    let first = fx.desk.kpi_facts(oct, nov_end).unwrap();
    let november = fx.desk.kpi_facts(day("2026-11-01"), nov_end).unwrap();
    assert!(
        std::sync::Arc::ptr_eq(&first, &november),
        "November's list reuses the read that covered October and November"
    );
    let wider = fx.desk.kpi_facts(day("2026-09-01"), nov_end).unwrap();
    assert!(
        !std::sync::Arc::ptr_eq(&first, &wider),
        "September's sessions were never read: read again"
    );
    enrol(&mut fx, "박이월", "2026-11-21");
    let after = fx.desk.kpi_facts(day("2026-11-01"), nov_end).unwrap();
    assert_eq!(
        (wider.seekers.len(), after.seekers.len()),
        (1, 2),
        "a write is seen at once: the kept facts are dropped"
    );
    let members = fx
        .desk
        .kpi_members("2026-11", "2026-11", "seekers_new", "", "")
        .unwrap();
    assert_eq!(members.total, 2);
    // An event is a write too: a session appended is in the next read.
    let seeker = after.seekers[0].id.clone();
    fx.desk
        .add_session(&SessionForm {
            seeker_id: seeker.clone(),
            occurred_on: "2026-11-24".into(),
            mode: "phone".into(),
            content: "상담".into(),
            minutes: "30".into(),
            ..Default::default()
        })
        .unwrap();
    let with_session = fx.desk.kpi_facts(day("2026-11-01"), nov_end).unwrap();
    assert_eq!(
        with_session
            .sessions
            .iter()
            .filter(|s| s.slice == doyak_kpi::input::Slice::Month)
            .map(|s| s.sessions)
            .sum::<u32>(),
        1,
        "the session appended is read"
    );
    // The desk keeps its largest reads apart, each until what it reads
    // changes: the session read the first 상담 again; a placement reads
    // the placements; an edit reads the seekers. Each is seen at once.
    let facts_of = |fx: &Fixture| {
        let facts = fx.desk.kpi_facts(day("2026-11-01"), nov_end).unwrap();
        facts
            .seekers
            .iter()
            .find(|s| s.id == seeker)
            .unwrap()
            .clone()
    };
    assert_eq!(facts_of(&fx).first_session_on, Some(day("2026-11-24")));
    let mut form = fx.desk.new_placement_form(&seeker, "").unwrap().form;
    form.employer = "도약정밀".into();
    form.started_on = "2026-11-25".into();
    form.weekly_hours = "40".into();
    form.wage_manwon = "280".into();
    fx.desk.add_placement(&form).unwrap();
    let placed = facts_of(&fx);
    assert_eq!(
        placed
            .placements
            .iter()
            .map(|p| p.started_on)
            .collect::<Vec<_>>(),
        [day("2026-11-25")],
        "the placement is read"
    );
    let mut edit = fx.desk.seeker_form(&seeker).unwrap();
    assert_ne!(edit.track, "youth");
    edit.track = "youth".into();
    fx.desk.save_seeker_form(&edit).unwrap();
    let edited = facts_of(&fx);
    assert_eq!(
        edited.cuts.track,
        doyak_domain::seeker::Track::Youth.label_ko(),
        "the seeker's new track"
    );
    assert_eq!(edited.placements.len(), 1, "and the placement kept");
}
