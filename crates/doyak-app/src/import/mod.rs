//! Importing seekers, companies and vacancies from the CSV and XLSX files
//! counselors keep. All-or-nothing by default: every row is read and checked
//! before anything is saved, and one bad row means nothing is saved, with a
//! report naming each bad line, column and reason in Korean.

pub mod companies;
pub mod fields;
pub mod seekers;
pub mod vacancies;

use crate::{AppError, Desk};
use doyak_domain::record::CheckContext;
use doyak_domain::{Company, EntityKind, FieldError, Id, JobSeeker, SharedRecord, Vacancy};
use fields::{Column, RowReader, header_key};
use serde::Serialize;
use std::collections::HashSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportKind {
    Seekers,
    Companies,
    Vacancies,
}

impl ImportKind {
    /// Every kind, in the order the desk lists them.
    pub const ALL: [ImportKind; 3] = [
        ImportKind::Seekers,
        ImportKind::Companies,
        ImportKind::Vacancies,
    ];

    pub fn columns(self) -> &'static [Column] {
        match self {
            ImportKind::Seekers => seekers::COLUMNS,
            ImportKind::Companies => companies::COLUMNS,
            ImportKind::Vacancies => vacancies::COLUMNS,
        }
    }

    pub fn label_ko(self) -> &'static str {
        match self {
            ImportKind::Seekers => "구직자",
            ImportKind::Companies => "기업",
            ImportKind::Vacancies => "구인공고",
        }
    }

    fn entity(self) -> EntityKind {
        match self {
            ImportKind::Seekers => EntityKind::Seeker,
            ImportKind::Companies => EntityKind::Company,
            ImportKind::Vacancies => EntityKind::Vacancy,
        }
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct ImportOptions {
    /// Import the valid rows and report the others, instead of all-or-nothing.
    pub skip_invalid: bool,
    /// An import of corrections: a row whose ID the caseload holds updates
    /// that record, field by field, in the columns the file has (each
    /// changed field an ordinary versioned edit that syncs); other rows are
    /// new records as usual. Without it, an existing ID is an error.
    pub update: bool,
}

/// One problem with one row (line 1 is the header).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct RowError {
    pub line: usize,
    /// The column's Korean header, when one column is to blame.
    pub column: Option<String>,
    pub message: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.column {
            Some(c) => write!(f, "{}행 [{}] {}", self.line, c, self.message),
            None => write!(f, "{}행 {}", self.line, self.message),
        }
    }
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ImportReport {
    pub kind: ImportKind,
    /// The text encoding detected ("UTF-8", "CP949"…), or "XLSX".
    pub source: String,
    /// Data rows read (blank rows not counted).
    pub rows: usize,
    /// New records saved.
    pub imported: usize,
    /// Existing records changed (`ImportOptions::update`).
    #[serde(default)]
    pub updated: usize,
    /// Rows of existing records whose columns already held the file's values.
    #[serde(default)]
    pub unchanged: usize,
    pub errors: Vec<RowError>,
    /// Headers that matched no known column; their cells were ignored.
    pub ignored_columns: Vec<String>,
}

impl ImportReport {
    /// The report as CSV rows (행, 열, 오류) for a counselor to open in Excel.
    pub fn to_csv(&self) -> Vec<u8> {
        let headers = ["행", "열", "오류"].map(String::from);
        let rows: Vec<Vec<String>> = self
            .errors
            .iter()
            .map(|e| {
                vec![
                    e.line.to_string(),
                    e.column.clone().unwrap_or_default(),
                    e.message.clone(),
                ]
            })
            .collect();
        doyak_interchange::write_csv(&headers, &rows)
    }
}

/// Where each known column sits in the file; unknown headers; missing
/// required columns.
fn map_headers(
    headers: &[String],
    columns: &'static [Column],
) -> (Vec<Option<usize>>, Vec<String>, Vec<&'static Column>) {
    let keys: Vec<String> = headers.iter().map(|h| header_key(h)).collect();
    let positions: Vec<Option<usize>> = columns
        .iter()
        .map(|c| {
            let names: Vec<String> = std::iter::once(c.key)
                .chain(std::iter::once(c.ko))
                .chain(c.aliases.iter().copied())
                .map(header_key)
                .collect();
            keys.iter().position(|k| names.contains(k))
        })
        .collect();
    let ignored = headers
        .iter()
        .enumerate()
        .filter(|(i, h)| !h.trim().is_empty() && !positions.contains(&Some(*i)))
        .map(|(_, h)| h.clone())
        .collect();
    let missing = columns
        .iter()
        .zip(&positions)
        .filter(|(c, p)| c.required && p.is_none())
        .map(|(c, _)| c)
        .collect();
    (positions, ignored, missing)
}

