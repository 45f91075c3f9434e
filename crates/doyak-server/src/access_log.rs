//! 개인정보 접근 기록 on the server: each desk uploads its hash-chained
//! access log (`POST /sync/access-log`), and the center's administrator
//! reads the center's entries (`GET /center/access-log`, and as CSV).
//!
//! An upload is all or nothing. The batch must hold together by itself
//! (`AccessLogRequest::validate`: numbering, form, each hash what its entry
//! hashes to, each `prev_hash` the hash before it) and with what the server
//! holds for the device: an entry held already must come again with the
//! same hash (a resend after a lost answer is fine), and the first new one
//! must link to the last one held. Anything else is `access_log.chain_broken`
//! with a warning in the server's log: the desk's log was edited, cut or
//! rewritten after the server saw it, which is what holding a copy here is
//! for. Entries are kept under the uploading device's center, keyed by
//! center, device and seq, and never changed (triggers on both backends).
//!
//! Who reads: a viewer issued for one center (`doyak-server viewer
//! --center ID`), and only its center's entries. A device, a regional or a
//! national viewer is refused: the log says who looked at whom, which is
//! for the center's administrator, not for colleagues or aggregates.

use crate::SyncService;
use crate::error::ApiError;
use crate::model::{AccessLogRow, DeviceRow, ViewerScope};
use crate::service::{Caller, not_the_tokens_device, usable};
use crate::storage::AccessLogFilter;
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use doyak_sync_protocol::{
    ACCESS_LOG_GENESIS, AccessLogRequest, AccessLogResponse, ErrorBody, ErrorCode, ProtocolError,
    ProtocolVersion,
};
use serde::Serialize;
use std::collections::BTreeMap;
use uuid::Uuid;

/// Most entries in one page of the administrator's view.
pub const MAX_PAGE: u32 = 500;

/// Most entries in one CSV download: a year of a busy center's views fits;
/// more is refused (`request.too_large`) with the count and a request to
/// ask for fewer days, so one click never builds a file of millions of
/// rows in the server's memory.
pub const MAX_CSV_ROWS: u32 = 200_000;

/// The largest page number the document offers (the server reads any up to
/// `u64::MAX`; a page past the entries is empty).
pub const MAX_PAGE_NUMBER: u64 = 1_000_000_000;

/// What the administrator asks for: a filter and a page (from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessLogQuery {
    pub device: Option<Uuid>,
    pub action: Option<String>,
    pub entity_id: Option<String>,
    /// First day, in Korea (KST), inclusive.
    pub from: Option<NaiveDate>,
    /// Last day, in Korea, inclusive.
    pub to: Option<NaiveDate>,
    pub page: u64,
    pub per_page: u32,
}

impl Default for AccessLogQuery {
    fn default() -> Self {
        AccessLogQuery {
            device: None,
            action: None,
            entity_id: None,
            from: None,
            to: None,
            page: 1,
            per_page: 100,
        }
    }
}

impl AccessLogQuery {
    fn filter(&self) -> AccessLogFilter {
        AccessLogFilter {
            device: self.device,
            action: self.action.clone(),
            entity_id: self.entity_id.clone(),
            from: self.from.map(korea_midnight),
            until: self.to.and_then(|d| d.succ_opt()).map(korea_midnight),
        }
    }
}

/// The instant a day starts in Korea (UTC+9, no daylight saving), in the
/// desk's text form, so it compares with `at` as text.
fn korea_midnight(day: NaiveDate) -> String {
    let utc = Utc.from_utc_datetime(&day.and_time(chrono::NaiveTime::MIN)) - Duration::hours(9);
    utc.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// The administrator's answer: one page of entries and every device's chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccessLogView {
    pub center_id: Uuid,
    pub center_name: String,
    /// Entries matching the filter, on every page.
    pub total: u64,
    pub page: u64,
    pub per_page: u32,
    /// Newest first.
    pub entries: Vec<AccessLogRow>,
    /// Each device of the center that uploaded anything, and whether its
    /// chain as held here verifies (whatever the filter).
    pub devices: Vec<DeviceChain>,
}

/// One device's chain on the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeviceChain {
    pub device_id: Uuid,
    /// The device's name at enrollment ("상담실 노트북 2").
    pub name: String,
    pub entries: u64,
    pub last_seq: u64,
    /// The last entry's hash: what the desk's own log must still hold.
    pub head: String,
    pub verified: bool,
    /// The first entry that does not fit, and why (Korean).
    pub broken_at: Option<u64>,
    pub problem: Option<String>,
}

