//! The commands the window may call. Each is a few lines: take the state, run
//! the use case on a blocking thread (SQLite and key derivation must not
//! freeze the window), map errors to `UiError`.

use doyak_app::unlock::{UnlockGuard, wait_message};
use doyak_app::{
    AppError, CaseloadSummary, Choice, DemoSpec, Desk, EventRow, FieldError, NewCaseload,
    Passphrase, SeekerDetail, SeekerFilterChoices, SeekerForm, SeekerFormChoices, SeekerListQuery,
    SeekerPage, SessionForm, SystemClock, TodayView, UiError,
};
use doyak_app::{
    CompanyDetail, CompanyFilterChoices, CompanyForm, CompanyFormChoices, CompanyListQuery,
    CompanyPage, ComplexView, VacancyForm, VacancyListQuery, VacancyPage, VisitForm,
};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Instant;
use ts_rs::TS;

pub struct DeskState {
    path: PathBuf,
    demo: bool,
    desk: Arc<Mutex<Option<Desk>>>,
    guard: Arc<Mutex<UnlockGuard>>,
}

impl DeskState {
    pub fn new(path: PathBuf, demo: bool) -> Self {
        DeskState {
            path,
            demo,
            desk: Arc::new(Mutex::new(None)),
            guard: Arc::new(Mutex::new(UnlockGuard::default())),
        }
    }
}

pub fn create_demo_caseload(path: &Path) -> Result<(), AppError> {
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let new = NewCaseload {
        center_name: "도약 데모 고용복지플러스센터".into(),
        center_sigungu: Some("41273".into()),
    };
    let mut desk = Desk::create(
        path,
        &Passphrase::new(crate::DEMO_PASSPHRASE),
        &new,
        Arc::new(SystemClock),
    )?
    .with_actor("demo");
    let spec: DemoSpec = desk.demo_spec(600, 80, 1)?;
    desk.generate_demo(&spec, &mut |_, _| {})?;
    Ok(())
}

/// What the unlock screen needs to know before a caseload is open.
#[derive(Debug, Serialize, TS)]
pub struct DeskInfo {
    demo: bool,
    /// Shown on the unlock screen in demo mode only.
    demo_passphrase: Option<String>,
    caseload_exists: bool,
    /// Where the desk looks for the caseload file, for the "no file" message.
    caseload_path: String,
}

fn ui(e: AppError) -> UiError {
    UiError::from(&e)
}

fn internal() -> UiError {
    UiError {
        code: "desk.internal".into(),
        message: "작업을 마치지 못했습니다.".into(),
        fields: vec![],
    }
}

fn locked() -> UiError {
    UiError {
        code: "desk.locked".into(),
        message: "먼저 암호를 입력해 사례관리 파일을 여세요.".into(),
        fields: vec![],
    }
}

async fn with_desk<T: Send + 'static>(
    state: &DeskState,
    f: impl FnOnce(&mut Desk) -> Result<T, AppError> + Send + 'static,
) -> Result<T, UiError> {
    let desk = state.desk.clone();
    tauri::async_runtime::spawn_blocking(move || {
        let mut guard = desk.lock().map_err(|_| locked())?;
        let desk = guard.as_mut().ok_or_else(locked)?;
        f(desk).map_err(ui)
    })
    .await
    .map_err(|_| internal())?
}

#[tauri::command]
pub fn desk_info(state: tauri::State<'_, DeskState>) -> DeskInfo {
    DeskInfo {
        demo: state.demo,
        demo_passphrase: state.demo.then(|| crate::DEMO_PASSPHRASE.to_owned()),
        caseload_exists: state.path.exists(),
        caseload_path: state.path.display().to_string(),
    }
}

