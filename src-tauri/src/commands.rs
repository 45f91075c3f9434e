//! The commands the window may call. Each is a few lines: take the state, run
//! the use case on a blocking thread (SQLite and key derivation must not
//! freeze the window), map errors to `UiError`.

use crate::unlock_clock::UnlockClock;
use doyak_app::PassphraseChangeForm;
use doyak_app::unlock::UnlockGuard;
use doyak_app::{
    AppError, CaseloadSummary, Choice, DemoSpec, Desk, ErrorCode, EventRow, FieldError,
    NewCaseload, Passphrase, SeekerDetail, SeekerFilterChoices, SeekerForm, SeekerFormChoices,
    SeekerListQuery, SeekerPage, SessionForm, SystemClock, TodayLimits, TodayView, UiError,
};
use doyak_app::{ApplicationRow, AssignmentView, DiagnosisView, RecommendationView, VacancyDetail};
use doyak_app::{
    CompanyDetail, CompanyFilterChoices, CompanyForm, CompanyFormChoices, CompanyListQuery,
    CompanyPage, ComplexView, VacancyForm, VacancyListQuery, VacancyPage, VisitForm,
};
use doyak_app::{DuplicateRow, FollowUpGroup, QuickResults};
use doyak_app::{ExportOutcome, ImportOutcome, ImportRequest, NewCaseloadForm, Progress};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use tauri::ipc::Channel;
use ts_rs::TS;

pub struct DeskState {
    pub(crate) path: PathBuf,
    demo: bool,
    pub(crate) desk: Arc<Mutex<Option<Desk>>>,
    /// A second, read-only connection for 오늘 할 일 and the status bar, so
    /// they never queue behind a write or the search-index build (and the
    /// seeker list never queues behind them). Absent until unlock, or when
    /// it could not be opened: those reads then go through `desk`.
    pub(crate) reader: Arc<Mutex<Option<Desk>>>,
    pub(crate) guard: Arc<Mutex<UnlockGuard>>,
    /// What the throttle and the idle lock read as now (crate::unlock_clock).
    pub(crate) clock: Arc<UnlockClock>,
    /// 자동 잠금's idle time and why the desk last locked (crate::autolock).
    pub(crate) autolock: Arc<Mutex<crate::autolock::AutoLock>>,
    /// The caseload's passphrase from unlock until the desk locks, for the
    /// automatic backup (crate::auto_backup); zeroized when dropped.
    pub(crate) passphrase: Arc<Mutex<Option<Passphrase>>>,
    /// Where background and 지금 동기화 syncs stand (crate::sync).
    pub(crate) sync: Arc<Mutex<crate::sync::SyncRuntime>>,
}

