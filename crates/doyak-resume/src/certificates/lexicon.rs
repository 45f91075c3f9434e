//! The names certificates are written by: every official name and alias
//! of the reference list, and the private and language credentials, in one
//! automaton, each with how much it can be trusted alone.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use serde::Deserialize;

use super::Kind;
use crate::text::compact;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Strength {
    /// A name that can only be a certificate (…기능사, 제1종 대형, 컴활 2급).
    Strong,
    /// A name that is also a job title (요양보호사, 조리사).
    Title,
    /// An everyday duty word (용접, 지게차, 전기).
    Weak,
}

#[derive(Debug, Clone)]
pub(super) struct Entry {
    /// Index into the qualifications, or into the credentials.
    pub(super) target: Target,
    pub(super) strength: Strength,
}

#[derive(Debug, Clone, Copy)]
pub(super) enum Target {
    National(usize),
    Credential(usize),
}

#[derive(Debug, Clone, Deserialize)]
struct Credential {
    name: String,
    kind: String,
    aliases: String,
}

#[derive(Debug)]
pub(super) struct Lexicon {
    pub(super) automaton: AhoCorasick,
    pub(super) entries: Vec<Entry>,
    pub(super) credentials: Vec<(String, Kind)>,
}

/// Endings of names that can only be certificates.
const STRONG_MARKS: &[&str] = &[
    "기능사",
    "기사",
    "기능장",
    "기술사",
    "자격",
    "면허",
    "급",
    "종",
    "운용사",
    "프로세서",
    "컴활",
    "관리사",
    "toeic",
    "opic",
    "teps",
    "jlpt",
    "hsk",
    "topik",
];
/// Endings of certificate names that are also what people are called at
/// work.
const TITLE_MARKS: &[&str] = &[
    "보호사",
    "조무사",
    "교사",
    "복지사",
    "조리사",
    "미용사",
    "상담사",
    "치료사",
    "영양사",
    "위생사",
];

fn strength(term: &str, official: bool) -> Strength {
    if TITLE_MARKS.iter().any(|m| term.ends_with(m)) {
        Strength::Title
    } else if STRONG_MARKS.iter().any(|m| term.contains(m))
        || (official && term.chars().count() >= 5)
    {
        Strength::Strong
    } else {
        Strength::Weak
    }
}

pub(super) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let refdata = doyak_refdata::get();
    let mut terms: Vec<String> = Vec::new();
    let mut entries: Vec<Entry> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut add =
        |term: String, entry: Entry, terms: &mut Vec<String>, entries: &mut Vec<Entry>| {
            if term.chars().count() < 2 || seen.contains_key(&term) {
                return;
            }
            seen.insert(term.clone(), entries.len());
            terms.push(term);
            entries.push(entry);
        };
    for (i, q) in refdata.qualifications.iter().enumerate() {
        let name = compact(&q.name_ko);
        let s = strength(&name, true);
        add(
            name,
            Entry {
                target: Target::National(i),
                strength: s,
            },
            &mut terms,
            &mut entries,
        );
        // "제1종 보통 운전면허" is written without 제 and 운전 as often as with.
        if let Some(rest) = compact(&q.name_ko).strip_prefix('제') {
            add(
                rest.to_owned(),
                Entry {
                    target: Target::National(i),
                    strength: Strength::Strong,
                },
                &mut terms,
                &mut entries,
            );
        }
        for alias in &q.aliases {
            let a = compact(alias);
            let s = strength(&a, false);
            add(
                a,
                Entry {
                    target: Target::National(i),
                    strength: s,
                },
                &mut terms,
                &mut entries,
            );
        }
    }
    let mut credentials = Vec::new();
    let mut reader = csv::Reader::from_reader(
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../assets/resume/credentials.csv"
        ))
        .as_bytes(),
    );
    for row in reader.deserialize::<Credential>() {
        let row = row.expect("assets/resume/credentials.csv is well formed");
        let kind = if row.kind == "language" {
            Kind::Language
        } else {
            Kind::Private
        };
        let i = credentials.len();
        credentials.push((row.name.clone(), kind));
        for term in std::iter::once(row.name.as_str()).chain(row.aliases.split(';')) {
            let t = compact(term);
            if !t.is_empty() {
                add(
                    t,
                    Entry {
                        target: Target::Credential(i),
                        strength: Strength::Strong,
                    },
                    &mut terms,
                    &mut entries,
                );
            }
        }
    }
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&terms)
        .expect("certificate names build an automaton");
    Lexicon {
        automaton,
        entries,
        credentials,
    }
});
