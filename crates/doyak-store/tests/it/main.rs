//! Integration tests of the caseload store over real encrypted files in a
//! temporary directory.
#![allow(clippy::unwrap_used)]

mod access_log;
mod backup;
mod encryption;
mod kpi;
mod migrations;
mod old_files;
mod open_errors;
mod rekey;
mod search;
mod sync;
mod writes;

use chrono::{TimeZone, Utc};
use doyak_domain::seeker::SeekerStatus;
use doyak_domain::{Center, Id, JobSeeker};
use doyak_store::{Passphrase, Store, WriteContext};
use std::path::PathBuf;

pub const PASS: &str = "올바른 암호 correct horse";

pub fn ctx() -> WriteContext {
    WriteContext::new(
        Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap(),
        "counselor:test",
    )
}

pub fn center() -> Center {
    Center {
        id: Id::new_v7(1_700_000_000_000, [1; 10]),
        name: "서부고용복지플러스센터".into(),
        sigungu: None,
    }
}

#[derive(Debug)]
pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
}

pub fn new_store() -> (Fixture, Store) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("caseload.doyak");
    let store = Store::create(&path, &Passphrase::new(PASS), &center(), &ctx()).unwrap();
    (Fixture { dir, path }, store)
}

pub fn seeker(n: u8, name: &str) -> JobSeeker {
    JobSeeker::intake(
        Id::new_v7(1_700_000_000_000 + u64::from(n), [n; 10]),
        center().id,
        name,
    )
}
