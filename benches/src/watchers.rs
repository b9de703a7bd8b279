//! Admin watchers during a run: `WatchNodes` streams, each on its own mutual-TLS
//! connection with the admin credential, as `piccoloctl watch nodes` would
//! open them. Each keeps its own view of every node and the sequence numbers
//! of the lifecycle events it saw. At the end [`Watchers::verify`] checks that
//! every watcher saw every event (no gaps, nothing another watcher saw and it
//! did not) and that its view converged to the master's node list.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use piccolo_common::time::now_ms;
use piccolo_proto::{GetNodesRequest, Node, NodeState, WatchNodesRequest, node_watch_event};
use tokio::task::JoinHandle;

use crate::hist::Histogram;

/// What a watcher remembers of a node.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Seen {
    state: i32,
    changed_at_ms: i64,
    connected: bool,
}

impl From<&Node> for Seen {
    fn from(n: &Node) -> Self {
        Self { state: n.state, changed_at_ms: n.state_changed_at_ms, connected: n.connected }
    }
}

#[derive(Default)]
struct View {
    nodes: HashMap<String, Seen>,
    seqs: BTreeSet<u64>,
    messages: u64,
    /// Master event time -> arrival here.
    delivery: Histogram,
    ready: usize,
    ended: Option<String>,
}

/// Polls the Ready count of the slowest watcher.
pub type ReadyProbe = Box<dyn Fn() -> usize + Send + Sync>;

fn min_ready(views: &[Arc<Mutex<View>>]) -> usize {
    views.iter().filter_map(|v| v.lock().ok().map(|v| v.ready)).min().unwrap_or(0)
}

/// Running watchers.
pub struct Watchers {
    views: Vec<Arc<Mutex<View>>>,
    tasks: Vec<JoinHandle<()>>,
}

/// What [`Watchers::verify`] found.
#[derive(Debug, Default)]
pub struct Verdict {
    pub watchers: usize,
    pub messages: u64,
    pub events: usize,
    /// Events some watcher missed (gaps in its sequence or seen by another).
    pub missed: u64,
    /// Nodes whose final state differs from the master's, summed over watchers.
    pub diverged: u64,
    /// Watch streams that ended during the run, and why the first one did.
    pub ended: u64,
    pub ended_why: Option<String>,
    pub delivery: Histogram,
}

impl Verdict {
    pub fn errors(&self) -> u64 {
        self.missed + self.diverged + self.ended
    }
}

fn ready_delta(old: Option<&Seen>, new: Option<&Seen>) -> isize {
    let r = |s: Option<&Seen>| s.map(|s| s.state == NodeState::Ready as i32).unwrap_or(false);
    r(new) as isize - r(old) as isize
}

impl Watchers {
    /// Opens `n` watch streams; returns once each has its initial snapshot stream open.
    pub async fn start(n: usize, admin_conf: &Path) -> Result<Self, String> {
        let mut views = Vec::new();
        let mut tasks = Vec::new();
        for _ in 0..n {
            let mut client = piccolo_tests::master::admin_client(admin_conf).await?;
            let mut stream = client
                .watch_nodes(WatchNodesRequest { initial: true })
                .await
                .map_err(|s| format!("watch nodes: {}", s.message()))?
                .into_inner();
            let view = Arc::new(Mutex::new(View::default()));
            let v = view.clone();
            tasks.push(tokio::spawn(async move {
                let _client = client;
                let end = loop {
                    match stream.message().await {
                        Ok(Some(ev)) => {
                            let arrived = now_ms();
                            let Ok(mut v) = v.lock() else { break "lock".to_string() };
                            v.messages += 1;
                            let Some(node) = ev.node else { continue };
                            if let Some(e) = &ev.event {
                                v.seqs.insert(e.seq);
                                v.delivery.record(u64::try_from((arrived - e.time_ms).max(0) * 1000).unwrap_or(0));
                            }
                            let new = (ev.kind != node_watch_event::Kind::Deleted as i32).then(|| Seen::from(&node));
                            let old = match &new {
                                Some(s) => v.nodes.insert(node.name.clone(), s.clone()),
                                None => v.nodes.remove(&node.name),
                            };
                            let d = ready_delta(old.as_ref(), new.as_ref());
                            v.ready = v.ready.saturating_add_signed(d);
                        }
                        Ok(None) => break "stream closed by the master".to_string(),
                        Err(s) => break format!("stream failed: {}", s.message()),
                    }
                };
                if let Ok(mut v) = v.lock() {
                    v.ended = Some(end);
                }
            }));
            views.push(view);
        }
        Ok(Self { views, tasks })
    }

