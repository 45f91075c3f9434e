//! Kinds of firms the company side works with: 뿌리 trades (casting, forming,
//! welding, surface and heat treatment, machining, moulds, injection),
//! shipbuilding, transport and services, each with the KSIC sub-classes it
//! covers, the words its names use, its 뿌리기술 and the jobs it posts.
//!
//! A kind only draws KSIC sub-classes that focus_industries.csv files under
//! its focus industry, so every generated firm really is a focus-industry firm.

use crate::dice::{Dice, Weighted};
use crate::jobs::Job;
use crate::region::Region;
use doyak_domain::{CompanySize, FocusIndustry};
use doyak_refdata::{KsicLevel, RefData};

#[derive(Debug)]
pub(crate) struct IndustryKind {
    /// Names the kind in test failures.
    #[cfg_attr(not(test), expect(dead_code))]
    pub label: &'static str,
    pub focus: FocusIndustry,
    /// KSIC codes (any level) whose sub-classes the kind draws from.
    pub ksic_prefixes: &'static [&'static str],
    pub firm_words: &'static [&'static str],
    /// How often firms of the kind are incorporated (주식회사).
    pub corporate_share: f64,
    /// Names for the sub-classes whose firms are called otherwise than the
    /// kind's: a 전세버스 company is "○○관광", a 시내버스 one "○○여객".
    pub names_by_code: &'static [NameRule],
    /// 뿌리기술: the first always, each further one sometimes.
    pub ppuri: &'static [&'static str],
    pub jobs: &'static [(Job, u32)],
    /// Relative number of firms of the kind in a caseload.
    pub weight: u32,
    /// Sits in industrial complexes.
    pub factory: bool,
    /// Weights of 5인 미만, 5~49인, 50~299인, 300인 이상.
    pub sizes: [u32; 4],
}

/// How firms filed under KSIC codes starting with `prefix` are named.
#[derive(Debug)]
pub(crate) struct NameRule {
    pub prefix: &'static str,
    pub words: &'static [&'static str],
    /// How often such firms are incorporated: a 요양병원 never is, the
    /// 의료법 lets only doctors and non-profit bodies open a hospital.
    pub corporate_share: f64,
}

use Job::*;

