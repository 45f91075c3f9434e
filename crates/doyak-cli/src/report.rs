//! `doyak report`: a seeker's or a firm's PDF into the file given, or the
//! 성과 figures of a period as JSON (docs/kpi.md), a workbook or a PDF
//! report, every cell under 5 hidden.

use crate::{Failure, print_out};
use doyak_app::{AppError, Desk};
use std::path::{Path, PathBuf};

/// What the report is of.
pub(crate) enum Whose {
    Seeker(String),
    Company(String),
    Period {
        from: String,
        to: String,
        /// json, xlsx or pdf (clap allows no other).
        format: String,
    },
}

impl Whose {
    /// From the command's options (clap asks for exactly one of them, and
    /// for `--to` with `--from`).
    pub(crate) fn of(
        seeker: Option<String>,
        company: Option<String>,
        from: Option<String>,
        to: Option<String>,
        format: &str,
    ) -> Whose {
        match (seeker, company, from, to) {
            (Some(s), _, _, _) => Whose::Seeker(s),
            (None, Some(c), _, _) => Whose::Company(c),
            (None, None, from, to) => Whose::Period {
                from: from.unwrap_or_default(),
                to: to.unwrap_or_default(),
                format: format.to_owned(),
            },
        }
    }
}

/// Writes a new file, never over one.
fn write_new(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .and_then(|mut f| std::io::Write::write_all(&mut f, bytes))
        .map_err(|e| Failure::Usage(format!("파일을 쓸 수 없습니다: {}: {e}", path.display())))
}

/// The 성과 figures as JSON (to stdout or a new file), or as a workbook or
/// a PDF report (to a new file).
fn figures(
    desk: &Desk,
    from: &str,
    to: &str,
    format: &str,
    output: Option<PathBuf>,
) -> Result<(), Failure> {
    if format != "json" && output.is_none() {
        return Err(Failure::Usage(format!(
            "{format}는 --output으로 쓸 파일을 정해 주세요."
        )));
    }
    let report = desk.kpi_report(from, to)?;
    let bytes = match format {
        "xlsx" => doyak_app::kpi_xlsx(&report)?,
        "pdf" => doyak_app::kpi_pdf(&report)?,
        _ => {
            let mut bytes =
                serde_json::to_vec_pretty(&report).map_err(|e| Failure::App(AppError::Json(e)))?;
            bytes.push(b'\n');
            bytes
        }
    };
    match output {
        None => print_out(&bytes),
        Some(path) => write_new(&path, &bytes).map(|()| {
            eprintln!("성과 지표를 썼습니다: {}", path.display());
        }),
    }
}

/// A PDF report into the file given, written then audited: a file that
/// could not be written leaves no row claiming an export.
fn pdf(
    desk: &mut Desk,
    output: Option<PathBuf>,
    write: impl FnOnce(&mut Desk, &Path) -> Result<usize, AppError>,
) -> Result<(), Failure> {
    let output = output.ok_or_else(|| {
        Failure::Usage("PDF 보고서는 --output으로 쓸 파일을 정해 주세요.".to_owned())
    })?;
    let written = write(desk, &output).map_err(|e| match e {
        // A file already there (or a folder not writable) is the path
        // given: a usage error, exit 2, as for the JSON.
        AppError::FileWrite { .. } => Failure::Usage(e.to_string()),
        e => Failure::App(e),
    })?;
    eprintln!("보고서를 썼습니다: {} ({written} 바이트)", output.display());
    Ok(())
}

pub(crate) fn run(desk: &mut Desk, whose: Whose, output: Option<PathBuf>) -> Result<(), Failure> {
    match whose {
        Whose::Period { from, to, format } => figures(desk, &from, &to, &format, output),
        Whose::Seeker(id) => pdf(desk, output, |d, p| d.write_seeker_report_to(&id, p)),
        Whose::Company(id) => pdf(desk, output, |d, p| d.write_company_report_to(&id, p)),
    }
}
