//! The support-program data of `assets/company/`, parsed once: the fact
//! catalogue (`program_facts.csv`) and the rule rows (`programs.csv`), each
//! row's conditions parsed into [`Condition`]s.
//!
//! A bad row (an unknown fact, an operator the fact's kind cannot take, a
//! 시군구 code the reference data does not have, a date that does not parse,
//! a row without its basis, source or date, an amount from a secondary
//! source written as a figure) panics on first use: the files are compiled
//! in, so the test that loads them stops a broken file before it ships.

use chrono::NaiveDate;
use serde::Deserialize;
use std::sync::LazyLock;

use super::{FactInfo, FactKind, ProgramInfo};

const FACTS_CSV: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../assets/company/program_facts.csv"
));
const PROGRAMS_CSV: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../assets/company/programs.csv"
));

/// How far a source can be trusted (the reference's marks). Ordered from
/// the weakest, so the weakest of several rows is their `min`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Confidence {
    /// `?`: uncertain, outdated or not found.
    Unsure,
    /// `S`: a secondary source (blog, aggregator).
    Secondary,
    /// `P`: a primary source or a news report of a ministry release.
    Primary,
}

impl Confidence {
    fn parse(text: &str) -> Option<Self> {
        match text.trim() {
            "P" => Some(Confidence::Primary),
            "S" => Some(Confidence::Secondary),
            "?" => Some(Confidence::Unsure),
            _ => None,
        }
    }

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Confidence::Primary => "P",
            Confidence::Secondary => "S",
            Confidence::Unsure => "?",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    Ge,
    Le,
    Gt,
    Lt,
    Eq,
    Ne,
    In,
}

/// One value a condition compares with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Value {
    Number(u32),
    Bool(bool),
    /// A 5-digit 시군구 code, or the 2 digits of its 시도: every 시군구 of
    /// that 시도 (`31` = 울산광역시).
    Area(String),
}

/// `fact op value`, parsed.
#[derive(Debug, Clone)]
pub(crate) struct Condition {
    /// Index into the fact catalogue.
    pub fact: usize,
    pub op: Op,
    /// One value, or the alternatives of `in`.
    pub values: Vec<Value>,
}

/// One row of `programs.csv`: one eligibility path of one program for one
/// period.
#[derive(Debug)]
pub(crate) struct Rule {
    pub program: String,
    pub name_ko: String,
    pub path: String,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
    pub conditions: Vec<Condition>,
    /// Requirements the reference names without the facts to decide them:
    /// while there are any, the row answers at best 확인 필요.
    pub open_requirements_ko: String,
    pub amount_ko: String,
    pub applies_ko: String,
    pub source: String,
    pub source_date: String,
    pub confidence: Confidence,
    pub note_ko: String,
    /// The reference says the program itself ends with this row's
    /// `to`: after it, 해당 없음 rather than 확인 필요.
    pub ends_program: bool,
}

impl Rule {
    pub(crate) fn covers(&self, on: NaiveDate) -> bool {
        self.from <= on && self.to.is_none_or(|to| on <= to)
    }
}

#[derive(Debug, Deserialize)]
struct Row {
    program: String,
    name_ko: String,
    path: String,
    effective_from: String,
    effective_to: String,
    conditions: String,
    open_requirements_ko: String,
    amount_ko: String,
    amount_confidence: String,
    applies_ko: String,
    source: String,
    source_date: String,
    confidence: String,
    note_ko: String,
    basis: String,
    checked_on: String,
    ends_program: String,
}

/// The amount text of a row whose figure is not from a primary source.
pub(crate) const TO_CHECK: &str = "확인 필요";

fn date(text: &str, what: &str) -> NaiveDate {
    text.trim()
        .parse()
        .unwrap_or_else(|e| panic!("{what}: '{text}' is no date: {e}"))
}

