//! The config the master pushed: validated, applied without a restart, and
//! kept on disk (`agent-config.pb`) so a reboot while offline keeps the
//! behaviour the master last asked for. Written only when it changes.

use std::path::{Path, PathBuf};
use std::time::Duration;

use piccolo_proto::AgentConfig as Pushed;
use prost::Message;

use crate::config::AgentConfig;

const FILE: &str = "agent-config.pb";

fn path(dir: &Path) -> PathBuf {
    dir.join(FILE)
}

/// The last applied config, if any (a damaged file is ignored and reported).
pub fn load(dir: &Path) -> (Option<Pushed>, Option<String>) {
    match std::fs::read(path(dir)) {
        Ok(bytes) => match Pushed::decode(bytes.as_slice()) {
            Ok(c) => (Some(c), None),
            Err(e) => {
                let aside = dir.join(format!("{FILE}.corrupt"));
                let _ = std::fs::rename(path(dir), &aside);
                (None, Some(format!("{} was unreadable ({e}); moved to {}", path(dir).display(), aside.display())))
            }
        },
        Err(_) => (None, None),
    }
}

/// Stores an applied config.
pub fn save(dir: &Path, c: &Pushed) -> std::io::Result<()> {
    piccolo_common::files::write_private(&path(dir), &c.encode_to_vec())
}

/// Why a pushed config cannot be applied: the rules the master checks too
/// (`piccolo_common::agent_config`), with the shortest heartbeat any master
/// may allow.
pub fn validate(c: &Pushed) -> Result<(), String> {
    piccolo_common::agent_config::validate(c, piccolo_common::agent_config::MIN_HEARTBEAT_MS_ANY)
}

/// The local config with the pushed one laid over it.
pub fn effective(base: &AgentConfig, pushed: Option<&Pushed>) -> AgentConfig {
    let mut c = base.clone();
    let Some(p) = pushed else { return c };
    if p.heartbeat_interval_ms > 0 {
        c.heartbeat_interval = Duration::from_millis(u64::from(p.heartbeat_interval_ms));
    }
    if p.status_interval_ms > 0 {
        c.status_interval = Duration::from_millis(u64::from(p.status_interval_ms));
    }
    for (k, v) in &p.labels {
        c.labels.insert(k.clone(), v.clone());
    }
    if p.podman_disabled {
        c.podman_enabled = false;
    }
    if !p.podman_socket.is_empty() {
        c.podman_socket = PathBuf::from(&p.podman_socket);
    }
    if p.min_memory_bytes > 0 {
        c.min_memory_bytes = p.min_memory_bytes;
    }
    if p.min_disk_bytes > 0 {
        c.min_disk_bytes = p.min_disk_bytes;
    }
    if p.buffer_flush_interval_ms > 0 {
        c.buffer_flush_interval = Duration::from_millis(u64::from(p.buffer_flush_interval_ms));
    }
    if p.buffer_flush_entries > 0 {
        c.buffer_flush_entries = p.buffer_flush_entries as usize;
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_overlay() {
        let dir = tempfile::tempdir().expect("tmp");
        assert!(load(dir.path()).0.is_none());
        let p = Pushed { version: 4, heartbeat_interval_ms: 2000, min_disk_bytes: 1, ..Default::default() };
        save(dir.path(), &p).expect("save");
        let (back, problem) = load(dir.path());
        assert_eq!(back.as_ref(), Some(&p));
        assert!(problem.is_none());
        let eff = effective(&AgentConfig::default(), back.as_ref());
        assert_eq!(eff.heartbeat_interval, Duration::from_secs(2));
        assert_eq!(eff.min_disk_bytes, 1);
        assert_eq!(eff.min_memory_bytes, AgentConfig::default().min_memory_bytes);
    }

    #[test]
    fn bad_values_are_rejected_and_corrupt_files_set_aside() {
        assert!(validate(&Pushed { podman_socket: "relative.sock".into(), ..Default::default() }).is_err());
        assert!(
            validate(&Pushed { heartbeat_interval_ms: 5000, status_interval_ms: 1000, ..Default::default() }).is_err()
        );
        assert!(validate(&Pushed::default()).is_ok());
        let dir = tempfile::tempdir().expect("tmp");
        std::fs::write(dir.path().join(FILE), [0xff, 0xff, 0xff]).expect("write");
        let (c, problem) = load(dir.path());
        assert!(c.is_none() && problem.is_some());
        assert!(dir.path().join(format!("{FILE}.corrupt")).exists());
    }
}
