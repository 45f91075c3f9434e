//! Exporting the caseload as JSON Lines (the documented, versioned interchange
//! format, docs/formats.md), CSV or XLSX (the import columns, so a file can
//! be edited in Excel and imported into another caseload). Every export is
//! written to the audit log and the access log.
//!
//! The desk's exports (docs/privacy.md, "내보내기"): each says its purpose;
//! people's identifiers are masked unless the counselor asks for them in
//! full, and a file with them in full is only written inside an
//! AES-256 encrypted zip under a password the counselor types.

use crate::import::{ImportKind, companies, seekers, vacancies};
use crate::{AppError, Desk};
use doyak_domain::masking;
use doyak_domain::{Company, EntityKind, FieldError, Id, JobSeeker, SharedRecord, Vacancy};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

pub type ExportKind = ImportKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Jsonl,
    Csv,
    Xlsx,
}

/// The version of the JSON Lines record format (docs/formats.md). Bumped when
/// a field changes meaning or is removed; adding a field does not bump it.
pub const JSONL_VERSION: u32 = 1;

#[derive(Serialize)]
struct JsonlLine<'a, R> {
    format: &'a str,
    version: u32,
    /// Present (true) only in a masked export: its identifiers are not the
    /// person's, and no importer may take them as such.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    masked: bool,
    #[serde(flatten)]
    record: &'a R,
}

fn jsonl_line<R: Serialize>(
    out: &mut Vec<u8>,
    format: &str,
    record: &R,
    masked: bool,
) -> Result<(), AppError> {
    let line = JsonlLine {
        format,
        version: JSONL_VERSION,
        masked,
        record,
    };
    if masked {
        let mut value = serde_json::to_value(&line).map_err(AppError::Json)?;
        mask_json(&mut value);
        serde_json::to_writer(&mut *out, &value).map_err(AppError::Json)?;
    } else {
        serde_json::to_writer(&mut *out, &line).map_err(AppError::Json)?;
    }
    out.push(b'\n');
    Ok(())
}

/// Why a file of the caseload is written: asked before every export, kept
/// in the audit and access logs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportPurpose {
    Statistics,
    Handover,
    Inspection,
    Transfer,
    Other,
}

impl std::str::FromStr for ExportPurpose {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ExportPurpose::ALL
            .into_iter()
            .find(|p| p.as_str() == s)
            .ok_or_else(|| {
                let known: Vec<&str> = ExportPurpose::ALL.iter().map(|p| p.as_str()).collect();
                format!("알 수 없는 목적입니다: {s} ({})", known.join(", "))
            })
    }
}

impl ExportPurpose {
    pub const ALL: [ExportPurpose; 5] = [
        ExportPurpose::Statistics,
        ExportPurpose::Handover,
        ExportPurpose::Inspection,
        ExportPurpose::Transfer,
        ExportPurpose::Other,
    ];

    pub fn label_ko(self) -> &'static str {
        match self {
            ExportPurpose::Statistics => "성과·통계 보고",
            ExportPurpose::Handover => "담당자 인수인계",
            ExportPurpose::Inspection => "감사·점검 대응",
            ExportPurpose::Transfer => "다른 사례관리 파일로 옮기기",
            ExportPurpose::Other => "기타 (직접 입력)",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ExportPurpose::Statistics => "statistics",
            ExportPurpose::Handover => "handover",
            ExportPurpose::Inspection => "inspection",
            ExportPurpose::Transfer => "transfer",
            ExportPurpose::Other => "other",
        }
    }
}

/// Whether people's identifiers are in the file as they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Identifiers {
    /// 가림 (the default): 김*수, 010-****-5678, 1985-**-**; free text left out.
    Masked,
    /// In full, and therefore only inside an encrypted zip.
    Full,
}

/// The shortest password an encrypted export takes. Longer than the
/// caseload's: a zip's key is guessed offline at a few thousand tries a
/// second per core (PBKDF2-SHA1, 1,000 rounds, the format's fixed count).
pub const MIN_PACKAGE_PASSWORD_CHARS: usize = 12;

