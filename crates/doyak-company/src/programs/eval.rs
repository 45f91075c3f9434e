//! Three-valued (Kleene) evaluation of a rule row against the facts, with
//! the Korean reason for each condition.
//!
//! A path is the AND of its conditions: one false condition makes it false
//! whatever is unknown; otherwise one unknown fact makes it unknown. A
//! program is the OR of its paths: one true path makes it true; all false
//! make it false; otherwise unknown. A path that rests on a secondary or
//! unsure source, or names requirements the data cannot decide, is at best
//! unknown: the finder never says 해당 on a blog's word.

use super::rules::{Condition, Confidence, FACTS, Op, Rule, Value};
use super::{FactKind, FactValue, Facts};

/// Kleene's three truth values, ordered so AND is `min` and OR is `max`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Truth {
    False,
    Unknown,
    True,
}

/// AND of all: false beats unknown, unknown beats true; true when empty.
pub(crate) fn all(truths: impl IntoIterator<Item = Truth>) -> Truth {
    truths.into_iter().fold(Truth::True, Ord::min)
}

/// OR of all: true beats unknown, unknown beats false; false when empty.
pub(crate) fn any(truths: impl IntoIterator<Item = Truth>) -> Truth {
    truths.into_iter().fold(Truth::False, Ord::max)
}

pub(crate) const SECONDARY_KO: &str = "기준 출처가 2차 자료입니다 — 고용24·지침에서 확인 필요";
pub(crate) const UNSURE_KO: &str =
    "기준 출처가 불확실합니다(오래되었거나 찾지 못함) — 고용24·지침에서 확인 필요";

/// One path of a program, evaluated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PathOutcome {
    pub truth: Truth,
    /// The conditions that decided it: the false ones when false, the
    /// unknown ones (and what caps it) when unknown, all when true.
    pub reasons: Vec<String>,
    /// Catalogue indices of the facts whose absence left it unknown.
    pub missing: Vec<usize>,
    /// At best unknown whatever the facts (secondary source, requirements
    /// no fact decides).
    pub capped: bool,
}

/// The facts with those derived from others: `capital_region` from the
/// 시군구 when only the 시군구 is known.
#[derive(Debug)]
pub(crate) struct Known<'a> {
    pub facts: &'a Facts,
    pub derived_capital_region: Option<bool>,
}

impl Known<'_> {
    fn get(&self, id: &str) -> Option<FactValue> {
        match self.facts.0.get(id) {
            Some(v) => Some(v.clone()),
            None if id == "capital_region" => self.derived_capital_region.map(FactValue::YesNo),
            None => None,
        }
    }

    fn is_derived(&self, id: &str) -> bool {
        id == "capital_region"
            && !self.facts.0.contains_key(id)
            && self.derived_capital_region.is_some()
    }
}

fn area_name(code: &str) -> String {
    let refdata = doyak_refdata::get();
    if code.len() == 2 {
        refdata
            .sigungu
            .iter()
            .find(|s| s.code.starts_with(code))
            .map_or_else(|| code.to_owned(), |s| s.sido.clone())
    } else {
        refdata
            .sigungu(code)
            .map_or_else(|| code.to_owned(), |s| s.full_name())
    }
}

fn value_ko(value: &Value, unit: &str) -> String {
    match value {
        Value::Number(n) => format!("{n}{unit}"),
        Value::Bool(true) => "‘예’".to_owned(),
        Value::Bool(false) => "‘아니오’".to_owned(),
        Value::Area(code) => area_name(code),
    }
}

fn fact_ko(value: &FactValue, unit: &str) -> String {
    match value {
        FactValue::Count(n) | FactValue::Percent(n) => format!("{n}{unit}"),
        FactValue::YesNo(true) => "예".to_owned(),
        FactValue::YesNo(false) => "아니오".to_owned(),
        FactValue::Sigungu(code) => format!("{} ({code})", area_name(code)),
    }
}

/// What the condition asks, in Korean: "5명 이상", "‘예’", "울산광역시·경상남도".
fn requirement_ko(c: &Condition, unit: &str) -> String {
    let one = || {
        c.values
            .first()
            .map(|v| value_ko(v, unit))
            .unwrap_or_default()
    };
    match c.op {
        Op::Ge => format!("{} 이상", one()),
        Op::Le => format!("{} 이하", one()),
        Op::Gt => format!("{} 초과", one()),
        Op::Lt => format!("{} 미만", one()),
        Op::Eq => one(),
        Op::Ne => format!("{} 아님", one()),
        Op::In => {
            let all: Vec<String> = c.values.iter().map(|v| value_ko(v, unit)).collect();
            if all.len() == 1 {
                all.concat()
            } else {
                format!("{} 중 하나", all.join("·"))
            }
        }
    }
}