pub(crate) static FACTS: LazyLock<Vec<FactInfo>> = LazyLock::new(|| {
    let mut reader = csv::Reader::from_reader(FACTS_CSV.as_bytes());
    let facts: Vec<FactInfo> = reader
        .deserialize::<FactInfo>()
        .enumerate()
        .map(|(i, f)| f.unwrap_or_else(|e| panic!("program_facts.csv row {}: {e}", i + 2)))
        .collect();
    for (i, f) in facts.iter().enumerate() {
        assert!(
            !f.id.is_empty() && !f.label_ko.is_empty() && !f.question_ko.is_empty(),
            "program_facts.csv {}: every fact has its label and question",
            f.id
        );
        assert!(
            !f.basis.trim().is_empty(),
            "program_facts.csv {}: every fact has its basis",
            f.id
        );
        date(
            &f.checked_on,
            &format!("program_facts.csv {} checked_on", f.id),
        );
        assert!(
            facts[..i].iter().all(|g| g.id != f.id),
            "program_facts.csv {}: the id is given twice",
            f.id
        );
    }
    facts
});

/// The index of a fact in the catalogue.
pub(crate) fn fact_index(id: &str) -> Option<usize> {
    FACTS.iter().position(|f| f.id == id)
}

fn parse_value(kind: FactKind, text: &str) -> Result<Value, String> {
    let text = text.trim();
    match kind {
        FactKind::Count | FactKind::Percent => text
            .parse()
            .map(Value::Number)
            .map_err(|_| format!("'{text}' is no whole number")),
        FactKind::YesNo => match text {
            "yes" => Ok(Value::Bool(true)),
            "no" => Ok(Value::Bool(false)),
            _ => Err(format!("'{text}' is neither yes nor no")),
        },
        FactKind::Sigungu => {
            let refdata = doyak_refdata::get();
            let known = match text.len() {
                5 => refdata.sigungu(text).is_some(),
                2 => refdata.sigungu.iter().any(|s| s.code.starts_with(text)),
                _ => false,
            };
            if known && text.bytes().all(|b| b.is_ascii_digit()) {
                Ok(Value::Area(text.to_owned()))
            } else {
                Err(format!(
                    "'{text}' is neither a 시군구 code nor a 시도 prefix of assets/refdata/sigungu.csv"
                ))
            }
        }
    }
}

/// Parses `fact op value` against the catalogue.
pub(crate) fn parse_condition(text: &str, facts: &[FactInfo]) -> Result<Condition, String> {
    let text = text.trim();
    let id_end = text
        .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'))
        .unwrap_or(text.len());
    let id = &text[..id_end];
    let fact = facts
        .iter()
        .position(|f| f.id == id)
        .ok_or_else(|| format!("'{id}' is not in program_facts.csv"))?;
    let rest = text[id_end..].trim_start();
    let (op, value_text) = [
        (">=", Op::Ge),
        ("<=", Op::Le),
        ("!=", Op::Ne),
        ("=", Op::Eq),
        ("<", Op::Lt),
        (">", Op::Gt),
        ("in ", Op::In),
    ]
    .into_iter()
    .find_map(|(symbol, op)| rest.strip_prefix(symbol).map(|v| (op, v)))
    .ok_or_else(|| format!("'{text}' has no operator (>=, <=, >, <, =, !=, in)"))?;
    let kind = facts[fact].kind;
    let ordered = matches!(op, Op::Ge | Op::Le | Op::Gt | Op::Lt);
    if ordered && !matches!(kind, FactKind::Count | FactKind::Percent) {
        return Err(format!(
            "'{text}': a {kind:?} fact cannot be compared by size"
        ));
    }
    let parts: Vec<&str> = if op == Op::In {
        value_text.split('|').collect()
    } else {
        vec![value_text]
    };
    let values = parts
        .into_iter()
        .map(|v| parse_value(kind, v))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("'{text}': {e}"))?;
    Ok(Condition { fact, op, values })
}

