//! The production backend: PostgreSQL through a pool of synchronous
//! connections. Same rows and the same answers as the SQLite backend (text
//! ids and RFC 3339 times, byte-ordered text, see
//! migrations/postgres_0001.sql); what differs is locking. Transactions run
//! at READ COMMITTED and a push serialises on its center's row
//! ([`Tx::lock_center`]), so pushes to different centers run side by side.
//!
//! Every statement is prepared once per pooled connection and kept with it:
//! the hot paths (a record read and write per mutation, a change and a
//! result) then cost one round trip each and no parsing or planning.

mod access_log;
mod copy;
mod destroy;
mod migrate;
#[macro_use]
mod rows;
mod kept;
mod tls;
mod viewers;

use super::{Logged, Result, StoredResult, ToLog, Tx, logged};
use crate::error::StorageError;
use crate::model::{
    CenterRow, CountRow, DeviceRow, KeptFiguresRow, RecordRow, TransferRow, ViewerRow,
    decode_fields, encode_fields,
};
use chrono::{DateTime, Utc};
use copy::CopyRows;
use postgres::types::ToSql;
use postgres::{Client, IsolationLevel, Row, Statement, Transaction};
use r2d2_postgres::PostgresConnectionManager;
use rows::{corrupt, device_row, record_row, signed, text, time, unsigned, uuid};
use std::collections::HashMap;
use uuid::Uuid;

#[derive(Debug)]
pub struct PostgresStorage {
    pool: r2d2::Pool<Manager>,
}

impl PostgresStorage {
    /// Connects to `url` (`postgres://user@host:5432/db`, with libpq's
    /// `sslmode` and `sslrootcert` if TLS is wanted), brings the schema
    /// up to date and opens a pool of `pool_size` connections. A database
    /// whose schema is newer than this server is refused.
    pub fn connect(url: &str, pool_size: u32) -> Result<PostgresStorage> {
        if pool_size == 0 {
            return Err(StorageError::Setup(
                "PostgreSQL 연결 수는 1 이상이어야 합니다".to_owned(),
            ));
        }
        // `sslmode` and `sslrootcert` as libpq reads them (see `tls`).
        let connector = tls::Connector::new(url)?;
        let tls::Connector { config, tls, .. } = &connector;
        // One connection of its own for the migration, so a database that
        // cannot be reached fails here with the driver's own error (the pool
        // would only say it timed out).
        let mut client = config
            .connect(tls.clone())
            .map_err(|e| connector.explain(e))?;
        migrate::migrate(&mut client)?;
        drop(client);
        // No test query at checkout: it would add a round trip to every
        // transaction (a pull took a fifth longer with it). A connection
        // that died in the pool is found at BEGIN instead (see `transact`).
        let pool = r2d2::Pool::builder()
            .max_size(pool_size)
            .test_on_check_out(false)
            .build(Manager(PostgresConnectionManager::new(
                config.clone(),
                tls.clone(),
            )))?;
        Ok(PostgresStorage { pool })
    }

    /// Runs `f` in one READ COMMITTED transaction, committed when it returns
    /// `Ok` and rolled back otherwise. `f` runs at most once: a
    /// serialization failure or a deadlock comes back as a [`StorageError`]
    /// (the client retries the request).
    pub fn transact<T, E: From<StorageError>>(
        &self,
        f: impl FnOnce(&mut dyn Tx) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        let mut f = Some(f);
        let mut failure = None;
        // A connection the server closed while it sat in the pool (a
        // restart, `pg_terminate_backend`, an idle timeout) fails at BEGIN,
        // before `f` has run: it is thrown away and the next one tried. After
        // a restart every idle connection is such a one, hence the bound.
        for _ in 0..=self.pool.max_size() {
            let mut conn = self.pool.get().map_err(StorageError::from)?;
            let Conn {
                client,
                statements,
                broken,
            } = &mut *conn;
            let started = client
                .build_transaction()
                .isolation_level(IsolationLevel::ReadCommitted)
                .start();
            let tx = match started {
                Ok(tx) => tx,
                Err(e) => {
                    *broken = true;
                    failure = Some(e);
                    continue;
                }
            };
            let f = f.take().expect("the loop returns once f has run");
            let mut handle = PgTx { tx, statements };
            // On `Err` (or a panic) `handle` drops here, and with it the
            // transaction, which rolls back.
            let value = f(&mut handle)?;
            handle.tx.commit().map_err(StorageError::from)?;
            return Ok(value);
        }
        Err(failure
            .map(StorageError::from)
            .unwrap_or_else(|| StorageError::Setup("PostgreSQL 연결을 얻지 못했습니다".to_owned()))
            .into())
    }
}

