//! Two saved 구인애로 진단 of one firm side by side: the scores per
//! (vacancy, cause) as each was stored (never scored again), and the visit
//! answers that changed, shown as the form asked them.

use crate::company_diagnosis::{AnswerChangeRow, ComparisonRow, DiagnosisComparison};
use doyak_company::hiring::CauseCode;
use doyak_company::visit;
use doyak_domain::Id;
use doyak_domain::events::{CaseEvent, EventBody, VisitAnswers};
use std::collections::{BTreeMap, HashMap};

type Scores = BTreeMap<(Option<Id>, String), Option<u32>>;

fn scores_of(e: &CaseEvent) -> (Scores, Option<&str>, Option<&VisitAnswers>) {
    match &e.body {
        EventBody::HiringDiagnosis {
            causes,
            engine,
            visit,
            ..
        } => (
            causes
                .iter()
                .map(|c| ((c.vacancy_id, c.cause.clone()), c.score))
                .collect(),
            engine.as_deref(),
            visit.as_ref(),
        ),
        _ => (Scores::new(), None, None),
    }
}

pub(crate) fn compare(
    a: &CaseEvent,
    b: &CaseEvent,
    titles: &HashMap<Id, String>,
) -> DiagnosisComparison {
    let (before, engine_a, visit_a) = scores_of(a);
    let (after, engine_b, visit_b) = scores_of(b);
    let mut keys: Vec<&(Option<Id>, String)> = before.keys().chain(after.keys()).collect();
    // The cause's own text last: two causes this version does not know
    // share a position, and the same key must sit together to dedup.
    keys.sort_by_key(|(v, c)| {
        (
            v.and_then(|v| titles.get(&v).cloned()),
            *v,
            CauseCode::parse(c).map(|c| CauseCode::ALL.iter().position(|x| *x == c)),
            c.clone(),
        )
    });
    keys.dedup();
    let rows = keys
        .into_iter()
        .map(|key| {
            let (x, y) = (
                before.get(key).copied().flatten(),
                after.get(key).copied().flatten(),
            );
            ComparisonRow {
                vacancy: key.0.map_or_else(
                    || "기업 전체".to_owned(),
                    |v| {
                        titles
                            .get(&v)
                            .cloned()
                            .unwrap_or_else(|| "(삭제된 구인)".to_owned())
                    },
                ),
                cause: CauseCode::parse(&key.1).map_or(key.1.clone(), |c| c.label_ko().to_owned()),
                before: x,
                after: y,
                change: x
                    .zip(y)
                    .map(|(x, y)| i32::try_from(y).unwrap_or(0) - i32::try_from(x).unwrap_or(0)),
            }
        })
        .collect();
    let mut answers = Vec::new();
    let empty = BTreeMap::new();
    let (qa, qb) = (
        visit_a.map_or(&empty, |v| &v.answers),
        visit_b.map_or(&empty, |v| &v.answers),
    );
    let form_of = |v: Option<&VisitAnswers>| v.and_then(|v| visit::form(&v.form, v.version));
    let form = form_of(visit_b).or(form_of(visit_a));
    let mut ids: Vec<&String> = qa.keys().chain(qb.keys()).collect();
    ids.sort_by_key(|id| form.and_then(|f| f.items.iter().position(|x| &x.id == *id)));
    ids.dedup();
    for id in ids {
        let (x, y) = (qa.get(id), qb.get(id));
        if x == y {
            continue;
        }
        let item = form.and_then(|f| f.items.iter().find(|x| &x.id == id));
        let show = |a: Option<&String>| -> String {
            let Some(a) = a else {
                return "답 없음".to_owned();
            };
            match item.map(|x| x.kind) {
                Some(visit::ItemKind::YesNo) => if a == "1" { "예" } else { "아니오" }.to_owned(),
                Some(visit::ItemKind::Choice) => a
                    .split(',')
                    .map(|o| form.and_then(|f| f.option_label(id, o)).unwrap_or(o))
                    .collect::<Vec<_>>()
                    .join(", "),
                _ => a.clone(),
            }
        };
        answers.push(AnswerChangeRow {
            question: item.map_or_else(|| id.clone(), |x| x.text_ko.clone()),
            before: show(x),
            after: show(y),
        });
    }
    DiagnosisComparison {
        before_on: a.occurred_on.to_string(),
        after_on: b.occurred_on.to_string(),
        engine_changed: engine_a != engine_b,
        rows,
        answers,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use doyak_domain::events::CauseFinding;

    fn diagnosis(n: u64, causes: &[(Id, &str, u32)]) -> CaseEvent {
        CaseEvent {
            id: Id::new_v7(1_700_000_000_000 + n, [0; 10]),
            center_id: Id::new_v7(1, [1; 10]),
            subject_id: Id::new_v7(2, [2; 10]),
            author_id: None,
            occurred_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 1 + n as u32).unwrap(),
            recorded_at: None,
            supersedes: None,
            body: EventBody::HiringDiagnosis {
                factors: Vec::new(),
                note: None,
                causes: causes
                    .iter()
                    .map(|(v, c, s)| CauseFinding {
                        vacancy_id: Some(*v),
                        cause: (*c).to_owned(),
                        score: Some(*s),
                        too_strict: false,
                    })
                    .collect(),
                engine: Some("hiring-test".into()),
                visit: None,
            },
        }
    }

    #[test]
    fn causes_this_version_does_not_know_each_get_one_row() {
        // Two codes from a newer engine share the "unknown" position; a
        // key order of (title, vacancy, position) alone left "later_a",
        // "later_b", "later_a" and kept the repeat.
        let v = Id::new_v7(3, [3; 10]);
        let a = diagnosis(0, &[(v, "later_a", 10), (v, "later_b", 20)]);
        let b = diagnosis(
            1,
            &[
                (v, "later_b", 30),
                (v, "later_a", 40),
                (v, "working_conditions", 5),
            ],
        );
        let titles = HashMap::from([(v, "용접원".to_owned())]);
        let rows = compare(&a, &b, &titles).rows;
        let causes: Vec<&str> = rows.iter().map(|r| r.cause.as_str()).collect();
        assert_eq!(causes.len(), 3, "{causes:?}");
        let a_row = rows.iter().find(|r| r.cause == "later_a").unwrap();
        assert_eq!(
            (a_row.before, a_row.after, a_row.change),
            (Some(10), Some(40), Some(30))
        );
    }
}
