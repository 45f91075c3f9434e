//! Resolving conflicts: an ordinary update, queued like any edit, that names
//! the conflicts it resolves. The value the counselor picked merges and syncs
//! like every other edit (and may itself conflict with a later one).

use super::read_shared;
use crate::error::{Result, StoreError};
use crate::write::{RecordRow, Writer};
use doyak_domain::{EntityKind, Id};
use rusqlite::OptionalExtension;
use serde_json::{Map, Value};
use std::collections::BTreeSet;

impl Writer<'_> {
    /// Resolves conflicts of one shared record, queueing one update whose
    /// `resolves` names them, and takes them out of the open queue.
    ///
    /// With `chosen`, the field gets that value here and now, as
    /// [`Writer::update`] would set it (its version goes up by one if the
    /// value differs, and the update is based on the current local version);
    /// every conflict named must be on that field. Without it the counselor
    /// keeps the current value: the update carries no fields.
    pub fn resolve_conflict(
        &mut self,
        kind: EntityKind,
        record_id: Id,
        conflict_ids: &[Id],
        chosen: Option<(&str, Value)>,
    ) -> Result<()> {
        let not_found = |id: String| StoreError::ConflictNotFound { id };
        if kind == EntityKind::Event || conflict_ids.is_empty() {
            return Err(not_found(record_id.to_string()));
        }
        let mut conflict_fields = BTreeSet::new();
        for conflict_id in conflict_ids {
            let row: Option<(String, String, String)> = self
                .tx()
                .prepare_cached(
                    "SELECT entity, entity_id, field FROM conflict WHERE conflict_id = ?1",
                )?
                .query_row([conflict_id.to_string()], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })
                .optional()?;
            let Some((entity, entity_id, field)) = row else {
                return Err(not_found(conflict_id.to_string()));
            };
            if entity != kind.as_str() || entity_id != record_id.to_string() {
                return Err(not_found(conflict_id.to_string()));
            }
            if let Some((chosen_field, _)) = &chosen
                && *chosen_field != field
            {
                return Err(StoreError::ConflictFieldMismatch {
                    field: (*chosen_field).to_owned(),
                });
            }
            conflict_fields.insert(field);
        }
        let record_gone = || StoreError::RecordNotFound {
            kind: kind.label_ko(),
            id: record_id.to_string(),
        };
        let stored = self.stored(kind, record_id)?.ok_or_else(record_gone)?;
        let mut fields = Map::new();
        if let Some((field, value)) = chosen {
            if stored.deleted {
                return Err(record_gone());
            }
            let base = stored.version(field);
            if stored.data.get(field) != Some(&value) {
                let mut data = stored.data.clone();
                let mut versions = stored.versions.clone();
                data.insert(field.to_owned(), value.clone());
                versions.insert(field.to_owned(), Value::from(base + 1));
                let shared =
                    read_shared(kind, &data).map_err(|source| StoreError::ChosenValueInvalid {
                        field: field.to_owned(),
                        source,
                    })?;
                if shared.id != record_id {
                    return Err(record_gone());
                }
                self.check_center(shared.center_id)?;
                self.update_row(&RecordRow {
                    kind,
                    id: record_id,
                    center_id: shared.center_id,
                    name: &shared.name,
                    data: &data,
                    versions: &versions,
                })?;
            }
            fields.insert(
                field.to_owned(),
                serde_json::json!({ "value": value, "base": base }),
            );
        }
        let resolves: Vec<String> = conflict_ids.iter().map(Id::to_string).collect();
        self.outbox(
            kind,
            record_id,
            "update",
            &Value::Object(fields).to_string(),
            &Value::from(resolves).to_string(),
        )?;
        for conflict_id in conflict_ids {
            self.tx()
                .prepare_cached("UPDATE conflict SET resolved = 1 WHERE conflict_id = ?1")?
                .execute([conflict_id.to_string()])?;
        }
        let detail: Vec<String> = conflict_fields.into_iter().collect();
        self.audit("update", kind, Some(record_id), &detail.join(","))?;
        Ok(())
    }
}
