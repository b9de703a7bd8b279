//! The Podman monitor: one actor that learns of container changes and turns
//! them into [`MonitorUpdate`]s on a bounded channel. It sends a full list
//! after every (re)connect and on request, reports an outage once, and
//! retries with capped, jittered backoff until Podman is back or shutdown.
//!
//! Two event sources:
//! - **Podman's event log file** (`events_file`, the default in the agent):
//!   followed with inotify ([`super::event_log`]); the API is used only in
//!   short bursts (a list after an event or on request) that close, so a
//!   socket-activated Podman service exits when idle.
//! - **The API's event stream** (`events_file: None`): one connection held
//!   open for as long as Podman runs, which keeps the service alive; for
//!   devices whose Podman logs events to journald only.
//!
//! No event is lost around a (re)connect: the file position is taken (or the
//! stream opened with `since` = now) before the list, so anything that
//! happened while the list was being built is delivered after the snapshot,
//! and a file position survives an outage of the API. An event may therefore
//! describe a change the snapshot already shows; events are history,
//! snapshots are the state.

use std::path::PathBuf;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use piccolo_proto::{Container, ContainerEvent};
use tokio::sync::{mpsc, watch};
use tokio::task::JoinHandle;
use tokio::time::Instant;

use super::event_log::EventLog;
use super::http::LineStream;
use super::{API, Podman, PodmanError, wire};

/// What the monitor reports.
#[derive(Debug, Clone, PartialEq)]
pub enum MonitorUpdate {
    /// Full container list (after start, after reconnecting to Podman, and whenever asked).
    Snapshot(Vec<Container>),
    /// One event from Podman's event stream (died, start, stop, restart, health_status, remove,
    /// create, pause, unpause, oom; see [`super::FORWARDED_ACTIONS`]).
    Event(ContainerEvent),
    /// Podman went away or is not reachable; with the reason. Sent once per outage.
    Unavailable(String),
}

/// Retry timing.
#[derive(Debug, Clone)]
pub struct MonitorConfig {
    /// First retry after Podman went away; doubles up to `backoff_max`.
    pub backoff_min: Duration,
    /// Longest wait between attempts, so a returning Podman is seen within it.
    pub backoff_max: Duration,
    /// Podman's event log (`events_logfile_path` with `events_logger =
    /// "file"`) to follow; `None` holds the API's event stream open instead.
    pub events_file: Option<PathBuf>,
}

impl Default for MonitorConfig {
    fn default() -> Self {
        Self { backoff_min: Duration::from_millis(500), backoff_max: Duration::from_secs(5), events_file: None }
    }
}

/// Asks a running monitor for things; dropping it changes nothing.
#[derive(Debug, Clone)]
pub struct MonitorHandle {
    resync: mpsc::Sender<()>,
}

impl MonitorHandle {
    /// Asks for a fresh [`MonitorUpdate::Snapshot`] (with current CPU and
    /// memory). Requests made before the monitor gets to them count as one;
    /// while Podman is away the next reconnect's snapshot answers them.
    pub fn resync(&self) {
        let _ = self.resync.try_send(());
    }
}

/// Actor: follows /v4.0.0/libpod/events?stream=true (container events only), sends a Snapshot
/// first and after every (re)connect, retries with capped backoff when Podman is absent or goes
/// away, and stops on shutdown or when `tx`'s receiver is gone.
pub fn spawn_monitor(
    podman: Podman,
    tx: mpsc::Sender<MonitorUpdate>,
    shutdown: watch::Receiver<bool>,
) -> JoinHandle<()> {
    spawn_monitor_with(podman, MonitorConfig::default(), tx, shutdown).1
}

/// [`spawn_monitor`] with explicit timing and a handle to request snapshots.
pub fn spawn_monitor_with(
    podman: Podman,
    cfg: MonitorConfig,
    tx: mpsc::Sender<MonitorUpdate>,
    shutdown: watch::Receiver<bool>,
) -> (MonitorHandle, JoinHandle<()>) {
    let (resync_tx, resync) = mpsc::channel(1);
    let log = cfg.events_file.as_ref().map(EventLog::new);
    let monitor = Monitor { podman, cfg, tx, shutdown, resync, resync_open: true, log };
    (MonitorHandle { resync: resync_tx }, tokio::spawn(monitor.run()))
}

/// Why `follow` returned.
enum Stop {
    /// Shutdown was asked for, or nobody listens any more.
    Shutdown,
    /// Podman could not be reached or went away.
    Lost(PodmanError),
}

/// What woke the follow loop.
enum Step {
    Shutdown,
    Resync(Option<()>),
    Line(Result<Vec<u8>, PodmanError>),
}

struct Monitor {
    podman: Podman,
    cfg: MonitorConfig,
    /// Bounded: a slow consumer holds the monitor back (Podman buffers meanwhile).
    tx: mpsc::Sender<MonitorUpdate>,
    shutdown: watch::Receiver<bool>,
    resync: mpsc::Receiver<()>,
    /// False once every [`MonitorHandle`] is gone (a closed channel is always ready).
    resync_open: bool,
    /// The event log followed (its position survives API outages), or
    /// `None` for the API's event stream.
    log: Option<EventLog>,
}

