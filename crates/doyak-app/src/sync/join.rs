//! Joining a center: a new laptop of a center that already syncs trades an
//! enrollment code for a device token, and its new caseload takes the
//! center's id and name from the server's answer. The caseload starts empty
//! and the center's records arrive by pull (`Desk::sync_now`), so every desk
//! of a center has a device identity of its own — a copied file never has
//! to stand in for one.

use super::desk::failure;
use super::http::check_url;
use super::{TlsRoots, TransportError};
use crate::caseload::{Desk, new_passphrase_errors};
use crate::clock::Clock;
use crate::error::{AppError, SyncFailure};
use doyak_domain::{FieldError, Id};
use doyak_store::{Caseload, Passphrase, Store, StoreError, WriteContext};
use doyak_sync_protocol::{EnrollRequest, EnrollmentCode, ProtocolVersion, negotiate};
use std::path::Path;
use std::sync::Arc;

/// The desk's "센터에 합류" form (and `doyak join`). The passphrase fields
/// are wiped when the form is dropped and never shown by `Debug`.
#[derive(Clone, Default, PartialEq, Eq, serde::Deserialize, ts_rs::TS)]
pub struct JoinForm {
    /// The center's sync server, e.g. `https://sync.example.go.kr:8443`.
    pub server_url: String,
    /// The one-time code the center's administrator handed out.
    pub code: String,
    /// A name the administrator recognises in the device list.
    pub device_name: String,
    pub passphrase: String,
    pub confirm: String,
}

impl std::fmt::Debug for JoinForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JoinForm")
            .field("server_url", &self.server_url)
            .field("code", &"***")
            .field("device_name", &self.device_name)
            .field("passphrase", &"***")
            .field("confirm", &"***")
            .finish()
    }
}

impl Drop for JoinForm {
    fn drop(&mut self) {
        use zeroize::Zeroize;
        self.code.zeroize();
        self.passphrase.zeroize();
        self.confirm.zeroize();
    }
}

/// The device name used when the form leaves it empty.
pub const DEFAULT_DEVICE_NAME: &str = "도약 데스크";

impl JoinForm {
    /// Everything that can be checked without the server, each problem
    /// under its field; the code and the address come back parsed.
    fn check(&self) -> Result<(EnrollmentCode, String), AppError> {
        let mut errors: Vec<FieldError> = Vec::new();
        let url = match check_url(&self.server_url) {
            Ok(url) => Some(url),
            Err(TransportError::Config(message)) => {
                errors.push(FieldError::new("server_url", "서버 주소", message));
                None
            }
            Err(other) => return Err(failure(other)),
        };
        let code = EnrollmentCode::parse(&self.code).ok();
        if code.is_none() {
            errors.push(FieldError::new(
                "code",
                "등록 코드",
                "등록 코드는 관리자가 준 12자리(예: ABCD-EFGH-JKMN)입니다.",
            ));
        }
        if self.device_name.chars().count() > 100 {
            errors.push(FieldError::new(
                "device_name",
                "기기 이름",
                "100자 이하로 입력하세요.",
            ));
        }
        errors.extend(new_passphrase_errors(&self.passphrase, &self.confirm));
        match (code, url) {
            (Some(code), Some(url)) if errors.is_empty() => Ok((code, url)),
            _ => Err(AppError::Invalid(errors)),
        }
    }

    fn device_name(&self) -> String {
        let name = self.device_name.trim();
        if name.is_empty() {
            DEFAULT_DEVICE_NAME.to_owned()
        } else {
            name.to_owned()
        }
    }
}

impl Desk {
    /// Joins the center whose code the form carries: enrolls a new device,
    /// then creates an empty caseload at `path` under that center's id and
    /// name, with the token kept in `vault` (or the caseload). The caller
    /// then pulls the center (`sync_now`, with progress); a pull cut short
    /// resumes at the next sync.
    ///
    /// Everything that can fail before the code is spent is checked first
    /// (the form, the path, the server's protocol), so a typo or an
    /// existing file never uses a code up.
    pub fn join(
        path: &Path,
        form: &JoinForm,
        roots: &TlsRoots,
        vault: Arc<dyn super::TokenVault>,
        clock: Arc<dyn Clock>,
    ) -> Result<Desk, AppError> {
        let (code, url) = form.check()?;
        if path.exists() {
            return Err(StoreError::AlreadyExists {
                path: path.to_owned(),
            }
            .into());
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| AppError::FileWrite {
                path: dir.to_owned(),
                source,
            })?;
        }
        let info = super::server_info(&url, roots).map_err(failure)?;
        let protocol = negotiate(ProtocolVersion::SUPPORTED, &info.protocols)
            .ok_or(SyncFailure::NoCommonProtocol)?;
        let device_id = uuid::Uuid::now_v7();
        let request = EnrollRequest {
            protocol,
            code,
            device_id,
            device_name: form.device_name(),
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            center_id: None,
        };
        let response = super::enroll(&url, roots, &request).map_err(failure)?;
        let caseload = Caseload {
            center_id: Id::from(response.center_id),
            center_name: response.center_name.clone(),
            device_id: device_id.to_string(),
        };
        let ctx = WriteContext::new(clock.now(), "local".to_owned());
        let passphrase = Passphrase::new(form.passphrase.clone());
        // Past this point the code is spent: a failure here needs a new
        // code from the administrator (the device it enrolled stays unused
        // in the device list until revoked).
        let store = Store::create_joined(path, &passphrase, caseload, &ctx)?;
        let mut desk = Desk {
            store,
            clock,
            actor: "local".to_owned(),
            match_pool: Default::default(),
            kpi_facts: Default::default(),
            kpi_reads: Default::default(),
            vault,
        };
        let binding = desk.binding_here();
        desk.store.set_device_binding(&binding)?;
        desk.keep_sync_credentials(&url, &response.token)?;
        Ok(desk)
    }
}
