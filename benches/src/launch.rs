//! Starting a master (and an etcd) for a run when none is given: the real
//! `piccolo-master run` binary in a temp dir on free loopback ports, with the
//! production defaults except the ones the run sets (heartbeat interval, store,
//! `--master-set KEY=VALUE` lines). Unlike the test kit's master it logs at
//! `info`, as a deployment would, so logging costs what it costs in production.
//! Both die with the load generator (the test kit's `Proc` kills on drop).

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use piccolo_tests::proc::Proc;
use piccolo_tests::{Etcd, bins, free_port};

/// A master this run started.
pub struct Launched {
    pub root: tempfile::TempDir,
    pub addr: String,
    pub http_port: u16,
    pub admin_conf: PathBuf,
    pub proc: Proc,
    pub etcd: Option<Etcd>,
}

impl Launched {
    pub fn pid(&self) -> Option<u32> {
        self.proc.pid()
    }

    pub fn log_path(&self) -> PathBuf {
        self.root.path().join("master.log")
    }
}

/// Starts etcd when `store` is `etcd`, then the master; waits until it serves.
pub async fn start(store: &str, heartbeat: Duration, extra: &[String]) -> Result<Launched, String> {
    let etcd = if store == "etcd" { Some(Etcd::start().await) } else { None };
    let root = tempfile::tempdir().map_err(|e| e.to_string())?;
    let data_dir = root.path().join("master");
    let port = free_port();
    let http_port = free_port();
    let hb = piccolo_common::config::format_duration(heartbeat);
    let timeout = piccolo_common::config::format_duration(heartbeat * 3);
    let mut toml = format!(
        "data_dir = \"{}\"\nlisten = \"127.0.0.1:{port}\"\nhttp_listen = \"127.0.0.1:{http_port}\"\nheartbeat_interval = \"{hb}\"\nheartbeat_timeout = \"{timeout}\"\n",
        data_dir.display()
    );
    if heartbeat < Duration::from_secs(5) {
        toml.push_str("allow_short_intervals = true\n");
    }
    if let Some(e) = &etcd {
        toml.push_str(&format!("store = \"etcd\"\netcd_endpoints = [\"{}\"]\n", e.endpoint()));
    }
    for line in extra {
        let (k, v) = line.split_once('=').ok_or_else(|| format!("--master-set {line:?}: expected KEY=VALUE"))?;
        toml.push_str(&format!("{} = {}\n", k.trim(), v.trim()));
    }
    let config = root.path().join("master.toml");
    std::fs::write(&config, &toml).map_err(|e| e.to_string())?;
    let mut cmd = Command::new(bins::path("piccolo-master"));
    cmd.arg("run").arg("--config").arg(&config);
    let log = root.path().join("master.log");
    let proc = Proc::spawn("piccolo-master", cmd, &log);
    let admin_conf = data_dir.join("admin.conf");
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if admin_conf.exists() && piccolo_tests::master::admin_client(&admin_conf).await.is_ok() {
            break;
        }
        if Instant::now() > deadline {
            return Err(format!("the master did not start; log:\n{}", proc.output()));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Ok(Launched { root, addr: format!("127.0.0.1:{port}"), http_port, admin_conf, proc, etcd })
}