/// A pooled connection and the statements prepared on it. A statement
/// belongs to the session that prepared it, so the cache lives and dies with
/// the connection.
struct Conn {
    client: Client,
    statements: HashMap<&'static str, Statement>,
    /// Set when BEGIN failed on it: the pool closes it instead of lending it again.
    broken: bool,
}

/// r2d2_postgres's manager, with a statement cache beside each client.
#[derive(Debug)]
struct Manager(PostgresConnectionManager<tls::Tls>);

impl r2d2::ManageConnection for Manager {
    type Connection = Conn;
    type Error = postgres::Error;

    fn connect(&self) -> std::result::Result<Conn, postgres::Error> {
        Ok(Conn {
            client: self.0.connect()?,
            statements: HashMap::new(),
            broken: false,
        })
    }

    /// An empty query. Not run at checkout (see [`PostgresStorage::connect`]).
    fn is_valid(&self, conn: &mut Conn) -> std::result::Result<(), postgres::Error> {
        self.0.is_valid(&mut conn.client)
    }

    fn has_broken(&self, conn: &mut Conn) -> bool {
        conn.broken || self.0.has_broken(&mut conn.client)
    }
}

struct PgTx<'a> {
    tx: Transaction<'a>,
    statements: &'a mut HashMap<&'static str, Statement>,
}

type Params<'p> = &'p [&'p (dyn ToSql + Sync)];

impl PgTx<'_> {
    /// The statement for `sql`, prepared on this connection the first time.
    /// (A prepared statement outlives the transaction that prepared it, even
    /// one rolled back.)
    fn statement(&mut self, sql: &'static str) -> Result<Statement> {
        if let Some(statement) = self.statements.get(sql) {
            return Ok(statement.clone());
        }
        let statement = self.tx.prepare(sql)?;
        self.statements.insert(sql, statement.clone());
        Ok(statement)
    }

    fn query(&mut self, sql: &'static str, params: Params<'_>) -> Result<Vec<Row>> {
        let statement = self.statement(sql)?;
        Ok(self.tx.query(&statement, params)?)
    }

    fn query_opt(&mut self, sql: &'static str, params: Params<'_>) -> Result<Option<Row>> {
        let statement = self.statement(sql)?;
        Ok(self.tx.query_opt(&statement, params)?)
    }

    fn execute(&mut self, sql: &'static str, params: Params<'_>) -> Result<u64> {
        let statement = self.statement(sql)?;
        Ok(self.tx.execute(&statement, params)?)
    }
}

