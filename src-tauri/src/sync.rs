//! Sync in the window: the 지금 동기화 button, a background sync every few
//! minutes while the caseload is open and the laptop is enrolled, the status
//! bar's figures, the conflict queue and the refused changes. The work is
//! doyak_app::sync; this holds the one sync that may run at a time.

use crate::commands::{DeskState, internal, locked, ui, with_desk, with_reader};
use doyak_app::sync::{
    ConflictChoice, ConflictView, Enrolled, JoinForm, RejectionView, SameIdChoice, SyncReport,
    SyncStatus, os_keyring, roots_from_env, sync_shared,
};
use doyak_app::{AppError, CaseloadSummary, Desk, Passphrase, SystemClock, UiError};
use serde::Serialize;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tauri::ipc::Channel;
use ts_rs::TS;

/// How often the background sync runs (`DOYAK_SYNC_INTERVAL_SECS`, default 300).
fn interval() -> Duration {
    let secs = std::env::var("DOYAK_SYNC_INTERVAL_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .filter(|s: &u64| *s >= 5)
        .unwrap_or(300);
    Duration::from_secs(secs)
}

#[derive(Debug, Default)]
pub struct SyncRuntime {
    running: Arc<AtomicBool>,
    /// The figures of the sync in progress.
    progress: Option<SyncReport>,
    /// Why the last sync stopped, if it did not finish.
    last_error: Option<UiError>,
}

/// The status bar's view of sync.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SyncPanel {
    pub status: SyncStatus,
    pub running: bool,
    pub progress: Option<SyncReport>,
    pub last_error: Option<UiError>,
}

/// Holds off every sync while it lives (a restore swapping the file): no
/// sync starts, and one running is waited for by refusing the claim.
pub struct SyncHeld(Arc<AtomicBool>);

impl Drop for SyncHeld {
    fn drop(&mut self) {
        self.0.store(false, Ordering::SeqCst);
    }
}

/// Claims the sync's turn, as a sync does; `None` while a sync is running.
pub fn hold_off(runtime: &Arc<Mutex<SyncRuntime>>) -> Option<SyncHeld> {
    let running = runtime.lock().ok()?.running.clone();
    (!running.swap(true, Ordering::SeqCst)).then_some(SyncHeld(running))
}

/// Runs one sync unless one is running; `None` when one was.
fn run_once(
    desk: &Arc<Mutex<Option<Desk>>>,
    runtime: &Arc<Mutex<SyncRuntime>>,
    autolock: &Arc<Mutex<crate::autolock::AutoLock>>,
    progress: &mut dyn FnMut(&SyncReport),
) -> Option<Result<SyncReport, AppError>> {
    let running = runtime.lock().ok()?.running.clone();
    if running.swap(true, Ordering::SeqCst) {
        return None;
    }
    // `DOYAK_SYNC_CA` for a ministry's own CA; unreadable is an error.
    let result = roots_from_env().and_then(|roots| {
        sync_shared(desk, &roots, &mut |report| {
            if let Ok(mut r) = runtime.lock() {
                r.progress = Some(report.clone());
            }
            progress(report);
        })
    });
    match &result {
        Ok(r) => tracing::info!(
            sent = r.sent,
            rejected = r.rejected,
            conflicts = r.conflicts,
            received = r.received,
            pending = r.pending,
            "sync finished"
        ),
        Err(e) => crate::log::record(e),
    }
    if let Ok(mut r) = runtime.lock() {
        r.progress = None;
        r.last_error = result.as_ref().err().map(UiError::from);
    }
    running.store(false, Ordering::SeqCst);
    // The pull may have brought the center's new idle time (a sync that
    // failed late may have stored pages before it failed).
    let minutes = desk
        .lock()
        .ok()
        .and_then(|g| g.as_ref().and_then(|d| d.auto_lock_minutes().ok()));
    if let Some(minutes) = minutes {
        crate::autolock::set_minutes(autolock, minutes);
    }
    Some(result)
}

/// Starts the background sync: every [`interval`], if a caseload is open and
/// enrolled, one sync. A failure (no network) is shown in the status bar and
/// tried again next time; nothing is lost meanwhile (the outbox keeps it).
pub fn start_background(state: &DeskState) {
    let desk = state.desk.clone();
    let runtime = state.sync.clone();
    let autolock = state.autolock.clone();
    let every = interval();
    std::thread::Builder::new()
        .name("doyak-sync".into())
        .spawn(move || {
            loop {
                std::thread::sleep(every);
                let enrolled = desk
                    .lock()
                    .ok()
                    .and_then(|g| {
                        g.as_ref()
                            .map(|d| d.sync_status().is_ok_and(|s| s.enrolled))
                    })
                    .unwrap_or(false);
                if enrolled {
                    let _ = run_once(&desk, &runtime, &autolock, &mut |_| {});
                }
            }
        })
        .map(|_| ())
        .unwrap_or_else(|e| eprintln!("동기화 스레드를 시작할 수 없습니다: {e}"));
}

#[tauri::command]
pub async fn sync_panel(state: tauri::State<'_, DeskState>) -> Result<SyncPanel, UiError> {
    let status = with_reader(&state, |desk| desk.sync_status()).await?;
    let runtime = state.sync.lock().map_err(|_| internal())?;
    Ok(SyncPanel {
        status,
        running: runtime.running.load(Ordering::SeqCst),
        progress: runtime.progress.clone(),
        last_error: runtime.last_error.clone(),
    })
}

