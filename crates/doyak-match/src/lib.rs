//! Matching job seekers and vacancies (구직자–구인 매칭): hard constraints, a
//! 0–100 score and Korean reasons a counselor can read out. Used by the desk
//! and the CLI; the assignment step uses [`Caseload::score`].
//!
//! ```
//! use doyak_match::{Caseload, SeekerProfile, VacancyProfile};
//!
//! let seeker: SeekerProfile = serde_json::from_str(r#"{"id": "s1", "sigungu": "41273",
//!     "desired_occupations": ["82"], "certificates": ["용접"], "skills": ["CO2용접"],
//!     "experience_years": 3.5, "desired_wage_monthly": 2800000, "max_commute_km": 20,
//!     "accepts_shift": false}"#).unwrap();
//! let vacancy: VacancyProfile = serde_json::from_str(r#"{"id": "v1", "company_id": "c1",
//!     "occupation": "82", "sigungu": "41390", "wage_monthly": 3000000,
//!     "required_certificates": ["용접기능사"], "skills": ["CO2 용접"], "headcount": 2}"#).unwrap();
//! let caseload = Caseload::new(vec![seeker], vec![vacancy])?;   // validate + index
//! let best = caseload.rank_vacancies(0, 10);                     // best vacancies, with reasons
//! assert_eq!(best[0].reasons[1].text_ko, "용접기능사 보유 (필수 충족)");
//! assert_eq!(caseload.score(0, 0), Some(best[0].score));        // what the assignment uses
//! let _ = caseload.rank_seekers(0, 10);                          // best candidates, with reasons
//! let _ = caseload.top_k_all_seekers(10, 2);                     // every seeker's top 10, 2 threads
//! let _ = caseload.explain(0, 0);                                // any pair, with violations
//! # Ok::<(), doyak_match::MatchError>(())
//! ```
//!
//! Records are addressed by their position in the lists given to
//! [`Caseload::new`]; results carry positions, and [`Caseload::seekers`] /
//! [`Caseload::vacancies`] give the records (and ids) back.
//!
//! # Hard constraints
//! A pair is *infeasible*, never ranked and `score` is `None`, when any of:
//! - the seeker lacks a **required certificate**. Names are canonicalised
//!   through the reference qualification list ("용접" → 용접기능사) and
//!   compared by id, after dropping what people write around a name that
//!   does not change it ("지게차운전기능사 자격증", "… 취득", "… 최종 합격",
//!   "(2019년 취득)", 면허증 → 면허). A name saying the certificate is not
//!   held yet ("… 필기 합격", "(필기)", "… 취득 예정") is *not* the
//!   certificate: a 국가기술자격 is issued only after the 실기. A higher grade
//!   of the same 종목 or a larger driving licence satisfies the lower one
//!   (`assets/match/certificate_implies.csv`, e.g. 용접산업기사 ⊃ 용접기능사,
//!   제1종 대형 ⊃ 제1종 보통). Names the list does not know compare by their
//!   text without those words and whitespace, ASCII case ignored
//!   ("ABC 인증 취득" = "abc인증").
//! - the **commute** (distance between the two 시군구 centroids) exceeds the
//!   seeker's `max_commute_km`, **unless the vacancy offers 기숙사 and the
//!   seeker is `willing_to_relocate`** (기숙사 입주 가능 / 이주 의향): they
//!   can live there, so housing lifts the limit (reason "기숙사 제공 (이주
//!   가능, 거리 제한 예외)"). For everybody else a 기숙사 vacancy beyond the
//!   limit is infeasible like any other: most people will not move, and
//!   "unknown" is read as "would not". A 통근버스 does not lift the limit; it
//!   only softens the score. A seeker with no `max_commute_km` has no limit.
//! - the vacancy is **shift work** and the seeker does not accept shifts.
//! - the vacancy has **no headcount** left.
//!
//! # Score (points out of 100)
//! | signal | points |
//! |---|---|
//! | occupation: best of the desired codes | same code 30, same middle group 26, related middle groups 30 × weight (0.3–0.7, `assets/match/keco_related.csv`), same major group 8, else 0 |
//! | occupation, no 희망 직종 stated | the same levels against the KECO middle groups of the trade certificates held, at 60 % (same middle group 15.6); 보통 운전면허 say nothing, 컴퓨터활용능력·워드 count only without a trade certificate (`assets/match/certificate_occupation.csv`); none: 0 |
//! | certificates | 10 shared equally among the listed (required + preferred) ones; the held ones' shares count. None listed: 5 |
//! | skills | 15 shared among the listed ones by rarity (IDF over all vacancies: ln((1+N)/(1+df)) + 1); the held ones' shares count. Spellings unify through `assets/match/skill_synonyms.csv`. None listed: 7.5 |
//! | experience | 10 at or above the minimum, else 10 × held/required months |
//! | wage | 10 when the offer meets the wish, falling linearly to 0 at 20 % below; 5 when either is unknown |
//! | commute | 25 / (1 + (d / h)³), h = 60 % of the limit (of 30 km for seekers who gave none): flat for the first km, half at h, under a fifth at the limit; a 통근버스 counts the distance at 60 %; 기숙사 guarantees 12.5 to a seeker willing to relocate |
//!
//! Why these weights (commute the largest single signal after occupation,
//! certificates read for a seeker who stated no occupation) is argued in
//! [`score`]. Shift work that the seeker accepts and open headcount earn
//! nothing: they are constraints, not preferences. `birth_year` is read but
//! never scored (고용상 연령차별금지법). Points are integer centi-points
//! inside, so the reasons add up to the score exactly and ties are real;
//! ties are broken by id.
//!
//! # Invariants
//! - No IO, no clock, no randomness: the data tables are compiled in.
//! - The fast top-k scan returns exactly what scoring every pair and sorting
//!   would (tested against brute force), and no infeasible pair (tested by a
//!   property test against a separate straightforward check).
//! - Memory grows with seekers + vacancies, never with their product.

