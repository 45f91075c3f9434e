//! `doyak-bench --desk --seekers N`: the use cases behind the desk's screens
//! over a demo caseload of N seekers (no WebKit, no IPC): what the backend
//! costs per interaction, to set against the end-to-end figures of
//! scripts/bench-desk.sh.

use doyak_app::{Desk, NewCaseload, Passphrase, SeekerListQuery, SystemClock};
use std::sync::Arc;
use std::time::Instant;

pub(crate) fn ms(f: impl FnOnce()) -> f64 {
    let t = Instant::now();
    f();
    t.elapsed().as_secs_f64() * 1000.0
}

pub(crate) fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

/// A new caseload at `path` with a demo of `n` seekers (seed 7), and how
/// long the demo took to generate.
pub(crate) fn demo_caseload(path: &std::path::Path, pass: &Passphrase, n: u32) -> (Desk, f64) {
    let mut desk = Desk::create(
        path,
        pass,
        &NewCaseload {
            center_name: "벤치마크센터".into(),
            center_sigungu: Some("41273".into()),
        },
        Arc::new(SystemClock),
    )
    .unwrap_or_else(|e| crate::fail("create", e));
    let spec = desk
        .demo_spec(n, n / 8, 7)
        .unwrap_or_else(|e| crate::fail("spec", e));
    let took = ms(|| {
        desk.generate_demo(&spec, &mut |_, _| {})
            .map(drop)
            .unwrap_or_else(|e| crate::fail("demo", e))
    });
    (desk, took)
}

