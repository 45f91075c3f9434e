//! 성과 보고서 (PDF): the period's figures as they may leave the desk —
//! every small cell hidden by the publication rule (docs/kpi.md) — on
//! paper, through the one report module and its bundled Korean font.

use crate::AppError;
use crate::figures::KpiReport;
use doyak_domain::validate::grouped;
use doyak_kpi::{Cut, Hidden, PublishedCell, PublishedFigure, Unit};
use doyak_report::{Align, Bar, Block, Column, Document, render_pdf};

/// The funnel's stages, in order.
const FUNNEL: [&str; 6] = [
    "seekers_new",
    "stage_diagnosis",
    "stage_counseling",
    "stage_referral",
    "stage_employment",
    "stage_aftercare",
];

/// The figures followed month by month.
const MONTHLY: [&str; 4] = [
    "seekers_new",
    "stage_employment",
    "company_hires",
    "vacancies_filled",
];

/// A published value as printed: "1,234명", "42.5%", "38.0일".
fn value_text(f: &PublishedFigure, value: Option<f64>) -> String {
    let Some(v) = value else {
        return "—".to_owned();
    };
    match f.unit {
        Unit::Percent | Unit::Days => format!("{v:.1}{}", f.unit.label_ko()),
        _ => format!("{}{}", grouped(v.round() as i64), f.unit.label_ko()),
    }
}

/// n and value of a cell, or what hides them.
fn cell_texts(f: &PublishedFigure, c: &PublishedCell) -> (String, String) {
    match (c.hidden, c.n) {
        (Some(Hidden::Protect), _) => ("비공개".to_owned(), String::new()),
        (Some(Hidden::Small), _) | (None, None) => (
            format!("{}{} 미만", doyak_kpi::MIN_CELL, f.n_unit),
            String::new(),
        ),
        (None, Some(n)) => (
            format!("{}{}", grouped(i64::from(n)), f.n_unit),
            value_text(f, c.value),
        ),
    }
}

fn columns(spec: &[(&str, f32, Align)]) -> Vec<Column> {
    spec.iter()
        .map(|(title, width, align)| Column {
            title: (*title).to_owned(),
            width: *width,
            align: *align,
        })
        .collect()
}

fn side_table(report: &KpiReport, side: &str) -> Block {
    Block::Table {
        columns: columns(&[
            ("지표", 3.0, Align::Left),
            ("n", 1.3, Align::Right),
            ("값", 1.5, Align::Right),
        ]),
        rows: report
            .figures
            .iter()
            .filter(|f| f.side == side)
            .map(|f| {
                let (n, v) = cell_texts(f, &f.total);
                vec![f.label_ko.to_owned(), n, v]
            })
            .collect(),
    }
}

fn figure<'a>(report: &'a KpiReport, id: &str) -> Option<&'a PublishedFigure> {
    report.figures.iter().find(|f| f.id == id)
}

/// The cohort's stages as bars against the period's new participants.
fn funnel(report: &KpiReport) -> Block {
    let base = figure(report, "seekers_new")
        .and_then(|f| f.total.n)
        .unwrap_or(0);
    Block::Bars(
        FUNNEL
            .iter()
            .filter_map(|id| figure(report, id))
            .map(|f| {
                let (text, _) = cell_texts(f, &f.total);
                Bar {
                    label: f.label_ko.to_owned(),
                    value: f.total.n.unwrap_or(0) as f32,
                    max: base as f32,
                    text,
                }
            })
            .collect(),
    )
}

