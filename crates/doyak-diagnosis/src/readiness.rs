//! The project's own readiness-and-barrier questionnaire (`doyak-readiness`),
//! as data: items written by the Doyak team (not copied from a ministry
//! test), scored into readiness scales and barriers, each barrier leading to
//! partner-institution types for referral.
//!
//! A form is pinned by its content: `forms.csv` holds the SHA-256 of each
//! version's item file, and loading refuses a file that no longer matches,
//! so an item cannot change under a version number. Every result carries the
//! form id, version and hash that produced it.
//!
//! The scales are not a standardised test: there are no norms, and the bands
//! (낮음/보통/높음) are the team's cut points, stated per scale in
//! `readiness_scales.csv`. The result is material for the counseling
//! conversation, never a verdict on the person.

use crate::data::{Basis, asset, parse as rows};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

/// How an item is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// 1 전혀 아니다 … 5 매우 그렇다.
    Likert5,
    /// 0 아니오, 1 예.
    YesNo,
}

impl ItemKind {
    pub fn range(self) -> std::ops::RangeInclusive<u8> {
        match self {
            ItemKind::Likert5 => 1..=5,
            ItemKind::YesNo => 0..=1,
        }
    }
}

/// One question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub id: String,
    /// The section it is shown under.
    pub section_ko: String,
    pub kind: ItemKind,
    pub text_ko: String,
    /// The readiness scale a Likert item counts toward.
    pub scale: Option<String>,
    /// Scored 6 − answer: agreeing means less ready.
    pub reverse: bool,
    /// The barrier a 예 (or a Likert 4–5) points to.
    pub barrier: Option<String>,
    /// Asked only when this yes/no item was answered 예.
    pub depends_on: Option<String>,
    pub basis: Basis,
}

/// The barriers whose questions ask about health: 민감정보 under
/// 개인정보 보호법 제23조 (건강), asked only with the seeker's separate
/// consent to it (`ConsentScope::Sensitive`).
pub const SENSITIVE_BARRIERS: [&str; 2] = ["health", "mental_health"];

impl Item {
    /// Whether its answer is 민감정보 (see [`SENSITIVE_BARRIERS`]).
    pub fn is_sensitive(&self) -> bool {
        self.barrier
            .as_deref()
            .is_some_and(|b| SENSITIVE_BARRIERS.contains(&b))
    }
}

/// A readiness scale and its bands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scale {
    pub id: String,
    pub name_ko: String,
    /// Scores below this are 낮음.
    pub low_below: u8,
    /// Scores from this are 높음.
    pub high_from: u8,
    #[serde(flatten)]
    pub basis: Basis,
}

/// A barrier type and where it leads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Barrier {
    pub id: String,
    pub name_ko: String,
    pub description_ko: String,
    /// Also found when this scale is 낮음.
    pub low_scale: Option<String>,
    pub referrals: Vec<Referral>,
    pub basis: Basis,
}

/// A partner-institution type a barrier is referred to; `partner_type`
/// None means the answer is not a referral (`why_ko` says what instead).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Referral {
    pub partner_type: Option<String>,
    pub name_ko: String,
    pub why_ko: String,
}

/// A questionnaire version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Form {
    pub id: String,
    pub version: u32,
    pub title_ko: String,
    /// SHA-256 of the item file, hex.
    pub sha256: String,
    pub items: Vec<Item>,
    pub basis: Basis,
}

#[derive(Debug, Deserialize)]
struct FormRow {
    form: String,
    version: u32,
    title_ko: String,
    sha256: String,
    #[serde(flatten)]
    basis: Basis,
}

#[derive(Debug, Deserialize)]
struct ItemRow {
    item: String,
    section_ko: String,
    kind: String,
    text_ko: String,
    scale: String,
    reverse: String,
    barrier: String,
    depends_on: String,
    #[serde(flatten)]
    basis: Basis,
}

#[derive(Debug, Deserialize)]
struct BarrierRow {
    id: String,
    name_ko: String,
    description_ko: String,
    low_scale: String,
    #[serde(flatten)]
    basis: Basis,
}

