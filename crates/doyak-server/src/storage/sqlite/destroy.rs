//! What a destruction (개인정보 파기, `crate::destroy`) reads and rewrites
//! in the SQLite file. One statement per id or row: the connection is in
//! process, so a loop costs no round trips.

use super::{SqliteTx, corrupt, signed, text, uuid};
use crate::model::DestroyedRow;
use crate::storage::{DestructionTx, Result};
use uuid::Uuid;

impl DestructionTx for SqliteTx<'_> {
    fn destroyed_among(&mut self, ids: &[Uuid]) -> Result<Vec<Uuid>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        // Every push asks this of every id it names: one statement over a
        // JSON array, not a statement per id.
        let list = serde_json::to_string(ids).map_err(|_| corrupt("destroyed")())?;
        let mut stmt = self.tx.prepare_cached(
            "SELECT j.value FROM json_each(?1) j
              WHERE EXISTS (SELECT 1 FROM destroyed d WHERE d.entity_id = j.value)",
        )?;
        let found = stmt.query_map([list], |r| r.get::<_, String>(0))?;
        found.map(|id| uuid(&id?, "destroyed.entity_id")).collect()
    }

    fn put_destroyed(&mut self, rows: &[DestroyedRow]) -> Result<()> {
        self.destroyed |= !rows.is_empty();
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO destroyed (entity_id, entity, center_id, destruction_id, at)
             VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING",
        )?;
        for row in rows {
            stmt.execute((
                row.entity_id.to_string(),
                &row.entity,
                row.center_id.to_string(),
                row.destruction_id.to_string(),
                text(row.at),
            ))?;
        }
        Ok(())
    }

    fn logged_changes_of(&mut self, ids: &[Uuid]) -> Result<Vec<(Uuid, u64, String)>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT center_id, version, body FROM change_log
              WHERE entity_id = ?1 AND body IS NOT NULL",
        )?;
        let mut found = Vec::new();
        for id in ids {
            let rows = stmt.query_map([id.to_string()], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get(2)?))
            })?;
            for row in rows {
                let (center, version, body) = row?;
                let version =
                    u64::try_from(version).map_err(|_| corrupt("change_log.version")())?;
                found.push((uuid(&center, "change_log.center_id")?, version, body));
            }
        }
        found.sort_by_key(|(center, version, _)| (*center, *version));
        Ok(found)
    }

    fn rewrite_changes(&mut self, entries: &[(Uuid, u64, String)]) -> Result<()> {
        let mut stmt = self.tx.prepare_cached(
            "UPDATE change_log SET body = ?3 WHERE center_id = ?1 AND version = ?2",
        )?;
        for (center, version, body) in entries {
            stmt.execute((center.to_string(), signed(*version), body))?;
        }
        Ok(())
    }

    fn results_holding(&mut self, ids: &[Uuid]) -> Result<Vec<(Uuid, u64, Uuid, String)>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT device_id, seq, result FROM mutation_result WHERE entity_id = ?1",
        )?;
        let mut found = Vec::new();
        for id in ids {
            let rows = stmt.query_map([id.to_string()], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get(2)?))
            })?;
            for row in rows {
                let (device, seq, result) = row?;
                let seq = u64::try_from(seq).map_err(|_| corrupt("mutation_result.seq")())?;
                found.push((
                    uuid(&device, "mutation_result.device_id")?,
                    seq,
                    *id,
                    result,
                ));
            }
        }
        found.sort_by_key(|(device, seq, _, _)| (*device, *seq));
        Ok(found)
    }

    fn rewrite_results(&mut self, results: &[(Uuid, u64, String)]) -> Result<()> {
        let mut stmt = self.tx.prepare_cached(
            "UPDATE mutation_result SET result = ?3 WHERE device_id = ?1 AND seq = ?2",
        )?;
        for (device, seq, result) in results {
            stmt.execute((device.to_string(), signed(*seq), result))?;
        }
        Ok(())
    }
}
