//! A center of several desks, set up the way a center does it: the
//! administrator adds the center on the server and hands out one code per
//! laptop; each laptop `join`s and pulls the center. No file is copied.

use super::processes::{Server, admin};
use super::{assert_korean_failure, center_id, open_desk};
use crate::{Env, PASS, stderr, stdout};
use std::collections::BTreeSet;
use std::path::Path;
use uuid::Uuid;

fn join(env: &Env, db: &Path, url: &str, code: &str, name: &str) -> std::process::Output {
    env.run(
        db,
        PASS,
        &["join", "--server", url, "--code", code, "--name", name],
    )
}

fn export(env: &Env, db: &Path) -> String {
    ["seekers", "companies", "vacancies"]
        .map(|kind| {
            stdout(&env.ok(
                db,
                &[
                    "export",
                    "--full",
                    "--plain",
                    "--purpose",
                    "transfer",
                    kind,
                    "--format",
                    "jsonl",
                ],
            ))
        })
        .concat()
}

#[test]
fn desks_that_join_a_center_share_it_each_as_a_device_of_its_own() {
    let env = Env::new();
    let data = env.db("server.sqlite3");
    // `센터 <UUID> (<name>)`: no --id, so the server makes the center.
    let added = admin(&data, &["center", "--name", "도약센터"]);
    let center: Uuid = added
        .split_whitespace()
        .nth(1)
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("the new center's id is printed: {added}"));
    let codes: Vec<String> = (0..3)
        .map(|_| {
            admin(&data, &["code", "--center", &center.to_string()])
                .trim()
                .to_owned()
        })
        .collect();
    let server = Server::start(&data);
    let url = server.url();

    // The first desk joins an empty center and fills it.
    let first = env.db("first.doyak");
    let out = join(&env, &first, &url, &codes[0], "1번 노트북");
    assert!(out.status.success(), "join: {}", stderr(&out));
    assert_eq!(
        center_id(&env, &first),
        center,
        "the caseload takes the center's id from the server, not a new one"
    );
    // Its caseload comes from another center's files (a demo exported as
    // CSV), as a center's first desk would bring in its spreadsheets.
    let elsewhere = env.init("elsewhere.doyak");
    env.ok(
        &elsewhere,
        &["demo", "--seekers", "25", "--companies", "4", "--seed", "7"],
    );
    for kind in ["companies", "seekers"] {
        let csv = env.db(&format!("{kind}.csv"));
        let csv = csv.to_str().unwrap();
        env.ok(
            &elsewhere,
            &[
                "export",
                "--full",
                "--plain",
                "--purpose",
                "transfer",
                kind,
                "--format",
                "csv",
                "-o",
                csv,
            ],
        );
        env.ok(&first, &["import", kind, csv]);
    }
    env.ok(&first, &["sync"]);
    assert_eq!(
        export(&env, &first).lines().count(),
        25 + 4,
        "the first desk holds what it imported (25 seekers, 4 companies)"
    );

    // A code typed wrong, or a file that is already there, is refused
    // before the code is spent: the same code then joins.
    let second = env.db("second.doyak");
    let typo = join(&env, &second, &url, "ABCD-EFGH", "2번 노트북");
    assert_eq!(
        typo.status.code(),
        Some(2),
        "a malformed code is refused input"
    );
    assert!(
        stderr(&typo).contains("등록 코드"),
        "the message names the field: {}",
        stderr(&typo)
    );
    assert!(!second.exists(), "a refused join writes no file");
    let taken = join(&env, &first, &url, &codes[1], "2번 노트북");
    assert!(
        !taken.status.success(),
        "an existing file is never replaced"
    );
    let out = join(&env, &second, &url, &codes[1], "2번 노트북");
    assert!(
        out.status.success(),
        "neither refusal spent the code: {}",
        stderr(&out)
    );
    assert!(
        stdout(&out).contains("도약센터"),
        "join names the center it joined: {}",
        stdout(&out)
    );
    assert_eq!(
        export(&env, &second),
        export(&env, &first),
        "the joined desk pulled the whole center"
    );

    // A spent code joins nothing, and leaves no file behind.
    let third = env.db("third.doyak");
    let spent = join(&env, &third, &url, &codes[1], "3번 노트북");
    assert_korean_failure(spent.status, &stderr(&spent));
    assert!(!third.exists(), "a refused code leaves no caseload");
    let out = join(&env, &third, &url, &codes[2], "3번 노트북");
    assert!(out.status.success(), "join: {}", stderr(&out));

    // Three desks, three devices of the one center.
    drop(server);
    let listed = admin(&data, &["devices", "--center", &center.to_string()]);
    let devices: BTreeSet<Uuid> = [&first, &second, &third]
        .iter()
        .map(|db| open_desk(db).device_id().unwrap())
        .collect();
    assert_eq!(
        devices.len(),
        3,
        "each desk enrolled a device id of its own"
    );
    for device in &devices {
        assert!(
            listed.contains(&device.to_string()),
            "{device} is in the center's device list: {listed}"
        );
    }
    assert_eq!(export(&env, &third), export(&env, &first));
}

