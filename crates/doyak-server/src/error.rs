//! What goes wrong: storage failures (retryable, `server.internal`) and
//! refusals of a whole request (a status and an [`ErrorBody`]).

use doyak_sync_protocol::{ErrorBody, ErrorCode};

/// A storage backend failed. Never carries record values: the messages come
/// from the database driver, which quotes SQL, not parameters.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("SQLite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("PostgreSQL: {0}")]
    Postgres(#[from] postgres::Error),
    #[error("연결 풀: {0}")]
    Pool(#[from] r2d2::Error),
    #[error("저장된 {what}을(를) 읽을 수 없습니다")]
    Corrupt { what: &'static str },
    /// Rows sent with COPY that the connection did not take.
    #[error("PostgreSQL COPY: {0}")]
    Copy(std::io::Error),
    #[error("{0}")]
    Setup(String),
}

/// A request the server refuses as a whole: nothing in it was applied.
#[derive(Debug)]
pub struct ApiError {
    pub status: u16,
    pub body: ErrorBody,
}

impl ApiError {
    pub fn new(code: ErrorCode) -> ApiError {
        ApiError {
            status: status_of(&code),
            body: ErrorBody::new(code),
        }
    }

    pub fn with_body(body: ErrorBody) -> ApiError {
        ApiError {
            status: status_of(&body.code),
            body,
        }
    }

    /// A request that decoded (it matches the document's schema) but breaks
    /// a rule the schema cannot state — a sequence that skips, a stamp of
    /// another device, an empty batch: 422 when the code is the generic
    /// `request.malformed`, the code's own status otherwise (413, 409…).
    pub fn unprocessable(body: ErrorBody) -> ApiError {
        let status = match body.code {
            ErrorCode::RequestMalformed => 422,
            ref other => status_of(other),
        };
        ApiError { status, body }
    }

    pub fn code(&self) -> &ErrorCode {
        &self.body.code
    }
}

impl From<StorageError> for ApiError {
    fn from(e: StorageError) -> ApiError {
        // The cause goes to the log (no values in it), the client gets the code.
        tracing::error!(error = %e, "storage failure");
        ApiError::new(ErrorCode::ServerInternal)
    }
}

/// The HTTP status of each error code: 4xx for what the client must change,
/// 5xx for what a retry may fix.
pub fn status_of(code: &ErrorCode) -> u16 {
    match code {
        ErrorCode::ProtocolUnsupportedVersion | ErrorCode::RequestMalformed => 400,
        ErrorCode::AuthMissing
        | ErrorCode::AuthInvalid
        | ErrorCode::AuthRevoked
        | ErrorCode::AuthExpired
        | ErrorCode::EnrollInvalidCode => 401,
        ErrorCode::CenterForbidden | ErrorCode::RecordForbidden => 403,
        ErrorCode::RecordNotFound => 404,
        ErrorCode::PushSequenceGap
        | ErrorCode::PushSequenceReused
        | ErrorCode::SchemaTooNew
        | ErrorCode::RecordIdTaken
        | ErrorCode::RecordInvalid => 409,
        ErrorCode::SchemaTooOld => 426,
        ErrorCode::RequestTooLarge => 413,
        ErrorCode::RequestRateLimited => 429,
        ErrorCode::ServerInternal | ErrorCode::Unknown(_) => 500,
    }
}
