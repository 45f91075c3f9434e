//! The error body every failed request returns, and the stable codes in it.
//! Its shape is the same in every protocol version: a desk must be able to
//! read "update your app" from a server that speaks none of its versions.

use crate::wire::UnknownName;
use crate::{ProtocolError, ProtocolVersion};
use serde::{Deserialize, Serialize};

/// What went wrong, as a name the desk switches on. The string forms never
/// change once released; new codes may appear in any version, and a desk
/// that does not know one reads it as [`ErrorCode::Unknown`] and shows the
/// message.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "String", from = "String")]
pub enum ErrorCode {
    /// The body's protocol version is not one the peer speaks.
    ProtocolUnsupportedVersion,
    /// No device token was sent.
    AuthMissing,
    /// The token is not one the server issued, or not for this device.
    AuthInvalid,
    AuthRevoked,
    AuthExpired,
    /// The enrollment code is unknown, used or expired. One code for all
    /// three, so a guesser learns nothing.
    EnrollInvalidCode,
    /// The device id is enrolled already: a desk enrolls under a new id each
    /// time, so this is a copied file or a client that reuses ids.
    EnrollDeviceTaken,
    RequestTooLarge,
    RequestMalformed,
    RequestRateLimited,
    /// No route has this path: a server address that names something other
    /// than a doyak-server (a proxy's path, a typo), or a client newer than
    /// the server.
    RequestNotFound,
    /// The path exists but not with this method; the answer's `Allow`
    /// header lists the ones it takes.
    RequestMethodNotAllowed,
    /// The request touched another center's data.
    CenterForbidden,
    /// The batch does not start right after the last sequence number the
    /// server acknowledged; the body's `acknowledged_seq` says where to resume.
    /// Also an access-log upload that starts past the device's last entry
    /// the server holds.
    PushSequenceGap,
    /// A sequence number the server already applied arrived with a different
    /// mutation id: the desk's file was probably restored from a backup.
    PushSequenceReused,
    /// A mutation is newer than the server understands (schema or entity
    /// kind). The desk keeps its outbox until the server is updated.
    SchemaTooNew,
    /// The desk is too old for the server; it keeps its outbox and asks the
    /// counselor to update.
    SchemaTooOld,
    /// Per mutation: the record breaks a rule the server checks.
    RecordInvalid,
    /// Per mutation: an update or delete of a record the server does not have.
    RecordNotFound,
    /// Per mutation: an insert whose id the server already holds with other content.
    RecordIdTaken,
    /// Per mutation: the device's role may not change this record.
    RecordForbidden,
    /// Per mutation: an edit of a seeker the server's administrator has
    /// moved to another center since; the desk's copy goes with the next pull.
    RecordTransferred,
    /// Per mutation: a change that names a job seeker whose personal data
    /// was destroyed (개인정보 파기), or a record of that seeker's case file:
    /// the destroyed values must never come back, so nothing naming them is
    /// applied. The desk's copy is scrubbed by the pulled destruction.
    RecordDestroyed,
    /// A device's access log (개인정보 접근 기록) does not fit its chain:
    /// an entry's hash is not what its content hashes to, its `prev_hash`
    /// is not the hash of the entry before it (in the batch, or the last
    /// one the server holds for the device), or an entry the server holds
    /// came again with another hash. The log was edited, cut or rewritten
    /// on the desk; nothing of the batch is stored. Record sync goes on.
    AccessLogChainBroken,
    ServerInternal,
    Unknown(UnknownName),
}

impl ErrorCode {
    /// Every code this build knows.
    pub const KNOWN: [ErrorCode; 25] = [
        ErrorCode::ProtocolUnsupportedVersion,
        ErrorCode::AuthMissing,
        ErrorCode::AuthInvalid,
        ErrorCode::AuthRevoked,
        ErrorCode::AuthExpired,
        ErrorCode::EnrollInvalidCode,
        ErrorCode::EnrollDeviceTaken,
        ErrorCode::RequestTooLarge,
        ErrorCode::RequestMalformed,
        ErrorCode::RequestRateLimited,
        ErrorCode::RequestNotFound,
        ErrorCode::RequestMethodNotAllowed,
        ErrorCode::CenterForbidden,
        ErrorCode::PushSequenceGap,
        ErrorCode::PushSequenceReused,
        ErrorCode::SchemaTooNew,
        ErrorCode::SchemaTooOld,
        ErrorCode::RecordInvalid,
        ErrorCode::RecordNotFound,
        ErrorCode::RecordIdTaken,
        ErrorCode::RecordForbidden,
        ErrorCode::RecordTransferred,
        ErrorCode::RecordDestroyed,
        ErrorCode::AccessLogChainBroken,
        ErrorCode::ServerInternal,
    ];

