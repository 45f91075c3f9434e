//! 지원사업 찾기: which employer support programs a firm may use on a date,
//! from the facts the counselor knows, by the rules of
//! `assets/company/programs.csv` and the fact catalogue of
//! `assets/company/program_facts.csv` (sources and dates in
//! `assets/company/README.md`).
//!
//! Like 고용24's 사업주 사전진단 the answer is three-valued: 해당, 해당 없음
//! or 확인 필요, and 확인 필요 names the facts that would settle it. Each
//! program has one row per eligibility path and period; paths of one date
//! are alternatives. A rule resting on a secondary or unsure source, or on
//! requirements the reference does not spell out, answers at best 확인
//! 필요: a counselor never tells a firm 해당 on a blog's word.
//!
//! Pure: the date comes in as an argument, nothing is read at run time.

mod eval;
mod rules;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use eval::{Known, PathOutcome, Truth};
use rules::{Confidence, FACTS, PROGRAMS, RULES, Rule, TO_CHECK};

/// What kind of answer a fact takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FactKind {
    /// A whole number, 0 or more (사람 수, 나이).
    Count,
    /// A whole percentage, 0–100.
    Percent,
    /// 예 / 아니오.
    YesNo,
    /// A 5-digit 시군구 code of `assets/refdata/sigungu.csv`.
    Sigungu,
}

impl FactKind {
    /// The kind as a counselor reads it in an error.
    pub fn label_ko(self) -> &'static str {
        match self {
            FactKind::Count => "0 이상의 정수",
            FactKind::Percent => "0~100의 백분율",
            FactKind::YesNo => "예/아니오",
            FactKind::Sigungu => "5자리 시군구 코드",
        }
    }
}

/// One known fact. An unknown fact is absent, never a default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FactValue {
    Count(u32),
    Percent(u32),
    YesNo(bool),
    Sigungu(String),
}

impl FactValue {
    pub fn kind(&self) -> FactKind {
        match self {
            FactValue::Count(_) => FactKind::Count,
            FactValue::Percent(_) => FactKind::Percent,
            FactValue::YesNo(_) => FactKind::YesNo,
            FactValue::Sigungu(_) => FactKind::Sigungu,
        }
    }
}

/// What is known about the firm and the hire, by fact id
/// ([`facts_catalogue`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Facts(pub BTreeMap<String, FactValue>);

impl Facts {
    pub fn new() -> Self {
        Facts::default()
    }

    /// The facts with one more: `Facts::new().with("employees", FactValue::Count(12))`.
    pub fn with(mut self, id: &str, value: FactValue) -> Self {
        self.insert(id, value);
        self
    }

    pub fn insert(&mut self, id: impl Into<String>, value: FactValue) -> Option<FactValue> {
        self.0.insert(id.into(), value)
    }

    pub fn get(&self, id: &str) -> Option<&FactValue> {
        self.0.get(id)
    }
}

/// One fact of the catalogue, with the question that asks it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactInfo {
    pub id: String,
    pub label_ko: String,
    pub kind: FactKind,
    /// The unit a count is read in ("명", "세"); empty for answers.
    pub unit_ko: String,
    pub question_ko: String,
    pub basis: String,
    pub checked_on: String,
}

/// One program of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProgramInfo {
    /// Stable: youth_leap, job_filling_youth, middle_aged_suitable_job, …
    pub id: String,
    pub name_ko: String,
    pub applies_ko: String,
    /// Its eligibility paths (유형 I, 수도권, …) over all periods.
    pub paths: Vec<String>,
    /// The periods its rows cover, earliest first; `None` is open-ended.
    pub periods: Vec<(NaiveDate, Option<NaiveDate>)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Eligible,
    NotEligible,
    Unknown,
}

impl Verdict {
    pub fn label_ko(self) -> &'static str {
        match self {
            Verdict::Eligible => "해당",
            Verdict::NotEligible => "해당 없음",
            Verdict::Unknown => "확인 필요",
        }
    }
}

/// One program's answer for one firm on one date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgramAnswer {
    pub id: String,
    pub name_ko: String,
    pub verdict: Verdict,
    /// One line per condition that decided it, prefixed with "[path] " when
    /// the program has several paths on the date.
    pub reasons: Vec<String>,
    /// Fact ids that would settle 확인 필요, once each, in catalogue order.
    pub missing: Vec<String>,
    /// From the data; "확인 필요" where the reference has no primary figure.
    pub amount_ko: String,
    /// Who files: 사업주, 근로자, …
    pub applies_ko: String,
    /// The period of the rule rows that answered; `None` when none covers
    /// the date.
    pub rule_period: Option<(NaiveDate, Option<NaiveDate>)>,
    pub source: String,
    pub source_date: String,
    /// P, S or ? (the weakest of the rows that answered; ? when none did).
    pub confidence: String,
    pub note_ko: String,
}

