//! The keyword gap against a vacancy: each keyword of the posting (its
//! required certificates first, then preferred ones, then skills), how
//! often the posting and the résumé say it, where in the résumé, and what
//! to ask when the résumé does not. Spellings are unified through the
//! matcher's skill synonyms (assets/match/skill_synonyms.csv) and the
//! rubrics' skill lists, so "알곤 용접" in the résumé counts for "TIG 용접"
//! in the posting; counting is by substring on text without spaces, so a
//! particle ("용접을", "지게차로") does not hide a word.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::sync::LazyLock;

use serde::Serialize;

use crate::certificates::{Certificate, Kind, Status};
use crate::rubric::{RUBRICS, RuleKind};
use crate::sections::Section;
use crate::text::compact;

/// What a posting asks, as the engine reads it.
#[derive(Debug, Clone, Default)]
pub struct Vacancy {
    pub id: String,
    pub title: String,
    /// KECO code of the job, if known: decides the rubric's industry.
    pub occupation: Option<String>,
    pub required_certificates: Vec<String>,
    pub preferred_certificates: Vec<String>,
    pub skills: Vec<String>,
    /// Free text of the posting (duties, conditions).
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KeywordKind {
    RequiredCertificate,
    PreferredCertificate,
    Skill,
}

/// One row of the gap table.
#[derive(Debug, Clone, Serialize)]
pub struct KeywordRow {
    pub keyword: String,
    pub kind: KeywordKind,
    /// Times the posting names it (each list entry once, plus the text).
    pub in_posting: u32,
    /// Times the résumé says it (any spelling), or for a certificate the
    /// held certificates that meet it.
    pub in_resume: u32,
    /// The résumé's sections where it was found (Korean names).
    #[serde(rename = "where")]
    pub found_in: Vec<String>,
    /// What to do about it; None when the résumé has it.
    pub suggestion: Option<String>,
}

/// Spelling groups: every spelling of a skill, the canonical first.
static GROUPS: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
    let mut groups: Vec<Vec<String>> = Vec::new();
    let mut reader = csv::Reader::from_reader(
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../assets/match/skill_synonyms.csv"
        ))
        .as_bytes(),
    );
    for row in reader.records().flatten() {
        let (Some(canonical), Some(alias)) = (row.get(0), row.get(1)) else {
            continue;
        };
        match groups.iter_mut().find(|g| g[0] == canonical) {
            Some(g) => g.push(alias.to_owned()),
            None => groups.push(vec![canonical.to_owned(), alias.to_owned()]),
        }
    }
    for rule in RUBRICS.rules.iter().filter(|r| r.kind == RuleKind::Skill) {
        let keys: Vec<String> = rule.targets.iter().map(|t| compact(t)).collect();
        match groups
            .iter_mut()
            .find(|g| g.iter().any(|s| keys.contains(&compact(s))))
        {
            Some(g) => {
                for t in &rule.targets {
                    if !g.iter().any(|s| compact(s) == compact(t)) {
                        g.push(t.clone());
                    }
                }
            }
            None => groups.push(rule.targets.clone()),
        }
    }
    groups
});

/// Each group's spellings, compact, longest first (with a canonical
/// spelling's parenthesised note dropped as one more spelling:
/// "사상(그라인딩)" is written "사상"); and which group each spelling is of.
/// Built once: the analysis asks for spellings thousands of times a batch.
#[derive(Debug)]
struct SpellingIndex {
    /// Per group: its spellings, compact, longest first.
    spellings: Vec<Vec<String>>,
    /// Per compact spelling: its group.
    group_of: HashMap<String, usize>,
}

static INDEX: LazyLock<SpellingIndex> = LazyLock::new(|| {
    let mut spellings = Vec::with_capacity(GROUPS.len());
    let mut of = HashMap::new();
    for (g, group) in GROUPS.iter().enumerate() {
        let mut all: Vec<String> = group.iter().map(|s| compact(s)).collect();
        let bare: Vec<String> = all
            .iter()
            .filter_map(|s| s.split_once('(').map(|(a, _)| a.to_owned()))
            .filter(|s| s.chars().count() >= 2)
            .collect();
        all.extend(bare);
        all.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        all.dedup();
        for s in group {
            // The first group that names a spelling keeps it.
            of.entry(compact(s)).or_insert(g);
        }
        spellings.push(all);
    }
    SpellingIndex {
        spellings,
        group_of: of,
    }
});

/// Every spelling of a skill (itself when no group knows it), compact,
/// longest first so a longer spelling is counted before a part of it.
pub fn spellings(skill: &str) -> Cow<'static, [String]> {
    let key = compact(skill);
    match INDEX.group_of.get(&key) {
        Some(&g) => Cow::Borrowed(INDEX.spellings[g].as_slice()),
        None => Cow::Owned(vec![key]),
    }
}

