//! Certificates as résumés write them, normalised to the official national
//! names (assets/refdata/qualifications.csv) or listed apart as private and
//! language credentials (assets/resume/credentials.csv).
//!
//! The words around a name decide what it is:
//! - held ("지게차운전기능사 2019.05 취득"), 필기 합격 ("용접기능사(필기 합격)")
//!   or planned ("전기기능사 취득 예정");
//! - not a certificate at all: a course named after it ("특수용접기능사
//!   취득과정 수료" is 교육훈련), one said to be lacking ("운전면허 없음"), or
//!   a duty word ("용접 업무", "지게차 상하차"): an everyday alias such as
//!   용접 or 지게차 counts only in the 자격증 section as an item of its own
//!   or next to a certificate word (자격증, 면허, 취득 …);
//! - a job title (요양보호사, 조리사, 보육교사 …) outside the 자격증 section
//!   with no certificate word is not taken as held: it becomes a question
//!   for the counselor.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

mod lexicon;

use lexicon::{LEXICON, Strength, Target};

use crate::sections::{LineRole, Section};
use crate::text::{Compact, Line, Span, compact, is_hangul};

/// What the résumé says of a certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 취득 예정, 준비 중, 응시 예정.
    Planned,
    /// 필기 합격: not the certificate (a 국가기술자격 is issued after the 실기).
    WrittenPassed,
    Held,
}

impl Status {
    pub fn name_ko(self) -> &'static str {
        match self {
            Status::Held => "보유",
            Status::WrittenPassed => "필기 합격",
            Status::Planned => "취득 예정",
        }
    }
}

/// Which list a certificate is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A national qualification or licence in the reference list.
    National,
    /// 어학 (TOEIC, OPIc, JLPT …).
    Language,
    /// 민간자격 (국가공인 or not).
    Private,
    /// Looks like a national 기능사/산업기사 name the reference list does not
    /// hold: shown as written, 확인 필요.
    Unlisted,
}

/// A certificate found in the résumé.
#[derive(Debug, Clone, Serialize)]
pub struct Certificate {
    /// As written, with its grade or score ("컴활 2급", "TOEIC 750").
    pub name: String,
    /// The official national name; None for language, private and unlisted.
    pub national: Option<String>,
    /// The qualification's id in the reference list.
    pub id: Option<String>,
    pub kind: Kind,
    pub status: Status,
    pub span: Span,
}

/// A job title that is also a certificate's name, written with no
/// certificate word outside the 자격증 section ("요양보호사로 5년 근무").
#[derive(Debug, Clone, Serialize)]
pub struct TitleMention {
    pub id: String,
    pub national: String,
    pub span: Span,
}

/// Words that say the certificate is held.
const HOLDING: &[&str] = &[
    "자격증",
    "취득",
    "보유",
    "소지",
    "합격",
    "자격",
    "면허증",
    "발급",
    "있음",
    "등록",
    "기능사",
    "산업기사",
    // "필기에 붙어 실기를 준비하고": passed, as 합격 says.
    "붙었",
    "붙어",
    "붙음",
];
/// Words that make the text around a name a course, not the certificate.
const COURSE: &[&str] = &[
    "과정",
    "훈련",
    "수료",
    "양성",
    "강좌",
    "준비반",
    "교육원",
    "학원",
    "반수강",
];
const COURSE_WEAK: &[&str] = &["교육", "이수", "수강"];
const NEGATION: &[&str] = &[
    "없음",
    "없습니다",
    "미취득",
    "미보유",
    "불합격",
    "해당없음",
    "(무)",
    "못했",
    "없고",
    "없으나",
    "없어",
    "없지만",
    "없는",
    "없다",
];
const WRITTEN: &[&str] = &["필기"];
/// Words right after 필기 that make it the exam still ahead ("필기부터 준비
/// 중", "필기 대비"), not one passed.
const WRITTEN_AHEAD: &[&str] = &["부터", "준비", "대비", "응시", "접수", "예정", "공부"];

