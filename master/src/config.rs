//! The master's configuration: `--config FILE` (TOML), then `PICCOLO_*`
//! environment variables, then flags. Validated at start; a bad value is refused
//! with the key and the reason (exit code 64).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use piccolo_common::config::{self, ConfigError, duration};
use serde::Deserialize;

/// Keys that may be overridden by `PICCOLO_<KEY>`.
pub const ENV_KEYS: &[&str] = &[
    "data_dir",
    "listen",
    "http_listen",
    "store",
    "etcd_endpoints",
    "etcd_timeout",
    "server_names",
    "advertise",
    "auto_approve",
    "heartbeat_interval",
    "heartbeat_timeout",
    "keepalive_interval",
    "keepalive_timeout",
    "node_cert_ttl",
    "admin_cert_ttl",
    "token_ttl",
    "token_sweep_interval",
    "allow_short_intervals",
    "liveness_persist_interval",
    "max_events",
    "state_damping",
    "max_connections_per_source",
    "log",
];
/// Keys whose environment value is a comma-separated list.
pub const LIST_KEYS: &[&str] = &["etcd_endpoints", "server_names"];

/// Which store backend holds cluster state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StoreKind {
    Embedded,
    Etcd,
}

/// Everything the master can be told.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MasterConfig {
    /// Where the CA, credentials and the embedded store live.
    pub data_dir: PathBuf,
    /// gRPC (TLS) listen address for agents and admins.
    pub listen: String,
    /// Plain-HTTP address for /healthz and /metrics; empty disables it.
    pub http_listen: String,
    pub store: StoreKind,
    pub etcd_endpoints: Vec<String>,
    #[serde(with = "duration")]
    pub etcd_timeout: Duration,
    /// Names and addresses in the master's serving certificate.
    pub server_names: Vec<String>,
    /// `HOST:PORT` written into admin.conf; defaults to the first server name and the listen port.
    pub advertise: String,
    /// Newly enrolled nodes are approved at once (else they wait in Pending).
    pub auto_approve: bool,
    #[serde(with = "duration")]
    pub heartbeat_interval: Duration,
    #[serde(with = "duration")]
    pub heartbeat_timeout: Duration,
    /// HTTP/2 PING interval and ack timeout on agent connections: how fast a
    /// silent device is noticed.
    #[serde(with = "duration")]
    pub keepalive_interval: Duration,
    #[serde(with = "duration")]
    pub keepalive_timeout: Duration,
    #[serde(with = "duration")]
    pub node_cert_ttl: Duration,
    #[serde(with = "duration")]
    pub admin_cert_ttl: Duration,
    #[serde(with = "duration")]
    pub token_ttl: Duration,
    #[serde(with = "duration")]
    pub token_sweep_interval: Duration,
    /// Lets tests use intervals below the production minimums. Never in production.
    pub allow_short_intervals: bool,
    /// How often unchanged liveness (last heartbeat times) is written to the store.
    #[serde(with = "duration")]
    pub liveness_persist_interval: Duration,
    /// Lifecycle events kept in the store.
    pub max_events: u64,
    /// A node that goes NotReady less than this after it became Ready stays
    /// NotReady this long: a flapping link cannot cycle the state faster.
    /// Going NotReady is never delayed; a node that was Ready longer comes
    /// back at once.
    #[serde(with = "duration")]
    pub state_damping: Duration,
    /// Open connections (TLS handshakes included) one source IP may hold; 0 = no cap.
    pub max_connections_per_source: usize,
    /// Log filter (tracing EnvFilter syntax), e.g. `info` or `piccolo_master=debug`.
    pub log: String,
}

impl Default for MasterConfig {
    fn default() -> Self {
        Self {
            data_dir: PathBuf::from("/var/lib/piccolo-master"),
            listen: "0.0.0.0:7443".into(),
            http_listen: "127.0.0.1:7080".into(),
            store: StoreKind::Embedded,
            etcd_endpoints: vec!["http://127.0.0.1:2379".into()],
            etcd_timeout: Duration::from_secs(5),
            server_names: Vec::new(),
            advertise: String::new(),
            auto_approve: true,
            heartbeat_interval: Duration::from_secs(10),
            heartbeat_timeout: Duration::from_secs(30),
            keepalive_interval: Duration::from_secs(1),
            keepalive_timeout: Duration::from_secs(2),
            node_cert_ttl: Duration::from_secs(7 * 86400),
            admin_cert_ttl: Duration::from_secs(365 * 86400),
            token_ttl: Duration::from_secs(600),
            token_sweep_interval: Duration::from_secs(60),
            allow_short_intervals: false,
            liveness_persist_interval: Duration::from_secs(60),
            max_events: 10_000,
            state_damping: Duration::from_secs(5),
            max_connections_per_source: 0,
            log: "info".into(),
        }
    }
}

/// Minimum heartbeat interval in production (seed 000 section 8).
pub const MIN_HEARTBEAT: Duration = Duration::from_secs(5);

fn key_err(key: &str, reason: impl Into<String>) -> ConfigError {
    ConfigError::Key { key: key.into(), reason: reason.into() }
}

