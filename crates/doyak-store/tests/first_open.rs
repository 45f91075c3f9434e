//! The first caseloads a process opens, opened by several threads at once.
//!
//! SQLite marks itself initialized before it runs SQLCipher's set-up, so a
//! thread keying a connection in that instant failed ("An error occurred
//! with PRAGMA key or rekey"; once in CI). The window exists only while a
//! process initializes SQLite, and is narrow (without the fix about one
//! process in twenty lost the race here), so the test runs the race in many
//! fresh processes: this same binary, started again as a child.
#![allow(clippy::unwrap_used)]

use doyak_store::Passphrase;
use std::process::Command;
use std::sync::{Arc, Barrier};

const CHILD: &str = "DOYAK_FIRST_OPEN_CHILD";
const TEST: &str = "eight_threads_keying_the_first_connections_of_a_process_all_succeed";

/// In a child: eight threads open and key a new caseload file each, at once.
fn race() -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let threads = 8;
    let start = Arc::new(Barrier::new(threads));
    let handles: Vec<_> = (0..threads)
        .map(|i| {
            let start = Arc::clone(&start);
            let path = dir.path().join(format!("caseload-{i}.doyak"));
            std::thread::spawn(move || {
                start.wait();
                doyak_store::testing::raw_connection(&path, &Passphrase::new("동시 열기"), true)
                    .map(drop)
                    .map_err(|e| format!("thread {i}: {e}"))
            })
        })
        .collect();
    handles
        .into_iter()
        .filter_map(|h| h.join().unwrap().err())
        .collect()
}

#[test]
fn eight_threads_keying_the_first_connections_of_a_process_all_succeed() {
    if std::env::var_os(CHILD).is_some() {
        let failures = race();
        assert!(failures.is_empty(), "{failures:?}");
        return;
    }
    let me = std::env::current_exe().unwrap();
    let mut lost = Vec::new();
    for round in 0..60 {
        let out = Command::new(&me)
            .args(["--exact", TEST, "--nocapture", "--test-threads=1"])
            .env(CHILD, "1")
            .output()
            .unwrap();
        if !out.status.success() {
            lost.push(format!(
                "process {round}: {}",
                String::from_utf8_lossy(&out.stdout)
                    .lines()
                    .chain(String::from_utf8_lossy(&out.stderr).lines())
                    .find(|l| l.starts_with("[\"thread"))
                    .unwrap_or("failed")
                    .to_owned()
            ));
        }
    }
    assert!(
        lost.is_empty(),
        "every thread of every process keyed its connection: {lost:?}"
    );
}
