//! The reference tables and their lookups.

use doyak_domain::{CodeBook, FocusIndustry};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::LazyLock;

macro_rules! asset {
    ($file:literal) => {
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../assets/refdata/",
            $file
        ))
    };
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KsicLevel {
    Section,
    Division,
    Group,
    Class,
    Subclass,
}

/// 한국표준산업분류 entry.
#[derive(Debug, Clone, Deserialize)]
pub struct Ksic {
    pub level: KsicLevel,
    pub code: String,
    pub parent: String,
    pub name_ko: String,
    pub name_en: String,
}

/// 한국고용직업분류 entry (major or middle group).
#[derive(Debug, Clone)]
pub struct Keco {
    pub code: String,
    pub major: Option<String>,
    pub name_ko: String,
}

/// 시군구 with its area centroid.
#[derive(Debug, Clone, Deserialize)]
pub struct Sigungu {
    pub code: String,
    pub sido: String,
    pub sigungu: String,
    pub lat: f64,
    pub lon: f64,
}

impl Sigungu {
    /// The 시군구 as people write it: the source spells a district of a 도
    /// city without a space ("안산시단원구"); this gives "안산시 단원구".
    pub fn name(&self) -> String {
        if self.sido.ends_with('도')
            && self.sigungu.ends_with('구')
            && let Some((i, _)) = self.sigungu.char_indices().find(|&(_, c)| c == '시')
        {
            let cut = i + '시'.len_utf8();
            if cut < self.sigungu.len() {
                return format!("{} {}", &self.sigungu[..cut], &self.sigungu[cut..]);
            }
        }
        self.sigungu.clone()
    }

    /// "경기도 안산시 단원구" style full name.
    pub fn full_name(&self) -> String {
        format!("{} {}", self.sido, self.name())
    }

    /// Great-circle distance between two centroids in km (haversine). Commute
    /// distance between 시군구 is approximated by their centroids.
    pub fn distance_km(&self, other: &Sigungu) -> f64 {
        const EARTH_RADIUS_KM: f64 = 6371.0088;
        let (la1, la2) = (self.lat.to_radians(), other.lat.to_radians());
        let dlat = la2 - la1;
        let dlon = (other.lon - self.lon).to_radians();
        let a = (dlat / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlon / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_KM * a.sqrt().asin()
    }
}

/// 뿌리기술.
#[derive(Debug, Clone, Deserialize)]
pub struct PpuriTech {
    pub code: String,
    pub group: String,
    pub name_ko: String,
}

/// 국가기술자격·면허 the focus industries ask for.
#[derive(Debug, Clone)]
pub struct Qualification {
    pub id: String,
    pub name_ko: String,
    pub grade: String,
    pub issuer: String,
    pub focus: Vec<String>,
    pub ppuri_tech: Vec<String>,
    pub keco_middle: Option<String>,
    pub aliases: Vec<String>,
}

/// 연계기관 유형.
#[derive(Debug, Clone, Deserialize)]
pub struct PartnerType {
    pub id: String,
    pub name_ko: String,
    pub side: String,
    pub description_ko: String,
}

/// A KSIC code that belongs to a focus industry (covering its descendants).
#[derive(Debug, Clone, Deserialize)]
pub struct FocusMapping {
    pub focus: String,
    pub ksic_code: String,
    pub name_ko: String,
    pub note: String,
}

#[derive(Debug, Deserialize)]
struct RawKecoMiddle {
    code: String,
    major: String,
    name_ko: String,
}

#[derive(Debug, Deserialize)]
struct RawKecoMajor {
    code: String,
    name_ko: String,
}

#[derive(Debug, Deserialize)]
struct RawQualification {
    id: String,
    name_ko: String,
    grade: String,
    issuer: String,
    focus: String,
    ppuri_tech: String,
    keco_middle: String,
    aliases: String,
}

fn split_list(s: &str) -> Vec<String> {
    s.split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

/// All reference tables with their indexes.
#[derive(Debug)]
pub struct RefData {
    pub ksic: Vec<Ksic>,
    pub keco: Vec<Keco>,
    pub sigungu: Vec<Sigungu>,
    pub ppuri: Vec<PpuriTech>,
    pub qualifications: Vec<Qualification>,
    pub partner_types: Vec<PartnerType>,
    pub focus: Vec<FocusMapping>,
    ksic_index: HashMap<String, usize>,
    keco_index: HashMap<String, usize>,
    sigungu_index: HashMap<String, usize>,
    qualification_names: HashMap<String, usize>,
    /// 최저임금 by year (hourly, 원), from minimum_wage.csv.
    pub minimum_wage: Vec<MinimumWage>,
    /// Everyday job names by KECO 중분류, from occupation_aliases.csv.
    pub occupation_aliases: Vec<OccupationAlias>,
}

/// An everyday job name a counselor types ("지게차 운전원", "금형공"), mapped
/// to the KECO 2018 중분류 it belongs to (the finest level the desk ships).
#[derive(Debug, Clone, Deserialize)]
pub struct OccupationAlias {
    pub alias: String,
    /// KECO 2018 중분류 (two digits).
    pub keco: String,
    /// The 소분류 or 세분류 the job was found in, e.g. "8232 용접원".
    pub detail: String,
    pub basis: String,
    pub checked_on: String,
}

/// One year's 최저임금, with where it comes from.
#[derive(Debug, Clone, Deserialize)]
pub struct MinimumWage {
    pub year: i32,
    pub hourly_won: i64,
    pub basis: String,
    pub checked_on: String,
}

fn parse<T: serde::de::DeserializeOwned>(name: &str, text: &str) -> Vec<T> {
    csv::Reader::from_reader(text.as_bytes())
        .deserialize()
        .enumerate()
        .map(|(i, row)| {
            row.unwrap_or_else(|e| {
                panic!(
                    "embedded {name} line {}: {e} (the refdata test catches this)",
                    i + 2
                )
            })
        })
        .collect()
}

/// Normalises a qualification name for lookup: no spaces, no middle dots.
pub(crate) fn name_key(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '·' | '-' | '(' | ')'))
        .collect()
}

