//! Doyak's sync wire format: the contract between the desk and the server,
//! and the only code they share. Pure: types, limits, encoding and
//! validation; no IO, no clock, no randomness (callers pass random bytes).
//!
//! # Messages
//!
//! | route | request | response |
//! |---|---|---|
//! | `GET /sync/info` | — | [`ServerInfo`] |
//! | `POST /sync/enroll` | [`EnrollRequest`] | [`EnrollResponse`] |
//! | `POST /sync/push` | [`PushRequest`] | [`PushResponse`] |
//! | `POST /sync/pull` | [`PullRequest`] | [`PullResponse`] |
//! | `POST /sync/access-log` | [`AccessLogRequest`] | [`AccessLogResponse`] |
//!
//! Any failed request answers [`ErrorBody`] `{ code, message, … }`: a stable
//! [`ErrorCode`] to switch on and a Korean message a counselor can act on.
//!
//! # Versions
//!
//! Every versioned body carries `"protocol": N`. [`decode`] checks size,
//! then the version, then the shape, so a body in an unknown version gets
//! `protocol.unsupported_version` (listing the versions spoken) rather than
//! a confusing parse error. A desk learns the server's versions from
//! [`ServerInfo`] and picks one with [`negotiate`]. [`ServerInfo`] and
//! [`ErrorBody`] have one frozen shape for all versions: they are what two
//! peers read before they agree on one.
//!
//! Within a version, fields may be added (every reader ignores unknown
//! fields; new optional fields default) but not removed or retyped. Closed
//! sets whose meaning a peer must understand to act safely ([`Op`],
//! [`Outcome`], [`ChangeBody`]) only change with a new version. Open sets
//! that a peer can carry without understanding them ([`EntityKind`],
//! [`ErrorCode`]) have an `Unknown` variant instead: a desk one release
//! behind still reads a pull page that holds a new record kind, and still
//! shows the message of an error code it has never seen. The JSON fixtures
//! in `tests/fixtures/v1` are the promise: every later build must decode
//! them.
//!
//! # Why this crate does not depend on `doyak-domain`
//!
//! The wire format must change only when someone changes this crate on
//! purpose. Were mutations typed with domain records, renaming a field or a
//! variant in the domain would silently change the JSON a released desk
//! exchanges with the server. So records travel as JSON objects of fields
//! (the same objects the store keeps in `data`), ids as UUIDs, clock stamps
//! in the store's text form, entity kinds as their table names. The desk and
//! the server convert at their edges; a contract test (a dev-dependency
//! only) checks that every domain entity kind and stamp is accepted here.
//!
//! # Guarantees the two sides build on
//!
//! - A push is idempotent per (device, sequence number): a replay answers
//!   the stored outcome with `duplicate: true`, and applies nothing twice.
//! - **A rejection never wedges the queue.** A mutation the server refuses
//!   for good is still acknowledged ([`PushResponse::acknowledged_seq`]);
//!   the desk drops it from the outbox and shows the counselor the
//!   [`Rejection`]. Only problems that a later attempt can fix (too large,
//!   sequence gap, server too old, auth) fail the whole request, and those
//!   never drop anything from the outbox.
//! - A concurrent edit of one field is applied in arrival order and both
//!   values are kept in a [`ConflictRecord`], delivered to the author in the
//!   push response and to every device in pulls. A resolution is an ordinary
//!   update that names the conflicts it [`resolves`](Mutation::resolves).
//! - The center is never in a body: it is the token's.
//! - Secrets ([`DeviceToken`], [`EnrollmentCode`]) never show in `Debug`, and
//!   decode errors never quote values ([`ProtocolError::Malformed`]).

mod access_log;
mod body;
mod codec;
mod conflict;
mod enroll;
mod error;
mod pull;
mod push;
mod tagged;
mod version;
mod wire;

pub use access_log::{
    ACCESS_LOG_GENESIS, AccessLogEntry, AccessLogRequest, AccessLogResponse,
    MAX_ACCESS_LOG_ENTRIES, MAX_ACCESS_TEXT_BYTES,
};
pub use body::{ErrorBody, ErrorCode};
pub use codec::{Message, decode, encode, peek_version};
pub use conflict::{ConflictRecord, ConflictResolution, ConflictSide};
pub use enroll::{DeviceToken, EnrollRequest, EnrollResponse, EnrollmentCode};
pub use error::ProtocolError;
pub use pull::{Change, ChangeBody, PullRequest, PullResponse};
pub use push::{
    Applied, FieldEdit, Mutation, MutationResult, Op, Outcome, PushRequest, PushResponse,
    Rejection, VersionedValue,
};
pub use version::{
    Limits, MAX_MUTATION_BYTES, MAX_PULL_LIMIT, MAX_PUSH_MUTATIONS, MAX_REQUEST_BYTES,
    MAX_RESPONSE_BYTES, ProtocolVersion, ServerInfo, negotiate, paths,
};
pub use wire::{ChangeVersion, EntityKind, HlcStamp, UnknownName};
