//! Printable reports, composed from the same views the desk's screens show
//! and rendered by `doyak-report` (one PDF library, the bundled Korean
//! font). The seeker's report is the diagnosis summary and the IAP, to hand
//! to the seeker: what fits, what is missing and how to close it, the
//! questionnaire's profile and referrals, and the plan by month.

use crate::files::write_new_file;
use crate::forms::parse_id;
use crate::iap::IapView;
use crate::{AppError, Desk, DiagnosisView, ExportOutcome};
use doyak_domain::EntityKind;
use doyak_report::{Align, Bar, Block, Column, Document, render_pdf};
use std::path::Path;

pub(crate) fn col(title: &str, width: f32, align: Align) -> Column {
    Column {
        title: title.to_owned(),
        width,
        align,
    }
}

fn points(p: f32) -> String {
    format!("{p:.0}")
}

/// The seeker's report as a document.
pub(crate) fn seeker_document(
    meta: Vec<(String, String)>,
    center: &str,
    diagnosis: &DiagnosisView,
    iap: &IapView,
) -> Document {
    let mut blocks = Vec::new();
    blocks.push(Block::Heading("1. 직무 적합도".into()));
    blocks.push(Block::Note(format!(
        "직업 {}개의 능력단위 기준으로 본 적합도(0–100점) 상위 직종입니다. 적합도 = 능력단위 70점 + 관련 경력 20점 + 희망 직종 10점. \
         관내 구인은 이 센터가 관리하는 모집 중 구인 {}건에서 셉니다.",
        diagnosis.profiles, diagnosis.vacancies
    )));
    for note in &diagnosis.notes {
        blocks.push(Block::Note(note.clone()));
    }
    blocks.push(Block::Table {
        columns: vec![
            col("순위", 0.6, Align::Center),
            col("직종", 2.2, Align::Left),
            col("적합도", 0.9, Align::Right),
            col("능력단위 충족·일부·미충족", 1.8, Align::Center),
            col("관내 구인", 2.5, Align::Left),
        ],
        rows: diagnosis
            .occupations
            .iter()
            .enumerate()
            .map(|(n, o)| {
                vec![
                    (n + 1).to_string(),
                    format!("{} ({})", o.name, o.code),
                    points(o.fit),
                    format!("{} · {} · {}", o.met, o.partly, o.missing),
                    if o.demand.is_empty() {
                        "없음".into()
                    } else {
                        o.demand.clone()
                    },
                ]
            })
            .collect(),
    });

    // The goal's units (the best fit when no goal is set or it is not in
    // the list).
    let focus = iap
        .goal
        .as_ref()
        .and_then(|g| {
            diagnosis
                .occupations
                .iter()
                .find(|o| o.code == g.occupation)
        })
        .or_else(|| diagnosis.occupations.first());
    if let Some(o) = focus {
        blocks.push(Block::Heading(format!("2. {} 능력단위", o.name)));
        for reason in &o.reasons {
            blocks.push(Block::Note(format!(
                "{}점: {}",
                points(reason.points),
                reason.text
            )));
        }
        blocks.push(Block::Table {
            columns: vec![
                col("능력단위", 2.4, Align::Left),
                col("수준", 0.9, Align::Center),
                col("구분", 0.7, Align::Center),
                col("상태", 1.0, Align::Center),
                col("근거", 3.0, Align::Left),
            ],
            rows: o
                .units
                .iter()
                .map(|u| {
                    vec![
                        u.name.clone(),
                        u.level.clone(),
                        u.required.clone(),
                        u.status_label.clone(),
                        u.evidence.join("\n"),
                    ]
                })
                .collect(),
        });
        if !o.similar.is_empty() {
            blocks.push(Block::Note(format!("비슷한 이전 참여자: {}", o.similar)));
        }
    }

    blocks.push(Block::Heading("3. 부족한 능력을 채우는 자격·훈련".into()));
    if diagnosis.recommendations.is_empty() {
        blocks.push(Block::Paragraph("추천할 자격·훈련이 없습니다.".into()));
    } else {
        blocks.push(Block::Table {
            columns: vec![
                col("구분", 0.7, Align::Center),
                col("이름", 2.0, Align::Left),
                col("채우는 능력단위", 3.0, Align::Left),
                col("적합도 상승", 1.0, Align::Right),
                col("기간", 1.0, Align::Center),
            ],
            rows: diagnosis
                .recommendations
                .iter()
                .map(|r| {
                    let mut name = r.name.clone();
                    if !r.prerequisite.is_empty() {
                        name.push_str(&format!("\n응시자격: {}", r.prerequisite));
                    }
                    vec![
                        r.kind.clone(),
                        name,
                        r.closes.join(", "),
                        format!("+{} ({})", points(r.gain), r.occupation),
                        r.effort.clone(),
                    ]
                })
                .collect(),
        });
    }

    blocks.push(Block::Heading("4. 구직준비도·취업장애 문진".into()));
    match &diagnosis.readiness {
        None => blocks.push(Block::Paragraph(
            "문진 결과가 없습니다. 상담 때 함께 작성해 보세요.".into(),
        )),
        Some(r) => {
            blocks.push(Block::Paragraph(format!(
                "{} · {} 작성",
                r.form, r.answered_on
            )));
            blocks.push(Block::Bars(
                r.scales
                    .iter()
                    .map(|s| Bar {
                        label: s.name.clone(),
                        value: f32::from(s.score),
                        max: 100.0,
                        text: format!("{}점 · {}", s.score, s.level),
                    })
                    .collect(),
            ));
            if r.barriers.is_empty() {
                blocks.push(Block::Paragraph("확인된 취업장애요인이 없습니다.".into()));
            } else {
                blocks.push(Block::Table {
                    columns: vec![
                        col("장애요인", 1.2, Align::Left),
                        col("확인한 답", 3.0, Align::Left),
                        col("연계할 곳", 3.0, Align::Left),
                    ],
                    rows: r
                        .barriers
                        .iter()
                        .map(|b| vec![b.name.clone(), b.because.join("\n"), b.referrals.join("\n")])
                        .collect(),
                });
            }
            blocks.push(Block::Note(r.note.clone()));
        }
    }

    blocks.push(Block::Heading("5. 개인별 취업활동계획(IAP)".into()));
    match &iap.goal {
        Some(g) => blocks.push(Block::Paragraph(format!(
            "목표 직종: {} ({}){} · {} 설정",
            g.occupation_name,
            g.occupation,
            if g.reason.is_empty() {
                String::new()
            } else {
                format!(" — {}", g.reason)
            },
            g.set_on
        ))),
        None => blocks.push(Block::Paragraph(
            "목표 직종이 아직 정해지지 않았습니다.".into(),
        )),
    }
    let rows: Vec<Vec<String>> = iap
        .months
        .iter()
        .flat_map(|m| &m.rows)
        .map(|r| {
            let mut check = r.compliance_label.clone();
            if r.overdue {
                check = "기한 지남 · 미점검".into();
            }
            if !r.compliance_note.is_empty() {
                check.push_str(&format!("\n{}", r.compliance_note));
            }
            vec![
                r.month.clone(),
                r.kind_label.clone(),
                r.description.clone(),
                check,
            ]
        })
        .collect();
    if rows.is_empty() {
        blocks.push(Block::Paragraph("계획된 활동이 없습니다.".into()));
    } else {
        blocks.push(Block::Table {
            columns: vec![
                col("월", 0.9, Align::Center),
                col("구분", 0.9, Align::Center),
                col("활동 내용", 4.0, Align::Left),
                col("이행 점검", 1.6, Align::Left),
            ],
            rows,
        });
    }
    Document {
        title: "구직자 진단 결과 및 개인별 취업활동계획(IAP)".into(),
        subtitle: Some(format!("{center} · 구직자·기업 도약보장 패키지")),
        meta,
        blocks,
        footer: "개인정보가 담긴 문서입니다: 본인에게만 전달하고, 보관·폐기에 유의하세요.".into(),
    }
}

