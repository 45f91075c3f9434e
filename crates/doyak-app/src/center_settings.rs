//! 센터 설정 on the desk: the idle time before every desk of the center
//! locks itself, and the retention period of each kind of ended case with
//! its basis. A change is written as a `center_setting` event that replaces
//! the versions this desk holds, and reaches the other desks by sync
//! (`doyak_domain::center_settings` says how the version in force is
//! read, and what happens when two desks change a setting unseen).
//!
//! Before settings were the center's, a desk kept its idle time and
//! retention rule in its own `meta`; [`Desk::adopt_desk_settings`] carries
//! them over once, as the center's, when such a desk is opened.

use crate::counselors::written_at_label;
use crate::{AppError, Desk};
use doyak_domain::center_settings::{
    self, AUTO_LOCK_MINUTES, CenterSetting, DEFAULT_AUTO_LOCK_MINUTES, RETENTION_YEARS, SettingKey,
    SettingVersion,
};
use doyak_domain::privacy::{RetentionKind, RetentionRule};
use doyak_domain::{EventBody, EventRecord, Id};
use doyak_store::Setting;
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

/// The 자동 잠금 setting as the desk shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AutoLockSetting {
    pub minutes: u32,
    pub default_minutes: u32,
    pub min_minutes: u32,
    pub max_minutes: u32,
    /// Who set it and when ("김상담 · 2026-12-05 09:30"); `None` while the
    /// center has not set it (the default is in force).
    pub set_by: Option<String>,
    /// The other values two desks set without seeing each other's, each
    /// with who and when; empty unless the setting is in dispute.
    pub disputed: Vec<String>,
}

/// One kind's retention period as the desk shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RetentionSetting {
    /// `employed`, `closed` or `deleted`.
    pub kind: String,
    pub label: String,
    pub years: u32,
    pub basis: String,
    /// False for Doyak's default: the screens say 확인 필요.
    pub confirmed: bool,
    pub set_by: Option<String>,
    pub disputed: Vec<String>,
    pub min_years: u32,
    pub max_years: u32,
}

/// Every center setting, for the 센터 설정 panel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CenterSettings {
    pub auto_lock: AutoLockSetting,
    pub retention: Vec<RetentionSetting>,
}

/// "employed" → the kind; anything else is refused by field.
pub fn parse_retention_kind(text: &str) -> Result<RetentionKind, AppError> {
    RetentionKind::ALL
        .into_iter()
        .find(|k| k.as_str() == text)
        .ok_or_else(|| {
            AppError::Invalid(vec![doyak_domain::FieldError::new(
                "kind",
                "사례 종류",
                format!("알 수 없는 사례 종류입니다: {text} (employed, closed, deleted 중 하나)"),
            )])
        })
}

fn value_text(setting: &CenterSetting) -> String {
    match setting {
        CenterSetting::AutoLock { minutes } => format!("{minutes}분"),
        CenterSetting::Retention { rule, .. } => format!("{}년 (근거: {})", rule.years, rule.basis),
    }
}

impl Desk {
    /// Every version of the center's settings this desk holds.
    fn setting_versions(&self) -> Result<Vec<SettingVersion>, AppError> {
        Ok(self.store.center_setting_versions()?)
    }

    fn who_and_when(&self, v: &SettingVersion, names: &HashMap<Id, String>) -> String {
        let who = v
            .author_id
            .and_then(|id| names.get(&id).cloned())
            .unwrap_or_else(|| "상담사 미지정 기기".to_owned());
        match v.recorded_at {
            Some(at) => format!("{who} · {}", written_at_label(at)),
            None => who,
        }
    }

    /// The version in force of `key`, with who set it and the disputed
    /// other values, as text for the screens.
    fn shown(
        &self,
        versions: &[SettingVersion],
        key: SettingKey,
        names: &HashMap<Id, String>,
    ) -> Result<Option<(CenterSetting, String, Vec<String>)>, AppError> {
        let Some(resolved) = center_settings::resolve(versions, key) else {
            return Ok(None);
        };
        let disputed = resolved
            .disputed
            .iter()
            .map(|v| {
                format!(
                    "{} ({})",
                    value_text(&v.setting),
                    self.who_and_when(v, names)
                )
            })
            .collect();
        Ok(Some((
            resolved.current.setting.clone(),
            self.who_and_when(resolved.current, names),
            disputed,
        )))
    }