/// Whether compact text says the 필기 was passed: 필기 not followed by a
/// word of what is still ahead.
fn written_passed(text: &str) -> bool {
    WRITTEN.iter().any(|w| {
        text.match_indices(w).any(|(i, _)| {
            let rest = &text[i + w.len()..];
            let rest = rest
                .strip_prefix('을')
                .or_else(|| rest.strip_prefix('에'))
                .unwrap_or(rest);
            !WRITTEN_AHEAD.iter().any(|a| rest.starts_with(a))
        })
    })
}
const PLANNED: &[&str] = &[
    "접수",
    "예정",
    "준비",
    "응시",
    "공부",
    "도전",
    "목표",
    "취득중",
    "진행중",
    "계획",
];

static GRADE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*\(?\s*(?:[0-9]\s*급|[1-9]\s*종|n[1-5]|im[1-3]|ih|al|nl|nm|nh|il|[0-9]{2,3}\s*점|[0-9]{3})\s*\)?")
        .expect("grade pattern")
});

/// The part of a compact line around a match, between separators.
fn item_bounds(text: &str, start: usize, end: usize) -> (usize, usize) {
    const SEPARATORS: &[char] = &[',', '/', ';', '、', '，', '▶', '■', '●', '◆', '·'];
    let from = text[..start].rfind(SEPARATORS).map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    });
    let to = text[end..].find(SEPARATORS).map_or(text.len(), |i| end + i);
    (from, to)
}

