//! The score: five parts that add up to 0–100, each with its Korean reason,
//! computed from measured facts so a suggestion can say what it would add
//! by changing one fact and scoring again.

use super::Reason;
use crate::rubric::{Rule, RuleKind};
use crate::sections::Section;

/// Points per section present (25 in all).
pub(super) const SECTION_POINTS: [(Section, u32); 6] = [
    (Section::Personal, 3),
    (Section::Education, 3),
    (Section::Career, 7),
    (Section::Certificates, 5),
    (Section::Training, 2),
    (Section::SelfIntro, 5),
];
pub(super) const CERT_MAX: u32 = 25;
/// The part of [`CERT_MAX`] for the certificates the work requires.
pub(super) const CERT_REQUIRED: u32 = 15;
pub(super) const EXPERIENCE_MAX: u32 = 20;
pub(super) const ACHIEVEMENT_MAX: u32 = 15;
pub(super) const KEYWORD_MAX: u32 = 15;
/// At most this many of an industry's skills are expected for full marks.
pub(super) const SKILLS_FOR_FULL: usize = 6;

/// The measured facts the score is computed from: what a suggestion
/// changes to say what it would add.
#[derive(Debug, Clone)]
pub(super) struct Facts {
    pub(super) sections: Vec<(Section, bool)>,
    /// Rubric certificate rules met (rule index).
    pub(super) cert_rules: Vec<(usize, bool)>,
    pub(super) held_national: usize,
    pub(super) held_other: usize,
    pub(super) months: u32,
    pub(super) complete_jobs: usize,
    pub(super) jobs: usize,
    pub(super) achievements: usize,
    /// Keywords present / expected.
    pub(super) keywords: Option<(usize, usize)>,
}

pub(super) fn score(facts: &Facts, rules: &[&Rule], industry: Option<&str>) -> Vec<Reason> {
    let mut reasons = Vec::new();
    // Sections.
    let points: u32 = facts
        .sections
        .iter()
        .filter(|(_, p)| *p)
        .map(|(s, _)| {
            SECTION_POINTS
                .iter()
                .find(|(x, _)| x == s)
                .map_or(0, |(_, p)| *p)
        })
        .sum();
    let missing: Vec<&str> = facts
        .sections
        .iter()
        .filter(|(_, p)| !p)
        .map(|(s, _)| s.name_ko())
        .collect();
    reasons.push(Reason {
        part: "sections",
        points,
        max: 25,
        text: if missing.is_empty() {
            "여섯 항목(인적사항·학력·경력·자격증·교육훈련·자기소개)이 모두 있습니다".to_owned()
        } else {
            format!("없는 항목: {}", missing.join(", "))
        },
    });
    // Certificates: the required part (15) and the preferred part (10).
    let required: Vec<&(usize, bool)> = facts
        .cert_rules
        .iter()
        .filter(|(i, _)| rules[*i].kind == RuleKind::CertRequired)
        .collect();
    let preferred_met = facts
        .cert_rules
        .iter()
        .filter(|(i, m)| *m && rules[*i].kind == RuleKind::CertPreferred)
        .count() as u32;
    let preferred_any = facts
        .cert_rules
        .iter()
        .any(|(i, _)| rules[*i].kind == RuleKind::CertPreferred);
    let (req_points, req_text) = if required.is_empty() {
        let p = if facts.held_national > 0 {
            CERT_REQUIRED
        } else {
            0
        };
        let why = if industry.is_none() {
            "업종을 알 수 없어"
        } else {
            "해당하는 필수 자격이 없어"
        };
        (
            p,
            format!(
                "{why} 국가자격 보유로 봄 (국가자격 {}개)",
                facts.held_national
            ),
        )
    } else {
        let total: u32 = required.iter().map(|(i, _)| rules[*i].weight).sum();
        let met: u32 = required
            .iter()
            .filter(|(_, m)| *m)
            .map(|(i, _)| rules[*i].weight)
            .sum();
        let names: Vec<String> = required
            .iter()
            .map(|(i, m)| {
                // The certificate's official name ("지게차운전기능사"),
                // alternatives joined: what the counselor knows it by.
                let refdata = doyak_refdata::get();
                let name = rules[*i]
                    .targets
                    .iter()
                    .map(|t| {
                        refdata
                            .qualifications
                            .iter()
                            .find(|q| &q.id == t)
                            .map_or(t.as_str(), |q| q.name_ko.as_str())
                    })
                    .collect::<Vec<_>>()
                    .join("·");
                format!("{name}{}", if *m { " 충족" } else { " 없음" })
            })
            .collect();
        (
            (CERT_REQUIRED * met + total / 2) / total.max(1),
            format!("필수 자격 {} (가중치 {met}/{total})", names.join(", ")),
        )
    };
    let (pref_points, pref_text) = if preferred_any {
        (
            (5 * preferred_met).min(CERT_MAX - CERT_REQUIRED),
            format!("우대 자격 {preferred_met}종 충족"),
        )
    } else {
        let extra = (facts.held_national.saturating_sub(1) + facts.held_other) as u32;
        (
            (5 * extra).min(CERT_MAX - CERT_REQUIRED),
            format!("우대 기준이 없어 그 밖의 자격 {extra}개로 봄"),
        )
    };
    reasons.push(Reason {
        part: "certificates",
        points: req_points + pref_points,
        max: CERT_MAX,
        text: format!("{req_text}; {pref_text}"),
    });
    // Experience.
    let base = match facts.months {
        0 => 0,
        1..=11 => 8,
        12..=35 => 12,
        _ => 15,
    };
    let complete = if facts.jobs == 0 {
        0
    } else {
        (5 * facts.complete_jobs as u32 + facts.jobs as u32 / 2) / facts.jobs as u32
    };
    reasons.push(Reason {
        part: "experience",
        points: base + complete,
        max: EXPERIENCE_MAX,
        text: if facts.jobs == 0 {
            "경력 기재 없음".to_owned()
        } else {
            format!(
                "경력 {}년 {}개월 ({base}점), 회사·직위가 모두 적힌 경력 {}/{} ({complete}점)",
                facts.months / 12,
                facts.months % 12,
                facts.complete_jobs,
                facts.jobs
            )
        },
    });
    // Achievements.
    let points = match facts.achievements {
        0 => 0,
        1 => 6,
        2 => 10,
        _ => 15,
    };
    reasons.push(Reason {
        part: "achievements",
        points,
        max: ACHIEVEMENT_MAX,
        text: format!("수치로 적은 성과 {}개", facts.achievements),
    });
    // Keywords.
    let (points, text) = match facts.keywords {
        // Nothing to compare (a vacancy with no skill or certificate) scores
        // as nothing known: the same 0 as no industry, so the score does not
        // move on what the résumé does not say.
        Some((_, 0)) => (0, "비교할 키워드가 없음".to_owned()),
        Some((present, expected)) => (
            ((KEYWORD_MAX as usize * present.min(expected) + expected / 2) / expected) as u32,
            format!("핵심 키워드 {expected}개 중 {present}개 기재"),
        ),
        None => (
            0,
            "업종·구인을 알 수 없어 키워드를 비교하지 않음".to_owned(),
        ),
    };
    reasons.push(Reason {
        part: "keywords",
        points,
        max: KEYWORD_MAX,
        text,
    });
    reasons
}

pub(super) fn total(reasons: &[Reason]) -> u32 {
    reasons.iter().map(|r| r.points).sum()
}
