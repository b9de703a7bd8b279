//! How refused enrolments reach the log: the first few per source address in
//! each interval are logged one by one (what was wrong is worth reading), the
//! rest are counted and summarised once per interval, one line per address
//! (at most [`MAX_SUMMARY_LINES`], then one line for the others). A client
//! hammering the master with bad tokens costs a bounded number of log lines;
//! the metrics (`piccolo_enrolments_total{result}`) still count every attempt.
//!
//! Memory is bounded: at most [`MAX_SOURCES`] addresses per interval; later
//! ones go straight into the summary's "other addresses" line.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::watch;
use tracing::warn;

/// Refusals from one address logged in full per interval.
pub const LOGGED_PER_SOURCE: u32 = 3;
/// Addresses tracked per interval.
pub const MAX_SOURCES: usize = 10_000;
/// Per-address summary lines per interval.
pub const MAX_SUMMARY_LINES: usize = 20;

#[derive(Default)]
struct Source {
    logged: u32,
    suppressed: u64,
    last: String,
}

#[derive(Default)]
struct Window {
    /// By address and kind of refusal (`bad_token`, `rate_limited`, ...).
    by_source: HashMap<(String, &'static str), Source>,
    /// Refusals from addresses past [`MAX_SOURCES`].
    untracked: u64,
}

/// One summary line: an address, how many refusals were not logged, the last reason.
#[derive(Debug, PartialEq, Eq)]
pub struct Suppressed {
    pub source: String,
    pub kind: &'static str,
    pub count: u64,
    pub last: String,
}

/// What one interval left unlogged.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// The addresses with the most suppressed refusals, most first.
    pub lines: Vec<Suppressed>,
    /// The rest: how many addresses (those past [`MAX_SOURCES`] count as one) and refusals.
    pub other_sources: usize,
    pub other_refusals: u64,
}

/// Per-address refusal log limiter.
pub struct RefusalLog {
    interval: Duration,
    window: Mutex<Window>,
}

impl RefusalLog {
    pub fn new(interval: Duration) -> Arc<Self> {
        Arc::new(Self { interval, window: Mutex::new(Window::default()) })
    }

    /// Records a refusal of `kind` from `source`; true when it should be
    /// logged in full (each kind has its own allowance, so the moment an
    /// address gets blocked is logged even after its bad tokens were).
    pub fn note(&self, source: &str, kind: &'static str, reason: &str) -> bool {
        let mut w = self.window.lock().unwrap_or_else(|p| p.into_inner());
        let key = (source.to_string(), kind);
        if !w.by_source.contains_key(&key) && w.by_source.len() >= MAX_SOURCES {
            w.untracked += 1;
            return false;
        }
        let s = w.by_source.entry(key).or_default();
        if s.logged < LOGGED_PER_SOURCE {
            s.logged += 1;
            return true;
        }
        s.suppressed += 1;
        s.last = reason.to_string();
        false
    }

    /// Ends the interval: what was not logged, and a fresh window.
    pub fn take(&self) -> Summary {
        let w = std::mem::take(&mut *self.window.lock().unwrap_or_else(|p| p.into_inner()));
        let mut lines: Vec<Suppressed> = w
            .by_source
            .into_iter()
            .filter(|(_, s)| s.suppressed > 0)
            .map(|((source, kind), s)| Suppressed { source, kind, count: s.suppressed, last: s.last })
            .collect();
        lines.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.source.cmp(&b.source)));
        let rest = lines.split_off(lines.len().min(MAX_SUMMARY_LINES));
        let mut summary = Summary {
            lines,
            other_sources: rest.len(),
            other_refusals: rest.iter().map(|s| s.count).sum::<u64>() + w.untracked,
        };
        if w.untracked > 0 {
            summary.other_sources += 1;
        }
        summary
    }

    /// Logs each interval's summary until shutdown (and a last one then).
    pub async fn run(self: Arc<Self>, mut shutdown: watch::Receiver<bool>) {
        let every = piccolo_common::config::format_duration(self.interval);
        loop {
            let stop = tokio::select! {
                _ = tokio::time::sleep(self.interval) => false,
                _ = crate::stopped(&mut shutdown) => true,
            };
            let s = self.take();
            for line in &s.lines {
                warn!(remote = %line.source, result = line.kind, suppressed = line.count, last_error = %line.last,
                    "enrolment refused {} more times from this address in the last {every} (not logged one by one)",
                    line.count);
            }
            if s.other_refusals > 0 {
                warn!(
                    sources = s.other_sources,
                    suppressed = s.other_refusals,
                    "enrolment refused {} more times from {} other addresses in the last {every}",
                    s.other_refusals,
                    s.other_sources
                );
            }
            if stop {
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_few_per_source_are_logged_then_counted() {
        let log = RefusalLog::new(Duration::from_secs(60));
        let logged = (0..100).filter(|i| log.note("10.0.0.1", "bad_token", &format!("bad token {i}"))).count();
        assert_eq!(logged, LOGGED_PER_SOURCE as usize);
        assert!(log.note("10.0.0.2", "bad_token", "x"), "another address has its own allowance");
        assert!(log.note("10.0.0.1", "rate_limited", "x"), "and another kind of refusal");
        let s = log.take();
        let line = Suppressed { source: "10.0.0.1".into(), kind: "bad_token", count: 97, last: "bad token 99".into() };
        assert_eq!(s.lines, vec![line]);
        assert_eq!((s.other_sources, s.other_refusals), (0, 0));
        assert!(log.note("10.0.0.1", "bad_token", "again"), "a new interval starts afresh");
    }

    #[test]
    fn summary_lines_and_memory_are_bounded() {
        let log = RefusalLog::new(Duration::from_secs(60));
        let mut total = 0u64;
        for i in 0..(MAX_SOURCES + 50) {
            for _ in 0..5 {
                if !log.note(&format!("a{i}"), "bad_token", "bad") {
                    total += 1;
                }
            }
        }
        let s = log.take();
        assert_eq!(s.lines.len(), MAX_SUMMARY_LINES);
        let shown: u64 = s.lines.iter().map(|l| l.count).sum();
        assert_eq!(shown + s.other_refusals, total, "every refusal is in the summary");
        assert_eq!(s.other_sources, MAX_SOURCES - MAX_SUMMARY_LINES + 1);
    }
}
