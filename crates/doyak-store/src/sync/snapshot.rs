//! Everything sync must make equal on every desk and the server, in one
//! comparable value: the simulation and the fault tests check convergence
//! with it. Reads the whole caseload; not for the desk's screens.

use crate::Store;
use crate::error::{Result, StoreError};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// A record as sync sees it: values, the version of every field (a field
/// the desk never versioned is at 1), and whether it is deleted.
#[derive(Debug, Clone, PartialEq)]
pub struct SnapshotRecord {
    pub values: Map<String, Value>,
    pub versions: BTreeMap<String, u64>,
    pub deleted: bool,
}

/// Every shared record and event by (kind, id).
pub type Snapshot = BTreeMap<(String, String), SnapshotRecord>;

const SHARED: [&str; 8] = [
    "center",
    "counselor",
    "partner",
    "seeker",
    "company",
    "vacancy",
    "referral",
    "application",
];

fn object(text: &str, what: &str) -> Result<Map<String, Value>> {
    serde_json::from_str(text).map_err(|source| StoreError::Decode {
        what: what.into(),
        source,
    })
}

impl Store {
    /// The caseload's records for a convergence check. Centers are left
    /// out: the desk's own center row is made locally when the file is
    /// created, never synced.
    pub fn sync_snapshot(&self) -> Result<Snapshot> {
        let mut all = Snapshot::new();
        for table in SHARED.iter().filter(|t| **t != "center") {
            let mut stmt = self.conn.prepare(&format!(
                "SELECT id, data, versions, deleted_at IS NOT NULL FROM {table}"
            ))?;
            let rows = stmt.query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, bool>(3)?,
                ))
            })?;
            for row in rows {
                let (id, data, versions, deleted) = row?;
                let values = object(&data, table)?;
                let stored = object(&versions, "versions")?;
                let versions = values
                    .keys()
                    .map(|k| {
                        (
                            k.clone(),
                            stored.get(k).and_then(Value::as_u64).unwrap_or(1),
                        )
                    })
                    .collect();
                all.insert(
                    ((*table).to_owned(), id),
                    SnapshotRecord {
                        values,
                        versions,
                        deleted,
                    },
                );
            }
        }
        let mut stmt = self.conn.prepare("SELECT id, data FROM event")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (id, data) = row?;
            let values = object(&data, "event")?;
            let versions = values.keys().map(|k| (k.clone(), 1)).collect();
            all.insert(
                ("event".to_owned(), id),
                SnapshotRecord {
                    values,
                    versions,
                    deleted: false,
                },
            );
        }
        Ok(all)
    }
}
