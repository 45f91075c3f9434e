//! Doyak's readiness-and-barrier questionnaire (구직준비도·취업장애 문진)
//! in the desk: the form as the page shows it, the half-filled answers kept
//! as a draft so the counselor can stop and come back, and the finished
//! answers saved as a diagnosis event that names the form id, version and
//! hash that asked them. The result shown later is scored again from those
//! answers with that form version, so it cannot drift from what was asked.

use crate::forms::parse_id;
use crate::{AppError, Desk};
use chrono::NaiveDate;
use doyak_diagnosis::readiness::{
    AnswerError, Answers, Form, ItemKind, READINESS_FORM, ReadinessResult, questionnaire,
};
use doyak_domain::events::{DiagnosisInstrument, EventBody, FormAnswers};
use doyak_domain::{EventRecord, FieldError, Id};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// One question as the page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct QuestionRow {
    pub id: String,
    /// Its number on the form (1-based), as error messages name it.
    pub number: u32,
    pub section: String,
    /// "likert5" (1–5) or "yesno" (0 아니오, 1 예).
    pub kind: String,
    pub text: String,
    /// Asked only when this item was answered 예.
    pub depends_on: String,
}

/// The questionnaire for one seeker: the current form, and the answers
/// left unfinished, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct QuestionnaireView {
    pub form: String,
    pub version: u32,
    pub title: String,
    pub items: Vec<QuestionRow>,
    /// Answers by item id from the draft ({} when none).
    pub answers: BTreeMap<String, u8>,
    /// When the draft was last kept, Korean time; "" when there is none.
    pub draft_saved_at: String,
    /// Why some items are not asked (no consent to 민감정보); "" when all are.
    pub withheld: String,
}

/// Answers as the page sends them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct QuestionnaireForm {
    pub seeker_id: String,
    pub answers: BTreeMap<String, u8>,
}

/// How far the answers have got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct QuestionnaireProgress {
    pub answered: u32,
    pub required: u32,
}

/// A readiness scale's score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ScaleRow {
    pub name: String,
    /// 0–100.
    pub score: u8,
    /// 낮음, 보통, 높음.
    pub level: String,
}

/// A barrier found and where it leads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BarrierRow {
    pub name: String,
    pub because: Vec<String>,
    /// "신용회복위원회·서민금융진흥원: 채무조정·신용회복 상담", …
    pub referrals: Vec<String>,
}

/// The latest questionnaire result of a seeker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ReadinessView {
    pub answered_on: String,
    /// "도약 구직준비도·장애요인 문진 1판".
    pub form: String,
    pub scales: Vec<ScaleRow>,
    pub barriers: Vec<BarrierRow>,
    /// What the scores are and are not.
    pub note: String,
}

/// The form new answers are given to.
fn current_form() -> Result<&'static Form, AppError> {
    questionnaire()
        .current(READINESS_FORM)
        .ok_or(AppError::NotFound {
            what: "문진 양식"
        })
}

fn draft_key(seeker: Id) -> String {
    format!("readiness:{seeker}")
}

/// An answer error as the form's field errors, naming the items.
fn answer_error(e: AnswerError) -> AppError {
    AppError::Invalid(vec![FieldError::new("answers", "문진 답변", e.to_string())])
}

impl ReadinessView {
    fn new(on: NaiveDate, r: &ReadinessResult) -> ReadinessView {
        let title = questionnaire()
            .form(&r.form, r.version)
            .map_or_else(|| r.form.clone(), |f| f.title_ko.clone());
        ReadinessView {
            answered_on: on.to_string(),
            form: format!("{title} {}판", r.version),
            scales: r
                .scales
                .iter()
                .map(|s| ScaleRow {
                    name: s.name_ko.clone(),
                    score: s.score,
                    level: s.level_ko.clone(),
                })
                .collect(),
            barriers: r
                .barriers
                .iter()
                .map(|b| BarrierRow {
                    name: b.name_ko.clone(),
                    because: b.because.clone(),
                    referrals: b
                        .referrals
                        .iter()
                        .map(|x| format!("{}: {}", x.name_ko, x.why_ko))
                        .collect(),
                })
                .collect(),
            note: "도약 팀이 만든 문진으로, 표준화 검사가 아니며 규준이 없습니다. \
                   점수와 구간(낮음·보통·높음)은 상담의 실마리일 뿐 판정이 아닙니다."
                .into(),
        }
    }
}

