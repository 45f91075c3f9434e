//! Writing records: one transaction per [`Store::write`] call, and in it, for
//! each change, the record, its field versions, its outbox row and its audit row.

use crate::Store;
use crate::error::{Result, StoreError};
use crate::migrate::RECORD_SCHEMA;
use chrono::{DateTime, Utc};
use doyak_domain::korean::chosung_key;
use doyak_domain::record::EventRecord;
use doyak_domain::{EntityKind, Hlc, HlcStamp, Id, SharedRecord};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior};
use serde_json::{Map, Value};

/// Who is writing, for the audit log: a counselor's id, or a tool such as
/// "cli:import". Never a name or anything personal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor(pub String);

/// The time and the author of a write. The clock is read by the caller, so
/// tests can pin it.
#[derive(Debug, Clone)]
pub struct WriteContext {
    pub now: DateTime<Utc>,
    pub actor: Actor,
}

impl WriteContext {
    pub fn new(now: DateTime<Utc>, actor: impl Into<String>) -> Self {
        WriteContext {
            now,
            actor: Actor(actor.into()),
        }
    }
}

/// What an update did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UpdateOutcome {
    /// Nothing differed from what was stored; no outbox row was written.
    Unchanged,
    /// These fields changed.
    Changed(Vec<String>),
}

/// The handle passed to the closure of [`Store::write`].
pub struct Writer<'t> {
    pub(crate) tx: &'t Transaction<'t>,
    ctx: &'t WriteContext,
    center_id: Id,
    device_id: String,
    clock: Hlc,
    next_seq: i64,
    now: String,
    /// Seekers this write inserted, changed or deleted, for the name index.
    touched_seekers: Vec<Id>,
    /// Kinds of shared record this write changed, for [`Store::changes`].
    touched_kinds: Vec<EntityKind>,
    touched_events: Vec<&'static str>,
    /// Net change in live records per kind, written to `tally` at commit.
    live_delta: Vec<(EntityKind, i64)>,
    /// Outbox rows this write queued.
    queued: i64,
    /// Whether the caseload holds any destruction (read once, when needed).
    any_destruction: Option<bool>,
    /// A case file was erased: the freed bytes are zeroed after the commit.
    erased: bool,
}

impl std::fmt::Debug for Writer<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Writer")
            .field("device_id", &self.device_id)
            .field("next_seq", &self.next_seq)
            .finish()
    }
}

impl Store {
    /// Runs `f` in one immediate transaction: either every change it makes,
    /// with its outbox and audit rows, is committed, or none is.
    pub fn write<T>(
        &mut self,
        ctx: &WriteContext,
        f: impl FnOnce(&mut Writer<'_>) -> Result<T>,
    ) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (device_id, next_seq, last_hlc): (String, i64, String) = tx.query_row(
            "SELECT device_id, next_seq, last_hlc FROM device",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        let last: HlcStamp = last_hlc.parse().map_err(|_| StoreError::Corrupt {
            reason: "device.last_hlc".into(),
        })?;
        let mut writer = Writer {
            tx: &tx,
            ctx,
            center_id: self.caseload.center_id,
            device_id,
            clock: Hlc::resume(last.clone()),
            next_seq,
            now: ctx.now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            touched_seekers: Vec::new(),
            touched_kinds: Vec::new(),
            touched_events: Vec::new(),
            live_delta: Vec::new(),
            queued: 0,
            any_destruction: None,
            erased: false,
        };
        let value = f(&mut writer)?;
        // A pull observes remote stamps without queueing anything: the clock
        // must still be saved, so later local stamps follow what was seen.
        if writer.next_seq != next_seq || writer.clock.last() != &last {
            tx.execute(
                "UPDATE device SET next_seq = ?1, last_hlc = ?2",
                (writer.next_seq, writer.clock.last().to_string()),
            )?;
        }
        let deltas = writer
            .live_delta
            .iter()
            .map(|(kind, delta)| (kind.as_str(), *delta))
            .chain([("outbox", writer.queued)]);
        for (name, delta) in deltas {
            if delta != 0 {
                tx.prepare_cached("UPDATE tally SET n = n + ?1 WHERE name = ?2")?
                    .execute((delta, name))?;
            }
        }
        let mut touched = std::mem::take(&mut writer.touched_seekers);
        touched.sort_unstable();
        touched.dedup();
        crate::kpi::refresh_seekers(&tx, &touched)?;
        let kinds = std::mem::take(&mut writer.touched_kinds);
        let events = std::mem::take(&mut writer.touched_events);
        let erased = writer.erased;
        drop(writer);
        tx.commit()?;
        {
            let mut changes = self.changes.borrow_mut();
            for kind in kinds {
                *changes.entry(kind).or_default() += 1;
            }
            let mut changes = self.event_changes.borrow_mut();
            for event_type in events {
                *changes.entry(event_type).or_default() += 1;
            }
        }
        self.after_commit(&touched)?;
        // The destruction is committed: a wipe that cannot finish now is
        // left to the next open (`meta.wipe_pending`, set in the same
        // transaction), never reported as a failed destruction.
        if erased {
            let _ = self.wipe_freed();
        }
        Ok(value)
    }
}

/// The fields of a kind that are copied out of `data` into plain columns, for
/// the indexes lists filter and sort by and the seeker duplicate check reads
/// (see migrations/0001, 0002 and 0005).
fn list_columns(kind: EntityKind) -> &'static [&'static str] {
    match kind {
        EntityKind::Seeker => &[
            "status",
            "track",
            "counselor_id",
            "target_groups",
            "phone",
            "birth_date",
            "enrolled_on",
            "home_sigungu",
        ],
        EntityKind::Company => &[
            "business_number",
            "status",
            "industrial_complex",
            "sigungu",
            "focus_industries",
        ],
        EntityKind::Vacancy => &["company_id", "status", "opened_on", "headcount"],
        EntityKind::Referral => &["subject_id", "status", "referred_on", "partner_id"],
        EntityKind::Application => &["seeker_id", "vacancy_id", "status", "applied_on"],
        _ => &[],
    }
}

