//! What a demo seeker brings from before the program: the jobs held (as a
//! Korean 이력서 lists them) and the schooling, with the local training
//! institutions a counselor would recognise. Split from seeker.rs, which
//! draws the person and their path through the program.

use crate::dice::{Dice, plus_days};
use crate::jobs::{self, Job, JobProfile};
use crate::names::firm_name;
use chrono::{Datelike, Months, NaiveDate};
use doyak_domain::KecoCode;
use doyak_domain::seeker::{Education, EducationLevel, WorkExperience};

/// Jobs held before the program, newest first while drawing, returned oldest
/// first like a Korean 이력서, with the title of the most recent one.
pub(crate) fn work_history(
    d: &mut Dice,
    job: Job,
    career_table: &[(Job, u32)],
    last_end: NaiveDate,
    career_start: NaiveDate,
    age: u32,
) -> (Vec<WorkExperience>, Option<&'static str>) {
    let mut history = Vec::new();
    let mut last_title = None;
    let mut end = last_end;
    let count = 1 + d.below(if age < 30 { 2 } else { 4 });
    for n in 0..count {
        let same = if n == 0 { 0.75 } else { 0.5 };
        let which = if d.chance(same) {
            job
        } else {
            d.weighted(career_table)
        };
        let p = jobs::profile(which);
        let months = d.range(6, if age < 30 { 36 } else { 120 }) as u32;
        let mut start = end.checked_sub_months(Months::new(months)).unwrap_or(end);
        let mut last = false;
        if start <= career_start {
            // The first job cannot start before school ended, but someone on
            // benefit worked at least a few insured months.
            start = if n == 0 {
                career_start.min(plus_days(end, -90))
            } else {
                career_start
            };
            last = true;
        }
        if start >= end {
            break;
        }
        let (employer, _) = firm_name(d, p.employer_words, 0.5);
        let title = d.one(p.history_titles);
        last_title.get_or_insert(title);
        history.push(WorkExperience {
            employer,
            occupation: Some(KecoCode(p.keco.to_owned())),
            title: Some(title.to_owned()),
            starts_on: Some(start),
            ends_on: Some(end),
        });
        if last {
            break;
        }
        end = plus_days(start, -d.range(20, 240));
        if end <= career_start {
            break;
        }
    }
    history.reverse();
    (history, last_title)
}

/// Fictional-sounding school name stems, so no real school is named.
const SCHOOL_STEMS: &[&str] = &[
    "한빛",
    "새솔",
    "누리",
    "가온",
    "해솔",
    "늘빛",
    "한울",
    "미르",
    "솔빛",
    "온누리",
    "청림",
    "은빛",
    "백운",
    "서림",
    "동림",
    "남산",
];

pub(crate) fn education(
    d: &mut Dice,
    age: u32,
    male: bool,
    birth_year: i32,
    p: &JobProfile,
    foreign: bool,
    today: NaiveDate,
) -> Education {
    use EducationLevel::*;
    if foreign {
        return Education {
            level: HighSchool,
            school: Some("본국 고등학교".to_owned()),
            major: None,
            graduated_year: None,
        };
    }
    let mut level = match age {
        55.. => d.weighted(&[
            (MiddleSchool, 22),
            (HighSchool, 55),
            (College, 12),
            (University, 11),
        ]),
        35..=54 => d.weighted(&[
            (MiddleSchool, 4),
            (HighSchool, 44),
            (College, 26),
            (University, 25),
            (Graduate, 1),
        ]),
        _ => d.weighted(&[
            (HighSchool, 30),
            (College, 30),
            (University, 38),
            (Graduate, 2),
        ]),
    };
    let graduation_age = |level: EducationLevel| match level {
        MiddleSchool => 16,
        HighSchool => 19,
        College => 22 + if male { 2 } else { 0 },
        University => 24 + if male { 2 } else { 0 },
        Graduate => 27 + if male { 2 } else { 0 },
    };
    if birth_year + graduation_age(level) > today.year() {
        // Too young to have finished: report the school they did finish.
        level = HighSchool;
    }
    let graduated_year = (birth_year + graduation_age(level)).min(today.year());
    let stem = d.one(SCHOOL_STEMS);
    let major = |d: &mut Dice| -> String {
        let majors: &[&str] = match p.keco {
            "62" => &["자동차과", "물류학과", "경영학과"],
            "55" => &["사회복지과", "노인복지과"],
            "53" => &["호텔조리과", "식품영양학과", "외식산업과"],
            "02" | "61" => &["경영학과", "회계학과", "경영정보학과", "행정학과"],
            "52" => &["호텔경영학과", "관광경영학과"],
            k if k.starts_with('8') || k == "15" => &[
                "기계공학과",
                "기계과",
                "전기과",
                "금속재료과",
                "자동차과",
                "메카트로닉스과",
            ],
            _ => &["경영학과", "사회학과", "국어국문학과", "컴퓨터공학과"],
        };
        d.one(majors).to_owned()
    };
    let (school, major) = match level {
        MiddleSchool => (format!("{stem}중학교"), None),
        HighSchool if male && p.is_manufacturing() && d.chance(0.4) => (
            format!("{stem}공업고등학교"),
            Some(
                d.one(&["기계과", "전기과", "용접과", "자동차과"])
                    .to_owned(),
            ),
        ),
        HighSchool if !male && d.chance(0.3) => (format!("{stem}여자고등학교"), None),
        HighSchool => (format!("{stem}고등학교"), None),
        College => {
            let kind = if p.keco == "55" {
                "보건대학교"
            } else {
                "과학대학교"
            };
            (format!("{stem}{kind}"), Some(major(d)))
        }
        University => (format!("{stem}대학교"), Some(major(d))),
        Graduate => (format!("{stem}대학교 대학원"), Some(major(d))),
    };
    Education {
        level,
        school: Some(school),
        major,
        graduated_year: Some(graduated_year),
    }
}

/// "안산시" → "안산", "인천 남동구" → "인천": how training institutes name
/// themselves.
pub(crate) fn short_local(local: &str) -> String {
    let first = local.split(' ').next().unwrap_or(local);
    let trimmed = first.trim_end_matches(['시', '군']);
    if trimmed.chars().count() >= 2 {
        trimmed.to_owned()
    } else {
        first.to_owned()
    }
}

pub(crate) fn institution(local: &str, course: &str) -> String {
    if course.contains("요양보호사") {
        format!("{local}요양보호사교육원")
    } else if course.contains("운전면허") || course.contains("버스") || course.contains("화물")
    {
        format!("{local}자동차운전전문학원")
    } else if course.contains("경비") {
        format!("{local}경비교육원")
    } else {
        format!("{local}직업전문학교")
    }
}
