//! Opening a caseload and the handle every use case hangs off.

use crate::{AppError, Clock};
use doyak_domain::record::CheckContext;
use doyak_domain::{Center, Id, SigunguCode};
use doyak_store::{Passphrase, Store, WriteContext};
use std::path::Path;
use std::sync::Arc;

/// What a new caseload needs to know.
#[derive(Debug, Clone)]
pub struct NewCaseload {
    pub center_name: String,
    pub center_sigungu: Option<String>,
}

/// An open caseload and who is working on it.
pub struct Desk {
    pub(crate) store: Store,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) actor: String,
}

impl std::fmt::Debug for Desk {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Desk")
            .field("store", &self.store)
            .field("actor", &self.actor)
            .finish()
    }
}

impl Desk {
    /// Creates a new encrypted caseload for a center.
    pub fn create(
        path: &Path,
        passphrase: &Passphrase,
        new: &NewCaseload,
        clock: Arc<dyn Clock>,
    ) -> Result<Desk, AppError> {
        let center = Center {
            id: Id::from(uuid::Uuid::now_v7()),
            name: new.center_name.trim().to_owned(),
            sigungu: new.center_sigungu.as_deref().map(SigunguCode::from),
        };
        let errors = doyak_domain::SharedRecord::check(
            &center,
            &CheckContext {
                today: clock.today(),
                codes: doyak_refdata::get(),
            },
        );
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        let actor = "local".to_owned();
        let ctx = WriteContext::new(clock.now(), actor.clone());
        let store = Store::create(path, passphrase, &center, &ctx)?;
        Ok(Desk {
            store,
            clock,
            actor,
        })
    }

    /// Opens an existing caseload.
    pub fn open(
        path: &Path,
        passphrase: &Passphrase,
        clock: Arc<dyn Clock>,
    ) -> Result<Desk, AppError> {
        let store = Store::open(path, passphrase)?;
        Ok(Desk {
            store,
            clock,
            actor: "local".to_owned(),
        })
    }

    /// Names who is working, for the audit log (a counselor id or a tool name
    /// such as "cli"). Never a person's name.
    pub fn with_actor(mut self, actor: impl Into<String>) -> Self {
        self.actor = actor.into();
        self
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn center_id(&self) -> Id {
        self.store.center_id()
    }

    pub fn center_name(&self) -> &str {
        &self.store.caseload().center_name
    }

    pub fn clock(&self) -> &dyn Clock {
        self.clock.as_ref()
    }

    pub(crate) fn write_ctx(&self) -> WriteContext {
        WriteContext::new(self.clock.now(), self.actor.clone())
    }

    pub(crate) fn check_ctx(&self) -> CheckContext<'static> {
        CheckContext {
            today: self.clock.today(),
            codes: doyak_refdata::get(),
        }
    }

    /// A fresh id for a record created on this device.
    pub fn new_id(&self) -> Id {
        Id::from(uuid::Uuid::now_v7())
    }

    /// Reads the whole file and checks its structure; an error means the file
    /// is damaged (restore from a backup or the server).
    pub fn verify(&self) -> Result<(), AppError> {
        Ok(self.store.verify()?)
    }

    /// How many changes wait to be synced.
    pub fn pending_changes(&self) -> Result<u64, AppError> {
        Ok(self.store.pending_changes()?)
    }
}
