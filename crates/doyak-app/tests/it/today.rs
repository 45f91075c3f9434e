//! 오늘 할 일: each list holds exactly what is due by its rule, with dates
//! counted from the desk's (fixed) today, 2026-11-25.

use crate::desk::draft;
use crate::*;
use chrono::NaiveDate;
use doyak_domain::company::{CompanySize, CompanyStatus, Shift, VacancyStatus};
use doyak_domain::events::{
    Application, ApplicationStatus, CaseEvent, ContactMode, EmploymentType, EventBody, Referral,
    ReferralStatus,
};
use doyak_domain::seeker::SeekerStatus;
use doyak_domain::{BusinessNumber, Company, Id, JobSeeker, PartnerInstitution, Vacancy};

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn event(desk: &Desk, subject: Id, on: NaiveDate, body: EventBody) -> CaseEvent {
    CaseEvent {
        id: desk.new_id(),
        center_id: desk.center_id(),
        subject_id: subject,
        author_id: None,
        recorded_at: None,
        occurred_on: on,
        supersedes: None,
        body,
    }
}

fn session(desk: &Desk, subject: Id, on: NaiveDate, next_on: Option<NaiveDate>) -> CaseEvent {
    let body = EventBody::CounselingSession {
        minutes: 50,
        mode: ContactMode::InPerson,
        content: "상담".into(),
        next_step: None,
        next_on,
    };
    event(desk, subject, on, body)
}

fn seeker(desk: &mut Desk, name: &str, status: SeekerStatus) -> JobSeeker {
    let mut s = draft(name);
    s.status = status;
    desk.create_seeker(s).unwrap()
}

#[test]
fn follow_ups_come_from_each_seekers_latest_session_only() {
    let mut fx = new_desk();
    let d = &mut fx.desk;
    let a = seeker(d, "가나다", SeekerStatus::Consulting);
    let b = seeker(d, "라마바", SeekerStatus::Consulting);
    let c = seeker(d, "사아자", SeekerStatus::Employed);
    let late = seeker(d, "차카타", SeekerStatus::JobSearch);
    // a: an old follow-up (10-15) replaced by the latest session's (11-28).
    d.record_event(session(d, a.id, day(10, 1), Some(day(10, 15))))
        .unwrap();
    d.record_event(session(d, a.id, day(11, 10), Some(day(11, 28))))
        .unwrap();
    // b: due in 20 days, beyond the 7-day horizon.
    d.record_event(session(d, b.id, day(11, 15), Some(day(12, 15))))
        .unwrap();
    // c: overdue, but already employed: nothing to follow up.
    d.record_event(session(d, c.id, day(11, 1), Some(day(11, 20))))
        .unwrap();
    // lost: a contact agreed for 09-01 never happened (85 days): counted.
    let lost = seeker(d, "하파가", SeekerStatus::Consulting);
    d.record_event(session(d, lost.id, day(8, 20), Some(day(9, 1))))
        .unwrap();
    // late: an old session typed in after the newer one must not move it.
    d.record_event(session(d, late.id, day(11, 12), Some(day(11, 24))))
        .unwrap();
    d.record_event(session(d, late.id, day(9, 1), Some(day(9, 10))))
        .unwrap();

    let today = d.today().unwrap();
    assert_eq!(today.today, "2026-11-25");
    type Row<'a> = (&'a str, &'a str, i64);
    let groups: Vec<(&str, u64, Vec<Row>)> = today
        .follow_up_groups
        .iter()
        .map(|g| {
            (
                g.key.as_str(),
                g.total,
                g.items
                    .iter()
                    .map(|f| (f.seeker_name.as_str(), f.next_on.as_str(), f.overdue_days))
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        groups,
        [
            ("today", 0, vec![]),
            ("overdue", 1, vec![("차카타", "2026-11-24", 1)]),
            ("upcoming", 1, vec![("가나다", "2026-11-28", -3)]),
            ("lost", 1, vec![("하파가", "2026-09-01", 85)]),
        ],
        "today, then missed (30 days), then the next 7 days, then the lost, \
         each listed whole; overdue days count from today"
    );
}

#[test]
fn each_follow_up_group_pages_through_all_its_people() {
    // 45 seekers whose agreed contact was today: three pages of 20, 20, 5,
    // in seeker order, every one listed exactly once.
    let mut fx = new_desk();
    let d = &mut fx.desk;
    let mut ids = Vec::new();
    for i in 0..45 {
        let s = seeker(d, &format!("오늘{i:02}"), SeekerStatus::Consulting);
        d.record_event(session(d, s.id, day(11, 18), Some(day(11, 25))))
            .unwrap();
        ids.push(s.id.to_string());
    }
    let first = d.today().unwrap().follow_up_groups.remove(0);
    assert_eq!(
        (first.key.as_str(), first.total, first.items.len()),
        ("today", 45, 20)
    );
    let mut seen: Vec<String> = first.items.into_iter().map(|f| f.seeker_id).collect();
    for (offset, expect) in [(20, 20), (40, 5), (45, 0)] {
        let page = d.follow_up_page("today", offset).unwrap();
        assert_eq!(page.items.len(), expect, "page from {offset}");
        seen.extend(page.items.into_iter().map(|f| f.seeker_id));
    }
    let mut sorted = seen.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), 45, "nobody twice");
    ids.sort();
    assert_eq!(sorted, ids, "nobody missing");
    assert!(d.follow_up_page("someday", 0).is_err());
}