const KINDS: &[IndustryKind] = &[
    IndustryKind {
        label: "주조",
        focus: FocusIndustry::Ppuri,
        ksic_prefixes: &["2431", "2432"],
        firm_words: &["주물", "주철", "캐스팅", "금속", "정밀주조"],
        corporate_share: 0.6,
        names_by_code: &[],
        ppuri: &["01", "06"],
        jobs: &[
            (Caster, 40),
            (ProductionWorker, 25),
            (Machinist, 8),
            (ForkliftDriver, 8),
            (QualityInspector, 8),
            (Maintenance, 6),
            (Welder, 5),
        ],
        weight: 7,
        factory: true,
        sizes: [5, 70, 22, 3],
    },
    IndustryKind {
        label: "소성가공",
        focus: FocusIndustry::Ppuri,
        ksic_prefixes: &["25911", "25912", "25913", "25914"],
        firm_words: &["단조", "프레스", "금속", "정공", "산업"],
        corporate_share: 0.65,
        names_by_code: &[],
        ppuri: &["03", "07"],
        jobs: &[
            (PressOperator, 40),
            (ProductionWorker, 25),
            (MouldMaker, 8),
            (ForkliftDriver, 8),
            (QualityInspector, 10),
            (Maintenance, 9),
        ],
        weight: 9,
        factory: true,
        sizes: [5, 65, 26, 4],
    },
    IndustryKind {
        label: "용접·구조물",
        focus: FocusIndustry::Ppuri,
        ksic_prefixes: &["2511", "2512"],
        firm_words: &["기공", "철강", "스틸", "산업", "테크", "중공업"],
        corporate_share: 0.6,
        names_by_code: &[],
        ppuri: &["04"],
        jobs: &[
            (Welder, 50),
            (Fitter, 20),
            (ProductionWorker, 10),
            (ForkliftDriver, 8),
            (Painter, 12),
        ],
        weight: 9,
        factory: true,
        sizes: [8, 72, 18, 2],
    },
    IndustryKind {
        label: "표면처리",
        focus: FocusIndustry::Ppuri,
        ksic_prefixes: &["25922", "25923"],
        firm_words: &["도금", "표면처리", "케미칼", "코팅"],
        corporate_share: 0.5,
        names_by_code: &[],
        ppuri: &["05"],
        jobs: &[
            (Plater, 45),
            (Painter, 20),
            (ProductionWorker, 25),
            (QualityInspector, 10),
        ],
        weight: 6,
        factory: true,
        sizes: [8, 77, 14, 1],
    },
    IndustryKind {
        label: "열처리",
        focus: FocusIndustry::Ppuri,
        ksic_prefixes: &["25921"],
        firm_words: &["열처리", "열산업", "금속"],
        corporate_share: 0.5,
        names_by_code: &[],
        ppuri: &["06"],
        jobs: &[
            (HeatTreater, 50),
            (ProductionWorker, 25),
            (Maintenance, 10),
            (ForkliftDriver, 8),
            (QualityInspector, 7),
        ],
        weight: 3,
        factory: true,
        sizes: [8, 80, 11, 1],
    },
    IndustryKind {
        label: "정밀가공",
        focus: FocusIndustry::Ppuri,
        ksic_prefixes: &["25924", "2914", "2922"],
        firm_words: &["정밀", "정공", "기계", "테크", "엠텍", "하이텍"],
        corporate_share: 0.6,
        names_by_code: &[],
        ppuri: &["08", "14"],
        jobs: &[
            (Machinist, 50),
            (Assembler, 15),
            (ProductionWorker, 15),
            (QualityInspector, 12),
            (Maintenance, 8),
        ],
        weight: 12,
        factory: true,
        sizes: [8, 70, 19, 3],
    },
    IndustryKind {
        label: "금형",
        focus: FocusIndustry::Ppuri,
        ksic_prefixes: &["29293"],
        firm_words: &["금형", "몰드", "정밀"],
        corporate_share: 0.55,
        names_by_code: &[],
        ppuri: &["02", "08"],
        jobs: &[
            (MouldMaker, 50),
            (Machinist, 30),
            (InjectionOperator, 10),
            (QualityInspector, 10),
        ],
        weight: 5,
        factory: true,
        sizes: [10, 78, 11, 1],
    },
    IndustryKind {
        label: "사출",
        focus: FocusIndustry::Ppuri,
        ksic_prefixes: &["2224", "2229", "2223"],
        firm_words: &["플라텍", "폴리머", "산업", "화학"],
        corporate_share: 0.6,
        names_by_code: &[],
        ppuri: &["07"],
        jobs: &[
            (InjectionOperator, 45),
            (ProductionWorker, 30),
            (QualityInspector, 12),
            (ForkliftDriver, 8),
            (MouldMaker, 5),
        ],
        weight: 7,
        factory: true,
        sizes: [5, 68, 24, 3],
    },
    IndustryKind {
        label: "조선",
        focus: FocusIndustry::Shipbuilding,
        ksic_prefixes: &["3111"],
        firm_words: &["조선", "조선기자재", "해양", "마린", "선박", "중공업"],
        corporate_share: 0.75,
        names_by_code: &[],
        ppuri: &[],
        jobs: &[
            (Welder, 35),
            (Fitter, 22),
            (Painter, 15),
            (Electrician, 10),
            (ProductionWorker, 8),
            (Maintenance, 5),
            (Assembler, 5),
        ],
        weight: 8,
        factory: true,
        sizes: [3, 62, 30, 5],
    },
    IndustryKind {
        label: "화물운송",
        focus: FocusIndustry::Transport,
        ksic_prefixes: &["4930"],
        firm_words: &["물류", "운수", "통운", "로지스", "익스프레스"],
        corporate_share: 0.7,
        names_by_code: &[],
        ppuri: &[],
        jobs: &[
            (TruckDriver, 40),
            (ForkliftDriver, 25),
            (ParcelHandler, 20),
            (LogisticsClerk, 10),
            (AutoMechanic, 5),
        ],
        weight: 8,
        factory: false,
        sizes: [10, 70, 18, 2],
    },
    IndustryKind {
        label: "택배·창고",
        focus: FocusIndustry::Transport,
        ksic_prefixes: &["49401", "5210", "52913", "52941"],
        firm_words: &["물류", "로지스", "익스프레스", "물류센터"],
        corporate_share: 0.8,
        names_by_code: &[],
        ppuri: &[],
        jobs: &[
            (ParcelHandler, 45),
            (ForkliftDriver, 30),
            (TruckDriver, 15),
            (LogisticsClerk, 10),
        ],
        weight: 4,
        factory: false,
        sizes: [3, 55, 35, 7],
    },
    IndustryKind {
        label: "버스",
        focus: FocusIndustry::Transport,
        ksic_prefixes: &["49212", "49219", "49220", "49232"],
        firm_words: &["여객", "교통", "운수"],
        corporate_share: 0.9,
        names_by_code: &[NameRule {
            prefix: "49232",
            words: &["관광", "고속관광", "투어"],
            corporate_share: 0.85,
        }],
        ppuri: &[],
        jobs: &[(BusDriver, 85), (AutoMechanic, 15)],
        weight: 3,
        factory: false,
        sizes: [0, 35, 58, 7],
    },
    IndustryKind {
        label: "요양·돌봄",
        focus: FocusIndustry::Service,
        ksic_prefixes: &["87111", "87112", "87293", "86105"],
        firm_words: &["요양원", "노인요양센터", "실버케어"],
        corporate_share: 0.1,
        names_by_code: &[
            NameRule {
                prefix: "87112",
                words: &["양로원", "실버홈"],
                corporate_share: 0.0,
            },
            NameRule {
                prefix: "87293",
                words: &["재가복지센터", "방문요양센터", "재가노인복지센터"],
                corporate_share: 0.2,
            },
            NameRule {
                prefix: "86105",
                words: &["요양병원"],
                corporate_share: 0.0,
            },
        ],
        ppuri: &[],
        jobs: &[(CareWorker, 80), (Cook, 10), (Cleaner, 10)],
        weight: 8,
        factory: false,
        sizes: [12, 75, 12, 1],
    },
    IndustryKind {
        label: "음식·급식",
        focus: FocusIndustry::Service,
        ksic_prefixes: &["56130", "56141", "56111"],
        firm_words: &["한식뷔페", "식당", "한정식"],
        corporate_share: 0.4,
        names_by_code: &[
            NameRule {
                prefix: "56130",
                words: &["푸드", "푸드서비스", "급식"],
                corporate_share: 0.6,
            },
            NameRule {
                prefix: "56141",
                words: &["케이터링", "출장뷔페", "푸드"],
                corporate_share: 0.3,
            },
        ],
        ppuri: &[],
        jobs: &[(Cook, 55), (KitchenAssistant, 45)],
        weight: 5,
        factory: false,
        sizes: [20, 70, 9, 1],
    },
    IndustryKind {
        label: "시설관리",
        focus: FocusIndustry::Service,
        ksic_prefixes: &["741", "742"],
        firm_words: &["종합관리", "환경", "크린", "시설관리"],
        corporate_share: 0.7,
        names_by_code: &[NameRule {
            prefix: "74220",
            words: &["방역", "환경", "소독"],
            corporate_share: 0.5,
        }],
        ppuri: &[],
        jobs: &[(Cleaner, 55), (SecurityGuard, 40), (Maintenance, 5)],
        weight: 3,
        factory: false,
        sizes: [5, 60, 30, 5],
    },
    IndustryKind {
        label: "숙박",
        focus: FocusIndustry::Service,
        // 호텔업 only: a "관광호텔" filed under 민박업 or 야영장업 reads as a
        // mistake to anyone who knows the codes.
        ksic_prefixes: &["55101"],
        firm_words: &["호텔", "관광호텔"],
        corporate_share: 0.6,
        names_by_code: &[],
        ppuri: &[],
        jobs: &[
            (Cleaner, 40),
            (FrontDesk, 30),
            (Cook, 20),
            (KitchenAssistant, 10),
        ],
        weight: 2,
        factory: false,
        sizes: [10, 70, 18, 2],
    },
    IndustryKind {
        label: "반도체",
        focus: FocusIndustry::Semiconductor,
        ksic_prefixes: &["2611", "2612", "26224", "29271"],
        firm_words: &["세미텍", "일렉트로닉스", "전자", "테크"],
        corporate_share: 0.85,
        names_by_code: &[],
        ppuri: &[],
        jobs: &[
            (SemiconductorOperator, 55),
            (Maintenance, 20),
            (QualityInspector, 15),
            (ProductionWorker, 10),
        ],
        weight: 3,
        factory: true,
        sizes: [2, 55, 35, 8],
    },
];

