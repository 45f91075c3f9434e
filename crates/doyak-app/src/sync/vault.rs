//! Where the device token lives. In the OS keyring when the computer has
//! one (Secret Service on Linux, Credential Manager on Windows, Keychain on
//! macOS), under an entry named by the caseload's device id; otherwise in
//! the encrypted caseload, as before. The caseload records which (store
//! `StoredToken`), so a token never sits in both, and a stale keyring entry
//! from an earlier enrollment never wins over the caseload's.
//!
//! Nothing here logs, and no error or `Debug` output carries a token or
//! anything read from the keyring.

use crate::caseload::Desk;
use crate::error::{AppError, SyncFailure};
use doyak_store::StoredToken;
use doyak_sync_protocol::DeviceToken;
use std::sync::Arc;
use uuid::Uuid;

/// Why the keyring was not used. Carries no secret: a keyring error that
/// holds bytes it read (a bad encoding) is reduced to its kind.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VaultError {
    /// This computer has no keyring the desk can reach.
    #[error("이 컴퓨터에서는 운영체제 키링을 쓸 수 없습니다.")]
    Unavailable,
    /// The keyring answered with a failure (locked, refused, damaged entry).
    #[error("운영체제 키링이 요청을 처리하지 못했습니다 ({0}).")]
    Failed(&'static str),
}

/// A secret store outside the caseload for the device token. Implemented by
/// [`KeyringVault`] (the OS keyring), [`NoKeyring`] (none: the token stays
/// in the caseload) and by tests.
pub trait TokenVault: Send + Sync + std::fmt::Debug {
    fn put(&self, device: Uuid, token: &DeviceToken) -> Result<(), VaultError>;
    /// `Ok(None)`: the keyring works and has no entry for the device.
    fn get(&self, device: Uuid) -> Result<Option<DeviceToken>, VaultError>;
    fn delete(&self, device: Uuid) -> Result<(), VaultError>;
}

/// No keyring: every call says so, and the token stays in the caseload.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoKeyring;

impl TokenVault for NoKeyring {
    fn put(&self, _: Uuid, _: &DeviceToken) -> Result<(), VaultError> {
        Err(VaultError::Unavailable)
    }
    fn get(&self, _: Uuid) -> Result<Option<DeviceToken>, VaultError> {
        Err(VaultError::Unavailable)
    }
    fn delete(&self, _: Uuid) -> Result<(), VaultError> {
        Err(VaultError::Unavailable)
    }
}

/// The OS keyring through the `keyring` crate. Entries are under the
/// service [`KeyringVault::SERVICE`], user = the caseload's device id.
pub struct KeyringVault {
    /// `None`: the platform's own store. Tests give their own.
    builder: Option<Box<keyring::credential::CredentialBuilder>>,
}

impl std::fmt::Debug for KeyringVault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("KeyringVault")
    }
}

fn failure(e: keyring::Error) -> VaultError {
    match e {
        keyring::Error::NoStorageAccess(_) => VaultError::Unavailable,
        keyring::Error::PlatformFailure(_) => VaultError::Failed("platform"),
        keyring::Error::BadEncoding(_) => VaultError::Failed("encoding"),
        keyring::Error::TooLong(..) => VaultError::Failed("too long"),
        keyring::Error::Invalid(..) => VaultError::Failed("invalid"),
        keyring::Error::Ambiguous(_) => VaultError::Failed("ambiguous"),
        _ => VaultError::Failed("other"),
    }
}

impl KeyringVault {
    /// The keyring service name: the desk's application id.
    pub const SERVICE: &'static str = "org.doyak.desk";

    /// The platform's keyring.
    pub fn system() -> KeyringVault {
        KeyringVault { builder: None }
    }

    /// A keyring made of the given credential store (tests: an in-memory one).
    pub fn with_builder(builder: Box<keyring::credential::CredentialBuilder>) -> KeyringVault {
        KeyringVault {
            builder: Some(builder),
        }
    }

    fn entry(&self, device: Uuid) -> Result<keyring::Entry, VaultError> {
        let user = device.to_string();
        match &self.builder {
            Some(b) => b
                .build(None, Self::SERVICE, &user)
                .map(keyring::Entry::new_with_credential)
                .map_err(failure),
            None => keyring::Entry::new(Self::SERVICE, &user).map_err(failure),
        }
    }
}