/// The audit row's words for the seeker's report.
const SEEKER_REPORT: &str = "진단·IAP 보고서 PDF";

impl Desk {
    /// The seeker's report (diagnosis summary and IAP) as PDF bytes. It
    /// carries personal data (the name, barriers found), so making it is
    /// kept in the audit log as an export of that seeker, as list exports
    /// are.
    pub fn seeker_report(&mut self, seeker_id: &str) -> Result<Vec<u8>, AppError> {
        let (id, bytes) = self.render_seeker_report(seeker_id)?;
        self.audit_export(EntityKind::Seeker, id, SEEKER_REPORT)?;
        Ok(bytes)
    }

    fn render_seeker_report(
        &self,
        seeker_id: &str,
    ) -> Result<(doyak_domain::Id, Vec<u8>), AppError> {
        let seeker = self.seeker(parse_id(seeker_id)?)?;
        // A report is the person's file leaving the caseload: only while
        // their 수집·이용 consent stands (a destroyed person has none).
        let destroyed = self
            .events_of(seeker.id)?
            .iter()
            .any(|e| matches!(e.body, doyak_domain::EventBody::Destruction { .. }));
        if destroyed
            || !seeker
                .consent
                .as_ref()
                .is_some_and(|c| c.allows(doyak_domain::seeker::ConsentScope::Counseling))
        {
            return Err(AppError::Invalid(vec![doyak_domain::FieldError::new(
                "consent",
                "개인정보 동의",
                "개인정보 수집·이용 동의가 없거나 철회되어 이 구직자의 보고서를 만들 수 없습니다.",
            )]));
        }
        let diagnosis = self.diagnosis_view(seeker_id)?;
        let iap = self.iap(seeker_id)?;
        let counselor = self
            .desk_counselor()?
            .current
            .map(|c| c.name)
            .unwrap_or_else(|| "(지정 안 됨)".into());
        let meta = vec![
            ("성명".to_owned(), seeker.name.clone()),
            ("담당 상담사".to_owned(), counselor),
            ("작성일".to_owned(), self.clock.today().to_string()),
        ];
        let doc = seeker_document(meta, self.center_name(), &diagnosis, &iap);
        let bytes = render_pdf(&doc).map_err(AppError::Report)?;
        Ok((seeker.id, bytes))
    }

