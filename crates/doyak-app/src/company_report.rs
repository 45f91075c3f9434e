//! The firm's printable report: the 구인애로 진단 (the latest saved one's
//! factors and, scored on the day of printing, the evidence per cause and
//! vacancy), the consulting plan with its outcome, and the support programs
//! worth settling — from the same views the company page shows, through
//! the one report module (`doyak-report`, bundled Korean font). It names
//! no seeker: it is handed to the firm.

use crate::company_diagnosis::CompanyDiagnosis;
use crate::company_plan::CompanyPlanView;
use crate::company_programs::CompanyProgramsView;
use crate::forms::parse_id;
use crate::report::col;
use crate::{AppError, Desk, ExportOutcome};
use doyak_domain::EntityKind;
use doyak_report::{Align, Bar, Block, Document, render_pdf};
use std::path::Path;

fn score(s: Option<u32>) -> String {
    s.map_or_else(|| "확인 필요".to_owned(), |s| s.to_string())
}

/// The firm's report as a document.
pub(crate) fn company_document(
    meta: Vec<(String, String)>,
    center: &str,
    diagnosis: Option<&CompanyDiagnosis>,
    no_vacancy: &str,
    factors: &[String],
    plan: &CompanyPlanView,
    programs: &CompanyProgramsView,
) -> Document {
    let mut blocks = vec![Block::Heading("1. 구인애로 진단".into())];
    match diagnosis {
        None => blocks.push(Block::Paragraph(no_vacancy.to_owned())),
        Some(d) => {
            blocks.push(Block::Note(format!(
                "미충원 사유(사업체노동력조사)의 원인별로, 이 센터 사례관리 자료(같은 직종의 구인·구직자, 알선)와 방문 문진으로 본 점수(0–100)입니다. \
                 숫자가 클수록 그 원인일 가능성이 큽니다. 비교 대상이 {}건·명보다 적으면 그 부분은 점수에서 뺍니다. 진단 기준 {}{}.",
                doyak_company::hiring::MIN_N,
                d.engine,
                if d.visit_form.is_empty() {
                    ", 방문 문진 없음".to_owned()
                } else {
                    format!(", 방문 문진 {}", d.visit_form)
                }
            )));
            if !factors.is_empty() {
                blocks.push(Block::Paragraph(format!(
                    "상담사가 정리한 주요 애로: {}",
                    factors.join(", ")
                )));
            }
            blocks.push(Block::Bars(
                d.summary
                    .iter()
                    .map(|c| Bar {
                        label: c.label.clone(),
                        value: c.score.map_or(0.0, |s| s as f32),
                        max: 100.0,
                        text: match c.score {
                            Some(s) if c.too_strict => format!("{s}점 · 요건 과도"),
                            Some(s) => format!("{s}점"),
                            None => "확인 필요".into(),
                        },
                    })
                    .collect(),
            ));
            for v in &d.vacancies {
                blocks.push(Block::Paragraph(format!(
                    "■ {} ({})",
                    v.title, v.occupation
                )));
                blocks.push(Block::Table {
                    columns: vec![
                        col("원인", 1.4, Align::Left),
                        col("점수", 0.7, Align::Center),
                        col("근거", 4.4, Align::Left),
                    ],
                    rows: v
                        .causes
                        .iter()
                        .map(|c| vec![c.label.clone(), score(c.score), c.facts.join("\n")])
                        .collect(),
                });
            }
            for s in &d.skipped {
                blocks.push(Block::Note(s.clone()));
            }
        }
    }

    blocks.push(Block::Heading("2. 컨설팅 계획".into()));
    blocks.push(Block::Paragraph(format!(
        "{}센터를 통한 채용 {}명 · 3개월 고용유지 {}명 (3개월이 지난 {}명 중 {}명 확인)",
        if plan.outcome.since.is_empty() {
            String::new()
        } else {
            format!("계획 시작({}) 이후 ", plan.outcome.since)
        },
        plan.outcome.hires,
        plan.outcome.retained_3m,
        plan.outcome.due_3m,
        plan.outcome.checked_3m
    )));
    if plan.actions.is_empty() {
        blocks.push(Block::Paragraph("계획된 조치가 없습니다.".into()));
    } else {
        blocks.push(Block::Table {
            columns: vec![
                col("조치", 1.5, Align::Left),
                col("내용", 3.0, Align::Left),
                col("담당", 1.0, Align::Left),
                col("기한", 1.0, Align::Center),
                col("상태", 0.8, Align::Center),
                col("결과", 1.8, Align::Left),
            ],
            rows: plan
                .actions
                .iter()
                .map(|a| {
                    vec![
                        a.kind_label.clone(),
                        a.description.clone(),
                        a.owner.clone(),
                        if a.overdue {
                            format!("{} (지남)", a.due_on)
                        } else {
                            a.due_on.clone()
                        },
                        if a.forked {
                            format!("{} (두 판, 확인 필요)", a.status_label)
                        } else {
                            a.status_label.clone()
                        },
                        a.result.clone(),
                    ]
                })
                .collect(),
        });
    }

    blocks.push(Block::Heading(format!(
        "3. 지원사업 ({} 기준)",
        programs.on
    )));
    blocks.push(Block::Note(format!(
        "해당 {} · 확인 필요 {} · 해당 없음 {}. 자료 {}: 사업별 기준은 해마다 바뀝니다. '확인 필요'는 아래 항목을 확인해야 판단할 수 있다는 뜻이며, \
         금액은 1차 자료로 확인된 것만 적었습니다. 신청 전 고용24·사업 지침에서 확인하세요.",
        programs.counts[0], programs.counts[1], programs.counts[2], programs.data_version
    )));
    let shown: Vec<_> = programs
        .programs
        .iter()
        .filter(|p| p.verdict != "not_eligible")
        .collect();
    blocks.push(Block::Table {
        columns: vec![
            col("지원사업", 1.8, Align::Left),
            col("판단", 0.8, Align::Center),
            col("지원 내용", 1.8, Align::Left),
            col("확인할 것", 2.6, Align::Left),
        ],
        rows: shown
            .iter()
            .map(|p| {
                vec![
                    p.name.clone(),
                    p.verdict_label.clone(),
                    p.amount.clone(),
                    // With nothing to ask, why it is undecided (no rule
                    // for the date, an unsure source).
                    if p.missing.is_empty() {
                        p.reasons.join("\n")
                    } else {
                        p.missing.join(", ")
                    },
                ]
            })
            .collect(),
    });
    Document {
        title: "구인애로 진단 및 기업 컨설팅 계획".into(),
        subtitle: Some(format!("{center} · 기업지원")),
        meta,
        blocks,
        footer: "기업 제출용: 구직자 개인정보는 담지 않았습니다.".into(),
    }
}