impl TokenVault for KeyringVault {
    fn put(&self, device: Uuid, token: &DeviceToken) -> Result<(), VaultError> {
        self.entry(device)?
            .set_password(token.expose_secret())
            .map_err(failure)
    }

    fn get(&self, device: Uuid) -> Result<Option<DeviceToken>, VaultError> {
        match self.entry(device)?.get_password() {
            Ok(text) => DeviceToken::try_from(text)
                .map(Some)
                .map_err(|_| VaultError::Failed("not a device token")),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(failure(e)),
        }
    }

    fn delete(&self, device: Uuid) -> Result<(), VaultError> {
        match self.entry(device)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(failure(e)),
        }
    }
}

/// The keyring the desk and the CLI use: the OS keyring, unless
/// `DOYAK_KEYRING=off`, or (Linux) there is no session bus to reach a
/// Secret Service on — then [`NoKeyring`], without trying: libdbus would
/// otherwise try to start a bus of its own.
pub fn os_keyring() -> Arc<dyn TokenVault> {
    if std::env::var_os("DOYAK_KEYRING").is_some_and(|v| v == "off") {
        return Arc::new(NoKeyring);
    }
    #[cfg(target_os = "linux")]
    {
        let bus_address = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some();
        let user_bus = std::env::var_os("XDG_RUNTIME_DIR")
            .is_some_and(|d| std::path::Path::new(&d).join("bus").exists());
        if !bus_address && !user_bus {
            return Arc::new(NoKeyring);
        }
    }
    Arc::new(KeyringVault::system())
}

fn token_missing() -> AppError {
    AppError::Sync(SyncFailure::TokenMissing)
}

pub(super) fn not_enrolled() -> AppError {
    AppError::Sync(SyncFailure::NotEnrolled)
}

impl Desk {
    /// Keeps the device token in `vault` from now on. A token the caseload
    /// holds moves there now if the vault takes it (and is then removed from
    /// the caseload); if not, it stays where it is, silently.
    pub fn use_token_vault(&mut self, vault: Arc<dyn TokenVault>) {
        self.vault = vault;
        if let Ok(Some((url, StoredToken::Caseload(token)))) = self.store.sync_login() {
            let _ = self.keep_sync_credentials(&url, &token);
        }
    }

    /// Stores the server's address and the device token: in the vault if it
    /// takes the token and gives it back unchanged, else in the caseload.
    pub fn keep_sync_credentials(
        &mut self,
        url: &str,
        token: &DeviceToken,
    ) -> Result<(), AppError> {
        let device = self.store.device_id()?;
        let kept = self.vault.put(device, token).is_ok()
            && self
                .vault
                .get(device)
                .ok()
                .flatten()
                .is_some_and(|back| back.expose_secret() == token.expose_secret());
        if kept {
            self.store.set_sync_credentials_elsewhere(url)?;
        } else {
            self.store.set_sync_credentials(url, token)?;
        }
        Ok(())
    }

    /// The server's address and the device token, from wherever the
    /// caseload says it is; a token still in the caseload moves to the vault
    /// on the way when the vault takes it.
    pub fn sync_login(&mut self) -> Result<(String, DeviceToken), AppError> {
        self.check_binding()?;
        match self.store.sync_login()?.ok_or_else(not_enrolled)? {
            (url, StoredToken::Caseload(token)) => {
                let _ = self.keep_sync_credentials(&url, &token);
                Ok((url, token))
            }
            (url, StoredToken::Elsewhere) => {
                let device = self.store.device_id()?;
                match self.vault.get(device) {
                    Ok(Some(token)) => Ok((url, token)),
                    _ => Err(token_missing()),
                }
            }
        }
    }