    /// Ready nodes as the slowest watcher sees them.
    pub fn min_ready(&self) -> usize {
        min_ready(&self.views)
    }

    /// [`Self::min_ready`] as a function another task can poll; `None` without watchers.
    pub fn probe(&self) -> Option<ReadyProbe> {
        if self.views.is_empty() {
            return None;
        }
        let views = self.views.clone();
        Some(Box::new(move || min_ready(&views)))
    }

    pub fn is_empty(&self) -> bool {
        self.views.is_empty()
    }

    /// Compares every watcher with the master's node list (waiting up to
    /// `settle` for them to catch up) and with each other.
    pub async fn verify(&self, admin_conf: &Path, settle: Duration) -> Result<Verdict, String> {
        let mut client = piccolo_tests::master::admin_client(admin_conf).await?;
        let deadline = tokio::time::Instant::now() + settle;
        let (truth, diverged) = loop {
            let nodes = client
                .get_nodes(GetNodesRequest {})
                .await
                .map_err(|s| format!("get nodes: {}", s.message()))?
                .into_inner()
                .nodes;
            let truth: HashMap<String, Seen> = nodes.iter().map(|n| (n.name.clone(), Seen::from(n))).collect();
            let diverged: u64 = self.views.iter().filter_map(|v| v.lock().ok().map(|v| diff(&v.nodes, &truth))).sum();
            if diverged == 0 || tokio::time::Instant::now() > deadline {
                break (truth, diverged);
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        };
        let _ = truth;
        let mut union = BTreeSet::new();
        let mut verdict = Verdict { watchers: self.views.len(), diverged, ..Default::default() };
        for v in &self.views {
            if let Ok(v) = v.lock() {
                union.extend(v.seqs.iter().copied());
                verdict.messages += v.messages;
                verdict.delivery.merge(&v.delivery);
                verdict.ended += u64::from(v.ended.is_some());
                if verdict.ended_why.is_none() {
                    verdict.ended_why = v.ended.clone();
                }
            }
        }
        verdict.events = union.len();
        let span = match (union.first(), union.last()) {
            (Some(a), Some(b)) => b - a + 1,
            _ => 0,
        };
        for v in &self.views {
            if let Ok(v) = v.lock() {
                // Whatever the union lacks in its span, every watcher missed;
                // whatever a watcher lacks from the span, it missed.
                verdict.missed += span - v.seqs.len() as u64;
            }
        }
        Ok(verdict)
    }
}

/// Nodes that differ between a view and the truth.
fn diff(view: &HashMap<String, Seen>, truth: &HashMap<String, Seen>) -> u64 {
    let mut n = 0;
    for (name, t) in truth {
        if view.get(name) != Some(t) {
            n += 1;
        }
    }
    n + view.keys().filter(|k| !truth.contains_key(*k)).count() as u64
}

impl Drop for Watchers {
    fn drop(&mut self) {
        for t in &self.tasks {
            t.abort();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_counts_changed_missing_and_extra_nodes() {
        let s = |state: NodeState| Seen { state: state as i32, changed_at_ms: 1, connected: true };
        let truth: HashMap<String, Seen> =
            [("a".to_string(), s(NodeState::Ready)), ("b".to_string(), s(NodeState::Ready))].into();
        let mut view = truth.clone();
        assert_eq!(diff(&view, &truth), 0);
        view.insert("a".into(), s(NodeState::NotReady));
        view.remove("b");
        view.insert("c".into(), s(NodeState::Ready));
        assert_eq!(diff(&view, &truth), 3);
        assert_eq!(ready_delta(None, Some(&s(NodeState::Ready))), 1);
        assert_eq!(ready_delta(Some(&s(NodeState::Ready)), Some(&s(NodeState::NotReady))), -1);
    }
}
