//! 개인정보 파기 in the caseload: a seeker's case file erased by the rule of
//! `doyak_domain::privacy`, wherever this file holds it — the records and
//! events, the outbox rows still to be sent, refused and held changes,
//! conflicts, drafts and résumé files — and then the freed bytes zeroed and
//! the write-ahead log emptied, so the values are gone from the disk file
//! too, not only from the tables.
//!
//! A destruction is an event (`destruction`, subject = the seeker) that
//! syncs like any other; a desk that pulls one erases the same file. Once a
//! seeker has one, every later write naming them is refused
//! ([`StoreError::Destroyed`]) and pulled changes of them are taken only as
//! the server scrubbed them. No table of its own: "destroyed" is "has a
//! destruction event", found through the event index.

use crate::Store;
use crate::error::{Result, StoreError};
use crate::sync::read_shared;
use crate::write::{RecordRow, Writer, decode_object, map_text};
use doyak_domain::privacy::{self, DestroyedKind, Fate};
use doyak_domain::{CaseEvent, EntityKind, EventBody, EventRecord, Id};
use rusqlite::OptionalExtension;
use serde_json::{Map, Value};
use std::collections::HashSet;

/// Every record of a seeker's case file, as (table, id): the seeker, their
/// 알선 and 기관연계, and the events about any of them, transitively (a
/// retention check hangs off a placement, a step off an 알선).
const MEMBERS: &str = "WITH RECURSIVE m(kind, id) AS (
        SELECT 'seeker', ?1
        UNION SELECT 'application', id FROM application WHERE seeker_id = ?1
        UNION SELECT 'referral', id FROM referral WHERE subject_id = ?1
        UNION SELECT 'event', e.id FROM event e INDEXED BY event_subject JOIN m ON e.subject_id = m.id
    )
    SELECT kind, id FROM m";

/// Whether the record `?1` or what it hangs off (an event's subject, an
/// 알선's seeker, a 기관연계's subject, up to four steps) has a destruction.
const DESTROYED: &str = "WITH RECURSIVE up(id, depth) AS (
        SELECT ?1, 0
        UNION ALL
        SELECT coalesce((SELECT subject_id FROM event WHERE id = up.id),
                        (SELECT seeker_id FROM application WHERE id = up.id),
                        (SELECT subject_id FROM referral WHERE id = up.id)),
               depth + 1
          FROM up WHERE up.id IS NOT NULL AND depth < 4
    )
    SELECT EXISTS (SELECT 1 FROM up JOIN event e INDEXED BY event_subject ON e.subject_id = up.id
                    WHERE e.type = 'destruction')";

/// What destroying one seeker would erase: the confirmation before it, and
/// `doyak retention --dry-run`. Counts, never values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseFile {
    pub seeker_id: Id,
    /// The kinds of data found, for the destruction record.
    pub kinds: Vec<DestroyedKind>,
    pub events: u64,
    pub applications: u64,
    pub referrals: u64,
    pub resume_files: u64,
    /// Changes not yet sent that name the file (sent scrubbed).
    pub unsent: u64,
    /// Whether it was destroyed already.
    pub destroyed: bool,
}

