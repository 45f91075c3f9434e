//! The crate's one error type: a body that cannot be read, and every problem
//! the pure validation finds. Display is Korean (it ends up in an
//! [`ErrorBody`]'s details); `code()` is the stable name.

use crate::{ErrorBody, ErrorCode, ProtocolVersion};
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProtocolError {
    #[error("본문이 너무 큽니다 ({bytes}바이트, 최대 {limit}바이트).")]
    TooLarge { bytes: usize, limit: usize },
    /// The body is not the JSON the message needs. No `#[source]` on purpose:
    /// serde_json's text quotes the offending value, which may be a name or a
    /// phone number, and errors end up in logs. `detail` is that text with
    /// quoted strings blanked out.
    #[error("{what} 형식이 올바르지 않습니다 ({line}행 {column}열): {detail}")]
    Malformed {
        what: &'static str,
        line: usize,
        column: usize,
        detail: String,
    },
    #[error("{what}에 올바른 프로토콜 버전(protocol)이 없습니다.")]
    MissingVersion { what: &'static str },
    #[error(
        "프로토콜 버전 {found}은(는) 지원하지 않습니다 (지원: {}).",
        supported_list(supported)
    )]
    UnsupportedVersion {
        found: u64,
        supported: Vec<ProtocolVersion>,
    },
    #[error("보낼 변경 내용이 없습니다.")]
    EmptyBatch,
    #[error("한 번에 보낼 수 있는 변경은 {limit}건까지입니다 ({count}건).")]
    TooManyMutations { count: usize, limit: usize },
    #[error(
        "변경 순번이 이어지지 않습니다: {expected}번이어야 하는데 {found}번입니다 ({mutation_id})."
    )]
    SequenceGap {
        mutation_id: Uuid,
        expected: u64,
        found: u64,
    },
    #[error("같은 변경 ID가 두 번 들어 있습니다 ({mutation_id}).")]
    DuplicateMutationId { mutation_id: Uuid },
    #[error("변경 ID가 UUIDv7이 아닙니다 ({mutation_id}).")]
    MutationIdNotV7 { mutation_id: Uuid },
    #[error("바뀐 항목이 없는 수정입니다 ({mutation_id}).")]
    EmptyUpdate { mutation_id: Uuid },
    #[error("내용이 비어 있는 기록입니다 ({mutation_id}).")]
    EmptyRecord { mutation_id: Uuid },
    #[error("이름이 빈 항목이 있습니다 ({mutation_id}).")]
    EmptyFieldName { mutation_id: Uuid },
    #[error("항목 '{field}'의 기준 버전이 0입니다. 버전은 1부터 시작합니다 ({mutation_id}).")]
    ZeroBaseVersion { mutation_id: Uuid, field: String },
    #[error("스키마 버전이 0입니다 ({mutation_id}).")]
    ZeroSchemaVersion { mutation_id: Uuid },
    #[error("시각 기록이 다른 기기의 것입니다 ({mutation_id}).")]
    ForeignStamp { mutation_id: Uuid },
    #[error("충돌 해결은 수정(update)으로만 보낼 수 있습니다 ({mutation_id}).")]
    ResolutionNotUpdate { mutation_id: Uuid },
    #[error("이 서버가 모르는 기록 종류입니다: {kind} ({mutation_id}).")]
    UnknownEntity { mutation_id: Uuid, kind: String },
    #[error("한 번에 보낼 수 있는 접근 기록은 {limit}건까지입니다 ({count}건).")]
    TooManyAccessEntries { count: usize, limit: usize },
    #[error("접근 기록의 순번이 이어지지 않습니다: {expected}번이어야 하는데 {found}번입니다.")]
    AccessSequenceGap { expected: u64, found: u64 },
    #[error("접근 기록 {seq}번의 형식이 올바르지 않습니다: {what}.")]
    AccessEntryInvalid { seq: u64, what: &'static str },
    /// The chain does not hold at entry `seq`: within the batch, or
    /// against what the server holds for the device.
    #[error("접근 기록 {seq}번: {what}.")]
    AccessChainBroken { seq: u64, what: &'static str },
    #[error("가져올 변경 건수(limit)는 1 이상이어야 합니다.")]
    ZeroPullLimit,
    #[error("서버가 보낸 변경 목록의 순서가 맞지 않습니다 ({after} 다음에 {found}).")]
    PageOutOfOrder { after: u64, found: u64 },
    #[error("시각 기록의 형식이 올바르지 않습니다.")]
    InvalidStamp,
    #[error("기기 인증 토큰의 형식이 올바르지 않습니다.")]
    InvalidToken,
    #[error(
        "등록 코드의 형식이 올바르지 않습니다. 센터 관리자에게 받은 코드를 다시 확인해 주세요."
    )]
    InvalidEnrollmentCode,
}