fn compare(value: &FactValue, wanted: &Value) -> Option<std::cmp::Ordering> {
    match (value, wanted) {
        (FactValue::Count(n) | FactValue::Percent(n), Value::Number(w)) => Some(n.cmp(w)),
        (FactValue::YesNo(b), Value::Bool(w)) => (b == w).then_some(std::cmp::Ordering::Equal),
        (FactValue::Sigungu(code), Value::Area(area)) => code
            .starts_with(area.as_str())
            .then_some(std::cmp::Ordering::Equal),
        // A value of another kind: evaluate refuses such facts before this.
        _ => None,
    }
}

fn holds(c: &Condition, value: &FactValue) -> bool {
    use std::cmp::Ordering::{Equal, Greater, Less};
    let first = c.values.first().and_then(|w| compare(value, w));
    match c.op {
        Op::Ge => matches!(first, Some(Greater | Equal)),
        Op::Le => matches!(first, Some(Less | Equal)),
        Op::Gt => first == Some(Greater),
        Op::Lt => first == Some(Less),
        Op::Eq => first == Some(Equal),
        Op::Ne => first != Some(Equal),
        Op::In => c.values.iter().any(|w| compare(value, w) == Some(Equal)),
    }
}

/// One condition: its truth and its reason, e.g. "상시근로자 수 12명 (5명
/// 이상 필요)".
pub(crate) fn check(c: &Condition, known: &Known) -> (Truth, String) {
    let fact = &FACTS[c.fact];
    let unit = fact.unit_ko.as_str();
    let wanted = requirement_ko(c, unit);
    // Numbers read as "상시근로자 수 12명"; answers as "우선지원대상기업 여부: 예".
    let sep = if matches!(fact.kind, FactKind::Count | FactKind::Percent) {
        " "
    } else {
        ": "
    };
    match known.get(&fact.id) {
        None => (
            Truth::Unknown,
            format!("{}: 모름 ({wanted} 필요)", fact.label_ko),
        ),
        Some(value) => {
            let truth = if holds(c, &value) {
                Truth::True
            } else {
                Truth::False
            };
            let from = if known.is_derived(&fact.id) {
                ", 시군구 코드로 판단"
            } else {
                ""
            };
            let reason = format!(
                "{}{sep}{} ({wanted} 필요{from})",
                fact.label_ko,
                fact_ko(&value, unit)
            );
            (truth, reason)
        }
    }
}

/// One path: the AND of its conditions, capped at unknown when its source
/// is not primary or it names requirements no fact decides.
pub(crate) fn path(rule: &Rule, known: &Known) -> PathOutcome {
    let checked: Vec<(Truth, String, usize)> = rule
        .conditions
        .iter()
        .map(|c| {
            let (truth, reason) = check(c, known);
            (truth, reason, c.fact)
        })
        .collect();
    let mut truth = all(checked.iter().map(|(t, _, _)| *t));
    let deciding = |t: Truth| checked.iter().filter(move |(u, _, _)| *u == t);
    let mut reasons: Vec<String> = match truth {
        Truth::True => checked.iter().map(|(_, r, _)| r.clone()).collect(),
        t => deciding(t).map(|(_, r, _)| r.clone()).collect(),
    };
    let missing = match truth {
        Truth::Unknown => deciding(Truth::Unknown).map(|(_, _, f)| *f).collect(),
        _ => Vec::new(),
    };
    if truth != Truth::False {
        match rule.confidence {
            Confidence::Primary => {}
            Confidence::Secondary => reasons.push(SECONDARY_KO.to_owned()),
            Confidence::Unsure => reasons.push(UNSURE_KO.to_owned()),
        }
        if !rule.open_requirements_ko.is_empty() {
            reasons.push(format!(
                "자료로 판단할 수 없는 요건: {}",
                rule.open_requirements_ko
            ));
        }
    }
    let capped = rule.confidence != Confidence::Primary || !rule.open_requirements_ko.is_empty();
    if capped {
        truth = truth.min(Truth::Unknown);
    }
    PathOutcome {
        truth,
        reasons,
        missing,
        capped,
    }
}

#[cfg(test)]
mod tests {
    use super::Truth::{False, True, Unknown};
    use super::*;
    use crate::programs::rules::parse_condition;

