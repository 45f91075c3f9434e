//! One résumé analysed: what it holds, its score with reasons that add up,
//! and suggestions that each say what they would add.
//!
//! Truthful by construction: a suggestion never supplies content. It names
//! what is missing and asks ("보유 여부 확인", "수치로 물어보세요"); a
//! number or a certificate enters the résumé only from the counselor.

mod score;

use score::{Facts, SKILLS_FOR_FULL, score, total};
use serde::Serialize;

use crate::achievements::{Achievement, achievements};
use crate::certificates::{Certificate, Kind, Status, TitleMention, certificates};
use crate::dates::YearMonth;
use crate::keywords::{KeywordRow, ResumeText, Vacancy, count, keyword_gap, spellings};
use crate::read::Document;
use crate::rubric::{Industry, Legal, RUBRICS, Rule, RuleKind};
use crate::sections::{IntroPart, LineRole, Section, roles};
use crate::text::{Line, Span, compact, lines};
use crate::timeline::{Employment, Interval, employments, experience_months, gaps_and_overlaps};

/// The JSON format's name and version (docs/formats.md).
pub const FORMAT: &str = "doyak.resume";
pub const FORMAT_VERSION: u32 = 1;

/// What the analysis is asked.
#[derive(Debug, Clone)]
pub struct Options {
    /// The counselor's today: an open job runs to this month.
    pub as_of: YearMonth,
    /// The rubric to judge by; None reads it from the vacancy, else from the
    /// résumé's content.
    pub industry: Option<String>,
    pub vacancy: Option<Vacancy>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SectionFound {
    pub name: &'static str,
    pub present: bool,
    /// Whether a heading names it (as opposed to content alone).
    pub headed: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct PartFound {
    pub name: &'static str,
    pub present: bool,
}

/// How the rubric's industry was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IndustryBasis {
    Given,
    Vacancy,
    Detected,
}

#[derive(Debug, Clone, Serialize)]
pub struct IndustryChoice {
    pub id: String,
    pub name_ko: String,
    pub basis: IndustryBasis,
}

/// A part of the score.
#[derive(Debug, Clone, Serialize)]
pub struct Reason {
    /// sections | certificates | experience | achievements | keywords
    pub part: &'static str,
    pub points: u32,
    pub max: u32,
    pub text: String,
}

/// Something to ask or add, and what it would add to the score if the
/// answer is yes.
#[derive(Debug, Clone, Serialize)]
pub struct Suggestion {
    /// Stable within one analysis of one text: the rule or the finding.
    pub id: String,
    pub text: String,
    /// Points the score would gain ("+N").
    pub adds: u32,
    pub span: Option<Span>,
}

/// The analysis of one résumé.
#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    pub format: &'static str,
    pub version: u32,
    pub rubric_version: &'static str,
    pub as_of: YearMonth,
    pub sections: Vec<SectionFound>,
    pub intro_parts: Vec<PartFound>,
    pub certificates: Vec<Certificate>,
    /// Job titles that are certificate names, not stated as held.
    pub title_mentions: Vec<TitleMention>,
    pub employments: Vec<Employment>,
    pub experience_months: u32,
    pub gaps: Vec<Interval>,
    pub overlaps: Vec<Interval>,
    pub achievements: Vec<Achievement>,
    pub industry: Option<IndustryChoice>,
    pub score: u32,
    pub reasons: Vec<Reason>,
    pub suggestions: Vec<Suggestion>,
    pub keyword_gap: Vec<KeywordRow>,
}

/// Words that say a section is empty ("자격증: 없음").
const EMPTY_WORDS: &[&str] = &["없음", "해당없음", "무", "-", "해당사항없음", "none", "n/a"];

/// Analyses a read document.
pub fn analyse(document: &Document, options: &Options) -> Analysis {
    analyse_lines(&lines(document), options)
}

/// Analyses text the counselor edited (one paragraph per line).
pub fn analyse_text(text: &str, options: &Options) -> Analysis {
    analyse_lines(&crate::text::lines_of_text(text), options)
}

