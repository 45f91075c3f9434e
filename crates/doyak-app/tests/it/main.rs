//! The use-case layer over real encrypted caseloads in a temporary directory:
//! the main test boundary of Doyak.
#![allow(clippy::unwrap_used)]

mod auto_backup;
mod autolock;
mod casefile;
mod center_settings;
mod companies;
mod company_side;
mod conflicts;
mod counselors;
mod counts;
mod demo;
mod desk;
mod diagnosis;
mod export;
mod figures;
mod files;
mod forms;
mod iap;
mod import;
mod in_process;
mod keyring;
mod national_figures;
mod outcomes;
mod passphrase;
mod privacy;
mod quick;
mod recommend;
mod restore;
mod resume;
mod resume_desk;
mod sync_sim;
mod today;

use chrono::{TimeZone, Utc};
use doyak_app::{Desk, FixedClock, NewCaseload, Passphrase};
use std::sync::Arc;

pub const PASS: &str = "테스트 암호 문장";

pub struct Fixture {
    pub _dir: tempfile::TempDir,
    pub desk: Desk,
}

impl std::fmt::Debug for Fixture {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Fixture")
    }
}

pub fn clock() -> Arc<FixedClock> {
    // 2026-11-25 09:00 KST
    Arc::new(FixedClock(
        Utc.with_ymd_and_hms(2026, 11, 25, 0, 0, 0).unwrap(),
    ))
}

pub fn new_desk() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("caseload.doyak");
    let desk = Desk::create(
        &path,
        &Passphrase::new(PASS),
        &NewCaseload {
            center_name: "안산고용복지플러스센터".into(),
            center_sigungu: Some("41273".into()),
        },
        clock(),
    )
    .unwrap();
    Fixture { _dir: dir, desk }
}
