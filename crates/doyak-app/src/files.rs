//! What the desk's 가져오기·내보내기 screen does: import a file the counselor
//! picked (by its path; the size is checked before a byte is read), export a
//! list to a file in the counselor's download folder, and fill an empty
//! caseload with a demo for training.

use crate::export::{ExportRequest, Identifiers};
use crate::{AppError, Choice, Desk, ExportFormat, ImportKind, ImportOptions, ImportReport};
use serde::{Deserialize, Serialize};
use std::io::Read;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// An import as the desk asks for it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
pub struct ImportRequest {
    pub kind: ImportKind,
    pub skip_invalid: bool,
    /// 수정 가져오기: a row whose ID names an existing record changes that
    /// record's columns in the file, each changed field a versioned edit
    /// (`ImportOptions::update`); other rows are new records.
    pub update: bool,
}

/// What happened, for the report screen. `saved` is false when the file was
/// refused as a whole (all-or-nothing and some rows were bad).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportOutcome {
    pub saved: bool,
    pub report: ImportReport,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ExportOutcome {
    pub path: String,
    pub count: u32,
}

/// A list export written (내보내기).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ListExported {
    pub path: String,
    pub count: u32,
    /// Whether people's identifiers in it are masked (가림).
    pub masked: bool,
    /// Whether it is an encrypted zip.
    pub encrypted: bool,
}

/// Progress of a long task, sent to the page as it runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct Progress {
    pub done: u32,
    pub total: u32,
}

/// The largest file the desk imports (a spreadsheet of ~100k rows fits).
pub const MAX_IMPORT_BYTES: usize = 64 * 1024 * 1024;

/// The formats a list can be exported to: the value `export_to_dir` takes
/// (also the file's extension) and what the screen's button says.
const EXPORT_FORMATS: [(ExportFormat, &str, &str); 3] = [
    (ExportFormat::Xlsx, "xlsx", "XLSX"),
    (ExportFormat::Csv, "csv", "CSV"),
    (ExportFormat::Jsonl, "jsonl", "JSONL"),
];

/// The extensions of the files the importer reads (it tells CSV from XLSX
/// by the bytes; the extension only narrows the file dialog).
const IMPORT_EXTENSIONS: [&str; 2] = ["csv", "xlsx"];

/// What the 가져오기·내보내기 screen offers, from the tables the use cases
/// accept, so the page lists nothing of its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DataChoices {
    /// What can be imported and exported; each value is an `ImportKind`.
    pub kinds: Vec<Choice>,
    /// Export formats; each value is what `export_file` takes.
    pub export_formats: Vec<Choice>,
    /// Why an export is made; each value is an `ExportPurpose`.
    pub export_purposes: Vec<Choice>,
    /// The shortest password an encrypted export takes.
    pub min_package_password_chars: u32,
    /// File name extensions the importer reads, for the file dialog.
    pub import_extensions: Vec<String>,
    /// The largest file imported, in MB, for the screen's note.
    pub max_import_mb: u32,
}

/// The screen's choices; needs no open caseload.
pub fn data_choices() -> DataChoices {
    DataChoices {
        kinds: ImportKind::ALL
            .iter()
            .map(|k| crate::forms::choice(k, k.label_ko()))
            .collect(),
        export_formats: EXPORT_FORMATS
            .iter()
            .map(|(_, value, label)| Choice {
                value: (*value).to_owned(),
                label: (*label).to_owned(),
            })
            .collect(),
        export_purposes: crate::ExportPurpose::ALL
            .iter()
            .map(|p| Choice {
                value: p.as_str().to_owned(),
                label: p.label_ko().to_owned(),
            })
            .collect(),
        min_package_password_chars: crate::export::MIN_PACKAGE_PASSWORD_CHARS as u32,
        import_extensions: IMPORT_EXTENSIONS.iter().map(|e| (*e).to_owned()).collect(),
        max_import_mb: (MAX_IMPORT_BYTES / (1024 * 1024)) as u32,
    }
}

/// The most a demo made from the desk may hold (the CLI has no limit).
pub const MAX_DESK_DEMO: u32 = 20_000;

