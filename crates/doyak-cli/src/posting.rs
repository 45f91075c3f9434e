//! `doyak posting check`: every vacancy of a JSON Lines file checked as a
//! posting, one JSON line each, with no caseload.

use std::path::PathBuf;

use clap::Subcommand;

use crate::{Failure, jsonl, print_out, read_input};

#[derive(Debug, Subcommand)]
pub(crate) enum PostingAction {
    /// 구인 JSON Lines(매칭 구인 형식 + title, description, work_hours, workplace_address)의 공고를
    /// 점검해 구인마다 한 줄(JSON)로 씁니다: 점수와 발견 사항(코드, 설명, 위치, 근거 법령).
    Check {
        /// 구인 JSON Lines 파일
        file: PathBuf,
        /// 출력 형식 (json만)
        #[arg(long, default_value = "json", value_parser = ["json"])]
        format: String,
    },
}

pub(crate) fn run(action: PostingAction) -> Result<(), Failure> {
    let PostingAction::Check { file, format: _ } = action;
    let bytes = read_input(&file)?;
    let checks = doyak_app::posting::check_postings(&bytes, &file.display().to_string())?;
    print_out(&jsonl(&checks)?)?;
    let flagged = checks.iter().filter(|c| !c.findings.is_empty()).count();
    eprintln!(
        "공고 {}건 점검: 고칠 점이 있는 공고 {}건 (점검 기준 {})",
        checks.len(),
        flagged,
        doyak_app::posting::rules_version()
    );
    Ok(())
}
