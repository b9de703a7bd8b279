//! Alert hooks: on chosen lifecycle events (e.g. a node going NotReady) the
//! master runs a configured command and/or POSTs the event as JSON to a
//! webhook, retrying with capped exponential backoff. It never blocks the
//! master: a dispatcher follows the registry's broadcast, and each hook has
//! its own worker behind a bounded queue; when a queue is full the event is
//! dropped for that hook and counted (`piccolo_hook_deliveries_total{result="dropped"}`).
//!
//! ```toml
//! [[hooks]]
//! name = "pager"
//! events = ["NotReady"]             # event kinds or target states; empty = all
//! url = "http://127.0.0.1:9000/alert"
//! command = "/usr/local/bin/alert.sh"   # sh -c; event JSON on stdin, PICCOLO_EVENT_* in env
//! retries = 3
//! timeout = "5s"
//! backoff = "1s"
//! ```

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::Full;
use piccolo_common::config::duration;
use piccolo_proto::Event;
use serde::Deserialize;
use tokio::io::AsyncWriteExt;
use tokio::sync::{mpsc, watch};
use tracing::{debug, info, warn};

use crate::event_feed::{EventFeed, Next};
use crate::events::EventFilter;
use crate::metrics::Metrics;
use crate::registry::Registry;

/// Events waiting per hook before new ones are dropped.
pub const QUEUE: usize = 256;
const MAX_BACKOFF: Duration = Duration::from_secs(60);

fn default_retries() -> u32 {
    3
}
fn default_timeout() -> Duration {
    Duration::from_secs(5)
}
fn default_backoff() -> Duration {
    Duration::from_secs(1)
}

/// One `[[hooks]]` table.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct HookConfig {
    /// Shown in logs and metrics; defaults to `hook-N`.
    #[serde(default)]
    pub name: String,
    /// Event kinds (`Enrolled`, `Removed`, ...) or target states (`NotReady`, ...); empty: every event.
    #[serde(default)]
    pub events: Vec<String>,
    /// Only this node's events.
    #[serde(default)]
    pub node: String,
    /// Run with `sh -c`; the event JSON on stdin and `PICCOLO_EVENT_*` variables.
    #[serde(default)]
    pub command: String,
    /// `http://HOST:PORT/PATH`: the event JSON is POSTed here.
    #[serde(default)]
    pub url: String,
    /// Further attempts after a failed one.
    #[serde(default = "default_retries")]
    pub retries: u32,
    /// Per attempt.
    #[serde(default = "default_timeout", with = "duration")]
    pub timeout: Duration,
    /// First wait between attempts, doubled each time (capped at 60s).
    #[serde(default = "default_backoff", with = "duration")]
    pub backoff: Duration,
}

impl HookConfig {
    /// Checks what parses but cannot work.
    pub fn validate(&self) -> Result<(), String> {
        if self.command.is_empty() && self.url.is_empty() {
            return Err("a hook needs a `command` or a `url` (or both)".into());
        }
        if !self.url.is_empty() {
            parse_url(&self.url)?;
        }
        if self.timeout.is_zero() {
            return Err("`timeout` must be above zero".into());
        }
        Ok(())
    }
}

struct Target {
    authority: String,
    path: String,
}

