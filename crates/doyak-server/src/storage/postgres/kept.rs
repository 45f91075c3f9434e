//! The kept figure totals of each center (`crate::kept`) on PostgreSQL.

use super::PgTx;
use super::rows::{corrupt, signed, unsigned};
use crate::model::KeptFiguresRow;
use crate::storage::Result;
use uuid::Uuid;

impl PgTx<'_> {
    pub(super) fn read_kept(&mut self, center: Uuid) -> Result<Option<KeptFiguresRow>> {
        let sql = "SELECT change_version, today, months FROM center_figures WHERE center_id = $1";
        let Some(row) = self.query_opt(sql, &[&center.to_string()])? else {
            return Ok(None);
        };
        let today: String = row.try_get(1)?;
        Ok(Some(KeptFiguresRow {
            center_id: center,
            change_version: unsigned(row.try_get(0)?, "center_figures.change_version")?,
            today: today
                .parse()
                .map_err(|_| corrupt("center_figures.today")())?,
            months: row.try_get(2)?,
        }))
    }

    pub(super) fn write_kept(&mut self, row: &KeptFiguresRow) -> Result<()> {
        self.execute(
            "INSERT INTO center_figures (center_id, change_version, today, months)
             VALUES ($1, $2, $3, $4)
             ON CONFLICT (center_id) DO UPDATE SET change_version = excluded.change_version,
               today = excluded.today, months = excluded.months
             -- Two servers on one database: an older computation finishing
             -- last does not replace a newer one.
             WHERE (center_figures.change_version, center_figures.today)
                <= (excluded.change_version, excluded.today)",
            &[
                &row.center_id.to_string(),
                &signed(row.change_version),
                &row.today.to_string(),
                &row.months,
            ],
        )?;
        Ok(())
    }
}