impl DeskState {
    pub fn new(path: PathBuf, demo: bool) -> Self {
        DeskState {
            path,
            demo,
            desk: Arc::new(Mutex::new(None)),
            reader: Arc::new(Mutex::new(None)),
            guard: Arc::new(Mutex::new(UnlockGuard::default())),
            clock: Arc::new(UnlockClock::from_env()),
            autolock: Arc::new(Mutex::new(crate::autolock::AutoLock::default())),
            passphrase: Arc::new(Mutex::new(None)),
            sync: Arc::new(Mutex::new(crate::sync::SyncRuntime::default())),
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
    // The demo runs up to the day it is made, so its seekers differ from
    // day to day. `DOYAK_DEMO_AS_OF=YYYY-MM-DD` makes it as of that day
    // (10:00 in Korea) instead: the end-to-end tests name its seekers.
    let clock: Arc<dyn doyak_app::Clock> = match std::env::var("DOYAK_DEMO_AS_OF")
        .ok()
        .and_then(|d| format!("{d}T01:00:00Z").parse().ok())
    {
        Some(at) => Arc::new(doyak_app::FixedClock(at)),
        None => Arc::new(SystemClock),
    };
    let mut desk = Desk::create_demo(path, &new, clock)?.with_actor("demo");
    let spec: DemoSpec = desk.demo_spec(600, 80, 1)?;
    desk.generate_demo(&spec, &mut |_, _| {})?;
    // The demo desk is one of the demo center's counselors, so what is
    // written on it shows an author like the generated notes do.
    if let Some(first) = desk
        .desk_counselor()?
        .choices
        .into_iter()
        .find(|c| c.role == "상담사")
    {
        desk.choose_counselor(&first.id)?;
    }
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
    /// The shortest passphrase a new caseload accepts (the use case's rule).
    min_passphrase_chars: u32,
    /// The device name 센터에 합류 uses when the form leaves it empty.
    default_device_name: String,
}

/// Every failure a command returns passes here: logged, then shown.
pub(crate) fn ui(e: AppError) -> UiError {
    crate::log::failure(e)
}

pub(crate) fn internal() -> UiError {
    tracing::error!(code = %ErrorCode::DeskInternal, "a lock was poisoned or a task did not finish");
    UiError {
        code: ErrorCode::DeskInternal.as_str().into(),
        message: "작업을 마치지 못했습니다.".into(),
        fields: vec![],
    }
}

pub(crate) fn locked() -> UiError {
    UiError {
        code: ErrorCode::DeskLocked.as_str().into(),
        message: "먼저 암호를 입력해 사례관리 파일을 여세요.".into(),
        fields: vec![],
    }
}

pub(crate) async fn with_desk<T: Send + 'static>(
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

/// Runs a read-only use case on the reader connection when there is one.
pub(crate) async fn with_reader<T: Send + 'static>(
    state: &DeskState,
    f: impl FnOnce(&Desk) -> Result<T, AppError> + Send + 'static,
) -> Result<T, UiError> {
    let reader = state.reader.clone();
    let desk = state.desk.clone();
    tauri::async_runtime::spawn_blocking(move || {
        if let Ok(guard) = reader.lock()
            && let Some(reader) = guard.as_ref()
        {
            return f(reader).map_err(ui);
        }
        let guard = desk.lock().map_err(|_| locked())?;
        let desk = guard.as_ref().ok_or_else(locked)?;
        f(desk).map_err(ui)
    })
    .await
    .map_err(|_| internal())?
}

#[tauri::command]
pub fn desk_info(state: tauri::State<'_, DeskState>) -> DeskInfo {
    DeskInfo {
        demo: state.demo,
        demo_passphrase: state.demo.then(|| doyak_app::DEMO_PASSPHRASE.to_owned()),
        caseload_exists: state.path.exists(),
        caseload_path: state.path.display().to_string(),
        min_passphrase_chars: doyak_app::MIN_PASSPHRASE_CHARS as u32,
        default_device_name: doyak_app::sync::DEFAULT_DEVICE_NAME.to_owned(),
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
    let reader_slot = state.reader.clone();
    let (guard, clock) = (state.guard.clone(), state.clock.clone());
    let (autolock, held) = (state.autolock.clone(), state.passphrase.clone());
    tauri::async_runtime::spawn_blocking(move || {
        let mut guard = guard.lock().map_err(|_| internal())?;
        let passphrase = Passphrase::new(passphrase);
        let (mut desk, reader) = guard
            .attempt(clock.now(), || {
                Desk::open_with_reader(&path, &passphrase, Arc::new(SystemClock))
            })
            .map_err(ui)?;
        desk.use_token_vault(doyak_app::sync::os_keyring());
        let summary = desk.summary().map_err(ui)?;
        tracing::info!(
            seekers = summary.seekers,
            companies = summary.companies,
            "caseload opened"
        );
        let minutes = desk
            .auto_lock_minutes()
            .unwrap_or(doyak_app::DEFAULT_AUTO_LOCK_MINUTES);
        *reader_slot.lock().map_err(|_| locked())? = reader;
        {
            // The passphrase is held exactly while the desk is open: set
            // under the desk's lock, as `autolock::lock` clears it.
            let mut open = slot.lock().map_err(|_| locked())?;
            *open = Some(desk);
            *held.lock().map_err(|_| internal())? = Some(passphrase);
        }
        crate::autolock::opened(&autolock, &clock, minutes);
        // Build the search index while the counselor reads 오늘 할 일.
        let warm = slot.clone();
        tauri::async_runtime::spawn_blocking(move || {
            if let Ok(guard) = warm.lock()
                && let Some(desk) = guard.as_ref()
            {
                let _ = desk.warm_up();
            }
        });
        Ok(summary)
    })
    .await
    .map_err(|_| internal())?
}

#[tauri::command]
pub async fn summary(state: tauri::State<'_, DeskState>) -> Result<CaseloadSummary, UiError> {
    with_reader(&state, |desk| desk.summary()).await
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
pub async fn today(
    state: tauri::State<'_, DeskState>,
    limits: Option<TodayLimits>,
) -> Result<TodayView, UiError> {
    let limits = limits.unwrap_or_default();
    with_reader(&state, move |desk| desk.today_with(&limits)).await
}

/// 더 보기 in one 상담 예정 group of 오늘 할 일.
#[tauri::command]
pub async fn follow_up_page(
    state: tauri::State<'_, DeskState>,
    key: String,
    offset: u64,
) -> Result<FollowUpGroup, UiError> {
    with_reader(&state, move |desk| desk.follow_up_page(&key, offset)).await
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

/// 통합 검색 (Ctrl+K): seekers, companies and vacancies matching `text`. On
/// the reader connection, so typing never waits behind a save.
#[tauri::command]
pub async fn quick_search(
    state: tauri::State<'_, DeskState>,
    text: String,
) -> Result<QuickResults, UiError> {
    with_reader(&state, move |desk| desk.quick_search(&text)).await
}

/// Who a new seeker being typed may already be (doyak_app `duplicates`).
#[tauri::command]
pub async fn seeker_duplicates(
    state: tauri::State<'_, DeskState>,
    form: SeekerForm,
) -> Result<Vec<DuplicateRow>, UiError> {
    with_desk(&state, move |desk| desk.seeker_duplicates(&form)).await
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
pub async fn new_session_form(
    state: tauri::State<'_, DeskState>,
    seeker_id: String,
) -> Result<SessionForm, UiError> {
    with_desk(&state, move |desk| desk.new_session_form(&seeker_id)).await
}

/// The session form filled with a note, to correct it (a superseding event).
#[tauri::command]
pub async fn session_correction_form(
    state: tauri::State<'_, DeskState>,
    event_id: String,
) -> Result<SessionForm, UiError> {
    with_desk(&state, move |desk| desk.session_correction_form(&event_id)).await
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
    // With a caseload open, 시군구 near the center come first; before unlock
    // (the new-caseload form) the reference data alone answers.
    let (l, q) = (list.clone(), query.clone());
    match with_reader(&state, move |desk| desk.search_codes(&l, &q)).await {
        Ok(found) => Ok(found),
        Err(_) => doyak_app::codes::search_codes(&list, &query).map_err(ui),
    }
}

#[tauri::command]
pub async fn code_labels(list: String, codes: Vec<String>) -> Result<Vec<Choice>, UiError> {
    doyak_app::codes::code_labels(&list, &codes).map_err(ui)
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

/// Creates the caseload file when there is none yet (the unlock screen's
/// "new caseload" form), and opens it.
#[tauri::command]
pub async fn create_caseload(
    state: tauri::State<'_, DeskState>,
    form: NewCaseloadForm,
) -> Result<CaseloadSummary, UiError> {
    let path = state.path.clone();
    let slot = state.desk.clone();
    let (autolock, clock) = (state.autolock.clone(), state.clock.clone());
    let held = state.passphrase.clone();
    tauri::async_runtime::spawn_blocking(move || {
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let mut desk = Desk::create_from_form(&path, &form, Arc::new(SystemClock)).map_err(ui)?;
        desk.use_token_vault(doyak_app::sync::os_keyring());
        let summary = desk.summary().map_err(ui)?;
        {
            let mut open = slot.lock().map_err(|_| locked())?;
            *open = Some(desk);
            *held.lock().map_err(|_| internal())? = Some(Passphrase::new(form.passphrase.clone()));
        }
        crate::autolock::opened(&autolock, &clock, doyak_app::DEFAULT_AUTO_LOCK_MINUTES);
        Ok(summary)
    })
    .await
    .map_err(|_| internal())?
}

/// Calls `send` with progress at most once per percent.
fn throttled(channel: Channel<Progress>) -> impl FnMut(u64, u64) {
    let mut last = u64::MAX;
    move |done, total| {
        let percent = (done * 100).checked_div(total).unwrap_or(100);
        if percent != last || done == total {
            last = percent;
            let clamp = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
            let _ = channel.send(Progress {
                done: clamp(done),
                total: clamp(total),
            });
        }
    }
}

/// Imports the file at `path`, picked in the file dialog: the desk checks
/// its size before reading it (doyak_app::read_import_file).
#[tauri::command]
pub async fn import_file(
    state: tauri::State<'_, DeskState>,
    request: ImportRequest,
    path: String,
    on_progress: Channel<Progress>,
) -> Result<ImportOutcome, UiError> {
    let mut progress = throttled(on_progress);
    let path = PathBuf::from(path);
    with_desk(&state, move |desk| {
        desk.import_path(&request, &path, &mut |d, t| progress(d as u64, t as u64))
    })
    .await
}

/// What the 가져오기·내보내기 screen offers; needs no open caseload.
#[tauri::command]
pub fn data_choices() -> doyak_app::DataChoices {
    doyak_app::data_choices()
}

/// Where exports go: the counselor's download folder.
pub(crate) fn download_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("XDG_DOWNLOAD_DIR") {
        return PathBuf::from(dir);
    }
    let home = std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("."));
    ["다운로드", "Downloads"]
        .iter()
        .map(|d| home.join(d))
        .find(|p| p.is_dir())
        .unwrap_or_else(|| home.join("Downloads"))
}

/// 내보내기: a list to the download folder, masked unless asked in full
/// (then an encrypted zip), with its purpose logged.
#[tauri::command]
pub async fn export_file(
    state: tauri::State<'_, DeskState>,
    request: doyak_app::ExportRequest,
) -> Result<doyak_app::ListExported, UiError> {
    let dir = download_dir();
    with_desk(&state, move |desk| desk.export_to_dir(&request, &dir)).await
}

/// The seeker's report (diagnosis and IAP) as a new PDF in the download
/// folder.
#[tauri::command]
pub async fn save_seeker_report(
    state: tauri::State<'_, DeskState>,
    seeker_id: String,
) -> Result<ExportOutcome, UiError> {
    let dir = download_dir();
    with_desk(&state, move |desk| {
        desk.save_seeker_report(&seeker_id, &dir)
    })
    .await
}

#[tauri::command]
pub async fn generate_demo(
    state: tauri::State<'_, DeskState>,
    seekers: u32,
    companies: u32,
    seed: u64,
    on_progress: Channel<Progress>,
) -> Result<u32, UiError> {
    let mut progress = throttled(on_progress);
    with_desk(&state, move |desk| {
        desk.demo_into_empty(seekers, companies, seed, &mut progress)
    })
    .await
}

/// The 진단 tab: the seeker against every occupation profile.
#[tauri::command]
pub async fn diagnose_seeker(
    state: tauri::State<'_, DeskState>,
    seeker_id: String,
) -> Result<DiagnosisView, UiError> {
    with_desk(&state, move |desk| desk.diagnosis_view(&seeker_id)).await
}

#[tauri::command]
pub async fn recommended_vacancies(
    state: tauri::State<'_, DeskState>,
    seeker_id: String,
) -> Result<RecommendationView, UiError> {
    with_desk(&state, move |desk| desk.recommended_vacancies(&seeker_id)).await
}

#[tauri::command]
pub async fn recommended_seekers(
    state: tauri::State<'_, DeskState>,
    vacancy_id: String,
) -> Result<RecommendationView, UiError> {
    with_desk(&state, move |desk| desk.recommended_seekers(&vacancy_id)).await
}

#[tauri::command]
pub async fn assignment_suggestions(
    state: tauri::State<'_, DeskState>,
) -> Result<AssignmentView, UiError> {
    with_desk(&state, |desk| desk.assignment_suggestions()).await
}

#[tauri::command]
pub async fn seeker_applications(
    state: tauri::State<'_, DeskState>,
    seeker_id: String,
) -> Result<Vec<ApplicationRow>, UiError> {
    with_desk(&state, move |desk| desk.seeker_applications(&seeker_id)).await
}

#[tauri::command]
pub async fn vacancy_detail(
    state: tauri::State<'_, DeskState>,
    id: String,
) -> Result<VacancyDetail, UiError> {
    with_desk(&state, move |desk| desk.vacancy_detail(&id)).await
}

#[tauri::command]
pub async fn add_application(
    state: tauri::State<'_, DeskState>,
    seeker_id: String,
    vacancy_id: String,
    status: String,
) -> Result<ApplicationRow, UiError> {
    with_desk(&state, move |desk| {
        desk.add_application(&seeker_id, &vacancy_id, &status)
    })
    .await
}

/// 암호 변경: re-encrypts the open caseload under a new passphrase
/// (doyak_app `passphrase`). The unlock throttle counts a wrong current
/// passphrase; the writer stays locked throughout, so no command or sync
/// touches the file meanwhile, and the reader is closed and reopened.
#[tauri::command]
pub async fn change_passphrase(
    state: tauri::State<'_, DeskState>,
    form: PassphraseChangeForm,
) -> Result<(), UiError> {
    let (guard, clock, desk, reader) = (
        state.guard.clone(),
        state.clock.clone(),
        state.desk.clone(),
        state.reader.clone(),
    );
    let held = state.passphrase.clone();
    tauri::async_runtime::spawn_blocking(move || {
        // The order unlock takes them in: the throttle first.
        let mut guard = guard.lock().map_err(|_| internal())?;
        let mut desk = desk.lock().map_err(|_| locked())?;
        let desk = desk.as_mut().ok_or_else(locked)?;
        let mut reader = reader.lock().map_err(|_| locked())?;
        desk.change_passphrase_beside(&mut reader, &mut guard, clock.now(), &form)
            .map_err(ui)?;
        // The automatic backup uses the new one from now on.
        *held.lock().map_err(|_| internal())? = Some(Passphrase::new(form.new.clone()));
        Ok(())
    })
    .await
    .map_err(|_| internal())?
}
