//! The matcher's own data tables, compiled in from `assets/match/`: which KECO
//! middle groups are related, which skill spellings mean the same skill,
//! which certificate satisfies another's requirement, and which certificates
//! say little about the trade a seeker wants. Data, not code, so a
//! counselor's correction is a one-line CSV change.

use serde::Deserialize;
use std::collections::HashMap;
use std::sync::LazyLock;

macro_rules! asset {
    ($file:literal) => {
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../assets/match/",
            $file
        ))
    };
}

#[derive(Debug, Deserialize)]
struct RelatedRow {
    middle_a: String,
    middle_b: String,
    weight: f32,
    #[allow(dead_code)] // documentation for whoever edits the table
    note: String,
}

#[derive(Debug, Deserialize)]
struct SynonymRow {
    canonical: String,
    alias: String,
}

#[derive(Debug, Deserialize)]
struct ImpliesRow {
    holder: String,
    satisfies: String,
    #[allow(dead_code)] // documentation for whoever edits the table
    note: String,
}

#[derive(Debug, Deserialize)]
struct SignalRow {
    qualification: String,
    signal: CertificateSignal,
    #[allow(dead_code)] // documentation for whoever edits the table
    note: String,
}

/// How much a held certificate says about the trade a seeker wants, for
/// those listed in `certificate_occupation.csv`; the rest name their trade
/// through the reference list's KECO middle group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum CertificateSignal {
    /// Nothing (보통 운전면허: most adults hold one).
    None,
    /// Something only when no trade certificate says more (컴퓨터활용능력).
    General,
}

/// The parsed tables.
#[derive(Debug)]
pub(crate) struct Tables {
    /// KECO middle-group codes in reference-data order; positions index
    /// `related`.
    pub middles: Vec<String>,
    /// `related[a * middles.len() + b]`: relatedness weight in 0..=1 (0 =
    /// unrelated), symmetric.
    pub related: Vec<f32>,
    /// Normalised alias → canonical skill spelling.
    pub skill_alias: HashMap<String, String>,
    /// Qualification id → the qualification ids a holder also satisfies,
    /// transitively closed.
    pub implies: HashMap<String, Vec<String>>,
    /// Qualification id → how much holding it says about a trade, for the
    /// listed exceptions.
    pub certificate_signal: HashMap<String, CertificateSignal>,
}

fn parse<T: serde::de::DeserializeOwned>(name: &str, text: &str) -> Vec<T> {
    csv::Reader::from_reader(text.as_bytes())
        .deserialize()
        .enumerate()
        .map(|(i, row)| {
            row.unwrap_or_else(|e| {
                panic!(
                    "embedded {name} line {}: {e} (the data tests catch this)",
                    i + 2
                )
            })
        })
        .collect()
}

/// The form two spellings are compared in: no whitespace, ASCII lowercase, so
/// "CO2 용접", "co2용접" and " CO2  용접 " are one skill (public as
/// `spelling_key`: the diagnosis compares course names the same way).
pub fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

impl Tables {
    fn load() -> Tables {
        let middles: Vec<String> = doyak_refdata::get()
            .keco
            .iter()
            .filter(|k| k.major.is_some())
            .map(|k| k.code.clone())
            .collect();
        let n = middles.len();
        let mut related = vec![0.0; n * n];
        for row in parse::<RelatedRow>("keco_related.csv", asset!("keco_related.csv")) {
            let pos = |code: &str| middles.iter().position(|m| m == code);
            if let (Some(a), Some(b)) = (pos(&row.middle_a), pos(&row.middle_b)) {
                related[a * n + b] = row.weight;
                related[b * n + a] = row.weight;
            }
        }
        let skill_alias = parse::<SynonymRow>("skill_synonyms.csv", asset!("skill_synonyms.csv"))
            .into_iter()
            .map(|r| (normalise(&r.alias), r.canonical))
            .collect();
        let rows =
            parse::<ImpliesRow>("certificate_implies.csv", asset!("certificate_implies.csv"));
        let mut implies: HashMap<String, Vec<String>> = HashMap::new();
        for row in &rows {
            implies
                .entry(row.holder.clone())
                .or_default()
                .push(row.satisfies.clone());
        }
        // Transitive closure: 용접기사 ⊃ 용접산업기사 ⊃ 용접기능사. The table is a
        // few dozen rows, so a fixed-point loop is plenty.
        loop {
            let mut grew = false;
            let snapshot = implies.clone();
            for satisfied in implies.values_mut() {
                let mut extra = Vec::new();
                for s in satisfied.iter() {
                    for t in snapshot.get(s).into_iter().flatten() {
                        if !satisfied.contains(t) && !extra.contains(t) {
                            extra.push(t.clone());
                        }
                    }
                }
                grew |= !extra.is_empty();
                satisfied.extend(extra);
            }
            if !grew {
                break;
            }
        }
        let certificate_signal = parse::<SignalRow>(
            "certificate_occupation.csv",
            asset!("certificate_occupation.csv"),
        )
        .into_iter()
        .map(|r| (r.qualification, r.signal))
        .collect();
        Tables {
            middles,
            related,
            skill_alias,
            implies,
            certificate_signal,
        }
    }

    /// Position of a middle-group code in [`Tables::middles`].
    pub fn middle_index(&self, code: &str) -> Option<usize> {
        self.middles.iter().position(|m| m == code)
    }

    /// The canonical spelling of a skill: the synonym table's, or the text
    /// itself.
    pub fn canonical_skill<'a>(&'a self, skill: &'a str) -> &'a str {
        self.skill_alias
            .get(&normalise(skill))
            .map_or(skill.trim(), String::as_str)
    }
}