#[derive(Debug, Deserialize)]
struct ReferralRow {
    barrier: String,
    partner_type: String,
    why_ko: String,
    #[allow(dead_code)] // provenance for whoever edits the table
    #[serde(flatten)]
    basis: Basis,
}

/// The compiled-in forms: (form id, version, item file). A new version is
/// a new file and a new line here; old versions stay so old results can
/// still be shown with the items they answered.
pub const FORM_FILES: &[(&str, u32, &str)] =
    &[("doyak-readiness", 1, asset!("forms/doyak-readiness-1.csv"))];

/// The questionnaire tables.
#[derive(Debug)]
pub struct Questionnaire {
    pub forms: Vec<Form>,
    pub scales: Vec<Scale>,
    pub barriers: Vec<Barrier>,
}

fn non_empty(s: String) -> Option<String> {
    Some(s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// The hex SHA-256 of a text.
pub fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Questionnaire {
    /// Parses and checks the tables (the compiled-in ones load through
    /// [`questionnaire`]); `files` are (form id, version, item file text).
    pub fn parse(
        forms: &str,
        files: &[(&str, u32, &str)],
        scales: &str,
        barriers: &str,
        referrals: &str,
    ) -> Result<Questionnaire, String> {
        let refdata = doyak_refdata::get();
        let scales: Vec<Scale> = rows::<Scale>("readiness_scales.csv", scales)?;
        for s in &scales {
            if s.low_below > s.high_from || s.high_from > 100 {
                return Err(format!(
                    "readiness_scales.csv {}: 구간이 맞지 않습니다.",
                    s.id
                ));
            }
        }
        let mut barrier_list = Vec::new();
        for row in rows::<BarrierRow>("barriers.csv", barriers)? {
            let low_scale = non_empty(row.low_scale);
            if let Some(s) = &low_scale
                && !scales.iter().any(|x| &x.id == s)
            {
                return Err(format!("barriers.csv {}: 척도 '{s}'가 없습니다.", row.id));
            }
            barrier_list.push(Barrier {
                id: row.id,
                name_ko: row.name_ko,
                description_ko: row.description_ko,
                low_scale,
                referrals: Vec::new(),
                basis: row.basis,
            });
        }
        for (i, row) in rows::<ReferralRow>("barrier_referrals.csv", referrals)?
            .into_iter()
            .enumerate()
        {
            let at = |what: String| format!("barrier_referrals.csv {}행: {what}", i + 2);
            let barrier = barrier_list
                .iter_mut()
                .find(|b| b.id == row.barrier)
                .ok_or_else(|| at(format!("장애 요인 '{}'가 없습니다.", row.barrier)))?;
            let partner_type = non_empty(row.partner_type);
            let name_ko = match &partner_type {
                Some(id) => refdata
                    .partner_type(id)
                    .ok_or_else(|| at(format!("기관 유형 '{id}'가 없습니다.")))?
                    .name_ko
                    .clone(),
                None => "기관 연계 없음".to_owned(),
            };
            barrier.referrals.push(Referral {
                partner_type,
                name_ko,
                why_ko: row.why_ko,
            });
        }
        let mut form_list = Vec::new();
        for row in rows::<FormRow>("forms.csv", forms)? {
            let (_, _, text) = files
                .iter()
                .find(|(id, v, _)| *id == row.form && *v == row.version)
                .ok_or_else(|| {
                    format!(
                        "forms.csv: {} {}판의 문항 파일이 없습니다.",
                        row.form, row.version
                    )
                })?;
            let hash = sha256_hex(text);
            if hash != row.sha256 {
                return Err(format!(
                    "{} {}판의 문항이 forms.csv의 해시와 다릅니다 ({hash}): 문항을 고쳤다면 새 판으로 만드세요.",
                    row.form, row.version
                ));
            }
            let file = format!("forms/{}-{}.csv", row.form, row.version);
            let mut items: Vec<Item> = Vec::new();
            for (i, r) in rows::<ItemRow>(&file, text)?.into_iter().enumerate() {
                let at = |what: String| format!("{file} {}행: {what}", i + 2);
                let kind = match r.kind.as_str() {
                    "likert5" => ItemKind::Likert5,
                    "yesno" => ItemKind::YesNo,
                    other => return Err(at(format!("kind '{other}'는 likert5|yesno가 아닙니다."))),
                };
                let scale = non_empty(r.scale);
                let barrier = non_empty(r.barrier);
                let depends_on = non_empty(r.depends_on);
                if let Some(s) = &scale
                    && (kind != ItemKind::Likert5 || !scales.iter().any(|x| &x.id == s))
                {
                    return Err(at(format!(
                        "척도 '{s}'는 5점 문항의 알려진 척도여야 합니다."
                    )));
                }
                if let Some(b) = &barrier
                    && !barrier_list.iter().any(|x| &x.id == b)
                {
                    return Err(at(format!("장애 요인 '{b}'가 없습니다.")));
                }
                if let Some(p) = &depends_on
                    && !items
                        .iter()
                        .any(|x| &x.id == p && x.kind == ItemKind::YesNo)
                {
                    return Err(at(format!(
                        "앞선 예/아니오 문항 '{p}'에만 기댈 수 있습니다."
                    )));
                }
                if items.iter().any(|x| x.id == r.item) {
                    return Err(at(format!("문항 '{}'가 겹칩니다.", r.item)));
                }
                items.push(Item {
                    id: r.item,
                    section_ko: r.section_ko,
                    kind,
                    text_ko: r.text_ko,
                    scale,
                    reverse: r.reverse == "yes",
                    barrier,
                    depends_on,
                    basis: r.basis,
                });
            }
            form_list.push(Form {
                id: row.form,
                version: row.version,
                title_ko: row.title_ko,
                sha256: hash,
                items,
                basis: row.basis,
            });
        }
        Ok(Questionnaire {
            forms: form_list,
            scales,
            barriers: barrier_list,
        })
    }

    /// The form of this id and version.
    pub fn form(&self, id: &str, version: u32) -> Option<&Form> {
        self.forms
            .iter()
            .find(|f| f.id == id && f.version == version)
    }

    /// The newest version of a form: the one new answers are given to.
    pub fn current(&self, id: &str) -> Option<&Form> {
        self.forms
            .iter()
            .filter(|f| f.id == id)
            .max_by_key(|f| f.version)
    }
}

static QUESTIONNAIRE: LazyLock<Questionnaire> = LazyLock::new(|| {
    Questionnaire::parse(
        asset!("forms.csv"),
        FORM_FILES,
        asset!("readiness_scales.csv"),
        asset!("barriers.csv"),
        asset!("barrier_referrals.csv"),
    )
    .unwrap_or_else(|e| panic!("embedded questionnaire data: {e} (the data tests catch this)"))
});

/// The compiled-in questionnaire tables.
pub fn questionnaire() -> &'static Questionnaire {
    &QUESTIONNAIRE
}

/// The id of the form new answers are given to.
pub const READINESS_FORM: &str = "doyak-readiness";

/// Why answers cannot be scored; every variant names the items at fault by
/// their number on the form (1-based) so the counselor can find them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    #[error("설문 '{form}' {version}판을 찾을 수 없습니다.")]
    UnknownForm { form: String, version: u32 },
    #[error("설문에 없는 문항 '{item}'에 답이 있습니다.")]
    UnknownItem { item: String },
    #[error("{number}번 문항의 답 {value}은(는) 범위({min}–{max}) 밖입니다.")]
    OutOfRange {
        number: usize,
        value: u8,
        min: u8,
        max: u8,
    },
    #[error(
        "{number}번 문항은 {parent}번에 '예'라고 답했을 때만 묻습니다: {parent}번을 '예'로 고치거나 {number}번의 답을 지우세요."
    )]
    Contradiction { number: usize, parent: usize },
    #[error("답하지 않은 문항이 있습니다: {}", numbers.iter().map(|n| format!("{n}번")).collect::<Vec<_>>().join(", "))]
    Incomplete { numbers: Vec<usize> },
    #[error(
        "{number}번 문항은 건강에 관한 민감정보입니다. 민감정보 처리 동의가 없어 답을 저장할 수 없습니다: 개인정보 탭에서 동의를 기록하거나 답을 지우세요."
    )]
    Sensitive { number: usize },
}