impl RefData {
    fn load() -> RefData {
        let ksic: Vec<Ksic> = parse("ksic11.csv", asset!("ksic11.csv"));
        let mut keco: Vec<Keco> =
            parse::<RawKecoMajor>("keco2018_major.csv", asset!("keco2018_major.csv"))
                .into_iter()
                .map(|r| Keco {
                    code: r.code,
                    major: None,
                    name_ko: r.name_ko,
                })
                .collect();
        keco.extend(
            parse::<RawKecoMiddle>("keco2018_middle.csv", asset!("keco2018_middle.csv"))
                .into_iter()
                .map(|r| Keco {
                    code: r.code,
                    major: Some(r.major),
                    name_ko: r.name_ko,
                }),
        );
        let sigungu: Vec<Sigungu> = parse("sigungu.csv", asset!("sigungu.csv"));
        let ppuri: Vec<PpuriTech> = parse("ppuri_tech.csv", asset!("ppuri_tech.csv"));
        let qualifications: Vec<Qualification> =
            parse::<RawQualification>("qualifications.csv", asset!("qualifications.csv"))
                .into_iter()
                .map(|r| Qualification {
                    id: r.id,
                    name_ko: r.name_ko,
                    grade: r.grade,
                    issuer: r.issuer,
                    focus: split_list(&r.focus),
                    ppuri_tech: split_list(&r.ppuri_tech),
                    keco_middle: Some(r.keco_middle).filter(|s| !s.is_empty()),
                    aliases: split_list(&r.aliases),
                })
                .collect();
        let partner_types = parse(
            "partner_institution_types.csv",
            asset!("partner_institution_types.csv"),
        );
        let focus = parse("focus_industries.csv", asset!("focus_industries.csv"));
        let minimum_wage = parse("minimum_wage.csv", asset!("minimum_wage.csv"));
        let occupation_aliases = parse("occupation_aliases.csv", asset!("occupation_aliases.csv"));

        let index = |codes: Vec<&String>| {
            codes
                .into_iter()
                .enumerate()
                .map(|(i, c)| (c.clone(), i))
                .collect()
        };
        let ksic_index = index(ksic.iter().map(|k| &k.code).collect());
        let keco_index = index(keco.iter().map(|k| &k.code).collect());
        let sigungu_index = index(sigungu.iter().map(|s| &s.code).collect());
        let mut qualification_names = HashMap::new();
        for (i, q) in qualifications.iter().enumerate() {
            for name in std::iter::once(&q.name_ko).chain(&q.aliases) {
                qualification_names.entry(name_key(name)).or_insert(i);
            }
        }
        RefData {
            ksic,
            keco,
            sigungu,
            ppuri,
            qualifications,
            partner_types,
            focus,
            ksic_index,
            keco_index,
            sigungu_index,
            qualification_names,
            minimum_wage,
            occupation_aliases,
        }
    }

