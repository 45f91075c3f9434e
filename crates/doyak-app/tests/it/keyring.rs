//! The device token in the OS keyring (sync `vault`), through an injected
//! [`TokenVault`]: kept there and not in the caseload when the keyring takes
//! it, read back from there, moved there from the caseload when a keyring
//! appears, and silently left in the caseload when there is none.

use crate::*;
use doyak_app::sync::{NoKeyring, TokenVault, VaultError};
use doyak_sync_protocol::DeviceToken;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use uuid::Uuid;

const URL: &str = "https://sync.example.org";

/// A keyring in memory. `garble` makes it hand back another token than it
/// was given (a keyring that mangles what it stores).
#[derive(Debug, Default)]
struct MemoryVault {
    entries: Mutex<HashMap<Uuid, String>>,
    garble: bool,
}

impl TokenVault for MemoryVault {
    fn put(&self, device: Uuid, token: &DeviceToken) -> Result<(), VaultError> {
        let text = if self.garble {
            DeviceToken::from_random([0; 32]).expose_secret().to_owned()
        } else {
            token.expose_secret().to_owned()
        };
        self.entries.lock().unwrap().insert(device, text);
        Ok(())
    }
    fn get(&self, device: Uuid) -> Result<Option<DeviceToken>, VaultError> {
        Ok(self
            .entries
            .lock()
            .unwrap()
            .get(&device)
            .map(|t| DeviceToken::parse(t).unwrap()))
    }
    fn delete(&self, device: Uuid) -> Result<(), VaultError> {
        self.entries.lock().unwrap().remove(&device);
        Ok(())
    }
}

fn token() -> DeviceToken {
    DeviceToken::from_random([42; 32])
}

fn secret() -> String {
    token().expose_secret().to_owned()
}

#[test]
fn a_token_the_keyring_takes_is_kept_there_under_the_device_id_and_not_in_the_caseload() {
    let mut fx = new_desk();
    let vault = Arc::new(MemoryVault::default());
    fx.desk.use_token_vault(vault.clone());
    fx.desk.keep_sync_credentials(URL, &token()).unwrap();

    let device = fx.desk.store().device_id().unwrap();
    assert_eq!(
        vault.entries.lock().unwrap().get(&device),
        Some(&secret()),
        "keyed by the caseload's device id"
    );
    assert!(
        fx.desk.store().sync_credentials().unwrap().is_none(),
        "the caseload no longer holds a token"
    );
    assert!(fx.desk.token_in_keyring().unwrap());
    assert!(
        fx.desk.sync_status().unwrap().enrolled,
        "still enrolled: the token is elsewhere"
    );
    let (url, read) = fx.desk.sync_login().unwrap();
    assert_eq!(
        (url.as_str(), read.expose_secret()),
        (URL, secret().as_str())
    );
}

#[test]
fn without_a_keyring_the_caseload_keeps_the_token_silently() {
    let mut fx = new_desk();
    fx.desk.use_token_vault(Arc::new(NoKeyring));
    fx.desk.keep_sync_credentials(URL, &token()).unwrap();
    assert!(!fx.desk.token_in_keyring().unwrap());
    let (_, stored) = fx.desk.store().sync_credentials().unwrap().unwrap();
    assert_eq!(stored.expose_secret(), secret());
    let (_, read) = fx.desk.sync_login().unwrap();
    assert_eq!(read.expose_secret(), secret());
}

#[test]
fn a_token_in_the_caseload_moves_to_the_keyring_once_there_is_one() {
    let mut fx = new_desk();
    fx.desk.keep_sync_credentials(URL, &token()).unwrap();
    assert!(fx.desk.store().sync_credentials().unwrap().is_some());
    let path = fx.desk.store().path().to_owned();
    drop(fx.desk);

    // The next start finds a keyring: the token moves, and leaves the file.
    let vault = Arc::new(MemoryVault::default());
    let mut desk = Desk::open(&path, &Passphrase::new(PASS), clock()).unwrap();
    desk.use_token_vault(vault.clone());
    assert!(desk.token_in_keyring().unwrap());
    assert!(desk.store().sync_credentials().unwrap().is_none());
    assert_eq!(vault.entries.lock().unwrap().len(), 1);
    drop(desk);
    let mut again = Desk::open(&path, &Passphrase::new(PASS), clock()).unwrap();
    again.use_token_vault(vault);
    assert_eq!(again.sync_login().unwrap().1.expose_secret(), secret());
}

#[test]
fn a_keyring_that_does_not_give_the_token_back_unchanged_is_not_trusted_with_it() {
    let mut fx = new_desk();
    fx.desk.use_token_vault(Arc::new(MemoryVault {
        garble: true,
        ..Default::default()
    }));
    fx.desk.keep_sync_credentials(URL, &token()).unwrap();
    assert!(!fx.desk.token_in_keyring().unwrap());
    assert_eq!(fx.desk.sync_login().unwrap().1.expose_secret(), secret());
}

#[test]
fn a_token_gone_from_the_keyring_is_a_coded_korean_error() {
    let mut fx = new_desk();
    let vault = Arc::new(MemoryVault::default());
    fx.desk.use_token_vault(vault.clone());
    fx.desk.keep_sync_credentials(URL, &token()).unwrap();
    vault.entries.lock().unwrap().clear();
    let err = fx.desk.sync_login().unwrap_err();
    assert_eq!(err.code(), "sync.token_missing");
    assert!(err.to_string().contains("키링"), "{err}");
    // The same when the keyring is gone altogether (another session).
    fx.desk.use_token_vault(Arc::new(NoKeyring));
    assert_eq!(
        fx.desk.sync_login().unwrap_err().code(),
        "sync.token_missing"
    );
}

#[test]
fn the_token_never_shows_in_debug_output() {
    let mut fx = new_desk();
    let vault = Arc::new(MemoryVault::default());
    fx.desk.use_token_vault(vault);
    fx.desk.keep_sync_credentials(URL, &token()).unwrap();
    let login = fx.desk.sync_login().unwrap();
    let shown = format!(
        "{:?} {:?} {:?} {:?}",
        fx.desk,
        login,
        fx.desk.store().sync_login().unwrap(),
        fx.desk.sync_status().unwrap()
    );
    assert!(!shown.contains(&secret()[12..]), "{shown}");
}
