//! 자동 백업 in the shell (the rule is doyak_app::auto_backup): every few
//! minutes while a caseload is open, the use case makes today's backup if
//! none is there yet. It needs the passphrase, which the desk holds from
//! unlock until it locks (`DeskState::passphrase`, zeroized when dropped):
//! a locked desk makes no backups.

use crate::commands::{DeskState, with_desk};
use doyak_app::{AutoBackupForm, AutoBackupView, UiError};
use tauri::{AppHandle, Manager};

/// How often the desk looks whether today's backup is due.
const CHECK_EVERY: std::time::Duration = std::time::Duration::from_secs(300);

pub fn start(app: AppHandle) {
    let spawned = std::thread::Builder::new()
        .name("doyak-auto-backup".into())
        .spawn(move || {
            loop {
                std::thread::sleep(CHECK_EVERY);
                run(&app);
            }
        });
    if let Err(e) = spawned {
        tracing::error!(error = %e, "the auto-backup thread did not start");
    }
}

fn run(app: &AppHandle) {
    let state = app.state::<DeskState>();
    // Whether one is due, and the passphrase of the file as it is now
    // (after any 암호 변경), with the desk held for a moment only.
    let (due, passphrase) = {
        let Ok(desk) = state.desk.lock() else { return };
        let due = match desk.as_ref().map(|d| d.auto_backup_due()) {
            Some(Ok(Some(due))) => due,
            _ => return,
        };
        let Some(passphrase) = state.passphrase.lock().ok().and_then(|p| p.clone()) else {
            return;
        };
        (due, passphrase)
    };
    // The copy through a connection of its own: the counselor's work goes
    // on meanwhile (a large caseload takes a while).
    let made = doyak_app::make_backup(&state.path, &due, &passphrase);
    drop(passphrase);
    let Ok(mut desk) = state.desk.lock() else {
        return;
    };
    // Locked meanwhile: the copy cannot be logged now, so it goes, and
    // today's is made (and logged) again after the next unlock.
    let Some(desk) = desk.as_mut() else {
        if made.is_ok() {
            let _ = std::fs::remove_file(&due.dest);
        }
        return;
    };
    match desk.finish_auto_backup(due, made) {
        Ok(doyak_app::AutoBackupRun::Made { pruned, .. }) => {
            tracing::info!(pruned = pruned.len(), "automatic backup made");
        }
        Ok(doyak_app::AutoBackupRun::NotDue) => {}
        // The error's code only: its text names the folder.
        Err(e) => tracing::warn!(code = %e.code(), "automatic backup failed"),
    }
}

#[tauri::command]
pub async fn auto_backup(state: tauri::State<'_, DeskState>) -> Result<AutoBackupView, UiError> {
    with_desk(&state, |desk| desk.auto_backup()).await
}

/// Saves the folder and the number kept, then makes today's backup at once
/// if it is due, in the background (the desk is not held for the copy);
/// the screen shows how it went when it looks again.
#[tauri::command]
pub async fn set_auto_backup(
    app: AppHandle,
    state: tauri::State<'_, DeskState>,
    form: AutoBackupForm,
) -> Result<AutoBackupView, UiError> {
    let view = with_desk(&state, move |desk| desk.set_auto_backup(&form)).await?;
    std::thread::spawn(move || run(&app));
    Ok(view)
}