/// Whether the seeker consented to 민감정보 (the health items are asked
/// only then: 개인정보 보호법 제23조).
fn allows_sensitive(seeker: &doyak_domain::JobSeeker) -> bool {
    seeker
        .consent
        .as_ref()
        .is_some_and(|c| c.allows(doyak_domain::seeker::ConsentScope::Sensitive))
}

impl Desk {
    /// The questionnaire to fill for a seeker, with the draft left, if any.
    /// Without consent to 민감정보 the health items are left out, and so are
    /// answers to them a draft may hold from before a withdrawal.
    pub fn questionnaire(&self, seeker_id: &str) -> Result<QuestionnaireView, AppError> {
        let seeker = self.seeker(parse_id(seeker_id)?)?;
        let form = current_form()?;
        let sensitive = allows_sensitive(&seeker);
        let draft = self.store.draft(&draft_key(seeker.id))?;
        let mut answers: BTreeMap<String, u8> = draft
            .as_ref()
            .and_then(|d| serde_json::from_str(&d.data).ok())
            .unwrap_or_default();
        let withheld: Vec<String> = form
            .items
            .iter()
            .enumerate()
            .filter(|(_, i)| !sensitive && i.is_sensitive())
            .map(|(n, i)| {
                answers.remove(&i.id);
                format!("{}번", n + 1)
            })
            .collect();
        Ok(QuestionnaireView {
            form: form.id.clone(),
            version: form.version,
            title: form.title_ko.clone(),
            items: form
                .items
                .iter()
                .enumerate()
                .filter(|(_, i)| sensitive || !i.is_sensitive())
                .map(|(n, i)| QuestionRow {
                    id: i.id.clone(),
                    number: n as u32 + 1,
                    section: i.section_ko.clone(),
                    kind: match i.kind {
                        ItemKind::Likert5 => "likert5",
                        ItemKind::YesNo => "yesno",
                    }
                    .into(),
                    text: i.text_ko.clone(),
                    depends_on: i.depends_on.clone().unwrap_or_default(),
                })
                .collect(),
            answers,
            draft_saved_at: draft
                .map(|d| crate::access::korean_time(&d.saved_at))
                .unwrap_or_default(),
            withheld: if withheld.is_empty() {
                String::new()
            } else {
                format!(
                    "건강에 관한 문항({})은 민감정보 처리 동의가 없어 묻지 않습니다. 개인정보 탭에서 동의를 기록하면 물을 수 있습니다.",
                    withheld.join("·")
                )
            },
        })
    }

    /// Takes the answers to the health items out of the questionnaire
    /// drafts of every seeker without consent to 민감정보 — after a
    /// withdrawal on this desk, or one a sync brought — so the file does
    /// not keep them until the draft is next saved. Returns how many drafts
    /// changed. A draft this build cannot read is left as it is.
    pub fn withhold_sensitive_drafts(&mut self) -> Result<usize, AppError> {
        let sensitive = current_form()?.sensitive_items();
        let mut changed = 0;
        for key in self.store.draft_keys("readiness:")? {
            let Some(id) = key
                .strip_prefix("readiness:")
                .and_then(|s| s.parse::<Id>().ok())
            else {
                continue;
            };
            // A deleted seeker (or one this desk does not hold) counts as
            // not consenting: nobody can open their form to answer.
            let consented = self
                .store
                .get::<doyak_domain::JobSeeker>(id)?
                .is_some_and(|s| allows_sensitive(&s));
            if consented {
                continue;
            }
            let Some(draft) = self.store.draft(&key)? else {
                continue;
            };
            let Ok(mut answers) = serde_json::from_str::<BTreeMap<String, u8>>(&draft.data) else {
                continue;
            };
            let before = answers.len();
            answers.retain(|item, _| !sensitive.contains(&item.as_str()));
            if answers.len() == before {
                continue;
            }
            if answers.is_empty() {
                self.drop_draft(&key)?;
            } else {
                let data = serde_json::to_string(&answers).map_err(AppError::Json)?;
                self.save_draft(&key, &data)?;
            }
            changed += 1;
        }
        Ok(changed)
    }

