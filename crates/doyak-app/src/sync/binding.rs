//! Is this caseload where it was enrolled? A device identity belongs to one
//! file on one machine. Copying the file (to a second laptop, or next to
//! itself) or restoring a backup would otherwise give two files one
//! identity: both push under the same sequence numbers and the server can
//! keep only one. At enrollment the caseload keeps a fingerprint of the
//! machine and the file's full path; before each sync the desk compares,
//! and a file that moved must enroll again as a new device. Its unsent
//! changes are kept and go out under the new identity.

use crate::caseload::Desk;
use crate::error::{AppError, SyncFailure};
use sha2::{Digest, Sha256};
use std::path::Path;

/// This machine's id: `DOYAK_MACHINE_ID` when set (tests; thin clients whose
/// image shares one machine id), else systemd's `/etc/machine-id` (or
/// D-Bus's copy), else the computer's name.
pub fn machine_id() -> String {
    if let Some(id) = std::env::var("DOYAK_MACHINE_ID")
        .ok()
        .filter(|s| !s.trim().is_empty())
    {
        return id;
    }
    for file in ["/etc/machine-id", "/var/lib/dbus/machine-id"] {
        if let Ok(id) = std::fs::read_to_string(file)
            && !id.trim().is_empty()
        {
            return id.trim().to_owned();
        }
    }
    ["COMPUTERNAME", "HOSTNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok())
        .unwrap_or_default()
}

/// The fingerprint of `machine` and the file at `path` (its canonical form,
/// so `./a.doyak` and `/home/x/a.doyak` are the same place): SHA-256, hex.
/// The caseload keeps this, never the machine id or the path themselves.
pub fn binding(machine: &str, path: &Path) -> String {
    let place = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    let mut hash = Sha256::new();
    hash.update(b"doyak-device-binding-1\0");
    hash.update(machine.as_bytes());
    hash.update(b"\0");
    hash.update(place.to_string_lossy().as_bytes());
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

impl Desk {
    /// This caseload's fingerprint where it is now.
    pub(crate) fn binding_here(&self) -> String {
        binding(&machine_id(), self.store.path())
    }

    /// Refuses to sync a caseload that is not where it was enrolled. One
    /// enrolled before bindings existed is bound where it is now.
    pub(crate) fn check_binding(&mut self) -> Result<(), AppError> {
        let here = self.binding_here();
        match self.store.device_binding()? {
            Some(kept) if kept == here => Ok(()),
            Some(_) => Err(SyncFailure::CopiedFile.into()),
            None => Ok(self.store.set_device_binding(&here)?),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fingerprint_changes_with_the_machine_and_the_place_not_the_spelling() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.doyak");
        std::fs::write(&file, b"x").unwrap();
        let spelled_otherwise = dir.path().join(".").join("a.doyak");
        assert_eq!(
            binding("m1", &file),
            binding("m1", &spelled_otherwise),
            "one file, two spellings of its path: one place"
        );
        assert_ne!(
            binding("m1", &file),
            binding("m2", &file),
            "another machine"
        );
        let copy = dir.path().join("b.doyak");
        std::fs::write(&copy, b"x").unwrap();
        assert_ne!(binding("m1", &file), binding("m1", &copy), "another path");
        let fingerprint = binding("m1", &file);
        assert_eq!(fingerprint.len(), 64);
        assert!(
            !fingerprint.contains("m1") && !fingerprint.contains("a.doyak"),
            "neither the machine id nor the path is kept"
        );
    }
}
