//! Write-behind for state that may lag the truth in memory by a moment: node
//! state changes, heartbeat times, events. Writes are coalesced per key (the
//! newest value wins) and retried with capped backoff while the store is away,
//! so a store outage degrades the master instead of stopping it, and heartbeats
//! never become one store write each. Enrolments, removals and certificate
//! changes do not go through here: they are written before they are acked.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{Notify, watch};
use tracing::{info, warn};

use crate::metrics::Metrics;
use crate::store::{MAX_BATCH, SharedStore, StoreError};

/// Pending writes, newest value per key (`None` deletes).
///
/// Durability tickets: every [`queue`](Self::queue) returns a number; once
/// [`durable`](Self::durable) resolves for it, that write (or a newer value of
/// the same key) is in the store. What the master acknowledges to an agent as
/// kept (an offline replay) waits for its ticket.
pub struct Persister {
    store: SharedStore,
    pending: Mutex<BTreeMap<String, Option<Vec<u8>>>>,
    notify: Notify,
    healthy: AtomicBool,
    metrics: Arc<Metrics>,
    /// The last ticket handed out.
    queued: AtomicU64,
    /// Every ticket up to this one is in the store.
    written: watch::Sender<u64>,
    /// One writer at a time, so "everything taken was written" is true of
    /// every ticket up to the one read when taking.
    writing: tokio::sync::Mutex<()>,
}

impl Persister {
    pub fn new(store: SharedStore, metrics: Arc<Metrics>) -> Arc<Self> {
        Arc::new(Self {
            store,
            pending: Mutex::new(BTreeMap::new()),
            notify: Notify::new(),
            healthy: AtomicBool::new(true),
            metrics,
            queued: AtomicU64::new(0),
            written: watch::channel(0).0,
            writing: tokio::sync::Mutex::new(()),
        })
    }

    /// Queues a write (or a delete with `None`); returns its durability ticket.
    pub fn queue(&self, key: String, value: Option<Vec<u8>>) -> u64 {
        let ticket = if let Ok(mut p) = self.pending.lock() {
            p.insert(key, value);
            self.metrics.store_pending_writes.set(i64::try_from(p.len()).unwrap_or(i64::MAX));
            self.queued.fetch_add(1, Ordering::SeqCst) + 1
        } else {
            0
        };
        self.notify.notify_one();
        ticket
    }

    /// The ticket of the newest write queued so far.
    pub fn last_ticket(&self) -> u64 {
        self.queued.load(Ordering::SeqCst)
    }

    /// Resolves once every write up to `ticket` is in the store (never while
    /// the store is away; the caller bounds the wait by its own lifetime).
    pub async fn durable(&self, ticket: u64) {
        let mut rx = self.written.subscribe();
        let _ = rx.wait_for(|w| *w >= ticket).await;
    }

    /// Takes everything pending and writes it; advances the written ticket on success.
    async fn take_and_write(&self) -> bool {
        let _one = self.writing.lock().await;
        let (batch, upto) = match self.pending.lock() {
            Ok(mut p) => (std::mem::take(&mut *p), self.queued.load(Ordering::SeqCst)),
            Err(_) => return false,
        };
        if !batch.is_empty() && !self.write_batch(batch).await {
            return false;
        }
        self.written.send_if_modified(|w| {
            let moved = upto > *w;
            *w = (*w).max(upto);
            moved
        });
        true
    }

    /// Whether the store answered the last write or probe.
    pub fn healthy(&self) -> bool {
        self.healthy.load(Ordering::Relaxed)
    }

    fn mark_down(&self, what: &str, e: &StoreError) {
        if self.healthy.swap(false, Ordering::Relaxed) {
            warn!(error = %e, "{what}; master is degraded and keeps state in memory until the store is back");
        }
        self.metrics.store_healthy.set(0);
    }

    fn mark_up(&self, what: &str) {
        if !self.healthy.swap(true, Ordering::Relaxed) {
            info!("{what}");
        }
        self.metrics.store_healthy.set(1);
    }

    /// Asks the store whether it answers every `every` until shutdown, so a
    /// store that went away is noticed (`/health` degraded, `/ready` 503,
    /// `piccolo_store_healthy` 0) even when nothing is written, and its
    /// return is noticed too; owed writes are then flushed at once.
    pub async fn probe(self: Arc<Self>, every: Duration, mut shutdown: watch::Receiver<bool>) {
        loop {
            tokio::select! {
                _ = tokio::time::sleep(every) => {}
                _ = crate::stopped(&mut shutdown) => break,
            }
            let answer = tokio::select! {
                r = self.store.health() => r,
                _ = crate::stopped(&mut shutdown) => break,
            };
            match answer {
                // With writes owed, the writer says when it is back (after
                // flushing them), so health does not flap between the two.
                Ok(()) if self.backlog() > 0 => self.notify.notify_one(),
                Ok(()) => self.mark_up("store answers again"),
                Err(e) => self.mark_down("store probe failed", &e),
            }
        }
    }

    /// Number of writes not yet in the store.
    pub fn backlog(&self) -> usize {
        self.pending.lock().map(|p| p.len()).unwrap_or(0)
    }

    fn put_back(&self, batch: BTreeMap<String, Option<Vec<u8>>>) {
        if let Ok(mut p) = self.pending.lock() {
            for (k, v) in batch {
                // A newer value queued meanwhile wins.
                p.entry(k).or_insert(v);
            }
            self.metrics.store_pending_writes.set(i64::try_from(p.len()).unwrap_or(i64::MAX));
        }
    }

    /// Writes `batch` in store transactions of [`MAX_BATCH`] keys; on a
    /// failure puts back what was not written (newer values queued meanwhile win).
    async fn write_batch(&self, mut batch: BTreeMap<String, Option<Vec<u8>>>) -> bool {
        while !batch.is_empty() {
            let rest = match batch.iter().nth(MAX_BATCH).map(|(k, _)| k.clone()) {
                Some(k) => batch.split_off(&k),
                None => BTreeMap::new(),
            };
            let chunk: Vec<(String, Option<Vec<u8>>)> = batch.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
            if let Err(e) = self.store.write_batch(chunk).await {
                self.mark_down("store write failed", &e);
                batch.extend(rest);
                self.put_back(batch);
                return false;
            }
            batch = rest;
        }
        self.mark_up("store is back; pending writes flushed");
        self.metrics.store_pending_writes.set(i64::try_from(self.backlog()).unwrap_or(i64::MAX));
        true
    }

    /// Writes until shutdown, then flushes what it can within `grace`.
    pub async fn run(self: Arc<Self>, mut shutdown: watch::Receiver<bool>, grace: Duration) {
        let mut backoff = Duration::from_millis(100);
        loop {
            tokio::select! {
                _ = self.notify.notified() => {}
                _ = tokio::time::sleep(Duration::from_secs(1)) => {}
                _ = shutdown.changed() => break,
            }
            if self.backlog() == 0 {
                continue;
            }
            if self.take_and_write().await {
                backoff = Duration::from_millis(100);
            } else {
                let jitter = Duration::from_millis(rand::random::<u64>() % 100);
                tokio::select! {
                    _ = tokio::time::sleep(backoff + jitter) => {}
                    _ = shutdown.changed() => break,
                }
                backoff = (backoff * 2).min(Duration::from_secs(5));
            }
        }
        let _ = tokio::time::timeout(grace, self.flush()).await;
    }

    /// Writes everything pending now (used at shutdown).
    pub async fn flush(&self) -> bool {
        self.take_and_write().await
    }
}