#[test]
fn retention_checks_are_due_at_3_6_12_months_until_recorded() {
    let mut fx = new_desk();
    let d = &mut fx.desk;
    let s = seeker(d, "김취업", SeekerStatus::Employed);
    let placed = |d: &Desk, on| {
        event(
            d,
            s.id,
            on,
            EventBody::Placement {
                employer: "도약정밀".into(),
                company_id: None,
                vacancy_id: None,
                occupation: None,
                wage_monthly: Some(2_800_000),
                employment: EmploymentType::Permanent,
                weekly_hours: None,
                application_id: None,
            },
        )
    };
    // Placed 2026-08-25: the 3-month check is due today.
    let recent = placed(d, day(8, 25));
    d.record_event(recent.clone()).unwrap();
    // Placed 2025-11-20: 12-month check due 2026-11-20 (5 days over); its
    // 6-month check (2026-05-20) is 189 days over, past the 90-day grace.
    let old = placed(d, NaiveDate::from_ymd_opt(2025, 11, 20).unwrap());
    d.record_event(old.clone()).unwrap();

    let due: Vec<(u8, String, i64)> = d
        .today()
        .unwrap()
        .retention_checks
        .iter()
        .map(|r| (r.months, r.due_on.clone(), r.overdue_days))
        .collect();
    assert_eq!(
        due,
        [
            (12, "2026-11-20".to_owned(), 5),
            (3, "2026-11-25".to_owned(), 0)
        ]
    );

    let check = event(
        d,
        old.id,
        day(11, 24),
        EventBody::RetentionCheck {
            months: 12,
            still_employed: true,
            note: None,
            method: None,
            left_on: None,
            left_reason: None,
        },
    );
    d.record_event(check).unwrap();
    let left: Vec<u8> = d
        .today()
        .unwrap()
        .retention_checks
        .iter()
        .map(|r| r.months)
        .collect();
    assert_eq!(left, [3], "a recorded check leaves the list");
}

