//! The use-case layer's error: every variant has a stable code for the UI and
//! a Korean message a counselor can act on. Internals stay in the source chain
//! for logs and never reach the screen.

use doyak_domain::{ErrorCode, FieldError};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Store(#[from] doyak_store::StoreError),
    #[error("입력값을 확인해 주세요: {}", summary(.0))]
    Invalid(Vec<FieldError>),
    #[error(transparent)]
    Read(#[from] doyak_interchange::ReadError),
    #[error(transparent)]
    Write(#[from] doyak_interchange::WriteError),
    #[error(
        "가져오기 파일에 오류가 {count}건 있어 아무것도 저장하지 않았습니다. 오류를 고치거나 '오류 행 건너뛰기'를 선택해 주세요."
    )]
    ImportRejected {
        count: usize,
        report: Box<crate::ImportReport>,
    },
    #[error("{what}을(를) 찾을 수 없습니다.")]
    NotFound { what: &'static str },
    #[error("내보내기 파일을 만들 수 없습니다.")]
    Json(#[source] serde_json::Error),
    /// Demo people into a caseload of another center.
    #[error("다른 센터의 가상 데이터는 이 상담 파일에 넣을 수 없습니다.")]
    DemoForeignCenter,
    /// Demo people must never mix with real ones.
    #[error(
        "가상 데이터는 빈 사례관리 파일에서만 만들 수 있습니다. 실제 구직자·기업과 섞이지 않게 하기 위해서입니다."
    )]
    DemoNotEmpty,
    #[error(
        "화면에서는 {max}명(곳)까지 만들 수 있습니다. 더 큰 데이터는 `doyak demo` 명령을 쓰세요."
    )]
    DemoTooLarge { max: u32 },
    /// The generator cannot make a demo for this center (no region).
    #[error("{0}")]
    DemoGenerator(#[source] doyak_demo::DemoError<doyak_store::StoreError>),
    /// Too many wrong passphrases in a row: the next try must wait.
    #[error("{}", crate::unlock::wait_message(*.0))]
    MustWait(std::time::Duration),
    /// A file over the import limit, refused before it is read (a picked
    /// file's size comes from the file system) or parsed. The screen names
    /// the file; the log does not.
    #[error(
        "{}파일이 너무 큽니다 ({}바이트, {:.1} MB). 한 번에 {} MB까지 가져올 수 있으니 파일을 나누어 가져와 주세요.",
        file.as_deref().map(|f| format!("'{f}' ")).unwrap_or_default(),
        thousands(usize::try_from(*size).unwrap_or(usize::MAX)),
        *size as f64 / (1024.0 * 1024.0),
        limit / (1024 * 1024)
    )]
    FileTooLarge {
        /// The file's name, when the desk read it from a path.
        file: Option<String>,
        size: u64,
        limit: u64,
    },
    /// A picked file that cannot be read (gone, locked, no permission).
    #[error(
        "'{file}' 파일을 읽을 수 없습니다 ({}). 파일이 있는지, 다른 프로그램에서 열려 있지 않은지 확인해 주세요.",
        source.kind()
    )]
    FileRead {
        file: String,
        #[source]
        source: std::io::Error,
    },
    /// A picked path that is a folder or a device, not a file.
    #[error("'{file}'은(는) 파일이 아닙니다. 가져올 CSV 또는 XLSX 파일을 골라 주세요.")]
    NotAFile { file: String },
    /// An export file that could not be written.
    #[error("파일을 쓸 수 없습니다: {} ({})", path.display(), source.kind())]
    FileWrite {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Matching input with bad lines: each names its file and line.
    #[error("매칭 입력에 오류가 있어 아무것도 계산하지 않았습니다.\n{}", problems.join("\n"))]
    MatchInput { problems: Vec<String> },
    /// A report the PDF writer could not make (the bundled font or the
    /// writer failed: nothing a counselor typed can cause it).
    #[error("보고서(PDF)를 만들지 못했습니다. 다시 시도해도 같으면 담당자에게 알려 주세요.")]
    Report(#[source] doyak_report::ReportError),
    /// A résumé file that cannot be read (no text, encrypted, broken, too
    /// large): never a guess.
    #[error("{file}: {source}")]
    ResumeRead {
        file: String,
        #[source]
        source: doyak_resume::read::ReadError,
    },
    /// Résumé analysis input (vacancy file, options) with a problem.
    #[error("이력서 분석 입력에 오류가 있습니다.\n{}", problems.join("\n"))]
    ResumeInput { problems: Vec<String> },
    /// Diagnosis input with bad lines: each names its file and line.
    #[error("진단 입력에 오류가 있어 아무것도 진단하지 않았습니다.\n{}", problems.join("\n"))]
    DiagnosisInput { problems: Vec<String> },
    /// The desk's 배정 제안 would take too long on this caseload.
    #[error(
        "취업지원 단계 구직자 {}명과 모집 중인 구인 {}건 사이에 가능한 조합이 {}개를 넘어 전체 배정안을 계산하지 않았습니다. 구인마다 '추천 인재'를 이용해 주세요.",
        thousands(*seekers),
        thousands(*vacancies),
        thousands(*limit)
    )]
    AssignmentTooLarge {
        seekers: usize,
        vacancies: usize,
        limit: usize,
    },
    /// The assignment solver refused its input (a bug, not the user's data:
    /// the scores it receives are always finite and positive).
    #[error("배정안을 계산하지 못했습니다.")]
    Assign(#[source] doyak_assign::AssignError),
    /// Sync or enrollment did not go through.
    #[error(transparent)]
    Sync(#[from] SyncFailure),
}

/// Why a sync or an enrollment did not go through.
#[derive(Debug, thiserror::Error)]
pub enum SyncFailure {
    /// No answer: no network, a timeout, a cut-off answer. Nothing is lost.
    #[error("서버에 연결할 수 없습니다. 네트워크를 확인해 주세요. ({0})")]
    Unreachable(String),
    /// The server refused this device's token (revoked, expired, unknown);
    /// the message is the server's.
    #[error("{0}")]
    Auth(String),
    /// The server speaks another protocol or schema version.
    #[error("{0}")]
    Upgrade(String),
    #[error("서버와 이 프로그램의 동기화 방식이 맞지 않습니다. 도약을 업데이트해 주세요.")]
    NoCommonProtocol,
    /// Any other refusal; the message is the server's.
    #[error("{0}")]
    Refused(String),
    /// The desk's own settings (server address, certificate file).
    #[error("{0}")]
    Config(String),
    #[error("사례관리 파일이 열려 있지 않습니다.")]
    Locked,
    #[error(
        "이 노트북은 아직 서버에 등록되지 않았습니다. 센터 관리자에게 등록 코드를 받아 등록해 주세요."
    )]
    NotEnrolled,
    #[error("등록 코드는 12자리(예: ABCD-EFGH-JKMN)입니다. 다시 확인해 주세요.")]
    BadCode,
    /// The caseload says the token is in the OS keyring, and it is not
    /// there (locked, or deleted).
    #[error(
        "이 노트북의 기기 토큰을 운영체제 키링에서 읽을 수 없습니다. 키링이 잠겨 있으면 풀고 다시 시도하고, 키링에서 지워졌다면 센터 관리자에게 새 등록 코드를 받아 다시 등록해 주세요."
    )]
    TokenMissing,
    /// The code is another center's (named when the server said which).
    #[error(
        "이 코드는 다른 센터{}의 코드입니다. 이 사례관리 파일의 센터 코드를 받아 주세요.",
        .0.as_deref().map(|c| format!("({c})")).unwrap_or_default()
    )]
    WrongCenter(Option<String>),
    /// The caseload is not where it was enrolled (another machine or
    /// path), or the server has seen this device's sequence numbers used by
    /// another copy: it must not push under the old identity.
    #[error(
        "이 사례관리 파일은 등록한 컴퓨터나 위치에서 복사되었거나 옮겨졌거나 백업에서 복원되었습니다. 두 곳에서 같은 기기로 보내면 기록이 섞이므로 동기화를 멈췄습니다. 센터 관리자에게 새 등록 코드를 받아 이 파일을 새 기기로 등록하세요. 보내지 않은 변경은 그대로 있고, 등록한 뒤에 보내집니다."
    )]
    CopiedFile,
}

