//! The seeker form as the desk edits it: every input is the string the
//! counselor typed, parsed here into the domain record. Parse errors and the
//! domain's own rules come back together as `FieldError`s keyed by the form's
//! field names, so the page can show each message under its input.

use crate::{AppError, Choice, Desk};
use chrono::NaiveDate;
use doyak_domain::seeker::{
    Consent, ConsentMethod, ConsentScope, Gender, HeldCertificate, SeekerStatus, TargetGroup, Track,
};
use doyak_domain::{FieldError, Id, JobSeeker, KecoCode, Phone, SharedRecord, SigunguCode};
use serde::{Deserialize, Serialize, de::DeserializeOwned};
use ts_rs::TS;

/// A job seeker's editable fields, as text. `id` is empty for a new seeker.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SeekerForm {
    pub id: String,
    pub name: String,
    /// YYYY-MM-DD (also accepted: YYYY.MM.DD, YYYYMMDD).
    pub birth_date: String,
    /// "", "female", "male".
    pub gender: String,
    pub phone: String,
    pub email: String,
    /// 시군구 code.
    pub home_sigungu: String,
    pub track: String,
    pub status: String,
    pub enrolled_on: String,
    /// The day consent was given; empty = no consent recorded.
    pub consent_on: String,
    pub consent_scopes: Vec<String>,
    /// 서면·구두·전자 (a `ConsentMethod` value); empty = not recorded.
    #[serde(default)]
    pub consent_method: String,
    pub target_groups: Vec<String>,
    /// KECO codes.
    pub desired_occupations: Vec<String>,
    /// 보유 자격증, by name (picked from the qualification list or typed).
    pub certificates: Vec<String>,
    /// 보유 기술, comma separated.
    pub skills: String,
    /// 만원 per month ("280"); "2,800,000원" with the 원 is read as 원.
    pub desired_wage_monthly: String,
    pub max_commute_km: String,
    /// "", "yes", "no".
    pub accepts_shift: String,
    /// "yes", "no" or "" (not asked).
    pub willing_to_relocate: String,
    pub iap_goal: String,
    pub note: String,
    /// A new seeker who matches someone already registered (same name and
    /// birth date, or same phone) is saved only when this says the
    /// counselor checked: another person.
    #[serde(default)]
    pub duplicate_ok: bool,
}

/// The options of the seeker form's selects and checkboxes, labelled by the domain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SeekerFormChoices {
    pub genders: Vec<Choice>,
    pub tracks: Vec<Choice>,
    pub statuses: Vec<Choice>,
    pub consent_scopes: Vec<Choice>,
    pub consent_methods: Vec<Choice>,
    pub target_groups: Vec<Choice>,
}

pub(crate) fn choice<T: Serialize>(value: T, label: &str) -> Choice {
    Choice {
        value: enum_value(&value),
        label: label.to_owned(),
    }
}

pub(crate) fn enum_value<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Collects parse errors while the form is read.
pub(crate) struct Reader {
    pub(crate) errors: Vec<FieldError>,
}

impl Reader {
    pub(crate) fn fail(&mut self, field: &str, label: &str, message: impl Into<String>) {
        self.errors.push(FieldError::new(field, label, message));
    }

    pub(crate) fn text(value: &str) -> Option<String> {
        let t = value.trim();
        (!t.is_empty()).then(|| t.to_owned())
    }

    pub(crate) fn date(&mut self, field: &str, label: &str, value: &str) -> Option<NaiveDate> {
        let t = value.trim();
        if t.is_empty() {
            return None;
        }
        let parsed = ["%Y-%m-%d", "%Y.%m.%d", "%Y%m%d", "%Y/%m/%d"]
            .iter()
            .find_map(|f| NaiveDate::parse_from_str(t.trim_end_matches('.'), f).ok());
        if parsed.is_none() {
            self.fail(
                field,
                label,
                format!("날짜를 2026-11-27처럼 입력해 주세요: {t}"),
            );
        }
        parsed
    }

