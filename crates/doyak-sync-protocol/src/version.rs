//! Which protocol versions exist, how two peers agree on one, the limits both
//! sides enforce, and the routes the server answers.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A version of the wire format. Every request and response body names the
/// version it is written in (`"protocol": 1`), so a peer can refuse a body it
/// does not understand before trying to read the rest of it.
///
/// A version is a promise about shapes: within one version, fields may be
/// added (readers ignore fields they do not know) but never removed, renamed
/// or retyped, and closed sets (operations, outcomes) never grow. Anything
/// else is a new version, and the server keeps answering the old one until no
/// desk speaks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ProtocolVersion(pub u32);

impl ProtocolVersion {
    pub const V1: ProtocolVersion = ProtocolVersion(1);
    /// The version this build writes.
    pub const CURRENT: ProtocolVersion = ProtocolVersion::V1;
    /// Every version this build reads and answers, oldest first. The fixtures
    /// under `tests/fixtures/v{N}` hold one example of each message of each.
    pub const SUPPORTED: &'static [ProtocolVersion] = &[ProtocolVersion::V1];

    pub fn is_supported(self) -> bool {
        Self::SUPPORTED.contains(&self)
    }
}

impl fmt::Display for ProtocolVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "v{}", self.0)
    }
}

/// The newest version both peers speak, or `None` when they share none (the
/// desk then asks the counselor to update and keeps its outbox).
pub fn negotiate(ours: &[ProtocolVersion], theirs: &[ProtocolVersion]) -> Option<ProtocolVersion> {
    ours.iter().filter(|v| theirs.contains(v)).max().copied()
}

/// Most mutations in one push. Each push is one transaction with one
/// durable commit on each side; at 500 the 100k-row benchmark spent a third
/// of its time waiting on those commits (docs/benchmarks.md). 2,000 demo
/// mutations are about 3 MB, inside [`MAX_REQUEST_BYTES`]; a desk also caps a
/// batch by its encoded size.
pub const MAX_PUSH_MUTATIONS: usize = 2_000;
/// Largest request body the server reads (a push of long session notes).
pub const MAX_REQUEST_BYTES: usize = 8 * 1024 * 1024;
/// Largest single mutation once encoded. Well under [`MAX_REQUEST_BYTES`], so
/// that every mutation fits in a request on its own: a record the desk cannot
/// send would wedge its queue, so the desk refuses to save it instead.
pub const MAX_MUTATION_BYTES: usize = 256 * 1024;
/// Most changes the server returns in one pull page, whatever was asked.
pub const MAX_PULL_LIMIT: u32 = 2_000;
/// Largest response body a desk reads. The server ends a pull page early
/// (with `has_more`) rather than exceed it.
pub const MAX_RESPONSE_BYTES: usize = 16 * 1024 * 1024;

/// The limits a server applies, announced in [`ServerInfo`]. A server may be
/// stricter than the constants, never looser: the desk sizes its batches by
/// the smaller of the two.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limits {
    pub max_push_mutations: u32,
    pub max_request_bytes: u64,
    pub max_mutation_bytes: u64,
    pub max_pull_limit: u32,
}

impl Limits {
    /// The limits this build enforces.
    pub const DEFAULT: Limits = Limits {
        max_push_mutations: MAX_PUSH_MUTATIONS as u32,
        max_request_bytes: MAX_REQUEST_BYTES as u64,
        max_mutation_bytes: MAX_MUTATION_BYTES as u64,
        max_pull_limit: MAX_PULL_LIMIT,
    };
}

/// `GET` [`paths::INFO`]: how the server says which versions it speaks. Its
/// shape is frozen across protocol versions (it carries no `protocol` field):
/// it is what a desk reads *before* it knows which version to use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerInfo {
    /// Versions the server answers, oldest first.
    pub protocols: Vec<ProtocolVersion>,
    pub limits: Limits,
    /// The server build, for support conversations; never parsed.
    pub server_version: String,
}

/// The routes, relative to the server's base URL. They are not versioned:
/// the version travels in the body, so one route answers every version.
pub mod paths {
    /// `GET` → [`super::ServerInfo`]; needs no token.
    pub const INFO: &str = "/sync/info";
    /// `POST` [`crate::EnrollRequest`] → [`crate::EnrollResponse`]; needs no token.
    pub const ENROLL: &str = "/sync/enroll";
    /// `POST` [`crate::PushRequest`] → [`crate::PushResponse`].
    pub const PUSH: &str = "/sync/push";
    /// `POST` [`crate::PullRequest`] → [`crate::PullResponse`].
    pub const PULL: &str = "/sync/pull";
    /// `POST` [`crate::AccessLogRequest`] → [`crate::AccessLogResponse`].
    pub const ACCESS_LOG: &str = "/sync/access-log";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation_picks_the_newest_shared_version() {
        let v = ProtocolVersion;
        assert_eq!(negotiate(&[v(1), v(2)], &[v(1), v(2), v(3)]), Some(v(2)));
        assert_eq!(
            negotiate(&[v(1)], &[v(2)]),
            None,
            "no shared version: the desk must be updated, not guess"
        );
    }

    #[test]
    fn announced_limits_fit_each_other() {
        let l = Limits::DEFAULT;
        assert!(
            l.max_mutation_bytes * 4 <= l.max_request_bytes,
            "a single largest mutation must fit in a request with room to spare"
        );
        assert!(ProtocolVersion::SUPPORTED.contains(&ProtocolVersion::CURRENT));
    }
}
