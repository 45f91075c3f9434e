//! Backups made from the open caseload, and restores that check before
//! they replace anything and never replace newer work unasked.

use crate::*;
use doyak_store::StoreError;
use doyak_store::backup::{self, RestoreCheck};

#[test]
fn a_backup_is_a_whole_encrypted_copy_made_while_the_caseload_is_open() {
    let (fx, mut store) = new_store();
    store
        .write(&ctx(), |w| w.insert(&seeker(1, "김백업")))
        .unwrap();
    let copy = fx.dir.path().join("backup.doyak");
    let facts = store.backup_to(&copy, &Passphrase::new(PASS)).unwrap();
    assert_eq!(
        (facts.records, facts.next_seq),
        (1, 3),
        "center and seeker queued"
    );
    // Encrypted: nothing opens it without the passphrase.
    assert!(backup::inspect(&copy, &Passphrase::new("다른 암호 입니다")).is_err());
    let bytes = std::fs::read(&copy).unwrap();
    assert!(
        !bytes
            .windows("김백업".len())
            .any(|w| w == "김백업".as_bytes())
    );
    // Never over a file.
    assert!(matches!(
        store.backup_to(&copy, &Passphrase::new(PASS)),
        Err(StoreError::AlreadyExists { .. })
    ));
    // The caseload goes on working after it.
    store
        .write(&ctx(), |w| w.insert(&seeker(2, "이계속")))
        .unwrap();
    let restored = Store::open(&copy, &Passphrase::new(PASS)).unwrap();
    assert_eq!(restored.count::<JobSeeker>().unwrap(), 1);
}

#[test]
fn a_restore_leaves_newer_work_alone_unless_asked_and_keeps_what_it_replaced() {
    let (fx, mut store) = new_store();
    store
        .write(&ctx(), |w| w.insert(&seeker(1, "김백업")))
        .unwrap();
    let copy = fx.dir.path().join("backup.doyak");
    store.backup_to(&copy, &Passphrase::new(PASS)).unwrap();
    store
        .write(&ctx(), |w| w.insert(&seeker(2, "이나중")))
        .unwrap();
    drop(store);
    let pass = Passphrase::new(PASS);
    match backup::restore(&copy, &fx.path, &pass, false, "20261205T0900").unwrap() {
        Err(RestoreCheck::TargetNewer { target, backup }) => {
            assert!(target.next_seq > backup.next_seq);
        }
        Ok(_) => panic!("a newer caseload was replaced without asking"),
    }
    assert_eq!(
        Store::open(&fx.path, &pass)
            .unwrap()
            .count::<JobSeeker>()
            .unwrap(),
        2,
        "left as it was"
    );
    let done = backup::restore(&copy, &fx.path, &pass, true, "20261205T0900")
        .unwrap()
        .unwrap();
    let kept = done.kept.unwrap();
    assert_eq!(
        Store::open(&kept, &pass)
            .unwrap()
            .count::<JobSeeker>()
            .unwrap(),
        2
    );
    assert_eq!(
        Store::open(&fx.path, &pass)
            .unwrap()
            .count::<JobSeeker>()
            .unwrap(),
        1
    );
}

#[test]
fn a_damaged_backup_or_another_centers_is_refused_and_nothing_is_replaced() {
    let (fx, mut store) = new_store();
    store
        .write(&ctx(), |w| w.insert(&seeker(1, "김원본")))
        .unwrap();
    let copy = fx.dir.path().join("backup.doyak");
    store.backup_to(&copy, &Passphrase::new(PASS)).unwrap();
    drop(store);
    let pass = Passphrase::new(PASS);
    // Cut in half: SQLCipher cannot read the pages past the cut.
    let bytes = std::fs::read(&copy).unwrap();
    let cut = fx.dir.path().join("cut.doyak");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    assert!(backup::restore(&cut, &fx.path, &pass, true, "x").is_err());
    // Another laptop's caseload of the same center: its numbers do not
    // compare with this one's, so it replaces nothing unasked.
    let laptop = fx.dir.path().join("laptop.doyak");
    Store::create(&laptop, &pass, &center(), &ctx()).unwrap();
    assert!(matches!(
        backup::restore(&laptop, &fx.path, &pass, false, "x").unwrap(),
        Err(RestoreCheck::TargetNewer { .. })
    ));
    // Another center's caseload.
    let other = fx.dir.path().join("other.doyak");
    let mut center = center();
    center.id = Id::new_v7(1_700_000_000_001, [9; 10]);
    Store::create(&other, &pass, &center, &ctx()).unwrap();
    assert!(matches!(
        backup::restore(&other, &fx.path, &pass, true, "x"),
        Err(StoreError::ForeignCenter)
    ));
    let still = Store::open(&fx.path, &pass).unwrap();
    assert_eq!(still.count::<JobSeeker>().unwrap(), 1);
    assert!(!fx.dir.path().join("caseload.doyak.restoring").exists());
}

#[test]
fn a_restore_over_a_caseload_another_connection_has_open_is_refused() {
    let (fx, mut store) = new_store();
    store
        .write(&ctx(), |w| w.insert(&seeker(1, "김열림")))
        .unwrap();
    let copy = fx.dir.path().join("backup.doyak");
    store.backup_to(&copy, &Passphrase::new(PASS)).unwrap();
    store
        .write(&ctx(), |w| w.insert(&seeker(2, "이열림")))
        .unwrap();
    let pass = Passphrase::new(PASS);
    // The desk still has it open (idle, between two writes): its next
    // write would go into the file set aside, so nothing is replaced.
    assert!(matches!(
        backup::restore(&copy, &fx.path, &pass, true, "x"),
        Err(StoreError::Locked)
    ));
    assert!(!fx.dir.path().join("caseload.doyak.restoring").exists());
    store
        .write(&ctx(), |w| w.insert(&seeker(3, "박계속")))
        .unwrap();
    assert_eq!(store.count::<JobSeeker>().unwrap(), 3, "the desk works on");
    // Closed: the restore goes ahead and keeps all three aside.
    drop(store);
    let done = backup::restore(&copy, &fx.path, &pass, true, "x")
        .unwrap()
        .unwrap();
    let kept = Store::open(&done.kept.unwrap(), &pass).unwrap();
    assert_eq!(kept.count::<JobSeeker>().unwrap(), 3);
    let restored = Store::open(&fx.path, &pass).unwrap();
    assert_eq!(restored.count::<JobSeeker>().unwrap(), 1);
}
