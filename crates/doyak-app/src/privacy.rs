//! 개인정보 파기 as a use case: a withdrawn consent and an ended retention
//! period destroy a seeker's personal data (the store erases, the domain
//! says what), and what a run would destroy can be listed first.
//!
//! Withdrawing 수집·이용(상담·취업지원) consent ends the case: the seeker
//! leaves the program (종료 unless already 취업) and is destroyed in the same
//! transaction. Withdrawing another purpose only takes it off the consent;
//! the steps that need it are refused from then on.

use crate::{AppError, Desk};
use doyak_domain::privacy::{DestructionReason, RetentionKind, RetentionRule};
use doyak_domain::seeker::ConsentScope;
use doyak_domain::{EventBody, Id, JobSeeker, SeekerStatus};
use serde::Serialize;

/// What a destruction erased (counts and kinds, never values).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Destroyed {
    pub seeker_id: String,
    /// The kinds of data destroyed, in Korean.
    pub kinds: Vec<String>,
    pub events: u64,
    pub applications: u64,
    pub referrals: u64,
    pub resume_files: u64,
}

/// What a consent withdrawal did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Withdrawal {
    /// 수집·이용 withdrawn: the case ended and its data was destroyed.
    Destroyed(Destroyed),
    /// Another purpose taken off the consent.
    Narrowed { seeker_id: String, purpose: String },
}

/// One ended case whose retention is over (or ends within the window asked).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RetentionDue {
    pub seeker_id: String,
    /// Which of the center's periods applies (`employed`, `closed`, `deleted`).
    pub kind: RetentionKind,
    /// The last day anything happened in the case file.
    pub last_activity: String,
    /// The last day the data is kept.
    pub ends_on: String,
    /// Already over on the day asked.
    pub over: bool,
}

/// What `doyak retention` lists or did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RetentionRun {
    /// The rule in force for each kind of ended case.
    pub rules: Vec<(RetentionKind, RetentionRule)>,
    /// Cases whose period is over (destroyed by a run).
    pub due: Vec<RetentionDue>,
    /// Cases destroyed by this run (empty in a dry run).
    pub destroyed: Vec<Destroyed>,
}

impl Desk {
    /// The rule in force for each kind of ended case.
    pub fn retention_rules(&self) -> Result<Vec<(RetentionKind, RetentionRule)>, AppError> {
        RetentionKind::ALL
            .into_iter()
            .map(|k| Ok((k, self.retention_rule(k)?)))
            .collect()
    }

    /// Ended cases whose retention is over today, or ends within
    /// `within_days` from today, soonest first.
    pub fn retention_due(&self, within_days: u32) -> Result<Vec<RetentionDue>, AppError> {
        let rules = self.retention_rules()?;
        let today = self.clock.today();
        let horizon = today + chrono::Days::new(u64::from(within_days));
        let mut due: Vec<(chrono::NaiveDate, RetentionDue)> = Vec::new();
        for case in self.store.ended_cases()? {
            // A case with no date at all is over: nothing says it is recent.
            let last = case.last_activity.unwrap_or(chrono::NaiveDate::MIN);
            let Some((_, rule)) = rules.iter().find(|(k, _)| *k == case.kind) else {
                continue;
            };
            let ends_on = rule.ends_on(last);
            if ends_on <= horizon {
                due.push((
                    ends_on,
                    RetentionDue {
                        seeker_id: case.seeker_id.to_string(),
                        kind: case.kind,
                        last_activity: case
                            .last_activity
                            .map(|d| d.to_string())
                            .unwrap_or_default(),
                        ends_on: if ends_on == chrono::NaiveDate::MIN {
                            String::new()
                        } else {
                            ends_on.to_string()
                        },
                        over: ends_on < today,
                    },
                ));
            }
        }
        due.sort_by(|a, b| (a.0, &a.1.seeker_id).cmp(&(b.0, &b.1.seeker_id)));
        Ok(due.into_iter().map(|(_, d)| d).collect())
    }