impl Monitor {
    async fn run(mut self) {
        if let Some(log) = self.log.take() {
            return self.run_log(log).await;
        }
        let mut backoff = Backoff::new(self.cfg.backoff_min, self.cfg.backoff_max);
        let mut reported = false;
        loop {
            let mut connected = false;
            let Err(stop) = self.follow(&mut connected).await;
            let err = match stop {
                Stop::Shutdown => return,
                Stop::Lost(e) => e,
            };
            if connected {
                backoff.reset();
                reported = false;
            }
            if reported {
                tracing::debug!("podman: still unavailable: {err}");
            } else {
                tracing::warn!("podman: unavailable: {err}");
                if self.send(MonitorUpdate::Unavailable(err.to_string())).await.is_err() {
                    return;
                }
                reported = true;
            }
            let delay = backoff.step();
            tokio::select! {
                _ = crate::stopped(&mut self.shutdown) => return,
                _ = tokio::time::sleep(delay) => {}
            }
        }
    }

    /// One connection's life: open the stream, snapshot, forward events.
    /// Sets `connected` once the snapshot is out.
    async fn follow(&mut self, connected: &mut bool) -> Result<std::convert::Infallible, Stop> {
        let mut events =
            LineStream::open(self.podman.socket(), &events_path(&since_now())).await.map_err(Stop::Lost)?;
        self.snapshot().await?;
        *connected = true;
        tracing::info!("podman: following events on {}", self.podman.socket().display());
        loop {
            let step = tokio::select! {
                _ = crate::stopped(&mut self.shutdown) => Step::Shutdown,
                r = self.resync.recv(), if self.resync_open => Step::Resync(r),
                line = events.next_line() => Step::Line(line),
            };
            match step {
                Step::Shutdown => return Err(Stop::Shutdown),
                Step::Resync(Some(())) => self.snapshot().await?,
                Step::Resync(None) => self.resync_open = false,
                Step::Line(line) => self.forward(&line.map_err(Stop::Lost)?, false).await?,
            }
        }
    }

    /// Follows Podman's event log. Events flow whether or not the API
    /// answers; the API is used only for snapshots (first, on request, and
    /// retried with backoff while it fails), each a burst of short
    /// connections.
    async fn run_log(mut self, mut log: EventLog) {
        let mut backoff = Backoff::new(self.cfg.backoff_min, self.cfg.backoff_max);
        let mut reported = false;
        let mut warned_no_log = false;
        let mut announced = false;
        // Snapshot wanted at this moment (None: none pending).
        let mut due = Some(Instant::now());
        loop {
            if due.is_some_and(|at| at <= Instant::now()) {
                // The position is taken before the list: what happens while
                // it is built is delivered after it.
                let taken = match log.mark() {
                    Ok(()) => self.snapshot().await,
                    Err(e) => Err(Stop::Lost(e)),
                };
                match taken {
                    Ok(()) => {
                        due = None;
                        backoff.reset();
                        if !log.exists() && !warned_no_log {
                            tracing::warn!(
                                "podman: no event log at {} yet: it appears with Podman's first event when \
                                 containers.conf has events_logger = \"file\" and events_logfile_path there \
                                 (docs/EMBEDDED.md)",
                                log.path().display()
                            );
                            warned_no_log = true;
                        }
                        if std::mem::replace(&mut reported, false) || !announced {
                            tracing::info!("podman: following the event log {}", log.path().display());
                            announced = true;
                        }
                    }
                    Err(Stop::Shutdown) => return,
                    Err(Stop::Lost(e)) => {
                        if reported {
                            tracing::debug!("podman: still unavailable: {e}");
                        } else {
                            tracing::warn!("podman: unavailable: {e}");
                            if self.send(MonitorUpdate::Unavailable(e.to_string())).await.is_err() {
                                return;
                            }
                            reported = true;
                        }
                        due = Some(Instant::now() + backoff.step());
                    }
                }
                continue;
            }
            let retry = async {
                match due {
                    Some(at) => tokio::time::sleep_until(at).await,
                    None => std::future::pending().await,
                }
            };
            let step = tokio::select! {
                _ = crate::stopped(&mut self.shutdown) => return,
                r = self.resync.recv(), if self.resync_open => Step::Resync(r),
                line = log.next_line() => Step::Line(line),
                _ = retry => continue,
            };
            match step {
                // While retrying, the retry's time stands.
                Step::Resync(Some(())) => {
                    due.get_or_insert_with(Instant::now);
                }
                Step::Resync(None) => self.resync_open = false,
                Step::Line(Ok(line)) => {
                    if self.forward(&line, true).await.is_err() {
                        return;
                    }
                }
                Step::Line(Err(e)) => {
                    tracing::warn!("podman: {e}");
                    tokio::select! {
                        _ = crate::stopped(&mut self.shutdown) => return,
                        _ = tokio::time::sleep(self.cfg.backoff_max) => {}
                    }
                }
                Step::Shutdown => return,
            }
        }
    }

