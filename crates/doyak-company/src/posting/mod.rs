//! 공고 점검: a vacancy's posting against the rules of
//! `assets/company/posting_rules.csv`.
//!
//! A finding is either something missing that a seeker needs (임금,
//! 근무시간, 근무지, 하는 일) or wording found in the text (연령, 성별,
//! 용모, 신체 조건, 개인정보, 막연한 직무) or a requirement out of line
//! with the job. The score is 100 less each code's weight, counted once per
//! code however often it is found, never below 0: the counselor sees the
//! same finding twice in the list but the firm is not punished twice.

mod rules;

use doyak_match::VacancyProfile;
use serde::{Deserialize, Serialize};

use rules::{Check, RULES, Rule};

/// The output format's name and version (docs/formats.md).
pub const FORMAT: &str = "doyak.posting_check";
pub const FORMAT_VERSION: u32 = 1;

/// The rules' version: the newest date they were checked on.
pub fn rules_version() -> &'static str {
    rules::VERSION.as_str()
}

/// A vacancy as the matching format has it, with the posting's own words.
#[derive(Debug, Clone, Deserialize)]
pub struct Posting {
    #[serde(flatten)]
    pub vacancy: VacancyProfile,
    /// 공고 제목.
    #[serde(default)]
    pub title: Option<String>,
    /// The posting's text: duties, conditions, how to apply.
    #[serde(default)]
    pub description: Option<String>,
    /// 근무시간 as written ("08:30~17:30, 주5일").
    #[serde(default)]
    pub work_hours: Option<String>,
    #[serde(default)]
    pub workplace_address: Option<String>,
    /// 상시근로자 수, when known: 채용절차법 binds firms of 30 and more, so
    /// below that its findings are advice that costs no points.
    #[serde(default)]
    pub employees: Option<u32>,
}

/// Which of the posting's texts a span is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Title,
    Description,
    WorkHours,
    WorkplaceAddress,
}

/// Characters `start..end` of one field (characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    pub field: Field,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable: wage_missing, hours_missing, location_missing, duties_vague,
    /// age_limit, sex_preference, appearance, body_condition,
    /// personal_info, requirement_out_of_line.
    pub code: String,
    pub text_ko: String,
    /// Where it is written; None for what is missing.
    pub span: Option<Span>,
    /// The law behind it, when there is one.
    pub law: Option<String>,
    /// Advice only: the law behind it does not bind a firm of this size
    /// (costs no points).
    pub advisory: bool,
}

/// One posting checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PostingCheck {
    pub format: &'static str,
    pub version: u32,
    pub rules_version: String,
    pub vacancy_id: String,
    /// 0–100: 100 less each code's weight, once per code.
    pub score: u32,
    pub findings: Vec<Finding>,
}

/// At most this many findings of one rule: a posting that says "여성" ten
/// times needs one correction, not ten lines.
const MAX_PER_RULE: usize = 3;
/// Characters after a match, within its clause, that may say it is no
/// condition ("남녀 무관", "여성 전용 휴게실").
const NEAR_AFTER: usize = 12;

fn blank(s: &Option<String>) -> bool {
    s.as_deref().is_none_or(|s| s.trim().is_empty())
}

