//! Companies, vacancies and field-visit mode through the desk's forms.

use crate::*;
use doyak_app::{CompanyForm, CompanyListQuery, VacancyForm, VacancyListQuery, VisitForm};

fn company_form(d: &Desk, name: &str, number: &str, complex: &str) -> CompanyForm {
    let mut f = d.new_company_form(complex);
    f.name = name.into();
    f.business_number = number.into();
    f.ksic_code = "29120".into();
    f.employees = "42".into();
    f.sigungu = "41273".into();
    f.focus_industries = vec!["ppuri".into()];
    f.contact_phone = "031-491-1234".into();
    f
}

fn fields(err: &doyak_app::AppError) -> Vec<String> {
    err.field_errors().iter().map(|e| e.field.clone()).collect()
}

#[test]
fn an_invalid_business_number_is_refused_in_korean_and_nothing_is_saved() {
    let mut fx = new_desk();
    // 220-81-62517 is valid; changing the last digit breaks the check digit.
    let mut f = company_form(&fx.desk, "도약정밀", "220-81-62518", "반월국가산업단지");
    f.contact_phone = "123".into();
    let err = fx.desk.save_company_form(&f).unwrap_err();
    assert_eq!(fields(&err), ["business_number", "contact_phone"]);
    assert!(
        err.field_errors()[0]
            .message
            .contains("검증번호가 맞지 않습니다"),
        "{:?}",
        err.field_errors()
    );
    f.business_number = "1234".into();
    let short = fx.desk.check_company_form(&f).unwrap();
    assert!(short[0].message.contains("10자리"), "{short:?}");
    assert_eq!(fx.desk.summary().unwrap().companies, 0, "nothing saved");
}

#[test]
fn a_company_is_saved_once_per_business_number_with_its_size_from_employees() {
    let mut fx = new_desk();
    let f = company_form(&fx.desk, "도약정밀", "2208162517", "반월국가산업단지");
    let id = fx.desk.save_company_form(&f).unwrap();
    let c = fx.desk.company(id.parse().unwrap()).unwrap();
    assert_eq!(c.business_number.formatted(), "220-81-62517");
    assert_eq!(c.size.label_ko(), "5~49인", "42 insured workers");
    let again = fx
        .desk
        .save_company_form(&company_form(&fx.desk, "다른이름", "220-81-62517", ""))
        .unwrap_err();
    assert_eq!(fields(&again), ["business_number"]);
    assert!(
        again.field_errors()[0]
            .message
            .contains("이미 등록된 기업입니다: 도약정밀")
    );
    // Editing the company itself keeps its own number without complaint.
    let mut edit = fx.desk.company_detail(&id).unwrap().form;
    edit.note = "통근버스 안산역 경유".into();
    fx.desk.save_company_form(&edit).unwrap();
}

