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

/// The desk's "new caseload" form. The two passphrase fields are wiped
/// from memory when the form is dropped and never shown by `Debug`.
#[derive(Clone, Default, PartialEq, Eq, serde::Deserialize, ts_rs::TS)]
pub struct NewCaseloadForm {
    pub center_name: String,
    /// 시군구 code of the center, or empty.
    pub center_sigungu: String,
    pub passphrase: String,
    pub confirm: String,
}

impl std::fmt::Debug for NewCaseloadForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewCaseloadForm")
            .field("center_name", &self.center_name)
            .field("center_sigungu", &self.center_sigungu)
            .field("passphrase", &"***")
            .field("confirm", &"***")
            .finish()
    }
}

impl Drop for NewCaseloadForm {
    fn drop(&mut self) {
        use zeroize::Zeroize;
        self.passphrase.zeroize();
        self.confirm.zeroize();
    }
}

/// The shortest passphrase the desk accepts for a new caseload.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// The fixed passphrase of the demo caseload. It protects invented people
/// only ([`Desk::create_demo`]); every other caseload needs the counselor's
/// own passphrase of at least [`MIN_PASSPHRASE_CHARS`] characters.
pub const DEMO_PASSPHRASE: &str = "demo";

pub(crate) fn passphrase_too_short(
    field: &'static str,
    label: &'static str,
) -> doyak_domain::FieldError {
    doyak_domain::FieldError::new(
        field,
        label,
        format!(
            "암호는 {MIN_PASSPHRASE_CHARS}자 이상이어야 합니다. 노트북을 잃어버려도 사례관리 파일을 지키는 유일한 열쇠입니다."
        ),
    )
}

/// What is wrong with a new passphrase typed twice: too short, or the two
/// differ (fields `passphrase` and `confirm`).
pub(crate) fn new_passphrase_errors(
    passphrase: &str,
    confirm: &str,
) -> Vec<doyak_domain::FieldError> {
    let mut errors = Vec::new();
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        errors.push(passphrase_too_short("passphrase", "암호"));
    }
    if passphrase != confirm {
        errors.push(doyak_domain::FieldError::new(
            "confirm",
            "암호 확인",
            "두 번 입력한 암호가 다릅니다.",
        ));
    }
    errors
}

