//! systemd integration over the sd_notify protocol: `READY=1`, `STATUS=`,
//! `STOPPING=1`, and `WATCHDOG=1` at half of `WATCHDOG_USEC`, sent only while
//! the agent's main loop keeps making progress. A stalled loop therefore stops
//! the pings and systemd restarts the agent.
//!
//! The connected main loop checks in every [`Notifier::turn`]: a quarter of
//! the watchdog interval under a watchdog, once an hour without one (nobody
//! reads the progress then), so an idle agent does not wake every second.

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
    /// How often the connected main loop checks in.
    turn: Duration,
}

impl Default for Notifier {
    fn default() -> Self {
        Self::new()
    }
}

impl Notifier {
    pub fn new() -> Self {
        let stall_file = std::env::var_os("PICCOLO_DEBUG_STALL_FILE").map(|p| Arc::new(std::path::PathBuf::from(p)));
        let turn = turn_for(piccolo_common::systemd::watchdog_interval());
        Self { start: Instant::now(), progress_ms: Arc::new(AtomicU64::new(0)), stall_file, turn }
    }

    /// How often the connected main loop must check in ([`Self::checkpoint`]).
    pub fn turn(&self) -> Duration {
        self.turn
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
            // loop's own turn) or the loop is stuck.
            if self.since_progress() <= every + self.turn {
                let _ = sd_notify::notify(false, &[NotifyState::Watchdog]);
            } else {
                tracing::warn!(stalled_for = ?self.since_progress(), "main loop stalled; withholding watchdog ping");
            }
        }
    }
}

/// The main loop's check-in period: a quarter of the watchdog interval (two
/// turns per ping), or an hour without a watchdog.
fn turn_for(watchdog: Option<Duration>) -> Duration {
    watchdog.map_or(Duration::from_secs(3600), |w| w / 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_loop_turns_at_a_quarter_of_the_watchdog_and_hourly_without_one() {
        assert_eq!(turn_for(Some(Duration::from_secs(30))), Duration::from_millis(7500));
        assert_eq!(turn_for(Some(Duration::from_secs(2))), Duration::from_millis(500));
        assert_eq!(turn_for(None), Duration::from_secs(3600));
    }
}
