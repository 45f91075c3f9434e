//! Integration tests of doyak-interchange through its public API only: real
//! files built in memory (CP949, UTF-16, XLSX), malformed input, round trips.

#![allow(clippy::unwrap_used)]

mod csv;
mod errors;
mod round_trip;
mod xlsx;

use std::fmt::Write as _;

use doyak_interchange::Table;

/// A table as text for snapshots: one line per row or problem, in file order
/// within each group.
fn render(table: &Table) -> String {
    let mut out = format!(
        "{:?} {:?}\nheaders: {:?}\n",
        table.format, table.encoding, table.headers
    );
    for row in &table.rows {
        writeln!(out, "{:>3}: {:?}", row.line, row.cells).unwrap();
    }
    for problem in &table.problems {
        let column = problem
            .column
            .map_or(String::new(), |column| format!(" col {column}"));
        writeln!(out, "{:>3}!{column}: {}", problem.line, problem.reason).unwrap();
    }
    out
}

fn strings(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|&cell| cell.to_owned()).collect()
}