impl SyncService {
    /// Takes a device's access-log entries; see the module.
    pub fn upload_access_log(
        &self,
        device: &DeviceRow,
        req: AccessLogRequest,
        now: DateTime<Utc>,
    ) -> Result<AccessLogResponse, ApiError> {
        let problems = req.validate();
        if let Some(first) = problems.first() {
            if first.code() == ErrorCode::AccessLogChainBroken {
                refused_chain(device, first);
            }
            return Err(ApiError::unprocessable(ErrorBody::from_problems(&problems)));
        }
        if req.device_id != device.device_id {
            return Err(not_the_tokens_device(req.device_id, device.device_id));
        }
        if req.entries.iter().any(|e| i64::try_from(e.seq).is_err()) {
            let mut body = ErrorBody::new(ErrorCode::RequestMalformed);
            body.details = vec!["seq 값이 너무 큽니다.".into()];
            return Err(ApiError::unprocessable(body));
        }
        let received_at = now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        let center = device.center_id;
        let (acknowledged_seq, stored) = self.storage().transact(|tx| {
            // One upload of a center at a time: two copies of one batch
            // racing each other must not both find the entries new.
            tx.lock_center(center)?;
            let state = tx
                .device(device.device_id)?
                .ok_or_else(|| ApiError::new(ErrorCode::AuthInvalid))?;
            usable(&state, now)?;
            let (held, head) = tx
                .access_log_head(center, device.device_id)?
                .unwrap_or((0, ACCESS_LOG_GENESIS.to_owned()));
            let first = req.entries.first().map_or(1, |e| e.seq);
            if first > held + 1 {
                let mut body = ErrorBody::new(ErrorCode::PushSequenceGap);
                body.acknowledged_seq = Some(held);
                body.details = vec![format!(
                    "서버에는 이 기기의 접근 기록이 {held}번까지 있습니다 ({first}번부터 보냄)."
                )];
                return Err(ApiError::with_body(body));
            }
            let last_resent = req.entries.last().map_or(0, |e| e.seq).min(held);
            let stored_hashes: BTreeMap<u64, String> = if first <= last_resent {
                tx.access_log_hashes(center, device.device_id, first, last_resent)?
                    .into_iter()
                    .collect()
            } else {
                BTreeMap::new()
            };
            let mut new = Vec::new();
            for e in req.entries {
                if e.seq <= held {
                    if stored_hashes.get(&e.seq) != Some(&e.hash) {
                        return Err(broken(
                            device,
                            e.seq,
                            "서버가 이미 받은 같은 번호의 기록과 내용이 다릅니다",
                        ));
                    }
                    continue;
                }
                if e.seq == held + 1 && e.prev_hash != head {
                    return Err(broken(
                        device,
                        e.seq,
                        "서버가 가진 이 기기의 마지막 기록과 이어지지 않습니다",
                    ));
                }
                new.push(AccessLogRow {
                    center_id: center,
                    device_id: device.device_id,
                    seq: e.seq,
                    at: e.at,
                    entry_device: e.device_id,
                    actor: e.actor,
                    action: e.action,
                    entity: e.entity,
                    entity_id: e.entity_id,
                    detail: e.detail,
                    prev_hash: e.prev_hash,
                    hash: e.hash,
                    received_at: received_at.clone(),
                });
            }
            tx.put_access_log(&new)?;
            let last = new.last().map_or(held, |r| r.seq);
            Ok::<_, ApiError>((last, new.len() as u64))
        })?;
        Ok(AccessLogResponse {
            protocol: ProtocolVersion::CURRENT,
            acknowledged_seq,
            stored,
            server_time_ms: u64::try_from(now.timestamp_millis()).unwrap_or(0),
        })
    }

    /// One page of the caller's center's access log, with every device's
    /// chain checked again; see the module for who may call it.
    pub fn access_log_view(
        &self,
        caller: &Caller,
        query: &AccessLogQuery,
    ) -> Result<AccessLogView, ApiError> {
        let center = administered_center(caller)?;
        let per_page = query.per_page.clamp(1, MAX_PAGE);
        let page = query.page.max(1);
        let offset = (page - 1).saturating_mul(u64::from(per_page));
        let filter = query.filter();
        self.storage().transact(|tx| {
            let name = tx.center(center)?.map(|c| c.name).unwrap_or_default();
            let (entries, total) = tx.access_log_page(center, &filter, per_page, offset)?;
            let names: BTreeMap<Uuid, String> = tx
                .devices(Some(center))?
                .into_iter()
                .map(|d| (d.device_id, d.name))
                .collect();
            let devices = chains(&tx.access_log_all(center)?, &names);
            Ok::<_, ApiError>(AccessLogView {
                center_id: center,
                center_name: name,
                total,
                page,
                per_page,
                entries,
                devices,
            })
        })
    }

