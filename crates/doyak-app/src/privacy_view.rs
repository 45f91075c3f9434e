//! The seeker page's 개인정보 tab (what the person consented to, what a
//! withdrawal would destroy, or when and why they were destroyed) and 오늘
//! 할 일's 보유기간 list. Labels are made here, in Korean; the page only
//! shows them.

use crate::forms::parse_id;
use crate::{AppError, Desk};
use doyak_domain::privacy::{DestructionReason, RetentionKind, RetentionRule};
use doyak_domain::seeker::ConsentScope;
use doyak_domain::{EventBody, Id, SeekerStatus};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One purpose of the consent form and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ConsentRow {
    /// The purpose's code (what `withdraw_consent` takes).
    pub purpose: String,
    pub label: String,
    /// 동의, 동의 안 함, or 철회 (with the day, when known).
    pub state: String,
    pub consented: bool,
    /// Withdrawing 수집·이용 destroys the person's data.
    pub destroys: bool,
}

/// A destruction as the page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DestructionRow {
    pub on: String,
    pub reason: String,
    pub kinds: Vec<String>,
    /// The counselor who destroyed (empty when unknown).
    pub by: String,
}

/// What destroying the person now would erase (counts, never values).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DestructionPreview {
    pub kinds: Vec<String>,
    #[ts(type = "number")]
    pub events: u64,
    #[ts(type = "number")]
    pub applications: u64,
    #[ts(type = "number")]
    pub referrals: u64,
    #[ts(type = "number")]
    pub resume_files: u64,
    /// Changes not yet sent about the person (sent without the values).
    #[ts(type = "number")]
    pub unsent: u64,
}

/// The 개인정보 tab.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PrivacyView {
    pub seeker_id: String,
    /// 동의일, 방식 and the form as recorded ("동의 기록 없음" when none).
    pub consent_summary: String,
    pub consents: Vec<ConsentRow>,
    /// Set once the person was destroyed; then nothing can be withdrawn.
    pub destroyed: Option<DestructionRow>,
    pub preview: Option<DestructionPreview>,
    /// The retention rule in force, with 확인 필요 when unconfirmed.
    pub retention: String,
}

/// What the page sends to withdraw one purpose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WithdrawForm {
    pub seeker_id: String,
    pub purpose: String,
    /// The counselor ticked that a destruction cannot be undone (required
    /// when the purpose is 수집·이용).
    #[serde(default)]
    pub confirmed: bool,
}

/// An ended case whose retention period ends soon or is over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RetentionDueRow {
    pub seeker_id: String,
    pub seeker_name: String,
    /// How the case ended, as its retention period is named.
    pub kind: String,
    pub last_activity: String,
    pub ends_on: String,
    pub over: bool,
}

/// 오늘 할 일's 보유기간 list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RetentionDueList {
    #[ts(type = "number")]
    pub total: u64,
    pub rows: Vec<RetentionDueRow>,
    /// The rule in force, as the 개인정보 tab says it.
    pub retention: String,
}

