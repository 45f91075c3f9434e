//! The conflict queue and the refused changes, as the counselor sees them:
//! which record, which field, both values with who wrote them and when, and
//! the choice to keep one, keep the other, or type a merged value. A choice
//! is an ordinary edit that names the conflict, and syncs like any edit.

use crate::caseload::Desk;
use crate::error::AppError;
use doyak_domain::field_text::{self, ValueShape};
use doyak_domain::{Company, EntityKind, Id, JobSeeker, SharedRecord, Vacancy};
use doyak_store::WriteContext;
use doyak_sync_protocol::{ConflictRecord, ConflictSide, EntityKind as WireKind};
use serde_json::Value;

/// One open conflict, ready to show.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct ConflictView {
    pub conflict_id: String,
    /// 구직자, 기업, 구인…
    pub kind_label: String,
    /// The record's name (a seeker's name…), or its id when not held here.
    pub record_name: String,
    pub record_id: String,
    /// Route to open the record: "seeker", "company", or "" for none.
    pub route: String,
    pub field: String,
    pub field_label: String,
    /// The value that was replaced, and the value in the record now, as text.
    pub overwritten: SideView,
    pub applied: SideView,
    /// What the 직접 합치기 box starts with: the value in the record now
    /// (empty for none), as the counselor would type it.
    pub merge_text: String,
    /// How to type a value of this field ("" for free text).
    pub merge_hint: String,
    /// False when the field cannot be typed by hand (a structured value):
    /// only one of the two values can be kept.
    pub mergeable: bool,
    /// Two records were made under one id (e.g. one desk imported another
    /// desk's export): the record keeps the first, `overwritten` is the
    /// second's value. Settled field by field like any conflict, or all at
    /// once with [`Desk::settle_same_id`].
    pub same_id: bool,
    /// The conflicts of one same-id record share this (the second record's
    /// insert); "" for an ordinary conflict.
    pub same_id_group: String,
}

/// How a counselor settles the conflicts of two records made under one id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum SameIdChoice {
    /// One person (or company): the record as it is stays; the second
    /// record's differing values are dropped.
    KeepRecord,
    /// Two people: the record as it is stays, and the second becomes a new
    /// record with a new id (its values where the two differed).
    SplitSecond,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct SideView {
    pub value: String,
    /// The value as JSON, sent back when the counselor keeps it.
    pub json: String,
    /// "이 노트북" or "다른 기기".
    pub author: String,
    /// When the author's clock says it was written (RFC 3339; the clock may
    /// be off, so this explains, it does not rank).
    pub written_at: String,
}

/// A change the server refused for good.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct RejectionView {
    /// Names the refusal for [`Desk::dismiss_rejection`].
    pub mutation_id: String,
    pub kind_label: String,
    pub record_id: String,
    pub message: String,
    pub at: String,
    /// Whether [`Desk::retry_rejection`] can send it again: what it sent was
    /// kept (not so for refusals recorded before schema 4) and its record
    /// is still this center's.
    pub can_retry: bool,
}

/// How the counselor settles a conflict.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, ts_rs::TS)]
#[serde(tag = "keep", rename_all = "snake_case")]
pub enum ConflictChoice {
    /// The value in the record now: nothing changes but the conflict closes.
    Applied,
    /// The value that was replaced.
    Overwritten,
    /// A value the counselor typed, as typed: the desk reads it in the
    /// field's shape (doyak_domain::field_text).
    Merged { text: String },
}

fn domain_kind(kind: &WireKind) -> Option<EntityKind> {
    Some(match kind {
        WireKind::Seeker => EntityKind::Seeker,
        WireKind::Company => EntityKind::Company,
        WireKind::Vacancy => EntityKind::Vacancy,
        WireKind::Referral => EntityKind::Referral,
        WireKind::Application => EntityKind::Application,
        WireKind::Counselor => EntityKind::Counselor,
        WireKind::Partner => EntityKind::Partner,
        _ => return None,
    })
}

