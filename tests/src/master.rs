//! A real `piccolo-master` in a temp dir on free loopback ports.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

use piccolo_common::connect::{ConnectOptions, connect};
use piccolo_common::credential::AdminCredential;
use piccolo_common::tls::{Identity, client_config};
use piccolo_proto::api_server_service_client::ApiServerServiceClient;
use piccolo_proto::{CreateTokenRequest, GetClusterInfoRequest, GetNodesRequest, Node, NodeState};
use tonic::transport::Channel;

use crate::proc::Proc;
use crate::{bins, free_port, wait_until};

/// Admin API client.
pub type AdminClient = ApiServerServiceClient<Channel>;

/// How to start a master.
#[derive(Clone)]
pub struct MasterOptions {
    /// `None`: embedded store; `Some(endpoints)`: etcd.
    pub etcd: Option<String>,
    pub auto_approve: bool,
    pub heartbeat_interval: &'static str,
    pub heartbeat_timeout: &'static str,
    /// `state_damping` (short in tests so recoveries are quick).
    pub state_damping: &'static str,
    /// Extra TOML lines.
    pub extra: String,
    /// IP the gRPC port listens on (`[::]` for dual-stack in a private namespace).
    pub listen_ip: &'static str,
    /// Data dir (default: `master/` in the temp root).
    pub data_dir: Option<PathBuf>,
}

impl Default for MasterOptions {
    fn default() -> Self {
        Self {
            etcd: None,
            auto_approve: true,
            heartbeat_interval: "500ms",
            heartbeat_timeout: "3s",
            state_damping: "1s",
            extra: String::new(),
            listen_ip: "127.0.0.1",
            data_dir: None,
        }
    }
}

/// A running master.
pub struct Master {
    pub root: tempfile::TempDir,
    pub data_dir: PathBuf,
    pub port: u16,
    pub http_port: u16,
    config: PathBuf,
    proc: Option<Proc>,
}

impl Master {
    /// Starts a master and waits until it serves.
    pub async fn start(opts: MasterOptions) -> Self {
        let mut m = Self::configure(opts);
        m.spawn().await;
        m
    }

    /// Restores `backup` into a new data dir and store with
    /// `piccolo-master restore`, then starts the master there.
    pub async fn start_restored(opts: MasterOptions, backup: &Path) -> Self {
        let mut m = Self::configure(opts);
        let out = m.restore(backup);
        assert!(out.status.success(), "restore failed: {}", String::from_utf8_lossy(&out.stderr));
        m.spawn().await;
        m
    }

    /// Runs `piccolo-master restore --config .. --from FILE` for this master's settings.
    pub fn restore(&self, backup: &Path) -> std::process::Output {
        Command::new(bins::path("piccolo-master"))
            .arg("restore")
            .arg("--config")
            .arg(&self.config)
            .arg("--from")
            .arg(backup)
            .output()
            .unwrap_or_else(|e| panic!("run piccolo-master restore: {e}"))
    }

    /// Writes the config of a master without starting it.
    pub fn configure(opts: MasterOptions) -> Self {
        let root = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        let data_dir = opts.data_dir.clone().unwrap_or_else(|| root.path().join("master"));
        let port = free_port();
        let http_port = free_port();
        let mut toml = format!(
            "data_dir = \"{}\"\nlisten = \"{}:{port}\"\nhttp_listen = \"127.0.0.1:{http_port}\"\nallow_short_intervals = true\nheartbeat_interval = \"{}\"\nheartbeat_timeout = \"{}\"\nauto_approve = {}\n",
            data_dir.display(),
            opts.listen_ip,
            opts.heartbeat_interval,
            opts.heartbeat_timeout,
            opts.auto_approve
        );
        if let Some(ep) = &opts.etcd {
            let eps: Vec<String> = ep.split(',').map(|e| format!("\"{e}\"")).collect();
            toml.push_str(&format!("store = \"etcd\"\netcd_endpoints = [{}]\netcd_timeout = \"2s\"\n", eps.join(", ")));
        }
        toml.push_str(&format!("state_damping = \"{}\"\n", opts.state_damping));
        // Debug lines for the tests, unless `extra` sets the level itself
        // (measurements run the shipped `info`: log lines are disk writes).
        if !opts.extra.lines().any(|l| l.trim_start().starts_with("log ") || l.trim_start().starts_with("log=")) {
            toml.push_str("log = \"info,piccolo_master=debug\"\n");
        }
        toml.push_str(&opts.extra);
        let config = root.path().join("master.toml");
        std::fs::write(&config, toml).unwrap_or_else(|e| panic!("write config: {e}"));
        Self { root, data_dir, port, http_port, config, proc: None }
    }