    pub fn as_str(&self) -> &str {
        match self {
            ErrorCode::ProtocolUnsupportedVersion => "protocol.unsupported_version",
            ErrorCode::AuthMissing => "auth.missing",
            ErrorCode::AuthInvalid => "auth.invalid",
            ErrorCode::AuthRevoked => "auth.revoked",
            ErrorCode::AuthExpired => "auth.expired",
            ErrorCode::EnrollInvalidCode => "enroll.invalid_code",
            ErrorCode::EnrollDeviceTaken => "enroll.device_taken",
            ErrorCode::RequestTooLarge => "request.too_large",
            ErrorCode::RequestMalformed => "request.malformed",
            ErrorCode::RequestRateLimited => "request.rate_limited",
            ErrorCode::RequestNotFound => "request.not_found",
            ErrorCode::RequestMethodNotAllowed => "request.method_not_allowed",
            ErrorCode::CenterForbidden => "center.forbidden",
            ErrorCode::PushSequenceGap => "push.sequence_gap",
            ErrorCode::PushSequenceReused => "push.sequence_reused",
            ErrorCode::SchemaTooNew => "schema.too_new",
            ErrorCode::SchemaTooOld => "schema.too_old",
            ErrorCode::RecordInvalid => "record.invalid",
            ErrorCode::RecordNotFound => "record.not_found",
            ErrorCode::RecordIdTaken => "record.id_taken",
            ErrorCode::RecordForbidden => "record.forbidden",
            ErrorCode::RecordTransferred => "record.transferred",
            ErrorCode::RecordDestroyed => "record.destroyed",
            ErrorCode::AccessLogChainBroken => "access_log.chain_broken",
            ErrorCode::ServerInternal => "server.internal",
            ErrorCode::Unknown(name) => name.as_str(),
        }
    }

    /// Reads a wire code; never fails.
    pub fn from_wire(code: &str) -> ErrorCode {
        Self::KNOWN
            .into_iter()
            .find(|c| c.as_str() == code)
            .unwrap_or_else(|| ErrorCode::Unknown(UnknownName::new(code)))
    }

    /// A Korean message a counselor can act on, for servers that have nothing
    /// more specific to say. Messages about the outbox say it is kept: losing
    /// unsent work is the fear behind every sync error.
    pub fn default_message(&self) -> &'static str {
        match self {
            ErrorCode::ProtocolUnsupportedVersion => {
                "서버와 이 프로그램의 동기화 방식이 맞지 않습니다. 도약을 최신 버전으로 업데이트해 주세요. 보내지 못한 변경 내용은 이 기기에 그대로 보관됩니다."
            }
            ErrorCode::AuthMissing | ErrorCode::AuthInvalid => {
                "기기 인증 정보가 올바르지 않습니다. 센터 관리자에게 등록 코드를 받아 이 기기를 다시 등록해 주세요."
            }
            ErrorCode::AuthRevoked => {
                "이 기기의 동기화 권한이 취소되었습니다. 센터 관리자에게 문의해 주세요. 보내지 못한 변경 내용은 이 기기에 그대로 보관됩니다."
            }
            ErrorCode::AuthExpired => {
                "기기 인증이 만료되었습니다. 센터 관리자에게 새 등록 코드를 받아 다시 등록해 주세요. 보내지 못한 변경 내용은 그대로 보관됩니다."
            }
            ErrorCode::EnrollInvalidCode => {
                "등록 코드가 올바르지 않거나 이미 사용되었거나 만료되었습니다. 센터 관리자에게 새 코드를 받아 주세요."
            }
            ErrorCode::EnrollDeviceTaken => {
                "이 기기는 이미 등록되어 있습니다. 복사한 사례관리 파일이면 새 기기로 등록해야 합니다. 도약을 최신 버전으로 업데이트한 뒤 다시 등록해 주세요."
            }
            ErrorCode::RequestTooLarge => {
                "한 번에 보내는 내용이 너무 큽니다. 나누어 다시 보냅니다."
            }
            ErrorCode::RequestMalformed => {
                "동기화 요청의 형식이 올바르지 않습니다. 프로그램 오류일 수 있으니 관리자에게 알려 주세요."
            }
            ErrorCode::RequestRateLimited => {
                "요청이 너무 잦습니다. 잠시 후 자동으로 다시 시도합니다."
            }
            ErrorCode::RequestNotFound => {
                "서버에 없는 주소입니다. 동기화 서버 주소가 맞는지 센터 관리자에게 확인해 주세요. 보내지 못한 변경 내용은 이 기기에 그대로 보관됩니다."
            }
            ErrorCode::RequestMethodNotAllowed => {
                "이 주소는 그 방식의 요청을 받지 않습니다. 프로그램 오류일 수 있으니 관리자에게 알려 주세요."
            }
            ErrorCode::CenterForbidden => "다른 센터의 기록에는 접근할 수 없습니다.",
            ErrorCode::PushSequenceGap => {
                "서버가 받지 못한 변경 내용이 있어 빠진 부분부터 다시 보냅니다."
            }
            ErrorCode::PushSequenceReused => {
                "이 기기의 변경 번호를 다른 사본이 이미 썼습니다. 복사했거나 백업에서 복원한 파일입니다. 센터 관리자에게 새 등록 코드를 받아 새 기기로 등록해 주세요. 변경 내용은 이 기기에 그대로 보관됩니다."
            }
            ErrorCode::SchemaTooNew => {
                "서버가 이 프로그램보다 오래된 버전입니다. 서버가 업데이트될 때까지 변경 내용은 이 기기에 보관됩니다."
            }
            ErrorCode::SchemaTooOld => {
                "이 프로그램이 오래되어 동기화할 수 없습니다. 도약을 업데이트해 주세요. 보내지 못한 변경 내용은 그대로 보관됩니다."
            }
            ErrorCode::RecordInvalid => {
                "기록의 내용이 서버의 규칙에 맞지 않아 반영되지 않았습니다. 기록을 확인해 주세요."
            }
            ErrorCode::RecordNotFound => "서버에 없는 기록을 수정하려 해 반영되지 않았습니다.",
            ErrorCode::RecordIdTaken => {
                "같은 ID의 다른 기록이 서버에 이미 있어 반영되지 않았습니다."
            }
            ErrorCode::RecordForbidden => "이 기록을 바꿀 권한이 없어 반영되지 않았습니다.",
            ErrorCode::RecordTransferred => {
                "이 구직자는 다른 센터로 이관되어 이 변경은 반영되지 않았습니다. 이관받은 센터에 알려 주세요."
            }
            ErrorCode::RecordDestroyed => {
                "이 구직자의 개인정보는 파기되어 이 변경은 반영되지 않았습니다. 파기된 정보는 다시 보낼 수 없습니다."
            }
            ErrorCode::AccessLogChainBroken => {
                "이 기기의 개인정보 접근 기록이 서버에 보낸 기록과 이어지지 않아 서버가 받지 않았습니다. 기록이 고쳐졌거나 지워졌을 수 있으니 센터 관리자에게 알려 주세요. 사례 기록의 동기화는 그대로 됩니다."
            }
            ErrorCode::ServerInternal | ErrorCode::Unknown(_) => {
                "서버에 문제가 생겼습니다. 잠시 후 자동으로 다시 시도합니다."
            }
        }
    }
}