fn chars_before(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

/// The match and the rest of its clause: up to `NEAR_AFTER` characters
/// after it, stopping at a comma, a full stop, a bracket or a line end, so
/// "남성 우대, 여성 휴게실 있음" keeps its first finding. A rule's
/// `unless_near` is anchored at the match's start.
fn clause(text: &str, start: usize, end: usize) -> &str {
    let to = text[end..]
        .char_indices()
        .take(NEAR_AFTER)
        .find(|(_, c)| matches!(c, ',' | '.' | '(' | ')' | '\n' | '，' | '。'))
        .map_or_else(
            || {
                text[end..]
                    .char_indices()
                    .nth(NEAR_AFTER)
                    .map_or(text.len(), |(i, _)| end + i)
            },
            |(i, _)| end + i,
        );
    &text[start..to]
}

fn message(rule: &Rule, fill: &[(&str, &str)]) -> String {
    fill.iter()
        .fold(rule.message_ko.clone(), |m, (key, value)| {
            m.replace(&format!("{{{key}}}"), value)
        })
}

fn finding(rule: &Rule, text_ko: String, span: Option<Span>) -> Finding {
    Finding {
        code: rule.code.clone(),
        text_ko,
        span,
        law: rule.law.clone(),
        advisory: false,
    }
}

/// Checks one posting.
pub fn check(posting: &Posting) -> PostingCheck {
    let v = &posting.vacancy;
    let fields: Vec<(Field, &str)> = [
        (Field::Title, &posting.title),
        (Field::Description, &posting.description),
        (Field::WorkHours, &posting.work_hours),
        (Field::WorkplaceAddress, &posting.workplace_address),
    ]
    .into_iter()
    .filter_map(|(f, t)| t.as_deref().map(|t| (f, t)))
    .collect();
    let whole = fields
        .iter()
        .map(|(_, t)| *t)
        .collect::<Vec<_>>()
        .join("\n");
    let found_anywhere = |rule: &Rule| rule.pattern.as_ref().is_some_and(|p| p.is_match(&whole));
    let years = v.min_experience_years.unwrap_or(0);
    let refdata = doyak_refdata::get();

    let mut findings = Vec::new();
    for rule in RULES.iter() {
        if rule
            .unless_text
            .as_ref()
            .is_some_and(|u| u.is_match(&whole))
        {
            continue;
        }
        let before = findings.len();
        match rule.check {
            Check::Pattern | Check::DutiesVagueWords | Check::BeginnerExperience => {
                let applies = match rule.check {
                    Check::DutiesVagueWords => !v.skills.iter().any(|s| {
                        let s = s.trim();
                        !s.is_empty() && whole.contains(s)
                    }),
                    Check::BeginnerExperience => {
                        years > 0 && years >= rule.param.parse().unwrap_or(u32::MAX)
                    }
                    _ => true,
                };
                let Some(pattern) = rule.pattern.as_ref().filter(|_| applies) else {
                    continue;
                };
                'fields: for (field, text) in &fields {
                    for m in pattern.find_iter(text) {
                        if rule
                            .unless_near
                            .as_ref()
                            .is_some_and(|u| u.is_match(clause(text, m.start(), m.end())))
                        {
                            continue;
                        }
                        let span = Span {
                            field: *field,
                            start: chars_before(text, m.start()),
                            end: chars_before(text, m.end()),
                        };
                        let mut text_ko = message(
                            rule,
                            &[("found", m.as_str()), ("years", &years.to_string())],
                        );
                        // A pattern rule's `param` is the firm size its law
                        // binds from (채용절차법: 상시 30명 이상).
                        let below =
                            rule.check == Check::Pattern
                                && rule.param.parse::<u32>().ok().is_some_and(|least| {
                                    posting.employees.is_some_and(|n| n < least)
                                });
                        if below {
                            text_ko = format!(
                                "(상시 {}명 미만 사업장이라 법 적용 대상은 아니나 권고) {text_ko}",
                                rule.param
                            );
                        }
                        let mut f = finding(rule, text_ko, Some(span));
                        f.advisory = below;
                        findings.push(f);
                        if findings.len() - before >= MAX_PER_RULE {
                            break 'fields;
                        }
                    }
                }
            }
            Check::WageAbsent => {
                if v.wage_monthly.is_none() && !found_anywhere(rule) {
                    findings.push(finding(rule, message(rule, &[]), None));
                }
            }
            Check::HoursAbsent => {
                if blank(&posting.work_hours) && !found_anywhere(rule) {
                    findings.push(finding(rule, message(rule, &[]), None));
                }
            }
            Check::LocationAbsent => {
                if blank(&posting.workplace_address) && !found_anywhere(rule) {
                    let sigungu = refdata
                        .sigungu(&v.sigungu)
                        .map(|s| format!(" (시군구 {}만 있음)", s.full_name()))
                        .unwrap_or_default();
                    findings.push(finding(rule, message(rule, &[("sigungu", &sigungu)]), None));
                }
            }
            Check::DutiesAbsent => {
                let least: usize = rule.param.parse().unwrap_or(0);
                let written = posting
                    .description
                    .as_deref()
                    .unwrap_or("")
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .count();
                if written < least {
                    findings.push(finding(rule, message(rule, &[]), None));
                }
            }
            Check::SimpleJobGrade => {
                if !rule.param.is_empty() && v.occupation.starts_with(&rule.param) {
                    for name in &v.required_certificates {
                        let high = refdata.qualification(name).is_some_and(|q| {
                            matches!(q.grade.as_str(), "기사" | "산업기사" | "기능장" | "기술사")
                        });
                        if high && findings.len() - before < MAX_PER_RULE {
                            findings.push(finding(rule, message(rule, &[("cert", name)]), None));
                        }
                    }
                }
            }
            Check::SimpleJobExperience => {
                let (code, least) = rule.param.split_once(':').unwrap_or(("", ""));
                let least: u32 = least.parse().unwrap_or(u32::MAX);
                if !code.is_empty() && v.occupation.starts_with(code) && years >= least {
                    findings.push(finding(
                        rule,
                        message(rule, &[("years", &years.to_string())]),
                        None,
                    ));
                }
            }
        }
    }

    let mut penalties: Vec<(&str, u32)> = Vec::new();
    for f in findings.iter().filter(|f| !f.advisory) {
        let weight = RULES
            .iter()
            .filter(|r| r.code == f.code)
            .map(|r| r.weight)
            .max()
            .unwrap_or(0);
        if !penalties.iter().any(|(c, _)| *c == f.code) {
            penalties.push((&f.code, weight));
        }
    }
    let lost: u32 = penalties.iter().map(|(_, w)| w).sum();
    PostingCheck {
        format: FORMAT,
        version: FORMAT_VERSION,
        rules_version: rules_version().to_owned(),
        vacancy_id: v.id.clone(),
        score: 100u32.saturating_sub(lost),
        findings,
    }
}
