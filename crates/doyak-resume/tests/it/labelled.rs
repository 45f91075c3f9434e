//! The labelled résumé set (tests/labelled: 43 files written and labelled
//! apart from the engine, in txt of four encodings, docx and hwpx):
//! precision and recall per field, against the goals of issue 17
//! (sections and certificates ≥ 0.95, employments ≥ 0.90). The figures go
//! to docs/benchmarks.md; `cargo test -p doyak-resume --test it labelled
//! -- --nocapture` prints them and every miss.

use std::path::Path;

use doyak_resume::{Options, YearMonth, analyse, read::read_document, text::compact};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Label {
    file: String,
    as_of: String,
    sections: std::collections::BTreeMap<String, bool>,
    certificates: Vec<CertLabel>,
    employments: Vec<JobLabel>,
    experience_months: u32,
    achievements: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct CertLabel {
    national: Option<String>,
    name: String,
    status: String,
}

#[derive(Debug, Deserialize)]
struct JobLabel {
    company: Option<String>,
    title: Option<String>,
    start: String,
    end: Option<String>,
}

#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    tp: u32,
    fp: u32,
    r#fn: u32,
}

impl Tally {
    fn precision(self) -> f64 {
        f64::from(self.tp) / f64::from((self.tp + self.fp).max(1))
    }
    fn recall(self) -> f64 {
        f64::from(self.tp) / f64::from((self.tp + self.r#fn).max(1))
    }
    fn line(self, name: &str) -> String {
        format!(
            "{name}: precision {:.3} recall {:.3} (tp {}, fp {}, fn {})",
            self.precision(),
            self.recall(),
            self.tp,
            self.fp,
            self.r#fn
        )
    }
}

/// Keys a certificate is compared by: the national name, or the written
/// name without spaces (a private or language credential).
fn cert_key(national: Option<&str>, name: &str) -> String {
    national.map_or_else(|| format!("~{}", compact(name)), compact)
}

fn same_credential(a: &str, b: &str) -> bool {
    a == b || (a.starts_with('~') && b.starts_with('~') && (a.starts_with(b) || b.starts_with(a)))
}

pub struct Figures {
    pub lines: Vec<String>,
    pub sections: (f64, f64),
    pub certificates: (f64, f64),
    pub employments: (f64, f64),
}

pub fn evaluate(set: &str, print_misses: bool) -> Figures {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(set);
    let labels: Vec<Label> =
        serde_json::from_slice(&std::fs::read(dir.join("labels.json")).expect("labels.json"))
            .expect("labels parse");
    let (
        mut sections,
        mut certs,
        mut certs_status,
        mut jobs,
        mut companies,
        mut titles,
        mut achievements,
    ) = (
        Tally::default(),
        Tally::default(),
        Tally::default(),
        Tally::default(),
        Tally::default(),
        Tally::default(),
        Tally::default(),
    );
    let mut months_exact = 0;
    for label in &labels {
        let bytes = std::fs::read(dir.join(&label.file)).expect("labelled file");
        let document =
            read_document(&label.file, &bytes).unwrap_or_else(|e| panic!("{}: {e}", label.file));
        let options = Options {
            as_of: YearMonth::parse(&label.as_of).expect("as_of"),
            industry: None,
            vacancy: None,
        };
        let a = analyse(&document, &options);
        let miss = |what: String| {
            if print_misses {
                println!("{}: {what}", label.file);
            }
        };
        for s in &a.sections {
            let want = label.sections.get(s.name).copied().unwrap_or(false);
            match (s.present, want) {
                (true, true) => sections.tp += 1,
                (true, false) => {
                    sections.fp += 1;
                    miss(format!("section {} found, not labelled", s.name));
                }
                (false, true) => {
                    sections.r#fn += 1;
                    miss(format!("section {} missed", s.name));
                }
                _ => {}
            }
        }
        // Certificates.
        let found: Vec<(String, String)> = a
            .certificates
            .iter()
            .map(|c| {
                (
                    cert_key(c.national.as_deref(), &c.name),
                    serde_json::to_value(c.status)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned))
                        .unwrap_or_default(),
                )
            })
            .collect();
        let wanted: Vec<(String, String)> = label
            .certificates
            .iter()
            .map(|c| (cert_key(c.national.as_deref(), &c.name), c.status.clone()))
            .collect();
        for (k, st) in &found {
            match wanted.iter().find(|(w, _)| same_credential(w, k)) {
                Some((_, ws)) => {
                    certs.tp += 1;
                    if ws == st {
                        certs_status.tp += 1;
                    } else {
                        certs_status.fp += 1;
                        certs_status.r#fn += 1;
                        miss(format!("certificate {k}: status {st}, labelled {ws}"));
                    }
                }
                None => {
                    certs.fp += 1;
                    certs_status.fp += 1;
                    miss(format!("certificate {k} ({st}) found, not labelled"));
                }
            }
        }
        for (w, ws) in &wanted {
            if !found.iter().any(|(k, _)| same_credential(w, k)) {
                certs.r#fn += 1;
                certs_status.r#fn += 1;
                miss(format!("certificate {w} ({ws}) missed"));
            }
        }
        // Employments: the same start and end.
        let mut unmatched: Vec<&JobLabel> = label.employments.iter().collect();
        for e in &a.employments {
            let (s, en) = (e.start.to_string(), e.end.map(|x| x.to_string()));
            match unmatched.iter().position(|j| j.start == s && j.end == en) {
                Some(i) => {
                    let j = unmatched.remove(i);
                    jobs.tp += 1;
                    let eq = |a: &Option<String>, b: &Option<String>| {
                        a.as_deref().map(compact) == b.as_deref().map(compact)
                    };
                    if eq(&e.company, &j.company) {
                        companies.tp += 1;
                    } else {
                        companies.fp += 1;
                        companies.r#fn += 1;
                        miss(format!(
                            "employment {s}: company {:?}, labelled {:?}",
                            e.company, j.company
                        ));
                    }
                    if eq(&e.title, &j.title) {
                        titles.tp += 1;
                    } else {
                        titles.fp += 1;
                        titles.r#fn += 1;
                        miss(format!(
                            "employment {s}: title {:?}, labelled {:?}",
                            e.title, j.title
                        ));
                    }
                }
                None => {
                    jobs.fp += 1;
                    miss(format!(
                        "employment {s}~{en:?} {:?} found, not labelled",
                        e.company
                    ));
                }
            }
        }
        for j in unmatched {
            jobs.r#fn += 1;
            miss(format!(
                "employment {}~{:?} {:?} missed",
                j.start, j.end, j.company
            ));
        }
        if a.experience_months == label.experience_months {
            months_exact += 1;
        } else {
            miss(format!(
                "experience {} months, labelled {}",
                a.experience_months, label.experience_months
            ));
        }
        // Achievements: a found clause holds a labelled one or the reverse.
        let found: Vec<String> = a.achievements.iter().map(|x| compact(&x.text)).collect();
        let wanted: Vec<String> = label.achievements.iter().map(|x| compact(x)).collect();
        for f in &found {
            if wanted
                .iter()
                .any(|w| f.contains(w.as_str()) || w.contains(f.as_str()))
            {
                achievements.tp += 1;
            } else {
                achievements.fp += 1;
                miss(format!("achievement found, not labelled: {f}"));
            }
        }
        for w in &wanted {
            if !found
                .iter()
                .any(|f| f.contains(w.as_str()) || w.contains(f.as_str()))
            {
                achievements.r#fn += 1;
                miss(format!("achievement missed: {w}"));
            }
        }
    }
    let lines = vec![
        format!("{} files", labels.len()),
        sections.line("sections"),
        certs.line("certificates (which)"),
        certs_status.line("certificates (which and status)"),
        jobs.line("employments (start and end)"),
        companies.line("employment company (of matched)"),
        titles.line("employment title (of matched)"),
        achievements.line("achievements"),
        format!("experience months exact: {months_exact}/{}", labels.len()),
    ];
    Figures {
        lines,
        sections: (sections.precision(), sections.recall()),
        certificates: (certs_status.precision(), certs_status.recall()),
        employments: (jobs.precision(), jobs.recall()),
    }
}

