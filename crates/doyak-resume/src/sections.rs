//! Which part of the résumé each line belongs to: from headings in any
//! dress ("1. 인적사항", "[학력사항]", "■ 경력", "경 력 사 항", "經歷",
//! "Work Experience", "【자기소개서】") and, for lines under no heading, from
//! their content (a 성명/생년월일 grid, a school name, a long first-person
//! sentence).

use serde::Serialize;

use crate::text::{Line, compact};

/// The six sections a résumé is judged on, plus the other headings that end
/// one of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Personal,
    Education,
    Career,
    Certificates,
    Training,
    SelfIntro,
    /// 병역: dates there are service, not employment.
    Military,
    /// 어학, 수상, 활동, 희망 근무조건, 기타 …
    Other,
}

impl Section {
    /// The six judged sections in the order résumés list them.
    pub const JUDGED: [Section; 6] = [
        Section::Personal,
        Section::Education,
        Section::Career,
        Section::Certificates,
        Section::Training,
        Section::SelfIntro,
    ];

    pub fn name_ko(self) -> &'static str {
        match self {
            Section::Personal => "인적사항",
            Section::Education => "학력",
            Section::Career => "경력",
            Section::Certificates => "자격증",
            Section::Training => "교육훈련",
            Section::SelfIntro => "자기소개",
            Section::Military => "병역",
            Section::Other => "기타",
        }
    }
}

/// A 자기소개서 part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IntroPart {
    /// 성장과정
    Upbringing,
    /// 성격의 장단점
    Personality,
    /// 지원동기
    Motivation,
    /// 입사 후 포부
    Aspiration,
    /// 직무 역량·경험
    Competence,
}

impl IntroPart {
    pub fn name_ko(self) -> &'static str {
        match self {
            IntroPart::Upbringing => "성장과정",
            IntroPart::Personality => "성격의 장단점",
            IntroPart::Motivation => "지원동기",
            IntroPart::Aspiration => "입사 후 포부",
            IntroPart::Competence => "직무 역량",
        }
    }
}

/// Heading words, compared folded and without spaces, after the decoration
/// and a trailing 사항/내역/란 are stripped.
const HEADINGS: &[(&str, Section)] = &[
    ("인적", Section::Personal),
    ("인적사항", Section::Personal),
    ("개인정보", Section::Personal),
    ("기본정보", Section::Personal),
    ("신상정보", Section::Personal),
    ("기본인적", Section::Personal),
    ("인적정보", Section::Personal),
    ("人的事項", Section::Personal),
    ("personalinformation", Section::Personal),
    ("personaldetails", Section::Personal),
    ("personalinfo", Section::Personal),
    ("profile", Section::Personal),
    ("학력", Section::Education),
    ("최종학력", Section::Education),
    ("학력및전공", Section::Education),
    ("學歷", Section::Education),
    ("education", Section::Education),
    ("academicbackground", Section::Education),
    ("경력", Section::Career),
    ("근무경력", Section::Career),
    ("직장경력", Section::Career),
    ("주요경력", Section::Career),
    ("경력기술", Section::Career),
    ("경력기술서", Section::Career),
    ("근무이력", Section::Career),
    ("직무경력", Section::Career),
    ("경력및경험", Section::Career),
    ("경력및기술", Section::Career),
    ("경력및활동", Section::Career),
    ("經歷", Section::Career),
    ("經歷事項", Section::Career),
    ("workexperience", Section::Career),
    ("experience", Section::Career),
    ("employmenthistory", Section::Career),
    ("career", Section::Career),
    ("workhistory", Section::Career),
    ("자격", Section::Certificates),
    ("자격증", Section::Certificates),
    ("자격면허", Section::Certificates),
    ("자격증및면허", Section::Certificates),
    ("자격및면허", Section::Certificates),
    ("자격·면허", Section::Certificates),
    ("자격/면허", Section::Certificates),
    ("보유자격증", Section::Certificates),
    ("보유자격", Section::Certificates),
    ("자격증/어학", Section::Certificates),
    ("자격증및어학", Section::Certificates),
    ("자격·어학", Section::Certificates),
    ("면허", Section::Certificates),
    ("자격증명", Section::Certificates),
    ("자격명", Section::Certificates),
    ("자격종목", Section::Certificates),
    ("취득자격", Section::Certificates),
    ("자격증/면허", Section::Certificates),
    ("자격증·면허", Section::Certificates),
    ("면허/자격", Section::Certificates),
    ("면허증", Section::Certificates),
    ("資格", Section::Certificates),
    ("資格證", Section::Certificates),
    ("certificates", Section::Certificates),
    ("certifications", Section::Certificates),
    ("licenses", Section::Certificates),
    ("qualifications", Section::Certificates),
    ("교육훈련", Section::Training),
    ("교육", Section::Training),
    ("교육이수", Section::Training),
    ("교육및훈련", Section::Training),
    ("직업훈련", Section::Training),
    ("훈련이력", Section::Training),
    ("교육·훈련", Section::Training),
    ("교육/훈련", Section::Training),
    ("연수", Section::Training),
    ("교육연수", Section::Training),
    ("훈련", Section::Training),
    ("training", Section::Training),
    ("courses", Section::Training),
    ("자기소개", Section::SelfIntro),
    ("자기소개서", Section::SelfIntro),
    ("自己紹介", Section::SelfIntro),
    ("自己紹介書", Section::SelfIntro),
    ("selfintroduction", Section::SelfIntro),
    ("coverletter", Section::SelfIntro),
    ("aboutme", Section::SelfIntro),
    ("병역", Section::Military),
    ("군경력", Section::Military),
    ("軍歷", Section::Military),
    ("兵役", Section::Military),
    ("military", Section::Military),
    ("militaryservice", Section::Military),
    ("어학", Section::Other),
    ("어학능력", Section::Other),
    ("외국어", Section::Other),
    ("외국어능력", Section::Other),
    ("languages", Section::Other),
    ("수상", Section::Other),
    ("수상경력", Section::Other),
    ("대외활동", Section::Other),
    ("활동", Section::Other),
    ("봉사활동", Section::Other),
    ("기타", Section::Other),
    ("희망근무조건", Section::Other),
    ("희망조건", Section::Other),
    ("취미", Section::Other),
    ("특기", Section::Other),
    ("취미/특기", Section::Other),
    ("보훈", Section::Other),
    ("컴퓨터활용", Section::Other),
    ("oa능력", Section::Other),
    ("skills", Section::Other),
];