    async fn snapshot(&mut self) -> Result<(), Stop> {
        let list = tokio::select! {
            r = self.podman.list() => r.map_err(Stop::Lost)?,
            _ = crate::stopped(&mut self.shutdown) => return Err(Stop::Shutdown),
        };
        tracing::debug!("podman: snapshot of {} containers", list.len());
        self.send(MonitorUpdate::Snapshot(list)).await
    }

    /// Sends on one event line (`logged`: the event log's format, else the
    /// API stream's).
    async fn forward(&mut self, line: &[u8], logged: bool) -> Result<(), Stop> {
        if line.iter().all(u8::is_ascii_whitespace) {
            return Ok(());
        }
        let parsed = if logged {
            serde_json::from_slice::<wire::FileEvent>(line).map(wire::file_event)
        } else {
            serde_json::from_slice::<wire::RawEvent>(line).map(wire::event)
        };
        match parsed {
            Ok(ev) => match ev {
                Some(ev) => self.send(MonitorUpdate::Event(ev)).await,
                None => Ok(()),
            },
            Err(e) => {
                // One odd line is not worth a reconnect; the next snapshot corrects the state.
                tracing::debug!("podman: skipping an event line: {e}");
                Ok(())
            }
        }
    }

    async fn send(&mut self, update: MonitorUpdate) -> Result<(), Stop> {
        tokio::select! {
            r = self.tx.send(update) => r.map_err(|_| Stop::Shutdown),
            _ = crate::stopped(&mut self.shutdown) => Err(Stop::Shutdown),
        }
    }
}

/// Capped exponential backoff, half fixed and half random.
struct Backoff {
    min: Duration,
    max: Duration,
    next: Duration,
}

impl Backoff {
    fn new(min: Duration, max: Duration) -> Self {
        Self { min, max, next: min }
    }

    fn reset(&mut self) {
        self.next = self.min;
    }

    fn step(&mut self) -> Duration {
        let base = self.next.min(self.max);
        self.next = (self.next * 2).min(self.max);
        let half = base / 2;
        half + Duration::from_millis(rand::random::<u64>() % (half.as_millis() as u64 + 1))
    }
}

/// Now as `SECS.NANOS`, the form Podman's `since` takes.
fn since_now() -> String {
    let d = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
    format!("{}.{:09}", d.as_secs(), d.subsec_nanos())
}

/// The event stream since `since`, container events of the forwarded kinds
/// only (filtered by Podman, so the rest never crosses the socket).
fn events_path(since: &str) -> String {
    // Written out rather than built with `serde_json::json!`, which would
    // link a JSON serializer for this one constant string.
    let events: Vec<String> = wire::FORWARDED_ACTIONS.iter().map(|a| format!("\"{a}\"")).collect();
    let filters = format!("{{\"type\":[\"container\"],\"event\":[{}]}}", events.join(","));
    format!("{API}/events?stream=true&since={since}&filters={}", percent_encode(&filters))
}

fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
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
    fn backoff_doubles_to_the_cap_and_resets() {
        let mut b = Backoff::new(Duration::from_millis(100), Duration::from_millis(400));
        let steps: Vec<Duration> = (0..5).map(|_| b.step()).collect();
        for (d, base) in steps.iter().zip([100, 200, 400, 400, 400]) {
            assert!(*d >= Duration::from_millis(base / 2) && *d <= Duration::from_millis(base), "{d:?} vs {base}");
        }
        b.reset();
        assert!(b.step() <= Duration::from_millis(100));
    }

    #[test]
    fn events_path_filters_container_events() {
        let p = events_path("1795393200.000000001");
        assert!(p.starts_with("/v4.0.0/libpod/events?stream=true&since=1795393200.000000001&filters=%7B%22"), "{p}");
        assert!(p.contains("%22died%22") && !p.contains('"') && !p.contains(' '), "{p}");
        let (_, enc) = p.split_once("filters=").unwrap();
        let mut json = String::new();
        let mut bytes = enc.bytes();
        while let Some(b) = bytes.next() {
            if b == b'%' {
                let hex: String = bytes.by_ref().take(2).map(char::from).collect();
                json.push(u8::from_str_radix(&hex, 16).unwrap() as char);
            } else {
                json.push(b as char);
            }
        }
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["type"][0], "container");
        assert_eq!(v["event"].as_array().unwrap().len(), wire::FORWARDED_ACTIONS.len());
    }

    #[test]
    fn since_has_nine_digit_nanos() {
        let s = since_now();
        let (secs, nanos) = s.split_once('.').unwrap();
        assert!(secs.parse::<u64>().unwrap() > 1_700_000_000);
        assert_eq!(nanos.len(), 9);
    }
}
