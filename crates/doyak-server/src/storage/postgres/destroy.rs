//! What a destruction (개인정보 파기, `crate::destroy`) reads and rewrites
//! in PostgreSQL: one statement each, ids and rows sent as arrays, so a
//! case file of hundreds of entries costs a handful of round trips.
//!
//! A rewritten row's old version stays in the table's files until VACUUM
//! reclaims it (PostgreSQL's MVCC); nothing here runs VACUUM, which cannot
//! run inside the push's transaction.

use super::PgTx;
use super::rows::{signed, text, unsigned, uuid};
use crate::model::DestroyedRow;
use crate::storage::{DestructionTx, Result};
use uuid::Uuid;

fn texts(ids: &[Uuid]) -> Vec<String> {
    ids.iter().map(Uuid::to_string).collect()
}

impl DestructionTx for PgTx<'_> {
    fn destroyed_among(&mut self, ids: &[Uuid]) -> Result<Vec<Uuid>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let rows = self.query(
            "SELECT DISTINCT entity_id FROM destroyed WHERE entity_id = ANY($1)",
            &[&texts(ids)],
        )?;
        rows.iter()
            .map(|r| uuid(&r.try_get::<_, String>(0)?, "destroyed.entity_id"))
            .collect()
    }

    fn put_destroyed(&mut self, rows: &[DestroyedRow]) -> Result<()> {
        if rows.is_empty() {
            return Ok(());
        }
        let id: Vec<String> = rows.iter().map(|r| r.entity_id.to_string()).collect();
        let entity: Vec<&str> = rows.iter().map(|r| r.entity.as_str()).collect();
        let center: Vec<String> = rows.iter().map(|r| r.center_id.to_string()).collect();
        let by: Vec<String> = rows.iter().map(|r| r.destruction_id.to_string()).collect();
        let at: Vec<String> = rows.iter().map(|r| text(r.at)).collect();
        self.execute(
            "INSERT INTO destroyed (entity_id, entity, center_id, destruction_id, at)
             SELECT * FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
             ON CONFLICT DO NOTHING",
            &[&id, &entity, &center, &by, &at],
        )?;
        Ok(())
    }

    fn logged_changes_of(&mut self, ids: &[Uuid]) -> Result<Vec<(Uuid, u64, String)>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let rows = self.query(
            "SELECT center_id, version, body FROM change_log
              WHERE entity_id = ANY($1) AND body IS NOT NULL ORDER BY center_id, version",
            &[&texts(ids)],
        )?;
        rows.iter()
            .map(|r| {
                Ok((
                    uuid(&r.try_get::<_, String>(0)?, "change_log.center_id")?,
                    unsigned(r.try_get(1)?, "change_log.version")?,
                    r.try_get(2)?,
                ))
            })
            .collect()
    }

    fn rewrite_changes(&mut self, entries: &[(Uuid, u64, String)]) -> Result<()> {
        if entries.is_empty() {
            return Ok(());
        }
        let center: Vec<String> = entries.iter().map(|e| e.0.to_string()).collect();
        let version: Vec<i64> = entries.iter().map(|e| signed(e.1)).collect();
        let body: Vec<&str> = entries.iter().map(|e| e.2.as_str()).collect();
        self.execute(
            "UPDATE change_log c SET body = u.b
               FROM UNNEST($1::text[], $2::bigint[], $3::text[]) AS u(c, v, b)
              WHERE c.center_id = u.c COLLATE \"C\" AND c.version = u.v",
            &[&center, &version, &body],
        )?;
        Ok(())
    }

    fn results_holding(&mut self, ids: &[Uuid]) -> Result<Vec<(Uuid, u64, Uuid, String)>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let rows = self.query(
            "SELECT device_id, seq, entity_id, result FROM mutation_result
              WHERE entity_id = ANY($1) ORDER BY device_id, seq",
            &[&texts(ids)],
        )?;
        rows.iter()
            .map(|r| {
                Ok((
                    uuid(&r.try_get::<_, String>(0)?, "mutation_result.device_id")?,
                    unsigned(r.try_get(1)?, "mutation_result.seq")?,
                    uuid(&r.try_get::<_, String>(2)?, "mutation_result.entity_id")?,
                    r.try_get(3)?,
                ))
            })
            .collect()
    }

    fn rewrite_results(&mut self, results: &[(Uuid, u64, String)]) -> Result<()> {
        if results.is_empty() {
            return Ok(());
        }
        let device: Vec<String> = results.iter().map(|r| r.0.to_string()).collect();
        let seq: Vec<i64> = results.iter().map(|r| signed(r.1)).collect();
        let result: Vec<&str> = results.iter().map(|r| r.2.as_str()).collect();
        self.execute(
            "UPDATE mutation_result m SET result = u.r
               FROM UNNEST($1::text[], $2::bigint[], $3::text[]) AS u(d, s, r)
              WHERE m.device_id = u.d COLLATE \"C\" AND m.seq = u.s",
            &[&device, &seq, &result],
        )?;
        Ok(())
    }
}
