//! Issue 14's whole story in one run, through the real binaries: three
//! desks that joined one center and one desk of another; concurrent edits
//! of one field, a same-id insert from both sides, a copied file started on
//! another machine, a backup restored over a desk. After clean syncs every
//! desk holds exactly the server's records of its center (values, versions,
//! deletions), and what two desks disagreed on is listed as a conflict on
//! every desk of the center, never left as a silent difference.

use super::compare::assert_same_records;
use super::processes::{Server, admin};
use super::{assert_korean_failure, open_desk};
use crate::{Env, PASS, stderr, stdout};
use doyak_server::{ServiceConfig, SqliteStorage, Storage, SyncService};
use std::path::Path;
use uuid::Uuid;

fn center(data: &Path, name: &str) -> Uuid {
    let added = admin(data, &["center", "--name", name]);
    added.split_whitespace().nth(1).unwrap().parse().unwrap()
}

fn code(data: &Path, center: Uuid) -> String {
    admin(data, &["code", "--center", &center.to_string()])
        .trim()
        .to_owned()
}

fn conflicts(env: &Env, db: &Path) -> Vec<String> {
    stdout(&env.ok(db, &["conflicts"]))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('\t').skip(1).collect::<Vec<_>>().join("\t"))
        .collect()
}

#[test]
fn three_joined_desks_and_another_center_end_equal_to_the_server_or_listed() {
    let env = Env::new();
    let data = env.db("server.sqlite3");
    let (a, b) = (center(&data, "가센터"), center(&data, "나센터"));
    let codes: Vec<String> = (0..5).map(|_| code(&data, a)).collect();
    let b_code = code(&data, b);
    let server = Server::start(&data);
    let url = server.url();
    let join = |db: &Path, code: &str| {
        let out = env.run(
            db,
            PASS,
            &["join", "--server", &url, "--code", code, "--name", "노트북"],
        );
        assert!(out.status.success(), "join: {}", stderr(&out));
    };
    let file = |name: &str, text: String| env.file(name, text.as_bytes());
    let import = |db: &Path, path: &Path, update: bool| {
        let mut args = vec!["import", "seekers", path.to_str().unwrap()];
        if update {
            args.push("--update");
        }
        env.ok(db, &args);
    };

    // Center A: the first desk brings the seekers, two more join.
    let desks: Vec<_> = (1..=3).map(|n| env.db(&format!("a{n}.doyak"))).collect();
    join(&desks[0], &codes[0]);
    const KIM: &str = "0199c9a4-8e00-7000-8000-00000000a001";
    const LEE: &str = "0199c9a4-8e00-7000-8000-00000000a002";
    let start = file(
        "start.csv",
        format!(
            "ID,이름,생년월일,휴대전화,진행상태\n{KIM},김하나,1990-01-02,010-1111-2222,접수\n\
             {LEE},이둘,1991-03-04,010-3333-4444,접수\n"
        ),
    );
    import(&desks[0], &start, false);
    env.ok(&desks[0], &["sync"]);
    join(&desks[1], &codes[1]);
    join(&desks[2], &codes[2]);
    // Center B: a desk of its own with a seeker of its own.
    let other = env.db("b1.doyak");
    join(&other, &b_code);
    let b_file = file(
        "b.csv",
        "이름,생년월일,휴대전화\n박나센터,1988-08-08,010-8888-9999\n".to_owned(),
    );
    import(&other, &b_file, false);
    env.ok(&other, &["sync"]);

    // Concurrent edits: desks 2 and 3 correct Kim's phone two ways, desk 1
    // her status; nobody has synced in between.
    for (db, phone) in [(&desks[1], "010-2222-0002"), (&desks[2], "010-3333-0003")] {
        let fix = file(
            "fix.csv",
            format!("ID,이름,휴대전화\n{KIM},김하나,{phone}\n"),
        );
        import(db, &fix, true);
    }
    let status = file(
        "status.csv",
        format!("ID,이름,진행상태\n{KIM},김하나,진단\n"),
    );
    import(&desks[0], &status, true);

    // Same-id inserts from both sides: desks 1 and 3 each bring a file that
    // names one new id, with different people's details.
    const TWIN: &str = "0199c9a4-8e00-7000-8000-00000000a003";
    for (db, birth) in [(&desks[0], "1979-09-09"), (&desks[2], "2001-01-01")] {
        let twin = file(
            "twin.csv",
            format!("ID,이름,생년월일\n{TWIN},최셋,{birth}\n"),
        );
        import(db, &twin, false);
    }
    // A backup of desk 2 with its phone correction still unsent.
    let backup = env.db("a2-backup.doyak");
    std::fs::copy(&desks[1], &backup).unwrap();
    for db in &desks {
        env.ok(db, &["sync"]);
    }
    // Desk 2 goes on: one more change, sent (its sequence number 2).
    let lee = file(
        "lee.csv",
        format!("ID,이름,휴대전화\n{LEE},이둘,010-3333-5555\n"),
    );
    import(&desks[1], &lee, true);
    env.ok(&desks[1], &["sync"]);

    // Desk 2's caseload copied to another laptop: refused until enrolled
    // as a device of its own, then it syncs (nothing lost, nothing twice).
    let copy = env.db("a2-copy.doyak");
    std::fs::copy(&desks[1], &copy).unwrap();
    let refused = env
        .command(&copy, PASS, &["sync"])
        .env("DOYAK_MACHINE_ID", "second-laptop")
        .output()
        .unwrap();
    assert_korean_failure(refused.status, &stderr(&refused));
    let copied = env
        .command(
            &copy,
            PASS,
            &["enroll", "--server", &url, "--code", &codes[3]],
        )
        .env("DOYAK_MACHINE_ID", "second-laptop")
        .output()
        .unwrap();
    assert!(copied.status.success(), "{}", stderr(&copied));

    // Desk 2's backup restored over it, and a new change made there: the
    // backup's next number (2) is one the server took with another change,
    // so the desk is told to enroll again; enrolled, it resends the phone
    // correction the server already has, which must not count twice.
    std::fs::copy(&backup, &desks[1]).unwrap();
    let late = file(
        "late.csv",
        "이름,생년월일,휴대전화\n정넷,1993-03-03,010-4444-6666\n".to_owned(),
    );
    import(&desks[1], &late, false);
    let restored = env.run(&desks[1], PASS, &["sync"]);
    assert_korean_failure(restored.status, &stderr(&restored));
    env.ok(
        &desks[1],
        &["enroll", "--server", &url, "--code", &codes[4]],
    );

    // Clean syncs, twice round (the second brings what the first sent).
    for _ in 0..2 {
        for db in desks.iter().chain([&other]) {
            env.ok(db, &["sync"]);
        }
        let out = env
            .command(&copy, PASS, &["sync"])
            .env("DOYAK_MACHINE_ID", "second-laptop")
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
    }

    let service = SyncService::new(
        Storage::Sqlite(SqliteStorage::open(&data).unwrap()),
        ServiceConfig::default(),
    );
    let on_server = service.records(a).unwrap();
    for db in desks.iter().chain([&copy]) {
        assert_same_records(&on_server, &open_desk(db).sync_snapshot().unwrap());
        assert_eq!(open_desk(db).pending_count().unwrap(), 0);
        assert!(
            stdout(&env.ok(db, &["rejections"])).trim().is_empty(),
            "nothing refused: {}",
            db.display()
        );
    }
    assert_same_records(
        &service.records(b).unwrap(),
        &open_desk(&other).sync_snapshot().unwrap(),
    );
    assert!(
        !stdout(&env.ok(
            &other,
            &[
                "export",
                "--full",
                "--plain",
                "--purpose",
                "transfer",
                "seekers",
                "--format",
                "jsonl"
            ]
        ))
        .contains("김하나"),
        "center B holds nothing of center A"
    );

    // What the desks disagreed on is listed alike on every desk of A: the
    // phone (desks 2 and 3) and the twin's birth date (desks 1 and 3).
    let listed = conflicts(&env, &desks[0]);
    assert!(
        listed
            .iter()
            .any(|l| l.contains("010-2222-0002") && l.contains("010-3333-0003")),
        "the two phone corrections: {listed:?}"
    );
    assert!(
        listed.iter().any(|l| l.contains("[같은 ID의 두 기록]")
            && l.contains("1979-09-09")
            && l.contains("2001-01-01")),
        "the two people under one id: {listed:?}"
    );
    for db in desks.iter().skip(1).chain([&copy]) {
        assert_eq!(conflicts(&env, db), listed, "{}", db.display());
    }
    // The restored desk's resent phone correction was answered, not
    // applied again: the phone field moved once per desk that changed it.
    let kim = on_server.iter().find(|r| r.id.to_string() == KIM).unwrap();
    assert_eq!(
        kim.fields["phone"].version, 3,
        "version 1, then desk 2's and desk 3's corrections: no third write from the restore"
    );
    drop(server);
}