/// Korean labels of the fields counselors edit most; others show their name.
fn field_label(field: &str) -> &str {
    match field {
        "name" => "이름",
        "phone" => "연락처",
        "email" => "이메일",
        "status" => "상태",
        "track" => "유형",
        "counselor_id" => "담당 상담사",
        "note" => "메모",
        "skills" => "보유 기술",
        "certificates" => "자격증",
        "desired_occupations" => "희망 직종",
        "desired_wage_monthly" => "희망임금(월)",
        "desired_sigungu" => "희망근무지",
        "max_commute_km" => "최대 통근거리",
        "accepts_shift" => "교대근무",
        "willing_to_relocate" => "기숙사 입주",
        "iap_goal" => "IAP 목표",
        "enrolled_on" => "참여일",
        "consent" => "개인정보 동의",
        "target_groups" => "지원 대상",
        "barriers" => "취업 장애요인",
        "wage_monthly" => "임금(월)",
        "openings" => "모집 인원",
        "title" => "공고명",
        other => other,
    }
}

/// The shape the field's values have, from the value in the record now
/// and, when that says nothing, the one it replaced.
fn shape(conflict: &ConflictRecord) -> ValueShape {
    ValueShape::of([&conflict.applied.value, &conflict.overwritten.value])
}

/// The counselor's merged text as the field's value, or a finding that
/// names the field and says how to type it.
fn merged_value(conflict: &ConflictRecord, text: &str) -> Result<Value, AppError> {
    shape(conflict).parse(text).map_err(|e| {
        AppError::Invalid(vec![doyak_domain::FieldError::new(
            &conflict.field,
            field_label(&conflict.field),
            e.to_string(),
        )])
    })
}

impl Desk {
    fn side(&self, side: &ConflictSide, me: uuid::Uuid) -> SideView {
        let written = chrono::DateTime::from_timestamp_millis(side.hlc.wall_ms as i64)
            .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
            .unwrap_or_default();
        SideView {
            value: field_text::display_text(&side.value),
            json: side.value.to_string(),
            author: if side.device_id == me {
                "이 노트북"
            } else {
                "다른 기기"
            }
            .into(),
            written_at: written,
        }
    }

    fn record_name(&self, kind: EntityKind, id: Id) -> Result<Option<String>, AppError> {
        let name = match kind {
            EntityKind::Seeker => self.store.get::<JobSeeker>(id)?.map(|r| r.name),
            EntityKind::Company => self.store.get::<Company>(id)?.map(|r| r.name),
            EntityKind::Vacancy => self
                .store
                .get::<Vacancy>(id)?
                .map(|r| r.search_name().to_owned()),
            _ => None,
        };
        Ok(name)
    }

    /// The open conflicts, oldest first.
    pub fn conflict_queue(&self) -> Result<Vec<ConflictView>, AppError> {
        let me = self.store.device_id()?;
        let mut views = Vec::new();
        for c in self.store.open_conflicts()? {
            let kind = domain_kind(&c.entity);
            let id = Id::from(c.entity_id);
            let name = match kind {
                Some(k) => self.record_name(k, id)?,
                None => None,
            };
            views.push(ConflictView {
                conflict_id: c.conflict_id.to_string(),
                kind_label: kind.map_or("기록", |k| k.label_ko()).to_owned(),
                record_name: name.unwrap_or_else(|| c.entity_id.to_string()),
                record_id: c.entity_id.to_string(),
                route: match kind {
                    Some(EntityKind::Seeker) => "seeker",
                    Some(EntityKind::Company) => "company",
                    _ => "",
                }
                .to_owned(),
                field_label: field_label(&c.field).to_owned(),
                field: c.field.clone(),
                overwritten: self.side(&c.overwritten, me),
                applied: self.side(&c.applied, me),
                merge_text: field_text::edit_text(&c.applied.value),
                merge_hint: shape(&c).hint_ko().to_owned(),
                mergeable: shape(&c) != ValueShape::Structured,
                same_id: c.same_id,
                same_id_group: if c.same_id {
                    c.overwritten.mutation_id.to_string()
                } else {
                    String::new()
                },
            });
        }
        Ok(views)
    }

