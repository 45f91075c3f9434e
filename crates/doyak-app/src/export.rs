//! Exporting the caseload as JSON Lines (the documented, versioned interchange
//! format, docs/formats.md), CSV or XLSX (the import columns, so a file can
//! be edited in Excel and imported into another caseload). Every export is
//! written to the audit log.

use crate::import::{ImportKind, companies, seekers, vacancies};
use crate::{AppError, Desk};
use doyak_domain::{Company, EntityKind, Id, JobSeeker, SharedRecord, Vacancy};
use serde::Serialize;
use std::collections::HashMap;

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
    #[serde(flatten)]
    record: &'a R,
}

fn jsonl_line<R: Serialize>(out: &mut Vec<u8>, format: &str, record: &R) -> Result<(), AppError> {
    serde_json::to_writer(
        &mut *out,
        &JsonlLine {
            format,
            version: JSONL_VERSION,
            record,
        },
    )
    .map_err(AppError::Json)?;
    out.push(b'\n');
    Ok(())
}

impl Desk {
    /// The export file's bytes and the number of records in it.
    pub fn export(
        &mut self,
        kind: ExportKind,
        format: ExportFormat,
    ) -> Result<(Vec<u8>, usize), AppError> {
        let (bytes, count) = match kind {
            ImportKind::Seekers => {
                self.export_kind::<JobSeeker>(format, "doyak.seeker", seekers::COLUMNS, &|s| {
                    seekers::to_row(s)
                })?
            }
            ImportKind::Companies => {
                self.export_kind::<Company>(format, "doyak.company", companies::COLUMNS, &|c| {
                    companies::to_row(c)
                })?
            }
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
                self.export_kind::<Vacancy>(format, "doyak.vacancy", vacancies::COLUMNS, &row)?
            }
        };
        let ctx = self.write_ctx();
        let entity: EntityKind = match kind {
            ImportKind::Seekers => EntityKind::Seeker,
            ImportKind::Companies => EntityKind::Company,
            ImportKind::Vacancies => EntityKind::Vacancy,
        };
        let detail = format!("{count}건 {format:?}");
        self.store
            .write(&ctx, |w| w.audit("export", entity, None, &detail))?;
        self.log_access(doyak_store::Access::Export, entity, None, &detail)?;
        Ok((bytes, count))
    }

    fn export_kind<R: SharedRecord>(
        &self,
        format: ExportFormat,
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
                    jsonl_line(&mut out, tag, &r).map_err(|_| doyak_store::StoreError::Corrupt {
                        reason: "json".into(),
                    })
                })?;
                Ok((out, count))
            }
            ExportFormat::Csv | ExportFormat::Xlsx => {
                let headers: Vec<String> = columns.iter().map(|c| c.ko.to_owned()).collect();
                let mut rows = Vec::new();
                self.store.for_each::<R>(|r| {
                    rows.push(to_row(&r));
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