/// A top-level field as column text: strings as they are, null or absent as
/// NULL, anything else in its JSON form.
fn column_value(object: &Map<String, Value>, field: &str) -> Option<String> {
    match object.get(field) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(other) => Some(other.to_string()),
    }
}

fn to_object<R: serde::Serialize>(record: &R, what: &str) -> Result<Map<String, Value>> {
    match serde_json::to_value(record) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(StoreError::Corrupt {
            reason: format!("{what} is not an object"),
        }),
        Err(source) => Err(StoreError::Decode {
            what: what.to_owned(),
            source,
        }),
    }
}

pub(crate) fn decode_object(text: &str, what: &str) -> Result<Map<String, Value>> {
    serde_json::from_str(text).map_err(|source| StoreError::Decode {
        what: what.into(),
        source,
    })
}

/// A shared record's row as every path writes it: a local insert or update,
/// a pulled change, a value the server kept, a resolved conflict. The name,
/// 초성 key and list columns are always derived here from `data`, so no path
/// can leave them behind.
#[derive(Debug)]
pub(crate) struct RecordRow<'a> {
    pub kind: EntityKind,
    pub id: Id,
    pub center_id: Id,
    /// The record's `search_name()`.
    pub name: &'a str,
    pub data: &'a Map<String, Value>,
    pub versions: &'a Map<String, Value>,
}

/// A shared record as stored, deleted or not.
#[derive(Debug)]
pub(crate) struct Stored {
    pub data: Map<String, Value>,
    pub versions: Map<String, Value>,
    pub deleted: bool,
}

impl Stored {
    /// A field's version; absent means 1.
    pub fn version(&self, field: &str) -> u64 {
        self.versions
            .get(field)
            .and_then(Value::as_u64)
            .unwrap_or(1)
    }
}

impl<'t> Writer<'t> {
    pub(crate) fn tx(&self) -> &'t Transaction<'t> {
        self.tx
    }

    pub(crate) fn center(&self) -> Id {
        self.center_id
    }

    /// The write's time as stored (RFC 3339, milliseconds, UTC).
    pub(crate) fn now_text(&self) -> &str {
        &self.now
    }

    /// Who makes this write (the audit log's actor).
    pub(crate) fn actor_name(&self) -> &str {
        &self.ctx.actor.0
    }

