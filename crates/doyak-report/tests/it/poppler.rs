//! Running poppler's command-line tools (poppler-utils) on rendered bytes.
//! A missing tool fails the test with how to install it: CI installs it, and
//! a skipped check would pass silently.

use std::io::Write;
use std::process::Command;

/// Writes `pdf` to a temporary file and runs `tool` with `args`, in which
/// `PDF` stands for the file's path; returns standard output.
pub fn run(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let mut file = tempfile::Builder::new()
        .suffix(".pdf")
        .tempfile()
        .expect("a temporary file for the PDF");
    file.write_all(pdf)
        .expect("the PDF is written to the temporary file");
    let output = Command::new(tool)
        .args(args.iter().map(|a| {
            if *a == "PDF" {
                file.path().as_os_str()
            } else {
                a.as_ref()
            }
        }))
        .output()
        .unwrap_or_else(|error| {
            panic!(
                "{tool} could not be run ({error}): install poppler-utils \
                 (apt-get install poppler-utils) — these tests read the PDF back with it"
            )
        });
    assert!(
        output.status.success(),
        "{tool} {args:?} failed on the rendered PDF: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("poppler writes UTF-8")
}

/// The page count `pdfinfo` reads.
pub fn page_count(pdf: &[u8]) -> usize {
    let info = run("pdfinfo", &["PDF"], pdf);
    info.lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("pdfinfo reports a page count:\n{info}"))
}

/// `pdfinfo`'s value for `key` ("Title", "Page size" …).
pub fn info(pdf: &[u8], key: &str) -> String {
    let info = run("pdfinfo", &["PDF"], pdf);
    let prefix = format!("{key}:");
    info.lines()
        .find_map(|line| line.strip_prefix(&prefix))
        .map(|value| value.trim().to_owned())
        .unwrap_or_else(|| panic!("pdfinfo reports {key}:\n{info}"))
}

/// The text of page `page` (1-based) as `pdftotext` reads it, in `mode`
/// ("-layout" or "-raw").
pub fn page_text(pdf: &[u8], page: usize, mode: &str) -> String {
    let page = page.to_string();
    // "-" sends the text to standard output instead of a file beside the PDF.
    run(
        "pdftotext",
        &[mode, "-f", &page, "-l", &page, "PDF", "-"],
        pdf,
    )
    .replace('\u{c}', "")
}

/// The whole document's text with `pdftotext -layout`.
pub fn text(pdf: &[u8]) -> String {
    run("pdftotext", &["-layout", "PDF", "-"], pdf)
}
