//! The caseload tells one story: what a note says agrees with the records it
//! sits beside. Each test reads whole caseloads of the desk's demo size (600
//! seekers, 80 companies) for a few seeds, the way a counselor reading the
//! demo would, and names the record that contradicts another.

use chrono::{Datelike, NaiveDate};
use doyak_demo::{DemoItem, DemoSpec, generate_vec};
use doyak_domain::events::{ApplicationStatus, EventBody};
use doyak_domain::seeker::ConsentScope;
use doyak_domain::{
    Application, CaseEvent, Company, Id, JobSeeker, Referral, SeekerStatus, SigunguCode,
};
use std::collections::HashMap;
use std::sync::OnceLock;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).expect("valid date")
}

/// The seeds checked: the desk's own (1) and two more.
const SEEDS: [u64; 3] = [1, 2, 3];

/// One generated caseload, indexed the way the checks read it.
struct Caseload {
    seed: u64,
    seekers: Vec<JobSeeker>,
    companies: Vec<Company>,
    /// Every event, by the id of what it is about (a seeker, a company, a
    /// placement).
    events: HashMap<Id, Vec<CaseEvent>>,
    applications: Vec<Application>,
    referrals: Vec<Referral>,
}

impl Caseload {
    fn events_of(&self, subject: Id) -> &[CaseEvent] {
        self.events.get(&subject).map_or(&[], Vec::as_slice)
    }
}

/// The caseloads of [`SEEDS`], generated once for all the tests.
fn caseloads() -> &'static [Caseload] {
    static CASELOADS: OnceLock<Vec<Caseload>> = OnceLock::new();
    CASELOADS.get_or_init(|| {
        SEEDS
            .iter()
            .map(|&seed| {
                let center = doyak_domain::Center {
                    id: Id::new_v7(1_764_000_000_000, [7; 10]),
                    name: "안산고용복지플러스센터".into(),
                    sigungu: Some(SigunguCode::from("41273")),
                };
                let spec = DemoSpec {
                    seed,
                    today: today(),
                    center,
                    // The size the desk's 데모 start makes.
                    seekers: 600,
                    companies: 80,
                };
                let (items, _) = generate_vec(&spec).expect("generates");
                let mut c = Caseload {
                    seed,
                    seekers: Vec::new(),
                    companies: Vec::new(),
                    events: HashMap::new(),
                    applications: Vec::new(),
                    referrals: Vec::new(),
                };
                for item in items {
                    match item {
                        DemoItem::Seeker(s) => c.seekers.push(s),
                        DemoItem::Company(x) => c.companies.push(x),
                        DemoItem::Event(e) => c.events.entry(e.subject_id).or_default().push(e),
                        DemoItem::Application(a) => c.applications.push(a),
                        DemoItem::Referral(r) => c.referrals.push(r),
                        _ => {}
                    }
                }
                c
            })
            .collect()
    })
}

/// The reference qualifications named in `text`, longest names first, so
/// that 특수용접기능사 is not also read as 용접기능사.
fn qualifications_in(text: &str) -> Vec<&'static str> {
    let mut names: Vec<&'static str> = doyak_refdata::get()
        .qualifications
        .iter()
        .map(|q| q.name_ko.as_str())
        .collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let mut rest = text.to_owned();
    let mut found = Vec::new();
    for name in names {
        if rest.contains(name) {
            found.push(name);
            rest = rest.replace(name, "·");
        }
    }
    found
}

/// Words by which a note says a certificate is still to be had: missing,
/// recommended, being prepared for.
const WANTING: &[&str] = &["미보유", "추천 자격", "추천 훈련", "취득 준비", "수강"];

#[test]
fn no_note_says_a_certificate_is_wanting_that_the_seeker_holds() {
    for c in caseloads() {
        for s in &c.seekers {
            let held: Vec<&str> = s.certificates.iter().map(|h| h.name.as_str()).collect();
            let mut notes: Vec<String> = s.barriers.iter().filter_map(|b| b.note.clone()).collect();
            for e in c.events_of(s.id) {
                match &e.body {
                    EventBody::CounselingSession {
                        content, next_step, ..
                    } => {
                        notes.push(content.clone());
                        notes.extend(next_step.clone());
                    }
                    EventBody::Diagnosis { summary, .. } => notes.push(summary.clone()),
                    EventBody::IapActivity { description, .. } => {
                        notes.push(description.clone());
                    }
                    _ => {}
                }
            }
            // Clause by clause: "요양보호사 직무 적합도 58점, 추천 자격:
            // 사회복지사 2급" names the job, and only its second clause
            // says what is wanting.
            let clauses = notes.iter().flat_map(|n| n.split(['.', ',']));
            for note in clauses.filter(|n| WANTING.iter().any(|w| n.contains(w))) {
                for wanted in qualifications_in(note) {
                    let holder = held
                        .iter()
                        .find(|h| doyak_match::certificate_satisfies(h, wanted));
                    assert!(
                        holder.is_none(),
                        "seed {}: {} holds {:?}, which meets {wanted} as the matching engine \
                         reads certificates (same one or a higher grade), yet a note says \
                         it is still wanting: {note:?}",
                        c.seed,
                        s.name,
                        holder
                    );
                }
            }
        }
    }
}

