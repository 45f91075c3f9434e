//! 지원사업 찾기 for a firm: the facts the program rules ask, from the
//! company record where it says them and from what the counselor confirmed
//! (`company_facts` events, the latest value of each fact winning), and
//! optionally a seeker to be hired; then each program's answer on a date —
//! 해당, 해당 없음 or 확인 필요 with the facts that would settle it.

use crate::forms::parse_id;
use crate::{AppError, Desk};
use chrono::NaiveDate;
use doyak_company::programs::{self, FactKind, FactValue, Facts, ProgramError, Verdict};
use doyak_domain::events::EventBody;
use doyak_domain::{Company, FieldError};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// One fact as the page shows and edits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FactRow {
    pub id: String,
    pub label: String,
    /// "count", "percent", "yesno" or "sigungu".
    pub kind: String,
    pub unit: String,
    pub question: String,
    /// As typed back: a number, "1"/"0", a 시군구 code; "" = unknown.
    pub value: String,
    /// Where the value comes from: "기업 정보", "상담사 확인", "구직자 정보" or "".
    pub source: String,
}

/// One program's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ProgramRow {
    pub id: String,
    pub name: String,
    /// "eligible", "not_eligible" or "unknown".
    pub verdict: String,
    /// 해당 / 해당 없음 / 확인 필요.
    pub verdict_label: String,
    pub reasons: Vec<String>,
    /// Labels of the facts that would settle 확인 필요.
    pub missing: Vec<String>,
    pub missing_ids: Vec<String>,
    pub amount: String,
    pub applies: String,
    /// "2026-01-26 ~ 2026-12-31" of the rule used; "" when none.
    pub period: String,
    pub source: String,
    pub source_date: String,
    pub confidence: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CompanyProgramsView {
    pub format: String,
    pub version: u32,
    pub company_id: String,
    pub company_name: String,
    pub on: String,
    pub data_version: String,
    pub seeker_name: String,
    pub programs: Vec<ProgramRow>,
    pub facts: Vec<FactRow>,
    /// (해당, 확인 필요, 해당 없음) counts.
    pub counts: [u32; 3],
}

pub const PROGRAMS_FORMAT: &str = "doyak.company_programs";

/// Facts the counselor confirmed, by fact id ("" clears one).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CompanyFactsForm {
    pub company_id: String,
    pub facts: BTreeMap<String, String>,
}

fn parse_value(kind: FactKind, text: &str) -> Option<FactValue> {
    let t = text.trim();
    match kind {
        // Thousands grouped or not ("1,200"); "1,0" is refused, not 10.
        FactKind::Count => doyak_company::visit::parse_count(t).map(FactValue::Count),
        FactKind::Percent => t
            .trim_end_matches('%')
            .trim()
            .parse()
            .ok()
            .filter(|p| *p <= 100)
            .map(FactValue::Percent),
        FactKind::YesNo => match t {
            "1" | "예" | "yes" => Some(FactValue::YesNo(true)),
            "0" | "아니오" | "no" => Some(FactValue::YesNo(false)),
            _ => None,
        },
        FactKind::Sigungu => (t.len() == 5 && doyak_refdata::get().sigungu(t).is_some())
            .then(|| FactValue::Sigungu(t.to_owned())),
    }
}

fn show_value(v: &FactValue) -> String {
    match v {
        FactValue::Count(n) | FactValue::Percent(n) => n.to_string(),
        FactValue::YesNo(b) => if *b { "1" } else { "0" }.to_owned(),
        FactValue::Sigungu(s) => s.clone(),
    }
}

fn kind_name(k: FactKind) -> &'static str {
    match k {
        FactKind::Count => "count",
        FactKind::Percent => "percent",
        FactKind::YesNo => "yesno",
        FactKind::Sigungu => "sigungu",
    }
}

fn kind_hint(k: FactKind) -> &'static str {
    match k {
        FactKind::Count => "0 이상의 숫자를 적어 주세요.",
        FactKind::Percent => "0~100 사이의 숫자(%)를 적어 주세요.",
        FactKind::YesNo => "예 또는 아니오를 고르세요.",
        FactKind::Sigungu => "시군구 코드(5자리)를 고르세요.",
    }
}

