//! The employment timeline: company, title, start and end of each job, from
//! one-line entries ("2019.03 ~ 2021.02 (주)대한정밀 생산직 사원"),
//! company-first ones ("(주)한빛물류 | 지게차 | 2018.05 - 현재"), blocks over
//! several lines, tables with 회사명·입사일·퇴사일·직위 columns, and such
//! tables flattened one cell per line (as a PDF's text comes out). Then the
//! total in months (overlaps counted once, an open end at `as_of`), gaps
//! and overlaps.

use serde::Serialize;

use crate::dates::{FoundPeriod, YearMonth, dates, ongoing_word, periods};
use crate::sections::{LineRole, Section};
use crate::text::{Line, Span, compact, fold};

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

const COMPANY_CUES: &[&str] = &[
    "(주)",
    "㈜",
    "주식회사",
    "(유)",
    "유한회사",
    "(합)",
    "(사)",
    "(재)",
    "산업",
    "공업",
    "중공업",
    "기업",
    "상사",
    "물류",
    "운수",
    "교통",
    "통운",
    "택배",
    "건설",
    "전자",
    "테크",
    "정밀",
    "기계",
    "금속",
    "화학",
    "조선",
    "해양",
    "엔지니어링",
    "센터",
    "병원",
    "의원",
    "요양원",
    "복지관",
    "복지센터",
    "재가",
    "어린이집",
    "유치원",
    "마트",
    "식당",
    "카페",
    "베이커리",
    "제과",
    "호텔",
    "편의점",
    "공사",
    "공단",
    "협회",
    "사무소",
    "법인",
    "농협",
    "은행",
    "반도체",
    "푸드",
    "유통",
    "모터스",
    "여객",
    "버스",
    "택시",
    "플랜트",
    "스틸",
    "산전",
    "전기",
    "기공",
    "실업",
    "무역",
    "코리아",
    "korea",
    "co.",
    "ltd",
    "jsc",
    "llc",
    "gmbh",
    "pty",
    "cafe",
    "inc",
    "corp",
    "그룹",
    "본점",
    "지점",
    "점)",
    "사업장",
    "공장",
    "연구소",
    "회계",
    "세무",
    "서비스",
    "시스템",
    "솔루션",
    "케미칼",
    "하이텍",
    "텍",
    "팜",
    "에프앤비",
    "f&b",
    "치킨",
    "분식",
    "레스토랑",
    "뷔페",
    "급식",
];
const TITLE_CUES: &[&str] = &[
    "사원",
    "주임",
    "대리",
    "과장",
    "차장",
    "부장",
    "팀장",
    "반장",
    "조장",
    "직장",
    "실장",
    "점장",
    "매니저",
    "기사",
    "기능공",
    "용접공",
    "취부",
    "도장공",
    "생산직",
    "사무직",
    "기술직",
    "관리직",
    "영업직",
    "현장직",
    "보조",
    "알바",
    "아르바이트",
    "인턴",
    "계약직",
    "정규직",
    "파트타임",
    "운전원",
    "요양보호사",
    "간호조무사",
    "보육교사",
    "조리사",
    "조리원",
    "바리스타",
    "오퍼레이터",
    "엔지니어",
    "상담원",
    "경리",
    "캐셔",
    "판매원",
    "배송원",
    "강사",
    "사무원",
    "기술자",
    "선임",
    "책임",
    "수석",
    "감독",
    "작업자",
    "관리자",
    "직원",
    "스태프",
    "크루",
    "서버",
    "사회복지사",
    "원장",
    "교사",
    "기능원",
    "운전사",
    "정비사",
    "검사원",
    "생산원",
    "대표",
    "공장장",
    "소장",
    "파트장",
    "리더",
    "매장",
    "홀",
    "주방장",
    "제빵사",
    "파티시에",
    "물류원",
    "상하차",
    "검수원",
    "포장원",
    "설비",
    "품질",
    "기장",
    "운전기사",
];
const NOT_EMPLOYMENT: &[&str] = &[
    "경력단절",
    "육아",
    "출산",
    "무직",
    "구직활동",
    "휴직",
    "육군",
    "해군",
    "공군",
    "해병",
    "병장",
    "상병",
    "전역",
    "군복무",
    "복무",
    "의경",
    "사회복무",
    "병역",
];
/// School and course words: a dated line with one of them is schooling or
/// training, unless it names a company ("(주)가상에듀 교육팀 사원").
const SCHOOL_OR_COURSE: &[&str] = &[
    "입학",
    "졸업",
    "재학",
    "휴학",
    "고등학교",
    "대학교",
    "중학교",
    "학과",
    "수료",
    "과정",
    "훈련",
    "교육",
];
const NOISE: &[&str] = &[
    "근무기간",
    "재직기간",
    "근무처",
    "회사명",
    "직위",
    "입사",
    "퇴사",
    "재직중",
    "재직",
    "현재",
    "근무",
    "기간",
];

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