const PARTS: &[(&str, IntroPart)] = &[
    ("성장과정", IntroPart::Upbringing),
    ("성장배경", IntroPart::Upbringing),
    ("가정환경", IntroPart::Upbringing),
    ("성격의장단점", IntroPart::Personality),
    ("성격및장단점", IntroPart::Personality),
    ("성격", IntroPart::Personality),
    ("장단점", IntroPart::Personality),
    ("성격의장점과단점", IntroPart::Personality),
    ("지원동기", IntroPart::Motivation),
    ("지원동기및포부", IntroPart::Motivation),
    ("지원동기와포부", IntroPart::Motivation),
    ("입사후포부", IntroPart::Aspiration),
    ("입사후계획", IntroPart::Aspiration),
    ("포부", IntroPart::Aspiration),
    ("장래포부", IntroPart::Aspiration),
    ("직무역량", IntroPart::Competence),
    ("직무관련경험", IntroPart::Competence),
    ("직무경험", IntroPart::Competence),
    ("경험및역량", IntroPart::Competence),
    ("핵심역량", IntroPart::Competence),
];

/// What a heading line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heading {
    Section(Section),
    Part(IntroPart),
}

/// Strips the dress of a heading: numbering ("1.", "2)", "Ⅲ.", "가.",
/// "①"), bullets and brackets, a trailing ':' and the 사항/내역/란 ending.
fn undress(key: &str) -> &str {
    // Bullets, brackets, box-drawing, punctuation: anything not a letter
    // or a digit.
    let dress = |c: char| !c.is_alphanumeric();
    // A note in brackets after the heading: "경력 (최근 순)",
    // "<경력> (최근 순)", "[경력 (최근 경력부터)]", "Work Experience (경력)".
    let mut k = key.trim_end_matches([']', '】', '>', '〉', '》']);
    if let Some(open) = k.rfind(['(', '（'])
        && open > 0
        && k.ends_with([')', '）'])
    {
        k = &k[..open];
    }
    let mut k = k.trim_matches(dress);
    // Numbering: digits, roman numerals, circled numbers, one Hangul
    // letter of 가나다 followed by '.' or ')'.
    loop {
        let before = k;
        k = k.trim_start_matches(|c: char| {
            c.is_ascii_digit()
                || ('Ⅰ'..='Ⅻ').contains(&c)
                || ('ⅰ'..='ⅻ').contains(&c)
                || ('①'..='⑳').contains(&c)
        });
        for letter in [
            "가.", "나.", "다.", "라.", "마.", "바.", "사.", "가)", "나)", "다)", "라)",
        ] {
            if let Some(rest) = k.strip_prefix(letter) {
                k = rest;
            }
        }
        k = k.trim_matches(dress);
        if k == before {
            break;
        }
    }
    for ending in ["사항", "내역", "란"] {
        if let Some(rest) = k.strip_suffix(ending)
            && !rest.is_empty()
        {
            return rest;
        }
    }
    k
}

