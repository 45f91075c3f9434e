//! The desk's side of sync: send the outbox, take the answers, pull the
//! center's changes, over any [`Transport`] (HTTPS in the desk and the CLI,
//! an in-process server with injected faults in the simulation).
//!
//! Every step is safe to cut at any point: the outbox row leaves only with
//! the answer that acknowledged it, and a pull page is stored with its
//! cursor in one transaction (both in doyak-store), so a sync that stops —
//! network gone, app killed — resumes from what was committed, and a resent
//! batch is answered from the server's stored results, never applied twice.

mod access_log;
mod binding;
mod desk;
mod http;
mod join;
mod queue;
mod vault;

pub use binding::{binding, machine_id};
pub use desk::{Enrolled, SyncStatus, roots_from_env, sync_shared, tls_roots};
pub use http::{HttpTransport, TlsRoots, check_url, enroll, server_info};
pub use join::{DEFAULT_DEVICE_NAME, JoinForm};
pub use queue::{ConflictChoice, ConflictView, RejectionView, SameIdChoice, SideView};
pub use vault::{KeyringVault, NoKeyring, TokenVault, VaultError, os_keyring};

use crate::error::{AppError, SyncFailure};
use chrono::{DateTime, Utc};
use doyak_store::Store;
use doyak_sync_protocol::{
    AccessLogRequest, AccessLogResponse, ChangeVersion, ErrorBody, ErrorCode,
    MAX_ACCESS_LOG_ENTRIES, MAX_PULL_LIMIT, MAX_PUSH_MUTATIONS, MAX_REQUEST_BYTES, Mutation,
    ProtocolVersion, PullRequest, PullResponse, PushRequest, PushResponse,
};

/// Why a request did not get an answer the desk can use.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TransportError {
    /// No answer (no network, timeout, reset, a cut-off or unreadable
    /// body): nothing is known, try again later. Safe: a push is idempotent.
    #[error("서버에 연결할 수 없습니다: {0}")]
    Unreachable(String),
    /// The server answered with a refusal.
    #[error("{}", .0.message)]
    Refused(ErrorBody),
    /// Nothing was sent: the desk's own settings (the server address, the
    /// certificate file) are wrong. The message says what to fix.
    #[error("{0}")]
    Config(String),
}

/// One request and its answer. Implementations never retry on their own:
/// the loop in [`sync_store`] decides.
pub trait Transport {
    fn push(&mut self, request: &PushRequest) -> Result<PushResponse, TransportError>;
    fn pull(&mut self, request: &PullRequest) -> Result<PullResponse, TransportError>;
    /// Uploads access-log entries (개인정보 접근 기록; see `access_log.rs`).
    fn access_log(
        &mut self,
        request: &AccessLogRequest,
    ) -> Result<AccessLogResponse, TransportError>;
}

/// How a sync went, in figures for the status bar and the CLI.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct SyncReport {
    /// Outbox rows the server acknowledged in this sync.
    #[ts(type = "number")]
    pub sent: u64,
    /// Of those, refused for good (kept for the counselor to see).
    #[ts(type = "number")]
    pub rejected: u64,
    /// Conflicts the server recorded on this desk's edits.
    #[ts(type = "number")]
    pub conflicts: u64,
    /// Changes pulled and stored.
    #[ts(type = "number")]
    pub received: u64,
    /// Outbox rows still waiting.
    #[ts(type = "number")]
    pub pending: u64,
    /// Access-log entries (개인정보 접근 기록) the server stored in this sync.
    #[ts(type = "number")]
    pub access_log_sent: u64,
    /// Why access-log entries did not go, in Korean (the records synced
    /// all the same); `None` when every entry reached the server.
    pub access_log_problem: Option<String>,
}

/// Sizes of one sync's requests.
#[derive(Debug, Clone, Copy)]
pub struct SyncLimits {
    pub push_batch: usize,
    pub pull_page: u32,
    /// Pull pages stored in one transaction.
    pub pull_pages_per_write: usize,
    /// Push answers taken in one transaction (and batches sent while the
    /// previous answers are taken).
    pub push_batches_per_write: usize,
    /// Access-log entries in one upload.
    pub access_log_batch: usize,
}

impl Default for SyncLimits {
    fn default() -> Self {
        SyncLimits {
            push_batch: MAX_PUSH_MUTATIONS,
            pull_page: MAX_PULL_LIMIT,
            pull_pages_per_write: 4,
            push_batches_per_write: 4,
            access_log_batch: MAX_ACCESS_LOG_ENTRIES,
        }
    }
}

/// Why a sync stopped before it was done.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Transport(#[from] TransportError),
    #[error(transparent)]
    App(#[from] AppError),
}

