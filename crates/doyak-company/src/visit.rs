//! The site-visit questionnaire (기업 방문 문진): what the caseload cannot
//! know about a firm — turnover, the 3-month quit rate, why people leave,
//! the work environment, facilities, foreign workers — asked on the visit
//! and kept with the exact form that asked it (id, version, SHA-256 of the
//! item file). A form once used is never edited: a change is a new version
//! file, and the hash test below stops an edit in place.

use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// The forms compiled in: (id, version, item file, its SHA-256).
const FORMS: &[(&str, u32, &str, &str)] = &[(
    "company-visit",
    1,
    include_str!("../../../assets/company/forms/company-visit-1.csv"),
    "fc7331dff48c7ba23d45880416c995f2b1ab0b1ecabd17fb4145b3708f85346f",
)];

/// The form new visits are asked with.
pub const VISIT_FORM: (&str, u32) = ("company-visit", 1);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A number of people, 0 or more.
    Count,
    /// 예 "1" / 아니오 "0".
    YesNo,
    /// Any of the options, comma-separated ids; [`NONE_OF_THESE`] alone
    /// says none of them applies ("" = not asked).
    Choice,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    pub id: String,
    pub section_ko: String,
    pub kind: ItemKind,
    pub text_ko: String,
    /// (id, Korean label) for a choice.
    pub options: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Form {
    pub id: String,
    pub version: u32,
    pub sha256: String,
    pub items: Vec<Item>,
}

#[derive(serde::Deserialize)]
struct Row {
    item: String,
    section_ko: String,
    kind: String,
    text_ko: String,
    options: String,
    basis: String,
    checked_on: String,
}

fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn load(id: &str, version: u32, text: &str) -> Form {
    let file = format!("forms/{id}-{version}.csv");
    let mut items: Vec<Item> = Vec::new();
    for (i, row) in csv::Reader::from_reader(text.as_bytes())
        .deserialize::<Row>()
        .enumerate()
    {
        let row = row.unwrap_or_else(|e| panic!("{file} {}행: {e}", i + 2));
        assert!(
            !row.basis.is_empty() && !row.checked_on.is_empty(),
            "{file} {}행: basis와 checked_on이 필요합니다.",
            i + 2
        );
        let kind = match row.kind.as_str() {
            "count" => ItemKind::Count,
            "yesno" => ItemKind::YesNo,
            "choice" => ItemKind::Choice,
            other => panic!("{file} {}행: kind '{other}'", i + 2),
        };
        let options: Vec<(String, String)> = row
            .options
            .split('|')
            .filter(|o| !o.is_empty())
            .map(|o| {
                let (id, label) = o
                    .split_once(':')
                    .unwrap_or_else(|| panic!("{file} {}행: 선택지 '{o}'", i + 2));
                (id.to_owned(), label.to_owned())
            })
            .collect();
        assert_eq!(
            kind == ItemKind::Choice,
            !options.is_empty(),
            "{file} {}행: 선택 문항에만 선택지가 있습니다.",
            i + 2
        );
        assert!(
            items.iter().all(|x| x.id != row.item),
            "{file}: 문항 '{}'가 겹칩니다.",
            row.item
        );
        items.push(Item {
            id: row.item,
            section_ko: row.section_ko,
            kind,
            text_ko: row.text_ko,
            options,
        });
    }
    Form {
        id: id.to_owned(),
        version,
        sha256: sha256_hex(text),
        items,
    }
}

static LOADED: LazyLock<Vec<Form>> = LazyLock::new(|| {
    FORMS
        .iter()
        .map(|(id, version, text, _)| load(id, *version, text))
        .collect()
});

/// The form of this id and version, if Doyak knows it.
pub fn form(id: &str, version: u32) -> Option<&'static Form> {
    LOADED.iter().find(|f| f.id == id && f.version == version)
}

/// The form new visits are asked with.
pub fn current_form() -> &'static Form {
    form(VISIT_FORM.0, VISIT_FORM.1).expect("the current visit form is compiled in")
}

