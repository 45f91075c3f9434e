//! The formula-injection guard for CSV: a leading `'` that keeps spreadsheet
//! programs from running a cell as a formula, added on export and removed on
//! import so the two round-trip.
//!
//! # The rule
//!
//! A cell *needs the guard* when it starts with `=`, `+`, `-`, `@`, a tab or a
//! carriage return, because Excel and LibreOffice may then evaluate it
//! (`=HYPERLINK(...)`, `@SUM(...)`, `-2+3+cmd|' /C calc'!A0`). Exempt are cells
//! starting with `+` or `-` made only of digits, `+`, `-`, `.`, `,`, spaces and
//! parentheses: numbers such as `-5` or `-1,000.5` and phone numbers such as
//! `+82 (10) 1234-5678`. Without letters they can neither call a function nor
//! refer to a cell, so they are harmless and stay as typed.
//!
//! The writer prefixes `'` to every cell that needs the guard, and also to
//! every cell that already *looks* guarded (one or more `'` followed by text
//! that needs the guard), so that a value typed as `'=x` survives as `''=x`.
//! The reader strips exactly one `'` from a cell that looks guarded. Together:
//! `unguard(guard(v)) == v` for every `v`.
//!
//! Only CSV carries the guard. XLSX cells are written as strings, which Excel
//! never evaluates, so the XLSX reader and writer leave cells untouched.

use std::borrow::Cow;

/// True when a spreadsheet program could take the cell for a formula.
fn needs_guard(cell: &str) -> bool {
    match cell.chars().next() {
        Some('=' | '@' | '\t' | '\r') => true,
        Some('+' | '-') => !cell
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | '.' | ',' | ' ' | '(' | ')')),
        _ => false,
    }
}

/// True when the cell is `'` repeated one or more times, then text that needs
/// the guard: what the writer produces, so what the reader strips.
fn looks_guarded(cell: &str) -> bool {
    let rest = cell.trim_start_matches('\'');
    rest.len() < cell.len() && needs_guard(rest)
}

/// The cell as it goes into a CSV file.
pub(crate) fn guard(cell: &str) -> Cow<'_, str> {
    if needs_guard(cell) || looks_guarded(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The cell as it came out of a CSV file, with the writer's guard removed.
pub(crate) fn unguard(cell: String) -> String {
    if looks_guarded(&cell) {
        cell[1..].to_owned()
    } else {
        cell
    }
}

#[cfg(test)]
mod tests {
    use expect_test::expect;

    use super::*;

    fn check_round_trip(cell: &str) {
        assert_eq!(
            unguard(guard(cell).into_owned()),
            cell,
            "export then import must give back what the counselor typed"
        );
    }

    #[test]
    fn guard_table() {
        let cells = [
            "=1+2",
            "=HYPERLINK(\"http://x\",\"y\")",
            "@SUM(A1)",
            "+SUM(A1)",
            "-2+3+cmd|' /C calc'!A0",
            "\tx",
            "\rx",
            "-5",
            "-1,000.5",
            "+82 (10) 1234-5678",
            "+82-10-1234-5678",
            "-",
            "- 해당 없음",
            "010-1234-5678",
            "김민준",
            "'=x",
            "''=x",
            "'-5",
            "it's",
            "",
        ];
        let shown: String = cells
            .iter()
            .map(|cell| format!("{cell:?} -> {:?}\n", guard(cell)))
            .collect();
        expect![[r#"
            "=1+2" -> "'=1+2"
            "=HYPERLINK(\"http://x\",\"y\")" -> "'=HYPERLINK(\"http://x\",\"y\")"
            "@SUM(A1)" -> "'@SUM(A1)"
            "+SUM(A1)" -> "'+SUM(A1)"
            "-2+3+cmd|' /C calc'!A0" -> "'-2+3+cmd|' /C calc'!A0"
            "\tx" -> "'\tx"
            "\rx" -> "'\rx"
            "-5" -> "-5"
            "-1,000.5" -> "-1,000.5"
            "+82 (10) 1234-5678" -> "+82 (10) 1234-5678"
            "+82-10-1234-5678" -> "+82-10-1234-5678"
            "-" -> "-"
            "- 해당 없음" -> "'- 해당 없음"
            "010-1234-5678" -> "010-1234-5678"
            "김민준" -> "김민준"
            "'=x" -> "''=x"
            "''=x" -> "'''=x"
            "'-5" -> "'-5"
            "it's" -> "it's"
            "" -> ""
        "#]]
        .assert_eq(&shown);
        for cell in cells {
            check_round_trip(cell);
        }
    }

    #[test]
    fn reading_strips_only_the_writers_guard() {
        assert_eq!(
            unguard("'=x".to_owned()),
            "=x",
            "a guarded formula loses its guard"
        );
        assert_eq!(
            unguard("'-5".to_owned()),
            "'-5",
            "the writer never guards a plain number"
        );
        assert_eq!(
            unguard("'abc".to_owned()),
            "'abc",
            "an apostrophe before plain text is data"
        );
    }
}
