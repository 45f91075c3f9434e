//! 공고 초안: a posting written from the vacancy's own fields, for the
//! counselor to edit. Nothing is added that the vacancy does not say: what
//! it leaves open is written "[확인 필요] …", and the occupation profile's
//! competency units are offered as a reference line, not as duties. No
//! age, sex or looks are ever written, so a draft of a complete vacancy
//! passes 공고 점검.

/// What the draft is written from.
#[derive(Debug, Clone, Default)]
pub struct DraftInput {
    pub company_name: String,
    pub title: String,
    /// The KECO name of the job.
    pub occupation_name: String,
    pub headcount: u32,
    pub wage_monthly: Option<i64>,
    pub weekly_hours: Option<u32>,
    /// "주간", "2교대" … as the desk labels the shift.
    pub shift_label: String,
    /// The workplace's address (only when it is the company's own 시군구),
    /// else the 시군구's name, with the 산업단지 when known.
    pub address: Option<String>,
    pub industrial_complex: Option<String>,
    pub sigungu_name: Option<String>,
    pub housing: bool,
    pub commute_bus: bool,
    pub required_certificates: Vec<String>,
    pub preferred_certificates: Vec<String>,
    /// The vacancy's skills, written as its duties.
    pub skills: Vec<String>,
    pub min_experience_years: Option<u32>,
    /// YYYY-MM-DD.
    pub opened_on: String,
    pub closes_on: Option<String>,
    /// Competency units of the occupation's profile: a reference line.
    pub reference_units: Vec<String>,
}

const OPEN: &str = "[확인 필요]";

/// "300만원", "287만 5천원" → written in 만원 with the rest in 원.
fn wage_text(won: i64) -> String {
    let man = won / 10_000;
    let rest = won % 10_000;
    if rest == 0 {
        format!("월 {man}만원")
    } else {
        format!("월 {man}만 {rest}원")
    }
}

/// Writes the draft.
pub fn posting_draft(d: &DraftInput) -> String {
    let mut out = Vec::new();
    let company = if d.company_name.trim().is_empty() {
        String::new()
    } else {
        format!("[{}] ", d.company_name.trim())
    };
    let title = d.title.trim();
    let recruit = if title.ends_with("모집") {
        ""
    } else {
        " 모집"
    };
    out.push(format!(
        "{company}{title}{recruit} ({}명)",
        d.headcount.max(1)
    ));
    out.push(String::new());
    out.push("■ 하는 일".to_owned());
    let skills: Vec<&str> = d
        .skills
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    if skills.is_empty() {
        out.push(format!(
            "- {OPEN} 맡을 업무를 구체적으로 적어 주세요 ({} 업무)",
            d.occupation_name
        ));
    } else {
        for s in skills {
            out.push(format!("- {s}"));
        }
    }
    if !d.reference_units.is_empty() {
        out.push(format!(
            "※ 참고 — 직업 프로필({})의 능력단위: {} (이 사업장 업무에 맞게 고치거나 지우세요)",
            d.occupation_name,
            d.reference_units.join(", ")
        ));
    }
    out.push(String::new());
    out.push("■ 근무 조건".to_owned());
    out.push(match d.wage_monthly {
        Some(w) => format!("- 임금: {}", wage_text(w)),
        None => format!("- 임금: {OPEN} 월 임금(또는 시급)을 금액으로 적어 주세요"),
    });
    out.push(match d.weekly_hours {
        Some(h) => format!(
            "- 근무시간: 주 {h}시간, {} (출퇴근 시각 {OPEN})",
            d.shift_label
        ),
        None => format!(
            "- 근무시간: {}, {OPEN} 출퇴근 시각과 주 근무일",
            d.shift_label
        ),
    });
    let complex = d
        .industrial_complex
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(|c| format!(" ({c})"))
        .unwrap_or_default();
    out.push(match (&d.address, &d.sigungu_name) {
        (Some(a), _) if !a.trim().is_empty() => format!("- 근무지: {}{complex}", a.trim()),
        (_, Some(s)) => format!("- 근무지: {s}{complex}, {OPEN} 도로명 주소"),
        _ => format!("- 근무지: {OPEN} 도로명 주소{complex}"),
    });
    if d.housing {
        out.push("- 기숙사 제공".to_owned());
    }
    if d.commute_bus {
        out.push("- 통근버스 운행".to_owned());
    }
    out.push(String::new());
    out.push("■ 자격 요건".to_owned());
    if !d.required_certificates.is_empty() {
        out.push(format!(
            "- 필수 자격: {}",
            d.required_certificates.join(", ")
        ));
    }
    if !d.preferred_certificates.is_empty() {
        out.push(format!(
            "- 우대 자격: {}",
            d.preferred_certificates.join(", ")
        ));
    }
    out.push(match d.min_experience_years {
        Some(y) if y > 0 => format!("- 경력: {y}년 이상"),
        Some(_) => "- 경력: 경력 무관".to_owned(),
        None => format!("- 경력: {OPEN} 필요 경력(없으면 '경력 무관')"),
    });
    out.push(String::new());
    out.push("■ 모집 기간".to_owned());
    out.push(match d.closes_on.as_deref() {
        Some(c) => format!("- {} ~ {c}", d.opened_on),
        None => format!(
            "- {} ~ {OPEN} 마감일 (정하지 않았으면 '채용 시까지')",
            d.opened_on
        ),
    });
    out.push(String::new());
    out.push("■ 지원 방법".to_owned());
    out.push(format!(
        "- {OPEN} 지원 방법(고용복지플러스센터 알선, 이메일, 방문 등)"
    ));
    out.join("\n")
}
