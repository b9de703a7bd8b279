//! Node watch streams: one task per watcher that takes changes off the
//! watcher's queue ([`crate::fanout`], filled by the registry as each change
//! is published) and sends them on its gRPC stream at the watcher's pace. A
//! slow watcher never holds the master back: its queue coalesces and, past
//! its bound, is replaced by one snapshot.

use std::sync::Arc;

use piccolo_proto::NodeWatchEvent;
use tokio::sync::{mpsc, watch};
use tokio_stream::wrappers::ReceiverStream;
use tonic::Status;

use crate::metrics::Metrics;
use crate::registry::Registry;

/// The stream a watcher reads.
pub type WatchStream = ReceiverStream<Result<NodeWatchEvent, Status>>;

/// Starts a watcher; `initial` sends every node first as ADDED.
pub fn start(
    registry: Arc<Registry>,
    initial: bool,
    metrics: Arc<Metrics>,
    mut shutdown: watch::Receiver<bool>,
) -> WatchStream {
    let w = registry.watch(initial);
    let (tx, out) = mpsc::channel(64);
    tokio::spawn(async move {
        metrics.watchers.inc();
        loop {
            tokio::select! {
                biased;
                _ = crate::stopped(&mut shutdown) => break,
                _ = tx.closed() => break,
                ev = w.next(|w| registry.resync(w)) => {
                    if tx.send(Ok(super::view::watch_event(Arc::unwrap_or_clone(ev)))).await.is_err() {
                        break;
                    }
                }
            }
        }
        w.close();
        metrics.watchers.dec();
    });
    ReceiverStream::new(out)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use std::time::Duration;

    use piccolo_proto::{Node, NodeState, node_watch_event};
    use tokio_stream::StreamExt;

    use super::*;
    use crate::fanout::MIN_BACKLOG;

    async fn registry(dir: &std::path::Path, metrics: Arc<Metrics>) -> Arc<Registry> {
        crate::registry::for_tests(dir, metrics, Duration::from_secs(60)).await.0
    }

    /// `rounds` of 100 cordons and 100 uncordons while nobody reads the stream.
    fn burst(reg: &Registry, rounds: usize) {
        for _ in 0..rounds {
            for i in 0..100 {
                let name = format!("n{i}");
                reg.cordon(&name).unwrap();
                reg.uncordon(&name).unwrap();
            }
        }
    }

    async fn hundred_nodes(dir: &std::path::Path, metrics: Arc<Metrics>) -> Arc<Registry> {
        let reg = registry(dir, metrics).await;
        for i in 0..100 {
            let node = Node { name: format!("n{i}"), state: NodeState::Initializing as i32, ..Default::default() };
            reg.enroll(node, "127.0.0.1").await.unwrap();
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
        burst(&reg, MIN_BACKLOG / 200 + 5);
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
        // Of the 9,000 changes: what the stream had buffered (65) before the
        // bound was hit, the snapshot (100), and at most the changes after it
        // (fewer than 1,000) if the forwarder took the snapshot before the
        // burst ended; never the changes the bound dropped.
        assert!(total <= 65 + 100 + 1000, "the queue stayed bounded: {total} messages");
    }

    /// A burst of twice the old broadcast's capacity while the watcher reads
    /// nothing: it still gets every change, in order, and no snapshot.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_stalled_watcher_gets_every_change_of_a_burst_larger_than_the_broadcast() {
        let dir = tempfile::tempdir().unwrap();
        let metrics = Arc::new(Metrics::new());
        let reg = hundred_nodes(dir.path(), metrics.clone()).await;
        let (_stop, shutdown) = watch::channel(false);
        let mut stream = start(reg.clone(), false, metrics, shutdown);
        let changes = 8000; // 40 rounds of 100 cordons and 100 uncordons
        burst(&reg, changes / 200);
        let mut seqs = Vec::new();
        while seqs.len() < changes {
            let ev = tokio::time::timeout(Duration::from_secs(10), stream.next()).await.unwrap().unwrap().unwrap();
            assert_eq!(ev.kind, node_watch_event::Kind::Modified as i32);
            seqs.push(ev.event.expect("a change, not a snapshot entry").seq);
        }
        assert!(seqs.windows(2).all(|w| w[1] == w[0] + 1), "every change once, in order");
    }
}
