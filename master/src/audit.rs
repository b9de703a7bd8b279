//! The audit log: one JSON line per mutation and per refused call (who, role,
//! door, what, when, result), written by the front door ([`crate::front`]),
//! appended to `audit.log` in the master's data dir (mode 0600, opened
//! append-only) and rotated by size to `audit.log.1` .. `audit.log.N`.
//!
//! Entries are written before the caller sees the response, under a std
//! `Mutex` (a short synchronous append, never held across an `.await`).

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::Serialize;
use thiserror::Error;
use tracing::warn;

/// File name in the data dir.
pub const AUDIT_FILE: &str = "audit.log";

/// Why the audit log could not be opened.
#[derive(Debug, Error)]
#[error("audit log {path}: {source}")]
pub struct AuditError {
    path: String,
    source: std::io::Error,
}

/// One audited call.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// Unix milliseconds when the call finished.
    pub time_ms: i64,
    /// Certificate CN of the caller ("" without a certificate).
    pub who: String,
    /// admin, viewer, node or none (`local` for `piccolo-master` CLI actions).
    pub role: String,
    /// Which door the call came through: `grpc`, `rest`, `console` (a REST
    /// call with a console token) or `local`.
    pub door: String,
    /// Caller's address.
    pub remote: String,
    /// The RPC, e.g. `RemoveNode`.
    pub rpc: String,
    /// What it acted on, from the request (e.g. `node=dev-1`).
    pub target: String,
    /// `ok` or the gRPC status code name.
    pub result: String,
    /// The error message when it failed.
    pub message: String,
}

struct Inner {
    file: File,
    written: u64,
}

/// The audit log writer.
pub struct AuditLog {
    path: PathBuf,
    max_bytes: u64,
    keep: u32,
    inner: Mutex<Inner>,
}

fn open(path: &Path) -> Result<File, AuditError> {
    OpenOptions::new()
        .create(true)
        .append(true)
        .mode(0o600)
        .open(path)
        .map_err(|source| AuditError { path: path.display().to_string(), source })
}

impl AuditLog {
    /// Opens (or creates) `dir/audit.log`; rotates past `max_bytes`, keeping `keep` old files.
    pub fn open(dir: &Path, max_bytes: u64, keep: u32) -> Result<Self, AuditError> {
        let path = dir.join(AUDIT_FILE);
        let file = open(&path)?;
        let written = file.metadata().map(|m| m.len()).unwrap_or(0);
        Ok(Self { path, max_bytes: max_bytes.max(1024), keep: keep.max(1), inner: Mutex::new(Inner { file, written }) })
    }

    fn rotated(&self, n: u32) -> PathBuf {
        let mut p = self.path.clone().into_os_string();
        p.push(format!(".{n}"));
        PathBuf::from(p)
    }

    fn rotate(&self, inner: &mut Inner) -> Result<(), AuditError> {
        let _ = std::fs::remove_file(self.rotated(self.keep));
        for n in (1..self.keep).rev() {
            let _ = std::fs::rename(self.rotated(n), self.rotated(n + 1));
        }
        std::fs::rename(&self.path, self.rotated(1))
            .map_err(|source| AuditError { path: self.path.display().to_string(), source })?;
        inner.file = open(&self.path)?;
        inner.written = 0;
        Ok(())
    }

    /// Appends one entry (and syncs it). Failures are logged, never fatal:
    /// the call already happened.
    pub fn record(&self, entry: &Entry) {
        let mut line = match serde_json::to_vec(entry) {
            Ok(l) => l,
            Err(e) => {
                warn!(error = %e, "audit entry not serialisable");
                return;
            }
        };
        line.push(b'\n');
        let mut inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        if inner.written + line.len() as u64 > self.max_bytes
            && inner.written > 0
            && let Err(e) = self.rotate(&mut inner)
        {
            warn!(error = %e, "audit log rotation failed; appending to the current file");
        }
        match inner.file.write_all(&line).and_then(|_| inner.file.sync_data()) {
            Ok(()) => inner.written += line.len() as u64,
            Err(e) => warn!(error = %e, rpc = %entry.rpc, who = %entry.who, "audit entry not written"),
        }
    }
}

/// Records an action taken on the master host with the `piccolo-master` CLI
/// (credentials issued, CA rotation steps) in `dir`'s audit log. Best effort:
/// a data dir without a log yet gets one.
pub fn record_local(dir: &Path, rpc: &str, target: &str, result: &Result<(), String>) {
    let Ok(log) = AuditLog::open(dir, 10 << 20, 5) else { return };
    let who = std::env::var("SUDO_USER").or_else(|_| std::env::var("USER")).unwrap_or_default();
    log.record(&Entry {
        time_ms: piccolo_common::time::now_ms(),
        who,
        role: "local".into(),
        door: "local".into(),
        remote: String::new(),
        rpc: rpc.into(),
        target: target.into(),
        result: if result.is_ok() { "ok".into() } else { "error".into() },
        message: result.as_ref().err().cloned().unwrap_or_default(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(i: usize) -> Entry {
        Entry {
            time_ms: 1,
            who: "admin".into(),
            role: "admin".into(),
            door: "grpc".into(),
            remote: "127.0.0.1:1".into(),
            rpc: "RemoveNode".into(),
            target: format!("node=n{i}"),
            result: "ok".into(),
            message: String::new(),
        }
    }

    #[test]
    fn appends_json_lines_with_mode_0600_and_rotates() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tmp");
        let log = AuditLog::open(dir.path(), 2048, 2).expect("open");
        for i in 0..100 {
            log.record(&entry(i));
        }
        let current = std::fs::read_to_string(dir.path().join(AUDIT_FILE)).expect("read");
        let last: serde_json::Value = serde_json::from_str(current.lines().last().expect("line")).expect("json");
        assert_eq!(last["target"], "node=n99");
        assert!(current.len() <= 2048);
        assert!(dir.path().join("audit.log.1").exists() && dir.path().join("audit.log.2").exists());
        assert!(!dir.path().join("audit.log.3").exists(), "keeps only 2 rotated files");
        let mode = std::fs::metadata(dir.path().join(AUDIT_FILE)).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        // Reopening appends, never truncates.
        drop(log);
        let log = AuditLog::open(dir.path(), 2048, 2).expect("reopen");
        log.record(&entry(100));
        let after = std::fs::read_to_string(dir.path().join(AUDIT_FILE)).expect("read");
        assert!(after.starts_with(&current) || after.lines().count() == 1, "appended");
    }
}
