//! The agent's main loop: load or make the identity (enrolling when needed),
//! then connect, run a session, and reconnect with capped exponential backoff
//! and full jitter when the master is away, so a fleet that lost its network
//! does not come back as a thundering herd. Tells systemd READY once connected
//! or once it has entered offline mode, and STOPPING on the way out.

use std::time::Duration;

use thiserror::Error;
use tokio::sync::watch;
use tracing::{error, info, warn};

use crate::buffer::{FlushPolicy, OfflineBuffer};
use crate::config::AgentConfig;
use crate::enroll::{self, EnrollError};
use crate::facts::Sampler;
use crate::identity::{self, Identity, IdentityError};
use crate::local::Local;
use crate::notify::Notifier;
use crate::session::{self, Ctx, Outcome};

/// Why the agent stopped for good.
#[derive(Debug, Error)]
pub enum DaemonError {
    #[error(transparent)]
    Identity(#[from] IdentityError),
    #[error(transparent)]
    Enroll(#[from] EnrollError),
    #[error(
        "the master no longer accepts this node's certificate: {0}. The certificate was set aside; enrol again with a new token to rejoin"
    )]
    Removed(String),
}

/// Backoff state: 1 s doubling to the cap, full jitter.
struct Backoff {
    next: Duration,
    cap: Duration,
}

impl Backoff {
    fn new(cap: Duration) -> Self {
        Self { next: Duration::from_secs(1), cap }
    }
    fn reset(&mut self) {
        self.next = Duration::from_secs(1);
    }
    fn step(&mut self) -> Duration {
        let base = self.next.min(self.cap);
        self.next = (self.next * 2).min(self.cap);
        // Half fixed, half random: spreads a fleet out but never retries at once.
        let half = base / 2;
        half + Duration::from_millis(rand::random::<u64>() % (half.as_millis() as u64 + 1))
    }
}

/// Sleeps for `d` in one-second turns, marking progress for the watchdog.
async fn wait(d: Duration, notifier: &Notifier, shutdown: &mut watch::Receiver<bool>) -> bool {
    let deadline = tokio::time::Instant::now() + d;
    loop {
        notifier.checkpoint().await;
        let now = tokio::time::Instant::now();
        if now >= deadline {
            return true;
        }
        let step = (deadline - now).min(Duration::from_secs(1));
        tokio::select! {
            _ = tokio::time::sleep(step) => {}
            _ = crate::stopped(shutdown) => return false,
        }
    }
}

/// Readiness results seen while offline, so that only changes are buffered.
struct OfflineChecks {
    /// The last results; `None` until the first offline run.
    last: Option<Vec<piccolo_proto::CheckResult>>,
    next_at: tokio::time::Instant,
}

impl OfflineChecks {
    fn new() -> Self {
        Self { last: None, next_at: tokio::time::Instant::now() }
    }

    /// Runs the checks once per status interval and buffers what changed.
    async fn run_if_due(&mut self, cfg: &AgentConfig, buffer: &mut OfflineBuffer) {
        let now = tokio::time::Instant::now();
        if now < self.next_at {
            return;
        }
        self.next_at = now + cfg.status_interval;
        let results = crate::checks::run_local(cfg).await;
        crate::local::record_check_changes(buffer, self.last.as_deref(), &results);
        self.last = Some(results);
    }
}