    /// Every entry the filter matches (the page is ignored), newest first,
    /// as CSV with Korean headings and a byte-order mark for spreadsheets.
    pub fn access_log_csv(
        &self,
        caller: &Caller,
        query: &AccessLogQuery,
    ) -> Result<String, ApiError> {
        self.access_log_csv_within(caller, query, MAX_CSV_ROWS)
    }

    /// [`Self::access_log_csv`] with another most (for tests: the real
    /// one needs a few hundred thousand entries to reach).
    pub fn access_log_csv_within(
        &self,
        caller: &Caller,
        query: &AccessLogQuery,
        max_rows: u32,
    ) -> Result<String, ApiError> {
        let center = administered_center(caller)?;
        let filter = query.filter();
        // Counted first: a refusal reads no entry.
        let (_, total) = self
            .storage()
            .transact(|tx| tx.access_log_page(center, &filter, 0, 0))?;
        if total > u64::from(max_rows) {
            let mut body = ErrorBody::new(ErrorCode::RequestTooLarge);
            body.message = format!(
                "조건에 맞는 기록이 {total}건으로 한 번에 내려받을 수 있는 {max_rows}건을 넘습니다. 기간(시작일·종료일)이나 기기를 좁혀 나눠 받아 주세요."
            );
            return Err(ApiError::with_body(body));
        }
        let (rows, _) = self
            .storage()
            .transact(|tx| tx.access_log_page(center, &filter, max_rows, 0))?;
        Ok(csv(&rows))
    }
}

/// The center a caller administers: a viewer issued for one center. Every
/// other caller is refused, with what to ask for.
fn administered_center(caller: &Caller) -> Result<Uuid, ApiError> {
    match caller {
        Caller::Viewer(v) => match v.scope {
            ViewerScope::Center(center) => Ok(center),
            ViewerScope::Region(_) | ViewerScope::National => Err(forbidden()),
        },
        Caller::Device(_) => Err(forbidden()),
    }
}

fn forbidden() -> ApiError {
    let mut body = ErrorBody::new(ErrorCode::CenterForbidden);
    body.message = "개인정보 접근 기록은 그 센터의 관리자 열람 토큰으로만 볼 수 있습니다. 서버 관리자에게 센터 관리자 토큰(doyak-server viewer --center)을 받아 주세요.".into();
    ApiError::with_body(body)
}

/// A refusal for a broken chain at `seq`: logged, then answered.
fn broken(device: &DeviceRow, seq: u64, what: &'static str) -> ApiError {
    let problem = ProtocolError::AccessChainBroken { seq, what };
    refused_chain(device, &problem);
    ApiError::unprocessable(problem.to_body())
}

/// The server's log line for a refused upload: ids, the entry's number and
/// the reason, never an entry's content.
fn refused_chain(device: &DeviceRow, problem: &ProtocolError) {
    let (seq, reason) = match problem {
        ProtocolError::AccessChainBroken { seq, what } => (*seq, *what),
        ProtocolError::AccessSequenceGap { found, .. } => (*found, "순번이 비었습니다"),
        _ => (0, "접근 기록 오류"),
    };
    tracing::warn!(
        device = %device.device_id,
        center = %device.center_id,
        seq,
        reason,
        code = ErrorCode::AccessLogChainBroken.as_str(),
        "access log refused: its chain does not hold"
    );
}

/// Each device's chain, checked as the desk checks its own: numbers from 1
/// without a gap, each `prev_hash` the hash before, each hash what its
/// entry hashes to. `rows` are by device, then seq.
fn chains(rows: &[AccessLogRow], names: &BTreeMap<Uuid, String>) -> Vec<DeviceChain> {
    let mut out: Vec<DeviceChain> = Vec::new();
    let mut prev = ACCESS_LOG_GENESIS.to_owned();
    for row in rows {
        if out.last().is_none_or(|c| c.device_id != row.device_id) {
            out.push(DeviceChain {
                device_id: row.device_id,
                name: names.get(&row.device_id).cloned().unwrap_or_default(),
                entries: 0,
                last_seq: 0,
                head: String::new(),
                verified: true,
                broken_at: None,
                problem: None,
            });
            prev = ACCESS_LOG_GENESIS.to_owned();
        }
        let Some(chain) = out.last_mut() else {
            continue;
        };
        let expected = chain.last_seq + 1;
        chain.entries += 1;
        chain.last_seq = row.seq;
        chain.head = row.hash.clone();
        if chain.verified {
            let fault = if row.seq != expected {
                Some("순번이 비었거나 끼어든 기록이 있습니다")
            } else if row.prev_hash != prev {
                Some("앞 기록과 연결이 끊겼습니다")
            } else if row.entry().computed_hash() != row.hash {
                Some("기록 내용이 바뀌었습니다")
            } else {
                None
            };
            if let Some(fault) = fault {
                chain.verified = false;
                chain.broken_at = Some(row.seq);
                chain.problem = Some(fault.to_owned());
            }
        }
        prev = row.hash.clone();
    }
    out
}

