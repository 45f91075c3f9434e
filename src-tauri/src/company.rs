//! The commands of the company page's 진단, 컨설팅 계획 and 지원사업 tabs
//! (doyak_app `company_diagnosis`, `company_plan`, `company_programs`).
//! Reads run on the reader connection; saves on the desk.

use crate::commands::{DeskState, download_dir, with_desk, with_reader};
use doyak_app::{
    CompanyDiagnosis, CompanyDiagnosisForm, CompanyDiagnosisView, CompanyFactsForm,
    CompanyPlanView, CompanyProgramsView, DiagnosisComparison, ExportOutcome, PlanActionForm,
    UiError,
};

#[tauri::command]
pub async fn company_diagnosis_view(
    state: tauri::State<'_, DeskState>,
    company_id: String,
) -> Result<CompanyDiagnosisView, UiError> {
    with_reader(&state, move |desk| desk.company_diagnosis_view(&company_id)).await
}

/// The diagnosis with the visit answers on the page (nothing saved).
#[tauri::command]
pub async fn preview_company_diagnosis(
    state: tauri::State<'_, DeskState>,
    form: CompanyDiagnosisForm,
) -> Result<CompanyDiagnosis, UiError> {
    with_reader(&state, move |desk| desk.preview_company_diagnosis(&form)).await
}

#[tauri::command]
pub async fn save_company_diagnosis(
    state: tauri::State<'_, DeskState>,
    form: CompanyDiagnosisForm,
) -> Result<String, UiError> {
    with_desk(&state, move |desk| desk.save_company_diagnosis(&form)).await
}

#[tauri::command]
pub async fn compare_company_diagnoses(
    state: tauri::State<'_, DeskState>,
    company_id: String,
    first: String,
    second: String,
) -> Result<DiagnosisComparison, UiError> {
    with_reader(&state, move |desk| {
        desk.compare_company_diagnoses(&company_id, &first, &second)
    })
    .await
}

#[tauri::command]
pub async fn company_plan(
    state: tauri::State<'_, DeskState>,
    company_id: String,
) -> Result<CompanyPlanView, UiError> {
    with_reader(&state, move |desk| desk.company_plan(&company_id)).await
}

#[tauri::command]
pub async fn save_plan_action(
    state: tauri::State<'_, DeskState>,
    form: PlanActionForm,
) -> Result<String, UiError> {
    with_desk(&state, move |desk| desk.save_plan_action(&form)).await
}

/// 지원사업 on `on` (YYYY-MM-DD; today when empty), for `seeker_id` as the
/// hire when not empty.
#[tauri::command]
pub async fn company_programs(
    state: tauri::State<'_, DeskState>,
    company_id: String,
    on: String,
    seeker_id: String,
) -> Result<CompanyProgramsView, UiError> {
    with_reader(&state, move |desk| {
        desk.company_programs(&company_id, &on, &seeker_id)
    })
    .await
}

#[tauri::command]
pub async fn save_company_facts(
    state: tauri::State<'_, DeskState>,
    form: CompanyFactsForm,
) -> Result<(), UiError> {
    with_desk(&state, move |desk| desk.save_company_facts(&form)).await
}

/// The firm's report (diagnosis, plan, programs) as a new PDF in the
/// download folder.
#[tauri::command]
pub async fn save_company_report(
    state: tauri::State<'_, DeskState>,
    company_id: String,
) -> Result<ExportOutcome, UiError> {
    let dir = download_dir();
    with_desk(&state, move |desk| {
        desk.save_company_report(&company_id, &dir)
    })
    .await
}
