//! `doyak`: the caseload from the terminal. Thin: parse arguments, read the
//! passphrase, call the use-case layer, print in Korean.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod backup;
mod company;
mod export;
mod io;
mod posting;
mod privacy;
mod queue;
mod report;
mod resume;

use clap::{Parser, Subcommand, ValueEnum};
use doyak_app::sync::JoinForm;
use doyak_app::{
    AppError, Desk, ImportKind, ImportOptions, MIN_PASSPHRASE_CHARS, NewCaseload, Passphrase,
    PassphraseChangeForm, SeekerFilter, SystemClock,
};
use doyak_app::{diagnosis, matching};
use indicatif::{ProgressBar, ProgressStyle};
use io::{Failure, jsonl, match_input, print_out, read_input, tls_roots};
use queue::{ConflictAction, RejectionAction};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Debug, Parser)]
#[command(
    name = "doyak",
    version,
    about = "도약 — 도약보장 패키지 사례관리 (암호화된 사례관리 파일)"
)]
struct Cli {
    /// 사례관리 파일 경로 (기본: $XDG_DATA_HOME/doyak/caseload.doyak)
    #[arg(long, global = true, env = "DOYAK_DB")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// 센터의 새 암호화 사례관리 파일을 만듭니다.
    Init {
        /// 센터 이름 (예: 안산고용복지플러스센터)
        #[arg(long)]
        center: String,
        /// 센터 소재 시군구 코드 (5자리)
        #[arg(long)]
        sigungu: Option<String>,
    },
    /// 시연·교육용 가상 사례 데이터를 만듭니다 (같은 seed → 같은 데이터).
    Demo {
        /// 구직자 수
        #[arg(long, default_value_t = 200)]
        seekers: u32,
        /// 기업 수
        #[arg(long, default_value_t = 40)]
        companies: u32,
        /// 같은 seed는 같은 데이터를 만듭니다.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// CSV(UTF-8·CP949) 또는 XLSX 파일을 가져옵니다. 오류가 있으면 아무것도 저장하지 않습니다.
    Import {
        kind: Kind,
        file: PathBuf,
        /// 오류 행은 건너뛰고 올바른 행만 가져옵니다.
        #[arg(long)]
        skip_invalid: bool,
        /// 수정 가져오기: ID가 이미 있는 행은 그 기록의 파일에 있는 열만 고칩니다(고친 항목마다
        /// 동기화되는 수정). ID가 없거나 새 ID인 행은 새 기록입니다.
        #[arg(long)]
        update: bool,
        /// 오류 보고서(CSV)를 쓸 경로 (기본: FILE.오류.csv)
        #[arg(long)]
        report: Option<PathBuf>,
    },
    /// 사례관리 데이터를 내보냅니다 (내보내기는 감사기록에 남습니다).
    Export(export::ExportArgs),
    /// 구직자를 이름·초성으로 찾습니다 (예: ㄱㅁㅅ).
    Search { query: String },
    /// 사례관리 파일의 요약 (건수, 동기화 대기 변경).
    Status,
    /// 서버가 받아들이지 않은 변경: 목록(기본), 확인한 것 지우기(dismiss ID).
    Rejections {
        #[command(subcommand)]
        action: Option<RejectionAction>,
    },
    /// 동기화 충돌: 목록(기본), 자세히 보기, 해결.
    Conflicts {
        #[command(subcommand)]
        action: Option<ConflictAction>,
    },
    /// 동의 철회 (수집·이용을 철회하면 사례 종료와 개인정보 파기).
    Consent {
        #[command(subcommand)]
        action: privacy::ConsentAction,
    },
    /// 보유기간이 지난 종료 사례: 나열(--dry-run), 파기(--run), 곧 끝나는 것(--within N), 기간 설정.
    Retention(privacy::RetentionArgs),
    /// 사례관리 파일을 같은 암호로 암호화된 새 파일로 백업합니다 (쓰는 중에도 됨).
    Backup { file: PathBuf },
    /// 백업을 사례관리 파일 자리에 복원합니다 (검사 후; 더 최근 작업이 있으면 --replace-newer 필요).
    Restore {
        file: PathBuf,
        #[arg(long)]
        replace_newer: bool,
    },
    /// 개인정보 접근 기록: 목록(list), 위·변조 검사(verify).
    AccessLog {
        #[command(subcommand)]
        action: privacy::AccessLogAction,
    },
    /// 사례관리 파일 전체를 읽어 손상 여부를 검사합니다.
    Check,
    /// 사례관리 파일의 암호를 바꿉니다 (현재 암호, 새 암호 두 번; 또는 DOYAK_PASSPHRASE와 DOYAK_NEW_PASSPHRASE).
    Passphrase,
    /// 구직자 진단: 적합 직업(능력단위별 충족 여부), 지역 수요, 부족한 능력을 채우는 자격·훈련을
    /// JSON Lines로 씁니다. --seekers 파일(사례관리 파일 불필요) 또는 --seeker ID(사례관리 파일).
    Diagnose {
        /// 구직자 JSON Lines (매칭 구직자 형식 + work_history, training, education)
        #[arg(long, conflicts_with = "seeker", required_unless_present = "seeker")]
        seekers: Option<PathBuf>,
        /// 지역 수요를 셀 구인 JSON Lines (매칭 구인 형식)
        #[arg(long, requires = "seekers")]
        vacancies: Option<PathBuf>,
        /// 사례관리 파일의 구직자 ID
        #[arg(long)]
        seeker: Option<String>,
        /// 구직자마다 쓸 적합 직업 수
        #[arg(long, default_value_t = 5)]
        top: usize,
    },
    /// 보고서: 구직자의 진단·IAP나 기업의 구인애로 진단·컨설팅 계획 PDF, 또는 기간의 성과 지표
    /// (5 미만은 가림). 있는 파일은 덮어쓰지 않습니다.
    #[command(group(clap::ArgGroup::new("whose").required(true).args(["seeker", "company", "from"])))]
    Report {
        /// 사례관리 파일의 구직자 ID (진단·IAP 보고서)
        #[arg(long)]
        seeker: Option<String>,
        /// 사례관리 파일의 기업 ID (구인애로 진단·컨설팅 계획 보고서)
        #[arg(long)]
        company: Option<String>,
        /// 성과 지표의 첫 달 (YYYY-MM)
        #[arg(long, requires = "to")]
        from: Option<String>,
        /// 성과 지표의 끝 달 (YYYY-MM, 그달 포함)
        #[arg(long, requires = "from")]
        to: Option<String>,
        /// 성과 지표의 형식: json(docs/kpi.md), xlsx(지표 시트와 나눔별 시트) 또는 pdf(성과
        /// 보고서); xlsx와 pdf는 --output 필수
        #[arg(long, default_value = "json", value_parser = ["json", "xlsx", "pdf"])]
        format: String,
        /// 쓸 파일 (PDF 보고서에는 필수; 성과 지표는 없으면 표준 출력)
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
    },
    /// 이력서·자기소개서 분석 (사례관리 파일 불필요).
    Resume {
        #[command(subcommand)]
        action: resume::ResumeAction,
    },
    /// 기업 구인애로 진단과 지원사업 찾기 (사례관리 파일에서 읽기만 함).
    Company {
        #[command(subcommand)]
        action: company::CompanyAction,
    },
    /// 구인 공고 점검 (사례관리 파일 불필요).
    Posting {
        #[command(subcommand)]
        action: posting::PostingAction,
    },
    /// 구직자·구인 JSON Lines 파일로 추천 순위를 계산해 표준출력에 씁니다 (사례관리 파일 불필요).
    Match {
        #[arg(long)]
        seekers: PathBuf,
        #[arg(long)]
        vacancies: PathBuf,
        /// 구직자(또는 구인)마다 쓸 추천 수
        #[arg(long, default_value_t = 10)]
        top: usize,
        /// seekers: 구직자별 추천 일자리, vacancies: 구인별 추천 인재
        #[arg(long = "for", value_enum, default_value_t = RankSide::Seekers)]
        side: RankSide,
    },
    /// 센터 관리자에게 받은 등록 코드로 이 컴퓨터를 동기화 서버에 등록합니다.
    Enroll {
        #[command(flatten)]
        to: ServerCode,
    },
    /// 이미 동기화하는 센터에 이 컴퓨터를 새 기기로 합류시킵니다: 새 사례관리 파일을
    /// 만들고(센터 ID·이름은 서버가 알려 줌) 센터의 기록을 모두 받아옵니다.
    Join {
        #[command(flatten)]
        to: ServerCode,
    },
    /// 보내지 않은 변경을 서버에 보내고 센터의 변경을 받아옵니다.
    Sync {
        /// 서버 인증서를 발급한 기관의 인증서(PEM).
        #[arg(long, env = "DOYAK_SYNC_CA")]
        ca_cert: Option<PathBuf>,
    },
    /// 총 적합도가 가장 큰 구직자–구인 배정안을 계산합니다 (모집 인원과 필수 조건을 지킴, 제안일 뿐 저장하지 않음).
    Assign {
        #[arg(long)]
        seekers: PathBuf,
        #[arg(long)]
        vacancies: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum RankSide {
    Seekers,
    Vacancies,
}

/// Where to enroll and with which code (`enroll`, `join`).
#[derive(clap::Args, Debug)]
struct ServerCode {
    /// 서버 주소 (https://…)
    #[arg(long)]
    server: String,
    /// 센터 관리자가 준 등록 코드 (예: ABCD-EFGH-JKMN, 한 번만 쓸 수 있음)
    #[arg(long)]
    code: String,
    /// 관리자 화면에 보일 이 컴퓨터의 이름
    #[arg(long, default_value = "도약 CLI")]
    name: String,
    /// 서버 인증서를 발급한 기관의 인증서(PEM). 없으면 공인 인증기관 목록을 씁니다.
    #[arg(long, env = "DOYAK_SYNC_CA")]
    ca_cert: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Kind {
    Seekers,
    Companies,
    Vacancies,
}

impl From<Kind> for ImportKind {
    fn from(k: Kind) -> Self {
        match k {
            Kind::Seekers => ImportKind::Seekers,
            Kind::Companies => ImportKind::Companies,
            Kind::Vacancies => ImportKind::Vacancies,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Jsonl,
    Csv,
    Xlsx,
}

fn default_db() -> PathBuf {
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .unwrap_or_else(|| PathBuf::from("."));
    base.join("doyak").join("caseload.doyak")
}

fn passphrase(confirm: bool) -> Result<Passphrase, Failure> {
    if let Ok(p) = std::env::var("DOYAK_PASSPHRASE") {
        return Ok(Passphrase::new(p));
    }
    if !std::io::stdin().is_terminal() {
        return Err(Failure::Usage(
            "암호가 필요합니다: DOYAK_PASSPHRASE 환경변수를 설정하거나 터미널에서 실행해 주세요."
                .into(),
        ));
    }
    let first = rpassword::prompt_password("사례관리 암호: ")
        .map_err(|e| Failure::Usage(format!("암호를 읽을 수 없습니다: {e}")))?;
    let first = Passphrase::new(first);
    if confirm {
        let again = rpassword::prompt_password("암호 확인: ")
            .map(Passphrase::new)
            .map_err(|e| Failure::Usage(format!("암호를 읽을 수 없습니다: {e}")))?;
        if again != first {
            return Err(Failure::Usage("두 암호가 다릅니다.".into()));
        }
    }
    Ok(first)
}

/// A new caseload's passphrase: `DOYAK_PASSPHRASE`, or typed twice at the
/// terminal. The use case checks its length and that both are the same.
fn new_passphrase_twice() -> Result<(String, String), Failure> {
    match std::env::var("DOYAK_PASSPHRASE") {
        Ok(p) => Ok((p.clone(), p)),
        Err(_) if std::io::stdin().is_terminal() => Ok((
            prompt(&format!(
                "새 사례관리 암호 ({MIN_PASSPHRASE_CHARS}자 이상): "
            ))?,
            prompt("암호 확인: ")?,
        )),
        Err(_) => Err(Failure::Usage(
            "암호가 필요합니다: DOYAK_PASSPHRASE 환경변수를 설정하거나 터미널에서 실행해 주세요."
                .into(),
        )),
    }
}

fn prompt(label: &str) -> Result<String, Failure> {
    rpassword::prompt_password(label)
        .map_err(|e| Failure::Usage(format!("암호를 읽을 수 없습니다: {e}")))
}

/// The 암호 변경 form: the current passphrase as every command reads it,
/// the new one from `DOYAK_NEW_PASSPHRASE` or typed twice at the terminal.
/// The use case checks them all (right current one, 8+ characters, the same
/// twice) and reports each problem in Korean.
fn passphrase_change_form() -> Result<PassphraseChangeForm, Failure> {
    let current = match std::env::var("DOYAK_PASSPHRASE") {
        Ok(p) => p,
        Err(_) if std::io::stdin().is_terminal() => prompt("현재 암호: ")?,
        Err(_) => {
            return Err(Failure::Usage(
                "현재 암호가 필요합니다: DOYAK_PASSPHRASE 환경변수를 설정하거나 터미널에서 실행해 주세요.".into(),
            ));
        }
    };
    let (new, confirm) = match std::env::var("DOYAK_NEW_PASSPHRASE") {
        Ok(p) => (p.clone(), p),
        Err(_) if std::io::stdin().is_terminal() => (
            prompt(&format!("새 암호 ({MIN_PASSPHRASE_CHARS}자 이상): "))?,
            prompt("새 암호 확인: ")?,
        ),
        Err(_) => {
            return Err(Failure::Usage(
                "새 암호가 필요합니다: DOYAK_NEW_PASSPHRASE 환경변수를 설정하거나 터미널에서 실행해 주세요.".into(),
            ));
        }
    };
    Ok(PassphraseChangeForm {
        current,
        new,
        confirm,
    })
}

fn progress_bar(what: &str) -> ProgressBar {
    let bar = if std::io::stderr().is_terminal() {
        ProgressBar::new(0)
    } else {
        ProgressBar::hidden()
    };
    if let Ok(style) = ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} ({eta})") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(what.to_owned());
    bar
}

fn open(db: &Path) -> Result<Desk, Failure> {
    let mut desk = Desk::open(db, &passphrase(false)?, Arc::new(SystemClock))?.with_actor("cli");
    // The device token in the OS keyring where there is one (silently the
    // caseload where not; `DOYAK_KEYRING=off` keeps it in the caseload).
    desk.use_token_vault(doyak_app::sync::os_keyring());
    Ok(desk)
}

fn run(cli: Cli) -> Result<(), Failure> {
    let db = cli.db.clone().unwrap_or_else(default_db);
    match cli.command {
        Command::Init { center, sigungu } => {
            if let Some(dir) = db.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|e| {
                    Failure::Usage(format!("폴더를 만들 수 없습니다: {}: {e}", dir.display()))
                })?;
            }
            let pass = passphrase(true)?;
            let desk = Desk::create(
                &db,
                &pass,
                &NewCaseload {
                    center_name: center,
                    center_sigungu: sigungu,
                },
                Arc::new(SystemClock),
            )?;
            eprintln!(
                "사례관리 파일을 만들었습니다: {} ({})",
                db.display(),
                desk.center_name()
            );
        }
        Command::Enroll {
            to:
                ServerCode {
                    server,
                    code,
                    name,
                    ca_cert,
                },
        } => {
            let roots = tls_roots(ca_cert.as_deref())?;
            let mut desk = open(&db)?;
            let enrolled = desk.enroll(&server, &code, &name, &roots)?;
            eprintln!(
                "등록했습니다: {} ({})",
                enrolled.center_name, enrolled.server_url
            );
        }
        Command::Join {
            to:
                ServerCode {
                    server,
                    code,
                    name,
                    ca_cert,
                },
        } => {
            let roots = tls_roots(ca_cert.as_deref())?;
            let (passphrase, confirm) = new_passphrase_twice()?;
            let form = JoinForm {
                server_url: server,
                code,
                device_name: name,
                passphrase,
                confirm,
            };
            let mut desk = Desk::join(
                &db,
                &form,
                &roots,
                doyak_app::sync::os_keyring(),
                Arc::new(SystemClock),
            )?
            .with_actor("cli");
            eprintln!(
                "센터에 합류했습니다: {} → {}",
                desk.center_name(),
                db.display()
            );
            // The center's records: a pull cut short keeps what arrived,
            // and `doyak sync` carries on from there.
            let report = desk
                .sync_now(&roots, &mut |r| eprintln!("  받음 {}", r.received))
                .inspect_err(|_| {
                    eprintln!("센터의 기록을 다 받지 못했습니다. `doyak sync`로 이어서 받으세요.");
                })?;
            println!(
                "{}: 받음 {}건 · 미해결 충돌 {}건",
                desk.center_name(),
                report.received,
                desk.sync_status()?.open_conflicts
            );
        }
        Command::Sync { ca_cert } => {
            let roots = tls_roots(ca_cert.as_deref())?;
            let mut desk = open(&db)?;
            let report = desk.sync_now(&roots, &mut |r| {
                eprintln!(
                    "  보냄 {} · 받음 {} · 남음 {}",
                    r.sent, r.received, r.pending
                );
            })?;
            let status = desk.sync_status()?;
            println!(
                "보냄 {}건 (반영 안 됨 {}건, 충돌 {}건) · 받음 {}건 · 대기 {}건 · 미해결 충돌 {}건",
                report.sent,
                report.rejected,
                report.conflicts,
                report.received,
                report.pending,
                status.open_conflicts
            );
            if let Some(problem) = &report.access_log_problem {
                eprintln!("개인정보 접근 기록: {problem}");
            }
        }
        Command::Demo {
            seekers,
            companies,
            seed,
        } => {
            let mut desk = open(&db)?;
            let bar = progress_bar("가상 데이터 생성");
            let spec = desk.demo_spec(seekers, companies, seed)?;
            let summary = desk.generate_demo(&spec, &mut |done, total| {
                bar.set_length(total);
                bar.set_position(done);
            })?;
            bar.finish_and_clear();
            eprintln!("가상 데이터를 만들었습니다: {summary}");
        }
        Command::Import {
            kind,
            file,
            skip_invalid,
            update,
            report,
        } => {
            let bytes = std::fs::read(&file).map_err(|e| {
                Failure::Usage(format!("파일을 읽을 수 없습니다: {}: {e}", file.display()))
            })?;
            let mut desk = open(&db)?;
            let bar = progress_bar("가져오기");
            let result = desk.import(
                kind.into(),
                &bytes,
                ImportOptions {
                    skip_invalid,
                    update,
                },
                &mut |done, total| {
                    bar.set_length(total as u64);
                    bar.set_position(done as u64);
                },
            );
            bar.finish_and_clear();
            let report_path = report.unwrap_or_else(|| {
                let mut p = file.clone().into_os_string();
                p.push(".오류.csv");
                PathBuf::from(p)
            });
            let write_report = |r: &doyak_app::ImportReport| -> Result<(), Failure> {
                for e in r.errors.iter().take(30) {
                    eprintln!("  {e}");
                }
                if r.errors.len() > 30 {
                    eprintln!("  … 외 {}건", r.errors.len() - 30);
                }
                std::fs::write(&report_path, r.to_csv())
                    .map_err(|e| Failure::Usage(format!("오류 보고서를 쓸 수 없습니다: {e}")))?;
                eprintln!("오류 보고서: {}", report_path.display());
                Ok(())
            };
            match result {
                Ok(r) => {
                    if !r.ignored_columns.is_empty() {
                        eprintln!(
                            "알 수 없는 열은 무시했습니다: {}",
                            r.ignored_columns.join(", ")
                        );
                    }
                    eprintln!(
                        "{} {}건을 가져왔습니다 ({}, 전체 {}행).",
                        kind_label(kind),
                        r.imported,
                        r.source,
                        r.rows
                    );
                    if update {
                        eprintln!(
                            "고친 기록 {}건, 바뀐 것 없는 기록 {}건.",
                            r.updated, r.unchanged
                        );
                    }
                    if !r.errors.is_empty() {
                        eprintln!("건너뛴 오류 행 {}건:", r.errors.len());
                        write_report(&r)?;
                    }
                }
                Err(AppError::ImportRejected { count, report }) => {
                    eprintln!(
                        "오류: 가져오기 파일에 오류가 {count}건 있어 아무것도 저장하지 않았습니다."
                    );
                    write_report(&report)?;
                    eprintln!("오류를 고치거나 --skip-invalid 로 올바른 행만 가져오세요.");
                    return Err(Failure::Usage(String::new()));
                }
                Err(e) => return Err(e.into()),
            }
        }
        Command::Export(args) => export::run(&db, args)?,
        Command::Search { query } => {
            let desk = open(&db)?;
            let page = desk.list_seekers(&SeekerFilter {
                text: Some(query),
                limit: 50,
                ..Default::default()
            })?;
            let mut lines = String::new();
            for s in &page.items {
                let phone = s.phone.as_ref().map(|p| p.masked()).unwrap_or_default();
                lines.push_str(&format!(
                    "{}\t{}\t{}\t{}\n",
                    s.id,
                    s.name,
                    s.status.label_ko(),
                    phone
                ));
            }
            print_out(lines.as_bytes())?;
            eprintln!("{}명 중 {}명 표시", page.total, page.items.len());
        }
        Command::Passphrase => {
            let form = passphrase_change_form()?;
            let mut desk = Desk::open(
                &db,
                &Passphrase::new(form.current.clone()),
                Arc::new(SystemClock),
            )?
            .with_actor("cli");
            desk.change_passphrase(&form)?;
            eprintln!("암호를 바꿨습니다. 이제 새 암호로만 사례관리 파일이 열립니다.");
        }
        Command::Check => {
            let desk = open(&db)?;
            desk.verify()?;
            print_out("사례관리 파일에 이상이 없습니다.\n".as_bytes())?;
        }
        Command::Resume { action } => resume::run(action)?,
        Command::Posting { action } => posting::run(action)?,
        Command::Company { action } => company::run(&open(&db)?, action)?,
        Command::Match {
            seekers,
            vacancies,
            top,
            side,
        } => {
            let caseload = match_input(&seekers, &vacancies)?;
            let side = match side {
                RankSide::Seekers => matching::RankFor::Seekers,
                RankSide::Vacancies => matching::RankFor::Vacancies,
            };
            let lines = matching::rank_all(&caseload, top, side);
            print_out(&jsonl(&lines)?)?;
            eprintln!(
                "구직자 {}명 × 구인 {}건: 추천 {}건",
                caseload.seekers().len(),
                caseload.vacancies().len(),
                lines.len()
            );
        }
        Command::Diagnose {
            seekers,
            vacancies,
            seeker,
            top,
        } => {
            if let Some(seekers) = seekers {
                let bytes = read_input(&seekers)?;
                let vacancy_bytes = vacancies.as_deref().map(read_input).transpose()?;
                let vacancies_name = vacancies.as_ref().map(|p| p.display().to_string());
                let input = diagnosis::load_files(
                    &bytes,
                    &seekers.display().to_string(),
                    vacancy_bytes.as_deref().zip(vacancies_name.as_deref()),
                )
                .map_err(Failure::App)?;
                let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
                let lines = diagnosis::diagnose_all(&input, top, threads);
                print_out(&jsonl(&lines)?)?;
                eprintln!(
                    "구직자 {}명 진단 (직업 프로필 {}개{})",
                    lines.len(),
                    doyak_diagnosis::profiles().occupations.len(),
                    input
                        .vacancies
                        .as_ref()
                        .map(|v| format!(", 구인 {}건", v.len()))
                        .unwrap_or_default()
                );
            } else if let Some(id) = seeker {
                let id: doyak_domain::Id = id.parse().map_err(|_| {
                    Failure::Usage(format!("구직자 ID '{id}'의 형식이 올바르지 않습니다."))
                })?;
                let desk = open(&db)?;
                let line = diagnosis::DiagnosisLine {
                    format: diagnosis::DIAGNOSIS_FORMAT,
                    version: 1,
                    diagnosis: desk.diagnose_seeker(&id.to_string(), top)?,
                };
                print_out(&jsonl(&[line])?)?;
            }
        }
        Command::Report {
            seeker,
            company,
            from,
            to,
            format,
            output,
        } => {
            let mut desk = open(&db)?;
            let whose = report::Whose::of(seeker, company, from, to, &format);
            report::run(&mut desk, whose, output)?;
        }
        Command::Assign { seekers, vacancies } => {
            let caseload = match_input(&seekers, &vacancies)?;
            let assignment = matching::assign_all(&caseload)?;
            print_out(&jsonl(&assignment.lines)?)?;
            eprintln!(
                "구직자 {}명 중 {}명 배정, 적합도 합계 {:.1}",
                caseload.seekers().len(),
                assignment.assigned,
                assignment.total_score
            );
        }
        Command::Rejections { action } => {
            let mut desk = open(&db)?;
            queue::rejections(&mut desk, action.unwrap_or(RejectionAction::List))?;
        }
        Command::Consent { action } => privacy::consent(&mut open(&db)?, action)?,
        Command::Retention(args) => privacy::retention(&mut open(&db)?, args)?,
        Command::AccessLog { action } => privacy::access_log(&open(&db)?, action)?,
        Command::Backup { file } => backup::backup(&db, &file)?,
        Command::Restore {
            file,
            replace_newer,
        } => backup::restore(&db, &file, replace_newer)?,
        Command::Conflicts { action } => {
            let mut desk = open(&db)?;
            queue::conflicts(&mut desk, action.unwrap_or(ConflictAction::List))?;
        }
        Command::Status => {
            let desk = open(&db)?;
            let s = desk.summary()?;
            let sync = desk.sync_status()?;
            let text = format!(
                "센터: {} ({})\n구직자 {}명, 기업 {}곳, 구인공고 {}건\n동기화 대기 변경: {}건\n동기화 서버: {}\n마지막 동기화: {}\n미해결 충돌: {}건, 반영 안 된 변경: {}건\n",
                desk.center_name(),
                desk.center_id(),
                s.seekers,
                s.companies,
                s.vacancies,
                s.pending_changes,
                sync.server_url.as_deref().unwrap_or("등록 안 됨"),
                sync.last_sync_at.as_deref().unwrap_or("없음"),
                sync.open_conflicts,
                sync.rejections
            );
            print_out(text.as_bytes())?;
        }
    }
    Ok(())
}

fn kind_label(kind: Kind) -> &'static str {
    ImportKind::from(kind).label_ko()
}

fn main() -> ExitCode {
    resume::quiet_panics();
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => io::exit_code(failure),
    }
}
