//! Jobs laid out as columns: real tables whose first row names them
//! (회사명·입사일·퇴사일·직위), the same flattened one cell per line (a
//! PDF's text), and text tables of '|' or tabs.

use super::words::clean_title;
use super::{Employment, eligible};
use crate::dates::{dates, ongoing_word, periods};
use crate::sections::{LineRole, Section};
use crate::text::{Line, Span, compact, fold};

const COMPANY_HEADERS: &[&str] = &[
    "회사",
    "회사명",
    "근무처",
    "직장",
    "직장명",
    "업체",
    "업체명",
    "기관",
    "기관명",
    "사업장",
    "사업장명",
    "company",
    "근무회사",
];
const PERIOD_HEADERS: &[&str] = &["기간", "근무기간", "재직기간", "근무년월", "period"];
const START_HEADERS: &[&str] = &[
    "입사",
    "입사일",
    "입사일자",
    "입사년월",
    "시작",
    "시작일",
    "입사년월일",
];
const END_HEADERS: &[&str] = &[
    "퇴사",
    "퇴사일",
    "퇴사일자",
    "퇴사년월",
    "종료",
    "종료일",
    "퇴사년월일",
];
const TITLE_HEADERS: &[&str] = &[
    "직위",
    "직급",
    "직책",
    "직위/직급",
    "직종",
    "position",
    "title",
    "직위(직급)",
];
const DUTY_HEADERS: &[&str] = &[
    "담당업무",
    "업무",
    "직무",
    "담당",
    "주요업무",
    "업무내용",
    "비고",
    "퇴사사유",
    "근무내용",
    "담당직무",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Company,
    Period,
    Start,
    End,
    Title,
    Duty,
}

fn column_of(text: &str) -> Option<Column> {
    let k = compact(text);
    let k = k.trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | ':' | '*'));
    let is = |list: &[&str]| list.contains(&k);
    if is(COMPANY_HEADERS) {
        Some(Column::Company)
    } else if is(PERIOD_HEADERS) {
        Some(Column::Period)
    } else if is(START_HEADERS) {
        Some(Column::Start)
    } else if is(END_HEADERS) {
        Some(Column::End)
    } else if is(TITLE_HEADERS) {
        Some(Column::Title)
    } else if is(DUTY_HEADERS) {
        Some(Column::Duty)
    } else {
        None
    }
}

/// One cell value: the text of a company or title cell, None when empty.
fn value(text: &str) -> Option<String> {
    let t = text
        .trim()
        .trim_matches(|c: char| matches!(c, '-' | '|' | '/' | ':' | '·'))
        .trim();
    (!t.is_empty() && t != "-").then(|| t.to_owned())
}

/// One cell of a header-mapped layout: its column, text, and where it
/// sits (line and character offset).
#[derive(Debug, Clone)]
struct CellText {
    col: Column,
    text: String,
    line: usize,
    offset: usize,
}

/// A row of a header-mapped column layout (a real table, a table
/// flattened one cell per line, or a text table of '|' or tabs).
fn row_employment(cells: &[CellText]) -> Option<Employment> {
    let get = |col: Column| cells.iter().find(|c| c.col == col);
    let (start, end, span) = if let Some(p) = get(Column::Period) {
        let found = periods(&fold(&p.text));
        let f = found.first()?;
        (
            f.start,
            f.end,
            Span {
                line: p.line,
                start: p.offset + f.from,
                end: p.offset + f.to,
            },
        )
    } else {
        let s = get(Column::Start)?;
        let d = *dates(&fold(&s.text)).first()?;
        let end = match get(Column::End) {
            Some(e) => match dates(&fold(&e.text)).first() {
                Some(x) => Some(x.at),
                None if ongoing_word(&fold(&e.text)) => None,
                None => return None,
            },
            None => None,
        };
        if end.is_some_and(|e| e < d.at) {
            return None;
        }
        (
            d.at,
            end,
            Span {
                line: s.line,
                start: s.offset + d.start,
                end: s.offset + d.end,
            },
        )
    };
    Some(Employment {
        company: get(Column::Company).and_then(|c| value(&c.text)),
        title: get(Column::Title)
            .and_then(|c| value(&c.text))
            .map(|t| clean_title(&t)),
        start,
        end,
        span,
    })
}

/// Cells of a text line split at '|' or tabs, with their character offsets;
/// None when the line has fewer than two cells.
fn text_cells(text: &str) -> Option<Vec<(usize, String)>> {
    let sep = if text.contains('|') {
        '|'
    } else if text.contains('\t') {
        '\t'
    } else {
        return None;
    };
    let mut out = Vec::new();
    let mut offset = 0;
    for part in text.split(sep) {
        let lead = part.chars().take_while(|c| c.is_whitespace()).count();
        let t = part.trim();
        if !t.is_empty() {
            out.push((offset + lead, t.to_owned()));
        }
        offset += part.chars().count() + 1;
    }
    (out.len() >= 2).then_some(out)
}

