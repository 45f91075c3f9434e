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

/// How well `query` matches an entry: its rank (lower is better) and which of
/// `names` matched (the first one that matched at the best rank).
fn rank(query: &str, code: &str, names: &[&str]) -> Option<(u8, usize)> {
    let q = query.trim();
    if q.is_empty() {
        return Some((4, 0));
    }
    let qk = name_key(q);
    if code == q {
        return Some((0, 0));
    }
    if let Some(i) = names.iter().position(|n| name_key(n) == qk) {
        return Some((0, i));
    }
    if code.starts_with(q) {
        return Some((1, 0));
    }
    if let Some(i) = names.iter().position(|n| name_key(n).starts_with(&qk)) {
        return Some((2, i));
    }
    if let Some(i) = names.iter().position(|n| korean::matches(q, n)) {
        return Some((3, i));
    }
    None
}

impl RefData {
    /// Entries of one list matching `query`, best first, at most `limit`.
    pub fn search(&self, kind: SearchKind, query: &str, limit: usize) -> Vec<Hit> {
        self.search_near(kind, query, limit, None)
    }

    /// As [`RefData::search`]; for 시군구, entries of equal rank are ordered by
    /// distance from `near` (the center's own 시군구 code), so "단" finds the
    /// center's 단원구 before 단양군 two hundred kilometres away.
    pub fn search_near(
        &self,
        kind: SearchKind,
        query: &str,
        limit: usize,
        near: Option<&str>,
    ) -> Vec<Hit> {
        // (hit, distance in km from `near`; 0 when there is nothing to measure)
        let mut hits: Vec<(Hit, f64)> = Vec::new();
        let mut consider = |code: &str, label: String, names: &[&str], km: f64| {
            if let Some((rank, _)) = rank(query, code, names) {
                hits.push((
                    Hit {
                        code: code.to_owned(),
                        label,
                        rank,
                    },
                    km,
                ));
            }
        };
        match kind {
            SearchKind::Ksic => {
                for k in &self.ksic {
                    consider(&k.code, k.name_ko.clone(), &[&k.name_ko], 0.0);
                }
            }
            SearchKind::Keco => {
                for k in &self.keco {
                    // The 중분류 name first, then the everyday names filed
                    // under it: "지게차" finds 운전·운송직 and says why.
                    let mut names: Vec<&str> = vec![&k.name_ko];
                    names.extend(
                        self.occupation_aliases_of(&k.code)
                            .map(|a| a.alias.as_str()),
                    );
                    if let Some((rank, i)) = rank(query, &k.code, &names) {
                        let label = if i == 0 {
                            k.name_ko.clone()
                        } else {
                            format!("{} · {}", k.name_ko, names[i])
                        };
                        hits.push((
                            Hit {
                                code: k.code.clone(),
                                label,
                                rank,
                            },
                            0.0,
                        ));
                    }
                }
            }
            SearchKind::Sigungu => {
                let center = near.and_then(|c| self.sigungu(c));
                for s in &self.sigungu {
                    let full = s.full_name();
                    let km = center.map_or(0.0, |c| c.distance_km(s));
                    consider(&s.code, full.clone(), &[&s.sigungu, &s.name(), &full], km);
                }
            }
            SearchKind::Qualification => {
                for q in &self.qualifications {
                    let mut names: Vec<&str> = vec![&q.name_ko];
                    names.extend(q.aliases.iter().map(String::as_str));
                    consider(&q.id, q.name_ko.clone(), &names, 0.0);
                }
            }
            SearchKind::PpuriTech => {
                for p in &self.ppuri {
                    consider(&p.code, p.name_ko.clone(), &[&p.name_ko], 0.0);
                }
            }
            SearchKind::PartnerType => {
                for p in &self.partner_types {
                    consider(&p.id, p.name_ko.clone(), &[&p.name_ko], 0.0);
                }
            }
        }
        // Stable: equal ranks go nearest first, then shorter labels first so
        // "용접기능사" precedes "특수용접기능사", then the list's own order.
        hits.sort_by(|(a, a_km), (b, b_km)| {
            a.rank
                .cmp(&b.rank)
                .then(a_km.total_cmp(b_km))
                .then(a.label.chars().count().cmp(&b.label.chars().count()))
        });
        hits.truncate(limit);
        hits.into_iter().map(|(h, _)| h).collect()
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

    #[test]
    fn sigungu_ties_go_to_the_center_s_region_first() {
        // "ㄷㅇㄱ" is the 초성 of 단원구, 단양군 and others across the country;
        // a center in 안산시 단원구 (41273) must see its own first, whatever the
        // list's order.
        let far = get().search(SearchKind::Sigungu, "ㄷㅇㄱ", 10);
        assert!(far.len() >= 2, "several 시군구 share the 초성: {far:?}");
        assert_ne!(far[0].code, "41273", "without a center, shorter names lead");
        let near = get().search_near(SearchKind::Sigungu, "ㄷㅇㄱ", 10, Some("41273"));
        assert_eq!(near[0].code, "41273", "{near:?}");
        // Rank still wins over distance: an exact name far away beats a
        // 초성 match next door.
        let exact = get().search_near(SearchKind::Sigungu, "단양군", 3, Some("41273"));
        assert_eq!(exact[0].label, "충청북도 단양군", "{exact:?}");
    }

    #[test]
    fn occupations_by_the_names_counselors_use() {
        // Each expected code is the 중분류 of the 세분류 the alias table cites
        // (6230 물품이동장비 조작원, 8131 금형원, 5501 요양 보호사 및 간병인).
        for (typed, code) in [("지게차", "62"), ("금형공", "81"), ("요양보호사", "55")] {
            let hits = get().search(SearchKind::Keco, typed, 5);
            assert_eq!(
                hits.first().map(|h| h.code.as_str()),
                Some(code),
                "{typed}: {hits:?}"
            );
            assert!(
                hits[0].label.contains(typed),
                "the label says why: {hits:?}"
            );
        }
        // The 중분류's own name still matches with its plain label.
        let hits = get().search(SearchKind::Keco, "운전·운송직", 5);
        assert_eq!(hits[0].label, "운전·운송직");
        // One hit per code even when several aliases of it match.
        let hits = get().search(SearchKind::Keco, "지게차", 30);
        assert_eq!(
            hits.iter().filter(|h| h.code == "62").count(),
            1,
            "{hits:?}"
        );
        // Nothing matches: no hits (the picker then says 결과 없음).
        assert!(get().search(SearchKind::Keco, "우주비행사", 5).is_empty());
    }
}