fn pending(env: &Env, db: &Path) -> u64 {
    super::pending_in_status(env, db)
}

/// A caseload copied to another place (same machine, other path; or the
/// same path on another machine) and a backup restored over the original:
/// none of them may push under the identity the original enrolled. Each is
/// stopped with the Korean message and its changes kept; enrolled again
/// with a new code it is a device of its own and its changes go out. The
/// original keeps syncing throughout.
#[test]
fn a_copied_or_restored_caseload_must_enroll_again_and_loses_nothing() {
    let env = Env::new();
    let data = env.db("server.sqlite3");
    let added = admin(&data, &["center", "--name", "도약센터"]);
    let center = added.split_whitespace().nth(1).unwrap().to_owned();
    let code = || {
        admin(&data, &["code", "--center", &center])
            .trim()
            .to_owned()
    };
    let codes: Vec<String> = (0..4).map(|_| code()).collect();
    let server = Server::start(&data);
    let url = server.url();

    let original = env.db("original.doyak");
    let out = join(&env, &original, &url, &codes[0], "원본");
    assert!(out.status.success(), "join: {}", stderr(&out));
    let seekers = env.file(
        "seekers.csv",
        "이름,생년월일,휴대전화,진행상태\n김하나,1990-01-02,010-1234-5678,접수\n".as_bytes(),
    );
    env.ok(&original, &["import", "seekers", seekers.to_str().unwrap()]);
    env.ok(&original, &["sync"]);
    // `doyak backup`: an encrypted copy made from the open caseload.
    let backup = env.db("backup.doyak");
    env.ok(&original, &["backup", backup.to_str().unwrap()]);

    // A copy on the same machine under another name, with a change of its own.
    let copy = env.db("copy.doyak");
    std::fs::copy(&original, &copy).unwrap();
    let more = env.file(
        "more.csv",
        "이름,생년월일,휴대전화,진행상태\n이둘,1991-03-04,010-2222-3333,접수\n".as_bytes(),
    );
    env.ok(&copy, &["import", "seekers", more.to_str().unwrap()]);
    let refused = env.run(&copy, PASS, &["sync"]);
    assert_korean_failure(refused.status, &stderr(&refused));
    assert!(
        stderr(&refused).contains("새 기기로 등록"),
        "the copy is told to enroll as a new device: {}",
        stderr(&refused)
    );
    assert_eq!(pending(&env, &copy), 1, "the copy's change is kept");
    // The original is untouched by all this.
    env.ok(&original, &["sync"]);

    // The same path on another machine is a copy too.
    let moved = env
        .command(&original, PASS, &["sync"])
        .env("DOYAK_MACHINE_ID", "another-laptop")
        .output()
        .unwrap();
    assert_korean_failure(moved.status, &stderr(&moved));

    // Enrolled again, the copy is a device of its own and its change goes out.
    env.ok(&copy, &["enroll", "--server", &url, "--code", &codes[1]]);
    env.ok(&copy, &["sync"]);
    assert_eq!(pending(&env, &copy), 0, "the kept change went out");
    env.ok(&original, &["sync"]);
    let names = |db: &Path| {
        stdout(&env.ok(
            db,
            &[
                "export",
                "--full",
                "--plain",
                "--purpose",
                "transfer",
                "seekers",
                "--format",
                "jsonl",
            ],
        ))
    };
    assert!(
        names(&original).contains("이둘"),
        "the original received the copy's change under the copy's own identity"
    );

    // A backup restored over the original, then a change: the server has
    // seen this device's next sequence number with another change. (A new
    // person: importing 이둘 again would be refused as a second record of
    // someone the caseload holds.)
    let fourth = env.file(
        "fourth.csv",
        "이름,생년월일,휴대전화,진행상태\n정넷,1993-07-08,010-6666-7777,접수\n".as_bytes(),
    );
    env.ok(&original, &["import", "seekers", fourth.to_str().unwrap()]);
    env.ok(&original, &["sync"]);
    // `doyak restore` sees the caseload holds work the backup lacks and
    // replaces it only when told to, keeping it beside the restored file.
    let asked = env.run(&original, PASS, &["restore", backup.to_str().unwrap()]);
    assert_eq!(asked.status.code(), Some(2), "{}", stderr(&asked));
    assert!(
        stderr(&asked).contains("백업에 없는 작업"),
        "{}",
        stderr(&asked)
    );
    let restored_out = env.ok(
        &original,
        &["restore", backup.to_str().unwrap(), "--replace-newer"],
    );
    assert!(
        stderr(&restored_out).contains("바꾸기 전 파일은 그대로 보관했습니다"),
        "{}",
        stderr(&restored_out)
    );
    let third = env.file(
        "third.csv",
        "이름,생년월일,휴대전화,진행상태\n박셋,1992-05-06,010-4444-5555,접수\n".as_bytes(),
    );
    env.ok(&original, &["import", "seekers", third.to_str().unwrap()]);
    let restored = env.run(&original, PASS, &["sync"]);
    assert_korean_failure(restored.status, &stderr(&restored));
    assert!(
        stderr(&restored).contains("새 기기로 등록"),
        "the restored file is told to enroll again: {}",
        stderr(&restored)
    );
    assert_eq!(
        pending(&env, &original),
        1,
        "the restored file's change is kept"
    );
    env.ok(
        &original,
        &["enroll", "--server", &url, "--code", &codes[2]],
    );
    env.ok(&original, &["sync"]);
    env.ok(&copy, &["sync"]);
    assert_eq!(
        names(&original),
        names(&copy),
        "both desks hold the same center"
    );
    assert!(names(&copy).contains("박셋"));

    drop(server);
    let devices = admin(&data, &["devices", "--center", &center]);
    assert_eq!(
        devices.lines().filter(|l| !l.trim().is_empty()).count(),
        3,
        "joined, copy enrolled again, restore enrolled again: three devices\n{devices}"
    );
}