fn field_errors(line: usize, errors: Vec<FieldError>) -> impl Iterator<Item = RowError> {
    errors.into_iter().map(move |e| RowError {
        line,
        column: Some(e.label),
        message: e.message,
    })
}

// A seeker is the largest variant and the most imported kind: boxing it
// would add an allocation per row to save some 200 bytes on the others.
#[allow(clippy::large_enum_variant)]
enum Parsed {
    Seeker(JobSeeker),
    Company(Company),
    Vacancy(Vacancy),
}

impl Desk {
    /// A new seeker row that may be someone already registered (the same
    /// name and birth date, or the same phone, as the desk's form checks) or
    /// someone earlier in the same file: an import never adds a second
    /// record of a person silently. A correction import of the same record
    /// (its own ID) is not a duplicate of itself.
    fn seeker_import_duplicate(
        &self,
        s: &JobSeeker,
        seen: &mut HashSet<String>,
        update: bool,
    ) -> Result<Vec<FieldError>, AppError> {
        let mut keys = Vec::new();
        if let Some(birth) = s.birth_date {
            keys.push(format!("{}|{birth}", s.name.trim()));
        }
        if let Some(phone) = &s.phone {
            keys.push(format!("tel|{}", phone.as_str()));
        }
        let mut errors = Vec::new();
        if keys.iter().any(|k| seen.contains(k)) {
            errors.push(FieldError::new(
                "name",
                "이름",
                "파일 안에 같은 사람(이름·생년월일 또는 전화번호가 같음)이 두 번 나옵니다.",
            ));
        }
        seen.extend(keys);
        if errors.is_empty() && !(update && self.store.get::<JobSeeker>(s.id)?.is_some()) {
            let found: Vec<JobSeeker> = self
                .store
                .possible_duplicates(
                    s.name.trim(),
                    s.birth_date,
                    s.phone.as_ref().map(|p| p.as_str()),
                    3,
                )?
                .into_iter()
                .filter(|x| x.id != s.id)
                .collect();
            if let Some(first) = found.first() {
                errors.push(FieldError::new(
                    "name",
                    "이름",
                    format!(
                        "이미 등록된 구직자일 수 있습니다({}{}). 같은 사람이면 이 줄을 빼고, 다른 사람이면 화면에서 '다른 사람입니다'를 골라 등록해 주세요.",
                        first.name,
                        if first.phone.is_some() && first.phone == s.phone {
                            ", 같은 전화번호"
                        } else {
                            ", 같은 이름·생년월일"
                        }
                    ),
                ));
            }
        }
        Ok(errors)
    }

