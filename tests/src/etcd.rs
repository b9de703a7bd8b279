//! A real etcd server (Debian's etcd-server) on free loopback ports.

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use crate::free_port;
use crate::proc::Proc;

/// A running etcd.
pub struct Etcd {
    pub root: tempfile::TempDir,
    pub client_port: u16,
    peer_port: u16,
    proc: Option<Proc>,
    /// Serving TLS with client-certificate auth when set.
    pub tls: Option<crate::pki::Pki>,
}

/// Path of the etcd binary (Debian installs it in /usr/bin).
pub fn binary() -> PathBuf {
    for p in ["/usr/bin/etcd", "/usr/local/bin/etcd"] {
        if std::path::Path::new(p).exists() {
            return PathBuf::from(p);
        }
    }
    panic!("etcd is not installed: run `make test-deps` (apt-get install etcd-server)")
}

impl Etcd {
    pub async fn start() -> Self {
        let root = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        let mut e = Self { root, client_port: free_port(), peer_port: free_port(), proc: None, tls: None };
        e.spawn_on_free_ports().await;
        e
    }

    /// Starts etcd serving clients over TLS, requiring client certificates
    /// from the CA in `self.tls` (made fresh in its temp dir).
    pub async fn start_tls() -> Self {
        let root = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        let pki = crate::pki::make(root.path());
        let mut e = Self { root, client_port: free_port(), peer_port: free_port(), proc: None, tls: Some(pki) };
        e.spawn_on_free_ports().await;
        e
    }

    /// First start: a port picked as free can be taken by another test's
    /// process before etcd binds it; then etcd exits and we try new ports.
    async fn spawn_on_free_ports(&mut self) {
        for _ in 0..3 {
            if self.try_spawn().await.is_ok() {
                return;
            }
            self.kill9();
            let _ = std::fs::remove_dir_all(self.root.path().join("data"));
            (self.client_port, self.peer_port) = (free_port(), free_port());
        }
        panic!("etcd did not start on three sets of free ports; see {}", self.root.path().join("etcd.log").display());
    }

    async fn spawn(&mut self) {
        if let Err(e) = self.try_spawn().await {
            panic!("{e}");
        }
    }

    /// Starts etcd and waits until this very process serves its client port
    /// (it is still running and, without TLS, `/health` says so).
    async fn try_spawn(&mut self) -> Result<(), String> {
        let c = self.endpoint();
        let p = format!("http://127.0.0.1:{}", self.peer_port);
        let mut cmd = Command::new(binary());
        cmd.args(["--name", "t", "--data-dir"])
            .arg(self.root.path().join("data"))
            .args(["--listen-client-urls", &c, "--advertise-client-urls", &c])
            .args(["--listen-peer-urls", &p, "--initial-advertise-peer-urls", &p])
            .args(["--initial-cluster", &format!("t={p}")])
            .env(
                "ETCD_UNSUPPORTED_ARCH",
                std::env::consts::ARCH.replace("x86_64", "amd64").replace("aarch64", "arm64"),
            );
        if let Some(t) = &self.tls {
            cmd.arg("--cert-file").arg(&t.server_cert).arg("--key-file").arg(&t.server_key);
            cmd.arg("--trusted-ca-file").arg(&t.ca).arg("--client-cert-auth");
        }
        let log = self.root.path().join("etcd.log");
        self.proc = Some(Proc::spawn("etcd", cmd, &log));
        let (port, tls) = (self.client_port, self.tls.is_some());
        let deadline = std::time::Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(p) = self.proc.as_mut()
                && let Some(code) = p.exited()
            {
                return Err(format!("etcd exited ({code:?}) before serving port {port}: {}", p.output()));
            }
            match healthy(port, tls).await {
                Ok(()) => return Ok(()),
                Err(e) if std::time::Instant::now() > deadline => return Err(format!("etcd on port {port}: {e}")),
                Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
            }
        }
    }

    /// `http://127.0.0.1:PORT` (`https://` with TLS).
    pub fn endpoint(&self) -> String {
        let scheme = if self.tls.is_some() { "https" } else { "http" };
        format!("{scheme}://127.0.0.1:{}", self.client_port)
    }

    pub fn kill9(&mut self) {
        if let Some(mut p) = self.proc.take() {
            p.kill9();
        }
    }

    /// Restarts on the same ports and data.
    pub async fn restart(&mut self) {
        self.kill9();
        self.spawn().await;
    }
}

/// Whether etcd answers on `port`: its `/health` over plain HTTP, or a TCP
/// connect with TLS (the exited-process check covers a port held by another).
async fn healthy(port: u16, tls: bool) -> Result<(), String> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut conn = tokio::net::TcpStream::connect(("127.0.0.1", port)).await.map_err(|e| e.to_string())?;
    if tls {
        return Ok(());
    }
    conn.write_all(b"GET /health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").await.map_err(|e| e.to_string())?;
    let mut body = Vec::new();
    tokio::time::timeout(Duration::from_secs(2), conn.read_to_end(&mut body))
        .await
        .map_err(|_| "no answer to GET /health".to_string())?
        .map_err(|e| e.to_string())?;
    let body = String::from_utf8_lossy(&body);
    if body.contains("\"health\":\"true\"") { Ok(()) } else { Err(format!("not healthy yet: {body}")) }
}
