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
    analyse_guarded(name, &document, options)
}

/// The engine is pure and tested on arbitrary text, but a file that finds
/// a bug must cost its own analysis, never the batch or the desk.
fn analyse_guarded(
    name: &str,
    document: &doyak_resume::read::Document,
    options: &Options,
) -> Result<Analysis, AppError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        doyak_resume::analyse(document, options)
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

/// One version of a seeker's résumé, as the desk lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ResumeFileView {
    pub id: String,
    pub version: u32,
    pub file_name: String,
    #[ts(type = "number")]
    pub size: u64,
    /// The version an edited text was made from.
    pub based_on: Option<u32>,
    pub added_at: String,
}

impl From<doyak_store::ResumeFileMeta> for ResumeFileView {
    fn from(m: doyak_store::ResumeFileMeta) -> Self {
        ResumeFileView {
            id: m.id,
            version: m.version,
            file_name: m.file_name,
            size: m.size,
            based_on: m.based_on,
            added_at: m.added_at,
        }
    }
}

/// A résumé version analysed: the lines the spans point into, and the
/// analysis.
#[derive(Debug, Clone, Serialize)]
pub struct ResumeAnalysisView {
    pub file: ResumeFileView,
    pub lines: Vec<String>,
    pub analysis: Analysis,
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl crate::Desk {
    /// Keeps a résumé file the seeker brought as the seeker's next version
    /// (encrypted with the caseload, never synced, never logged). A file
    /// that cannot be read as a résumé (no text, encrypted, broken, HWP 5,
    /// too large) is refused with its Korean reason and nothing is kept: a
    /// file the engine cannot read would only be a file nobody can use.
    pub fn attach_resume(
        &mut self,
        seeker_id: &str,
        path: &std::path::Path,
    ) -> Result<ResumeFileView, AppError> {
        let seeker = crate::forms::parse_id(seeker_id)?;
        self.seeker(seeker)?;
        let bytes = crate::files::read_import_file(path)?;
        let name = path
            .file_name()
            .map_or_else(|| "이력서".to_owned(), |n| n.to_string_lossy().into_owned());
        doyak_resume::read::read_document(&name, &bytes).map_err(|source| {
            AppError::ResumeRead {
                file: name.clone(),
                source,
            }
        })?;
        self.keep_resume(seeker, &name, &bytes, None, "이력서 파일")
    }

    /// Keeps the counselor's edit of a version's text as the next version
    /// (before/after stay side by side; nothing is overwritten).
    pub fn save_edited_resume(
        &mut self,
        seeker_id: &str,
        based_on: u32,
        text: &str,
    ) -> Result<ResumeFileView, AppError> {
        let seeker = crate::forms::parse_id(seeker_id)?;
        self.seeker(seeker)?;
        if !self
            .store
            .resume_files(seeker)?
            .iter()
            .any(|f| f.version == based_on)
        {
            return Err(AppError::NotFound {
                what: "이력서 판"
            });
        }
        if text.trim().is_empty() || text.len() > doyak_resume::read::MAX_BYTES {
            return Err(AppError::ResumeRead {
                file: format!("수정본 (판 {based_on})"),
                source: if text.trim().is_empty() {
                    doyak_resume::read::ReadError::NoText
                } else {
                    doyak_resume::read::ReadError::TooLarge {
                        size: text.len(),
                        limit: doyak_resume::read::MAX_BYTES,
                    }
                },
            });
        }
        let name = format!("이력서-수정본-{based_on}.txt");
        self.keep_resume(
            seeker,
            &name,
            text.as_bytes(),
            Some(based_on),
            "이력서 수정본",
        )
    }

    fn keep_resume(
        &mut self,
        seeker: doyak_domain::Id,
        name: &str,
        bytes: &[u8],
        based_on: Option<u32>,
        audit_detail: &str,
    ) -> Result<ResumeFileView, AppError> {
        let id = self.new_id();
        let sha = sha256_hex(bytes);
        let ctx = self.write_ctx();
        self.store.write(&ctx, |w| {
            w.add_resume_file(doyak_store::NewResumeFile {
                id,
                seeker_id: seeker,
                file_name: name,
                sha256: &sha,
                bytes,
                based_on,
                audit_detail,
            })
        })?;
        let meta = self
            .store
            .resume_files(seeker)?
            .into_iter()
            .find(|f| f.id == id.to_string())
            .ok_or(AppError::NotFound {
                what: "이력서 판"
            })?;
        Ok(meta.into())
    }

    /// The seeker's résumé versions, newest first.
    pub fn resume_files(&self, seeker_id: &str) -> Result<Vec<ResumeFileView>, AppError> {
        let seeker = crate::forms::parse_id(seeker_id)?;
        // A seeker moved to another center or deleted shows no files here.
        self.seeker(seeker)?;
        Ok(self
            .store
            .resume_files(seeker)?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// One version analysed as of this month: judged by the rubric of the
    /// seeker's 희망 직종 (else what the résumé names most) and, when given,
    /// against one of the center's vacancies.
    pub fn resume_analysis(
        &self,
        seeker_id: &str,
        file_id: &str,
        vacancy_id: Option<&str>,
    ) -> Result<ResumeAnalysisView, AppError> {
        let seeker_id = crate::forms::parse_id(seeker_id)?;
        let seeker = self.seeker(seeker_id)?;
        let Some((meta, bytes)) = self.store.resume_file(seeker_id, file_id)? else {
            return Err(AppError::NotFound {
                what: "이력서 판"
            });
        };
        let document =
            doyak_resume::read::read_document(&meta.file_name, &bytes).map_err(|source| {
                AppError::ResumeRead {
                    file: meta.file_name.clone(),
                    source,
                }
            })?;
        let (options, _) = self.resume_options(&seeker, vacancy_id)?;
        let lines = doyak_resume::text::lines(&document)
            .into_iter()
            .map(|l| l.text)
            .collect();
        let analysis = analyse_guarded(&meta.file_name, &document, &options)?;
        Ok(ResumeAnalysisView {
            file: meta.into(),
            lines,
            analysis,
        })
    }
}

impl crate::Desk {
    /// What an analysis of this seeker's résumé is asked: this month, the
    /// rubric of the seeker's 희망 직종 (else what the résumé names most),
    /// or the vacancy's when one is given; with the vacancy's title.
    fn resume_options(
        &self,
        seeker: &doyak_domain::JobSeeker,
        vacancy_id: Option<&str>,
    ) -> Result<(Options, Option<String>), AppError> {
        let vacancy = match vacancy_id {
            Some(v) => {
                let id = crate::forms::parse_id(v)?;
                let v: doyak_domain::Vacancy = self
                    .store
                    .get(id)?
                    .ok_or(AppError::NotFound { what: "구인" })?;
                Some(Vacancy {
                    id: v.id.to_string(),
                    title: v.title.clone(),
                    occupation: Some(v.occupation.to_string()),
                    required_certificates: v.required_certificates.clone(),
                    preferred_certificates: v.preferred_certificates.clone(),
                    skills: v.skills.clone(),
                    text: v.note.clone().unwrap_or_default(),
                })
            }
            None => None,
        };
        let industry = seeker
            .desired_occupations
            .iter()
            .find_map(|k| doyak_resume::RUBRICS.industry_of_keco(&k.to_string()))
            .map(|i| i.id.clone())
            .filter(|_| vacancy.is_none());
        let today = self.clock.today();
        let options = Options {
            as_of: YearMonth {
                year: chrono::Datelike::year(&today),
                month: chrono::Datelike::month(&today),
            },
            industry,
            vacancy,
        };
        let title = options.vacancy.as_ref().map(|v| v.title.clone());
        Ok((options, title))
    }

    /// One version analysed for the 이력서 tab.
    pub fn resume_desk_view(
        &self,
        seeker_id: &str,
        file_id: &str,
        vacancy_id: Option<&str>,
    ) -> Result<crate::ResumeDeskView, AppError> {
        let view = self.resume_analysis(seeker_id, file_id, vacancy_id)?;
        let seeker = self.seeker(crate::forms::parse_id(seeker_id)?)?;
        let vacancy = self.resume_options(&seeker, vacancy_id)?.1;
        Ok(crate::resume_view::desk_view(
            &seeker,
            view.file,
            view.lines,
            &view.analysis,
            vacancy,
        ))
    }

    /// The counselor's unsaved edit of a version, analysed by the same
    /// rules (the tab re-runs it as they type; nothing is kept until they
    /// save it as a new version).
    pub fn resume_edit_view(
        &self,
        seeker_id: &str,
        file_id: &str,
        text: &str,
        vacancy_id: Option<&str>,
    ) -> Result<crate::ResumeDeskView, AppError> {
        let id = crate::forms::parse_id(seeker_id)?;
        let seeker = self.seeker(id)?;
        let Some((meta, _)) = self.store.resume_file(id, file_id)? else {
            return Err(AppError::NotFound {
                what: "이력서 판"
            });
        };
        if text.len() > doyak_resume::read::MAX_BYTES {
            return Err(AppError::ResumeRead {
                file: format!("수정본 (판 {})", meta.version),
                source: doyak_resume::read::ReadError::TooLarge {
                    size: text.len(),
                    limit: doyak_resume::read::MAX_BYTES,
                },
            });
        }
        let (options, vacancy) = self.resume_options(&seeker, vacancy_id)?;
        let name = meta.file_name.clone();
        let analysis = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            doyak_resume::analyse_text(text, &options)
        }))
        .map_err(|_| AppError::ResumeRead {
            file: name,
            source: doyak_resume::read::ReadError::Broken {
                detail: "분석 중 내부 오류".into(),
            },
        })?;
        let lines = doyak_resume::text::lines_of_text(text)
            .into_iter()
            .map(|l| l.text)
            .collect();
        Ok(crate::resume_view::desk_view(
            &seeker,
            meta.into(),
            lines,
            &analysis,
            vacancy,
        ))
    }
}