/// The audit row's words for the firm's report.
const COMPANY_REPORT: &str = "구인애로 진단·컨설팅 계획 보고서 PDF";

impl Desk {
    /// The firm's report as PDF bytes, audited as an export (the bytes
    /// leave the desk: the CLI prints them).
    pub fn company_report(&mut self, company_id: &str) -> Result<Vec<u8>, AppError> {
        let (id, bytes) = self.render_company_report(company_id)?;
        self.audit_export(EntityKind::Company, id, COMPANY_REPORT)?;
        Ok(bytes)
    }

    fn render_company_report(
        &self,
        company_id: &str,
    ) -> Result<(doyak_domain::Id, Vec<u8>), AppError> {
        let company = self.company(parse_id(company_id)?)?;
        let view = self.company_diagnosis_view(company_id)?;
        let factors = self
            .company_diagnosis_history_factors(company.id)?
            .unwrap_or_default();
        let plan = self.company_plan(company_id)?;
        let programs = self.company_programs(company_id, "", "")?;
        let meta = vec![
            ("기업".to_owned(), company.name.clone()),
            (
                "사업자등록번호".to_owned(),
                company.business_number.formatted(),
            ),
            ("작성일".to_owned(), self.clock.today().to_string()),
            ("작성 기관".to_owned(), self.center_name().to_owned()),
        ];
        let doc = company_document(
            meta,
            self.center_name(),
            view.current.as_ref(),
            &view.no_vacancy,
            &factors,
            &plan,
            &programs,
        );
        let bytes = render_pdf(&doc).map_err(AppError::Report)?;
        Ok((company.id, bytes))
    }

    /// `doyak report --company ID --output FILE`: the firm's report into
    /// that new file (never over one), audited once it is there.
    pub fn write_company_report_to(
        &mut self,
        company_id: &str,
        path: &Path,
    ) -> Result<usize, AppError> {
        let (id, bytes) = self.render_company_report(company_id)?;
        crate::files::write_exact_new(path, &bytes)?;
        self.audit_export(EntityKind::Company, id, COMPANY_REPORT)?;
        Ok(bytes.len())
    }

    /// Writes the firm's report to a new PDF in `dir` (never over a file),
    /// audited once the file is there.
    pub fn save_company_report(
        &mut self,
        company_id: &str,
        dir: &Path,
    ) -> Result<ExportOutcome, AppError> {
        let (id, bytes) = self.render_company_report(company_id)?;
        let out = self.write_report(dir, "기업진단", company_id, &bytes)?;
        self.audit_export(EntityKind::Company, id, COMPANY_REPORT)?;
        Ok(out)
    }
}