    /// Follows a stamp seen on a pulled change, so that this device's next
    /// stamp orders after it; true when the stamp ran too far ahead of our
    /// clock and was clamped (the other device's clock is wrong).
    pub(crate) fn observe(&mut self, stamp: &HlcStamp) -> bool {
        let now = self.now_ms();
        self.clock.observe(stamp, now).clamped
    }

    /// Outbox rows the server acknowledged and this write deleted.
    /// Whether any seeker of this caseload was destroyed (see `destroy.rs`).
    pub(crate) fn any_destruction(&mut self) -> Result<bool> {
        if let Some(any) = self.any_destruction {
            return Ok(any);
        }
        let any: bool = self.tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM event INDEXED BY event_type WHERE type = 'destruction')",
            [],
            |r| r.get(0),
        )?;
        self.any_destruction = Some(any);
        Ok(any)
    }

    /// A case file is being erased in this write.
    pub(crate) fn mark_destruction(&mut self) {
        self.any_destruction = Some(true);
        self.erased = true;
    }

    pub(crate) fn dequeued(&mut self, n: i64) {
        self.queued -= n;
    }

    pub(crate) fn touched(&mut self, kind: EntityKind, id: Id) {
        if !self.touched_kinds.contains(&kind) {
            self.touched_kinds.push(kind);
        }
        if kind == EntityKind::Seeker {
            self.touched_seekers.push(id);
        }
    }

    fn count_live(&mut self, kind: EntityKind, delta: i64) {
        match self.live_delta.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, d)) => *d += delta,
            None => self.live_delta.push((kind, delta)),
        }
    }

    pub(crate) fn check_center(&self, center_id: Id) -> Result<()> {
        if center_id != self.center_id {
            return Err(StoreError::ForeignCenter);
        }
        Ok(())
    }

    fn now_ms(&self) -> u64 {
        u64::try_from(self.ctx.now.timestamp_millis()).unwrap_or(0)
    }

    /// Queues one outbox row. `resolves` is the JSON array of the conflict
    /// ids an update resolves (`[]` for every other change).
    pub(crate) fn outbox(
        &mut self,
        entity: EntityKind,
        entity_id: Id,
        op: &str,
        fields: &str,
        resolves: &str,
    ) -> Result<()> {
        let stamp = self.clock.tick(self.now_ms());
        let mutation_id = Id::from(uuid::Uuid::now_v7());
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO outbox (seq, mutation_id, device_id, entity, entity_id, op, fields, hlc, schema_version, created_at, resolves)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?;
        stmt.execute(rusqlite::params![
            self.next_seq,
            mutation_id.to_string(),
            self.device_id,
            entity.as_str(),
            entity_id.to_string(),
            op,
            fields,
            stamp.to_string(),
            RECORD_SCHEMA,
            self.now,
            resolves,
        ])?;
        self.next_seq += 1;
        self.queued += 1;
        Ok(())
    }

    /// Records who did what to which record; field names only, never values.
    pub fn audit(
        &mut self,
        action: &str,
        entity: EntityKind,
        entity_id: Option<Id>,
        detail: &str,
    ) -> Result<()> {
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        stmt.execute((
            &self.now,
            &self.ctx.actor.0,
            action,
            entity.as_str(),
            entity_id.map(|i| i.to_string()),
            detail,
        ))?;
        Ok(())
    }

    /// A shared record's stored row, deleted or not.
    pub(crate) fn stored(&self, kind: EntityKind, id: Id) -> Result<Option<Stored>> {
        let table = kind.as_str();
        let row: Option<(String, String, bool)> = self
            .tx
            .prepare_cached(&format!(
                "SELECT data, versions, deleted_at IS NOT NULL FROM {table} WHERE id = ?1"
            ))?
            .query_row([id.to_string()], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        row.map(|(data, versions, deleted)| {
            Ok(Stored {
                data: decode_object(&data, table)?,
                versions: decode_object(&versions, "versions")?,
                deleted,
            })
        })
        .transpose()
    }

    /// Writes a new row and counts it live. Returns `data` as stored, for
    /// the outbox. An id already present (live or deleted) is `DuplicateId`.
    pub(crate) fn insert_row(&mut self, row: &RecordRow<'_>) -> Result<String> {
        let kind = row.kind;
        let columns = list_columns(kind);
        let listed: Vec<Option<String>> =
            columns.iter().map(|c| column_value(row.data, c)).collect();
        let extra_names: String = columns.iter().map(|c| format!(", {c}")).collect();
        let extra_params: String = (0..columns.len())
            .map(|i| format!(", ?{}", i + 8))
            .collect();
        let sql = format!(
            "INSERT INTO {} (id, center_id, name, search_key, data, versions, created_at, updated_at{extra_names})
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7{extra_params})",
            kind.as_str()
        );
        let (id_text, center_text, key) = (
            row.id.to_string(),
            row.center_id.to_string(),
            chosung_key(row.name),
        );
        let data = map_text(row.data, "data")?;
        let versions = map_text(row.versions, "versions")?;
        let mut params: Vec<&dyn rusqlite::ToSql> = vec![
            &id_text,
            &center_text,
            &row.name,
            &key,
            &data,
            &versions,
            &self.now,
        ];
        params.extend(listed.iter().map(|v| v as &dyn rusqlite::ToSql));
        let inserted = self.tx.prepare_cached(&sql)?.execute(params.as_slice());
        match inserted {
            Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation) => {
                return Err(StoreError::DuplicateId {
                    kind: kind.label_ko(),
                    id: id_text,
                });
            }
            other => {
                other?;
            }
        }
        self.count_live(kind, 1);
        self.touched(kind, row.id);
        Ok(data)
    }

    /// Rewrites an existing row (live or deleted) from `data` and `versions`.
    pub(crate) fn update_row(&mut self, row: &RecordRow<'_>) -> Result<()> {
        let kind = row.kind;
        let columns = list_columns(kind);
        let listed: Vec<Option<String>> =
            columns.iter().map(|c| column_value(row.data, c)).collect();
        let sets: String = columns
            .iter()
            .enumerate()
            .map(|(i, c)| format!(", {c} = ?{}", i + 7))
            .collect();
        let (id_text, data, versions, key) = (
            row.id.to_string(),
            map_text(row.data, "data")?,
            map_text(row.versions, "versions")?,
            chosung_key(row.name),
        );
        let mut params: Vec<&dyn rusqlite::ToSql> =
            vec![&id_text, &data, &versions, &row.name, &key, &self.now];
        params.extend(listed.iter().map(|v| v as &dyn rusqlite::ToSql));
        self.tx
            .prepare_cached(&format!(
                "UPDATE {} SET data = ?2, versions = ?3, name = ?4, search_key = ?5, updated_at = ?6{sets} WHERE id = ?1",
                kind.as_str()
            ))?
            .execute(params.as_slice())?;
        self.touched(kind, row.id);
        Ok(())
    }

    /// Stores new field versions only: sync bookkeeping, which neither
    /// changes what a list shows nor moves the record up the list.
    pub(crate) fn set_versions(
        &mut self,
        kind: EntityKind,
        id: Id,
        versions: &Map<String, Value>,
    ) -> Result<()> {
        self.tx
            .prepare_cached(&format!(
                "UPDATE {} SET versions = ?2 WHERE id = ?1",
                kind.as_str()
            ))?
            .execute((id.to_string(), map_text(versions, "versions")?))?;
        Ok(())
    }

    /// Marks a live record of this center deleted; false when there was none.
    pub(crate) fn soft_delete(&mut self, kind: EntityKind, id: Id) -> Result<bool> {
        let n = self
            .tx
            .prepare_cached(&format!(
                "UPDATE {} SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1 AND center_id = ?3 AND deleted_at IS NULL",
                kind.as_str()
            ))?
            .execute((id.to_string(), &self.now, self.center_id.to_string()))?;
        if n > 0 {
            self.count_live(kind, -1);
            self.touched(kind, id);
        }
        Ok(n > 0)
    }

    /// Stores a new shared record; every field starts at version 1.
    pub fn insert<R: SharedRecord>(&mut self, record: &R) -> Result<()> {
        self.check_center(record.center_id())?;
        let kind = R::KIND;
        let id = record.id();
        let object = to_object(record, kind.as_str())?;
        self.refuse_destroyed_owner(&object)?;
        let data = self.insert_row(&RecordRow {
            kind,
            id,
            center_id: record.center_id(),
            name: record.search_name(),
            data: &object,
            versions: &Map::new(),
        })?;
        self.outbox(kind, id, "insert", &data, "[]")?;
        self.audit("create", kind, Some(id), "")?;
        Ok(())
    }

    /// Saves a changed shared record: only fields whose value differs are
    /// written, each one's version goes up by one, and the outbox row carries
    /// the version each change was based on.
    pub fn update<R: SharedRecord>(&mut self, record: &R) -> Result<UpdateOutcome> {
        self.check_center(record.center_id())?;
        let kind = R::KIND;
        let id = record.id();
        self.refuse_destroyed(id)?;
        let Some(stored) = self.stored(kind, id)?.filter(|s| !s.deleted) else {
            return Err(StoreError::RecordNotFound {
                kind: kind.label_ko(),
                id: id.to_string(),
            });
        };
        let new = to_object(record, kind.as_str())?;
        let mut versions = stored.versions.clone();
        let mut changes = Map::new();
        for (field, value) in &new {
            if stored.data.get(field) != Some(value) {
                let base = stored.version(field);
                changes.insert(
                    field.clone(),
                    serde_json::json!({ "value": value, "base": base }),
                );
                versions.insert(field.clone(), Value::from(base + 1));
            }
        }
        if changes.is_empty() {
            return Ok(UpdateOutcome::Unchanged);
        }
        let changed: Vec<String> = changes.keys().cloned().collect();
        self.update_row(&RecordRow {
            kind,
            id,
            center_id: record.center_id(),
            name: record.search_name(),
            data: &new,
            versions: &versions,
        })?;
        self.outbox(
            kind,
            id,
            "update",
            &Value::Object(changes).to_string(),
            "[]",
        )?;
        self.audit("update", kind, Some(id), &changed.join(","))?;
        Ok(UpdateOutcome::Changed(changed))
    }

    /// Marks a shared record deleted. The row stays (soft delete) so that sync
    /// can tell other devices, and so nothing is lost by a slip of the hand.
    pub fn delete<R: SharedRecord>(&mut self, id: Id) -> Result<()> {
        let kind = R::KIND;
        self.refuse_destroyed(id)?;
        if !self.soft_delete(kind, id)? {
            return Err(StoreError::RecordNotFound {
                kind: kind.label_ko(),
                id: id.to_string(),
            });
        }
        self.outbox(kind, id, "delete", "{}", "[]")?;
        self.audit("delete", kind, Some(id), "")?;
        Ok(())
    }

    /// Appends an event (a session note, a placement…). Events are never
    /// changed afterwards.
    pub fn append<E: EventRecord>(&mut self, event: &E) -> Result<()> {
        self.check_center(event.center_id())?;
        self.refuse_destroyed(event.subject_id())?;
        let id = event.id();
        let data = serde_json::to_string(event).map_err(|source| StoreError::Decode {
            what: "event".into(),
            source,
        })?;
        if !self.store_event(event, &data, true)? {
            return Err(StoreError::DuplicateId {
                kind: "기록",
                id: id.to_string(),
            });
        }
        self.outbox(EntityKind::Event, id, "append", &data, "[]")?;
        self.audit("create", EntityKind::Event, Some(id), event.event_type())?;
        Ok(())
    }

    /// Stores an event and keeps the tables derived from events (follow-ups,
    /// retention checks) in step; false, and nothing written, when an event
    /// with this id is already stored. A local append and a pulled one both
    /// come through here, so 오늘 할 일 cannot tell them apart. An event about
    /// a destroyed person (pulled late, scrubbed) is stored with `to_do`
    /// false: it counts in 성과 but puts nothing on 오늘 할 일's lists, where
    /// it would be a "(파기됨)" row nobody can act on.
    pub(crate) fn store_event<E: EventRecord>(
        &mut self,
        event: &E,
        data: &str,
        to_do: bool,
    ) -> Result<bool> {
        let id = event.id();
        let inserted = self
            .tx
            .prepare_cached(
                "INSERT INTO event (id, center_id, subject_id, type, occurred_on, supersedes, data, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (id) DO NOTHING",
            )?
            .execute((
                id.to_string(),
                event.center_id().to_string(),
                event.subject_id().to_string(),
                event.event_type(),
                event.occurred_on().to_string(),
                event.supersedes().map(|s| s.to_string()),
                data,
                &self.now,
            ))?;
        if inserted == 0 {
            return Ok(false);
        }
        crate::kpi::store_fact(self.tx, event.event_type(), id, event.subject_id())?;
        // What was derived from events (성과's facts) is stale now.
        self.touched(EntityKind::Event, id);
        if !self.touched_events.contains(&event.event_type()) {
            self.touched_events.push(event.event_type());
        }
        if !to_do {
            return Ok(true);
        }
        if let Some(next_on) = event.follow_up() {
            // Only a session at least as recent as the one recorded moves the
            // follow-up: a late-typed old session must not.
            self.tx
                .prepare_cached(
                    "INSERT INTO followup (subject_id, last_session_on, next_on) VALUES (?1, ?2, ?3)
                     ON CONFLICT (subject_id) DO UPDATE
                        SET last_session_on = excluded.last_session_on, next_on = excluded.next_on
                        WHERE excluded.last_session_on >= followup.last_session_on",
                )?
                .execute((
                    event.subject_id().to_string(),
                    event.occurred_on().to_string(),
                    next_on.map(|d| d.to_string()),
                ))?;
        }
        if let Some(employer) = event.placement_employer() {
            // A check that arrived first (sync can reorder) already counts.
            let done: String = self
                .tx
                .prepare_cached(
                    "SELECT coalesce(group_concat(json_extract(data, '$.body.months'), ','), '')
                       FROM event INDEXED BY event_subject
                      WHERE subject_id = ?1 AND type = 'retention_check'",
                )?
                .query_row([id.to_string()], |r| r.get(0))?;
            self.tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO retention (placement_id, seeker_id, employer, placed_on, done)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )?
                .execute((
                    id.to_string(),
                    event.subject_id().to_string(),
                    employer,
                    event.occurred_on().to_string(),
                    format!(",{done},"),
                ))?;
        }
        if let Some(pending) = event.iap_pending() {
            // A new version of an activity replaces the old one's place; a
            // version synced before the one it replaced (pulls can reorder)
            // has already left the older one out, and the older one must not
            // come back: it is pending only if nothing supersedes it.
            if let Some(old) = event.supersedes() {
                self.tx
                    .prepare_cached("DELETE FROM iap_pending WHERE activity_id = ?1")?
                    .execute([old.to_string()])?;
            }
            if let Some(month) = pending {
                self.tx
                    .prepare_cached(
                        "INSERT OR IGNORE INTO iap_pending (activity_id, subject_id, month)
                         SELECT ?1, ?2, ?3
                          WHERE NOT EXISTS (SELECT 1 FROM event INDEXED BY event_subject
                                             WHERE subject_id = ?2 AND supersedes = ?1)",
                    )?
                    .execute((id.to_string(), event.subject_id().to_string(), month))?;
            }
        }
        if let Some(pending) = event.action_pending() {
            // As for IAP activities above: a new version takes the old one's
            // place, and a version pulled before the one it replaced must
            // not bring that one back.
            if let Some(old) = event.supersedes() {
                self.tx
                    .prepare_cached("DELETE FROM action_pending WHERE action_id = ?1")?
                    .execute([old.to_string()])?;
            }
            if let Some(due_on) = pending {
                self.tx
                    .prepare_cached(
                        "INSERT OR IGNORE INTO action_pending (action_id, subject_id, due_on)
                         SELECT ?1, ?2, ?3
                          WHERE NOT EXISTS (SELECT 1 FROM event INDEXED BY event_subject
                                             WHERE subject_id = ?2 AND supersedes = ?1)",
                    )?
                    .execute((
                        id.to_string(),
                        event.subject_id().to_string(),
                        due_on.to_string(),
                    ))?;
            }
        }
        if let Some(months) = event.retention_months() {
            self.tx
                .prepare_cached(
                    "UPDATE retention SET done = done || ?2 || ',' WHERE placement_id = ?1",
                )?
                .execute((event.subject_id().to_string(), months))?;
        }
        Ok(true)
    }
}

/// A record's map as the compact JSON text the store keeps (what
/// `Value::Object(map).to_string()` writes), without copying the map first:
/// a pulled page of 2,000 changes copied every record twice.
pub(crate) fn map_text(map: &Map<String, Value>, what: &str) -> Result<String> {
    serde_json::to_string(map).map_err(|source| StoreError::Decode {
        what: what.into(),
        source,
    })
}
