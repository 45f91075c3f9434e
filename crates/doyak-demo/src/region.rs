//! The center's region: which 시군구 people live in and firms sit in (mostly
//! within ~40 km of the center), the industrial complexes nearby, local names
//! for institutions and addresses, and telephone area codes. Built once per run.

use crate::dice::{Dice, Weighted};
use doyak_domain::SigunguCode;
use doyak_refdata::{RefData, Sigungu};

/// Homes and firms are drawn mostly from 시군구 whose centroid is this close to
/// the center's.
pub(crate) const NEAR_KM: f64 = 40.0;
/// Share of homes and firms drawn from further away (people who moved, firms
/// that sent a vacancy to a neighbouring center).
const FAR_SHARE: f64 = 0.04;
const FAR_MAX_KM: f64 = 150.0;

/// An industrial complex (산업단지) and the 시군구 its main part lies in. The
/// third field is the 시군구 name in sigungu.csv, checked by a test so a
/// mistyped code cannot slip in.
const INDUSTRIAL_COMPLEXES: &[(&str, &str, &str)] = &[
    ("반월국가산업단지", "41273", "안산시단원구"),
    ("시화국가산업단지", "41390", "시흥시"),
    ("남동국가산업단지", "28200", "남동구"),
    ("주안국가산업단지", "28177", "미추홀구"),
    ("부평국가산업단지", "28237", "부평구"),
    ("인천서부일반산업단지", "28260", "서구"),
    ("서울디지털국가산업단지", "11530", "구로구"),
    ("학운일반산업단지", "41570", "김포시"),
    ("발안일반산업단지", "41590", "화성시"),
    ("포승국가산업단지", "41220", "평택시"),
    ("포천용정일반산업단지", "41650", "포천시"),
    ("파주출판문화정보국가산업단지", "41480", "파주시"),
    ("문막일반산업단지", "42130", "원주시"),
    ("오창과학산업단지", "43114", "청주시청원구"),
    ("청주일반산업단지", "43113", "청주시흥덕구"),
    ("충주첨단산업단지", "43130", "충주시"),
    ("천안제3일반산업단지", "44133", "천안시서북구"),
    ("아산테크노밸리", "44200", "아산시"),
    ("인주일반산업단지", "44200", "아산시"),
    ("석문국가산업단지", "44270", "당진시"),
    ("서산오토밸리", "44210", "서산시"),
    ("대전일반산업단지", "30230", "대덕구"),
    ("대덕테크노밸리", "30200", "유성구"),
    ("군산국가산업단지", "45130", "군산시"),
    ("익산국가산업단지", "45140", "익산시"),
    ("완주일반산업단지", "45710", "완주군"),
    ("광주첨단과학산업단지", "29200", "광산구"),
    ("하남일반산업단지", "29200", "광산구"),
    ("평동일반산업단지", "29200", "광산구"),
    ("대불국가산업단지", "46830", "영암군"),
    ("대양일반산업단지", "46110", "목포시"),
    ("여수국가산업단지", "46130", "여수시"),
    ("광양국가산업단지", "46230", "광양시"),
    ("해룡일반산업단지", "46150", "순천시"),
    ("구미국가산업단지", "47190", "구미시"),
    ("김천일반산업단지", "47150", "김천시"),
    ("왜관일반산업단지", "47850", "칠곡군"),
    ("포항국가산업단지", "47111", "포항시남구"),
    ("성서일반산업단지", "27290", "달서구"),
    ("대구국가산업단지", "27710", "달성군"),
    ("달성일반산업단지", "27710", "달성군"),
    ("울산미포국가산업단지", "31140", "남구"),
    ("온산국가산업단지", "31710", "울주군"),
    ("매곡일반산업단지", "31200", "북구"),
    ("녹산국가산업단지", "26440", "강서구"),
    ("신평장림일반산업단지", "26380", "사하구"),
    ("창원국가산업단지", "48123", "창원시성산구"),
    ("진주상평일반산업단지", "48170", "진주시"),
    ("김해골든루트일반산업단지", "48250", "김해시"),
    ("양산산막일반산업단지", "48330", "양산시"),
    ("함안칠서일반산업단지", "48730", "함안군"),
];

