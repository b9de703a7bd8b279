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
    "admin_keepalive_interval",
    "admin_keepalive_timeout",
    "node_cert_ttl",
    "admin_cert_ttl",
    "token_ttl",
    "token_sweep_interval",
    "allow_short_intervals",
    "liveness_persist_interval",
    "max_events",
    "address_pool",
    "parent_master",
    "parent_token",
    "parent_ca_file",
    "parent_ca_cert_hash",
    "cluster_name",
    "zone",
    "state_damping",
    "reschedule_after",
    "max_connections_per_source",
    "log",
    "log_dir",
    "enrol_max_failures",
    "enrol_failure_window",
    "audit_max_bytes",
    "audit_keep",
    "node_cert_grace",
    "etcd_ca_file",
    "etcd_cert_file",
    "etcd_key_file",
    "cluster_secret_file",
    "master_name",
    "master_lease_ttl",
    "failover_grace",
    "store_loss_handoff",
    "store_probe_interval",
    "tls_handshake_timeout",
    "first_request_timeout",
    "enrol_log_interval",
    "worker_threads",
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
    /// TLS to etcd (`https://` endpoints): the CA that signed etcd's serving
    /// certificate, and the master's client certificate and key when etcd
    /// requires client certificates. Empty: plain connections.
    pub etcd_ca_file: PathBuf,
    pub etcd_cert_file: PathBuf,
    pub etcd_key_file: PathBuf,
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
    /// The same for every other connection (admins, viewers, REST clients,
    /// enrolling devices): lax, so a watch stream with megabytes queued on a
    /// busy master is not cut because a PING ack waited behind them.
    #[serde(with = "duration")]
    pub admin_keepalive_interval: Duration,
    #[serde(with = "duration")]
    pub admin_keepalive_timeout: Duration,
    #[serde(with = "duration")]
    pub node_cert_ttl: Duration,
    /// How long past its expiry a node certificate may still renew itself
    /// (same key only); after that the device must re-enrol with a token.
    #[serde(with = "duration")]
    pub node_cert_grace: Duration,
    #[serde(with = "duration")]
    pub admin_cert_ttl: Duration,
    #[serde(with = "duration")]
    pub token_ttl: Duration,
    #[serde(with = "duration")]
    pub token_sweep_interval: Duration,
    /// Lets tests use intervals below the production minimums. Never in production.
    pub allow_short_intervals: bool,
    /// How often unchanged liveness (last heartbeat times, resource and
    /// container usage) is written to the store; 0 (the default): never on
    /// its own, only with a change of state, checks or containers, so an
    /// idle master writes nothing (flash).
    #[serde(with = "duration")]
    pub liveness_persist_interval: Duration,
    /// Lifecycle events kept in the store.
    pub max_events: u64,
    /// CIDR of stable per-node cluster addresses (e.g. `10.77.0.0/24`); empty: none.
    pub address_pool: String,
    /// Multi-embedded cluster: `HOST:PORT` of a parent master to enrol with
    /// and report to; empty: none.
    pub parent_master: String,
    /// Bootstrap token from the parent (only needed until enrolled).
    pub parent_token: String,
    /// Trust for the parent: its CA file, or its `sha256:<hex>` pin.
    pub parent_ca_file: String,
    pub parent_ca_cert_hash: String,
    /// This cluster's name at the parent (a node name).
    pub cluster_name: String,
    /// This cluster's zone, reported to the parent.
    pub zone: String,
    /// A node that goes NotReady less than this after it became Ready stays
    /// NotReady this long: a flapping link cannot cycle the state faster.
    /// Going NotReady is never delayed; a node that was Ready longer comes
    /// back at once.
    #[serde(with = "duration")]
    pub state_damping: Duration,
    /// A count-placed workload replica whose node stays NotReady this long is
    /// placed on another node (the old one is stopped when the node returns).
    #[serde(with = "duration")]
    pub reschedule_after: Duration,
    /// Open connections (TLS handshakes included) one source IP may hold; 0 = no cap.
    pub max_connections_per_source: usize,
    /// Log filter: a level or `target=level` list, e.g. `info` or `info,piccolo_master=debug`.
    pub log: String,
    /// Directory for daily log files kept 7 days, when not under systemd ("" = stderr).
    pub log_dir: String,
    /// Alert hooks: a command and/or webhook run on chosen events.
    pub hooks: Vec<crate::hooks::HookConfig>,
    /// Failed enrolments (bad tokens) one source IP may make per window before
    /// its enrolments are refused until the window ends; 0 disables the limit.
    pub enrol_max_failures: u32,
    #[serde(with = "duration")]
    pub enrol_failure_window: Duration,
    /// Refused enrolments are logged one by one only for the first few per
    /// address in each such interval; the rest in one summary line per address.
    #[serde(with = "duration")]
    pub enrol_log_interval: Duration,
    /// `audit.log` is rotated past this size; this many old files are kept.
    pub audit_max_bytes: u64,
    pub audit_keep: u32,
    /// Join the cluster already in etcd with this secret (a copy of
    /// `DATA_DIR/cluster.secret` from one of its masters); empty: create the
    /// cluster on an empty etcd, or carry on as a master of it.
    pub cluster_secret_file: PathBuf,
    /// This master's name among the masters (default: host name and listen port).
    pub master_name: String,
    /// TTL of the etcd lease under which a master registers and leads; a
    /// dead leader is replaced within about this long.
    #[serde(with = "duration")]
    pub master_lease_ttl: Duration,
    /// A device whose master died and that is back in a session on another
    /// master within this is never reported NotReady for it.
    #[serde(with = "duration")]
    pub failover_grace: Duration,
    /// Several masters: a master that cannot reach any etcd member this long
    /// closes its devices' sessions so they move to a master that can write
    /// (a lost quorum, where etcd still answers, keeps them).
    #[serde(with = "duration")]
    pub store_loss_handoff: Duration,
    /// How often the master asks the store whether it answers, so an
    /// unreachable store shows as degraded even when nothing is written.
    #[serde(with = "duration")]
    pub store_probe_interval: Duration,
    /// A connection must finish its TLS handshake within this, and then send
    /// its first request bytes (the HTTP/2 preface) within
    /// `first_request_timeout`, or it is closed.
    #[serde(with = "duration")]
    pub tls_handshake_timeout: Duration,
    #[serde(with = "duration")]
    pub first_request_timeout: Duration,
    /// Runtime worker threads. 1: one thread runs everything (a
    /// current-thread runtime) with one malloc arena, the leanest master
    /// (docs/PERFORMANCE.md, "The master"); 0 (the default): one per core,
    /// except in a device-master build (embedded store only), where 0 means 1.
    pub worker_threads: u32,
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
            etcd_ca_file: PathBuf::new(),
            etcd_cert_file: PathBuf::new(),
            etcd_key_file: PathBuf::new(),
            server_names: Vec::new(),
            advertise: String::new(),
            auto_approve: true,
            heartbeat_interval: Duration::from_secs(10),
            heartbeat_timeout: Duration::from_secs(30),
            keepalive_interval: Duration::from_millis(1500),
            keepalive_timeout: Duration::from_secs(2),
            admin_keepalive_interval: Duration::from_secs(30),
            admin_keepalive_timeout: Duration::from_secs(20),
            node_cert_ttl: Duration::from_secs(7 * 86400),
            node_cert_grace: Duration::from_secs(90 * 86400),
            admin_cert_ttl: Duration::from_secs(365 * 86400),
            token_ttl: Duration::from_secs(600),
            token_sweep_interval: Duration::from_secs(60),
            allow_short_intervals: false,
            liveness_persist_interval: Duration::ZERO,
            max_events: 10_000,
            address_pool: String::new(),
            parent_master: String::new(),
            parent_token: String::new(),
            parent_ca_file: String::new(),
            parent_ca_cert_hash: String::new(),
            cluster_name: String::new(),
            zone: String::new(),
            state_damping: Duration::from_secs(5),
            reschedule_after: Duration::from_secs(60),
            max_connections_per_source: 0,
            log: "info".into(),
            log_dir: String::new(),
            hooks: Vec::new(),
            enrol_max_failures: 10,
            enrol_failure_window: Duration::from_secs(60),
            enrol_log_interval: Duration::from_secs(60),
            audit_max_bytes: 10 << 20,
            audit_keep: 5,
            cluster_secret_file: PathBuf::new(),
            master_name: String::new(),
            master_lease_ttl: Duration::from_secs(3),
            failover_grace: Duration::from_secs(10),
            store_loss_handoff: Duration::from_secs(10),
            store_probe_interval: Duration::from_secs(5),
            tls_handshake_timeout: Duration::from_secs(10),
            first_request_timeout: Duration::from_secs(10),
            worker_threads: 0,
        }
    }
}

