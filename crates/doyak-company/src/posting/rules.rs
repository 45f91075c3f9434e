//! The posting rules of `assets/company/posting_rules.csv`, parsed once.
//! A bad row (an unknown check, a pattern that does not compile, a weight
//! that is no number) panics on first use: the file is compiled in, so a
//! test that loads it stops a broken file before it ships.

use regex::Regex;
use serde::Deserialize;
use std::sync::LazyLock;

/// What a rule looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Check {
    /// `pattern` found in the posting's text.
    Pattern,
    /// No monthly wage given and `pattern` (a wage written out) not found.
    WageAbsent,
    /// No 근무시간 given and `pattern` (hours written out) not found.
    HoursAbsent,
    /// No 근무지 주소 given and `pattern` (an address) not found.
    LocationAbsent,
    /// The description has fewer than `param` characters (spaces aside).
    DutiesAbsent,
    /// `pattern` (vague words) found and none of the vacancy's skills.
    DutiesVagueWords,
    /// `pattern` (초보 가능 …) found and at least `param` years required.
    BeginnerExperience,
    /// A job of the KECO 중분류 `param` requires a 기사-grade certificate.
    SimpleJobGrade,
    /// A job of the KECO 중분류 before ':' in `param` requires at least the
    /// years after it.
    SimpleJobExperience,
}

#[derive(Debug, Deserialize)]
struct Row {
    code: String,
    check: Check,
    pattern: String,
    unless_near: String,
    unless_text: String,
    param: String,
    weight: u32,
    message_ko: String,
    law: String,
    basis: String,
    checked_on: String,
}

/// One rule.
#[derive(Debug)]
pub struct Rule {
    pub code: String,
    pub check: Check,
    pub pattern: Option<Regex>,
    /// A match with these words just after it is not a finding ("남녀 무관").
    pub unless_near: Option<Regex>,
    /// A posting with these words anywhere asks nothing of this rule (a
    /// body condition where 중량물 work is written).
    pub unless_text: Option<Regex>,
    pub param: String,
    /// Points off the score when the rule finds something.
    pub weight: u32,
    pub message_ko: String,
    pub law: Option<String>,
    pub checked_on: String,
}

const CSV: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../assets/company/posting_rules.csv"
));

/// The newest `checked_on` of the rules: the version a result names.
pub static VERSION: LazyLock<String> = LazyLock::new(|| {
    RULES
        .iter()
        .map(|r| r.checked_on.clone())
        .max()
        .unwrap_or_default()
});

fn regex(code: &str, what: &str, text: &str) -> Option<Regex> {
    (!text.trim().is_empty()).then(|| {
        Regex::new(text).unwrap_or_else(|e| panic!("posting_rules.csv {code} {what}: {e}"))
    })
}

pub static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    let mut reader = csv::Reader::from_reader(CSV.as_bytes());
    reader
        .deserialize::<Row>()
        .enumerate()
        .map(|(i, row)| {
            let row = row.unwrap_or_else(|e| panic!("posting_rules.csv row {}: {e}", i + 2));
            assert!(
                !row.basis.trim().is_empty() && !row.checked_on.trim().is_empty(),
                "posting_rules.csv {}: every rule has its basis and date",
                row.code
            );
            Rule {
                pattern: regex(&row.code, "pattern", &row.pattern),
                unless_near: regex(&row.code, "unless_near", &row.unless_near),
                unless_text: regex(&row.code, "unless_text", &row.unless_text),
                law: (!row.law.trim().is_empty()).then_some(row.law),
                code: row.code,
                check: row.check,
                param: row.param,
                weight: row.weight,
                message_ko: row.message_ko,
                checked_on: row.checked_on,
            }
        })
        .collect()
});