/// 시군구 where shipyards and their suppliers cluster.
const SHIPBUILDING_HUBS: &[&str] = &[
    "48310", "48220", "31170", "48129", "26200", "26440", "46110", "46830", "45130", "48820",
];
/// 시군구 with semiconductor fabs and their suppliers.
const SEMICONDUCTOR_HUBS: &[&str] = &[
    "41500", "41461", "41463", "41220", "41590", "43113", "44133", "44200", "47190", "30200",
];

/// Generic road names for addresses; the numbers make them unique enough.
const ROADS: &[&str] = &[
    "산단로",
    "공단로",
    "산업로",
    "첨단로",
    "테크노로",
    "번영로",
    "중앙로",
    "동서로",
    "남북로",
    "신흥로",
    "평화로",
    "새마을로",
    "역전로",
    "대동로",
    "성곡로",
    "강변로",
];

#[derive(Debug, Clone)]
pub(crate) struct Complex {
    pub name: &'static str,
    pub place: u16,
}

/// Everything about places the generator needs, indexed by the position of a
/// 시군구 in the reference table.
#[derive(Debug)]
pub(crate) struct Region {
    pub center: u16,
    codes: Vec<SigunguCode>,
    /// "경기도 안산시 단원구".
    full_names: Vec<String>,
    /// "안산시", "인천 남동구": how local institutions name themselves.
    local_names: Vec<String>,
    area_codes: Vec<&'static str>,
    distance: Vec<f32>,
    homes: Weighted<u16>,
    firms: Weighted<u16>,
    /// For each 시군구, the others within 25 km, nearest first.
    neighbors: Vec<Vec<u16>>,
    /// Complexes within [`NEAR_KM`] of the center, nearest first; when none is
    /// that close, the nearest one within 80 km.
    pub complexes: Vec<Complex>,
    pub near_shipyards: bool,
    pub near_fabs: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("알 수 없는 시군구 코드입니다: {0}")]
pub struct UnknownRegion(pub String);

