//! The desk's 이력서 tab: an analysis as the page shows it (Korean labels,
//! each finding with the span of the text it came from, whether the seeker's
//! record already holds it), the live re-run of an edited text, and the
//! consulting saved as a case event.

use doyak_domain::events::ConsultingItem;
use doyak_domain::{EventBody, JobSeeker};
use doyak_resume::CertificateKind as Kind;
use doyak_resume::{Analysis, CertificateStatus, IndustryBasis, KeywordKind, YearMonth};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::AppError;
use crate::resume::ResumeFileView;

/// Where a finding is written: line, and characters `start..end` of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct ResumeSpan {
    pub line: u32,
    pub start: u32,
    pub end: u32,
}

impl From<doyak_resume::text::Span> for ResumeSpan {
    fn from(s: doyak_resume::text::Span) -> Self {
        let n = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
        ResumeSpan {
            line: n(s.line),
            start: n(s.start),
            end: n(s.end),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ResumeReasonRow {
    /// 구성 / 자격 / 경력 / 성과 / 키워드.
    pub part: String,
    pub points: u32,
    pub max: u32,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ResumeSuggestionRow {
    pub id: String,
    pub text: String,
    /// What the score would gain ("+N").
    pub adds: u32,
    pub span: Option<ResumeSpan>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ResumeSectionRow {
    pub name: String,
    pub present: bool,
    /// Named by a heading (false: found from content alone).
    pub headed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ResumeCertificateRow {
    /// Its place in the analysis (what 기록에 반영 sends back).
    pub index: u32,
    /// As written ("컴활 2급").
    pub name: String,
    /// The official national name, when it is one.
    pub national: Option<String>,
    /// 국가자격 / 어학 / 민간자격 / 목록에 없음(확인 필요).
    pub kind: String,
    /// held | written_passed | planned.
    pub status: String,
    pub status_label: String,
    pub span: ResumeSpan,
    /// Whether it may go into the record (only what is held).
    pub confirmable: bool,
    /// The seeker's record already holds it (or a certificate that meets it).
    pub in_record: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ResumeEmploymentRow {
    pub index: u32,
    pub company: Option<String>,
    pub title: Option<String>,
    /// YYYY-MM.
    pub start: String,
    /// YYYY-MM; None while still employed there.
    pub end: Option<String>,
    /// "3년 2개월", counted to this month for an open job.
    pub length: String,
    pub span: ResumeSpan,
    /// Why it cannot go into the record, when it cannot.
    pub blocked: Option<String>,
    pub in_record: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ResumeAchievementRow {
    pub text: String,
    pub span: ResumeSpan,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ResumeKeywordRow {
    pub keyword: String,
    /// 필수 자격 / 우대 자격 / 기술·직무어.
    pub kind: String,
    pub required: bool,
    pub in_posting: u32,
    pub in_resume: u32,
    /// The résumé's sections where it was found, joined ("경력, 자기소개").
    pub found_in: String,
    pub suggestion: Option<String>,
}

/// One version (or the counselor's unsaved edit of it) analysed for the
/// 이력서 tab.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ResumeDeskView {
    pub file: ResumeFileView,
    /// The text as lines; every span points into these.
    pub lines: Vec<String>,
    /// The month the analysis counts to (YYYY-MM).
    pub as_of: String,
    pub score: u32,
    /// "용접·뿌리 (희망 직종)"; None when no rubric applied.
    pub industry: Option<String>,
    pub rubric_version: String,
    /// The vacancy's title when the analysis was held against one.
    pub vacancy: Option<String>,
    pub reasons: Vec<ResumeReasonRow>,
    pub suggestions: Vec<ResumeSuggestionRow>,
    pub sections: Vec<ResumeSectionRow>,
    pub intro_parts: Vec<ResumeSectionRow>,
    pub certificates: Vec<ResumeCertificateRow>,
    pub employments: Vec<ResumeEmploymentRow>,
    /// "8년 3개월" (months of jobs, overlaps counted once).
    pub experience: String,
    /// "2019-03 ~ 2019-12 (10개월)".
    pub gaps: Vec<String>,
    pub overlaps: Vec<String>,
    pub achievements: Vec<ResumeAchievementRow>,
    pub keyword_gap: Vec<ResumeKeywordRow>,
}

/// "3년 2개월", "7개월", "0개월".
pub fn months_ko(months: u32) -> String {
    match (months / 12, months % 12) {
        (0, m) => format!("{m}개월"),
        (y, 0) => format!("{y}년"),
        (y, m) => format!("{y}년 {m}개월"),
    }
}

fn part_ko(part: &str) -> &'static str {
    match part {
        "sections" => "구성",
        "certificates" => "자격",
        "experience" => "경력",
        "achievements" => "성과",
        "keywords" => "키워드",
        _ => "기타",
    }
}

/// Whether the seeker's record holds the certificate (by name, or one that
/// meets it: 용접산업기사 meets 용접기능사).
pub(crate) fn record_has_certificate(seeker: &JobSeeker, name: &str) -> bool {
    seeker
        .certificates
        .iter()
        .any(|h| h.name == name || doyak_match::certificate_satisfies(&h.name, name))
}

/// Whether the record holds the job: the same employer (spacing aside)
/// starting the same month, however the day was entered.
pub(crate) fn record_has_employment(seeker: &JobSeeker, company: &str, start: YearMonth) -> bool {
    let company = doyak_resume::text::compact(company);
    seeker.work_history.iter().any(|w| {
        doyak_resume::text::compact(&w.employer) == company
            && w.starts_on
                .map(|d| (chrono::Datelike::year(&d), chrono::Datelike::month(&d)))
                == Some((start.year, start.month))
    })
}

/// Why an employment cannot go into the record, when it cannot.
pub(crate) fn employment_blocked(e: &doyak_resume::Employment, as_of: YearMonth) -> Option<String> {
    if e.company.is_none() {
        Some(format!(
            "{} 경력에 회사명이 없어 기록에 옮길 수 없습니다.",
            e.start
        ))
    } else if e.start > as_of {
        Some(format!(
            "{} 경력은 이번 달 뒤에 시작합니다 — 날짜를 확인하세요.",
            e.start
        ))
    } else if e.end.is_some_and(|end| end > as_of) {
        Some(format!(
            "{} 경력의 끝이 이번 달 뒤입니다 — 재직 중이면 '현재'로 고쳐 저장한 뒤 반영하세요.",
            e.start
        ))
    } else {
        None
    }
}

/// The analysis as the tab shows it.
pub(crate) fn desk_view(
    seeker: &JobSeeker,
    file: ResumeFileView,
    lines: Vec<String>,
    analysis: &Analysis,
    vacancy: Option<String>,
) -> ResumeDeskView {
    let n = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
    let as_of = analysis.as_of;
    ResumeDeskView {
        file,
        lines,
        as_of: as_of.to_string(),
        score: analysis.score,
        industry: analysis.industry.as_ref().map(|i| {
            let basis = match i.basis {
                IndustryBasis::Given => "희망 직종",
                IndustryBasis::Vacancy => "구인 공고",
                IndustryBasis::Detected => "이력서 내용",
            };
            format!("{} ({basis} 기준)", i.name_ko)
        }),
        rubric_version: analysis.rubric_version.to_owned(),
        vacancy,
        reasons: analysis
            .reasons
            .iter()
            .map(|r| ResumeReasonRow {
                part: part_ko(r.part).to_owned(),
                points: r.points,
                max: r.max,
                text: r.text.clone(),
            })
            .collect(),
        suggestions: analysis
            .suggestions
            .iter()
            .map(|s| ResumeSuggestionRow {
                id: s.id.clone(),
                text: s.text.clone(),
                adds: s.adds,
                span: s.span.map(Into::into),
            })
            .collect(),
        sections: analysis
            .sections
            .iter()
            .map(|s| ResumeSectionRow {
                name: s.name.to_owned(),
                present: s.present,
                headed: s.headed,
            })
            .collect(),
        intro_parts: analysis
            .intro_parts
            .iter()
            .map(|p| ResumeSectionRow {
                name: p.name.to_owned(),
                present: p.present,
                headed: p.present,
            })
            .collect(),
        certificates: analysis
            .certificates
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let name = c.national.clone().unwrap_or_else(|| c.name.clone());
                ResumeCertificateRow {
                    index: n(i),
                    name: c.name.clone(),
                    national: c.national.clone(),
                    kind: match c.kind {
                        Kind::National => "국가자격",
                        Kind::Language => "어학",
                        Kind::Private => "민간자격",
                        Kind::Unlisted => "목록에 없음 (확인 필요)",
                    }
                    .to_owned(),
                    status: match c.status {
                        CertificateStatus::Held => "held",
                        CertificateStatus::WrittenPassed => "written_passed",
                        CertificateStatus::Planned => "planned",
                    }
                    .to_owned(),
                    status_label: c.status.name_ko().to_owned(),
                    span: c.span.into(),
                    confirmable: c.status == CertificateStatus::Held,
                    in_record: record_has_certificate(seeker, &name),
                }
            })
            .collect(),
        employments: analysis
            .employments
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let end = e.end.unwrap_or(as_of).min(as_of);
                let months = if end < e.start {
                    0
                } else {
                    u32::try_from(end.index() - e.start.index() + 1).unwrap_or(0)
                };
                ResumeEmploymentRow {
                    index: n(i),
                    company: e.company.clone(),
                    title: e.title.clone(),
                    start: e.start.to_string(),
                    end: e.end.map(|m| m.to_string()),
                    length: months_ko(months),
                    span: e.span.into(),
                    blocked: employment_blocked(e, as_of),
                    in_record: e
                        .company
                        .as_deref()
                        .is_some_and(|c| record_has_employment(seeker, c, e.start)),
                }
            })
            .collect(),
        experience: months_ko(analysis.experience_months),
        gaps: analysis
            .gaps
            .iter()
            .map(|g| format!("{} ~ {} ({})", g.from, g.to, months_ko(g.months)))
            .collect(),
        overlaps: analysis
            .overlaps
            .iter()
            .map(|g| format!("{} ~ {} ({})", g.from, g.to, months_ko(g.months)))
            .collect(),
        achievements: analysis
            .achievements
            .iter()
            .map(|a| ResumeAchievementRow {
                text: a.text.clone(),
                span: a.span.into(),
            })
            .collect(),
        keyword_gap: analysis
            .keyword_gap
            .iter()
            .map(|k| ResumeKeywordRow {
                keyword: k.keyword.clone(),
                kind: match k.kind {
                    KeywordKind::RequiredCertificate => "필수 자격",
                    KeywordKind::PreferredCertificate => "우대 자격",
                    KeywordKind::Skill => "기술·직무어",
                }
                .to_owned(),
                required: k.kind == KeywordKind::RequiredCertificate,
                in_posting: k.in_posting,
                in_resume: k.in_resume,
                found_in: k.found_in.join(", "),
                suggestion: k.suggestion.clone(),
            })
            .collect(),
    }
}

/// A suggestion as the synced event keeps it: its id, and a text that
/// quotes no line of the résumé. Only the 성과 question quotes a line
/// ("'…'에 수치가 없습니다"); it is kept by the line's number instead.
fn consulting_item(s: &doyak_resume::Suggestion) -> ConsultingItem {
    let text = match (s.id.strip_prefix("metric.line"), s.span) {
        (Some(_), Some(span)) => format!(
            "이력서 {}번째 줄의 업무에 수치가 없음 — 성과를 수치로 물어보기",
            span.line + 1
        ),
        (Some(_), None) => "업무에 수치가 없음 — 성과를 수치로 물어보기".to_owned(),
        _ => s.text.clone(),
    };
    ConsultingItem {
        rule: s.id.clone(),
        text,
    }
}

/// The consulting of one version, as the counselor closes it: which
/// suggestions were taken up and which set aside (by their ids in the
/// analysis), and a note.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ResumeConsultingForm {
    pub seeker_id: String,
    pub file_id: String,
    pub vacancy_id: Option<String>,
    pub accepted: Vec<String>,
    pub rejected: Vec<String>,
    pub note: String,
}

impl crate::Desk {
    /// Saves the consulting of one version as a case event (synced with
    /// the case; the résumé itself never leaves the desk). The version is
    /// analysed again here, so the score and the suggestions' texts are the
    /// engine's, not the page's; an id the analysis does not hold is
    /// refused by its place in the form.
    pub fn save_resume_consulting(
        &mut self,
        form: &ResumeConsultingForm,
    ) -> Result<String, AppError> {
        let view =
            self.resume_analysis(&form.seeker_id, &form.file_id, form.vacancy_id.as_deref())?;
        let seeker_id = crate::forms::parse_id(&form.seeker_id)?;
        let seeker = self.seeker(seeker_id)?;
        let mut errors = Vec::new();
        let mut taken: std::collections::HashSet<String> = std::collections::HashSet::new();
        let mut items = |ids: &[String], field: &str, label: &str| -> Vec<ConsultingItem> {
            ids.iter()
                .enumerate()
                .filter(|(_, id)| taken.insert((*id).clone()))
                .filter_map(|(i, id)| {
                    let found = view.analysis.suggestions.iter().find(|s| &s.id == id);
                    if found.is_none() {
                        errors.push(doyak_domain::FieldError::new(
                            field,
                            label,
                            format!(
                                "{}번째 제안({id})이 이 판의 분석 결과에 없습니다 — 다시 분석해 주세요.",
                                i + 1
                            ),
                        ));
                    }
                    found.map(consulting_item)
                })
                .collect()
        };
        let accepted = items(&form.accepted, "accepted", "수용한 제안");
        // An id both taken up and set aside counts as taken up.
        let rejected = items(&form.rejected, "rejected", "보류한 제안");
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        let vacancy_id = match form.vacancy_id.as_deref() {
            Some(v) => Some(crate::forms::parse_id(v)?),
            None => None,
        };
        let meta = self
            .store
            .resume_file(seeker_id, &form.file_id)?
            .map(|(m, _)| m)
            .ok_or(AppError::NotFound {
                what: "이력서 판"
            })?;
        let note = form.note.trim();
        let event = self.event(
            seeker.id,
            self.clock.today(),
            None,
            EventBody::ResumeConsulting {
                version: meta.version,
                sha256: meta.sha256,
                score: view.analysis.score,
                industry: view.analysis.industry.as_ref().map(|i| i.name_ko.clone()),
                rubric_version: view.analysis.rubric_version.to_owned(),
                vacancy_id,
                accepted,
                rejected,
                note: (!note.is_empty()).then(|| note.to_owned()),
            },
        )?;
        Ok(self.record_event(event)?.id.to_string())
    }
}