fn end_ko(to: &Option<NaiveDate>) -> String {
    to.map(|d| d.to_string()).unwrap_or_default()
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProgramError {
    #[error("알 수 없는 지원사업 코드입니다: {0}")]
    UnknownProgram(String),
    #[error("{date}에 적용할 지원사업 기준이 자료에 없습니다 (자료 범위: {from} ~ {})", end_ko(.to))]
    NoRuleOn {
        date: NaiveDate,
        from: NaiveDate,
        to: Option<NaiveDate>,
    },
    #[error("알 수 없는 사실 항목입니다: {0}")]
    UnknownFact(String),
    #[error("{label}의 값 형식이 맞지 않습니다 ({expected} 값이 필요합니다)")]
    WrongKind {
        fact: String,
        label: String,
        expected: &'static str,
    },
    #[error("{label}은(는) 0~100 사이여야 합니다: {value}")]
    PercentOutOfRange {
        fact: String,
        label: String,
        value: u32,
    },
    #[error("알 수 없는 시군구 코드입니다: {0}")]
    UnknownSigungu(String),
    #[error("수도권 소재 여부({given})가 사업장 시군구 {sigungu}와 맞지 않습니다")]
    CapitalRegionConflict { given: String, sigungu: String },
}

impl ProgramError {
    /// A stable code the UI can switch on.
    pub fn code(&self) -> &'static str {
        match self {
            ProgramError::UnknownProgram(_) => "unknown_program",
            ProgramError::NoRuleOn { .. } => "no_rule_on_date",
            ProgramError::UnknownFact(_) => "unknown_fact",
            ProgramError::WrongKind { .. } => "wrong_fact_kind",
            ProgramError::PercentOutOfRange { .. } => "percent_out_of_range",
            ProgramError::UnknownSigungu(_) => "unknown_sigungu",
            ProgramError::CapitalRegionConflict { .. } => "capital_region_conflict",
        }
    }
}

/// 수도권 (서울·인천·경기) from a 5-digit 시군구 code. Only the first two
/// digits are read: they are the 시도 (`assets/refdata/sigungu.csv`:
/// 서울특별시 11, 인천광역시 28, 경기도 41).
pub fn capital_region(sigungu: &str) -> bool {
    matches!(sigungu.get(..2), Some("11" | "28" | "41"))
}

/// The programs, in the order of `programs.csv`.
pub fn programs() -> &'static [ProgramInfo] {
    &PROGRAMS
}

/// Every fact a rule may ask, in the order a form should ask them.
pub fn facts_catalogue() -> &'static [FactInfo] {
    &FACTS
}

/// The data's version: the newest `checked_on` and a hash of both files,
/// for a stored answer to say which data gave it.
pub fn data_version() -> &'static str {
    rules::VERSION.as_str()
}

/// Every program's answer on `on` (the date asked about: the hire or the
/// application), in catalogue order.
pub fn evaluate(facts: &Facts, on: NaiveDate) -> Result<Vec<ProgramAnswer>, ProgramError> {
    within_data(on)?;
    let known = known(facts)?;
    Ok(PROGRAMS.iter().map(|p| answer(p, &known, on)).collect())
}

/// One program's answer on `on`.
pub fn evaluate_one(id: &str, facts: &Facts, on: NaiveDate) -> Result<ProgramAnswer, ProgramError> {
    let program = PROGRAMS
        .iter()
        .find(|p| p.id == id)
        .ok_or_else(|| ProgramError::UnknownProgram(id.to_owned()))?;
    within_data(on)?;
    let known = known(facts)?;
    Ok(answer(program, &known, on))
}

/// A date before the first rule or after the last is a question the data
/// cannot answer at all, not a 확인 필요 for each program. A date inside
/// that span that no row covers (2021) is answered program by program,
/// each saying which of its rules is nearest.
fn within_data(on: NaiveDate) -> Result<(), ProgramError> {
    let from = RULES.iter().map(|r| r.from).min().unwrap_or(NaiveDate::MIN);
    let to = if RULES.iter().any(|r| r.to.is_none()) {
        None
    } else {
        RULES.iter().filter_map(|r| r.to).max()
    };
    if from <= on && to.is_none_or(|to| on <= to) {
        Ok(())
    } else {
        Err(ProgramError::NoRuleOn { date: on, from, to })
    }
}

