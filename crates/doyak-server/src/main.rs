//! `doyak-server`: serve the sync API, and administer centers, enrollment
//! codes and devices on the same database.

use axum_server::tls_rustls::RustlsConfig;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use chrono::{Duration, Utc};
use clap::{Parser, Subcommand};
use doyak_server::http::{HttpConfig, HttpLimits, ProxyNet, TrustedProxies, router};
use doyak_server::limit::Rate;
use doyak_server::model::ViewerScope;
use doyak_server::national::NO_REGION;
use doyak_server::{PostgresStorage, ServiceConfig, SqliteStorage, Storage, SyncService};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use uuid::Uuid;

#[derive(Parser, Debug)]
#[command(name = "doyak-server", version, about = "도약 동기화 서버")]
struct Cli {
    /// PostgreSQL (postgres://user@host:5432/db). Without it, an embedded
    /// SQLite file (--data) holds everything.
    #[arg(long, env = "DOYAK_DATABASE_URL", global = true)]
    database_url: Option<String>,
    /// The embedded database file, used when --database-url is not given.
    #[arg(
        long,
        env = "DOYAK_SERVER_DATA",
        default_value = "doyak-server.sqlite3",
        global = true
    )]
    data: PathBuf,
    /// A file holding the key that encrypts the embedded database
    /// (SQLCipher). Without it the file is not encrypted: use it outside tests.
    #[arg(long, env = "DOYAK_SERVER_DATA_KEY_FILE", global = true)]
    data_key_file: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Serve the sync API.
    Serve {
        /// Address to listen on. Without a certificate only a loopback
        /// address is allowed (plain HTTP is for tests on this machine).
        #[arg(long, default_value = "127.0.0.1:8443")]
        listen: SocketAddr,
        /// PEM certificate chain for TLS.
        #[arg(long, requires = "tls_key")]
        tls_cert: Option<PathBuf>,
        /// PEM private key for TLS.
        #[arg(long, requires = "tls_cert")]
        tls_key: Option<PathBuf>,
        /// Days a device token works (0: until revoked).
        #[arg(long, default_value_t = 365)]
        token_days: i64,
        /// PostgreSQL connections.
        #[arg(long, default_value_t = 8)]
        pool: u32,
        /// Log lines as JSON.
        #[arg(long)]
        json_logs: bool,
        /// Enrollment attempts allowed per client address and minute (after
        /// a first burst of 5). Raise it when many desks of one center
        /// enroll from behind one address on the same morning.
        #[arg(long, default_value_t = 12)]
        enroll_per_minute: u32,
        /// Failed token checks (no token, a malformed or unknown one)
        /// allowed per client address and minute, after a first 10; past
        /// them the address is answered 429 until its allowance refills.
        #[arg(long, default_value_t = 1)]
        auth_failures_per_minute: u32,
        /// A reverse proxy (address, or network as CIDR) whose
        /// X-Forwarded-For names the client; repeat for several. Without
        /// it the header is ignored and the client is the TCP peer.
        #[arg(long = "trusted-proxy", value_name = "IP|CIDR")]
        trusted_proxies: Vec<ProxyNet>,
    },
    /// Add a center, or rename one. Without --id a new center gets a new
    /// id (printed): hand out codes for it and let every desk `join`. With
    /// --id, the id of an existing caseload's center (`doyak status`).
    Center {
        #[arg(long)]
        id: Option<Uuid>,
        /// Without it (with --id), the center keeps its name.
        #[arg(long, required_unless_present = "id")]
        name: Option<String>,
        /// The office the center reports to ("서울지방고용노동청"): a
        /// regional viewer token reads the centers of its region.
        #[arg(long, conflicts_with = "no_region")]
        region: Option<String>,
        /// Takes the center out of its region.
        #[arg(long)]
        no_region: bool,
    },
    /// List the centers (id, region, name).
    Centers,
    /// Issue a viewer token: it reads the national counts — of one
    /// region's centers, with --national of every center, or with --center
    /// of one center, whose access log its administrator then reads too —
    /// and can never sync or read a record. Printed once; only its hash is kept.
    Viewer {
        /// Who holds it (an office or a role, for the list).
        #[arg(long)]
        name: String,
        /// The region it reads (`doyak-server centers` shows the regions).
        #[arg(
            long,
            required_unless_present_any = ["national", "center"],
            conflicts_with_all = ["national", "center"]
        )]
        region: Option<String>,
        /// Every center.
        #[arg(long, conflicts_with = "center")]
        national: bool,
        /// One center, for its administrator: that center's figures and
        /// its access log (개인정보 접근 기록, /center/access-log).
        #[arg(long)]
        center: Option<Uuid>,
        /// Days the token works (0: until revoked).
        #[arg(long, default_value_t = 365)]
        days: i64,
    },
    /// List viewer tokens (id, scope, state, name).
    Viewers,
    /// Revoke a viewer token: it is refused from now on.
    RevokeViewer {
        #[arg(long)]
        viewer: Uuid,
    },
    /// Create a one-time enrollment code for a device of a center.
    Code {
        #[arg(long)]
        center: Uuid,
        /// Hours the code stays valid.
        #[arg(long, default_value_t = 72)]
        hours: i64,
    },
    /// List devices.
    Devices {
        #[arg(long)]
        center: Option<Uuid>,
    },
    /// Revoke a device's token: its pushes and pulls are refused from now on.
    Revoke {
        #[arg(long)]
        device: Uuid,
    },
    /// Move a seeker and the seeker's case file (session notes, diagnoses,
    /// placements…) to another center: the new center's desks get it at
    /// their next sync, the old center's desks drop it. Logged.
    Transfer {
        /// The seeker's id (the desk shows it on the seeker's page).
        #[arg(long)]
        seeker: Uuid,
        /// The center that takes the seeker on (`doyak-server centers`).
        #[arg(long)]
        to: Uuid,
        /// Why: a reference such as a request number, never a name.
        #[arg(long)]
        reason: String,
    },
    /// List transfers, oldest first.
    Transfers {
        #[arg(long)]
        seeker: Option<Uuid>,
    },
}

