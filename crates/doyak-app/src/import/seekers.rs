//! The seeker columns of CSV/XLSX import and export (one definition for both,
//! so an exported file imports back).

use super::fields::{Column, RowReader, col, resolve_sigungu};
use chrono::NaiveDate;
use doyak_domain::seeker::{
    Consent, ConsentScope, Gender, HeldCertificate, SeekerStatus, TargetGroup, Track,
};
use doyak_domain::{Id, JobSeeker, KecoCode, Phone, SigunguCode};

pub const COLUMNS: &[Column] = &[
    col("id", "ID", &[], false),
    col("name", "이름", &["성명"], true),
    col("birth_date", "생년월일", &[], false),
    col("gender", "성별", &[], false),
    col("phone", "전화번호", &["연락처", "휴대전화"], false),
    col("email", "이메일", &[], false),
    col("home_sigungu", "거주지", &["거주지시군구"], false),
    col("consent_on", "개인정보동의일", &["동의일"], false),
    col("track", "참여유형", &["트랙"], false),
    col("status", "진행상태", &["상태"], false),
    col("enrolled_on", "참여일", &[], false),
    col("target_groups", "대상집단", &[], false),
    col("certificates", "보유자격", &["자격증"], false),
    col("skills", "보유기술", &["기술"], false),
    col("desired_occupations", "희망직종", &["희망직종코드"], false),
    col("desired_wage_monthly", "희망임금", &["희망월급"], false),
    col("desired_sigungu", "희망근무지", &[], false),
    col("max_commute_km", "최대통근거리", &["통근거리"], false),
    col("accepts_shift", "교대근무", &["교대근무가능"], false),
    col(
        "willing_to_relocate",
        "기숙사입주",
        &["기숙사입주가능", "이주가능"],
        false,
    ),
    col("note", "메모", &["비고"], false),
];

pub fn from_row(r: &mut RowReader<'_>, new_id: Id, center_id: Id, today: NaiveDate) -> JobSeeker {
    let id = match r.text("id") {
        Some(raw) => raw.parse().unwrap_or_else(|_| {
            r.fail("id", format!("ID 형식이 올바르지 않습니다: '{raw}'"));
            new_id
        }),
        None => new_id,
    };
    let name = r.text("name").unwrap_or_default();
    if doyak_domain::masking::is_masked(&name) {
        // A masked export's name (김*수) must never replace a person's.
        r.fail(
            "name",
            format!("가림 처리된 이름입니다: '{name}'. 가리지 않고 내보낸 파일을 가져오세요."),
        );
    }
    let birth_date = r.date("birth_date");
    let gender = r.choice("gender", &Gender::ALL, Gender::label_ko);
    let phone = r.text("phone").and_then(|raw| match Phone::parse(&raw) {
        Ok(p) => Some(p),
        Err(e) => {
            r.fail("phone", e.to_string());
            None
        }
    });
    let email = r.text("email");
    let home_sigungu = sigungu(r, "home_sigungu");
    let consent = r.date("consent_on").map(|given_on| Consent {
        given_on,
        scopes: vec![
            ConsentScope::Counseling,
            ConsentScope::ShareWithEmployers,
            ConsentScope::FollowUp,
        ],
        withdrawn_on: None,
        // A file says only the day: how, and on which form, is not known.
        method: None,
        form_version: None,
        withdrawals: Vec::new(),
    });
    let track = r
        .choice("track", &Track::ALL, Track::label_ko)
        .unwrap_or(Track::General);
    let status = r
        .choice("status", &SeekerStatus::ALL, SeekerStatus::label_ko)
        .unwrap_or(SeekerStatus::Intake);
    let enrolled_on = r.date("enrolled_on").or(Some(today));
    let mut target_groups = Vec::new();
    for raw in r.list("target_groups") {
        match super::fields::parse_choice(&raw, &TargetGroup::ALL, TargetGroup::label_ko) {
            Some(g) => target_groups.push(g),
            None => r.fail(
                "target_groups",
                format!("알 수 없는 대상집단입니다: '{raw}'"),
            ),
        }
    }
    let refdata = doyak_refdata::get();
    let certificates = r
        .list("certificates")
        .into_iter()
        .map(|name| {
            let known = refdata.qualification(&name);
            HeldCertificate {
                name: known.map(|q| q.name_ko.clone()).unwrap_or(name),
                qualification_id: known.map(|q| q.id.clone()),
                acquired_on: None,
            }
        })
        .collect();
    let skills = r.list("skills");
    let desired_occupations = r
        .list("desired_occupations")
        .into_iter()
        .map(|c| KecoCode::from(super::fields::code_in(&c).as_str()))
        .collect();
    let desired_wage_monthly = r.int("desired_wage_monthly", "희망임금");
    let mut desired_sigungu = Vec::new();
    for raw in r.list("desired_sigungu") {
        match resolve_sigungu(&raw) {
            Ok(code) => desired_sigungu.push(SigunguCode(code)),
            Err(message) => r.fail("desired_sigungu", message),
        }
    }
    let max_commute_km = r.int("max_commute_km", "최대통근거리");
    let accepts_shift = r.bool("accepts_shift");
    let willing_to_relocate = r.bool("willing_to_relocate");
    let note = r.text("note");
    JobSeeker {
        id,
        center_id,
        counselor_id: None,
        name,
        birth_date,
        gender,
        phone,
        email,
        home_sigungu,
        consent,
        track,
        status,
        enrolled_on,
        benefit: None,
        target_groups,
        education: vec![],
        certificates,
        training: vec![],
        work_history: vec![],
        skills,
        desired_occupations,
        desired_wage_monthly,
        desired_sigungu,
        max_commute_km,
        accepts_shift,
        willing_to_relocate,
        barriers: vec![],
        iap_goal: None,
        note,
    }
}