/// A problem with one answer, by item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnswerProblem {
    pub item: String,
    /// Its number on the form (1-based).
    pub number: u32,
    pub message_ko: String,
}

/// The most people a count may say: more than any workplace employs.
const MAX_COUNT: u32 = 1_000_000;

/// The answer to a choice that says none of its options applies — asked
/// and answered, unlike "" (not asked). Every choice item takes it; it
/// cannot stand beside an option.
pub const NONE_OF_THESE: &str = "none";

/// A count as typed: digits, optionally grouped by thousands ("1,200").
/// "1,0" is refused rather than read as 10.
pub fn parse_count(text: &str) -> Option<u32> {
    let t = text.trim();
    let mut groups = t.split(',');
    let first = groups.next()?;
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    if !digits(first) {
        return None;
    }
    let rest: Vec<&str> = groups.collect();
    if !rest.is_empty() && (first.len() > 3 || rest.iter().any(|g| g.len() != 3 || !digits(g))) {
        return None;
    }
    t.replace(',', "").parse().ok().filter(|n| *n <= MAX_COUNT)
}

/// What is wrong with a choice's answer, if anything: an unknown option,
/// one given twice, or [`NONE_OF_THESE`] beside an option.
fn choice_problem(item: &Item, answer: &str) -> Option<String> {
    let picked: Vec<&str> = answer.split(',').map(str::trim).collect();
    if let Some(o) = picked
        .iter()
        .find(|o| **o != NONE_OF_THESE && !item.options.iter().any(|(id, _)| id == *o))
    {
        return Some(format!("없는 선택지입니다: '{o}'"));
    }
    if let Some((_, o)) = picked
        .iter()
        .enumerate()
        .find(|(i, o)| picked[..*i].contains(o))
    {
        return Some(format!("같은 선택지를 두 번 골랐습니다: '{o}'"));
    }
    (picked.len() > 1 && picked.contains(&NONE_OF_THESE))
        .then(|| "'해당 없음'은 다른 선택지와 함께 고를 수 없습니다.".to_owned())
}

impl Form {
    /// Checks answers as typed (trimmed; empty = unanswered, which is
    /// allowed: a visit rarely answers everything). Every problem at once.
    pub fn check(&self, answers: &BTreeMap<String, String>) -> Vec<AnswerProblem> {
        let mut problems = Vec::new();
        for (id, answer) in answers {
            let Some((i, item)) = self.items.iter().enumerate().find(|(_, x)| &x.id == id) else {
                problems.push(AnswerProblem {
                    item: id.clone(),
                    number: 0,
                    message_ko: format!("이 문진표({}판)에 없는 문항입니다: {id}", self.version),
                });
                continue;
            };
            let answer = answer.trim();
            if answer.is_empty() {
                continue;
            }
            let problem = match item.kind {
                ItemKind::Count => parse_count(answer)
                    .is_none()
                    .then(|| format!("0 이상의 인원 수를 숫자로 적어 주세요 ('{answer}').")),
                ItemKind::YesNo => {
                    (!matches!(answer, "0" | "1")).then(|| "예 또는 아니오를 고르세요.".to_owned())
                }
                ItemKind::Choice => choice_problem(item, answer),
            };
            if let Some(message_ko) = problem {
                problems.push(AnswerProblem {
                    item: id.clone(),
                    number: u32::try_from(i + 1).unwrap_or(0),
                    message_ko,
                });
            }
        }
        if let (Some(hires), Some(quits)) =
            (count(answers, "hires_12m"), count(answers, "quits_3m"))
            && quits > hires
        {
            problems.push(AnswerProblem {
                item: "quits_3m".to_owned(),
                number: self.number_of("quits_3m"),
                message_ko: format!(
                    "3개월 안에 그만둔 인원({quits}명)이 1년 채용 인원({hires}명)보다 많습니다."
                ),
            });
        }
        problems
    }