    /// Keeps the making of a report in the audit log as an export of its
    /// record — after the file is written when there is one, so a failed
    /// write leaves no row claiming an export.
    pub(crate) fn audit_export(
        &mut self,
        kind: EntityKind,
        id: doyak_domain::Id,
        what: &str,
    ) -> Result<(), AppError> {
        let ctx = self.write_ctx();
        self.store
            .write(&ctx, |w| w.audit("export", kind, Some(id), what))?;
        self.log_access(doyak_store::Access::Print, kind, Some(id), what)?;
        Ok(())
    }

    /// Writes the seeker's report to a new PDF in `dir` (never over an
    /// existing file). The file name carries the seeker's number, not the
    /// name, so a folder listing shows no one's name.
    pub fn save_seeker_report(
        &mut self,
        seeker_id: &str,
        dir: &Path,
    ) -> Result<ExportOutcome, AppError> {
        let (id, bytes) = self.render_seeker_report(seeker_id)?;
        let out = self.write_report(dir, "진단·IAP", seeker_id, &bytes)?;
        self.audit_export(EntityKind::Seeker, id, SEEKER_REPORT)?;
        Ok(out)
    }

    /// `doyak report --seeker ID --output FILE`: the seeker's report into
    /// that new file (never over one), audited once it is there. The
    /// number of bytes written.
    pub fn write_seeker_report_to(
        &mut self,
        seeker_id: &str,
        path: &Path,
    ) -> Result<usize, AppError> {
        let (id, bytes) = self.render_seeker_report(seeker_id)?;
        crate::files::write_exact_new(path, &bytes)?;
        self.audit_export(EntityKind::Seeker, id, SEEKER_REPORT)?;
        Ok(bytes.len())
    }