fn storage(cli: &Cli, pool: u32) -> Result<Storage, String> {
    match &cli.database_url {
        Some(url) => PostgresStorage::connect(url, pool)
            .map(Storage::Postgres)
            .map_err(|e| format!("PostgreSQL에 연결할 수 없습니다: {e}")),
        None => {
            let key = match &cli.data_key_file {
                Some(path) => Some(
                    std::fs::read_to_string(path)
                        .map_err(|e| {
                            format!("키 파일을 읽을 수 없습니다: {}: {e}", path.display())
                        })?
                        .trim()
                        .to_owned(),
                ),
                None => None,
            };
            SqliteStorage::open_keyed(&cli.data, key.as_deref())
                .map(Storage::Sqlite)
                .map_err(|e| format!("{}을(를) 열 수 없습니다: {e}", cli.data.display()))
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("오류: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<(), String> {
    let pool = match &cli.command {
        Command::Serve { pool, .. } => *pool,
        _ => 1,
    };
    let config = match &cli.command {
        Command::Serve { token_days, .. } if *token_days > 0 => ServiceConfig {
            token_ttl: Some(Duration::days(*token_days)),
        },
        Command::Serve { .. } => ServiceConfig { token_ttl: None },
        _ => ServiceConfig::default(),
    };
    let service = SyncService::new(storage(&cli, pool)?, config);
    let now = Utc::now();
    match cli.command {
        Command::Serve {
            listen,
            tls_cert,
            tls_key,
            json_logs,
            enroll_per_minute,
            auth_failures_per_minute,
            trusted_proxies,
            ..
        } => {
            if !(1..=100_000).contains(&enroll_per_minute) {
                return Err("--enroll-per-minute는 1~100000 사이로 적어 주세요".into());
            }
            if !(1..=100_000).contains(&auth_failures_per_minute) {
                return Err("--auth-failures-per-minute는 1~100000 사이로 적어 주세요".into());
            }
            let defaults = HttpLimits::default();
            let config = HttpConfig {
                limits: HttpLimits {
                    enroll_rate: Rate::per_minute(
                        f64::from(enroll_per_minute),
                        defaults.enroll_rate.burst,
                    ),
                    auth_failures: Rate::per_minute(
                        f64::from(auth_failures_per_minute),
                        defaults.auth_failures.burst,
                    ),
                    ..defaults
                },
                trusted_proxies: TrustedProxies::new(trusted_proxies),
                ..HttpConfig::default()
            };
            serve(service, listen, tls_cert.zip(tls_key), json_logs, config)
        }
        Command::Center {
            id,
            name,
            region,
            no_region,
        } => {
            let id = id.unwrap_or_else(Uuid::now_v7);
            if let Some(name) = &name {
                service.put_center(id, name).map_err(|e| e.to_string())?;
            }
            if region.is_some() || no_region {
                let found = service
                    .set_center_region(id, region.as_deref())
                    .map_err(|e| e.body.details.join(" "))?;
                if !found {
                    return Err(format!("센터 {id}이(가) 없습니다"));
                }
            }
            let center = service
                .centers()
                .map_err(|e| e.to_string())?
                .into_iter()
                .find(|c| c.center_id == id)
                .ok_or_else(|| format!("센터 {id}이(가) 없습니다"))?;
            let region = center.region.as_deref().unwrap_or(NO_REGION);
            println!("센터 {id} ({}, {region})", center.name);
            Ok(())
        }
        Command::Centers => {
            for c in service.centers().map_err(|e| e.to_string())? {
                let region = c.region.as_deref().unwrap_or(NO_REGION);
                println!("{}\t{region}\t{}", c.center_id, c.name);
            }
            Ok(())
        }
        Command::Viewer {
            name,
            region,
            national: _,
            center,
            days,
        } => {
            if !(0..=3650).contains(&days) {
                return Err("--days는 0~3650 사이로 적어 주세요".into());
            }
            let scope = match (region, center) {
                (_, Some(c)) => ViewerScope::Center(c),
                (Some(r), None) => ViewerScope::Region(r.trim().to_owned()),
                (None, None) => ViewerScope::National,
            };
            let valid_for = (days > 0).then(|| Duration::days(days));
            let (viewer, token) =
                service
                    .issue_viewer(&name, scope, valid_for, now)
                    .map_err(|e| {
                        std::iter::once(e.body.message)
                            .chain(e.body.details)
                            .collect::<Vec<_>>()
                            .join(" ")
                    })?;
            println!("{}", token.expose_secret());
            let page = match viewer.scope {
                ViewerScope::Center(_) => "접근 기록 페이지(/center/access)",
                _ => "전국 현황 페이지(/national)",
            };
            eprintln!(
                "열람자 {} ({}): 이 토큰은 지금 한 번만 보여 줍니다. {page}에 붙여 넣어 쓰세요.",
                viewer.viewer_id,
                scope_text(&viewer.scope)
            );
            Ok(())
        }
        Command::Viewers => {
            for v in service.viewers().map_err(|e| e.to_string())? {
                let state = match (v.revoked_at, v.expires_at) {
                    (Some(_), _) => "폐기됨",
                    (None, Some(at)) if at <= now => "만료됨",
                    _ => "사용 중",
                };
                println!(
                    "{}\t{}\t{state}\t{}",
                    v.viewer_id,
                    scope_text(&v.scope),
                    v.name
                );
            }
            Ok(())
        }
        Command::RevokeViewer { viewer } => {
            if service
                .revoke_viewer(viewer, now)
                .map_err(|e| e.to_string())?
            {
                println!("열람자 {viewer}의 토큰을 폐기했습니다.");
                Ok(())
            } else {
                Err(format!("열람자 {viewer}이(가) 없습니다"))
            }
        }
        Command::Code { center, hours } => {
            if !(1..=24 * 30).contains(&hours) {
                return Err("--hours는 1~720 사이로 적어 주세요".into());
            }
            let code = service
                .create_enrollment_code(center, Duration::hours(hours), now)
                .map_err(|e| e.body.message)?;
            println!("{}", code.grouped());
            eprintln!("이 코드는 {hours}시간 동안 한 번만 쓸 수 있습니다.");
            Ok(())
        }
        Command::Devices { center } => {
            for d in service.devices(center).map_err(|e| e.to_string())? {
                let state = match (d.revoked_at, d.expires_at) {
                    (Some(_), _) => "폐기됨",
                    (None, Some(at)) if at <= now => "만료됨",
                    _ => "사용 중",
                };
                println!(
                    "{}\t{}\t{}\t{}\t{}",
                    d.device_id, d.center_id, state, d.last_seq, d.name
                );
            }
            Ok(())
        }
        Command::Revoke { device } => {
            if service
                .revoke_device(device, now)
                .map_err(|e| e.to_string())?
            {
                println!("기기 {device}의 토큰을 폐기했습니다.");
                Ok(())
            } else {
                Err(format!("기기 {device}이(가) 없습니다"))
            }
        }
        Command::Transfer { seeker, to, reason } => {
            let moved = service
                .transfer_seeker(seeker, to, &reason, now)
                .map_err(|e| e.to_string())?;
            println!(
                "구직자 {seeker}을(를) 센터 {}에서 센터 {}(으)로 이관했습니다 (상담 기록 {}건 포함, 이관 {}).",
                moved.from_center, moved.to_center, moved.events, moved.transfer_id
            );
            Ok(())
        }
        Command::Transfers { seeker } => {
            for t in service.transfers(seeker).map_err(|e| e.to_string())? {
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    t.transfer_id,
                    t.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                    t.seeker_id,
                    t.from_center,
                    t.to_center,
                    t.events,
                    t.reason
                );
            }
            Ok(())
        }
    }
}

/// "전국" or "지역 서울청".
fn scope_text(scope: &ViewerScope) -> String {
    match scope {
        ViewerScope::National => "전국".to_owned(),
        ViewerScope::Region(r) => format!("지역 {r}"),
        ViewerScope::Center(c) => format!("센터 {c}"),
    }
}

fn serve(
    service: SyncService,
    listen: SocketAddr,
    tls: Option<(PathBuf, PathBuf)>,
    json_logs: bool,
    config: HttpConfig,
) -> Result<(), String> {
    let filter = tracing_subscriber::EnvFilter::try_from_env("DOYAK_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    // Logs go to stderr: stdout carries only the "listening" line that
    // scripts (and the benchmark) read, and a log line there broke its pipe.
    if json_logs {
        tracing_subscriber::fmt()
            .json()
            .with_writer(std::io::stderr)
            .with_env_filter(filter)
            .init();
    } else {
        tracing_subscriber::fmt()
            .with_writer(std::io::stderr)
            .with_env_filter(filter)
            .init();
    }
    if tls.is_none() && !listen.ip().is_loopback() {
        return Err(format!(
            "{listen}: 인증서 없이는 이 컴퓨터 안(127.0.0.1)에서만 열 수 있습니다. --tls-cert와 --tls-key를 주세요"
        ));
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let service = Arc::new(service);
    // The national figures' totals, kept fresh after each push.
    doyak_server::kept::start_refresher(service.clone()).map_err(|e| e.to_string())?;
    runtime.block_on(async move {
        let backend = service.storage().kind();
        let app = router(service, config).into_make_service_with_connect_info::<SocketAddr>();
        let handle = axum_server::Handle::new();
        let shutdown = handle.clone();
        tokio::spawn(async move {
            let _ = tokio::signal::ctrl_c().await;
            shutdown.graceful_shutdown(Some(std::time::Duration::from_secs(10)));
        });
        match tls {
            Some((cert, key)) => {
                let _ = rustls::crypto::ring::default_provider().install_default();
                let config = RustlsConfig::from_pem_file(&cert, &key)
                    .await
                    .map_err(|e| format!("인증서를 읽을 수 없습니다: {e}"))?;
                let server = axum_server::bind_rustls(listen, config).handle(handle.clone());
                announce(&handle, "https", backend).await;
                server.serve(app).await.map_err(|e| e.to_string())
            }
            None => {
                let server = axum_server::bind(listen).handle(handle.clone());
                announce(&handle, "http", backend).await;
                server.serve(app).await.map_err(|e| e.to_string())
            }
        }
    })
}

/// Prints the bound address once listening (tests start the server on port
/// 0 and read this line to learn the port).
async fn announce(handle: &axum_server::Handle, scheme: &'static str, backend: &'static str) {
    let handle = handle.clone();
    tokio::spawn(async move {
        if let Some(addr) = handle.listening().await {
            println!("listening {scheme}://{addr} ({backend})");
            tracing::info!(%addr, scheme, backend, "listening");
        }
    });
}