/// The key two skill spellings are compared by: the synonym table's
/// canonical spelling, without whitespace, ASCII lowercase ("알곤 용접" and
/// "TIG용접" have one key). The diagnosis engine compares a seeker's skills
/// with a competency unit's evidence through it, as matching does with a
/// vacancy's.
pub fn skill_key(skill: &str) -> String {
    normalise(tables().canonical_skill(skill))
}

/// How related two KECO middle groups are, 0–1: 1 for the same group, the
/// weight of `assets/match/keco_related.csv` (0.3–0.7) for a listed pair, 0
/// otherwise or for a code that is not a middle group.
pub fn middle_relatedness(a: &str, b: &str) -> f32 {
    let t = tables();
    match (t.middle_index(a), t.middle_index(b)) {
        (Some(x), Some(y)) if x == y => 1.0,
        (Some(x), Some(y)) => t.related[x * t.middles.len() + y],
        _ => 0.0,
    }
}

static TABLES: LazyLock<Tables> = LazyLock::new(Tables::load);

pub(crate) fn tables() -> &'static Tables {
    &TABLES
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_relatedness_row_names_two_distinct_middle_groups_once_with_a_sane_weight() {
        let t = tables();
        let rows = parse::<RelatedRow>("keco_related.csv", asset!("keco_related.csv"));
        let mut seen = HashSet::new();
        for r in &rows {
            assert!(
                t.middle_index(&r.middle_a).is_some() && t.middle_index(&r.middle_b).is_some(),
                "{}–{}: both must be KECO middle groups in keco2018_middle.csv",
                r.middle_a,
                r.middle_b
            );
            assert_ne!(r.middle_a, r.middle_b, "a group is not 'related' to itself");
            let key = if r.middle_a < r.middle_b {
                (&r.middle_a, &r.middle_b)
            } else {
                (&r.middle_b, &r.middle_a)
            };
            assert!(seen.insert(key), "{key:?} is listed twice");
            // Related must score between 'same major' and 'same middle' so the
            // levels keep their order (see score::OCCUPATION_RELATED_SCALE).
            assert!(
                (0.3..=0.7).contains(&r.weight),
                "{key:?}: weight {} outside 0.3..=0.7",
                r.weight
            );
            assert!(!r.note.is_empty(), "{key:?}: say why they are related");
        }
    }

    #[test]
    fn every_skill_alias_points_at_one_canonical_spelling_that_is_not_itself_an_alias() {
        let rows = parse::<SynonymRow>("skill_synonyms.csv", asset!("skill_synonyms.csv"));
        let mut alias_to: HashMap<String, &str> = HashMap::new();
        for r in &rows {
            assert_ne!(
                normalise(&r.alias),
                normalise(&r.canonical),
                "{}: an alias that normalises to its canonical form is redundant",
                r.alias
            );
            if let Some(prev) = alias_to.insert(normalise(&r.alias), &r.canonical) {
                assert_eq!(
                    prev, r.canonical,
                    "{} is an alias of two skills; the match would depend on row order",
                    r.alias
                );
            }
        }
        for r in &rows {
            assert!(
                !alias_to.contains_key(&normalise(&r.canonical)),
                "{} is canonical and also an alias: chains are not followed",
                r.canonical
            );
        }
        let t = tables();
        assert_eq!(t.canonical_skill("알곤 용접"), "TIG 용접");
        assert_eq!(t.canonical_skill(" mct "), "머시닝센터(MCT)");
        assert_eq!(t.canonical_skill("가우징"), "가우징", "unknown skills stay");
    }

    #[test]
    fn certificate_implications_name_real_qualifications_and_close_transitively() {
        let r = doyak_refdata::get();
        let rows =
            parse::<ImpliesRow>("certificate_implies.csv", asset!("certificate_implies.csv"));
        for row in &rows {
            for id in [&row.holder, &row.satisfies] {
                assert!(
                    r.qualifications.iter().any(|q| &q.id == id),
                    "{id} is not a qualification id in qualifications.csv"
                );
            }
            assert!(!row.note.is_empty(), "{}: say why", row.holder);
        }
        let t = tables();
        let engineer = &t.implies["weld-engineer"];
        assert!(
            engineer.contains(&"weld-craftsman".to_owned()),
            "기사 ⊃ 산업기사 ⊃ 기능사, so 용접기사 satisfies 용접기능사: {engineer:?}"
        );
        assert!(
            !t.implies.values().flatten().any(|s| s == "licence-1-large"),
            "nothing satisfies a 1종 대형 requirement but the licence itself"
        );
    }

    #[test]
    fn certificate_signals_name_real_qualifications_with_a_trade_once() {
        let r = doyak_refdata::get();
        let rows = parse::<SignalRow>(
            "certificate_occupation.csv",
            asset!("certificate_occupation.csv"),
        );
        let mut seen = HashSet::new();
        for row in &rows {
            let q = r
                .qualifications
                .iter()
                .find(|q| q.id == row.qualification)
                .unwrap_or_else(|| {
                    panic!(
                        "{} is not a qualification id in qualifications.csv",
                        row.qualification
                    )
                });
            assert!(
                q.keco_middle.is_some(),
                "{}: only a certificate with a KECO middle group could point to a trade",
                q.id
            );
            assert!(seen.insert(&row.qualification), "{} listed twice", q.id);
            assert!(!row.note.is_empty(), "{}: say why", q.id);
        }
        assert_eq!(
            tables().certificate_signal.get("licence-1-regular"),
            Some(&CertificateSignal::None)
        );
    }
}