/// A kind with the KSIC sub-classes it may use in this run.
#[derive(Debug)]
pub(crate) struct ResolvedKind {
    pub kind: &'static IndustryKind,
    pub ksic: Vec<&'static str>,
    /// The focus industries of each sub-class in `ksic`.
    pub focus: Vec<Vec<FocusIndustry>>,
}

#[derive(Debug)]
pub(crate) struct Industries {
    pub kinds: Vec<ResolvedKind>,
    table: Weighted<usize>,
}

impl Industries {
    /// Resolves the kinds against the reference data and weights them for the
    /// region: shipyards only where there are shipyards, fabs where there are fabs.
    pub(crate) fn new(refdata: &'static RefData, region: &Region) -> Industries {
        let subclasses: Vec<&'static str> = refdata
            .ksic
            .iter()
            .filter(|k| k.level == KsicLevel::Subclass)
            .map(|k| k.code.as_str())
            .collect();
        let kinds: Vec<ResolvedKind> = KINDS
            .iter()
            .map(|kind| {
                let mut ksic = Vec::new();
                let mut focus = Vec::new();
                for code in &subclasses {
                    if kind.ksic_prefixes.iter().any(|p| code.starts_with(p)) {
                        let f = refdata.focus_industries_of(code);
                        if f.contains(&kind.focus) {
                            ksic.push(*code);
                            focus.push(f);
                        }
                    }
                }
                ResolvedKind { kind, ksic, focus }
            })
            .collect();
        let table = Weighted::new(kinds.iter().enumerate().map(|(i, k)| {
            let regional = match k.kind.focus {
                FocusIndustry::Shipbuilding if region.near_shipyards => 3.0,
                FocusIndustry::Shipbuilding => 0.1,
                FocusIndustry::Semiconductor if region.near_fabs => 3.0,
                FocusIndustry::Semiconductor => 0.15,
                _ => 1.0,
            };
            let usable = if k.ksic.is_empty() { 0.0 } else { 1.0 };
            (i, f64::from(k.kind.weight) * regional * usable)
        }));
        Industries { kinds, table }
    }

