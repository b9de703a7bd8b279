//! The agent-config flags that `piccoloctl config set` and `config rollout`
//! share, and the `AgentConfig` they make (unset flags stay 0 / empty: the
//! master keeps the layer below for them).

use clap::Args;
use piccolo_proto::AgentConfig;

use crate::{Failure, parse_labels};

/// Agent settings on the command line.
#[derive(Args)]
pub struct ConfigFlags {
    /// e.g. 10s
    #[arg(long)]
    heartbeat_interval: Option<String>,
    /// Full status report interval, e.g. 60s.
    #[arg(long)]
    status_interval: Option<String>,
    /// KEY=VALUE (repeatable).
    #[arg(long = "label", short = 'l')]
    labels: Vec<String>,
    #[arg(long)]
    podman_socket: Option<String>,
    /// Turn container monitoring off.
    #[arg(long)]
    disable_podman: bool,
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
}

/// A duration flag in milliseconds (0 when unset).
pub fn ms(flag: &str, v: Option<&str>) -> Result<u32, Failure> {
    match v {
        None => Ok(0),
        Some(v) => piccolo_common::config::parse_duration(v)
            .map(|d| u32::try_from(d.as_millis()).unwrap_or(u32::MAX))
            .map_err(|e| Failure(format!("--{flag}: {e}"), 2)),
    }
}

impl ConfigFlags {
    /// The config these flags describe (version 0: the master numbers it).
    pub fn config(&self) -> Result<AgentConfig, Failure> {
        Ok(AgentConfig {
            heartbeat_interval_ms: ms("heartbeat-interval", self.heartbeat_interval.as_deref())?,
            status_interval_ms: ms("status-interval", self.status_interval.as_deref())?,
            labels: parse_labels(&self.labels)?,
            podman_socket: self.podman_socket.clone().unwrap_or_default(),
            podman_disabled: self.disable_podman,
            min_memory_bytes: self.min_memory_bytes.unwrap_or(0),
            min_disk_bytes: self.min_disk_bytes.unwrap_or(0),
            buffer_flush_interval_ms: ms("buffer-flush-interval", self.buffer_flush_interval.as_deref())?,
            buffer_flush_entries: self.buffer_flush_entries.unwrap_or(0),
            version: 0,
        })
    }
}
