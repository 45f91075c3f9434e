//! 복원 on the desk (가져오기·내보내기 → 복원): a backup put in place of the
//! open caseload. doyak_app::backup does the checks and the swap; the shell
//! closes the caseload for it and opens it again.
//!
//! The desk's lock is held from the check to the reopening, so no save,
//! sync or idle lock runs in between. The checks run first, with the
//! caseload still open: a restore that would be refused (a wrong
//! passphrase, another center's backup, a backup missing newer work)
//! never closes it. Then both connections close (the swap needs the file's
//! exclusive lock), the backup goes in place, and the caseload opens again
//! with the same passphrase — the restored file, or, when the swap failed
//! (an automatic backup reading the file that moment), the one left where
//! it was. Should that opening fail, the desk stays locked and the window
//! shows the lock screen.

use crate::commands::{DeskState, internal, locked, ui};
use doyak_app::autolock::LockReason;
use doyak_app::{Desk, Passphrase, RestoreForm, RestoreFrom, RestoreOutcome, SystemClock, UiError};

use std::path::PathBuf;
use std::sync::{Arc, PoisonError};
use tauri::{AppHandle, Manager};

#[tauri::command]
pub async fn restore_backup(app: AppHandle, form: RestoreForm) -> Result<RestoreOutcome, UiError> {
    tauri::async_runtime::spawn_blocking(move || restore(&app, form))
        .await
        .map_err(|_| internal())?
}

fn restore(app: &AppHandle, form: RestoreForm) -> Result<RestoreOutcome, UiError> {
    let state = app.state::<DeskState>();
    let target = state.path.clone();
    let from = PathBuf::from(form.path.trim());
    let pass = Passphrase::new(form.passphrase.clone());
    // No sync may run across the swap: one between a push and its answer
    // would apply the old file's answer to the restored one.
    let _held = crate::sync::hold_off(&state.sync).ok_or_else(sync_running)?;
    // The order unlock and 암호 변경 take them in: the throttle first. A
    // wrong passphrase counts as a wrong try at unlock.
    let mut throttle = state.guard.lock().map_err(|_| internal())?;
    let mut open = state.desk.lock().map_err(|_| internal())?;
    if open.is_none() {
        return Err(locked());
    }
    throttle
        .attempt(state.clock.now(), || {
            doyak_app::check_restore(&from, &target, &pass, form.replace_newer, RestoreFrom::Desk)
        })
        .map_err(ui)?;
    drop(throttle);
    *open = None;
    *state.reader.lock().unwrap_or_else(PoisonError::into_inner) = None;
    let done = doyak_app::restore_caseload(
        &from,
        &target,
        &pass,
        form.replace_newer,
        RestoreFrom::Desk,
        &SystemClock,
    );
    match Desk::open_with_reader(&target, &pass, Arc::new(SystemClock)) {
        Ok((mut desk, reader)) => {
            desk.use_token_vault(doyak_app::sync::os_keyring());
            let minutes = desk
                .auto_lock_minutes()
                .unwrap_or(doyak_app::DEFAULT_AUTO_LOCK_MINUTES);
            let enrolled = desk.sync_status().map(|s| s.enrolled).unwrap_or(false);
            let result = done.map(|done| {
                // The restore is done whether or not its audit line is.
                if let Err(e) = desk.log_restore(&from, &done) {
                    let _ = ui(e);
                }
                RestoreOutcome::new(&done, enrolled)
            });
            *state.reader.lock().unwrap_or_else(PoisonError::into_inner) = reader;
            *open = Some(desk);
            drop(open);
            crate::autolock::opened(&state.autolock, &state.clock, minutes);
            tracing::info!(restored = result.is_ok(), "caseload opened after a restore");
            result.map_err(|e| {
                let busy = e.code() == doyak_app::ErrorCode::StoreLocked;
                let shown = ui(e);
                if busy {
                    // On the desk the other reader is almost always its own
                    // automatic backup, which ends by itself.
                    UiError {
                        message: "자동 백업이나 다른 프로그램이 사례관리 파일을 읽는 중이라 복원하지 않았습니다. 지금 파일은 그대로입니다. 잠시 후 다시 복원하세요.".into(),
                        ..shown
                    }
                } else {
                    shown
                }
            })
        }
        Err(e) => {
            // Locked until the counselor types the passphrase again; the
            // held copy goes with the key, as on any lock.
            if let Ok(mut held) = state.passphrase.lock() {
                *held = None;
            }
            drop(open);
            crate::autolock::announce(app, LockReason::Manual);
            // Logged with its code; the counselor reads what happened.
            let opened = ui(e);
            Err(match done {
                Ok(done) => UiError {
                    code: doyak_app::ErrorCode::DeskRestoredNotReopened
                        .as_str()
                        .into(),
                    message: format!(
                        "복원했습니다. 그런데 복원한 사례관리 파일을 다시 열지 못해 잠갔습니다 (오류 코드 {}). 잠금 화면에서 암호를 입력해 여세요.{}",
                        opened.code,
                        done.kept
                            .map(|k| format!(
                                " 바꾸기 전 파일은 그대로 보관했습니다: {}",
                                k.display()
                            ))
                            .unwrap_or_default()
                    ),
                    fields: vec![],
                },
                Err(e) => ui(e),
            })
        }
    }
}

/// A sync is running: the restore waits for its end.
fn sync_running() -> UiError {
    UiError {
        code: doyak_app::ErrorCode::SyncLocked.as_str().into(),
        message: "동기화하는 중입니다. 동기화가 끝난 뒤 다시 복원하세요.".into(),
        fields: vec![],
    }
}
