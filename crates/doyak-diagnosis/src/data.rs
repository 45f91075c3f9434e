//! The occupation profiles, compiled in from `assets/diagnosis/`: which
//! competency units (NCS-style 능력단위) an occupation needs, what evidence
//! shows each unit, and how long the certificates that build them take.
//!
//! The tables are project data with a basis and a date on every row, shaped
//! so that an official NCS table can replace `units.csv` and
//! `occupation_units.csv` without code changes: a unit is keyed by its own id
//! (the NCS 능력단위 code once known), an occupation lists units by id.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::LazyLock;

macro_rules! asset {
    ($file:literal) => {
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../assets/diagnosis/",
            $file
        ))
    };
}
pub(crate) use asset;

/// Every compiled row says where it came from and when it was checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Basis {
    pub basis: String,
    pub checked_on: chrono::NaiveDate,
}

#[derive(Debug, Deserialize)]
struct OccupationRow {
    code: String,
    name_ko: String,
    focus: String,
    #[serde(flatten)]
    basis: Basis,
}

#[derive(Debug, Deserialize)]
struct UnitRow {
    id: String,
    ncs_code: String,
    name_ko: String,
    level: Option<u8>,
    #[serde(flatten)]
    basis: Basis,
}

#[derive(Debug, Deserialize)]
struct OccupationUnitRow {
    occupation: String,
    unit: String,
    required: String,
    #[serde(flatten)]
    basis: Basis,
}

#[derive(Debug, Deserialize)]
struct EvidenceRow {
    unit: String,
    kind: String,
    value: String,
    amount: Option<u32>,
    strength: String,
    #[serde(flatten)]
    basis: Basis,
}

#[derive(Debug, Deserialize)]
struct EffortRow {
    certificate: String,
    weeks: u32,
    prerequisite_ko: String,
    #[serde(flatten)]
    basis: Basis,
}

/// An occupation the engine can suggest: a KECO 소분류 (3 digits) or
/// 세분류 (4 digits).
#[derive(Debug, Clone)]
pub struct Occupation {
    pub code: String,
    pub name_ko: String,
    /// The KECO 중분류 (first two digits).
    pub middle: String,
    /// Which focus industry the profile was written for (뿌리, 조선, …).
    pub focus: String,
    pub units: Vec<UnitRef>,
    pub basis: Basis,
}

/// A unit an occupation needs, and whether it is 필수 (counts twice) or 선택.
#[derive(Debug, Clone)]
pub struct UnitRef {
    pub unit: usize,
    pub required: bool,
    pub basis: Basis,
}

/// A competency unit (능력단위).
#[derive(Debug, Clone)]
pub struct Unit {
    /// The NCS 능력단위 classification number (`0101010101_13v1`) once it is
    /// confirmed, or Doyak's own id (`D-…`) until then.
    pub id: String,
    /// The confirmed NCS code; `None` means 확인 필요.
    pub ncs_code: Option<String>,
    pub name_ko: String,
    /// NCS level 1–8; `None` means 확인 필요.
    pub level: Option<u8>,
    pub evidence: Vec<Evidence>,
    pub basis: Basis,
}

/// How strongly a piece of evidence shows a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// Some of it (a related skill, a general course): the unit is at most
    /// 일부 충족.
    Partial,
    /// The unit is met once this evidence is held in full.
    Full,
}

/// What shows a unit.
#[derive(Debug, Clone, PartialEq)]
pub enum EvidenceKind {
    /// A certificate, by name as the qualification list writes it; `key` is
    /// the key a held certificate must carry (`doyak_match::certificate_keys`).
    Certificate { name: String, key: String },
    /// Months of work in a KECO occupation (the code or any finer one).
    Experience { code: String, months: u32 },
    /// Training whose name contains `name` (compared as `pattern`: without
    /// whitespace, ASCII lowercase), for at least `hours` hours.
    Training {
        name: String,
        pattern: String,
        hours: u32,
    },
    /// A skill, compared by `doyak_match::skill_key`.
    Skill { name: String, key: String },
}