    /// The idle time in force for every desk of the center: the center's,
    /// or the default until it sets one.
    pub fn auto_lock_minutes(&self) -> Result<u32, AppError> {
        let versions = self.setting_versions()?;
        Ok(
            match center_settings::resolve(&versions, SettingKey::AutoLock) {
                Some(r) => match r.current.setting {
                    CenterSetting::AutoLock { minutes } => minutes,
                    CenterSetting::Retention { .. } => DEFAULT_AUTO_LOCK_MINUTES,
                },
                None => DEFAULT_AUTO_LOCK_MINUTES,
            },
        )
    }

    pub fn auto_lock_setting(&self) -> Result<AutoLockSetting, AppError> {
        let versions = self.setting_versions()?;
        let shown = self.shown(&versions, SettingKey::AutoLock, &self.counselor_names()?)?;
        let (minutes, set_by, disputed) = match shown {
            Some((CenterSetting::AutoLock { minutes }, by, disputed)) => {
                (minutes, Some(by), disputed)
            }
            _ => (DEFAULT_AUTO_LOCK_MINUTES, None, Vec::new()),
        };
        Ok(AutoLockSetting {
            minutes,
            default_minutes: DEFAULT_AUTO_LOCK_MINUTES,
            min_minutes: *AUTO_LOCK_MINUTES.start(),
            max_minutes: *AUTO_LOCK_MINUTES.end(),
            set_by,
            disputed,
        })
    }

    /// Sets the center's idle time; out of range is refused in Korean. The
    /// change is audited with before and after, and syncs to every desk.
    pub fn set_auto_lock_minutes(&mut self, minutes: u32) -> Result<AutoLockSetting, AppError> {
        self.set_center_settings(vec![CenterSetting::AutoLock { minutes }], false)?;
        self.auto_lock_setting()
    }

    /// The retention rule in force for a kind of ended case: the center's,
    /// or Doyak's default (its basis says 확인 필요).
    pub fn retention_rule(&self, kind: RetentionKind) -> Result<RetentionRule, AppError> {
        let versions = self.setting_versions()?;
        Ok(
            match center_settings::resolve(&versions, SettingKey::Retention(kind)) {
                Some(r) => match &r.current.setting {
                    CenterSetting::Retention { rule, .. } => rule.clone(),
                    CenterSetting::AutoLock { .. } => RetentionRule::doyak_default(),
                },
                None => RetentionRule::doyak_default(),
            },
        )
    }

    /// Every kind's retention period, in [`RetentionKind::ALL`]'s order.
    pub fn retention_settings(&self) -> Result<Vec<RetentionSetting>, AppError> {
        let versions = self.setting_versions()?;
        let names = self.counselor_names()?;
        let mut out = Vec::new();
        for kind in RetentionKind::ALL {
            let shown = self.shown(&versions, SettingKey::Retention(kind), &names)?;
            let (rule, set_by, disputed) = match shown {
                Some((CenterSetting::Retention { rule, .. }, by, disputed)) => {
                    (rule, Some(by), disputed)
                }
                _ => (RetentionRule::doyak_default(), None, Vec::new()),
            };
            out.push(RetentionSetting {
                kind: kind.as_str().to_owned(),
                label: kind.label_ko().to_owned(),
                years: rule.years,
                basis: rule.basis,
                confirmed: rule.confirmed,
                set_by,
                disputed,
                min_years: *RETENTION_YEARS.start(),
                max_years: *RETENTION_YEARS.end(),
            });
        }
        Ok(out)
    }

    /// Sets the retention period of one kind of ended case, or of every
    /// kind (`None`), with its basis; a period out of range or without a
    /// basis is refused (the basis is what the center answers to when asked
    /// why data was kept or destroyed).
    pub fn set_retention_rule(
        &mut self,
        kind: Option<RetentionKind>,
        years: u32,
        basis: &str,
    ) -> Result<Vec<RetentionSetting>, AppError> {
        let rule = RetentionRule {
            years,
            basis: basis.trim().to_owned(),
            confirmed: true,
        };
        let kinds = match kind {
            Some(k) => vec![k],
            None => RetentionKind::ALL.to_vec(),
        };
        let settings = kinds
            .into_iter()
            .map(|kind| CenterSetting::Retention {
                kind,
                rule: rule.clone(),
            })
            .collect();
        self.set_center_settings(settings, false)?;
        self.retention_settings()
    }

    pub fn center_settings(&self) -> Result<CenterSettings, AppError> {
        Ok(CenterSettings {
            auto_lock: self.auto_lock_setting()?,
            retention: self.retention_settings()?,
        })
    }

