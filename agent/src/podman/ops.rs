//! Container operations for workloads (issue 14): create, start, stop,
//! remove, inspect the containers the agent owns, images, exec and logs.
//! One short request each on its own connection (so a socket-activated
//! Podman service can exit when idle); only `logs --follow` holds one while
//! a user follows. Bodies are JSON; the answers use the shapes in `wire`.

use std::collections::HashMap;
use std::path::Path;
use std::time::Duration;

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Bytes;
use hyper::client::conn::http1;
use hyper::{Method, Request, StatusCode};
use hyper_util::rt::TokioIo;
use serde::{Deserialize, Serialize};
use tokio::net::UnixStream;

use super::{API, Podman, PodmanError, api_message};

/// Label on every container the agent owns: the workload's name.
pub const LABEL_WORKLOAD: &str = "piccolo.workload";
/// Label with the workload revision the container was made from.
pub const LABEL_REVISION: &str = "piccolo.revision";
/// Bound on create/start/stop/remove (a stop waits for the stop timeout).
const OP_TIMEOUT: Duration = Duration::from_secs(60);
const MAX_BODY: usize = 4 << 20;

/// What a new container is made of.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CreateSpec {
    pub name: String,
    pub image: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub command: Vec<String>,
    pub env: HashMap<String, String>,
    pub labels: HashMap<String, String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub portmappings: Vec<PortMapping>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_limits: Option<ResourceLimits>,
    pub stop_timeout: u32,
    /// The network namespace; `None`: Podman's default (containers.conf).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub netns: Option<Namespace>,
}

