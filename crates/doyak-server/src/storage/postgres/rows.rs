//! Reading and writing the row types' columns: ids and times as text, the
//! device, viewer and record rows in the column order their statements
//! name.

use crate::error::StorageError;
use crate::model::{DeviceRow, RecordRow, decode_fields};
use crate::storage::Result;
use chrono::{DateTime, Utc};
use postgres::Row;
use uuid::Uuid;

pub(super) fn corrupt(what: &'static str) -> impl Fn() -> StorageError {
    move || StorageError::Corrupt { what }
}

pub(super) fn uuid(text: &str, what: &'static str) -> Result<Uuid> {
    Uuid::parse_str(text).map_err(|_| corrupt(what)())
}

pub(super) fn time(text: Option<String>, what: &'static str) -> Result<Option<DateTime<Utc>>> {
    text.map(|t| {
        DateTime::parse_from_rfc3339(&t)
            .map(|d| d.with_timezone(&Utc))
            .map_err(|_| corrupt(what)())
    })
    .transpose()
}

pub(super) fn text(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

pub(super) fn signed(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

pub(super) fn unsigned(n: i64, what: &'static str) -> Result<u64> {
    u64::try_from(n).map_err(|_| corrupt(what)())
}

/// The device columns, in the order [`device_row`] reads them (a macro so
/// the statements stay `&'static str` for the cache).
macro_rules! device_columns {
    () => {
        "device_id, center_id, name, token_hash, last_seq, enrolled_at, expires_at, revoked_at"
    };
}

pub(super) fn device_row(r: &Row) -> Result<DeviceRow> {
    Ok(DeviceRow {
        device_id: uuid(&r.try_get::<_, String>(0)?, "device.device_id")?,
        center_id: uuid(&r.try_get::<_, String>(1)?, "device.center_id")?,
        name: r.try_get(2)?,
        token_hash: r.try_get(3)?,
        last_seq: unsigned(r.try_get(4)?, "device.last_seq")?,
        enrolled_at: time(Some(r.try_get(5)?), "device.enrolled_at")?
            .ok_or_else(corrupt("device"))?,
        expires_at: time(r.try_get(6)?, "device.expires_at")?,
        revoked_at: time(r.try_get(7)?, "device.revoked_at")?,
    })
}

/// The record columns, in the order [`record_row`] reads them.
macro_rules! record_columns {
    () => {
        "entity, id, center_id, fields, deleted, metric, month"
    };
}

/// A `record` row read as [`record_columns!`] lists its columns.
pub(super) fn record_row(r: &Row) -> Result<RecordRow> {
    let metric: Option<String> = r.try_get(5)?;
    let month: Option<String> = r.try_get(6)?;
    Ok(RecordRow {
        entity: r.try_get(0)?,
        id: uuid(&r.try_get::<_, String>(1)?, "record.id")?,
        center_id: uuid(&r.try_get::<_, String>(2)?, "record.center_id")?,
        fields: decode_fields(r.try_get::<_, &str>(3)?).ok_or_else(corrupt("record.fields"))?,
        deleted: r.try_get(4)?,
        fact: metric.zip(month),
    })
}