impl From<doyak_store::StoreError> for SyncError {
    fn from(e: doyak_store::StoreError) -> SyncError {
        SyncError::App(AppError::from(e))
    }
}

/// The caseload a sync works on. The desk's window keeps its caseload
/// behind a mutex that every screen needs, so a sync takes it only while it
/// touches the file and never while it waits for the network.
pub trait SyncTarget {
    fn with_store<T>(
        &mut self,
        f: impl FnOnce(&mut Store) -> Result<T, doyak_store::StoreError>,
    ) -> Result<T, AppError>;
}

impl SyncTarget for &mut Store {
    fn with_store<T>(
        &mut self,
        f: impl FnOnce(&mut Store) -> Result<T, doyak_store::StoreError>,
    ) -> Result<T, AppError> {
        Ok(f(self)?)
    }
}

/// The desk's shared caseload (`None` while locked).
impl SyncTarget for &std::sync::Mutex<Option<crate::Desk>> {
    fn with_store<T>(
        &mut self,
        f: impl FnOnce(&mut Store) -> Result<T, doyak_store::StoreError>,
    ) -> Result<T, AppError> {
        let mut guard = self.lock().map_err(|_| SyncFailure::Locked)?;
        let desk = guard.as_mut().ok_or(SyncFailure::Locked)?;
        Ok(f(&mut desk.store)?)
    }
}

/// Pushes the whole outbox, sends the access log, then pulls until the
/// center's log is read to its end. `progress` hears the figures after
/// every transaction (a few requests).
pub fn sync_store(
    store: &mut Store,
    transport: &mut dyn Transport,
    now: &dyn Fn() -> DateTime<Utc>,
    limits: SyncLimits,
    progress: &mut dyn FnMut(&SyncReport),
) -> Result<SyncReport, SyncError> {
    sync_target(&mut &mut *store, transport, now, limits, progress)
}

/// [`sync_store`] over any [`SyncTarget`].
///
/// Pipelined: while the caseload takes the answers to a few pushes (or
/// stores a few pull pages, in one transaction, on another thread), the
/// next batches are already on the network and the server settles them. The desk and the server then work at
/// the same time instead of in turn (measured: docs/benchmarks.md). Nothing
/// of the safety changes: a batch's rows leave the outbox only with its
/// answer, a page is stored only after the one before it (its cursor is
/// checked), and a batch sent before the answer to the one ahead was stored
/// is answered again from the server's stored results should it be resent.
pub fn sync_target<T: SyncTarget + Send>(
    target: &mut T,
    transport: &mut dyn Transport,
    now: &dyn Fn() -> DateTime<Utc>,
    limits: SyncLimits,
    progress: &mut dyn FnMut(&SyncReport),
) -> Result<SyncReport, SyncError> {
    let mut report = SyncReport::default();
    let device_id = target.with_store(|s| s.device_id())?;
    let batch = |target: &mut T, after: u64| -> Result<Option<PushRequest>, SyncError> {
        let mutations = target.with_store(|s| s.outbox_batch_after(after, limits.push_batch))?;
        Ok(fitting(mutations).map(|mutations| PushRequest {
            protocol: ProtocolVersion::CURRENT,
            device_id,
            mutations,
        }))
    };

    // Up to `push_batches_per_write` batches read from the outbox, each
    // starting after the one before it.
    let batches = |target: &mut T, mut after: u64| -> Result<Vec<PushRequest>, SyncError> {
        let mut requests = Vec::new();
        while requests.len() < limits.push_batches_per_write.max(1) {
            let Some(request) = batch(target, after)? else {
                break;
            };
            after = request.mutations.last().map_or(after, |m| m.seq);
            requests.push(request);
        }
        Ok(requests)
    };
    let mut sent = pushed(transport, batches(target, 0)?);
    while let Some((request, _)) = sent.answered.last() {
        let last = request.mutations.last().map_or(0, |m| m.seq);
        let next = if sent.stopped() {
            Vec::new()
        } else {
            batches(target, last)?
        };
        let at = now();
        let answered: Vec<(&[Mutation], &PushResponse)> = sent
            .answered
            .iter()
            .map(|(request, response)| (request.mutations.as_slice(), response))
            .collect();
        let (applied, next) = std::thread::scope(|scope| {
            let store = scope.spawn(|| {
                target.with_store(|s| {
                    let summary = s.apply_push_responses(&answered, at)?;
                    Ok((summary, s.pending_count()?))
                })
            });
            let next = (!next.is_empty()).then(|| pushed(transport, next));
            (joined(store), next)
        });
        let (summary, pending) = applied?;
        report.sent += summary.acknowledged;
        report.rejected += summary.rejected;
        report.conflicts += summary.conflicts;
        report.pending = pending;
        progress(&report);
        if sent.short {
            return Err(TransportError::Refused(ErrorBody::new(ErrorCode::ServerInternal)).into());
        }
        if let Some(e) = sent.failed {
            return Err(e.into());
        }
        let Some(next) = next else {
            break;
        };
        sent = next;
    }
    if let Some(e) = sent.failed {
        return Err(e.into());
    }

    // The access log after the records: whatever happens to it, the pull
    // below still runs (a refusal is reported, never an error).
    let access = access_log::send_access_log(target, transport, device_id, limits.access_log_batch);
    report.access_log_sent = access.stored;
    report.access_log_problem = access.problem;
    progress(&report);

    // Pages are fetched at the size a slow connection can carry, and stored
    // several to a transaction: a commit costs about as much for one page
    // as for four (docs/benchmarks.md, `--sync-parts`).
    let pages_after = |transport: &mut dyn Transport, mut cursor: ChangeVersion| {
        let mut fetched = Fetched {
            pages: Vec::new(),
            failed: None,
            more: true,
        };
        while fetched.more && fetched.pages.len() < limits.pull_pages_per_write.max(1) {
            match transport.pull(&PullRequest {
                protocol: ProtocolVersion::CURRENT,
                cursor,
                limit: limits.pull_page,
            }) {
                Ok(page) => {
                    // A server that says "more" without moving on would be
                    // asked the same page forever.
                    fetched.more = page.has_more && page.next_cursor != cursor;
                    cursor = page.next_cursor;
                    fetched.pages.push(page);
                }
                // The pages already fetched are stored before the error is
                // reported: they need not travel again.
                Err(e) => {
                    fetched.failed = Some(e);
                    fetched.more = false;
                }
            }
        }
        fetched
    };
    let mut cursor = target.with_store(|s| Ok(s.sync_state()?.cursor))?;
    let mut batch = pages_after(transport, cursor);
    while let Some(after) = batch.pages.last().map(|page| page.next_cursor) {
        let at = now();
        let (stored, next) = std::thread::scope(|scope| {
            let pages = &batch.pages;
            let store =
                scope.spawn(|| target.with_store(|s| s.apply_pull_pages(cursor, pages, at)));
            let next = batch.more.then(|| pages_after(transport, after));
            (joined(store), next)
        });
        let summary = stored?;
        report.received += summary.applied;
        progress(&report);
        let Some(next) = next else {
            break;
        };
        cursor = after;
        batch = next;
    }
    if let Some(e) = batch.failed {
        return Err(e.into());
    }
    report.pending = target.with_store(|s| s.pending_count())?;
    Ok(report)
}

