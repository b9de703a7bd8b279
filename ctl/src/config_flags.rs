//! The agent-config flags that `piccoloctl config set` and `config rollout`
//! share, and the change they make: an `AgentConfig` with the settings given
//! (unset flags stay 0 / empty: the master keeps the layer's value) plus the
//! settings to return to the layer below (`--unset KEY`, `--label KEY-`,
//! `--disable-podman=false`).

use clap::Args;
use piccolo_proto::AgentConfig;

use crate::Failure;

/// Keys `--unset` takes: the master's own list (one set of rules, see
/// `piccolo_common::agent_config`).
use piccolo_common::agent_config::UNSET_KEYS;

/// Agent settings on the command line.
#[derive(Args)]
pub struct ConfigFlags {
    /// How often agents send a heartbeat, e.g. 10s (at least the master's minimum, 5s).
    #[arg(long)]
    heartbeat_interval: Option<String>,
    /// Full status report interval, e.g. 60s (at least the heartbeat interval).
    #[arg(long)]
    status_interval: Option<String>,
    /// KEY=VALUE adds or changes a label, KEY- removes it (repeatable).
    #[arg(long = "label", short = 'l', value_name = "KEY=VALUE|KEY-")]
    labels: Vec<String>,
    /// Path of the Podman API socket on the device (absolute), e.g. /run/podman/podman.sock.
    #[arg(long)]
    podman_socket: Option<String>,
    /// Turn container monitoring off; `--disable-podman=false` turns it back on.
    #[arg(long, num_args = 0..=1, default_missing_value = "true", value_name = "BOOL")]
    disable_podman: Option<bool>,
    /// Readiness minimum for total memory, bytes.
    #[arg(long)]
    min_memory_bytes: Option<u64>,
    /// Readiness minimum for free disk, bytes.
    #[arg(long)]
    min_disk_bytes: Option<u64>,
    /// Offline buffer: at most one write per this interval, e.g. 30s.
    #[arg(long)]
    buffer_flush_interval: Option<String>,
    /// Offline buffer: or per this many entries.
    #[arg(long)]
    buffer_flush_entries: Option<u32>,
    /// Return a setting to the layer below (for the cluster: the master's default):
    /// heartbeat_interval, status_interval, podman_socket, podman_disabled, min_memory_bytes,
    /// min_disk_bytes, buffer_flush_interval, buffer_flush_entries, labels (repeatable).
    #[arg(long, value_name = "KEY")]
    unset: Vec<String>,
}

/// A config change: settings to set and settings to unset.
pub struct Change {
    pub config: AgentConfig,
    pub unset: Vec<String>,
}

impl Change {
    /// Nothing to set and nothing to unset.
    pub fn is_empty(&self) -> bool {
        self.unset.is_empty() && self.config == AgentConfig::default()
    }
}

/// A duration flag in milliseconds (0 when unset).
pub fn ms(flag: &str, v: Option<&str>) -> Result<u32, Failure> {
    match v {
        None => Ok(0),
        Some(v) => {
            let ms = piccolo_common::config::parse_duration(v)
                .map(|d| u32::try_from(d.as_millis()).unwrap_or(u32::MAX))
                .map_err(|e| Failure(format!("--{flag}: {e}"), 2))?;
            if ms == 0 {
                return Err(Failure(format!("--{flag}: must be above 0 (use --unset to return to the default)"), 2));
            }
            Ok(ms)
        }
    }
}

impl ConfigFlags {
    /// The change these flags describe (version 0: the master numbers it).
    pub fn change(&self) -> Result<Change, Failure> {
        let mut unset = Vec::new();
        for k in &self.unset {
            if !UNSET_KEYS.contains(&k.as_str()) && !k.starts_with("labels.") {
                return Err(Failure(
                    format!("--unset {k:?}: not a setting; use one of {} or labels.KEY", UNSET_KEYS.join(", ")),
                    2,
                ));
            }
            unset.push(k.clone());
        }
        let mut labels = std::collections::HashMap::new();
        for l in &self.labels {
            if let Some(k) = l.strip_suffix('-').filter(|k| !k.is_empty() && !k.contains('=')) {
                unset.push(format!("labels.{k}"));
            } else if let Some((k, v)) = l.split_once('=').filter(|(k, _)| !k.is_empty()) {
                labels.insert(k.to_string(), v.to_string());
            } else {
                return Err(Failure(format!("--label {l:?}: use KEY=VALUE to set, KEY- to remove"), 2));
            }
        }
        if self.disable_podman == Some(false) {
            unset.push("podman_disabled".into());
        }
        let config = AgentConfig {
            heartbeat_interval_ms: ms("heartbeat-interval", self.heartbeat_interval.as_deref())?,
            status_interval_ms: ms("status-interval", self.status_interval.as_deref())?,
            labels,
            podman_socket: self.podman_socket.clone().unwrap_or_default(),
            podman_disabled: self.disable_podman == Some(true),
            min_memory_bytes: self.min_memory_bytes.unwrap_or(0),
            min_disk_bytes: self.min_disk_bytes.unwrap_or(0),
            buffer_flush_interval_ms: ms("buffer-flush-interval", self.buffer_flush_interval.as_deref())?,
            buffer_flush_entries: self.buffer_flush_entries.unwrap_or(0),
            version: 0,
        };
        Ok(Change { config, unset })
    }
}
