//! `doyak consent` and `doyak retention`: withdrawing a consent and the
//! retention run at the terminal (doyak_app::privacy does the work). A
//! destruction cannot be undone, so it asks first: `--yes`, or the word
//! 파기 typed at a terminal; piped without `--yes` it destroys nothing.

use crate::{Failure, print_out};
use clap::{Args, Subcommand, ValueEnum};
use doyak_app::{Desk, Destroyed, Withdrawal};
use doyak_domain::seeker::ConsentScope;
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

#[derive(Subcommand, Debug)]
pub enum ConsentAction {
    /// 동의를 철회합니다. case_management(수집·이용)를 철회하면 사례가 종료되고 그 구직자의
    /// 개인정보가 이 파일과 (동기화로) 센터의 모든 기기·서버에서 파기됩니다.
    Withdraw {
        /// 구직자 ID
        #[arg(long)]
        seeker: String,
        #[arg(long, value_enum)]
        purpose: Purpose,
        /// 묻지 않고 파기합니다 (되돌릴 수 없음).
        #[arg(long)]
        yes: bool,
    },
    /// 인쇄해 서명받을 개인정보 동의서(PDF)를 새 파일로 씁니다 (--seeker를 주면 이름을 넣음).
    Form {
        #[arg(long)]
        seeker: Option<String>,
        #[arg(long, short = 'o')]
        output: PathBuf,
    },
}

/// 철회할 동의 항목.
#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum Purpose {
    /// 개인정보 수집·이용 (상담·취업지원): 철회하면 파기
    CaseManagement,
    /// 제3자 제공 (구인기업: 알선)
    #[value(alias = "third-party")]
    Employers,
    /// 제3자 제공 (연계기관: 기관연계)
    Partners,
    /// 민감정보 처리 (건강 등 취업 장애요인)
    Sensitive,
    /// 고용보험 이력 조회
    InsuranceRecords,
    /// 사후관리 연락
    FollowUp,
}

impl From<Purpose> for ConsentScope {
    fn from(p: Purpose) -> Self {
        match p {
            Purpose::CaseManagement => ConsentScope::Counseling,
            Purpose::Employers => ConsentScope::ShareWithEmployers,
            Purpose::Partners => ConsentScope::ShareWithPartners,
            Purpose::Sensitive => ConsentScope::Sensitive,
            Purpose::InsuranceRecords => ConsentScope::InsuranceRecords,
            Purpose::FollowUp => ConsentScope::FollowUp,
        }
    }
}

#[derive(Args, Debug)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["dry_run", "run", "within", "set_years"])))]
pub struct RetentionArgs {
    /// 보유기간이 지난 종료 사례를 나열만 합니다 (파기하지 않음).
    #[arg(long)]
    dry_run: bool,
    /// 보유기간이 지난 종료 사례의 개인정보를 파기합니다.
    #[arg(long)]
    run: bool,
    /// 앞으로 N일 안에 보유기간이 끝나는 사례까지 나열합니다.
    #[arg(long, value_name = "DAYS")]
    within: Option<u32>,
    /// 센터의 보유기간(년)을 정합니다 (--basis 필수). 센터의 모든 기기에
    /// 동기화됩니다.
    #[arg(long, value_name = "YEARS", requires = "basis")]
    set_years: Option<u32>,
    /// --set-years를 적용할 사례 종류: employed(취업 종료), closed(미취업
    /// 종료), deleted(삭제된 등록). 없으면 세 종류 모두.
    #[arg(long, requires = "set_years")]
    kind: Option<String>,
    /// 보유기간의 근거 (법령·처리방침 조항).
    #[arg(long)]
    basis: Option<String>,
    /// 묻지 않고 파기합니다 (--run과 함께).
    #[arg(long)]
    yes: bool,
}

/// Asks before destroying: `--yes`, or 파기 typed at a terminal.
fn confirmed(yes: bool, what: &str) -> Result<bool, Failure> {
    if yes {
        return Ok(true);
    }
    if !std::io::stdin().is_terminal() {
        return Err(Failure::Usage(format!(
            "{what} 되돌릴 수 없습니다. 확인했으면 --yes를 붙여 다시 실행하세요. 아무것도 파기하지 않았습니다."
        )));
    }
    eprint!("{what} 되돌릴 수 없습니다. 계속하려면 '파기'를 입력하세요: ");
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| Failure::Usage(format!("입력을 읽을 수 없습니다: {e}")))?;
    Ok(line.trim() == "파기")
}

fn destroyed_line(d: &Destroyed) -> String {
    format!(
        "{}\t파기: {}\t상담 등 기록 {}건\t알선 {}건\t기관연계 {}건\t이력서 파일 {}개\n",
        d.seeker_id,
        d.kinds.join(", "),
        d.events,
        d.applications,
        d.referrals,
        d.resume_files
    )
}

