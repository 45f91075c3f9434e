//! The employment timeline: company, title, start and end of each job, from
//! one-line entries ("2019.03 ~ 2021.02 (주)대한정밀 생산직 사원"),
//! company-first ones ("(주)한빛물류 | 지게차 | 2018.05 - 현재"), blocks over
//! several lines, tables with 회사명·입사일·퇴사일·직위 columns, and such
//! tables flattened one cell per line (as a PDF's text comes out). Then the
//! total in months (overlaps counted once, an open end at `as_of`), gaps
//! and overlaps.

mod tables;
mod words;

use serde::Serialize;

use crate::dates::{FoundPeriod, YearMonth, periods};
use crate::sections::{LineRole, Section};
use crate::text::{Line, Span};
use words::{
    COMPANY_CUES, NOT_EMPLOYMENT, SCHOOL_OR_COURSE, TITLE_CUES, clean_title, company_title,
    has_any, is_company_token, strip_noise, strip_particle,
};

/// One job.
#[derive(Debug, Clone, Serialize)]
pub struct Employment {
    pub company: Option<String>,
    pub title: Option<String>,
    pub start: YearMonth,
    /// None: still working there.
    pub end: Option<YearMonth>,
    /// Where the period is written.
    pub span: Span,
}

/// A stretch between two jobs, or two jobs at once.
#[derive(Debug, Clone, Serialize)]
pub struct Interval {
    pub from: YearMonth,
    pub to: YearMonth,
    pub months: u32,
}

/// Whether a line may hold a job: in the 경력 section, or under no heading.
pub(super) fn eligible(role: &LineRole) -> bool {
    matches!(role.section, None | Some(Section::Career))
}

/// Reads the employments, in the order written.
pub fn employments(lines: &[Line], roles: &[LineRole]) -> Vec<Employment> {
    let mut out = Vec::new();
    let mut used = vec![false; lines.len()];
    tables::columns_flattened(lines, roles, &mut used, &mut out);
    tables::tables(lines, roles, &mut used, &mut out);
    tables::text_tables(lines, roles, &mut used, &mut out);
    free_lines(lines, roles, &mut used, &mut out);
    out.sort_by_key(|e| (e.span.line, e.span.start));
    out
}

/// A 자기소개서 sentence that tells of a job ("2004년 3월부터 2010년 12월까지
/// (주)가상물산에서 근무했습니다").
fn prose_job(line: &Line, role: &LineRole) -> bool {
    role.section == Some(Section::SelfIntro)
        && has_any(
            &line.text,
            &["근무", "재직", "일했", "일하", "입사", "다녔", "다니"],
        )
        && has_any(&line.text, COMPANY_CUES)
}

