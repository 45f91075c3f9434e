//! What pull pages do to the caseload: each change in log order, then the
//! cursor, in one transaction. See the rules in the parent module.

use super::{SYNC_ACTOR, domain_kind, pending_edits, read_shared, upsert_conflict};
use crate::Store;
use crate::error::{Result, StoreError};
use crate::write::{RecordRow, WriteContext, Writer, map_text};
use chrono::{DateTime, Utc};
use doyak_domain::{CaseEvent, EntityKind, Id};
use doyak_sync_protocol as wire;
use doyak_sync_protocol::{
    Change, ChangeBody, ChangeVersion, ProtocolError, PullResponse, VersionedValue,
};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// What applying a pull page did. Every change counts once, in `applied`,
/// `unchanged`, `conflicts`, `skipped` or `foreign`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PullSummary {
    /// Changes that changed a record (its values or versions) or stored an event.
    pub applied: u64,
    /// Changes with nothing new: this desk's own changes coming back, a
    /// change delivered again, an older version, a delete of a deleted
    /// record, an event already stored.
    pub unchanged: u64,
    /// Conflict records stored or brought up to date.
    pub conflicts: u64,
    /// Changes this build cannot apply (a kind it does not know, a record
    /// its types cannot read, an update of a record it does not hold), held
    /// in `sync_held` for a later release.
    pub skipped: u64,
    /// Changes about another center's records: never stored anywhere.
    pub foreign: u64,
    /// Pulled fields not taken because an unsent local edit of the same
    /// field waits in the outbox (counted per field, beside the above).
    pub kept_local: u64,
    /// Clock stamps so far ahead of this desk's clock that they were
    /// clamped: some device's clock is wrong.
    pub clamped_stamps: u64,
    /// The cursor stored with the page.
    pub cursor: ChangeVersion,
}

/// What one change did.
enum Pulled {
    Applied,
    Unchanged,
    Conflict,
    Foreign,
    /// Kept in `sync_held` with this reason.
    Held(&'static str),
}

impl Store {
    /// Applies a pull page asked for from `cursor`, then stores
    /// `page.next_cursor`, in one transaction: [`Store::apply_pull_pages`]
    /// with one page.
    pub fn apply_pull_page(
        &mut self,
        cursor: ChangeVersion,
        page: &PullResponse,
        now: DateTime<Utc>,
    ) -> Result<PullSummary> {
        self.apply_pull_pages(cursor, std::slice::from_ref(page), now)
    }

    /// Applies consecutive pull pages, the first asked for from `cursor` and
    /// each next one from the page before it, then stores the last page's
    /// `next_cursor`, all in one transaction. Several pages per transaction
    /// is what makes a first sync fast: the commit and the log checkpoint
    /// behind it cost about as much for 2,000 changes as for 8,000.
    ///
    /// A page that fails [`PullResponse::validate`], a page not asked for
    /// from the position the one before it ended at, or a first page asked
    /// for from another position than the stored cursor (a page applied
    /// twice, two pulls at once), is refused with nothing changed: applying
    /// it could skip changes or store a cursor ahead of the data. Pulled
    /// changes queue nothing in the outbox and are not audited as a
    /// counselor's.
    pub fn apply_pull_pages(
        &mut self,
        cursor: ChangeVersion,
        pages: &[PullResponse],
        now: DateTime<Utc>,
    ) -> Result<PullSummary> {
        let mut next = cursor;
        for page in pages {
            if let Some(problem) = page.validate(next).into_iter().next() {
                return Err(StoreError::SyncPageInvalid { problem });
            }
            next = page.next_cursor;
        }
        // SQLite integers are signed: a position past i64::MAX could not be
        // stored, and is as unusable as one out of order.
        let stored_next = i64::try_from(next.0).map_err(|_| StoreError::SyncPageInvalid {
            problem: ProtocolError::PageOutOfOrder {
                after: cursor.0,
                found: next.0,
            },
        })?;
        let ctx = WriteContext::new(now, SYNC_ACTOR);
        self.write(&ctx, |w| {
            let stored: i64 = w
                .tx()
                .query_row("SELECT cursor FROM sync_state", [], |r| r.get(0))?;
            if stored as u64 != cursor.0 {
                return Err(StoreError::SyncCursorMismatch {
                    stored: stored as u64,
                    requested: cursor.0,
                });
            }
            let mut summary = PullSummary {
                cursor: next,
                ..PullSummary::default()
            };
            for change in pages.iter().flat_map(|page| &page.changes) {
                apply_change(w, change, &mut summary)?;
            }
            w.tx()
                .prepare_cached("UPDATE sync_state SET cursor = ?1, last_pull_at = ?2")?
                .execute((stored_next, w.now_text()))?;
            Ok(summary)
        })
    }
}

impl Store {
    /// How many pulled changes wait in `sync_held` for a build that can
    /// apply them.
    pub fn held_count(&self) -> Result<u64> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM sync_held", [], |r| r.get(0))?;
        Ok(n as u64)
    }