/// Reads every certificate of the résumé, and the job titles that name one.
pub fn certificates(lines: &[Line], roles: &[LineRole]) -> (Vec<Certificate>, Vec<TitleMention>) {
    let lexicon = &*LEXICON;
    let refdata = doyak_refdata::get();
    let mut found: Vec<Certificate> = Vec::new();
    let mut titles: Vec<TitleMention> = Vec::new();
    let rows = row_texts(lines);
    // Keys listed in the 자격증 section: their status there wins over a
    // mention elsewhere.
    let mut listed: Vec<String> = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        let role = roles[n];
        if role.is_heading && role.content_from >= line.text.chars().count() {
            continue;
        }
        let in_cert_section = role.section == Some(Section::Certificates);
        // A grade in the next cell of the row ("전산회계" | "1급") belongs
        // to the name.
        let grade_cell = lines.get(n + 1).filter(|next| {
            in_cert_section
                && line.cell.is_some()
                && next.cell.is_some_and(|x| {
                    line.cell
                        .is_some_and(|c| c.table == x.table && c.row == x.row)
                })
                && GRADE_CELL.is_match(&compact(&next.folded))
        });
        let folded_ext = match grade_cell {
            Some(next) => format!("{} {}", line.folded, next.folded),
            None => line.folded.clone(),
        };
        let text_ext = match grade_cell {
            Some(next) => format!("{} {}", line.text, next.text),
            None => line.text.clone(),
        };
        let line_len = line.text.chars().count();
        let c = Compact::of(&folded_ext);
        let starts: Vec<usize> = lexicon
            .automaton
            .find_iter(&c.text)
            .map(|m| m.start())
            .collect();
        let row_context = line.cell.and_then(|cell| rows.get(&(cell.table, cell.row)));
        // A table flattened one cell per line: the status may sit in the
        // next lines ("위험물기능사" / "취득 예정").
        let following = if in_cert_section && grade_cell.is_none() {
            following_cells(lines, roles, n, &c.text)
        } else {
            String::new()
        };
        let in_prose = role.section == Some(Section::SelfIntro);
        let mut matched_until = 0;
        for m in lexicon.automaton.find_iter(&c.text) {
            let (start, end) = (m.start(), m.end());
            // Part of a longer word ("특수용접기능사" holds "용접기능사" —
            // leftmost-longest already took the longer; "전기" in "충전기").
            // Judged on the line as written: "가상요양원 요양보호사" has a
            // space the compact text lost.
            let glued = {
                let at = c.offsets[c.text[..start].chars().count()];
                at > 0
                    && line
                        .folded
                        .chars()
                        .nth(at - 1)
                        .is_some_and(|ch| is_hangul(ch) && !is_particle_end(ch))
            };
            if glued && lexicon.entries[m.pattern().as_usize()].strength != Strength::Strong {
                continue;
            }
            let entry = &lexicon.entries[m.pattern().as_usize()];
            let (item_from, item_to) = item_bounds(&c.text, start, end);
            let item = &c.text[item_from..item_to];
            let after = &c.text[end..item_to];
            let before = &c.text[item_from..start];
            // The rest of the line up to the next name: a status may follow
            // a comma ("사회복지사 2급 - 학점은행 이수 중, 준비중").
            let next_start = starts
                .iter()
                .copied()
                .find(|&x| x > start)
                .unwrap_or(c.text.len());
            let after_line = &c.text[end..next_start.max(end)];
            let stated = PLANNED
                .iter()
                .chain(WRITTEN)
                .any(|w| after_line.contains(w));
            let mut context = item.to_owned();
            context.push_str(&following);
            if let Some(row) = row_context {
                context.push_str(row);
            }
            // The label before a colon applies to every item of the line
            // ("취득 예정: 전기기능사, 전기산업기사").
            let label = c
                .text
                .find(':')
                .filter(|&i| i < start)
                .map_or("", |i| &c.text[..i]);
            let lone_no = after.trim_start_matches([':', '-', '(']).starts_with('무')
                && !after.contains("무사고")
                && after.trim_start_matches([':', '-', '(']).chars().count() <= 2;
            if lone_no
                || NEGATION
                    .iter()
                    .any(|w| after.contains(w) || label.contains(w))
            {
                continue;
            }
            let holding = HOLDING
                .iter()
                .any(|w| after.contains(w) || before.contains(w));
            // In a 자기소개서 a name alone is a wish or a story ("전기기능사
            // 실기까지 마쳐 …"), not a listing.
            if in_prose && !holding && !PLANNED.iter().any(|w| after.contains(w)) {
                continue;
            }
            let course = COURSE
                .iter()
                .any(|w| after.contains(w) || before.ends_with(w))
                || (!holding && !stated && COURSE_WEAK.iter().any(|w| after.contains(w)))
                || (role.section == Some(Section::Training) && !holding && !stated);
            if course {
                continue;
            }
            match entry.strength {
                Strength::Strong => {}
                Strength::Title => {
                    if !in_cert_section && !holding && !GRADE.is_match(after) {
                        // Only a job line says the person worked as one: a
                        // 희망 직종 or a 자기소개서 wish does not.
                        let job_line = role.section == Some(Section::Career)
                            || (role.section.is_none()
                                && !crate::dates::periods(&line.folded).is_empty());
                        if let Target::National(i) = entry.target
                            && job_line
                        {
                            let (s, e) = c.chars_of(start, end);
                            titles.push(TitleMention {
                                id: refdata.qualifications[i].id.clone(),
                                national: refdata.qualifications[i].name_ko.clone(),
                                span: Span {
                                    line: n,
                                    start: s,
                                    end: e,
                                },
                            });
                        }
                        continue;
                    }
                }
                Strength::Weak => {
                    let rest: String = item
                        .replacen(&c.text[start..end], "", 1)
                        .chars()
                        .filter(|ch| {
                            !ch.is_ascii_digit()
                                && !matches!(
                                    ch,
                                    '.' | '(' | ')' | '~' | '년' | '월' | '일' | ':' | '-'
                                )
                        })
                        .collect();
                    let bare = HOLDING.iter().fold(rest, |r, w| r.replace(w, ""));
                    let alone = in_cert_section && bare.chars().count() <= 1;
                    if !alone && !holding && !GRADE.is_match(after) {
                        continue;
                    }
                }
            }
            if start < matched_until {
                continue;
            }
            matched_until = end;
            // "필기·실기 합격", "실기 합격", "(필기면제)": the certificate is
            // held, whatever 필기 says.
            let practical_passed = ["실기합격", "실기취득", "최종합격", "면제"]
                .iter()
                .any(|w| context.contains(w) || after_line.contains(w));
            let written = !practical_passed
                && (written_passed(&context)
                    || written_passed(label)
                    || written_passed(after_line));
            let planned = PLANNED.iter().any(|w| {
                after_line.contains(w)
                    || after.contains(w)
                    || label.contains(w)
                    || following.contains(w)
                    || (row_context.is_some() && context.contains(w))
            });
            // Only a 필기 pass admits to the 실기: "(실기 응시 예정)" says
            // the 필기 is passed.
            let practical_next = after_line.contains("실기") || following.contains("실기");
            let status = if written || (planned && practical_next && !practical_passed) {
                Status::WrittenPassed
            } else if planned {
                Status::Planned
            } else {
                Status::Held
            };
            let grade_len = GRADE.find(after).map_or(0, |g| g.end());
            let (mut s, mut e) = c.chars_of(start, end + grade_len);
            // A score runs to its last digit as written: "2019.05" after a
            // name is a date, not a grade of 201 ("TOEIC 750 2023.01" keeps
            // its 750: a space ends it).
            if grade_len > 0 {
                let mut rest = text_ext.chars().skip(e);
                let next = rest.next();
                let digit_on = next.is_some_and(|n| n.is_ascii_digit())
                    || (next == Some('.') && rest.next().is_some_and(|n| n.is_ascii_digit()));
                if digit_on {
                    (s, e) = c.chars_of(start, end);
                }
            }
            let name: String = text_ext.chars().skip(s).take(e - s).collect();
            let (s, e) = (s.min(line_len), e.min(line_len));
            let (national, id, kind) = match entry.target {
                Target::National(i) => {
                    let q = &refdata.qualifications[i];
                    (Some(q.name_ko.clone()), Some(q.id.clone()), Kind::National)
                }
                Target::Credential(i) => (None, None, lexicon.credentials[i].1),
            };
            // By id, else by the name with its grade: 바리스타 1급 and 2급
            // are two credentials.
            let key = id.clone().unwrap_or_else(|| compact(&name));
            let cert = Certificate {
                name: name.trim().to_owned(),
                national,
                id,
                kind,
                status,
                span: Span {
                    line: n,
                    start: s,
                    end: e,
                },
            };
            merge(&mut found, cert, &key, in_cert_section, &mut listed);
        }
        unlisted(line, n, &c, role, &mut found);
        if in_cert_section && !role.is_heading {
            let spans: Vec<(usize, usize)> = found
                .iter()
                .filter(|f| f.span.line == n)
                .map(|f| (f.span.start, f.span.end))
                .collect();
            let mut offset = 0;
            for item in line.text.split([',', '/']) {
                let len = item.chars().count();
                if !spans.iter().any(|&(a, b)| a < offset + len && offset < b) {
                    unlisted_credential(line, item, offset, n, &mut found);
                }
                offset += len + 1;
            }
        }
    }
    // A title mention of a certificate the résumé lists anyway is no
    // question.
    titles.retain(|t| !found.iter().any(|c| c.id.as_deref() == Some(&t.id)));
    titles.dedup_by(|a, b| a.id == b.id);
    (found, titles)
}