    #[test]
    fn and_false_beats_unknown_and_unknown_beats_true() {
        assert_eq!(
            all([True, Unknown, False]),
            False,
            "one false settles an AND"
        );
        assert_eq!(all([Unknown, False]), False, "order does not matter");
        assert_eq!(all([True, Unknown]), Unknown, "unknown is not true");
        assert_eq!(all([True, True]), True);
        assert_eq!(all([]), True, "the empty AND holds");
    }

    #[test]
    fn or_true_beats_unknown_and_all_false_is_false() {
        assert_eq!(
            any([False, Unknown, True]),
            True,
            "one true path settles an OR"
        );
        assert_eq!(any([False, False]), False, "all paths false");
        assert_eq!(
            any([False, Unknown]),
            Unknown,
            "one undecided path keeps it open"
        );
        assert_eq!(any([]), False, "the empty OR fails");
    }

    fn facts(pairs: &[(&str, FactValue)]) -> Facts {
        let mut f = Facts::new();
        for (id, v) in pairs {
            f.insert(*id, v.clone());
        }
        f
    }

    fn cond(text: &str) -> Condition {
        parse_condition(text, &FACTS).unwrap()
    }

    fn known(f: &Facts) -> Known<'_> {
        Known {
            facts: f,
            derived_capital_region: None,
        }
    }

    #[test]
    fn a_condition_reads_its_fact_and_says_why() {
        let f = facts(&[("employees", FactValue::Count(12))]);
        let (t, reason) = check(&cond("employees>=5"), &known(&f));
        assert_eq!(t, True);
        assert_eq!(reason, "상시근로자 수 12명 (5명 이상 필요)");
        let (t, reason) = check(&cond("employees>=20"), &known(&f));
        assert_eq!(t, False);
        assert_eq!(reason, "상시근로자 수 12명 (20명 이상 필요)");
        let (t, reason) = check(&cond("priority_support=yes"), &known(&f));
        assert_eq!(t, Unknown, "an absent fact is unknown, never false");
        assert_eq!(reason, "우선지원대상기업 여부: 모름 (‘예’ 필요)");
    }

    #[test]
    fn a_sido_prefix_takes_every_sigungu_of_it() {
        let geoje = facts(&[("sigungu", FactValue::Sigungu("48310".into()))]);
        let seoul = facts(&[("sigungu", FactValue::Sigungu("11110".into()))]);
        let c = cond("sigungu in 31|48");
        let (t, reason) = check(&c, &known(&geoje));
        assert_eq!(t, True, "거제시 (48310) is in 경상남도 (48)");
        assert_eq!(
            reason,
            "사업장 소재 시군구: 경상남도 거제시 (48310) (울산광역시·경상남도 중 하나 필요)"
        );
        assert_eq!(check(&c, &known(&seoul)).0, False);
        assert_eq!(check(&cond("sigungu!=48310"), &known(&geoje)).0, False);
    }

    #[test]
    fn percent_below_a_bound() {
        let f = facts(&[("older_share_60", FactValue::Percent(20))]);
        let (t, reason) = check(&cond("older_share_60<20"), &known(&f));
        assert_eq!(t, False, "20% is not below 20%: such firms are excluded");
        assert_eq!(reason, "60세 이상 근로자 비율 20% (20% 미만 필요)");
    }

    fn rule_of(program: &str, path_name: &str) -> &'static Rule {
        crate::programs::rules::RULES
            .iter()
            .find(|r| r.program == program && r.path == path_name)
            .unwrap()
    }

    #[test]
    fn a_path_with_a_false_and_an_unknown_condition_is_false() {
        let rule = rule_of("youth_leap", "유형 I");
        // employees false, every hire fact unknown: false wins.
        let f = facts(&[("employees", FactValue::Count(3))]);
        let out = path(rule, &known(&f));
        assert_eq!(out.truth, False);
        assert_eq!(out.reasons, vec!["상시근로자 수 3명 (5명 이상 필요)"]);
        assert!(out.missing.is_empty(), "a false path asks for nothing");
    }

    #[test]
    fn a_secondary_path_is_never_true() {
        let rule = rule_of("middle_aged_suitable_job", "우선지원대상기업");
        let f = facts(&[
            ("hire_age", FactValue::Count(55)),
            ("hire_unemployed", FactValue::YesNo(true)),
            ("suitable_job_50", FactValue::YesNo(true)),
            ("hire_full_time", FactValue::YesNo(true)),
            ("priority_support", FactValue::YesNo(true)),
        ]);
        let out = path(rule, &known(&f));
        assert_eq!(
            out.truth, Unknown,
            "every condition holds, but on a blog's word"
        );
        assert_eq!(out.reasons.last().map(String::as_str), Some(SECONDARY_KO));
        assert!(out.missing.is_empty());
    }
}