    /// Writes each setting as a new version replacing every version this
    /// desk holds of it, in one transaction with an audit entry saying
    /// before and after. A setting equal to the one in force, with no
    /// dispute to settle, writes nothing. Returns how many were written.
    ///
    /// A `carried_over` version (a desk's own setting from before) carries
    /// no time: of two versions of the same value it is the older, so it
    /// never outlasts one a counselor chose (and a different value is shown
    /// as a dispute, the safer one in force).
    fn set_center_settings(
        &mut self,
        settings: Vec<CenterSetting>,
        carried_over: bool,
    ) -> Result<usize, AppError> {
        let versions = self.setting_versions()?;
        let ctx = self.check_ctx();
        let mut events = Vec::new();
        for setting in settings {
            let key = setting.key();
            let before = center_settings::resolve(&versions, key);
            if before
                .as_ref()
                .is_some_and(|r| r.current.setting == setting && r.disputed.is_empty())
            {
                continue;
            }
            let before_text = match &before {
                Some(r) => r.current.setting.describe(),
                None => match key {
                    SettingKey::AutoLock => CenterSetting::AutoLock {
                        minutes: DEFAULT_AUTO_LOCK_MINUTES,
                    }
                    .describe(),
                    SettingKey::Retention(kind) => CenterSetting::Retention {
                        kind,
                        rule: RetentionRule::doyak_default(),
                    }
                    .describe(),
                },
            };
            let detail = if carried_over {
                format!(
                    "이 기기의 설정을 센터 설정으로 옮김: {}",
                    setting.describe()
                )
            } else {
                format!("{before_text} → {}", value_text(&setting))
            };
            let replaces = center_settings::heads(&versions, key);
            let mut event = self.event(
                self.center_id(),
                self.clock.today(),
                None,
                EventBody::CenterSetting { setting, replaces },
            )?;
            if carried_over {
                event.recorded_at = None;
            }
            let errors = event.check(&ctx);
            if !errors.is_empty() {
                return Err(AppError::Invalid(errors));
            }
            events.push((event, detail));
        }
        if events.is_empty() {
            return Ok(0);
        }
        let n = events.len();
        let ctx = self.write_ctx();
        self.store.write(&ctx, |w| {
            for (event, detail) in &events {
                w.append(event)?;
                w.audit(
                    "update",
                    doyak_domain::EntityKind::Center,
                    Some(event.subject_id()),
                    detail,
                )?;
            }
            Ok(())
        })?;
        Ok(n)
    }

    /// Carries the idle time and retention rule a desk kept for itself
    /// (before they were the center's) over as the center's, once: each is
    /// written as a center setting unless this desk holds one of the
    /// center's already, and the desk's copy is removed either way. The
    /// desk may not have pulled the center's yet: a carried-over version
    /// that meets one with another value is a dispute, the safer value in
    /// force (the shorter idle time, the longer period), shown on the panel
    /// until someone sets it.
    pub fn adopt_desk_settings(&mut self) -> Result<usize, AppError> {
        let minutes = self.store.setting(Setting::LegacyAutoLockMinutes)?;
        let rule = self.store.setting(Setting::LegacyRetentionRule)?;
        if minutes.is_none() && rule.is_none() {
            return Ok(0);
        }
        let versions = self.setting_versions()?;
        let unset = |key| center_settings::resolve(&versions, key).is_none();
        let mut settings = Vec::new();
        if let Some(m) = minutes.and_then(|t| t.parse::<u32>().ok())
            && AUTO_LOCK_MINUTES.contains(&m)
            && unset(SettingKey::AutoLock)
        {
            settings.push(CenterSetting::AutoLock { minutes: m });
        }
        if let Some(rule) = rule.and_then(|t| serde_json::from_str::<RetentionRule>(&t).ok()) {
            for kind in RetentionKind::ALL {
                if unset(SettingKey::Retention(kind)) {
                    settings.push(CenterSetting::Retention {
                        kind,
                        rule: rule.clone(),
                    });
                }
            }
        }
        // A stored value that does not read, or is out of range, was never
        // in force (the desk used the default): it is dropped with the rest.
        settings.retain(|s| {
            let mut v = doyak_domain::Validation::default();
            s.check(&mut v);
            v.errors.is_empty()
        });
        let written = self.set_center_settings(settings, true)?;
        let ctx = self.write_ctx();
        self.store.write(&ctx, |w| {
            w.clear_setting(Setting::LegacyAutoLockMinutes)?;
            w.clear_setting(Setting::LegacyRetentionRule)
        })?;
        Ok(written)
    }
}
