//! The agent's configuration: `--config FILE` (TOML), then `PICCOLO_*`
//! environment variables, then flags. The master's pushed settings (heartbeat
//! interval) override the local defaults once connected.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use piccolo_common::config::{self, ConfigError, duration};
use serde::Deserialize;

/// Keys that may be overridden by `PICCOLO_<KEY>`.
pub const ENV_KEYS: &[&str] = &[
    "data_dir",
    "master",
    "token",
    "ca_file",
    "ca_cert_hash",
    "name",
    "heartbeat_interval",
    "status_interval",
    "keepalive_interval",
    "keepalive_timeout",
    "reconnect_max_backoff",
    "allow_short_intervals",
    "log",
    "log_dir",
    "podman_socket",
    "podman_enabled",
    "podman_events_file",
    "min_memory_bytes",
    "min_free_memory_bytes",
    "min_disk_bytes",
    "required_checks",
    "buffer_flush_interval",
    "buffer_flush_entries",
    "buffer_capacity",
];
/// Keys whose environment value is a comma-separated list.
pub const LIST_KEYS: &[&str] = &["required_checks"];

/// Everything the agent can be told.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AgentConfig {
    /// Key, certificate, CA and state live here (created 0700).
    pub data_dir: PathBuf,
    /// The master's `HOST:PORT`.
    pub master: String,
    /// Bootstrap token for the first enrolment.
    pub token: String,
    /// The cluster CA certificate file to trust at enrolment...
    pub ca_file: String,
    /// ...or its pin, `sha256:<hex>` (from `piccoloctl cluster-info`).
    pub ca_cert_hash: String,
    /// Node name; defaults to the hostname.
    pub name: String,
    /// Heartbeat interval until the master says otherwise.
    #[serde(with = "duration")]
    pub heartbeat_interval: Duration,
    /// Full status report interval until the master says otherwise.
    #[serde(with = "duration")]
    pub status_interval: Duration,
    /// HTTP/2 PING interval and timeout towards the master.
    #[serde(with = "duration")]
    pub keepalive_interval: Duration,
    #[serde(with = "duration")]
    pub keepalive_timeout: Duration,
    /// Cap of the reconnect backoff.
    #[serde(with = "duration")]
    pub reconnect_max_backoff: Duration,
    /// Lets tests use intervals below the production minimums.
    pub allow_short_intervals: bool,
    /// Labels the agent asks for (informational until the master applies them).
    pub labels: HashMap<String, String>,
    /// Log filter, e.g. `info`.
    pub log: String,
    /// Directory for daily log files kept 7 days, when not under systemd ("" = stderr).
    pub log_dir: String,
    /// Podman's libpod API socket.
    pub podman_socket: PathBuf,
    /// Watch Podman containers (false on devices without Podman).
    pub podman_enabled: bool,
    /// Podman's event log (containers.conf `events_logger = "file"`,
    /// `events_logfile_path`), followed with inotify so no API connection
    /// stays open. Empty: hold the API's event stream open instead (keeps
    /// the Podman service running; for Podman logging events to journald).
    pub podman_events_file: PathBuf,
    /// Readiness minimums: total memory (seed minimum spec: 512 MB), memory
    /// available now, and free disk in the data dir's filesystem.
    pub min_memory_bytes: u64,
    pub min_free_memory_bytes: u64,
    pub min_disk_bytes: u64,
    /// Checks whose failure keeps the node out of Ready.
    pub required_checks: Vec<String>,
    /// Offline buffer: at most one disk write per interval...
    #[serde(with = "duration")]
    pub buffer_flush_interval: Duration,
    /// ...or per this many new entries.
    pub buffer_flush_entries: usize,
    /// Entries the offline buffer keeps (1..=512); beyond it the oldest are
    /// dropped and counted.
    pub buffer_capacity: usize,
}

impl Default for AgentConfig {
    fn default() -> Self {
        Self {
            data_dir: PathBuf::from("/var/lib/piccolo-agent"),
            master: String::new(),
            token: String::new(),
            ca_file: String::new(),
            ca_cert_hash: String::new(),
            name: String::new(),
            heartbeat_interval: Duration::from_secs(10),
            status_interval: Duration::from_secs(60),
            keepalive_interval: Duration::from_secs(10),
            keepalive_timeout: Duration::from_secs(5),
            reconnect_max_backoff: Duration::from_secs(30),
            allow_short_intervals: false,
            labels: HashMap::new(),
            log: "info".into(),
            log_dir: String::new(),
            podman_socket: PathBuf::from("/run/podman/podman.sock"),
            podman_enabled: true,
            podman_events_file: PathBuf::from(DEFAULT_PODMAN_EVENTS_FILE),
            min_memory_bytes: 512 * 1024 * 1024,
            min_free_memory_bytes: 32 * 1024 * 1024,
            min_disk_bytes: 64 * 1024 * 1024,
            required_checks: DEFAULT_REQUIRED.iter().map(|s| s.to_string()).collect(),
            buffer_flush_interval: Duration::from_secs(30),
            buffer_flush_entries: 64,
            buffer_capacity: crate::buffer::CAPACITY,
        }
    }
}