impl SyncFailure {
    pub fn code(&self) -> ErrorCode {
        match self {
            SyncFailure::Unreachable(_) => ErrorCode::SyncUnreachable,
            SyncFailure::Auth(_) => ErrorCode::SyncAuth,
            SyncFailure::Upgrade(_) | SyncFailure::NoCommonProtocol => ErrorCode::SyncUpgrade,
            SyncFailure::Refused(_) => ErrorCode::SyncRefused,
            SyncFailure::Config(_) => ErrorCode::SyncConfig,
            SyncFailure::Locked => ErrorCode::SyncLocked,
            SyncFailure::NotEnrolled => ErrorCode::SyncNotEnrolled,
            SyncFailure::BadCode => ErrorCode::SyncBadCode,
            SyncFailure::TokenMissing => ErrorCode::SyncTokenMissing,
            SyncFailure::WrongCenter(_) => ErrorCode::SyncWrongCenter,
            SyncFailure::CopiedFile => ErrorCode::SyncCopiedFile,
        }
    }
}

/// One cause in the log: what kind of failure, without its message where the
/// message could quote data.
fn describe_cause(e: &(dyn std::error::Error + 'static)) -> String {
    if let Some(e) = e.downcast_ref::<doyak_store::StoreError>() {
        e.log_detail()
    } else if let Some(e) = e.downcast_ref::<doyak_interchange::ReadError>() {
        e.code().to_string()
    } else if let Some(e) = e.downcast_ref::<doyak_interchange::WriteError>() {
        e.code().to_string()
    } else if let Some(e) = e.downcast_ref::<std::io::Error>() {
        format!("io {:?}", e.kind())
    } else if let Some(e) = e.downcast_ref::<serde_json::Error>() {
        format!(
            "json {:?} at line {} column {}",
            e.classify(),
            e.line(),
            e.column()
        )
    } else if let Some(e) = e.downcast_ref::<doyak_assign::AssignError>() {
        format!("assign: {e}")
    } else if let Some(e) = e.downcast_ref::<doyak_demo::DemoError<doyak_store::StoreError>>() {
        // Fixed Korean sentences, a 시군구 code at most.
        format!("demo: {e}")
    } else {
        "(cause withheld)".to_owned()
    }
}

/// 1234567 → "1,234,567".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn summary(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" / ")
}

