//! The access log (개인정보 접근 기록, `crate::access_log`) in PostgreSQL:
//! the same statements as the SQLite backend's, an upload's entries sent
//! as arrays in one statement.

use super::PgTx;
use super::rows::{signed, unsigned, uuid};
use crate::model::AccessLogRow;
use crate::storage::{AccessLogFilter, AccessLogTx, Result};
use postgres::Row;
use uuid::Uuid;

/// The columns, in the order [`row`] reads them.
macro_rules! columns {
    () => {
        "center_id, device_id, seq, at, entry_device, actor, action, entity, \
         entity_id, detail, prev_hash, hash, received_at"
    };
}

/// Each condition is `$n IS NULL OR …`, so one prepared statement serves
/// every filter.
macro_rules! filter {
    () => {
        "center_id = $1 AND ($2::text IS NULL OR device_id = $2)
         AND ($3::text IS NULL OR action = $3) AND ($4::text IS NULL OR entity_id = $4)
         AND ($5::text IS NULL OR at >= $5) AND ($6::text IS NULL OR at < $6)"
    };
}

fn row(r: &Row) -> Result<AccessLogRow> {
    Ok(AccessLogRow {
        center_id: uuid(&r.try_get::<_, String>(0)?, "access_log.center_id")?,
        device_id: uuid(&r.try_get::<_, String>(1)?, "access_log.device_id")?,
        seq: unsigned(r.try_get(2)?, "access_log.seq")?,
        at: r.try_get(3)?,
        entry_device: r.try_get(4)?,
        actor: r.try_get(5)?,
        action: r.try_get(6)?,
        entity: r.try_get(7)?,
        entity_id: r.try_get(8)?,
        detail: r.try_get(9)?,
        prev_hash: r.try_get(10)?,
        hash: r.try_get(11)?,
        received_at: r.try_get(12)?,
    })
}

impl AccessLogTx for PgTx<'_> {
    fn access_log_head(&mut self, center: Uuid, device: Uuid) -> Result<Option<(u64, String)>> {
        let found = self.query_opt(
            "SELECT seq, hash FROM access_log WHERE center_id = $1 AND device_id = $2
              ORDER BY seq DESC LIMIT 1",
            &[&center.to_string(), &device.to_string()],
        )?;
        found
            .map(|r| Ok((unsigned(r.try_get(0)?, "access_log.seq")?, r.try_get(1)?)))
            .transpose()
    }

    fn access_log_hashes(
        &mut self,
        center: Uuid,
        device: Uuid,
        from: u64,
        to: u64,
    ) -> Result<Vec<(u64, String)>> {
        let rows = self.query(
            "SELECT seq, hash FROM access_log WHERE center_id = $1 AND device_id = $2
              AND seq BETWEEN $3 AND $4 ORDER BY seq",
            &[
                &center.to_string(),
                &device.to_string(),
                &signed(from),
                &signed(to),
            ],
        )?;
        rows.iter()
            .map(|r| Ok((unsigned(r.try_get(0)?, "access_log.seq")?, r.try_get(1)?)))
            .collect()
    }

    fn put_access_log(&mut self, rows: &[AccessLogRow]) -> Result<()> {
        if rows.is_empty() {
            return Ok(());
        }
        let texts = |f: fn(&AccessLogRow) -> String| rows.iter().map(f).collect::<Vec<_>>();
        let center = texts(|r| r.center_id.to_string());
        let device = texts(|r| r.device_id.to_string());
        let seq: Vec<i64> = rows.iter().map(|r| signed(r.seq)).collect();
        let at = texts(|r| r.at.clone());
        let entry_device = texts(|r| r.entry_device.clone());
        let actor = texts(|r| r.actor.clone());
        let action = texts(|r| r.action.clone());
        let entity = texts(|r| r.entity.clone());
        let entity_id: Vec<Option<String>> = rows.iter().map(|r| r.entity_id.clone()).collect();
        let detail = texts(|r| r.detail.clone());
        let prev_hash = texts(|r| r.prev_hash.clone());
        let hash = texts(|r| r.hash.clone());
        let received_at = texts(|r| r.received_at.clone());
        self.execute(
            concat!(
                "INSERT INTO access_log (",
                columns!(),
                ") SELECT * FROM UNNEST($1::text[], $2::text[], $3::bigint[], $4::text[],
                   $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                   $11::text[], $12::text[], $13::text[])"
            ),
            &[
                &center,
                &device,
                &seq,
                &at,
                &entry_device,
                &actor,
                &action,
                &entity,
                &entity_id,
                &detail,
                &prev_hash,
                &hash,
                &received_at,
            ],
        )?;
        Ok(())
    }

    fn access_log_page(
        &mut self,
        center: Uuid,
        filter: &AccessLogFilter,
        limit: u32,
        offset: u64,
    ) -> Result<(Vec<AccessLogRow>, u64)> {
        let center = center.to_string();
        let device = filter.device.map(|d| d.to_string());
        let total = self
            .query_opt(
                concat!("SELECT count(*) FROM access_log WHERE ", filter!()),
                &[
                    &center,
                    &device,
                    &filter.action,
                    &filter.entity_id,
                    &filter.from,
                    &filter.until,
                ],
            )?
            .map(|r| r.try_get::<_, i64>(0))
            .transpose()?
            .unwrap_or(0);
        let rows = self.query(
            concat!(
                "SELECT ",
                columns!(),
                " FROM access_log WHERE ",
                filter!(),
                " ORDER BY at DESC, device_id DESC, seq DESC LIMIT $7 OFFSET $8"
            ),
            &[
                &center,
                &device,
                &filter.action,
                &filter.entity_id,
                &filter.from,
                &filter.until,
                &i64::from(limit),
                &signed(offset),
            ],
        )?;
        let rows = rows.iter().map(row).collect::<Result<Vec<_>>>()?;
        Ok((rows, unsigned(total, "access_log")?))
    }

    fn access_log_all(&mut self, center: Uuid) -> Result<Vec<AccessLogRow>> {
        let rows = self.query(
            concat!(
                "SELECT ",
                columns!(),
                " FROM access_log WHERE center_id = $1 ORDER BY device_id, seq"
            ),
            &[&center.to_string()],
        )?;
        rows.iter().map(row).collect()
    }
}
