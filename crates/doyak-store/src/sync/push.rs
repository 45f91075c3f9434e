//! What the answer to a push does to the caseload: acknowledged outbox rows
//! leave, the server's field versions replace the desk's provisional ones,
//! values the server kept are taken, conflicts join the queue and refusals
//! are kept for the counselor.

use super::{SYNC_ACTOR, domain_kind, pending_edits, read_shared, upsert_conflict};
use crate::Store;
use crate::error::Result;
use crate::write::{RecordRow, WriteContext, Writer};
use chrono::{DateTime, Utc};
use doyak_domain::{EntityKind, Id};
use doyak_sync_protocol::{Applied, Mutation, Op, Outcome, PushResponse, Rejection};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// What applying a push response did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PushSummary {
    /// Outbox rows dropped because the server settled them (applied,
    /// conflicted or refused).
    pub acknowledged: u64,
    /// Mutations applied, with or without a conflict.
    pub applied: u64,
    /// Conflict records received.
    pub conflicts: u64,
    /// Mutations refused for good (see [`Store::rejections`]).
    pub rejected: u64,
    /// Fields whose value the server kept instead of this desk's, now taken.
    pub server_kept: u64,
    /// Results not acted on: no outbox row dropped by this call had that
    /// sequence number and mutation id (a response applied twice, or one
    /// about mutations not in `sent`).
    pub ignored: u64,
    /// Outbox rows still waiting.
    pub pending: u64,
}

impl Store {
    /// Applies the server's answer to a push of `sent`, in one transaction.
    ///
    /// Outbox rows up to `resp.acknowledged_seq` leave — refused ones too, so
    /// a refusal never wedges the queue — but never one above it, and never
    /// one above the highest sequence number in `sent`: a row this desk did
    /// not send in this push has had no result read, and the server answers
    /// a resend with the stored one. Only results for rows this call drops
    /// are acted on, so applying the same response twice changes nothing.
    pub fn apply_push_response(
        &mut self,
        sent: &[Mutation],
        resp: &PushResponse,
        now: DateTime<Utc>,
    ) -> Result<PushSummary> {
        self.apply_push_responses(&[(sent, resp)], now)
    }

    /// Applies the answers to consecutive pushes, oldest first, in one
    /// transaction: each as [`Store::apply_push_response`] would, one after
    /// the other. A commit costs about as much for one answer as for four.
    pub fn apply_push_responses(
        &mut self,
        answered: &[(&[Mutation], &PushResponse)],
        now: DateTime<Utc>,
    ) -> Result<PushSummary> {
        let ctx = WriteContext::new(now, SYNC_ACTOR);
        let mut summary = self.write(&ctx, |w| {
            let mut total = PushSummary::default();
            for (sent, resp) in answered {
                let one = settle(w, sent, resp)?;
                total.acknowledged += one.acknowledged;
                total.applied += one.applied;
                total.conflicts += one.conflicts;
                total.rejected += one.rejected;
                total.server_kept += one.server_kept;
                total.ignored += one.ignored;
            }
            Ok(total)
        })?;
        summary.pending = self.pending_changes()?;
        Ok(summary)
    }
}

