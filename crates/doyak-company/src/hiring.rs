//! 구인애로 진단: why a vacancy stays open, as evidence for each of the
//! official 미충원 causes of the 사업체노동력조사 (경력, 임금 등
//! 근로조건, 학력·자격, 기피 직종, and no applicants at all), so a
//! center's figures line up with the ministry's categories.
//!
//! Pure: the caseload's figures come in ([`HiringFacts`], gathered by the
//! use-case layer with the matching engine), each cause goes out with a
//! score 0–100 and the facts behind it in Korean, with the n they rest on.
//! A cause the data cannot judge has no score and says what would settle
//! it (기피 직종 needs the site visit's answers).

use crate::visit::VisitFacts;
use serde::Serialize;

/// Which scoring a stored diagnosis was made with: raised whenever a
/// weight or a rule below changes, so two diagnoses scored differently are
/// not compared as if the firm had changed.
pub const ENGINE_VERSION: &str = "hiring-2026-12-04";

/// The fewest figures a comparison rests on: below it the part is left
/// out and the fact says so.
pub const MIN_N: usize = 5;

/// What the caseload knows about one vacancy.
#[derive(Debug, Clone, Default)]
pub struct HiringFacts {
    /// The offer (원 per month), when the vacancy gives one.
    pub offer: Option<i64>,
    /// The offers of the other open vacancies of the same KECO 중분류.
    pub peer_offers: Vec<i64>,
    /// The wages wanted by the seekers in the program aiming at it.
    pub desired_wages: Vec<i64>,
    /// The same two comparisons within the vacancy's 시도, shown beside
    /// the caseload's (the score stays the caseload's: a center's
    /// caseload is mostly its own region already).
    pub region: Option<RegionalWages>,
    pub shift_work: bool,
    pub weekly_hours: Option<u32>,
    pub housing: bool,
    pub commute_bus: bool,
    pub required_certificates: Vec<String>,
    pub min_experience_years: Option<u32>,
    /// Seekers in the program who meet every requirement of the vacancy.
    pub pool: u32,
    /// …and how many would, without the required certificates.
    pub pool_without_certificates: u32,
    /// …and without the experience asked.
    pub pool_without_experience: u32,
    pub days_open: u32,
    /// 알선 made to it so far.
    pub referrals: u32,
    /// What the site visit found, when the firm was asked.
    pub visit: Option<VisitFacts>,
}

/// Offers and desired wages of one 시도, for the same occupation.
#[derive(Debug, Clone, Default)]
pub struct RegionalWages {
    /// The 시도's name ("경기도").
    pub name_ko: String,
    /// Offers of the other open vacancies of the 중분류 in the 시도.
    pub peer_offers: Vec<i64>,
    /// Desired wages of the seekers aiming at it who live in the 시도.
    pub desired_wages: Vec<i64>,
}

/// The official 미충원 causes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CauseCode {
    Experience,
    WorkingConditions,
    Qualifications,
    AvoidedOccupation,
    NoApplicants,
}

impl CauseCode {
    pub const ALL: [CauseCode; 5] = [
        CauseCode::Experience,
        CauseCode::WorkingConditions,
        CauseCode::Qualifications,
        CauseCode::AvoidedOccupation,
        CauseCode::NoApplicants,
    ];

