//! A seeker moves to another center: the server's administrator transfers
//! the seeker with the case file (`doyak-server transfer`); the new
//! center's desks pull both, the old center's drop the seeker, and an edit
//! the old center made before it heard is refused with the reason, kept in
//! its rejection list.

use super::compare::assert_same_records;
use super::processes::{Server, admin};
use super::{center_id, open_desk};
use crate::{Env, PASS, stderr, stdout};
use doyak_domain::{Id, JobSeeker};
use doyak_server::{ServiceConfig, SqliteStorage, Storage, SyncService};
use std::path::Path;
use uuid::Uuid;

fn new_center(data: &Path, name: &str) -> Uuid {
    let added = admin(data, &["center", "--name", name]);
    added
        .split_whitespace()
        .nth(1)
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("the new center's id is printed: {added}"))
}

fn code(data: &Path, center: Uuid) -> String {
    admin(data, &["code", "--center", &center.to_string()])
        .trim()
        .to_owned()
}

/// A seeker's case file as the desk holds it: the events about the seeker,
/// and about those events (a retention check names its placement).
fn case_file(store: &doyak_store::Store, seeker: Id) -> usize {
    let mut subjects = vec![seeker];
    let mut count = 0;
    while let Some(subject) = subjects.pop() {
        for event in store.events_of(subject).unwrap() {
            count += 1;
            subjects.push(event.id);
        }
    }
    count
}

#[test]
fn a_transferred_seeker_moves_with_the_case_file_and_a_late_edit_is_told_why() {
    let env = Env::new();
    let data = env.db("server.sqlite3");
    // The old center: a caseload with case events (a demo), enrolled as its
    // center's first desk.
    let old = env.init("old.doyak");
    env.ok(
        &old,
        &["demo", "--seekers", "8", "--companies", "2", "--seed", "5"],
    );
    let from = center_id(&env, &old);
    admin(
        &data,
        &["center", "--id", &from.to_string(), "--name", "나센터"],
    );
    let old_code = code(&data, from);
    let to = new_center(&data, "가센터");
    let new_code = code(&data, to);
    let server = Server::start(&data);
    let url = server.url();
    env.ok(&old, &["enroll", "--server", &url, "--code", &old_code]);
    env.ok(&old, &["sync"]);
    let new = env.db("new.doyak");
    let out = env.run(
        &new,
        PASS,
        &[
            "join",
            "--server",
            &url,
            "--code",
            &new_code,
            "--name",
            "가센터 1번",
        ],
    );
    assert!(out.status.success(), "join: {}", stderr(&out));

    // The seeker with the longest case file moves.
    let (seeker, events, name) = {
        let store = open_desk(&old);
        let mut best: Option<(Id, usize, String)> = None;
        store
            .for_each::<JobSeeker>(|s| {
                let n = case_file(&store, s.id);
                if best.as_ref().is_none_or(|(_, m, _)| n > *m) {
                    best = Some((s.id, n, s.name.clone()));
                }
                Ok(())
            })
            .unwrap();
        best.unwrap()
    };
    assert!(events > 0, "the demo gives its seekers case events to move");
    let seeker_text = seeker.to_string();

    // Before the old center hears of the move, its counselor corrects the
    // seeker's phone number.
    let fix = env.file(
        "fix.csv",
        format!("ID,이름,휴대전화\n{seeker_text},{name},010-4321-8765\n").as_bytes(),
    );
    env.ok(
        &old,
        &["import", "seekers", fix.to_str().unwrap(), "--update"],
    );

    // A transfer needs a reason; a wrong target or seeker is refused.
    let bad = std::process::Command::new(super::processes::server_binary())
        .arg("--data")
        .arg(&data)
        .args([
            "transfer",
            "--seeker",
            &seeker_text,
            "--to",
            &from.to_string(),
        ])
        .args(["--reason", "주소 이전"])
        .output()
        .unwrap();
    assert!(
        !bad.status.success(),
        "a seeker cannot move to its own center"
    );
    assert!(
        stderr(&bad).contains("이미 그 센터"),
        "the refusal says why: {}",
        stderr(&bad)
    );
    let moved = admin(
        &data,
        &[
            "transfer",
            "--seeker",
            &seeker_text,
            "--to",
            &to.to_string(),
            "--reason",
            "주소 이전 (요청 2026-118)",
        ],
    );
    assert!(
        moved.contains(&format!("상담 기록 {events}건")),
        "every event of the case file moves with the seeker ({events}): {moved}"
    );
    let listed = admin(&data, &["transfers", "--seeker", &seeker_text]);
    assert_eq!(
        listed.lines().count(),
        1,
        "the transfer is logged: {listed}"
    );
    assert!(listed.contains(&from.to_string()) && listed.contains(&to.to_string()));

    // The new center's desk pulls the seeker and the whole case file, as its
    // own, with no counselor of the old center assigned.
    env.ok(&new, &["sync"]);
    {
        let store = open_desk(&new);
        let taken: JobSeeker = store
            .get(seeker)
            .unwrap()
            .expect("the new center's desk holds the transferred seeker");
        assert_eq!(
            taken.center_id,
            Id::from(to),
            "the seeker is the new center's"
        );
        assert_eq!(
            taken.counselor_id, None,
            "the old center's counselor does not follow"
        );
        assert_eq!(
            case_file(&store, seeker),
            events,
            "the case file came along, retention checks of its placements included"
        );
    }

    // The old center's desk: its late edit is refused with the reason (and
    // kept in the rejection list), and the seeker is gone from its lists.
    let out = env.run(&old, PASS, &["sync"]);
    let said = format!("{}{}", stdout(&out), stderr(&out));
    let rejections = stdout(&env.ok(&old, &["rejections"]));
    assert!(
        rejections.contains(&seeker_text) && rejections.contains("다른 센터로 이관"),
        "the late edit is listed with its reason: {rejections}\n(sync said: {said})"
    );
    assert!(
        rejections.contains("다시 보낼 수 없음"),
        "an edit of a seeker now at another center cannot go again: {rejections}"
    );
    let refused_id = rejections
        .lines()
        .find(|l| l.contains(&seeker_text))
        .and_then(|l| l.split('\t').next())
        .unwrap()
        .to_owned();
    let retry = env.run(&old, PASS, &["rejections", "retry", &refused_id]);
    assert!(
        !retry.status.success() && stderr(&retry).contains("이관"),
        "asked anyway, the desk says why not: {}",
        stderr(&retry)
    );
    let found = stdout(&env.ok(&old, &["search", &name]));
    assert!(
        !found.contains(&seeker_text),
        "the old center no longer lists the seeker: {found}"
    );
    {
        let store = open_desk(&old);
        let kept: Option<JobSeeker> = store.get(seeker).unwrap();
        assert!(
            kept.is_none(),
            "the old desk holds the seeker as deleted only (gone from every list)"
        );
    }

    // Both desks equal the server's view of their center.
    let service = SyncService::new(
        Storage::Sqlite(SqliteStorage::open(&data).unwrap()),
        ServiceConfig::default(),
    );
    assert_same_records(
        &service.records(to).unwrap(),
        &open_desk(&new).sync_snapshot().unwrap(),
    );
    let old_records = service.records(from).unwrap();
    assert!(
        old_records.iter().all(|r| r.id.to_string() != seeker_text),
        "the server holds the seeker under the new center only"
    );
    drop(server);
}