    /// Runs a [`Master::configure`]d master that is expected to refuse to
    /// start; returns its exit code and stderr (panics if it still runs
    /// after `limit`).
    pub async fn run_expecting_exit(&self, limit: Duration) -> (Option<i32>, String) {
        let mut child = tokio::process::Command::new(bins::path("piccolo-master"))
            .arg("run")
            .arg("--config")
            .arg(&self.config)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .unwrap_or_else(|e| panic!("run piccolo-master: {e}"));
        let Ok(status) = tokio::time::timeout(limit, child.wait()).await else {
            panic!("piccolo-master still runs after {limit:?}; expected it to refuse to start");
        };
        let mut err = String::new();
        if let Some(mut s) = child.stderr.take() {
            use tokio::io::AsyncReadExt;
            let _ = s.read_to_string(&mut err).await;
        }
        (status.ok().and_then(|s| s.code()), err)
    }

    /// The master's config file (TOML), e.g. to edit before [`Master::launch`].
    pub fn config_path(&self) -> &Path {
        &self.config
    }

    /// Starts a [`Master::configure`]d master and waits until it serves.
    pub async fn launch(&mut self) {
        self.spawn().await;
    }

    async fn spawn(&mut self) {
        let mut cmd = Command::new(bins::path("piccolo-master"));
        cmd.arg("run").arg("--config").arg(&self.config);
        let log = self.root.path().join("master.log");
        self.proc = Some(Proc::spawn("piccolo-master", cmd, &log));
        let admin = self.admin_conf();
        let log_path = log.clone();
        wait_until("master to serve", Duration::from_secs(20), || {
            let admin = admin.clone();
            let log_path = log_path.clone();
            async move {
                if !admin.exists() {
                    return Err(format!(
                        "no admin.conf yet; log: {}",
                        std::fs::read_to_string(&log_path).unwrap_or_default()
                    ));
                }
                let tail = || {
                    let log = std::fs::read_to_string(&log_path).unwrap_or_default();
                    let cut = log.len().saturating_sub(3000);
                    log.get(cut..).unwrap_or_default().to_string()
                };
                let mut c = admin_client(&admin).await.map_err(|e| format!("{e}; log tail:\n{}", tail()))?;
                c.get_cluster_info(GetClusterInfoRequest {})
                    .await
                    .map_err(|e| format!("{e}; log tail:\n{}", tail()))?;
                Ok(())
            }
        })
        .await;
    }

    /// `127.0.0.1:PORT`.
    pub fn addr(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    pub fn admin_conf(&self) -> PathBuf {
        self.data_dir.join("admin.conf")
    }

    pub fn ca_file(&self) -> PathBuf {
        self.data_dir.join("ca.crt")
    }

    /// The master's log so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.root.path().join("master.log")).unwrap_or_default()
    }

    pub fn pid(&self) -> Option<u32> {
        self.proc.as_ref().and_then(|p| p.pid())
    }

    /// SIGKILL.
    pub fn kill9(&mut self) {
        if let Some(mut p) = self.proc.take() {
            p.kill9();
        }
    }

    /// Freezes the process (SIGSTOP): its sockets stay open, nothing answers.
    pub fn freeze(&self) {
        if let Some(p) = &self.proc {
            p.signal(nix::sys::signal::Signal::SIGSTOP);
        }
    }

    /// Undoes `freeze`.
    pub fn thaw(&self) {
        if let Some(p) = &self.proc {
            p.signal(nix::sys::signal::Signal::SIGCONT);
        }
    }

    /// SIGTERM and wait; returns the exit code.
    pub fn stop(&mut self) -> Option<i32> {
        self.proc.take().and_then(|mut p| p.terminate(Duration::from_secs(10)))
    }

    /// Starts it again on the same port and data dir.
    pub async fn restart(&mut self) {
        self.stop();
        self.spawn().await;
    }

    /// A channel with no client certificate (what a load balancer has).
    pub async fn anonymous_channel(&self) -> Channel {
        let ca = piccolo_common::pem::certs(&std::fs::read_to_string(self.ca_file()).unwrap_or_default())
            .unwrap_or_else(|e| panic!("ca: {e}"));
        channel_with(&self.addr(), &ca, None).await.unwrap_or_else(|e| panic!("connect: {e}"))
    }

    /// An admin client.
    pub async fn admin(&self) -> AdminClient {
        admin_client(&self.admin_conf()).await.unwrap_or_else(|e| panic!("admin client: {e}"))
    }

