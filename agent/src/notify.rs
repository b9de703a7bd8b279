//! systemd integration over the sd_notify protocol: `READY=1`, `STATUS=`,
//! `STOPPING=1`, and `WATCHDOG=1` at half of `WATCHDOG_USEC`, sent only while
//! the agent's main loop keeps making progress. A stalled loop therefore stops
//! the pings and systemd restarts the agent.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use sd_notify::NotifyState;
use tokio::sync::watch;

/// Shared progress marker and notifier.
#[derive(Clone)]
pub struct Notifier {
    start: Instant,
    /// Milliseconds since `start` at the main loop's last turn.
    progress_ms: Arc<AtomicU64>,
    /// Test seam: while this file exists the main loop stalls at its next
    /// checkpoint (`PICCOLO_DEBUG_STALL_FILE`), so tests can prove that a
    /// stuck loop stops the watchdog pings.
    stall_file: Option<Arc<std::path::PathBuf>>,
}

impl Default for Notifier {
    fn default() -> Self {
        Self::new()
    }
}

impl Notifier {
    pub fn new() -> Self {
        let stall_file = std::env::var_os("PICCOLO_DEBUG_STALL_FILE").map(|p| Arc::new(std::path::PathBuf::from(p)));
        Self { start: Instant::now(), progress_ms: Arc::new(AtomicU64::new(0)), stall_file }
    }

    /// Called by the main loop on every turn: records progress (or stalls
    /// forever when the debug stall file exists).
    pub async fn checkpoint(&self) {
        if let Some(f) = &self.stall_file
            && f.exists()
        {
            tracing::warn!("debug stall file {} exists: main loop stalls", f.display());
            std::future::pending::<()>().await;
        }
        self.progress();
    }

    /// Called by the main loop on every turn.
    pub fn progress(&self) {
        let ms = u64::try_from(self.start.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.progress_ms.store(ms, Ordering::Relaxed);
    }

    fn since_progress(&self) -> Duration {
        let now = u64::try_from(self.start.elapsed().as_millis()).unwrap_or(u64::MAX);
        Duration::from_millis(now.saturating_sub(self.progress_ms.load(Ordering::Relaxed)))
    }

    pub fn ready(&self, status: &str) {
        let _ = sd_notify::notify(false, &[NotifyState::Ready, NotifyState::Status(status)]);
    }

    pub fn status(&self, status: &str) {
        let _ = sd_notify::notify(false, &[NotifyState::Status(status)]);
    }

    pub fn stopping(&self) {
        let _ = sd_notify::notify(false, &[NotifyState::Stopping, NotifyState::Status("stopping")]);
    }

    /// Pings the watchdog at half its interval while progress is fresh.
    pub async fn watchdog(self, mut shutdown: watch::Receiver<bool>) {
        let Some(interval) = piccolo_common::systemd::watchdog_interval() else { return };
        let every = interval / 2;
        loop {
            tokio::select! {
                _ = tokio::time::sleep(every) => {}
                _ = crate::stopped(&mut shutdown) => return,
            }
            // Progress must be newer than one ping period (plus slack for the
            // loop's own 1 s turn) or the loop is stuck.
            if self.since_progress() <= every + Duration::from_secs(1) {
                let _ = sd_notify::notify(false, &[NotifyState::Watchdog]);
            } else {
                tracing::warn!(stalled_for = ?self.since_progress(), "main loop stalled; withholding watchdog ping");
            }
        }
    }
}