/// Waits offline for `d`, keeping the local state current from the monitor
/// and the readiness checks.
#[allow(clippy::too_many_arguments)] // the main loop's parts, borrowed for one wait
async fn offline_wait(
    d: Duration,
    cfg: &AgentConfig,
    notifier: &Notifier,
    shutdown: &mut watch::Receiver<bool>,
    local: &mut Local,
    buffer: &mut OfflineBuffer,
    checks: &mut OfflineChecks,
    workloads: &crate::workloads::WorkloadsHandle,
) -> bool {
    let deadline = tokio::time::Instant::now() + d;
    loop {
        notifier.checkpoint().await;
        checks.run_if_due(cfg, buffer).await;
        if let Err(e) = buffer.maybe_flush(std::time::Instant::now()) {
            warn!(error = %e, "offline buffer not persisted yet");
        }
        let now = tokio::time::Instant::now();
        if now >= deadline {
            return true;
        }
        let step = (deadline - now).min(Duration::from_secs(1)).min(checks.next_at.saturating_duration_since(now));
        tokio::select! {
            _ = tokio::time::sleep(step) => {}
            u = local.next() => {
                if let Some(change) = u.and_then(|u| local.apply(u)) {
                    workloads.observe(&change);
                    crate::local::record_offline(buffer, &change);
                }
            }
            _ = workloads.changed() => {
                if let Some(r) = workloads.take_changes() {
                    crate::local::record_workloads(buffer, r);
                }
            }
            _ = crate::stopped(shutdown) => return false,
        }
    }
}