fn members(tx: &rusqlite::Transaction<'_>, seeker: Id) -> Result<Vec<(String, String)>> {
    let mut stmt = tx.prepare_cached(MEMBERS)?;
    let rows = stmt.query_map([seeker.to_string()], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn kind_of(table: &str) -> Option<EntityKind> {
    match table {
        "seeker" => Some(EntityKind::Seeker),
        "application" => Some(EntityKind::Application),
        "referral" => Some(EntityKind::Referral),
        "event" => Some(EntityKind::Event),
        _ => None,
    }
}

impl Store {
    /// What a destruction of `seeker` would erase; `None` when the caseload
    /// holds no such seeker (deleted ones included: their data is still here).
    pub fn case_file(&mut self, seeker: Id) -> Result<Option<CaseFile>> {
        let tx = self.conn.transaction()?;
        let data: Option<String> = tx
            .query_row(
                "SELECT data FROM seeker WHERE id = ?1",
                [seeker.to_string()],
                |r| r.get(0),
            )
            .optional()?;
        let Some(data) = data else {
            return Ok(None);
        };
        let seeker_data = decode_object(&data, "seeker")?;
        let members = members(&tx, seeker)?;
        let ids: HashSet<&str> = members.iter().map(|(_, id)| id.as_str()).collect();
        let count = |t: &str| members.iter().filter(|(k, _)| k == t).count() as u64;
        let mut events = Vec::new();
        {
            let mut stmt = tx.prepare_cached("SELECT data FROM event WHERE id = ?1")?;
            for (_, id) in members.iter().filter(|(k, _)| k == "event") {
                let text: String = stmt.query_row([id], |r| r.get(0))?;
                if let Ok(e) = serde_json::from_str::<CaseEvent>(&text) {
                    events.push(e);
                }
            }
        }
        let resume_files: i64 = tx.query_row(
            "SELECT count(*) FROM resume_file WHERE seeker_id = ?1",
            [seeker.to_string()],
            |r| r.get(0),
        )?;
        let mut unsent = 0;
        {
            let mut stmt = tx.prepare_cached("SELECT entity_id FROM outbox")?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                if ids.contains(r.get_ref(0)?.as_str().unwrap_or_default()) {
                    unsent += 1;
                }
            }
        }
        let destroyed = events
            .iter()
            .any(|e| matches!(e.body, EventBody::Destruction { .. }));
        Ok(Some(CaseFile {
            seeker_id: seeker,
            kinds: privacy::destroyed_kinds(&seeker_data, &events, resume_files > 0),
            events: count("event"),
            applications: count("application"),
            referrals: count("referral"),
            resume_files: resume_files as u64,
            unsent,
            destroyed,
        }))
    }

    /// Zeroes what a destruction freed: the first time on this file, a
    /// `VACUUM` rewrites it whole (bytes freed before `secure_delete` was on
    /// may still hold older values of the person); then the write-ahead log,
    /// which holds the pages as they were, is copied in and cut to nothing.
    /// A reader holding the log open makes the checkpoint wait (busy
    /// timeout); if it still cannot finish, `meta.wipe_pending` makes the
    /// next open finish it.
    pub(crate) fn wipe_freed(&self) -> Result<()> {
        let vacuumed: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'secure_delete_since'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        if vacuumed.is_none() {
            self.conn.execute_batch("VACUUM")?;
            self.conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('secure_delete_since', 'vacuum')",
                [],
            )?;
        }
        let busy: i64 = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
        if busy == 0 {
            self.conn
                .execute("DELETE FROM meta WHERE key = 'wipe_pending'", [])?;
            // The delete above went to the log again: cut it once more (a
            // meta row holds no personal data; a busy answer here is harmless).
            let _: i64 = self
                .conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
        } else {
            self.conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('wipe_pending', '1')",
                [],
            )?;
        }
        Ok(())
    }

    /// Finishes a wipe an earlier destruction could not (see [`Store::wipe_freed`]).
    pub(crate) fn finish_pending_wipe(&self) -> Result<()> {
        let pending: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'wipe_pending'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        if pending.is_some() {
            self.wipe_freed()?;
        }
        Ok(())
    }
}

