//! Sending a refused change again (`doyak rejections retry`, the desk's
//! 다시 보내기) once the counselor has fixed what the server refused, or
//! the server has been updated. Without it a refused edit left the desk
//! holding a value the server never took, visible only until dismissed.
//!
//! What goes out is the record as it is *now*, limited to what the refused
//! change touched: an insert sends the whole current record; an update
//! sends the fields it named, each with its current value and version (a
//! field a pull has since replaced sends the server's own value, which the
//! server takes as no change); a delete goes again if the record is still
//! deleted here; an event goes again as it was appended (events never
//! change). It is queued like any local change, so it syncs, merges and
//! conflicts like one.

use super::{decode_op, domain_kind, pending_edits};
use crate::Store;
use crate::error::{Result, StoreError};
use crate::write::{WriteContext, Writer, map_text};
use doyak_domain::Id;
use doyak_sync_protocol as wire;
use doyak_sync_protocol::{ErrorCode, Op};
use rusqlite::OptionalExtension;
use serde_json::{Map, Value, json};
use uuid::Uuid;

/// What a retry did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retried {
    /// One change is queued for the next sync.
    Queued,
    /// Nothing differed any more (every field the update named has been
    /// replaced by the server's value since): nothing is queued.
    NothingToSend,
}

impl Store {
    /// Queues a refused change again and takes it off the refusal list, in
    /// one transaction; see the module. A change refused because its seeker
    /// moved to another center, or one recorded before the desk kept what
    /// it sent, is [`StoreError::NotRetryable`] and stays listed.
    pub fn retry_rejection(&mut self, ctx: &WriteContext, mutation_id: Uuid) -> Result<Retried> {
        self.write(ctx, |w| retry(w, mutation_id))
    }
}

fn not_retryable(reason: &'static str) -> StoreError {
    StoreError::NotRetryable { reason }
}

fn retry(w: &mut Writer<'_>, mutation_id: Uuid) -> Result<Retried> {
    let row: Option<(String, String, String, String, String)> = w
        .tx()
        .prepare_cached(
            "SELECT entity, entity_id, op, code, fields FROM sync_rejection WHERE mutation_id = ?1",
        )?
        .query_row([mutation_id.to_string()], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .optional()?;
    let Some((entity, entity_id, op_name, code, fields)) = row else {
        return Err(StoreError::RecordNotFound {
            kind: "반영되지 않은 변경",
            id: mutation_id.to_string(),
        });
    };
    if ErrorCode::from_wire(&code) == ErrorCode::RecordTransferred {
        return Err(not_retryable(
            "다른 센터로 이관된 구직자의 변경입니다. 필요한 내용은 이관받은 센터에 알려 주세요.",
        ));
    }
    if ErrorCode::from_wire(&code) == ErrorCode::RecordDestroyed {
        return Err(not_retryable(
            "개인정보가 파기된 구직자의 변경입니다. 파기된 정보는 다시 보낼 수 없습니다.",
        ));
    }
    if fields.is_empty() {
        return Err(not_retryable(
            "이전 버전에서 거절되어 보낸 내용이 남아 있지 않습니다. 기록을 확인하고 필요하면 다시 고쳐 저장한 뒤 목록에서 지워 주세요.",
        ));
    }
    let corrupt = || StoreError::Corrupt {
        reason: "sync_rejection".into(),
    };
    let Some(kind) = domain_kind(&wire::EntityKind::from_wire(&entity)) else {
        return Err(not_retryable("이 버전의 도약이 모르는 종류의 기록입니다."));
    };
    let id: Id = entity_id.parse().map_err(|_| corrupt())?;
    let op = decode_op(&op_name, &fields, "sync_rejection.fields")?.ok_or_else(corrupt)?;
    let gone = || not_retryable("이 기록은 이 노트북에서 지워졌습니다.");
    let queued = match op {
        Op::Append { .. } => {
            w.outbox(kind, id, "append", &fields, "[]")?;
            true
        }
        Op::Delete => match w.stored(kind, id)? {
            Some(stored) if stored.deleted => {
                w.outbox(kind, id, "delete", "{}", "[]")?;
                true
            }
            _ => {
                return Err(not_retryable(
                    "지웠던 기록이 지금은 지워져 있지 않습니다. 다시 지우려면 기록에서 지워 주세요.",
                ));
            }
        },
        Op::Insert { .. } => {
            let stored = w
                .stored(kind, id)?
                .filter(|s| !s.deleted)
                .ok_or_else(gone)?;
            w.outbox(kind, id, "insert", &map_text(&stored.data, "data")?, "[]")?;
            true
        }
        Op::Update { fields: edits } => {
            let stored = w
                .stored(kind, id)?
                .filter(|s| !s.deleted)
                .ok_or_else(gone)?;
            // A field with a later unsent edit goes out with that edit.
            let pending = pending_edits(w, kind, id)?;
            let mut changes = Map::new();
            let mut versions = stored.versions.clone();
            for field in edits.keys().filter(|f| !pending.names(f)) {
                let value = stored.data.get(field).cloned().unwrap_or(Value::Null);
                let base = stored.version(field);
                changes.insert(field.clone(), json!({ "value": value, "base": base }));
                // Provisional, as for a typed edit: the answer brings the
                // server's version.
                versions.insert(field.clone(), Value::from(base + 1));
            }
            if changes.is_empty() {
                false
            } else {
                w.set_versions(kind, id, &versions)?;
                w.outbox(
                    kind,
                    id,
                    "update",
                    &Value::Object(changes).to_string(),
                    "[]",
                )?;
                true
            }
        }
    };
    w.tx()
        .prepare_cached("DELETE FROM sync_rejection WHERE mutation_id = ?1")?
        .execute([mutation_id.to_string()])?;
    // The audit log's actions are a closed list (create, update, delete,
    // …); a retry is an update of what the server holds, marked as one.
    w.audit("update", kind, Some(id), &format!("retry {op_name}"))?;
    Ok(if queued {
        Retried::Queued
    } else {
        Retried::NothingToSend
    })
}