mod build;
mod certificate;
mod data;
mod explain;
mod index;
mod pair;
mod profile;
mod rank;
pub mod score;

pub use certificate::{certificate_keys, certificate_satisfies};
pub use data::{middle_relatedness, normalise as spelling_key, skill_key};
pub use explain::{Explanation, Reason, ReasonKind, Violation, ViolationKind};
pub use index::Caseload;
pub use pair::RequirementFit;
pub use profile::{
    MAX_EXPERIENCE_YEARS, MAX_WAGE_MONTHLY, OccupationExperience, SeekerProfile, Side,
    VacancyProfile, keco_is_known,
};
pub use rank::Ranked;

/// Why a caseload cannot be matched: a record the reference data cannot
/// place. `index` is the record's position in its list.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MatchError {
    #[error(
        "{side} {index}번 ({id}): {field}의 '{code}'은(는) 알 수 없는 직업분류(KECO) 코드입니다."
    )]
    UnknownKeco {
        side: Side,
        index: usize,
        id: String,
        field: &'static str,
        code: String,
    },
    #[error("{side} {index}번 ({id}): {field}의 '{code}'은(는) 알 수 없는 시군구 코드입니다.")]
    UnknownSigungu {
        side: Side,
        index: usize,
        id: String,
        field: &'static str,
        code: String,
    },
    #[error("{side} {index}번 ({id}): {field} 값 {value}이(가) 범위를 벗어났습니다.")]
    OutOfRange {
        side: Side,
        index: usize,
        id: String,
        field: &'static str,
        value: String,
    },
    #[error("{side} {index}번: id가 비어 있습니다.")]
    EmptyId { side: Side, index: usize },
    #[error("{side} {index}번: id '{id}'가 {first}번과 겹칩니다.")]
    DuplicateId {
        side: Side,
        index: usize,
        first: usize,
        id: String,
    },
    #[error("구직자 {seekers}명, 구인 {vacancies}건은 한 번에 매칭할 수 있는 수를 넘습니다.")]
    TooMany { seekers: usize, vacancies: usize },
}

impl MatchError {
    /// A stable code the UI can switch on.
    pub fn code(&self) -> &'static str {
        match self {
            MatchError::UnknownKeco { .. } => "unknown_keco",
            MatchError::UnknownSigungu { .. } => "unknown_sigungu",
            MatchError::OutOfRange { .. } => "out_of_range",
            MatchError::EmptyId { .. } => "empty_id",
            MatchError::DuplicateId { .. } => "duplicate_id",
            MatchError::TooMany { .. } => "too_many",
        }
    }

    /// Which record is at fault (its list and position), when one is.
    pub fn record(&self) -> Option<(Side, usize)> {
        match self {
            MatchError::UnknownKeco { side, index, .. }
            | MatchError::UnknownSigungu { side, index, .. }
            | MatchError::OutOfRange { side, index, .. }
            | MatchError::EmptyId { side, index }
            | MatchError::DuplicateId { side, index, .. } => Some((*side, *index)),
            MatchError::TooMany { .. } => None,
        }
    }

    /// What is wrong, in Korean, without naming the record: for callers
    /// that name it their own way (a file's line number).
    pub fn problem_ko(&self) -> String {
        match self {
            MatchError::UnknownKeco { field, code, .. } => {
                format!("{field}의 '{code}'은(는) 알 수 없는 직업분류(KECO) 코드입니다.")
            }
            MatchError::UnknownSigungu { field, code, .. } => {
                format!("{field}의 '{code}'은(는) 알 수 없는 시군구 코드입니다.")
            }
            MatchError::OutOfRange { field, value, .. } => {
                format!("{field} 값 {value}이(가) 범위를 벗어났습니다.")
            }
            MatchError::EmptyId { .. } => "id가 비어 있습니다.".into(),
            MatchError::DuplicateId { id, .. } => format!("id '{id}'가 앞의 기록과 겹칩니다."),
            MatchError::TooMany { .. } => self.to_string(),
        }
    }
}
