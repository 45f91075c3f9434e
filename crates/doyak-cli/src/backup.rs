//! `doyak backup FILE` and `doyak restore FILE`: an encrypted copy of the
//! caseload, and putting one back (doyak_app::backup does the work).

use crate::{Failure, passphrase};
use doyak_app::{Desk, SystemClock};
use std::path::Path;
use std::sync::Arc;

pub(crate) fn backup(db: &Path, dest: &Path) -> Result<(), Failure> {
    let pass = passphrase(false)?;
    let mut desk = Desk::open(db, &pass, Arc::new(SystemClock))?.with_actor("cli");
    let done = desk.backup_to(dest, &pass)?;
    eprintln!(
        "백업했습니다: {} ({}, 기록 {}건, 마지막 변경 {}). 사례관리 파일과 같은 암호로 열립니다.",
        done.path.display(),
        done.center_name,
        done.records,
        done.last_change
    );
    Ok(())
}

pub(crate) fn restore(db: &Path, from: &Path, replace_newer: bool) -> Result<(), Failure> {
    let pass = passphrase(false)?;
    let done = doyak_app::restore_caseload(
        from,
        db,
        &pass,
        replace_newer,
        doyak_app::RestoreFrom::CommandLine,
        &SystemClock,
    )?;
    eprintln!(
        "복원했습니다: {} (기록 {}건, 마지막 변경 {}).",
        done.path.display(),
        done.records,
        done.last_change
    );
    if let Some(kept) = done.kept {
        eprintln!("바꾸기 전 파일은 그대로 보관했습니다: {}", kept.display());
    }
    eprintln!(
        "동기화하던 노트북이면 다음 동기화 전에 센터 관리자에게 받은 새 등록 코드로 다시 등록하세요 (doyak enroll). 보내지 않은 변경은 그때 나갑니다."
    );
    Ok(())
}