/// Answers by item id.
pub type Answers = BTreeMap<String, u8>;

/// A readiness scale's score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScaleScore {
    pub id: String,
    pub name_ko: String,
    /// 0–100: the mean answer (reversed where the item says) mapped from
    /// 1–5.
    pub score: u8,
    /// 낮음 | 보통 | 높음, by the scale's bands.
    pub level_ko: String,
}

/// A barrier found, why, and where it leads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BarrierFound {
    pub id: String,
    pub name_ko: String,
    /// The answers (item texts) or the scale that showed it.
    pub because: Vec<String>,
    pub referrals: Vec<Referral>,
}

/// A scored questionnaire, with the exact form that produced it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReadinessResult {
    pub form: String,
    pub version: u32,
    pub sha256: String,
    pub scales: Vec<ScaleScore>,
    pub barriers: Vec<BarrierFound>,
}

/// How far a (possibly half-filled) questionnaire has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub answered: usize,
    /// Items that must be answered given the answers so far (a follow-up
    /// counts only once its question was answered 예).
    pub required: usize,
}

impl Form {
    /// The ids of the items asked only with consent to 민감정보.
    pub fn sensitive_items(&self) -> Vec<&str> {
        self.items
            .iter()
            .filter(|i| i.is_sensitive())
            .map(|i| i.id.as_str())
            .collect()
    }