/// Text tables: a header line of '|' or tab cells naming the columns, then
/// lines of cells in the same order.
pub(super) fn text_tables(
    lines: &[Line],
    roles: &[LineRole],
    used: &mut [bool],
    out: &mut Vec<Employment>,
) {
    let mut i = 0;
    while i < lines.len() {
        if used[i]
            || lines[i].cell.is_some()
            || !(eligible(&roles[i]) || roles[i].section == Some(Section::Other))
        {
            i += 1;
            continue;
        }
        let Some(header) = text_cells(&lines[i].text) else {
            i += 1;
            continue;
        };
        let map: Vec<Option<Column>> = header.iter().map(|(_, t)| column_of(t)).collect();
        let has_company = map.contains(&Some(Column::Company));
        let has_time = map
            .iter()
            .any(|c| matches!(c, Some(Column::Period | Column::Start)));
        if !(has_company && has_time) {
            i += 1;
            continue;
        }
        used[i] = true;
        let mut j = i + 1;
        while j < lines.len() && lines[j].cell.is_none() {
            let Some(cells) = text_cells(&lines[j].text) else {
                break;
            };
            let row: Vec<CellText> = cells
                .into_iter()
                .enumerate()
                .filter_map(|(k, (offset, text))| {
                    map.get(k).copied().flatten().map(|col| CellText {
                        col,
                        text,
                        line: j,
                        offset,
                    })
                })
                .collect();
            match row_employment(&row) {
                Some(e) => {
                    out.push(e);
                    used[j] = true;
                }
                None => break,
            }
            j += 1;
        }
        i = j;
    }
}

/// Real tables whose first row names the columns.
pub(super) fn tables(
    lines: &[Line],
    roles: &[LineRole],
    used: &mut [bool],
    out: &mut Vec<Employment>,
) {
    let mut i = 0;
    while i < lines.len() {
        let Some(cell) = lines[i].cell else {
            i += 1;
            continue;
        };
        // The header row: every line of this table row.
        let row_end = (i..lines.len())
            .find(|&j| {
                lines[j]
                    .cell
                    .is_none_or(|c| c.table != cell.table || c.row != cell.row)
            })
            .unwrap_or(lines.len());
        let header: Vec<(usize, Option<Column>)> = (i..row_end)
            .map(|j| {
                (
                    lines[j].cell.map_or(0, |c| c.col),
                    column_of(&lines[j].text),
                )
            })
            .collect();
        let has_company = header.iter().any(|(_, c)| *c == Some(Column::Company));
        let has_time = header
            .iter()
            .any(|(_, c)| matches!(c, Some(Column::Period | Column::Start)));
        if !(has_company && has_time)
            || !eligible(&roles[i]) && roles[i].section != Some(Section::Other)
        {
            i = row_end;
            continue;
        }
        let map: Vec<(usize, Column)> = header
            .iter()
            .filter_map(|(col, c)| c.map(|c| (*col, c)))
            .collect();
        let mut j = row_end;
        while j < lines.len() {
            let Some(c2) = lines[j].cell.filter(|c| c.table == cell.table) else {
                break;
            };
            let end = (j..lines.len())
                .find(|&k| {
                    lines[k]
                        .cell
                        .is_none_or(|c| c.table != c2.table || c.row != c2.row)
                })
                .unwrap_or(lines.len());
            let cells: Vec<CellText> = (j..end)
                .filter_map(|k| {
                    let col = lines[k].cell.map_or(0, |c| c.col);
                    map.iter()
                        .find(|(mc, _)| *mc == col)
                        .map(|(_, c)| CellText {
                            col: *c,
                            text: lines[k].text.clone(),
                            line: k,
                            offset: 0,
                        })
                })
                .collect();
            if let Some(e) = row_employment(&cells) {
                out.push(e);
                for flag in &mut used[j..end] {
                    *flag = true;
                }
            }
            j = end;
        }
        for flag in &mut used[i..row_end] {
            *flag = true;
        }
        i = j;
    }
}

/// A table flattened one cell per line: a run of header lines (회사명,
/// 근무기간, 직위 …), then the rows, as many lines each as there were
/// headers.
pub(super) fn columns_flattened(
    lines: &[Line],
    roles: &[LineRole],
    used: &mut [bool],
    out: &mut Vec<Employment>,
) {
    let mut i = 0;
    while i < lines.len() {
        if lines[i].cell.is_some() || used[i] || !eligible(&roles[i]) && !roles[i].is_heading {
            i += 1;
            continue;
        }
        let mut run = Vec::new();
        let mut j = i;
        while j < lines.len() && lines[j].cell.is_none() {
            match column_of(&lines[j].text) {
                Some(c) if !run.contains(&c) => run.push(c),
                _ => break,
            }
            j += 1;
        }
        let k = run.len();
        if k < 2
            || !run.contains(&Column::Company)
            || !run
                .iter()
                .any(|c| matches!(c, Column::Period | Column::Start))
        {
            i += 1;
            continue;
        }
        for flag in &mut used[i..j] {
            *flag = true;
        }
        let mut r = j;
        while r + k <= lines.len() {
            let cells: Vec<CellText> = run
                .iter()
                .enumerate()
                .map(|(n, c)| CellText {
                    col: *c,
                    text: lines[r + n].text.clone(),
                    line: r + n,
                    offset: 0,
                })
                .collect();
            match row_employment(&cells) {
                Some(e) => {
                    out.push(e);
                    for flag in &mut used[r..r + k] {
                        *flag = true;
                    }
                    r += k;
                }
                None => break,
            }
        }
        i = r.max(i + 1);
    }
}
