//! Podman monitoring and management through the libpod REST API on Podman's
//! unix socket (HTTP/1.1, JSON): list containers with their state, health,
//! restart count and usage, run start/stop/restart, and follow Podman's
//! events so a dying container is reported at once, not at the next poll.
//! Every API exchange is one short connection that closes, so a
//! socket-activated Podman service can exit between them.
//!
//! # Layout
//! - this file: [`Podman`], the request/answer client (ping, list, action).
//! - [`monitor`]: the actor that follows Podman's events (its event log file
//!   by default, or the API's event stream), resyncs the list after every
//!   (re)connect and reports Podman's outages.
//! - `event_log`: the event log file followed with inotify, across rotations.
//! - `http`: HTTP/1.1 over the unix socket (hyper's connection-level client).
//! - `wire`: libpod's JSON shapes and their conversion into protocol types.
//! - [`ops`]: container operations for workloads (create, start, stop, remove, exec, logs).
//! - [`error`]: [`PodmanError`], each variant with what to do about it.

pub mod error;
mod event_log;
mod http;
pub mod monitor;
pub mod ops;
mod wire;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use hyper::{Method, StatusCode};
use piccolo_proto::Container;

pub use error::PodmanError;
pub use monitor::{MonitorConfig, MonitorHandle, MonitorUpdate, spawn_monitor, spawn_monitor_with};
pub use wire::FORWARDED_ACTIONS;

/// The libpod API version this client speaks (Podman 4.0 and later).
const API: &str = "/v4.0.0/libpod";
/// Bound on a list, inspect, stats or ping exchange.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);
/// Bound on start/stop/restart: a stop waits for the container's own stop
/// timeout (10 s by default) before Podman kills it.
const ACTION_TIMEOUT: Duration = Duration::from_secs(120);

/// The container actions an admin may run.
pub const ACTIONS: &[&str] = &["start", "stop", "restart"];

/// A client for one Podman API socket. Cheap to clone; holds no connection.
#[derive(Debug, Clone)]
pub struct Podman {
    socket: PathBuf,
    timeout: Duration,
}

impl Podman {
    pub fn new(socket: impl Into<PathBuf>) -> Self {
        Self { socket: socket.into(), timeout: DEFAULT_TIMEOUT }
    }

    /// Bounds every exchange except actions (default 10 s).
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The system socket `podman.socket` listens on.
    pub fn default_socket() -> PathBuf {
        PathBuf::from("/run/podman/podman.sock")
    }

    pub fn socket(&self) -> &Path {
        &self.socket
    }

    /// Whether the API answers.
    pub async fn ping(&self) -> Result<(), PodmanError> {
        let what = "ping";
        let reply = self.call(Method::GET, &format!("{API}/_ping"), what, self.timeout).await?;
        check(reply, what).map(drop)
    }

    /// Every container (running or not) with its usage where Podman has it.
    pub async fn list(&self) -> Result<Vec<Container>, PodmanError> {
        let listed: Vec<wire::Listed> =
            self.get_json(&format!("{API}/containers/json?all=true"), "container list").await?;
        let usage = self.stats(&listed).await;
        let mut out = Vec::with_capacity(listed.len());
        for l in listed {
            // Only inspect carries the restart count.
            let restart_count = match self
                .get_json::<wire::Inspected>(&format!("{API}/containers/{}/json", l.id), "container inspect")
                .await
            {
                Ok(i) => i.restart_count,
                // Removed since the list was taken: it is gone from the truth too.
                Err(PodmanError::Api { status: 404, .. }) => continue,
                Err(e) => return Err(e),
            };
            let u = usage.get(l.id.as_str());
            out.push(wire::container(l, restart_count, u));
        }
        Ok(out)
    }

