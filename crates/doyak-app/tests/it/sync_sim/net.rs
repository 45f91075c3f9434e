//! The simulated network: a transport straight into the in-process server
//! that drops requests, loses answers after the server committed, delivers
//! twice and keeps copies to deliver late.

use chrono::{DateTime, Utc};
use doyak_app::sync::{Transport, TransportError};
use doyak_server::SyncService;
use doyak_server::model::DeviceRow;
use doyak_sync_protocol::{
    AccessLogRequest, AccessLogResponse, Mutation, PullRequest, PullResponse, PushRequest,
    PushResponse,
};
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use std::collections::HashMap;
use uuid::Uuid;

/// Faults the transport injects, per request.
#[derive(Clone, Copy)]
pub(super) struct Faults {
    pub(super) drop_request: f64,
    pub(super) lose_answer: f64,
    pub(super) duplicate: f64,
    pub(super) delay_copy: f64,
}

pub(super) const NONE: Faults = Faults {
    drop_request: 0.0,
    lose_answer: 0.0,
    duplicate: 0.0,
    delay_copy: 0.0,
};

pub(super) struct Net<'a> {
    pub(super) server: &'a SyncService,
    pub(super) device: &'a DeviceRow,
    pub(super) rng: &'a mut ChaCha8Rng,
    pub(super) online: bool,
    pub(super) faults: Faults,
    pub(super) now: DateTime<Utc>,
    /// Copies of batches to be delivered late (a reordered message).
    pub(super) late: &'a mut Vec<(DeviceRow, PushRequest)>,
    /// Every mutation ever put on the wire, for the conflict oracle.
    pub(super) sent: &'a mut HashMap<Uuid, Mutation>,
}

fn refused(e: doyak_server::ApiError) -> TransportError {
    TransportError::Refused(e.body)
}

impl Transport for Net<'_> {
    fn push(&mut self, request: &PushRequest) -> Result<PushResponse, TransportError> {
        for m in &request.mutations {
            self.sent.entry(m.mutation_id).or_insert_with(|| m.clone());
        }
        if !self.online || self.rng.random_bool(self.faults.drop_request) {
            return Err(TransportError::Unreachable("dropped".into()));
        }
        if self.rng.random_bool(self.faults.delay_copy) {
            self.late.push((self.device.clone(), request.clone()));
        }
        let answer = self
            .server
            .push(self.device, request.clone(), self.now)
            .map_err(refused);
        if self.rng.random_bool(self.faults.lose_answer) {
            // The server committed; the desk never hears of it.
            return Err(TransportError::Unreachable("answer lost".into()));
        }
        if self.rng.random_bool(self.faults.duplicate) {
            return self
                .server
                .push(self.device, request.clone(), self.now)
                .map_err(refused);
        }
        answer
    }

    fn pull(&mut self, request: &PullRequest) -> Result<PullResponse, TransportError> {
        if !self.online || self.rng.random_bool(self.faults.drop_request) {
            return Err(TransportError::Unreachable("dropped".into()));
        }
        let answer = self
            .server
            .pull(self.device, request, self.now)
            .map_err(refused);
        if self.rng.random_bool(self.faults.lose_answer) {
            return Err(TransportError::Unreachable("answer lost".into()));
        }
        answer
    }

    /// Dropped, answered and lost, or delivered twice, like a push.
    fn access_log(
        &mut self,
        request: &AccessLogRequest,
    ) -> Result<AccessLogResponse, TransportError> {
        if !self.online || self.rng.random_bool(self.faults.drop_request) {
            return Err(TransportError::Unreachable("dropped".into()));
        }
        let answer = self
            .server
            .upload_access_log(self.device, request.clone(), self.now)
            .map_err(refused);
        if self.rng.random_bool(self.faults.lose_answer) {
            return Err(TransportError::Unreachable("answer lost".into()));
        }
        if self.rng.random_bool(self.faults.duplicate) {
            return self
                .server
                .upload_access_log(self.device, request.clone(), self.now)
                .map_err(refused);
        }
        answer
    }
}