    fn number_of(&self, id: &str) -> u32 {
        self.items
            .iter()
            .position(|x| x.id == id)
            .and_then(|i| u32::try_from(i + 1).ok())
            .unwrap_or(0)
    }

    /// The Korean label of a choice's option ([`NONE_OF_THESE`]: 해당 없음).
    pub fn option_label(&self, item: &str, option: &str) -> Option<&str> {
        if option == NONE_OF_THESE {
            return Some("해당 없음");
        }
        self.items
            .iter()
            .find(|x| x.id == item)?
            .options
            .iter()
            .find(|(id, _)| id == option)
            .map(|(_, label)| label.as_str())
    }
}

fn count(answers: &BTreeMap<String, String>, id: &str) -> Option<u32> {
    parse_count(answers.get(id)?)
}

fn yes(answers: &BTreeMap<String, String>, id: &str) -> Option<bool> {
    match answers.get(id)?.trim() {
        "1" => Some(true),
        "0" => Some(false),
        _ => None,
    }
}

/// The options picked, `Some(empty)` for [`NONE_OF_THESE`], `None` when
/// not asked.
fn chosen(answers: &BTreeMap<String, String>, id: &str) -> Option<Vec<String>> {
    let answer = answers.get(id)?.trim();
    if answer.is_empty() {
        return None;
    }
    Some(
        answer
            .split(',')
            .map(str::trim)
            .filter(|o| !o.is_empty() && *o != NONE_OF_THESE)
            .map(str::to_owned)
            .collect(),
    )
}

/// What the diagnosis reads from checked answers: `None` where unanswered.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VisitFacts {
    pub hires_12m: Option<u32>,
    pub quits_3m: Option<u32>,
    pub leavers_12m: Option<u32>,
    /// Option ids of `leave_reasons` (empty: 해당 없음; `None`: not asked).
    pub leave_reasons: Option<Vec<String>>,
    pub applicants_3m: Option<u32>,
    /// Option ids of `hazards`, with their Korean labels (empty: 해당
    /// 없음; `None`: not asked).
    pub hazards: Option<Vec<(String, String)>>,
    pub avoided_view: Option<bool>,
    pub rest_facility: Option<bool>,
    pub dormitory: Option<bool>,
    pub commute_support: Option<bool>,
    pub meals: Option<bool>,
    pub foreign_workers: Option<u32>,
    pub foreign_plan: Option<bool>,
}

impl VisitFacts {
    /// Reads answers already checked against `form`.
    pub fn read(form: &Form, answers: &BTreeMap<String, String>) -> VisitFacts {
        VisitFacts {
            hires_12m: count(answers, "hires_12m"),
            quits_3m: count(answers, "quits_3m"),
            leavers_12m: count(answers, "leavers_12m"),
            leave_reasons: chosen(answers, "leave_reasons"),
            applicants_3m: count(answers, "applicants_3m"),
            hazards: chosen(answers, "hazards").map(|picked| {
                picked
                    .into_iter()
                    .map(|o| {
                        let label = form.option_label("hazards", &o).unwrap_or(&o).to_owned();
                        (o, label)
                    })
                    .collect()
            }),
            avoided_view: yes(answers, "avoided_view"),
            rest_facility: yes(answers, "rest_facility"),
            dormitory: yes(answers, "dormitory"),
            commute_support: yes(answers, "commute_support"),
            meals: yes(answers, "meals"),
            foreign_workers: count(answers, "foreign_workers"),
            foreign_plan: yes(answers, "foreign_plan"),
        }
    }

    /// 입사 3개월 내 퇴사율 (%), when at least one hire is known.
    pub fn quit_rate_3m(&self) -> Option<u32> {
        let (hires, quits) = (self.hires_12m?, self.quits_3m?);
        (hires > 0).then(|| quits.min(hires) * 100 / hires)
    }

