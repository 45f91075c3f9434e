//! The figure facts (migration 0012): the writer keeps them whatever order
//! the versions of an event arrive in, and the migration fills them from an
//! older file exactly as the writer would have.

use crate::old_files::old_file;
use crate::*;
use chrono::{NaiveDate, TimeZone};
use doyak_domain::events::{ContactMode, EventBody};
use doyak_domain::{CaseEvent, EntityKind};

fn counselor(n: u8) -> Id {
    Id::new_v7(1_650_000_000_000 + u64::from(n), [n; 10])
}

/// A session of `subject` on 2026-11-`day`, written by counselor `author`
/// at hour `hour` of 2026-11-20 by the writing desk's clock.
fn session(n: u8, subject: Id, day: u32, minutes: u32, author: u8, hour: u32) -> CaseEvent {
    CaseEvent {
        id: Id::new_v7(1_800_000_000_000 + u64::from(n), [n; 10]),
        center_id: center().id,
        subject_id: subject,
        author_id: Some(counselor(author)),
        recorded_at: Some(Utc.with_ymd_and_hms(2026, 11, 20, hour, 0, 0).unwrap()),
        occurred_on: NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
        supersedes: None,
        body: EventBody::CounselingSession {
            minutes,
            mode: ContactMode::InPerson,
            content: format!("{day}일 상담"),
            next_step: None,
            next_on: None,
        },
    }
}

fn corrects(mut e: CaseEvent, old: &CaseEvent) -> CaseEvent {
    e.supersedes = Some(old.id);
    e
}

/// One session held by counselor 1 on the 3rd, corrected by counselor 2
/// (the 4th, 60 minutes, written at 10:00) and, apart, by counselor 3 (the
/// 5th, 70 minutes, written at 11:00: the later of the two), and a
/// second session corrected twice in a row (the 6th, then the 7th).
fn chains(subject: Id) -> Vec<CaseEvent> {
    let a0 = session(1, subject, 3, 50, 1, 9);
    let a1 = corrects(session(2, subject, 4, 60, 2, 10), &a0);
    let a2 = corrects(session(3, subject, 5, 70, 3, 11), &a0);
    let b0 = session(4, subject, 6, 30, 1, 9);
    let b1 = corrects(session(5, subject, 6, 40, 2, 10), &b0);
    let b2 = corrects(session(6, subject, 7, 45, 3, 11), &b1);
    vec![a0, a1, a2, b0, b1, b2]
}

fn write_all(store: &mut Store, events: &[CaseEvent]) {
    for e in events {
        store.write(&ctx(), |w| w.append(e)).unwrap();
    }
}

/// November 2026's sessions kept by month and by counselor: (cut, key,
/// sessions, minutes).
fn november(store: &Store) -> Vec<(String, String, u32, i64)> {
    let mut rows: Vec<_> = store
        .kpi_sessions("2026-11", "2026-11")
        .unwrap()
        .into_iter()
        .filter(|g| g.cut == "month" || g.cut == "counselor")
        .map(|g| (g.cut, g.key, g.n, g.minutes))
        .collect();
    rows.sort();
    rows
}

#[test]
fn a_corrected_session_counts_once_whatever_order_its_versions_arrive_in() {
    // Both chains count once: a by the later-written fork (70 minutes),
    // b by its last correction (45); both for counselor 1, who held them.
    let expected = vec![
        ("counselor".to_owned(), counselor(1).to_string(), 2, 115),
        ("month".to_owned(), String::new(), 2, 115),
    ];
    let events = chains(Id::new_v7(0, [0; 10]));
    let orders: [&[usize]; 3] = [
        &[0, 1, 2, 3, 4, 5],
        &[5, 2, 4, 1, 3, 0],
        &[2, 0, 1, 4, 5, 3],
    ];
    for order in orders {
        let (_fx, mut store) = new_store();
        let s = seeker(1, "김민수");
        store.write(&ctx(), |w| w.insert(&s)).unwrap();
        let events = chains(s.id);
        let shuffled: Vec<CaseEvent> = order.iter().map(|i| events[*i].clone()).collect();
        write_all(&mut store, &shuffled);
        assert_eq!(november(&store), expected, "arrival order {order:?}");
        let firsts = store.kpi_firsts().unwrap();
        assert_eq!(
            firsts,
            vec![(
                s.id.to_string(),
                "counseling_session".to_owned(),
                NaiveDate::from_ymd_opt(2026, 11, 5).unwrap()
            )],
            "the first session is the earliest counted version (a's on the 5th, b's on the 7th), order {order:?}"
        );
    }
    drop(events);
}

