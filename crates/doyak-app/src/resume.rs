//! Résumé consulting over files (`doyak resume analyse`): read a file a
//! seeker brought, analyse it against the rubric and, when asked, one
//! vacancy of a matching JSON Lines file. The engine is doyak-resume; this
//! layer names files in errors and turns a vacancy record into what the
//! engine reads.

use doyak_interchange::JsonlKind;
use doyak_match::VacancyProfile;
use doyak_resume::{Analysis, Options, Vacancy, YearMonth};
use serde::Serialize;

use crate::AppError;
use crate::matching::{VACANCY_FORMAT, read_records};
pub use crate::report::{resume_document, resume_pdf};

/// Reads and analyses one file. `name` is the file's name (its extension
/// helps tell the format) and names it in the error.
pub fn analyse_file(name: &str, bytes: &[u8], options: &Options) -> Result<Analysis, AppError> {
    let document =
        doyak_resume::read::read_document(name, bytes).map_err(|source| AppError::ResumeRead {
            file: name.to_owned(),
            source,
        })?;
    // The engine is pure and tested on arbitrary text, but a file that finds
    // a bug must cost its own analysis, never the batch or the desk.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        doyak_resume::analyse(&document, options)
    }))
    .map_err(|_| AppError::ResumeRead {
        file: name.to_owned(),
        source: doyak_resume::read::ReadError::Broken {
            detail: "분석 중 내부 오류".into(),
        },
    })
}

/// The vacancy `id` of a matching vacancy file (docs/formats.md,
/// `doyak.match.vacancy`), as the résumé engine reads it: its certificates,
/// skills and job (the KECO name stands in for a title).
pub fn vacancy_from_file(bytes: &[u8], name: &str, id: &str) -> Result<Vacancy, AppError> {
    let mut problems = Vec::new();
    let kind = JsonlKind {
        format: VACANCY_FORMAT,
        versions: &[1],
    };
    let Some(records) = read_records::<VacancyProfile>(bytes, name, kind, &mut problems) else {
        return Err(AppError::ResumeInput { problems });
    };
    let Some((_, v)) = records.into_iter().find(|(_, v)| v.id == id) else {
        return Err(AppError::ResumeInput {
            problems: vec![format!("{name}: 구인 ID '{id}'가 없습니다.")],
        });
    };
    let title = doyak_refdata::get()
        .keco(&v.occupation)
        .map(|k| k.name_ko.clone())
        .unwrap_or_default();
    Ok(Vacancy {
        id: v.id,
        title,
        occupation: Some(v.occupation),
        required_certificates: v.required_certificates,
        preferred_certificates: v.preferred_certificates,
        skills: v.skills,
        text: String::new(),
    })
}

/// One line of `doyak resume analyse --batch`: the file and its analysis,
/// or the file and why it was not read.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum BatchLine {
    Analysed {
        file: String,
        #[serde(flatten)]
        analysis: Box<Analysis>,
    },
    Unread {
        format: &'static str,
        version: u32,
        file: String,
        error: BatchError,
    },
}

#[derive(Debug, Serialize)]
pub struct BatchError {
    pub code: &'static str,
    pub message: String,
}

impl BatchLine {
    pub fn of(name: &str, result: Result<Analysis, AppError>) -> BatchLine {
        match result {
            Ok(analysis) => BatchLine::Analysed {
                file: name.to_owned(),
                analysis: Box::new(analysis),
            },
            Err(e) => BatchLine::Unread {
                format: doyak_resume::FORMAT,
                version: doyak_resume::FORMAT_VERSION,
                file: name.to_owned(),
                error: BatchError {
                    code: e.code().as_str(),
                    message: e.to_string(),
                },
            },
        }
    }
}

/// "YYYY-MM" for `--as-of`.
pub fn parse_month(s: &str) -> Result<YearMonth, AppError> {
    YearMonth::parse(s).ok_or_else(|| AppError::ResumeInput {
        problems: vec![format!(
            "--as-of '{s}': YYYY-MM 형식(예: 2026-12)이어야 합니다."
        )],
    })
}