/// What the company record itself says, fact by fact. Only what it says
/// for certain: a firm of another KSIC may still be a 조선업 협력사, so
/// that stays unknown rather than 아니오.
fn record_facts(c: &Company) -> BTreeMap<&'static str, FactValue> {
    let mut f = BTreeMap::new();
    if let Some(n) = c.employees {
        // The record keeps 피보험자 수, not 상시근로자 수 (they differ).
        f.insert("insured_employees", FactValue::Count(n));
    }
    f.insert("sigungu", FactValue::Sigungu(c.sigungu.to_string()));
    if c.industrial_complex
        .as_ref()
        .is_some_and(|x| !x.trim().is_empty())
    {
        f.insert("industrial_complex", FactValue::YesNo(true));
    }
    // KSIC 11차: 제조업 is divisions 10–34.
    let ksic = c.ksic_code.as_str();
    if let Some(division) = ksic.get(..2).and_then(|d| d.parse::<u32>().ok()) {
        f.insert(
            "manufacturing",
            FactValue::YesNo((10..=34).contains(&division)),
        );
    }
    // KSIC 3111 강선 건조업 only: 3112 is 오락·스포츠용 보트. The center's
    // 조선 focus tag is its own grouping, not the firm's industry.
    if ksic.starts_with("3111") {
        f.insert("shipbuilding", FactValue::YesNo(true));
    }
    f
}

/// Facts about one hire, not the firm: never kept on the firm (they would
/// answer for the next seeker too), asked per lookup.
fn about_the_hire(id: &str) -> bool {
    id.starts_with("hire_") || id == "worker_new_entrant" || id == "suitable_job_50"
}

fn program_error(e: ProgramError) -> AppError {
    let field = match e {
        ProgramError::UnknownProgram(_) => "program",
        ProgramError::NoRuleOn { .. } => "on",
        _ => "facts",
    };
    AppError::Invalid(vec![FieldError::new(field, "지원사업", e.to_string())])
}

/// The fact the 시군구 decides.
const CAPITAL_REGION: &str = "capital_region";

impl Desk {
    /// The facts the rules may read for a firm, with where each came from:
    /// the record's, then the counselor's confirmations over them. A
    /// confirmed 수도권 여부 is left out once a 시군구 is known: the 시군구
    /// decides it (a value saved before the firm moved would contradict
    /// it and stop every answer).
    fn firm_facts(
        &self,
        company: &Company,
    ) -> Result<(Facts, BTreeMap<String, &'static str>), AppError> {
        let mut facts = Facts::new();
        let mut source: BTreeMap<String, &'static str> = BTreeMap::new();
        for (id, v) in record_facts(company) {
            facts.insert(id, v);
            source.insert(id.to_owned(), "기업 정보");
        }
        let catalogue = programs::facts_catalogue();
        let confirmed = self.confirmed_facts(company)?;
        for (id, text) in &confirmed {
            // A value stored by another desk version that this one cannot
            // read is left out (the page shows it unknown), never guessed.
            if let Some(info) = catalogue.iter().find(|f| &f.id == id)
                && !about_the_hire(id)
                && id != CAPITAL_REGION
                && let Some(v) = parse_value(info.kind, text)
            {
                facts.insert(id.clone(), v);
                source.insert(id.clone(), "상담사 확인");
            }
        }
        if !facts.0.contains_key("sigungu")
            && let Some(v) = confirmed
                .get(CAPITAL_REGION)
                .and_then(|t| parse_value(FactKind::YesNo, t))
        {
            facts.insert(CAPITAL_REGION, v);
            source.insert(CAPITAL_REGION.to_owned(), "상담사 확인");
        }
        Ok((facts, source))
    }

    /// The facts confirmed for a firm: every `company_facts` event in
    /// order, a later value replacing an earlier one, "" removing it.
    fn confirmed_facts(&self, company: &Company) -> Result<BTreeMap<String, String>, AppError> {
        let mut events: Vec<_> = self
            .store
            .events_of(company.id)?
            .into_iter()
            .filter(|e| matches!(e.body, EventBody::CompanyFacts { .. }))
            .collect();
        events.sort_by_key(|e| (e.occurred_on, e.recorded_at, e.id));
        let mut out = BTreeMap::new();
        for e in events {
            if let EventBody::CompanyFacts { facts } = e.body {
                for (k, v) in facts {
                    if v.trim().is_empty() {
                        out.remove(&k);
                    } else {
                        out.insert(k, v);
                    }
                }
            }
        }
        Ok(out)
    }

