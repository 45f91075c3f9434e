//! What the engine reads about a job seeker: the matching seeker format
//! (docs/formats.md) extended with a work history, training and education.
//! Fields diagnosis does not use (commute, wage, shifts) are accepted so one
//! file serves both `doyak match` and `doyak diagnose`.

use crate::DiagnosisError;
use crate::data::{Slots, normalise, same_lineage};
use serde::{Deserialize, Serialize};

/// Longest working life accepted, in months (70 years).
pub const MAX_MONTHS: u32 = 70 * 12;
/// Longest training accepted, in hours (four years full time).
pub const MAX_TRAINING_HOURS: u32 = 8_000;

/// Months worked in one occupation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkPeriod {
    /// KECO code at any level ("82", "8241").
    pub occupation: String,
    pub months: u32,
    /// 근무처, for the counselor's eyes only; never scored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employer: Option<String>,
}

/// A training course taken (직업훈련, 교육).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Training {
    pub name: String,
    #[serde(default)]
    pub hours: u32,
}

/// Years worked in one occupation, as the matching format writes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YearsInOccupation {
    pub occupation: String,
    pub years: f32,
}

/// A job seeker as the diagnosis sees them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SeekerInput {
    pub id: String,
    /// 거주지 시군구; diagnosis reads it only to check it.
    #[serde(default)]
    pub sigungu: Option<String>,
    /// 희망 직종, KECO codes at any level.
    #[serde(default)]
    pub desired_occupations: Vec<String>,
    /// Certificate names as people write them ("용접", "지게차 면허").
    #[serde(default)]
    pub certificates: Vec<String>,
    #[serde(default)]
    pub skills: Vec<String>,
    /// 경력 by occupation.
    #[serde(default)]
    pub work_history: Vec<WorkPeriod>,
    /// The matching format's 경력 by occupation, in years; read as months
    /// of work history.
    #[serde(default)]
    pub experience_by_occupation: Vec<YearsInOccupation>,
    #[serde(default)]
    pub training: Vec<Training>,
    /// 최종 학력, as written; shown, not scored (no profile asks for one).
    #[serde(default)]
    pub education: Option<String>,
}

/// The seeker read once against the profiles' distinct evidence values
/// ([`crate::data::Slots`]): which certificate and skill keys are held,
/// the months in each experience code and the hours behind each training
/// pattern. Evidence is then checked by index.
#[derive(Debug, Clone, Default)]
pub(crate) struct Held {
    certificates: Vec<bool>,
    skills: Vec<bool>,
    /// (months in the code or a finer one, months in a coarser one).
    months: Vec<(u32, u32)>,
    training: Vec<Option<u32>>,
    /// (KECO code, months), for the experience part.
    pub work: Vec<(String, u32)>,
    pub desired: Vec<String>,
    /// How many certificates, skills and courses were given (for notes).
    pub given: usize,
}

impl Held {
    pub fn has_certificate(&self, slot: usize) -> bool {
        self.certificates[slot]
    }

    pub fn has_skill(&self, slot: usize) -> bool {
        self.skills[slot]
    }

    /// Months worked in the experience code of this slot or a finer code
    /// of it (a 용접원 job is 용접원 experience, also when the evidence asks
    /// for 중분류 82), and months in a coarser code (a job written only as
    /// "82" may or may not have been 용접원).
    pub fn months_in(&self, slot: usize) -> (u32, u32) {
        self.months[slot]
    }

    /// Hours of training whose name contains the slot's pattern; `None`
    /// when no course does (a course of unknown length is `Some(0)`).
    pub fn training_hours(&self, slot: usize) -> Option<u32> {
        self.training[slot]
    }
}