/// Most runtime worker threads a master may be given.
pub const MAX_WORKER_THREADS: u32 = 256;

/// Minimum heartbeat interval in production (seed 000 section 8).
pub const MIN_HEARTBEAT: Duration = Duration::from_secs(5);

fn key_err(key: &str, reason: impl Into<String>) -> ConfigError {
    ConfigError::Key { key: key.into(), reason: reason.into() }
}

impl MasterConfig {
    /// Merges file, environment and flag overrides, then validates.
    pub fn load(file: Option<&Path>, flags: toml::Table) -> Result<Self, ConfigError> {
        let cfg: Self = config::layered(file, ENV_KEYS, LIST_KEYS, flags)?;
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
        for (key, d) in [
            ("keepalive_interval", self.keepalive_interval),
            ("keepalive_timeout", self.keepalive_timeout),
            ("admin_keepalive_interval", self.admin_keepalive_interval),
            ("admin_keepalive_timeout", self.admin_keepalive_timeout),
            ("store_probe_interval", self.store_probe_interval),
            ("tls_handshake_timeout", self.tls_handshake_timeout),
            ("first_request_timeout", self.first_request_timeout),
            ("enrol_log_interval", self.enrol_log_interval),
        ] {
            if d.is_zero() {
                return Err(key_err(key, "must be above zero"));
            }
        }
        if self.node_cert_ttl < Duration::from_secs(60) && !self.allow_short_intervals {
            return Err(key_err("node_cert_ttl", "must be at least 1m"));
        }
        for (i, h) in self.hooks.iter().enumerate() {
            h.validate().map_err(|reason| key_err(&format!("hooks[{i}]"), reason))?;
        }
        if self.etcd_cert_file.as_os_str().is_empty() != self.etcd_key_file.as_os_str().is_empty() {
            return Err(key_err("etcd_cert_file", "etcd_cert_file and etcd_key_file go together"));
        }
        if !self.etcd_cert_file.as_os_str().is_empty() && self.etcd_ca_file.as_os_str().is_empty() {
            return Err(key_err("etcd_ca_file", "a client certificate for etcd needs etcd_ca_file (TLS) too"));
        }
        if self.enrol_failure_window.is_zero() {
            return Err(key_err("enrol_failure_window", "must be above zero"));
        }
        if self.audit_max_bytes < 4096 {
            return Err(key_err("audit_max_bytes", "must be at least 4096"));
        }
        if !self.address_pool.is_empty() {
            crate::topology::pool::Cidr::parse(&self.address_pool)
                .map_err(|e| key_err("address_pool", e.to_string()))?;
        }
        if !self.parent_master.is_empty() {
            piccolo_common::connect::server_name(&self.parent_master)
                .map_err(|_| key_err("parent_master", format!("{:?} is not HOST:PORT", self.parent_master)))?;
            piccolo_common::names::validate_node_name(&self.cluster_name)
                .map_err(|e| key_err("cluster_name", format!("a child master needs its name at the parent: {e}")))?;
            if self.parent_ca_file.is_empty() && self.parent_ca_cert_hash.is_empty() {
                return Err(key_err("parent_ca_cert_hash", "set parent_ca_cert_hash (sha256:HEX) or parent_ca_file"));
            }
        }
        if self.store == StoreKind::Embedded && !self.cluster_secret_file.as_os_str().is_empty() {
            return Err(key_err(
                "cluster_secret_file",
                "only masters on etcd share a cluster; the embedded store is one master (use --store etcd, or drop --cluster-secret-file)",
            ));
        }
        if self.master_lease_ttl < Duration::from_secs(2) {
            return Err(key_err("master_lease_ttl", "must be at least 2s (etcd's shortest lease)"));
        }
        if !self.master_name.is_empty() {
            piccolo_common::names::validate_node_name(&self.master_name)
                .map_err(|e| key_err("master_name", e.to_string()))?;
        }
        if self.token_ttl.is_zero() {
            return Err(key_err("token_ttl", "must be above zero"));
        }
        if self.worker_threads > MAX_WORKER_THREADS {
            return Err(key_err(
                "worker_threads",
                format!("{} is above {MAX_WORKER_THREADS}; 0 picks one per core", self.worker_threads),
            ));
        }
        Ok(())
    }

