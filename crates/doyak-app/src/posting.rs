//! 공고 점검 over a JSON Lines file of vacancies (`doyak posting check`):
//! the matching vacancy format plus the posting's own words. All or
//! nothing on input, like matching: a file with a bad line gives every bad
//! line's number and reason and no results.

use crate::AppError;
use crate::matching::{VACANCY_FORMAT, read_records};
pub use doyak_company::rules_version;
use doyak_company::{Posting, PostingCheck};
use doyak_interchange::JsonlKind;

/// Checks every posting of the file, in the file's order. `name` names the
/// file in messages.
pub fn check_postings(bytes: &[u8], name: &str) -> Result<Vec<PostingCheck>, AppError> {
    let mut problems = Vec::new();
    let kind = JsonlKind {
        format: VACANCY_FORMAT,
        versions: &[1],
    };
    let Some(postings) = read_records::<Posting>(bytes, name, kind, &mut problems) else {
        return Err(AppError::MatchInput { problems });
    };
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (line, p) in &postings {
        let id = p.vacancy.id.trim();
        if id.is_empty() {
            problems.push(format!("{name} {line}행: 구인 ID(id)가 비어 있습니다."));
        } else if let Some(first) = seen.insert(id, *line) {
            problems.push(format!(
                "{name} {line}행: 구인 ID '{id}'가 {first}행에도 있습니다."
            ));
        }
    }
    if !problems.is_empty() {
        return Err(AppError::MatchInput { problems });
    }
    Ok(postings
        .iter()
        .map(|(_, p)| doyak_company::check(p))
        .collect())
}
