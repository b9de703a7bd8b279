//! Node watch streams: one forwarder task per watcher between the registry's
//! broadcast of node changes and that watcher's gRPC stream.
//!
//! The forwarder drains the broadcast as soon as a change is published and
//! queues it for the watcher, which reads at its own pace. So a burst (10,000
//! devices dropping off at once) reaches every watcher change by change
//! instead of overrunning the broadcast, and a slow watcher never holds the
//! master back. Only past its backlog limit ([`MIN_BACKLOG`] queued changes,
//! or [`BACKLOG_PER_NODE`] per node in a larger fleet; or if the forwarder
//! itself fell behind the broadcast) does it give up on the individual
//! changes and queue one snapshot of every node instead: the watcher then
//! converges on the current state without the intermediate events.

use std::collections::VecDeque;
use std::sync::Arc;

use piccolo_proto::{NodeWatchEvent, node_watch_event};
use tokio::sync::{broadcast, mpsc, watch};
use tokio_stream::wrappers::ReceiverStream;
use tonic::Status;

use crate::metrics::Metrics;
use crate::registry::Registry;

/// Changes queued for one watcher before it is resynchronised with a
/// snapshot: at least this many, and [`BACKLOG_PER_NODE`] per node in a larger
/// fleet (a whole-fleet reconnect, about six changes per node, fits). A queued change is a pointer to the change the
/// registry published, shared by every watcher, so ten watchers behind the
/// same burst hold one copy of it, not ten.
pub const MIN_BACKLOG: usize = 8_192;
/// See [`MIN_BACKLOG`].
pub const BACKLOG_PER_NODE: usize = 8;

/// The stream a watcher reads.
pub type WatchStream = ReceiverStream<Result<NodeWatchEvent, Status>>;

/// Starts a forwarder for one watcher; `initial` sends every node first as ADDED.
pub fn start(
    registry: Arc<Registry>,
    initial: bool,
    metrics: Arc<Metrics>,
    shutdown: watch::Receiver<bool>,
) -> WatchStream {
    // Subscribe before the snapshot so no change falls between them.
    let rx = registry.subscribe();
    let (tx, out) = mpsc::channel(64);
    let queue = if initial { snapshot(&registry, node_watch_event::Kind::Added) } else { VecDeque::new() };
    tokio::spawn(async move {
        metrics.watchers.inc();
        forward(Backlog { registry, queue, resyncs: 0 }, rx, tx, shutdown).await;
        metrics.watchers.dec();
    });
    ReceiverStream::new(out)
}

fn snapshot(registry: &Registry, kind: node_watch_event::Kind) -> VecDeque<Arc<NodeWatchEvent>> {
    let entry = |n| Arc::new(NodeWatchEvent { kind: kind as i32, node: Some(n), event: None });
    registry.list().into_iter().map(entry).collect()
}

/// The part of a forwarder that the select arms change (the channels stay apart).
struct Backlog {
    registry: Arc<Registry>,
    /// Changes published but not yet taken by the watcher, oldest first.
    queue: VecDeque<Arc<NodeWatchEvent>>,
    /// Times the watcher was resynchronised with a snapshot.
    resyncs: u64,
}

impl Backlog {
    /// Replaces whatever is queued with the current state of every node.
    fn resync(&mut self, why: &str) {
        self.resyncs += 1;
        tracing::warn!(
            queued = self.queue.len(),
            resyncs = self.resyncs,
            "watcher {why}; sending it a snapshot of every node instead of each change"
        );
        self.queue = snapshot(&self.registry, node_watch_event::Kind::Modified);
    }
}