/// A real center follows an 알선 up within weeks: the employer answers a
/// 서류 in one or two, an interview in one or two more. Past a month the
/// counselor has recorded the outcome (합격, 불합격 or 취소).
const OPEN_APPLICATION_MAX_DAYS: i64 = 30;

#[test]
fn open_applications_are_recent_and_only_for_seekers_still_looking() {
    for c in caseloads() {
        let status: HashMap<Id, SeekerStatus> =
            c.seekers.iter().map(|s| (s.id, s.status)).collect();
        let mut waiting_for_today = 0;
        for a in c.applications.iter().filter(|a| !a.status.is_final()) {
            let age = (today() - a.applied_on).num_days();
            assert!(
                age <= OPEN_APPLICATION_MAX_DAYS,
                "seed {}: 알선 {} has been at {} for {age} days; a center would have \
                 recorded its outcome long before",
                c.seed,
                a.id,
                a.status.label_ko()
            );
            let seeker = status[&a.seeker_id];
            assert!(
                matches!(
                    seeker,
                    SeekerStatus::JobSearch | SeekerStatus::Consulting | SeekerStatus::Diagnosis
                ),
                "seed {}: 알선 {} is still at {} for a seeker at {}; an employed or closed \
                 seeker's applications have their outcome",
                c.seed,
                a.id,
                a.status.label_ko(),
                seeker.label_ko()
            );
            // 오늘 할 일 lists 알선 waiting 14 days or more; the desk's
            // end-to-end test opens one of them.
            if age >= 14 && a.status != ApplicationStatus::Shortlisted {
                waiting_for_today += 1;
            }
        }
        assert!(
            waiting_for_today >= 5,
            "seed {}: only {waiting_for_today} 알선 wait 14 days or more for a result; \
             오늘 할 일 must have some to show",
            c.seed
        );
    }
}

#[test]
fn an_iap_activity_marked_done_had_a_contact_that_month() {
    for c in caseloads() {
        for s in &c.seekers {
            let events = c.events_of(s.id);
            let contacts: Vec<String> = events
                .iter()
                .filter(|e| matches!(e.body, EventBody::CounselingSession { .. }))
                .map(|e| format!("{:04}-{:02}", e.occurred_on.year(), e.occurred_on.month()))
                .collect();
            for e in events {
                if let EventBody::IapActivity {
                    month,
                    done: true,
                    description,
                    ..
                } = &e.body
                {
                    assert!(
                        contacts.contains(month),
                        "seed {}: {}'s IAP activity {description:?} is marked 이행 for {month}, \
                         but no counseling session that month could have confirmed it",
                        c.seed,
                        s.name
                    );
                }
            }
        }
    }
}

/// Words of a firm's name and the KSIC sub-class names (as ksic11.csv
/// spells them) a firm so named may be filed under.
const NAME_FITS: &[(&str, &[&str])] = &[
    ("호텔", &["호텔업"]),
    ("모텔", &["여관업"]),
    ("콘도", &["휴양콘도 운영업"]),
    ("펜션", &["민박업"]),
    ("요양병원", &["요양 병원"]),
    ("요양원", &["노인 요양 복지시설 운영업"]),
    ("노인요양센터", &["노인 요양 복지시설 운영업"]),
    ("양로원", &["노인 양로 복지시설 운영업"]),
    ("실버홈", &["노인 양로 복지시설 운영업"]),
    ("재가복지센터", &["방문 복지서비스 제공업"]),
    ("재가노인복지센터", &["방문 복지서비스 제공업"]),
    ("방문요양센터", &["방문 복지서비스 제공업"]),
    ("한식뷔페", &["한식 일반 음식점업"]),
    ("한정식", &["한식 일반 음식점업"]),
    ("급식", &["기관 구내식당업"]),
    ("케이터링", &["출장 음식 서비스업"]),
    ("출장뷔페", &["출장 음식 서비스업"]),
    ("방역", &["소독, 구충 및 방제 서비스업"]),
    ("소독", &["소독, 구충 및 방제 서비스업"]),
    (
        "여객",
        &[
            "시내버스 운송업",
            "시외버스 운송업",
            "기타 도시 정기 육상 여객 운송업",
            "전세버스 운송업",
        ],
    ),
    ("관광", &["전세버스 운송업", "호텔업"]),
    ("택배", &["택배업"]),
];

