//! The rows the server keeps, independent of the database that holds them.

use chrono::{DateTime, Utc};
use doyak_sync_protocol::{
    Change, ChangeBody, ChangeVersion, EntityKind, HlcStamp, VersionedValue,
};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::sync::Arc;
use uuid::Uuid;

/// One field of a shared record on the server: its value, its version, and
/// the write that produced them (needed to tell a concurrent edit from a
/// device building on its own earlier edit, and to fill conflict records).
/// The fields one write produced share its clock stamp (`Arc`): an insert
/// writes every field, and a stamp apiece was an allocation per field.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldState {
    pub value: Value,
    pub version: u64,
    pub device: Uuid,
    pub mutation: Uuid,
    pub hlc: Arc<HlcStamp>,
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

/// A center's national figure totals as kept (see `crate::kept`): each
/// month's totals as JSON, computed at the center's change-log version on a
/// day (in Korea).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptFiguresRow {
    pub center_id: Uuid,
    pub change_version: u64,
    pub today: chrono::NaiveDate,
    pub months: String,
}

/// A center the server serves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CenterRow {
    pub center_id: Uuid,
    pub name: String,
    /// The office the center reports to, as the administrator names it
    /// (`doyak-server center --region`); a regional viewer reads the
    /// centers of its region. `None`: in no region (national viewers only).
    pub region: Option<String>,
}

/// What a viewer's token lets it read: aggregates of one region's centers
/// or of every center, never a record; or, for one center's administrator,
/// that center's aggregates and its access log (개인정보 접근 기록).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ViewerScope {
    National,
    Region(String),
    Center(Uuid),
}

/// A person or office allowed to read the national figures, issued by the
/// server's administrator (`doyak-server viewer`). Like a device, only the
/// SHA-256 of its token is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewerRow {
    pub viewer_id: Uuid,
    /// Who holds it ("고용노동부 고용서비스정책과"), as the administrator typed it.
    pub name: String,
    pub scope: ViewerScope,
    pub token_hash: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// A seeker moved from one center to another by the server's administrator
/// (`doyak-server transfer`): the seeker record and its case file (the
/// events about the seeker) now belong to `to_center`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransferRow {
    pub transfer_id: Uuid,
    pub seeker_id: Uuid,
    pub from_center: Uuid,
    pub to_center: Uuid,
    pub at: DateTime<Utc>,
    /// How many events (session notes, diagnoses, placements…) moved along.
    pub events: u64,
    /// Why, as the administrator typed it (a reference, never a name).
    pub reason: String,
}

/// One record of a destroyed seeker's case file (개인정보 파기, see
/// `crate::destroy`): a later change naming it is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DestroyedRow {
    pub entity: String,
    pub entity_id: Uuid,
    pub center_id: Uuid,
    /// The destruction event that destroyed it; for a new record refused
    /// because it hung off a destroyed one, the refused mutation.
    pub destruction_id: Uuid,
    pub at: DateTime<Utc>,
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
    use serde::ser::{SerializeMap, SerializeStruct};
    /// The same shape as [`StoredFields`], written straight from the row: a
    /// push encodes every record it writes, and copying each value first was
    /// a third of the server's time (perf, 100k-row push); building a map of
    /// references first was another tenth.
    struct Writes<'a>(&'a [&'a FieldState]);
    impl Serialize for Writes<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.0.iter().map(|f| (&f.device, &f.mutation, &*f.hlc)))
        }
    }
    struct Fields<'a>(&'a BTreeMap<String, FieldState>, &'a [usize]);
    impl Serialize for Fields<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut map = s.serialize_map(Some(self.0.len()))?;
            for ((name, state), w) in self.0.iter().zip(self.1) {
                map.serialize_entry(name, &(&state.value, state.version, w))?;
            }
            map.end()
        }
    }
    struct Stored<'a>(Writes<'a>, Fields<'a>);
    impl Serialize for Stored<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut st = s.serialize_struct("StoredFields", 2)?;
            st.serialize_field("w", &self.0)?;
            st.serialize_field("f", &self.1)?;
            st.end()
        }
    }
    // Each distinct write once, in first-seen order; each field its index.
    let mut writes: Vec<&FieldState> = Vec::new();
    let mut index = Vec::with_capacity(fields.len());
    for state in fields.values() {
        let i = match writes
            .iter()
            .position(|w| w.device == state.device && w.mutation == state.mutation)
        {
            Some(i) => i,
            None => {
                writes.push(state);
                writes.len() - 1
            }
        };
        index.push(i);
    }
    serde_json::to_string(&Stored(Writes(&writes), Fields(fields, &index)))
        .expect("string keys and JSON values always encode")
}

