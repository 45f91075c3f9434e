//! The viewer rows (who may read the national counts) on PostgreSQL.

use super::PgTx;
use super::rows::{corrupt, text, time, uuid};
use crate::model::ViewerRow;
use crate::storage::Result;
use postgres::Row;
use uuid::Uuid;

/// The viewer columns, in the order [`viewer_row`] reads them.
macro_rules! viewer_columns {
    () => {
        "viewer_id, name, region, token_hash, created_at, expires_at, revoked_at, center_id"
    };
}

fn viewer_row(r: &Row) -> Result<ViewerRow> {
    let region: Option<String> = r.try_get(2)?;
    Ok(ViewerRow {
        viewer_id: uuid(&r.try_get::<_, String>(0)?, "viewer.viewer_id")?,
        name: r.try_get(1)?,
        scope: crate::storage::viewer_scope(region, r.try_get(7)?)?,
        token_hash: r.try_get(3)?,
        created_at: time(Some(r.try_get(4)?), "viewer.created_at")?
            .ok_or_else(corrupt("viewer"))?,
        expires_at: time(r.try_get(5)?, "viewer.expires_at")?,
        revoked_at: time(r.try_get(6)?, "viewer.revoked_at")?,
    })
}

impl PgTx<'_> {
    pub(super) fn read_viewer(&mut self, id: Uuid) -> Result<Option<ViewerRow>> {
        let sql = concat!(
            "SELECT ",
            viewer_columns!(),
            " FROM viewer WHERE viewer_id = $1"
        );
        let row = self.query_opt(sql, &[&id.to_string()])?;
        row.as_ref().map(viewer_row).transpose()
    }

    pub(super) fn read_viewer_by_token(&mut self, token_hash: &str) -> Result<Option<ViewerRow>> {
        let sql = concat!(
            "SELECT ",
            viewer_columns!(),
            " FROM viewer WHERE token_hash = $1"
        );
        let row = self.query_opt(sql, &[&token_hash])?;
        row.as_ref().map(viewer_row).transpose()
    }

    pub(super) fn write_viewer(&mut self, v: &ViewerRow) -> Result<()> {
        let (region, center) = crate::storage::viewer_columns(&v.scope);
        self.execute(
            concat!(
                "INSERT INTO viewer (",
                viewer_columns!(),
                ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                 ON CONFLICT (viewer_id) DO UPDATE SET name = excluded.name,
                   region = excluded.region, token_hash = excluded.token_hash,
                   created_at = excluded.created_at, expires_at = excluded.expires_at,
                   revoked_at = excluded.revoked_at, center_id = excluded.center_id"
            ),
            &[
                &v.viewer_id.to_string(),
                &v.name,
                &region,
                &v.token_hash,
                &text(v.created_at),
                &v.expires_at.map(text),
                &v.revoked_at.map(text),
                &center,
            ],
        )?;
        Ok(())
    }

    pub(super) fn read_viewers(&mut self) -> Result<Vec<ViewerRow>> {
        let sql = concat!(
            "SELECT ",
            viewer_columns!(),
            " FROM viewer ORDER BY created_at, viewer_id"
        );
        self.query(sql, &[])?.iter().map(viewer_row).collect()
    }
}