impl Writer<'_> {
    /// Whether the record `id`, or what it hangs off, was destroyed. Free on
    /// a caseload that never had a destruction.
    pub(crate) fn is_destroyed(&mut self, id: Id) -> Result<bool> {
        if !self.any_destruction()? {
            return Ok(false);
        }
        Ok(self
            .tx()
            .prepare_cached(DESTROYED)?
            .query_row([id.to_string()], |r| r.get(0))?)
    }

    /// Refuses a write naming a destroyed person.
    pub(crate) fn refuse_destroyed(&mut self, id: Id) -> Result<()> {
        if self.is_destroyed(id)? {
            return Err(StoreError::Destroyed);
        }
        Ok(())
    }

    /// The seeker or subject a new 알선 or 기관연계 names, refused when destroyed.
    pub(crate) fn refuse_destroyed_owner(&mut self, record: &Map<String, Value>) -> Result<()> {
        for field in ["seeker_id", "subject_id"] {
            if let Some(id) = record.get(field).and_then(Value::as_str)
                && let Ok(id) = id.parse::<Id>()
            {
                self.refuse_destroyed(id)?;
            }
        }
        Ok(())
    }

    /// Destroys a seeker's personal data here and, through the outbox, on
    /// every desk and the server: appends `event` (a `Destruction` whose
    /// subject is the seeker) and erases the case file in this
    /// transaction. The bytes are zeroed after the commit.
    pub fn destroy(&mut self, event: &CaseEvent) -> Result<()> {
        let EventBody::Destruction { kinds, .. } = &event.body else {
            return Err(StoreError::Corrupt {
                reason: "파기 기록이 아닌 사건".into(),
            });
        };
        let seeker = event.subject_id;
        if self.stored(EntityKind::Seeker, seeker)?.is_none() {
            return Err(StoreError::RecordNotFound {
                kind: EntityKind::Seeker.label_ko(),
                id: seeker.to_string(),
            });
        }
        self.append(event)?;
        self.erase_case_file(seeker)?;
        // The audit table's actions are a closed set (a CHECK): a
        // destruction is its `delete`, with the kinds that went.
        // Each kind by its serde name, as the event stores it.
        let names: Vec<String> = kinds
            .iter()
            .filter_map(|k| serde_json::to_value(k).ok())
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect();
        let detail = format!("destroy:{}", names.join(","));
        self.audit("delete", EntityKind::Seeker, Some(seeker), &detail)?;
        Ok(())
    }

    /// Erases a seeker's case file as the privacy rule says, without queueing
    /// anything (a pulled destruction comes here too). Idempotent.
    pub(crate) fn erase_case_file(&mut self, seeker: Id) -> Result<()> {
        self.mark_destruction();
        // Until the freed bytes are zeroed and the log cut, the next open
        // finishes it (a crash right after this commit included).
        self.tx()
            .prepare_cached(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('wipe_pending', '1')",
            )?
            .execute([])?;
        let members = members(self.tx(), seeker)?;
        let ids: HashSet<String> = members.iter().map(|(_, id)| id.clone()).collect();
        for (table, id) in &members {
            let (Some(kind), Ok(id)) = (kind_of(table), id.parse::<Id>()) else {
                continue;
            };
            if kind == EntityKind::Event {
                self.scrub_event_row(id)?;
            } else {
                self.scrub_shared_row(kind, id)?;
            }
        }
        self.scrub_outbox(&ids)?;
        let tx = self.tx();
        // Refusals stay listed for the counselor (their messages name no
        // values) without what they sent; held changes and conflicts go.
        // Held changes are matched by any id of the file in their text too:
        // an event this build cannot read has no row of its own here.
        for sql in [
            "UPDATE sync_rejection SET fields = '' WHERE entity_id = ?1",
            "DELETE FROM sync_held WHERE entity_id = ?1 OR instr(change, ?1) > 0",
            "DELETE FROM conflict WHERE entity_id = ?1",
        ] {
            let mut stmt = tx.prepare_cached(sql)?;
            for id in &ids {
                stmt.execute([id])?;
            }
        }
        let seeker_text = seeker.to_string();
        tx.prepare_cached("DELETE FROM draft WHERE key LIKE '%:' || ?1")?
            .execute([&seeker_text])?;
        tx.prepare_cached("DELETE FROM resume_file WHERE seeker_id = ?1")?
            .execute([&seeker_text])?;
        // 오늘 할 일 offers nothing more about them: no check, contact or
        // activity can be recorded for a destroyed person.
        tx.prepare_cached("DELETE FROM retention WHERE seeker_id = ?1")?
            .execute([&seeker_text])?;
        tx.prepare_cached("DELETE FROM followup WHERE subject_id = ?1")?
            .execute([&seeker_text])?;
        tx.prepare_cached("DELETE FROM iap_pending WHERE subject_id = ?1")?
            .execute([&seeker_text])?;
        Ok(())
    }

    fn scrub_shared_row(&mut self, kind: EntityKind, id: Id) -> Result<()> {
        let Some(stored) = self.stored(kind, id)? else {
            return Ok(());
        };
        let mut data = stored.data.clone();
        if !privacy::scrub_fields(kind, &mut data) {
            return Ok(());
        }
        let name = read_shared(kind, &data)
            .map(|s| s.name)
            .unwrap_or_else(|_| privacy::DESTROYED_NAME.to_owned());
        let center_id = self.center();
        self.update_row(&RecordRow {
            kind,
            id,
            center_id,
            name: &name,
            data: &data,
            versions: &stored.versions,
        })
    }

    fn scrub_event_row(&mut self, id: Id) -> Result<()> {
        let text: String = self
            .tx()
            .prepare_cached("SELECT data FROM event WHERE id = ?1")?
            .query_row([id.to_string()], |r| r.get(0))?;
        let record = decode_object(&text, "event")?;
        let scrubbed = match privacy::scrub_event_json(&record) {
            Some(s) => s,
            // Stored events always read; were one not to, nothing of its
            // text may stay either.
            None => Map::new(),
        };
        if scrubbed != record {
            self.tx()
                .prepare_cached("UPDATE event SET data = ?2 WHERE id = ?1")?
                .execute((id.to_string(), map_text(&scrubbed, "event")?))?;
        }
        Ok(())
    }

    /// Unsent changes of the file keep their place in the queue (sequence
    /// numbers have no gaps) with the destroyed values replaced: sent before
    /// the server has the destruction they write what it will write; after,
    /// they are refused.
    fn scrub_outbox(&mut self, ids: &HashSet<String>) -> Result<()> {
        let rows: Vec<(i64, String, String, String, String)> = {
            let mut stmt = self
                .tx()
                .prepare_cached("SELECT seq, entity, entity_id, op, fields FROM outbox")?;
            stmt.query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .filter(|r| r.as_ref().map_or(true, |(_, _, id, _, _)| ids.contains(id)))
            .collect::<rusqlite::Result<_>>()?
        };
        for (seq, entity, _, op, fields) in rows {
            let Some(kind) = kind_of(&entity) else {
                continue;
            };
            let mut body = decode_object(&fields, "outbox")?;
            let changed = match op.as_str() {
                "insert" => privacy::scrub_fields(kind, &mut body),
                "update" => scrub_edits(kind, &mut body),
                "append" => {
                    let scrubbed = privacy::scrub_event_json(&body).unwrap_or_default();
                    let changed = scrubbed != body;
                    body = scrubbed;
                    changed
                }
                _ => false,
            };
            if changed {
                self.tx()
                    .prepare_cached("UPDATE outbox SET fields = ?2 WHERE seq = ?1")?
                    .execute((seq, map_text(&body, "outbox")?))?;
            }
        }
        Ok(())
    }
}

