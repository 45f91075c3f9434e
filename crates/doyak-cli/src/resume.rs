//! `doyak resume analyse`: one file to a JSON document, or a folder to JSON
//! Lines, with no caseload.

use std::path::{Path, PathBuf};

use clap::Subcommand;
use doyak_app::resume::{BatchLine, analyse_file, parse_month, resume_pdf, vacancy_from_file};
use doyak_resume::{Options, YearMonth};

use crate::{Failure, jsonl, print_out, read_input};

#[derive(Debug, Subcommand)]
pub(crate) enum ResumeAction {
    /// 이력서 파일(TXT·DOCX·HWPX·HWP·PDF)을 분석해 JSON으로 씁니다: 항목, 자격(보유·필기 합격·예정),
    /// 경력(회사·직위·기간), 성과, 점수와 이유, 제안, 구인 대비 키워드 차이.
    Analyse {
        /// 이력서 파일
        #[arg(required_unless_present = "batch", conflicts_with = "batch")]
        file: Option<PathBuf>,
        /// 폴더 안의 파일을 모두 분석해 한 줄에 하나씩(JSON Lines) 씁니다
        #[arg(long)]
        batch: Option<PathBuf>,
        /// 출력 형식 (json만)
        #[arg(long, default_value = "json", value_parser = ["json"])]
        format: String,
        /// 기준 월 YYYY-MM (재직 중인 경력을 이 달까지 셉니다; 기본: 이번 달)
        #[arg(long)]
        as_of: Option<String>,
        /// 비교할 구인 JSON Lines (매칭 구인 형식)
        #[arg(long, requires = "vacancy")]
        vacancies: Option<PathBuf>,
        /// --vacancies 파일의 구인 ID
        #[arg(long, requires = "vacancies")]
        vacancy: Option<String>,
        /// 분석 결과를 한국어 PDF 보고서로도 씁니다 (있는 파일은 덮어쓰지 않음; 파일 하나일 때만)
        #[arg(long, conflicts_with = "batch")]
        pdf: Option<PathBuf>,
        /// 평가 업종: welding, shipbuilding, transport, care, semiconductor, food_service, office
        /// (기본: 구인의 직종, 없으면 이력서 내용으로 추정)
        #[arg(long)]
        industry: Option<String>,
    },
}

fn this_month() -> YearMonth {
    use chrono::Datelike;
    let today = chrono::Local::now().date_naive();
    YearMonth {
        year: today.year(),
        month: today.month(),
    }
}

pub(crate) fn run(action: ResumeAction) -> Result<(), Failure> {
    let ResumeAction::Analyse {
        file,
        batch,
        format: _,
        as_of,
        vacancies,
        vacancy,
        industry,
        pdf,
    } = action;
    let as_of = match as_of {
        Some(s) => parse_month(&s)?,
        None => this_month(),
    };
    if let Some(id) = industry.as_deref()
        && doyak_resume::RUBRICS.industry(id).is_none()
    {
        let known: Vec<&str> = doyak_resume::RUBRICS
            .industries
            .iter()
            .map(|i| i.id.as_str())
            .collect();
        return Err(Failure::Usage(format!(
            "--industry '{id}'를 모릅니다. 다음 중 하나: {}",
            known.join(", ")
        )));
    }
    let vacancy = match (vacancies, vacancy) {
        (Some(path), Some(id)) => Some(vacancy_from_file(
            &read_input(&path)?,
            &path.display().to_string(),
            &id,
        )?),
        _ => None,
    };
    let options = Options {
        as_of,
        industry,
        vacancy,
    };
    if let Some(path) = file {
        let bytes = read_input(&path)?;
        let analysis = analyse_file(&name_of(&path), &bytes, &options)?;
        let mut out = serde_json::to_vec_pretty(&analysis)
            .map_err(|e| Failure::App(doyak_app::AppError::Json(e)))?;
        out.push(b'\n');
        print_out(&out)?;
        if let Some(pdf) = pdf {
            let meta = vec![
                ("파일".to_owned(), name_of(&path)),
                ("기준 월".to_owned(), analysis.as_of.to_string()),
            ];
            let bytes = resume_pdf(meta, &analysis)?;
            let written = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&pdf)
                .and_then(|mut f| std::io::Write::write_all(&mut f, &bytes));
            written.map_err(|e| {
                Failure::Usage(format!("파일을 쓸 수 없습니다: {}: {e}", pdf.display()))
            })?;
            eprintln!(
                "보고서를 썼습니다: {} ({} 바이트)",
                pdf.display(),
                bytes.len()
            );
        }
        return Ok(());
    }
    let Some(dir) = batch else {
        return Err(Failure::Usage(
            "이력서 파일이나 --batch 폴더를 지정해 주세요.".into(),
        ));
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| Failure::Usage(format!("폴더를 읽을 수 없습니다: {}: {e}", dir.display())))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    // Every core takes every n-th file; the lines keep the folder's order.
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(files.len().max(1));
    let one = |path: &PathBuf| {
        let name = name_of(path);
        let result = match std::fs::read(path) {
            Ok(bytes) => analyse_file(&name, &bytes, &options),
            Err(e) => Err(doyak_app::AppError::ResumeInput {
                problems: vec![format!("파일을 읽을 수 없습니다: {name}: {e}")],
            }),
        };
        BatchLine::of(&name, result)
    };
    let lines: Vec<BatchLine> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let (files, one) = (&files, &one);
                s.spawn(move || {
                    (t..files.len())
                        .step_by(threads)
                        .map(|i| (i, one(&files[i])))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let mut slots: Vec<Option<BatchLine>> = (0..files.len()).map(|_| None).collect();
        for h in handles {
            // A thread that stopped would leave files without a line: say
            // so rather than print a short list.
            for (i, line) in h.join().map_err(|_| {
                Failure::Usage("분석 중 내부 오류가 나서 결과를 쓰지 않았습니다.".into())
            })? {
                slots[i] = Some(line);
            }
        }
        Ok::<_, Failure>(slots.into_iter().flatten().collect())
    })?;
    let unread = lines
        .iter()
        .filter(|l| matches!(l, BatchLine::Unread { .. }))
        .count();
    print_out(&jsonl(&lines)?)?;
    eprintln!(
        "이력서 {}개 분석, {unread}개 읽지 못함",
        lines.len() - unread
    );
    Ok(())
}

/// The file name shown in output and errors (not the whole path: the
/// folder may name the seeker).
fn name_of(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Makes a panic say where it happened, never what it was reading: its
/// message can quote the text being read (a résumé). Installed for every
/// command, since any of them may read a seeker's data.
pub(crate) fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("오류: 내부 오류가 났습니다 ({at}). 담당자에게 알려 주세요.");
    }));
}