/// Checks each fact against the catalogue and derives 수도권 from the
/// 시군구.
fn known(facts: &Facts) -> Result<Known<'_>, ProgramError> {
    let refdata = doyak_refdata::get();
    for (id, value) in &facts.0 {
        let info = rules::fact_index(id)
            .map(|i| &FACTS[i])
            .ok_or_else(|| ProgramError::UnknownFact(id.clone()))?;
        if value.kind() != info.kind {
            return Err(ProgramError::WrongKind {
                fact: id.clone(),
                label: info.label_ko.clone(),
                expected: info.kind.label_ko(),
            });
        }
        match value {
            FactValue::Percent(n) if *n > 100 => {
                return Err(ProgramError::PercentOutOfRange {
                    fact: id.clone(),
                    label: info.label_ko.clone(),
                    value: *n,
                });
            }
            FactValue::Sigungu(code) if refdata.sigungu(code).is_none() => {
                return Err(ProgramError::UnknownSigungu(code.clone()));
            }
            _ => {}
        }
    }
    let sigungu = match facts.get("sigungu") {
        Some(FactValue::Sigungu(code)) => Some(code.as_str()),
        _ => None,
    };
    let derived = sigungu.map(capital_region);
    if let (Some(FactValue::YesNo(given)), Some(code)) = (facts.get("capital_region"), sigungu)
        && *given != capital_region(code)
    {
        return Err(ProgramError::CapitalRegionConflict {
            given: if *given { "예" } else { "아니오" }.to_owned(),
            sigungu: refdata
                .sigungu(code)
                .map_or_else(|| code.to_owned(), |s| s.full_name()),
        });
    }
    Ok(Known {
        facts,
        derived_capital_region: derived,
    })
}

fn verdict(truth: Truth) -> Verdict {
    match truth {
        Truth::True => Verdict::Eligible,
        Truth::False => Verdict::NotEligible,
        Truth::Unknown => Verdict::Unknown,
    }
}

/// The distinct values of the rows, in row order, joined.
fn distinct<'a>(values: impl Iterator<Item = &'a str>, sep: &str) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for v in values {
        if !v.is_empty() && !seen.contains(&v) {
            seen.push(v);
        }
    }
    seen.join(sep)
}

fn answer(program: &ProgramInfo, known: &Known, on: NaiveDate) -> ProgramAnswer {
    let rows: Vec<&Rule> = RULES.iter().filter(|r| r.program == program.id).collect();
    let live: Vec<&Rule> = rows.iter().copied().filter(|r| r.covers(on)).collect();
    if live.is_empty() {
        return uncovered(program, &rows, on);
    }
    let outcomes: Vec<(&Rule, PathOutcome)> =
        live.iter().map(|r| (*r, eval::path(r, known))).collect();
    let truth = eval::any(outcomes.iter().map(|(_, o)| o.truth));
    // The paths that decided: the true ones, the undecided ones, or all.
    let deciding: Vec<&(&Rule, PathOutcome)> =
        outcomes.iter().filter(|(_, o)| o.truth == truth).collect();
    let several = outcomes.len() > 1;
    let reasons = deciding
        .iter()
        .flat_map(|(r, o)| {
            o.reasons.iter().map(move |reason| {
                if several {
                    format!("[{}] {reason}", r.path)
                } else {
                    reason.clone()
                }
            })
        })
        .collect();
    // A path undecided with every fact known (a secondary source, an open
    // requirement) keeps the program from 해당 없음; then only the facts of
    // paths that could still become 해당 can settle anything.
    let stuck = deciding
        .iter()
        .any(|(_, o)| o.truth == Truth::Unknown && o.missing.is_empty());
    let mut missing: Vec<usize> = deciding
        .iter()
        .filter(|(_, o)| !(stuck && o.capped))
        .flat_map(|(_, o)| o.missing.iter().copied())
        .collect();
    missing.sort_unstable();
    missing.dedup();
    let used: Vec<&Rule> = deciding.iter().map(|(r, _)| *r).collect();
    let amounts = distinct(used.iter().map(|r| r.amount_ko.as_str()), "");
    let amount_ko = if used.iter().all(|r| r.amount_ko == used[0].amount_ko) {
        amounts
    } else {
        let each: Vec<String> = used
            .iter()
            .map(|r| format!("{}: {}", r.path, r.amount_ko))
            .collect();
        distinct(each.iter().map(String::as_str), " / ")
    };
    let from = used.iter().map(|r| r.from).min().unwrap_or(on);
    let to = if used.iter().any(|r| r.to.is_none()) {
        None
    } else {
        used.iter().filter_map(|r| r.to).max()
    };
    ProgramAnswer {
        id: program.id.clone(),
        name_ko: program.name_ko.clone(),
        verdict: verdict(truth),
        reasons,
        missing: missing.into_iter().map(|i| FACTS[i].id.clone()).collect(),
        amount_ko,
        applies_ko: distinct(used.iter().map(|r| r.applies_ko.as_str()), " / "),
        rule_period: Some((from, to)),
        source: distinct(used.iter().map(|r| r.source.as_str()), " ; "),
        source_date: distinct(used.iter().map(|r| r.source_date.as_str()), "; "),
        confidence: used
            .iter()
            .map(|r| r.confidence)
            .min()
            .unwrap_or(Confidence::Unsure)
            .as_str()
            .to_owned(),
        note_ko: distinct(used.iter().map(|r| r.note_ko.as_str()), " "),
    }
}

