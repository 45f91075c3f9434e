//! The store's one error type. Each variant is something a caller can act on;
//! its Display is the Korean message a counselor sees, and `code()` is the
//! stable name the UI switches on.

use doyak_domain::ErrorCode;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("사례관리 파일이 없습니다: {}", path.display())]
    NotFound { path: PathBuf },
    #[error("같은 이름의 파일이 이미 있습니다: {}. 다른 경로를 지정하거나 기존 파일을 여세요.", path.display())]
    AlreadyExists { path: PathBuf },
    #[error("암호가 맞지 않거나 암호화된 사례관리 파일이 아닙니다. 파일은 변경되지 않았습니다.")]
    WrongPassphrase,
    #[error("암호를 입력해 주세요.")]
    EmptyPassphrase,
    #[error(
        "사례관리 파일이 손상되었습니다 ({reason}). 백업에서 복구해 주세요. 파일은 변경되지 않았습니다."
    )]
    Corrupt { reason: String },
    #[error(
        "다른 프로그램이 사례관리 파일을 사용 중입니다. 잠시 후 다시 시도하거나 다른 창을 닫아 주세요."
    )]
    Locked,
    #[error(
        "이 사례관리 파일은 더 새로운 버전의 도약에서 만들어졌습니다 (파일 스키마 {found}, 프로그램 {supported}). 프로그램을 업데이트해 주세요. 파일은 변경되지 않았습니다."
    )]
    TooNew { found: i64, supported: i64 },
    /// Only a second, read-only connection reports this: it never migrates.
    #[error(
        "사례관리 파일의 스키마({found})가 프로그램({expected})과 달라 읽기 전용으로 열 수 없습니다."
    )]
    SchemaMismatch { found: i64, expected: i64 },
    #[error("다른 센터의 기록은 이 사례관리 파일에 저장할 수 없습니다.")]
    ForeignCenter,
    #[error("{kind} 기록을 찾을 수 없습니다 ({id}).")]
    RecordNotFound { kind: &'static str, id: String },
    #[error("같은 ID의 {kind} 기록이 이미 있습니다 ({id}).")]
    DuplicateId { kind: &'static str, id: String },
    #[error("저장된 기록을 읽을 수 없습니다 ({what}).")]
    Decode {
        what: String,
        #[source]
        source: serde_json::Error,
    },
    #[error("파일을 읽거나 쓸 수 없습니다: {}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("데이터베이스 오류가 발생했습니다.")]
    Sqlite(#[source] rusqlite::Error),
    /// A pull page that fails its own checks: applying it could skip or
    /// repeat changes, so nothing of it is kept.
    #[error(
        "서버에서 받은 변경 목록이 올바르지 않아 반영하지 않았습니다. 다음 동기화 때 다시 받습니다."
    )]
    SyncPageInvalid {
        #[source]
        problem: doyak_sync_protocol::ProtocolError,
    },
    /// The page was asked for from another position than the one stored
    /// (a page applied twice, or two pulls at once): nothing of it is kept.
    #[error(
        "받은 변경 목록이 이 기기의 동기화 위치({stored})가 아닌 {requested}부터여서 반영하지 않았습니다. 다음 동기화 때 다시 받습니다."
    )]
    SyncCursorMismatch { stored: u64, requested: u64 },
    /// The re-encrypted copy did not hold what the caseload holds; it was
    /// removed and the caseload left under its old passphrase.
    #[error(
        "암호를 바꾸는 중 새 파일을 확인하지 못해 바꾸지 않았습니다. 기존 암호가 그대로 유효합니다."
    )]
    RekeyMismatch,
    /// A refused change that cannot be sent again, and why (Korean).
    #[error("이 변경은 다시 보낼 수 없습니다: {reason}")]
    NotRetryable { reason: &'static str },
    /// A change to a person whose data was destroyed (개인정보 파기):
    /// nothing of them may be written again.
    #[error("이 구직자의 개인정보는 파기되어 더 기록할 수 없습니다.")]
    Destroyed,
    #[error("해결할 충돌을 찾을 수 없습니다 ({id}). 이 기록의 충돌인지 확인해 주세요.")]
    ConflictNotFound { id: String },
    #[error(
        "'{field}' 항목의 값으로는 이 충돌을 해결할 수 없습니다. 충돌이 난 항목의 값을 골라 주세요."
    )]
    ConflictFieldMismatch { field: String },
    #[error("고른 값이 '{field}' 항목에 맞지 않아 저장하지 않았습니다.")]
    ChosenValueInvalid {
        field: String,
        #[source]
        source: serde_json::Error,
    },
}