    /// Imports a CSV or XLSX file's bytes. `progress(done, total)` is called
    /// as rows are checked and saved.
    pub fn import(
        &mut self,
        kind: ImportKind,
        bytes: &[u8],
        options: ImportOptions,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<ImportReport, AppError> {
        let table = doyak_interchange::read_table(bytes)?;
        let source = match table.format {
            doyak_interchange::Format::Xlsx => "XLSX".to_owned(),
            doyak_interchange::Format::Csv => match table.encoding {
                doyak_interchange::SourceEncoding::Utf8 => "UTF-8",
                doyak_interchange::SourceEncoding::Utf8Bom => "UTF-8 (BOM)",
                doyak_interchange::SourceEncoding::Utf16Le => "UTF-16LE",
                doyak_interchange::SourceEncoding::Utf16Be => "UTF-16BE",
                doyak_interchange::SourceEncoding::Cp949 => "CP949",
            }
            .to_owned(),
        };
        let columns = kind.columns();
        let (positions, ignored_columns, missing) = map_headers(&table.headers, columns);
        let mut report = ImportReport {
            kind,
            source,
            rows: table.rows.len() + table.problems.len(),
            imported: 0,
            updated: 0,
            unchanged: 0,
            errors: table
                .problems
                .iter()
                .map(|p| RowError {
                    line: p.line,
                    column: p.column.and_then(|c| table.headers.get(c - 1).cloned()),
                    message: p.reason.clone(),
                })
                .collect(),
            ignored_columns,
        };
        if !missing.is_empty() {
            for c in missing {
                report.errors.push(RowError {
                    line: 1,
                    column: Some(c.ko.to_owned()),
                    message: format!(
                        "필수 열 '{}'이(가) 없습니다. 머리글 행을 확인해 주세요.",
                        c.ko
                    ),
                });
            }
            return Err(AppError::ImportRejected {
                count: report.errors.len(),
                report: Box::new(report),
            });
        }

        let center_id = self.center_id();
        let check = self.check_ctx();
        // The record fields the file's columns fill, for an import of
        // corrections: only these change in an existing record.
        let named: Vec<&'static str> = columns
            .iter()
            .zip(&positions)
            .filter(|(c, p)| p.is_some() && c.key != "id")
            .map(|(c, _)| record_field(kind, c.key))
            .collect();
        let mut changes: Vec<Parsed> = Vec::new();
        let total = table.rows.len();
        let mut valid: Vec<Parsed> = Vec::with_capacity(total);
        let mut seen_numbers = HashSet::new();
        let mut seen_people = HashSet::new();
        let mut seen_ids = HashSet::new();
        for (n, row) in table.rows.iter().enumerate() {
            let mut r = RowReader::new(row.line, &row.cells, &positions, columns);
            let parsed = self.parse_row(kind, &mut r, center_id, &check);
            let mut errors = std::mem::take(&mut r.errors);
            if let Some(p) = &parsed {
                let (id, kind_label, errs) = match p {
                    Parsed::Seeker(s) => {
                        let mut e =
                            self.seeker_import_duplicate(s, &mut seen_people, options.update)?;
                        e.extend(s.check(&check));
                        (s.id, "구직자", e)
                    }
                    Parsed::Company(c) => {
                        let mut e = Vec::new();
                        if !seen_numbers.insert(c.business_number.clone()) {
                            e.push(FieldError::new(
                                "business_number",
                                "사업자등록번호",
                                "파일 안에 같은 사업자등록번호가 두 번 나옵니다.",
                            ));
                        } else if self
                            .store
                            .company_by_business_number(&c.business_number)?
                            .is_some_and(|holder| !(options.update && holder == c.id))
                        {
                            e.push(FieldError::new(
                                "business_number",
                                "사업자등록번호",
                                "이미 등록된 기업입니다. 기존 기업을 수정해 주세요.",
                            ));
                        }
                        e.extend(c.check(&check));
                        (c.id, "기업", e)
                    }
                    Parsed::Vacancy(v) => (v.id, "구인공고", v.check(&check)),
                };
                // A column the reader already faulted (an empty required
                // cell) is reported once, in the reader's words.
                let faulted: Vec<Option<String>> =
                    errors.iter().map(|e| e.column.clone()).collect();
                errors.extend(
                    field_errors(row.line, errs)
                        .filter(|e| e.column.is_none() || !faulted.contains(&e.column)),
                );
                if !seen_ids.insert(id) {
                    errors.push(RowError {
                        line: row.line,
                        column: Some("ID".into()),
                        message: format!("파일 안에 같은 ID의 {kind_label}이(가) 두 번 나옵니다."),
                    });
                } else if self.exists(kind, id)? && !options.update {
                    errors.push(RowError {
                        line: row.line,
                        column: Some("ID".into()),
                        message: format!(
                            "같은 ID의 {kind_label}이(가) 이미 있습니다. 덮어쓰지 않습니다 (고친 내용을 반영하려면 수정 가져오기)."
                        ),
                    });
                }
            }
            match parsed {
                Some(p) if errors.is_empty() => {
                    let existing = match &p {
                        Parsed::Seeker(s) => self.exists(kind, s.id)?,
                        Parsed::Company(c) => self.exists(kind, c.id)?,
                        Parsed::Vacancy(v) => self.exists(kind, v.id)?,
                    };
                    if !existing {
                        valid.push(p);
                    } else {
                        match self.corrected(p, &named, &check) {
                            Ok(Some(changed)) => changes.push(changed),
                            Ok(None) => report.unchanged += 1,
                            Err(errs) => report.errors.extend(field_errors(row.line, errs)),
                        }
                    }
                }
                _ => report.errors.extend(errors),
            }
            if n % 1000 == 0 {
                progress(n, total * 2);
            }
        }
        report.errors.sort_by_key(|e| e.line);
        if !report.errors.is_empty() && !options.skip_invalid {
            return Err(AppError::ImportRejected {
                count: report.errors.len(),
                report: Box::new(report),
            });
        }
        let ctx = self.write_ctx();
        let count = valid.len();
        let updated = changes.len();
        self.store.write(&ctx, |w| {
            for (n, p) in valid.iter().enumerate() {
                match p {
                    Parsed::Seeker(s) => w.insert(s)?,
                    Parsed::Company(c) => w.insert(c)?,
                    Parsed::Vacancy(v) => w.insert(v)?,
                }
                if n % 1000 == 0 {
                    progress(total + n, total * 2);
                }
            }
            for p in &changes {
                match p {
                    Parsed::Seeker(s) => drop(w.update(s)?),
                    Parsed::Company(c) => drop(w.update(c)?),
                    Parsed::Vacancy(v) => drop(w.update(v)?),
                }
            }
            let detail = if options.update {
                format!("{count}건, 수정 {updated}건")
            } else {
                format!("{count}건")
            };
            w.audit("import", kind.entity(), None, &detail)
        })?;
        progress(total * 2, total * 2);
        report.imported = count;
        report.updated = updated;
        Ok(report)
    }

    /// The record `parsed` names, as held, with the fields the file fills
    /// taken from `parsed`: `None` when they already hold those values;
    /// the record's rule findings when the result breaks one.
    fn corrected(
        &self,
        parsed: Parsed,
        named: &[&str],
        check: &CheckContext<'_>,
    ) -> Result<Option<Parsed>, Vec<FieldError>> {
        fn merge<T>(
            held: Option<T>,
            parsed: &T,
            named: &[&str],
            check: &CheckContext<'_>,
        ) -> Result<Option<T>, Vec<FieldError>>
        where
            T: SharedRecord + Serialize + serde::de::DeserializeOwned + PartialEq,
        {
            let read = |e: serde_json::Error| {
                vec![FieldError::new(
                    "id",
                    "ID",
                    format!("기록을 읽을 수 없습니다: {e}"),
                )]
            };
            let Some(held) = held else {
                return Ok(None);
            };
            let mut value = serde_json::to_value(&held).map_err(read)?;
            let from = serde_json::to_value(parsed).map_err(read)?;
            for field in named {
                if let Some(v) = from.get(*field) {
                    value[*field] = v.clone();
                }
            }
            let merged: T = serde_json::from_value(value).map_err(read)?;
            if merged == held {
                return Ok(None);
            }
            let errors = merged.check(check);
            if errors.is_empty() {
                Ok(Some(merged))
            } else {
                Err(errors)
            }
        }
        let held_err = |e: doyak_store::StoreError| {
            vec![FieldError::new("id", "ID", AppError::from(e).to_string())]
        };
        Ok(match &parsed {
            Parsed::Seeker(s) => {
                merge(self.store.get(s.id).map_err(held_err)?, s, named, check)?.map(Parsed::Seeker)
            }
            Parsed::Company(c) => merge(self.store.get(c.id).map_err(held_err)?, c, named, check)?
                .map(Parsed::Company),
            Parsed::Vacancy(v) => merge(self.store.get(v.id).map_err(held_err)?, v, named, check)?
                .map(Parsed::Vacancy),
        })
    }

    fn exists(&self, kind: ImportKind, id: Id) -> Result<bool, AppError> {
        Ok(match kind {
            ImportKind::Seekers => self.store.get::<JobSeeker>(id)?.is_some(),
            ImportKind::Companies => self.store.get::<Company>(id)?.is_some(),
            ImportKind::Vacancies => self.store.get::<Vacancy>(id)?.is_some(),
        })
    }

    fn parse_row(
        &self,
        kind: ImportKind,
        r: &mut RowReader<'_>,
        center_id: Id,
        check: &CheckContext<'_>,
    ) -> Option<Parsed> {
        let new_id = self.new_id();
        match kind {
            ImportKind::Seekers => Some(Parsed::Seeker(seekers::from_row(
                r,
                new_id,
                center_id,
                check.today,
            ))),
            ImportKind::Companies => {
                companies::from_row(r, new_id, center_id, check.today).map(Parsed::Company)
            }
            ImportKind::Vacancies => {
                let lookup = |b: &doyak_domain::BusinessNumber| -> Option<Company> {
                    let id = self.store.company_by_business_number(b).ok()??;
                    self.store.get::<Company>(id).ok()?
                };
                vacancies::from_row(r, new_id, center_id, check.today, &lookup).map(Parsed::Vacancy)
            }
        }
    }
}

/// The record field a column fills (the column keys are the field names
/// but for these).
fn record_field(kind: ImportKind, key: &'static str) -> &'static str {
    match (kind, key) {
        (ImportKind::Seekers, "consent_on") => "consent",
        (ImportKind::Vacancies, "business_number") => "company_id",
        _ => key,
    }
}