/// The CSV export: RFC 4180 quoting, and a cell a spreadsheet would run as
/// a formula (`=`, `+`, `-`, `@`) starts with `'` (an uploaded entry's
/// text is the desk's, and a tampered desk's could be anything).
fn csv(rows: &[AccessLogRow]) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(
        "시각(UTC),기기,순번,기록한 기기,누가,동작,기록 종류,기록 ID,내용,이전 해시,해시,받은 시각(UTC)\r\n",
    );
    for r in rows {
        let seq = r.seq.to_string();
        let device = r.device_id.to_string();
        let cells = [
            r.at.as_str(),
            &device,
            &seq,
            &r.entry_device,
            &r.actor,
            action_ko(&r.action),
            &r.entity,
            r.entity_id.as_deref().unwrap_or(""),
            &r.detail,
            &r.prev_hash,
            &r.hash,
            &r.received_at,
        ];
        let line: Vec<String> = cells.iter().map(|c| cell(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

fn cell(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// The desk's Korean name of an action; an action a newer desk added is
/// shown as written.
pub fn action_ko(action: &str) -> &str {
    match action {
        "view" => "열람",
        "export" => "내보내기",
        "print" => "출력",
        "destroy" => "파기",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_korean_day_starts_at_three_in_the_afternoon_utc_the_day_before() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 5).expect("a date");
        assert_eq!(korea_midnight(day), "2026-12-04T15:00:00.000Z");
    }

    /// Rows as an upload leaves them: `n` chained entries of one device.
    fn held(device: Uuid, n: u64) -> Vec<AccessLogRow> {
        let mut prev = ACCESS_LOG_GENESIS.to_owned();
        (1..=n)
            .map(|seq| {
                let mut row = AccessLogRow {
                    center_id: Uuid::nil(),
                    device_id: device,
                    seq,
                    at: format!("2026-12-01T00:0{seq}:00.000Z"),
                    entry_device: device.to_string(),
                    actor: "counselor:1".into(),
                    action: "view".into(),
                    entity: "seeker".into(),
                    entity_id: None,
                    detail: "page".into(),
                    prev_hash: prev.clone(),
                    hash: String::new(),
                    received_at: "2026-12-01T01:00:00.000Z".into(),
                };
                row.hash = row.entry().computed_hash();
                prev = row.hash.clone();
                row
            })
            .collect()
    }

    #[test]
    fn a_chain_changed_in_the_servers_database_is_found_at_the_changed_entry() {
        let (one, two) = (Uuid::from_u128(1), Uuid::from_u128(2));
        let mut rows = held(one, 4);
        rows.extend(held(two, 2));
        let names = BTreeMap::from([(one, "노트북 1".to_owned())]);
        let whole = chains(&rows, &names);
        assert_eq!(
            whole
                .iter()
                .map(|c| (c.entries, c.verified))
                .collect::<Vec<_>>(),
            [(4, true), (2, true)],
            "as uploaded, both chains hold"
        );
        assert_eq!(whole[0].name, "노트북 1");

        let mut edited = rows.clone();
        edited[2].action = "export".into();
        let found = chains(&edited, &names);
        assert_eq!(
            (
                found[0].verified,
                found[0].broken_at,
                found[0].problem.as_deref()
            ),
            (false, Some(3), Some("기록 내용이 바뀌었습니다")),
            "an entry edited in the table no longer hashes to its hash"
        );
        assert!(found[1].verified, "the other device's chain is its own");

        let mut removed = rows.clone();
        removed.remove(1);
        let found = chains(&removed, &names);
        assert_eq!(
            found[0].broken_at,
            Some(3),
            "a removed entry leaves a gap where the next one stands"
        );
    }

    #[test]
    fn csv_cells_are_quoted_and_never_formulas() {
        assert_eq!(cell("report:seeker"), "report:seeker");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(
            cell("=HYPERLINK(\"x\")"),
            "\"'=HYPERLINK(\"\"x\"\")\"",
            "a formula would run in the administrator's spreadsheet"
        );
        assert_eq!(cell("-1"), "'-1");
    }
}
