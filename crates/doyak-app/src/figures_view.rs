//! The desk's 성과 screen: every figure of a period beside the period just
//! before, with its cuts, and the list of seekers or firms behind a figure.
//! On the center's own desk the numbers are shown as they are; what leaves
//! it (the report's JSON, XLSX) goes through the publication rule.

use crate::figures::{kpi_xlsx, period};
use crate::files::write_new_file;
use crate::forms::parse_id;
use crate::{AppError, Desk, ExportOutcome};
use doyak_domain::{Company, JobSeeker};
use doyak_kpi::{Cut, Figure};
use serde::Serialize;
use std::path::Path;
use ts_rs::TS;

/// One row of a cut.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct KpiRow {
    pub key: String,
    pub n: u32,
    pub value: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct KpiCutView {
    /// The cut's id (`month`, `counselor`, …).
    pub cut: String,
    pub label: String,
    pub rows: Vec<KpiRow>,
}

/// A figure of the period, with the period before it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct KpiFigureView {
    pub id: String,
    /// 구직자 or 기업.
    pub side: String,
    pub label: String,
    /// How it is computed (shown on hover).
    pub definition: String,
    /// 명, %, 일, 원…
    pub unit: String,
    /// What n counts (명, 곳, 건).
    pub n_unit: String,
    pub n: u32,
    pub value: Option<f64>,
    pub previous_n: u32,
    pub previous_value: Option<f64>,
    /// A list of the seekers or firms behind it can be asked for (not for
    /// the figures summed by the store: sessions, minutes, IAP).
    pub drillable: bool,
    pub cuts: Vec<KpiCutView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct KpiDashboard {
    /// YYYY-MM, both whole months.
    pub from: String,
    pub to: String,
    pub previous_from: String,
    pub previous_to: String,
    /// The day computed on: a window not yet over is not in n.
    pub computed_on: String,
    pub figures: Vec<KpiFigureView>,
}

/// A seeker or firm behind a figure.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct KpiMemberRow {
    /// `seeker` or `company` (the page to open).
    pub kind: String,
    pub id: String,
    pub name: String,
    /// For a share: whether it counted (취업, 유지…).
    pub flag: Option<bool>,
    pub value: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct KpiMembers {
    pub figure: String,
    /// The cell asked about ("" for the total).
    pub cell: String,
    /// How many units there are; `rows` holds the first [`MEMBER_PAGE`].
    pub total: u32,
    pub rows: Vec<KpiMemberRow>,
}

/// The most names a list behind a figure reads at once.
pub const MEMBER_PAGE: usize = 200;