#[test]
fn company_names_fit_their_industry() {
    let ksic_name = |code: &str| {
        doyak_refdata::get()
            .ksic
            .iter()
            .find(|k| k.code == code)
            .map_or("", |k| k.name_ko.as_str())
    };
    for c in caseloads() {
        for firm in &c.companies {
            let industry = ksic_name(&firm.ksic_code.0);
            for (word, fits) in NAME_FITS {
                if firm.name.contains(word) {
                    assert!(
                        fits.contains(&industry),
                        "seed {}: {} is filed under KSIC {} {industry}; a firm called …{word} \
                         belongs under {fits:?}",
                        c.seed,
                        firm.name,
                        firm.ksic_code.0
                    );
                }
            }
        }
    }
}

#[test]
fn referrals_have_the_seekers_consent_to_give_data_to_partners() {
    let mut referred = 0;
    for c in caseloads() {
        let seekers: HashMap<Id, &JobSeeker> = c.seekers.iter().map(|s| (s.id, s)).collect();
        for r in &c.referrals {
            let Some(s) = seekers.get(&r.subject_id) else {
                continue; // a company's referral
            };
            referred += 1;
            // The desk's own rule (`Consent::allows`); a consent withdrawn
            // later still covered a referral made before.
            let consent = s.consent.as_ref().map(|k| doyak_domain::seeker::Consent {
                withdrawn_on: k.withdrawn_on.filter(|w| *w <= r.referred_on),
                ..k.clone()
            });
            assert!(
                consent.is_some_and(|k| k.allows(ConsentScope::ShareWithPartners)),
                "seed {}: {} was referred to a partner without 제3자 제공 동의",
                c.seed,
                s.name
            );
        }
    }
    assert!(referred > 0, "the demo makes referrals");
}

#[test]
fn applications_past_the_shortlist_have_the_seekers_consent_to_share() {
    for c in caseloads() {
        let seekers: HashMap<Id, &JobSeeker> = c.seekers.iter().map(|s| (s.id, s)).collect();
        for a in &c.applications {
            let s = seekers[&a.seeker_id];
            let may_share = s.consent.as_ref().is_some_and(|k| {
                k.scopes.contains(&ConsentScope::ShareWithEmployers)
                    && k.withdrawn_on.is_none_or(|w| a.applied_on < w)
            });
            assert!(
                may_share || !a.status.shares_personal_data(),
                "seed {}: {}'s 알선 {} is at {}, which sends their details to the employer, \
                 but they gave no 제3자 제공 동의 (the desk refuses that step)",
                c.seed,
                s.name,
                a.id,
                a.status.label_ko()
            );
        }
    }
}

#[test]
fn a_placement_follows_its_application_and_an_employed_seeker_has_one() {
    for c in caseloads() {
        let applications: HashMap<Id, &Application> =
            c.applications.iter().map(|a| (a.id, a)).collect();
        for s in &c.seekers {
            let placements: Vec<&CaseEvent> = c
                .events_of(s.id)
                .iter()
                .filter(|e| matches!(e.body, EventBody::Placement { .. }))
                .collect();
            assert_eq!(
                placements.len(),
                usize::from(s.status == SeekerStatus::Employed),
                "seed {}: {} is at {} with {} placements; 취업 means exactly one",
                c.seed,
                s.name,
                s.status.label_ko(),
                placements.len()
            );
            let hired: Vec<&Application> = c
                .applications
                .iter()
                .filter(|a| a.seeker_id == s.id && a.status == ApplicationStatus::Hired)
                .collect();
            for p in placements {
                let EventBody::Placement {
                    application_id,
                    vacancy_id,
                    ..
                } = &p.body
                else {
                    continue;
                };
                match hired.first() {
                    Some(a) => {
                        assert_eq!(
                            *application_id,
                            Some(a.id),
                            "seed {}: {}'s placement came from the 합격 알선 {}, and says so",
                            c.seed,
                            s.name,
                            a.id
                        );
                        assert_eq!(*vacancy_id, Some(a.vacancy_id));
                    }
                    None => assert_eq!(*application_id, None),
                }
                if let Some(a) = application_id.and_then(|id| applications.get(&id)) {
                    assert!(
                        a.applied_on <= p.occurred_on,
                        "seed {}: {} started work on {} before the 알선 of {}",
                        c.seed,
                        s.name,
                        p.occurred_on,
                        a.applied_on
                    );
                }
            }
            assert!(
                hired.len() <= 1,
                "seed {}: {} was hired through {} 알선",
                c.seed,
                s.name,
                hired.len()
            );
        }
    }
}