/// How a command-line export writes people's identifiers: masked; in full
/// inside an AES-256 zip under a password of at least
/// [`MIN_PACKAGE_PASSWORD_CHARS`]; or in full as a plain file, which the
/// command asks for by name (`--full --plain`) and the access log records
/// as `full-plain`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CliIdentifiers {
    Masked,
    Encrypted { password: String },
    Plain,
}

/// An export as the desk asks for it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
pub struct ExportRequest {
    pub kind: ImportKind,
    /// xlsx, csv or jsonl (`DataChoices::export_formats`).
    pub format: String,
    pub purpose: ExportPurpose,
    /// What the purpose is, in the counselor's words; needed for 기타.
    /// Kept in this desk's audit log only (it may name someone).
    pub purpose_note: String,
    pub identifiers: Identifiers,
    /// The encrypted zip's password (with `Full`); typed twice on the page.
    pub password: String,
}

/// The columns each kind masks, by import key: identifiers masked, free
/// text left out (it may say anything about anyone).
fn masked_cell(kind: ImportKind, key: &str, cell: &str) -> Option<String> {
    let masked = match (kind, key) {
        (ImportKind::Seekers, "name") | (ImportKind::Companies, "contact_name") => {
            masking::mask_name(cell)
        }
        (ImportKind::Seekers, "birth_date") => masking::mask_birth_text(cell),
        (ImportKind::Seekers, "phone") | (ImportKind::Companies, "contact_phone") => {
            masking::mask_phone_text(cell)
        }
        (ImportKind::Seekers, "email") => masking::mask_email(cell),
        _ => return None,
    };
    Some(if cell.trim().is_empty() {
        String::new()
    } else {
        masked
    })
}

/// Columns a masked file leaves out altogether: free text (it may say
/// anything about anyone) and 대상집단 (장애인, 북한이탈주민… are sensitive,
/// and next to a birth year and a 시군구 they point to a person). Left
/// out, not emptied: an empty column imported with 수정 가져오기 would clear
/// the field on every record.
fn dropped_when_masked(kind: ImportKind, key: &str) -> bool {
    matches!(
        (kind, key),
        (ImportKind::Seekers, "note" | "target_groups") | (ImportKind::Companies, "note")
    )
}

/// A seeker's JSON fields a masked JSON Lines file empties besides the
/// columns': everything in the profile written in someone's own words.
const SEEKER_JSON_EMPTIED: [&str; 6] = [
    "barriers",
    "work_history",
    "education",
    "training",
    "target_groups",
    "iap_goal",
];

/// The same rule over a JSON Lines record: seekers' and companies' fields
/// by their JSON names; a seeker's barriers (민감정보) left out.
fn mask_json(value: &mut serde_json::Value) {
    let Some(map) = value.as_object_mut() else {
        return;
    };
    let kind = match map.get("format").and_then(|f| f.as_str()) {
        Some("doyak.seeker") => ImportKind::Seekers,
        Some("doyak.company") => ImportKind::Companies,
        _ => return,
    };
    let keys: Vec<String> = map.keys().cloned().collect();
    for key in keys {
        let text = match map.get(&key) {
            Some(serde_json::Value::String(t)) => t.clone(),
            Some(serde_json::Value::Null) | None => continue,
            Some(other) => other.to_string(),
        };
        if let Some(masked) = masked_cell(kind, &key, &text) {
            map.insert(
                key,
                if masked.is_empty() {
                    serde_json::Value::Null
                } else {
                    serde_json::Value::String(masked)
                },
            );
        }
    }
    for key in ["note"] {
        if map.contains_key(key) {
            map.insert(key.into(), serde_json::Value::Null);
        }
    }
    if kind == ImportKind::Seekers {
        for key in SEEKER_JSON_EMPTIED {
            let empty = match map.get(key) {
                Some(serde_json::Value::Array(_)) => serde_json::Value::Array(Vec::new()),
                _ => serde_json::Value::Null,
            };
            map.insert(key.into(), empty);
        }
    }
}