    /// Whether anything at all was answered.
    pub fn is_empty(&self) -> bool {
        *self == VisitFacts::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn every_form_file_is_the_one_its_hash_names() {
        // A form already used must never change under stored answers: an
        // edit needs a new version file (and a new row in FORMS).
        for (id, version, text, sha) in FORMS {
            assert_eq!(&sha256_hex(text), sha, "{id} {version}판이 바뀌었습니다");
            let form = form(id, *version).unwrap();
            assert!(form.items.len() >= 10);
        }
        assert_eq!(current_form().id, "company-visit");
    }

    #[test]
    fn answers_are_checked_per_item_with_its_number() {
        let form = current_form();
        let problems = form.check(&answers(&[
            ("hires_12m", "열두"),
            ("dormitory", "2"),
            ("hazards", "noise,lava"),
            ("unknown", "1"),
            ("meals", ""),
        ]));
        let by_item: Vec<(&str, u32)> = problems
            .iter()
            .map(|p| (p.item.as_str(), p.number))
            .collect();
        assert_eq!(
            by_item,
            vec![
                ("dormitory", 9),
                ("hazards", 6),
                ("hires_12m", 1),
                ("unknown", 0)
            ],
            "{problems:?}"
        );
        assert!(problems[1].message_ko.contains("lava"));
    }

    #[test]
    fn more_quits_than_hires_is_refused() {
        let problems = current_form().check(&answers(&[("hires_12m", "4"), ("quits_3m", "5")]));
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].item, "quits_3m");
    }

    #[test]
    fn facts_read_counts_choices_and_the_quit_rate() {
        let form = current_form();
        let a = answers(&[
            ("hires_12m", "10"),
            ("quits_3m", "4"),
            ("hazards", "heat, heavy"),
            ("dormitory", "0"),
        ]);
        assert!(form.check(&a).is_empty());
        let f = VisitFacts::read(form, &a);
        // 4 of 10 hires left within three months.
        assert_eq!(f.quit_rate_3m(), Some(40));
        let hazards = f.hazards.as_deref().unwrap();
        assert_eq!(hazards.len(), 2);
        assert_eq!(hazards[0].1, "고열·한랭");
        assert!(f.leave_reasons.is_none(), "not asked is not 해당 없음");
        assert_eq!(f.dormitory, Some(false));
        assert!(f.foreign_workers.is_none());
        assert!(VisitFacts::read(form, &BTreeMap::new()).is_empty());
        // No hire: no rate rather than a division by zero.
        let none = VisitFacts::read(form, &answers(&[("hires_12m", "0"), ("quits_3m", "0")]));
        assert_eq!(none.quit_rate_3m(), None);
    }

    #[test]
    fn counts_take_thousands_groups_but_not_a_stray_comma() {
        assert_eq!(parse_count("1,200"), Some(1200));
        assert_eq!(parse_count(" 12 "), Some(12));
        assert_eq!(parse_count("1,000,000"), Some(1_000_000));
        // "1,0" is a typo, not ten: refused rather than guessed.
        for bad in [
            "1,0",
            "10,00",
            "1234,567",
            ",100",
            "1,",
            "-1",
            "1.5",
            "1,000,001",
        ] {
            assert_eq!(parse_count(bad), None, "{bad}");
        }
        let problems = current_form().check(&answers(&[("hires_12m", "1,0")]));
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].number, 1);
    }

    #[test]
    fn a_choice_may_say_none_applies_but_not_beside_an_option_or_twice() {
        let form = current_form();
        assert!(form.check(&answers(&[("hazards", "none")])).is_empty());
        let f = VisitFacts::read(form, &answers(&[("hazards", "none")]));
        assert_eq!(f.hazards, Some(Vec::new()), "asked, and none applies");
        for (bad, says) in [
            ("heat,none", "함께"),
            ("heat,heat", "두 번"),
            ("heat, heat", "두 번"),
        ] {
            let problems = form.check(&answers(&[("hazards", bad)]));
            assert_eq!(problems.len(), 1, "{bad}");
            assert!(problems[0].message_ko.contains(says), "{bad}: {problems:?}");
        }
        assert_eq!(
            form.option_label("hazards", NONE_OF_THESE),
            Some("해당 없음")
        );
    }
}
