//! The sync service: enrollment, authentication, push, pull and counts, over
//! whichever [`Storage`] is configured. Knows nothing of HTTP: the HTTP layer
//! ([`crate::http`]) and the in-process simulation call the same methods.

use crate::error::{ApiError, StorageError};
use crate::model::{CenterRow, DeviceRow, ViewerRow, ViewerScope, event_change};
use crate::national::{self, Counts, Figures, Scope};
use crate::records::{MAX_SCHEMA, MIN_SCHEMA};
use crate::storage::{Logged, Storage};
use crate::viewer::ViewerToken;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use doyak_kpi::{Partial, month_key};
use doyak_sync_protocol::{
    Change, ConflictRecord, DeviceToken, EnrollRequest, EnrollResponse, EnrollmentCode, ErrorBody,
    ErrorCode, Limits, MAX_RESPONSE_BYTES, ProtocolVersion, PullRequest, PullResponse, PushRequest,
    PushResponse, ServerInfo,
};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use uuid::Uuid;

/// SHA-256 of a secret, hex: what the server keeps of tokens and codes.
/// Tokens carry 256 random bits and codes expire and work once, so a plain
/// hash is enough; a leaked table yields no working secret.
pub fn hash_secret(secret: &str) -> String {
    Sha256::digest(secret.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn random<const N: usize>() -> Result<[u8; N], ApiError> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|e| {
        tracing::error!(error = %e, "no randomness from the OS");
        ApiError::new(ErrorCode::ServerInternal)
    })?;
    Ok(bytes)
}

fn millis(now: DateTime<Utc>) -> u64 {
    u64::try_from(now.timestamp_millis()).unwrap_or(0)
}

/// A device clock further than this from the server's is logged (it never
/// changes an outcome: clock stamps order and explain, they do not decide).
const SKEW_WARNING_MS: u64 = 10 * 60 * 1000;

/// Settings an operator chooses.
#[derive(Debug, Clone)]
pub struct ServiceConfig {
    /// How long a device token works; `None` for until revoked.
    pub token_ttl: Option<Duration>,
}

impl Default for ServiceConfig {
    fn default() -> Self {
        ServiceConfig {
            token_ttl: Some(Duration::days(365)),
        }
    }
}

#[derive(Debug)]
pub struct SyncService {
    storage: Storage,
    config: ServiceConfig,
    /// Each center's monthly figure totals, as of its change-log version
    /// and a day (see [`SyncService::figures`]).
    kept: crate::kept::Kept,
}

impl SyncService {
    pub fn new(storage: Storage, config: ServiceConfig) -> SyncService {
        SyncService {
            storage,
            config,
            kept: Default::default(),
        }
    }

    pub fn storage(&self) -> &Storage {
        &self.storage
    }

    pub fn info(&self) -> ServerInfo {
        ServerInfo {
            protocols: ProtocolVersion::SUPPORTED.to_vec(),
            limits: Limits::DEFAULT,
            server_version: env!("CARGO_PKG_VERSION").to_owned(),
        }
    }

    // ---- administration (the `doyak-server` command) ----

    /// Creates the center or renames it (its region stays).
    pub fn put_center(&self, center_id: Uuid, name: &str) -> Result<(), StorageError> {
        self.storage.transact(|tx| {
            let region = tx.center(center_id)?.and_then(|c| c.region);
            tx.put_center(&CenterRow {
                center_id,
                name: name.to_owned(),
                region,
            })
        })
    }

    /// Puts a center in a region (`None`: in none); `false` when there is
    /// no such center. A region is a label: trimmed, 1–100 characters.
    pub fn set_center_region(
        &self,
        center_id: Uuid,
        region: Option<&str>,
    ) -> Result<bool, ApiError> {
        let region = region.map(str::trim);
        if region.is_some_and(|r| !device_name_ok(r) || r == national::NO_REGION) {
            let mut body = ErrorBody::new(ErrorCode::RequestMalformed);
            body.details = vec![format!(
                "지역 이름은 제어 문자 없이 1~100자로 적어 주세요 ('{}'은 지역이 없는 센터를 가리키므로 쓸 수 없습니다).",
                national::NO_REGION
            )];
            return Err(ApiError::unprocessable(body));
        }
        Ok(self.storage.transact(|tx| {
            let Some(mut center) = tx.center(center_id)? else {
                return Ok::<_, StorageError>(false);
            };
            center.region = region.map(str::to_owned);
            tx.put_center(&center)?;
            Ok(true)
        })?)
    }

