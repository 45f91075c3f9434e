//! The industry rubrics (assets/resume): for each focus industry the
//! certificates employers require or prefer (and whether a law requires
//! them), the sections they expect, the skill lexicon, typical metrics and
//! red flags. Data, versioned (assets/resume/VERSION) and dated per row.

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

/// The rubric data's version, written into every analysis.
pub const VERSION: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../assets/resume/VERSION"
));

/// An industry with a rubric.
#[derive(Debug, Clone, Serialize)]
pub struct Industry {
    pub id: String,
    pub name_ko: String,
    /// KECO 2018 중분류 codes whose jobs fall in it.
    pub keco_middle: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    CertRequired,
    CertPreferred,
    Section,
    Skill,
    Metric,
    RedFlag,
}

/// Whether a law requires a certificate for the work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Legal {
    Yes,
    No,
    Unknown,
}

/// One rule of a rubric.
#[derive(Debug, Clone, Serialize)]
pub struct Rule {
    pub industry: String,
    pub id: String,
    pub kind: RuleKind,
    /// Qualification ids (certificates), a section name, or words (skills,
    /// metrics, red flags), any one of which meets the rule.
    pub targets: Vec<String>,
    /// Words any one of which, in the résumé or the vacancy, makes the rule
    /// apply ("버스" for 버스운전자격); empty: it always applies.
    pub when: Vec<String>,
    pub weight: u32,
    pub legal: Option<Legal>,
    pub message_ko: String,
    pub basis: String,
    pub checked_on: String,
}

#[derive(Debug, Deserialize)]
struct IndustryRow {
    industry: String,
    name_ko: String,
    keco_middle: String,
}

#[derive(Debug, Deserialize)]
struct RuleRow {
    industry: String,
    rule: String,
    kind: RuleKind,
    target: String,
    when: String,
    weight: u32,
    legal: String,
    message_ko: String,
    basis: String,
    checked_on: String,
}

/// The rubrics, read once.
#[derive(Debug)]
pub struct Rubrics {
    pub industries: Vec<Industry>,
    pub rules: Vec<Rule>,
}

impl Rubrics {
    pub fn industry(&self, id: &str) -> Option<&Industry> {
        self.industries.iter().find(|i| i.id == id)
    }

    pub fn rules_of<'a>(&'a self, industry: &'a str) -> impl Iterator<Item = &'a Rule> + 'a {
        self.rules.iter().filter(move |r| r.industry == industry)
    }

    /// The industry of a KECO code (a 중분류 or anything under it).
    pub fn industry_of_keco(&self, code: &str) -> Option<&Industry> {
        let middle: String = code.chars().take(2).collect();
        self.industries
            .iter()
            .find(|i| i.keco_middle.contains(&middle))
    }
}

fn split(s: &str) -> Vec<String> {
    s.split('|')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

pub static RUBRICS: LazyLock<Rubrics> = LazyLock::new(|| {
    let mut industries = Vec::new();
    let mut reader = csv::Reader::from_reader(
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../assets/resume/industries.csv"
        ))
        .as_bytes(),
    );
    for row in reader.deserialize::<IndustryRow>() {
        let row = row.expect("assets/resume/industries.csv is well formed");
        industries.push(Industry {
            id: row.industry,
            name_ko: row.name_ko,
            keco_middle: split(&row.keco_middle),
        });
    }
    let mut rules = Vec::new();
    let mut reader = csv::Reader::from_reader(
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../assets/resume/rubric.csv"
        ))
        .as_bytes(),
    );
    for row in reader.deserialize::<RuleRow>() {
        let row = row.expect("assets/resume/rubric.csv is well formed");
        let targets = match row.target.strip_prefix("absent:") {
            Some(rest) => split(rest),
            None => split(&row.target),
        };
        // Compiled-in data: a rule with nothing to look for is a mistake in
        // assets/resume/rubric.csv, caught by every test run.
        assert!(
            !targets.is_empty(),
            "rubric rule {} has no target",
            row.rule
        );
        let legal = match row.legal.trim() {
            "yes" => Some(Legal::Yes),
            "no" => Some(Legal::No),
            "unknown" => Some(Legal::Unknown),
            _ => None,
        };
        rules.push(Rule {
            industry: row.industry,
            id: row.rule,
            kind: row.kind,
            targets,
            when: split(&row.when),
            weight: row.weight,
            legal,
            message_ko: row.message_ko,
            basis: row.basis,
            checked_on: row.checked_on,
        });
    }
    Rubrics { industries, rules }
});
