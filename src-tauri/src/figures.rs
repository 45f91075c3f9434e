//! The 성과 screen's commands (doyak_app `figures_view`): reads on the
//! reader connection; the workbook is written to the download folder.

use crate::commands::{DeskState, download_dir, with_reader};
use doyak_app::{ExportOutcome, KpiDashboard, KpiMembers, UiError};

/// Every figure of `from`..=`to` (YYYY-MM) beside the months before.
#[tauri::command]
pub async fn kpi_dashboard(
    state: tauri::State<'_, DeskState>,
    from: String,
    to: String,
) -> Result<KpiDashboard, UiError> {
    with_reader(&state, move |desk| desk.kpi_dashboard(&from, &to)).await
}

/// The seekers or firms behind a figure (`cut` "" for its total).
#[tauri::command]
pub async fn kpi_members(
    state: tauri::State<'_, DeskState>,
    from: String,
    to: String,
    figure: String,
    cut: String,
    key: String,
) -> Result<KpiMembers, UiError> {
    with_reader(&state, move |desk| {
        desk.kpi_members(&from, &to, &figure, &cut, &key)
    })
    .await
}

/// 엑셀로 저장: the period's published figures as a new workbook.
#[tauri::command]
pub async fn save_kpi_workbook(
    state: tauri::State<'_, DeskState>,
    from: String,
    to: String,
) -> Result<ExportOutcome, UiError> {
    let dir = download_dir();
    with_reader(&state, move |desk| desk.save_kpi_workbook(&from, &to, &dir)).await
}

/// PDF로 저장: the period's 성과 보고서 as a new PDF.
#[tauri::command]
pub async fn save_kpi_pdf(
    state: tauri::State<'_, DeskState>,
    from: String,
    to: String,
) -> Result<ExportOutcome, UiError> {
    let dir = download_dir();
    with_reader(&state, move |desk| desk.save_kpi_pdf(&from, &to, &dir)).await
}