    /// Lists (`run == false`) or destroys (`run == true`) every ended case
    /// whose retention period is over today. Each destruction is its own
    /// transaction: one that fails leaves the others done.
    pub fn run_retention(&mut self, run: bool) -> Result<RetentionRun, AppError> {
        let rules = self.retention_rules()?;
        let due: Vec<RetentionDue> = self
            .retention_due(0)?
            .into_iter()
            .filter(|d| d.over)
            .collect();
        let mut destroyed = Vec::new();
        if run {
            for d in &due {
                let id: Id = crate::forms::parse_id(&d.seeker_id)?;
                let Some((_, rule)) = rules.iter().find(|(k, _)| *k == d.kind) else {
                    continue;
                };
                destroyed.push(self.destroy_seeker(
                    id,
                    DestructionReason::RetentionEnded {
                        rule: format!("{}: {}년: {}", d.kind.label_ko(), rule.years, rule.basis),
                    },
                    None,
                )?);
            }
        }
        Ok(RetentionRun {
            rules,
            due,
            destroyed,
        })
    }

    /// Withdraws one purpose of a seeker's consent (see the module).
    pub fn withdraw_consent(
        &mut self,
        seeker: &str,
        purpose: ConsentScope,
    ) -> Result<Withdrawal, AppError> {
        let id = crate::forms::parse_id(seeker)?;
        let current: JobSeeker = self.seeker(id)?;
        let today = self.clock.today();
        if purpose == ConsentScope::Counseling {
            let mut ended = current.clone();
            if let Some(consent) = ended.consent.as_mut() {
                consent.withdrawn_on = Some(today);
            }
            if !matches!(ended.status, SeekerStatus::Employed | SeekerStatus::Closed) {
                ended.status = SeekerStatus::Closed;
            }
            let destroyed =
                self.destroy_seeker(id, DestructionReason::ConsentWithdrawn, Some(ended))?;
            return Ok(Withdrawal::Destroyed(destroyed));
        }
        let mut narrowed = current;
        let consented = narrowed.consent.as_ref().is_some_and(|c| c.allows(purpose));
        if !consented {
            return Err(AppError::Invalid(vec![doyak_domain::FieldError::new(
                "purpose",
                "동의 항목",
                format!(
                    "‘{}’에 동의한 기록이 없어 철회할 것이 없습니다.",
                    purpose.label_ko()
                ),
            )]));
        }
        if let Some(consent) = narrowed.consent.as_mut() {
            consent.scopes.retain(|s| *s != purpose);
            consent
                .withdrawals
                .push(doyak_domain::seeker::ScopeWithdrawal {
                    scope: purpose,
                    on: today,
                });
        }
        self.store
            .write(&self.write_ctx(), |w| w.update(&narrowed).map(drop))?;
        if purpose == ConsentScope::Sensitive {
            // Health answers a half-filled questionnaire holds go now. The
            // withdrawal is committed: a failure here leaves them to the
            // next sweep (after a sync, on opening), not an error.
            let _ = self.withhold_sensitive_drafts();
        }
        Ok(Withdrawal::Narrowed {
            seeker_id: id.to_string(),
            purpose: purpose.label_ko().to_owned(),
        })
    }

    /// Destroys one seeker's personal data, after saving `ended` (the case
    /// closed, the consent withdrawn) in the same transaction.
    fn destroy_seeker(
        &mut self,
        id: Id,
        reason: DestructionReason,
        ended: Option<JobSeeker>,
    ) -> Result<Destroyed, AppError> {
        let file = self
            .store
            .case_file(id)?
            .ok_or(AppError::NotFound { what: "구직자" })?;
        if file.destroyed {
            return Err(AppError::Store(doyak_store::StoreError::Destroyed));
        }
        let event = self.event(
            id,
            self.clock.today(),
            None,
            EventBody::Destruction {
                reason,
                kinds: file.kinds.clone(),
            },
        )?;
        self.store.write(&self.write_ctx(), |w| {
            if let Some(seeker) = &ended {
                w.update(seeker)?;
            }
            w.destroy(&event)
        })?;
        self.log_access(
            doyak_store::Access::Destroy,
            doyak_domain::EntityKind::Seeker,
            Some(id),
            if matches!(
                event.body,
                EventBody::Destruction {
                    reason: DestructionReason::ConsentWithdrawn,
                    ..
                }
            ) {
                "consent_withdrawn"
            } else {
                "retention_ended"
            },
        )?;
        Ok(Destroyed {
            seeker_id: id.to_string(),
            kinds: file.kinds.iter().map(|k| k.label_ko().to_owned()).collect(),
            events: file.events,
            applications: file.applications,
            referrals: file.referrals,
            resume_files: file.resume_files,
        })
    }
}