fn supported_list(versions: &[ProtocolVersion]) -> String {
    let names: Vec<String> = versions.iter().map(ToString::to_string).collect();
    names.join(", ")
}

impl ProtocolError {
    /// The stable code a peer puts in the [`ErrorBody`] for this problem.
    pub fn code(&self) -> ErrorCode {
        match self {
            ProtocolError::TooLarge { .. }
            | ProtocolError::TooManyMutations { .. }
            | ProtocolError::TooManyAccessEntries { .. } => ErrorCode::RequestTooLarge,
            // The desk reads its log's rows in order: a number missing
            // inside a batch is an entry removed from the file.
            ProtocolError::AccessChainBroken { .. } | ProtocolError::AccessSequenceGap { .. } => {
                ErrorCode::AccessLogChainBroken
            }
            ProtocolError::UnsupportedVersion { .. } => ErrorCode::ProtocolUnsupportedVersion,
            ProtocolError::SequenceGap { .. } => ErrorCode::PushSequenceGap,
            // Refusing the whole batch, not rejecting the mutation: a
            // rejection would drop it from the desk's queue for good.
            ProtocolError::UnknownEntity { .. } => ErrorCode::SchemaTooNew,
            ProtocolError::InvalidToken => ErrorCode::AuthInvalid,
            ProtocolError::InvalidEnrollmentCode => ErrorCode::EnrollInvalidCode,
            ProtocolError::Malformed { .. }
            | ProtocolError::MissingVersion { .. }
            | ProtocolError::EmptyBatch
            | ProtocolError::DuplicateMutationId { .. }
            | ProtocolError::MutationIdNotV7 { .. }
            | ProtocolError::EmptyUpdate { .. }
            | ProtocolError::EmptyRecord { .. }
            | ProtocolError::EmptyFieldName { .. }
            | ProtocolError::ZeroBaseVersion { .. }
            | ProtocolError::ZeroSchemaVersion { .. }
            | ProtocolError::ForeignStamp { .. }
            | ProtocolError::ResolutionNotUpdate { .. }
            | ProtocolError::ZeroPullLimit
            | ProtocolError::AccessEntryInvalid { .. }
            | ProtocolError::InvalidStamp => ErrorCode::RequestMalformed,
            // Found by a desk in a server's answer: the server's fault.
            ProtocolError::PageOutOfOrder { .. } => ErrorCode::ServerInternal,
        }
    }

    /// The error body a server returns for this problem alone: the code's
    /// counselor-facing message, this problem as the one detail.
    pub fn to_body(&self) -> ErrorBody {
        let mut body = ErrorBody::new(self.code());
        body.details = vec![self.to_string()];
        if let ProtocolError::UnsupportedVersion { supported, .. } = self {
            body.supported_versions = Some(supported.clone());
        }
        body
    }

    pub(crate) fn malformed(what: &'static str, e: &serde_json::Error) -> ProtocolError {
        ProtocolError::Malformed {
            what,
            line: e.line(),
            column: e.column(),
            detail: redact_quoted(&strip_position(&e.to_string())),
        }
    }
}

/// serde_json appends " at line L column C", which `Malformed` already holds.
fn strip_position(text: &str) -> String {
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_owned(),
        None => text.to_owned(),
    }
}

/// Blanks what serde quotes inside `"…"` (string values, Debug-escaped) and
/// `'…'` (chars), keeping the rest ("invalid type: string \"…\", expected
/// u64"), so the message says what was wrong without repeating the data.
/// Backquoted names (fields, variants) are the protocol's own and stay.
fn redact_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        out.push(c);
        if c == '"' || c == '\'' {
            out.push('…');
            let mut escaped = false;
            for inner in chars.by_ref() {
                if escaped {
                    escaped = false;
                } else if inner == '\\' {
                    escaped = true;
                } else if inner == c {
                    out.push(c);
                    break;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_values_are_blanked_but_the_reason_stays() {
        assert_eq!(
            redact_quoted(r#"invalid type: string "홍길동 \"010-1234\"", expected u64"#),
            r#"invalid type: string "…", expected u64"#
        );
        assert_eq!(
            redact_quoted("missing field `seq`"),
            "missing field `seq`",
            "field names are ours, not the user's, and help the reader"
        );
    }

    #[test]
    fn malformed_errors_do_not_repeat_the_value() {
        let e =
            serde_json::from_str::<u64>(r#""주민번호 900101""#).expect_err("a string is no u64");
        let text = ProtocolError::malformed("push", &e).to_string();
        assert!(!text.contains("900101"), "personal data leaked: {text}");
        assert!(
            text.contains("expected u64"),
            "the reason must remain: {text}"
        );
    }
}
