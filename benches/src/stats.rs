//! What a worker's agents count: gauges (connected, Ready), counters, latency
//! histograms, and errors and retries by kind. Agents update it; the worker
//! sends snapshots ([`Tick`]) and full reports ([`Report`]) to the coordinator.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::time::Duration;

use piccolo_common::time::now_ms;
use serde::{Deserialize, Serialize};

use crate::hist::Histogram;

/// Kinds are messages cut to this length so a varying tail (an address, a
/// port) does not make every error its own kind.
const KIND_LEN: usize = 90;

/// Shared counters of one worker.
#[derive(Default)]
pub struct Stats {
    enrolled: AtomicU64,
    connected: AtomicI64,
    ready: AtomicI64,
    sessions: AtomicU64,
    hb_sent: AtomicU64,
    hb_acked: AtomicU64,
    retries: AtomicU64,
    errors: AtomicU64,
    /// Wall-clock ms at which an agent last became Ready.
    last_ready_ms: AtomicI64,
    enrol: Mutex<Histogram>,
    heartbeat: Mutex<Histogram>,
    error_kinds: Mutex<BTreeMap<String, u64>>,
    retry_kinds: Mutex<BTreeMap<String, u64>>,
    /// Sessions open per master (index in the configured list; empty with one master).
    per_master: Vec<AtomicI64>,
}

/// Gauges and counters, sent several times a second.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Tick {
    pub enrolled: u64,
    pub connected: i64,
    pub ready: i64,
    /// Sessions established so far (the reconnect curve is its derivative).
    pub sessions: u64,
    pub hb_sent: u64,
    pub hb_acked: u64,
    pub retries: u64,
    pub errors: u64,
    pub last_ready_ms: i64,
    /// Sessions open per master (several masters only).
    #[serde(default)]
    pub on: Vec<i64>,
}

/// Histograms and kinds since the last reset.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Report {
    pub enrol: Histogram,
    pub heartbeat: Histogram,
    pub errors: BTreeMap<String, u64>,
    pub retries: BTreeMap<String, u64>,
}

impl Report {
    pub fn merge(&mut self, other: &Report) {
        self.enrol.merge(&other.enrol);
        self.heartbeat.merge(&other.heartbeat);
        for (k, v) in &other.errors {
            *self.errors.entry(k.clone()).or_default() += v;
        }
        for (k, v) in &other.retries {
            *self.retries.entry(k.clone()).or_default() += v;
        }
    }
}

fn kind(msg: &str) -> String {
    let mut end = msg.len().min(KIND_LEN);
    while !msg.is_char_boundary(end) {
        end -= 1;
    }
    msg[..end].to_string()
}

fn bump(map: &Mutex<BTreeMap<String, u64>>, msg: &str) {
    if let Ok(mut m) = map.lock() {
        *m.entry(kind(msg)).or_default() += 1;
    }
}

/// Decrements `connected` (and its master's count) when a session ends.
pub struct SessionGuard<'a>(&'a Stats, usize);

impl Drop for SessionGuard<'_> {
    fn drop(&mut self) {
        self.0.connected.fetch_sub(1, Ordering::Relaxed);
        if let Some(c) = self.0.per_master.get(self.1) {
            c.fetch_sub(1, Ordering::Relaxed);
        }
    }
}

/// Keeps the Ready gauge right for one session: set from each ack, undone when
/// the session ends.
pub struct ReadyGuard<'a> {
    stats: &'a Stats,
    ready: bool,
}

impl ReadyGuard<'_> {
    pub fn set(&mut self, ready: bool) {
        if ready == self.ready {
            return;
        }
        self.ready = ready;
        if ready {
            self.stats.ready.fetch_add(1, Ordering::Relaxed);
            self.stats.last_ready_ms.fetch_max(now_ms(), Ordering::Relaxed);
        } else {
            self.stats.ready.fetch_sub(1, Ordering::Relaxed);
        }
    }
}

impl Drop for ReadyGuard<'_> {
    fn drop(&mut self) {
        self.set(false);
    }
}