fn rule(i: usize, row: Row) -> Rule {
    let at = format!("programs.csv row {} ({} {})", i + 2, row.program, row.path);
    for (what, text) in [
        ("program", &row.program),
        ("name_ko", &row.name_ko),
        ("path", &row.path),
        ("amount_ko", &row.amount_ko),
        ("applies_ko", &row.applies_ko),
        ("source", &row.source),
        ("source_date", &row.source_date),
        ("basis", &row.basis),
    ] {
        assert!(!text.trim().is_empty(), "{at}: {what} is empty");
    }
    date(&row.checked_on, &format!("{at} checked_on"));
    let confidence = Confidence::parse(&row.confidence)
        .unwrap_or_else(|| panic!("{at}: confidence '{}' is not P, S or ?", row.confidence));
    let amount_confidence = Confidence::parse(&row.amount_confidence).unwrap_or_else(|| {
        panic!(
            "{at}: amount_confidence '{}' is not P, S or ?",
            row.amount_confidence
        )
    });
    // A figure the reference has only from a blog is never shown as a figure.
    assert!(
        amount_confidence == Confidence::Primary || row.amount_ko == TO_CHECK,
        "{at}: an amount that is not from a primary source reads '{TO_CHECK}'"
    );
    let from = date(&row.effective_from, &format!("{at} effective_from"));
    let to = (!row.effective_to.trim().is_empty())
        .then(|| date(&row.effective_to, &format!("{at} effective_to")));
    assert!(
        to.is_none_or(|to| from <= to),
        "{at}: ends before it starts"
    );
    let conditions: Vec<Condition> = row
        .conditions
        .split(';')
        .filter(|c| !c.trim().is_empty())
        .map(|c| parse_condition(c, &FACTS).unwrap_or_else(|e| panic!("{at}: {e}")))
        .collect();
    assert!(!conditions.is_empty(), "{at}: a path has conditions");
    let ends_program = match row.ends_program.trim() {
        "yes" => true,
        "" => false,
        other => panic!("{at}: ends_program '{other}' is 'yes' or empty"),
    };
    assert!(
        !ends_program || to.is_some(),
        "{at}: a program that ends has an effective_to"
    );
    Rule {
        program: row.program,
        name_ko: row.name_ko,
        path: row.path,
        from,
        to,
        conditions,
        open_requirements_ko: row.open_requirements_ko.trim().to_owned(),
        amount_ko: row.amount_ko,
        applies_ko: row.applies_ko,
        source: row.source,
        source_date: row.source_date,
        confidence,
        note_ko: row.note_ko,
        ends_program,
    }
}

pub(crate) static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    let mut reader = csv::Reader::from_reader(PROGRAMS_CSV.as_bytes());
    let rules: Vec<Rule> = reader
        .deserialize::<Row>()
        .enumerate()
        .map(|(i, row)| {
            rule(
                i,
                row.unwrap_or_else(|e| panic!("programs.csv row {}: {e}", i + 2)),
            )
        })
        .collect();
    for r in rules.iter() {
        let first = rules.iter().find(|f| f.program == r.program);
        assert!(
            first.is_none_or(|f| f.name_ko == r.name_ko),
            "programs.csv {}: one program has one name",
            r.program
        );
    }
    rules
});

/// The programs in the order of their first row.
pub(crate) static PROGRAMS: LazyLock<Vec<ProgramInfo>> = LazyLock::new(|| {
    let mut programs: Vec<ProgramInfo> = Vec::new();
    for r in RULES.iter() {
        let at = match programs.iter().position(|p| p.id == r.program) {
            Some(at) => at,
            None => {
                programs.push(ProgramInfo {
                    id: r.program.clone(),
                    name_ko: r.name_ko.clone(),
                    applies_ko: r.applies_ko.clone(),
                    paths: Vec::new(),
                    periods: Vec::new(),
                });
                programs.len() - 1
            }
        };
        let p = &mut programs[at];
        if !p.paths.contains(&r.path) {
            p.paths.push(r.path.clone());
        }
        if !p.periods.contains(&(r.from, r.to)) {
            p.periods.push((r.from, r.to));
        }
    }
    for p in programs.iter_mut() {
        p.periods.sort();
    }
    programs
});