#[test]
fn referrals_waiting_two_weeks_and_vacancies_open_a_month_are_listed() {
    let mut fx = new_desk();
    let d = &mut fx.desk;
    let s = seeker(d, "박연계", SeekerStatus::Consulting);
    let partner = d
        .create_record(
            PartnerInstitution {
                id: d.new_id(),
                center_id: d.center_id(),
                name: "안산시 여성새로일하기센터".into(),
                kind: "saeil".into(),
                phone: None,
                sigungu: None,
            },
            |p, c| p.center_id = c,
        )
        .unwrap();
    let referral = |d: &Desk, on, status| Referral {
        id: d.new_id(),
        center_id: d.center_id(),
        subject_id: s.id,
        partner_id: partner.id,
        purpose: "직업훈련".into(),
        referred_on: on,
        status,
        result_on: None,
        result_note: None,
    };
    for r in [
        referral(d, day(11, 1), ReferralStatus::Accepted), // 24 days: listed
        referral(d, day(11, 20), ReferralStatus::Requested), // 5 days: not yet
        referral(d, day(10, 1), ReferralStatus::Completed), // has its result
    ] {
        d.create_record(r, |r, c| r.center_id = c).unwrap();
    }

    let company = d
        .create_company(Company {
            id: d.new_id(),
            center_id: d.center_id(),
            counselor_id: None,
            name: "도약정밀".into(),
            business_number: BusinessNumber::parse("220-81-62517").unwrap(),
            ksic_code: "29".into(),
            size: CompanySize::Small,
            employees: Some(40),
            sigungu: "41273".into(),
            address: None,
            industrial_complex: Some("반월국가산업단지".into()),
            focus_industries: vec![],
            ppuri_techs: vec![],
            contact_name: None,
            contact_phone: None,
            status: CompanyStatus::Matching,
            enrolled_on: None,
            note: None,
        })
        .unwrap();
    let vacancy = |d: &Desk, title: &str, on, status| Vacancy {
        id: d.new_id(),
        center_id: d.center_id(),
        company_id: company.id,
        title: title.into(),
        occupation: "81".into(),
        headcount: 2,
        wage_monthly: Some(3_000_000),
        weekly_hours: Some(40),
        shift: Shift::Day,
        housing: false,
        commute_bus: true,
        required_certificates: vec![],
        preferred_certificates: vec![],
        skills: vec![],
        min_experience_years: None,
        sigungu: "41273".into(),
        opened_on: on,
        closes_on: None,
        status,
        note: None,
        posting_text: None,
    };
    let mut ids = vec![];
    for v in [
        vacancy(d, "CNC 선반 오퍼레이터", day(10, 1), VacancyStatus::Open), // 55 days
        vacancy(d, "품질검사원", day(11, 10), VacancyStatus::Open),         // 15 days
        vacancy(d, "용접원", day(9, 1), VacancyStatus::Filled),             // filled
    ] {
        ids.push(d.create_vacancy(v).unwrap().id);
    }
    // 알선: only those still without an outcome two weeks on are listed.
    let application = |d: &Desk, vacancy, on, status| Application {
        id: d.new_id(),
        center_id: d.center_id(),
        seeker_id: s.id,
        vacancy_id: vacancy,
        applied_on: on,
        status,
        note: None,
    };
    for a in [
        application(d, ids[0], day(11, 4), ApplicationStatus::Interview), // 21 days: listed
        application(d, ids[1], day(11, 18), ApplicationStatus::Proposed), // 7 days: not yet
        application(d, ids[2], day(9, 10), ApplicationStatus::Hired),     // has its outcome
        application(d, ids[1], day(10, 1), ApplicationStatus::Shortlisted), // never sent
    ] {
        d.create_record(a, |a, c| a.center_id = c).unwrap();
    }
    // The wait counts from the last step: applied 30 days ago but 면접 five
    // days ago is not waiting; applied 35 days ago with a step 20 days ago
    // waits 20 days, not 35.
    for (applied, stepped) in [(day(10, 26), day(11, 20)), (day(10, 21), day(11, 5))] {
        let a = application(d, ids[1], applied, ApplicationStatus::Interview);
        let id = a.id;
        d.create_record(a, |a, c| a.center_id = c).unwrap();
        let body = EventBody::ApplicationStep {
            from: ApplicationStatus::Submitted,
            to: ApplicationStatus::Interview,
            note: None,
        };
        d.record_event(event(d, id, stepped, body)).unwrap();
    }

    let today = d.today().unwrap();
    let referrals: Vec<(i64, &str, &str)> = today
        .referrals
        .iter()
        .map(|r| (r.waiting_days, r.partner_name.as_str(), r.status.as_str()))
        .collect();
    assert_eq!(referrals, [(24, "안산시 여성새로일하기센터", "접수")]);
    assert_eq!(today.referrals[0].subject_name, "박연계");
    let stale: Vec<(&str, &str, i64)> = today
        .stale_vacancies
        .iter()
        .map(|v| (v.title.as_str(), v.company_name.as_str(), v.open_days))
        .collect();
    assert_eq!(stale, [("CNC 선반 오퍼레이터", "도약정밀", 55)]);
    let waiting: Vec<(i64, &str, &str, &str)> = today
        .applications
        .iter()
        .map(|a| {
            (
                a.waiting_days,
                a.seeker_name.as_str(),
                a.vacancy_title.as_str(),
                a.status.as_str(),
            )
        })
        .collect();
    assert_eq!(
        waiting,
        [
            (21, "박연계", "CNC 선반 오퍼레이터", "면접"),
            (20, "박연계", "품질검사원", "면접"),
        ],
        "7 days is not yet overdue, 합격 is an outcome, 후보 was never sent, \
         a step five days ago restarts the wait, one twenty days ago counts from itself"
    );
    assert_eq!(today.applications[0].company_name, "도약정밀");
    assert_eq!(today.applications[1].last_step_on, "2026-11-05");
}

