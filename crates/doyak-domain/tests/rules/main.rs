//! Rule tables: every `check()` in doyak-domain run over cases at and around
//! its limits, the Korean findings captured as `expect!` snapshots so that a
//! changed message, label, field key or limit shows up as a diff.
//!
//! Each row starts from a record that passes (the table's first row says
//! so), changes one thing, and shows what the check says: `ok`, or one line
//! per finding, `field(label): message`. "Today" is always
//! [`TODAY`], never the wall clock.
#![allow(clippy::unwrap_used)]

mod company;
mod company_events;
mod fields;
mod org;
mod phones;
mod pipeline;
mod seeker;
mod seeker_events;

use chrono::{Days, NaiveDate};
use doyak_domain::{CheckContext, CodeBook, EventRecord, FieldError, Id, SharedRecord};
use std::fmt::Write;

/// The day every check runs on: a Wednesday, so "tomorrow" and "yesterday"
/// are ordinary working days.
pub const TODAY: &str = "2026-11-25";

pub fn today() -> NaiveDate {
    TODAY.parse().unwrap()
}

pub fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

pub fn tomorrow() -> NaiveDate {
    today().checked_add_days(Days::new(1)).unwrap()
}

pub fn yesterday() -> NaiveDate {
    today().checked_sub_days(Days::new(1)).unwrap()
}

pub fn id(n: u8) -> Id {
    Id::new_v7(1_700_000_000_000 + u64::from(n), [n; 10])
}

pub fn center_id() -> Id {
    id(1)
}

/// A small code book: the codes the valid records use, and nothing else, so
/// that any other code is unknown.
#[derive(Debug)]
pub struct Codes;

/// KSIC: section C and division 29 (기타 기계 및 장비 제조업).
pub const KSIC: &[&str] = &["C", "29"];
/// KECO: major group 7 and middle group 74 (기계 설치·정비·생산직).
pub const KECO: &[&str] = &["7", "74"];
/// 시군구: 서울 종로구, 안산시 단원구.
pub const SIGUNGU: &[&str] = &["11110", "41273"];
/// 뿌리기술: 주조, 금형.
pub const PPURI: &[&str] = &["01", "02"];

impl CodeBook for Codes {
    fn has_ksic(&self, code: &str) -> bool {
        KSIC.contains(&code)
    }
    fn has_keco(&self, code: &str) -> bool {
        KECO.contains(&code)
    }
    fn has_sigungu(&self, code: &str) -> bool {
        SIGUNGU.contains(&code)
    }
    fn has_ppuri_tech(&self, code: &str) -> bool {
        PPURI.contains(&code)
    }
}

pub fn ctx() -> CheckContext<'static> {
    CheckContext {
        today: today(),
        codes: &Codes,
    }
}

/// Cases built from one valid record, each changing what its closure
/// changes.
#[derive(Debug)]
pub struct Table<T> {
    rows: Vec<(String, T)>,
}

impl<T: Clone> Table<T> {
    /// Starts with the unchanged record as the row "valid".
    pub fn new(valid: T) -> Self {
        Table {
            rows: vec![("valid".to_owned(), valid)],
        }
    }

    pub fn case(mut self, name: &str, change: impl FnOnce(&mut T)) -> Self {
        let mut record = self.rows[0].1.clone();
        change(&mut record);
        self.rows.push((name.to_owned(), record));
        self
    }

    /// One line per finding, the case name in a left column.
    pub fn render(&self, check: impl Fn(&T) -> Vec<FieldError>) -> String {
        let width = self
            .rows
            .iter()
            .map(|(n, _)| n.chars().count())
            .max()
            .unwrap_or(0);
        let mut out = String::new();
        for (name, record) in &self.rows {
            let errors = check(record);
            if errors.is_empty() {
                writeln!(out, "{name:<width$} | ok").unwrap();
            }
            for (i, e) in errors.iter().enumerate() {
                let name = if i == 0 { name.as_str() } else { "" };
                writeln!(
                    out,
                    "{name:<width$} | {}({}): {}",
                    e.field, e.label, e.message
                )
                .unwrap();
            }
        }
        out
    }
}

impl<T: SharedRecord> Table<T> {
    pub fn shared(&self) -> String {
        self.render(|r| r.check(&ctx()))
    }
}

impl<T: EventRecord> Table<T> {
    pub fn events(&self) -> String {
        self.render(|e| e.check(&ctx()))
    }
}

/// `n` copies of a character: a text exactly at or past a length limit.
pub fn chars(c: char, n: usize) -> String {
    std::iter::repeat_n(c, n).collect()
}