impl From<String> for ErrorCode {
    fn from(s: String) -> Self {
        ErrorCode::from_wire(&s)
    }
}

impl From<ErrorCode> for String {
    fn from(c: ErrorCode) -> String {
        c.as_str().to_owned()
    }
}

/// The body of every non-2xx response: `{ code, message }` plus optional
/// details. Readers ignore fields they do not know, so details can be added
/// without a new protocol version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub code: ErrorCode,
    /// Korean, for the counselor. Never contains record values.
    pub message: String,
    /// With `protocol.unsupported_version`: what the server speaks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supported_versions: Option<Vec<ProtocolVersion>>,
    /// With `push.sequence_gap` and `push.sequence_reused`: the highest
    /// sequence number the server has settled for this device.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acknowledged_seq: Option<u64>,
    /// Every problem found, in Korean, when there were several (a batch that
    /// failed validation lists each one).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<String>,
}

impl ErrorBody {
    /// A body with the code's default message and no details.
    pub fn new(code: ErrorCode) -> ErrorBody {
        ErrorBody {
            message: code.default_message().to_owned(),
            code,
            supported_versions: None,
            acknowledged_seq: None,
            details: Vec::new(),
        }
    }

    /// The body for a list of problems found in one request (see
    /// [`crate::PushRequest::validate`]). The code is the first problem's:
    /// validation reports the problem that decides what the desk must do
    /// (split the batch, resend from a sequence number) first.
    pub fn from_problems(problems: &[ProtocolError]) -> ErrorBody {
        let mut body = match problems.first() {
            Some(first) => first.to_body(),
            None => ErrorBody::new(ErrorCode::RequestMalformed),
        };
        if problems.len() > 1 {
            body.details = problems.iter().map(ToString::to_string).collect();
        }
        body
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_code_reads_back_as_itself() {
        for code in ErrorCode::KNOWN {
            assert_eq!(ErrorCode::from_wire(code.as_str()), code);
            assert!(
                code.as_str().contains('.'),
                "codes are namespaced: {code:?}"
            );
        }
        let later = ErrorCode::from_wire("push.quota_exceeded");
        assert!(
            matches!(later, ErrorCode::Unknown(_)),
            "a code added by a newer server must still decode"
        );
        assert_eq!(later.as_str(), "push.quota_exceeded");
    }
}
