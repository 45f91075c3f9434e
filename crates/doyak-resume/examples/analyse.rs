//! Prints the analysis of a text file (development aid):
//! `cargo run -p doyak-resume --example analyse -- FILE [YYYY-MM]`.

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: analyse FILE [YYYY-MM]");
        std::process::exit(2);
    };
    let bytes = std::fs::read(path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2)
    });
    let text = String::from_utf8_lossy(&bytes);
    let as_of = args
        .get(2)
        .and_then(|s| doyak_resume::YearMonth::parse(s))
        .unwrap_or(doyak_resume::YearMonth {
            year: 2026,
            month: 12,
        });
    let analysis = doyak_resume::analyse_text(
        &text,
        &doyak_resume::Options {
            as_of,
            industry: None,
            vacancy: None,
        },
    );
    println!(
        "{}",
        serde_json::to_string_pretty(&analysis).unwrap_or_default()
    );
}
