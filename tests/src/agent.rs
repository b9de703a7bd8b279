//! A real `piccolo-agent` in its own data dir.

use std::path::PathBuf;
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

use nix::sys::signal::Signal;
use piccolo_common::connect::{ConnectOptions, connect};
use piccolo_common::tls::{Identity, client_config};
use piccolo_proto::api_server_service_client::ApiServerServiceClient;
use piccolo_proto::node_agent_service_client::NodeAgentServiceClient;
use tonic::transport::Channel;

use crate::bins;
use crate::master::Master;
use crate::proc::Proc;

/// How the agent trusts the master at enrolment.
#[derive(Clone)]
pub enum Trust {
    CaFile(PathBuf),
    Hash(String),
    None,
}

/// A running agent.
pub struct Agent {
    pub name: String,
    pub root: tempfile::TempDir,
    pub data_dir: PathBuf,
    master: String,
    token: String,
    trust: Trust,
    proc: Option<Proc>,
    pub env: Vec<(String, String)>,
}

impl Agent {
    /// Starts an agent that enrols with `token` (CA pinned by file).
    pub fn start(master: &Master, name: &str, token: &str) -> Self {
        Self::start_with(master.addr(), name, token, Trust::CaFile(master.ca_file()), Vec::new())
    }

    /// Starts an agent with explicit trust and environment.
    pub fn start_with(master: String, name: &str, token: &str, trust: Trust, env: Vec<(String, String)>) -> Self {
        let root = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        let data_dir = root.path().join("agent");
        let mut a = Self { name: name.into(), root, data_dir, master, token: token.into(), trust, proc: None, env };
        a.spawn();
        a
    }

    /// Starts an agent that enrols with `token` into a data dir of the test's choosing.
    pub fn start_in_dir(
        master: &Master,
        name: &str,
        token: &str,
        data_dir: &std::path::Path,
        env: Vec<(String, String)>,
    ) -> Self {
        let root = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        let mut a = Self {
            name: name.into(),
            root,
            data_dir: data_dir.to_path_buf(),
            master: master.addr(),
            token: token.into(),
            trust: Trust::CaFile(master.ca_file()),
            proc: None,
            env,
        };
        a.spawn();
        a
    }

    /// Starts an agent on an existing (enrolled) data dir.
    pub fn start_with_dir(master: String, name: &str, data_dir: &std::path::Path, env: Vec<(String, String)>) -> Self {
        let root = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        let mut a = Self {
            name: name.into(),
            root,
            data_dir: data_dir.to_path_buf(),
            master,
            token: String::new(),
            trust: Trust::None,
            proc: None,
            env,
        };
        a.spawn();
        a
    }

    fn spawn(&mut self) {
        let mut cmd = Command::new(bins::path("piccolo-agent"));
        cmd.arg("run")
            .arg("--data-dir")
            .arg(&self.data_dir)
            .arg("--master")
            .arg(&self.master)
            .arg("--name")
            .arg(&self.name);
        if !self.token.is_empty() {
            cmd.arg("--token").arg(&self.token);
        }
        match &self.trust {
            Trust::CaFile(p) => {
                cmd.arg("--ca-file").arg(p);
            }
            Trust::Hash(h) => {
                cmd.arg("--ca-cert-hash").arg(h);
            }
            Trust::None => {}
        }
        cmd.env("PICCOLO_ALLOW_SHORT_INTERVALS", "true")
            .env("PICCOLO_KEEPALIVE_INTERVAL", "2s")
            .env("PICCOLO_KEEPALIVE_TIMEOUT", "2s")
            .env("PICCOLO_RECONNECT_MAX_BACKOFF", "2s")
            .env("PICCOLO_LOG", "info,piccolo_agent=debug");
        for (k, v) in &self.env {
            cmd.env(k, v);
        }
        let log = self.root.path().join("agent.log");
        self.proc = Some(Proc::spawn(&format!("agent {}", self.name), cmd, &log));
    }

    pub fn pid(&self) -> Option<u32> {
        self.proc.as_ref().and_then(|p| p.pid())
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.root.path().join("agent.log")).unwrap_or_default()
    }

    pub fn kill9(&mut self) {
        if let Some(mut p) = self.proc.take() {
            p.kill9();
        }
    }

    /// SIGTERM and wait; returns the exit code.
    pub fn stop(&mut self) -> Option<i32> {
        self.proc.take().and_then(|mut p| p.terminate(Duration::from_secs(5)))
    }

    /// Freezes the process: its socket stays open but nothing answers.
    pub fn freeze(&self) {
        if let Some(p) = &self.proc {
            p.signal(Signal::SIGSTOP);
        }
    }

    pub fn thaw(&self) {
        if let Some(p) = &self.proc {
            p.signal(Signal::SIGCONT);
        }
    }

    /// Restarts with the same data dir (no token needed any more).
    pub fn restart(&mut self) {
        self.kill9();
        self.spawn();
    }

    /// Restarts with the same data dir, another token and another trust
    /// setting (re-enrolment after a removal).
    pub fn restart_with(&mut self, token: &str, trust: Trust) {
        self.kill9();
        self.token = token.into();
        self.trust = trust;
        self.spawn();
    }

    /// Exit code if it has exited.
    pub fn exited(&mut self) -> Option<Option<i32>> {
        self.proc.as_mut().and_then(|p| p.exited())
    }

    async fn channel(&self, master: &str) -> Result<Channel, String> {
        let read = |f: &str| std::fs::read_to_string(self.data_dir.join(f)).map_err(|e| format!("{f}: {e}"));
        let ca = piccolo_common::pem::certs(&read("ca.crt")?).map_err(|e| e.to_string())?;
        let id = Identity::from_pem(&read("node.crt")?, &read("node.key")?).map_err(|e| e.to_string())?;
        let tls = client_config(&ca, Some(id)).map_err(|e| e.to_string())?;
        connect(master, Arc::new(tls), ConnectOptions::default()).await.map_err(|e| e.to_string())
    }

    /// A NodeAgentService client using this node's certificate.
    pub async fn node_client(&self) -> NodeAgentServiceClient<Channel> {
        NodeAgentServiceClient::new(self.channel(&self.master).await.unwrap_or_else(|e| panic!("node channel: {e}")))
    }

    /// An ApiServerService client using this node's certificate (must be refused).
    pub async fn admin_client_with_node_cert(&self) -> ApiServerServiceClient<Channel> {
        ApiServerServiceClient::new(self.channel(&self.master).await.unwrap_or_else(|e| panic!("node channel: {e}")))
    }
}
