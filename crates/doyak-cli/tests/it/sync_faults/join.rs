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
        .map(|kind| stdout(&env.ok(db, &["export", kind, "--format", "jsonl"])))
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
        env.ok(&elsewhere, &["export", kind, "--format", "csv", "-o", csv]);
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