impl SeekerInput {
    /// Checks the record against the reference data; `index` is its
    /// position in its list (the CLI turns it into a line number).
    pub fn validate(&self) -> Result<(), DiagnosisError> {
        let bad = |field: &'static str, problem: String| DiagnosisError::Field {
            id: self.id.clone(),
            field,
            problem,
        };
        if self.id.trim().is_empty() {
            return Err(bad("id", "id가 비어 있습니다.".into()));
        }
        if let Some(code) = &self.sigungu
            && doyak_refdata::get().sigungu(code).is_none()
        {
            return Err(bad(
                "sigungu",
                format!("'{code}'은(는) 알 수 없는 시군구 코드입니다."),
            ));
        }
        let keco = |field: &'static str, code: &str| {
            if doyak_match::keco_is_known(code) {
                Ok(())
            } else {
                Err(bad(
                    field,
                    format!("'{code}'은(는) 알 수 없는 직업분류(KECO) 코드입니다."),
                ))
            }
        };
        for code in &self.desired_occupations {
            keco("desired_occupations", code)?;
        }
        for period in &self.work_history {
            keco("work_history", &period.occupation)?;
            if period.months > MAX_MONTHS {
                return Err(bad(
                    "work_history",
                    format!(
                        "{}개월은 범위(0–{MAX_MONTHS})를 벗어났습니다.",
                        period.months
                    ),
                ));
            }
        }
        for period in &self.experience_by_occupation {
            keco("experience_by_occupation", &period.occupation)?;
            if !(0.0..=70.0).contains(&period.years) {
                return Err(bad(
                    "experience_by_occupation",
                    format!("{}년은 범위(0–70)를 벗어났습니다.", period.years),
                ));
            }
        }
        for course in &self.training {
            if normalise(&course.name).is_empty() {
                return Err(bad("training", "훈련 이름이 비어 있습니다.".into()));
            }
            if course.hours > MAX_TRAINING_HOURS {
                return Err(bad(
                    "training",
                    format!(
                        "{} {}시간은 범위(0–{MAX_TRAINING_HOURS})를 벗어났습니다.",
                        course.name, course.hours
                    ),
                ));
            }
        }
        Ok(())
    }

    pub(crate) fn held(&self, slots: &Slots) -> Held {
        let mut certificates = vec![false; slots.certificates.len()];
        for key in self
            .certificates
            .iter()
            .flat_map(|c| doyak_match::certificate_keys(c))
        {
            if let Some(&i) = slots.certificate_at.get(&key) {
                certificates[i] = true;
            }
        }
        let mut skills = vec![false; slots.skills.len()];
        for skill in &self.skills {
            if let Some(&i) = slots.skill_at.get(&doyak_match::skill_key(skill)) {
                skills[i] = true;
            }
        }
        let work: Vec<(String, u32)> = self
            .work_history
            .iter()
            .map(|p| (p.occupation.clone(), p.months))
            .chain(self.experience_by_occupation.iter().map(|p| {
                // Whole months, rounded to the nearest, as matching reads years.
                (p.occupation.clone(), (p.years * 12.0).round() as u32)
            }))
            .collect();
        let months = slots
            .experience
            .iter()
            .map(|code| {
                let sum = |coarser: bool| -> u32 {
                    work.iter()
                        .filter(|(c, _)| same_lineage(c, code) && (c.len() < code.len()) == coarser)
                        .map(|(_, m)| m)
                        .sum()
                };
                (sum(false), sum(true))
            })
            .collect();
        let courses: Vec<(String, u32)> = self
            .training
            .iter()
            .map(|t| (normalise(&t.name), t.hours))
            .collect();
        let training = slots
            .training
            .iter()
            .map(|pattern| {
                courses
                    .iter()
                    .filter(|(n, _)| n.contains(pattern.as_str()))
                    .map(|(_, h)| *h)
                    .reduce(|a, b| a + b)
            })
            .collect();
        Held {
            certificates,
            skills,
            months,
            training,
            work,
            desired: self.desired_occupations.clone(),
            given: self.certificates.len() + self.skills.len() + self.training.len(),
        }
    }
}