/// Reads a file picked for import. Its size comes from the file system
/// first: a file over [`MAX_IMPORT_BYTES`] is refused, naming it and the
/// limit, before it is opened. A file that grows after that check is read
/// no further than one byte past the limit.
pub fn read_import_file(path: &Path) -> Result<Vec<u8>, AppError> {
    let file = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let unreadable = |source: std::io::Error| AppError::FileRead {
        file: file.clone(),
        source,
    };
    let too_large = |size: u64| AppError::FileTooLarge {
        file: Some(file.clone()),
        size,
        limit: MAX_IMPORT_BYTES as u64,
    };
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    if !meta.is_file() {
        return Err(AppError::NotAFile { file });
    }
    let limit = MAX_IMPORT_BYTES as u64;
    if meta.len() > limit {
        return Err(too_large(meta.len()));
    }
    let opened = std::fs::File::open(path).map_err(unreadable)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    opened
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

impl Desk {
    /// Imports the file at `path`, picked in the desk's file dialog (see
    /// [`read_import_file`] for what is refused before reading).
    pub fn import_path(
        &mut self,
        request: &ImportRequest,
        path: &Path,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<ImportOutcome, AppError> {
        let bytes = read_import_file(path)?;
        self.import_file(request, &bytes, progress)
    }

    /// Imports a picked file's bytes. A refused file is an outcome, not an
    /// error: the report says which lines to fix.
    pub fn import_file(
        &mut self,
        request: &ImportRequest,
        bytes: &[u8],
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<ImportOutcome, AppError> {
        if bytes.len() > MAX_IMPORT_BYTES {
            return Err(AppError::FileTooLarge {
                file: None,
                size: bytes.len() as u64,
                limit: MAX_IMPORT_BYTES as u64,
            });
        }
        let options = ImportOptions {
            skip_invalid: request.skip_invalid,
            update: request.update,
        };
        match self.import(request.kind, bytes, options, progress) {
            Ok(report) => Ok(ImportOutcome {
                saved: true,
                report,
            }),
            Err(AppError::ImportRejected { report, .. }) => Ok(ImportOutcome {
                saved: false,
                report: *report,
            }),
            Err(e) => Err(e),
        }
    }

    /// Writes an export into `dir` as 도약-구직자-2026-11-27.xlsx (never over
    /// an existing file: a number is added instead): masked unless the
    /// request asks for identifiers in full, and then as
    /// 도약-구직자-2026-11-27.zip, encrypted with the request's password.
    /// Its purpose goes to the audit log (with the counselor's words) and
    /// the access log (as a code).
    pub fn export_to_dir(
        &mut self,
        request: &ExportRequest,
        dir: &Path,
    ) -> Result<ListExported, AppError> {
        let mut errors = crate::export::check_request(request);
        let found = EXPORT_FORMATS.iter().find(|(_, v, _)| *v == request.format);
        if found.is_none() {
            errors.push(doyak_domain::FieldError::new(
                "format",
                "파일 형식",
                format!("알 수 없는 형식입니다: {}", request.format),
            ));
        }
        let (Some(&(format, ext, _)), true) = (found, errors.is_empty()) else {
            return Err(AppError::Invalid(errors));
        };
        let kind = request.kind;
        // Vacancies hold no one's identifiers: nothing to mask or encrypt.
        let full = request.identifiers == Identifiers::Full && kind != ImportKind::Vacancies;
        let (bytes, count) = self.export_rows(kind, format, !full)?;
        let stem = format!("도약-{}-{}", kind.label_ko(), self.clock.today());
        let path = if full {
            let zipped =
                crate::export::encrypted_zip(&format!("{stem}.{ext}"), &bytes, &request.password)?;
            write_new_file(dir, &stem, "zip", &zipped)?
        } else {
            write_new_file(dir, &stem, ext, &bytes)?
        };
        let how = if full {
            "전체(암호화 압축)"
        } else {
            "가림"
        };
        let note = request.purpose_note.trim();
        let audit = format!(
            "{count}건 {format:?} {how} 목적: {}{}",
            request.purpose.label_ko(),
            if note.is_empty() {
                String::new()
            } else {
                format!(" — {note}")
            }
        );
        let access = format!(
            "{count} {} {} purpose={}",
            ext,
            if full { "full-encrypted" } else { "masked" },
            request.purpose.as_str()
        );
        self.log_export(kind, &audit, &access)?;
        Ok(ListExported {
            path: path.display().to_string(),
            count: count as u32,
            masked: !full,
            encrypted: full,
        })
    }

    /// Fills an empty caseload with a demo (for training and trying the desk).
    /// A caseload that holds people or companies is refused: demo people
    /// must never mix with real ones.
    pub fn demo_into_empty(
        &mut self,
        seekers: u32,
        companies: u32,
        seed: u64,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<u32, AppError> {
        let summary = self.summary()?;
        if summary.seekers > 0 || summary.companies > 0 {
            return Err(AppError::DemoNotEmpty);
        }
        if seekers > MAX_DESK_DEMO || companies > MAX_DESK_DEMO {
            return Err(AppError::DemoTooLarge { max: MAX_DESK_DEMO });
        }
        let spec = self.demo_spec(seekers, companies, seed)?;
        self.generate_demo(&spec, progress)?;
        Ok(seekers)
    }
}

fn io_error(path: &Path, e: std::io::Error) -> AppError {
    AppError::FileWrite {
        path: path.to_owned(),
        source: e,
    }
}

/// Writes `bytes` to `path`, which must not exist yet: never over a file.
pub(crate) fn write_exact_new(path: &Path, bytes: &[u8]) -> Result<(), AppError> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| io_error(path, e))?;
    std::io::Write::write_all(&mut file, bytes).map_err(|e| io_error(path, e))
}

/// Writes `bytes` to a new file `stem.ext` in `dir` (created if missing),
/// `stem (2).ext` and so on when the name is taken: an existing file is
/// never overwritten.
pub(crate) fn write_new_file(
    dir: &Path,
    stem: &str,
    ext: &str,
    bytes: &[u8],
) -> Result<PathBuf, AppError> {
    std::fs::create_dir_all(dir).map_err(|e| io_error(dir, e))?;
    let path = free_path(dir, stem, ext);
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| io_error(&path, e))?;
    std::io::Write::write_all(&mut file, bytes).map_err(|e| io_error(&path, e))?;
    Ok(path)
}

fn free_path(dir: &Path, stem: &str, ext: &str) -> PathBuf {
    let first = dir.join(format!("{stem}.{ext}"));
    if !first.exists() {
        return first;
    }
    (2..)
        .map(|n| dir.join(format!("{stem} ({n}).{ext}")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}