/// What the counselor confirmed from an analysed version: certificates and
/// employments by their place in [`ResumeAnalysisView::analysis`] (so what
/// goes into the record is what the engine read, nothing retyped).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize, Serialize, ts_rs::TS)]
pub struct ResumeConfirmForm {
    pub seeker_id: String,
    pub file_id: String,
    pub certificates: Vec<u32>,
    pub employments: Vec<u32>,
}

/// What confirming added to the seeker's record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ResumeConfirmed {
    pub certificates_added: u32,
    pub employments_added: u32,
    /// Confirmed items the record already had.
    pub already_there: u32,
}

fn first_day(m: YearMonth) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(m.year, m.month, 1)
}

fn last_day(m: YearMonth) -> Option<chrono::NaiveDate> {
    let next = YearMonth::from_index(m.index() + 1);
    first_day(next).and_then(|d| d.pred_opt())
}

impl crate::Desk {
    /// Writes the confirmed certificates and employments into the seeker's
    /// record (matching and diagnosis then use them). Only a certificate
    /// the résumé says is held can be confirmed — a 필기 pass or a plan is
    /// not the certificate — and only an employment with a company name.
    /// One already on the record is not added twice.
    pub fn confirm_resume_facts(
        &mut self,
        form: &ResumeConfirmForm,
    ) -> Result<ResumeConfirmed, AppError> {
        let view = self.resume_analysis(&form.seeker_id, &form.file_id, None)?;
        let seeker_id = crate::forms::parse_id(&form.seeker_id)?;
        let mut seeker = self.seeker(seeker_id)?;
        let mut errors = Vec::new();
        let mut done = ResumeConfirmed {
            certificates_added: 0,
            employments_added: 0,
            already_there: 0,
        };
        for &i in &form.certificates {
            let Some(c) = view.analysis.certificates.get(i as usize) else {
                errors.push(doyak_domain::FieldError::new(
                    "certificates",
                    "자격",
                    format!("{}번째 자격이 분석 결과에 없습니다.", i + 1),
                ));
                continue;
            };
            if c.status != doyak_resume::CertificateStatus::Held {
                errors.push(doyak_domain::FieldError::new(
                    "certificates",
                    "자격",
                    format!(
                        "{}: {} — 취득한 자격만 기록에 옮깁니다.",
                        c.name,
                        c.status.name_ko()
                    ),
                ));
                continue;
            }
            let name = c.national.clone().unwrap_or_else(|| c.name.clone());
            if crate::resume_view::record_has_certificate(&seeker, &name) {
                done.already_there += 1;
                continue;
            }
            seeker
                .certificates
                .push(doyak_domain::seeker::HeldCertificate {
                    name,
                    qualification_id: c.id.clone(),
                    acquired_on: None,
                });
            done.certificates_added += 1;
        }
        for &i in &form.employments {
            let Some(e) = view.analysis.employments.get(i as usize) else {
                errors.push(doyak_domain::FieldError::new(
                    "employments",
                    "경력",
                    format!("{}번째 경력이 분석 결과에 없습니다.", i + 1),
                ));
                continue;
            };
            if let Some(why) = crate::resume_view::employment_blocked(e, view.analysis.as_of) {
                errors.push(doyak_domain::FieldError::new("employments", "경력", why));
                continue;
            }
            let Some(company) = e.company.clone() else {
                continue;
            };
            let starts_on = first_day(e.start);
            if crate::resume_view::record_has_employment(&seeker, &company, e.start) {
                done.already_there += 1;
                continue;
            }
            seeker
                .work_history
                .push(doyak_domain::seeker::WorkExperience {
                    employer: company,
                    occupation: None,
                    title: e.title.clone(),
                    starts_on,
                    ends_on: e.end.and_then(last_day),
                });
            done.employments_added += 1;
        }
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        if done.certificates_added + done.employments_added > 0 {
            self.save(&seeker)?;
        }
        Ok(done)
    }
}