/// Two desks of one center each make a seeker under one id (one imported a
/// file carrying the other's id before it had synced). Nothing is refused
/// and nothing diverges: after both sync, both desks hold the server's
/// record and list the same-id conflicts; split from the command line, the
/// second person becomes a record of their own on every desk.
#[test]
fn a_second_record_under_one_id_is_a_conflict_on_every_desk_never_a_divergence() {
    let env = Env::new();
    let data = env.db("server.sqlite3");
    let added = admin(&data, &["center", "--name", "도약센터"]);
    let center = added.split_whitespace().nth(1).unwrap().to_owned();
    let codes: Vec<String> = (0..2)
        .map(|_| {
            admin(&data, &["code", "--center", &center])
                .trim()
                .to_owned()
        })
        .collect();
    let server = Server::start(&data);
    let url = server.url();
    let [one, two] = ["one", "two"].map(|n| env.db(&format!("{n}.doyak")));
    for (db, code) in [(&one, &codes[0]), (&two, &codes[1])] {
        let out = join(&env, db, &url, code, "노트북");
        assert!(out.status.success(), "join: {}", stderr(&out));
    }
    const ID: &str = "0199c9a4-8e00-7000-8000-00000000abcd";
    let first = env.file(
        "first.csv",
        format!("ID,이름,생년월일,휴대전화\n{ID},김하나,1990-01-02,010-1234-5678\n").as_bytes(),
    );
    let second = env.file(
        "second.csv",
        format!("ID,이름,생년월일,휴대전화\n{ID},김하나,1985-07-08,010-9999-0000\n").as_bytes(),
    );
    env.ok(&two, &["import", "seekers", first.to_str().unwrap()]);
    env.ok(&two, &["sync"]);
    env.ok(&one, &["import", "seekers", second.to_str().unwrap()]);
    let synced = stdout(&env.ok(&one, &["sync"]));
    assert!(
        synced.contains("충돌 2건") && synced.contains("미해결 충돌 2건"),
        "birth date and phone differ: two conflicts, none refused: {synced}"
    );
    env.ok(&two, &["sync"]);
    assert_eq!(
        export(&env, &one),
        export(&env, &two),
        "both desks hold the same record after a clean sync"
    );
    assert!(
        export(&env, &one).contains("1990-01-02"),
        "the record the server had first stays"
    );
    for db in [&one, &two] {
        let listed = stdout(&env.ok(db, &["conflicts"]));
        assert_eq!(
            listed
                .lines()
                .filter(|l| l.contains("[같은 ID의 두 기록]"))
                .count(),
            2,
            "every desk lists the two same-id conflicts: {listed}"
        );
        assert!(listed.contains("1985-07-08") && listed.contains("1990-01-02"));
    }

    // Two people after all: the second becomes a record of its own.
    env.ok(&one, &["conflicts", "same-id", ID, "--split"]);
    for db in [&one, &two, &one] {
        env.ok(db, &["sync"]);
    }
    for db in [&one, &two] {
        assert_eq!(
            stdout(&env.ok(db, &["conflicts"])).lines().count(),
            0,
            "settled on every desk"
        );
        let seekers = stdout(&env.ok(
            db,
            &[
                "export",
                "--full",
                "--plain",
                "--purpose",
                "transfer",
                "seekers",
                "--format",
                "jsonl",
            ],
        ));
        assert_eq!(seekers.lines().count(), 2, "two people now: {seekers}");
        assert!(seekers.contains("1985-07-08") && seekers.contains("010-9999-0000"));
    }
    assert_eq!(export(&env, &one), export(&env, &two));
}
