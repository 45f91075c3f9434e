//! The 이력서 tab on the demo caseload: a .hwpx and a .pdf résumé attached,
//! the analysis beside the marked text, suggestions taken up or set aside,
//! a live edit saved as a new version, a held certificate confirmed into
//! the record so that 추천 일자리 then offers the jobs that require it, the
//! keyword gap against a vacancy, the PDF report and the consulting saved
//! as a case event.

use crate::{Desk, choose, click, open_demo, shot, type_into, wait_text};
use serde_json::json;

/// The 자격증 line the PDF résumé states as held: the demo's 지게차 jobs
/// require it and the chosen seeker's record lacks it.
const FORKLIFT: &str = "지게차운전기능사";

fn pdf_resume() -> Vec<u8> {
    let lines = [
        "이력서",
        "인적사항",
        "성명: 신숙자 / 연락처: 010-0000-1234",
        "경력",
        "2019.06 ~ 2023.12 (주)한빛가상물류 물류센터 상하차 사원",
        "지게차 상하차 및 재고 관리",
        "자격증",
        "지게차운전기능사 2019.05 취득",
        "제1종 보통 운전면허 보유",
    ];
    let document = doyak_report::Document {
        title: "이력서".into(),
        subtitle: None,
        meta: Vec::new(),
        blocks: lines
            .iter()
            .map(|l| doyak_report::Block::Paragraph((*l).into()))
            .collect(),
        footer: "도약 e2e".into(),
    };
    doyak_report::render_pdf(&document).expect("the report writer renders a PDF with a text layer")
}

/// The vacancies (title and company) 추천 일자리 shows, once it has
/// answered.
fn recommended(s: &crate::webdriver::Session) -> Vec<String> {
    click(s, "#tab-recommend");
    s.wait("the recommendations", || {
        if s.find_all("#rec-summary")?.is_empty() {
            return Ok(None);
        }
        Ok(Some(s.texts("li.rec .rec-title")?))
    })
    .unwrap()
}

/// The number of 이력서 versions listed.
fn versions(s: &crate::webdriver::Session) -> usize {
    s.find_all("#resume-version option").unwrap().len()
}