async fn forward(
    mut b: Backlog,
    mut rx: broadcast::Receiver<Arc<NodeWatchEvent>>,
    tx: mpsc::Sender<Result<NodeWatchEvent, Status>>,
    mut shutdown: watch::Receiver<bool>,
) {
    loop {
        tokio::select! {
            // Take published changes first: the broadcast is the bounded part.
            biased;
            _ = crate::stopped(&mut shutdown) => return,
            r = rx.recv() => match r {
                Ok(ev) if b.queue.len() < MIN_BACKLOG.max(BACKLOG_PER_NODE * b.registry.len()) => b.queue.push_back(ev),
                Ok(_) => b.resync("fell too many changes behind"),
                Err(broadcast::error::RecvError::Lagged(_)) => b.resync("missed changes"),
                Err(broadcast::error::RecvError::Closed) => return,
            },
            permit = tx.reserve(), if !b.queue.is_empty() => {
                let Ok(permit) = permit else { return };
                if let Some(ev) = b.queue.pop_front() {
                    permit.send(Ok(Arc::unwrap_or_clone(ev)));
                }
                if b.queue.is_empty() && b.queue.capacity() > 1024 {
                    b.queue.shrink_to(64); // A burst's memory goes back once it is delivered.
                }
            }
            _ = tx.closed(), if b.queue.is_empty() => return,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use std::time::Duration;

    use piccolo_proto::{Node, NodeState};
    use tokio_stream::StreamExt;

    use super::*;
    use crate::persister::Persister;
    use crate::registry::Settings;
    use crate::store::EmbeddedStore;

    async fn registry(dir: &std::path::Path, metrics: Arc<Metrics>) -> Arc<Registry> {
        let store: crate::store::SharedStore = Arc::new(EmbeddedStore::open(&dir.join("s.redb")).unwrap());
        let persister = Persister::new(store.clone(), metrics.clone());
        let settings = Settings {
            heartbeat_timeout: Duration::from_secs(30),
            persist_interval: Duration::from_secs(60),
            max_events: 1_000_000,
            state_damping: Duration::ZERO,
        };
        Registry::load(store, persister, settings, metrics).await.unwrap()
    }

    /// `rounds` of 100 cordons and 100 uncordons, paced by the forwarder's
    /// progress, not by time: it must take each batch off the broadcast while
    /// nobody reads the stream.
    async fn burst(reg: &Registry, rounds: usize) {
        for round in 0..rounds {
            for i in 0..100 {
                let name = format!("n{i}");
                reg.cordon(&name).unwrap();
                reg.uncordon(&name).unwrap();
            }
            let deadline = std::time::Instant::now() + Duration::from_secs(10);
            while reg.watch_backlog() > 0 {
                assert!(std::time::Instant::now() < deadline, "round {round}: forwarder stuck");
                tokio::task::yield_now().await;
            }
        }
    }

    async fn hundred_nodes(dir: &std::path::Path, metrics: Arc<Metrics>) -> Arc<Registry> {
        let reg = registry(dir, metrics).await;
        for i in 0..100 {
            let node = Node { name: format!("n{i}"), state: NodeState::Initializing as i32, ..Default::default() };
            reg.enroll(node).await.unwrap();
        }
        reg
    }

    /// A watcher that reads nothing holds a bounded queue: past the limit it
    /// gets one snapshot of every node instead of each change.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_stuck_watcher_costs_a_bounded_queue_then_a_snapshot() {
        let dir = tempfile::tempdir().unwrap();
        let metrics = Arc::new(Metrics::new());
        let reg = hundred_nodes(dir.path(), metrics.clone()).await;
        let (_stop, shutdown) = watch::channel(false);
        let mut stream = start(reg.clone(), false, metrics, shutdown);
        burst(&reg, MIN_BACKLOG / 200 + 5).await;
        let mut snapshot_entries = 0;
        let mut total = 0;
        while let Ok(Some(ev)) = tokio::time::timeout(Duration::from_millis(500), stream.next()).await {
            let ev = ev.unwrap();
            total += 1;
            snapshot_entries += usize::from(ev.event.is_none());
        }
        assert_eq!(snapshot_entries, 100, "one entry per node");
        assert!(total <= MIN_BACKLOG + 200, "the queue stayed bounded: {total} messages");
    }

    /// A burst of twice the broadcast's capacity while the watcher reads
    /// nothing: it still gets every change, in order, and no snapshot.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_stalled_watcher_gets_every_change_of_a_burst_larger_than_the_broadcast() {
        let dir = tempfile::tempdir().unwrap();
        let metrics = Arc::new(Metrics::new());
        let reg = hundred_nodes(dir.path(), metrics.clone()).await;
        let (_stop, shutdown) = watch::channel(false);
        let mut stream = start(reg.clone(), false, metrics, shutdown);
        let changes = 8000; // 40 rounds of 100 cordons and 100 uncordons
        burst(&reg, changes / 200).await;
        let mut seqs = Vec::new();
        while seqs.len() < changes {
            let ev = tokio::time::timeout(Duration::from_secs(10), stream.next()).await.unwrap().unwrap().unwrap();
            assert_eq!(ev.kind, node_watch_event::Kind::Modified as i32);
            seqs.push(ev.event.expect("a change, not a snapshot entry").seq);
        }
        assert!(seqs.windows(2).all(|w| w[1] == w[0] + 1), "every change once, in order");
    }
}