    pub fn ksic(&self, code: &str) -> Option<&Ksic> {
        self.ksic_index.get(code.trim()).map(|&i| &self.ksic[i])
    }

    pub fn keco(&self, code: &str) -> Option<&Keco> {
        self.keco_index.get(code.trim()).map(|&i| &self.keco[i])
    }

    pub fn sigungu(&self, code: &str) -> Option<&Sigungu> {
        self.sigungu_index
            .get(code.trim())
            .map(|&i| &self.sigungu[i])
    }

    pub fn ppuri_tech(&self, code: &str) -> Option<&PpuriTech> {
        self.ppuri.iter().find(|p| p.code == code.trim())
    }

    pub fn partner_type(&self, id: &str) -> Option<&PartnerType> {
        self.partner_types.iter().find(|p| p.id == id.trim())
    }

    /// A qualification by its id, official name or a common spelling
    /// ("특수용접" → 특수용접기능사), ignoring spaces and dots.
    pub fn qualification(&self, name_or_id: &str) -> Option<&Qualification> {
        let key = name_key(name_or_id);
        self.qualifications
            .iter()
            .find(|q| q.id == name_or_id.trim())
            .or_else(|| {
                self.qualification_names
                    .get(&key)
                    .map(|&i| &self.qualifications[i])
            })
    }

    /// The chain from a KSIC code up to its section: "24311" → [24311, 2431, 243, 24, C].
    pub fn ksic_ancestry(&self, code: &str) -> Vec<&Ksic> {
        let mut chain = Vec::new();
        let mut current = self.ksic(code);
        while let Some(k) = current {
            chain.push(k);
            current = if k.parent.is_empty() {
                None
            } else {
                self.ksic(&k.parent)
            };
        }
        chain
    }

    /// The focus industries a KSIC code falls under (a mapping covers its
    /// descendants).
    pub fn focus_industries_of(&self, ksic_code: &str) -> Vec<FocusIndustry> {
        let ancestry: Vec<&str> = self
            .ksic_ancestry(ksic_code)
            .iter()
            .map(|k| k.code.as_str())
            .collect();
        let mut out: Vec<FocusIndustry> = Vec::new();
        for m in &self.focus {
            if ancestry.contains(&m.ksic_code.as_str())
                && let Some(f) = FocusIndustry::ALL
                    .into_iter()
                    .find(|f| f.as_str() == m.focus)
                && !out.contains(&f)
            {
                out.push(f);
            }
        }
        out
    }

    /// The everyday job names filed under a KECO code.
    pub fn occupation_aliases_of(&self, keco: &str) -> impl Iterator<Item = &OccupationAlias> {
        self.occupation_aliases
            .iter()
            .filter(move |a| a.keco == keco)
    }

    /// Distance in km between two 시군구 centroids, if both codes are known.
    pub fn distance_km(&self, a: &str, b: &str) -> Option<f64> {
        Some(self.sigungu(a)?.distance_km(self.sigungu(b)?))
    }
}

impl CodeBook for RefData {
    fn has_ksic(&self, code: &str) -> bool {
        self.ksic(code).is_some()
    }
    fn has_keco(&self, code: &str) -> bool {
        self.keco(code).is_some()
    }
    fn has_sigungu(&self, code: &str) -> bool {
        self.sigungu(code).is_some()
    }
    fn has_ppuri_tech(&self, code: &str) -> bool {
        self.ppuri_tech(code).is_some()
    }
    fn minimum_wage_hourly(&self, year: i32) -> Option<i64> {
        self.minimum_wage
            .iter()
            .find(|m| m.year == year)
            .map(|m| m.hourly_won)
    }
}

static DATA: LazyLock<RefData> = LazyLock::new(RefData::load);