#[test]
fn a_hwpx_and_a_pdf_are_analysed_a_certificate_is_confirmed_and_matching_uses_it() {
    // 신숙자 is a seeker of the demo as of that day.
    let desk = Desk::start_demo_as_of(Some("2026-12-04"));
    let s = open_demo(&desk);
    let hwpx = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../crates/doyak-resume/tests/labelled/files/38-sachul-young-hwpx.hwpx");
    let pdf = desk.dir.path().join("이력서-신숙자.pdf");
    std::fs::write(&pdf, pdf_resume()).unwrap();

    // A seeker of the demo with no certificate on the record.
    click(&s, "#nav-seekers");
    wait_text(&s, "#seeker-count", "명");
    type_into(&s, "#seeker-search", "신숙자");
    s.wait("the search", || {
        let names = s.texts("#seeker-rows td.name")?;
        Ok((!names.is_empty() && names.iter().all(|n| n.contains("신숙자"))).then_some(()))
    })
    .unwrap();
    click(&s, "#seeker-rows td.name button");
    wait_text(&s, "#seeker-title", "신숙자");
    let before = recommended(&s);

    // The .hwpx: tables, split runs; 사내 지게차 교육 is a course, not the
    // licence, and 화학분석기능사 is only a 필기 pass.
    click(&s, "#tab-resume");
    wait_text(&s, "#resume-empty", "암호화되어 이 데스크에만");
    type_into(&s, "#resume-path", &hwpx.display().to_string());
    click(&s, "#resume-attach");
    wait_text(&s, "#resume-score", "점");
    let certs = wait_text(&s, "#resume-certs", "위험물기능사");
    assert!(certs.contains("필기 합격"), "{certs}");
    assert!(!certs.contains(FORKLIFT), "a course is no licence: {certs}");
    let jobs = wait_text(&s, "#resume-jobs", "(주)가상화장품");
    assert!(jobs.contains("재직 중"), "{jobs}");
    assert!(
        s.find_all("#resume-text mark.cert").unwrap().len() >= 2,
        "the certificates are marked in the text"
    );
    // Take up the first suggestion, set the second aside.
    let suggestions = s.find_all("#resume-suggestions li").unwrap();
    assert!(suggestions.len() >= 2, "the hwpx gives suggestions");
    click(&s, "#resume-suggestions li:nth-child(1) button.accept");
    click(&s, "#resume-suggestions li:nth-child(2) button.hold");
    wait_text(&s, "#resume-decided", "수용 1 · 보류 1");
    shot(&s, "70-resume-hwpx");
    type_into(&s, "#resume-note", "자격증 사본은 다음 상담에 지참");
    click(&s, "#resume-save-consulting");
    wait_text(&s, "#resume-status", "컨설팅 기록을 저장했습니다");
    // The tab's own case file lists it: the version, the score, what was
    // taken up.
    let record = wait_text(&s, "#panel-resume ol.timeline", "보류:");
    assert!(
        record.contains("1번째 판 ·") && record.contains("수용:"),
        "{record}"
    );

    // The .pdf as the next version: the licence is held, so it can go into
    // the record.
    type_into(&s, "#resume-path", &pdf.display().to_string());
    click(&s, "#resume-attach");
    s.wait("the second version", || {
        Ok((versions(&s) == 2).then_some(()))
    })
    .unwrap();
    wait_text(&s, "#resume-certs", FORKLIFT);
    let row = s
        .script(
            "return Array.from(document.querySelectorAll('#resume-certs tbody tr'))\
               .find(r => r.textContent.includes(arguments[0])).textContent;",
            json!([FORKLIFT]),
        )
        .unwrap();
    assert!(
        row.as_str().unwrap().contains("보유"),
        "the licence's own row: {row}"
    );
    let index = s
        .script(
            "return Array.from(document.querySelectorAll('#resume-certs tbody tr'))\
               .find(r => r.textContent.includes(arguments[0]))\
               .querySelector('input[data-cert]').dataset.cert;",
            json!([FORKLIFT]),
        )
        .unwrap();
    let index = index.as_str().unwrap().to_owned();
    click(&s, &format!("#resume-certs input[data-cert='{index}']"));
    click(&s, "#resume-confirm");
    wait_text(&s, "#resume-status", "자격 1건");
    wait_text(&s, "#resume-certs", "기록에 있음");
    shot(&s, "71-resume-pdf-confirmed");

    // A live edit: a measured result raises the score before anything is
    // saved; saved, it is the third version.
    let score = |s: &crate::webdriver::Session| -> u32 {
        s.texts("#resume-score .score-value, #resume-score strong")
            .unwrap()
            .join("")
            .chars()
            .take_while(|c| c.is_ascii_digit())
            .collect::<String>()
            .parse()
            .unwrap_or(0)
    };
    let was = score(&s);
    click(&s, "#resume-edit");
    // The result belongs under the job it was achieved in: the page's own
    // input event, as typing there would fire it.
    s.script(
        "const t = document.getElementById('resume-editor'); \
         t.value = t.value.replace('재고 관리', '재고 관리, 재고 오차율 12% 감소'); \
         t.dispatchEvent(new Event('input', { bubbles: true })); return null;",
        json!([]),
    )
    .unwrap();
    wait_text(&s, "#resume-dirty", "저장 안 된 수정");
    s.wait("the live re-run", || Ok((score(&s) > was).then_some(())))
        .unwrap();
    wait_text(&s, "#resume-achievements", "12% 감소");
    shot(&s, "72-resume-live-edit");
    click(&s, "#resume-save-edit");
    s.wait(
        "the third version",
        || Ok((versions(&s) == 3).then_some(())),
    )
    .unwrap();

    // Against a vacancy: the keyword gap table lists the posting's words.
    let first_vacancy = s
        .script(
            "const o = document.querySelector('#resume-vacancy option:not([value=\"\"])'); return o ? o.value : null;",
            json!([]),
        )
        .unwrap();
    let vacancy = first_vacancy
        .as_str()
        .expect("the picker offers a vacancy")
        .to_owned();
    choose(&s, "resume-vacancy", &vacancy);
    s.wait("the keyword gap rows", || {
        Ok((!s.find_all("#resume-keywords tbody tr")?.is_empty()).then_some(()))
    })
    .unwrap();
    shot(&s, "73-resume-keyword-gap");

    // The report: a new PDF whose Korean text reads back.
    click(&s, "#resume-pdf");
    wait_text(&s, "#resume-status", "저장했습니다");
    let downloads = desk.dir.path().join("downloads");
    let report = std::fs::read_dir(&downloads)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "pdf"))
        .expect("a PDF in the download folder");
    let out = std::process::Command::new("pdftotext")
        .arg("-raw")
        .arg(&report)
        .arg("-")
        .output()
        .expect("pdftotext runs (install poppler-utils)");
    let text: String = String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains(FORKLIFT), "{text}");

    // Matching now offers the jobs that require the confirmed licence.
    let after = recommended(&s);
    let new: Vec<&String> = after.iter().filter(|r| !before.contains(r)).collect();
    assert!(
        new.iter().any(|r| r.contains("지게차")),
        "a 지게차 job appears once the licence is on the record: {new:?}"
    );
    shot(&s, "74-resume-recommendations-after");
}
