//! What goes wrong: storage failures (retryable, `server.internal`) and
//! refusals of a whole request (a status and an [`ErrorBody`]).

use doyak_sync_protocol::{ErrorBody, ErrorCode};
use std::path::PathBuf;

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
    /// The connection string's `sslmode` is none of libpq's (see
    /// `storage::postgres::tls`).
    #[error(
        "sslmode={0}: 알 수 없는 값입니다. disable, prefer, require, verify-ca, verify-full 중 하나를 적어 주세요"
    )]
    UnknownSslMode(String),
    /// A connection string whose parameters could not be read. It is not
    /// quoted back: it may hold a password.
    #[error(
        "PostgreSQL 주소의 설정을 읽을 수 없습니다: postgres://…?키=값&… 또는 키=값 형식인지, 따옴표가 닫혔는지 확인해 주세요"
    )]
    BadConnectionString,
    /// The CA file `sslrootcert` names. Never skipped in favour of other
    /// roots or of no check.
    #[error("sslrootcert {}: {problem}", path.display())]
    SslRootCert {
        path: PathBuf,
        #[source]
        problem: RootCertProblem,
    },
    #[error("TLS 설정을 만들 수 없습니다: {0}")]
    TlsConfig(#[source] rustls::Error),
    /// The first connection failed because of TLS: the server has none, or
    /// its certificate was not trusted.
    #[error("sslmode={mode}: {refusal} ({})", tls_cause(source))]
    DatabaseTls {
        mode: &'static str,
        refusal: TlsRefusal,
        #[source]
        source: postgres::Error,
    },
}

/// What TLS said, under the driver's "error performing TLS handshake".
fn tls_cause(error: &postgres::Error) -> String {
    std::error::Error::source(error).map_or_else(|| error.to_string(), ToString::to_string)
}

/// What is wrong with the CA file named by `sslrootcert`.
#[derive(Debug, thiserror::Error)]
pub enum RootCertProblem {
    #[error("읽을 수 없습니다: {0}")]
    Unreadable(#[source] std::io::Error),
    #[error("PEM 형식이 아닙니다: {0}")]
    NotPem(#[source] rustls::pki_types::pem::Error),
    #[error("인증서로 읽을 수 없는 항목이 있습니다: {0}")]
    NotCertificate(#[source] rustls::Error),
    #[error("인증서(-----BEGIN CERTIFICATE-----)가 하나도 없습니다")]
    Empty,
}

/// Why PostgreSQL's TLS was refused, as an admin can act on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TlsRefusal {
    #[error("서버가 TLS를 쓰지 않습니다. 서버의 postgresql.conf에서 ssl = on으로 설정해 주세요")]
    ServerWithoutTls,
    #[error(
        "서버 인증서가 sslrootcert의 CA(없으면 공인 CA)로 서명되지 않았습니다. sslrootcert에 서버 인증서를 발급한 CA를 적어 주세요"
    )]
    UnknownIssuer,
    #[error(
        "서버 인증서의 이름이 주소의 호스트 이름과 다릅니다. 인증서에 적힌 이름으로 접속하거나 인증서를 다시 발급해 주세요"
    )]
    NameMismatch,
    #[error("서버 인증서의 유효 기간이 지났습니다")]
    Expired,
    #[error("서버 인증서를 받아들일 수 없습니다")]
    BadCertificate,
    #[error("TLS 연결 과정에서 오류가 났습니다")]
    Handshake,
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
        ErrorCode::RecordNotFound | ErrorCode::RequestNotFound => 404,
        ErrorCode::RequestMethodNotAllowed => 405,
        ErrorCode::PushSequenceGap
        | ErrorCode::PushSequenceReused
        | ErrorCode::EnrollDeviceTaken
        | ErrorCode::SchemaTooNew
        | ErrorCode::RecordIdTaken
        | ErrorCode::RecordTransferred
        | ErrorCode::RecordDestroyed
        | ErrorCode::AccessLogChainBroken
        | ErrorCode::RecordInvalid => 409,
        ErrorCode::SchemaTooOld => 426,
        ErrorCode::RequestTooLarge => 413,
        ErrorCode::RequestRateLimited => 429,
        ErrorCode::ServerInternal | ErrorCode::Unknown(_) => 500,
    }
}