fn parse_url(url: &str) -> Result<Target, String> {
    let rest = url
        .strip_prefix("http://")
        .ok_or_else(|| format!("url {url:?}: only http:// webhooks are supported (send to a local relay for https)"))?;
    let (authority, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    if authority.is_empty() || authority.starts_with(':') || authority.contains('@') {
        return Err(format!("url {url:?} has no usable host"));
    }
    let authority = if authority.rsplit_once(':').is_some_and(|(_, p)| p.parse::<u16>().is_ok()) {
        authority.to_string()
    } else {
        format!("{authority}:80")
    };
    Ok(Target { authority, path: path.to_string() })
}

/// The JSON a hook receives: the event as the REST API and `piccoloctl -o
/// json` write it, plus the hook's name.
pub fn payload(hook: &str, ev: &Event) -> serde_json::Value {
    let mut v = serde_json::to_value(ev).unwrap_or_else(|_| serde_json::json!({}));
    v["hook"] = serde_json::Value::String(hook.to_string());
    v
}

/// Starts the dispatcher and one worker per hook; they end at shutdown.
/// `leader`: hooks deliver only while it is true (several masters: every
/// master sees every event, the leader alone delivers it).
pub fn start(
    hooks: &[HookConfig],
    registry: &Arc<Registry>,
    metrics: Arc<Metrics>,
    leader: watch::Receiver<bool>,
    shutdown: watch::Receiver<bool>,
) {
    if hooks.is_empty() {
        return;
    }
    let mut queues = Vec::new();
    for (i, h) in hooks.iter().enumerate() {
        let mut h = h.clone();
        if h.name.is_empty() {
            h.name = format!("hook-{i}");
        }
        // Series exist from the start, so alert rules see 0 rather than nothing.
        for result in ["ok", "failed", "dropped"] {
            metrics.hook(&h.name, result, 0);
        }
        let (tx, rx) = mpsc::channel(QUEUE);
        let filter = EventFilter::new(&h.node, &h.events);
        queues.push((h.name.clone(), filter, tx));
        tokio::spawn(worker(h, rx, metrics.clone(), shutdown.clone()));
    }
    info!(hooks = queues.len(), "alert hooks configured");
    tokio::spawn(dispatch(EventFeed::new(registry.clone()), queues, metrics, leader, shutdown));
}

async fn dispatch(
    mut feed: EventFeed,
    queues: Vec<(String, EventFilter, mpsc::Sender<Event>)>,
    metrics: Arc<Metrics>,
    leader: watch::Receiver<bool>,
    mut shutdown: watch::Receiver<bool>,
) {
    loop {
        let next = tokio::select! {
            n = feed.next() => n,
            _ = crate::stopped(&mut shutdown) => break,
        };
        let ev = match next {
            Next::Event(ev) => ev,
            Next::Gap(n) => {
                warn!(missed = n, "alert hooks fell behind the event history; some events were not delivered");
                for (name, _, _) in &queues {
                    metrics.hook(name, "dropped", n);
                }
                continue;
            }
            Next::Closed => break,
        };
        if !*leader.borrow() {
            continue;
        }
        for (name, filter, tx) in &queues {
            if filter.matches(&ev) && tx.try_send(ev.clone()).is_err() {
                warn!(hook = %name, seq = ev.seq, "alert hook queue is full; event dropped for this hook");
                metrics.hook(name, "dropped", 1);
            }
        }
    }
}

async fn worker(
    h: HookConfig,
    mut rx: mpsc::Receiver<Event>,
    metrics: Arc<Metrics>,
    mut shutdown: watch::Receiver<bool>,
) {
    loop {
        let ev = tokio::select! {
            r = rx.recv() => match r { Some(ev) => ev, None => break },
            _ = crate::stopped(&mut shutdown) => break,
        };
        let body = payload(&h.name, &ev).to_string();
        let mut wait = h.backoff;
        let mut attempt = 0;
        loop {
            attempt += 1;
            match deliver(&h, &ev, &body).await {
                Ok(()) => {
                    debug!(hook = %h.name, seq = ev.seq, attempt, "alert hook delivered");
                    metrics.hook(&h.name, "ok", 1);
                    break;
                }
                Err(e) if attempt > h.retries => {
                    warn!(hook = %h.name, seq = ev.seq, attempts = attempt, error = %e, "alert hook failed; giving up on this event");
                    metrics.hook(&h.name, "failed", 1);
                    break;
                }
                Err(e) => {
                    warn!(hook = %h.name, seq = ev.seq, attempt, error = %e, retry_in = ?wait, "alert hook failed; will retry");
                    metrics.hook(&h.name, "retried", 1);
                    let jitter = Duration::from_millis(rand::random::<u64>() % 100);
                    tokio::select! {
                        _ = tokio::time::sleep(wait + jitter) => {}
                        _ = crate::stopped(&mut shutdown) => return,
                    }
                    wait = (wait * 2).min(MAX_BACKOFF);
                }
            }
        }
    }
}

async fn deliver(h: &HookConfig, ev: &Event, body: &str) -> Result<(), String> {
    if !h.url.is_empty() {
        tokio::time::timeout(h.timeout, post(&h.url, body))
            .await
            .map_err(|_| format!("webhook {} did not answer within {:?}", h.url, h.timeout))??;
    }
    if !h.command.is_empty() {
        tokio::time::timeout(h.timeout, run_command(&h.command, ev, body))
            .await
            .map_err(|_| format!("command did not finish within {:?}", h.timeout))??;
    }
    Ok(())
}

async fn post(url: &str, body: &str) -> Result<(), String> {
    let t = parse_url(url)?;
    let tcp = tokio::net::TcpStream::connect(&t.authority).await.map_err(|e| format!("webhook {url}: {e}"))?;
    let (mut send, conn) = hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(tcp))
        .await
        .map_err(|e| format!("webhook {url}: {e}"))?;
    let conn = tokio::spawn(conn);
    let req = hyper::Request::post(&t.path)
        .header(hyper::header::HOST, &t.authority)
        .header(hyper::header::CONTENT_TYPE, "application/json")
        .header(hyper::header::USER_AGENT, concat!("piccolo-master/", env!("CARGO_PKG_VERSION")))
        .body(Full::new(Bytes::from(body.to_string())))
        .map_err(|e| format!("webhook {url}: {e}"))?;
    let resp = send.send_request(req).await.map_err(|e| format!("webhook {url}: {e}"));
    conn.abort();
    let status = resp?.status();
    if status.is_success() { Ok(()) } else { Err(format!("webhook {url} answered {status}")) }
}