fn analyse_lines(lines: &[Line], options: &Options) -> Analysis {
    let roles = roles(lines);
    let (certificates, title_mentions) = certificates(lines, &roles);
    let employments = employments(lines, &roles);
    let achievements = achievements(lines, &roles);
    let months = experience_months(&employments, options.as_of);
    let (gaps, overlaps) = gaps_and_overlaps(&employments, options.as_of);
    let whole = compact(
        &lines
            .iter()
            .map(|l| l.folded.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    );

    let sections = sections_found(lines, &roles, &certificates, &employments);
    let intro_parts = parts_found(&roles);
    let industry = choose_industry(options, &whole, &certificates);
    let industry_id = industry.as_ref().map(|i| i.id.clone());
    let rules: Vec<&Rule> = industry_id
        .as_deref()
        .map_or_else(Vec::new, |id| RUBRICS.rules_of(id).collect());

    // Certificate rules met: a held certificate among the targets.
    let held_ids: Vec<&str> = certificates
        .iter()
        .filter(|c| c.status == Status::Held)
        .filter_map(|c| c.id.as_deref())
        .collect();
    // A rule applies when its condition words appear where the résumé
    // tells of work or of the work wanted (anywhere but 학력, 교육훈련,
    // 자격증 and 병역) or in the vacancy: 버스운전자격 only for bus work or
    // a wish for it, and "지게차 운전 경력·희망이 있으나" not for a 지게차
    // course under 교육훈련.
    let work = compact(
        &lines
            .iter()
            .zip(&roles)
            .filter(|(_, r)| {
                !matches!(
                    r.section,
                    Some(
                        Section::Education
                            | Section::Training
                            | Section::Certificates
                            | Section::Military
                    )
                )
            })
            .map(|(l, _)| l.folded.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    );
    let context = match &options.vacancy {
        Some(v) => format!(
            "{work}{}",
            compact(&format!("{} {} {}", v.title, v.text, v.skills.join(" ")))
        ),
        None => work,
    };
    let applies =
        |r: &Rule| r.when.is_empty() || r.when.iter().any(|w| context.contains(&compact(w)));
    let cert_rules: Vec<(usize, bool)> = rules
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            matches!(r.kind, RuleKind::CertRequired | RuleKind::CertPreferred) && applies(r)
        })
        .map(|(i, r)| {
            (
                i,
                r.targets
                    .iter()
                    .any(|t| held_ids.iter().any(|h| satisfies(h, t))),
            )
        })
        .collect();

    // Keywords: the vacancy's, else the industry's skills.
    let line_texts: Vec<(String, Option<Section>)> = lines
        .iter()
        .zip(&roles)
        .map(|(l, r)| (compact(&l.folded), r.section))
        .collect();
    let keyword_gap = options.vacancy.as_ref().map_or_else(Vec::new, |v| {
        keyword_gap(
            v,
            &ResumeText {
                lines: &line_texts,
                certificates: &certificates,
            },
        )
    });
    let skill_rules: Vec<&Rule> = rules
        .iter()
        .copied()
        .filter(|r| r.kind == RuleKind::Skill)
        .collect();
    let keywords = if options.vacancy.is_some() {
        Some((
            keyword_gap
                .iter()
                .filter(|r| r.suggestion.is_none())
                .count(),
            keyword_gap.len(),
        ))
    } else if !skill_rules.is_empty() {
        let present = skill_rules
            .iter()
            .filter(|r| r.targets.iter().any(|t| count(&whole, &spellings(t)) > 0))
            .count();
        Some((present, skill_rules.len().min(SKILLS_FOR_FULL)))
    } else {
        None
    };

    let facts = Facts {
        sections: Section::JUDGED
            .iter()
            .map(|s| {
                (
                    *s,
                    sections.iter().any(|f| f.name == s.name_ko() && f.present),
                )
            })
            .collect(),
        cert_rules,
        held_national: certificates
            .iter()
            .filter(|c| c.status == Status::Held && c.kind == Kind::National)
            .count(),
        held_other: certificates
            .iter()
            .filter(|c| c.status == Status::Held && c.kind != Kind::National)
            .count(),
        months,
        complete_jobs: employments
            .iter()
            .filter(|e| e.company.is_some() && e.title.is_some())
            .count(),
        jobs: employments.len(),
        achievements: achievements.len(),
        keywords,
    };
    let reasons = score(&facts, &rules, industry_id.as_deref());
    let now = total(&reasons);
    let adds = |change: &dyn Fn(&mut Facts)| -> u32 {
        let mut f = facts.clone();
        change(&mut f);
        total(&score(&f, &rules, industry_id.as_deref())).saturating_sub(now)
    };

    let mut suggestions = Vec::new();
    // Missing sections.
    for (i, (section, present)) in facts.sections.iter().enumerate() {
        if *present {
            continue;
        }
        let text = match section {
            Section::Personal => {
                "인적사항(이름·연락처)이 보이지 않습니다 — 연락처를 적었는지 확인하세요."
            }
            Section::Education => "학력 기재가 없습니다 — 최종 학력을 적을지 상의하세요.",
            Section::Career => {
                "경력 기재가 없습니다 — 아르바이트·실습·봉사 경험이 있는지 물어보세요."
            }
            Section::Certificates => {
                "자격증 기재가 없습니다 — 운전면허를 포함해 보유 자격을 물어보세요."
            }
            Section::Training => {
                "교육훈련 기재가 없습니다 — 직업훈련·안전교육 이수 내역이 있는지 물어보세요."
            }
            _ => "자기소개서가 없습니다 — 지원동기와 입사 후 포부를 본인의 말로 적도록 도와주세요.",
        };
        suggestions.push(Suggestion {
            id: format!("section.{}", section.name_ko()),
            text: text.to_owned(),
            adds: adds(&|f: &mut Facts| f.sections[i].1 = true),
            span: None,
        });
    }
    // Rubric certificates not met.
    for (k, (i, met)) in facts.cert_rules.iter().enumerate() {
        if *met {
            continue;
        }
        let rule = rules[*i];
        let mut text = rule.message_ko.clone();
        match rule.legal {
            Some(Legal::Yes) => text.push_str(" (법정 필수 자격)"),
            Some(Legal::Unknown) if !text.contains("확인 필요") => {
                text.push_str(" (법적 요건 확인 필요)")
            }
            _ => {}
        }
        let planned = certificates.iter().find(|c| {
            c.status != Status::Held
                && c.id
                    .as_deref()
                    .is_some_and(|id| rule.targets.iter().any(|t| satisfies(id, t)))
        });
        if let Some(c) = planned {
            text = format!(
                "{} {} — 실기 일정과 취득 예정일을 확인하세요. {text}",
                c.name,
                c.status.name_ko()
            );
        }
        suggestions.push(Suggestion {
            id: rule.id.clone(),
            text,
            adds: adds(&|f: &mut Facts| f.cert_rules[k].1 = true),
            span: planned.map(|c| c.span),
        });
    }
    // Job titles that name a certificate.
    for t in &title_mentions {
        let k = facts
            .cert_rules
            .iter()
            .position(|(i, met)| !met && rules[*i].targets.iter().any(|x| satisfies(&t.id, x)));
        suggestions.push(Suggestion {
            id: format!("title.{}", t.id),
            text: format!(
                "경력에 '{}' 직무가 적혀 있는데 {} 자격 기재가 없습니다 — 보유 여부를 확인하세요.",
                t.national, t.national
            ),
            adds: k.map_or_else(
                || adds(&|f: &mut Facts| f.held_national += 1),
                |k| adds(&|f: &mut Facts| f.cert_rules[k].1 = true),
            ),
            span: Some(t.span),
        });
    }
    // Written passes and plans.
    for c in certificates.iter().filter(|c| c.status != Status::Held) {
        if suggestions.iter().any(|s| s.span == Some(c.span)) {
            continue;
        }
        suggestions.push(Suggestion {
            id: format!("cert.status.{}", compact(&c.name)),
            text: format!(
                "{}: {} — 취득하면 날짜를, 아니면 예정일을 적도록 확인하세요.",
                c.name,
                c.status.name_ko()
            ),
            adds: 0,
            span: Some(c.span),
        });
    }
    // Jobs without a company or title.
    for (n, e) in employments.iter().enumerate() {
        if e.company.is_some() && e.title.is_some() {
            continue;
        }
        let what = match (&e.company, &e.title) {
            (None, None) => "회사명과 직위",
            (None, Some(_)) => "회사명",
            _ => "직위·역할",
        };
        let when = format!(
            "{} ~ {}",
            e.start,
            e.end.map_or("현재".to_owned(), |x| x.to_string())
        );
        suggestions.push(Suggestion {
            id: format!("employment.{n}.incomplete"),
            text: format!("{when} 경력에 {what}이(가) 없습니다 — 물어보고 적으세요."),
            adds: adds(&|f: &mut Facts| f.complete_jobs += 1),
            span: Some(e.span),
        });
    }
    // Duty lines without a number.
    let metric = rules.iter().find(|r| r.kind == RuleKind::Metric);
    let mut asked = 0;
    for (n, line) in lines.iter().enumerate() {
        if asked >= 3 {
            break;
        }
        // A duty line: in 경력, not a job's own dated line, and with no
        // measured result yet ("CO2 용접 업무 담당" has a digit, no measure).
        if roles[n].section != Some(Section::Career)
            || roles[n].is_heading
            || achievements.iter().any(|x| x.span.line == n)
            || !crate::dates::periods(&line.folded).is_empty()
        {
            continue;
        }
        let k = compact(&line.folded);
        if ![
            "업무", "담당", "작업", "관리", "운전", "운행", "생산", "조리", "돌봄", "케어", "배송",
            "용접", "가공",
        ]
        .iter()
        .any(|w| k.contains(w))
        {
            continue;
        }
        let hint = metric.map_or(
            "얼마나(건수·양·기간·비율) 했는지 수치로 물어보세요.".to_owned(),
            |m| m.message_ko.clone(),
        );
        suggestions.push(Suggestion {
            id: format!("metric.line{n}"),
            text: format!("'{}'에 수치가 없습니다 — {hint}", line.text),
            adds: adds(&|f: &mut Facts| f.achievements += 1),
            span: Some(Span {
                line: n,
                start: 0,
                end: line.text.chars().count(),
            }),
        });
        asked += 1;
    }
    // Industry skills not written (only without a vacancy: with one, the
    // gap table says it).
    if options.vacancy.is_none() {
        for r in &skill_rules {
            if r.targets.iter().any(|t| count(&whole, &spellings(t)) > 0) {
                continue;
            }
            suggestions.push(Suggestion {
                id: r.id.clone(),
                text: format!(
                    "'{}' 경험이 있는지 물어보세요 — 있다면 담당 업무에 그 말로 적습니다.",
                    r.targets.first().map_or("", String::as_str)
                ),
                adds: adds(&|f: &mut Facts| {
                    if let Some((p, _)) = f.keywords.as_mut() {
                        *p += 1;
                    }
                }),
                span: None,
            });
        }
    }
    // Red flags and expected sections of the industry.
    for r in &rules {
        match r.kind {
            RuleKind::RedFlag if !r.targets.iter().any(|t| count(&whole, &spellings(t)) > 0) => {
                suggestions.push(Suggestion {
                    id: r.id.clone(),
                    text: r.message_ko.clone(),
                    adds: 0,
                    span: None,
                });
            }
            RuleKind::Section => {
                let missing = facts
                    .sections
                    .iter()
                    .any(|(s, p)| !p && r.targets.iter().any(|t| t == s.name_ko()));
                if missing
                    && !suggestions.iter().any(|s| {
                        r.targets
                            .first()
                            .is_some_and(|t| s.id == format!("section.{t}"))
                    })
                {
                    suggestions.push(Suggestion {
                        id: r.id.clone(),
                        text: r.message_ko.clone(),
                        adds: 0,
                        span: None,
                    });
                }
            }
            _ => {}
        }
    }
    // Gaps and overlaps: questions, nothing to score.
    for g in gaps.iter().filter(|g| g.months >= 6) {
        suggestions.push(Suggestion {
            id: format!("gap.{}", g.from),
            text: format!("{} ~ {} ({}개월) 공백이 있습니다 — 그동안의 교육·돌봄·구직활동을 적을지 상의하세요.", g.from, g.to, g.months),
            adds: 0,
            span: None,
        });
    }
    for o in &overlaps {
        suggestions.push(Suggestion {
            id: format!("overlap.{}", o.from),
            text: format!(
                "{} ~ {} ({}개월) 두 경력이 겹칩니다 — 병행 근무였는지 날짜를 확인하세요.",
                o.from, o.to, o.months
            ),
            adds: 0,
            span: None,
        });
    }
    suggestions.sort_by_key(|s| std::cmp::Reverse(s.adds));

    Analysis {
        format: FORMAT,
        version: FORMAT_VERSION,
        rubric_version: crate::rubric::VERSION.trim(),
        as_of: options.as_of,
        sections,
        intro_parts,
        certificates,
        title_mentions,
        employments,
        experience_months: months,
        gaps,
        overlaps,
        achievements,
        industry,
        score: now,
        reasons,
        suggestions,
        keyword_gap,
    }
}