#[test]
fn a_seekers_sessions_follow_their_record_and_leave_with_it() {
    let (_fx, mut store) = new_store();
    let mut s = seeker(1, "김민수");
    store.write(&ctx(), |w| w.insert(&s)).unwrap();
    // Sessions pulled before their seeker would have no cuts: the seeker's
    // write gives them theirs.
    write_all(&mut store, &chains(s.id)[..1]);
    s.track = doyak_domain::Track::Youth;
    store.write(&ctx(), |w| w.update(&s).map(|_| ())).unwrap();
    let tracks: Vec<(String, u32)> = store
        .kpi_sessions("2026-11", "2026-11")
        .unwrap()
        .into_iter()
        .filter(|g| g.cut == "track")
        .map(|g| (g.key, g.n))
        .collect();
    assert_eq!(tracks, [("youth".to_owned(), 1)], "the track as updated");
    store
        .write(&ctx(), |w| w.delete::<doyak_domain::JobSeeker>(s.id))
        .unwrap();
    assert!(
        november(&store).is_empty(),
        "a deleted seeker's sessions leave the figures"
    );
    let _ = EntityKind::Seeker;
}

/// Every column of every figure fact, in order.
fn facts(path: &std::path::Path) -> Vec<Vec<String>> {
    let conn = doyak_store::testing::raw_connection(path, &Passphrase::new(PASS), false).unwrap();
    let mut stmt = conn
        .prepare("SELECT * FROM kpi_fact ORDER BY type, id")
        .unwrap();
    let n = stmt.column_count();
    let rows = stmt
        .query_map([], |r| {
            Ok((0..n)
                .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                .collect::<Vec<_>>())
        })
        .unwrap();
    let mut out: Vec<Vec<String>> = rows.map(Result::unwrap).collect();
    let firsts: Vec<Vec<String>> = conn
        .prepare("SELECT subject_id, type, first_on FROM kpi_first ORDER BY 1, 2")
        .unwrap()
        .query_map([], |r| Ok(vec![r.get(0)?, r.get(1)?, r.get(2)?]))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    out.extend(firsts);
    let sums: Vec<Vec<String>> = conn
        .prepare("SELECT * FROM kpi_sum WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5")
        .unwrap()
        .query_map([], |r| {
            Ok((0..7)
                .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                .collect::<Vec<_>>())
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(!sums.is_empty(), "the sessions are summed");
    out.extend(sums);
    out
}

#[test]
fn the_migration_fills_the_facts_exactly_as_the_writer_keeps_them() {
    // The same events, out of order and forked, put into a file of schema
    // 11 (before the facts existed) and then migrated, or written by the
    // writer into the same file already migrated.
    let migrated = old_file(11);
    let written = old_file(11);
    let subject: Id =
        serde_json::from_value(migrated.manifest["records"]["seeker"]["id"].clone()).unwrap();
    let mut events = chains(subject);
    events.swap(0, 2);
    {
        let conn =
            doyak_store::testing::raw_connection(&migrated.path, &Passphrase::new(PASS), false)
                .unwrap();
        for e in &events {
            conn.execute(
                "INSERT INTO event (id, center_id, subject_id, type, occurred_on, supersedes, data, created_at)
                 VALUES (?1, ?2, ?3, 'counseling_session', ?4, ?5, ?6, '2026-11-20T09:00:00.000Z')",
                (
                    e.id.to_string(),
                    e.center_id.to_string(),
                    e.subject_id.to_string(),
                    e.occurred_on.to_string(),
                    e.supersedes.map(|s| s.to_string()),
                    serde_json::to_string(e).unwrap(),
                ),
            )
            .unwrap();
        }
    }
    drop(Store::open(&migrated.path, &Passphrase::new(PASS)).unwrap());
    let mut store = Store::open(&written.path, &Passphrase::new(PASS)).unwrap();
    write_all(&mut store, &events);
    drop(store);
    let (a, b) = (facts(&migrated.path), facts(&written.path));
    assert!(
        a.len() > 6,
        "the file's own session and the six versions: {a:?}"
    );
    assert_eq!(
        a, b,
        "backfilled and written facts are the same rows, and so are the sums migration 0013 adds up and its triggers keep"
    );
}

/// What the kept sums should be, summed here from the facts themselves:
/// (type, month, cut, key, compliance) → (n, minutes).
type Sums = std::collections::BTreeMap<(String, String, String, String, String), (i64, i64)>;

fn summed_from_facts(path: &std::path::Path) -> Sums {
    let conn = doyak_store::testing::raw_connection(path, &Passphrase::new(PASS), false).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT type, month, held_by, s_counselor, s_track, s_sigungu, s_groups, minutes,
                    compliance
               FROM kpi_fact
              WHERE counted = 1 AND s_live = 1 AND month IS NOT NULL
                AND type IN ('counseling_session', 'iap_activity')",
        )
        .unwrap();
    let mut sums = Sums::new();
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                [2, 3, 4, 5, 6].map(|i| r.get::<_, Option<String>>(i).unwrap().unwrap_or_default()),
                r.get::<_, Option<i64>>(7)?.unwrap_or(0),
                r.get::<_, Option<String>>(8)?,
            ))
        })
        .unwrap();
    for row in rows {
        let (kind, month, [held_by, counselor, track, sigungu, groups], minutes, compliance) =
            row.unwrap();
        let session = kind == "counseling_session";
        let Some(compliance) = compliance.or(session.then(String::new)) else {
            continue; // an activity not yet checked
        };
        let mut groups: Vec<String> = serde_json::from_str(&groups).unwrap_or_default();
        groups.sort();
        groups.dedup();
        let mut slices = vec![
            ("month", String::new()),
            ("counselor", if session { held_by } else { counselor }),
            ("track", track),
            ("sigungu", sigungu),
        ];
        slices.extend(groups.into_iter().map(|g| ("target_group", g)));
        for (cut, key) in slices {
            let sum = sums
                .entry((
                    kind.clone(),
                    month.clone(),
                    cut.to_owned(),
                    key,
                    compliance.clone(),
                ))
                .or_default();
            sum.0 += 1;
            sum.1 += minutes;
        }
    }
    sums
}

