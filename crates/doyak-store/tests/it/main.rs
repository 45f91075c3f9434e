//! Integration tests of the caseload store over real encrypted files in a
//! temporary directory.
#![allow(clippy::unwrap_used)]

mod encryption;
mod migrations;
mod open_errors;
mod search;
mod sync;
mod writes;

use chrono::{TimeZone, Utc};
use doyak_domain::seeker::{SeekerStatus, Track};
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
    JobSeeker {
        id: Id::new_v7(1_700_000_000_000 + u64::from(n), [n; 10]),
        center_id: center().id,
        counselor_id: None,
        name: name.into(),
        birth_date: None,
        gender: None,
        phone: None,
        email: None,
        home_sigungu: None,
        consent: None,
        track: Track::General,
        status: SeekerStatus::Intake,
        enrolled_on: None,
        benefit: None,
        target_groups: vec![],
        education: vec![],
        certificates: vec![],
        training: vec![],
        work_history: vec![],
        skills: vec![],
        desired_occupations: vec![],
        desired_wage_monthly: None,
        desired_sigungu: vec![],
        max_commute_km: None,
        accepts_shift: None,
        willing_to_relocate: None,
        barriers: vec![],
        iap_goal: None,
        note: None,
    }
}
