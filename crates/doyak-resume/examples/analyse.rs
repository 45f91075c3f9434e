//! Prints the analysis of a résumé file (development aid; `SHOW_LINES=1`
//! prints the lines the engine reads first, to stdout like the rest):
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
    let as_of = args
        .get(2)
        .and_then(|s| doyak_resume::YearMonth::parse(s))
        .unwrap_or(doyak_resume::YearMonth {
            year: 2026,
            month: 12,
        });
    let document = doyak_resume::read::read_document(path, &bytes).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2)
    });
    if std::env::var_os("SHOW_LINES").is_some() {
        for (i, l) in doyak_resume::text::lines(&document).iter().enumerate() {
            println!("{i:3} {:?}", l.text);
        }
    }
    let options = doyak_resume::Options {
        as_of,
        industry: None,
        vacancy: None,
    };
    let analysis = doyak_resume::analyse(&document, &options);
    println!(
        "{}",
        serde_json::to_string_pretty(&analysis).unwrap_or_default()
    );
}
