//! The commands for a case's outcomes: 알선 steps, 취업 등록 and 고용유지
//! 확인 (doyak_app `steps` and `outcomes`), and the drafts of half-written
//! forms (`drafts`). Each takes the state, runs the
//! use case off the window's thread and maps errors to `UiError`.

use crate::commands::{DeskState, with_desk};
use doyak_app::{
    ApplicationRow, OutcomeChoices, PlacementDraft, PlacementForm, RetentionDraft, RetentionForm,
    SessionDraft, SessionForm, StepForm, UiError,
};
use doyak_app::{CaseFileChoices, IapForm, ReferralForm, ReferralResultForm};
use doyak_app::{Choice, DeskCounselor, NewCounselorForm, PartnerForm};
use doyak_app::{
    IapCheckForm, IapDraft, IapGoalForm, IapPlanForm, IapView, QuestionnaireForm,
    QuestionnaireProgress, QuestionnaireView, ReadinessView,
};

#[tauri::command]
pub async fn outcome_choices(
    state: tauri::State<'_, DeskState>,
) -> Result<OutcomeChoices, UiError> {
    with_desk(&state, |desk| Ok(desk.outcome_choices())).await
}

#[tauri::command]
pub async fn step_application(
    state: tauri::State<'_, DeskState>,
    form: StepForm,
) -> Result<ApplicationRow, UiError> {
    with_desk(&state, move |desk| desk.step_application(&form)).await
}

#[tauri::command]
pub async fn new_placement_form(
    state: tauri::State<'_, DeskState>,
    seeker_id: String,
    application_id: String,
) -> Result<PlacementDraft, UiError> {
    with_desk(&state, move |desk| {
        desk.new_placement_form(&seeker_id, &application_id)
    })
    .await
}

#[tauri::command]
pub async fn add_placement(
    state: tauri::State<'_, DeskState>,
    form: PlacementForm,
) -> Result<String, UiError> {
    with_desk(&state, move |desk| desk.add_placement(&form)).await
}

#[tauri::command]
pub async fn new_retention_form(
    state: tauri::State<'_, DeskState>,
    placement_id: String,
    months: u8,
) -> Result<RetentionDraft, UiError> {
    with_desk(&state, move |desk| {
        desk.new_retention_form(&placement_id, months)
    })
    .await
}

#[tauri::command]
pub async fn add_retention(
    state: tauri::State<'_, DeskState>,
    form: RetentionForm,
) -> Result<(), UiError> {
    with_desk(&state, move |desk| desk.add_retention(&form)).await
}

#[tauri::command]
pub async fn session_draft(
    state: tauri::State<'_, DeskState>,
    seeker_id: String,
) -> Result<Option<SessionDraft>, UiError> {
    with_desk(&state, move |desk| desk.session_draft(&seeker_id)).await
}

#[tauri::command]
pub async fn save_session_draft(
    state: tauri::State<'_, DeskState>,
    form: SessionForm,
) -> Result<(), UiError> {
    with_desk(&state, move |desk| desk.save_session_draft(&form)).await
}

#[tauri::command]
pub async fn drop_session_draft(
    state: tauri::State<'_, DeskState>,
    seeker_id: String,
) -> Result<(), UiError> {
    with_desk(&state, move |desk| desk.drop_session_draft(&seeker_id)).await
}

#[tauri::command]
pub async fn case_file_choices(
    state: tauri::State<'_, DeskState>,
) -> Result<CaseFileChoices, UiError> {
    with_desk(&state, |desk| desk.case_file_choices()).await
}

#[tauri::command]
pub async fn add_iap_activity(
    state: tauri::State<'_, DeskState>,
    form: IapForm,
) -> Result<String, UiError> {
    with_desk(&state, move |desk| desk.add_iap_activity(&form)).await
}

#[tauri::command]
pub async fn complete_iap_activity(
    state: tauri::State<'_, DeskState>,
    id: String,
) -> Result<(), UiError> {
    with_desk(&state, move |desk| desk.complete_iap_activity(&id)).await
}

