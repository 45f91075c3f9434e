//! The commands the window may call. Each is a few lines: take the state, run
//! the use case on a blocking thread (SQLite and key derivation must not
//! freeze the window), map errors to `UiError`.

use doyak_app::{
    AppError, CaseloadSummary, DemoSpec, Desk, NewCaseload, Passphrase, SeekerFilter, SeekerPage,
    SystemClock, UiError,
};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

pub struct DeskState {
    path: PathBuf,
    demo: bool,
    desk: Arc<Mutex<Option<Desk>>>,
}

impl DeskState {
    pub fn new(path: PathBuf, demo: bool) -> Self {
        DeskState {
            path,
            demo,
            desk: Arc::new(Mutex::new(None)),
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

#[derive(Serialize)]
pub struct DeskInfo {
    demo: bool,
    /// Shown on the unlock screen in demo mode only.
    demo_passphrase: Option<&'static str>,
    caseload_exists: bool,
}

fn ui(e: AppError) -> UiError {
    UiError::from(&e)
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
    .map_err(|_| UiError {
        code: "desk.internal".into(),
        message: "작업을 마치지 못했습니다.".into(),
        fields: vec![],
    })?
}

#[tauri::command]
pub fn desk_info(state: tauri::State<'_, DeskState>) -> DeskInfo {
    DeskInfo {
        demo: state.demo,
        demo_passphrase: state.demo.then_some(crate::DEMO_PASSPHRASE),
        caseload_exists: state.path.exists(),
    }
}

#[tauri::command]
pub async fn unlock(
    state: tauri::State<'_, DeskState>,
    passphrase: String,
) -> Result<CaseloadSummary, UiError> {
    let path = state.path.clone();
    let slot = state.desk.clone();
    tauri::async_runtime::spawn_blocking(move || {
        let desk =
            Desk::open(&path, &Passphrase::new(passphrase), Arc::new(SystemClock)).map_err(ui)?;
        let summary = desk.summary().map_err(ui)?;
        *slot.lock().map_err(|_| locked())? = Some(desk);
        Ok(summary)
    })
    .await
    .map_err(|_| UiError {
        code: "desk.internal".into(),
        message: "작업을 마치지 못했습니다.".into(),
        fields: vec![],
    })?
}

#[tauri::command]
pub async fn summary(state: tauri::State<'_, DeskState>) -> Result<CaseloadSummary, UiError> {
    with_desk(&state, |desk| desk.summary()).await
}

#[tauri::command]
pub async fn list_seekers(
    state: tauri::State<'_, DeskState>,
    query: String,
    offset: u64,
    limit: u64,
) -> Result<SeekerPage, UiError> {
    let filter = SeekerFilter {
        text: Some(query),
        offset,
        limit: limit.min(200),
        ..Default::default()
    };
    with_desk(&state, move |desk| desk.seeker_rows(&filter)).await
}