    /// Issues another credential (`piccolo-master credential`): admin, or a
    /// read-only viewer; returns its path.
    pub fn credential(&self, name: &str, viewer: bool) -> PathBuf {
        let out = self.root.path().join(format!("{name}.conf"));
        let mut cmd = Command::new(bins::path("piccolo-master"));
        cmd.arg("credential")
            .arg("--data-dir")
            .arg(&self.data_dir)
            .args(["--name", name, "--endpoint", &self.addr(), "-o"])
            .arg(&out);
        if viewer {
            cmd.arg("--viewer");
        }
        let o = cmd.output().unwrap_or_else(|e| panic!("run piccolo-master credential: {e}"));
        assert!(o.status.success(), "credential: {}", String::from_utf8_lossy(&o.stderr));
        out
    }

    /// Runs piccoloctl with this master's credential.
    pub async fn ctl(&self, args: &[&str]) -> std::process::Output {
        tokio::process::Command::new(bins::path("piccoloctl"))
            .arg("--admin-config")
            .arg(self.admin_conf())
            .args(args)
            .output()
            .await
            .unwrap_or_else(|e| panic!("run piccoloctl: {e}"))
    }

    /// A fresh token with `uses` uses (0 = unlimited).
    pub async fn token(&self, uses: u32) -> String {
        self.admin()
            .await
            .create_token(CreateTokenRequest { ttl_seconds: 600, uses, ..Default::default() })
            .await
            .unwrap_or_else(|e| panic!("create token: {e}"))
            .into_inner()
            .token
    }

    /// `sha256:<hex>` of the CA.
    pub async fn ca_hash(&self) -> String {
        self.admin()
            .await
            .get_cluster_info(GetClusterInfoRequest {})
            .await
            .unwrap_or_else(|e| panic!("cluster info: {e}"))
            .into_inner()
            .ca_cert_hash
    }

    pub async fn nodes(&self) -> Vec<Node> {
        match admin_client(&self.admin_conf()).await {
            Ok(mut c) => c.get_nodes(GetNodesRequest {}).await.map(|r| r.into_inner().nodes).unwrap_or_default(),
            Err(_) => Vec::new(),
        }
    }

    pub async fn node(&self, name: &str) -> Option<Node> {
        // GetNode, not the device list: child masters are found too.
        let req = piccolo_proto::GetNodeRequest { name: name.to_string() };
        // Like `nodes`, a master that does not answer has none.
        let mut c = admin_client(&self.admin_conf()).await.ok()?;
        c.get_node(req).await.ok()?.into_inner().node
    }

    /// Waits until `name` is in `state`; returns the node.
    pub async fn wait_state(&self, name: &str, state: NodeState, timeout: Duration) -> Node {
        wait_until(&format!("{name} to be {}", state.label()), timeout, || async {
            match self.node(name).await {
                Some(n) if n.state() == state => Ok(n),
                Some(n) => Err(format!("{} ({})", n.state().label(), n.reason)),
                None => Err("no such node".into()),
            }
        })
        .await
    }

    /// Health endpoint body.
    pub async fn http_get(&self, path: &str) -> (u16, String) {
        http_get(self.http_port, path).await
    }
}

/// Connects with an admin.conf.
pub async fn admin_client(path: &Path) -> Result<AdminClient, String> {
    let ch = credential_channel(path).await?;
    Ok(ApiServerServiceClient::new(ch).max_decoding_message_size(64 << 20))
}

/// A channel to the master named in a credential file, with its certificate.
pub async fn credential_channel(path: &Path) -> Result<Channel, String> {
    let cred = AdminCredential::load(path).map_err(|e| e.to_string())?;
    let ca = piccolo_common::pem::certs(&cred.ca).map_err(|e| e.to_string())?;
    let id = Identity::from_pem(&cred.cert, &cred.key).map_err(|e| e.to_string())?;
    channel_with(&cred.endpoint, &ca, Some(id)).await
}

/// A channel to `endpoint` trusting `ca`, with a client identity or none.
pub async fn channel_with(
    endpoint: &str,
    ca: &[rustls_pki_types::CertificateDer<'static>],
    id: Option<Identity>,
) -> Result<Channel, String> {
    let tls = client_config(ca, id).map_err(|e| e.to_string())?;
    let opts = ConnectOptions { connect_timeout: Duration::from_secs(2), ..Default::default() };
    connect(endpoint, Arc::new(tls), opts).await.map_err(|e| e.to_string())
}

/// Minimal HTTP/1.1 GET on loopback; returns (status, body).
pub async fn http_get(port: u16, path: &str) -> (u16, String) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut s = match tokio::net::TcpStream::connect(("127.0.0.1", port)).await {
        Ok(s) => s,
        Err(e) => return (0, e.to_string()),
    };
    let req = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    if s.write_all(req.as_bytes()).await.is_err() {
        return (0, String::new());
    }
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf).await;
    let text = String::from_utf8_lossy(&buf).into_owned();
    let status = text.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    let body = text.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default();
    (status, body)
}
