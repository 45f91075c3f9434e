//! 암호 변경: re-encrypting the open caseload under a new passphrase, from
//! the desk's dialog or `doyak passphrase`. The store does the crash-safe
//! part (doyak-store `rekey`); this checks the form, counts wrong current
//! passphrases like wrong unlocks, and keeps the desk's reader in step.

use crate::caseload::{Desk, MIN_PASSPHRASE_CHARS, passphrase_too_short};
use crate::error::AppError;
use crate::unlock::UnlockGuard;
use doyak_domain::FieldError;
use doyak_store::Passphrase;
use std::time::Instant;

/// The 암호 변경 form. Every field is wiped from memory when the form is
/// dropped and never shown by `Debug`.
#[derive(Clone, Default, PartialEq, Eq, serde::Deserialize, ts_rs::TS)]
pub struct PassphraseChangeForm {
    pub current: String,
    pub new: String,
    pub confirm: String,
}

impl std::fmt::Debug for PassphraseChangeForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PassphraseChangeForm(***)")
    }
}

impl Drop for PassphraseChangeForm {
    fn drop(&mut self) {
        use zeroize::Zeroize;
        self.current.zeroize();
        self.new.zeroize();
        self.confirm.zeroize();
    }
}

/// What is wrong with a form, and whether the current passphrase was wrong
/// (that counts as a failed try, like a wrong passphrase at unlock).
struct Problems {
    errors: Vec<FieldError>,
    wrong_current: bool,
}

impl Desk {
    fn passphrase_form_problems(&self, form: &PassphraseChangeForm) -> Result<Problems, AppError> {
        let mut errors = Vec::new();
        // Deriving the key takes a moment; the store keeps no copy of the
        // passphrase to compare with.
        let wrong_current = !self
            .store
            .check_passphrase(&Passphrase::new(form.current.clone()))?;
        if wrong_current {
            errors.push(FieldError::new(
                "current",
                "현재 암호",
                "현재 암호가 맞지 않습니다. 사례관리 파일을 열 때 쓰는 암호를 입력해 주세요.",
            ));
        }
        if form.new.chars().count() < MIN_PASSPHRASE_CHARS {
            errors.push(passphrase_too_short("new", "새 암호"));
        } else if form.new == form.current {
            errors.push(FieldError::new(
                "new",
                "새 암호",
                "현재 암호와 다른 암호를 입력해 주세요.",
            ));
        }
        if form.new != form.confirm {
            errors.push(FieldError::new(
                "confirm",
                "새 암호 확인",
                "두 번 입력한 새 암호가 다릅니다.",
            ));
        }
        Ok(Problems {
            errors,
            wrong_current,
        })
    }

    /// Re-encrypts the caseload under the form's new passphrase: the current
    /// one must be right, the new one at least [`MIN_PASSPHRASE_CHARS`]
    /// characters, typed twice the same, and different. Every problem is
    /// reported under its field and nothing changes. Afterwards only the new
    /// passphrase opens the file; records, outbox and device are the same.
    /// No other connection may have the file open (see
    /// [`Desk::change_passphrase_beside`] for the desk's reader).
    pub fn change_passphrase(&mut self, form: &PassphraseChangeForm) -> Result<(), AppError> {
        let problems = self.passphrase_form_problems(form)?;
        if !problems.errors.is_empty() {
            return Err(AppError::Invalid(problems.errors));
        }
        self.rekey(form)
    }

    fn rekey(&mut self, form: &PassphraseChangeForm) -> Result<(), AppError> {
        let result = self.store.change_passphrase(
            &Passphrase::new(form.current.clone()),
            &Passphrase::new(form.new.clone()),
        );
        // The store may have been reopened: what was derived from it goes.
        *self.match_pool.borrow_mut() = None;
        *self.kpi_facts.borrow_mut() = None;
        *self.kpi_reads.borrow_mut() = Default::default();
        Ok(result?)
    }

    /// The desk's passphrase change: the writer (`self`) and the read-only
    /// view beside it (`reader`), with the unlock throttle. A wrong current
    /// passphrase counts as a wrong try, and while a wait runs no try is
    /// made. The reader is closed for the change (it would keep the old
    /// file open) and reopened on whichever passphrase the file then has.
    pub fn change_passphrase_beside(
        &mut self,
        reader: &mut Option<Desk>,
        guard: &mut UnlockGuard,
        now: Instant,
        form: &PassphraseChangeForm,
    ) -> Result<(), AppError> {
        if let Some(wait) = guard.must_wait(now) {
            return Err(AppError::MustWait(wait));
        }
        let problems = self.passphrase_form_problems(form)?;
        if problems.wrong_current {
            guard.failed(now);
        }
        if !problems.errors.is_empty() {
            return Err(AppError::Invalid(problems.errors));
        }
        guard.succeeded();
        let had_reader = reader.take().is_some();
        let result = self.rekey(form);
        if had_reader {
            // After a failure the file is the old one, unless the change
            // failed after its rename.
            let order = if result.is_ok() {
                [&form.new, &form.new]
            } else {
                [&form.current, &form.new]
            };
            *reader = order.into_iter().find_map(|p| {
                Desk::open_reader(
                    self.store.path(),
                    &Passphrase::new(p.clone()),
                    self.clock.clone(),
                )
                .ok()
            });
        }
        result
    }
}
