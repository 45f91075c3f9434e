//! The access log (개인정보 접근 기록) on its way to the server: a device
//! uploads its hash-chained entries, oldest first, and the server keeps
//! them under the device's center, where the center's administrator reads
//! them. The chain travels whole (`prev_hash`, `hash`), and the hash rule
//! lives here, the one place the desk and the server share, so both
//! compute the same hash from the same entry.
//!
//! Entries hold ids and codes only (who as `counselor:<id>`, what record,
//! which action and a detail code), never a person's value.

use crate::{ProtocolError, ProtocolVersion};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// The `prev_hash` of a log's first entry.
pub const ACCESS_LOG_GENESIS: &str =
    "0000000000000000000000000000000000000000000000000000000000000000";

/// Most entries in one upload. An entry is a few hundred bytes, so a full
/// batch stays far inside [`crate::MAX_REQUEST_BYTES`].
pub const MAX_ACCESS_LOG_ENTRIES: usize = 1_000;

/// Longest text field of an entry, in bytes. The desk writes ids, codes and
/// a detail such as `report:seeker`; anything near this is not an entry.
pub const MAX_ACCESS_TEXT_BYTES: usize = 512;

/// `POST /sync/access-log`. The center is the token's, as in a push.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessLogRequest {
    pub protocol: ProtocolVersion,
    /// Must be the device the token was issued to.
    pub device_id: Uuid,
    /// Consecutive entries of the desk's log, oldest first. The first may
    /// be one the server holds already (a resend after a lost answer).
    pub entries: Vec<AccessLogEntry>,
}

/// One entry as the desk stores it (doyak-store `access_log`), every column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessLogEntry {
    /// The entry's number in the desk's log: from 1, no gaps.
    pub seq: u64,
    /// When, as RFC 3339 UTC with milliseconds (`2026-12-05T06:00:00.000Z`).
    pub at: String,
    /// The device that wrote the entry, as written (a desk enrolled again
    /// keeps the entries it wrote under its earlier id).
    pub device_id: String,
    /// `counselor:<id>` or the tool (`cli`).
    pub actor: String,
    /// `view`, `export`, `print`, `destroy`; a newer desk may add others.
    pub action: String,
    /// The record kind (`seeker`, …).
    pub entity: String,
    #[serde(default)]
    pub entity_id: Option<String>,
    /// A code naming what (a report, a file's kind), never a value.
    pub detail: String,
    pub prev_hash: String,
    pub hash: String,
}

impl AccessLogEntry {
    /// What `hash` must be: SHA-256 over `prev_hash`, `seq`, `at`,
    /// `device_id`, `actor`, `action`, `entity`, `entity_id`, `detail`,
    /// each length-prefixed (8 bytes, big-endian) so no two entries print
    /// the same bytes; a missing entity id is the length `u64::MAX`, which
    /// no text has. Lower-case hex.
    pub fn computed_hash(&self) -> String {
        let mut h = Sha256::new();
        let seq = self.seq.to_string();
        let mut field = |part: Option<&str>| match part {
            Some(text) => {
                h.update((text.len() as u64).to_be_bytes());
                h.update(text.as_bytes());
            }
            None => h.update(u64::MAX.to_be_bytes()),
        };
        for part in [
            self.prev_hash.as_str(),
            seq.as_str(),
            &self.at,
            &self.device_id,
            &self.actor,
            &self.action,
            &self.entity,
        ] {
            field(Some(part));
        }
        field(self.entity_id.as_deref());
        field(Some(&self.detail));
        h.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }

    fn check(&self, problems: &mut Vec<ProtocolError>) {
        let seq = self.seq;
        let invalid = |what: &'static str| ProtocolError::AccessEntryInvalid { seq, what };
        if self.seq == 0 {
            problems.push(invalid("순번은 1부터 시작합니다"));
        }
        if !is_utc_millis(&self.at) {
            problems.push(invalid("시각(at)은 UTC 밀리초 형식이어야 합니다"));
        }
        let texts = [
            &self.device_id,
            &self.actor,
            &self.action,
            &self.entity,
            &self.detail,
        ];
        let too_long = texts
            .into_iter()
            .chain(self.entity_id.as_ref())
            .any(|t| t.len() > MAX_ACCESS_TEXT_BYTES);
        if too_long {
            problems.push(invalid("항목이 너무 깁니다"));
        }
        if self.action.is_empty() || self.entity.is_empty() {
            problems.push(invalid("동작(action)과 기록 종류(entity)가 비어 있습니다"));
        }
        if !is_hash(&self.prev_hash) || !is_hash(&self.hash) {
            problems.push(invalid("해시는 소문자 16진수 64자여야 합니다"));
        }
    }
}

/// `2026-12-05T06:00:00.000Z` exactly: the only form the desk writes, so
/// the server can compare times as text.
fn is_utc_millis(at: &str) -> bool {
    chrono::DateTime::parse_from_rfc3339(at).is_ok_and(|t| {
        t.offset().local_minus_utc() == 0
            && t.with_timezone(&chrono::Utc)
                .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
                == at
    })
}

fn is_hash(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

impl AccessLogRequest {
    /// Every problem of the batch taken by itself, in order: its size, the
    /// numbering, each entry's form, then the chain inside the batch (each
    /// hash what its entry hashes to, each `prev_hash` the hash before it).
    /// Whether the first entry links to what the server holds is the
    /// server's check.
    pub fn validate(&self) -> Vec<ProtocolError> {
        let mut problems = Vec::new();
        if self.entries.is_empty() {
            problems.push(ProtocolError::EmptyBatch);
        }
        if self.entries.len() > MAX_ACCESS_LOG_ENTRIES {
            problems.push(ProtocolError::TooManyAccessEntries {
                count: self.entries.len(),
                limit: MAX_ACCESS_LOG_ENTRIES,
            });
        }
        let mut expected = self.entries.first().map_or(1, |e| e.seq.max(1));
        for e in &self.entries {
            if e.seq != expected {
                problems.push(ProtocolError::AccessSequenceGap {
                    expected,
                    found: e.seq,
                });
            }
            expected = e.seq.saturating_add(1);
        }
        let before = problems.len();
        for e in &self.entries {
            e.check(&mut problems);
        }
        if problems.len() > before {
            return problems;
        }
        let mut prev: Option<&str> = None;
        for e in &self.entries {
            if e.seq == 1 && e.prev_hash != ACCESS_LOG_GENESIS {
                problems.push(ProtocolError::AccessChainBroken {
                    seq: e.seq,
                    what: "첫 기록이 빈 해시에서 시작하지 않습니다",
                });
            } else if prev.is_some_and(|p| p != e.prev_hash) {
                problems.push(ProtocolError::AccessChainBroken {
                    seq: e.seq,
                    what: "앞 기록과 연결이 끊겼습니다",
                });
            }
            if e.computed_hash() != e.hash {
                problems.push(ProtocolError::AccessChainBroken {
                    seq: e.seq,
                    what: "기록 내용이 해시와 맞지 않습니다",
                });
            }
            prev = Some(&e.hash);
        }
        problems
    }
}

/// The answer to an upload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessLogResponse {
    pub protocol: ProtocolVersion,
    /// The device's last entry the server holds: the desk sends from the
    /// one after it next time.
    pub acknowledged_seq: u64,
    /// Entries of this request stored now (the rest were held already).
    pub stored: u64,
    /// The server's wall clock (informational, as in a push response).
    pub server_time_ms: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_desks_own_time_form_is_read() {
        assert!(is_utc_millis("2026-12-05T06:00:00.000Z"));
        for other in [
            "2026-12-05T06:00:00Z",
            "2026-12-05T15:00:00.000+09:00",
            "2026-12-05 06:00:00.000Z",
            "2026-12-05",
        ] {
            assert!(
                !is_utc_millis(other),
                "{other}: the server compares times as text, so one form only"
            );
        }
    }
}