    /// Applies again, in log order, the changes an earlier build held: after
    /// an upgrade the desk reads what it could not before (a record kind or
    /// an event shape of a newer schema, an update that came before its
    /// record). Each goes through the same rules as a pulled change, so an
    /// older value never replaces a newer one. Those that apply leave
    /// `sync_held`; the rest stay, with their reason brought up to date.
    /// One transaction; nothing is queued for upload.
    pub fn apply_held(&mut self, now: DateTime<Utc>) -> Result<PullSummary> {
        let ctx = WriteContext::new(now, SYNC_ACTOR);
        self.write(&ctx, |w| {
            let held: Vec<(i64, String)> = {
                let mut stmt = w
                    .tx()
                    .prepare("SELECT version, change FROM sync_held ORDER BY version")?;
                stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                    .collect::<rusqlite::Result<_>>()?
            };
            let mut summary = PullSummary::default();
            for (version, text) in held {
                // A row this build cannot even parse as a change stays.
                let Ok(change) = serde_json::from_str::<Change>(&text) else {
                    summary.skipped += 1;
                    continue;
                };
                let skipped = summary.skipped;
                apply_change(w, &change, &mut summary)?;
                if summary.skipped == skipped {
                    w.tx()
                        .prepare_cached("DELETE FROM sync_held WHERE version = ?1")?
                        .execute([version])?;
                }
            }
            Ok(summary)
        })
    }
}

fn apply_change(w: &mut Writer<'_>, change: &Change, summary: &mut PullSummary) -> Result<()> {
    let stamp = doyak_domain::HlcStamp {
        wall_ms: change.hlc.wall_ms,
        counter: change.hlc.counter,
        device: change.hlc.device.clone(),
    };
    if w.observe(&stamp) {
        summary.clamped_stamps += 1;
    }
    let outcome = if names_another_center(w.center(), change) {
        Pulled::Foreign
    } else {
        match domain_kind(&change.entity) {
            None => Pulled::Held("unknown_kind"),
            Some(kind) => apply_known(w, kind, change, summary)?,
        }
    };
    match outcome {
        Pulled::Applied => summary.applied += 1,
        Pulled::Unchanged => summary.unchanged += 1,
        Pulled::Conflict => summary.conflicts += 1,
        Pulled::Foreign => summary.foreign += 1,
        Pulled::Held(reason) => {
            hold(w, change, reason)?;
            summary.skipped += 1;
        }
    }
    Ok(())
}

fn apply_known(
    w: &mut Writer<'_>,
    kind: EntityKind,
    change: &Change,
    summary: &mut PullSummary,
) -> Result<Pulled> {
    let id = Id::from(change.entity_id);
    Ok(match (&change.body, kind) {
        (ChangeBody::Conflict { conflict }, _) => {
            upsert_conflict(w, conflict)?;
            Pulled::Conflict
        }
        (ChangeBody::Append { record }, EntityKind::Event) => pull_event(w, id, record)?,
        // An event that is not appended, a shared record that is: a shape
        // this build cannot read.
        (_, EntityKind::Event) | (ChangeBody::Append { .. }, _) => Pulled::Held("undecodable"),
        (ChangeBody::Insert { fields }, _) => pull_fields(w, kind, id, fields, true, summary)?,
        (ChangeBody::Update { fields }, _) => pull_fields(w, kind, id, fields, false, summary)?,
        (ChangeBody::Delete, _) => {
            if w.soft_delete(kind, id)? {
                Pulled::Applied
            } else {
                Pulled::Unchanged
            }
        }
    })
}

/// Whether a change names a center other than this caseload's, before
/// anything of it is read: such a record is never stored, not even held.
/// (Decoded records are checked again by their domain type.)
fn names_another_center(center: Id, change: &Change) -> bool {
    if change.entity == wire::EntityKind::Center && Id::from(change.entity_id) != center {
        return true;
    }
    let named = match &change.body {
        ChangeBody::Insert { fields } | ChangeBody::Update { fields } => {
            fields.get("center_id").map(|v| &v.value)
        }
        ChangeBody::Append { record } => record.get("center_id"),
        ChangeBody::Delete | ChangeBody::Conflict { .. } => None,
    };
    named.is_some_and(|v| v.as_str().and_then(|s| s.parse::<Id>().ok()) != Some(center))
}

