//! The people around the caseload: the counselor team (a few on the company
//! side, the rest on the seeker side, one of them the team leader) and the
//! local partner institutions, one per type in partner_institution_types.csv.

use crate::dice::{Dice, plus_days};
use crate::names::korean_name;
use crate::{DemoItem, World, streams};
use chrono::Datelike;
use doyak_domain::seeker::Gender;
use doyak_domain::{Counselor, CounselorRole, Id, PartnerInstitution, Phone};

/// What a seeker or a firm is referred for; partner types are matched to
/// needs by the words in their names and descriptions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Need {
    Training,
    MentalHealth,
    Finance,
    Housing,
    Care,
    Health,
    Youth,
    Disabled,
    Migrant,
    Welfare,
    Women,
    Senior,
    /// Company side: working conditions, safety, HR.
    Workplace,
}

const NEED_WORDS: &[(Need, &[&str])] = &[
    (Need::MentalHealth, &["정신건강", "심리", "중독"]),
    (Need::Finance, &["서민금융", "금융복지", "신용회복", "채무"]),
    (Need::Housing, &["주거", "주택"]),
    (Need::Care, &["가족센터", "육아", "돌봄", "아이"]),
    (Need::Health, &["보건소", "건강증진"]),
    (
        Need::Training,
        &["훈련", "폴리텍", "직업전문", "인력개발", "내일배움"],
    ),
    (Need::Youth, &["대학일자리", "청년"]),
    (Need::Disabled, &["장애인"]),
    (
        Need::Migrant,
        &["다문화", "외국인", "이주", "하나센터", "북한이탈"],
    ),
    (
        Need::Welfare,
        &[
            "행정복지",
            "복지관",
            "자활",
            "희망복지",
            "사회복지",
            "생계",
            "기초생활",
        ],
    ),
    (Need::Women, &["새일", "여성"]),
    (
        Need::Senior,
        &["노인일자리", "시니어", "중장년", "신중년", "노인"],
    ),
    (
        Need::Workplace,
        &[
            "노사발전",
            "일터",
            "산업안전",
            "안전보건",
            "노무",
            "상공회의소",
            "산업단지",
        ],
    ),
];

#[derive(Debug)]
pub(crate) struct Partner {
    pub id: Id,
    pub name: String,
    pub needs: Vec<Need>,
}

#[derive(Debug)]
pub(crate) struct Team {
    pub counselors: Vec<Id>,
    seeker_desk: Vec<usize>,
    company_desk: Vec<usize>,
    pub partners: Vec<Partner>,
}

impl Team {
    pub(crate) fn build(world: &World, seekers: u32, out: &mut Vec<DemoItem>) -> Team {
        let mut dice = Dice::for_center(world.seed, streams::TEAM, world.center_id);
        let hired_on = plus_days(world.today, -730);
        let mut size = 4 + dice.below(3) as usize;
        if seekers >= 1000 {
            size += 2;
        }
        let size = size.min(8);
        let mut counselors = Vec::with_capacity(size);
        for i in 0..size {
            let gender = if dice.chance(0.7) {
                Gender::Female
            } else {
                Gender::Male
            };
            let birth_year = world.today.year() - dice.between(27, 54) as i32;
            let joined = plus_days(hired_on, dice.range(0, 300));
            let id = dice.id_on(joined);
            counselors.push(id);
            out.push(DemoItem::Counselor(Counselor {
                id,
                center_id: world.center_id,
                name: korean_name(&mut dice, gender, birth_year),
                role: if i == 0 {
                    CounselorRole::Admin
                } else {
                    CounselorRole::Counselor
                },
                active: true,
            }));
        }
        // The company side is a quarter of the team; the leader (0) takes
        // seekers like everyone else.
        let company_count = size.div_ceil(4);
        let company_desk: Vec<usize> = (size - company_count..size).collect();
        let seeker_desk: Vec<usize> = (0..size - company_count).collect();

        let mut partners = Vec::new();
        let center = world.region.center;
        for kind in &world.refdata.partner_types {
            let text = format!("{} {} {}", kind.id, kind.name_ko, kind.description_ko);
            let needs: Vec<Need> = NEED_WORDS
                .iter()
                .filter(|(_, words)| words.iter().any(|w| text.contains(w)))
                .map(|(need, _)| *need)
                .collect();
            // Most institutions are in the center's city; a few serve it from
            // a neighbouring one.
            let place = match world.region.neighbors(center) {
                near if !near.is_empty() && dice.chance(0.2) => dice.one(near),
                _ => center,
            };
            let name = partner_name(world.region.local_name(place), &kind.name_ko);
            let phone = Phone::parse(&world.region.landline(&mut dice, place)).ok();
            let joined = plus_days(hired_on, dice.range(0, 300));
            let id = dice.id_on(joined);
            out.push(DemoItem::Partner(PartnerInstitution {
                id,
                center_id: world.center_id,
                name: name.clone(),
                kind: kind.id.clone(),
                phone,
                sigungu: Some(world.region.code(place)),
            }));
            partners.push(Partner { id, name, needs });
        }
        Team {
            counselors,
            seeker_desk,
            company_desk,
            partners,
        }
    }

    /// The counselor of the `index`-th seeker: round-robin over the seeker
    /// desk, with some cases taken over by whoever had room.
    pub(crate) fn seeker_counselor(&self, index: u32, dice: &mut Dice) -> Id {
        self.assign(&self.seeker_desk, index, dice)
    }

    pub(crate) fn company_counselor(&self, index: u32, dice: &mut Dice) -> Id {
        self.assign(&self.company_desk, index, dice)
    }

    fn assign(&self, desk: &[usize], index: u32, dice: &mut Dice) -> Id {
        let slot = if dice.chance(0.12) {
            dice.below(desk.len() as u32) as usize
        } else {
            index as usize % desk.len()
        };
        self.counselors[desk[slot]]
    }

    /// Who wrote an event in a case file: mostly its own counselor, sometimes
    /// a colleague covering a leave or a busy day.
    pub(crate) fn author(&self, own: Id, dice: &mut Dice) -> Id {
        if dice.chance(0.1) {
            self.counselors[dice.below(self.counselors.len() as u32) as usize]
        } else {
            own
        }
    }

    /// A partner for `need`, if the reference list has a matching type.
    pub(crate) fn partner_for(&self, need: Need, dice: &mut Dice) -> Option<&Partner> {
        let fitting: Vec<&Partner> = self
            .partners
            .iter()
            .filter(|p| p.needs.contains(&need))
            .collect();
        dice.pick(&fitting).copied()
    }
}

/// "안산시 정신건강복지센터": the area first, unless the type's name already
/// reads like a national body with branches, which then gets the area after.
fn partner_name(local: &str, type_name: &str) -> String {
    let national = [
        "한국",
        "국민",
        "근로복지공단",
        "노사발전재단",
        "서민금융",
        "대한",
    ];
    if national.iter().any(|p| type_name.starts_with(p)) {
        format!("{type_name} {local}")
    } else {
        format!("{local} {type_name}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_and_national_partner_names() {
        assert_eq!(
            partner_name("안산시", "정신건강복지센터"),
            "안산시 정신건강복지센터"
        );
        assert_eq!(
            partner_name("안산시", "한국폴리텍대학"),
            "한국폴리텍대학 안산시"
        );
    }
}