    /// Runs `start`, `stop` or `restart` on a container (name or id). Starting
    /// a running or stopping a stopped container is not an error.
    pub async fn action(&self, container: &str, action: &str) -> Result<(), PodmanError> {
        if !ACTIONS.contains(&action) {
            return Err(PodmanError::UnknownAction(action.to_string()));
        }
        check_name(container)?;
        let what = format!("{action} {container}");
        let reply =
            self.call(Method::POST, &format!("{API}/containers/{container}/{action}"), &what, ACTION_TIMEOUT).await?;
        match reply.status {
            StatusCode::NOT_FOUND => Err(PodmanError::NoSuchContainer(container.to_string())),
            StatusCode::NOT_MODIFIED => Ok(()),
            _ => check(reply, &what).map(drop),
        }
    }

    /// CPU and memory of the running containers by id. Best effort: a
    /// container that stops between list and stats fails the whole request,
    /// and usage is not worth failing the list for.
    async fn stats(&self, listed: &[wire::Listed]) -> HashMap<String, wire::Stats> {
        let mut path = format!("{API}/containers/stats?stream=false");
        let mut any = false;
        for l in listed.iter().filter(|l| l.is_running()) {
            let _ = write!(path, "&containers={}", l.id);
            any = true;
        }
        if !any {
            return HashMap::new();
        }
        match self.get_json::<wire::StatsReport>(&path, "container stats").await {
            Ok(r) => r.stats.unwrap_or_default().into_iter().map(|s| (s.id.clone(), s)).collect(),
            Err(e) => {
                tracing::debug!("podman: no container stats this time: {e}");
                HashMap::new()
            }
        }
    }

    async fn get_json<T: serde::de::DeserializeOwned>(&self, path: &str, what: &str) -> Result<T, PodmanError> {
        let reply = self.call(Method::GET, path, what, self.timeout).await?;
        let body = check(reply, what)?;
        serde_json::from_slice(&body).map_err(|e| PodmanError::decode(what, e))
    }

    async fn call(
        &self,
        method: Method,
        path: &str,
        what: &str,
        timeout: Duration,
    ) -> Result<http::Reply, PodmanError> {
        tokio::time::timeout(timeout, http::exchange(&self.socket, method, path, what))
            .await
            .map_err(|_| PodmanError::Timeout { what: what.to_string(), timeout })?
    }
}

/// The body of a successful answer, or an error with Podman's message.
fn check(reply: http::Reply, what: &str) -> Result<hyper::body::Bytes, PodmanError> {
    if reply.status.is_success() {
        Ok(reply.body)
    } else {
        Err(PodmanError::Api {
            what: what.to_string(),
            status: reply.status.as_u16(),
            message: api_message(&reply.body),
        })
    }
}

fn api_message(body: &[u8]) -> String {
    match serde_json::from_slice::<wire::ApiError>(body) {
        Ok(e) if !e.message.is_empty() => e.message,
        _ => String::from_utf8_lossy(body).trim().chars().take(200).collect(),
    }
}

/// Podman's name rule (`[a-zA-Z0-9][a-zA-Z0-9_.-]*`), which also keeps the
/// name from changing the request path.
fn check_name(name: &str) -> Result<(), PodmanError> {
    let mut chars = name.chars();
    let ok = chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
        && name.len() <= 253;
    if ok { Ok(()) } else { Err(PodmanError::InvalidName(name.to_string())) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_could_change_the_path_are_refused() {
        for bad in ["", "../x", "a/b", "a?b", "-a", ".a", "a b", "a%2f"] {
            assert!(matches!(check_name(bad), Err(PodmanError::InvalidName(_))), "{bad:?}");
        }
        for good in ["c1", "web_1.2-x", "8ae561b9bc6a"] {
            assert!(check_name(good).is_ok(), "{good:?}");
        }
    }

    #[test]
    fn api_message_prefers_podmans_message() {
        let body = br#"{"cause":"no such container","message":"no container with name or ID \"x\" found: no such container","response":404}"#;
        assert_eq!(api_message(body), "no container with name or ID \"x\" found: no such container");
        assert_eq!(api_message(b"plain text\n"), "plain text");
    }
}
