//! The access log's way to the server (개인정보 접근 기록): after a sync has
//! pushed the outbox, the entries the server has not acknowledged go in
//! batches, oldest first, and the last acknowledged number is kept in the
//! caseload (`meta`). The server holds every entry and refuses one that
//! does not link to what it has (`access_log.chain_broken`): a log edited
//! or cut on this desk after it was sent is found there.
//!
//! Nothing here stops the record sync. A refusal, an old server without the
//! route, a dropped connection: the sync goes on to pull, and the report
//! says in Korean why the log did not go ([`super::SyncReport::access_log_problem`]).
//! A resend is harmless: the server stores an entry it holds once.

use super::{SyncTarget, Transport, TransportError};
use doyak_sync_protocol::{
    AccessLogEntry, AccessLogRequest, ErrorCode, MAX_ACCESS_LOG_ENTRIES, ProtocolVersion,
};
use uuid::Uuid;

/// What one sync did with the access log.
#[derive(Debug, Default)]
pub(super) struct AccessLogSent {
    /// Entries the server stored now.
    pub(super) stored: u64,
    /// Why the rest did not go (Korean), if some did not.
    pub(super) problem: Option<String>,
}

/// Sends what the server has not acknowledged, `batch` entries at a time.
pub(super) fn send_access_log<T: SyncTarget>(
    target: &mut T,
    transport: &mut dyn Transport,
    device_id: Uuid,
    batch: usize,
) -> AccessLogSent {
    let mut sent = AccessLogSent::default();
    let batch = batch.clamp(1, MAX_ACCESS_LOG_ENTRIES);
    let mut after = match target.with_store(|s| s.access_log_acknowledged()) {
        Ok(seq) => seq,
        Err(e) => {
            sent.problem = Some(local_problem(&e));
            return sent;
        }
    };
    // The entry the server last acknowledged must still be here: a log
    // cut at its end after it synced sends nothing new, so nothing would
    // reach the server to refuse.
    if after > 0 {
        let present = match target.with_store(|s| s.access_entries_after(after - 1, 1)) {
            Ok(next) => next
                .first()
                .is_some_and(|e| u64::try_from(e.seq) == Ok(after)),
            Err(e) => {
                sent.problem = Some(local_problem(&e));
                return sent;
            }
        };
        if !present {
            sent.problem = Some(CUT.to_owned());
            return sent;
        }
    }
    // The server may say once that it holds less than this desk was told
    // (its database restored from a backup): the desk sends from there.
    let mut resent_from_server = false;
    loop {
        let entries = match target.with_store(|s| s.access_entries_after(after, batch)) {
            Ok(entries) if entries.is_empty() => return sent,
            Ok(entries) => entries,
            Err(e) => {
                sent.problem = Some(local_problem(&e));
                return sent;
            }
        };
        let request = AccessLogRequest {
            protocol: ProtocolVersion::CURRENT,
            device_id,
            entries: entries.into_iter().map(AccessLogEntry::from).collect(),
        };
        let last = request.entries.last().map_or(after, |e| e.seq);
        match transport.access_log(&request) {
            Ok(answer) => {
                sent.stored += answer.stored;
                if let Err(e) =
                    target.with_store(|s| s.set_access_log_acknowledged(answer.acknowledged_seq))
                {
                    sent.problem = Some(local_problem(&e));
                    return sent;
                }
                // A server that took the batch holds all of it; one that
                // says less is not the server this desk knows, and asking
                // again would loop.
                if answer.acknowledged_seq < last {
                    sent.problem = Some(SERVER_SHORT.to_owned());
                    return sent;
                }
                after = answer.acknowledged_seq;
            }
            Err(TransportError::Refused(body))
                if body.code == ErrorCode::PushSequenceGap && !resent_from_server =>
            {
                resent_from_server = true;
                after = body.acknowledged_seq.unwrap_or(0);
                if let Err(e) = target.with_store(|s| s.set_access_log_acknowledged(after)) {
                    sent.problem = Some(local_problem(&e));
                    return sent;
                }
            }
            Err(TransportError::Refused(body)) => {
                sent.problem = Some(match body.code {
                    ErrorCode::RequestNotFound => OLD_SERVER.to_owned(),
                    _ => format!("개인정보 접근 기록을 보내지 못했습니다: {}", body.message),
                });
                return sent;
            }
            Err(TransportError::Unreachable(_)) => {
                sent.problem = Some(UNREACHABLE.to_owned());
                return sent;
            }
            Err(TransportError::Config(message)) => {
                sent.problem = Some(format!("개인정보 접근 기록을 보내지 못했습니다: {message}"));
                return sent;
            }
        }
    }
}

const OLD_SERVER: &str = "이 서버는 아직 개인정보 접근 기록을 받지 않습니다. 서버가 업데이트되면 그동안의 기록을 모두 보냅니다.";
const UNREACHABLE: &str =
    "서버에 연결이 끊겨 개인정보 접근 기록을 다 보내지 못했습니다. 다음 동기화 때 이어서 보냅니다.";
const CUT: &str = "이 노트북의 개인정보 접근 기록이 서버에 이미 보낸 것보다 짧습니다. 기록이 지워졌을 수 있으니 센터 관리자에게 알려 주세요. 사례 기록의 동기화는 그대로 됩니다.";
const SERVER_SHORT: &str = "서버가 개인정보 접근 기록을 일부만 받았다고 답했습니다. 다음 동기화 때 다시 보냅니다. 계속되면 센터 관리자에게 알려 주세요.";

/// A failure on this desk (the file locked meanwhile, a read that failed):
/// the counselor sees the use cases' own message.
fn local_problem(e: &crate::AppError) -> String {
    format!(
        "개인정보 접근 기록을 읽지 못해 보내지 못했습니다: {}",
        crate::UiError::from(e).message
    )
}
