//! The explanation of one pair in words a counselor can read out: one reason
//! per signal (with the points it earned) and one violation per broken hard
//! constraint. Built from the same numbers as the score, only for the pairs
//! someone looks at.

use crate::certificate::{certificate_keys, certificate_name, certificate_occupation};
use crate::index::Caseload;
use crate::pair::Evaluation;
use crate::score::{self, OccupationLevel, OccupationSource, to_points};
use doyak_domain::KecoCode;
use serde::{Deserialize, Serialize};

/// What a reason is about; a stable code the UI and the CLI can switch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReasonKind {
    OccupationExact,
    OccupationMiddle,
    OccupationRelated,
    OccupationMajor,
    OccupationOther,
    OccupationNotGiven,
    /// No 희망 직종 stated: compared with the trade a held certificate
    /// points to, for fewer points.
    OccupationFromCertificate,
    CertificateRequired,
    CertificatePreferred,
    CertificatePreferredMissing,
    CertificatesNotListed,
    Skills,
    SkillsNotListed,
    Experience,
    Wage,
    Commute,
    CommuteBus,
    Housing,
    ShiftWork,
}

impl ReasonKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ReasonKind::OccupationExact => "occupation_exact",
            ReasonKind::OccupationMiddle => "occupation_middle",
            ReasonKind::OccupationRelated => "occupation_related",
            ReasonKind::OccupationMajor => "occupation_major",
            ReasonKind::OccupationOther => "occupation_other",
            ReasonKind::OccupationNotGiven => "occupation_not_given",
            ReasonKind::OccupationFromCertificate => "occupation_from_certificate",
            ReasonKind::CertificateRequired => "certificate_required",
            ReasonKind::CertificatePreferred => "certificate_preferred",
            ReasonKind::CertificatePreferredMissing => "certificate_preferred_missing",
            ReasonKind::CertificatesNotListed => "certificates_not_listed",
            ReasonKind::Skills => "skills",
            ReasonKind::SkillsNotListed => "skills_not_listed",
            ReasonKind::Experience => "experience",
            ReasonKind::Wage => "wage",
            ReasonKind::Commute => "commute",
            ReasonKind::CommuteBus => "commute_bus",
            ReasonKind::Housing => "housing",
            ReasonKind::ShiftWork => "shift_work",
        }
    }
}

/// One reason and the points it earned (0 for information only).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason {
    pub kind: ReasonKind,
    pub text_ko: String,
    pub points: f32,
}

/// Which hard constraint a pair breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ViolationKind {
    MissingCertificate,
    BeyondCommute,
    ShiftRefused,
    NoOpenings,
}

impl ViolationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ViolationKind::MissingCertificate => "missing_certificate",
            ViolationKind::BeyondCommute => "beyond_commute",
            ViolationKind::ShiftRefused => "shift_refused",
            ViolationKind::NoOpenings => "no_openings",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Violation {
    pub kind: ViolationKind,
    pub text_ko: String,
}

/// Why a pair scores what it does. `score` is the soft score (0..=100) even
/// when a hard constraint is broken; [`Caseload::score`] gives `None` then.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    pub seeker: u32,
    pub vacancy: u32,
    pub score: f32,
    pub violations: Vec<Violation>,
    pub reasons: Vec<Reason>,
}

impl Explanation {
    pub fn feasible(&self) -> bool {
        self.violations.is_empty()
    }
}

/// "280만원"; "282.5만원" when not a round 만원.
pub(crate) fn manwon(won: i64) -> String {
    let thousands = (won + 500) / 1000;
    let (man, rest) = (thousands / 10, thousands % 10);
    if rest == 0 {
        format!("{man}만원")
    } else {
        format!("{man}.{rest}만원")
    }
}

/// "2년", "1년 6개월", "8개월", "없음".
fn years(months: u32) -> String {
    match (months / 12, months % 12) {
        (0, 0) => "없음".to_owned(),
        (0, m) => format!("{m}개월"),
        (y, 0) => format!("{y}년"),
        (y, m) => format!("{y}년 {m}개월"),
    }
}

/// A distance as said aloud: whole km, with one decimal when rounding would
/// hide which side of the limit it is on.
fn km(distance: f64, limit: Option<u32>) -> String {
    let whole = distance.round();
    match limit {
        Some(l) if whole == f64::from(l) && distance != whole => format!("{distance:.1} km"),
        _ => format!("{whole:.0} km"),
    }
}