impl Tx for PgTx<'_> {
    fn center(&mut self, id: Uuid) -> Result<Option<CenterRow>> {
        let row = self.query_opt(
            "SELECT name, region FROM center WHERE center_id = $1",
            &[&id.to_string()],
        )?;
        row.map(|r| {
            Ok(CenterRow {
                center_id: id,
                name: r.try_get(0)?,
                region: r.try_get(1)?,
            })
        })
        .transpose()
    }

    fn put_center(&mut self, row: &CenterRow) -> Result<()> {
        self.execute(
            "INSERT INTO center (center_id, name, region) VALUES ($1, $2, $3)
             ON CONFLICT (center_id) DO UPDATE SET name = excluded.name, region = excluded.region",
            &[&row.center_id.to_string(), &row.name, &row.region],
        )?;
        Ok(())
    }

    fn centers(&mut self) -> Result<Vec<CenterRow>> {
        let rows = self.query(
            "SELECT center_id, name, region FROM center ORDER BY name, center_id",
            &[],
        )?;
        rows.iter()
            .map(|r| {
                Ok(CenterRow {
                    center_id: uuid(&r.try_get::<_, String>(0)?, "center.center_id")?,
                    name: r.try_get(1)?,
                    region: r.try_get(2)?,
                })
            })
            .collect()
    }

    fn viewer(&mut self, id: Uuid) -> Result<Option<ViewerRow>> {
        self.read_viewer(id)
    }

    fn viewer_by_token(&mut self, token_hash: &str) -> Result<Option<ViewerRow>> {
        self.read_viewer_by_token(token_hash)
    }

    fn put_viewer(&mut self, v: &ViewerRow) -> Result<()> {
        self.write_viewer(v)
    }

    fn viewers(&mut self) -> Result<Vec<ViewerRow>> {
        self.read_viewers()
    }

    fn change_version(&mut self, center: Uuid) -> Result<u64> {
        let sql = "SELECT change_version FROM center WHERE center_id = $1";
        let row = self.query_opt(sql, &[&center.to_string()])?;
        let v: i64 = row.map(|r| r.try_get(0)).transpose()?.unwrap_or(0);
        unsigned(v, "center.change_version")
    }

    fn kept_figures(&mut self, center: Uuid) -> Result<Option<KeptFiguresRow>> {
        self.read_kept(center)
    }

    fn keep_figures(&mut self, row: &KeptFiguresRow) -> Result<()> {
        self.write_kept(row)
    }

    fn lock_center(&mut self, id: Uuid) -> Result<()> {
        // The center's row lock, held until commit or rollback. A center
        // that does not exist locks nothing, as in SQLite.
        self.execute(
            "SELECT 1 FROM center WHERE center_id = $1 FOR UPDATE",
            &[&id.to_string()],
        )?;
        Ok(())
    }

    fn next_change_version(&mut self, center: Uuid) -> Result<u64> {
        let statement = self.statement(
            "UPDATE center SET change_version = change_version + 1 WHERE center_id = $1
             RETURNING change_version",
        )?;
        // No such center: an error, as SQLite's query_row.
        let row = self.tx.query_one(&statement, &[&center.to_string()])?;
        unsigned(row.try_get(0)?, "center.change_version")
    }

    fn device(&mut self, id: Uuid) -> Result<Option<DeviceRow>> {
        let row = self.query_opt(
            concat!(
                "SELECT ",
                device_columns!(),
                " FROM device WHERE device_id = $1"
            ),
            &[&id.to_string()],
        )?;
        row.as_ref().map(device_row).transpose()
    }

    fn device_by_token(&mut self, token_hash: &str) -> Result<Option<DeviceRow>> {
        let row = self.query_opt(
            concat!(
                "SELECT ",
                device_columns!(),
                " FROM device WHERE token_hash = $1"
            ),
            &[&token_hash],
        )?;
        row.as_ref().map(device_row).transpose()
    }

    fn put_device(&mut self, d: &DeviceRow) -> Result<()> {
        let device_id = d.device_id.to_string();
        // SQLite's INSERT OR REPLACE also replaces a row that holds the same
        // token hash under another device id: first that row goes, then the
        // device is written whole.
        self.execute(
            "DELETE FROM device WHERE token_hash = $1 AND device_id <> $2",
            &[&d.token_hash, &device_id],
        )?;
        self.execute(
            concat!(
                "INSERT INTO device (",
                device_columns!(),
                ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                 ON CONFLICT (device_id) DO UPDATE SET
                    center_id = excluded.center_id, name = excluded.name,
                    token_hash = excluded.token_hash, last_seq = excluded.last_seq,
                    enrolled_at = excluded.enrolled_at, expires_at = excluded.expires_at,
                    revoked_at = excluded.revoked_at"
            ),
            &[
                &device_id,
                &d.center_id.to_string(),
                &d.name,
                &d.token_hash,
                &signed(d.last_seq),
                &text(d.enrolled_at),
                &d.expires_at.map(text),
                &d.revoked_at.map(text),
            ],
        )?;
        Ok(())
    }

    fn devices(&mut self, center: Option<Uuid>) -> Result<Vec<DeviceRow>> {
        let rows = self.query(
            concat!(
                "SELECT ",
                device_columns!(),
                " FROM device WHERE $1::text IS NULL OR center_id = $1::text
                 ORDER BY enrolled_at, device_id"
            ),
            &[&center.map(|c| c.to_string())],
        )?;
        rows.iter().map(device_row).collect()
    }

    fn put_enrollment_code(
        &mut self,
        code_hash: &str,
        center: Uuid,
        created_at: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<()> {
        self.execute(
            "INSERT INTO enrollment_code (code_hash, center_id, created_at, expires_at)
             VALUES ($1, $2, $3, $4)",
            &[
                &code_hash,
                &center.to_string(),
                &text(created_at),
                &text(expires_at),
            ],
        )?;
        Ok(())
    }

    fn take_enrollment_code(
        &mut self,
        code_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<Uuid>> {
        // One statement: of two enrollments racing for a code, the second
        // waits for the first's row lock, then finds the code used.
        let row = self.query_opt(
            "UPDATE enrollment_code SET used_at = $2
              WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2
             RETURNING center_id",
            &[&code_hash, &text(now)],
        )?;
        row.map(|r| uuid(&r.try_get::<_, String>(0)?, "enrollment_code.center_id"))
            .transpose()
    }

    fn stored_result(&mut self, device: Uuid, seq: u64) -> Result<Option<(Uuid, String)>> {
        let row = self.query_opt(
            "SELECT mutation_id, result FROM mutation_result WHERE device_id = $1 AND seq = $2",
            &[&device.to_string(), &signed(seq)],
        )?;
        row.map(|r| {
            Ok((
                uuid(&r.try_get::<_, String>(0)?, "mutation_result.mutation_id")?,
                r.try_get(1)?,
            ))
        })
        .transpose()
    }

    fn results_of_mutations(&mut self, mutations: &[Uuid]) -> Result<Vec<(Uuid, Uuid, String)>> {
        let ids: Vec<String> = mutations.iter().map(Uuid::to_string).collect();
        let rows = self.query(
            "SELECT DISTINCT ON (mutation_id) mutation_id, device_id, result FROM mutation_result
              WHERE mutation_id = ANY($1) ORDER BY mutation_id, device_id",
            &[&ids],
        )?;
        rows.iter()
            .map(|r| {
                Ok((
                    uuid(&r.try_get::<_, String>(0)?, "mutation_result.mutation_id")?,
                    uuid(&r.try_get::<_, String>(1)?, "mutation_result.device_id")?,
                    r.try_get(2)?,
                ))
            })
            .collect()
    }

    fn put_result(
        &mut self,
        device: Uuid,
        seq: u64,
        mutation: Uuid,
        holds: Option<Uuid>,
        result: &str,
    ) -> Result<()> {
        self.execute(
            "INSERT INTO mutation_result (device_id, seq, mutation_id, entity_id, result)
             VALUES ($1, $2, $3, $4, $5)",
            &[
                &device.to_string(),
                &signed(seq),
                &mutation.to_string(),
                &holds.map(|h| h.to_string()),
                &result,
            ],
        )?;
        Ok(())
    }

    fn record(&mut self, entity: &str, id: Uuid) -> Result<Option<RecordRow>> {
        let row = self.query_opt(
            concat!(
                "SELECT ",
                record_columns!(),
                " FROM record WHERE entity = $1 AND id = $2"
            ),
            &[&entity, &id.to_string()],
        )?;
        row.as_ref().map(record_row).transpose()
    }

    fn move_record(&mut self, entity: &str, id: Uuid, to: Uuid) -> Result<()> {
        self.execute(
            "UPDATE record SET center_id = $3 WHERE entity = $1 AND id = $2",
            &[&entity, &id.to_string(), &to.to_string()],
        )?;
        Ok(())
    }

    fn records(&mut self, center: Uuid) -> Result<Vec<RecordRow>> {
        // One statement: a center's figures read all of its records.
        let rows = self.query(
            concat!(
                "SELECT ",
                record_columns!(),
                " FROM record WHERE center_id = $1 ORDER BY entity, id"
            ),
            &[&center.to_string()],
        )?;
        rows.iter().map(record_row).collect()
    }

    fn put_record(&mut self, row: &RecordRow) -> Result<()> {
        let fields = encode_fields(&row.fields);
        let (metric, month) = row.fact.clone().unzip();
        self.execute(
            "INSERT INTO record (entity, id, center_id, fields, deleted, metric, month)
             VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (entity, id) DO UPDATE SET
                fields = excluded.fields, deleted = excluded.deleted,
                metric = excluded.metric, month = excluded.month",
            &[
                &row.entity,
                &row.id.to_string(),
                &row.center_id.to_string(),
                &fields,
                &row.deleted,
                &metric,
                &month,
            ],
        )?;
        Ok(())
    }

    fn records_by_key(&mut self, keys: &[(&str, Uuid)]) -> Result<Vec<RecordRow>> {
        let entities: Vec<&str> = keys.iter().map(|(e, _)| *e).collect();
        let ids: Vec<String> = keys.iter().map(|(_, id)| id.to_string()).collect();
        // Joined on the whole primary key (entity, id), so each key is one
        // index probe; `id = ANY(…)` alone cannot use that index.
        let rows = self.query(
            "SELECT r.entity, r.id, r.center_id, r.fields, r.deleted, r.metric, r.month
               FROM UNNEST($1::text[], $2::text[]) AS k(e, i)
               JOIN record r ON r.entity = k.e COLLATE \"C\" AND r.id = k.i COLLATE \"C\"",
            &[&entities, &ids],
        )?;
        let wanted: std::collections::HashSet<(&str, Uuid)> = keys.iter().copied().collect();
        let mut found = Vec::with_capacity(rows.len());
        for r in rows {
            let entity: String = r.try_get(0)?;
            let id = uuid(&r.try_get::<_, String>(1)?, "record.id")?;
            if !wanted.contains(&(entity.as_str(), id)) {
                continue;
            }
            let fields =
                decode_fields(r.try_get::<_, &str>(3)?).ok_or_else(corrupt("record.fields"))?;
            let metric: Option<String> = r.try_get(5)?;
            let month: Option<String> = r.try_get(6)?;
            found.push(RecordRow {
                entity,
                id,
                center_id: uuid(&r.try_get::<_, String>(2)?, "record.center_id")?,
                fields,
                deleted: r.try_get(4)?,
                fact: metric.zip(month),
            });
        }
        Ok(found)
    }

    fn put_records(&mut self, created: &[RecordRow], changed: &[RecordRow]) -> Result<()> {
        // New rows are copied in (binary COPY): the upsert they used to go
        // through was 3.0 of a 100k-row push's 5.5 s in PostgreSQL. Should
        // another center's push have made the same key meanwhile, the copy
        // fails on the primary key and the whole push is retried, where an
        // upsert would have overwritten that center's record.
        if !created.is_empty() {
            let mut rows = CopyRows::start(
                &mut self.tx,
                "COPY record (entity, id, center_id, fields, deleted, metric, month)
                 FROM STDIN (FORMAT binary)",
                7,
            )?;
            for row in created {
                let (metric, month) = row.fact.as_ref().map(|(m, mo)| (m, mo)).unzip();
                rows.text(&row.entity);
                rows.text(&row.id.to_string());
                rows.text(&row.center_id.to_string());
                rows.text(&encode_fields(&row.fields));
                rows.bool(row.deleted);
                rows.opt_text(metric.map(String::as_str));
                rows.opt_text(month.map(String::as_str));
            }
            rows.finish()?;
        }
        if changed.is_empty() {
            return Ok(());
        }
        let mut entity = Vec::with_capacity(changed.len());
        let mut id = Vec::with_capacity(changed.len());
        let mut fields = Vec::with_capacity(changed.len());
        let mut deleted = Vec::with_capacity(changed.len());
        let mut metric: Vec<Option<&str>> = Vec::with_capacity(changed.len());
        let mut month: Vec<Option<&str>> = Vec::with_capacity(changed.len());
        for row in changed {
            entity.push(row.entity.as_str());
            id.push(row.id.to_string());
            fields.push(encode_fields(&row.fields));
            deleted.push(row.deleted);
            let (m, mo) = row
                .fact
                .as_ref()
                .map(|(m, mo)| (m.as_str(), mo.as_str()))
                .unzip();
            metric.push(m);
            month.push(mo);
        }
        // The center never changes: a record stays with the center that made it.
        self.execute(
            "UPDATE record r SET fields = u.f, deleted = u.d, metric = u.m, month = u.mo
               FROM UNNEST($1::text[], $2::text[], $3::text[], $4::bool[], $5::text[], $6::text[])
                    AS u(e, i, f, d, m, mo)
              WHERE r.entity = u.e COLLATE \"C\" AND r.id = u.i COLLATE \"C\"",
            &[&entity, &id, &fields, &deleted, &metric, &month],
        )?;
        Ok(())
    }

    fn reserve_change_versions(&mut self, center: Uuid, n: u64) -> Result<u64> {
        let statement = self.statement(
            "UPDATE center SET change_version = change_version + $2 WHERE center_id = $1
             RETURNING change_version",
        )?;
        let row = self
            .tx
            .query_one(&statement, &[&center.to_string(), &signed(n)])?;
        let last = unsigned(row.try_get(0)?, "center.change_version")?;
        Ok(last + 1 - n)
    }

    fn put_changes(&mut self, center: Uuid, changes: &[(u64, ToLog)]) -> Result<()> {
        if changes.is_empty() {
            return Ok(());
        }
        let center = center.to_string();
        let mut rows = CopyRows::start(
            &mut self.tx,
            "COPY change_log (center_id, version, body, event_id, entity_id)
             FROM STDIN (FORMAT binary)",
            5,
        )?;
        for (version, entry) in changes {
            rows.text(&center);
            rows.int8(signed(*version));
            match entry {
                ToLog::Change { entity_id, body } => {
                    rows.text(body);
                    rows.opt_text(None);
                    rows.text(&entity_id.to_string());
                }
                ToLog::Event(id) => {
                    rows.opt_text(None);
                    rows.text(&id.to_string());
                    rows.opt_text(None);
                }
            }
        }
        rows.finish()
    }

    fn put_results(&mut self, device: Uuid, results: &[StoredResult]) -> Result<()> {
        if results.is_empty() {
            return Ok(());
        }
        let device = device.to_string();
        let mut rows = CopyRows::start(
            &mut self.tx,
            "COPY mutation_result (device_id, seq, mutation_id, entity_id, result)
             FROM STDIN (FORMAT binary)",
            5,
        )?;
        for r in results {
            rows.text(&device);
            rows.int8(signed(r.seq));
            rows.text(&r.mutation.to_string());
            rows.opt_text(r.holds.map(|h| h.to_string()).as_deref());
            rows.text(&r.result);
        }
        rows.finish()
    }

    fn put_change(&mut self, center: Uuid, version: u64, entity: Uuid, body: &str) -> Result<()> {
        self.execute(
            "INSERT INTO change_log (center_id, version, entity_id, body) VALUES ($1, $2, $3, $4)",
            &[
                &center.to_string(),
                &signed(version),
                &entity.to_string(),
                &body,
            ],
        )?;
        Ok(())
    }

    fn put_event_change(&mut self, center: Uuid, version: u64, event: Uuid) -> Result<()> {
        self.execute(
            "INSERT INTO change_log (center_id, version, event_id) VALUES ($1, $2, $3)",
            &[&center.to_string(), &signed(version), &event.to_string()],
        )?;
        Ok(())
    }

    fn changes_after(
        &mut self,
        center: Uuid,
        after: u64,
        limit: u32,
    ) -> Result<Vec<(u64, Logged)>> {
        let rows = self.query(
            "SELECT c.version, c.body, c.event_id, r.fields FROM change_log c
               LEFT JOIN record r ON r.entity = 'event' AND r.id = c.event_id
              WHERE c.center_id = $1 AND c.version > $2 ORDER BY c.version LIMIT $3",
            &[&center.to_string(), &signed(after), &i64::from(limit)],
        )?;
        rows.iter()
            .map(|r| {
                Ok((
                    unsigned(r.try_get(0)?, "change_log.version")?,
                    logged(r.try_get(1)?, r.try_get(2)?, r.try_get(3)?)?,
                ))
            })
            .collect()
    }

    fn conflict(&mut self, id: Uuid) -> Result<Option<(Uuid, String)>> {
        let row = self.query_opt(
            "SELECT center_id, body FROM conflict WHERE conflict_id = $1",
            &[&id.to_string()],
        )?;
        row.map(|r| {
            Ok((
                uuid(&r.try_get::<_, String>(0)?, "conflict.center_id")?,
                r.try_get(1)?,
            ))
        })
        .transpose()
    }

    fn put_conflict(&mut self, center: Uuid, id: Uuid, resolved: bool, body: &str) -> Result<()> {
        self.execute(
            "INSERT INTO conflict (conflict_id, center_id, resolved, body) VALUES ($1, $2, $3, $4)
             ON CONFLICT (conflict_id) DO UPDATE SET resolved = excluded.resolved, body = excluded.body",
            &[&id.to_string(), &center.to_string(), &resolved, &body],
        )?;
        Ok(())
    }

    fn open_conflicts(&mut self, center: Uuid) -> Result<Vec<String>> {
        let rows = self.query(
            "SELECT body FROM conflict WHERE center_id = $1 AND NOT resolved ORDER BY conflict_id",
            &[&center.to_string()],
        )?;
        rows.iter()
            .map(|r| Ok(r.try_get::<_, String>(0)?))
            .collect()
    }

    fn put_transfer(&mut self, row: &TransferRow) -> Result<()> {
        self.execute(
            "INSERT INTO transfer (transfer_id, seeker_id, from_center, to_center, at, events, reason)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
            &[
                &row.transfer_id.to_string(),
                &row.seeker_id.to_string(),
                &row.from_center.to_string(),
                &row.to_center.to_string(),
                &text(row.at),
                &signed(row.events),
                &row.reason,
            ],
        )?;
        Ok(())
    }

    fn transfers(&mut self, seeker: Option<Uuid>) -> Result<Vec<TransferRow>> {
        let rows = self.query(
            "SELECT transfer_id, seeker_id, from_center, to_center, at, events, reason FROM transfer
              WHERE $1::TEXT IS NULL OR seeker_id = $1 ORDER BY transfer_id",
            &[&seeker.map(|s| s.to_string())],
        )?;
        rows.iter()
            .map(|r| {
                Ok(TransferRow {
                    transfer_id: uuid(&r.try_get::<_, String>(0)?, "transfer.transfer_id")?,
                    seeker_id: uuid(&r.try_get::<_, String>(1)?, "transfer.seeker_id")?,
                    from_center: uuid(&r.try_get::<_, String>(2)?, "transfer.from_center")?,
                    to_center: uuid(&r.try_get::<_, String>(3)?, "transfer.to_center")?,
                    at: time(Some(r.try_get(4)?), "transfer.at")?
                        .ok_or_else(corrupt("transfer.at"))?,
                    events: unsigned(r.try_get(5)?, "transfer.events")?,
                    reason: r.try_get(6)?,
                })
            })
            .collect()
    }

    fn counts(&mut self, from: &str, to: &str) -> Result<Vec<CountRow>> {
        let rows = self.query(
            "SELECT center_id, month, metric, count(*) FROM record
              WHERE metric IS NOT NULL AND NOT deleted AND month BETWEEN $1 AND $2
              GROUP BY metric, month, center_id ORDER BY center_id, month, metric",
            &[&from, &to],
        )?;
        rows.iter()
            .map(|r| {
                Ok(CountRow {
                    center_id: uuid(&r.try_get::<_, String>(0)?, "record.center_id")?,
                    month: r.try_get(1)?,
                    metric: r.try_get(2)?,
                    count: u64::try_from(r.try_get::<_, i64>(3)?).unwrap_or(0),
                })
            })
            .collect()
    }
}