    /// Where the token is kept, for the status screen and tests.
    pub fn token_in_keyring(&self) -> Result<bool, AppError> {
        Ok(matches!(
            self.store.sync_login()?,
            Some((_, StoredToken::Elsewhere))
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use keyring::credential::{Credential, CredentialApi, CredentialBuilderApi};
    use std::collections::HashMap;
    use std::sync::Mutex;

    type Shelf = Arc<Mutex<HashMap<String, Vec<u8>>>>;

    /// An in-memory credential store shared by every entry it builds (the
    /// crate's own mock keeps each entry apart, so a value set through one
    /// entry could not be read back through the next).
    #[derive(Debug, Default)]
    struct MemoryStore(Shelf);

    #[derive(Debug)]
    struct MemoryCredential {
        shelf: Shelf,
        key: String,
    }

    impl CredentialApi for MemoryCredential {
        fn set_secret(&self, secret: &[u8]) -> keyring::Result<()> {
            self.shelf
                .lock()
                .map_err(|_| keyring::Error::NoStorageAccess("poisoned".into()))?
                .insert(self.key.clone(), secret.to_vec());
            Ok(())
        }
        fn get_secret(&self) -> keyring::Result<Vec<u8>> {
            self.shelf
                .lock()
                .map_err(|_| keyring::Error::NoStorageAccess("poisoned".into()))?
                .get(&self.key)
                .cloned()
                .ok_or(keyring::Error::NoEntry)
        }
        fn delete_credential(&self) -> keyring::Result<()> {
            self.shelf
                .lock()
                .map_err(|_| keyring::Error::NoStorageAccess("poisoned".into()))?
                .remove(&self.key)
                .map(|_| ())
                .ok_or(keyring::Error::NoEntry)
        }
        fn as_any(&self) -> &dyn std::any::Any {
            self
        }
    }

    impl CredentialBuilderApi for MemoryStore {
        fn build(
            &self,
            _target: Option<&str>,
            service: &str,
            user: &str,
        ) -> keyring::Result<Box<Credential>> {
            Ok(Box::new(MemoryCredential {
                shelf: self.0.clone(),
                key: format!("{service}/{user}"),
            }))
        }
        fn as_any(&self) -> &dyn std::any::Any {
            self
        }
    }

    fn token(n: u8) -> DeviceToken {
        DeviceToken::from_random([n; 32])
    }

    #[test]
    fn the_keyring_vault_keeps_one_entry_per_device_under_the_desks_service() {
        let shelf = Shelf::default();
        let vault = KeyringVault::with_builder(Box::new(MemoryStore(shelf.clone())));
        let (a, b) = (Uuid::from_u128(1), Uuid::from_u128(2));
        assert_eq!(vault.get(a), Ok(None), "no entry yet is not an error");
        vault.put(a, &token(1)).unwrap();
        vault.put(b, &token(2)).unwrap();
        assert_eq!(
            vault.get(a).unwrap().map(|t| t.expose_secret().to_owned()),
            Some(token(1).expose_secret().to_owned())
        );
        let keys: Vec<String> = {
            let mut k: Vec<_> = shelf.lock().unwrap().keys().cloned().collect();
            k.sort();
            k
        };
        assert_eq!(
            keys,
            [format!("org.doyak.desk/{a}"), format!("org.doyak.desk/{b}")],
            "keyed by the caseload's device id"
        );
        vault.delete(a).unwrap();
        vault.delete(a).unwrap();
        assert_eq!(vault.get(a), Ok(None), "deleting twice is fine");
        assert!(vault.get(b).unwrap().is_some(), "the other device's stays");
    }

    #[test]
    fn keyring_errors_carry_no_secret() {
        let shelf = Shelf::default();
        let vault = KeyringVault::with_builder(Box::new(MemoryStore(shelf.clone())));
        let device = Uuid::from_u128(3);
        // A damaged entry: not UTF-8, with token text inside it.
        let secret = token(9).expose_secret().to_owned();
        let mut bytes = secret.as_bytes().to_vec();
        bytes.push(0xff);
        shelf
            .lock()
            .unwrap()
            .insert(format!("org.doyak.desk/{device}"), bytes);
        let err = vault.get(device).unwrap_err();
        let shown = format!("{err} {err:?} {vault:?}");
        assert!(!shown.contains(&secret[10..]), "{shown}");
        assert_eq!(err, VaultError::Failed("encoding"));
    }

    #[test]
    fn no_keyring_refuses_everything_so_the_caseload_keeps_the_token() {
        let device = Uuid::from_u128(4);
        assert_eq!(
            NoKeyring.put(device, &token(4)),
            Err(VaultError::Unavailable)
        );
        assert_eq!(NoKeyring.get(device), Err(VaultError::Unavailable));
    }
}