fn settle(w: &mut Writer<'_>, sent: &[Mutation], resp: &PushResponse) -> Result<PushSummary> {
    let highest_sent = sent.iter().map(|m| m.seq).max().unwrap_or(0);
    let ack = i64::try_from(resp.acknowledged_seq.min(highest_sent)).unwrap_or(i64::MAX);
    let dropped: HashSet<(i64, String)> = w
        .tx()
        .prepare_cached("SELECT seq, mutation_id FROM outbox WHERE seq <= ?1")?
        .query_map([ack], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let n = w
        .tx()
        .prepare_cached("DELETE FROM outbox WHERE seq <= ?1")?
        .execute([ack])?;
    w.dequeued(n as i64);
    let mut summary = PushSummary {
        acknowledged: n as u64,
        ..PushSummary::default()
    };

    let by_seq: HashMap<u64, &Mutation> = sent.iter().map(|m| (m.seq, m)).collect();
    // The last acknowledged edit of each field in this answer: a value the
    // server kept for an earlier mutation must not replace it (that edit's
    // own result, read after, stores its version; its value is the desk's).
    let mut last_edit: HashMap<(uuid::Uuid, &str), u64> = HashMap::new();
    for m in sent {
        let row = (
            i64::try_from(m.seq).unwrap_or(i64::MAX),
            m.mutation_id.to_string(),
        );
        if let Op::Update { fields } = &m.op
            && dropped.contains(&row)
        {
            for field in fields.keys() {
                let at = last_edit.entry((m.entity_id, field.as_str())).or_default();
                *at = (*at).max(m.seq);
            }
        }
    }
    let edited_later = |m: &Mutation, field: &str| {
        last_edit
            .get(&(m.entity_id, field))
            .is_some_and(|seq| *seq > m.seq)
    };
    // In sequence order: two acknowledged edits of one field leave the
    // later one's version.
    let mut results: Vec<_> = resp.results.iter().collect();
    results.sort_by_key(|r| r.seq);
    for result in results {
        let row = (
            i64::try_from(result.seq).unwrap_or(i64::MAX),
            result.mutation_id.to_string(),
        );
        let mutation = by_seq
            .get(&result.seq)
            .filter(|m| m.mutation_id == result.mutation_id && dropped.contains(&row));
        let Some(mutation) = mutation else {
            summary.ignored += 1;
            continue;
        };
        match &result.outcome {
            Outcome::Applied(applied) => {
                summary.applied += 1;
                summary.server_kept += take_applied(w, mutation, applied, &edited_later)?;
            }
            Outcome::ConflictRecorded { applied, conflicts } => {
                summary.applied += 1;
                summary.server_kept += take_applied(w, mutation, applied, &edited_later)?;
                for conflict in conflicts {
                    upsert_conflict(w, conflict)?;
                    summary.conflicts += 1;
                }
            }
            Outcome::Rejected(rejection) => {
                summary.rejected += 1;
                record_rejection(w, mutation, rejection)?;
                undo_provisional(w, mutation)?;
            }
        }
    }
    w.tx()
        .prepare_cached("UPDATE sync_state SET last_push_at = ?1")?
        .execute([w.now_text()])?;
    Ok(summary)
}

/// The record a mutation is about, when it is a shared record this build knows.
fn shared_target(mutation: &Mutation) -> Option<(EntityKind, Id)> {
    domain_kind(&mutation.entity)
        .filter(|k| *k != EntityKind::Event)
        .map(|k| (k, Id::from(mutation.entity_id)))
}

/// Stores the server's versions of the fields a mutation named, and takes
/// the values the server kept; a field with a later unsent edit keeps its
/// local value and version (that edit was based on them). Returns how many
/// kept values were taken.
fn take_applied(
    w: &mut Writer<'_>,
    mutation: &Mutation,
    applied: &Applied,
    edited_later: &dyn Fn(&Mutation, &str) -> bool,
) -> Result<u64> {
    let Some((kind, id)) = shared_target(mutation) else {
        return Ok(0);
    };
    let Some(stored) = w.stored(kind, id)? else {
        return Ok(0);
    };
    let pending = pending_edits(w, kind, id)?;
    let mut versions = stored.versions.clone();
    for (field, version) in &applied.versions {
        if !pending.names(field) {
            versions.insert(field.clone(), Value::from(*version));
        }
    }
    let kept: Vec<_> = applied
        .server_kept
        .iter()
        .filter(|(field, _)| !pending.names(field) && !edited_later(mutation, field))
        .collect();
    if !kept.is_empty() {
        let mut data = stored.data.clone();
        let mut with_kept = versions.clone();
        for (field, value) in &kept {
            data.insert((*field).clone(), value.value.clone());
            with_kept.insert((*field).clone(), Value::from(value.version));
        }
        // A kept value this build cannot read, or one that would move the
        // record to another center, is not taken: the record must stay
        // readable and ours. Its version is not taken either, so a later
        // pull of the field still applies.
        if let Ok(shared) = read_shared(kind, &data)
            && shared.id == id
            && shared.center_id == w.center()
        {
            w.update_row(&RecordRow {
                kind,
                id,
                center_id: shared.center_id,
                name: &shared.name,
                data: &data,
                versions: &with_kept,
            })?;
            return Ok(kept.len() as u64);
        }
    }
    if versions != stored.versions {
        w.set_versions(kind, id, &versions)?;
    }
    Ok(0)
}

fn record_rejection(w: &Writer<'_>, mutation: &Mutation, rejection: &Rejection) -> Result<()> {
    w.tx()
        .prepare_cached(
            "INSERT INTO sync_rejection (mutation_id, seq, entity, entity_id, op, code, message, at, fields)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT (mutation_id) DO NOTHING",
        )?
        .execute((
            mutation.mutation_id.to_string(),
            i64::try_from(mutation.seq).unwrap_or(i64::MAX),
            mutation.entity.as_str(),
            mutation.entity_id.to_string(),
            mutation.op.name(),
            rejection.code.as_str(),
            &rejection.message,
            w.now_text(),
            // A change refused because its person was destroyed keeps
            // nothing of what it sent: those values are what was destroyed.
            if rejection.code == doyak_sync_protocol::ErrorCode::RecordDestroyed {
                String::new()
            } else {
                super::op_fields(&mutation.op)?
            },
        ))?;
    Ok(())
}

/// Takes back what a refused update assumed. The local version of each
/// field it named was provisionally its base + 1, a version the server never
/// gave that value; kept, it would make the desk ignore the next real change
/// of the field at that version (a pulled version must be greater to apply),
/// and base the next local edit on a version the server never had. So the
/// field goes back to its base version (the value stays until a pulled
/// change replaces it). Conflicts it claimed to resolve are open again,
/// unless the server has since said they are resolved.
fn undo_provisional(w: &mut Writer<'_>, mutation: &Mutation) -> Result<()> {
    let Op::Update { fields } = &mutation.op else {
        return Ok(());
    };
    for conflict_id in &mutation.resolves {
        w.tx()
            .prepare_cached(
                "UPDATE conflict SET resolved = 0
                  WHERE conflict_id = ?1 AND json_extract(record, '$.resolution') IS NULL",
            )?
            .execute([conflict_id.to_string()])?;
    }
    let Some((kind, id)) = shared_target(mutation) else {
        return Ok(());
    };
    let Some(stored) = w.stored(kind, id)? else {
        return Ok(());
    };
    let pending = pending_edits(w, kind, id)?;
    let mut versions = stored.versions.clone();
    for (field, edit) in fields {
        if !pending.names(field) && edit.base < stored.version(field) {
            versions.insert(field.clone(), Value::from(edit.base));
        }
    }
    if versions != stored.versions {
        w.set_versions(kind, id, &versions)?;
    }
    Ok(())
}