/// Runs until shutdown or a permanent error.
pub async fn run(cfg: AgentConfig, mut shutdown: watch::Receiver<bool>) -> Result<(), DaemonError> {
    let notifier = Notifier::new();
    notifier.progress();
    tokio::spawn(notifier.clone().watchdog(shutdown.clone()));
    identity::prepare_dir(&cfg.data_dir)?;
    let mut backoff = Backoff::new(cfg.reconnect_max_backoff);
    let mut announced_ready = false;

    let mut id = loop {
        if let Some(id) = Identity::load(&cfg.data_dir)? {
            break id;
        }
        notifier.status("enrolling");
        match enroll::enroll(&cfg, &cfg.data_dir).await {
            Ok(id) => {
                info!(node = %id.meta.name, master = %cfg.master, "enrolled");
                break id;
            }
            Err(e) if e.is_retryable() => {
                let d = backoff.step();
                warn!(error = %e, retry_in = ?d, "enrolment failed; will retry");
                if !announced_ready {
                    notifier.ready(&format!("offline: not enrolled yet ({e})"));
                    announced_ready = true;
                } else {
                    notifier.status(&format!("offline: not enrolled yet ({e})"));
                }
                if !wait(d, &notifier, &mut shutdown).await {
                    notifier.stopping();
                    return Ok(());
                }
            }
            Err(e) => return Err(e.into()),
        }
    };
    backoff.reset();

    let (mut pushed, problem) = crate::applied::load(&cfg.data_dir);
    if let Some(p) = problem {
        warn!("{p}");
    }
    let mut sampler = Sampler::default();
    // Monitoring follows the config the master pushed last, kept on disk.
    let mut local = Local::start(&crate::applied::effective(&cfg, pushed.as_ref()), shutdown.clone());
    // Workloads run from the persisted desired set, master or not.
    let workloads =
        crate::workloads::WorkloadsHandle::start(&crate::applied::effective(&cfg, pushed.as_ref()), shutdown.clone());
    let policy = FlushPolicy { interval: cfg.buffer_flush_interval, entries: cfg.buffer_flush_entries };
    let (mut buffer, loaded) = OfflineBuffer::open(&cfg.data_dir, policy);
    buffer.set_limit(cfg.buffer_capacity);
    if let Some(p) = &loaded.problem {
        warn!("{p}");
        push_problem(&mut buffer, "offline-buffer", &p.to_string());
    } else if loaded.entries > 0 {
        info!(entries = loaded.entries, dropped = loaded.dropped, "offline buffer loaded; will replay on reconnect");
    }
    if let Some(p) = workloads.take_problem() {
        push_problem(&mut buffer, "workloads", &p);
    }
    let mut masters = crate::masters::Masters::load(&cfg.master, &cfg.data_dir);
    let mut offline_since_ms: i64 = 0;
    let mut offline_checks = OfflineChecks::new();
    loop {
        notifier.progress();
        let started = tokio::time::Instant::now();
        // This session's master: one of the list (`--master A,B,...` plus learned).
        let mut session_cfg = cfg.clone();
        session_cfg.master = masters.current().to_string();
        let master = session_cfg.master.clone();
        let mut session_connected = false;
        let mut connected = |name: &str| {
            session_connected = true;
            let status = format!("connected to {master} as {name}");
            if announced_ready {
                notifier.status(&status);
            } else {
                notifier.ready(&status);
                announced_ready = true;
            }
        };
        let ctx = Ctx {
            cfg: &session_cfg,
            pushed: &mut pushed,
            notifier: &notifier,
            sampler: &mut sampler,
            shutdown: &mut shutdown,
            on_connected: &mut connected,
            local: &mut local,
            buffer: &mut buffer,
            masters: &mut masters,
            offline_since_ms,
            workloads: &workloads,
        };
        let outcome = session::run(ctx, &mut id).await;
        if session_connected {
            // The master saw current checks; the next offline spell starts afresh.
            offline_checks = OfflineChecks::new();
            masters.connected();
        }
        if buffer.is_empty() {
            offline_since_ms = 0;
        }
        match outcome {
            Outcome::Shutdown => break,
            Outcome::Renewed => {
                backoff.reset();
                continue;
            }
            Outcome::Removed(why) => {
                error!(reason = %why, "the master no longer accepts this node");
                id.retire();
                notifier.stopping();
                return Err(DaemonError::Removed(why));
            }
            Outcome::Disconnected(why) => {
                // Its master went away (or never answered): another one,
                // soon while there are others left to try.
                let quick = masters.advance();
                if offline_since_ms == 0 {
                    offline_since_ms = piccolo_common::time::now_ms();
                }
                if started.elapsed() > Duration::from_secs(30) {
                    backoff.reset();
                }
                let d = if quick { Duration::from_millis(rand::random::<u64>() % 500) } else { backoff.step() };
                warn!(reason = %why, retry_in = ?d, "master unreachable; running offline");
                let status = format!("offline: {why}; retrying in {}s", d.as_secs());
                if announced_ready {
                    notifier.status(&status);
                } else {
                    notifier.ready(&status);
                    announced_ready = true;
                }
                let effective = crate::applied::effective(&cfg, pushed.as_ref());
                let waited = offline_wait(
                    d,
                    &effective,
                    &notifier,
                    &mut shutdown,
                    &mut local,
                    &mut buffer,
                    &mut offline_checks,
                    &workloads,
                );
                if !waited.await {
                    break;
                }
            }
        }
    }
    info!("stopping");
    if let Err(e) = buffer.flush() {
        warn!(error = %e, "offline buffer could not be saved at shutdown");
    }
    notifier.stopping();
    Ok(())
}

/// Records a damaged-buffer report so the master hears about it on reconnect.
fn push_problem(buffer: &mut OfflineBuffer, subject: &str, what: &str) {
    use piccolo_proto::{BufferedEntry, StatusChange, buffered_entry};
    use prost::Message;
    let mut detail = what.to_string();
    detail.truncate(180);
    let now = piccolo_common::time::now_ms();
    let e = BufferedEntry {
        seq: 0,
        time_ms: now,
        entry: Some(buffered_entry::Entry::StatusChange(StatusChange { subject: subject.into(), ok: false, detail })),
    };
    let _ = buffer.push(now, &e.encode_to_vec());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_to_the_cap_with_jitter() {
        let mut b = Backoff::new(Duration::from_secs(8));
        let steps: Vec<Duration> = (0..6).map(|_| b.step()).collect();
        assert!(steps[0] >= Duration::from_millis(500) && steps[0] <= Duration::from_secs(1));
        for s in &steps {
            assert!(*s <= Duration::from_secs(8));
        }
        assert!(steps[5] >= Duration::from_secs(4), "{steps:?}");
        b.reset();
        assert!(b.step() <= Duration::from_secs(1));
    }
}