    /// Settles a conflict with the counselor's choice.
    pub fn resolve_conflict(
        &mut self,
        conflict_id: &str,
        choice: &ConflictChoice,
    ) -> Result<(), AppError> {
        let not_found = || AppError::NotFound {
            what: "충돌 기록"
        };
        let wanted = uuid::Uuid::parse_str(conflict_id).map_err(|_| not_found())?;
        let conflict = self
            .store
            .open_conflicts()?
            .into_iter()
            .find(|c| c.conflict_id == wanted)
            .ok_or_else(not_found)?;
        let kind = domain_kind(&conflict.entity).ok_or_else(not_found)?;
        let chosen = match choice {
            ConflictChoice::Applied => None,
            ConflictChoice::Overwritten => Some(conflict.overwritten.value.clone()),
            ConflictChoice::Merged { text } => Some(merged_value(&conflict, text)?),
        };
        let ctx = WriteContext::new(self.clock.now(), self.actor.clone());
        let record = Id::from(conflict.entity_id);
        let ids = [Id::from(conflict.conflict_id)];
        self.store
            .write(&ctx, |w| {
                w.resolve_conflict(
                    kind,
                    record,
                    &ids,
                    chosen.map(|v| (conflict.field.as_str(), v)),
                )
            })
            .map_err(|e| {
                if matches!(e, doyak_store::StoreError::ChosenValueInvalid { .. }) {
                    AppError::Invalid(vec![doyak_domain::FieldError::new(
                        &conflict.field,
                        field_label(&conflict.field),
                        "이 값은 기록의 규칙에 맞지 않습니다.",
                    )])
                } else {
                    AppError::from(e)
                }
            })?;
        Ok(())
    }

    /// Settles every open conflict of one same-id record (`group` as in
    /// [`ConflictView::same_id_group`]) at once; with
    /// [`SameIdChoice::SplitSecond`] the second record is saved under a new
    /// id first, checked like any new record. One transaction; returns the
    /// new record's id when there is one.
    pub fn settle_same_id(
        &mut self,
        record_id: &str,
        group: &str,
        choice: SameIdChoice,
    ) -> Result<Option<String>, AppError> {
        let not_found = || AppError::NotFound {
            what: "충돌 기록"
        };
        let record = uuid::Uuid::parse_str(record_id).map_err(|_| not_found())?;
        let group = uuid::Uuid::parse_str(group).map_err(|_| not_found())?;
        let conflicts: Vec<ConflictRecord> = self
            .store
            .open_conflicts()?
            .into_iter()
            .filter(|c| c.same_id && c.entity_id == record && c.overwritten.mutation_id == group)
            .collect();
        let first = conflicts.first().ok_or_else(not_found)?;
        let kind = domain_kind(&first.entity).ok_or_else(not_found)?;
        let id = Id::from(record);
        let ids: Vec<Id> = conflicts.iter().map(|c| Id::from(c.conflict_id)).collect();
        let ctx = WriteContext::new(self.clock.now(), self.actor.clone());
        let check = self.check_ctx();
        let new_id = self.new_id();
        let split = choice == SameIdChoice::SplitSecond;
        let second = match kind {
            _ if !split => None,
            EntityKind::Seeker => Some(second_record::<JobSeeker>(
                &self.store,
                id,
                new_id,
                &conflicts,
            )?),
            EntityKind::Company => Some(second_record::<Company>(
                &self.store,
                id,
                new_id,
                &conflicts,
            )?),
            EntityKind::Vacancy => Some(second_record::<Vacancy>(
                &self.store,
                id,
                new_id,
                &conflicts,
            )?),
            _ => {
                return Err(AppError::Invalid(vec![doyak_domain::FieldError::new(
                    "choice",
                    "처리 방법",
                    "이 종류의 기록은 새 기록으로 나눌 수 없습니다. 항목별로 골라 주세요.",
                )]));
            }
        };
        if let Some(second) = &second {
            second.checked(&check)?;
        }
        self.store.write(&ctx, |w| {
            if let Some(second) = &second {
                second.insert(w)?;
            }
            w.resolve_conflict(kind, id, &ids, None)
        })?;
        Ok(split.then(|| new_id.to_string()))
    }