/// "82 금속·재료 설치·정비·생산직"; a finer code names its middle group.
fn occupation_label(code: &str) -> String {
    let refdata = doyak_refdata::get();
    if let Some(k) = refdata.keco(code) {
        return format!("{code} {}", k.name_ko);
    }
    match KecoCode::from(code).middle().and_then(|m| refdata.keco(m)) {
        Some(k) => format!("{code} ({} {})", k.code, k.name_ko),
        None => code.to_owned(),
    }
}

fn group_label(code: &str) -> String {
    doyak_refdata::get()
        .keco(code)
        .map_or_else(|| code.to_owned(), |k| format!("{code} {}", k.name_ko))
}

impl Caseload {
    /// Reasons and violations for any pair, ranked or not.
    ///
    /// # Panics
    /// When either index is out of range.
    pub fn explain(&self, seeker: usize, vacancy: usize) -> Explanation {
        let e = self.evaluate(seeker, vacancy);
        let mut out = Explanation {
            seeker: seeker as u32,
            vacancy: vacancy as u32,
            score: to_points(e.points()),
            violations: Vec::new(),
            reasons: Vec::new(),
        };
        self.explain_occupation(&e, seeker, vacancy, &mut out);
        self.explain_certificates(seeker, vacancy, &mut out);
        self.explain_skills(seeker, vacancy, &e, &mut out);
        self.explain_experience_and_wage(seeker, vacancy, &e, &mut out);
        self.explain_commute(seeker, vacancy, &e, &mut out);
        let v = &self.vacancies[vacancy];
        if e.shift_refused {
            out.violations.push(Violation {
                kind: ViolationKind::ShiftRefused,
                text_ko: "교대근무 불가 (교대근무 일자리)".to_owned(),
            });
        } else if v.shift_work {
            reason(
                &mut out,
                ReasonKind::ShiftWork,
                "교대근무 가능 (교대근무 일자리)".to_owned(),
                0,
            );
        }
        if e.closed {
            out.violations.push(Violation {
                kind: ViolationKind::NoOpenings,
                text_ko: "모집 마감 (남은 인원 0명)".to_owned(),
            });
        }
        out
    }

    fn explain_occupation(
        &self,
        e: &Evaluation,
        seeker: usize,
        vacancy: usize,
        out: &mut Explanation,
    ) {
        let offered = &self.occupations[self.vacancy_keys[vacancy].occupation as usize];
        let Some(desired) = e.desired else {
            let text = format!(
                "희망 직종 미입력 (구인 직종 {})",
                occupation_label(&offered.code)
            );
            return reason(out, ReasonKind::OccupationNotGiven, text, 0);
        };
        let desired = &self.occupations[desired as usize];
        if e.occupation.source == OccupationSource::Certificate {
            // The certificate that named this middle group, to say which.
            let by = self.seekers[seeker]
                .certificates
                .iter()
                .filter_map(|name| certificate_occupation(name))
                .find(|(q, _)| q.keco_middle.as_deref() == Some(desired.code.as_str()))
                .map_or_else(String::new, |(q, _)| q.name_ko.clone());
            let basis = format!("보유 자격({by})으로 본 직종");
            let text = match e.occupation.level {
                OccupationLevel::Exact | OccupationLevel::Middle => {
                    format!("{basis} ({}), 희망 직종 미입력", group_label(&desired.code))
                }
                OccupationLevel::Related(_) => format!(
                    "{basis}과 관련된 직종 ({} → 구인 {}), 희망 직종 미입력",
                    group_label(&desired.code),
                    occupation_label(&offered.code)
                ),
                OccupationLevel::Major => format!(
                    "{basis}과 같은 대분류 ({} → 구인 {}), 희망 직종 미입력",
                    group_label(&desired.code),
                    occupation_label(&offered.code)
                ),
                OccupationLevel::Other => format!(
                    "{basis}과 다른 직종 ({} → 구인 {}), 희망 직종 미입력",
                    group_label(&desired.code),
                    occupation_label(&offered.code)
                ),
            };
            return reason(
                out,
                ReasonKind::OccupationFromCertificate,
                text,
                e.occupation.points(),
            );
        }
        let (kind, text) = match e.occupation.level {
            OccupationLevel::Exact => (
                ReasonKind::OccupationExact,
                format!(
                    "희망 직종과 같은 직종 ({})",
                    occupation_label(&offered.code)
                ),
            ),
            OccupationLevel::Middle => (
                ReasonKind::OccupationMiddle,
                format!(
                    "희망 직종과 같은 중분류 ({})",
                    group_label(KecoCode::from(offered.code.as_str()).middle().unwrap_or(""))
                ),
            ),
            OccupationLevel::Related(_) => (
                ReasonKind::OccupationRelated,
                format!(
                    "희망 직종과 관련된 직종 (희망 {} → 구인 {})",
                    occupation_label(&desired.code),
                    occupation_label(&offered.code)
                ),
            ),
            OccupationLevel::Major => (
                ReasonKind::OccupationMajor,
                format!(
                    "희망 직종과 같은 대분류 ({})",
                    group_label(KecoCode::from(offered.code.as_str()).major().unwrap_or(""))
                ),
            ),
            OccupationLevel::Other => (
                ReasonKind::OccupationOther,
                format!(
                    "희망 직종과 다른 직종 (구인 {})",
                    occupation_label(&offered.code)
                ),
            ),
        };
        reason(out, kind, text, e.occupation.points());
    }