/// Whether a Hangul syllable can end a particle or word before a name
/// ("및", "과", "와"): such a letter before a name does not glue to it.
fn is_particle_end(c: char) -> bool {
    matches!(
        c,
        '및' | '과'
            | '와'
            | '는'
            | '은'
            | '이'
            | '가'
            | '을'
            | '를'
            | '로'
            | '고'
            | '며'
            | '서'
            | '에'
            | '의'
    )
}

fn key_of(c: &Certificate) -> String {
    c.id.clone().unwrap_or_else(|| compact(&c.name))
}

/// Adds a certificate, or settles the status of one already found: the
/// 자격증 section's word wins over a mention elsewhere; otherwise the
/// furthest status (held over 필기 over planned).
fn merge(
    found: &mut Vec<Certificate>,
    cert: Certificate,
    key: &str,
    in_cert_section: bool,
    listed: &mut Vec<String>,
) {
    let was_listed = listed.iter().any(|k| k == key);
    if in_cert_section && !was_listed {
        listed.push(key.to_owned());
    }
    if let Some(existing) = found.iter_mut().find(|c| {
        key_of(c) == key
            || (c.kind != Kind::National
                && c.national.is_none()
                && compact(&c.name).starts_with(key))
    }) {
        // First listing in the 자격증 section: its word is the status.
        let first_listing = in_cert_section && !was_listed;
        // Otherwise the furthest status, where the section does not rule.
        let further = cert.status > existing.status && (in_cert_section || !was_listed);
        if first_listing || further {
            existing.status = cert.status;
            if in_cert_section {
                existing.span = cert.span;
                existing.name = cert.name;
            }
        }
        return;
    }
    found.push(cert);
}

