//! Sync as the counselor meets it: enroll this laptop with a code from the
//! center's administrator, sync now (or in the background), and see where
//! things stand.

use super::vault::not_enrolled;
use super::{
    HttpTransport, SyncError, SyncLimits, SyncReport, TlsRoots, TransportError, sync_store,
    sync_target,
};
use crate::caseload::Desk;
use crate::clock::Clock;
use crate::error::{AppError, SyncFailure};
use doyak_sync_protocol::DeviceToken;
use doyak_sync_protocol::{EnrollRequest, EnrollmentCode, ErrorCode, ProtocolVersion, negotiate};
use std::sync::{Arc, Mutex};

/// Where sync stands, for the status bar. Holds no token.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct SyncStatus {
    pub enrolled: bool,
    pub server_url: Option<String>,
    /// RFC 3339, the last time a push or a pull went through.
    pub last_sync_at: Option<String>,
    #[ts(type = "number")]
    pub pending: u64,
    #[ts(type = "number")]
    pub open_conflicts: u64,
    #[ts(type = "number")]
    pub rejections: u64,
}

/// What an enrollment did.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct Enrolled {
    pub center_name: String,
    pub server_url: String,
}

pub(super) fn failure(e: TransportError) -> AppError {
    AppError::Sync(match e {
        TransportError::Unreachable(why) => SyncFailure::Unreachable(why),
        TransportError::Config(message) => SyncFailure::Config(message),
        TransportError::Refused(body) => match body.code {
            ErrorCode::AuthRevoked | ErrorCode::AuthExpired | ErrorCode::AuthInvalid => {
                SyncFailure::Auth(body.message)
            }
            ErrorCode::SchemaTooOld | ErrorCode::ProtocolUnsupportedVersion => {
                SyncFailure::Upgrade(body.message)
            }
            // Another copy of this file pushed under its sequence numbers.
            ErrorCode::PushSequenceReused | ErrorCode::EnrollDeviceTaken => SyncFailure::CopiedFile,
            _ => SyncFailure::Refused(body.message),
        },
    })
}

/// The certificate authorities to trust: those in the PEM file `path`
/// (`--ca-cert`, `DOYAK_SYNC_CA`), else the public ones. A named file that
/// cannot be read or holds no certificate is an error, never a quiet
/// fall-back to the public roots.
pub fn tls_roots(path: Option<&std::path::Path>) -> Result<TlsRoots, AppError> {
    TlsRoots::from_pem_file(path).map_err(failure)
}

/// The desk's roots: the PEM file `DOYAK_SYNC_CA` names, else the public ones.
pub fn roots_from_env() -> Result<TlsRoots, AppError> {
    let path = std::env::var_os("DOYAK_SYNC_CA").map(std::path::PathBuf::from);
    tls_roots(path.as_deref())
}

impl From<SyncError> for AppError {
    fn from(e: SyncError) -> AppError {
        match e {
            SyncError::Transport(t) => failure(t),
            SyncError::App(a) => a,
        }
    }
}

/// Syncs the desk's shared caseload, taking its lock only while touching
/// the file: the counselor keeps working while batches travel.
pub fn sync_shared(
    desk: &Mutex<Option<Desk>>,
    roots: &TlsRoots,
    progress: &mut dyn FnMut(&SyncReport),
) -> Result<SyncReport, AppError> {
    let (url, token, clock) = {
        let mut guard = desk.lock().map_err(|_| not_enrolled())?;
        guard.as_mut().ok_or_else(not_enrolled)?.sync_endpoint()?
    };
    let mut transport = HttpTransport::new(&url, Some(token), roots).map_err(failure)?;
    let mut target = desk;
    let report = sync_target(
        &mut target,
        &mut transport,
        &|| clock.now(),
        SyncLimits::default(),
        progress,
    );
    if let Ok(mut guard) = desk.lock()
        && let Some(open) = guard.as_mut()
    {
        open.after_pull();
    }
    Ok(report?)
}

impl Desk {
    /// Exchanges an enrollment code for this laptop's token and keeps it in
    /// the OS keyring, or where there is none in the encrypted caseload file
    /// (see `vault`). Refuses a code of another center.
    ///
    /// Each enrollment is a new device: a fresh device id, and the unsent
    /// changes renumbered under it (`Store::become_new_device`), so a copied
    /// or restored file that enrolls again never shares an identity with
    /// the file it came from. The caseload is bound to this machine and
    /// path (`binding`).
    pub fn enroll(
        &mut self,
        url: &str,
        code: &str,
        device_name: &str,
        roots: &TlsRoots,
    ) -> Result<Enrolled, AppError> {
        let code = EnrollmentCode::parse(code).map_err(|_| SyncFailure::BadCode)?;
        let info = super::server_info(url, roots).map_err(failure)?;
        let protocol = negotiate(ProtocolVersion::SUPPORTED, &info.protocols)
            .ok_or(SyncFailure::NoCommonProtocol)?;
        let request = EnrollRequest {
            protocol,
            code,
            device_id: uuid::Uuid::now_v7(),
            device_name: device_name.to_owned(),
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            center_id: Some(self.store.center_id().as_uuid()),
        };
        let response = super::enroll(url, roots, &request).map_err(|e| match e {
            TransportError::Refused(body) if body.code == ErrorCode::CenterForbidden => {
                AppError::Sync(SyncFailure::WrongCenter(None))
            }
            other => failure(other),
        })?;
        if response.center_id != self.store.center_id().as_uuid() {
            return Err(SyncFailure::WrongCenter(Some(response.center_name)).into());
        }
        let url = super::http::check_url(url).map_err(failure)?;
        let binding = self.binding_here();
        self.store.become_new_device(response.device_id, &binding)?;
        self.keep_sync_credentials(&url, &response.token)?;
        Ok(Enrolled {
            center_name: response.center_name,
            server_url: url,
        })
    }

    /// Sends the outbox and pulls the center's changes.
    pub fn sync_now(
        &mut self,
        roots: &TlsRoots,
        progress: &mut dyn FnMut(&SyncReport),
    ) -> Result<SyncReport, AppError> {
        let (url, token) = self.sync_login()?;
        let mut transport = HttpTransport::new(&url, Some(token), roots).map_err(failure)?;
        let clock = self.clock.clone();
        let report = sync_store(
            &mut self.store,
            &mut transport,
            &|| clock.now(),
            SyncLimits::default(),
            progress,
        );
        self.after_pull();
        Ok(report?)
    }

    /// What a pull may have made due: a withdrawal of 민감정보 consent it
    /// brought takes the health answers out of this desk's drafts. Also
    /// after a sync that failed late (pages may have been stored); a
    /// failure leaves them to the next sweep.
    fn after_pull(&mut self) {
        let _ = self.withhold_sensitive_drafts();
    }

    /// The server and token, for a sync that runs outside this desk's lock.
    fn sync_endpoint(&mut self) -> Result<(String, DeviceToken, Arc<dyn Clock>), AppError> {
        let (url, token) = self.sync_login()?;
        Ok((url, token, self.clock.clone()))
    }

    pub fn sync_status(&self) -> Result<SyncStatus, AppError> {
        let state = self.store.sync_state()?;
        let last = [state.last_push_at, state.last_pull_at]
            .into_iter()
            .flatten()
            .max();
        Ok(SyncStatus {
            enrolled: state.enrolled,
            server_url: state.server_url,
            last_sync_at: last.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
            pending: self.store.pending_count()?,
            open_conflicts: self.store.open_conflicts()?.len() as u64,
            rejections: self.store.rejections()?.len() as u64,
        })
    }
}