fn cut_id(cut: Cut) -> String {
    serde_json::to_value(cut)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn view(now: &Figure, before: &Figure) -> KpiFigureView {
    let d = now.definition;
    KpiFigureView {
        id: d.id.to_owned(),
        side: d.side.to_owned(),
        label: d.label_ko.to_owned(),
        definition: d.definition_ko.to_owned(),
        unit: d.unit.label_ko().to_owned(),
        n_unit: doyak_kpi::n_unit(d).to_owned(),
        n: now.total.n,
        value: now.total.value,
        previous_n: before.total.n,
        previous_value: before.total.value,
        drillable: !matches!(d.id, "sessions" | "session_minutes" | "iap_compliance"),
        cuts: now
            .cuts
            .iter()
            .map(|t| KpiCutView {
                cut: cut_id(t.cut),
                label: t.cut.label_ko().to_owned(),
                rows: t
                    .rows
                    .iter()
                    .map(|r| KpiRow {
                        key: r.key.clone(),
                        n: r.n,
                        value: r.value,
                    })
                    .collect(),
            })
            .collect(),
    }
}

impl Desk {
    /// 성과: every figure of `from`..=`to` (YYYY-MM) and of the as many
    /// months just before, from one read of the facts.
    pub fn kpi_dashboard(&self, from: &str, to: &str) -> Result<KpiDashboard, AppError> {
        let today = self.clock.today();
        let now = period(from, to, today)?;
        let before = now.previous();
        let facts = self.kpi_facts(before.from, now.to)?;
        let (a, b) = (
            doyak_kpi::compute(&facts, now),
            doyak_kpi::compute(&facts, before),
        );
        Ok(KpiDashboard {
            from: doyak_kpi::month_key(now.from),
            to: doyak_kpi::month_key(now.to),
            previous_from: doyak_kpi::month_key(before.from),
            previous_to: doyak_kpi::month_key(before.to),
            computed_on: today.to_string(),
            figures: a.iter().zip(&b).map(|(n, p)| view(n, p)).collect(),
        })
    }

    /// The seekers or firms behind a figure of `from`..=`to`: its total
    /// (`cut` empty) or one cell (a cut's id and a row's key), the first
    /// [`MEMBER_PAGE`] with their names.
    pub fn kpi_members(
        &self,
        from: &str,
        to: &str,
        figure: &str,
        cut: &str,
        key: &str,
    ) -> Result<KpiMembers, AppError> {
        let definition =
            doyak_kpi::definition(figure).ok_or(AppError::NotFound { what: "지표" })?;
        let now = period(from, to, self.clock.today())?;
        let cell = if cut.is_empty() {
            None
        } else {
            let c = Cut::ALL
                .into_iter()
                .find(|c| cut_id(*c) == cut)
                .ok_or(AppError::NotFound { what: "구분" })?;
            Some((c, key))
        };
        let facts = self.kpi_facts(now.from, now.to)?;
        let members = doyak_kpi::members(&facts, now, figure, cell);
        let firms = definition.side != "구직자";
        let mut rows = Vec::new();
        for m in members.iter().take(MEMBER_PAGE) {
            let id = parse_id(&m.id)?;
            let name = if firms {
                self.store.get::<Company>(id)?.map(|c| c.name)
            } else {
                self.store.get::<JobSeeker>(id)?.map(|s| s.name)
            };
            rows.push(KpiMemberRow {
                kind: if firms { "company" } else { "seeker" }.to_owned(),
                id: m.id.clone(),
                // Deleted since: counted in the period, no longer on file.
                name: name.unwrap_or_else(|| "(삭제된 기록)".to_owned()),
                flag: m.flag,
                value: m.value,
            });
        }
        Ok(KpiMembers {
            figure: definition.label_ko.to_owned(),
            cell: cell.map_or_else(String::new, |(c, k)| format!("{} {k}", c.label_ko())),
            total: u32::try_from(members.len()).unwrap_or(u32::MAX),
            rows,
        })
    }

    /// PDF로 저장: the period's 성과 보고서 (small cells hidden), a new PDF
    /// in `dir`, never over a file.
    pub fn save_kpi_pdf(
        &self,
        from: &str,
        to: &str,
        dir: &Path,
    ) -> Result<ExportOutcome, AppError> {
        self.save_kpi(from, to, dir, "도약-성과보고서", "pdf", crate::kpi_pdf)
    }

    /// 엑셀로 저장: the period's figures as they may leave the desk (every
    /// small cell hidden; docs/kpi.md), a new workbook in `dir`, never over
    /// a file.
    pub fn save_kpi_workbook(
        &self,
        from: &str,
        to: &str,
        dir: &Path,
    ) -> Result<ExportOutcome, AppError> {
        self.save_kpi(from, to, dir, "도약-성과", "xlsx", kpi_xlsx)
    }

    /// The period's published report, made into a file by `render`, as a
    /// new file in `dir`. It names no one, so there is no record to audit.
    fn save_kpi(
        &self,
        from: &str,
        to: &str,
        dir: &Path,
        name: &str,
        ext: &str,
        render: fn(&crate::KpiReport) -> Result<Vec<u8>, AppError>,
    ) -> Result<ExportOutcome, AppError> {
        let report = self.kpi_report(from, to)?;
        let bytes = render(&report)?;
        let stem = format!("{name}-{}-{}", report.from, report.to);
        let path = write_new_file(dir, &stem, ext, &bytes)?;
        Ok(ExportOutcome {
            path: path.display().to_string(),
            count: 1,
        })
    }
}