/// Edits an IAP activity (a new version that supersedes it).
#[tauri::command]
pub async fn edit_iap_activity(
    state: tauri::State<'_, DeskState>,
    id: String,
    form: IapForm,
) -> Result<(), UiError> {
    with_desk(&state, move |desk| desk.edit_iap_activity(&id, &form)).await
}

/// Records an IAP activity's 이행 점검 (a new version that supersedes it).
#[tauri::command]
pub async fn check_iap_activity(
    state: tauri::State<'_, DeskState>,
    form: IapCheckForm,
) -> Result<(), UiError> {
    with_desk(&state, move |desk| desk.check_iap_activity(&form)).await
}

#[tauri::command]
pub async fn iap(
    state: tauri::State<'_, DeskState>,
    seeker_id: String,
) -> Result<IapView, UiError> {
    with_desk(&state, move |desk| desk.iap(&seeker_id)).await
}

#[tauri::command]
pub async fn set_iap_goal(
    state: tauri::State<'_, DeskState>,
    form: IapGoalForm,
) -> Result<(), UiError> {
    with_desk(&state, move |desk| desk.set_iap_goal(&form)).await
}

/// The IAP 초안 from the diagnosis (nothing saved).
#[tauri::command]
pub async fn draft_iap(
    state: tauri::State<'_, DeskState>,
    seeker_id: String,
    occupation: String,
) -> Result<IapDraft, UiError> {
    with_desk(&state, move |desk| desk.draft_iap(&seeker_id, &occupation)).await
}

#[tauri::command]
pub async fn save_iap_plan(
    state: tauri::State<'_, DeskState>,
    form: IapPlanForm,
) -> Result<(), UiError> {
    with_desk(&state, move |desk| desk.save_iap_plan(&form)).await
}

#[tauri::command]
pub async fn questionnaire(
    state: tauri::State<'_, DeskState>,
    seeker_id: String,
) -> Result<QuestionnaireView, UiError> {
    with_desk(&state, move |desk| desk.questionnaire(&seeker_id)).await
}

#[tauri::command]
pub async fn save_questionnaire_draft(
    state: tauri::State<'_, DeskState>,
    form: QuestionnaireForm,
) -> Result<QuestionnaireProgress, UiError> {
    with_desk(&state, move |desk| desk.save_questionnaire_draft(&form)).await
}

#[tauri::command]
pub async fn submit_questionnaire(
    state: tauri::State<'_, DeskState>,
    form: QuestionnaireForm,
) -> Result<ReadinessView, UiError> {
    with_desk(&state, move |desk| desk.submit_questionnaire(&form)).await
}

/// Refers a seeker to a partner institution; returns the referral's id.
#[tauri::command]
pub async fn add_referral(
    state: tauri::State<'_, DeskState>,
    form: ReferralForm,
) -> Result<String, UiError> {
    with_desk(&state, move |desk| desk.add_referral(&form)).await
}

#[tauri::command]
pub async fn record_referral_result(
    state: tauri::State<'_, DeskState>,
    form: ReferralResultForm,
) -> Result<(), UiError> {
    with_desk(&state, move |desk| desk.record_referral_result(&form)).await
}

#[tauri::command]
pub async fn desk_counselor(state: tauri::State<'_, DeskState>) -> Result<DeskCounselor, UiError> {
    with_desk(&state, |desk| desk.desk_counselor()).await
}

#[tauri::command]
pub async fn choose_counselor(
    state: tauri::State<'_, DeskState>,
    id: String,
) -> Result<DeskCounselor, UiError> {
    with_desk(&state, move |desk| desk.choose_counselor(&id)).await
}

#[tauri::command]
pub async fn add_counselor(
    state: tauri::State<'_, DeskState>,
    form: NewCounselorForm,
) -> Result<DeskCounselor, UiError> {
    with_desk(&state, move |desk| desk.add_counselor(&form)).await
}

#[tauri::command]
pub async fn add_partner(
    state: tauri::State<'_, DeskState>,
    form: PartnerForm,
) -> Result<Choice, UiError> {
    with_desk(&state, move |desk| desk.add_partner(&form)).await
}