impl StoreError {
    /// What the log may say about this error and its cause: the code and
    /// kinds, ids and SQLite's own message (which names tables and columns,
    /// never a bound value), but no path (a file name may be a person's)
    /// and no decoder text (serde quotes the value it could not read).
    pub fn log_detail(&self) -> String {
        let code = self.code();
        match self {
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, message)) => format!(
                "{code}: sqlite {:?} (extended {}){}",
                e.code,
                e.extended_code,
                message
                    .as_deref()
                    .map(|m| format!(": {m}"))
                    .unwrap_or_default()
            ),
            StoreError::Sqlite(other) => format!("{code}: rusqlite {}", rusqlite_kind(other)),
            StoreError::Io { source, .. } => format!("{code}: io {:?}", source.kind()),
            StoreError::Decode { what, source } => format!(
                "{code}: {what}: json {:?} at line {} column {}",
                source.classify(),
                source.line(),
                source.column()
            ),
            StoreError::ChosenValueInvalid { field, source } => {
                format!("{code}: {field}: json {:?}", source.classify())
            }
            StoreError::RecordNotFound { kind, id } | StoreError::DuplicateId { kind, id } => {
                format!("{code}: {kind} {id}")
            }
            StoreError::TooNew { found, supported } => format!("{code}: {found} > {supported}"),
            StoreError::SchemaMismatch { found, expected } => {
                format!("{code}: {found} != {expected}")
            }
            StoreError::SyncCursorMismatch { stored, requested } => {
                format!("{code}: stored {stored}, requested {requested}")
            }
            _ => code.to_string(),
        }
    }

    /// A stable code for the UI and scripts.
    pub fn code(&self) -> ErrorCode {
        match self {
            StoreError::NotFound { .. } => ErrorCode::StoreNotFound,
            StoreError::AlreadyExists { .. } => ErrorCode::StoreAlreadyExists,
            StoreError::WrongPassphrase => ErrorCode::StoreWrongPassphrase,
            StoreError::EmptyPassphrase => ErrorCode::StoreEmptyPassphrase,
            StoreError::Corrupt { .. } => ErrorCode::StoreCorrupt,
            StoreError::Locked => ErrorCode::StoreLocked,
            StoreError::TooNew { .. } => ErrorCode::StoreTooNew,
            StoreError::SchemaMismatch { .. } => ErrorCode::StoreSchemaMismatch,
            StoreError::ForeignCenter => ErrorCode::StoreForeignCenter,
            StoreError::RecordNotFound { .. } => ErrorCode::StoreRecordNotFound,
            StoreError::DuplicateId { .. } => ErrorCode::StoreDuplicateId,
            StoreError::Decode { .. } => ErrorCode::StoreDecode,
            StoreError::Io { .. } => ErrorCode::StoreIo,
            StoreError::Sqlite(_) => ErrorCode::StoreSqlite,
            StoreError::SyncPageInvalid { .. } => ErrorCode::StoreSyncPageInvalid,
            StoreError::SyncCursorMismatch { .. } => ErrorCode::StoreSyncCursorMismatch,
            StoreError::RekeyMismatch => ErrorCode::StoreRekeyMismatch,
            StoreError::ConflictNotFound { .. } => ErrorCode::StoreConflictNotFound,
            StoreError::ConflictFieldMismatch { .. } => ErrorCode::StoreConflictFieldMismatch,
            StoreError::ChosenValueInvalid { .. } => ErrorCode::StoreChosenValueInvalid,
            StoreError::NotRetryable { .. } => ErrorCode::StoreNotRetryable,
            StoreError::Destroyed => ErrorCode::StoreDestroyed,
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Locked,
            Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt {
                reason: "페이지 손상".into(),
            },
            Some(ErrorCode::NotADatabase) => StoreError::WrongPassphrase,
            _ => StoreError::Sqlite(e),
        }
    }
}

/// The kind of a rusqlite error that is not SQLite's own, without its text
/// (a conversion error quotes the value).
fn rusqlite_kind(e: &rusqlite::Error) -> &'static str {
    match e {
        rusqlite::Error::FromSqlConversionFailure(..) => "from-sql conversion",
        rusqlite::Error::ToSqlConversionFailure(..) => "to-sql conversion",
        rusqlite::Error::IntegralValueOutOfRange(..) => "integer out of range",
        rusqlite::Error::Utf8Error(..) => "utf-8",
        rusqlite::Error::InvalidColumnType(..) => "column type",
        rusqlite::Error::InvalidColumnIndex(..) => "column index",
        rusqlite::Error::InvalidColumnName(..) => "column name",
        rusqlite::Error::QueryReturnedNoRows => "no rows",
        rusqlite::Error::ExecuteReturnedResults => "execute returned rows",
        rusqlite::Error::InvalidParameterName(..) => "parameter name",
        rusqlite::Error::InvalidPath(..) => "path",
        _ => "other",
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