/// 지금 동기화: runs a sync now (or reports the one already running).
#[tauri::command]
pub async fn sync_now(
    state: tauri::State<'_, DeskState>,
    on_progress: Channel<SyncReport>,
) -> Result<Option<SyncReport>, UiError> {
    let desk = state.desk.clone();
    let runtime = state.sync.clone();
    let autolock = state.autolock.clone();
    tauri::async_runtime::spawn_blocking(move || {
        match run_once(&desk, &runtime, &autolock, &mut |r| {
            let _ = on_progress.send(r.clone());
        }) {
            None => Ok(None),
            Some(result) => result.map(Some).map_err(|e| UiError::from(&e)),
        }
    })
    .await
    .map_err(|_| internal())?
}

#[tauri::command]
pub async fn enroll_device(
    state: tauri::State<'_, DeskState>,
    server: String,
    code: String,
    device_name: String,
) -> Result<Enrolled, UiError> {
    with_desk(&state, move |desk| {
        desk.enroll(&server, &code, &device_name, &roots_from_env()?)
    })
    .await
}

/// How 센터에 합류 ended. The caseload is open and enrolled either way; a
/// first pull that stopped (`pull_error`) kept what arrived, and the next
/// sync, background or 지금 동기화, carries on from there.
#[derive(Debug, Serialize, TS)]
pub struct Joined {
    /// The caseload as it stands after the first pull.
    pub summary: CaseloadSummary,
    /// The first pull's figures, when it finished; `null` too when a
    /// background sync was already pulling.
    pub pulled: Option<SyncReport>,
    /// Why the first pull stopped before the end.
    pub pull_error: Option<UiError>,
}

/// 센터에 합류, on the first start: enrolls this laptop with the
/// administrator's code and creates the caseload under the center's id
/// (`Desk::join`), opens it with its reader, then pulls the center's records
/// with progress to the page.
#[tauri::command]
pub async fn join_center(
    state: tauri::State<'_, DeskState>,
    form: JoinForm,
    on_progress: Channel<SyncReport>,
) -> Result<Joined, UiError> {
    let path = state.path.clone();
    let (slot, reader_slot, runtime) =
        (state.desk.clone(), state.reader.clone(), state.sync.clone());
    let (autolock, clock) = (state.autolock.clone(), state.clock.clone());
    let held = state.passphrase.clone();
    tauri::async_runtime::spawn_blocking(move || {
        let roots = roots_from_env().map_err(ui)?;
        let desk =
            Desk::join(&path, &form, &roots, os_keyring(), Arc::new(SystemClock)).map_err(ui)?;
        tracing::info!("joined a center");
        {
            let mut open = slot.lock().map_err(|_| locked())?;
            *open = Some(desk);
            *held.lock().map_err(|_| locked())? = Some(Passphrase::new(form.passphrase.clone()));
        }
        crate::autolock::opened(&autolock, &clock, doyak_app::DEFAULT_AUTO_LOCK_MINUTES);
        // The page now says the center's records are on their way (0건).
        let _ = on_progress.send(SyncReport::default());
        // The reader derives its key on the other core while the pull runs.
        let passphrase = Passphrase::new(form.passphrase.clone());
        let (reader, pull) = std::thread::scope(|scope| {
            let reader =
                scope.spawn(|| Desk::open_reader(&path, &passphrase, Arc::new(SystemClock)).ok());
            let pull = run_once(&slot, &runtime, &autolock, &mut |r| {
                let _ = on_progress.send(r.clone());
            });
            (reader.join().ok().flatten(), pull)
        });
        {
            // The desk may have locked during the pull: then the reader
            // (and its key) goes too, never in beside a locked desk.
            let desk = slot.lock().map_err(|_| locked())?;
            if desk.is_some() {
                *reader_slot.lock().map_err(|_| locked())? = reader;
            }
        }
        let (pulled, pull_error) = match pull {
            None => (None, None),
            Some(Ok(report)) => (Some(report), None),
            Some(Err(e)) => (None, Some(UiError::from(&e))),
        };
        let guard = slot.lock().map_err(|_| locked())?;
        let summary = guard.as_ref().ok_or_else(locked)?.summary().map_err(ui)?;
        Ok(Joined {
            summary,
            pulled,
            pull_error,
        })
    })
    .await
    .map_err(|_| internal())?
}

#[tauri::command]
pub async fn conflict_queue(
    state: tauri::State<'_, DeskState>,
) -> Result<Vec<ConflictView>, UiError> {
    with_desk(&state, |desk| desk.conflict_queue()).await
}

#[tauri::command]
pub async fn resolve_conflict(
    state: tauri::State<'_, DeskState>,
    conflict_id: String,
    choice: ConflictChoice,
) -> Result<(), UiError> {
    with_desk(&state, move |desk| {
        desk.resolve_conflict(&conflict_id, &choice)
    })
    .await
}

/// Settles the conflicts of two records made under one id at once; the
/// new record's id when the second one was split off.
#[tauri::command]
pub async fn settle_same_id(
    state: tauri::State<'_, DeskState>,
    record_id: String,
    group: String,
    choice: SameIdChoice,
) -> Result<Option<String>, UiError> {
    with_desk(&state, move |desk| {
        desk.settle_same_id(&record_id, &group, choice)
    })
    .await
}

#[tauri::command]
pub async fn dismiss_rejection(
    state: tauri::State<'_, DeskState>,
    mutation_id: String,
) -> Result<(), UiError> {
    with_desk(&state, move |desk| desk.dismiss_rejection(&mutation_id)).await
}

#[tauri::command]
pub async fn retry_rejection(
    state: tauri::State<'_, DeskState>,
    mutation_id: String,
) -> Result<bool, UiError> {
    with_desk(&state, move |desk| desk.retry_rejection(&mutation_id)).await
}

#[tauri::command]
pub async fn sync_rejections(
    state: tauri::State<'_, DeskState>,
) -> Result<Vec<RejectionView>, UiError> {
    with_desk(&state, |desk| desk.sync_rejections()).await
}