#[test]
fn the_labelled_set_meets_the_accuracy_goals() {
    let f = evaluate("labelled", true);
    for line in &f.lines {
        println!("{line}");
    }
    // Issue 17: ≥ 0.95 for sections and certificates (with their status),
    // ≥ 0.90 for employments.
    assert!(
        f.sections.0 >= 0.95 && f.sections.1 >= 0.95,
        "sections {:?}",
        f.sections
    );
    assert!(
        f.certificates.0 >= 0.95 && f.certificates.1 >= 0.95,
        "certificates {:?}",
        f.certificates
    );
    assert!(
        f.employments.0 >= 0.90 && f.employments.1 >= 0.90,
        "employments {:?}",
        f.employments
    );
}

#[test]
fn the_held_out_set_stays_above_its_floor() {
    // tests/heldout was written after the engine was tuned and is never
    // tuned on: its figures are the honest ones (docs/benchmarks.md). The
    // floor below is a regression guard set under the first measurement,
    // not the goal.
    let f = evaluate("heldout", true);
    for line in &f.lines {
        println!("{line}");
    }
    assert!(
        f.sections.0 >= FLOOR.0 && f.sections.1 >= FLOOR.0,
        "sections {:?}",
        f.sections
    );
    assert!(
        f.certificates.0 >= FLOOR.1 && f.certificates.1 >= FLOOR.1,
        "certificates {:?}",
        f.certificates
    );
    assert!(
        f.employments.0 >= FLOOR.2 && f.employments.1 >= FLOOR.2,
        "employments {:?}",
        f.employments
    );
}

/// Held-out floors: sections, certificates (with status), employments.
const FLOOR: (f64, f64, f64) = (0.95, 0.90, 0.95);