    fn number(&self, id: &str) -> usize {
        self.items
            .iter()
            .position(|i| i.id == id)
            .map_or(0, |p| p + 1)
    }

    /// Whether an item is asked, given the answers so far.
    pub fn asks(&self, item: &Item, answers: &Answers) -> bool {
        self.asks_given(item, answers, true)
    }

    /// Whether an item is asked, given the answers so far and whether the
    /// person consented to 민감정보: without it, health items are not.
    pub fn asks_given(&self, item: &Item, answers: &Answers, sensitive: bool) -> bool {
        (sensitive || !item.is_sensitive())
            && item
                .depends_on
                .as_ref()
                .is_none_or(|p| answers.get(p) == Some(&1))
    }

    /// Checks every answer given (unknown items, ranges, follow-ups of a
    /// question answered 아니오) without asking for completeness: what a
    /// half-filled draft must pass.
    pub fn check(&self, answers: &Answers) -> Result<Progress, AnswerError> {
        self.check_given(answers, true)
    }

    /// [`Form::check`] for a person with (`sensitive`) or without consent
    /// to 민감정보: without it, an answer to a health item is refused.
    pub fn check_given(&self, answers: &Answers, sensitive: bool) -> Result<Progress, AnswerError> {
        for (id, &value) in answers {
            let item = self
                .items
                .iter()
                .find(|i| &i.id == id)
                .ok_or_else(|| AnswerError::UnknownItem { item: id.clone() })?;
            if !sensitive && item.is_sensitive() {
                return Err(AnswerError::Sensitive {
                    number: self.number(id),
                });
            }
            let range = item.kind.range();
            if !range.contains(&value) {
                return Err(AnswerError::OutOfRange {
                    number: self.number(id),
                    value,
                    min: *range.start(),
                    max: *range.end(),
                });
            }
            if let Some(parent) = &item.depends_on
                && answers.get(parent) == Some(&0)
            {
                return Err(AnswerError::Contradiction {
                    number: self.number(id),
                    parent: self.number(parent),
                });
            }
        }
        let asked: Vec<&Item> = self
            .items
            .iter()
            .filter(|i| self.asks_given(i, answers, sensitive))
            .collect();
        Ok(Progress {
            answered: asked.iter().filter(|i| answers.contains_key(&i.id)).count(),
            required: asked.len(),
        })
    }

    /// Scores complete answers. A half-filled questionnaire is
    /// [`AnswerError::Incomplete`], with the numbers still to answer: a
    /// result is never computed from part of the items.
    pub fn score(&self, answers: &Answers) -> Result<ReadinessResult, AnswerError> {
        self.score_given(answers, true)
    }

