//! Starting a master (and an etcd) for a run when none is given: the real
//! `piccolo-master run` binary in a temp dir on free loopback ports, with the
//! production defaults except the ones the run sets (heartbeat interval, store,
//! `--master-set KEY=VALUE` lines). Unlike the test kit's master it logs at
//! `info`, as a deployment would, so logging costs what it costs in production.
//! Both die with the load generator (the test kit's `Proc` kills on drop).
//! With several masters ([`start_cluster`]): a 3-member etcd on loopback, the
//! first master creates the cluster and its `cluster.secret`, the others join
//! with it, each its own process (`master_name` m0, m1, ...).

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use piccolo_tests::proc::Proc;
use piccolo_tests::{Etcd, EtcdCluster, bins, free_port};

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
    let endpoints = etcd.as_ref().map(|e| format!("\"{}\"", e.endpoint()));
    spawn_master(endpoints.as_deref(), heartbeat, extra, etcd).await
}

/// Several masters on one 3-member etcd cluster.
pub struct Cluster {
    pub etcd: EtcdCluster,
    pub masters: Vec<Launched>,
}

/// Starts a 3-member etcd and `n` masters on it: the first creates the
/// cluster, the others join with its `cluster.secret`.
pub async fn start_cluster(n: usize, heartbeat: Duration, extra: &[String]) -> Result<Cluster, String> {
    let etcd = EtcdCluster::start(3).await;
    let endpoints = etcd.endpoints().split(',').map(|e| format!("\"{e}\"")).collect::<Vec<_>>().join(", ");
    let mut masters: Vec<Launched> = Vec::new();
    for i in 0..n {
        let mut lines = extra.to_vec();
        lines.push(format!("master_name=\"m{i}\""));
        if let Some(first) = masters.first() {
            let secret = first.root.path().join("master").join("cluster.secret");
            lines.push(format!("cluster_secret_file=\"{}\"", secret.display()));
        }
        masters.push(spawn_master(Some(&endpoints), heartbeat, &lines, None).await?);
    }
    Ok(Cluster { etcd, masters })
}

/// One master process on `etcd_endpoints` (a TOML list body) or the embedded store.
async fn spawn_master(
    endpoints: Option<&str>,
    heartbeat: Duration,
    extra: &[String],
    etcd: Option<Etcd>,
) -> Result<Launched, String> {
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
    if let Some(e) = endpoints {
        toml.push_str(&format!("store = \"etcd\"\netcd_endpoints = [{e}]\n"));
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
