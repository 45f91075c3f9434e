//! Reading input files and writing standard output, for every command.

use std::io::Write;
use std::path::Path;

use doyak_app::AppError;

use std::process::ExitCode;

pub(crate) fn read_input(path: &Path) -> Result<Vec<u8>, Failure> {
    std::fs::read(path)
        .map_err(|e| Failure::Usage(format!("파일을 읽을 수 없습니다: {}: {e}", path.display())))
}

/// One JSON object per line; the whole output is built first, so a failure
/// never leaves half of it on standard output.
pub(crate) fn jsonl<T: serde::Serialize>(lines: &[T]) -> Result<Vec<u8>, Failure> {
    let mut out = Vec::new();
    for line in lines {
        serde_json::to_writer(&mut out, line).map_err(|e| Failure::App(AppError::Json(e)))?;
        out.push(b'\n');
    }
    Ok(out)
}

/// Writes to standard output. A reader that stops early (`| head`) is not
/// an error: the output simply ends there.
pub(crate) fn print_out(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure::Usage(format!("출력할 수 없습니다: {e}")))
        }
        _ => Ok(()),
    }
}

/// Reads both matching inputs; bad lines are a refused input (exit 2).
pub(crate) fn match_input(
    seekers: &Path,
    vacancies: &Path,
) -> Result<doyak_match::Caseload, Failure> {
    let (s, v) = (read_input(seekers)?, read_input(vacancies)?);
    doyak_app::matching::load_files(
        &s,
        &seekers.display().to_string(),
        &v,
        &vacancies.display().to_string(),
    )
    .map_err(Failure::App)
}

pub(crate) fn tls_roots(ca_cert: Option<&Path>) -> Result<doyak_app::sync::TlsRoots, Failure> {
    doyak_app::sync::tls_roots(ca_cert).map_err(Failure::App)
}

/// Exit codes: 0 done, 1 failed, 2 the input was refused (bad rows, bad arguments).
pub(crate) enum Failure {
    App(AppError),
    Usage(String),
    /// A check found something wrong (a tampered access log): exit 1.
    Tampered(String),
}

impl From<AppError> for Failure {
    fn from(e: AppError) -> Self {
        Failure::App(e)
    }
}

/// Says what failed, in Korean, and the exit code for it.
pub(crate) fn exit_code(failure: Failure) -> ExitCode {
    match failure {
        Failure::Usage(message) => {
            if !message.is_empty() {
                eprintln!("오류: {message}");
            }
            ExitCode::from(2)
        }
        Failure::Tampered(message) => {
            eprintln!("오류: {message}");
            ExitCode::from(1)
        }
        Failure::App(e) => {
            eprintln!("오류: {e}");
            for f in e.field_errors() {
                eprintln!("  - {f}");
            }
            ExitCode::from(match e {
                AppError::Invalid(_)
                | AppError::Read(_)
                | AppError::MatchInput { .. }
                | AppError::DiagnosisInput { .. }
                | AppError::ResumeRead { .. }
                | AppError::ResumeInput { .. } => 2,
                _ => 1,
            })
        }
    }
}