    pub(crate) fn pick(&self, dice: &mut Dice) -> Option<&ResolvedKind> {
        self.table.pick(dice).map(|&i| &self.kinds[i])
    }
}

impl IndustryKind {
    /// The words and the share of 주식회사 for names of firms filed under
    /// `ksic`.
    pub(crate) fn naming(&self, ksic: &str) -> (&'static [&'static str], f64) {
        self.names_by_code
            .iter()
            .find(|r| ksic.starts_with(r.prefix))
            .map_or((self.firm_words, self.corporate_share), |r| {
                (r.words, r.corporate_share)
            })
    }

    pub(crate) fn size(&self, dice: &mut Dice) -> (CompanySize, u32) {
        let size = dice.weighted(&[
            (CompanySize::Micro, self.sizes[0]),
            (CompanySize::Small, self.sizes[1]),
            (CompanySize::Medium, self.sizes[2]),
            (CompanySize::Large, self.sizes[3]),
        ]);
        // Within a class, smaller firms are more common: square a uniform draw.
        let skew = |dice: &mut Dice, lo: u32, hi: u32| {
            let u = dice.unit();
            lo + ((u * u) * f64::from(hi - lo)).round() as u32
        };
        let employees = match size {
            CompanySize::Micro => dice.between(2, 4),
            CompanySize::Small => skew(dice, 5, 49),
            CompanySize::Medium => skew(dice, 50, 299),
            CompanySize::Large => skew(dice, 300, 900),
        };
        (size, employees)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_have_jobs_words_and_sizes() {
        for k in KINDS {
            assert!(
                !k.jobs.is_empty() && !k.firm_words.is_empty(),
                "{}",
                k.label
            );
            assert!(k.sizes.iter().sum::<u32>() > 0, "{}", k.label);
            assert_eq!(
                k.focus == FocusIndustry::Ppuri,
                !k.ppuri.is_empty(),
                "{}: only 뿌리 kinds carry 뿌리기술",
                k.label
            );
            for t in k.ppuri {
                assert!(
                    doyak_refdata::get().ppuri_tech(t).is_some(),
                    "{}: {t}",
                    k.label
                );
            }
        }
    }

    #[test]
    fn the_focus_mappings_cover_the_core_kinds() {
        let r = doyak_refdata::get();
        let region = Region::new(r, "48310").expect("거제시");
        let industries = Industries::new(r, &region);
        for label in ["주조", "용접·구조물", "정밀가공", "조선", "화물운송"] {
            let k = industries
                .kinds
                .iter()
                .find(|k| k.kind.label == label)
                .expect("kind exists");
            assert!(
                !k.ksic.is_empty(),
                "focus_industries.csv maps no sub-class of {label} ({:?}) to {:?}",
                k.kind.ksic_prefixes,
                k.kind.focus
            );
        }
    }

    #[test]
    fn sizes_match_their_class() {
        let mut dice = Dice::new(1, 0);
        for k in KINDS {
            for _ in 0..200 {
                let (size, n) = k.size(&mut dice);
                let ok = match size {
                    CompanySize::Micro => n < 5,
                    CompanySize::Small => (5..50).contains(&n),
                    CompanySize::Medium => (50..300).contains(&n),
                    CompanySize::Large => n >= 300,
                };
                assert!(ok, "{size:?} with {n} employees");
            }
        }
    }
}