#[test]
fn vacancies_field_visits_and_lists_fit_together() {
    let mut fx = new_desk();
    let d = &mut fx.desk;
    let a = d
        .save_company_form(&company_form(
            d,
            "도약정밀",
            "220-81-62517",
            "반월국가산업단지",
        ))
        .unwrap();
    let mut other = company_form(d, "시화물류", "120-81-47521", "시화국가산업단지");
    other.focus_industries = vec!["transport".into()];
    other.ksic_code = "49".into();
    let b = d.save_company_form(&other).unwrap();

    let mut v: VacancyForm = d.new_vacancy_form(&a).unwrap();
    assert_eq!(
        v.sigungu, "41273",
        "the work place defaults to the company's"
    );
    v.title = "CNC 선반 오퍼레이터".into();
    v.occupation = "81".into();
    v.headcount = "0".into();
    v.wage_monthly = "300".into();
    v.shift = "two_shift".into();
    v.required_certificates = vec!["컴퓨터응용선반기능사".into()];
    v.skills = "CNC 선반, 도면 해독".into();
    let err = d.save_vacancy_form(&v).unwrap_err();
    assert_eq!(
        fields(&err),
        ["headcount"],
        "the domain's rule reaches the form"
    );
    v.headcount = "3".into();
    let vid = d.save_vacancy_form(&v).unwrap();
    let stored = d.vacancy_form(&vid).unwrap();
    assert_eq!(stored.skills, "CNC 선반, 도면 해독");
    assert_eq!(stored.wage_monthly, "300", "the form shows 만원");

    let list = d
        .company_list(&CompanyListQuery {
            limit: 50,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(list.total, 2);
    let row = list.items.iter().find(|c| c.id == a).unwrap();
    assert_eq!((row.open_vacancies, row.places_left), (1, 3));
    assert_eq!(row.industry, "유압기기 제조업");

    let by_initials = d
        .company_list(&CompanyListQuery {
            text: "ㅅㅎㅁㄹ".into(),
            limit: 50,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(by_initials.items.len(), 1);
    assert_eq!(by_initials.items[0].id, b);
    let by_focus = d
        .company_list(&CompanyListQuery {
            focus: Some("ppuri".into()),
            limit: 50,
            ..Default::default()
        })
        .unwrap();
    let focus_ids: Vec<&str> = by_focus.items.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(focus_ids, [a.as_str()], "only the 뿌리산업 company");

    let by_company_name = d
        .vacancy_list(&VacancyListQuery {
            text: "도약".into(),
            limit: 50,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        by_company_name.items.len(),
        1,
        "vacancies are found by company name too"
    );
    assert_eq!(by_company_name.items[0].wage, "월 300만원");
    assert_eq!(by_company_name.items[0].shift, "2교대");

    let choices = d.company_filter_choices().unwrap();
    let complexes: Vec<&str> = choices.complexes.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        complexes,
        ["반월국가산업단지 (1곳)", "시화국가산업단지 (1곳)"]
    );

    // Field visit: the complex shows its companies and open vacancies; a
    // visit needs only what was said.
    let view = d.complex_view("반월국가산업단지").unwrap();
    assert_eq!(view.companies.len(), 1);
    assert_eq!(view.open_vacancies.len(), 1);
    let empty = d
        .record_visit(&VisitForm {
            company_id: a.clone(),
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(fields(&empty), ["content"]);
    let row = d
        .record_visit(&VisitForm {
            company_id: a.clone(),
            content: "야간 교대 인력 2명 추가 요청".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(row.occurred_on, "2026-11-25", "today by default");
    assert_eq!(row.summary, "현장방문 · 반월국가산업단지");
    let detail = d.company_detail(&a).unwrap();
    assert_eq!(detail.events.len(), 1);
    assert_eq!(detail.vacancies.len(), 1);
}

/// A new vacancy form of 도약정밀 (반월국가산업단지, 안산시 단원구).
fn vacancy_in_banwol(d: &mut Desk) -> VacancyForm {
    let a = d
        .save_company_form(&company_form(
            d,
            "도약정밀",
            "220-81-62517",
            "반월국가산업단지",
        ))
        .unwrap();
    d.new_vacancy_form(&a).unwrap()
}

#[test]
fn the_posting_text_is_kept_and_checked_with_the_vacancys_own_facts() {
    let mut fx = new_desk();
    let d = &mut fx.desk;
    let mut v = vacancy_in_banwol(d);
    v.title = "생산직 사원".into();
    v.occupation = "89".into();
    v.headcount = "2".into();
    v.wage_monthly = "250".into();
    v.weekly_hours = "40".into();
    v.posting_text = "20~35세 여성 우대. 제품 포장과 라벨 부착, 출고 검수를 맡습니다.".into();
    let vid = d.save_vacancy_form(&v).unwrap();
    assert_eq!(
        d.vacancy_form(&vid).unwrap().posting_text,
        v.posting_text,
        "the 공고 본문 is kept with the vacancy"
    );
    let view = d.posting_check_view(&vid).unwrap();
    let codes: Vec<&str> = view.findings.iter().map(|f| f.code.as_str()).collect();
    // The wage (250만원) and hours (주 40시간) come from the vacancy's own
    // fields; the workplace from the company's 산업단지 (same 시군구).
    assert_eq!(codes, ["age_limit", "sex_preference"]);
    let age = view
        .findings
        .iter()
        .find(|f| f.code == "age_limit")
        .unwrap();
    assert_eq!(
        (age.field.as_deref(), age.start, age.end),
        (Some("description"), Some(0), Some(6)),
        "'20~35세' is the first six characters of the 공고 본문"
    );
    assert_eq!(view.score, 100 - 20 - 20);
    assert!(
        view.fields
            .iter()
            .any(|f| f.field == "work_hours" && f.text == "주 40시간")
    );

    // The draft from the vacancy's own fields, saved as the 공고 본문,
    // leaves only what the vacancy does not know, marked [확인 필요].
    let draft = d.posting_draft(&vid).unwrap();
    assert!(
        draft.contains("[도약정밀] 생산직 사원 모집 (2명)"),
        "{draft}"
    );
    assert!(draft.contains("- 임금: 월 250만원"), "{draft}");
    d.save_posting_text(&vid, &draft).unwrap();
    let codes: Vec<String> = d
        .posting_check_view(&vid)
        .unwrap()
        .findings
        .into_iter()
        .map(|f| f.code)
        .collect();
    assert!(
        !codes.is_empty() && codes.iter().all(|c| c == "placeholder_left"),
        "{codes:?}"
    );
    // A 공고 본문 over 10,000 characters is refused by its field, and the
    // saved one stays.
    let err = d.save_posting_text(&vid, &"가".repeat(10_001)).unwrap_err();
    assert_eq!(fields(&err), ["posting_text"]);
    assert_eq!(d.vacancy_form(&vid).unwrap().posting_text, draft);
}

#[test]
fn the_posting_text_goes_out_in_exports_and_comes_back_with_a_correction_import() {
    use doyak_app::{ExportFormat, ImportKind, ImportOptions};
    let mut fx = new_desk();
    let d = &mut fx.desk;
    let mut v = vacancy_in_banwol(d);
    v.title = "금형 조립원".into();
    v.occupation = "81".into();
    v.headcount = "1".into();
    v.posting_text = "금형 조립, 시운전 보조.\n월 290만원, 주 40시간".into();
    let vid = d.save_vacancy_form(&v).unwrap();
    for format in [ExportFormat::Csv, ExportFormat::Xlsx] {
        let (bytes, _) = d
            .export_with_purpose(
                ImportKind::Vacancies,
                format,
                doyak_app::ExportPurpose::Transfer,
                "",
                &doyak_app::CliIdentifiers::Plain,
            )
            .unwrap();
        // Cleared, then restored by importing the export as corrections:
        // the 공고본문 column is written and read back, line breaks and all.
        d.save_posting_text(&vid, "").unwrap();
        assert_eq!(d.vacancy_form(&vid).unwrap().posting_text, "");
        d.import(
            ImportKind::Vacancies,
            &bytes,
            ImportOptions {
                update: true,
                ..Default::default()
            },
            &mut |_, _| {},
        )
        .unwrap();
        assert_eq!(
            d.vacancy_form(&vid).unwrap().posting_text,
            v.posting_text,
            "{format:?}"
        );
    }
}
