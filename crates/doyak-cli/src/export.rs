//! `doyak export`: a kind of record as JSON Lines, CSV or XLSX, with the
//! purpose asked every time. People's identifiers are masked unless
//! `--full`, which writes an AES-256 zip under a password
//! (`DOYAK_EXPORT_PASSWORD`, or typed twice at the terminal); a plain file
//! in full only with `--full --plain`, recorded so in the access log.

use crate::io::{Failure, print_out};
use crate::{Format, Kind, kind_label, open, prompt};
use doyak_app::{CliIdentifiers, ExportFormat, ExportPurpose, ImportKind};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

#[derive(clap::Args, Debug)]
pub(crate) struct ExportArgs {
    pub kind: Kind,
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
    /// 출력 파일 (기본: 표준출력; xlsx와 --full의 zip은 파일 지정 필요)
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// 내보내는 목적: statistics, handover, inspection, transfer, other
    #[arg(long)]
    pub purpose: ExportPurpose,
    /// 목적 설명 (other일 때 필수; 이 노트북의 감사 로그에만 남음)
    #[arg(long, default_value = "")]
    pub purpose_note: String,
    /// 이름·연락처·생년월일을 가리지 않고 암호화 압축 파일(AES-256 zip)로
    /// (암호: DOYAK_EXPORT_PASSWORD 또는 터미널 입력; 기본: 가림, 메모 제외)
    #[arg(long)]
    pub full: bool,
    /// --full을 암호화하지 않은 파일로 (접근 기록에 남음)
    #[arg(long, requires = "full")]
    pub plain: bool,
}

/// The zip's password: `DOYAK_EXPORT_PASSWORD`, or typed twice at the
/// terminal (the use case checks its length).
fn package_password() -> Result<String, Failure> {
    if let Ok(p) = std::env::var("DOYAK_EXPORT_PASSWORD") {
        return Ok(p);
    }
    if !std::io::stdin().is_terminal() {
        return Err(Failure::Usage(
            "--full은 암호화 압축 파일로 씁니다: DOYAK_EXPORT_PASSWORD 환경변수를 설정하거나 터미널에서 실행해 암호를 입력해 주세요. 암호화하지 않은 파일이 꼭 필요하면 --plain을 함께 주세요."
                .into(),
        ));
    }
    let first = prompt("압축 파일 암호 (12자 이상): ")?;
    let again = prompt("압축 파일 암호 확인: ")?;
    if first != again {
        return Err(Failure::Usage("두 암호가 다릅니다.".into()));
    }
    Ok(first)
}

pub(crate) fn run(db: &Path, args: ExportArgs) -> Result<(), Failure> {
    let format = match args.format {
        Format::Jsonl => ExportFormat::Jsonl,
        Format::Csv => ExportFormat::Csv,
        Format::Xlsx => ExportFormat::Xlsx,
    };
    // Vacancies hold no one's identifiers: nothing to mask or encrypt, and
    // the access log says `masked`, as the desk's does.
    let vacancies = ImportKind::from(args.kind) == ImportKind::Vacancies;
    let zipped = args.full && !args.plain && !vacancies;
    let binary = format == ExportFormat::Xlsx || zipped;
    if binary && args.output.is_none() && std::io::stdout().is_terminal() {
        return Err(Failure::Usage(
            "xlsx나 암호화 압축 파일은 --output 파일을 지정해 주세요.".into(),
        ));
    }
    if zipped
        && let Some(path) = &args.output
        && !path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("zip"))
    {
        return Err(Failure::Usage(format!(
            "--full은 암호화 압축 파일(zip)로 씁니다: --output 이름을 .zip으로 끝내 주세요 ({}). 암호화하지 않은 파일이 꼭 필요하면 --plain을 함께 주세요.",
            path.display()
        )));
    }
    let identifiers = match (args.full && !vacancies, args.plain) {
        (false, _) => CliIdentifiers::Masked,
        (true, true) => CliIdentifiers::Plain,
        (true, false) => CliIdentifiers::Encrypted {
            password: package_password()?,
        },
    };
    let mut desk = open(db)?;
    let (bytes, count) = desk.export_with_purpose(
        args.kind.into(),
        format,
        args.purpose,
        &args.purpose_note,
        &identifiers,
    )?;
    match &args.output {
        Some(path) => std::fs::write(path, &bytes).map_err(|e| {
            Failure::Usage(format!("파일을 쓸 수 없습니다: {}: {e}", path.display()))
        })?,
        None => print_out(&bytes)?,
    }
    eprintln!(
        "{} {count}건을 내보냈습니다{}.",
        kind_label(args.kind),
        match identifiers {
            CliIdentifiers::Masked => " (이름·연락처·생년월일 가림)",
            CliIdentifiers::Encrypted { .. } => " (암호화 압축 파일, 암호는 따로 전해 주세요)",
            CliIdentifiers::Plain => " (가리지 않고 암호화하지 않음: 다 쓴 뒤 지워 주세요)",
        }
    );
    Ok(())
}