    /// Writes a report to a new PDF in `dir` named by its kind, the last 8
    /// characters of the record's id (no name in a folder listing) and
    /// today's date; never over an existing file.
    pub(crate) fn write_report(
        &self,
        dir: &Path,
        kind: &str,
        record_id: &str,
        bytes: &[u8],
    ) -> Result<ExportOutcome, AppError> {
        let id = parse_id(record_id)?.to_string();
        let short = id.get(id.len().saturating_sub(8)..).unwrap_or(&id);
        let stem = format!("도약-{kind}-{short}-{}", self.clock.today());
        let path = write_new_file(dir, &stem, "pdf", bytes)?;
        Ok(ExportOutcome {
            path: path.display().to_string(),
            count: 1,
        })
    }
}

fn month_range(start: &doyak_resume::YearMonth, end: Option<&doyak_resume::YearMonth>) -> String {
    format!(
        "{start} ~ {}",
        end.map_or_else(|| "현재".to_owned(), ToString::to_string)
    )
}

/// The résumé consulting report: the score and its reasons, the questions
/// to ask (each with what it would add), certificates, employments,
/// measured achievements and, against a vacancy, the keyword gap. `meta`
/// names the seeker or the file.
pub fn resume_document(meta: Vec<(String, String)>, analysis: &doyak_resume::Analysis) -> Document {
    let mut blocks = Vec::new();
    blocks.push(Block::Heading(format!("1. 점수 {} / 100", analysis.score)));
    blocks.push(Block::Note(
        "점수는 아래 다섯 부분의 합입니다. 이력서에 적힌 내용만으로 계산했고, 빠진 것은 질문으로 남겼습니다(내용을 지어내지 않음)."
            .into(),
    ));
    let part_name = |p: &str| match p {
        "sections" => "항목 구성",
        "certificates" => "자격",
        "experience" => "경력",
        "achievements" => "성과(수치)",
        _ => "키워드",
    };
    blocks.push(Block::Table {
        columns: vec![
            col("부분", 1.2, Align::Left),
            col("점수", 0.9, Align::Right),
            col("이유", 4.0, Align::Left),
        ],
        rows: analysis
            .reasons
            .iter()
            .map(|r| {
                vec![
                    part_name(r.part).to_owned(),
                    format!("{} / {}", r.points, r.max),
                    r.text.clone(),
                ]
            })
            .collect(),
    });
    blocks.push(Block::Heading("2. 확인할 것".into()));
    if analysis.suggestions.is_empty() {
        blocks.push(Block::Paragraph("더 확인할 것이 없습니다.".into()));
    } else {
        blocks.push(Block::Table {
            columns: vec![
                col("질문·제안", 5.0, Align::Left),
                col("더해질 점수", 1.1, Align::Right),
            ],
            rows: analysis
                .suggestions
                .iter()
                .map(|s| {
                    vec![
                        s.text.clone(),
                        if s.adds > 0 {
                            format!("+{}", s.adds)
                        } else {
                            "-".into()
                        },
                    ]
                })
                .collect(),
        });
    }
    blocks.push(Block::Heading("3. 자격".into()));
    if analysis.certificates.is_empty() {
        blocks.push(Block::Paragraph("기재된 자격이 없습니다.".into()));
    } else {
        blocks.push(Block::Table {
            columns: vec![
                col("이력서에 적힌 이름", 2.2, Align::Left),
                col("국가자격 이름", 2.2, Align::Left),
                col("상태", 1.2, Align::Center),
            ],
            rows: analysis
                .certificates
                .iter()
                .map(|c| {
                    vec![
                        c.name.clone(),
                        c.national.clone().unwrap_or_else(|| match c.kind {
                            doyak_resume::CertificateKind::Language => "어학".into(),
                            doyak_resume::CertificateKind::Unlisted => {
                                "목록에 없음 (확인 필요)".into()
                            }
                            _ => "민간자격".into(),
                        }),
                        c.status.name_ko().to_owned(),
                    ]
                })
                .collect(),
        });
    }
    blocks.push(Block::Heading("4. 경력".into()));
    blocks.push(Block::Paragraph(format!(
        "총 경력 {}년 {}개월 ({} 기준, 겹치는 기간은 한 번만 셈)",
        analysis.experience_months / 12,
        analysis.experience_months % 12,
        analysis.as_of
    )));
    if !analysis.employments.is_empty() {
        blocks.push(Block::Table {
            columns: vec![
                col("기간", 1.8, Align::Left),
                col("회사", 2.4, Align::Left),
                col("직위", 1.8, Align::Left),
            ],
            rows: analysis
                .employments
                .iter()
                .map(|e| {
                    vec![
                        month_range(&e.start, e.end.as_ref()),
                        e.company.clone().unwrap_or_else(|| "(기재 없음)".into()),
                        e.title.clone().unwrap_or_else(|| "(기재 없음)".into()),
                    ]
                })
                .collect(),
        });
    }
    for g in &analysis.gaps {
        blocks.push(Block::Note(format!(
            "공백: {} ~ {} ({}개월)",
            g.from, g.to, g.months
        )));
    }
    for o in &analysis.overlaps {
        blocks.push(Block::Note(format!(
            "겹치는 기간: {} ~ {} ({}개월)",
            o.from, o.to, o.months
        )));
    }
    blocks.push(Block::Heading("5. 수치로 적은 성과".into()));
    blocks.push(Block::Paragraph(if analysis.achievements.is_empty() {
        "수치로 적은 성과가 없습니다. 한 일의 양·비율·기간을 물어보세요.".into()
    } else {
        analysis
            .achievements
            .iter()
            .map(|a| format!("· {}", a.text))
            .collect::<Vec<_>>()
            .join("\n")
    }));
    if !analysis.keyword_gap.is_empty() {
        blocks.push(Block::Heading("6. 구인 대비 키워드".into()));
        blocks.push(Block::Table {
            columns: vec![
                col("키워드", 1.8, Align::Left),
                col("구인", 0.7, Align::Right),
                col("이력서", 0.8, Align::Right),
                col("찾은 곳", 1.2, Align::Left),
                col("제안", 3.2, Align::Left),
            ],
            rows: analysis
                .keyword_gap
                .iter()
                .map(|k| {
                    vec![
                        k.keyword.clone(),
                        k.in_posting.to_string(),
                        k.in_resume.to_string(),
                        k.found_in.join(", "),
                        k.suggestion.clone().unwrap_or_default(),
                    ]
                })
                .collect(),
        });
    }
    if let Some(i) = &analysis.industry {
        blocks.push(Block::Note(format!(
            "평가 기준: {} 업종 기준표 (버전 {}; 자격 기준의 근거와 확인일은 assets/resume/rubric.csv)",
            i.name_ko, analysis.rubric_version
        )));
    }
    Document {
        title: "이력서·자기소개서 컨설팅 결과".into(),
        subtitle: Some("구직자·기업 도약보장 패키지".into()),
        meta,
        blocks,
        footer: "개인정보가 담긴 문서입니다: 본인에게만 전달하고, 보관·폐기에 유의하세요.".into(),
    }
}

/// The résumé consulting report as PDF bytes.
pub fn resume_pdf(
    meta: Vec<(String, String)>,
    analysis: &doyak_resume::Analysis,
) -> Result<Vec<u8>, AppError> {
    render_pdf(&resume_document(meta, analysis)).map_err(AppError::Report)
}
