//! The desk's log: one file a day (`desk.YYYY-MM-DD.log`, the last 30 kept)
//! in the app's data folder, for support to read when a counselor reports a
//! problem. Each failure a command returns is written with the same code the
//! screen shows and its cause chain (`AppError::log_chain`): codes, kinds and
//! figures, never a name, a phone number, a passphrase or a token.
//! `DOYAK_LOG` sets the level (`info` by default).

use doyak_app::{AppError, ErrorCode, UiError};
use std::path::Path;
use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::EnvFilter;

/// Where the log files go, under the app's data folder.
pub fn dir(data_dir: &Path) -> std::path::PathBuf {
    data_dir.join("logs")
}

/// Starts writing the log; a desk whose log cannot be opened still runs
/// (it says so on stderr).
pub fn init(dir: &Path) {
    let appender = RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .filename_prefix("desk")
        .filename_suffix("log")
        .max_log_files(30)
        .build(dir);
    let appender = match appender {
        Ok(a) => a,
        Err(e) => {
            eprintln!("기록 파일을 열 수 없습니다: {} ({e})", dir.display());
            return;
        }
    };
    let filter = EnvFilter::try_from_env("DOYAK_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    // Written straight through (no background thread): a desk killed or
    // crashed loses no line, and a desk logs a few lines a minute.
    let subscriber = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(appender)
        .with_ansi(false)
        .with_target(false)
        .finish();
    if tracing::subscriber::set_global_default(subscriber).is_err() {
        eprintln!("기록을 시작할 수 없습니다.");
    }
}

/// A command's failure: logged (warn for what the counselor can fix,
/// error for the rest) and turned into what the page shows.
pub fn failure(e: AppError) -> UiError {
    record(&e);
    UiError::from(&e)
}

/// Writes a failure to the log.
pub fn record(e: &AppError) {
    let code = e.code();
    let chain = e.log_chain();
    match code {
        ErrorCode::InputInvalid
        | ErrorCode::ImportRejected
        | ErrorCode::UnlockWait
        | ErrorCode::StoreWrongPassphrase
        | ErrorCode::SyncUnreachable => tracing::warn!(%code, "{chain}"),
        _ => tracing::error!(%code, "{chain}"),
    }
}

/// A panic is logged by where it happened, never by its message: the
/// message can quote what was being read (a résumé's text, caught and
/// turned into an error by the résumé reader, would otherwise reach stderr
/// and the journal on every re-run of an edit).
pub fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        tracing::error!(at = %at, "panic (message withheld: it may quote personal data)");
        eprintln!("내부 오류 ({at})");
    }));
}