pub fn run(n: u32, runs: usize, keep: Option<std::path::PathBuf>) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| crate::fail("tempdir", e));
    let path = keep.unwrap_or_else(|| dir.path().join("desk.doyak"));
    let pass = Passphrase::new("벤치마크 암호 1234");
    let generate = if path.exists() {
        eprintln!("reusing {} (its own seeker count)", path.display());
        f64::NAN
    } else {
        demo_caseload(&path, &pass, n).1
    };

    let (mut open, mut today, mut first, mut pages, mut searches) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut summary, mut warm) = (Vec::new(), Vec::new());
    let (mut for_seeker, mut for_vacancy, mut pool) = (Vec::new(), Vec::new(), Vec::new());
    let mut diagnose = Vec::new();
    let (mut resume, mut resume_edit) = (Vec::new(), Vec::new());
    let mut attached: Vec<(String, String)> = Vec::new();
    let mut report = Vec::new();
    let mut assignment = Vec::new();
    let (mut quick, mut seeker_page) = (Vec::new(), Vec::new());
    let (mut firm_tab, mut all_firms, mut firm_programs, mut firm_report) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut kpi_facts, mut kpi_year) = (Vec::new(), Vec::new());
    let mut firms_diagnosed = 0usize;
    for _ in 0..runs {
        let mut opened = None;
        open.push(ms(|| {
            opened = Some(
                Desk::open(&path, &pass, Arc::new(SystemClock))
                    .unwrap_or_else(|e| crate::fail("open", e)),
            );
        }));
        let Some(mut desk) = opened else { return };
        let query = |text: &str, offset: u32| SeekerListQuery {
            text: text.into(),
            offset,
            limit: 50,
            ..Default::default()
        };
        summary.push(ms(|| {
            drop(desk.summary().unwrap_or_else(|e| crate::fail("summary", e)))
        }));
        today.push(ms(|| {
            drop(desk.today().unwrap_or_else(|e| crate::fail("today", e)))
        }));
        first.push(ms(|| {
            drop(
                desk.seeker_list(&query("", 0))
                    .unwrap_or_else(|e| crate::fail("list", e)),
            )
        }));
        for page in 1..=5 {
            pages.push(ms(|| {
                drop(
                    desk.seeker_list(&query("", page * 50))
                        .unwrap_or_else(|e| crate::fail("page", e)),
                )
            }));
        }
        warm.push(ms(|| {
            desk.warm_up().unwrap_or_else(|e| crate::fail("warm up", e))
        }));
        for q in ["ㄱㅁㅅ", "김민", "ㅇㅈ", "박", "이영"] {
            searches.push(ms(|| {
                drop(
                    desk.seeker_list(&query(q, 0))
                        .unwrap_or_else(|e| crate::fail("search", e)),
                )
            }));
        }
        // 통합 검색 (Ctrl+K): seekers, companies and vacancies with totals.
        for q in ["김", "ㄱㅁ", "정밀", "용접", "이영"] {
            quick.push(ms(|| {
                drop(
                    desk.quick_search(q)
                        .unwrap_or_else(|e| crate::fail("quick search", e)),
                )
            }));
        }
        // 추천 일자리 for the first seekers on the list, 추천 인재 for the
        // first open vacancies: what opening those tabs costs.
        let seekers = desk
            .seeker_list(&query("", 0))
            .unwrap_or_else(|e| crate::fail("list", e));
        // The first one builds the match pool (every seeker in the program
        // and every open vacancy, decoded and indexed); the rest reuse it.
        if let Some(row) = seekers.items.get(5) {
            pool.push(ms(|| {
                drop(
                    desk.recommended_vacancies(&row.id)
                        .unwrap_or_else(|e| crate::fail("recommend vacancies", e)),
                )
            }));
        }
        // The seeker page itself (profile, case file with authors, 알선).
        for row in seekers.items.iter().take(5) {
            seeker_page.push(ms(|| {
                drop(
                    desk.seeker_detail(&row.id)
                        .unwrap_or_else(|e| crate::fail("seeker detail", e)),
                )
            }));
        }
        for row in seekers.items.iter().take(5) {
            for_seeker.push(ms(|| {
                drop(
                    desk.recommended_vacancies(&row.id)
                        .unwrap_or_else(|e| crate::fail("recommend vacancies", e)),
                )
            }));
        }
        // 진단 tab: one seeker against every occupation profile, with local
        // demand from the match pool's open vacancies and 비슷한 이전
        // 참여자 from every closed case.
        for row in seekers.items.iter().take(5) {
            diagnose.push(ms(|| {
                drop(
                    desk.diagnosis_view(&row.id)
                        .unwrap_or_else(|e| crate::fail("diagnose", e)),
                )
            }));
        }
        // 이력서 tab: a version of the seeker's résumé (hwpx, docx, txt
        // from the labelled set, attached once) analysed with the record's
        // flags, and the same text as an unsaved edit (the live re-run).
        if attached.is_empty() {
            let files = crate::resume::files();
            for (row, i) in seekers.items.iter().zip([3usize, 2, 0, 8, 13]) {
                let Some((name, bytes)) = files.get(i) else {
                    continue;
                };
                let file = dir.path().join(name);
                std::fs::write(&file, bytes).unwrap_or_else(|e| crate::fail("résumé file", e));
                let v = desk
                    .attach_resume(&row.id, &file)
                    .unwrap_or_else(|e| crate::fail("attach résumé", e));
                attached.push((row.id.clone(), v.id));
            }
        }
        for (seeker, file) in &attached {
            let mut text = String::new();
            resume.push(ms(|| {
                let view = desk
                    .resume_desk_view(seeker, file, None)
                    .unwrap_or_else(|e| crate::fail("résumé view", e));
                text = view.lines.join("\n");
            }));
            resume_edit.push(ms(|| {
                drop(
                    desk.resume_edit_view(seeker, file, &text, None)
                        .unwrap_or_else(|e| crate::fail("résumé edit", e)),
                )
            }));
        }
        // The seeker's report: the 진단 tab's view, the IAP, and the PDF
        // rendered with the bundled font.
        for row in seekers.items.iter().take(3) {
            report.push(ms(|| {
                drop(
                    desk.seeker_report(&row.id)
                        .unwrap_or_else(|e| crate::fail("report", e)),
                )
            }));
        }
        let vacancies = desk
            .vacancy_list(&doyak_app::VacancyListQuery {
                status: Some("open".into()),
                limit: 5,
                ..Default::default()
            })
            .unwrap_or_else(|e| crate::fail("vacancies", e));
        let mut refused = None;
        let t = ms(|| match desk.assignment_suggestions() {
            Ok(view) => drop(view),
            Err(e @ doyak_app::AppError::AssignmentTooLarge { .. }) => {
                refused = Some(e.to_string())
            }
            Err(e) => crate::fail("assignment", e),
        });
        match refused {
            None => assignment.push(t),
            Some(why) => eprintln!("배정 제안 refused after {t:.0} ms: {why}"),
        }
        for v in &vacancies.items {
            for_vacancy.push(ms(|| {
                drop(
                    desk.recommended_seekers(&v.id)
                        .unwrap_or_else(|e| crate::fail("recommend seekers", e)),
                )
            }));
        }
        // The company side: every firm with an open vacancy diagnosed (the
        // pool is built above), then one firm's 진단 tab, 지원사업 and report.
        all_firms.push(ms(|| {
            firms_diagnosed = desk
                .diagnose_all_companies()
                .unwrap_or_else(|e| crate::fail("diagnose all", e))
                .len();
        }));
        let firms: Vec<String> = vacancies
            .items
            .iter()
            .map(|v| v.company_id.clone())
            .collect();
        for firm in &firms {
            firm_tab.push(ms(|| {
                drop(
                    desk.company_diagnosis_view(firm)
                        .unwrap_or_else(|e| crate::fail("company diagnosis", e)),
                )
            }));
            firm_programs.push(ms(|| {
                drop(
                    desk.company_programs(firm, "", "")
                        .unwrap_or_else(|e| crate::fail("company programs", e)),
                )
            }));
        }
        if let Some(firm) = firms.first() {
            firm_report.push(ms(|| {
                drop(
                    desk.company_report(firm)
                        .unwrap_or_else(|e| crate::fail("company report", e)),
                )
            }));
        }
        // 성과: the facts read from the caseload alone, then every figure
        // of a year published (the facts read again inside).
        let year = (
            chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default(),
            chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap_or_default(),
        );
        kpi_facts.push(ms(|| {
            drop(
                desk.kpi_caseload(year.0, year.1)
                    .unwrap_or_else(|e| crate::fail("kpi facts", e)),
            )
        }));
        kpi_year.push(ms(|| {
            drop(
                desk.kpi_report("2026-01", "2026-12")
                    .unwrap_or_else(|e| crate::fail("kpi report", e)),
            )
        }));
    }
    println!("| use case ({n} seekers, {runs} runs, median) | figure |");
    println!("|---|---|");
    println!(
        "| generate the demo caseload (one transaction) | {:.0} ms |",
        generate
    );
    println!(
        "| open (key derivation + schema check) | {:.1} ms |",
        median(open)
    );
    println!(
        "| caseload summary (status bar) | {:.1} ms |",
        median(summary)
    );
    println!("| 오늘 할 일 (today) | {:.1} ms |", median(today));
    println!("| seeker list, first page | {:.1} ms |", median(first));
    println!("| seeker list, pages 2–6 | {:.1} ms |", median(pages));
    println!(
        "| search index build (after unlock, in the background) | {:.1} ms |",
        median(warm)
    );
    println!("| seeker search | {:.1} ms |", median(searches));
    println!(
        "| 통합 검색 (seekers, companies, vacancies) | {:.1} ms |",
        median(quick)
    );
    println!(
        "| seeker page (seeker_detail) | {:.1} ms |",
        median(seeker_page)
    );
    if assignment.is_empty() {
        println!(
            "| 배정 제안 (optimal caseload-wide assignment over the pool) | refused: too many pairs |"
        );
    } else {
        println!(
            "| 배정 제안 (optimal caseload-wide assignment over the pool) | {:.1} ms |",
            median(assignment)
        );
    }
    println!(
        "| first 추천 after opening (builds the match pool) | {:.1} ms |",
        median(pool)
    );
    println!(
        "| 추천 일자리 (one seeker against every open vacancy, top 20 with reasons) | {:.1} ms |",
        median(for_seeker)
    );
    println!(
        "| 진단 tab (one seeker against every occupation profile, local demand and closed cases included) | {:.1} ms |",
        median(diagnose)
    );
    println!(
        "| 이력서 tab (one version decrypted, read and analysed, record flags) | {:.1} ms |",
        median(resume)
    );
    println!(
        "| 이력서 tab, live re-run of an unsaved edit | {:.1} ms |",
        median(resume_edit)
    );
    println!(
        "| seeker report PDF (진단 view, IAP, rendered with the bundled font) | {:.1} ms |",
        median(report)
    );
    println!(
        "| 추천 인재 (one vacancy against every seeker in the program, top 20 with reasons) | {:.1} ms |",
        median(for_vacancy)
    );
    println!(
        "| 구인애로 진단 of every firm with an open vacancy ({firms_diagnosed} firms, pool built) | {:.1} ms |",
        median(all_firms)
    );
    println!(
        "| company 진단 tab (one firm: its vacancies diagnosed, visit form, history) | {:.1} ms |",
        median(firm_tab)
    );
    println!(
        "| company 지원사업 tab (every program on today's date) | {:.1} ms |",
        median(firm_programs)
    );
    println!(
        "| company report PDF (진단, 계획, 지원사업) | {:.1} ms |",
        median(firm_report)
    );
    println!(
        "| 성과: the figures' facts read from the caseload | {:.1} ms |",
        median(kpi_facts)
    );
    println!(
        "| 성과: every figure of 2026 with its cuts, published | {:.1} ms |",
        median(kpi_year)
    );
}