#[derive(Debug, Clone)]
pub struct Evidence {
    pub kind: EvidenceKind,
    /// The evidence's place in its kind's list of distinct values
    /// ([`Slots`]): a seeker is read once per distinct value, and each
    /// piece of evidence is then an index, not a string comparison.
    pub slot: usize,
    pub strength: Strength,
    pub basis: Basis,
}

/// The distinct values evidence asks about, per kind, in first-seen order.
#[derive(Debug, Default)]
pub struct Slots {
    /// Certificate keys (`doyak_match::certificate_keys(name)[0]`).
    pub certificates: Vec<String>,
    /// Skill keys (`doyak_match::skill_key`).
    pub skills: Vec<String>,
    /// KECO codes of experience evidence.
    pub experience: Vec<String>,
    /// Normalised training name patterns.
    pub training: Vec<String>,
    pub certificate_at: HashMap<String, usize>,
    pub skill_at: HashMap<String, usize>,
}

fn slot_of(list: &mut Vec<String>, at: Option<&mut HashMap<String, usize>>, value: &str) -> usize {
    if let Some(at) = at {
        if let Some(&i) = at.get(value) {
            return i;
        }
        at.insert(value.to_owned(), list.len());
    } else if let Some(i) = list.iter().position(|v| v == value) {
        return i;
    }
    list.push(value.to_owned());
    list.len() - 1
}

/// How long obtaining a certificate usually takes, and what one must hold
/// before sitting for it.
#[derive(Debug, Clone)]
pub struct Effort {
    pub weeks: u32,
    /// 응시자격 and the like, in Korean; empty when none is known.
    pub prerequisite_ko: String,
    pub basis: Basis,
}

/// The parsed profile tables.
#[derive(Debug)]
pub struct Profiles {
    pub occupations: Vec<Occupation>,
    pub units: Vec<Unit>,
    /// Certificate name (as in evidence) → effort.
    pub effort: HashMap<String, Effort>,
    pub slots: Slots,
    occupation_at: HashMap<String, usize>,
}

/// Training hours a full-time course covers in a week (6 hours a day, five
/// days), to turn a course's hours into weeks of effort.
pub const TRAINING_HOURS_PER_WEEK: u32 = 30;

/// The rows of a compiled-in CSV table; a bad row names the file and line.
pub(crate) fn parse<T: serde::de::DeserializeOwned>(
    name: &str,
    text: &str,
) -> Result<Vec<T>, String> {
    csv::Reader::from_reader(text.as_bytes())
        .deserialize()
        .enumerate()
        .map(|(i, row)| row.map_err(|e| format!("{name} {}행: {e}", i + 2)))
        .collect()
}

/// The whitespace-free, ASCII-lowercase form training names are compared
/// in: matching's, so "CNC 선반" and "cnc선반" are one name in both.
pub(crate) use doyak_match::spelling_key as normalise;

/// Whether two KECO codes are one lineage: one is the other or a finer code
/// of it ("82" and "8241", "8241" and "8241").
pub(crate) fn same_lineage(a: &str, b: &str) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

