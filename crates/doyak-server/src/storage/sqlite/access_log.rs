//! The access log (개인정보 접근 기록, `crate::access_log`) in the SQLite
//! file. A filter is one statement whatever it names: each condition is
//! `?n IS NULL OR …`, so the statement is prepared once.

use super::{SqliteTx, corrupt, signed, uuid};
use crate::model::AccessLogRow;
use crate::storage::{AccessLogFilter, AccessLogTx, Result};
use uuid::Uuid;

const COLUMNS: &str = "center_id, device_id, seq, at, entry_device, actor, action, entity, \
                       entity_id, detail, prev_hash, hash, received_at";

const FILTER: &str = "center_id = ?1 AND (?2 IS NULL OR device_id = ?2)
    AND (?3 IS NULL OR action = ?3) AND (?4 IS NULL OR entity_id = ?4)
    AND (?5 IS NULL OR at >= ?5) AND (?6 IS NULL OR at < ?6)";

type Cols = (String, String, i64, String, String, String, String);
type Rest = (String, Option<String>, String, String, String, String);

fn read(r: &rusqlite::Row<'_>) -> rusqlite::Result<(Cols, Rest)> {
    Ok((
        (
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
            r.get(6)?,
        ),
        (
            r.get(7)?,
            r.get(8)?,
            r.get(9)?,
            r.get(10)?,
            r.get(11)?,
            r.get(12)?,
        ),
    ))
}

fn row((cols, rest): (Cols, Rest)) -> Result<AccessLogRow> {
    let (center, device, seq, at, entry_device, actor, action) = cols;
    let (entity, entity_id, detail, prev_hash, hash, received_at) = rest;
    Ok(AccessLogRow {
        center_id: uuid(&center, "access_log.center_id")?,
        device_id: uuid(&device, "access_log.device_id")?,
        seq: u64::try_from(seq).map_err(|_| corrupt("access_log.seq")())?,
        at,
        entry_device,
        actor,
        action,
        entity,
        entity_id,
        detail,
        prev_hash,
        hash,
        received_at,
    })
}

impl AccessLogTx for SqliteTx<'_> {
    fn access_log_head(&mut self, center: Uuid, device: Uuid) -> Result<Option<(u64, String)>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT seq, hash FROM access_log WHERE center_id = ?1 AND device_id = ?2
              ORDER BY seq DESC LIMIT 1",
        )?;
        let mut rows = stmt.query_map((center.to_string(), device.to_string()), |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })?;
        match rows.next() {
            None => Ok(None),
            Some(found) => {
                let (seq, hash) = found?;
                let seq = u64::try_from(seq).map_err(|_| corrupt("access_log.seq")())?;
                Ok(Some((seq, hash)))
            }
        }
    }

    fn access_log_hashes(
        &mut self,
        center: Uuid,
        device: Uuid,
        from: u64,
        to: u64,
    ) -> Result<Vec<(u64, String)>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT seq, hash FROM access_log WHERE center_id = ?1 AND device_id = ?2
              AND seq BETWEEN ?3 AND ?4 ORDER BY seq",
        )?;
        let rows = stmt.query_map(
            (
                center.to_string(),
                device.to_string(),
                signed(from),
                signed(to),
            ),
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)),
        )?;
        rows.map(|found| {
            let (seq, hash) = found?;
            let seq = u64::try_from(seq).map_err(|_| corrupt("access_log.seq")())?;
            Ok((seq, hash))
        })
        .collect()
    }

    fn put_access_log(&mut self, rows: &[AccessLogRow]) -> Result<()> {
        let mut stmt = self.tx.prepare_cached(&format!(
            "INSERT INTO access_log ({COLUMNS})
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
        ))?;
        for r in rows {
            stmt.execute(rusqlite::params![
                r.center_id.to_string(),
                r.device_id.to_string(),
                signed(r.seq),
                r.at,
                r.entry_device,
                r.actor,
                r.action,
                r.entity,
                r.entity_id,
                r.detail,
                r.prev_hash,
                r.hash,
                r.received_at,
            ])?;
        }
        Ok(())
    }

    fn access_log_page(
        &mut self,
        center: Uuid,
        filter: &AccessLogFilter,
        limit: u32,
        offset: u64,
    ) -> Result<(Vec<AccessLogRow>, u64)> {
        let params = rusqlite::params![
            center.to_string(),
            filter.device.map(|d| d.to_string()),
            filter.action,
            filter.entity_id,
            filter.from,
            filter.until,
        ];
        let total: i64 = self
            .tx
            .prepare_cached(&format!("SELECT count(*) FROM access_log WHERE {FILTER}"))?
            .query_row(params, |r| r.get(0))?;
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM access_log WHERE {FILTER}
              ORDER BY at DESC, device_id DESC, seq DESC LIMIT ?7 OFFSET ?8"
        ))?;
        let rows = stmt.query_map(
            rusqlite::params![
                center.to_string(),
                filter.device.map(|d| d.to_string()),
                filter.action,
                filter.entity_id,
                filter.from,
                filter.until,
                i64::from(limit),
                signed(offset),
            ],
            read,
        )?;
        let rows = rows.map(|r| row(r?)).collect::<Result<Vec<_>>>()?;
        let total = u64::try_from(total).map_err(|_| corrupt("access_log")())?;
        Ok((rows, total))
    }

    fn access_log_all(&mut self, center: Uuid) -> Result<Vec<AccessLogRow>> {
        let mut stmt = self.tx.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM access_log WHERE center_id = ?1 ORDER BY device_id, seq"
        ))?;
        let rows = stmt.query_map([center.to_string()], read)?;
        rows.map(|r| row(r?)).collect()
    }
}