    fn explain_certificates(&self, seeker: usize, vacancy: usize, out: &mut Explanation) {
        let certs = self.certs_of(vacancy);
        if certs.is_empty() {
            let text = "자격 요건 없음".to_owned();
            return reason(
                out,
                ReasonKind::CertificatesNotListed,
                text,
                score::NEUTRAL_CERTIFICATES,
            );
        }
        let required = self.vacancy_keys[vacancy].required as usize;
        for (i, entry) in certs.iter().enumerate() {
            let cert = &self.certs[entry.id as usize];
            let held = self.holdings(seeker).cert(entry.id);
            // Which of the seeker's certificates counts, to say so when it is
            // a higher grade standing in for the one asked.
            let by = self.seekers[seeker]
                .certificates
                .iter()
                .find(|name| certificate_keys(name).contains(&cert.key))
                .map(|name| certificate_name(name));
            let held_as = match &by {
                Some(name) if *name != cert.name => format!("{name} 보유 → {} 인정", cert.name),
                _ => format!("{} 보유", cert.name),
            };
            match (i < required, held) {
                (true, true) => reason(
                    out,
                    ReasonKind::CertificateRequired,
                    format!("{held_as} (필수 충족)"),
                    entry.points,
                ),
                (true, false) => out.violations.push(Violation {
                    kind: ViolationKind::MissingCertificate,
                    text_ko: format!("필수 자격 {} 없음", cert.name),
                }),
                (false, true) => reason(
                    out,
                    ReasonKind::CertificatePreferred,
                    format!("{held_as} (우대)"),
                    entry.points,
                ),
                (false, false) => reason(
                    out,
                    ReasonKind::CertificatePreferredMissing,
                    format!("우대 자격 {} 없음", cert.name),
                    0,
                ),
            }
        }
    }