impl Stats {
    /// Counters that also count sessions per master (`masters` > 1).
    pub fn with_masters(masters: usize) -> Self {
        let per_master = if masters > 1 { (0..masters).map(|_| AtomicI64::new(0)).collect() } else { Vec::new() };
        Self { per_master, ..Self::default() }
    }

    pub fn enrolled(&self, took: Duration) {
        self.enrolled.fetch_add(1, Ordering::Relaxed);
        if let Ok(mut h) = self.enrol.lock() {
            h.record_duration(took);
        }
    }

    /// A session on master `master` (its index in the configured list).
    pub fn session_started(&self, master: usize) -> SessionGuard<'_> {
        self.sessions.fetch_add(1, Ordering::Relaxed);
        self.connected.fetch_add(1, Ordering::Relaxed);
        if let Some(c) = self.per_master.get(master) {
            c.fetch_add(1, Ordering::Relaxed);
        }
        SessionGuard(self, master)
    }

    pub fn ready_guard(&self) -> ReadyGuard<'_> {
        ReadyGuard { stats: self, ready: false }
    }

    pub fn heartbeat_sent(&self) {
        self.hb_sent.fetch_add(1, Ordering::Relaxed);
    }

    pub fn heartbeat_acked(&self, took: Duration) {
        self.hb_acked.fetch_add(1, Ordering::Relaxed);
        if let Ok(mut h) = self.heartbeat.lock() {
            h.record_duration(took);
        }
    }

    /// Something that failed for good or should never happen.
    pub fn error(&self, msg: &str) {
        self.errors.fetch_add(1, Ordering::Relaxed);
        bump(&self.error_kinds, msg);
    }

    /// A failed attempt the agent retries after its backoff.
    pub fn retry(&self, msg: &str) {
        self.retries.fetch_add(1, Ordering::Relaxed);
        bump(&self.retry_kinds, msg);
    }

    pub fn tick(&self) -> Tick {
        Tick {
            enrolled: self.enrolled.load(Ordering::Relaxed),
            connected: self.connected.load(Ordering::Relaxed),
            ready: self.ready.load(Ordering::Relaxed),
            sessions: self.sessions.load(Ordering::Relaxed),
            hb_sent: self.hb_sent.load(Ordering::Relaxed),
            hb_acked: self.hb_acked.load(Ordering::Relaxed),
            retries: self.retries.load(Ordering::Relaxed),
            errors: self.errors.load(Ordering::Relaxed),
            last_ready_ms: self.last_ready_ms.load(Ordering::Relaxed),
            on: self.per_master.iter().map(|c| c.load(Ordering::Relaxed)).collect(),
        }
    }

    /// Histograms and kinds since the last call (each call starts a new window).
    pub fn take_report(&self) -> Report {
        let take_h = |m: &Mutex<Histogram>| m.lock().map(|mut h| std::mem::take(&mut *h)).unwrap_or_default();
        let take_m =
            |m: &Mutex<BTreeMap<String, u64>>| m.lock().map(|mut h| std::mem::take(&mut *h)).unwrap_or_default();
        Report {
            enrol: take_h(&self.enrol),
            heartbeat: take_h(&self.heartbeat),
            errors: take_m(&self.error_kinds),
            retries: take_m(&self.retry_kinds),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gauges_follow_sessions() {
        let s = Stats::default();
        {
            let _g = s.session_started(0);
            let mut r = s.ready_guard();
            r.set(true);
            r.set(true);
            assert_eq!(s.tick().ready, 1);
            assert_eq!(s.tick().connected, 1);
        }
        let t = s.tick();
        assert_eq!((t.ready, t.connected, t.sessions), (0, 0, 1));
        s.error("session lost: connection reset by peer at 127.0.0.1:5");
        s.error("session lost: connection reset by peer at 127.0.0.1:5");
        let r = s.take_report();
        assert_eq!(r.errors.values().sum::<u64>(), 2);
        assert_eq!(s.tick().errors, 2);
        assert!(s.take_report().errors.is_empty());
        let s = Stats::with_masters(3);
        {
            let _a = s.session_started(2);
            let _b = s.session_started(2);
            assert_eq!(s.tick().on, [0, 0, 2]);
        }
        assert_eq!(s.tick().on, [0, 0, 0]);
    }
}