fn kept(store: &Store) -> Sums {
    let mut sums = Sums::new();
    for (kind, rows) in [
        (
            "counseling_session",
            store.kpi_sessions("0000-00", "9999-99").unwrap(),
        ),
        (
            "iap_activity",
            store.kpi_iap_checks("0000-00", "9999-99").unwrap(),
        ),
    ] {
        for g in rows {
            sums.insert(
                (kind.to_owned(), g.month, g.cut, g.key, g.compliance),
                (i64::from(g.n), g.minutes),
            );
        }
    }
    sums
}

fn activity(
    n: u8,
    subject: Id,
    month: &str,
    compliance: Option<doyak_domain::events::IapCompliance>,
) -> CaseEvent {
    CaseEvent {
        body: EventBody::IapActivity {
            month: month.to_owned(),
            kind: doyak_domain::events::IapActivityKind::JobSearch,
            description: "입사지원 3회".into(),
            done: compliance == Some(doyak_domain::events::IapCompliance::Done),
            compliance,
            compliance_note: None,
        },
        ..session(n, subject, 1, 0, 1, 9)
    }
}

#[test]
fn the_kept_sums_are_the_facts_summed_through_every_kind_of_write() {
    use doyak_domain::events::IapCompliance::{Cancelled, Done, Missed};
    use doyak_domain::seeker::{TargetGroup, Track};
    let (fx, mut store) = new_store();
    let check = |store: &Store, step: &str| {
        let expected = summed_from_facts(&fx.path);
        assert!(!expected.is_empty(), "{step}: something to sum");
        assert_eq!(kept(store), expected, "{step}");
    };
    let mut a = seeker(1, "김민수");
    a.counselor_id = Some(counselor(1));
    a.target_groups = vec![TargetGroup::Youth, TargetGroup::Disabled];
    let mut b = seeker(2, "이영희");
    b.counselor_id = Some(counselor(2));
    store.write(&ctx(), |w| w.insert(&a)).unwrap();
    store.write(&ctx(), |w| w.insert(&b)).unwrap();

    // Sessions forked and corrected, and IAP activities checked later.
    write_all(&mut store, &chains(a.id));
    let unchecked = activity(10, b.id, "2026-11", None);
    let done = corrects(activity(11, b.id, "2026-11", Some(Done)), &unchecked);
    write_all(&mut store, &[unchecked, done.clone()]);
    check(&store, "written");
    let per = |store: &Store, kind: &str, cut: &str, key: &str| {
        kept(store)
            .into_iter()
            .filter(|((k, _, c, g, _), _)| k == kind && c == cut && g == key)
            .map(|(_, (n, _))| n)
            .sum::<i64>()
    };
    assert_eq!(
        per(&store, "counseling_session", "month", ""),
        2,
        "two chains, each once"
    );
    assert_eq!(
        per(&store, "counseling_session", "target_group", "youth"),
        2
    );
    assert_eq!(
        per(
            &store,
            "iap_activity",
            "counselor",
            &counselor(2).to_string()
        ),
        1,
        "checked once, for b's counselor"
    );

    // The check corrected to missed, then the activity cancelled.
    let missed = corrects(activity(12, b.id, "2026-11", Some(Missed)), &done);
    write_all(&mut store, std::slice::from_ref(&missed));
    check(&store, "a check corrected");
    write_all(
        &mut store,
        &[corrects(
            activity(13, b.id, "2026-12", Some(Cancelled)),
            &missed,
        )],
    );
    check(&store, "moved to another month and cancelled");

    // The seeker's cuts change: every fact moves rows.
    a.track = Track::Youth;
    a.target_groups = vec![TargetGroup::Senior];
    a.counselor_id = Some(counselor(3));
    a.home_sigungu = Some(doyak_domain::SigunguCode::from("41273"));
    store.write(&ctx(), |w| w.update(&a).map(|_| ())).unwrap();
    check(&store, "cuts changed");
    assert_eq!(
        per(&store, "counseling_session", "target_group", "youth"),
        0,
        "left the old group"
    );
    assert_eq!(
        per(&store, "counseling_session", "target_group", "senior"),
        2
    );

    // Facts pulled before their seeker are summed once the seeker comes.
    let c = seeker(3, "박철수");
    write_all(&mut store, &[session(20, c.id, 9, 25, 2, 12)]);
    check(&store, "a session before its seeker");
    store.write(&ctx(), |w| w.insert(&c)).unwrap();
    check(&store, "its seeker arrived");

    // A deleted seeker's facts leave every sum.
    store
        .write(&ctx(), |w| w.delete::<doyak_domain::JobSeeker>(a.id))
        .unwrap();
    check(&store, "a seeker deleted");
    assert_eq!(
        per(&store, "counseling_session", "month", ""),
        1,
        "c's session alone"
    );
}