#[test]
fn every_list_reports_its_total_and_shows_more_on_request() {
    // 60 vacancies open a month or more: the first page shows TODAY_PAGE (50)
    // of them and says 60; asking for 100 shows all 60, the first 50 the same.
    let mut fx = new_desk();
    let d = &mut fx.desk;
    let company = d
        .create_company(Company {
            id: d.new_id(),
            center_id: d.center_id(),
            counselor_id: None,
            name: "도약정밀".into(),
            business_number: BusinessNumber::parse("220-81-62517").unwrap(),
            ksic_code: "29".into(),
            size: CompanySize::Small,
            employees: Some(40),
            sigungu: "41273".into(),
            address: None,
            industrial_complex: None,
            focus_industries: vec![],
            ppuri_techs: vec![],
            contact_name: None,
            contact_phone: None,
            status: CompanyStatus::Matching,
            enrolled_on: None,
            note: None,
        })
        .unwrap();
    for i in 0..60u32 {
        let v = Vacancy {
            id: d.new_id(),
            center_id: d.center_id(),
            company_id: company.id,
            title: format!("생산직 {i:02}"),
            occupation: "89".into(),
            headcount: 1,
            wage_monthly: Some(2_300_000),
            weekly_hours: Some(40),
            shift: Shift::Day,
            housing: false,
            commute_bus: false,
            required_certificates: vec![],
            preferred_certificates: vec![],
            skills: vec![],
            min_experience_years: None,
            sigungu: "41273".into(),
            opened_on: day(8, 1) + chrono::Days::new(u64::from(i)), // all over 30 days ago
            closes_on: None,
            status: VacancyStatus::Open,
            note: None,
            posting_text: None,
        };
        d.create_vacancy(v).unwrap();
    }
    let first = d.today().unwrap();
    assert_eq!(first.totals.stale_vacancies, 60);
    assert_eq!(first.stale_vacancies.len(), doyak_app::TODAY_PAGE as usize);
    let more = d
        .today_with(&doyak_app::TodayLimits {
            stale_vacancies: 2 * doyak_app::TODAY_PAGE,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        more.stale_vacancies.len(),
        60,
        "everyone, once the page asks"
    );
    assert_eq!(
        more.stale_vacancies[..50],
        first.stale_vacancies[..],
        "the first page is the start of the whole"
    );
    let mut ids: Vec<&str> = more
        .stale_vacancies
        .iter()
        .map(|v| v.vacancy_id.as_str())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 60, "nobody twice");
    assert_eq!(
        more.stale_vacancies[0].title, "생산직 00",
        "longest open first"
    );
}