    /// `doyak company programs` and the 지원사업 tab: every program on `on`
    /// (today when empty) for the firm, and for `seeker_id` as the hire
    /// when one is given.
    pub fn company_programs(
        &self,
        company_id: &str,
        on: &str,
        seeker_id: &str,
    ) -> Result<CompanyProgramsView, AppError> {
        let company = self.company_by_text(company_id)?;
        let on = if on.trim().is_empty() {
            self.clock.today()
        } else {
            NaiveDate::parse_from_str(on.trim(), "%Y-%m-%d").map_err(|_| {
                AppError::Invalid(vec![FieldError::new(
                    "on",
                    "기준일",
                    format!("기준일은 2026-12-31처럼 적어 주세요 ('{}').", on.trim()),
                )])
            })?
        };
        let (mut facts, mut source) = self.firm_facts(&company)?;
        let catalogue = programs::facts_catalogue();
        let mut seeker_name = String::new();
        if !seeker_id.trim().is_empty() {
            let s = self.seeker(parse_id(seeker_id)?)?;
            if let Some(birth) = s.birth_date {
                let age = doyak_domain::seeker::age_on(birth, on);
                facts.insert(
                    "hire_age",
                    FactValue::Count(u32::try_from(age).unwrap_or(0)),
                );
                source.insert("hire_age".to_owned(), "구직자 정보");
            }
            seeker_name = s.name;
        }
        let answers = match programs::evaluate(&facts, on) {
            Ok(a) => a,
            // Past the newest rule (the data not yet renewed): every program
            // is 확인 필요 with why, rather than a page or report that fails.
            Err(ProgramError::NoRuleOn { to: Some(to), .. }) if on > to => programs::programs()
                .iter()
                .map(|p| programs::ProgramAnswer {
                    id: p.id.clone(),
                    name_ko: p.name_ko.clone(),
                    verdict: Verdict::Unknown,
                    reasons: vec![format!(
                        "{on} 기준 지원사업 자료가 없습니다 (자료는 {to}까지) — 새 기준으로 확인 필요"
                    )],
                    missing: Vec::new(),
                    amount_ko: "확인 필요".to_owned(),
                    applies_ko: p.applies_ko.clone(),
                    rule_period: None,
                    source: String::new(),
                    source_date: String::new(),
                    confidence: "?".to_owned(),
                    note_ko: String::new(),
                })
                .collect(),
            Err(e) => return Err(program_error(e)),
        };
        // 수도권 여부 is the 시군구's: shown as the rules read it.
        let derived = match facts.get("sigungu") {
            Some(FactValue::Sigungu(code)) => Some(show_value(&FactValue::YesNo(
                programs::capital_region(code),
            ))),
            _ => None,
        };
        let label = |id: &str| {
            catalogue
                .iter()
                .find(|f| f.id == id)
                .map_or_else(|| id.to_owned(), |f| f.label_ko.clone())
        };
        let mut counts = [0u32; 3];
        let rows: Vec<ProgramRow> = answers
            .into_iter()
            .map(|a| {
                counts[match a.verdict {
                    Verdict::Eligible => 0,
                    Verdict::Unknown => 1,
                    Verdict::NotEligible => 2,
                }] += 1;
                ProgramRow {
                    verdict: crate::forms::enum_value(&a.verdict),
                    verdict_label: a.verdict.label_ko().to_owned(),
                    missing: a.missing.iter().map(|m| label(m)).collect(),
                    missing_ids: a.missing,
                    period: a
                        .rule_period
                        .map(|(from, to)| {
                            format!("{from} ~ {}", to.map(|d| d.to_string()).unwrap_or_default())
                        })
                        .unwrap_or_default(),
                    id: a.id,
                    name: a.name_ko,
                    reasons: a.reasons,
                    amount: a.amount_ko,
                    applies: a.applies_ko,
                    source: a.source,
                    source_date: a.source_date,
                    confidence: a.confidence,
                    note: a.note_ko,
                }
            })
            .collect();
        Ok(CompanyProgramsView {
            format: PROGRAMS_FORMAT.to_owned(),
            version: 1,
            company_id: company.id.to_string(),
            company_name: company.name.clone(),
            on: on.to_string(),
            data_version: programs::data_version().to_owned(),
            seeker_name,
            programs: rows,
            facts: catalogue
                .iter()
                .map(|f| FactRow {
                    id: f.id.clone(),
                    label: f.label_ko.clone(),
                    kind: kind_name(f.kind).to_owned(),
                    unit: f.unit_ko.clone(),
                    question: f.question_ko.clone(),
                    value: facts
                        .get(&f.id)
                        .map(show_value)
                        .or_else(|| (f.id == CAPITAL_REGION).then(|| derived.clone()).flatten())
                        .unwrap_or_default(),
                    source: source
                        .get(&f.id)
                        .copied()
                        .or_else(|| {
                            (f.id == CAPITAL_REGION && derived.is_some()).then_some("시군구로 판단")
                        })
                        .unwrap_or_default()
                        .to_owned(),
                })
                .collect(),
            counts,
        })
    }