#[test]
fn a_damaged_list_of_groups_adds_no_group_and_fails_no_write() {
    use doyak_domain::seeker::TargetGroup;
    let (fx, mut store) = new_store();
    let mut a = seeker(1, "김민수");
    a.target_groups = vec![TargetGroup::Youth];
    store.write(&ctx(), |w| w.insert(&a)).unwrap();
    drop(store);
    // A file damaged outside the app: a null, a number and an object among
    // the codes. Only the text items are groups (a null key would have
    // failed every write of this seeker's facts).
    let damage = |groups: &str| {
        let conn =
            doyak_store::testing::raw_connection(&fx.path, &Passphrase::new(PASS), false).unwrap();
        conn.execute(
            "UPDATE seeker SET target_groups = ?1 WHERE id = ?2",
            (groups, a.id.to_string()),
        )
        .unwrap();
    };
    damage(r#"[null, 7, {"a": "b"}, "youth"]"#);
    let mut store = Store::open(&fx.path, &Passphrase::new(PASS)).unwrap();
    write_all(&mut store, &[session(1, a.id, 3, 50, 1, 9)]);
    let groups = |store: &Store| {
        store
            .kpi_sessions("2026-11", "2026-11")
            .unwrap()
            .into_iter()
            .filter(|g| g.cut == "target_group")
            .map(|g| (g.key, g.n))
            .collect::<Vec<_>>()
    };
    assert_eq!(groups(&store), [("youth".to_owned(), 1)]);
    drop(store);
    damage("not json");
    let mut store = Store::open(&fx.path, &Passphrase::new(PASS)).unwrap();
    write_all(&mut store, &[session(2, a.id, 4, 30, 1, 9)]);
    assert_eq!(
        groups(&store),
        [("youth".to_owned(), 1)],
        "the second session has no group to add to"
    );
    assert_eq!(
        november(&store)[1],
        ("month".to_owned(), String::new(), 2, 80),
        "but counts in its month"
    );
}