    /// Takes a refusal the counselor has dealt with off the list.
    pub fn dismiss_rejection(&mut self, mutation_id: &str) -> Result<(), AppError> {
        let not_found = || AppError::NotFound {
            what: "반영되지 않은 변경",
        };
        let id = uuid::Uuid::parse_str(mutation_id).map_err(|_| not_found())?;
        if self.store.dismiss_rejection(id)? {
            Ok(())
        } else {
            Err(not_found())
        }
    }

    /// Sends a refused change again once the counselor has fixed what the
    /// server refused (the record as it is now; see
    /// `doyak_store::Store::retry_rejection`) and takes it off the list.
    /// `true` when a change is queued for the next sync, `false` when
    /// nothing differed any more.
    pub fn retry_rejection(&mut self, mutation_id: &str) -> Result<bool, AppError> {
        let id = uuid::Uuid::parse_str(mutation_id).map_err(|_| AppError::NotFound {
            what: "반영되지 않은 변경",
        })?;
        let ctx = WriteContext::new(self.clock.now(), self.actor.clone());
        Ok(self.store.retry_rejection(&ctx, id)? == doyak_store::Retried::Queued)
    }

    /// Changes the server refused, newest first.
    pub fn sync_rejections(&self) -> Result<Vec<RejectionView>, AppError> {
        let mut rows: Vec<RejectionView> = self
            .store
            .rejections()?
            .into_iter()
            .map(|r| RejectionView {
                mutation_id: r.mutation_id.to_string(),
                kind_label: domain_kind(&r.entity)
                    .map_or("기록", |k| k.label_ko())
                    .to_owned(),
                record_id: r.entity_id.to_string(),
                can_retry: r.kept
                    && r.code != doyak_sync_protocol::ErrorCode::RecordTransferred
                    && r.code != doyak_sync_protocol::ErrorCode::RecordDestroyed,
                message: r.message,
                at: r.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            })
            .collect();
        rows.reverse();
        Ok(rows)
    }
}

/// A split-off second record of any kind, to check and then save.
trait SecondRecord {
    fn checked(&self, ctx: &doyak_domain::record::CheckContext<'_>) -> Result<(), AppError>;
    fn insert(&self, w: &mut doyak_store::Writer<'_>) -> Result<(), doyak_store::StoreError>;
}

impl<T: SharedRecord> SecondRecord for T {
    /// A record about to be saved must pass the rules a form would apply.
    fn checked(&self, ctx: &doyak_domain::record::CheckContext<'_>) -> Result<(), AppError> {
        let errors = self.check(ctx);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(AppError::Invalid(errors))
        }
    }

    fn insert(&self, w: &mut doyak_store::Writer<'_>) -> Result<(), doyak_store::StoreError> {
        w.insert(self)
    }
}

/// The second of two records made under `id`: the record as held here with
/// each conflicting field set to the second record's value, under `new_id`.
fn second_record<T>(
    store: &doyak_store::Store,
    id: Id,
    new_id: Id,
    conflicts: &[ConflictRecord],
) -> Result<Box<dyn SecondRecord>, AppError>
where
    T: SharedRecord + serde::Serialize + serde::de::DeserializeOwned + 'static,
{
    let held: T = store.get(id)?.ok_or(AppError::NotFound {
        what: "충돌한 기록",
    })?;
    let mut value = serde_json::to_value(held).map_err(AppError::Json)?;
    if let Value::Object(fields) = &mut value {
        for c in conflicts {
            fields.insert(c.field.clone(), c.overwritten.value.clone());
        }
        fields.insert("id".into(), Value::String(new_id.to_string()));
    }
    let second: T = serde_json::from_value(value).map_err(AppError::Json)?;
    Ok(Box::new(second))
}
