//! `doyak report --from YYYY-MM --to YYYY-MM`: every figure of docs/kpi.md
//! as JSON, with no cell of 1–4 ever printed, and Korean refusals.

use crate::*;
use doyak_domain::SeekerStatus;
use serde_json::Value;

#[test]
fn the_figures_come_out_as_json_with_every_small_cell_hidden() {
    let env = Env::new();
    let db = demo_300(&env);
    let enrolled = {
        let store = doyak_store::Store::open(&db, &doyak_store::Passphrase::new(PASS)).unwrap();
        store
            .seekers_with_status(&SeekerStatus::ALL)
            .unwrap()
            .iter()
            .filter(|s| s.enrolled_on.is_some())
            .count()
    };
    // A period around every date the demo can hold, so the run's own
    // clock does not matter.
    let out = env.ok(&db, &["report", "--from", "2000-01", "--to", "2099-12"]);
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["format"], "doyak.kpi");
    assert_eq!(r["version"], 1);
    let figures = r["figures"].as_array().unwrap();
    assert_eq!(figures.len(), doyak_kpi::FIGURES.len());
    let by_id = |id: &str| figures.iter().find(|f| f["id"] == id).unwrap();
    // Every seeker with a 참여일 joined inside the period.
    assert!(enrolled >= 5, "the demo enrols people");
    assert_eq!(by_id("seekers_new")["total"]["n"], enrolled as u64);
    assert_eq!(by_id("seekers_new")["label_ko"], "신규 참여자");
    // Nothing resting on 1–4 units is printed, anywhere.
    let mut shown = 0;
    let mut hidden = 0;
    for f in figures {
        let mut cells = vec![&f["total"]];
        for cut in f["cuts"].as_array().unwrap() {
            cells.extend(cut["rows"].as_array().unwrap());
        }
        for c in cells {
            if c["suppressed"] == true {
                assert!(c["n"].is_null() && c["value"].is_null(), "{c}");
                // Why: under 5 ("small") or hidden beside one ("protect").
                assert!(c["hidden"] == "small" || c["hidden"] == "protect", "{c}");
                hidden += 1;
            } else {
                let n = c["n"].as_u64().unwrap();
                assert!(n == 0 || n >= 5, "{}: {c}", f["id"]);
                shown += 1;
            }
        }
    }
    assert!(shown > 0 && hidden > 0, "a 300-seeker demo has both");

    // -o writes a new file, never over one.
    let path = env.dir.path().join("성과.json");
    let arg = path.to_string_lossy().to_string();
    env.ok(
        &db,
        &["report", "--from", "2026-01", "--to", "2026-03", "-o", &arg],
    );
    let again = env.run(
        &db,
        PASS,
        &["report", "--from", "2026-01", "--to", "2026-03", "-o", &arg],
    );
    assert!(!again.status.success());
    assert!(
        stderr(&again).contains("파일을 쓸 수 없습니다"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn the_figures_come_out_as_a_workbook_of_numbers_read_back_with_calamine() {
    use calamine::{Data, Reader, Xlsx};
    let env = Env::new();
    let db = demo_300(&env);
    let path = env.dir.path().join("성과.xlsx");
    let arg = path.to_string_lossy().to_string();
    env.ok(
        &db,
        &[
            "report", "--from", "2000-01", "--to", "2099-12", "--format", "xlsx", "-o", &arg,
        ],
    );
    let json: Value = serde_json::from_slice(
        &env.ok(&db, &["report", "--from", "2000-01", "--to", "2099-12"])
            .stdout,
    )
    .unwrap();
    let mut book: Xlsx<_> = calamine::open_workbook(&path).unwrap();
    let names = book.sheet_names();
    assert_eq!(names[0], "지표");
    for cut in ["월", "상담사", "대상 집단", "유형", "시군구"] {
        assert!(
            names.iter().any(|n| n == cut),
            "a sheet per cut: {cut} in {names:?}"
        );
    }
    let main = book.worksheet_range("지표").unwrap();
    let header: Vec<String> = main
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(header, ["id", "구분", "지표", "단위", "n", "값", "정의"]);
    // One row per figure, in the JSON's order, with the JSON's n as a number.
    let rows: Vec<&[Data]> = main.rows().skip(1).collect();
    assert_eq!(rows.len(), doyak_kpi::FIGURES.len());
    let new = rows
        .iter()
        .find(|r| r[0] == Data::String("seekers_new".into()))
        .unwrap();
    let n = json["figures"][0]["total"]["n"].as_f64().unwrap();
    assert_eq!(new[4], Data::Float(n), "n is a number, not text");
    // Every hidden cell of every sheet reads "5… 미만" (under 5) or
    // "비공개" (hidden beside one) with no value, a withheld cut says so in
    // one row, and every shown n is 0 or 5 up.
    let mut hidden = 0;
    for name in &names {
        let range = book.worksheet_range(name).unwrap();
        let n_col = if name == "지표" { 4 } else { 3 };
        for row in range.rows().skip(1) {
            match &row[n_col] {
                Data::Empty
                    if name != "지표" && row[2].to_string().starts_with("(구분 전체 비공개") =>
                    {}
                Data::String(t) => {
                    assert!(
                        (t.starts_with('5') && t.ends_with("미만")) || t == "비공개",
                        "{name}: {t}"
                    );
                    assert!(
                        matches!(row[n_col + 1], Data::Empty),
                        "{name}: no value beside it"
                    );
                    hidden += 1;
                }
                Data::Float(n) => assert!(*n == 0.0 || *n >= 5.0, "{name}: {n}"),
                other => panic!("{name}: n is {other:?}"),
            }
        }
    }
    assert!(hidden > 0);
    // A workbook needs its file.
    let out = env.run(
        &db,
        PASS,
        &[
            "report", "--from", "2026-01", "--to", "2026-03", "--format", "xlsx",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--output"), "{}", stderr(&out));
}

#[test]
fn a_bad_period_is_refused_in_korean() {
    let env = Env::new();
    let db = env.init("empty.doyak");
    for (from, to, says) in [
        ("2026-13", "2026-12", "2026-03처럼"),
        ("2026-3", "2026-12", "2026-03처럼"),
        ("2026-06", "2026-01", "늦습니다"),
    ] {
        let out = env.run(&db, PASS, &["report", "--from", from, "--to", to]);
        assert!(!out.status.success(), "{from}..{to}");
        assert!(
            stderr(&out).contains(says),
            "{from}..{to}: {}",
            stderr(&out)
        );
        assert!(out.stdout.is_empty(), "nothing half-written");
    }
    // --from alone asks for --to.
    let out = env.run(&db, PASS, &["report", "--from", "2026-01"]);
    assert!(!out.status.success());
    // A PDF report still needs its file.
    let out = env.run(
        &db,
        PASS,
        &["report", "--seeker", "01900000-0000-7000-8000-000000000000"],
    );
    assert!(stderr(&out).contains("--output"), "{}", stderr(&out));
}

#[test]
fn the_figures_come_out_as_a_pdf_report_in_korean_with_small_cells_hidden() {
    let env = Env::new();
    let db = demo_300(&env);
    let path = env.dir.path().join("성과.pdf");
    let arg = path.to_string_lossy().to_string();
    // Without -o a PDF has nowhere to go.
    let refused = env.run(
        &db,
        PASS,
        &[
            "report", "--from", "2026-01", "--to", "2026-12", "--format", "pdf",
        ],
    );
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("--output"),
        "{}",
        stderr(&refused)
    );
    env.ok(
        &db,
        &[
            "report", "--from", "2026-01", "--to", "2026-12", "--format", "pdf", "-o", &arg,
        ],
    );
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"%PDF"), "a PDF");
    let text = std::process::Command::new("pdftotext")
        .args([arg.as_str(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is installed by scripts/setup.sh");
    let text = String::from_utf8_lossy(&text.stdout);
    // Korean text from the bundled font, the sections, the period.
    for want in [
        "성과 보고서",
        "구직자 지표",
        "기업 지표",
        "신규 참여자",
        "2026-01 ~ 2026-12",
        "지표의 정의",
    ] {
        assert!(text.contains(want), "{want} in the PDF:\n{text}");
    }
    // The JSON of the same period hides some cells: the PDF says so where
    // they stand, and prints none of their numbers as shown.
    let json: Value = serde_json::from_slice(
        &env.ok(&db, &["report", "--from", "2026-01", "--to", "2026-12"])
            .stdout,
    )
    .unwrap();
    let hidden_somewhere = json["figures"].as_array().unwrap().iter().any(|f| {
        f["cuts"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["cut"] == "counselor" || c["cut"] == "month")
            .any(|c| {
                c["rows"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|r| r["suppressed"] == true)
            })
    });
    if hidden_somewhere {
        // The closing note names each reading once; a hidden cell adds one.
        let readings = text.matches("미만").count() + text.matches("비공개").count();
        assert!(
            readings > 2,
            "hidden cells read 5… 미만 or 비공개 where they stand:\n{text}"
        );
    }
    let new = json["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "seekers_new")
        .unwrap();
    if let Some(n) = new["total"]["n"].as_u64() {
        assert!(
            text.contains(&format!("{n}명")),
            "the total {n}명 is printed"
        );
    }
}