impl Profiles {
    /// Parses and checks the tables; every problem names its file and line.
    pub(crate) fn parse(
        occupations: &str,
        units: &str,
        occupation_units: &str,
        evidence: &str,
        effort: &str,
    ) -> Result<Profiles, String> {
        let refdata = doyak_refdata::get();
        let mut slots = Slots::default();
        let mut unit_index: HashMap<String, usize> = HashMap::new();
        let mut unit_list = Vec::new();
        for (i, row) in parse::<UnitRow>("units.csv", units)?
            .into_iter()
            .enumerate()
        {
            let line = i + 2;
            let ncs_code = Some(row.ncs_code.trim().to_owned()).filter(|c| !c.is_empty());
            if let Some(code) = &ncs_code
                && !is_ncs_unit_code(code)
            {
                return Err(format!(
                    "units.csv {line}행: NCS 코드 '{code}'는 0101010101_13v1 꼴이 아닙니다."
                ));
            }
            if row.level.is_some_and(|l| !(1..=8).contains(&l)) {
                return Err(format!("units.csv {line}행: 수준은 1–8입니다."));
            }
            if unit_index.insert(row.id.clone(), unit_list.len()).is_some() {
                return Err(format!("units.csv {line}행: id '{}'가 겹칩니다.", row.id));
            }
            unit_list.push(Unit {
                id: row.id,
                ncs_code,
                name_ko: row.name_ko,
                level: row.level,
                evidence: Vec::new(),
                basis: row.basis,
            });
        }
        for (i, row) in parse::<EvidenceRow>("evidence.csv", evidence)?
            .into_iter()
            .enumerate()
        {
            let line = i + 2;
            let at = |what: String| format!("evidence.csv {line}행: {what}");
            let &unit = unit_index
                .get(&row.unit)
                .ok_or_else(|| at(format!("능력단위 '{}'가 units.csv에 없습니다.", row.unit)))?;
            let strength = match row.strength.as_str() {
                "full" => Strength::Full,
                "partial" => Strength::Partial,
                other => return Err(at(format!("strength '{other}'는 full|partial이 아닙니다."))),
            };
            let amount = || {
                row.amount
                    .filter(|&a| a > 0)
                    .ok_or_else(|| at(format!("{}에는 양수 amount가 필요합니다.", row.kind)))
            };
            let kind = match row.kind.as_str() {
                "certificate" => {
                    let q = refdata.qualification(&row.value).ok_or_else(|| {
                        at(format!(
                            "자격 '{}'가 qualifications.csv에 없습니다.",
                            row.value
                        ))
                    })?;
                    if q.name_ko != row.value {
                        return Err(at(format!(
                            "자격은 공식 이름으로 적습니다: '{}' → '{}'",
                            row.value, q.name_ko
                        )));
                    }
                    let key = doyak_match::certificate_keys(&row.value)
                        .into_iter()
                        .next()
                        .ok_or_else(|| at("자격 키를 만들 수 없습니다.".into()))?;
                    EvidenceKind::Certificate {
                        name: row.value,
                        key,
                    }
                }
                "experience" => {
                    if !doyak_match::keco_is_known(&row.value) {
                        return Err(at(format!("KECO 코드 '{}'를 알 수 없습니다.", row.value)));
                    }
                    EvidenceKind::Experience {
                        code: row.value,
                        months: amount()?,
                    }
                }
                "training" => EvidenceKind::Training {
                    pattern: normalise(&row.value),
                    name: row.value,
                    hours: amount()?,
                },
                "skill" => EvidenceKind::Skill {
                    key: doyak_match::skill_key(&row.value),
                    name: row.value,
                },
                other => {
                    return Err(at(format!(
                        "kind '{other}'는 certificate|experience|training|skill이 아닙니다."
                    )));
                }
            };
            if matches!(kind, EvidenceKind::Training { ref pattern, .. } if pattern.is_empty()) {
                return Err(at("훈련 이름 패턴이 비어 있습니다.".into()));
            }
            let slot = match &kind {
                EvidenceKind::Certificate { key, .. } => slot_of(
                    &mut slots.certificates,
                    Some(&mut slots.certificate_at),
                    key,
                ),
                EvidenceKind::Skill { key, .. } => {
                    slot_of(&mut slots.skills, Some(&mut slots.skill_at), key)
                }
                EvidenceKind::Experience { code, .. } => slot_of(&mut slots.experience, None, code),
                EvidenceKind::Training { pattern, .. } => {
                    slot_of(&mut slots.training, None, pattern)
                }
            };
            unit_list[unit].evidence.push(Evidence {
                kind,
                slot,
                strength,
                basis: row.basis,
            });
        }
        let mut occupation_index: HashMap<String, usize> = HashMap::new();
        let mut occupation_list = Vec::new();
        for (i, row) in parse::<OccupationRow>("occupations.csv", occupations)?
            .into_iter()
            .enumerate()
        {
            let line = i + 2;
            if !(3..=4).contains(&row.code.len()) || !doyak_match::keco_is_known(&row.code) {
                return Err(format!(
                    "occupations.csv {line}행: '{}'는 KECO 소분류·세분류 코드가 아닙니다.",
                    row.code
                ));
            }
            if occupation_index
                .insert(row.code.clone(), occupation_list.len())
                .is_some()
            {
                return Err(format!(
                    "occupations.csv {line}행: '{}'가 겹칩니다.",
                    row.code
                ));
            }
            occupation_list.push(Occupation {
                middle: row.code[..2].to_owned(),
                code: row.code,
                name_ko: row.name_ko,
                focus: row.focus,
                units: Vec::new(),
                basis: row.basis,
            });
        }
        for (i, row) in parse::<OccupationUnitRow>("occupation_units.csv", occupation_units)?
            .into_iter()
            .enumerate()
        {
            let line = i + 2;
            let at = |what: String| format!("occupation_units.csv {line}행: {what}");
            let &occupation = occupation_index
                .get(&row.occupation)
                .ok_or_else(|| at(format!("직업 '{}'가 없습니다.", row.occupation)))?;
            let &unit = unit_index
                .get(&row.unit)
                .ok_or_else(|| at(format!("능력단위 '{}'가 없습니다.", row.unit)))?;
            let required = match row.required.as_str() {
                "필수" => true,
                "선택" => false,
                other => return Err(at(format!("required '{other}'는 필수|선택이 아닙니다."))),
            };
            let units = &mut occupation_list[occupation].units;
            if units.iter().any(|u| u.unit == unit) {
                return Err(at(format!("'{}'가 같은 직업에 두 번 있습니다.", row.unit)));
            }
            units.push(UnitRef {
                unit,
                required,
                basis: row.basis,
            });
        }
        let mut effort_map = HashMap::new();
        for (i, row) in parse::<EffortRow>("effort.csv", effort)?
            .into_iter()
            .enumerate()
        {
            if row.weeks == 0 {
                return Err(format!("effort.csv {}행: weeks는 양수입니다.", i + 2));
            }
            effort_map.insert(
                row.certificate,
                Effort {
                    weeks: row.weeks,
                    prerequisite_ko: row.prerequisite_ko,
                    basis: row.basis,
                },
            );
        }
        Ok(Profiles {
            occupations: occupation_list,
            units: unit_list,
            effort: effort_map,
            slots,
            occupation_at: occupation_index,
        })
    }