/// The rules of `kinds` as one line: "취업으로 종료된 사례: 종료 후 5년 (근거:
/// …) — 확인 필요 · …"; 확인 필요 beside each rule the center has not set.
fn retention_text(rules: &[(RetentionKind, RetentionRule)], kinds: &[RetentionKind]) -> String {
    rules
        .iter()
        .filter(|(k, _)| kinds.contains(k))
        .map(|(k, rule)| {
            format!(
                "{}: 종료 후 {}년 (근거: {}){}",
                k.label_ko(),
                rule.years,
                rule.basis,
                if rule.confirmed {
                    ""
                } else {
                    " — 확인 필요"
                }
            )
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

fn scope_code(scope: ConsentScope) -> String {
    serde_json::to_value(scope)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

impl Desk {
    /// The seeker page's 개인정보 tab.
    pub fn privacy_view(&mut self, seeker: &str) -> Result<PrivacyView, AppError> {
        let id = parse_id(seeker)?;
        let person = self.seeker(id)?;
        let consent = person.consent.as_ref();
        let consents: Vec<ConsentRow> = ConsentScope::ALL
            .iter()
            .map(|scope| {
                let allowed = consent.is_some_and(|c| c.allows(*scope));
                let state = match consent.and_then(|c| c.withdrawn(*scope)) {
                    Some(on) => format!("철회 ({on})"),
                    None if allowed => "동의".to_owned(),
                    None => "동의 안 함".to_owned(),
                };
                ConsentRow {
                    purpose: scope_code(*scope),
                    label: scope.label_ko().to_owned(),
                    consented: allowed,
                    state,
                    destroys: *scope == ConsentScope::Counseling,
                }
            })
            .collect();
        let consent_summary = match consent {
            Some(c) => format!(
                "{} 동의 · {} · {}",
                c.given_on,
                c.method.map_or("방식 기록 없음", |m| m.label_ko()),
                c.form_version.as_deref().map_or_else(
                    || "동의서 버전 기록 없음".to_owned(),
                    |v| format!("동의서 {v}")
                )
            ),
            None => "동의 기록 없음".to_owned(),
        };
        let names = self.counselor_names()?;
        let destroyed = self.events_of(id)?.into_iter().find_map(|e| match e.body {
            EventBody::Destruction { reason, kinds } => Some(DestructionRow {
                on: e.occurred_on.to_string(),
                reason: match &reason {
                    DestructionReason::ConsentWithdrawn => reason.label_ko().to_owned(),
                    DestructionReason::RetentionEnded { rule } => {
                        format!("{} ({rule})", reason.label_ko())
                    }
                },
                kinds: kinds.iter().map(|k| k.label_ko().to_owned()).collect(),
                by: e
                    .author_id
                    .and_then(|a| names.get(&a).cloned())
                    .unwrap_or_default(),
            }),
            _ => None,
        });
        // Destroyed (by a withdrawal or the retention period): no purpose
        // stands any more, whatever the consent record says.
        let consents: Vec<ConsentRow> = if destroyed.is_some() {
            consents
                .into_iter()
                .map(|c: ConsentRow| ConsentRow {
                    state: if c.state.starts_with("철회") {
                        c.state
                    } else {
                        "파기됨".to_owned()
                    },
                    consented: false,
                    ..c
                })
                .collect()
        } else {
            consents
        };
        let preview = match (&destroyed, self.store.case_file(id)?) {
            (None, Some(file)) => Some(DestructionPreview {
                kinds: file.kinds.iter().map(|k| k.label_ko().to_owned()).collect(),
                events: file.events,
                applications: file.applications,
                referrals: file.referrals,
                resume_files: file.resume_files,
                unsent: file.unsent,
            }),
            _ => None,
        };
        // The periods that can apply to this person: the one of how the
        // case ended, or either ending while it runs.
        let kinds = match person.status {
            SeekerStatus::Employed => vec![RetentionKind::Employed],
            SeekerStatus::Closed => vec![RetentionKind::Closed],
            _ => vec![RetentionKind::Employed, RetentionKind::Closed],
        };
        Ok(PrivacyView {
            seeker_id: id.to_string(),
            consent_summary,
            consents,
            destroyed,
            preview,
            retention: retention_text(&self.retention_rules()?, &kinds),
        })
    }

    /// Withdraws one purpose from the page, then shows the tab again. 수집·이용
    /// needs `confirmed`: the page asks before a destruction.
    pub fn withdraw_from_page(&mut self, form: &WithdrawForm) -> Result<PrivacyView, AppError> {
        let scope: ConsentScope = serde_json::from_value(serde_json::Value::String(
            form.purpose.clone(),
        ))
        .map_err(|_| {
            AppError::Invalid(vec![doyak_domain::FieldError::new(
                "purpose",
                "동의 항목",
                "알 수 없는 동의 항목입니다.",
            )])
        })?;
        if scope == ConsentScope::Counseling && !form.confirmed {
            return Err(AppError::Invalid(vec![doyak_domain::FieldError::new(
                "confirmed",
                "파기 확인",
                "파기는 되돌릴 수 없습니다. 확인란을 선택해 주세요.",
            )]));
        }
        self.withdraw_consent(&form.seeker_id, scope)?;
        self.privacy_view(&form.seeker_id)
    }

    /// 오늘 할 일's 보유기간 list: ended cases whose period is over or ends
    /// within `within_days`, at most `limit`, with their names (still held:
    /// they are not destroyed yet).
    pub fn retention_due_rows(
        &self,
        within_days: u32,
        limit: usize,
    ) -> Result<RetentionDueList, AppError> {
        let due = self.retention_due(within_days)?;
        let total = due.len() as u64;
        let mut rows = Vec::new();
        for d in due.into_iter().take(limit) {
            let id: Id = parse_id(&d.seeker_id)?;
            let name = self
                .store
                .get::<doyak_domain::JobSeeker>(id)?
                .map(|s| s.name)
                .unwrap_or_default();
            rows.push(RetentionDueRow {
                seeker_id: d.seeker_id,
                seeker_name: name,
                kind: d.kind.label_ko().to_owned(),
                last_activity: d.last_activity,
                ends_on: d.ends_on,
                over: d.over,
            });
        }
        Ok(RetentionDueList {
            total,
            rows,
            retention: retention_text(&self.retention_rules()?, &RetentionKind::ALL),
        })
    }
}