/// Opens the caseload with the counselor's passphrase. Wrong passphrases
/// count; after a few, each try must wait longer (doyak_app::unlock).
#[tauri::command]
pub async fn unlock(
    state: tauri::State<'_, DeskState>,
    passphrase: String,
) -> Result<CaseloadSummary, UiError> {
    let path = state.path.clone();
    let slot = state.desk.clone();
    let guard = state.guard.clone();
    tauri::async_runtime::spawn_blocking(move || {
        let mut guard = guard.lock().map_err(|_| internal())?;
        if let Some(wait) = guard.must_wait(Instant::now()) {
            return Err(UiError {
                code: "desk.unlock_wait".into(),
                message: wait_message(wait),
                fields: vec![],
            });
        }
        match Desk::open(&path, &Passphrase::new(passphrase), Arc::new(SystemClock)) {
            Ok(desk) => {
                guard.succeeded();
                let summary = desk.summary().map_err(ui)?;
                *slot.lock().map_err(|_| locked())? = Some(desk);
                Ok(summary)
            }
            Err(e) => {
                if e.code() == "store.wrong_passphrase" {
                    guard.failed(Instant::now());
                }
                Err(ui(e))
            }
        }
    })
    .await
    .map_err(|_| internal())?
}

#[tauri::command]
pub async fn summary(state: tauri::State<'_, DeskState>) -> Result<CaseloadSummary, UiError> {
    with_desk(&state, |desk| desk.summary()).await
}

#[tauri::command]
pub async fn list_seekers(
    state: tauri::State<'_, DeskState>,
    query: SeekerListQuery,
) -> Result<SeekerPage, UiError> {
    with_desk(&state, move |desk| desk.seeker_list(&query)).await
}

#[tauri::command]
pub async fn seeker_filter_choices(
    state: tauri::State<'_, DeskState>,
) -> Result<SeekerFilterChoices, UiError> {
    with_desk(&state, |desk| Ok(desk.seeker_filter_choices())).await
}

#[tauri::command]
pub async fn today(state: tauri::State<'_, DeskState>) -> Result<TodayView, UiError> {
    with_desk(&state, |desk| desk.today()).await
}

#[tauri::command]
pub async fn seeker_detail(
    state: tauri::State<'_, DeskState>,
    id: String,
) -> Result<SeekerDetail, UiError> {
    with_desk(&state, move |desk| desk.seeker_detail(&id)).await
}

#[tauri::command]
pub async fn seeker_form_choices(
    state: tauri::State<'_, DeskState>,
) -> Result<SeekerFormChoices, UiError> {
    with_desk(&state, |desk| Ok(desk.seeker_form_choices())).await
}

#[tauri::command]
pub async fn new_seeker_form(state: tauri::State<'_, DeskState>) -> Result<SeekerForm, UiError> {
    with_desk(&state, |desk| Ok(desk.new_seeker_form())).await
}

#[tauri::command]
pub async fn check_seeker_form(
    state: tauri::State<'_, DeskState>,
    form: SeekerForm,
) -> Result<Vec<FieldError>, UiError> {
    with_desk(&state, move |desk| desk.check_seeker_form(&form)).await
}

/// Returns the saved seeker's id.
#[tauri::command]
pub async fn save_seeker_form(
    state: tauri::State<'_, DeskState>,
    form: SeekerForm,
) -> Result<String, UiError> {
    with_desk(&state, move |desk| desk.save_seeker_form(&form)).await
}

#[tauri::command]
pub async fn contact_modes(state: tauri::State<'_, DeskState>) -> Result<Vec<Choice>, UiError> {
    with_desk(&state, |desk| Ok(desk.contact_modes())).await
}

#[tauri::command]
pub async fn add_session(
    state: tauri::State<'_, DeskState>,
    form: SessionForm,
) -> Result<EventRow, UiError> {
    with_desk(&state, move |desk| desk.add_session(&form)).await
}

#[tauri::command]
pub async fn search_codes(
    state: tauri::State<'_, DeskState>,
    list: String,
    query: String,
) -> Result<Vec<Choice>, UiError> {
    with_desk(&state, move |desk| desk.search_codes(&list, &query)).await
}

