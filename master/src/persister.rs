//! Write-behind for state that may lag the truth in memory by a moment: node
//! state changes, heartbeat times, events. Writes are coalesced per key (the
//! newest value wins) and retried with capped backoff while the store is away,
//! so a store outage degrades the master instead of stopping it, and heartbeats
//! never become one store write each. Enrolments, removals and certificate
//! changes do not go through here: they are written before they are acked.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{Notify, watch};
use tracing::{info, warn};

use crate::metrics::Metrics;
use crate::store::{MAX_BATCH, SharedStore};

/// Pending writes, newest value per key (`None` deletes).
pub struct Persister {
    store: SharedStore,
    pending: Mutex<BTreeMap<String, Option<Vec<u8>>>>,
    notify: Notify,
    healthy: AtomicBool,
    metrics: Arc<Metrics>,
}

impl Persister {
    pub fn new(store: SharedStore, metrics: Arc<Metrics>) -> Arc<Self> {
        Arc::new(Self {
            store,
            pending: Mutex::new(BTreeMap::new()),
            notify: Notify::new(),
            healthy: AtomicBool::new(true),
            metrics,
        })
    }

    /// Queues a write (or a delete with `None`).
    pub fn queue(&self, key: String, value: Option<Vec<u8>>) {
        if let Ok(mut p) = self.pending.lock() {
            p.insert(key, value);
            self.metrics.store_pending_writes.set(i64::try_from(p.len()).unwrap_or(i64::MAX));
        }
        self.notify.notify_one();
    }

    /// Whether the last write attempt succeeded.
    pub fn healthy(&self) -> bool {
        self.healthy.load(Ordering::Relaxed)
    }

    /// Number of writes not yet in the store.
    pub fn backlog(&self) -> usize {
        self.pending.lock().map(|p| p.len()).unwrap_or(0)
    }

    fn take(&self) -> BTreeMap<String, Option<Vec<u8>>> {
        self.pending.lock().map(|mut p| std::mem::take(&mut *p)).unwrap_or_default()
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
                if self.healthy.swap(false, Ordering::Relaxed) {
                    warn!(error = %e, "store write failed; master is degraded and keeps state in memory until the store is back");
                }
                self.metrics.store_healthy.set(0);
                batch.extend(rest);
                self.put_back(batch);
                return false;
            }
            batch = rest;
        }
        if !self.healthy.swap(true, Ordering::Relaxed) {
            info!("store is back; pending writes flushed");
        }
        self.metrics.store_healthy.set(1);
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
            let batch = self.take();
            if batch.is_empty() {
                continue;
            }
            if self.write_batch(batch).await {
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
        let batch = self.take();
        batch.is_empty() || self.write_batch(batch).await
    }
}