    /// Issues a viewer token: it reads the national counts of `scope` and
    /// nothing else. The token is returned once; only its hash is kept. A
    /// regional token must name a region some center is in (a typo would
    /// otherwise read an empty country).
    pub fn issue_viewer(
        &self,
        name: &str,
        scope: ViewerScope,
        valid_for: Option<Duration>,
        now: DateTime<Utc>,
    ) -> Result<(ViewerRow, ViewerToken), ApiError> {
        let name = name.trim();
        if !device_name_ok(name) {
            let mut body = ErrorBody::new(ErrorCode::RequestMalformed);
            body.details = vec!["열람자 이름은 제어 문자 없이 1~100자로 적어 주세요.".into()];
            return Err(ApiError::unprocessable(body));
        }
        let token = ViewerToken::from_random(random()?);
        let row = ViewerRow {
            viewer_id: Uuid::now_v7(),
            name: name.to_owned(),
            scope,
            token_hash: hash_secret(token.expose_secret()),
            created_at: now,
            expires_at: valid_for.map(|d| now + d),
            revoked_at: None,
        };
        self.storage.transact(|tx| {
            if let ViewerScope::Center(center) = &row.scope
                && tx.center(*center)?.is_none()
            {
                let mut body = ErrorBody::new(ErrorCode::RequestMalformed);
                body.message = format!("센터 {center}이(가) 없습니다.");
                return Err(ApiError::unprocessable(body));
            }
            if let ViewerScope::Region(region) = &row.scope {
                let known = national::regions(&tx.centers()?);
                if !known.contains(region) {
                    let mut body = ErrorBody::new(ErrorCode::RequestMalformed);
                    body.message = format!("'{region}' 지역에 속한 센터가 없습니다.");
                    body.details = vec![format!(
                        "센터에 지역을 먼저 정해 주세요 (doyak-server center --id ID --region 지역). 지금 있는 지역: {}",
                        known.into_iter().collect::<Vec<_>>().join(", ")
                    )];
                    return Err(ApiError::unprocessable(body));
                }
            }
            tx.put_viewer(&row)?;
            Ok(())
        })?;
        tracing::info!(viewer = %row.viewer_id, "viewer token issued");
        Ok((row, token))
    }

    /// Revokes a viewer's token; `false` when there is no such viewer.
    pub fn revoke_viewer(&self, viewer_id: Uuid, now: DateTime<Utc>) -> Result<bool, StorageError> {
        self.storage.transact(|tx| {
            let Some(mut viewer) = tx.viewer(viewer_id)? else {
                return Ok(false);
            };
            if viewer.revoked_at.is_none() {
                viewer.revoked_at = Some(now);
                tx.put_viewer(&viewer)?;
            }
            Ok(true)
        })
    }

    pub fn viewers(&self) -> Result<Vec<ViewerRow>, StorageError> {
        self.storage.transact(|tx| tx.viewers())
    }

    pub fn centers(&self) -> Result<Vec<CenterRow>, StorageError> {
        self.storage.transact(|tx| tx.centers())
    }

    /// A one-time code a device of `center_id` exchanges for its token.
    pub fn create_enrollment_code(
        &self,
        center_id: Uuid,
        valid_for: Duration,
        now: DateTime<Utc>,
    ) -> Result<EnrollmentCode, ApiError> {
        let code = EnrollmentCode::from_random(random()?);
        self.storage.transact(|tx| {
            if tx.center(center_id)?.is_none() {
                return Err(ApiError::new(ErrorCode::CenterForbidden));
            }
            tx.put_enrollment_code(
                &hash_secret(code.expose_secret()),
                center_id,
                now,
                now + valid_for,
            )?;
            Ok(code)
        })
    }

    /// Revokes a device's token; `false` when there is no such device.
    pub fn revoke_device(&self, device_id: Uuid, now: DateTime<Utc>) -> Result<bool, StorageError> {
        self.storage.transact(|tx| {
            let Some(mut device) = tx.device(device_id)? else {
                return Ok(false);
            };
            if device.revoked_at.is_none() {
                device.revoked_at = Some(now);
                tx.put_device(&device)?;
            }
            Ok(true)
        })
    }

    pub fn devices(&self, center: Option<Uuid>) -> Result<Vec<DeviceRow>, StorageError> {
        self.storage.transact(|tx| tx.devices(center))
    }

