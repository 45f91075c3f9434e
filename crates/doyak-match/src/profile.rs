//! The engine's input records (one job seeker, one vacancy), as the CLI reads
//! them from JSON Lines, and their validation against the reference data.

use crate::MatchError;
use doyak_domain::KecoCode;
use serde::{Deserialize, Serialize};

/// Highest monthly wage accepted (10억원): far above any real wage, low enough
/// that the wage arithmetic cannot overflow.
pub const MAX_WAGE_MONTHLY: i64 = 1_000_000_000;
/// Longest working life accepted, in years.
pub const MAX_EXPERIENCE_YEARS: f32 = 70.0;

/// Years worked in one occupation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OccupationExperience {
    /// KECO code at any level.
    pub occupation: String,
    pub years: f32,
}

/// A job seeker (구직자) as the matcher sees them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeekerProfile {
    pub id: String,
    /// Read but deliberately not scored: 고용상 연령차별금지법 forbids
    /// matching on age.
    #[serde(default)]
    pub birth_year: Option<i32>,
    /// 거주지 5-digit 시군구 code; commute distance starts here.
    pub sigungu: String,
    /// 희망 직종, KECO codes at any level ("8", "82", or finer).
    #[serde(default)]
    pub desired_occupations: Vec<String>,
    /// Certificate names as people write them ("용접", "지게차 면허").
    #[serde(default)]
    pub certificates: Vec<String>,
    #[serde(default)]
    pub skills: Vec<String>,
    /// 경력 in years; fractions allowed (1.5 = 1년 6개월). Compared in whole
    /// months, rounded to the nearest.
    #[serde(default)]
    pub experience_years: f32,
    /// 경력 in a stated occupation. It counts only toward a vacancy in the
    /// same KECO code, the same 중분류 or a related 중분류 (keco_related.csv):
    /// fifteen years of sales are no experience for a welding job.
    /// `experience_years` holds experience whose occupation is not known,
    /// which counts toward any vacancy.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub experience_by_occupation: Vec<OccupationExperience>,
    /// 희망 월 임금 (원).
    #[serde(default)]
    pub desired_wage_monthly: Option<i64>,
    /// 최대 통근 거리 (km). `None`: no hard limit; distance is still scored
    /// against [`crate::score::DEFAULT_COMMUTE_KM`].
    #[serde(default)]
    pub max_commute_km: Option<u32>,
    /// 교대근무 가능 여부.
    #[serde(default)]
    pub accepts_shift: bool,
    /// 기숙사 입주 가능 / 이주 의향: the seeker said they would move for a
    /// job that houses them. Only then does a vacancy's 기숙사 lift the
    /// commute limit and earn commute points (see the crate docs). Unknown
    /// counts as no: most people will not move, and offering a far job with
    /// a dormitory to someone who never said so wastes a referral.
    #[serde(default)]
    pub willing_to_relocate: bool,
}

/// A vacancy (구인) as the matcher sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VacancyProfile {
    pub id: String,
    pub company_id: String,
    /// KECO code of the job, at any level.
    pub occupation: String,
    /// 근무지 5-digit 시군구 code.
    pub sigungu: String,
    /// 제시 월 임금 (원).
    #[serde(default)]
    pub wage_monthly: Option<i64>,
    /// 필수 자격: a seeker missing one is never matched.
    #[serde(default)]
    pub required_certificates: Vec<String>,
    /// 우대 자격.
    #[serde(default)]
    pub preferred_certificates: Vec<String>,
    #[serde(default)]
    pub skills: Vec<String>,
    /// 필요 경력 (년).
    #[serde(default)]
    pub min_experience_years: Option<u32>,
    /// 교대근무 (2·3교대, 야간, 격일).
    #[serde(default)]
    pub shift_work: bool,
    /// Places still open; 0 means the vacancy is not ranked.
    pub headcount: u32,
    /// 기숙사 제공: lifts the commute limit for seekers willing to relocate
    /// (see the crate docs).
    #[serde(default)]
    pub housing: bool,
    /// 통근버스 운행: softens distance in the score.
    #[serde(default)]
    pub commute_bus: bool,
}

/// Which input list a record came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Seeker,
    Vacancy,
}

impl Side {
    pub fn label_ko(self) -> &'static str {
        match self {
            Side::Seeker => "구직자",
            Side::Vacancy => "구인",
        }
    }
}

impl std::fmt::Display for Side {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label_ko())
    }
}

/// Whether a KECO code is one the reference data can place: all digits, and
/// either a known major group (1 digit) or starting with a known middle group.
/// Finer codes cannot be checked further: the reference data stops at middle
/// groups.
pub fn keco_is_known(code: &str) -> bool {
    let code = KecoCode::from(code);
    let refdata = doyak_refdata::get();
    if code.as_str().is_empty() || !code.as_str().bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    match code.middle() {
        Some(middle) => refdata.keco(middle).is_some_and(|k| k.major.is_some()),
        None => code
            .major()
            .and_then(|m| refdata.keco(m))
            .is_some_and(|k| k.major.is_none()),
    }
}

fn check_sigungu(
    side: Side,
    index: usize,
    id: &str,
    field: &'static str,
    code: &str,
) -> Result<(), MatchError> {
    if doyak_refdata::get().sigungu(code).is_some() {
        Ok(())
    } else {
        Err(MatchError::UnknownSigungu {
            side,
            index,
            id: id.to_owned(),
            field,
            code: code.to_owned(),
        })
    }
}

fn check_keco(
    side: Side,
    index: usize,
    id: &str,
    field: &'static str,
    code: &str,
) -> Result<(), MatchError> {
    if keco_is_known(code) {
        Ok(())
    } else {
        Err(MatchError::UnknownKeco {
            side,
            index,
            id: id.to_owned(),
            field,
            code: code.to_owned(),
        })
    }
}

