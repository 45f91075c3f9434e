//! The rows the server keeps, independent of the database that holds them.

use chrono::{DateTime, Utc};
use doyak_sync_protocol::{HlcStamp, VersionedValue};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use uuid::Uuid;

/// One field of a shared record on the server: its value, its version, and
/// the write that produced them (needed to tell a concurrent edit from a
/// device building on its own earlier edit, and to fill conflict records).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldState {
    #[serde(rename = "v")]
    pub value: Value,
    #[serde(rename = "n")]
    pub version: u64,
    #[serde(rename = "d")]
    pub device: Uuid,
    #[serde(rename = "m")]
    pub mutation: Uuid,
    #[serde(rename = "h")]
    pub hlc: HlcStamp,
}

/// A shared record or an event, as the server holds it. The center is a
/// column of its own: it decides who may see the row.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordRow {
    pub entity: String,
    pub id: Uuid,
    pub center_id: Uuid,
    pub fields: BTreeMap<String, FieldState>,
    pub deleted: bool,
    /// What the national counts count this row as, and in which month
    /// (see [`crate::facts`]); kept by the writer with the row.
    pub fact: Option<(String, String)>,
}

impl RecordRow {
    /// The record's values only, as the desk and the domain types see them.
    pub fn values(&self) -> Map<String, Value> {
        self.fields
            .iter()
            .map(|(k, f)| (k.clone(), f.value.clone()))
            .collect()
    }

    pub fn versioned(&self) -> BTreeMap<String, VersionedValue> {
        self.fields
            .iter()
            .map(|(k, f)| {
                (
                    k.clone(),
                    VersionedValue {
                        value: f.value.clone(),
                        version: f.version,
                    },
                )
            })
            .collect()
    }
}

/// An enrolled device. `token_hash` is the SHA-256 of its token: a database
/// leak does not hand out working tokens.
#[derive(Debug, Clone, PartialEq)]
pub struct DeviceRow {
    pub device_id: Uuid,
    pub center_id: Uuid,
    pub name: String,
    pub token_hash: String,
    pub last_seq: u64,
    pub enrolled_at: DateTime<Utc>,
    pub expires_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// A center the server serves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CenterRow {
    pub center_id: Uuid,
    pub name: String,
}

/// One line of the national counts: a center, a month (`YYYY-MM`), what is
/// counted and how many.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, PartialOrd, Ord)]
pub struct CountRow {
    pub center_id: Uuid,
    pub month: String,
    pub metric: String,
    pub count: u64,
}

/// The stored form of a record's fields. Every field names the write that
/// produced it (device, mutation, clock stamp: ~130 bytes); a record's
/// fields mostly share a few writes (an insert writes all of them), so each
/// distinct write is kept once and fields point at it:
/// `{"w": [[device, mutation, stamp], …], "f": {name: [value, version, w]}}`.
/// Measured on the 100k-row demo push: 4.8 KB → about 1.2 KB per seeker.
#[derive(Deserialize)]
struct StoredFields {
    w: Vec<(Uuid, Uuid, HlcStamp)>,
    f: BTreeMap<String, (Value, u64, usize)>,
}

pub fn encode_fields(fields: &BTreeMap<String, FieldState>) -> String {
    /// The same shape as [`StoredFields`], borrowing: a push encodes every
    /// record it writes, and copying each value first was a third of the
    /// server's time (perf, 100k-row push).
    #[derive(Serialize)]
    struct Borrowed<'a> {
        w: Vec<(&'a Uuid, &'a Uuid, &'a HlcStamp)>,
        f: BTreeMap<&'a str, (&'a Value, u64, usize)>,
    }
    let mut w: Vec<(&Uuid, &Uuid, &HlcStamp)> = Vec::new();
    let mut f = BTreeMap::new();
    for (name, state) in fields {
        let i = match w
            .iter()
            .position(|(d, m, _)| **d == state.device && **m == state.mutation)
        {
            Some(i) => i,
            None => {
                w.push((&state.device, &state.mutation, &state.hlc));
                w.len() - 1
            }
        };
        f.insert(name.as_str(), (&state.value, state.version, i));
    }
    serde_json::to_string(&Borrowed { w, f }).expect("string keys and JSON values always encode")
}

/// `None` when the text is not what [`encode_fields`] writes.
pub fn decode_fields(text: &str) -> Option<BTreeMap<String, FieldState>> {
    let stored: StoredFields = serde_json::from_str(text).ok()?;
    stored
        .f
        .into_iter()
        .map(|(name, (value, version, w))| {
            let (device, mutation, hlc) = stored.w.get(w)?.clone();
            Some((
                name,
                FieldState {
                    value,
                    version,
                    device,
                    mutation,
                    hlc,
                },
            ))
        })
        .collect()
}