impl AppError {
    pub fn code(&self) -> ErrorCode {
        match self {
            AppError::Store(e) => e.code(),
            AppError::Invalid(_) => ErrorCode::InputInvalid,
            AppError::Read(e) => e.code(),
            AppError::Write(e) => e.code(),
            AppError::ImportRejected { .. } => ErrorCode::ImportRejected,
            AppError::NotFound { .. } => ErrorCode::RecordNotFound,
            AppError::Json(_) => ErrorCode::ExportJson,
            AppError::DemoForeignCenter => ErrorCode::DemoForeignCenter,
            AppError::DemoNotEmpty => ErrorCode::DemoNotEmpty,
            AppError::DemoTooLarge { .. } => ErrorCode::DemoTooLarge,
            AppError::DemoGenerator(_) => ErrorCode::DemoGenerator,
            AppError::FileTooLarge { .. } => ErrorCode::FileTooLarge,
            AppError::FileRead { .. } => ErrorCode::FileRead,
            AppError::NotAFile { .. } => ErrorCode::FileNotAFile,
            AppError::FileWrite { .. } => ErrorCode::FileWrite,
            AppError::MustWait(_) => ErrorCode::UnlockWait,
            AppError::MatchInput { .. } => ErrorCode::MatchInput,
            AppError::DiagnosisInput { .. } => ErrorCode::DiagnosisInput,
            AppError::Report(_) => ErrorCode::ReportRender,
            AppError::ResumeRead { .. } => ErrorCode::ResumeRead,
            AppError::ResumeInput { .. } => ErrorCode::ResumeInput,
            AppError::Assign(_) => ErrorCode::MatchAssign,
            AppError::AssignmentTooLarge { .. } => ErrorCode::MatchAssignmentTooLarge,
            AppError::Sync(f) => f.code(),
        }
    }