pub(crate) fn get() -> &'static RefData {
    &DATA
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_occupation_alias_names_a_middle_code_its_detail_and_basis() {
        let r = get();
        assert!(
            r.occupation_aliases.len() >= 100,
            "{}",
            r.occupation_aliases.len()
        );
        let mut seen = std::collections::HashSet::new();
        for a in &r.occupation_aliases {
            let keco = r
                .keco(&a.keco)
                .unwrap_or_else(|| panic!("{}: unknown {}", a.alias, a.keco));
            assert!(
                keco.major.is_some(),
                "{}: {} is not a 중분류",
                a.alias,
                a.keco
            );
            assert!(
                a.detail.starts_with(&a.keco),
                "{}: the detail {} lies under the middle code {}",
                a.alias,
                a.detail,
                a.keco
            );
            assert!(!a.basis.trim().is_empty(), "{}: no basis", a.alias);
            assert!(
                chrono::NaiveDate::parse_from_str(&a.checked_on, "%Y-%m-%d").is_ok(),
                "{}: checked_on {}",
                a.alias,
                a.checked_on
            );
            assert!(seen.insert(name_key(&a.alias)), "{} twice", a.alias);
        }
    }

    #[test]
    fn every_table_loads_with_the_counts_the_sources_state() {
        let r = get();
        // DOMAIN.md: KSIC 11 has 21 sections, 77 divisions, 234 groups, 501
        // classes, 1,205 sub-classes; KECO 2018 10 major and 35 middle groups;
        // 250 시군구; 14 뿌리기술.
        assert_eq!(r.ksic.len(), 21 + 77 + 234 + 501 + 1205);
        assert_eq!(r.keco.len(), 10 + 35);
        assert_eq!(r.sigungu.len(), 250);
        assert_eq!(r.ppuri.len(), 14);
        assert!(
            r.qualifications.len() >= 40,
            "{} qualifications",
            r.qualifications.len()
        );
        assert!(r.partner_types.len() >= 10);
    }

    #[test]
    fn focus_mappings_point_at_real_ksic_codes_and_qualifications_at_real_codes() {
        let r = get();
        for m in &r.focus {
            let k = r
                .ksic(&m.ksic_code)
                .unwrap_or_else(|| panic!("{} is not a KSIC code", m.ksic_code));
            assert_eq!(
                k.name_ko, m.name_ko,
                "focus_industries.csv must copy the KSIC name of {}",
                m.ksic_code
            );
            assert!(
                FocusIndustry::ALL.iter().any(|f| f.as_str() == m.focus),
                "unknown focus {}",
                m.focus
            );
        }
        for q in &r.qualifications {
            if let Some(k) = &q.keco_middle {
                assert!(
                    r.keco(k).is_some(),
                    "{}: unknown KECO middle group {k}",
                    q.name_ko
                );
            }
            for t in &q.ppuri_tech {
                assert!(
                    r.ppuri_tech(t).is_some(),
                    "{}: unknown 뿌리기술 {t}",
                    q.name_ko
                );
            }
        }
    }

    #[test]
    fn lookups_by_code_and_by_common_spelling() {
        let r = get();
        assert_eq!(
            r.sigungu("41273").map(Sigungu::full_name).as_deref(),
            Some("경기도 안산시 단원구"),
            "a district of a 도 city gets its space back"
        );
        assert_eq!(
            r.sigungu("41390").map(Sigungu::name).as_deref(),
            Some("시흥시")
        );
        assert_eq!(
            r.sigungu("11110").map(Sigungu::full_name).as_deref(),
            Some("서울특별시 종로구")
        );
        assert_eq!(r.keco("70").map(|k| k.major.as_deref()), Some(Some("7")));
        assert_eq!(
            r.qualification("특수 용접 기능사")
                .map(|q| q.name_ko.as_str()),
            Some("특수용접기능사")
        );
        assert_eq!(
            r.qualification("지게차").map(|q| q.name_ko.as_str()),
            Some("지게차운전기능사")
        );
        let chain: Vec<&str> = r
            .ksic_ancestry("24311")
            .iter()
            .map(|k| k.code.as_str())
            .collect();
        assert_eq!(chain, ["24311", "2431", "243", "24", "C"]);
    }

    #[test]
    fn shipyards_are_shipbuilding_and_foundries_are_ppuri() {
        let r = get();
        let shipyard = r
            .ksic
            .iter()
            .find(|k| k.level == KsicLevel::Subclass && k.code.starts_with("3111"));
        let shipyard = shipyard.expect("KSIC has steel ship building under 3111");
        assert!(
            r.focus_industries_of(&shipyard.code)
                .contains(&FocusIndustry::Shipbuilding)
        );
        assert!(
            r.focus_industries_of("24311")
                .contains(&FocusIndustry::Ppuri),
            "선철주물 주조업 is casting"
        );
        assert!(
            r.focus_industries_of("62010").is_empty(),
            "software is no focus industry"
        );
    }

    #[test]
    fn distances_between_centroids_are_plausible() {
        let r = get();
        // 종로구 (11110) to 부산 중구 (26110) is about 325 km as the crow flies.
        let d = r.distance_km("11110", "26110").expect("both codes exist");
        assert!((300.0..350.0).contains(&d), "Seoul–Busan {d:.0} km");
        assert_eq!(r.distance_km("11110", "11110"), Some(0.0));
    }
}