    // ---- the protocol ----

    /// Exchanges an enrollment code for a device token. A device enrolled
    /// before (a new laptop user, a revoked token) keeps its sequence numbers,
    /// so its outbox carries on where it was; it cannot move to another center.
    pub fn enroll(
        &self,
        req: &EnrollRequest,
        now: DateTime<Utc>,
    ) -> Result<EnrollResponse, ApiError> {
        let name = req.device_name.trim();
        if !device_name_ok(name) {
            let mut body = ErrorBody::new(ErrorCode::RequestMalformed);
            body.details = vec!["기기 이름은 제어 문자 없이 1~100자로 적어 주세요.".into()];
            return Err(ApiError::unprocessable(body));
        }
        let token = DeviceToken::from_random(random()?);
        let token_hash = hash_secret(token.expose_secret());
        let expires_at = self.config.token_ttl.map(|ttl| now + ttl);
        self.storage.transact(|tx| {
            let center_id = tx
                .take_enrollment_code(&hash_secret(req.code.expose_secret()), now)?
                .ok_or_else(|| ApiError::new(ErrorCode::EnrollInvalidCode))?;
            let center = tx
                .center(center_id)?
                .ok_or_else(|| ApiError::new(ErrorCode::EnrollInvalidCode))?;
            if req.center_id.is_some_and(|c| c != center_id) {
                // Rolled back: the code stays unused, no device is recorded.
                return Err(ApiError::new(ErrorCode::CenterForbidden));
            }
            // A device id enrolls once. Enrolling it again would hand a
            // second token to whoever holds a copy of the file and let two
            // files push under one sequence (rolled back: the code stays
            // unused).
            if tx.device(req.device_id)?.is_some() {
                return Err(ApiError::new(ErrorCode::EnrollDeviceTaken));
            }
            tx.put_device(&DeviceRow {
                device_id: req.device_id,
                center_id,
                name: name.to_owned(),
                token_hash: token_hash.clone(),
                last_seq: 0,
                enrolled_at: now,
                expires_at,
                revoked_at: None,
            })?;
            tracing::info!(device = %req.device_id, center = %center_id, "device enrolled");
            Ok(EnrollResponse {
                protocol: req.protocol,
                device_id: req.device_id,
                center_id,
                center_name: center.name,
                token: token.clone(),
                expires_at,
            })
        })
    }

    /// The device a bearer token belongs to, if it may still sync.
    pub fn authenticate(&self, bearer: &str, now: DateTime<Utc>) -> Result<DeviceRow, ApiError> {
        let token =
            DeviceToken::parse(bearer).map_err(|_| ApiError::new(ErrorCode::AuthInvalid))?;
        let device = self
            .storage
            .transact(|tx| tx.device_by_token(&hash_secret(token.expose_secret())))?
            .ok_or_else(|| ApiError::new(ErrorCode::AuthInvalid))?;
        usable(&device, now)?;
        Ok(device)
    }

    /// Whoever a bearer token belongs to: a device that may still sync, or
    /// a viewer whose token is neither revoked nor expired.
    pub fn authenticate_caller(
        &self,
        bearer: &str,
        now: DateTime<Utc>,
    ) -> Result<Caller, ApiError> {
        if !ViewerToken::looks_like(bearer) {
            return self.authenticate(bearer, now).map(Caller::Device);
        }
        // The protocol's messages speak to a desk; a viewer is told in
        // its own words.
        let refused = |code, message: &str| {
            let mut body = ErrorBody::new(code);
            body.message = message.to_owned();
            ApiError::with_body(body)
        };
        let invalid = || {
            refused(
                ErrorCode::AuthInvalid,
                "열람 토큰이 올바르지 않습니다. 서버 관리자에게 받은 토큰(doyak_vt1_…)을 그대로 붙여 넣어 주세요.",
            )
        };
        let token = ViewerToken::parse(bearer).ok_or_else(invalid)?;
        let viewer = self
            .storage
            .transact(|tx| tx.viewer_by_token(&hash_secret(token.expose_secret())))?
            .ok_or_else(invalid)?;
        if viewer.revoked_at.is_some() {
            return Err(refused(
                ErrorCode::AuthRevoked,
                "이 열람 토큰은 폐기되었습니다. 서버 관리자에게 새 토큰을 받아 주세요.",
            ));
        }
        if viewer.expires_at.is_some_and(|at| at <= now) {
            return Err(refused(
                ErrorCode::AuthExpired,
                "이 열람 토큰은 기한이 지났습니다. 서버 관리자에게 새 토큰을 받아 주세요.",
            ));
        }
        Ok(Caller::Viewer(viewer))
    }

