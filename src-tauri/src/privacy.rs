//! The 개인정보 tab's commands and 오늘 할 일's 보유기간 list
//! (doyak_app::privacy_view does the work).

use crate::commands::{DeskState, download_dir, with_desk, with_reader};
use doyak_app::{
    AccessLogVerdict, AccessRow, CenterSettings, ExportOutcome, PrivacyView, RetentionDueList,
    RetentionSetting, UiError, WithdrawForm,
};

/// How far ahead 오늘 할 일 looks for retention periods ending.
const RETENTION_AHEAD_DAYS: u32 = 30;

#[tauri::command]
pub async fn privacy_view(
    state: tauri::State<'_, DeskState>,
    seeker_id: String,
) -> Result<PrivacyView, UiError> {
    with_desk(&state, move |desk| desk.privacy_view(&seeker_id)).await
}

#[tauri::command]
pub async fn withdraw_consent(
    state: tauri::State<'_, DeskState>,
    form: WithdrawForm,
) -> Result<PrivacyView, UiError> {
    with_desk(&state, move |desk| desk.withdraw_from_page(&form)).await
}

#[tauri::command]
pub async fn retention_due(
    state: tauri::State<'_, DeskState>,
    limit: u32,
) -> Result<RetentionDueList, UiError> {
    with_reader(&state, move |desk| {
        desk.retention_due_rows(RETENTION_AHEAD_DAYS, limit.clamp(1, 5_000) as usize)
    })
    .await
}

/// 센터 설정: the idle time and each kind's retention period.
#[tauri::command]
pub async fn center_settings(
    state: tauri::State<'_, DeskState>,
) -> Result<CenterSettings, UiError> {
    with_reader(&state, |desk| desk.center_settings()).await
}

/// Sets one kind's retention period with its basis, for every desk of the
/// center (by sync).
#[tauri::command]
pub async fn set_retention_rule(
    state: tauri::State<'_, DeskState>,
    kind: String,
    years: u32,
    basis: String,
) -> Result<Vec<RetentionSetting>, UiError> {
    with_desk(&state, move |desk| {
        let kind = doyak_app::center_settings::parse_retention_kind(&kind)?;
        desk.set_retention_rule(Some(kind), years, &basis)
    })
    .await
}

/// The consent form with the seeker's name, as a new PDF in Downloads.
#[tauri::command]
pub async fn save_consent_form(
    state: tauri::State<'_, DeskState>,
    seeker_id: String,
) -> Result<ExportOutcome, UiError> {
    let dir = download_dir();
    with_desk(&state, move |desk| desk.save_consent_form(&seeker_id, &dir)).await
}

/// The newest access-log entries, of one record when `record_id` is not empty.
#[tauri::command]
pub async fn access_log(
    state: tauri::State<'_, DeskState>,
    record_id: String,
    limit: u32,
) -> Result<Vec<AccessRow>, UiError> {
    with_reader(&state, move |desk| {
        let record = Some(record_id.as_str()).filter(|r| !r.is_empty());
        desk.access_log(record, limit.clamp(1, 5_000) as usize)
    })
    .await
}

/// Checks the access log's chain from the first entry.
#[tauri::command]
pub async fn verify_access_log(
    state: tauri::State<'_, DeskState>,
) -> Result<AccessLogVerdict, UiError> {
    with_reader(&state, |desk| desk.verify_access_log()).await
}

/// 백업: the open caseload into a new encrypted file in Downloads; the
/// counselor types the caseload's passphrase (the desk does not keep it).
#[tauri::command]
pub async fn backup_caseload(
    state: tauri::State<'_, DeskState>,
    passphrase: String,
) -> Result<ExportOutcome, UiError> {
    let dir = download_dir();
    with_desk(&state, move |desk| desk.backup_into(&dir, &passphrase)).await
}