    pub(crate) fn number<T: std::str::FromStr>(
        &mut self,
        field: &str,
        label: &str,
        value: &str,
    ) -> Option<T> {
        let digits: String = value
            .trim()
            .trim_end_matches('원')
            .trim_end_matches("km")
            .chars()
            .filter(|c| !matches!(c, ',' | ' '))
            .collect();
        if digits.is_empty() {
            return None;
        }
        let parsed = digits.parse().ok();
        if parsed.is_none() {
            self.fail(
                field,
                label,
                format!("숫자로 입력해 주세요: {}", value.trim()),
            );
        }
        parsed
    }

    /// A monthly amount typed in 만원, the unit counselors think in ("280",
    /// "280만원", "209.6"), as 원; "2,800,000원" with the 원 says it is in 원
    /// already. A figure over 1억 (10,000만원) a month is taken for 원 typed
    /// without the unit and refused with the reading the counselor meant.
    pub(crate) fn manwon(&mut self, field: &str, label: &str, value: &str) -> Option<i64> {
        let t: String = value
            .trim()
            .chars()
            .filter(|c| !matches!(c, ',' | ' '))
            .collect();
        if t.is_empty() {
            return None;
        }
        let (number, per_won) = match t.strip_suffix("만원").or_else(|| t.strip_suffix('만')) {
            Some(n) => (n, 10_000),
            None => match t.strip_suffix('원') {
                Some(n) => (n, 1),
                None => (t.as_str(), 10_000),
            },
        };
        let won = parse_scaled(number, per_won);
        match won {
            None => {
                self.fail(
                    field,
                    label,
                    format!(
                        "금액을 만원 단위 숫자로 입력해 주세요 (월 280만원 → 280): {}",
                        value.trim()
                    ),
                );
                None
            }
            Some(w) if per_won == 10_000 && w >= 100_000_000 => {
                self.fail(
                    field,
                    label,
                    format!(
                        "만원 단위로 입력해 주세요: {}은 월 {}만원입니다. 원 단위라면 끝에 '원'을 붙여 주세요.",
                        value.trim(),
                        w / 10_000
                    ),
                );
                None
            }
            Some(w) => Some(w),
        }
    }

    /// A phone number, or nothing when the field is empty.
    /// A yes/no select: "yes", "no", or "" for not asked.
    pub(crate) fn yes_no(&mut self, field: &str, label: &str, value: &str) -> Option<bool> {
        match value.trim() {
            "" => None,
            "yes" => Some(true),
            "no" => Some(false),
            other => {
                self.fail(field, label, format!("목록에 없는 값입니다: {other}"));
                None
            }
        }
    }

    pub(crate) fn phone(&mut self, field: &str, label: &str, value: &str) -> Option<Phone> {
        let p = Reader::text(value)?;
        let parsed = Phone::parse(&p).ok();
        if parsed.is_none() {
            self.fail(
                field,
                label,
                format!("전화번호를 010-1234-5678처럼 입력해 주세요: {p}"),
            );
        }
        parsed
    }

    pub(crate) fn choice<T: DeserializeOwned>(
        &mut self,
        field: &str,
        label: &str,
        value: &str,
    ) -> Option<T> {
        let t = value.trim();
        if t.is_empty() {
            return None;
        }
        let parsed = serde_json::from_value(serde_json::Value::String(t.to_owned())).ok();
        if parsed.is_none() {
            self.fail(field, label, format!("목록에 없는 값입니다: {t}"));
        }
        parsed
    }

    pub(crate) fn required_choice<T: DeserializeOwned>(
        &mut self,
        field: &str,
        label: &str,
        value: &str,
    ) -> Option<T> {
        if value.trim().is_empty() {
            self.fail(field, label, "필수 항목입니다.");
            return None;
        }
        self.choice(field, label, value)
    }

    pub(crate) fn choices<T: DeserializeOwned>(
        &mut self,
        field: &str,
        label: &str,
        values: &[String],
    ) -> Vec<T> {
        values
            .iter()
            .filter_map(|v| self.choice(field, label, v))
            .collect()
    }
}