/// The next lines of a 자격증 section that hold no certificate name and are
/// short (a date, "필기 합격", "취득 예정"), compact: cells of the same row
/// when a table was flattened one cell per line.
fn following_cells(lines: &[Line], roles: &[LineRole], n: usize, this: &str) -> String {
    let mut out = String::new();
    // Only a line that is the name alone (with at most a date) is a cell
    // whose row goes on below.
    let rest: String = this
        .chars()
        .filter(|c| !c.is_ascii_digit() && !matches!(c, '.' | '(' | ')' | '|' | '-' | '~' | '\''))
        .collect();
    if LEXICON
        .automaton
        .find_iter(&rest)
        .map(|m| m.end() - m.start())
        .sum::<usize>()
        + 6
        < rest.len()
    {
        return out;
    }
    for k in n + 1..(n + 4).min(lines.len()) {
        let text = compact(&lines[k].folded);
        if roles[k].is_heading || roles[k].section != Some(Section::Certificates) {
            break;
        }
        if LEXICON.automaton.find(&text).is_some()
            || CREDENTIAL_END.is_match(&text) && !text.chars().any(|c| c.is_ascii_digit())
        {
            break;
        }
        // A status cell holds dates and a few words, nothing more.
        let words: String = text
            .chars()
            .filter(|c| !c.is_ascii_digit() && !c.is_ascii_punctuation())
            .collect();
        if words.chars().count() > 8 {
            break;
        }
        out.push_str(&text);
    }
    out
}

static UNLISTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[가-힣]{2,12}(?:기능사|산업기사|기능장|기술사)").expect("unlisted pattern")
});

/// The status the words after a name state: 필기 합격, planned, or held
/// when they say neither.
fn stated_status(after: &str) -> Status {
    if written_passed(after) {
        Status::WrittenPassed
    } else if PLANNED.iter().any(|w| after.contains(w)) {
        Status::Planned
    } else {
        Status::Held
    }
}