    /// How many runtime worker threads to run: `worker_threads`, or for 0
    /// one per core (at least 1); a device-master build (no etcd client)
    /// takes 0 as 1.
    pub fn runtime_workers(&self) -> usize {
        match self.worker_threads {
            0 if !cfg!(feature = "etcd") => 1,
            0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
            n => n as usize,
        }
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
        let err = load("cluster_secret_file = \"/x\"").expect_err("embedded store");
        assert!(err.to_string().contains("`cluster_secret_file`") && err.to_string().contains("embedded"), "{err}");
        let err = load("admin_keepalive_timeout = \"0s\"").expect_err("zero keepalive");
        assert!(err.to_string().contains("`admin_keepalive_timeout`"), "{err}");
    }

    #[test]
    fn worker_threads_pick_the_runtime() {
        assert_eq!(load("worker_threads = 1").expect("one").runtime_workers(), 1);
        assert_eq!(load("worker_threads = 3").expect("three").runtime_workers(), 3);
        let auto = load("").expect("default").runtime_workers();
        if cfg!(feature = "etcd") {
            assert_eq!(auto, std::thread::available_parallelism().map_or(1, |n| n.get()));
        } else {
            assert_eq!(auto, 1, "a device master runs one worker by default");
        }
        let err = load("worker_threads = 100000").expect_err("too many");
        assert!(err.to_string().contains("`worker_threads`"), "{err}");
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