fn key_err(key: &str, reason: impl Into<String>) -> ConfigError {
    ConfigError::Key { key: key.into(), reason: reason.into() }
}

/// Where rootful Podman writes its event log with `events_logger = "file"`
/// (its `tmp_dir` is `/run/libpod`).
pub const DEFAULT_PODMAN_EVENTS_FILE: &str = "/run/libpod/events/events.log";

/// Checks that are required unless configured otherwise.
pub const DEFAULT_REQUIRED: &[&str] = &["memory", "disk", "clock", "data_dir"];

/// Minimum heartbeat interval in production (seed 000 section 8).
pub const MIN_HEARTBEAT: Duration = Duration::from_secs(5);

impl AgentConfig {
    /// Merges file, environment and flags, then validates.
    pub fn load(file: Option<&Path>, flags: toml::Table) -> Result<Self, ConfigError> {
        let cfg: Self = config::layered(file, ENV_KEYS, LIST_KEYS, flags)?;
        cfg.validate()?;
        Ok(cfg)
    }

    /// Like [`load`](Self::load) for `piccolo-agent check`: the master may be
    /// left out (its check is then skipped).
    pub fn load_for_check(file: Option<&Path>, flags: toml::Table) -> Result<Self, ConfigError> {
        let cfg: Self = config::layered(file, ENV_KEYS, LIST_KEYS, flags)?;
        if !cfg.master.is_empty() {
            cfg.validate()?;
        }
        Ok(cfg)
    }

    /// Checks values that parse but make no sense.
    pub fn validate(&self) -> Result<(), ConfigError> {
        if self.master.is_empty() {
            return Err(key_err("master", "is required: the master's HOST:PORT (--master or PICCOLO_MASTER)"));
        }
        // HOST:PORT, or several comma-separated (masters sharing one cluster).
        for m in crate::masters::parse(&self.master) {
            piccolo_common::connect::server_name(&m).map_err(|e| key_err("master", e.to_string()))?;
        }
        if !self.name.is_empty() {
            piccolo_common::names::validate_node_name(&self.name).map_err(|e| key_err("name", e.to_string()))?;
        }
        if !self.ca_cert_hash.is_empty() {
            piccolo_common::pin::parse_pin(&self.ca_cert_hash).map_err(|e| key_err("ca_cert_hash", e.to_string()))?;
        }
        if !self.token.is_empty() {
            piccolo_common::names::BootstrapToken::parse(&self.token).map_err(|e| key_err("token", e.to_string()))?;
        }
        if !self.allow_short_intervals && self.heartbeat_interval < MIN_HEARTBEAT {
            return Err(key_err("heartbeat_interval", "is below the minimum of 5s"));
        }
        if self.keepalive_interval.is_zero() || self.keepalive_timeout.is_zero() {
            return Err(key_err("keepalive_interval", "keepalive interval and timeout must be above zero"));
        }
        for c in &self.required_checks {
            if !crate::checks::ALL.contains(&c.as_str()) {
                return Err(key_err(
                    "required_checks",
                    format!("unknown check {c:?}; known: {}", crate::checks::ALL.join(", ")),
                ));
            }
        }
        if self.buffer_flush_entries == 0 {
            return Err(key_err("buffer_flush_entries", "must be at least 1"));
        }
        if !(1..=crate::buffer::CAPACITY).contains(&self.buffer_capacity) {
            return Err(key_err(
                "buffer_capacity",
                format!("must be between 1 and {} entries (this build's ring size)", crate::buffer::CAPACITY),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flags(pairs: &[(&str, &str)]) -> toml::Table {
        pairs.iter().map(|(k, v)| (k.to_string(), toml::Value::String(v.to_string()))).collect()
    }

    #[test]
    fn master_is_required() {
        let err = AgentConfig::load(None, flags(&[])).expect_err("needs master");
        assert!(err.to_string().contains("`master`"), "{err}");
    }

    #[test]
    fn bad_values_name_their_key() {
        for (k, v) in
            [("name", "Bad_Name"), ("ca_cert_hash", "sha256:xyz"), ("token", "short"), ("heartbeat_interval", "1s")]
        {
            let err = AgentConfig::load(None, flags(&[("master", "127.0.0.1:7443"), (k, v)])).expect_err(k);
            assert!(err.to_string().contains(&format!("`{k}`")), "{k}: {err}");
        }
    }

    #[test]
    fn file_values_are_read() {
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join("a.toml");
        std::fs::write(&p, "master = \"10.0.0.1:7443\"\nheartbeat_interval = \"15s\"\n[labels]\nzone = \"a\"\n")
            .expect("write");
        let cfg = AgentConfig::load(Some(&p), toml::Table::new()).expect("ok");
        assert_eq!(cfg.heartbeat_interval, Duration::from_secs(15));
        assert_eq!(cfg.labels.get("zone").map(String::as_str), Some("a"));
    }
}
