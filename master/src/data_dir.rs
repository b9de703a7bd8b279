//! The master's data dir: the names of the files it holds and the one check
//! every command that writes there makes first (created, mode 0700, writable).
//! The CA's files are named in `ca`, the CA rotation's in `ca_rotation`.

use std::path::Path;

use thiserror::Error;

/// The admin credential written at first start.
pub const ADMIN_CONF: &str = "admin.conf";
/// The embedded store's file.
pub const STORE_FILE: &str = "store.redb";
/// The address the master listens on, written at start for scripts and tests.
pub const ADDR_FILE: &str = "master.addr";

/// The data dir cannot be used.
#[derive(Debug, Error)]
#[error("data dir {path}: {reason}")]
pub struct DataDirError {
    pub path: String,
    pub reason: String,
}

/// Creates the data dir if needed, restricts it to its owner and proves it
/// writable.
pub fn prepare(dir: &Path) -> Result<(), DataDirError> {
    use std::os::unix::fs::PermissionsExt;
    let err = |reason: String| DataDirError { path: dir.display().to_string(), reason };
    std::fs::create_dir_all(dir).map_err(|e| err(format!("cannot create it: {e}")))?;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
        .map_err(|e| err(format!("cannot restrict it to mode 0700: {e}")))?;
    let probe = dir.join(".write-test");
    std::fs::write(&probe, b"ok").map_err(|e| err(format!("is not writable: {e}")))?;
    let _ = std::fs::remove_file(probe);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prepare_makes_a_private_dir() {
        use std::os::unix::fs::PermissionsExt;
        let t = tempfile::tempdir().unwrap();
        let dir = t.path().join("a/b");
        prepare(&dir).unwrap();
        assert_eq!(std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777, 0o700);
        assert!(!dir.join(".write-test").exists());
    }
}