/// A namespace mode (`bridge`, `host`, `none`, ...).
#[derive(Debug, Clone, Serialize)]
pub struct Namespace {
    pub nsmode: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PortMapping {
    pub host_port: u16,
    pub container_port: u16,
    pub protocol: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ResourceLimits {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub memory: Option<MemoryLimit>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cpu: Option<CpuLimit>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MemoryLimit {
    pub limit: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct CpuLimit {
    pub quota: i64,
    pub period: u64,
}

/// An owned (or clashing) container as the list shows it.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Owned {
    #[serde(rename = "Id")]
    pub id: String,
    #[serde(rename = "Names", default)]
    pub names: Option<Vec<String>>,
    #[serde(rename = "State", default)]
    pub state: String,
    #[serde(rename = "ExitCode", default)]
    pub exit_code: i32,
    #[serde(rename = "Labels", default)]
    pub labels: Option<HashMap<String, String>>,
    /// Unix seconds.
    #[serde(rename = "StartedAt", default)]
    pub started_at: i64,
}

impl Owned {
    pub fn name(&self) -> &str {
        self.names.as_ref().and_then(|n| n.first()).map(String::as_str).unwrap_or("")
    }
    pub fn label(&self, k: &str) -> Option<&str> {
        self.labels.as_ref().and_then(|l| l.get(k)).map(String::as_str)
    }
    pub fn running(&self) -> bool {
        self.state == "running"
    }
}

#[derive(Deserialize)]
struct Created {
    #[serde(rename = "Id")]
    id: String,
}

#[derive(Deserialize)]
struct ExecState {
    #[serde(rename = "ExitCode", default)]
    exit_code: i32,
    #[serde(rename = "Running", default)]
    running: bool,
}

/// Sends one request with an optional JSON body; the status and whole answer.
async fn exchange(
    socket: &Path,
    method: Method,
    path: &str,
    body: Option<Vec<u8>>,
    what: &str,
) -> Result<(StatusCode, Bytes), PodmanError> {
    let stream = UnixStream::connect(socket).await.map_err(|e| PodmanError::connect(socket.to_path_buf(), e))?;
    let (mut sender, conn) =
        http1::handshake::<_, Full<Bytes>>(TokioIo::new(stream)).await.map_err(|e| PodmanError::http(what, e))?;
    let mut req = Request::builder().method(method).uri(path).header(hyper::header::HOST, "localhost");
    if body.is_some() {
        req = req.header(hyper::header::CONTENT_TYPE, "application/json");
    }
    let req = req.body(Full::new(Bytes::from(body.unwrap_or_default()))).map_err(|e| PodmanError::http(what, e))?;
    let talk = async move {
        let resp = sender.send_request(req).await.map_err(|e| PodmanError::http(what, e))?;
        let status = resp.status();
        let body = Limited::new(resp.into_body(), MAX_BODY).collect().await.map_err(|e| PodmanError::http(what, e))?;
        Ok((status, body.to_bytes()))
    };
    tokio::pin!(talk, conn);
    tokio::select! {
        biased;
        r = &mut talk => r,
        _ = &mut conn => talk.await,
    }
}

impl Podman {
    async fn op(&self, method: Method, path: &str, body: Option<Vec<u8>>, what: &str) -> Result<Bytes, PodmanError> {
        let (status, bytes) = tokio::time::timeout(OP_TIMEOUT, exchange(self.socket(), method, path, body, what))
            .await
            .map_err(|_| PodmanError::Timeout { what: what.to_string(), timeout: OP_TIMEOUT })??;
        if status.is_success() || status == StatusCode::NOT_MODIFIED {
            Ok(bytes)
        } else {
            Err(PodmanError::Api { what: what.to_string(), status: status.as_u16(), message: api_message(&bytes) })
        }
    }

    /// Every container carrying [`LABEL_WORKLOAD`], plus any whose name is in
    /// `names` (to find clashes with containers the agent does not own).
    pub async fn list_all(&self) -> Result<Vec<Owned>, PodmanError> {
        let bytes = self.op(Method::GET, &format!("{API}/containers/json?all=true"), None, "container list").await?;
        serde_json::from_slice(&bytes).map_err(|e| PodmanError::decode("container list", e))
    }

    /// Pulls an image; the error carries Podman's message.
    pub async fn pull(&self, image: &str) -> Result<(), PodmanError> {
        let what = format!("pull {image}");
        let bytes = self
            .op(Method::POST, &format!("{API}/images/pull?reference={}&quiet=true", encode(image)), None, &what)
            .await?;
        // The pull answers 200 and reports failure in the body.
        let text = String::from_utf8_lossy(&bytes);
        if let Some(line) = text.lines().find(|l| l.contains("\"error\"")) {
            let msg = serde_json::from_str::<serde_json::Value>(line)
                .ok()
                .and_then(|v| v.get("error").and_then(|e| e.as_str()).map(String::from))
                .unwrap_or_else(|| line.to_string());
            return Err(PodmanError::Api { what, status: 500, message: msg });
        }
        Ok(())
    }

    /// Creates a container; its id.
    pub async fn create(&self, spec: &CreateSpec) -> Result<String, PodmanError> {
        let what = format!("create {}", spec.name);
        let body = serde_json::to_vec(spec).map_err(|e| PodmanError::decode(&what, e))?;
        let bytes = self.op(Method::POST, &format!("{API}/containers/create"), Some(body), &what).await?;
        let c: Created = serde_json::from_slice(&bytes).map_err(|e| PodmanError::decode(&what, e))?;
        Ok(c.id)
    }

    pub async fn start(&self, id: &str) -> Result<(), PodmanError> {
        self.op(Method::POST, &format!("{API}/containers/{id}/start"), None, &format!("start {id}")).await.map(drop)
    }

    pub async fn stop(&self, id: &str, timeout_s: u32) -> Result<(), PodmanError> {
        let path = format!("{API}/containers/{id}/stop?timeout={timeout_s}");
        self.op(Method::POST, &path, None, &format!("stop {id}")).await.map(drop)
    }

    /// Removes a container, stopping it first when it runs.
    pub async fn remove(&self, id: &str) -> Result<(), PodmanError> {
        let path = format!("{API}/containers/{id}?force=true&timeout=2");
        match self.op(Method::DELETE, &path, None, &format!("remove {id}")).await {
            Err(PodmanError::Api { status: 404, .. }) => Ok(()),
            r => r.map(drop),
        }
    }

    /// Runs a command in a running container; its exit code.
    pub async fn exec(&self, id: &str, cmd: &[String]) -> Result<i32, PodmanError> {
        let what = format!("exec in {id}");
        // Podman 4 refuses to start an attached exec with no stream ("must
        // provide at least one stream to attach to"); attached, the start
        // answers once the command has ended (its output is dropped).
        let body = serde_json::json!({ "Cmd": cmd, "AttachStdout": true, "AttachStderr": true });
        let bytes = self
            .op(Method::POST, &format!("{API}/containers/{id}/exec"), Some(body.to_string().into_bytes()), &what)
            .await?;
        let exec: Created = serde_json::from_slice(&bytes).map_err(|e| PodmanError::decode(&what, e))?;
        let start = serde_json::json!({ "Detach": false });
        self.op(Method::POST, &format!("{API}/exec/{}/start", exec.id), Some(start.to_string().into_bytes()), &what)
            .await?;
        for _ in 0..50 {
            let bytes = self.op(Method::GET, &format!("{API}/exec/{}/json", exec.id), None, &what).await?;
            let st: ExecState = serde_json::from_slice(&bytes).map_err(|e| PodmanError::decode(&what, e))?;
            if !st.running {
                return Ok(st.exit_code);
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Err(PodmanError::Timeout { what, timeout: Duration::from_secs(5) })
    }

    /// The last `tail` lines of a container's output (stdout and stderr).
    pub async fn logs(&self, id: &str, tail: u32) -> Result<Vec<u8>, PodmanError> {
        let tail = if tail == 0 { "all".to_string() } else { tail.to_string() };
        let path = format!("{API}/containers/{id}/logs?stdout=true&stderr=true&tail={tail}");
        let bytes = self.op(Method::GET, &path, None, &format!("logs {id}")).await?;
        Ok(demux(&bytes))
    }
}

/// Follows a container's output (`logs?follow=true`), calling `each` with
/// every piece (frame headers stripped) until the output ends, `each`
/// returns false, or the connection fails. The one request that holds a
/// connection, for as long as a user follows.
pub async fn follow_logs(
    podman: &Podman,
    id: &str,
    tail: u32,
    mut each: impl FnMut(Vec<u8>) -> bool,
) -> Result<(), PodmanError> {
    let what = format!("logs --follow {id}");
    let tail = if tail == 0 { "all".to_string() } else { tail.to_string() };
    let path = format!("{API}/containers/{id}/logs?stdout=true&stderr=true&follow=true&tail={tail}");
    let socket = podman.socket();
    let stream = UnixStream::connect(socket).await.map_err(|e| PodmanError::connect(socket.to_path_buf(), e))?;
    let (mut sender, conn) =
        http1::handshake::<_, Full<Bytes>>(TokioIo::new(stream)).await.map_err(|e| PodmanError::http(&what, e))?;
    let req = Request::builder()
        .method(Method::GET)
        .uri(path)
        .header(hyper::header::HOST, "localhost")
        .body(Full::new(Bytes::new()))
        .map_err(|e| PodmanError::http(&what, e))?;
    let talk = async {
        let resp = sender.send_request(req).await.map_err(|e| PodmanError::http(&what, e))?;
        if !resp.status().is_success() {
            let status = resp.status().as_u16();
            let body = resp.into_body().collect().await.map(|b| b.to_bytes()).unwrap_or_default();
            return Err(PodmanError::Api { what: what.clone(), status, message: api_message(&body) });
        }
        let mut body = resp.into_body();
        let mut frames = Deframer::default();
        while let Some(frame) = body.frame().await {
            let frame = frame.map_err(|e| PodmanError::http(&what, e))?;
            if let Ok(data) = frame.into_data() {
                let out = frames.push(&data);
                if !out.is_empty() && !each(out) {
                    break;
                }
            }
        }
        Ok(())
    };
    tokio::pin!(conn);
    tokio::select! {
        r = talk => r,
        _ = &mut conn => Ok(()),
    }
}

/// Incremental [`demux`]: frame headers may be split across reads.
#[derive(Default)]
struct Deframer {
    buf: Vec<u8>,
    raw: bool,
}

impl Deframer {
    fn push(&mut self, data: &[u8]) -> Vec<u8> {
        if self.raw {
            return data.to_vec();
        }
        self.buf.extend_from_slice(data);
        let mut out = Vec::new();
        loop {
            if self.buf.len() < 8 {
                break;
            }
            if !(matches!(self.buf[0], 0..=2) && self.buf[1..4] == [0, 0, 0]) {
                // Not framed (a TTY): pass everything through from now on.
                self.raw = true;
                out.append(&mut self.buf);
                break;
            }
            let len = u32::from_be_bytes([self.buf[4], self.buf[5], self.buf[6], self.buf[7]]) as usize;
            if self.buf.len() < 8 + len {
                break;
            }
            out.extend_from_slice(&self.buf[8..8 + len]);
            self.buf.drain(..8 + len);
        }
        out
    }
}

/// Strips Docker's 8-byte stream frame headers from a logs answer (a
/// container without a TTY); text without frames is returned as it is.
pub fn demux(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(b.len());
    let mut rest = b;
    while rest.len() >= 8 && matches!(rest[0], 0..=2) && rest[1..4] == [0, 0, 0] {
        let len = u32::from_be_bytes([rest[4], rest[5], rest[6], rest[7]]) as usize;
        let end = (8 + len).min(rest.len());
        out.extend_from_slice(&rest[8..end]);
        rest = &rest[end..];
    }
    out.extend_from_slice(rest);
    out
}

/// Percent-encodes an image reference for a path or query.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_frames_are_stripped() {
        let mut framed = vec![1, 0, 0, 0, 0, 0, 0, 3];
        framed.extend_from_slice(b"hi\n");
        framed.extend_from_slice(&[2, 0, 0, 0, 0, 0, 0, 4]);
        framed.extend_from_slice(b"err\n");
        assert_eq!(demux(&framed), b"hi\nerr\n");
        assert_eq!(demux(b"plain\n"), b"plain\n");
        let mut d = Deframer::default();
        assert_eq!(d.push(&framed[..5]), b"");
        assert_eq!(d.push(&framed[5..]), b"hi\nerr\n");
        assert_eq!(encode("localhost/busybox:latest"), "localhost%2Fbusybox%3Alatest");
    }
}