impl Region {
    pub(crate) fn new(refdata: &RefData, center_code: &str) -> Result<Region, UnknownRegion> {
        let places = &refdata.sigungu;
        let center = places
            .iter()
            .position(|s| s.code == center_code.trim())
            .ok_or_else(|| UnknownRegion(center_code.to_owned()))? as u16;
        let n = places.len();
        let mut distance = vec![0f32; n * n];
        for (i, a) in places.iter().enumerate() {
            for (j, b) in places.iter().enumerate().skip(i + 1) {
                let d = a.distance_km(b) as f32;
                distance[i * n + j] = d;
                distance[j * n + i] = d;
            }
        }
        let from_center = |i: usize| f64::from(distance[center as usize * n + i]);
        let far_count = (0..n)
            .filter(|&i| (NEAR_KM..FAR_MAX_KM).contains(&from_center(i)))
            .count()
            .max(1) as f64;
        // Steep decay: most people use the center of the city they live in; a
        // neighbouring city contributes some, a 시군구 30 km off very few.
        let spread = |scale: f64| {
            let near_total: f64 = (0..n)
                .map(from_center)
                .filter(|&d| d < NEAR_KM)
                .map(|d| (-d / scale).exp())
                .sum();
            Weighted::new((0..n).map(|i| {
                let d = from_center(i);
                let w = if d < NEAR_KM {
                    (-d / scale).exp() / near_total * (1.0 - FAR_SHARE)
                } else if d < FAR_MAX_KM {
                    FAR_SHARE / far_count
                } else {
                    0.0
                };
                (i as u16, w)
            }))
        };
        let homes = spread(6.0);
        let firms = spread(10.0);
        let neighbors = (0..n)
            .map(|i| {
                let mut near: Vec<u16> = (0..n)
                    .filter(|&j| j != i && distance[i * n + j] < 25.0)
                    .map(|j| j as u16)
                    .collect();
                near.sort_by(|&a, &b| {
                    distance[i * n + a as usize].total_cmp(&distance[i * n + b as usize])
                });
                near
            })
            .collect();
        let mut complexes: Vec<(f64, Complex)> = INDUSTRIAL_COMPLEXES
            .iter()
            .filter_map(|&(name, code, _)| {
                let place = places.iter().position(|s| s.code == code)?;
                Some((
                    from_center(place),
                    Complex {
                        name,
                        place: place as u16,
                    },
                ))
            })
            .filter(|(d, _)| *d < 80.0)
            .collect();
        complexes.sort_by(|a, b| a.0.total_cmp(&b.0));
        let within: usize = complexes.iter().filter(|(d, _)| *d < NEAR_KM).count();
        complexes.truncate(within.max(1));
        let near_any = |hubs: &[&str], km: f64| {
            hubs.iter().any(|code| {
                places
                    .iter()
                    .position(|s| s.code == *code)
                    .is_some_and(|i| from_center(i) < km)
            })
        };
        let near_shipyards = near_any(SHIPBUILDING_HUBS, 50.0);
        let near_fabs = near_any(SEMICONDUCTOR_HUBS, NEAR_KM);
        Ok(Region {
            center,
            codes: places.iter().map(|s| SigunguCode(s.code.clone())).collect(),
            full_names: places
                .iter()
                .map(doyak_refdata::Sigungu::full_name)
                .collect(),
            local_names: places.iter().map(local_name).collect(),
            area_codes: places.iter().map(|s| area_code(&s.code)).collect(),
            distance,
            homes,
            firms,
            neighbors,
            complexes: complexes.into_iter().map(|(_, c)| c).collect(),
            near_shipyards,
            near_fabs,
        })
    }

    pub(crate) fn code(&self, place: u16) -> SigunguCode {
        self.codes[place as usize].clone()
    }

    pub(crate) fn local_name(&self, place: u16) -> &str {
        &self.local_names[place as usize]
    }

    pub(crate) fn distance_km(&self, a: u16, b: u16) -> f64 {
        f64::from(self.distance[a as usize * self.codes.len() + b as usize])
    }

    pub(crate) fn neighbors(&self, place: u16) -> &[u16] {
        &self.neighbors[place as usize]
    }

    pub(crate) fn home(&self, dice: &mut Dice) -> u16 {
        self.homes.pick(dice).copied().unwrap_or(self.center)
    }

    pub(crate) fn firm_site(&self, dice: &mut Dice) -> u16 {
        self.firms.pick(dice).copied().unwrap_or(self.center)
    }

    /// A street address in `place`: "경기도 안산시 단원구 산단로 123번길 45".
    pub(crate) fn address(&self, dice: &mut Dice, place: u16) -> String {
        let road = dice.one(ROADS);
        let full = &self.full_names[place as usize];
        if dice.chance(0.5) {
            format!(
                "{full} {road} {}번길 {}",
                dice.range(10, 300),
                dice.range(1, 80)
            )
        } else {
            format!("{full} {road} {}", dice.range(1, 700))
        }
    }

    /// A landline in `place`'s area: "031-491-2345".
    pub(crate) fn landline(&self, dice: &mut Dice, place: u16) -> String {
        let area = self.area_codes[place as usize];
        if area == "02" {
            format!(
                "02-{:04}-{:04}",
                dice.range(2000, 9999),
                dice.range(0, 9999)
            )
        } else {
            format!(
                "{area}-{:03}-{:04}",
                dice.range(200, 999),
                dice.range(0, 9999)
            )
        }
    }
}