/// An open caseload and who is working on it.
pub struct Desk {
    pub(crate) store: Store,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) actor: String,
    /// What matching derived from the caseload, kept until a seeker,
    /// vacancy or 알선 changes (see `recommend`).
    pub(crate) match_pool: std::cell::RefCell<Option<crate::recommend::MatchPool>>,
    /// 성과's facts, kept until anything in the caseload changes (see
    /// `figures::kpi_facts`): the list behind a figure and the saves reuse
    /// the dashboard's read.
    pub(crate) kpi_facts: std::cell::RefCell<Option<crate::figures::KpiFacts>>,
    /// The store's reads those facts are made of, each kept until what it
    /// reads changes (`figures::KpiReads`).
    pub(crate) kpi_reads: std::cell::RefCell<crate::figures::KpiReads>,
    /// Where the device token is kept besides the caseload (sync `vault`):
    /// none until the shell hands the OS keyring over.
    pub(crate) vault: Arc<dyn crate::sync::TokenVault>,
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
    /// Creates a caseload from the desk's form: the passphrase must be typed
    /// twice the same and be at least 8 characters; every problem is reported
    /// under its field, and no file is written unless all is well.
    pub fn create_from_form(
        path: &Path,
        form: &NewCaseloadForm,
        clock: Arc<dyn Clock>,
    ) -> Result<Desk, AppError> {
        let mut errors = Vec::new();
        if form.center_name.trim().is_empty() {
            errors.push(doyak_domain::FieldError::new(
                "center_name",
                "센터 이름",
                "필수 항목입니다.",
            ));
        }
        errors.extend(new_passphrase_errors(&form.passphrase, &form.confirm));
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        let sigungu = form.center_sigungu.trim();
        Desk::create(
            path,
            &Passphrase::new(form.passphrase.clone()),
            &NewCaseload {
                center_name: form.center_name.trim().to_owned(),
                center_sigungu: (!sigungu.is_empty()).then(|| sigungu.to_owned()),
            },
            clock,
        )
    }

    /// Creates a new encrypted caseload for a center. A passphrase shorter
    /// than [`MIN_PASSPHRASE_CHARS`] is refused here, whichever door (the
    /// desk's form, `doyak init`) it came through.
    pub fn create(
        path: &Path,
        passphrase: &Passphrase,
        new: &NewCaseload,
        clock: Arc<dyn Clock>,
    ) -> Result<Desk, AppError> {
        if passphrase.chars().is_some_and(|n| n < MIN_PASSPHRASE_CHARS) {
            return Err(AppError::Invalid(vec![passphrase_too_short(
                "passphrase",
                "암호",
            )]));
        }
        Desk::create_unchecked(path, passphrase, new, clock)
    }

    /// Creates the demo caseload (invented people only) under the fixed
    /// [`DEMO_PASSPHRASE`]; the caller fills it with demo data.
    pub fn create_demo(
        path: &Path,
        new: &NewCaseload,
        clock: Arc<dyn Clock>,
    ) -> Result<Desk, AppError> {
        Desk::create_unchecked(path, &Passphrase::new(DEMO_PASSPHRASE), new, clock)
    }

    fn create_unchecked(
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
            match_pool: Default::default(),
            kpi_facts: Default::default(),
            kpi_reads: Default::default(),
            vault: Arc::new(crate::sync::NoKeyring),
        })
    }

    /// Opens an existing caseload.
    pub fn open(
        path: &Path,
        passphrase: &Passphrase,
        clock: Arc<dyn Clock>,
    ) -> Result<Desk, AppError> {
        let mut store = Store::open(path, passphrase)?;
        // Changes an older build pulled but could not read are applied now
        // that this build may read them (a newer record schema). A failure
        // here leaves them held for the next opening; it never stops one.
        if store.held_count().unwrap_or(0) > 0 {
            let _ = store.apply_held(clock.now());
        }
        let mut desk = Desk {
            store,
            clock,
            actor: "local".to_owned(),
            match_pool: Default::default(),
            kpi_facts: Default::default(),
            kpi_reads: Default::default(),
            vault: Arc::new(crate::sync::NoKeyring),
        };
        // Settings a desk kept for itself become the center's, once. A
        // failure leaves them for the next opening; it never stops one.
        let _ = desk.adopt_desk_settings();
        // A withdrawal of 민감정보 consent a sync brought while this desk was
        // closed (the CLI's sync): health answers left in drafts go.
        let _ = desk.withhold_sensitive_drafts();
        Ok(desk)
    }

    /// Opens a second, read-only view of a caseload another `Desk` has open
    /// (see [`Store::open_reader`]): for the screens that read many rows, so
    /// they need not wait behind the writer. Any write through it fails.
    pub fn open_reader(
        path: &Path,
        passphrase: &Passphrase,
        clock: Arc<dyn Clock>,
    ) -> Result<Desk, AppError> {
        let store = Store::open_reader(path, passphrase)?;
        Ok(Desk {
            store,
            clock,
            actor: "reader".to_owned(),
            match_pool: Default::default(),
            kpi_facts: Default::default(),
            kpi_reads: Default::default(),
            vault: Arc::new(crate::sync::NoKeyring),
        })
    }

    /// Opens the caseload and, on another thread at the same time, its
    /// read-only view: both derive the key, which on two cores costs no
    /// more time than one. A view that cannot open (wrong passphrase, a
    /// schema the writer is upgrading right now) is simply absent; the
    /// writer's error is what the counselor sees.
    pub fn open_with_reader(
        path: &Path,
        passphrase: &Passphrase,
        clock: Arc<dyn Clock>,
    ) -> Result<(Desk, Option<Desk>), AppError> {
        std::thread::scope(|scope| {
            let reader = scope.spawn(|| Desk::open_reader(path, passphrase, clock.clone()));
            let desk = Desk::open(path, passphrase, clock.clone());
            let reader = reader.join().ok().and_then(Result::ok);
            desk.map(|desk| (desk, reader))
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
    /// Work worth doing right after unlock, off the counselor's path: the
    /// name-search index (~75 ms at 50k seekers).
    pub fn warm_up(&self) -> Result<(), AppError> {
        Ok(self.store.prepare_search()?)
    }

    pub fn verify(&self) -> Result<(), AppError> {
        Ok(self.store.verify()?)
    }

    /// How many changes wait to be synced.
    pub fn pending_changes(&self) -> Result<u64, AppError> {
        Ok(self.store.pending_changes()?)
    }
}
