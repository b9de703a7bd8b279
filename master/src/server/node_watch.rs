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

use std::collections::{HashMap, VecDeque};
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
    let mut b = Backlog::new(registry, metrics.clone());
    if initial {
        b.fill(node_watch_event::Kind::Added);
    }
    tokio::spawn(async move {
        metrics.watchers.inc();
        forward(b, rx, tx, shutdown).await;
        metrics.watchers.dec();
    });
    ReceiverStream::new(out)
}

/// The part of a forwarder that the select arms change (the channels stay apart).
///
/// Coalescing: a queued update that carries no lifecycle event (a session
/// opened, facts or containers changed, a snapshot entry) only says "this is
/// the node now". If a newer change of the same node is queued behind it
/// before the watcher took it, the newer one says the same with fresher data,
/// so the older one is dropped. A watcher that keeps up gets every update; a
/// lagging one gets every lifecycle event and each node's latest state.
struct Backlog {
    registry: Arc<Registry>,
    metrics: Arc<Metrics>,
    /// Changes published but not yet taken by the watcher, oldest first;
    /// `None` where a coalesced update was.
    queue: VecDeque<Option<Arc<NodeWatchEvent>>>,
    /// Position (counted from the first change ever queued) of the front.
    head: u64,
    /// Live entries in `queue`.
    live: usize,
    /// Per node, the position of its queued update that a newer change of
    /// the node may replace.
    replaceable: HashMap<String, u64>,
    /// Times the watcher was resynchronised with a snapshot.
    resyncs: u64,
}

impl Backlog {
    fn new(registry: Arc<Registry>, metrics: Arc<Metrics>) -> Self {
        let (queue, replaceable) = (VecDeque::new(), HashMap::new());
        Self { registry, metrics, queue, head: 0, live: 0, replaceable, resyncs: 0 }
    }

    fn limit(&self) -> usize {
        MIN_BACKLOG.max(BACKLOG_PER_NODE * self.registry.len())
    }

    /// Queues one change, dropping the queued update it supersedes.
    fn push(&mut self, ev: Arc<NodeWatchEvent>) {
        let name = ev.node.as_ref().map(|n| n.name.as_str()).unwrap_or_default();
        if let Some(pos) = self.replaceable.remove(name)
            && let Some(slot) = pos.checked_sub(self.head).and_then(|i| self.queue.get_mut(i as usize))
            && slot.take().is_some()
        {
            self.live -= 1;
            self.metrics.watch_coalesced.inc();
        }
        if ev.event.is_none() && ev.kind == node_watch_event::Kind::Modified as i32 {
            self.replaceable.insert(name.to_string(), self.head + self.queue.len() as u64);
        }
        self.queue.push_back(Some(ev));
        self.live += 1;
    }

    /// The oldest change still queued.
    fn pop(&mut self) -> Option<Arc<NodeWatchEvent>> {
        while let Some(slot) = self.queue.pop_front() {
            self.head += 1;
            if let Some(ev) = slot {
                self.live -= 1;
                return Some(ev);
            }
        }
        None
    }

    fn is_empty(&self) -> bool {
        self.live == 0
    }

    /// Queues every node's current state as one `kind` entry each.
    fn fill(&mut self, kind: node_watch_event::Kind) {
        for n in self.registry.list() {
            self.push(Arc::new(NodeWatchEvent { kind: kind as i32, node: Some(n), event: None }));
        }
    }

    /// Replaces whatever is queued with the current state of every node.
    fn resync(&mut self, why: &str) {
        self.resyncs += 1;
        self.metrics.watch_resyncs.inc();
        tracing::warn!(
            queued = self.live,
            resyncs = self.resyncs,
            "watcher {why}; sending it a snapshot of every node instead of each change"
        );
        self.head += self.queue.len() as u64;
        self.queue.clear();
        self.live = 0;
        self.replaceable.clear();
        self.fill(node_watch_event::Kind::Modified);
    }

    /// Gives back a burst's memory once it is delivered.
    fn drained(&mut self) {
        if self.queue.is_empty() {
            self.replaceable.clear();
            if self.queue.capacity() > 1024 {
                self.queue.shrink_to(64);
                self.replaceable.shrink_to(64);
            }
        }
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
                Ok(ev) if b.live < b.limit() => b.push(ev),
                Ok(_) => b.resync("fell too many changes behind"),
                Err(broadcast::error::RecvError::Lagged(_)) => b.resync("missed changes"),
                Err(broadcast::error::RecvError::Closed) => return,
            },
            permit = tx.reserve(), if !b.is_empty() => {
                let Ok(permit) = permit else { return };
                if let Some(ev) = b.pop() {
                    permit.send(Ok(Arc::unwrap_or_clone(ev)));
                }
                b.drained();
            }
            _ = tx.closed(), if b.is_empty() => return,
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
        let mut stream = start(reg.clone(), false, metrics.clone(), shutdown);
        burst(&reg, MIN_BACKLOG / 200 + 5).await;
        assert_eq!(metrics.watch_resyncs.get(), 1, "one snapshot once past the limit");
        let mut nodes = std::collections::HashSet::new();
        let mut total = 0;
        while let Ok(Some(ev)) = tokio::time::timeout(Duration::from_millis(500), stream.next()).await {
            total += 1;
            nodes.insert(ev.unwrap().node.unwrap().name);
        }
        // The snapshot's entries gave way to newer changes of the same nodes:
        // either way every node's latest state arrived.
        assert_eq!(nodes.len(), 100, "every node");
        assert!(total <= MIN_BACKLOG + 200, "the queue stayed bounded: {total} messages");
    }

    fn change(name: &str, seq: Option<u64>) -> Arc<NodeWatchEvent> {
        Arc::new(NodeWatchEvent {
            kind: node_watch_event::Kind::Modified as i32,
            node: Some(Node { name: name.into(), ..Default::default() }),
            event: seq.map(|seq| piccolo_proto::Event { seq, node: name.into(), ..Default::default() }),
        })
    }

    /// Queued updates without an event give way to a newer change of the same
    /// node; events never do, and other nodes' updates are untouched.
    #[tokio::test]
    async fn a_queued_update_gives_way_to_a_newer_change_of_its_node() {
        let dir = tempfile::tempdir().unwrap();
        let metrics = Arc::new(Metrics::new());
        let mut b = Backlog::new(registry(dir.path(), metrics.clone()).await, metrics.clone());
        b.push(change("a", None)); // replaced by a's event 1
        b.push(change("b", None)); // stays: nothing newer for b
        b.push(change("a", Some(1)));
        b.push(change("a", None)); // replaced by the next one
        b.push(change("a", None));
        b.push(change("a", Some(2)));
        let got: Vec<(String, Option<u64>)> = std::iter::from_fn(|| b.pop())
            .map(|e| (e.node.as_ref().unwrap().name.clone(), e.event.as_ref().map(|e| e.seq)))
            .collect();
        let want = [("b", None), ("a", Some(1)), ("a", Some(2))].map(|(n, s)| (n.to_string(), s));
        assert_eq!(got, want);
        assert_eq!(metrics.watch_coalesced.get(), 3);
        assert!(b.is_empty());

        // Taken updates are gone: nothing to replace, nothing dropped.
        b.push(change("a", None));
        assert!(b.pop().is_some());
        b.push(change("a", None));
        assert_eq!(b.pop().map(|e| e.event.is_none()), Some(true));
        assert_eq!(metrics.watch_coalesced.get(), 3);
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