/// How a local public institution names its area: the city for a district of
/// a 도 city ("안산시"), the metropolitan city and district otherwise
/// ("인천 남동구"), "세종시" for 세종.
fn local_name(place: &Sigungu) -> String {
    let (sido, sigungu) = (&place.sido, &place.sigungu);
    if sido.starts_with("세종") {
        return "세종시".to_owned();
    }
    if sido.ends_with('도') {
        let spaced = place.name();
        return spaced.split(' ').next().unwrap_or(sigungu).to_owned();
    }
    let short: String = sido.chars().take(2).collect();
    format!("{short} {sigungu}")
}

/// The telephone area code of a 시군구, from the first two digits of its code
/// (the 시도).
fn area_code(code: &str) -> &'static str {
    match code.get(..2).unwrap_or("") {
        "11" => "02",
        "26" => "051",
        "27" => "053",
        "28" => "032",
        "29" => "062",
        "30" => "042",
        "31" => "052",
        "36" => "044",
        "41" => "031",
        "42" => "033",
        "43" => "043",
        "44" => "041",
        "45" => "063",
        "46" => "061",
        "47" => "054",
        "48" => "055",
        "50" => "064",
        _ => "070",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use doyak_domain::Phone;

    #[test]
    fn every_industrial_complex_names_a_real_sigungu() {
        let r = doyak_refdata::get();
        for (name, code, expected) in INDUSTRIAL_COMPLEXES {
            let place = r
                .sigungu(code)
                .unwrap_or_else(|| panic!("{name}: {code} is not in sigungu.csv"));
            assert_eq!(&place.sigungu, expected, "{name} lies in {expected}");
        }
        for code in SHIPBUILDING_HUBS.iter().chain(SEMICONDUCTOR_HUBS) {
            assert!(r.sigungu(code).is_some(), "hub {code}");
        }
    }

    #[test]
    fn ansan_has_banwol_and_sihwa_nearby_and_homes_cluster_around_it() {
        let r = doyak_refdata::get();
        let region = Region::new(r, "41273").expect("안산시 단원구 exists");
        let names: Vec<&str> = region.complexes.iter().map(|c| c.name).collect();
        assert_eq!(
            names[0], "반월국가산업단지",
            "the center's own complex comes first"
        );
        assert!(names.contains(&"시화국가산업단지"));
        assert!(!region.near_shipyards, "안산 is far from the shipyards");
        let mut dice = Dice::new(1, 0);
        let near = (0..2000)
            .filter(|_| {
                let home = region.home(&mut dice);
                region.distance_km(region.center, home) < NEAR_KM
            })
            .count();
        assert!(near >= 1880, "{near} of 2000 homes within 40 km");
        assert_eq!(region.local_name(region.center), "안산시");
    }

    #[test]
    fn geoje_is_near_shipyards() {
        let region = Region::new(doyak_refdata::get(), "48310").expect("거제시");
        assert!(region.near_shipyards);
    }

    #[test]
    fn names_and_numbers_of_places() {
        let place = |sido: &str, sigungu: &str| Sigungu {
            code: String::new(),
            sido: sido.into(),
            sigungu: sigungu.into(),
            lat: 0.0,
            lon: 0.0,
        };
        assert_eq!(local_name(&place("경상남도", "창원시성산구")), "창원시");
        assert_eq!(local_name(&place("인천광역시", "남동구")), "인천 남동구");
        assert_eq!(
            local_name(&place("세종특별자치시", "세종특별자치시")),
            "세종시"
        );
        let region = Region::new(doyak_refdata::get(), "11530").expect("구로구");
        let mut dice = Dice::new(1, 0);
        for _ in 0..100 {
            let phone = region.landline(&mut dice, region.center);
            assert!(phone.starts_with("02-"), "{phone}");
            assert!(Phone::parse(&phone).is_ok(), "{phone}");
        }
        assert!(Region::new(doyak_refdata::get(), "99999").is_err());
    }
}
