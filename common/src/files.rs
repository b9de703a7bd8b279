//! Atomic file writes with explicit modes: secrets are written 0600 through a
//! temp file, fsync and rename, so a crash or full disk never leaves a
//! half-written key or certificate behind.

use std::fs;
use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::Path;

fn write_mode(path: &Path, contents: &[u8], mode: u32) -> std::io::Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = std::path::PathBuf::from(tmp);
    let result = (|| {
        let mut f = fs::OpenOptions::new().create(true).write(true).truncate(true).mode(mode).open(&tmp)?;
        f.write_all(contents)?;
        f.sync_all()?;
        fs::set_permissions(&tmp, fs::Permissions::from_mode(mode))?;
        fs::rename(&tmp, path)?;
        if let Some(dir) = path.parent()
            && let Ok(d) = fs::File::open(dir)
        {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Writes a file only its owner can read (keys, credentials).
pub fn write_private(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    write_mode(path, contents, 0o600)
}

/// Writes a world-readable file (certificates).
pub fn write_public(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    write_mode(path, contents, 0o644)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_files_are_0600_and_replace_atomically() {
        let dir = std::env::temp_dir().join(format!("piccolo-files-{}", std::process::id()));
        fs::create_dir_all(&dir).expect("dir");
        let p = dir.join("k");
        write_private(&p, b"one").expect("write");
        write_private(&p, b"two").expect("rewrite");
        assert_eq!(fs::read(&p).expect("read"), b"two");
        assert_eq!(fs::metadata(&p).expect("meta").permissions().mode() & 0o777, 0o600);
        assert!(!dir.join("k.tmp").exists());
        let _ = fs::remove_dir_all(&dir);
    }
}