fn check_wage(
    side: Side,
    index: usize,
    id: &str,
    field: &'static str,
    wage: Option<i64>,
) -> Result<(), MatchError> {
    match wage {
        Some(w) if !(0..=MAX_WAGE_MONTHLY).contains(&w) => Err(MatchError::OutOfRange {
            side,
            index,
            id: id.to_owned(),
            field,
            value: w.to_string(),
        }),
        _ => Ok(()),
    }
}

fn check_id(side: Side, index: usize, id: &str) -> Result<(), MatchError> {
    if id.trim().is_empty() {
        Err(MatchError::EmptyId { side, index })
    } else {
        Ok(())
    }
}

impl SeekerProfile {
    /// Checks the codes and ranges; `index` is the record's position in its
    /// list (the CLI turns it into a line number).
    pub fn validate(&self, index: usize) -> Result<(), MatchError> {
        let side = Side::Seeker;
        check_id(side, index, &self.id)?;
        check_sigungu(side, index, &self.id, "sigungu", &self.sigungu)?;
        for code in &self.desired_occupations {
            check_keco(side, index, &self.id, "desired_occupations", code)?;
        }
        check_wage(
            side,
            index,
            &self.id,
            "desired_wage_monthly",
            self.desired_wage_monthly,
        )?;
        if !(0.0..=MAX_EXPERIENCE_YEARS).contains(&self.experience_years) {
            return Err(MatchError::OutOfRange {
                side,
                index,
                id: self.id.clone(),
                field: "experience_years",
                value: self.experience_years.to_string(),
            });
        }
        for e in &self.experience_by_occupation {
            check_keco(
                side,
                index,
                &self.id,
                "experience_by_occupation",
                &e.occupation,
            )?;
            if !(0.0..=MAX_EXPERIENCE_YEARS).contains(&e.years) {
                return Err(MatchError::OutOfRange {
                    side,
                    index,
                    id: self.id.clone(),
                    field: "experience_by_occupation",
                    value: e.years.to_string(),
                });
            }
        }
        Ok(())
    }
}

impl VacancyProfile {
    /// Checks the codes and ranges; `index` is the record's position in its
    /// list.
    pub fn validate(&self, index: usize) -> Result<(), MatchError> {
        let side = Side::Vacancy;
        check_id(side, index, &self.id)?;
        check_sigungu(side, index, &self.id, "sigungu", &self.sigungu)?;
        check_keco(side, index, &self.id, "occupation", &self.occupation)?;
        check_wage(side, index, &self.id, "wage_monthly", self.wage_monthly)?;
        if let Some(years) = self.min_experience_years
            && years as f32 > MAX_EXPERIENCE_YEARS
        {
            return Err(MatchError::OutOfRange {
                side,
                index,
                id: self.id.clone(),
                field: "min_experience_years",
                value: years.to_string(),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn seeker() -> SeekerProfile {
        SeekerProfile {
            id: "s1".into(),
            birth_year: Some(1980),
            sigungu: "41273".into(),
            desired_occupations: vec!["82".into()],
            certificates: vec![],
            skills: vec![],
            experience_years: 2.0,
            experience_by_occupation: vec![],
            desired_wage_monthly: Some(2_800_000),
            max_commute_km: Some(20),
            accepts_shift: false,
            willing_to_relocate: false,
        }
    }

    #[test]
    fn keco_codes_are_known_by_their_middle_or_major_group() {
        assert!(keco_is_known("82"), "82 is a middle group");
        assert!(keco_is_known("8"), "8 is a major group");
        assert!(
            keco_is_known("8211"),
            "finer codes are accepted when their middle group exists"
        );
        assert!(!keco_is_known("80"), "there is no middle group 80");
        assert!(!keco_is_known("8a"), "codes are digits");
        assert!(!keco_is_known(""), "an empty code names nothing");
    }

    #[test]
    fn validation_names_the_record_and_the_field() {
        let mut s = seeker();
        s.desired_occupations.push("99".into());
        let err = s.validate(7).expect_err("99 is no KECO middle group");
        assert_eq!(
            err.to_string(),
            "구직자 7번 (s1): desired_occupations의 '99'은(는) 알 수 없는 직업분류(KECO) 코드입니다."
        );
        assert_eq!(err.code(), "unknown_keco");
        let mut s = seeker();
        s.sigungu = "99999".into();
        assert!(matches!(
            s.validate(0),
            Err(MatchError::UnknownSigungu {
                index: 0,
                field: "sigungu",
                ..
            })
        ));
        let mut s = seeker();
        s.experience_years = f32::NAN;
        assert!(
            s.validate(0).is_err(),
            "NaN years would poison every comparison"
        );
    }

    #[test]
    fn serde_defaults_let_a_seeker_omit_relocation() {
        let s: SeekerProfile = serde_json::from_str(r#"{"id":"s1","sigungu":"41273"}"#)
            .expect("only the id and the 시군구 are required");
        assert!(
            !s.willing_to_relocate,
            "a seeker who was not asked is not assumed to move"
        );
    }

    #[test]
    fn serde_defaults_let_a_vacancy_omit_housing_and_bus() {
        let v: VacancyProfile = serde_json::from_str(
            r#"{"id":"v1","company_id":"c1","occupation":"82","sigungu":"41273","headcount":2}"#,
        )
        .expect("the optional fields default");
        assert!(!v.housing && !v.commute_bus && !v.shift_work);
        assert_eq!(v.validate(0), Ok(()));
    }
}