    /// Weeks it usually takes to obtain evidence of this kind, when it is
    /// something one can go and get (a certificate, a course).
    pub fn effort_weeks(&self, kind: &EvidenceKind) -> Option<u32> {
        match kind {
            EvidenceKind::Certificate { name, .. } => self.effort.get(name).map(|e| e.weeks),
            EvidenceKind::Training { hours, .. } => Some(hours.div_ceil(TRAINING_HOURS_PER_WEEK)),
            EvidenceKind::Experience { .. } | EvidenceKind::Skill { .. } => None,
        }
    }

    /// The occupation with this code.
    pub fn occupation(&self, code: &str) -> Option<&Occupation> {
        self.occupation_at.get(code).map(|&i| &self.occupations[i])
    }
}

/// Whether a text is an NCS 능력단위 classification number: ten digits, an
/// underscore, a two-digit year, `v` and a version number.
pub fn is_ncs_unit_code(code: &str) -> bool {
    let Some((digits, version)) = code.split_once('_') else {
        return false;
    };
    let Some((year, v)) = version.split_once('v') else {
        return false;
    };
    digits.len() == 10
        && digits.bytes().all(|b| b.is_ascii_digit())
        && year.len() == 2
        && year.bytes().all(|b| b.is_ascii_digit())
        && !v.is_empty()
        && v.bytes().all(|b| b.is_ascii_digit())
}

static PROFILES: LazyLock<Profiles> = LazyLock::new(|| {
    Profiles::parse(
        asset!("occupations.csv"),
        asset!("units.csv"),
        asset!("occupation_units.csv"),
        asset!("evidence.csv"),
        asset!("effort.csv"),
    )
    .unwrap_or_else(|e| panic!("embedded diagnosis data: {e} (the data tests catch this)"))
});

/// The compiled-in profiles.
pub fn profiles() -> &'static Profiles {
    &PROFILES
}
