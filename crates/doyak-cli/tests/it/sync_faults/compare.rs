//! Comparing what the server holds with what a desk holds.

use doyak_server::model::RecordRow;
use doyak_store::Snapshot;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// A record as both sides can show it: values, field versions, deleted.
type Held = (Map<String, Value>, BTreeMap<String, u64>, bool);

/// The server's records of a center and a desk's snapshot hold the same
/// records with the same values, versions and deletions; how many.
pub(super) fn assert_same_records(server: &[RecordRow], desk: &Snapshot) -> usize {
    let server: BTreeMap<(String, String), Held> = server
        .iter()
        .map(|r| {
            let versions = r
                .fields
                .iter()
                .map(|(k, f)| (k.clone(), f.version))
                .collect();
            (
                (r.entity.clone(), r.id.to_string()),
                (r.values(), versions, r.deleted),
            )
        })
        .collect();
    let desk: BTreeMap<(String, String), Held> = desk
        .iter()
        .map(|(k, r)| (k.clone(), (r.values.clone(), r.versions.clone(), r.deleted)))
        .collect();
    let only_server: Vec<_> = server.keys().filter(|k| !desk.contains_key(*k)).collect();
    let only_desk: Vec<_> = desk.keys().filter(|k| !server.contains_key(*k)).collect();
    assert!(
        only_server.is_empty() && only_desk.is_empty(),
        "both sides hold the same records: {} only on the server (first {:?}), {} only on the desk (first {:?})",
        only_server.len(),
        only_server.first(),
        only_desk.len(),
        only_desk.first()
    );
    let differing: Vec<_> = server
        .iter()
        .filter(|(k, held)| desk.get(*k) != Some(held))
        .map(|(k, _)| k)
        .collect();
    assert!(
        differing.is_empty(),
        "after the last sync every record has the same values, versions and deletion on both \
         sides; {} differ, first {:?}: server {:?} desk {:?}",
        differing.len(),
        differing.first(),
        differing.first().map(|k| &server[*k]),
        differing.first().map(|k| &desk[*k])
    );
    server.len()
}