    /// The stable code stored with a diagnosis.
    pub fn as_str(self) -> &'static str {
        match self {
            CauseCode::Experience => "experience",
            CauseCode::WorkingConditions => "working_conditions",
            CauseCode::Qualifications => "qualifications",
            CauseCode::AvoidedOccupation => "avoided_occupation",
            CauseCode::NoApplicants => "no_applicants",
        }
    }

    pub fn parse(code: &str) -> Option<CauseCode> {
        CauseCode::ALL.into_iter().find(|c| c.as_str() == code)
    }

    pub fn label_ko(self) -> &'static str {
        match self {
            CauseCode::Experience => "경력 요구",
            CauseCode::WorkingConditions => "임금 등 근로조건",
            CauseCode::Qualifications => "학력·자격 요구",
            CauseCode::AvoidedOccupation => "기피 직종",
            CauseCode::NoApplicants => "지원자 없음",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cause {
    pub code: CauseCode,
    pub label_ko: String,
    /// 0–100: how strongly the data points at this cause; None when the
    /// data cannot judge it.
    pub score: Option<u32>,
    pub facts: Vec<String>,
    /// A requirement whose removal would at least double the candidate
    /// pool (by 3 or more): "too strict".
    pub too_strict: bool,
}

fn man(won: i64) -> String {
    format!("{}만원", won / 10_000)
}

/// Percent of `xs` for which `f` holds, rounded.
fn percent(xs: &[i64], f: impl Fn(i64) -> bool) -> u32 {
    let hit = xs.iter().filter(|&&x| f(x)).count();
    u32::try_from((hit * 100 + xs.len() / 2) / xs.len().max(1)).unwrap_or(100)
}

/// The wage compared within the 시도, each part only with n ≥ [`MIN_N`].
fn regional_line(r: &RegionalWages, offer: i64) -> String {
    let offers = if r.peer_offers.len() >= MIN_N {
        format!(
            "구인 {}건 중 {}%가 더 많이 제시",
            r.peer_offers.len(),
            percent(&r.peer_offers, |x| x > offer)
        )
    } else {
        format!("구인 {}건뿐 (비교 안 함)", r.peer_offers.len())
    };
    let wanted = if r.desired_wages.len() >= MIN_N {
        format!(
            "구직자 {}명 중 {}%가 더 많이 희망",
            r.desired_wages.len(),
            percent(&r.desired_wages, |x| x > offer)
        )
    } else {
        format!("구직자 {}명뿐 (비교 안 함)", r.desired_wages.len())
    };
    format!(
        "{} 안에서 {} 기준: {offers}, {wanted} (참고, 점수는 사례관리 전체 기준)",
        r.name_ko,
        man(offer)
    )
}

fn working_conditions(f: &HiringFacts) -> Cause {
    let mut facts = Vec::new();
    let mut parts = Vec::new();
    match f.offer {
        None => facts.push("제시 임금이 없어 비교할 수 없습니다 (확인 필요).".to_owned()),
        Some(offer) => {
            if f.peer_offers.len() >= MIN_N {
                // The share of peer offers above this one.
                let above = percent(&f.peer_offers, |x| x > offer);
                parts.push(above);
                facts.push(format!(
                    "같은 직종 모집 중 구인 {}건 중 {above}%가 {}보다 많이 제시",
                    f.peer_offers.len(),
                    man(offer)
                ));
            } else {
                facts.push(format!(
                    "같은 직종 다른 구인이 {}건뿐이라 임금 비교에서 뺐습니다 (최소 {MIN_N}건).",
                    f.peer_offers.len()
                ));
            }
            if f.desired_wages.len() >= MIN_N {
                let wanting_more = percent(&f.desired_wages, |x| x > offer);
                parts.push(wanting_more);
                facts.push(format!(
                    "이 직종을 희망하는 구직자 {}명 중 {wanting_more}%가 {}보다 많이 희망",
                    f.desired_wages.len(),
                    man(offer)
                ));
            } else {
                facts.push(format!(
                    "이 직종을 희망하는 구직자가 {}명뿐이라 희망임금 비교에서 뺐습니다 (최소 {MIN_N}명).",
                    f.desired_wages.len()
                ));
            }
            if let Some(r) = &f.region {
                facts.push(regional_line(r, offer));
            }
        }
    }
    let mut score = (!parts.is_empty())
        .then(|| parts.iter().sum::<u32>() / u32::try_from(parts.len()).unwrap_or(1));
    // Conditions besides the wage add to what the wage says; they never
    // make a score where the wage gave none.
    if let Some(s) = score.as_mut() {
        if f.shift_work {
            *s += 10;
            facts.push("교대근무 (+10)".to_owned());
        }
        if f.weekly_hours.is_some_and(|h| h > 52) {
            *s += 10;
            facts.push("주 52시간 초과 근무 (+10)".to_owned());
        }
        let reasons = f
            .visit
            .as_ref()
            .and_then(|v| v.leave_reasons.as_deref())
            .unwrap_or(&[]);
        if reasons.iter().any(|r| r == "wage" || r == "hours") {
            *s += 10;
            facts.push("방문 문진: 퇴사자가 임금·근로시간을 이유로 꼽음 (+10)".to_owned());
        }
        *s = (*s).min(100);
    }
    if f.housing {
        facts.push("기숙사 제공".to_owned());
    }
    if f.commute_bus {
        facts.push("통근버스 운행".to_owned());
    }
    if let Some(v) = &f.visit {
        if v.rest_facility == Some(false) {
            facts.push("방문 문진: 휴게실(휴게시설)이 없습니다.".to_owned());
        }
        if !f.housing && v.dormitory == Some(false) && v.commute_support == Some(false) {
            facts.push("방문 문진: 기숙사·통근 지원이 모두 없습니다.".to_owned());
        }
    }
    Cause {
        code: CauseCode::WorkingConditions,
        label_ko: CauseCode::WorkingConditions.label_ko().to_owned(),
        score,
        facts,
        too_strict: false,
    }
}

/// A requirement's weight: the share of otherwise eligible seekers it
/// shuts out.
fn requirement(code: CauseCode, what: &str, asked: bool, pool: u32, without: u32) -> Cause {
    let mut facts = Vec::new();
    let (score, too_strict) = if !asked {
        facts.push(format!("{what} 요건이 없습니다."));
        (Some(0), false)
    } else {
        let without = without.max(pool);
        let shut = without - pool;
        facts.push(format!(
            "{what} 요건을 빼면 후보가 {pool}명 → {without}명 (요건 때문에 빠지는 {shut}명)"
        ));
        let score = if without == 0 {
            None
        } else {
            Some(u32::try_from(u64::from(shut) * 100 / u64::from(without)).unwrap_or(100))
        };
        if score.is_none() {
            facts.push("요건을 빼도 후보가 없어 판단할 수 없습니다.".to_owned());
        }
        (score, without >= pool.saturating_mul(2) && shut >= 3)
    };
    if too_strict {
        facts.push("요건이 과도합니다: 빼면 후보가 두 배 넘게 늘어납니다.".to_owned());
    }
    Cause {
        code,
        label_ko: code.label_ko().to_owned(),
        score,
        facts,
        too_strict,
    }
}

fn no_applicants(f: &HiringFacts) -> Cause {
    let mut facts = vec![format!("모집 {}일째, 알선 {}건", f.days_open, f.referrals)];
    // No 알선 at all after 90 days is the full score; each 알선 made
    // halves what the days say.
    let by_days = f.days_open.min(90) * 100 / 90;
    let score = by_days >> f.referrals.min(31);
    if f.pool == 0 {
        facts.push("요건을 모두 갖춘 후보가 사례관리 명단에 없습니다.".to_owned());
    }
    Cause {
        code: CauseCode::NoApplicants,
        label_ko: CauseCode::NoApplicants.label_ko().to_owned(),
        score: Some(score),
        facts,
        too_strict: false,
    }
}

/// 기피 직종: only the site visit can say. Team judgment, no survey
/// weights exist: each hard condition of the work 15 (at most 45), a
/// 3-month quit rate of 50 % or more 30 (25 % or more 15, from 3 hires up:
/// fewer say nothing), leavers naming the work's strain or danger 15, the
/// firm itself seeing the job as shunned 10.
fn avoided_occupation(visit: Option<&VisitFacts>) -> Cause {
    let code = CauseCode::AvoidedOccupation;
    // Only answers about the work itself judge it: a visit that asked
    // nothing of them leaves the cause 확인 필요, not 0.
    let Some(v) = visit.filter(|v| {
        v.hazards.is_some()
            || v.hires_12m.is_some_and(|h| h >= 3) && v.quits_3m.is_some()
            || v.leave_reasons.is_some()
            || v.avoided_view.is_some()
    }) else {
        return Cause {
            code,
            label_ko: code.label_ko().to_owned(),
            score: None,
            facts: vec![
                "사례관리 자료로는 알 수 없습니다 — 현장 방문 문진(이직 사유, 3개월 내 퇴사율)으로 확인 필요."
                    .to_owned(),
            ],
            too_strict: false,
        };
    };
    let mut score = 0u32;
    let mut facts = Vec::new();
    match v.hazards.as_deref() {
        Some([]) => facts.push("작업 환경: 해당 없음 (+0)".to_owned()),
        Some(hazards) => {
            let add = (15 * u32::try_from(hazards.len()).unwrap_or(3)).min(45);
            score += add;
            let names: Vec<&str> = hazards.iter().map(|(_, l)| l.as_str()).collect();
            facts.push(format!("작업 환경: {} (+{add})", names.join(", ")));
        }
        None => facts.push("작업 환경: 답 없음 (확인 필요)".to_owned()),
    }
    match (v.quit_rate_3m(), v.hires_12m) {
        (Some(rate), Some(hires)) if hires >= 3 => {
            let add = match rate {
                50.. => 30,
                25..=49 => 15,
                _ => 0,
            };
            score += add;
            facts.push(format!(
                "입사 3개월 내 퇴사 {}명 / 1년 채용 {hires}명 = {rate}% (+{add})",
                v.quits_3m.unwrap_or(0)
            ));
        }
        (Some(_), Some(hires)) => facts.push(format!(
            "1년 채용이 {hires}명뿐이라 3개월 내 퇴사율은 점수에서 뺐습니다 (최소 3명)."
        )),
        _ => facts.push("3개월 내 퇴사율: 답 없음 (확인 필요)".to_owned()),
    }
    if v.leave_reasons
        .iter()
        .flatten()
        .any(|r| r == "intensity" || r == "hazard")
    {
        score += 15;
        facts.push("퇴사자가 작업 강도·위험을 이유로 꼽음 (+15)".to_owned());
    }
    if v.avoided_view == Some(true) {
        score += 10;
        facts.push("회사도 구직자가 꺼리는 일이라고 봄 (+10)".to_owned());
    }
    Cause {
        code,
        label_ko: code.label_ko().to_owned(),
        score: Some(score.min(100)),
        facts,
        too_strict: false,
    }
}

/// Every cause, in the survey's order.
pub fn diagnose(f: &HiringFacts) -> Vec<Cause> {
    vec![
        requirement(
            CauseCode::Experience,
            "경력",
            f.min_experience_years.is_some_and(|y| y > 0),
            f.pool,
            f.pool_without_experience,
        ),
        working_conditions(f),
        requirement(
            CauseCode::Qualifications,
            "필수 자격",
            !f.required_certificates.is_empty(),
            f.pool,
            f.pool_without_certificates,
        ),
        avoided_occupation(f.visit.as_ref()),
        no_applicants(f),
    ]
}
