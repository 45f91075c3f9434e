//! The use-case layer's error: every variant has a stable code for the UI and
//! a Korean message a counselor can act on. Internals stay in the source chain
//! for logs and never reach the screen.

use doyak_domain::FieldError;

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
    /// The demo caseload cannot be generated for this center.
    #[error("{0}")]
    Demo(String),
    /// Too many wrong passphrases in a row: the next try must wait.
    #[error("{}", crate::unlock::wait_message(*.0))]
    MustWait(std::time::Duration),
    /// A file the counselor picked or asked for cannot be read or written.
    #[error("{0}")]
    File(String),
    /// Matching input with bad lines: each names its file and line.
    #[error("매칭 입력에 오류가 있어 아무것도 계산하지 않았습니다.\n{}", problems.join("\n"))]
    MatchInput { problems: Vec<String> },
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
    /// Sync or enrollment did not go through; `code` is stable
    /// (`sync.unreachable`, `sync.refused`, …), the message Korean.
    #[error("{message}")]
    Sync { code: &'static str, message: String },
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
    pub fn code(&self) -> &'static str {
        match self {
            AppError::Store(e) => e.code(),
            AppError::Invalid(_) => "input.invalid",
            AppError::Read(e) => e.code(),
            AppError::Write(e) => e.code(),
            AppError::ImportRejected { .. } => "import.rejected",
            AppError::NotFound { .. } => "record.not_found",
            AppError::Json(_) => "export.json",
            AppError::Demo(_) => "demo.rejected",
            AppError::File(_) => "file.rejected",
            AppError::MustWait(_) => "desk.unlock_wait",
            AppError::MatchInput { .. } => "match.input",
            AppError::Assign(_) => "match.assign",
            AppError::AssignmentTooLarge { .. } => "match.assignment_too_large",
            AppError::Sync { code, .. } => code,
        }
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
            code: e.code().to_owned(),
            message: e.to_string(),
            fields: e.field_errors().to_vec(),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn thousands_groups_by_three() {
        assert_eq!(super::thousands(0), "0");
        assert_eq!(super::thousands(999), "999");
        assert_eq!(super::thousands(1000), "1,000");
        assert_eq!(super::thousands(5_115_127), "5,115,127");
    }
}
