//! Quantified achievements: clauses with a measured result ("불량률 3%→1%",
//! "무사고 10년", "월 4,500건 배송"), told apart from workplace facts that
//! also carry numbers ("상시근로자 45명", "3교대", "25톤 덤프", "연봉
//! 3,200만원", "주 40시간", "2년 근무").

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::dates::dates;
use crate::sections::{LineRole, Section};
use crate::text::{Line, Span};

/// A clause with a measured result.
#[derive(Debug, Clone, Serialize)]
pub struct Achievement {
    pub text: String,
    pub span: Span,
}

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?P<n>[0-9][[0-9],]*(?:\.[0-9]+)?)\s*(?P<u>%|퍼센트|프로|건|개사|개소|개|대|명|가구|세대|회|km|킬로|kg|톤|시간|분|초|만\s*원|억\s*원|억|원|배|년|개월|세트|박스|팔레트|ea|곳|종|등|위|p|포인트|점)?",
    )
    .expect("number pattern")
});

/// Words that make a percentage or count a result.
const RESULT_WORDS: &[&str] = &[
    "감소",
    "절감",
    "향상",
    "증가",
    "개선",
    "단축",
    "달성",
    "줄",
    "낮추",
    "낮췄",
    "높이",
    "높였",
    "늘",
    "올렸",
    "상승",
    "하락",
    "→",
    "->",
    "에서",
    "초과",
    "최소화",
    "1위",
    "수상",
    "표창",
    "유치",
    "수주",
    "돌파",
    "기록",
    "무사고",
    "무재해",
    "무결점",
    "만족도",
    "성공",
    "완료",
];
/// Work done in a measured amount ("월 4,500건 배송", "하루 평균 300개
/// 생산").
const WORK_WORDS: &[&str] = &[
    "처리",
    "배송",
    "배달",
    "생산",
    "판매",
    "운행",
    "돌봄",
    "케어",
    "조리",
    "제작",
    "용접",
    "가공",
    "검사",
    "상담",
    "응대",
    "관리",
    "담당",
    "출고",
    "입고",
    "적재",
    "상하차",
    "정비",
    "수리",
    "포장",
    "제조",
    "서빙",
    "접객",
    "배차",
    "운송",
    "수송",
    "시공",
    "설치",
    "교육",
    "지도",
    "매출",
    "발주",
    "결산",
    "입력",
];

/// Whether the number at `m` is a workplace fact rather than a result.
fn is_fact(clause: &str, start: usize, end: usize, unit: &str) -> bool {
    let before = &clause[..start];
    let after = &clause[end..];
    let near_before: String = before
        .chars()
        .rev()
        .take(8)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let near_after: String = after.chars().take(8).collect();
    let any = |s: &str, words: &[&str]| words.iter().any(|w| s.contains(w));
    if any(
        &near_after,
        &["교대", "조 2교대", "인승", "cc", "학점", "세 ", "살"],
    ) || near_after.trim_start().starts_with('세')
    {
        return true;
    }
    match unit {
        "명" => {
            any(
                &near_before,
                &[
                    "근로자",
                    "직원",
                    "임직원",
                    "사원",
                    "인원",
                    "규모",
                    "정원",
                    "종업원",
                    "가족",
                    "형제",
                ],
            ) && !any(&near_after, WORK_WORDS)
        }
        "톤" | "kg" => any(
            &near_after,
            &[
                "트럭",
                "덤프",
                "화물",
                "차량",
                "지게차",
                "크레인",
                "카고",
                "윙바디",
                "탑차",
                "급",
                "이상",
                "이하",
                "미만",
            ],
        ),
        "원" | "만원" | "만 원" | "억" | "억원" | "억 원" => {
            any(
                &near_before,
                &["월급", "연봉", "급여", "시급", "임금", "희망", "일당", "월"],
            ) && !any(&near_before, &["매출", "절감", "수주"])
        }
        "시간" | "일" | "분" => {
            any(&near_before, &["주", "하루", "일", "근무", "주당"]) && !any(clause, RESULT_WORDS)
        }
        "년" | "개월" => {
            !(any(&near_before, &["무사고", "무재해", "무결점"])
                || any(&near_after, &["무사고", "무재해"]))
        }
        "" => !any(clause, &["→", "->"]),
        _ => false,
    }
}

/// Splits a line into clauses at sentence ends.
fn clauses(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let end_here = c == ';'
            || (c == '.'
                && chars.get(i + 1).is_none_or(|n| n.is_whitespace())
                && !chars
                    .get(i.wrapping_sub(1))
                    .is_some_and(|p| p.is_ascii_digit()));
        if end_here || i + 1 == chars.len() {
            let stop = if end_here { i + 1 } else { chars.len() };
            let s: String = chars[start..stop].iter().collect();
            if !s.trim().is_empty() {
                let lead = s.chars().take_while(|c| c.is_whitespace()).count();
                out.push((start + lead, s.trim().to_owned()));
            }
            start = stop;
        }
        i += 1;
    }
    out
}

/// Every achievement, in the order written. Dates, and lines of 학력,
/// 병역, 인적사항 and 자격증, are never achievements.
pub fn achievements(lines: &[Line], roles: &[LineRole]) -> Vec<Achievement> {
    let mut out = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        if matches!(
            roles[n].section,
            Some(
                Section::Education
                    | Section::Military
                    | Section::Personal
                    | Section::Certificates
                    | Section::Training
            )
        ) || roles[n].is_heading
        {
            continue;
        }
        for (offset, clause) in clauses(&line.text) {
            let folded = crate::text::fold(&clause);
            // Dates out: "2019.03" is no measure.
            let mut masked: Vec<char> = folded.chars().collect();
            for d in dates(&folded) {
                for c in &mut masked[d.start..d.end] {
                    *c = '#';
                }
            }
            let masked: String = masked.into_iter().collect();
            let result_word = RESULT_WORDS.iter().any(|w| masked.contains(w));
            // A course ("안전교육 이수 (8시간)") is training, not a result.
            if !result_word
                && ["이수", "수료", "과정", "교육"]
                    .iter()
                    .any(|w| masked.contains(w))
            {
                continue;
            }
            // A job's heading line ("2019.03~현재 (주)가상푸드 조리원 (1일
            // 1,500식)") describes the workplace; only a result counts there.
            let heading_of_job = !crate::dates::periods(&folded).is_empty();
            let work_word = !heading_of_job && WORK_WORDS.iter().any(|w| masked.contains(w));
            let mut measured = false;
            for c in NUMBER.captures_iter(&masked) {
                let (Some(m), Some(_)) = (c.get(0), c.name("n")) else {
                    continue;
                };
                let unit = c.name("u").map_or("", |u| u.as_str());
                let unit = unit.replace(' ', "");
                if is_fact(&masked, m.start(), m.end(), &unit) {
                    continue;
                }
                let ok = match unit.as_str() {
                    "%" | "퍼센트" | "프로" | "배" | "p" | "포인트" | "점" => result_word,
                    "년" | "개월" => true,
                    "위" | "등" => result_word || masked.contains("수상"),
                    "" => masked.contains('→') || masked.contains("->"),
                    _ => result_word || work_word,
                };
                if ok {
                    measured = true;
                    break;
                }
            }
            if measured {
                let len = clause.chars().count();
                out.push(Achievement {
                    text: clause,
                    span: Span {
                        line: n,
                        start: offset,
                        end: offset + len,
                    },
                });
            }
        }
    }
    out
}
