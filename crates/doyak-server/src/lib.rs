#![recursion_limit = "512"]
//! Doyak's central sync server.
//!
//! Desks push their outbox here and pull their center's changes back
//! (protocol: `doyak-sync-protocol`). The server is the authority: it applies
//! each device's mutations in sequence order, exactly once, merges shared
//! records field by field and keeps both values of a concurrent edit as a
//! conflict record (see [`merge`]); every change goes into its center's
//! change log, which desks read from a cursor.
//!
//! Layers: [`merge`] and [`records`] are pure; [`service`] runs them inside
//! one storage transaction per request; [`storage`] is PostgreSQL or an
//! embedded SQLite file behind one trait; [`http`] is the axum front.

pub mod access_log;
mod destroy;
pub mod error;
pub mod figures;
pub mod http;
pub mod kept;
pub mod limit;
pub mod merge;
pub mod model;
pub mod national;
pub mod openapi;
mod push;
pub mod records;
pub mod service;
pub mod storage;
pub mod transfer;
pub mod viewer;

pub use error::{ApiError, RootCertProblem, StorageError, TlsRefusal};
pub use service::{ServiceConfig, SyncService, hash_secret};
pub use storage::{PostgresStorage, SqliteStorage, Storage};
pub use transfer::TransferError;