/// The canonical name of a skill (the synonym group's first spelling).
fn canonical(skill: &str) -> String {
    match INDEX.group_of.get(&compact(skill)) {
        Some(&g) => GROUPS[g][0].clone(),
        None => skill.trim().to_owned(),
    }
}

/// Non-overlapping occurrences of any spelling in a compact text.
pub fn count(text: &str, spellings: &[String]) -> u32 {
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for s in spellings {
        if s.is_empty() {
            continue;
        }
        for (i, _) in text.match_indices(s.as_str()) {
            let span = (i, i + s.len());
            if !taken.iter().any(|&(a, b)| span.0 < b && a < span.1) {
                taken.push(span);
            }
        }
    }
    taken.len() as u32
}

/// The résumé as the gap table reads it: each line's compact text and
/// section.
#[derive(Debug)]
pub struct ResumeText<'a> {
    pub lines: &'a [(String, Option<Section>)],
    pub certificates: &'a [Certificate],
}

/// The gap table.
pub fn keyword_gap(vacancy: &Vacancy, resume: &ResumeText<'_>) -> Vec<KeywordRow> {
    let posting = compact(&format!("{} {}", vacancy.title, vacancy.text));
    let mut rows = Vec::new();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    for (list, kind) in [
        (
            &vacancy.required_certificates,
            KeywordKind::RequiredCertificate,
        ),
        (
            &vacancy.preferred_certificates,
            KeywordKind::PreferredCertificate,
        ),
    ] {
        for wanted in list {
            let key = doyak_match::certificate_keys(wanted)
                .into_iter()
                .next()
                .unwrap_or_default();
            if !seen.insert(key) {
                continue;
            }
            let meeting: Vec<&Certificate> = resume
                .certificates
                .iter()
                .filter(|c| c.kind == Kind::National || c.kind == Kind::Unlisted)
                .filter(|c| {
                    doyak_match::certificate_satisfies(
                        c.national.as_deref().unwrap_or(&c.name),
                        wanted,
                    )
                })
                .collect();
            let held = meeting.iter().filter(|c| c.status == Status::Held).count() as u32;
            let in_posting = 1 + count(&posting, &[compact(wanted)]);
            let suggestion = if held > 0 {
                None
            } else if let Some(c) = meeting.first() {
                Some(format!(
                    "{} {} — 구인은 취득한 자격을 요구합니다. 실기 일정·취득 예정일을 확인하세요.",
                    c.name,
                    c.status.name_ko()
                ))
            } else if kind == KeywordKind::RequiredCertificate {
                Some(format!(
                    "필수 자격 '{wanted}' 기재가 없습니다 — 보유 여부를 확인하고, 없다면 지원 전에 상의하세요."
                ))
            } else {
                Some(format!(
                    "우대 자격 '{wanted}' 기재가 없습니다 — 보유 여부를 확인하세요."
                ))
            };
            rows.push(KeywordRow {
                keyword: wanted.trim().to_owned(),
                kind,
                in_posting,
                in_resume: held,
                found_in: if meeting.is_empty() {
                    Vec::new()
                } else {
                    vec![Section::Certificates.name_ko().to_owned()]
                },
                suggestion,
            });
        }
    }
    // Skills: the posting's list, then rubric skills its text names.
    let mut skills: Vec<String> = vacancy.skills.iter().map(|s| canonical(s)).collect();
    for g in GROUPS.iter() {
        if g.iter().any(|s| {
            let k = compact(s);
            k.chars().count() >= 2 && posting.contains(&k)
        }) {
            skills.push(g[0].clone());
        }
    }
    for skill in skills {
        let spell = spellings(&skill);
        if !seen.insert(compact(&skill)) {
            continue;
        }
        let in_posting = u32::from(vacancy.skills.iter().any(|s| spellings(s) == spell))
            + count(&posting, &spell);
        let mut in_resume = 0;
        let mut found_in: Vec<String> = Vec::new();
        for (text, section) in resume.lines {
            let n = count(text, &spell);
            if n > 0 {
                in_resume += n;
                let name = section.map_or("기타", |s| s.name_ko()).to_owned();
                if !found_in.contains(&name) {
                    found_in.push(name);
                }
            }
        }
        let suggestion = (in_resume == 0).then(|| {
            format!(
                "'{skill}' 경험이 있는지 물어보세요 — 있다면 경력의 담당 업무에 그 말로 적습니다."
            )
        });
        rows.push(KeywordRow {
            keyword: skill,
            kind: KeywordKind::Skill,
            in_posting,
            in_resume,
            found_in,
            suggestion,
        });
    }
    rows
}