/// The newest `checked_on` of both files and a hash of their text: a
/// stored answer names the data that gave it, and an edit that keeps the
/// date still changes the version.
pub(crate) static VERSION: LazyLock<String> = LazyLock::new(|| {
    let mut newest = String::new();
    for text in [FACTS_CSV, PROGRAMS_CSV] {
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let column = reader
            .headers()
            .ok()
            .and_then(|h| h.iter().position(|c| c == "checked_on"));
        for record in reader.records().flatten() {
            if let Some(d) = column.and_then(|c| record.get(c))
                && d > newest.as_str()
            {
                newest = d.to_owned();
            }
        }
    }
    // FNV-1a, 64 bits: stable across builds and platforms, no dependency.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in FACTS_CSV.bytes().chain(PROGRAMS_CSV.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{newest}.{:08x}", hash >> 32)
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_files_load() {
        assert!(
            FACTS.len() >= 18,
            "the brief's facts and those the rules need"
        );
        assert!(!RULES.is_empty() && !PROGRAMS.is_empty());
    }

    #[test]
    fn every_fact_a_rule_names_is_in_the_catalogue() {
        for r in RULES.iter() {
            for c in &r.conditions {
                assert!(
                    c.fact < FACTS.len(),
                    "{} {}: condition on a fact outside the catalogue",
                    r.program,
                    r.path
                );
            }
        }
        // And by name, so a renamed fact breaks here and not in the finder.
        let mut reader = csv::Reader::from_reader(PROGRAMS_CSV.as_bytes());
        let col = reader
            .headers()
            .unwrap()
            .iter()
            .position(|c| c == "conditions")
            .unwrap();
        for record in reader.records() {
            let record = record.unwrap();
            for cond in record[col].split(';').filter(|c| !c.trim().is_empty()) {
                let id: String = cond
                    .trim()
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
                    .collect();
                assert!(
                    fact_index(&id).is_some(),
                    "'{id}' is not in program_facts.csv"
                );
            }
        }
    }

    #[test]
    fn every_row_has_basis_date_and_source() {
        let mut reader = csv::Reader::from_reader(PROGRAMS_CSV.as_bytes());
        for (i, row) in reader.deserialize::<Row>().enumerate() {
            let row = row.unwrap();
            assert!(!row.basis.trim().is_empty(), "row {}: basis", i + 2);
            assert!(!row.source.trim().is_empty(), "row {}: source", i + 2);
            assert!(
                !row.source_date.trim().is_empty(),
                "row {}: source_date",
                i + 2
            );
            assert_eq!(row.checked_on, "2026-12-04", "row {}: checked on", i + 2);
        }
        for f in FACTS.iter() {
            assert_eq!(f.checked_on, "2026-12-04", "fact {}: checked on", f.id);
        }
    }

    #[test]
    fn secondary_rows_never_state_a_figure() {
        // The brief: where the reference is [S] or [?], the amount is 확인 필요.
        for r in RULES.iter().filter(|r| r.confidence != Confidence::Primary) {
            assert_eq!(r.amount_ko, TO_CHECK, "{} {}", r.program, r.path);
        }
    }

    #[test]
    fn local_programs_name_real_codes() {
        let refdata = doyak_refdata::get();
        let name = |code: &str| refdata.sigungu(code).map(|s| s.full_name());
        // The codes programs.csv restricts local programs to, as the
        // reference data spells them: never a guessed code.
        assert_eq!(name("48310").as_deref(), Some("경상남도 거제시"));
        assert_eq!(name("48240").as_deref(), Some("경상남도 사천시"));
        assert_eq!(name("31170").as_deref(), Some("울산광역시 동구"));
        let sido = |p: &str| {
            refdata
                .sigungu
                .iter()
                .find(|s| s.code.starts_with(p))
                .map(|s| s.sido.clone())
        };
        assert_eq!(sido("31").as_deref(), Some("울산광역시"));
        assert_eq!(sido("48").as_deref(), Some("경상남도"));
    }

    #[test]
    fn bad_conditions_are_refused() {
        for bad in [
            "nonsense>=5",
            "employees>=five",
            "employees ~ 5",
            "priority_support>=1",
            "priority_support=maybe",
            "sigungu in 99999",
            "sigungu=4831",
            "sigungu<48310",
        ] {
            assert!(
                parse_condition(bad, &FACTS).is_err(),
                "'{bad}' must be refused"
            );
        }
        let c = parse_condition(" sigungu in 31|48310 ", &FACTS).unwrap();
        assert_eq!(c.op, Op::In);
        assert_eq!(
            c.values,
            vec![Value::Area("31".into()), Value::Area("48310".into())]
        );
        let c = parse_condition("older_share_60<20", &FACTS).unwrap();
        assert_eq!((c.op, c.values), (Op::Lt, vec![Value::Number(20)]));
    }

    #[test]
    fn version_names_date_and_content() {
        assert!(VERSION.starts_with("2026-12-04."), "{}", *VERSION);
        assert_eq!(VERSION.len(), "2026-12-04.".len() + 8);
    }
}