/// `number` (digits with at most one decimal point) times `scale`, exactly,
/// or `None` when it is not such a number or has more decimals than the
/// scale can hold (0.00001만원 is not a sum of money).
fn parse_scaled(number: &str, scale: i64) -> Option<i64> {
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    if whole.is_empty() && fraction.is_empty()
        || !whole
            .chars()
            .chain(fraction.chars())
            .all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let places = scale.to_string().len() - 1;
    if fraction.len() > places {
        return None;
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let padded = format!("{fraction:0<places$}");
    let fraction: i64 = if places == 0 { 0 } else { padded.parse().ok()? };
    whole.checked_mul(scale)?.checked_add(fraction)
}

/// A 원 amount as the 만원 figure a form shows ("280", "209.6").
pub(crate) fn manwon_text(won: i64) -> String {
    let whole = won / 10_000;
    let rest = won % 10_000;
    if rest == 0 {
        whole.to_string()
    } else {
        format!("{whole}.{}", format!("{rest:04}").trim_end_matches('0'))
    }
}

impl SeekerForm {
    /// The form of an existing seeker.
    pub fn of(s: &JobSeeker) -> SeekerForm {
        let opt = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        SeekerForm {
            id: s.id.to_string(),
            name: s.name.clone(),
            birth_date: opt(s.birth_date),
            gender: s.gender.map(|g| enum_value(&g)).unwrap_or_default(),
            phone: s
                .phone
                .as_ref()
                .map(|p| p.as_str().to_owned())
                .unwrap_or_default(),
            email: s.email.clone().unwrap_or_default(),
            home_sigungu: s
                .home_sigungu
                .as_ref()
                .map(|c| c.to_string())
                .unwrap_or_default(),
            track: enum_value(&s.track),
            status: enum_value(&s.status),
            enrolled_on: opt(s.enrolled_on),
            consent_on: opt(s.consent.as_ref().map(|c| c.given_on)),
            consent_scopes: s
                .consent
                .as_ref()
                .map(|c| c.scopes.iter().map(enum_value).collect())
                .unwrap_or_default(),
            consent_method: s
                .consent
                .as_ref()
                .and_then(|c| c.method)
                .map(|m| enum_value(&m))
                .unwrap_or_default(),
            target_groups: s.target_groups.iter().map(enum_value).collect(),
            certificates: s.certificates.iter().map(|c| c.name.clone()).collect(),
            skills: s.skills.join(", "),
            desired_occupations: s
                .desired_occupations
                .iter()
                .map(|c| c.to_string())
                .collect(),
            desired_wage_monthly: s.desired_wage_monthly.map(manwon_text).unwrap_or_default(),
            max_commute_km: s.max_commute_km.map(|k| k.to_string()).unwrap_or_default(),
            accepts_shift: yes_no(s.accepts_shift),
            willing_to_relocate: yes_no(s.willing_to_relocate),
            iap_goal: s.iap_goal.clone().unwrap_or_default(),
            note: s.note.clone().unwrap_or_default(),
            duplicate_ok: false,
        }
    }

    /// Writes the form's fields onto `s` (a new draft or the stored record):
    /// fields the form does not show are kept as they are.
    fn apply(&self, s: &mut JobSeeker) -> Vec<FieldError> {
        let mut r = Reader { errors: Vec::new() };
        s.name = self.name.trim().to_owned();
        s.birth_date = r.date("birth_date", "생년월일", &self.birth_date);
        s.gender = r.choice::<Gender>("gender", "성별", &self.gender);
        s.phone = r.phone("phone", "연락처", &self.phone);
        s.email = Reader::text(&self.email);
        s.home_sigungu = Reader::text(&self.home_sigungu).map(|c| SigunguCode::from(c.as_str()));
        if let Some(t) = r.required_choice::<Track>("track", "참여유형", &self.track) {
            s.track = t;
        }
        if let Some(st) = r.required_choice::<SeekerStatus>("status", "진행상태", &self.status)
        {
            s.status = st;
        }
        s.enrolled_on = r.date("enrolled_on", "참여일", &self.enrolled_on);
        let scopes: Vec<ConsentScope> = r.choices("consent", "동의 범위", &self.consent_scopes);
        let method: Option<ConsentMethod> =
            r.choice("consent_method", "동의 방식", &self.consent_method);
        s.consent = match r.date("consent", "개인정보 동의일", &self.consent_on) {
            None => {
                if !scopes.is_empty() {
                    r.fail(
                        "consent",
                        "개인정보 동의일",
                        "동의 범위를 고르셨다면 동의일을 입력해 주세요.",
                    );
                }
                None
            }
            Some(given_on) => {
                // The same consent edited keeps its form and what was
                // withdrawn; a new day is a new consent, on Doyak's form.
                let same = s.consent.as_ref().filter(|c| c.given_on == given_on);
                Some(Consent {
                    given_on,
                    scopes,
                    withdrawn_on: same.and_then(|c| c.withdrawn_on),
                    method,
                    form_version: match same {
                        Some(c) => c.form_version.clone(),
                        None => Some(doyak_domain::privacy::CONSENT_FORM_VERSION.to_owned()),
                    },
                    withdrawals: same.map(|c| c.withdrawals.clone()).unwrap_or_default(),
                })
            }
        };
        s.target_groups =
            r.choices::<TargetGroup>("target_groups", "대상 집단", &self.target_groups);
        s.desired_occupations = self
            .desired_occupations
            .iter()
            .filter_map(|c| Reader::text(c))
            .map(|c| KecoCode::from(c.as_str()))
            .collect();
        // A certificate already on the record keeps what the form does not
        // show (its 취득일); a new one is linked to the qualification list
        // when the name is one it knows.
        let mut certificates: Vec<HeldCertificate> = Vec::new();
        for name in self.certificates.iter().filter_map(|c| Reader::text(c)) {
            if certificates.iter().any(|c| c.name == name) {
                continue;
            }
            let held = s
                .certificates
                .iter()
                .find(|c| c.name == name)
                .cloned()
                .unwrap_or_else(|| HeldCertificate {
                    qualification_id: doyak_refdata::get()
                        .qualification(&name)
                        .map(|q| q.id.clone()),
                    name,
                    acquired_on: None,
                });
            certificates.push(held);
        }
        s.certificates = certificates;
        s.skills = self
            .skills
            .split([',', '，', '\n'])
            .filter_map(Reader::text)
            .collect();
        s.desired_wage_monthly = r.manwon(
            "desired_wage_monthly",
            "희망임금(월)",
            &self.desired_wage_monthly,
        );
        s.max_commute_km = r.number("max_commute_km", "최대 통근거리", &self.max_commute_km);
        s.accepts_shift = r.yes_no("accepts_shift", "교대근무", &self.accepts_shift);
        s.willing_to_relocate = r.yes_no(
            "willing_to_relocate",
            "기숙사 입주",
            &self.willing_to_relocate,
        );
        s.iap_goal = Reader::text(&self.iap_goal);
        s.note = Reader::text(&self.note);
        r.errors
    }
}

/// A new seeker's fields before the form is applied.
fn blank_seeker(id: Id, center_id: Id) -> JobSeeker {
    JobSeeker::intake(id, center_id, "")
}

impl Desk {
    /// A form's parse errors followed by the domain's own rules for the
    /// record it describes (one message per field: the parse error wins).
    pub(crate) fn with_rule_errors<R: SharedRecord>(
        &self,
        mut errors: Vec<FieldError>,
        record: &R,
    ) -> Vec<FieldError> {
        for e in record.check(&self.check_ctx()) {
            if !errors.iter().any(|x| x.field == e.field) {
                errors.push(e);
            }
        }
        errors
    }

    pub fn seeker_form_choices(&self) -> SeekerFormChoices {
        SeekerFormChoices {
            genders: Gender::ALL
                .iter()
                .map(|g| choice(g, g.label_ko()))
                .collect(),
            tracks: Track::ALL.iter().map(|t| choice(t, t.label_ko())).collect(),
            statuses: SeekerStatus::ALL
                .iter()
                .map(|s| choice(s, s.label_ko()))
                .collect(),
            consent_scopes: ConsentScope::ALL
                .iter()
                .map(|c| choice(c, c.label_ko()))
                .collect(),
            consent_methods: ConsentMethod::ALL
                .iter()
                .map(|m| choice(m, m.label_ko()))
                .collect(),
            target_groups: TargetGroup::ALL
                .iter()
                .map(|t| choice(t, t.label_ko()))
                .collect(),
        }
    }

    /// An empty form for a new seeker, with today's date as the enrolment day.
    pub fn new_seeker_form(&self) -> SeekerForm {
        let mut form = SeekerForm::of(&blank_seeker(Id::from(uuid::Uuid::nil()), self.center_id()));
        form.id = String::new();
        form.enrolled_on = self.clock.today().to_string();
        form
    }

    pub fn seeker_form(&self, id: &str) -> Result<SeekerForm, AppError> {
        Ok(SeekerForm::of(&self.seeker(parse_id(id)?)?))
    }

    /// The record the form describes, and every problem with it (parse
    /// errors first, then the domain's rules). Nothing is saved.
    fn seeker_from_form(
        &self,
        form: &SeekerForm,
    ) -> Result<(JobSeeker, Vec<FieldError>), AppError> {
        let mut seeker = match Reader::text(&form.id) {
            Some(id) => self.seeker(parse_id(&id)?)?,
            None => blank_seeker(self.new_id(), self.center_id()),
        };
        let errors = self.with_rule_errors(form.apply(&mut seeker), &seeker);
        Ok((seeker, errors))
    }

    /// Inline validation: what is wrong with the form as typed so far.
    pub fn check_seeker_form(&self, form: &SeekerForm) -> Result<Vec<FieldError>, AppError> {
        Ok(self.seeker_from_form(form)?.1)
    }

    /// Creates or updates the seeker the form describes; returns its id.
    /// Refused with every field error when anything is wrong: nothing is saved.
    pub fn save_seeker_form(&mut self, form: &SeekerForm) -> Result<String, AppError> {
        let (seeker, errors) = self.seeker_from_form(form)?;
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        if form.id.trim().is_empty() {
            self.refuse_duplicate(form)?;
            self.create_seeker(seeker.clone())?;
        } else {
            self.save(&seeker)?;
        }
        Ok(seeker.id.to_string())
    }
}

fn yes_no(value: Option<bool>) -> String {
    match value {
        Some(true) => "yes".into(),
        Some(false) => "no".into(),
        None => String::new(),
    }
}

pub(crate) fn parse_id(id: &str) -> Result<Id, AppError> {
    id.trim()
        .parse()
        .map_err(|_| AppError::NotFound { what: "기록" })
}

#[cfg(test)]
mod manwon_tests {
    use super::{Reader, manwon_text};

    fn read(text: &str) -> (Option<i64>, usize) {
        let mut r = Reader { errors: Vec::new() };
        let v = r.manwon("wage", "임금", text);
        (v, r.errors.len())
    }

    #[test]
    fn amounts_are_read_in_manwon_unless_they_say_won() {
        // Each case: what a counselor types → 원 stored, or refused (one error).
        assert_eq!(read("280"), (Some(2_800_000), 0));
        assert_eq!(read(" 280만원 "), (Some(2_800_000), 0));
        assert_eq!(read("280만"), (Some(2_800_000), 0));
        assert_eq!(read("209.6"), (Some(2_096_000), 0), "decimals of 만원");
        assert_eq!(read("215.688"), (Some(2_156_880), 0), "to the 원");
        assert_eq!(
            read("2,800,000원"),
            (Some(2_800_000), 0),
            "원 said: read as 원"
        );
        assert_eq!(read(""), (None, 0), "empty: not given");
        assert_eq!(read("2800000"), (None, 1), "28억 a month: 원 typed as 만원");
        assert_eq!(read("-5"), (None, 1));
        assert_eq!(read("1.23456"), (None, 1), "below one 원");
        assert_eq!(read("이백"), (None, 1));
        assert_eq!(read("."), (None, 1));
    }

    #[test]
    fn stored_amounts_show_as_the_manwon_the_form_reads_back() {
        for won in [0, 2_800_000, 2_096_000, 2_156_880, 10_001] {
            let text = manwon_text(won);
            assert_eq!(read(&text), (Some(won), 0), "{won} → {text}");
        }
        assert_eq!(manwon_text(2_156_880), "215.688");
    }
}
