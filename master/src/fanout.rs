//! Per-watcher queues of node changes, filled by the registry itself as it
//! publishes each change (under its lock, so every queue sees the changes in
//! the order they happened) and emptied by the watcher's stream at the
//! watcher's pace.
//!
//! Filling the queues at publish time, instead of through a broadcast channel
//! each watcher's task drains, means a burst (10,000 devices reconnecting at
//! once on a busy 2-core master) cannot overrun a watcher whose task is
//! waiting for a CPU: there is nothing to lag behind.
//!
//! Coalescing: a queued update that carries no lifecycle event (a session
//! opened, facts or containers changed, a snapshot entry) only says "this is
//! the node now". If a newer change of the same node arrives before the
//! watcher took it, the newer one says the same with fresher data, so the
//! older one is dropped. A watcher that keeps up gets every update; a lagging
//! one gets every lifecycle event and each node's latest state.
//!
//! Bound: past [`MIN_BACKLOG`] queued changes, or [`BACKLOG_PER_NODE`] per
//! node in a larger fleet, the queue is emptied and the watcher is sent one
//! snapshot of every node when it next reads ([`Registry::resync`]): a stuck
//! watcher costs a bounded amount and converges on the current state.
//!
//! [`Registry::resync`]: crate::registry::Registry::resync

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard};

use piccolo_proto::{Node, NodeWatchEvent, node_watch_event};
use tokio::sync::Notify;

use crate::metrics::Metrics;

/// Changes queued for one watcher before it is resynchronised with a
/// snapshot: at least this many, and [`BACKLOG_PER_NODE`] per node in a larger
/// fleet (a whole-fleet reconnect, about four changes per node, fits). A
/// queued change is a pointer to the change the registry published, shared by
/// every watcher, so ten watchers behind the same burst hold one copy of it.
pub const MIN_BACKLOG: usize = 8_192;
/// See [`MIN_BACKLOG`].
pub const BACKLOG_PER_NODE: usize = 8;

/// One watcher's queue.
pub struct Watcher {
    queue: Mutex<Queue>,
    ready: Notify,
    metrics: Arc<Metrics>,
}

/// The queue proper (pure logic, unit-tested).
#[derive(Default)]
struct Queue {
    /// Changes not yet taken, oldest first; `None` where a coalesced one was.
    items: VecDeque<Option<Arc<NodeWatchEvent>>>,
    /// Position (counted from the first change ever queued) of the front.
    head: u64,
    /// Live entries in `items`.
    live: usize,
    /// Per node, the position of its queued update a newer change may replace.
    replaceable: HashMap<String, u64>,
    /// Emptied for falling too far behind: a snapshot is due.
    resync_due: bool,
    /// The watcher went away.
    closed: bool,
    resyncs: u64,
}

impl Queue {
    /// Queues one change; returns how many queued updates it replaced (0 or 1).
    fn push(&mut self, ev: Arc<NodeWatchEvent>) -> u64 {
        let name = ev.node.as_ref().map(|n| n.name.as_str()).unwrap_or_default();
        let mut replaced = 0;
        if let Some(pos) = self.replaceable.remove(name)
            && let Some(slot) = pos.checked_sub(self.head).and_then(|i| self.items.get_mut(i as usize))
            && slot.take().is_some()
        {
            self.live -= 1;
            replaced = 1;
        }
        if ev.event.is_none() && ev.kind == node_watch_event::Kind::Modified as i32 {
            self.replaceable.insert(name.to_string(), self.head + self.items.len() as u64);
        }
        self.items.push_back(Some(ev));
        self.live += 1;
        replaced
    }

    fn pop(&mut self) -> Option<Arc<NodeWatchEvent>> {
        while let Some(slot) = self.items.pop_front() {
            self.head += 1;
            if let Some(ev) = slot {
                self.live -= 1;
                if self.items.is_empty() {
                    self.drained();
                }
                return Some(ev);
            }
        }
        None
    }

    /// Drops everything queued.
    fn clear(&mut self) {
        self.head += self.items.len() as u64;
        self.items.clear();
        self.live = 0;
        self.drained();
    }

    /// Gives a burst's memory back once it is delivered.
    fn drained(&mut self) {
        self.replaceable.clear();
        if self.items.capacity() > 1024 {
            self.items.shrink_to(64);
            self.replaceable.shrink_to(64);
        }
    }
}

impl Watcher {
    pub(crate) fn new(metrics: Arc<Metrics>) -> Arc<Self> {
        Arc::new(Self { queue: Mutex::new(Queue::default()), ready: Notify::new(), metrics })
    }

