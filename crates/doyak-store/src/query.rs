//! Reading the caseload: single records, the paged and filtered lists the desk
//! shows, 초성 search, a subject's events, and the pending outbox.

use crate::Store;
use crate::error::{Result, StoreError};
use doyak_domain::events::CaseEvent;
use doyak_domain::korean;
use doyak_domain::seeker::{SeekerStatus, TargetGroup, Track};
use doyak_domain::{Id, JobSeeker, SharedRecord};
use rusqlite::{OptionalExtension, ToSql};
use serde::de::DeserializeOwned;

/// One page of a list, with the total the filters match.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ListOrder {
    /// 최근 수정순
    #[default]
    RecentlyUpdated,
    /// 가나다순
    Name,
}

/// The filters of the seeker list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SeekerFilter {
    /// Name text; understands 초성 (see [`korean::matches`]).
    pub text: Option<String>,
    pub status: Option<SeekerStatus>,
    pub track: Option<Track>,
    pub target_group: Option<TargetGroup>,
    pub counselor_id: Option<Id>,
    pub order: ListOrder,
    pub offset: u64,
    pub limit: u64,
}

/// A pending change waiting to be sent to the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxEntry {
    pub seq: i64,
    pub mutation_id: String,
    pub device_id: String,
    pub entity: String,
    pub entity_id: String,
    pub op: String,
    pub fields: String,
    pub hlc: String,
    pub schema_version: i64,
    /// JSON array of the conflict ids an update resolves; `[]` otherwise.
    pub resolves: String,
}

pub(crate) fn decode<T: DeserializeOwned>(data: &str, what: &str) -> Result<T> {
    serde_json::from_str(data).map_err(|source| StoreError::Decode {
        what: what.to_owned(),
        source,
    })
}

pub(crate) fn enum_str<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Escapes LIKE wildcards in user text.
pub(crate) fn like_pattern(text: &str) -> String {
    let mut p = String::from("%");
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p
}

impl Store {
    /// A shared record by id; deleted records are not returned.
    pub fn get<R: SharedRecord>(&self, id: Id) -> Result<Option<R>> {
        let table = R::KIND.as_str();
        let data: Option<String> = self
            .conn
            .prepare_cached(&format!(
                "SELECT data FROM {table} WHERE id = ?1 AND deleted_at IS NULL"
            ))?
            .query_row([id.to_string()], |r| r.get(0))
            .optional()?;
        data.map(|d| decode(&d, table)).transpose()
    }

    /// The number of live records of a kind.
    pub fn count<R: SharedRecord>(&self) -> Result<u64> {
        let n: i64 = self
            .conn
            .prepare_cached("SELECT n FROM tally WHERE name = ?1")?
            .query_row([R::KIND.as_str()], |r| r.get(0))?;
        Ok(n as u64)
    }

