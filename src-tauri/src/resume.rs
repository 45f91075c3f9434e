//! The commands of the seeker's 이력서 tab (doyak_app `resume`): attach a
//! file, list its versions, analyse one (or an unsaved edit), save an edit,
//! confirm facts into the record, the PDF report and the consulting event;
//! and the vacancy's 공고 점검, the same kind of reading of a document.

use crate::commands::{DeskState, download_dir, with_desk, with_reader};
use doyak_app::{
    ExportOutcome, ResumeConfirmForm, ResumeConfirmed, ResumeConsultingForm, ResumeDeskView,
    ResumeFileView, UiError,
};
use std::path::PathBuf;

/// Keeps the file at `path` (picked in the file dialog) as the seeker's
/// next résumé version; an unreadable file is refused and nothing kept.
#[tauri::command]
pub async fn attach_resume(
    state: tauri::State<'_, DeskState>,
    seeker_id: String,
    path: String,
) -> Result<ResumeFileView, UiError> {
    let path = PathBuf::from(path.trim());
    with_desk(&state, move |desk| desk.attach_resume(&seeker_id, &path)).await
}

#[tauri::command]
pub async fn resume_files(
    state: tauri::State<'_, DeskState>,
    seeker_id: String,
) -> Result<Vec<ResumeFileView>, UiError> {
    with_reader(&state, move |desk| desk.resume_files(&seeker_id)).await
}

#[tauri::command]
pub async fn resume_view(
    state: tauri::State<'_, DeskState>,
    seeker_id: String,
    file_id: String,
    vacancy_id: Option<String>,
) -> Result<ResumeDeskView, UiError> {
    // Read-only: on the reader connection, so an analysis re-run as the
    // counselor types never waits behind a sync write.
    with_reader(&state, move |desk| {
        desk.resume_desk_view(&seeker_id, &file_id, vacancy_id.as_deref())
    })
    .await
}

/// The counselor's unsaved edit, analysed by the same rules.
#[tauri::command]
pub async fn resume_edit_view(
    state: tauri::State<'_, DeskState>,
    seeker_id: String,
    file_id: String,
    text: String,
    vacancy_id: Option<String>,
) -> Result<ResumeDeskView, UiError> {
    with_reader(&state, move |desk| {
        desk.resume_edit_view(&seeker_id, &file_id, &text, vacancy_id.as_deref())
    })
    .await
}

#[tauri::command]
pub async fn save_edited_resume(
    state: tauri::State<'_, DeskState>,
    seeker_id: String,
    based_on: u32,
    text: String,
) -> Result<ResumeFileView, UiError> {
    with_desk(&state, move |desk| {
        desk.save_edited_resume(&seeker_id, based_on, &text)
    })
    .await
}

#[tauri::command]
pub async fn confirm_resume_facts(
    state: tauri::State<'_, DeskState>,
    form: ResumeConfirmForm,
) -> Result<ResumeConfirmed, UiError> {
    with_desk(&state, move |desk| desk.confirm_resume_facts(&form)).await
}

/// The consulting report of one version as a new PDF in the download folder.
#[tauri::command]
pub async fn save_resume_report(
    state: tauri::State<'_, DeskState>,
    seeker_id: String,
    file_id: String,
    vacancy_id: Option<String>,
) -> Result<ExportOutcome, UiError> {
    let dir = download_dir();
    with_desk(&state, move |desk| {
        desk.save_resume_report(&seeker_id, &file_id, vacancy_id.as_deref(), &dir)
    })
    .await
}

#[tauri::command]
pub async fn save_resume_consulting(
    state: tauri::State<'_, DeskState>,
    form: ResumeConsultingForm,
) -> Result<String, UiError> {
    with_desk(&state, move |desk| desk.save_resume_consulting(&form)).await
}

/// 공고 점검 of a vacancy (read-only).
#[tauri::command]
pub async fn posting_check(
    state: tauri::State<'_, DeskState>,
    vacancy_id: String,
) -> Result<doyak_app::PostingCheckView, UiError> {
    with_reader(&state, move |desk| desk.posting_check_view(&vacancy_id)).await
}

/// 공고 초안 from the vacancy's own fields (nothing saved).
#[tauri::command]
pub async fn posting_draft(
    state: tauri::State<'_, DeskState>,
    vacancy_id: String,
) -> Result<String, UiError> {
    with_reader(&state, move |desk| desk.posting_draft(&vacancy_id)).await
}

/// Saves the counselor's 공고 본문 of a vacancy.
#[tauri::command]
pub async fn save_posting_text(
    state: tauri::State<'_, DeskState>,
    vacancy_id: String,
    text: String,
) -> Result<(), UiError> {
    with_desk(&state, move |desk| {
        desk.save_posting_text(&vacancy_id, &text)
    })
    .await
}