fn lookup(key: &str) -> Option<Heading> {
    let key = undress(key);
    if key.is_empty() {
        return None;
    }
    if let Some((_, s)) = HEADINGS.iter().find(|(h, _)| *h == key) {
        return Some(Heading::Section(*s));
    }
    if let Some((_, p)) = PARTS.iter().find(|(h, _)| *h == key) {
        return Some(Heading::Part(*p));
    }
    None
}

/// Whether a line is a heading, and of what. A heading may carry content
/// after a colon ("자격증: 지게차운전기능사"); `Some((heading, rest))`
/// gives the character offset where that content starts (the line's length
/// when there is none).
pub fn heading(line: &str) -> Option<(Heading, usize)> {
    let key = compact(line);
    if key.chars().count() <= 20
        && let Some(h) = lookup(&key)
    {
        return Some((h, line.chars().count()));
    }
    // "자격증 : 지게차운전기능사, 1종 보통" — a heading, then content.
    let colon = line.find([':', '：'])?;
    let head = &line[..colon];
    let head_key = compact(head);
    if head_key.chars().count() > 12 {
        return None;
    }
    let h = lookup(&head_key)?;
    Some((h, line[..colon].chars().count() + 1))
}

/// Per line: the section it belongs to (if any), the 자기소개서 part it
/// falls under, and whether it is itself a heading.
#[derive(Debug, Clone, Copy, Default)]
pub struct LineRole {
    pub section: Option<Section>,
    pub part: Option<IntroPart>,
    pub is_heading: bool,
    /// Where the content of a heading line starts (characters).
    pub content_from: usize,
}

/// Words that mark a line as personal details when no heading says so.
const PERSONAL_CUES: &[&str] = &[
    "성명",
    "이름",
    "생년월일",
    "주소",
    "연락처",
    "휴대폰",
    "휴대전화",
    "전화번호",
    "이메일",
    "e-mail",
    "email",
    "010-",
    "나이",
    "주민등록",
];
const EDUCATION_CUES: &[&str] = &[
    "고등학교",
    "대학교",
    "중학교",
    "초등학교",
    "전문대",
    "대학원",
    "검정고시",
    "학과",
    "고졸",
    "대졸",
    "초대졸",
    "졸업",
    "폴리텍대학",
    "전공",
];
const TRAINING_CUES: &[&str] = &[
    "수료",
    "이수",
    "훈련",
    "교육과정",
    "양성과정",
    "취득과정",
    "국비",
    "내일배움",
    "직업전문학교",
    "인력개발원",
    "훈련원",
    "교육원",
    "아카데미",
    "과정",
];

/// Classifies every line: headings set the section of the lines below them
/// until the next heading; a line under no heading gets one from its
/// content.
pub fn roles(lines: &[Line]) -> Vec<LineRole> {
    let mut out = Vec::with_capacity(lines.len());
    let mut current: Option<Section> = None;
    let mut part: Option<IntroPart> = None;
    for line in lines {
        if let Some((h, from)) = heading(&line.text) {
            match h {
                Heading::Section(s) => {
                    current = Some(s);
                    part = None;
                }
                Heading::Part(p) => {
                    current = Some(Section::SelfIntro);
                    part = Some(p);
                }
            }
            out.push(LineRole {
                section: current,
                part,
                is_heading: true,
                content_from: from,
            });
            continue;
        }
        let section = current.or_else(|| by_content(line));
        out.push(LineRole {
            section,
            part,
            is_heading: false,
            content_from: 0,
        });
    }
    out
}

/// A section guessed from one line's content, for lines under no heading.
fn by_content(line: &Line) -> Option<Section> {
    let key = compact(&line.folded);
    if PERSONAL_CUES.iter().any(|c| key.contains(c)) && key.chars().count() < 60 {
        return Some(Section::Personal);
    }
    if EDUCATION_CUES.iter().any(|c| key.contains(c)) && key.chars().count() < 60 {
        return Some(Section::Education);
    }
    if TRAINING_CUES.iter().any(|c| key.contains(c)) && key.chars().count() < 60 {
        return Some(Section::Training);
    }
    if is_prose(&line.text) {
        return Some(Section::SelfIntro);
    }
    None
}

/// A long first-person sentence: the stuff of a 자기소개서.
pub fn is_prose(text: &str) -> bool {
    let n = text.chars().count();
    let t = text.trim_end();
    n >= 40 && (t.ends_with("다.") || t.ends_with("다") || t.ends_with("요.") || t.ends_with('.'))
}
