//! A REST client for tests: real `curl` with a credential's PEM files, the way
//! a user calls the master's JSON API (docs/API.md).

use std::path::{Path, PathBuf};

use piccolo_common::credential::AdminCredential;

use crate::{Master, bins};

/// A viewer credential for `master`, made with `piccolo-master credential --viewer`.
pub fn viewer_credential(master: &Master) -> PathBuf {
    let out = master.root.path().join("viewer.conf");
    if out.exists() {
        return out;
    }
    let st = std::process::Command::new(bins::path("piccolo-master"))
        .args(["credential", "--viewer", "--name", "watcher", "--endpoint", &master.addr(), "--data-dir"])
        .arg(&master.data_dir)
        .arg("-o")
        .arg(&out)
        .status()
        .unwrap_or_else(|e| panic!("run piccolo-master credential: {e}"));
    assert!(st.success(), "piccolo-master credential --viewer failed");
    out
}

/// Where a credential's PEM files are, and the master's address.
pub struct Curl {
    pub base: String,
    pub ca: PathBuf,
    /// Client certificate and key; `None` calls without a client certificate.
    pub client: Option<(PathBuf, PathBuf)>,
    /// `Authorization: Bearer` value.
    pub bearer: Option<String>,
    /// Extra curl arguments (e.g. `--http1.1`).
    pub extra: Vec<String>,
}

/// Writes `ca.crt`, `client.crt`, `client.key` of an admin.conf-style file into `dir`.
pub fn export_pems(conf: &Path, dir: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let cred = AdminCredential::load(conf).unwrap_or_else(|e| panic!("load {}: {e}", conf.display()));
    std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("mkdir: {e}"));
    let w = |name: &str, body: &str| {
        let p = dir.join(name);
        std::fs::write(&p, body).unwrap_or_else(|e| panic!("write {}: {e}", p.display()));
        p
    };
    (w("ca.crt", &cred.ca), w("client.crt", &cred.cert), w("client.key", &cred.key))
}

impl Curl {
    /// A client with the certificate of `conf` (an admin or viewer credential).
    pub fn with_credential(addr: &str, conf: &Path, dir: &Path) -> Self {
        let (ca, cert, key) = export_pems(conf, dir);
        Self { base: format!("https://{addr}"), ca, client: Some((cert, key)), bearer: None, extra: Vec::new() }
    }

    /// The same master and CA, another identity.
    pub fn as_client(&self, client: Option<(PathBuf, PathBuf)>, bearer: Option<String>) -> Self {
        Self { base: self.base.clone(), ca: self.ca.clone(), client, bearer, extra: self.extra.clone() }
    }

    /// Calls `method path` with an optional JSON body; returns (status, body).
    pub async fn call(&self, method: &str, path: &str, body: Option<&str>) -> (u16, String) {
        let mut cmd = tokio::process::Command::new("curl");
        cmd.args(["-sS", "--max-time", "90", "-X", method, "-w", "\n%{http_code}", "--cacert"]).arg(&self.ca);
        if let Some((cert, key)) = &self.client {
            cmd.arg("--cert").arg(cert).arg("--key").arg(key);
        }
        if let Some(b) = &self.bearer {
            cmd.arg("-H").arg(format!("Authorization: Bearer {b}"));
        }
        if let Some(b) = body {
            cmd.args(["-H", "Content-Type: application/json", "--data-binary", b]);
        }
        cmd.args(&self.extra).arg(format!("{}{path}", self.base));
        let out = cmd.output().await.unwrap_or_else(|e| panic!("run curl: {e}"));
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let (body, code) = text.rsplit_once('\n').unwrap_or(("", &text));
        match code.trim().parse() {
            Ok(code) if code != 0 => (code, body.to_string()),
            // No HTTP answer at all: say what curl saw (refused, reset, TLS alert, ...).
            _ => (0, format!("curl exit {:?}: {}", out.status.code(), String::from_utf8_lossy(&out.stderr).trim())),
        }
    }

    /// Calls and parses the JSON reply; panics unless the status is `want`.
    pub async fn json(&self, method: &str, path: &str, body: Option<&str>, want: u16) -> serde_json::Value {
        let (code, text) = self.call(method, path, body).await;
        assert_eq!(code, want, "{method} {path}: HTTP {code}: {text}");
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{method} {path}: not JSON ({e}): {text}"))
    }
}