/// An outbox update's `{field: {"value": v, "base": n}}` with each value
/// scrubbed by its field's fate.
fn scrub_edits(kind: EntityKind, edits: &mut Map<String, Value>) -> bool {
    let mut changed = false;
    for (field, edit) in edits.iter_mut() {
        if let Fate::Destroy(replacement) = privacy::field_fate(kind, field)
            && let Some(value) = edit.get_mut("value")
            && *value != replacement
        {
            *value = replacement;
            changed = true;
        }
    }
    changed
}

/// A pulled event about a destroyed person, as it may be kept here.
pub(crate) fn scrubbed_event(record: &Map<String, Value>) -> Map<String, Value> {
    privacy::scrub_event_json(record).unwrap_or_default()
}

/// Whether a pulled event is a destruction (its subject's file is then erased).
pub(crate) fn is_destruction(event: &CaseEvent) -> bool {
    event.event_type() == "destruction"
}

/// A seeker whose case has ended (취업 or 종료, or deleted) and is not yet
/// destroyed, with the last day anything happened in the case file: the
/// retention period runs from it. The seeker row's own last change counts
/// (closing the case, deleting it), so a case closed today is kept its
/// whole period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndedCase {
    pub seeker_id: Id,
    /// The latest of 참여일, the seeker record's last change or deletion,
    /// the seeker's events (and those hanging off them: retention checks),
    /// 알선 days and their steps, and 기관연계 days; `None` when the file
    /// holds no date at all.
    pub last_activity: Option<chrono::NaiveDate>,
    pub deleted: bool,
    /// Which of the center's retention periods applies.
    pub kind: privacy::RetentionKind,
}

impl Store {
    /// Every ended, not yet destroyed case (see [`EndedCase`]).
    pub fn ended_cases(&self) -> Result<Vec<EndedCase>> {
        let mut stmt = self.conn.prepare(
            "SELECT s.id, s.deleted_at IS NOT NULL, coalesce(s.status = 'employed', 0),
                    max(coalesce(s.enrolled_on, ''),
                        substr(coalesce(s.updated_at, ''), 1, 10),
                        substr(coalesce(s.deleted_at, ''), 1, 10),
                        coalesce((SELECT max(e.occurred_on) FROM event e INDEXED BY event_subject
                                   WHERE e.subject_id = s.id), ''),
                        coalesce((SELECT max(c.occurred_on) FROM application a
                                    JOIN event c INDEXED BY event_subject ON c.subject_id = a.id
                                   WHERE a.seeker_id = s.id), ''),
                        coalesce((SELECT max(c.occurred_on) FROM event p INDEXED BY event_subject
                                    JOIN event c INDEXED BY event_subject ON c.subject_id = p.id
                                   WHERE p.subject_id = s.id), ''),
                        coalesce((SELECT max(a.applied_on) FROM application a WHERE a.seeker_id = s.id), ''),
                        coalesce((SELECT max(r.referred_on) FROM referral r WHERE r.subject_id = s.id), ''))
               FROM seeker s
              WHERE (s.status IN ('employed', 'closed') OR s.deleted_at IS NOT NULL)
                AND NOT EXISTS (SELECT 1 FROM event d INDEXED BY event_subject
                                 WHERE d.subject_id = s.id AND d.type = 'destruction')",
        )?;
        let rows = stmt.query_map([], |r| {
            let id: String = r.get(0)?;
            let last: String = r.get(3)?;
            Ok((id, r.get::<_, bool>(1)?, r.get::<_, bool>(2)?, last))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, deleted, employed, last) = row?;
            let status = if employed {
                doyak_domain::SeekerStatus::Employed
            } else {
                doyak_domain::SeekerStatus::Closed
            };
            let Ok(seeker_id) = id.parse::<Id>() else {
                continue;
            };
            out.push(EndedCase {
                seeker_id,
                last_activity: chrono::NaiveDate::parse_from_str(&last, "%Y-%m-%d").ok(),
                deleted,
                kind: privacy::RetentionKind::of_case(status, deleted),
            });
        }
        Ok(out)
    }
}