    /// [`Form::score`] for a person with or without consent to 민감정보:
    /// without it the health items are neither asked nor scored, so no
    /// health barrier can be found.
    pub fn score_given(
        &self,
        answers: &Answers,
        sensitive: bool,
    ) -> Result<ReadinessResult, AnswerError> {
        self.check_given(answers, sensitive)?;
        let missing: Vec<usize> = self
            .items
            .iter()
            .enumerate()
            .filter(|(_, i)| self.asks_given(i, answers, sensitive) && !answers.contains_key(&i.id))
            .map(|(n, _)| n + 1)
            .collect();
        if !missing.is_empty() {
            return Err(AnswerError::Incomplete { numbers: missing });
        }
        let q = questionnaire();
        let mut scales = Vec::new();
        let mut low: HashMap<&str, bool> = HashMap::new();
        for scale in &q.scales {
            let values: Vec<u32> = self
                .items
                .iter()
                .filter(|i| i.scale.as_deref() == Some(&scale.id))
                .map(|i| {
                    let v = u32::from(answers[&i.id]);
                    if i.reverse { 6 - v } else { v }
                })
                .collect();
            if values.is_empty() {
                continue;
            }
            // (mean − 1) / 4 × 100, rounded half up, in integers.
            let n = values.len() as u32;
            let sum: u32 = values.iter().sum();
            let score = ((sum - n) * 100 * 2 + 4 * n) / (4 * n * 2);
            let score = score as u8;
            let level_ko = if score < scale.low_below {
                "낮음"
            } else if score >= scale.high_from {
                "높음"
            } else {
                "보통"
            };
            low.insert(scale.id.as_str(), score < scale.low_below);
            scales.push(ScaleScore {
                id: scale.id.clone(),
                name_ko: scale.name_ko.clone(),
                score,
                level_ko: level_ko.to_owned(),
            });
        }
        let mut barriers = Vec::new();
        for barrier in &q.barriers {
            // Without consent no health barrier is found, not even from a
            // low scale: that would be health information inferred.
            if !sensitive && SENSITIVE_BARRIERS.contains(&barrier.id.as_str()) {
                continue;
            }
            let mut because: Vec<String> = self
                .items
                .iter()
                .filter(|i| i.barrier.as_deref() == Some(&barrier.id))
                .filter(|i| match (i.kind, answers.get(&i.id)) {
                    (ItemKind::YesNo, Some(&v)) => v == 1,
                    (ItemKind::Likert5, Some(&v)) => v >= 4,
                    (_, None) => false,
                })
                .map(|i| format!("{}. {}", self.number(&i.id), i.text_ko))
                .collect();
            if let Some(scale) = &barrier.low_scale
                && low.get(scale.as_str()) == Some(&true)
            {
                let name = q
                    .scales
                    .iter()
                    .find(|s| &s.id == scale)
                    .map_or(scale.as_str(), |s| s.name_ko.as_str());
                because.push(format!("{name} 점수 낮음"));
            }
            if !because.is_empty() {
                barriers.push(BarrierFound {
                    id: barrier.id.clone(),
                    name_ko: barrier.name_ko.clone(),
                    because,
                    referrals: barrier.referrals.clone(),
                });
            }
        }
        Ok(ReadinessResult {
            form: self.id.clone(),
            version: self.version,
            sha256: self.sha256.clone(),
            scales,
            barriers,
        })
    }
}

/// Scores answers to a named form version: the one entry point for a
/// stored result, which always names its form. Answers holding none of the
/// health items were given without consent to 민감정보 (they were not
/// asked), and are scored so.
pub fn score(form: &str, version: u32, answers: &Answers) -> Result<ReadinessResult, AnswerError> {
    let form = questionnaire()
        .form(form, version)
        .ok_or_else(|| AnswerError::UnknownForm {
            form: form.to_owned(),
            version,
        })?;
    let sensitive = form
        .items
        .iter()
        .any(|i| i.is_sensitive() && answers.contains_key(&i.id));
    form.score_given(answers, sensitive)
}