    fn lock(&self) -> MutexGuard<'_, Queue> {
        self.queue.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Takes one published change (called by the registry, under its lock,
    /// with the current node count). False once the watcher is gone.
    pub(crate) fn offer(&self, ev: &Arc<NodeWatchEvent>, nodes: usize) -> bool {
        let mut q = self.lock();
        if q.closed {
            return false;
        }
        if q.resync_due {
            return true; // The snapshot it is owed will carry this change.
        }
        if q.live >= MIN_BACKLOG.max(BACKLOG_PER_NODE * nodes) {
            q.resyncs += 1;
            tracing::warn!(
                queued = q.live,
                resyncs = q.resyncs,
                "watcher fell too many changes behind; sending it a snapshot of every node instead of each change"
            );
            q.clear();
            q.resync_due = true;
            self.metrics.watch_resyncs.inc();
        } else {
            let replaced = q.push(ev.clone());
            self.metrics.watch_coalesced.inc_by(replaced);
        }
        drop(q);
        self.ready.notify_one();
        true
    }

    /// Queues every node as a `kind` entry (called by the registry, under its
    /// lock): the initial listing, or the snapshot owed after falling behind.
    pub(crate) fn fill(&self, nodes: Vec<Node>, kind: node_watch_event::Kind) {
        let mut q = self.lock();
        q.clear();
        q.resync_due = false;
        for n in nodes {
            q.push(Arc::new(NodeWatchEvent { kind: kind as i32, node: Some(n), event: None }));
        }
        drop(q);
        self.ready.notify_one();
    }

    /// The next change, waiting for one; `resync` is called (without this
    /// queue's lock) when a snapshot is owed. Cancel-safe: a change is taken
    /// off the queue only in the same poll that returns it.
    pub async fn next(&self, resync: impl Fn(&Self)) -> Arc<NodeWatchEvent> {
        loop {
            let notified = self.ready.notified();
            let due = {
                let mut q = self.lock();
                if let Some(ev) = q.pop() {
                    return ev;
                }
                q.resync_due
            };
            if due {
                resync(self);
                continue;
            }
            notified.await;
        }
    }

    /// Marks the watcher gone: the registry drops it at its next change.
    pub fn close(&self) {
        let mut q = self.lock();
        q.closed = true;
        q.clear();
    }

    /// Changes queued and not yet taken.
    pub fn queued(&self) -> usize {
        self.lock().live
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use std::time::Duration;

    use super::*;

    fn change(name: &str, seq: Option<u64>) -> Arc<NodeWatchEvent> {
        Arc::new(NodeWatchEvent {
            kind: node_watch_event::Kind::Modified as i32,
            node: Some(Node { name: name.into(), ..Default::default() }),
            event: seq.map(|seq| piccolo_proto::Event { seq, node: name.into(), ..Default::default() }),
        })
    }

    fn names(q: &mut Queue) -> Vec<(String, Option<u64>)> {
        std::iter::from_fn(|| q.pop())
            .map(|e| (e.node.as_ref().unwrap().name.clone(), e.event.as_ref().map(|e| e.seq)))
            .collect()
    }

    /// Queued updates without an event give way to a newer change of the same
    /// node; events never do, and other nodes' updates are untouched.
    #[test]
    fn a_queued_update_gives_way_to_a_newer_change_of_its_node() {
        let mut q = Queue::default();
        let mut replaced = 0;
        replaced += q.push(change("a", None)); // replaced by a's event 1
        replaced += q.push(change("b", None)); // stays: nothing newer for b
        replaced += q.push(change("a", Some(1)));
        replaced += q.push(change("a", None)); // replaced by the next one
        replaced += q.push(change("a", None));
        replaced += q.push(change("a", Some(2)));
        let want = [("b", None), ("a", Some(1)), ("a", Some(2))].map(|(n, s)| (n.to_string(), s));
        assert_eq!(names(&mut q), want);
        assert_eq!(replaced, 3);
        assert_eq!(q.live, 0);

        // A taken update is gone: nothing to replace.
        assert_eq!(q.push(change("a", None)), 0);
        assert!(q.pop().is_some());
        assert_eq!(q.push(change("a", None)), 0);
        assert_eq!(names(&mut q), [("a".to_string(), None)]);
    }

    /// Past the bound the queue is emptied and a snapshot is owed; changes
    /// offered meanwhile are left to the snapshot.
    #[tokio::test]
    async fn past_the_bound_a_watcher_is_owed_one_snapshot() {
        let metrics = Arc::new(Metrics::new());
        let w = Watcher::new(metrics.clone());
        for seq in 1..=MIN_BACKLOG as u64 {
            assert!(w.offer(&change("a", Some(seq)), 1));
        }
        assert_eq!(w.queued(), MIN_BACKLOG);
        assert!(w.offer(&change("a", Some(MIN_BACKLOG as u64 + 1)), 1));
        assert_eq!(w.queued(), 0);
        assert_eq!(metrics.watch_resyncs.get(), 1);
        assert!(w.offer(&change("a", Some(MIN_BACKLOG as u64 + 2)), 1));
        assert_eq!(w.queued(), 0, "left to the snapshot");

        let snapshot =
            vec![Node { name: "a".into(), ..Default::default() }, Node { name: "b".into(), ..Default::default() }];
        let resync = |w: &Watcher| w.fill(snapshot.clone(), node_watch_event::Kind::Modified);
        let first = tokio::time::timeout(Duration::from_secs(5), w.next(resync)).await.unwrap();
        assert_eq!(first.node.as_ref().unwrap().name, "a");
        assert!(first.event.is_none());
        assert!(w.offer(&change("c", Some(1)), 3));
        let never = |_: &Watcher| panic!("no second snapshot");
        let names: Vec<String> =
            [w.next(never).await, w.next(never).await].iter().map(|e| e.node.as_ref().unwrap().name.clone()).collect();
        assert_eq!(names, ["b", "c"], "the snapshot, then changes as usual");
    }

    /// A closed watcher refuses further changes, so the registry drops it.
    #[test]
    fn a_closed_watcher_is_dropped_at_the_next_change() {
        let w = Watcher::new(Arc::new(Metrics::new()));
        assert!(w.offer(&change("a", None), 1));
        w.close();
        assert!(!w.offer(&change("a", None), 1));
        assert_eq!(w.queued(), 0);
    }
}