/// `bytes` as the only entry of a zip encrypted with AES-256 (WinZip AE-2:
/// 7-Zip, 반디집, 알집 and Windows 11's Explorer open it).
pub fn encrypted_zip(entry: &str, bytes: &[u8], password: &str) -> Result<Vec<u8>, AppError> {
    use std::io::Write;
    let failed = |e: &dyn std::fmt::Display| {
        AppError::Invalid(vec![FieldError::new(
            "password",
            "압축 파일",
            format!("암호화 압축 파일을 만들 수 없습니다: {e}"),
        )])
    };
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .with_aes_encryption(zip::AesMode::Aes256, password);
    zip.start_file(entry, options).map_err(|e| failed(&e))?;
    zip.write_all(bytes).map_err(|e| failed(&e))?;
    let cursor = zip.finish().map_err(|e| failed(&e))?;
    Ok(cursor.into_inner())
}

/// What is wrong with a request, field by field, in Korean.
pub(crate) fn check_request(request: &ExportRequest) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if request.purpose == ExportPurpose::Other && request.purpose_note.trim().is_empty() {
        errors.push(FieldError::new(
            "purpose_note",
            "내보내는 목적",
            "기타를 골랐다면 목적을 적어 주세요.",
        ));
    }
    let holds_people = request.kind != ImportKind::Vacancies;
    if holds_people
        && request.identifiers == Identifiers::Full
        && request.password.chars().count() < MIN_PACKAGE_PASSWORD_CHARS
    {
        errors.push(FieldError::new(
            "password",
            "압축 파일 암호",
            format!(
                "개인정보를 가리지 않고 내보내려면 {MIN_PACKAGE_PASSWORD_CHARS}자 이상의 압축 파일 암호가 필요합니다."
            ),
        ));
    }
    errors
}

impl Desk {
    /// The command line's export, its purpose asked like the desk's (기타
    /// needs its words) and logged with it: masked, or in full inside an
    /// AES zip (`full-encrypted` in the access log), or in full as it is
    /// when asked for by name (`full-plain`: the administrator's
    /// interchange file into `doyak import`).
    pub fn export_with_purpose(
        &mut self,
        kind: ExportKind,
        format: ExportFormat,
        purpose: ExportPurpose,
        purpose_note: &str,
        identifiers: &CliIdentifiers,
    ) -> Result<(Vec<u8>, usize), AppError> {
        let request = ExportRequest {
            kind,
            format: String::new(),
            purpose,
            purpose_note: purpose_note.to_owned(),
            identifiers: match identifiers {
                CliIdentifiers::Encrypted { .. } => Identifiers::Full,
                _ => Identifiers::Masked,
            },
            password: match identifiers {
                CliIdentifiers::Encrypted { password } => password.clone(),
                _ => String::new(),
            },
        };
        let errors = check_request(&request);
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        let masked = *identifiers == CliIdentifiers::Masked;
        let (bytes, count) = self.export_rows(kind, format, masked)?;
        let (bytes, how, code) = match identifiers {
            CliIdentifiers::Masked => (bytes, "가림", "masked"),
            CliIdentifiers::Plain => (bytes, "전체(명령줄, 암호화 안 함)", "full-plain"),
            CliIdentifiers::Encrypted { password } => {
                let ext = match format {
                    ExportFormat::Csv => "csv",
                    ExportFormat::Xlsx => "xlsx",
                    ExportFormat::Jsonl => "jsonl",
                };
                let entry = format!("도약-{}-{}.{ext}", kind.label_ko(), self.clock.today());
                (
                    encrypted_zip(&entry, &bytes, password)?,
                    "전체(명령줄, 암호화 압축)",
                    "full-encrypted",
                )
            }
        };
        let note = purpose_note.trim();
        let audit = format!(
            "{count}건 {format:?} {how} 목적: {}{}",
            purpose.label_ko(),
            if note.is_empty() {
                String::new()
            } else {
                format!(" — {note}")
            }
        );
        let access = format!("{count} {format:?} {code} purpose={}", purpose.as_str());
        self.log_export(kind, &audit, &access)?;
        Ok((bytes, count))
    }

