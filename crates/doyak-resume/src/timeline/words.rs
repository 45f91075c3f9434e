//! The words of a job line: company and title cues, what frames an entry
//! (근무, 입사 …), and reading the company and the title out of the text
//! beside a period.

use crate::text::compact;

pub(super) const COMPANY_CUES: &[&str] = &[
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
pub(super) const TITLE_CUES: &[&str] = &[
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
pub(super) const NOT_EMPLOYMENT: &[&str] = &[
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
pub(super) const SCHOOL_OR_COURSE: &[&str] = &[
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

pub(super) fn has_any(text: &str, cues: &[&str]) -> bool {
    let k = compact(text);
    cues.iter().any(|c| k.contains(c))
}

/// A title without what follows it: a note in brackets ("생산직 (포장
/// 라인)"), a duty after a dash ("중장비 기사 - 포크레인 작업").
pub(super) fn clean_title(t: &str) -> String {
    let cut = t.find(['(', '[', '（']).unwrap_or(t.len());
    let t = &t[..cut];
    let t = t.split(" - ").next().unwrap_or(t);
    let t = t.split(" – ").next().unwrap_or(t);
    t.trim().trim_end_matches([',', '-', '/']).trim().to_owned()
}

/// A fragment without the words that frame an entry (근무, 입사 …) and
/// without a duration "(2년 3개월)".
pub(super) fn strip_noise(s: &str) -> String {
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
pub(super) fn is_company_token(t: &str) -> bool {
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
pub(super) fn strip_particle(c: &str) -> String {
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
pub(super) fn company_title(text_outside: &str) -> (Option<String>, Option<String>) {
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