    /// Keeps the facts the counselor confirmed (only those that changed).
    /// Every value is checked against its fact's kind first; a bad one
    /// keeps nothing and says which.
    pub fn save_company_facts(&mut self, form: &CompanyFactsForm) -> Result<(), AppError> {
        let company = self.company_by_text(&form.company_id)?;
        let catalogue = programs::facts_catalogue();
        let mut errors = Vec::new();
        for (id, text) in &form.facts {
            if about_the_hire(id) {
                errors.push(FieldError::new(
                    &format!("facts.{id}"),
                    id,
                    "채용자에 관한 사항은 기업 자료로 저장하지 않습니다: 조회할 때 구직자를 지정해 주세요.",
                ));
                continue;
            }
            let Some(info) = catalogue.iter().find(|f| &f.id == id) else {
                errors.push(FieldError::new(
                    &format!("facts.{id}"),
                    id,
                    "지원사업 자료에 없는 항목입니다.",
                ));
                continue;
            };
            if !text.trim().is_empty() && parse_value(info.kind, text).is_none() {
                errors.push(FieldError::new(
                    &format!("facts.{id}"),
                    &info.label_ko,
                    format!("{} ('{}')", kind_hint(info.kind), text.trim()),
                ));
            }
        }
        let (now, _) = self.firm_facts(&company)?;
        let sigungu_now = match now.get("sigungu") {
            Some(FactValue::Sigungu(code)) => Some(code.clone()),
            _ => None,
        };
        // 수도권 여부 must agree with the 시군구 (the one on the form, else
        // the one known): the rules would refuse the pair.
        if let Some(text) = form.facts.get(CAPITAL_REGION)
            && let Some(FactValue::YesNo(given)) = parse_value(FactKind::YesNo, text)
        {
            let sigungu = form
                .facts
                .get("sigungu")
                .map(|t| t.trim().to_owned())
                .filter(|t| !t.is_empty())
                .or(sigungu_now.clone());
            if let Some(sigungu) = sigungu
                && given != programs::capital_region(&sigungu)
            {
                let place = doyak_refdata::get()
                    .sigungu(&sigungu)
                    .map_or_else(|| sigungu.clone(), |s| s.full_name());
                errors.push(FieldError::new(
                    &format!("facts.{CAPITAL_REGION}"),
                    "수도권 소재 여부",
                    format!(
                        "사업장 시군구({place})와 맞지 않습니다: 수도권 여부는 시군구로 정해집니다."
                    ),
                ));
            }
        }
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        // Only what changes a value the rules read: the page sends every
        // fact back, including the record's, and a number typed "1,200"
        // is the 1200 already known. A record fact re-sent unchanged stays
        // the record's (it follows the record), not a confirmation.
        let before = self.confirmed_facts(&company)?;
        let changed: BTreeMap<String, String> = form
            .facts
            .iter()
            .filter_map(|(k, v)| {
                let info = catalogue.iter().find(|f| &f.id == k)?;
                let text = v.trim();
                if text.is_empty() {
                    // Clearing: only a confirmation can be taken back.
                    return before.contains_key(k).then(|| (k.clone(), String::new()));
                }
                if k == CAPITAL_REGION && sigungu_now.is_some() {
                    // Agrees with the 시군구 (checked above), which decides it.
                    return None;
                }
                let value = show_value(&parse_value(info.kind, text)?);
                let same = now.get(k).map(show_value).as_ref() == Some(&value)
                    && (before.get(k).is_none_or(|b| {
                        parse_value(info.kind, b).map(|b| show_value(&b)).as_ref() == Some(&value)
                    }));
                (!same).then(|| (k.clone(), value))
            })
            .collect();
        if changed.is_empty() {
            return Ok(());
        }
        let event = self.event(
            company.id,
            self.clock.today(),
            None,
            EventBody::CompanyFacts { facts: changed },
        )?;
        self.record_event(event)?;
        Ok(())
    }
}