/// Push batches answered for one transaction, and why the pushing stopped.
struct Pushed {
    answered: Vec<(PushRequest, PushResponse)>,
    /// The request that failed after `answered` (whose answers are stored
    /// all the same).
    failed: Option<TransportError>,
    /// The server settled less of the last batch than it was sent without
    /// refusing: it is not the server this desk knows. Its answer is taken,
    /// nothing more is sent, and the sync stops rather than resend the same
    /// batch forever.
    short: bool,
}

impl Pushed {
    fn stopped(&self) -> bool {
        self.short || self.failed.is_some()
    }
}

/// Sends `requests` in order until one fails or is answered short.
fn pushed(transport: &mut dyn Transport, requests: Vec<PushRequest>) -> Pushed {
    let mut out = Pushed {
        answered: Vec::new(),
        failed: None,
        short: false,
    };
    for request in requests {
        match transport.push(&request) {
            Ok(response) => {
                let last = request.mutations.last().map_or(0, |m| m.seq);
                out.short = response.acknowledged_seq < last;
                out.answered.push((request, response));
                if out.short {
                    break;
                }
            }
            Err(e) => {
                out.failed = Some(e);
                break;
            }
        }
    }
    out
}

/// Pull pages fetched for one transaction, and why the fetching stopped.
struct Fetched {
    pages: Vec<PullResponse>,
    /// The request that failed after `pages` (stored all the same).
    failed: Option<TransportError>,
    /// The last page said more changes follow.
    more: bool,
}

/// The caseload's work done on a helper thread; a panic there is this
/// thread's panic.
fn joined<R>(handle: std::thread::ScopedJoinHandle<'_, R>) -> R {
    handle
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// A batch cut to stay well inside the server's request size limit (never
/// below one mutation); `None` when nothing waits.
fn fitting(mut mutations: Vec<Mutation>) -> Option<Vec<Mutation>> {
    let mut bytes = 0;
    let fits = mutations
        .iter()
        .position(|m| {
            bytes += m.encoded_len().min(MAX_REQUEST_BYTES);
            bytes > MAX_REQUEST_BYTES / 2
        })
        .unwrap_or(mutations.len())
        .max(1);
    mutations.truncate(fits);
    (!mutations.is_empty()).then_some(mutations)
}