    /// Applies a batch in one transaction (see the crate documentation).
    pub fn push(
        &self,
        device: &DeviceRow,
        req: PushRequest,
        now: DateTime<Utc>,
    ) -> Result<PushResponse, ApiError> {
        let problems = req.validate();
        if !problems.is_empty() {
            return Err(ApiError::unprocessable(ErrorBody::from_problems(&problems)));
        }
        if req.device_id != device.device_id {
            return Err(not_the_tokens_device(req.device_id, device.device_id));
        }
        if req.mutations.iter().any(|m| m.seq > MAX_POSITION) {
            return Err(out_of_range("seq"));
        }
        // Whole-request refusals that a later attempt fixes: nothing is
        // acknowledged, so the desk keeps every row.
        if req.mutations.iter().any(|m| m.schema_version > MAX_SCHEMA) {
            return Err(ApiError::new(ErrorCode::SchemaTooNew));
        }
        if req.mutations.iter().any(|m| m.schema_version < MIN_SCHEMA) {
            return Err(ApiError::new(ErrorCode::SchemaTooOld));
        }
        let now_ms = millis(now);
        if let Some(m) = req.mutations.first() {
            let skew = m.hlc.wall_ms.abs_diff(now_ms);
            if skew > SKEW_WARNING_MS {
                tracing::warn!(device = %device.device_id, skew_ms = skew, "device clock is off");
            }
        }
        self.storage
            .transact(|tx| {
                tx.lock_center(device.center_id)?;
                let mut state = tx
                    .device(device.device_id)?
                    .ok_or_else(|| ApiError::new(ErrorCode::AuthInvalid))?;
                usable(&state, now)?;
                let start_seq = state.last_seq;
                let (results, last_seq) = crate::push::settle(tx, &state, req.mutations, now)?;
                state.last_seq = last_seq;
                if state.last_seq != start_seq {
                    tx.put_device(&state)?;
                }
                Ok(PushResponse {
                    protocol: req.protocol,
                    results,
                    acknowledged_seq: state.last_seq,
                    server_time_ms: now_ms,
                })
            })
            .inspect(|answer| {
                if !answer.results.is_empty() {
                    self.kept.mark_changed(device.center_id);
                }
            })
    }

    /// A page of the device's center's change log after `req.cursor`.
    pub fn pull(
        &self,
        device: &DeviceRow,
        req: &PullRequest,
        now: DateTime<Utc>,
    ) -> Result<PullResponse, ApiError> {
        let problems = req.validate();
        if !problems.is_empty() {
            return Err(ApiError::unprocessable(ErrorBody::from_problems(&problems)));
        }
        if req.cursor.0 > MAX_POSITION {
            return Err(out_of_range("cursor"));
        }
        let limit = req.effective_limit();
        self.storage.transact(|tx| {
            let state = tx
                .device(device.device_id)?
                .ok_or_else(|| ApiError::new(ErrorCode::AuthInvalid))?;
            usable(&state, now)?;
            let rows = tx.changes_after(state.center_id, req.cursor.0, limit + 1)?;
            let mut has_more = rows.len() > limit as usize;
            // Bodies are stored as sent; keep the page well inside the
            // response limit (a change is at most one mutation's size).
            let budget = MAX_RESPONSE_BYTES / 2;
            let mut bytes = 0;
            let mut changes = Vec::new();
            for (version, entry) in rows.into_iter().take(limit as usize) {
                // An event's change is its stored fields plus an envelope
                // (ids, clock stamp) well under 512 bytes.
                let size = match &entry {
                    Logged::Change(body) => body.len(),
                    Logged::Event { fields, .. } => fields.len() + 512,
                };
                if !changes.is_empty() && bytes + size > budget {
                    has_more = true;
                    break;
                }
                bytes += size;
                let change = match entry {
                    Logged::Change(body) => serde_json::from_str::<Change>(&body).ok(),
                    Logged::Event { id, fields } => event_change(version, id, &fields),
                };
                changes.push(change.ok_or(StorageError::Corrupt { what: "change_log" })?);
            }
            let next_cursor = changes.last().map_or(req.cursor, |c| c.version);
            Ok(PullResponse {
                protocol: req.protocol,
                changes,
                next_cursor,
                has_more,
                server_time_ms: millis(now),
            })
        })
    }

