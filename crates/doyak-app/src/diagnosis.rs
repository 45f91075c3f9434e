//! Job-seeker diagnosis (doyak-diagnosis) over JSON Lines files, for
//! `doyak diagnose --seekers FILE.jsonl [--vacancies FILE.jsonl]`: no
//! caseload needed, like `doyak match`. Reading is all or nothing: a file
//! with one bad line gives every bad line with its number and no results.

use crate::forms::parse_id;
use crate::matching::{SEEKER_FORMAT, VACANCY_FORMAT, read_records};
use crate::{AppError, Desk};
use chrono::NaiveDate;
use doyak_diagnosis::{Diagnoser, Diagnosis, SeekerInput, Training, WorkPeriod};
use doyak_domain::JobSeeker;
use doyak_interchange::JsonlKind;
use doyak_match::VacancyProfile;
use serde::Serialize;
use std::collections::HashMap;

/// The output record kind of docs/formats.md.
pub const DIAGNOSIS_FORMAT: &str = "doyak.diagnosis";
const VERSIONS: &[u32] = &[1];

/// One seeker's diagnosis, as `doyak diagnose` writes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DiagnosisLine {
    pub format: &'static str,
    pub version: u32,
    #[serde(flatten)]
    pub diagnosis: Diagnosis,
}

/// The files read and checked.
#[derive(Debug, Clone)]
pub struct DiagnosisInput {
    pub seekers: Vec<SeekerInput>,
    /// The open vacancies local demand is counted from, when a file was
    /// given.
    pub vacancies: Option<Vec<VacancyProfile>>,
}

/// Reads and checks the seekers (the matching seeker format, extended) and,
/// optionally, the vacancies. `*_name` name the files in messages.
pub fn load_files(
    seekers: &[u8],
    seekers_name: &str,
    vacancies: Option<(&[u8], &str)>,
) -> Result<DiagnosisInput, AppError> {
    let mut problems = Vec::new();
    let vacancies_name = vacancies.map_or("", |(_, name)| name);
    let seeker_kind = JsonlKind {
        format: SEEKER_FORMAT,
        versions: VERSIONS,
    };
    let read_seekers: Option<Vec<(usize, SeekerInput)>> =
        read_records(seekers, seekers_name, seeker_kind, &mut problems);
    let read_vacancies: Option<Option<Vec<(usize, VacancyProfile)>>> = match vacancies {
        None => Some(None),
        Some((bytes, name)) => {
            let kind = JsonlKind {
                format: VACANCY_FORMAT,
                versions: VERSIONS,
            };
            read_records(bytes, name, kind, &mut problems).map(Some)
        }
    };
    let (Some(seekers), Some(vacancies)) = (read_seekers, read_vacancies) else {
        return Err(AppError::DiagnosisInput { problems });
    };
    let mut first_line: HashMap<&str, usize> = HashMap::new();
    for (line, s) in &seekers {
        if let Err(e) = s.validate() {
            problems.push(format!("{seekers_name} {line}행: {}", e.problem_ko()));
        }
        if let Some(&first) = first_line.get(s.id.as_str()) {
            problems.push(format!(
                "{seekers_name} {line}행: id '{}'가 {first}행과 겹칩니다.",
                s.id
            ));
        } else {
            first_line.insert(s.id.as_str(), *line);
        }
    }
    for (i, (line, v)) in vacancies.iter().flatten().enumerate() {
        if let Err(e) = v.validate(i) {
            problems.push(format!("{vacancies_name} {line}행: {}", e.problem_ko()));
        }
    }
    if !problems.is_empty() {
        return Err(AppError::DiagnosisInput { problems });
    }
    Ok(DiagnosisInput {
        seekers: seekers.into_iter().map(|(_, s)| s).collect(),
        vacancies: vacancies.map(|v| v.into_iter().map(|(_, v)| v).collect()),
    })
}

/// Every seeker's diagnosis with its `top` occupations, in input order, on
/// `threads` threads (the result does not depend on how many).
pub fn diagnose_all(input: &DiagnosisInput, top: usize, threads: usize) -> Vec<DiagnosisLine> {
    let diagnoser = Diagnoser::new(input.vacancies.as_deref());
    let threads = threads.clamp(1, input.seekers.len().max(1));
    let chunk = input.seekers.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = input
            .seekers
            .chunks(chunk)
            .map(|part| {
                let diagnoser = &diagnoser;
                scope.spawn(move || {
                    part.iter()
                        .map(|s| DiagnosisLine {
                            format: DIAGNOSIS_FORMAT,
                            version: 1,
                            diagnosis: diagnoser.diagnose(s, top),
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// A caseload seeker as the diagnosis reads them. Months of work run from
/// a job's start to its end (or `today`); a job with no start day or no
/// KECO occupation the reference data knows says nothing about a unit and
/// is left out. The record keeps no course hours yet, so a course counts as
/// taken of unknown length: it can show a unit 일부, never in full.
pub(crate) fn seeker_input(s: &JobSeeker, today: NaiveDate) -> SeekerInput {
    let work_history = s
        .work_history
        .iter()
        .filter_map(|w| {
            let code = w
                .occupation
                .as_ref()
                .filter(|c| doyak_match::keco_is_known(c.as_str()))?;
            let start = w.starts_on?;
            let end = w.ends_on.unwrap_or(today).min(today);
            let months = ((end - start).num_days().max(0) as f64 / 30.4375).round() as u32;
            Some(WorkPeriod {
                occupation: code.to_string(),
                months: months.min(doyak_diagnosis::MAX_MONTHS),
                employer: Some(w.employer.clone()),
            })
        })
        .collect();
    SeekerInput {
        id: s.id.to_string(),
        sigungu: None,
        desired_occupations: s
            .desired_occupations
            .iter()
            .map(|c| c.to_string())
            .filter(|c| doyak_match::keco_is_known(c))
            .collect(),
        certificates: s.certificates.iter().map(|c| c.name.clone()).collect(),
        skills: s.skills.clone(),
        work_history,
        experience_by_occupation: Vec::new(),
        training: s
            .training
            .iter()
            .filter(|t| !t.course.trim().is_empty())
            .map(|t| Training {
                name: t.course.clone(),
                hours: 0,
            })
            .collect(),
        education: None,
    }
}

impl Desk {
    /// One seeker's diagnosis against every profile, with local demand from
    /// the caseload's open vacancies (places left > 0).
    pub fn diagnose_seeker(&self, id: &str, top: usize) -> Result<Diagnosis, AppError> {
        let seeker = self.seeker(parse_id(id)?)?;
        let input = seeker_input(&seeker, self.clock.today());
        input.validate().map_err(|e| AppError::DiagnosisInput {
            problems: vec![e.to_string()],
        })?;
        let pool = self.match_pool()?;
        let diagnoser = Diagnoser::new(Some(pool.caseload.vacancies()));
        Ok(diagnoser.diagnose(&input, top))
    }
}