/// An insert or update of a shared record. An insert of a record this desk
/// does not hold creates it; otherwise each field is taken when no local
/// edit of it is pending and its version is greater than the local one.
fn pull_fields(
    w: &mut Writer<'_>,
    kind: EntityKind,
    id: Id,
    fields: &BTreeMap<String, VersionedValue>,
    insert: bool,
    summary: &mut PullSummary,
) -> Result<Pulled> {
    let Some(stored) = w.stored(kind, id)? else {
        if !insert {
            return Ok(Pulled::Held("no_record"));
        }
        let mut data: Map<String, Value> = fields
            .iter()
            .map(|(field, v)| (field.clone(), v.value.clone()))
            .collect();
        // A record of a destroyed person that reached the server before the
        // destruction comes scrubbed from it; scrubbed here too, whatever
        // the server sent.
        if w.any_destruction()? {
            let owners = ["seeker_id", "subject_id"]
                .iter()
                .filter_map(|f| data.get(*f).and_then(Value::as_str))
                .filter_map(|t| t.parse::<Id>().ok())
                .collect::<Vec<_>>();
            for owner in owners {
                if w.is_destroyed(owner)? {
                    doyak_domain::privacy::scrub_fields(kind, &mut data);
                }
            }
        }
        // Absent means version 1, as for a record made here.
        let versions: Map<String, Value> = fields
            .iter()
            .filter(|(_, v)| v.version != 1)
            .map(|(field, v)| (field.clone(), Value::from(v.version)))
            .collect();
        return write_checked(w, kind, id, &data, &versions, |w, row| {
            w.insert_row(row).map(drop)
        });
    };
    let mut data = stored.data.clone();
    let mut versions = stored.versions.clone();
    if w.is_destroyed(id)? {
        // After a destruction the server's record is the only one: every
        // edit this desk has not sent will be refused, so the scrubbed
        // values it sends are taken whatever is pending or newer here.
        for (field, pulled) in fields {
            data.insert(field.clone(), pulled.value.clone());
            versions.insert(field.clone(), Value::from(pulled.version));
        }
        doyak_domain::privacy::scrub_fields(kind, &mut data);
        if data == stored.data && versions == stored.versions {
            return Ok(Pulled::Unchanged);
        }
        return write_checked(w, kind, id, &data, &versions, |w, row| w.update_row(row));
    }
    let pending = pending_edits(w, kind, id)?;
    for (field, pulled) in fields {
        if pending.names(field) {
            summary.kept_local += 1;
        } else if pulled.version > stored.version(field) {
            data.insert(field.clone(), pulled.value.clone());
            versions.insert(field.clone(), Value::from(pulled.version));
        }
    }
    if versions == stored.versions {
        return Ok(Pulled::Unchanged);
    }
    if data == stored.data {
        // Same values, newer versions (e.g. this desk's own edit coming
        // back after a conflict): only the bookkeeping changes.
        w.set_versions(kind, id, &versions)?;
        return Ok(Pulled::Applied);
    }
    write_checked(w, kind, id, &data, &versions, |w, row| w.update_row(row))
}

/// Writes a pulled record if it reads as its domain type, is the record the
/// change names and belongs to this center.
fn write_checked(
    w: &mut Writer<'_>,
    kind: EntityKind,
    id: Id,
    data: &Map<String, Value>,
    versions: &Map<String, Value>,
    write: impl FnOnce(&mut Writer<'_>, &RecordRow<'_>) -> Result<()>,
) -> Result<Pulled> {
    let Ok(shared) = read_shared(kind, data) else {
        return Ok(Pulled::Held("undecodable"));
    };
    if shared.id != id {
        return Ok(Pulled::Held("undecodable"));
    }
    if shared.center_id != w.center() {
        return Ok(Pulled::Foreign);
    }
    write(
        w,
        &RecordRow {
            kind,
            id,
            center_id: shared.center_id,
            name: &shared.name,
            data,
            versions,
        },
    )?;
    Ok(Pulled::Applied)
}

/// An event as it was written, kept verbatim (fields a newer desk added
/// included); follow-ups and retention checks follow as for a local append.
fn pull_event(w: &mut Writer<'_>, id: Id, record: &Map<String, Value>) -> Result<Pulled> {
    let Ok(event) = CaseEvent::deserialize(record) else {
        return Ok(Pulled::Held("undecodable"));
    };
    if event.id != id {
        return Ok(Pulled::Held("undecodable"));
    }
    if event.center_id != w.center() {
        return Ok(Pulled::Foreign);
    }
    let destruction = crate::destroy::is_destruction(&event);
    let of_destroyed = !destruction && w.is_destroyed(event.subject_id)?;
    let (event, data) = if of_destroyed {
        // An event about a destroyed person, written before the destruction
        // reached its desk: kept only as the privacy rule leaves it.
        let scrubbed = crate::destroy::scrubbed_event(record);
        let Ok(event) = CaseEvent::deserialize(&scrubbed) else {
            return Ok(Pulled::Unchanged);
        };
        (event, map_text(&scrubbed, "event")?)
    } else {
        (event, map_text(record, "event")?)
    };
    if !w.store_event(&event, &data, !of_destroyed)? {
        return Ok(Pulled::Unchanged);
    }
    if destruction {
        w.erase_case_file(event.subject_id)?;
    }
    Ok(Pulled::Applied)
}

/// Keeps a change this build cannot apply, verbatim, for a later release.
fn hold(w: &Writer<'_>, change: &Change, reason: &str) -> Result<()> {
    let text = serde_json::to_string(change).map_err(|source| StoreError::Decode {
        what: "change".into(),
        source,
    })?;
    w.tx()
        .prepare_cached(
            "INSERT INTO sync_held (version, entity, entity_id, reason, change, at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (version) DO UPDATE
                SET reason = excluded.reason, change = excluded.change, at = excluded.at",
        )?
        .execute((
            i64::try_from(change.version.0).unwrap_or(i64::MAX),
            change.entity.as_str(),
            change.entity_id.to_string(),
            reason,
            text,
            w.now_text(),
        ))?;
    Ok(())
}