    /// Writes the export to the audit log (`audit_detail`, which may hold
    /// the counselor's words) and the access log (`access_detail`: codes).
    pub(crate) fn log_export(
        &mut self,
        kind: ExportKind,
        audit_detail: &str,
        access_detail: &str,
    ) -> Result<(), AppError> {
        let ctx = self.write_ctx();
        let entity: EntityKind = match kind {
            ImportKind::Seekers => EntityKind::Seeker,
            ImportKind::Companies => EntityKind::Company,
            ImportKind::Vacancies => EntityKind::Vacancy,
        };
        self.store
            .write(&ctx, |w| w.audit("export", entity, None, audit_detail))?;
        self.log_access(doyak_store::Access::Export, entity, None, access_detail)?;
        Ok(())
    }

    /// The file's bytes and its record count; `masked` masks identifiers.
    pub(crate) fn export_rows(
        &mut self,
        kind: ExportKind,
        format: ExportFormat,
        masked: bool,
    ) -> Result<(Vec<u8>, usize), AppError> {
        let (bytes, count) = match kind {
            ImportKind::Seekers => self.export_kind::<JobSeeker>(
                kind,
                format,
                masked,
                "doyak.seeker",
                seekers::COLUMNS,
                &|s| seekers::to_row(s),
            )?,
            ImportKind::Companies => self.export_kind::<Company>(
                kind,
                format,
                masked,
                "doyak.company",
                companies::COLUMNS,
                &|c| companies::to_row(c),
            )?,
            ImportKind::Vacancies => {
                let mut numbers: HashMap<Id, String> = HashMap::new();
                self.store.for_each::<Company>(|c| {
                    numbers.insert(c.id, c.business_number.formatted());
                    Ok(())
                })?;
                let row = |v: &Vacancy| {
                    vacancies::to_row(
                        v,
                        numbers.get(&v.company_id).map(String::as_str).unwrap_or(""),
                    )
                };
                self.export_kind::<Vacancy>(
                    kind,
                    format,
                    masked,
                    "doyak.vacancy",
                    vacancies::COLUMNS,
                    &row,
                )?
            }
        };
        Ok((bytes, count))
    }

    #[allow(clippy::too_many_arguments)]
    fn export_kind<R: SharedRecord>(
        &self,
        kind: ExportKind,
        format: ExportFormat,
        masked: bool,
        tag: &str,
        columns: &[crate::import::fields::Column],
        to_row: &dyn Fn(&R) -> Vec<String>,
    ) -> Result<(Vec<u8>, usize), AppError> {
        let mut count = 0;
        match format {
            ExportFormat::Jsonl => {
                let mut out = Vec::new();
                self.store.for_each::<R>(|r| {
                    count += 1;
                    jsonl_line(&mut out, tag, &r, masked).map_err(|_| {
                        doyak_store::StoreError::Corrupt {
                            reason: "json".into(),
                        }
                    })
                })?;
                Ok((out, count))
            }
            ExportFormat::Csv | ExportFormat::Xlsx => {
                let kept = |key: &str| !(masked && dropped_when_masked(kind, key));
                let headers: Vec<String> = columns
                    .iter()
                    .filter(|c| kept(c.key))
                    .map(|c| c.ko.to_owned())
                    .collect();
                let mut rows = Vec::new();
                self.store.for_each::<R>(|r| {
                    let row = to_row(&r)
                        .into_iter()
                        .zip(columns)
                        .filter(|(_, column)| kept(column.key))
                        .map(|(cell, column)| match masked {
                            true => masked_cell(kind, column.key, &cell).unwrap_or(cell),
                            false => cell,
                        })
                        .collect();
                    rows.push(row);
                    Ok(())
                })?;
                count = rows.len();
                let bytes = if format == ExportFormat::Csv {
                    doyak_interchange::write_csv(&headers, &rows)
                } else {
                    doyak_interchange::write_xlsx(R::KIND.label_ko(), &headers, &rows)?
                };
                Ok((bytes, count))
            }
        }
    }
}