    /// Ids of live records whose name matches `text` (초성 aware), in name order.
    ///
    /// A `LIKE` over the covering (search_key, name, id) index narrows the
    /// candidates to those containing the query's 초성; [`korean::matches`]
    /// then keeps the exact matches.
    pub fn search_ids<R: SharedRecord>(
        &self,
        text: &str,
        limit: usize,
    ) -> Result<Vec<(Id, String)>> {
        let table = R::KIND.as_str();
        let key = korean::prefilter_key(text);
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT id, name FROM {table} WHERE deleted_at IS NULL AND search_key LIKE ?1 ESCAPE '\\' ORDER BY name, id"
        ))?;
        let mut rows = stmt.query([like_pattern(&key)])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let name: String = row.get(1)?;
            if korean::matches(text, &name) {
                let id: String = row.get(0)?;
                let id = id.parse().map_err(|_| StoreError::Corrupt {
                    reason: format!("{table}.id"),
                })?;
                out.push((id, name));
                if out.len() >= limit {
                    break;
                }
            }
        }
        Ok(out)
    }

    /// A page of the seeker list with the desk's filters.
    ///
    /// With name text the in-memory index answers (see `name_index`); without
    /// it SQL pages through the (updated_at, id) or (name, id) index.
    pub fn list_seekers(&self, filter: &SeekerFilter) -> Result<Page<JobSeeker>> {
        if let Some(text) = filter
            .text
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            return self.search_seekers(text, filter);
        }
        let mut conditions = vec!["deleted_at IS NULL".to_owned()];
        let mut params: Vec<Box<dyn ToSql>> = Vec::new();
        if let Some(status) = filter.status {
            params.push(Box::new(enum_str(&status)));
            conditions.push(format!("status = ?{}", params.len()));
        }
        if let Some(track) = filter.track {
            params.push(Box::new(enum_str(&track)));
            conditions.push(format!("track = ?{}", params.len()));
        }
        if let Some(counselor) = filter.counselor_id {
            params.push(Box::new(counselor.to_string()));
            conditions.push(format!("counselor_id = ?{}", params.len()));
        }
        if let Some(group) = filter.target_group {
            params.push(Box::new(format!("%\"{}\"%", enum_str(&group))));
            conditions.push(format!("target_groups LIKE ?{}", params.len()));
        }
        let where_ = conditions.join(" AND ");
        let param_refs: Vec<&dyn ToSql> = params.iter().map(|p| p.as_ref()).collect();
        let total: i64 = if params.is_empty() {
            self.count::<JobSeeker>()? as i64
        } else {
            self.conn
                .prepare_cached(&format!("SELECT count(*) FROM seeker WHERE {where_}"))?
                .query_row(param_refs.as_slice(), |r| r.get(0))?
        };
        let order = match filter.order {
            ListOrder::RecentlyUpdated => "updated_at DESC, id DESC",
            ListOrder::Name => "name, id",
        };
        let limit = if filter.limit == 0 { 50 } else { filter.limit };
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT data FROM seeker WHERE {where_} ORDER BY {order} LIMIT {limit} OFFSET {}",
            filter.offset
        ))?;
        let items = stmt
            .query_map(param_refs.as_slice(), |r| r.get::<_, String>(0))?
            .map(|d| decode(&d?, "seeker"))
            .collect::<Result<Vec<JobSeeker>>>()?;
        Ok(Page {
            items,
            total: total as u64,
        })
    }

    /// Calls `f` with every live record of a kind, in id (creation) order,
    /// without holding them all in memory.
    pub fn for_each<R: SharedRecord>(&self, mut f: impl FnMut(R) -> Result<()>) -> Result<()> {
        let table = R::KIND.as_str();
        let mut stmt = self.conn.prepare(&format!(
            "SELECT data FROM {table} WHERE deleted_at IS NULL ORDER BY id"
        ))?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let data: String = row.get(0)?;
            f(decode(&data, table)?)?;
        }
        Ok(())
    }

    /// A subject's events, oldest first.
    pub fn events_of(&self, subject_id: Id) -> Result<Vec<CaseEvent>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT data FROM event WHERE subject_id = ?1 ORDER BY occurred_on, id",
        )?;
        let events = stmt
            .query_map([subject_id.to_string()], |r| r.get::<_, String>(0))?
            .map(|d| decode(&d?, "event"))
            .collect::<Result<Vec<CaseEvent>>>()?;
        Ok(events)
    }

    /// Live seekers who may be the person being registered: the same name
    /// and birth date, or the same phone number (both as stored: the
    /// domain's normalised forms). Read through the indexes of migration
    /// 0005; at most `limit` of each kind.
    pub fn possible_duplicates(
        &self,
        name: &str,
        birth_date: Option<chrono::NaiveDate>,
        phone: Option<&str>,
        limit: u32,
    ) -> Result<Vec<JobSeeker>> {
        let mut ids: Vec<String> = Vec::new();
        if let Some(birth) = birth_date {
            let mut stmt = self.conn.prepare_cached(
                "SELECT id FROM seeker WHERE deleted_at IS NULL AND name = ?1 AND birth_date = ?2 ORDER BY id LIMIT ?3",
            )?;
            let rows = stmt.query_map(rusqlite::params![name, birth.to_string(), limit], |r| {
                r.get::<_, String>(0)
            })?;
            for id in rows {
                ids.push(id?);
            }
        }
        if let Some(phone) = phone {
            let mut stmt = self.conn.prepare_cached(
                "SELECT id FROM seeker WHERE deleted_at IS NULL AND phone = ?1 ORDER BY id LIMIT ?2",
            )?;
            for id in stmt.query_map(rusqlite::params![phone, limit], |r| r.get::<_, String>(0))? {
                let id = id?;
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        let mut seekers = Vec::with_capacity(ids.len());
        for id in ids {
            let id = id.parse().map_err(|_| StoreError::Corrupt {
                reason: "seeker.id".into(),
            })?;
            seekers.extend(self.get::<JobSeeker>(id)?);
        }
        Ok(seekers)
    }

    /// One event by its id.
    pub fn event(&self, id: Id) -> Result<Option<CaseEvent>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT data FROM event WHERE id = ?1")?;
        let data = stmt
            .query_row([id.to_string()], |r| r.get::<_, String>(0))
            .optional()?;
        data.map(|d| decode(&d, "event")).transpose()
    }

    /// Whether a later event of the same subject corrects `event` (a
    /// correction shares its original's subject). Reads the subject's index
    /// rows, not their JSON.
    pub fn is_superseded(&self, event: &CaseEvent) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM event INDEXED BY event_subject
                                 WHERE subject_id = ?1 AND supersedes = ?2)",
            )?
            .query_row((event.subject_id.to_string(), event.id.to_string()), |r| {
                r.get(0)
            })?)
    }

    /// The live company registered under a 사업자등록번호, if any.
    pub fn company_by_business_number(
        &self,
        number: &doyak_domain::BusinessNumber,
    ) -> Result<Option<Id>> {
        let id: Option<String> = self
            .conn
            .prepare_cached(
                "SELECT id FROM company WHERE business_number = ?1 AND deleted_at IS NULL",
            )?
            .query_row([number.formatted()], |r| r.get(0))
            .optional()?;
        id.map(|i| {
            i.parse().map_err(|_| StoreError::Corrupt {
                reason: "company.id".into(),
            })
        })
        .transpose()
    }

    /// How many changes wait to be sent.
    pub fn pending_changes(&self) -> Result<u64> {
        let n: i64 = self
            .conn
            .prepare_cached("SELECT n FROM tally WHERE name = 'outbox'")?
            .query_row([], |r| r.get(0))?;
        Ok(n as u64)
    }

    /// The oldest pending changes as stored, in sequence order (what
    /// [`Store::outbox_batch`] sends, before conversion to the wire).
    pub fn outbox_entries(&self, limit: usize) -> Result<Vec<OutboxEntry>> {
        self.outbox_entries_after(0, limit)
    }

    /// The oldest pending changes numbered above `after`, in sequence order.
    pub fn outbox_entries_after(&self, after: u64, limit: usize) -> Result<Vec<OutboxEntry>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT seq, mutation_id, device_id, entity, entity_id, op, fields, hlc, schema_version, resolves
             FROM outbox WHERE seq > ?1 ORDER BY seq LIMIT ?2",
        )?;
        let after = i64::try_from(after).unwrap_or(i64::MAX);
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = stmt
            .query_map([after, limit], |r| {
                Ok(OutboxEntry {
                    seq: r.get(0)?,
                    mutation_id: r.get(1)?,
                    device_id: r.get(2)?,
                    entity: r.get(3)?,
                    entity_id: r.get(4)?,
                    op: r.get(5)?,
                    fields: r.get(6)?,
                    hlc: r.get(7)?,
                    schema_version: r.get(8)?,
                    resolves: r.get(9)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// The per-field versions of a shared record (fields absent are at 1).
    pub fn field_versions<R: SharedRecord>(
        &self,
        id: Id,
    ) -> Result<Option<serde_json::Map<String, serde_json::Value>>> {
        let v: Option<String> = self
            .conn
            .prepare_cached(&format!(
                "SELECT versions FROM {} WHERE id = ?1",
                R::KIND.as_str()
            ))?
            .query_row([id.to_string()], |r| r.get(0))
            .optional()?;
        v.map(|v| decode(&v, "versions")).transpose()
    }

    /// Audit rows, oldest first; all of them or those of one record.
    pub fn audit_trail(&self, entity_id: Option<Id>) -> Result<Vec<AuditEntry>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT at, actor, action, entity, entity_id, detail FROM audit_log
             WHERE ?1 IS NULL OR entity_id = ?1 ORDER BY id",
        )?;
        let rows = stmt
            .query_map([entity_id.map(|i| i.to_string())], |r| {
                Ok(AuditEntry {
                    at: r.get(0)?,
                    actor: r.get(1)?,
                    action: r.get(2)?,
                    entity: r.get(3)?,
                    entity_id: r.get(4)?,
                    detail: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}

/// One row of the audit log: who did what to which record. `detail` names
/// fields or counts, never values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    /// RFC 3339 UTC.
    pub at: String,
    pub actor: String,
    /// create, update, delete, export, import or generate.
    pub action: String,
    pub entity: String,
    pub entity_id: Option<String>,
    pub detail: String,
}