/// Employments from lines that are not table layouts.
fn free_lines(lines: &[Line], roles: &[LineRole], used: &mut [bool], out: &mut Vec<Employment>) {
    let period_lines: Vec<(usize, Vec<FoundPeriod>)> = (0..lines.len())
        .filter(|&i| !used[i] && (eligible(&roles[i]) || prose_job(&lines[i], &roles[i])))
        .map(|i| (i, periods(&lines[i].folded)))
        .filter(|(_, p)| !p.is_empty())
        .collect();
    let mut period_line = vec![false; lines.len()];
    for (i, _) in &period_lines {
        period_line[*i] = true;
    }
    let is_period_line = |i: usize| period_line[i];
    for (i, found) in &period_lines {
        let i = *i;
        let line = &lines[i];
        if has_any(&line.text, NOT_EMPLOYMENT)
            || (has_any(&line.text, SCHOOL_OR_COURSE)
                && !line.text.split_whitespace().any(is_company_token))
        {
            continue;
        }
        for p in found {
            let outside: String = line
                .text
                .chars()
                .enumerate()
                .map(|(n, c)| if n >= p.from && n < p.to { '|' } else { c })
                .collect();
            let outside = if roles[i].is_heading {
                outside.chars().skip(roles[i].content_from).collect()
            } else {
                outside
            };
            let (mut company, mut title) = company_title(&outside);
            used[i] = true;
            // A block: the company on the line before, or after; the title
            // on a near line with a title cue.
            if company.is_none() {
                let near = [i.checked_sub(1), Some(i + 1), i.checked_sub(2), Some(i + 2)];
                let mut best: Option<(i32, usize)> = None;
                for (rank, j) in near.into_iter().enumerate() {
                    let Some(j) = j.filter(|&j| j < lines.len()) else {
                        continue;
                    };
                    if used[j] || is_period_line(j) || roles[j].is_heading || !eligible(&roles[j]) {
                        continue;
                    }
                    // Never reach past another job's period.
                    let between = if j < i { j + 1..i } else { i + 1..j };
                    if between.clone().any(is_period_line) {
                        continue;
                    }
                    let t = &lines[j].text;
                    let mut score = 2 - rank as i32;
                    if has_any(t, COMPANY_CUES) {
                        score += 4;
                    }
                    if has_any(t, TITLE_CUES) && !has_any(t, COMPANY_CUES) {
                        score -= 3;
                    }
                    if has_any(t, &["업무", "담당", "작업", "다.", "했", "하였"]) {
                        score -= 3;
                    }
                    if t.chars().count() > 30 {
                        score -= 3;
                    }
                    if best.is_none_or(|(s, _)| score > s) {
                        best = Some((score, j));
                    }
                }
                if let Some((_, j)) = best.filter(|(s, _)| *s > 0) {
                    let (c, t) = company_title(&lines[j].text);
                    company = c;
                    if title.is_none() {
                        title = t;
                    }
                    used[j] = true;
                }
            }
            if title.is_none() {
                for j in [i + 1, i + 2] {
                    if j < lines.len()
                        && !used[j]
                        && !is_period_line(j)
                        && !roles[j].is_heading
                        && eligible(&roles[j])
                    {
                        let t = strip_noise(&lines[j].text);
                        if t.chars().count() <= 20
                            && has_any(&t, TITLE_CUES)
                            && !has_any(&t, &["업무", "담당", "작업"])
                        {
                            title = Some(t);
                            used[j] = true;
                            break;
                        }
                    }
                    if j < lines.len() && is_period_line(j) {
                        break;
                    }
                }
            }
            out.push(Employment {
                company: company
                    .map(|c| strip_particle(&c))
                    .filter(|c| !c.is_empty()),
                title: title.map(|t| clean_title(&t)).filter(|t| !t.is_empty()),
                start: p.start,
                end: p.end,
                span: Span {
                    line: i,
                    start: p.from,
                    end: p.to,
                },
            });
        }
    }
}

/// Each job as (first, last) month indices, in time order. Nothing after
/// `as_of` counts: a job "until now" ends there, and one written as
/// starting later (a typo) is left out.
fn month_spans(employments: &[Employment], as_of: YearMonth) -> Vec<(i32, i32)> {
    let mut spans: Vec<(i32, i32)> = employments
        .iter()
        .map(|e| {
            (
                e.start.index(),
                e.end.unwrap_or(as_of).index().min(as_of.index()),
            )
        })
        .filter(|(s, e)| s <= e)
        .collect();
    spans.sort_unstable();
    spans
}

/// Total months worked, each month counted once, an open end running to
/// `as_of` (both ends inclusive: March to May is three months).
pub fn experience_months(employments: &[Employment], as_of: YearMonth) -> u32 {
    let spans = month_spans(employments, as_of);
    let mut total = 0;
    let mut reach = i32::MIN;
    for (s, e) in spans {
        let from = s.max(reach + 1);
        if e >= from {
            total += e - from + 1;
        }
        reach = reach.max(e);
    }
    total as u32
}

/// Gaps between jobs (the months with no job between one's end and the
/// next's start) and overlaps (months two jobs share), in time order.
pub fn gaps_and_overlaps(
    employments: &[Employment],
    as_of: YearMonth,
) -> (Vec<Interval>, Vec<Interval>) {
    let spans = month_spans(employments, as_of);
    let mut gaps = Vec::new();
    let mut overlaps = Vec::new();
    let mut reach: Option<i32> = None;
    for (s, e) in spans {
        if let Some(r) = reach {
            if s > r + 1 {
                gaps.push(Interval {
                    from: YearMonth::from_index(r + 1),
                    to: YearMonth::from_index(s - 1),
                    months: (s - 1 - r) as u32,
                });
            } else if s <= r {
                let to = r.min(e);
                overlaps.push(Interval {
                    from: YearMonth::from_index(s),
                    to: YearMonth::from_index(to),
                    months: (to - s + 1) as u32,
                });
            }
        }
        reach = Some(reach.map_or(e, |r| r.max(e)));
    }
    (gaps, overlaps)
}