    /// The error and its causes as the desk's log writes them: codes, kinds
    /// and figures, never what a counselor typed or a record holds (a
    /// Korean message may quote either: "12345" in a phone error, a name
    /// in a conflict). Causes are joined with " <- ".
    pub fn log_chain(&self) -> String {
        let head = match self {
            AppError::Store(e) => return e.log_detail(),
            AppError::Invalid(errors) => format!(
                "{}: fields {}",
                self.code(),
                errors
                    .iter()
                    .map(|f| f.field.as_str())
                    .collect::<Vec<_>>()
                    .join(",")
            ),
            AppError::ImportRejected { count, .. } => format!("{}: {count} rows", self.code()),
            AppError::MustWait(wait) => format!("{}: {} ms", self.code(), wait.as_millis()),
            AppError::FileTooLarge { size, limit, .. } => {
                format!("{}: {size} > {limit} bytes", self.code())
            }
            AppError::MatchInput { problems } | AppError::DiagnosisInput { problems } => {
                format!("{}: {} problems", self.code(), problems.len())
            }
            AppError::AssignmentTooLarge {
                seekers,
                vacancies,
                limit,
            } => format!("{}: {seekers} x {vacancies} > {limit}", self.code()),
            // The transport's own words (no record travels in them).
            AppError::Sync(SyncFailure::Unreachable(why)) => format!("{}: {why}", self.code()),
            _ => self.code().to_string(),
        };
        let mut parts = vec![head];
        let mut cause = std::error::Error::source(self);
        while let Some(e) = cause {
            parts.push(describe_cause(e));
            if e.is::<doyak_store::StoreError>() {
                // Its detail already covers its own cause.
                break;
            }
            cause = e.source();
        }
        parts.join(" <- ")
    }

    /// The field errors, when the error is about the user's input.
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            AppError::Invalid(errors) => errors,
            _ => &[],
        }
    }
}

/// What the UI receives for any failure: a stable code to switch on and a
/// Korean message to show. Internals never cross this boundary.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct UiError {
    pub code: String,
    pub message: String,
    /// For input errors: which field, and what is wrong with it.
    pub fields: Vec<FieldError>,
}

impl From<&AppError> for UiError {
    fn from(e: &AppError) -> Self {
        UiError {
            code: e.code().as_str().to_owned(),
            message: e.to_string(),
            fields: e.field_errors().to_vec(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Messages may quote what was typed or stored; the log line may not.
    #[test]
    fn the_log_chain_keeps_codes_and_kinds_and_drops_quoted_values() {
        let typed = AppError::Invalid(vec![FieldError::new(
            "phone",
            "전화번호",
            "010-1234-5678처럼 입력해 주세요 (입력: 010-9876-5432)",
        )]);
        assert!(
            typed.to_string().contains("010-9876-5432"),
            "the screen quotes it"
        );
        assert_eq!(typed.log_chain(), "input.invalid: fields phone");

        let stored: serde_json::Error =
            serde_json::from_str::<u32>("\"홍길순\"").expect_err("a name is not a number");
        assert!(
            stored.to_string().contains("홍길순"),
            "serde quotes the value"
        );
        let decode = AppError::Store(doyak_store::StoreError::Decode {
            what: "seeker".into(),
            source: stored,
        });
        let line = decode.log_chain();
        assert!(
            line.starts_with("store.decode: seeker: json Data"),
            "{line}"
        );
        assert!(!line.contains("홍길순"), "{line}");

        let write = AppError::FileWrite {
            path: "/home/상담사/홍길순 이력서.xlsx".into(),
            source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        };
        assert!(
            write.to_string().contains("홍길순"),
            "the screen names the file"
        );
        assert_eq!(write.log_chain(), "file.write <- io PermissionDenied");

        let read = AppError::FileRead {
            file: "홍길순 명단.csv".into(),
            source: std::io::Error::from(std::io::ErrorKind::NotFound),
        };
        assert!(
            read.to_string().contains("'홍길순 명단.csv'"),
            "the screen names the file"
        );
        assert_eq!(read.log_chain(), "file.read <- io NotFound");
        let large = AppError::FileTooLarge {
            file: Some("홍길순 명단.csv".into()),
            size: 67_108_865,
            limit: 67_108_864,
        };
        assert!(
            large
                .to_string()
                .contains("'홍길순 명단.csv' 파일이 너무 큽니다 (67,108,865바이트")
        );
        assert_eq!(
            large.log_chain(),
            "file.too_large: 67108865 > 67108864 bytes"
        );
        let folder = AppError::NotAFile {
            file: "홍길순".into(),
        };
        assert_eq!(folder.log_chain(), "file.not_a_file");
    }

    #[test]
    fn thousands_groups_by_three() {
        assert_eq!(super::thousands(0), "0");
        assert_eq!(super::thousands(999), "999");
        assert_eq!(super::thousands(1000), "1,000");
        assert_eq!(super::thousands(5_115_127), "5,115,127");
    }
}
