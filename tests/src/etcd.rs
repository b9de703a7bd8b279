//! A real etcd server (Debian's etcd-server) on free loopback ports.

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use crate::proc::Proc;
use crate::{free_port, wait_until};

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
        e.spawn().await;
        e
    }

    /// Starts etcd serving clients over TLS, requiring client certificates
    /// from the CA in `self.tls` (made fresh in its temp dir).
    pub async fn start_tls() -> Self {
        let root = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        let pki = crate::pki::make(root.path());
        let mut e = Self { root, client_port: free_port(), peer_port: free_port(), proc: None, tls: Some(pki) };
        e.spawn().await;
        e
    }

    async fn spawn(&mut self) {
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
        let port = self.client_port;
        wait_until("etcd to accept connections", Duration::from_secs(20), || async move {
            tokio::net::TcpStream::connect(("127.0.0.1", port)).await.map(|_| ()).map_err(|e| e.to_string())
        })
        .await;
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
