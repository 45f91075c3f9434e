//! Korean search over the reference lists: what a counselor types into a code
//! picker ("용접", "ㅇㅈ", "2431", "안산") finds the right entries first.

use crate::tables::{RefData, name_key};
use doyak_domain::korean;

/// Which list to search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchKind {
    Ksic,
    Keco,
    Sigungu,
    Qualification,
    PpuriTech,
    PartnerType,
}

/// One search result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub code: String,
    pub label: String,
    /// Lower is better: 0 exact, 1 code prefix, 2 name prefix, 3 name contains.
    pub rank: u8,
}

fn rank(query: &str, code: &str, names: &[&str]) -> Option<u8> {
    let q = query.trim();
    if q.is_empty() {
        return Some(4);
    }
    let qk = name_key(q);
    if code == q || names.iter().any(|n| name_key(n) == qk) {
        return Some(0);
    }
    if code.starts_with(q) {
        return Some(1);
    }
    if names.iter().any(|n| name_key(n).starts_with(&qk)) {
        return Some(2);
    }
    if names.iter().any(|n| korean::matches(q, n)) {
        return Some(3);
    }
    None
}

impl RefData {
    /// Entries of one list matching `query`, best first, at most `limit`.
    pub fn search(&self, kind: SearchKind, query: &str, limit: usize) -> Vec<Hit> {
        let mut hits: Vec<Hit> = Vec::new();
        let mut consider = |code: &str, label: String, names: &[&str]| {
            if let Some(rank) = rank(query, code, names) {
                hits.push(Hit {
                    code: code.to_owned(),
                    label,
                    rank,
                });
            }
        };
        match kind {
            SearchKind::Ksic => {
                for k in &self.ksic {
                    consider(&k.code, k.name_ko.clone(), &[&k.name_ko]);
                }
            }
            SearchKind::Keco => {
                for k in &self.keco {
                    consider(&k.code, k.name_ko.clone(), &[&k.name_ko]);
                }
            }
            SearchKind::Sigungu => {
                for s in &self.sigungu {
                    let full = s.full_name();
                    consider(&s.code, full.clone(), &[&s.sigungu, &s.name(), &full]);
                }
            }
            SearchKind::Qualification => {
                for q in &self.qualifications {
                    let mut names: Vec<&str> = vec![&q.name_ko];
                    names.extend(q.aliases.iter().map(String::as_str));
                    consider(&q.id, q.name_ko.clone(), &names);
                }
            }
            SearchKind::PpuriTech => {
                for p in &self.ppuri {
                    consider(&p.code, p.name_ko.clone(), &[&p.name_ko]);
                }
            }
            SearchKind::PartnerType => {
                for p in &self.partner_types {
                    consider(&p.id, p.name_ko.clone(), &[&p.name_ko]);
                }
            }
        }
        // Stable: equal ranks keep the list's own (code) order, and shorter
        // labels first within a rank so "용접기능사" precedes "특수용접기능사".
        hits.sort_by(|a, b| {
            (a.rank, a.label.chars().count()).cmp(&(b.rank, b.label.chars().count()))
        });
        hits.truncate(limit);
        hits
    }
}

#[cfg(test)]
mod tests {
    use crate::{SearchKind, get};
    use expect_test::expect;

    fn show(kind: SearchKind, q: &str) -> String {
        get()
            .search(kind, q, 4)
            .iter()
            .map(|h| format!("{} {} ({})", h.code, h.label, h.rank))
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn sigungu_by_name_and_chosung() {
        expect![[r#"
            41271 경기도 안산시 상록구 (2)
            41273 경기도 안산시 단원구 (2)"#]]
        .assert_eq(&show(SearchKind::Sigungu, "안산"));
        assert!(show(SearchKind::Sigungu, "ㅈㄹㄱ").contains("종로구"));
    }

    #[test]
    fn ksic_by_code_prefix_and_name() {
        let hits = get().search(SearchKind::Ksic, "2431", 3);
        assert_eq!(hits[0].code, "2431", "an exact code comes first");
        let hits = get().search(SearchKind::Ksic, "선박", 50);
        assert!(
            hits.iter().any(|h| h.label.contains("선박 건조업")),
            "{hits:?}"
        );
    }

    #[test]
    fn qualification_by_alias() {
        let hits = get().search(SearchKind::Qualification, "용접", 10);
        assert!(hits.len() >= 3, "several welding qualifications: {hits:?}");
        assert!(hits.iter().any(|h| h.label == "용접기능사"));
    }
}