    fn explain_skills(&self, seeker: usize, vacancy: usize, e: &Evaluation, out: &mut Explanation) {
        let skills = self.skills_of(vacancy);
        if skills.is_empty() {
            let text = "요구 기술 없음".to_owned();
            return reason(out, ReasonKind::SkillsNotListed, text, e.skills);
        }
        let (held, missing): (Vec<_>, Vec<_>) = skills
            .iter()
            .partition(|entry| self.holdings(seeker).skill(entry.id));
        let names = |entries: &[&crate::index::Entry]| {
            entries
                .iter()
                .map(|entry| self.skills[entry.id as usize].as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut text = if held.is_empty() {
            format!("요구 기술 {}개 중 보유 없음", skills.len())
        } else {
            format!(
                "요구 기술 {}개 중 {}개 보유: {}",
                skills.len(),
                held.len(),
                names(&held)
            )
        };
        if !missing.is_empty() {
            text.push_str(&format!(" (없음: {})", names(&missing)));
        }
        reason(out, ReasonKind::Skills, text, e.skills);
    }

    fn explain_experience_and_wage(
        &self,
        seeker: usize,
        vacancy: usize,
        e: &Evaluation,
        out: &mut Explanation,
    ) {
        let (sk, vk) = (&self.seeker_keys[seeker], &self.vacancy_keys[vacancy]);
        let have = self.experience_for(seeker, vk.occupation);
        let need = vk.min_experience.months;
        // "관련 경력" once some experience has an occupation (and so may not
        // count); plain "경력" when none says what it was.
        let label = if sk.experience.0 < sk.experience.1 {
            "관련 경력"
        } else {
            "경력"
        };
        let mut text = if need == 0 {
            "경력 요건 없음".to_owned()
        } else if have >= need {
            format!("{label} {} ≥ 요구 {}", years(have), years(need))
        } else {
            format!("{label} {} < 요구 {}", years(have), years(need))
        };
        let unrelated = self.unrelated_experience(seeker, vk.occupation);
        if need > 0 && unrelated > 0 {
            text.push_str(&format!(
                " (다른 직종 경력 {}은 셈하지 않음)",
                years(unrelated)
            ));
        }
        reason(out, ReasonKind::Experience, text, e.experience);

        let text = match (sk.wage.map(|w| w.desired), vk.wage) {
            (Some(d), Some(o)) if d < o => format!("희망임금 {} < 제시 {}", manwon(d), manwon(o)),
            (Some(d), Some(o)) if d == o => format!("희망임금 {} = 제시 {}", manwon(d), manwon(o)),
            (Some(d), Some(o)) => format!(
                "제시 {} < 희망임금 {} ({} 부족)",
                manwon(o),
                manwon(d),
                manwon(d - o)
            ),
            (None, Some(o)) => format!("희망임금 미입력 (제시 {})", manwon(o)),
            (Some(d), None) => format!("제시 임금 미기재 (희망임금 {})", manwon(d)),
            (None, None) => "임금 정보 없음".to_owned(),
        };
        reason(out, ReasonKind::Wage, text, e.wage);
    }

    fn explain_commute(
        &self,
        seeker: usize,
        vacancy: usize,
        e: &Evaluation,
        out: &mut Explanation,
    ) {
        let (sk, vk) = (&self.seeker_keys[seeker], &self.vacancy_keys[vacancy]);
        let v = &self.vacancies[vacancy];
        let d = self.distance_km(sk.place, vk.place);
        let c = e.commute;
        let place = if sk.place == vk.place {
            let name = doyak_refdata::get()
                .sigungu(&v.sigungu)
                .map_or_else(|| v.sigungu.clone(), |s| s.full_name());
            format!("같은 시군구 ({name})")
        } else {
            format!("통근 약 {}", km(d, sk.limit_km))
        };
        let text = match sk.limit_km {
            Some(limit) if c.within_limit => format!("{place}, 희망 {limit} km 이내"),
            Some(limit) => format!("{place}, 희망 {limit} km 초과"),
            None => format!(
                "{place} (최대 통근거리 미입력, {} km 기준)",
                score::DEFAULT_COMMUTE_KM
            ),
        };
        let relocate = self.seekers[seeker].willing_to_relocate;
        if !c.allowed() {
            let why = if v.housing {
                "기숙사 있으나 이주 의향 없음"
            } else {
                "기숙사 없음"
            };
            out.violations.push(Violation {
                kind: ViolationKind::BeyondCommute,
                text_ko: format!("{text} ({why})"),
            });
            return;
        }
        reason(out, ReasonKind::Commute, text, c.distance);
        if v.commute_bus && c.within_limit {
            let text = "통근버스 운행 (거리 부담 완화)".to_owned();
            reason(out, ReasonKind::CommuteBus, text, c.bus);
        }
        if v.housing {
            let text = match (relocate, c.within_limit) {
                (false, _) => "기숙사 제공 (이주 의향 없음, 점수 없음)",
                (true, true) => "기숙사 제공 (이주 가능)",
                (true, false) => "기숙사 제공 (이주 가능, 거리 제한 예외)",
            };
            reason(out, ReasonKind::Housing, text.to_owned(), c.housing);
        }
    }
}

fn reason(out: &mut Explanation, kind: ReasonKind, text_ko: String, centi: u32) {
    out.reasons.push(Reason {
        kind,
        text_ko,
        points: to_points(centi),
    });
}

#[cfg(test)]
mod tests;