    /// The open conflicts of a center (for the conformance suite and the
    /// simulation's checks).
    pub fn open_conflicts(&self, center: Uuid) -> Result<Vec<ConflictRecord>, StorageError> {
        self.storage.transact(|tx| {
            tx.open_conflicts(center)?
                .iter()
                .map(|body| {
                    serde_json::from_str(body)
                        .map_err(|_| StorageError::Corrupt { what: "conflict" })
                })
                .collect()
        })
    }

    /// Every record of a center (convergence checks in the simulation and
    /// the fault tests; reads everything).
    pub fn records(&self, center: Uuid) -> Result<Vec<crate::model::RecordRow>, StorageError> {
        self.storage.transact(|tx| tx.records(center))
    }

    /// The desk's figures (docs/kpi.md) of each month from `from` to `to`
    /// (`YYYY-MM`, at most 24 months), as `scope` may read them, computed
    /// on `today` (a window that ends after it is not yet known). Each
    /// center's totals are kept until the center changes or the day does
    /// ([`crate::kept`]); the answer merges them (see
    /// [`national::publish_figures`]).
    pub fn figures(
        &self,
        scope: &Scope,
        from: &str,
        to: &str,
        today: NaiveDate,
    ) -> Result<Figures, ApiError> {
        let months = month_range(from, to)?;
        let keys: Vec<String> = months.iter().map(|m| month_key(*m)).collect();
        let centers = self.storage.transact(|tx| tx.centers())?;
        let mut partials: BTreeMap<Uuid, BTreeMap<String, Vec<Partial>>> = BTreeMap::new();
        for c in &centers {
            let kept = self
                .kept
                .totals(&self.storage, c.center_id, &months, today)?;
            let wanted = keys
                .iter()
                .filter_map(|m| kept.months.get(m).map(|t| (m.clone(), t.clone())))
                .collect();
            partials.insert(c.center_id, wanted);
        }
        Ok(national::publish_figures(scope, &centers, &partials))
    }

    /// Computes again the figure totals of every center marked changed
    /// since (a push marks its center), one at a time, for `today`; how
    /// many were. `serve` runs it in the background after each push and
    /// when the day changes, so that an answer finds the totals kept. A
    /// center that fails is logged and left to be computed when asked.
    pub fn refresh_figures(&self, today: NaiveDate) -> usize {
        self.refresh_figures_after(today, std::time::Duration::ZERO)
    }

    /// [`SyncService::refresh_figures`] for the centers marked changed at
    /// least `quiet` ago only (the refresher's pass).
    pub fn refresh_figures_after(&self, today: NaiveDate, quiet: std::time::Duration) -> usize {
        let months = crate::kept::kept_months(today);
        let mut refreshed = 0;
        while let Some(center) = self.kept.next_changed(quiet) {
            match self.kept.totals(&self.storage, center, &months, today) {
                Ok(_) => refreshed += 1,
                Err(e) => {
                    tracing::warn!(%center, error = %e.body.message, "figures: not kept");
                }
            }
        }
        refreshed
    }

    /// Marks every center changed (when the day changes, or at start, so
    /// that the refresher reads the kept totals back or computes them).
    pub fn mark_all_figures_changed(&self) -> Result<(), ApiError> {
        for c in self.storage.transact(|tx| tx.centers())? {
            self.kept.mark_changed(c.center_id);
        }
        Ok(())
    }

    /// The kept figure totals (the refresher waits on them; tests count
    /// their computations).
    pub fn kept_figures(&self) -> &crate::kept::Kept {
        &self.kept
    }

    /// The national counts between two months, `YYYY-MM` inclusive, as
    /// `scope` may read them (see [`crate::national`]): a device its own
    /// center's, a regional viewer its region's, a national viewer all;
    /// every count that could pin 1–4 people hidden.
    pub fn counts(&self, scope: &Scope, from: &str, to: &str) -> Result<Counts, ApiError> {
        let month = |m: &str| {
            m.len() == 7
                && chrono::NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d").is_ok()
        };
        if !month(from) || !month(to) || from > to {
            let mut body = ErrorBody::new(ErrorCode::RequestMalformed);
            body.details = vec![
                "기간은 from=YYYY-MM&to=YYYY-MM 형식으로, from이 to보다 늦지 않게 적어 주세요."
                    .into(),
            ];
            return Err(ApiError::unprocessable(body));
        }
        let (centers, rows) = self
            .storage
            .transact(|tx| Ok::<_, StorageError>((tx.centers()?, tx.counts(from, to)?)))?;
        Ok(national::publish(scope, &centers, &rows))
    }
}