#[tauri::command]
pub async fn code_labels(
    state: tauri::State<'_, DeskState>,
    list: String,
    codes: Vec<String>,
) -> Result<Vec<Choice>, UiError> {
    with_desk(&state, move |desk| desk.code_labels(&list, &codes)).await
}

#[tauri::command]
pub async fn company_filter_choices(
    state: tauri::State<'_, DeskState>,
) -> Result<CompanyFilterChoices, UiError> {
    with_desk(&state, |desk| desk.company_filter_choices()).await
}

#[tauri::command]
pub async fn company_list(
    state: tauri::State<'_, DeskState>,
    query: CompanyListQuery,
) -> Result<CompanyPage, UiError> {
    with_desk(&state, move |desk| desk.company_list(&query)).await
}

#[tauri::command]
pub async fn vacancy_list(
    state: tauri::State<'_, DeskState>,
    query: VacancyListQuery,
) -> Result<VacancyPage, UiError> {
    with_desk(&state, move |desk| desk.vacancy_list(&query)).await
}

#[tauri::command]
pub async fn company_form_choices(
    state: tauri::State<'_, DeskState>,
) -> Result<CompanyFormChoices, UiError> {
    with_desk(&state, |desk| Ok(desk.company_form_choices())).await
}

#[tauri::command]
pub async fn company_detail(
    state: tauri::State<'_, DeskState>,
    id: String,
) -> Result<CompanyDetail, UiError> {
    with_desk(&state, move |desk| desk.company_detail(&id)).await
}

#[tauri::command]
pub async fn new_company_form(
    state: tauri::State<'_, DeskState>,
    industrial_complex: String,
) -> Result<CompanyForm, UiError> {
    with_desk(&state, move |desk| {
        Ok(desk.new_company_form(&industrial_complex))
    })
    .await
}

#[tauri::command]
pub async fn check_company_form(
    state: tauri::State<'_, DeskState>,
    form: CompanyForm,
) -> Result<Vec<FieldError>, UiError> {
    with_desk(&state, move |desk| desk.check_company_form(&form)).await
}

#[tauri::command]
pub async fn save_company_form(
    state: tauri::State<'_, DeskState>,
    form: CompanyForm,
) -> Result<String, UiError> {
    with_desk(&state, move |desk| desk.save_company_form(&form)).await
}

#[tauri::command]
pub async fn new_vacancy_form(
    state: tauri::State<'_, DeskState>,
    company_id: String,
) -> Result<VacancyForm, UiError> {
    with_desk(&state, move |desk| desk.new_vacancy_form(&company_id)).await
}

#[tauri::command]
pub async fn vacancy_form(
    state: tauri::State<'_, DeskState>,
    id: String,
) -> Result<VacancyForm, UiError> {
    with_desk(&state, move |desk| desk.vacancy_form(&id)).await
}

#[tauri::command]
pub async fn check_vacancy_form(
    state: tauri::State<'_, DeskState>,
    form: VacancyForm,
) -> Result<Vec<FieldError>, UiError> {
    with_desk(&state, move |desk| desk.check_vacancy_form(&form)).await
}

#[tauri::command]
pub async fn save_vacancy_form(
    state: tauri::State<'_, DeskState>,
    form: VacancyForm,
) -> Result<String, UiError> {
    with_desk(&state, move |desk| desk.save_vacancy_form(&form)).await
}

#[tauri::command]
pub async fn complex_view(
    state: tauri::State<'_, DeskState>,
    name: String,
) -> Result<ComplexView, UiError> {
    with_desk(&state, move |desk| desk.complex_view(&name)).await
}

#[tauri::command]
pub async fn record_visit(
    state: tauri::State<'_, DeskState>,
    form: VisitForm,
) -> Result<EventRow, UiError> {
    with_desk(&state, move |desk| desk.record_visit(&form)).await
}