/// `None` when the text is not what [`encode_fields`] writes.
pub fn decode_fields(text: &str) -> Option<BTreeMap<String, FieldState>> {
    let stored: StoredFields = serde_json::from_str(text).ok()?;
    let writes: Vec<(Uuid, Uuid, Arc<HlcStamp>)> = stored
        .w
        .into_iter()
        .map(|(d, m, h)| (d, m, Arc::new(h)))
        .collect();
    stored
        .f
        .into_iter()
        .map(|(name, (value, version, w))| {
            let (device, mutation, hlc) = writes.get(w)?.clone();
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

/// The change-log entry of an appended event, rebuilt from the event's
/// stored fields (the log keeps only a reference, see
/// [`crate::merge::LogAs::Event`]): one append wrote every field, so the
/// row's single write names the mutation, its device and its clock stamp.
/// `None` when the text is not an event's stored row.
pub fn event_change(version: u64, id: Uuid, fields: &str) -> Option<Change> {
    let stored: StoredFields = serde_json::from_str(fields).ok()?;
    let [(device, mutation, hlc)] = <[_; 1]>::try_from(stored.w).ok()?;
    let record = stored
        .f
        .into_iter()
        .map(|(name, (value, version, w))| (version == 1 && w == 0).then_some((name, value)))
        .collect::<Option<Map<String, Value>>>()?;
    Some(Change {
        version: ChangeVersion(version),
        entity: EntityKind::Event,
        entity_id: id,
        mutation_id: mutation,
        author_device: device,
        hlc,
        body: ChangeBody::Append { record },
    })
}

/// One access-log entry as the server keeps it (see `crate::access_log`):
/// the desk's entry, the device that uploaded it and when it arrived.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccessLogRow {
    pub center_id: Uuid,
    /// The uploading device (the token's).
    pub device_id: Uuid,
    pub seq: u64,
    pub at: String,
    /// The device id written in the entry (an earlier identity of the same
    /// caseload, after it enrolled again).
    pub entry_device: String,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<String>,
    pub detail: String,
    pub prev_hash: String,
    pub hash: String,
    pub received_at: String,
}

impl AccessLogRow {
    /// The entry as the desk wrote it, to hash again.
    pub fn entry(&self) -> doyak_sync_protocol::AccessLogEntry {
        doyak_sync_protocol::AccessLogEntry {
            seq: self.seq,
            at: self.at.clone(),
            device_id: self.entry_device.clone(),
            actor: self.actor.clone(),
            action: self.action.clone(),
            entity: self.entity.clone(),
            entity_id: self.entity_id.clone(),
            detail: self.detail.clone(),
            prev_hash: self.prev_hash.clone(),
            hash: self.hash.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn state(value: Value, version: u64, write: u128) -> FieldState {
        FieldState {
            value,
            version,
            device: Uuid::from_u128(0xd0),
            mutation: Uuid::from_u128(write),
            hlc: Arc::new(HlcStamp {
                wall_ms: 1_700_000_000_000,
                counter: write as u32,
                device: Uuid::from_u128(0xd0).to_string(),
            }),
        }
    }

    /// Rows stored by earlier servers must still read: the text is pinned,
    /// each write kept once (`w`), fields pointing at it by position.
    #[test]
    fn fields_encode_to_the_stored_form_and_back() {
        let fields: BTreeMap<String, FieldState> = [
            ("a".to_owned(), state(json!("가"), 1, 1)),
            ("b".to_owned(), state(json!([1, null]), 2, 2)),
            ("c".to_owned(), state(json!({"x": true}), 1, 1)),
        ]
        .into_iter()
        .collect();
        let text = encode_fields(&fields);
        let d = "00000000-0000-0000-0000-0000000000d0";
        let expected = format!(
            r#"{{"w":[["{d}","00000000-0000-0000-0000-000000000001","001700000000000-00000001-{d}"],["{d}","00000000-0000-0000-0000-000000000002","001700000000000-00000002-{d}"]],"f":{{"a":["가",1,0],"b":[[1,null],2,1],"c":[{{"x":true}},1,0]}}}}"#
        );
        assert_eq!(text, expected);
        assert_eq!(decode_fields(&text), Some(fields));
        assert_eq!(
            decode_fields(r#"{"w":[],"f":{"a":[1,1,0]}}"#),
            None,
            "a write index past the list"
        );
    }

    /// An event's change comes back from its row only when the row is what
    /// one append writes: a single write, every field at version 1.
    #[test]
    fn an_event_change_is_rebuilt_only_from_a_single_append() {
        let append: BTreeMap<String, FieldState> = [
            ("id".to_owned(), state(json!("e"), 1, 7)),
            ("memo".to_owned(), state(json!("상담 \"메모\""), 1, 7)),
        ]
        .into_iter()
        .collect();
        let change = event_change(42, Uuid::from_u128(0xe), &encode_fields(&append))
            .expect("an appended event");
        assert_eq!(change.version, ChangeVersion(42));
        assert_eq!(change.entity, EntityKind::Event);
        assert_eq!(change.entity_id, Uuid::from_u128(0xe));
        assert_eq!(change.mutation_id, Uuid::from_u128(7));
        assert_eq!(change.author_device, Uuid::from_u128(0xd0));
        assert_eq!(change.hlc, *append["id"].hlc);
        let record: Map<String, Value> = append
            .iter()
            .map(|(k, f)| (k.clone(), f.value.clone()))
            .collect();
        assert_eq!(change.body, ChangeBody::Append { record });

        let mut edited = append.clone();
        edited.insert("memo".to_owned(), state(json!("고침"), 2, 8));
        assert_eq!(
            event_change(1, Uuid::nil(), &encode_fields(&edited)),
            None,
            "two writes"
        );
        let mut bumped = append;
        bumped.insert("memo".to_owned(), state(json!("고침"), 2, 7));
        assert_eq!(
            event_change(1, Uuid::nil(), &encode_fields(&bumped)),
            None,
            "version 2"
        );
        assert_eq!(event_change(1, Uuid::nil(), "{}"), None, "not a stored row");
    }
}
