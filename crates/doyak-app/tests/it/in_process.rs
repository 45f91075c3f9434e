//! A sync server in the test's own process, reached without a network: the
//! transport and the enrolment the tests that sync through the real
//! server (not the simulation's lossy one) share.

use chrono::{DateTime, Duration, Utc};
use doyak_app::sync::{Transport, TransportError};
use doyak_server::SyncService;
use doyak_server::model::DeviceRow;
use doyak_sync_protocol::{
    AccessLogRequest, AccessLogResponse, EnrollRequest, ProtocolVersion, PullRequest, PullResponse,
    PushRequest, PushResponse,
};
use uuid::Uuid;

pub struct InProcess<'a> {
    pub service: &'a SyncService,
    pub device: &'a DeviceRow,
    pub now: DateTime<Utc>,
}

impl Transport for InProcess<'_> {
    fn push(&mut self, request: &PushRequest) -> Result<PushResponse, TransportError> {
        self.service
            .push(self.device, request.clone(), self.now)
            .map_err(|e| TransportError::Refused(e.body))
    }

    fn pull(&mut self, request: &PullRequest) -> Result<PullResponse, TransportError> {
        self.service
            .pull(self.device, request, self.now)
            .map_err(|e| TransportError::Refused(e.body))
    }

    fn access_log(
        &mut self,
        request: &AccessLogRequest,
    ) -> Result<AccessLogResponse, TransportError> {
        self.service
            .upload_access_log(self.device, request.clone(), self.now)
            .map_err(|e| TransportError::Refused(e.body))
    }
}

/// Enrols `device` in `center` with a fresh code; its row as the server
/// authenticates it.
pub fn enroll(service: &SyncService, center: Uuid, device: Uuid, now: DateTime<Utc>) -> DeviceRow {
    let code = service
        .create_enrollment_code(center, Duration::hours(1), now)
        .unwrap();
    let enrolled = service
        .enroll(
            &EnrollRequest {
                protocol: ProtocolVersion::V1,
                code,
                device_id: device,
                device_name: "시험".into(),
                app_version: "test".into(),
                center_id: None,
            },
            now,
        )
        .unwrap();
    service
        .authenticate(enrolled.token.expose_secret(), now)
        .unwrap()
}
