//! The framing of a backup file, shared by the master (which writes and
//! restores it) and piccoloctl (which checks what it received before saving).
//! A file is a fixed header followed by the body, a protobuf `BackupArchive`
//! the callers encode and decode:
//!
//! ```text
//! magic "PICCOLO-BACKUP\n\0" (16 bytes) | format version u32 BE | body length u64 BE
//! | SHA-256 of the body (32 bytes) | body
//! ```
//!
//! so a foreign, truncated or corrupted file is refused before anything is
//! decoded, with an error that says which.

use thiserror::Error;

/// First bytes of every backup file.
pub const MAGIC: &[u8; 16] = b"PICCOLO-BACKUP\n\0";
/// The format this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;
/// Bytes before the body.
pub const HEADER_LEN: usize = 16 + 4 + 8 + 32;

/// Why a file is not a usable backup.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum BackupFormatError {
    #[error("not a Piccolo backup file (it does not start with the backup header); check the file name")]
    Foreign,
    #[error("the backup file is truncated: {0} (copy it again from where `piccoloctl backup` wrote it)")]
    Truncated(String),
    #[error("the backup file is corrupt: {0}")]
    Corrupt(String),
    #[error(
        "backup format version {0} is not supported by this build (it reads version {FORMAT_VERSION}); use a matching piccolo-master"
    )]
    Version(u32),
}

/// Wraps an encoded archive in the header.
pub fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_LEN + body.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_be_bytes());
    out.extend_from_slice(&(body.len() as u64).to_be_bytes());
    out.extend_from_slice(ring::digest::digest(&ring::digest::SHA256, body).as_ref());
    out.extend_from_slice(body);
    out
}

/// Checks the header and checksum; returns the body.
pub fn unframe(file: &[u8]) -> Result<&[u8], BackupFormatError> {
    let magic_len = MAGIC.len().min(file.len());
    if file.is_empty() || file[..magic_len] != MAGIC[..magic_len] {
        return Err(BackupFormatError::Foreign);
    }
    if file.len() < HEADER_LEN {
        return Err(BackupFormatError::Truncated(format!(
            "{} bytes, shorter than the {HEADER_LEN}-byte header",
            file.len()
        )));
    }
    let mut v = [0u8; 4];
    v.copy_from_slice(&file[16..20]);
    let version = u32::from_be_bytes(v);
    if version != FORMAT_VERSION {
        return Err(BackupFormatError::Version(version));
    }
    let mut l = [0u8; 8];
    l.copy_from_slice(&file[20..28]);
    let declared = u64::from_be_bytes(l);
    let body = &file[HEADER_LEN..];
    let actual = body.len() as u64;
    if actual < declared {
        return Err(BackupFormatError::Truncated(format!(
            "the header says {declared} body bytes, the file has {actual}"
        )));
    }
    if actual > declared {
        return Err(BackupFormatError::Corrupt(format!(
            "{} bytes follow the declared end of the body",
            actual - declared
        )));
    }
    let digest = ring::digest::digest(&ring::digest::SHA256, body);
    if digest.as_ref() != &file[28..HEADER_LEN] {
        return Err(BackupFormatError::Corrupt("the SHA-256 checksum does not match its contents".into()));
    }
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let f = frame(b"hello");
        assert_eq!(unframe(&f), Ok(&b"hello"[..]));
        assert_eq!(unframe(&frame(b"")), Ok(&b""[..]));
    }

    #[test]
    fn refuses_foreign_truncated_and_corrupt_files() {
        let f = frame(b"some archive bytes");
        assert_eq!(unframe(b""), Err(BackupFormatError::Foreign));
        assert_eq!(unframe(b"{\"nodes\": []}"), Err(BackupFormatError::Foreign));
        assert!(matches!(unframe(&f[..10]), Err(BackupFormatError::Truncated(_))));
        assert!(matches!(unframe(&f[..HEADER_LEN + 3]), Err(BackupFormatError::Truncated(_))));
        let mut bad = f.clone();
        let last = bad.len() - 1;
        bad[last] ^= 1;
        assert!(matches!(unframe(&bad), Err(BackupFormatError::Corrupt(_))));
        let mut longer = f.clone();
        longer.push(0);
        assert!(matches!(unframe(&longer), Err(BackupFormatError::Corrupt(_))));
        let mut v2 = f;
        v2[19] = 2;
        assert_eq!(unframe(&v2), Err(BackupFormatError::Version(2)));
    }
}