/// A referral a partner has not answered in four months is chased or
/// closed: counselors re-check referrals monthly.
const OPEN_REFERRAL_MAX_DAYS: i64 = 120;

#[test]
fn open_referrals_are_recent_and_closed_cases_have_none() {
    for c in caseloads() {
        let status: HashMap<Id, SeekerStatus> =
            c.seekers.iter().map(|s| (s.id, s.status)).collect();
        let mut waiting_for_today = 0;
        for r in c.referrals.iter().filter(|r| r.status.rank() < 3) {
            let age = (today() - r.referred_on).num_days();
            if age >= 14 {
                waiting_for_today += 1;
            }
            assert!(
                age <= OPEN_REFERRAL_MAX_DAYS,
                "seed {}: 기관연계 {} ({}) has been {} for {age} days",
                c.seed,
                r.id,
                r.purpose,
                r.status.label_ko()
            );
            if let Some(s) = status.get(&r.subject_id) {
                assert_ne!(
                    *s,
                    SeekerStatus::Closed,
                    "seed {}: 기관연계 {} is still open for a seeker whose case is closed",
                    c.seed,
                    r.id
                );
            }
        }
        // 오늘 할 일 lists referrals without a result after 14 days; the
        // desk's end-to-end test closes one of them.
        assert!(
            waiting_for_today >= 3,
            "seed {}: only {waiting_for_today} referrals wait 14 days or more",
            c.seed
        );
    }
}

#[test]
fn work_history_and_certificates_fit_the_seekers_age() {
    for c in caseloads() {
        for s in &c.seekers {
            let Some(birth) = s.birth_date else { continue };
            let age_on = |d: NaiveDate| d.years_since(birth).unwrap_or(0);
            for w in &s.work_history {
                if let Some(start) = w.starts_on {
                    assert!(
                        age_on(start) >= 15,
                        "seed {}: {} (born {birth}) started at {} on {start}, aged {}; \
                         the 근로기준법 sets 15 as the minimum working age",
                        c.seed,
                        s.name,
                        w.employer,
                        age_on(start)
                    );
                }
            }
            for h in &s.certificates {
                if let Some(on) = h.acquired_on {
                    assert!(
                        age_on(on) >= 15 && Some(on) <= s.enrolled_on,
                        "seed {}: {} (born {birth}, enrolled {:?}) got {} on {on}",
                        c.seed,
                        s.name,
                        s.enrolled_on,
                        h.name
                    );
                }
            }
        }
    }
}

#[test]
fn session_notes_quote_the_diagnoses_on_file() {
    use doyak_domain::events::DiagnosisInstrument;
    for c in caseloads() {
        for s in &c.seekers {
            let events = c.events_of(s.id);
            let diagnosis = |instrument: DiagnosisInstrument| {
                events.iter().find_map(|e| match &e.body {
                    EventBody::Diagnosis {
                        instrument: i,
                        summary,
                        ..
                    } if *i == instrument => Some(summary.as_str()),
                    _ => None,
                })
            };
            for e in events {
                let EventBody::CounselingSession { content, .. } = &e.body else {
                    continue;
                };
                if let Some(at) = content.find("직무 적합도 ") {
                    let score: String = content[at..]
                        .chars()
                        .skip_while(|c| !c.is_ascii_digit())
                        .take_while(char::is_ascii_digit)
                        .collect();
                    let quoted = format!("직무 적합도 {score}점");
                    assert!(
                        diagnosis(DiagnosisInstrument::JobCare)
                            .is_some_and(|d| d.contains(&quoted)),
                        "seed {}: {}'s session says {quoted:?}, but the 잡케어 record says {:?}",
                        c.seed,
                        s.name,
                        diagnosis(DiagnosisInstrument::JobCare)
                    );
                }
                for (words, instrument) in [
                    ("직업선호도검사 결과", DiagnosisInstrument::JobPreference),
                    ("구직준비도검사 결과", DiagnosisInstrument::JobReadiness),
                ] {
                    assert!(
                        !content.contains(words) || diagnosis(instrument).is_some(),
                        "seed {}: {}'s session discusses the {words} but no such test is on file: \
                         {content:?}",
                        c.seed,
                        s.name
                    );
                }
                if let Some(rest) = content.strip_prefix("직업선호도검사 결과 해석: ") {
                    let top: String = rest.chars().take(2).collect();
                    assert!(
                        diagnosis(DiagnosisInstrument::JobPreference)
                            .is_some_and(|d| d.contains(&format!("{top} 유형"))),
                        "seed {}: {}'s session reads the 직업선호도검사 as {top}, the record \
                         says otherwise",
                        c.seed,
                        s.name
                    );
                }
            }
        }
    }
}