/// A national-looking name the reference list does not know.
fn unlisted(line: &Line, n: usize, c: &Compact, role: LineRole, found: &mut Vec<Certificate>) {
    if role.section == Some(Section::Training) {
        return;
    }
    for m in UNLISTED.find_iter(&c.text) {
        let (start, end) = (m.start(), m.end());
        let text = m.as_str();
        let ends_known = text.char_indices().any(|(i, _)| {
            LEXICON
                .automaton
                .find_iter(&text[i..])
                .any(|x| x.start() == 0 && x.end() == text.len() - i)
        });
        if ends_known {
            continue;
        }
        let (s, e) = c.chars_of(start, end);
        if found
            .iter()
            .any(|f| f.span.line == n && f.span.start < e && s < f.span.end)
        {
            continue;
        }
        let (_, item_to) = item_bounds(&c.text, start, end);
        let after = &c.text[end..item_to];
        if NEGATION.iter().any(|w| after.contains(w))
            || COURSE.iter().chain(COURSE_WEAK).any(|w| after.contains(w))
        {
            continue;
        }
        let status = stated_status(after);
        let name: String = line.text.chars().skip(s).take(e - s).collect();
        merge(
            found,
            Certificate {
                name,
                national: None,
                id: None,
                kind: Kind::Unlisted,
                status,
                span: Span {
                    line: n,
                    start: s,
                    end: e,
                },
            },
            &compact(m.as_str()),
            role.section == Some(Section::Certificates),
            &mut Vec::new(),
        );
    }
}

/// Each table row's text, compact, so a status in another column (비고:
/// 필기 합격) reaches the name in its row.
fn row_texts(lines: &[Line]) -> HashMap<(usize, usize), String> {
    let mut rows: HashMap<(usize, usize), String> = HashMap::new();
    for line in lines {
        if let Some(cell) = line.cell {
            rows.entry((cell.table, cell.row))
                .or_default()
                .push_str(&compact(&line.folded));
        }
    }
    rows
}

/// A table cell that is only a grade ("1급", "단일등급", "기능사").
static GRADE_CELL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[0-9]급|단일등급|[1-9]종|n[1-5]|기능사|산업기사|기사|기능장)$")
        .expect("grade cell")
});

static CREDENTIAL_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:사|지도사|관리사|자격증|자격|면허|[0-9]\s*급|gb|bb|벨트)$")
        .expect("credential ending")
});

/// A line of the 자격증 section that names no listed certificate but reads
/// as one ("아동요리지도사 1급", "6시그마 GB"): listed as written, apart
/// from the national ones.
fn unlisted_credential(
    line: &Line,
    item: &str,
    offset: usize,
    n: usize,
    found: &mut Vec<Certificate>,
) {
    // The name: the text before the first cell break, date or bracket.
    let text = item.trim_start_matches(['|', '-', '·', '•', '*', ' ']);
    let end = text
        .find(['|', '\t', '(', ',', ':', '/'])
        .unwrap_or(text.len());
    let mut name = text[..end].trim().to_owned();
    // A trailing date goes ("… 2020.07").
    if let Some(d) = crate::dates::dates(&crate::text::fold(&name)).first() {
        name = name
            .chars()
            .take(d.start)
            .collect::<String>()
            .trim()
            .to_owned();
    }
    let key = compact(&name);
    if key.chars().count() < 3
        || !key.chars().any(is_hangul) && !key.chars().any(|c| c.is_ascii_alphabetic())
    {
        return;
    }
    if !CREDENTIAL_END.is_match(&crate::text::fold(&key))
        || NEGATION.iter().any(|w| compact(&line.text).contains(w))
    {
        return;
    }
    // Column names of a 자격증 table are no credential.
    if [
        "자격증",
        "자격명",
        "자격증명",
        "취득자격",
        "자격",
        "기능사",
        "산업기사",
        "기사",
        "기능장",
        "기술사",
    ]
    .contains(&key.as_str())
        || GRADE_CELL.is_match(&key)
    {
        return;
    }
    let rest = compact(&line.folded);
    let status = stated_status(&rest);
    let start = item.find(&name).map_or(0, |b| item[..b].chars().count()) + offset;
    let len = name.chars().count();
    merge(
        found,
        Certificate {
            name,
            national: None,
            id: None,
            kind: Kind::Private,
            status,
            span: Span {
                line: n,
                start,
                end: start + len,
            },
        },
        &key,
        true,
        &mut Vec::new(),
    );
}
