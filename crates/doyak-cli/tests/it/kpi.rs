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