/// A program none of whose rows covers the date, while others do: 확인
/// 필요, saying which rule is nearest, and asking for no fact (no answer
/// would settle it) — or 해당 없음 after a program the reference says
/// ended.
fn uncovered(program: &ProgramInfo, rows: &[&Rule], on: NaiveDate) -> ProgramAnswer {
    let before = rows
        .iter()
        .filter(|r| r.to.is_some_and(|to| to < on))
        .max_by_key(|r| r.to);
    let after = rows.iter().filter(|r| on < r.from).min_by_key(|r| r.from);
    if let (Some(ended), None) = (before.filter(|r| r.ends_program), after) {
        return ProgramAnswer {
            id: program.id.clone(),
            name_ko: program.name_ko.clone(),
            verdict: Verdict::NotEligible,
            reasons: vec![format!(
                "종료된 사업입니다: {}까지 적용 ({on}은 그 뒤)",
                end_ko(&ended.to)
            )],
            missing: Vec::new(),
            amount_ko: ended.amount_ko.clone(),
            applies_ko: program.applies_ko.clone(),
            rule_period: Some((ended.from, ended.to)),
            source: ended.source.clone(),
            source_date: ended.source_date.clone(),
            confidence: ended.confidence.as_str().to_owned(),
            note_ko: ended.note_ko.clone(),
        };
    }
    let context = match (before, after) {
        (Some(b), None) => format!(" (가장 최근 기준: {}까지)", end_ko(&b.to)),
        (None, Some(a)) => format!(" (가장 이른 기준: {}부터)", a.from),
        (Some(b), Some(a)) => format!(
            " (직전 기준: {}까지, 다음 기준: {}부터)",
            end_ko(&b.to),
            a.from
        ),
        (None, None) => String::new(),
    };
    let year = on.year();
    let year_has_rule = rows
        .iter()
        .any(|r| r.from.year() <= year && r.to.is_none_or(|to| year <= to.year()));
    let head = if year_has_rule {
        format!("{on}에 적용할 기준이 자료에 없습니다")
    } else {
        format!("{year}년 기준이 자료에 없습니다")
    };
    let nearest = before.or(after);
    ProgramAnswer {
        id: program.id.clone(),
        name_ko: program.name_ko.clone(),
        verdict: Verdict::Unknown,
        reasons: vec![format!("{head}{context}")],
        missing: Vec::new(),
        amount_ko: TO_CHECK.to_owned(),
        applies_ko: program.applies_ko.clone(),
        rule_period: None,
        source: nearest.map(|r| r.source.clone()).unwrap_or_default(),
        source_date: nearest.map(|r| r.source_date.clone()).unwrap_or_default(),
        confidence: Confidence::Unsure.as_str().to_owned(),
        note_ko: nearest.map(|r| r.note_ko.clone()).unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capital_region_is_seoul_incheon_gyeonggi_by_the_reference_data() {
        for s in &doyak_refdata::get().sigungu {
            let expected = matches!(s.sido.as_str(), "서울특별시" | "인천광역시" | "경기도");
            assert_eq!(
                capital_region(&s.code),
                expected,
                "{} {}",
                s.code,
                s.full_name()
            );
        }
        assert!(!capital_region(""), "no code, no 수도권");
    }

    #[test]
    fn facts_round_trip_as_json_the_ui_sends() {
        let facts = Facts::new()
            .with("employees", FactValue::Count(12))
            .with("priority_support", FactValue::YesNo(true))
            .with("sigungu", FactValue::Sigungu("48310".into()));
        let json = serde_json::to_string(&facts).unwrap();
        assert_eq!(
            json,
            r#"{"employees":{"count":12},"priority_support":{"yesno":true},"sigungu":{"sigungu":"48310"}}"#
        );
        assert_eq!(serde_json::from_str::<Facts>(&json).unwrap(), facts);
    }

    #[test]
    fn every_program_lists_its_periods() {
        for p in programs() {
            assert!(!p.periods.is_empty() && !p.paths.is_empty(), "{}", p.id);
        }
        let leap = programs().iter().find(|p| p.id == "youth_leap").unwrap();
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(
            leap.periods,
            vec![
                (d("2025-01-01"), Some(d("2025-12-31"))),
                (d("2026-01-26"), Some(d("2026-12-31")))
            ],
            "2025 and 2026 rules, with the gap the reference leaves"
        );
    }
}
