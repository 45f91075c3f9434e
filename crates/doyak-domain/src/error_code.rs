//! Every code a failure carries to the screen, the `doyak` command's output
//! and the desk's log: one closed list, so a code cannot be misspelt in one
//! place, and support can find the log line behind a message a counselor
//! reads out. A code never changes once shipped; the Korean message may.

use std::fmt;

macro_rules! error_codes {
    ($($variant:ident => $code:literal,)*) => {
        /// A stable error code (`store.locked`, `sync.unreachable`, …).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum ErrorCode {
            $($variant,)*
        }

        impl ErrorCode {
            /// Every code, in declaration order.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant,)*];

            pub const fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $code,)*
                }
            }
        }
    };
}

error_codes! {
    // The caseload file (doyak-store).
    StoreNotFound => "store.not_found",
    StoreAlreadyExists => "store.already_exists",
    StoreWrongPassphrase => "store.wrong_passphrase",
    StoreEmptyPassphrase => "store.empty_passphrase",
    StoreCorrupt => "store.corrupt",
    StoreLocked => "store.locked",
    StoreTooNew => "store.too_new",
    StoreSchemaMismatch => "store.schema_mismatch",
    StoreForeignCenter => "store.foreign_center",
    StoreRecordNotFound => "store.record_not_found",
    StoreDuplicateId => "store.duplicate_id",
    StoreDecode => "store.decode",
    StoreIo => "store.io",
    StoreSqlite => "store.sqlite",
    StoreSyncPageInvalid => "store.sync_page_invalid",
    StoreSyncCursorMismatch => "store.sync_cursor_mismatch",
    StoreRekeyMismatch => "store.rekey_mismatch",
    StoreConflictNotFound => "store.conflict_not_found",
    StoreConflictFieldMismatch => "store.conflict_field_mismatch",
    StoreChosenValueInvalid => "store.chosen_value_invalid",
    StoreNotRetryable => "store.not_retryable",
    StoreDestroyed => "store.destroyed",
    // Reading and writing CSV/XLSX (doyak-interchange).
    InterchangeEmpty => "interchange.empty",
    InterchangeTooLarge => "interchange.too_large",
    InterchangeUnknownEncoding => "interchange.unknown_encoding",
    InterchangeMalformedCsv => "interchange.malformed_csv",
    InterchangeMalformedXlsx => "interchange.malformed_xlsx",
    InterchangeLegacyExcel => "interchange.legacy_excel",
    InterchangeTooManyRows => "interchange.too_many_rows",
    InterchangeTooManyColumns => "interchange.too_many_columns",
    InterchangeCellTooLong => "interchange.cell_too_long",
    InterchangeXlsxWrite => "interchange.xlsx_write",
    // Use cases (doyak-app).
    InputInvalid => "input.invalid",
    ImportRejected => "import.rejected",
    RecordNotFound => "record.not_found",
    ExportJson => "export.json",
    DemoForeignCenter => "demo.foreign_center",
    DemoNotEmpty => "demo.not_empty",
    DemoTooLarge => "demo.too_large",
    DemoGenerator => "demo.generator",
    FileTooLarge => "file.too_large",
    FileWrite => "file.write",
    FileRead => "file.read",
    FileNotAFile => "file.not_a_file",
    UnlockWait => "desk.unlock_wait",
    MatchInput => "match.input",
    MatchAssign => "match.assign",
    MatchAssignmentTooLarge => "match.assignment_too_large",
    DiagnosisInput => "diagnosis.input",
    ReportRender => "report.render",
    ResumeRead => "resume.read",
    ResumeInput => "resume.input",
    SyncUnreachable => "sync.unreachable",
    SyncAuth => "sync.auth",
    SyncUpgrade => "sync.upgrade",
    SyncRefused => "sync.refused",
    SyncConfig => "sync.config",
    SyncLocked => "sync.locked",
    SyncNotEnrolled => "sync.not_enrolled",
    SyncBadCode => "sync.bad_code",
    SyncTokenMissing => "sync.token_missing",
    SyncWrongCenter => "sync.wrong_center",
    SyncCopiedFile => "sync.copied_file",
    // The desk's shell.
    DeskInternal => "desk.internal",
    DeskLocked => "desk.locked",
    DeskRestoredNotReopened => "desk.restored_not_reopened",
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Lets tests and callers compare with the code's text.
impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl serde::Serialize for ErrorCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::ErrorCode;
    use std::collections::BTreeSet;

    /// Codes are what scripts and support search for: each is distinct,
    /// `area.name` in lower case, and reads back as itself.
    #[test]
    fn codes_are_distinct_and_dotted_lower_case() {
        let texts: BTreeSet<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(texts.len(), ErrorCode::ALL.len(), "no code is used twice");
        for code in ErrorCode::ALL {
            let text = code.as_str();
            let (area, name) = text.split_once('.').expect("area.name");
            assert!(
                !area.is_empty()
                    && !name.is_empty()
                    && text
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '_' || c == '.'),
                "{text}"
            );
            assert_eq!(code.to_string(), text);
            assert_eq!(*code, text);
        }
    }
}