/// Whether a held qualification id meets a rubric target id (itself, or one
/// it implies: a higher grade).
fn satisfies(held_id: &str, target_id: &str) -> bool {
    held_id == target_id || doyak_match::certificate_satisfies(held_id, target_id)
}

fn sections_found(
    lines: &[Line],
    roles: &[LineRole],
    certificates: &[Certificate],
    employments: &[Employment],
) -> Vec<SectionFound> {
    Section::JUDGED
        .iter()
        .map(|&s| {
            let headed = roles.iter().any(|r| r.is_heading && r.section == Some(s));
            let content = lines.iter().zip(roles).any(|(l, r)| {
                if r.section != Some(s) {
                    return false;
                }
                let body: String = l
                    .folded
                    .chars()
                    .skip(if r.is_heading { r.content_from } else { 0 })
                    .collect();
                let k = compact(&body);
                // "자격증: 없음", and for certificates any line saying there
                // are none ("보유한 자격증이 없습니다").
                let says_none = EMPTY_WORDS
                    .iter()
                    .any(|w| k == *w || k.trim_start_matches(':') == *w)
                    || (s == Section::Certificates
                        && ["없습니다", "없음", "없다", "없어"]
                            .iter()
                            .any(|w| k.contains(w)));
                !k.is_empty() && !says_none
            });
            let present = match s {
                Section::Career => !employments.is_empty() || content,
                Section::Certificates => !certificates.is_empty() || (content && headed),
                _ => content,
            };
            SectionFound {
                name: s.name_ko(),
                present,
                headed,
            }
        })
        .collect()
}