async fn run_command(command: &str, ev: &Event, body: &str) -> Result<(), String> {
    let p = payload("", ev);
    let field = |k: &str| p[k].as_str().unwrap_or_default().to_string();
    let mut child = tokio::process::Command::new("/bin/sh")
        .arg("-c")
        .arg(command)
        .env("PICCOLO_EVENT_SEQ", ev.seq.to_string())
        .env("PICCOLO_EVENT_TIME_MS", ev.time_ms.to_string())
        .env("PICCOLO_EVENT_NODE", &ev.node)
        .env("PICCOLO_EVENT_KIND", &ev.kind)
        .env("PICCOLO_EVENT_FROM", field("from"))
        .env("PICCOLO_EVENT_TO", field("to"))
        .env("PICCOLO_EVENT_REASON", &ev.reason)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .map_err(|e| format!("cannot run hook command: {e}"))?;
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(body.as_bytes()).await;
    }
    let out = child.wait_with_output().await.map_err(|e| format!("hook command: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        let err = String::from_utf8_lossy(&out.stderr);
        Err(format!("hook command exited with {}: {}", out.status, err.trim()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use piccolo_proto::NodeState;

    #[test]
    fn urls_are_checked() {
        assert_eq!(
            parse_url("http://127.0.0.1:9000/alert").map(|t| (t.authority, t.path)),
            Ok(("127.0.0.1:9000".into(), "/alert".into()))
        );
        assert_eq!(
            parse_url("http://alerts.local").map(|t| (t.authority, t.path)),
            Ok(("alerts.local:80".into(), "/".into()))
        );
        assert!(parse_url("https://x/y").is_err());
        assert!(parse_url("ftp://x").is_err());
        let h = HookConfig {
            name: String::new(),
            events: vec![],
            node: String::new(),
            command: String::new(),
            url: String::new(),
            retries: 3,
            timeout: Duration::from_secs(1),
            backoff: Duration::from_secs(1),
        };
        assert!(h.validate().is_err());
    }

    #[test]
    fn payload_names_states() {
        let ev = Event {
            seq: 7,
            node: "n1".into(),
            kind: "StateChanged".into(),
            from: NodeState::Ready as i32,
            to: NodeState::NotReady as i32,
            reason: "ConnectionLost".into(),
            ..Default::default()
        };
        let p = payload("pager", &ev);
        assert_eq!(p["to"], "NotReady");
        assert_eq!(p["from"], "Ready");
        assert_eq!(p["seq"], 7);
        assert_eq!(p["hook"], "pager");
    }
}