fn has_any(text: &str, cues: &[&str]) -> bool {
    let k = compact(text);
    cues.iter().any(|c| k.contains(c))
}

/// Whether a line may hold a job: in the 경력 section, or under no heading.
fn eligible(role: &LineRole) -> bool {
    matches!(role.section, None | Some(Section::Career))
}

/// Reads the employments, in the order written.
pub fn employments(lines: &[Line], roles: &[LineRole]) -> Vec<Employment> {
    let mut out = Vec::new();
    let mut used = vec![false; lines.len()];
    columns_flattened(lines, roles, &mut used, &mut out);
    tables(lines, roles, &mut used, &mut out);
    text_tables(lines, roles, &mut used, &mut out);
    free_lines(lines, roles, &mut used, &mut out);
    out.sort_by_key(|e| (e.span.line, e.span.start));
    out
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
fn text_tables(lines: &[Line], roles: &[LineRole], used: &mut [bool], out: &mut Vec<Employment>) {
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
fn tables(lines: &[Line], roles: &[LineRole], used: &mut [bool], out: &mut Vec<Employment>) {
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
fn columns_flattened(
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

/// A title without what follows it: a note in brackets ("생산직 (포장
/// 라인)"), a duty after a dash ("중장비 기사 - 포크레인 작업").
fn clean_title(t: &str) -> String {
    let cut = t.find(['(', '[', '（']).unwrap_or(t.len());
    let t = &t[..cut];
    let t = t.split(" - ").next().unwrap_or(t);
    let t = t.split(" – ").next().unwrap_or(t);
    t.trim().trim_end_matches([',', '-', '/']).trim().to_owned()
}

/// A fragment without the words that frame an entry (근무, 입사 …) and
/// without a duration "(2년 3개월)".
fn strip_noise(s: &str) -> String {
    let mut t = s.to_owned();
    if let Some(open) = t.find('(')
        && let Some(close) = t[open..].find(')')
    {
        let inner = &t[open + 1..open + close];
        if inner.contains("개월")
            || inner.contains('년') && inner.chars().any(|c| c.is_ascii_digit())
        {
            t.replace_range(open..=open + close, "");
        }
    }
    let words: Vec<&str> = t
        .split_whitespace()
        .filter(|w| !NOISE.contains(&compact(w).as_str()))
        .collect();
    words.join(" ")
}

/// Whether a word belongs to a company's name: a company cue that is no
/// job title ("(주)대한정밀", not "주방장"), or a branch ("수원점",
/// "동탄대리점", "물류센터").
fn is_company_token(t: &str) -> bool {
    let k = compact(t);
    (has_any(t, COMPANY_CUES) && !has_any(t, TITLE_CUES))
        || [
            "점",
            "대리점",
            "지점",
            "센터",
            "공장",
            "사업장",
            "사업소",
            "본사",
        ]
        .iter()
        .any(|e| k.ends_with(e) && k.chars().count() > e.chars().count())
}

/// A company name without the particle of a sentence ("(주)가상물산에서").
fn strip_particle(c: &str) -> String {
    let c = c.trim();
    for p in ["에서", "에"] {
        if let Some(rest) = c.strip_suffix(p)
            && has_any(rest, COMPANY_CUES)
        {
            return rest.to_owned();
        }
    }
    c.to_owned()
}

/// Rank words: one may follow a title's first word ("경리 사원", "매장
/// 보조", "용접 반장").
const RANKS: &[&str] = &[
    "사원",
    "주임",
    "대리",
    "과장",
    "차장",
    "부장",
    "팀장",
    "반장",
    "조장",
    "보조",
    "기사",
    "인턴",
    "선임",
    "책임",
    "실장",
    "점장",
    "매니저",
    "직원",
];

/// Whether a word reads as a job title: a title cue, or a word ending in
/// 원/사/공 that is no workplace (분류원, 조립원, 취부사, 배관공).
fn is_title_token(t: &str) -> bool {
    // Places, not people, though they end alike.
    const PLACES: &[&str] = &[
        "지사",
        "회사",
        "본사",
        "학원",
        "법원",
        "공원",
        "병원",
        "요양원",
        "대학원",
        "공사",
        "상사",
        "지원",
    ];
    let k = compact(t);
    let word = k.trim_matches(|c: char| !c.is_alphanumeric());
    has_any(t, TITLE_CUES)
        || (["원", "공", "사"].iter().any(|e| k.ends_with(e))
            && k.chars().count() >= 2
            && !has_any(t, COMPANY_CUES)
            && !PLACES.iter().any(|p| k.ends_with(p)))
        || ["engineer", "operator", "manager", "intern", "staff"].contains(&word)
}

/// A department ("가공2팀", "관리부", "생산기술팀"): not part of a title.
fn is_department(t: &str) -> bool {
    let k = compact(t);
    ["팀", "부", "실", "파트", "본부", "과"]
        .iter()
        .any(|e| k.ends_with(e))
        && k.chars().count() >= 2
        && !RANKS.contains(&k.as_str())
}

/// The title among words after the company: from the first title word,
/// with one short word before it (the kind of work: "용접 반장", "택시
/// 기사", "MCT 조장") and one rank word after it; departments and what
/// follows (duties, notes) left out.
fn title_of(tokens: &[&str]) -> Option<String> {
    let first = tokens
        .iter()
        .position(|t| is_title_token(t) && !is_department(t))?;
    let mut from = first;
    if first > 0 {
        let before = tokens[first - 1];
        let short = before.chars().count() <= 4
            && !before.chars().any(|c| c.is_ascii_digit())
            && !is_department(before);
        let acronym = before
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && before.len() <= 5;
        if (short || acronym) && !before.contains(['(', ')']) {
            from = first - 1;
        }
    }
    let mut to = first + 1;
    if let Some(next) = tokens.get(to)
        && RANKS.contains(&compact(next).as_str())
    {
        to += 1;
    }
    Some(tokens[from..to].join(" "))
}

/// Company and title out of one line's text outside its period.
fn company_title(text_outside: &str) -> (Option<String>, Option<String>) {
    // Two spaces or more part cells as a tab does ("(주)해동  용접 반장  …").
    let spaced = text_outside.replace("  ", "\t");
    let parts: Vec<String> = spaced
        .split(['|', '/', ',', '\t', '│', '▶', ':'])
        .map(strip_noise)
        .map(|f| {
            f.trim()
                .trim_matches(|c: char| matches!(c, '-' | '–' | '·' | '[' | ']' | '<' | '>'))
                .trim()
                .to_owned()
        })
        .filter(|f| !f.is_empty())
        .collect();
    let mut company = None;
    let mut title = None;
    for part in &parts {
        let tokens: Vec<&str> = part.split_whitespace().collect();
        if company.is_none() {
            // The company is the first token(s) up to the last one with a
            // company cue among the first three; else the first token.
            let cut = tokens
                .iter()
                .take(3)
                .rposition(|t| is_company_token(t))
                .map(|p| p + 1);
            let n = match cut {
                Some(n) => n,
                None if has_any(part, TITLE_CUES)
                    && !has_any(tokens.first().copied().unwrap_or(""), COMPANY_CUES)
                    && parts.len() > 1 =>
                {
                    0
                }
                None => 1,
            };
            if n > 0 {
                company = Some(tokens[..n].join(" "));
                if title.is_none() {
                    title = title_of(&tokens[n..]);
                }
                continue;
            }
        }
        if title.is_none() {
            let tokens: Vec<&str> = part.split_whitespace().collect();
            title = title_of(&tokens);
        }
    }
    (company, title)
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
