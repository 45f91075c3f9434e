//! `doyak rejections` and `doyak conflicts`: the desk's 동기화 queues at the
//! terminal (doyak_app::sync::queue does the work).

use crate::Failure;
use clap::Subcommand;
use doyak_app::Desk;
use doyak_app::sync::{ConflictChoice, SameIdChoice, SideView};

#[derive(Subcommand, Debug)]
pub enum RejectionAction {
    /// 반영되지 않은 변경 목록
    List,
    /// 확인하고 처리한 변경을 목록에서 지웁니다
    Dismiss { id: String },
    /// 거절된 까닭을 고친 뒤 그 변경을 다시 보냅니다 (기록의 지금 내용으로, 다음 동기화 때)
    Retry { id: String },
}

#[derive(Subcommand, Debug)]
pub enum ConflictAction {
    /// 미해결 충돌 목록
    List,
    /// 한 충돌의 두 값, 쓴 기기와 시각
    Show { id: String },
    /// 한 충돌을 해결합니다. --take now(지금 값) | other(다른 값) | mine(이 노트북의 값) |
    /// theirs(다른 기기의 값) | 항목=값(직접 합친 값, 예: note=합친 메모)
    Resolve {
        id: String,
        #[arg(long)]
        take: String,
    },
    /// 같은 ID로 만든 두 기록의 충돌을 한 번에: 기본은 지금 기록만 남기고,
    /// --split이면 두 번째 기록을 새 ID로 따로 저장합니다(다른 사람·기업일 때).
    SameId {
        /// 기록 ID
        record: String,
        #[arg(long)]
        split: bool,
    },
}

/// `doyak rejections …`: the changes the server refused.
pub fn rejections(desk: &mut Desk, action: RejectionAction) -> Result<(), Failure> {
    match action {
        RejectionAction::List => {
            let rows = desk.sync_rejections()?;
            for r in &rows {
                println!(
                    "{}\t{}\t{} {}\t{}{}",
                    r.mutation_id,
                    r.at,
                    r.kind_label,
                    r.record_id,
                    r.message,
                    if r.can_retry {
                        ""
                    } else {
                        " (다시 보낼 수 없음)"
                    }
                );
            }
            eprintln!("반영되지 않은 변경 {}건", rows.len());
        }
        RejectionAction::Dismiss { id } => {
            desk.dismiss_rejection(&id)?;
            eprintln!("목록에서 지웠습니다.");
        }
        RejectionAction::Retry { id } => {
            if desk.retry_rejection(&id)? {
                eprintln!("다시 보낼 변경으로 넣었습니다. 다음 동기화(doyak sync) 때 보냅니다.");
            } else {
                eprintln!(
                    "서버와 다른 내용이 남아 있지 않아 보낼 것이 없습니다. 목록에서 지웠습니다."
                );
            }
        }
    }
    Ok(())
}

fn side_text(side: &SideView) -> String {
    format!("\"{}\" ({}, {})", side.value, side.author, side.written_at)
}

/// `doyak conflicts …`: the desk's conflict view at the terminal.
pub fn conflicts(desk: &mut Desk, action: ConflictAction) -> Result<(), Failure> {
    let queue = desk.conflict_queue()?;
    let find = |id: &str| {
        queue
            .iter()
            .find(|c| c.conflict_id == id)
            .ok_or_else(|| Failure::Usage(format!("미해결 충돌 중에 {id}가 없습니다.")))
    };
    match action {
        ConflictAction::List => {
            for c in &queue {
                println!(
                    "{}\t{} {} · {}: 지금 \"{}\" / 다른 값 \"{}\"{}",
                    c.conflict_id,
                    c.kind_label,
                    c.record_name,
                    c.field_label,
                    c.applied.value,
                    c.overwritten.value,
                    if c.same_id {
                        "\t[같은 ID의 두 기록]"
                    } else {
                        ""
                    }
                );
            }
            eprintln!("미해결 충돌 {}건", queue.len());
        }
        ConflictAction::Show { id } => {
            let c = find(&id)?;
            println!("{} {} ({})", c.kind_label, c.record_name, c.record_id);
            println!("항목: {} ({})", c.field_label, c.field);
            println!("지금 값: {}", side_text(&c.applied));
            println!("다른 값: {}", side_text(&c.overwritten));
            if c.same_id {
                println!(
                    "두 기기가 같은 ID로 각자 기록을 만들었습니다. `doyak conflicts same-id {}`로 한 번에 정리할 수 있습니다.",
                    c.record_id
                );
            }
            if !c.merge_hint.is_empty() {
                println!("직접 입력 형식: {}", c.merge_hint);
            }
        }
        ConflictAction::Resolve { id, take } => {
            let c = find(&id)?;
            let mine = |side: &SideView| side.author == "이 노트북";
            let choice = match take.as_str() {
                "now" => ConflictChoice::Applied,
                "other" => ConflictChoice::Overwritten,
                "mine" | "theirs" => {
                    let want_mine = take == "mine";
                    match (
                        mine(&c.applied) == want_mine,
                        mine(&c.overwritten) == want_mine,
                    ) {
                        (true, false) => ConflictChoice::Applied,
                        (false, true) => ConflictChoice::Overwritten,
                        _ => {
                            return Err(Failure::Usage(
                                "두 값 중 어느 쪽이 이 노트북의 값인지 가를 수 없습니다. --take now 또는 --take other를 쓰세요.".into(),
                            ));
                        }
                    }
                }
                typed => match typed.split_once('=') {
                    Some((field, text)) if field == c.field => ConflictChoice::Merged {
                        text: text.to_owned(),
                    },
                    Some((field, _)) => {
                        return Err(Failure::Usage(format!(
                            "이 충돌의 항목은 {}입니다 ({field}가 아님).",
                            c.field
                        )));
                    }
                    None => {
                        return Err(Failure::Usage(
                            "--take는 now, other, mine, theirs 또는 항목=값입니다.".into(),
                        ));
                    }
                },
            };
            desk.resolve_conflict(&id, &choice)?;
            eprintln!("해결했습니다. 다음 동기화 때 센터에 반영됩니다.");
        }
        ConflictAction::SameId { record, split } => {
            let groups: std::collections::BTreeSet<&str> = queue
                .iter()
                .filter(|c| c.same_id && c.record_id == record)
                .map(|c| c.same_id_group.as_str())
                .collect();
            let group = match groups.into_iter().collect::<Vec<_>>().as_slice() {
                [one] => (*one).to_owned(),
                [] => {
                    return Err(Failure::Usage(format!(
                        "{record}에 같은 ID 충돌이 없습니다."
                    )));
                }
                _ => {
                    return Err(Failure::Usage(
                        "이 기록에 같은 ID 충돌이 여러 묶음 있습니다. 항목별로 `doyak conflicts resolve`를 쓰세요.".into(),
                    ));
                }
            };
            let choice = if split {
                SameIdChoice::SplitSecond
            } else {
                SameIdChoice::KeepRecord
            };
            match desk.settle_same_id(&record, &group, choice)? {
                Some(new_id) => {
                    eprintln!("두 번째 기록을 새 기록으로 저장했습니다: {new_id}")
                }
                None => eprintln!("지금 기록만 남기고 충돌을 닫았습니다."),
            }
        }
    }
    Ok(())
}
