//! The protocol crate's one integration test binary: round trips, pinned
//! JSON, the v1 fixtures, malformed input, validation, generated messages.

mod access_log;
mod contract;
mod fixtures;
mod malformed;
mod props;
mod roundtrip;
mod samples;
mod snapshots;
mod validate;