fn parts_found(roles: &[LineRole]) -> Vec<PartFound> {
    [
        IntroPart::Upbringing,
        IntroPart::Personality,
        IntroPart::Motivation,
        IntroPart::Aspiration,
        IntroPart::Competence,
    ]
    .iter()
    .map(|&p| PartFound {
        name: p.name_ko(),
        present: roles.iter().any(|r| r.part == Some(p)),
    })
    .collect()
}

fn choose_industry(
    options: &Options,
    whole: &str,
    certificates: &[Certificate],
) -> Option<IndustryChoice> {
    let pick = |i: &Industry, basis| IndustryChoice {
        id: i.id.clone(),
        name_ko: i.name_ko.clone(),
        basis,
    };
    if let Some(i) = options
        .industry
        .as_deref()
        .and_then(|id| RUBRICS.industry(id))
    {
        return Some(pick(i, IndustryBasis::Given));
    }
    if let Some(i) = options
        .vacancy
        .as_ref()
        .and_then(|v| v.occupation.as_deref())
        .and_then(|c| RUBRICS.industry_of_keco(c))
    {
        return Some(pick(i, IndustryBasis::Vacancy));
    }
    // Detected: the industry whose skills and certificates the résumé
    // names most (two at least).
    let held: Vec<&str> = certificates
        .iter()
        .filter_map(|c| c.id.as_deref())
        .collect();
    let mut best: Option<(usize, &Industry)> = None;
    for industry in &RUBRICS.industries {
        let mut hits = 0;
        for r in RUBRICS.rules_of(&industry.id) {
            match r.kind {
                RuleKind::Skill if r.targets.iter().any(|t| count(whole, &spellings(t)) > 0) => {
                    hits += 1
                }
                RuleKind::CertRequired | RuleKind::CertPreferred
                    if r.targets.iter().any(|t| held.contains(&t.as_str())) =>
                {
                    hits += 2
                }
                _ => {}
            }
        }
        if hits >= 2 && best.is_none_or(|(b, _)| hits > b) {
            best = Some((hits, industry));
        }
    }
    best.map(|(_, i)| pick(i, IndustryBasis::Detected))
}