    /// Keeps unfinished answers (checked as far as they go: a value out of
    /// range or a follow-up to a 아니오 is refused) and says how far they got.
    pub fn save_questionnaire_draft(
        &mut self,
        form: &QuestionnaireForm,
    ) -> Result<QuestionnaireProgress, AppError> {
        let seeker = self.seeker(parse_id(&form.seeker_id)?)?;
        let current = current_form()?;
        let answers: Answers = form.answers.clone();
        let progress = current
            .check_given(&answers, allows_sensitive(&seeker))
            .map_err(answer_error)?;
        let data = serde_json::to_string(&form.answers).map_err(AppError::Json)?;
        self.save_draft(&draft_key(seeker.id), &data)?;
        Ok(QuestionnaireProgress {
            answered: progress.answered as u32,
            required: progress.required as u32,
        })
    }

    /// Scores finished answers and saves them as the seeker's diagnosis
    /// event (form id, version, hash, every answer); the draft is dropped.
    /// Half-filled or contradictory answers are refused with the item
    /// numbers, and nothing is saved.
    pub fn submit_questionnaire(
        &mut self,
        form: &QuestionnaireForm,
    ) -> Result<ReadinessView, AppError> {
        let seeker = self.seeker(parse_id(&form.seeker_id)?)?;
        let current = current_form()?;
        let result = current
            .score_given(&form.answers, allows_sensitive(&seeker))
            .map_err(answer_error)?;
        let mut summary = result
            .scales
            .iter()
            .map(|s| format!("{} {}점({})", s.name_ko, s.score, s.level_ko))
            .collect::<Vec<_>>()
            .join(", ");
        if result.barriers.is_empty() {
            summary.push_str(". 확인된 취업장애요인 없음");
        } else {
            let names: Vec<&str> = result.barriers.iter().map(|b| b.name_ko.as_str()).collect();
            summary.push_str(&format!(". 취업장애요인: {}", names.join(", ")));
        }
        let today = self.clock.today();
        let event = self.event(
            seeker.id,
            today,
            None,
            EventBody::Diagnosis {
                instrument: DiagnosisInstrument::DoyakReadiness,
                summary,
                scores: result
                    .scales
                    .iter()
                    .map(|s| (s.name_ko.clone(), f64::from(s.score)))
                    .collect(),
                recommended_occupations: Vec::new(),
                form: Some(FormAnswers {
                    form: result.form.clone(),
                    version: result.version,
                    sha256: result.sha256.clone(),
                    answers: form.answers.clone(),
                }),
            },
        )?;
        // The result and the end of its draft in one transaction: a draft
        // left behind would offer to resubmit what was saved.
        let mut event = event;
        event.center_id = self.center_id();
        let errors = event.check(&self.check_ctx());
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        let key = draft_key(seeker.id);
        let ctx = self.write_ctx();
        self.store.write(&ctx, |w| {
            w.append(&event)?;
            w.drop_draft(&key)
        })?;
        Ok(ReadinessView::new(today, &result))
    }

    /// The seeker's latest questionnaire, scored again with the form
    /// version that asked it; `None` when there is none (or its form is not
    /// one this build knows).
    pub(crate) fn latest_readiness(
        &self,
        seeker: Id,
    ) -> Result<Option<(NaiveDate, ReadinessResult)>, AppError> {
        let events = self.store.events_of(seeker)?;
        let latest = events
            .iter()
            .filter_map(|e| match &e.body {
                EventBody::Diagnosis {
                    form: Some(f),
                    instrument: DiagnosisInstrument::DoyakReadiness,
                    ..
                } => Some((e.occurred_on, e.id, f)),
                _ => None,
            })
            .max_by_key(|(on, id, _)| (*on, *id));
        Ok(latest.and_then(|(on, _, f)| {
            doyak_diagnosis::readiness::score(&f.form, f.version, &f.answers)
                .ok()
                .map(|r| (on, r))
        }))
    }

    /// The readiness profile for the 진단 tab.
    pub fn readiness_view(&self, seeker_id: &str) -> Result<Option<ReadinessView>, AppError> {
        let seeker = self.seeker(parse_id(seeker_id)?)?;
        Ok(self
            .latest_readiness(seeker.id)?
            .map(|(on, r)| ReadinessView::new(on, &r)))
    }
}