pub(crate) fn consent(desk: &mut Desk, action: ConsentAction) -> Result<(), Failure> {
    let (seeker, purpose, yes) = match action {
        ConsentAction::Withdraw {
            seeker,
            purpose,
            yes,
        } => (seeker, purpose, yes),
        ConsentAction::Form { seeker, output } => {
            let bytes = desk.consent_form(seeker.as_deref().unwrap_or_default())?;
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&output)
                .and_then(|mut f| f.write_all(&bytes))
                .map_err(|e| {
                    Failure::Usage(format!("파일을 쓸 수 없습니다: {}: {e}", output.display()))
                })?;
            eprintln!("동의서를 썼습니다: {}", output.display());
            return Ok(());
        }
    };
    if matches!(purpose, Purpose::CaseManagement)
        && !confirmed(
            yes,
            "수집·이용 동의를 철회하면 이 구직자의 사례가 종료되고 개인정보가 파기되며",
        )?
    {
        eprintln!("파기하지 않았습니다.");
        return Ok(());
    }
    match desk.withdraw_consent(&seeker, purpose.into())? {
        Withdrawal::Destroyed(d) => {
            print_out(destroyed_line(&d).as_bytes())?;
            eprintln!(
                "동의 철회를 기록하고 개인정보를 파기했습니다. 다음 동기화 때 센터의 다른 기기와 서버에서도 파기됩니다."
            );
        }
        Withdrawal::Narrowed { seeker_id, purpose } => {
            eprintln!(
                "{seeker_id}: ‘{purpose}’ 동의를 철회했습니다. 이 동의가 필요한 일은 이제 할 수 없습니다."
            );
        }
    }
    Ok(())
}

pub(crate) fn retention(desk: &mut Desk, args: RetentionArgs) -> Result<(), Failure> {
    let rules = match args.set_years {
        Some(years) => {
            let kind = args
                .kind
                .as_deref()
                .map(doyak_app::center_settings::parse_retention_kind)
                .transpose()?;
            desk.set_retention_rule(kind, years, args.basis.as_deref().unwrap_or_default())?
        }
        None => desk.retention_settings()?,
    };
    for r in &rules {
        eprintln!(
            "보유기간 — {}: 종료 후 {}년 (근거: {}){}",
            r.label,
            r.years,
            r.basis,
            if r.confirmed {
                ""
            } else {
                " — 확인 필요"
            }
        );
        for other in &r.disputed {
            eprintln!("  다른 기기에서 함께 바꾼 값: {other} — 다시 정해 주세요");
        }
    }
    if args.set_years.is_some() {
        eprintln!("센터 설정으로 저장했습니다. 다음 동기화 때 센터의 다른 기기에도 적용됩니다.");
        return Ok(());
    }
    if let Some(days) = args.within {
        let due = desk.retention_due(days)?;
        let mut out = String::new();
        for d in &due {
            out.push_str(&format!(
                "{}\t{}\t마지막 활동 {}\t보유 종료 {}\t{}\n",
                d.seeker_id,
                d.kind.as_str(),
                d.last_activity,
                d.ends_on,
                if d.over { "지남" } else { "곧 끝남" }
            ));
        }
        print_out(out.as_bytes())?;
        eprintln!("{days}일 안에 보유기간이 끝나는 사례 {}건", due.len());
        return Ok(());
    }
    let listed = desk.run_retention(false)?;
    if args.dry_run || listed.due.is_empty() {
        let mut out = String::new();
        for d in &listed.due {
            out.push_str(&format!(
                "{}\t{}\t마지막 활동 {}\t보유 종료 {}\n",
                d.seeker_id,
                d.kind.as_str(),
                d.last_activity,
                d.ends_on
            ));
        }
        print_out(out.as_bytes())?;
        eprintln!(
            "보유기간이 지난 종료 사례 {}건{}",
            listed.due.len(),
            if args.dry_run {
                " (파기하지 않음)"
            } else {
                ""
            }
        );
        return Ok(());
    }
    let what = format!(
        "보유기간이 지난 {}건의 개인정보가 파기되며",
        listed.due.len()
    );
    if !confirmed(args.yes, &what)? {
        eprintln!("파기하지 않았습니다.");
        return Ok(());
    }
    let done = desk.run_retention(true)?;
    let lines: String = done.destroyed.iter().map(destroyed_line).collect();
    print_out(lines.as_bytes())?;
    eprintln!(
        "{}건을 파기했습니다. 다음 동기화 때 센터의 다른 기기와 서버에서도 파기됩니다.",
        done.destroyed.len()
    );
    Ok(())
}

#[derive(Subcommand, Debug)]
pub enum AccessLogAction {
    /// 최근 기록 (열람·내보내기·출력·파기), 한 구직자의 것만은 --seeker ID
    List {
        #[arg(long)]
        seeker: Option<String>,
        #[arg(long, default_value_t = 100)]
        limit: usize,
    },
    /// 기록이 처음부터 끝까지 해시로 이어져 있는지 검사합니다 (고친·지운 기록을 찾음)
    Verify,
}

pub(crate) fn access_log(desk: &Desk, action: AccessLogAction) -> Result<(), Failure> {
    match action {
        AccessLogAction::List { seeker, limit } => {
            let rows = desk.access_log(seeker.as_deref(), limit)?;
            let out: String = rows
                .iter()
                .map(|r| {
                    format!(
                        "{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                        r.seq, r.at, r.who, r.action, r.entity, r.entity_id, r.detail
                    )
                })
                .collect();
            print_out(out.as_bytes())?;
            eprintln!("{}건", rows.len());
        }
        AccessLogAction::Verify => {
            let v = desk.verify_access_log()?;
            match v.broken_at {
                None => {
                    print_out(
                        format!(
                            "접근 기록 {}건이 모두 이어져 있습니다. 마지막 해시: {}\n",
                            v.entries, v.head
                        )
                        .as_bytes(),
                    )?;
                }
                Some(seq) => {
                    return Err(Failure::Tampered(format!(
                        "접근 기록 {seq}번에서 연결이 끊겼습니다: {}. 이 기록부터는 믿을 수 없습니다.",
                        v.reason
                    )));
                }
            }
        }
    }
    Ok(())
}