fn sigungu(r: &mut RowReader<'_>, key: &str) -> Option<SigunguCode> {
    let raw = r.text(key)?;
    match resolve_sigungu(&raw) {
        Ok(code) => Some(SigunguCode(code)),
        Err(message) => {
            r.fail(key, message);
            None
        }
    }
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

fn yes_no(v: Option<bool>) -> String {
    v.map(|b| if b { "예" } else { "아니오" }.to_owned())
        .unwrap_or_default()
}

/// The row an export writes, in [`COLUMNS`] order.
pub fn to_row(s: &JobSeeker) -> Vec<String> {
    vec![
        s.id.to_string(),
        s.name.clone(),
        opt(&s.birth_date),
        s.gender
            .map(|g| g.label_ko().to_owned())
            .unwrap_or_default(),
        s.phone
            .as_ref()
            .map(|p| p.as_str().to_owned())
            .unwrap_or_default(),
        opt(&s.email),
        s.home_sigungu
            .as_ref()
            .map(|c| super::fields::sigungu_label(c.as_str()))
            .unwrap_or_default(),
        s.consent
            .as_ref()
            .map(|c| c.given_on.to_string())
            .unwrap_or_default(),
        s.track.label_ko().to_owned(),
        s.status.label_ko().to_owned(),
        opt(&s.enrolled_on),
        s.target_groups
            .iter()
            .map(|g| g.label_ko())
            .collect::<Vec<_>>()
            .join(";"),
        s.certificates
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>()
            .join(";"),
        s.skills.join(";"),
        s.desired_occupations
            .iter()
            .map(|c| super::fields::keco_label(c.as_str()))
            .collect::<Vec<_>>()
            .join(";"),
        opt(&s.desired_wage_monthly),
        s.desired_sigungu
            .iter()
            .map(|c| super::fields::sigungu_label(c.as_str()))
            .collect::<Vec<_>>()
            .join(";"),
        opt(&s.max_commute_km),
        yes_no(s.accepts_shift),
        yes_no(s.willing_to_relocate),
        opt(&s.note),
    ]
}
