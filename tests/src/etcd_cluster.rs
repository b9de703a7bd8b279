//! A real 3-member etcd cluster on loopback (several masters, issue 15):
//! members can be killed and restarted one by one to take quorum away and
//! give it back.

use std::process::Command;
use std::time::{Duration, Instant};

use crate::free_port;
use crate::proc::Proc;

struct Member {
    name: String,
    client_port: u16,
    peer_port: u16,
    proc: Option<Proc>,
}

/// A running etcd cluster.
pub struct EtcdCluster {
    pub root: tempfile::TempDir,
    members: Vec<Member>,
    /// A second loopback address members also serve clients on (inside a
    /// test's own network namespace), so an nft rule can cut one master.
    alias: Option<&'static str>,
}

impl EtcdCluster {
    /// Starts `n` members and waits until every one answers `/health`.
    pub async fn start(n: usize) -> Self {
        Self::start_with_alias(n, None).await
    }

    /// Members that also serve clients on `alias` (e.g. `127.0.0.2`).
    pub async fn start_with_alias(n: usize, alias: Option<&'static str>) -> Self {
        let root = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        let members = (0..n)
            .map(|i| Member { name: format!("e{i}"), client_port: free_port(), peer_port: free_port(), proc: None })
            .collect();
        let mut c = Self { root, members, alias };
        for i in 0..n {
            c.spawn(i, "new");
        }
        for i in 0..n {
            c.wait_healthy(i, Duration::from_secs(30)).await;
        }
        c
    }

    fn initial_cluster(&self) -> String {
        self.members
            .iter()
            .map(|m| format!("{}=http://127.0.0.1:{}", m.name, m.peer_port))
            .collect::<Vec<_>>()
            .join(",")
    }

    fn spawn(&mut self, i: usize, state: &str) {
        let initial = self.initial_cluster();
        let dir = self.root.path().join(&self.members[i].name);
        let m = &mut self.members[i];
        let c = format!("http://127.0.0.1:{}", m.client_port);
        let listen = match self.alias {
            Some(a) => format!("{c},http://{a}:{}", m.client_port),
            None => c.clone(),
        };
        let p = format!("http://127.0.0.1:{}", m.peer_port);
        let mut cmd = Command::new(crate::etcd::binary());
        cmd.args(["--name", &m.name, "--data-dir"])
            .arg(&dir)
            .args(["--listen-client-urls", &listen, "--advertise-client-urls", &c])
            .args(["--listen-peer-urls", &p, "--initial-advertise-peer-urls", &p])
            .args(["--initial-cluster", &initial, "--initial-cluster-state", state])
            .args(["--initial-cluster-token", "piccolo-test"])
            .env(
                "ETCD_UNSUPPORTED_ARCH",
                std::env::consts::ARCH.replace("x86_64", "amd64").replace("aarch64", "arm64"),
            );
        let log = self.root.path().join(format!("{}.log", m.name));
        m.proc = Some(Proc::spawn("etcd", cmd, &log));
    }

    async fn wait_healthy(&mut self, i: usize, limit: Duration) {
        let port = self.members[i].client_port;
        let deadline = Instant::now() + limit;
        loop {
            if let Some(p) = self.members[i].proc.as_mut()
                && let Some(code) = p.exited()
            {
                panic!("etcd member {i} exited ({code:?}): {}", p.output());
            }
            if crate::master::http_get(port, "/health").await.1.contains("\"health\":\"true\"") {
                return;
            }
            assert!(Instant::now() < deadline, "etcd member {i} (port {port}) not healthy within {limit:?}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Every member's client URL, comma-separated (for `etcd_endpoints`).
    pub fn endpoints(&self) -> String {
        self.members.iter().map(|m| format!("http://127.0.0.1:{}", m.client_port)).collect::<Vec<_>>().join(",")
    }

    /// The client URLs on another address of theirs (see `start_with_alias`).
    pub fn endpoints_on(&self, ip: &str) -> String {
        self.members.iter().map(|m| format!("http://{ip}:{}", m.client_port)).collect::<Vec<_>>().join(",")
    }

    /// The members' client ports.
    pub fn client_ports(&self) -> Vec<u16> {
        self.members.iter().map(|m| m.client_port).collect()
    }

    /// SIGKILL one member.
    pub fn kill9(&mut self, i: usize) {
        if let Some(mut p) = self.members[i].proc.take() {
            p.kill9();
        }
    }

    /// Starts a killed member again on its ports and data.
    pub async fn restart(&mut self, i: usize) {
        self.kill9(i);
        self.spawn(i, "existing");
        self.wait_healthy(i, Duration::from_secs(30)).await;
    }
}