impl MasterConfig {
    /// Merges file, environment and flag overrides, then validates.
    pub fn load(file: Option<&Path>, flags: toml::Table) -> Result<Self, ConfigError> {
        let mut table = match file {
            Some(path) => config::read_file(path)?,
            None => toml::Table::new(),
        };
        config::apply_env(&mut table, ENV_KEYS, LIST_KEYS);
        for (k, v) in flags {
            config::set(&mut table, &k, v);
        }
        let cfg: Self = config::finish(table)?;
        cfg.validate()?;
        Ok(cfg)
    }

    /// Checks values that parse but make no sense.
    pub fn validate(&self) -> Result<(), ConfigError> {
        self.listen
            .parse::<SocketAddr>()
            .map_err(|_| key_err("listen", format!("{:?} is not HOST:PORT with a numeric IP", self.listen)))?;
        if !self.http_listen.is_empty() {
            self.http_listen.parse::<SocketAddr>().map_err(|_| {
                key_err("http_listen", format!("{:?} is not IP:PORT (or empty to disable)", self.http_listen))
            })?;
        }
        if self.store == StoreKind::Etcd && self.etcd_endpoints.is_empty() {
            return Err(key_err("etcd_endpoints", "store = \"etcd\" needs at least one endpoint"));
        }
        if !self.allow_short_intervals && self.heartbeat_interval < MIN_HEARTBEAT {
            return Err(key_err(
                "heartbeat_interval",
                format!("{} is below the minimum of 5s", config::format_duration(self.heartbeat_interval)),
            ));
        }
        if self.heartbeat_timeout <= self.heartbeat_interval {
            return Err(key_err("heartbeat_timeout", "must be longer than heartbeat_interval (default 3x)"));
        }
        if self.keepalive_interval.is_zero() || self.keepalive_timeout.is_zero() {
            return Err(key_err("keepalive_interval", "keepalive interval and timeout must be above zero"));
        }
        if self.node_cert_ttl < Duration::from_secs(60) && !self.allow_short_intervals {
            return Err(key_err("node_cert_ttl", "must be at least 1m"));
        }
        if self.token_ttl.is_zero() {
            return Err(key_err("token_ttl", "must be above zero"));
        }
        Ok(())
    }

    /// The listen address (validated).
    pub fn listen_addr(&self) -> SocketAddr {
        self.listen.parse().unwrap_or_else(|_| SocketAddr::from(([0, 0, 0, 0], 7443)))
    }

    /// Names for the serving certificate: configured ones, else localhost,
    /// loopback, the hostname and the listen IP.
    pub fn cert_names(&self) -> Vec<String> {
        let mut names = self.server_names.clone();
        if names.is_empty() {
            names = vec!["localhost".into(), "127.0.0.1".into(), "::1".into()];
            if let Ok(h) = std::fs::read_to_string("/proc/sys/kernel/hostname") {
                let h = h.trim().to_string();
                if !h.is_empty() {
                    names.push(h);
                }
            }
        }
        let ip = self.listen_addr().ip();
        if !ip.is_unspecified() && !names.contains(&ip.to_string()) {
            names.push(ip.to_string());
        }
        names
    }

    /// Endpoint piccoloctl should use, given the port actually bound.
    pub fn admin_endpoint(&self, port: u16) -> String {
        if !self.advertise.is_empty() {
            return self.advertise.clone();
        }
        let ip = self.listen_addr().ip();
        let host = if ip.is_unspecified() {
            self.server_names.first().cloned().unwrap_or_else(|| "127.0.0.1".into())
        } else {
            ip.to_string()
        };
        if host.contains(':') { format!("[{host}]:{port}") } else { format!("{host}:{port}") }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(toml_text: &str) -> Result<MasterConfig, ConfigError> {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("m.toml");
        std::fs::write(&path, toml_text).expect("write");
        MasterConfig::load(Some(&path), toml::Table::new())
    }

    #[test]
    fn defaults_are_valid() {
        MasterConfig::default().validate().expect("valid");
    }

    #[test]
    fn errors_name_the_key() {
        let err = load("heartbeat_interval = \"1s\"").expect_err("too short");
        assert!(err.to_string().contains("`heartbeat_interval`"), "{err}");
        let err = load("listen = \"nowhere\"").expect_err("bad listen");
        assert!(err.to_string().contains("`listen`"), "{err}");
        let err = load("no_such_key = 1").expect_err("unknown key");
        assert!(err.to_string().contains("no_such_key"), "{err}");
        let err = load("store = \"mysql\"").expect_err("bad store");
        assert!(err.to_string().contains("mysql"), "{err}");
    }

    #[test]
    fn short_intervals_need_the_explicit_test_setting() {
        let cfg = load("allow_short_intervals = true\nheartbeat_interval = \"200ms\"\nheartbeat_timeout = \"1s\"")
            .expect("ok");
        assert_eq!(cfg.heartbeat_interval, Duration::from_millis(200));
    }

    #[test]
    fn flags_override_file() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("m.toml");
        std::fs::write(&path, "listen = \"127.0.0.1:1\"").expect("write");
        let mut flags = toml::Table::new();
        flags.insert("listen".into(), toml::Value::String("127.0.0.1:2".into()));
        let cfg = MasterConfig::load(Some(&path), flags).expect("ok");
        assert_eq!(cfg.listen, "127.0.0.1:2");
    }
}