/// One row per month of the period, a column per followed figure.
fn monthly(report: &KpiReport) -> Block {
    let followed: Vec<&PublishedFigure> =
        MONTHLY.iter().filter_map(|id| figure(report, id)).collect();
    let mut months: Vec<String> = followed
        .iter()
        .flat_map(|f| f.cuts.iter().filter(|t| t.cut == Cut::Month))
        .flat_map(|t| t.rows.iter().map(|r| r.key.clone()))
        .collect();
    months.sort();
    months.dedup();
    let mut spec: Vec<(&str, f32, Align)> = vec![("월", 1.2, Align::Left)];
    spec.extend(followed.iter().map(|f| (f.label_ko, 1.5, Align::Right)));
    Block::Table {
        columns: columns(&spec),
        rows: months
            .iter()
            .map(|m| {
                let mut row = vec![m.clone()];
                for f in &followed {
                    let month = f.cuts.iter().find(|t| t.cut == Cut::Month);
                    row.push(match month {
                        Some(t) if t.withheld => "비공개".to_owned(),
                        Some(t) => t
                            .rows
                            .iter()
                            .find(|r| &r.key == m)
                            .map_or_else(|| "0".to_owned(), |r| cell_texts(f, r).0),
                        None => "0".to_owned(),
                    });
                }
                row
            })
            .collect(),
    }
}

/// The rows of one figure's cut, or a note when it is withheld.
fn cut_table(f: &PublishedFigure, cut: Cut) -> Vec<Block> {
    let Some(t) = f.cuts.iter().find(|t| t.cut == cut) else {
        return vec![Block::Note("이 기간에는 값이 없습니다.".to_owned())];
    };
    if t.withheld {
        return vec![Block::Note(
            "5 미만인 칸이 드러날 수 있어 이 구분은 싣지 않았습니다.".to_owned(),
        )];
    }
    vec![Block::Table {
        columns: columns(&[
            (cut.label_ko(), 2.0, Align::Left),
            ("n", 1.3, Align::Right),
            ("값", 1.5, Align::Right),
        ]),
        rows: t
            .rows
            .iter()
            .map(|r| {
                let (n, v) = cell_texts(f, r);
                vec![r.key.clone(), n, v]
            })
            .collect(),
    }]
}

/// The report as a printable document.
pub fn kpi_document(report: &KpiReport) -> Document {
    let mut blocks = vec![
        Block::Heading("구직자 지표".to_owned()),
        side_table(report, "구직자"),
        Block::Heading("단계별 참여자 (이 기간 신규 참여자 중)".to_owned()),
        funnel(report),
        Block::Heading("기업 지표".to_owned()),
        side_table(report, "기업"),
        Block::Heading("월별 추이".to_owned()),
        monthly(report),
    ];
    if let Some(f) = figure(report, "seekers_new") {
        blocks.push(Block::Heading("상담사별 신규 참여자".to_owned()));
        blocks.extend(cut_table(f, Cut::Counselor));
    }
    blocks.push(Block::Heading("지표의 정의".to_owned()));
    blocks.push(Block::Table {
        columns: columns(&[("지표", 1.2, Align::Left), ("정의", 4.0, Align::Left)]),
        rows: report
            .figures
            .iter()
            .map(|f| vec![f.label_ko.to_owned(), f.definition_ko.to_owned()])
            .collect(),
    });
    blocks.push(Block::Note(format!(
        "사람을 알아볼 수 없도록 1~4인 칸은 '{}명 미만'(건·곳)으로, 그것이 합계에서 \
         계산되지 않도록 함께 가린 칸은 '비공개'로 적었습니다 (docs/kpi.md).",
        doyak_kpi::MIN_CELL
    )));
    Document {
        title: "성과 보고서".to_owned(),
        subtitle: Some(format!("{} ~ {}", report.from, report.to)),
        meta: vec![
            ("작성 기관".to_owned(), report.center.clone()),
            (
                "기간".to_owned(),
                format!("{} ~ {}", report.from, report.to),
            ),
            ("작성일".to_owned(), report.computed_on.clone()),
            ("공개 기준".to_owned(), "5 미만 가림".to_owned()),
        ],
        blocks,
        footer: format!("{} 성과 보고서", report.center),
    }
}

/// The report as PDF bytes.
pub fn kpi_pdf(report: &KpiReport) -> Result<Vec<u8>, AppError> {
    render_pdf(&kpi_document(report)).map_err(AppError::Report)
}