impl crate::Desk {
    /// Writes the consulting report of one version (against a vacancy when
    /// given) to a new PDF in `dir`, never over a file. It carries personal
    /// data, so it is audited as an export of the seeker; the file name has
    /// the seeker's number, not the name.
    pub fn save_resume_report(
        &mut self,
        seeker_id: &str,
        file_id: &str,
        vacancy_id: Option<&str>,
        dir: &std::path::Path,
    ) -> Result<crate::ExportOutcome, AppError> {
        let view = self.resume_analysis(seeker_id, file_id, vacancy_id)?;
        let seeker = self.seeker(crate::forms::parse_id(seeker_id)?)?;
        let meta = vec![
            ("성명".to_owned(), seeker.name.clone()),
            ("이력서".to_owned(), format!("{}번째 판", view.file.version)),
            ("기준 월".to_owned(), view.analysis.as_of.to_string()),
            ("작성일".to_owned(), self.clock.today().to_string()),
        ];
        let bytes = resume_pdf(meta, &view.analysis)?;
        let id = seeker.id.to_string();
        let short = id.get(id.len().saturating_sub(8)..).unwrap_or(&id);
        let stem = format!("도약-이력서컨설팅-{short}-{}", self.clock.today());
        let path = crate::files::write_new_file(dir, &stem, "pdf", &bytes)?;
        // Audited once the file exists: a write that failed exported nothing.
        let ctx = self.write_ctx();
        self.store.write(&ctx, |w| {
            w.audit(
                "export",
                doyak_domain::EntityKind::Seeker,
                Some(seeker.id),
                "이력서 컨설팅 보고서 PDF",
            )
        })?;
        self.log_access(
            doyak_store::Access::Print,
            doyak_domain::EntityKind::Seeker,
            Some(seeker.id),
            "이력서 컨설팅 보고서 PDF",
        )?;
        Ok(crate::ExportOutcome {
            path: path.display().to_string(),
            count: 1,
        })
    }
}