/// The longest period `/stats/figures` computes at once, in months.
pub const MAX_FIGURE_MONTHS: usize = 24;

pub(crate) fn bad_period() -> ApiError {
    let mut body = ErrorBody::new(ErrorCode::RequestMalformed);
    body.details = vec![format!(
        "기간은 from=YYYY-MM&to=YYYY-MM 형식으로, from이 to보다 늦지 않게, {MAX_FIGURE_MONTHS}개월 이내로 적어 주세요."
    )];
    ApiError::unprocessable(body)
}

/// The first day of each month from `from` to `to` (`YYYY-MM`).
fn month_range(from: &str, to: &str) -> Result<Vec<NaiveDate>, ApiError> {
    let start = |m: &str| {
        (m.len() == 7)
            .then(|| NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d").ok())
            .flatten()
    };
    let (Some(mut at), Some(last)) = (start(from), start(to)) else {
        return Err(bad_period());
    };
    // The program's years, not any the calendar has.
    if at.year() < 2000 || last.year() > 2100 {
        return Err(bad_period());
    }
    let mut out = Vec::new();
    while at <= last {
        if out.len() == MAX_FIGURE_MONTHS {
            return Err(bad_period());
        }
        out.push(at);
        at = at
            .checked_add_months(chrono::Months::new(1))
            .ok_or_else(bad_period)?;
    }
    if out.is_empty() {
        return Err(bad_period());
    }
    Ok(out)
}

/// Who is asking, once their token is checked.
#[derive(Debug, Clone)]
pub enum Caller {
    Device(DeviceRow),
    Viewer(ViewerRow),
}

impl Caller {
    /// What the caller may read of the national counts.
    pub fn scope(&self) -> Scope {
        match self {
            Caller::Device(d) => Scope::Center {
                center_id: d.center_id,
            },
            Caller::Viewer(v) => Scope::from(&v.scope),
        }
    }
}

/// The largest sequence number or change-log position: both databases keep
/// them as signed 64-bit integers.
const MAX_POSITION: u64 = i64::MAX as u64;

fn out_of_range(field: &str) -> ApiError {
    let mut body = ErrorBody::new(ErrorCode::RequestMalformed);
    body.details = vec![format!("{field} 값이 너무 큽니다 (최대 {MAX_POSITION}).")];
    ApiError::unprocessable(body)
}

/// A push whose body names another device than its token. Still
/// `auth.invalid` (the token is not this device's, and desks already out
/// there read that code), but it says what happened instead of the default
/// "enroll again": the token was valid, so enrolling again fixes nothing
/// unless one knows why the two differ. The details name both device ids
/// (the caller holds the token and knows its own id; neither is a secret)
/// for whoever looks into it; never a token.
pub(crate) fn not_the_tokens_device(sent: Uuid, token: Uuid) -> ApiError {
    let mut body = ErrorBody::new(ErrorCode::AuthInvalid);
    body.message = "보낸 변경 내용에 적힌 기기가 이 기기 토큰의 기기와 다릅니다. 다른 사례관리 파일의 토큰을 쓰고 있거나 프로그램 오류입니다. 보내지 못한 변경 내용은 이 기기에 그대로 보관됩니다. 이 메시지를 센터 관리자에게 알려 주세요.".into();
    body.details = vec![
        format!("요청의 기기 ID: {sent}"),
        format!("토큰의 기기 ID: {token}"),
    ];
    ApiError::with_body(body)
}

/// A device name as stored (already trimmed): 1–100 characters, none a
/// control character (the OpenAPI document states the same rule).
pub(crate) fn device_name_ok(name: &str) -> bool {
    !name.is_empty() && name.chars().count() <= 100 && !name.chars().any(char::is_control)
}

/// Refuses a revoked or expired device.
pub(crate) fn usable(device: &DeviceRow, now: DateTime<Utc>) -> Result<(), ApiError> {
    if device.revoked_at.is_some() {
        return Err(ApiError::new(ErrorCode::AuthRevoked));
    }
    if device.expires_at.is_some_and(|at| at <= now) {
        return Err(ApiError::new(ErrorCode::AuthExpired));
    }
    Ok(())
}
