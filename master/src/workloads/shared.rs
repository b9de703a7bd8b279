//! Per-node workload states among several masters. An agent reports its
//! workloads' states to the master holding its session; that master writes
//! them to `/piccolo/v1/workload-states/NODE` (one `NodeWorkloadStates` per
//! node, through the persister's write-behind, so a burst of reports becomes
//! one write and an unchanged periodic report none) and every other master
//! follows the key through the watch. So `get workloads` answers the same on
//! every master, and the leader's rolling updates gate on devices held
//! anywhere. Alone (embedded store) nothing is written: the states live in
//! the one master's memory as before.

use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};

use piccolo_proto::{NodeWorkloadState, NodeWorkloadStates};
use prost::Message;
use tracing::warn;

use super::{State, Workloads};
use crate::store::PREFIX;

fn prefix() -> String {
    format!("{PREFIX}workload-states/")
}

/// Key of a node's workload states.
pub fn key(node: &str) -> String {
    format!("{}{node}", prefix())
}

/// Whether `key` holds a node's workload states.
pub fn is_key(key: &str) -> bool {
    key.starts_with(&prefix())
}

/// A node's states as stored, sorted by workload: those of the workloads
/// that exist (looked up per workload, not by a scan of every node's states:
/// a failover storm brings thousands of reports).
fn record(st: &State, node: &str, master: &str) -> NodeWorkloadStates {
    let workloads = st
        .records
        .keys()
        .filter_map(|w| {
            let k = (w.clone(), node.to_string());
            st.statuses.get(&k).map(|s| NodeWorkloadState {
                status: Some(s.clone()),
                ready_since_ms: st.ready_since.get(&k).map_or(0, |(_, t)| *t),
            })
        })
        .collect();
    NodeWorkloadStates { node: node.to_string(), master: master.to_string(), workloads }
}

/// What decides a rewrite: the states without the agents' report times (a
/// periodic full report that changes nothing else writes nothing).
fn digest(rec: &NodeWorkloadStates) -> u64 {
    let mut r = rec.clone();
    for w in &mut r.workloads {
        if let Some(s) = w.status.as_mut() {
            s.time_ms = 0;
        }
    }
    let mut h = DefaultHasher::new();
    r.encode_to_vec().hash(&mut h);
    h.finish()
}

impl Workloads {
    /// Among several masters: queues `node`'s states for the store when they
    /// changed since the last write from here.
    pub(super) fn queue_states(&self, st: &mut State, node: &str) {
        let Some(sink) = self.states_sink.get() else { return };
        let rec = record(st, node, self.registry.member().unwrap_or_default());
        let d = digest(&rec);
        if st.written.get(node) == Some(&d) {
            return;
        }
        st.written.insert(node.to_string(), d);
        sink.queue(key(node), Some(rec.encode_to_vec()));
    }

    /// Another master wrote (or deleted) a node's states. A node whose
    /// session is here keeps this master's (the one it reports to), which
    /// go to the store again (the write was a previous holder's, late).
    pub fn apply_remote_states(&self, key: &str, value: Option<&[u8]>) {
        let Some(node) = key.strip_prefix(&prefix()) else { return };
        let mut st = self.lock();
        st.written.remove(node);
        if self.registry.has_session(node) {
            if value.is_some() {
                self.queue_states(&mut st, node);
            }
            return;
        }
        let names: Vec<String> = st.records.keys().cloned().collect();
        for w in names {
            let k = (w, node.to_string());
            st.statuses.remove(&k);
            st.ready_since.remove(&k);
        }
        let rec = match value.map(NodeWorkloadStates::decode) {
            Some(Ok(r)) => r,
            Some(Err(e)) => {
                warn!(key, error = %e, "ignoring undecodable workload states from another master");
                return;
            }
            None => return,
        };
        for w in rec.workloads {
            let Some(s) = w.status else { continue };
            let k = (s.name.clone(), node.to_string());
            if w.ready_since_ms > 0 {
                st.ready_since.insert(k.clone(), (s.revision, w.ready_since_ms));
            }
            st.statuses.insert(k, s);
        }
    }

    /// The state keys this master holds a copy of (nodes held elsewhere).
    pub fn state_keys(&self) -> Vec<String> {
        let st = self.lock();
        let nodes: HashSet<&String> = st.statuses.keys().map(|(_, n)| n).collect();
        nodes.into_iter().filter(|n| !self.registry.has_session(n)).map(|n| key(n)).collect()
    }

    /// On the leader among several masters: the states of nodes that are no
    /// longer enrolled leave the store (and memory).
    pub(super) fn drop_removed(&self, present: &HashSet<&str>) {
        let Some(sink) = self.states_sink.get() else { return };
        let mut st = self.lock();
        let gone: HashSet<String> =
            st.statuses.keys().map(|(_, n)| n.clone()).filter(|n| !present.contains(n.as_str())).collect();
        if gone.is_empty() {
            return;
        }
        // One pass over the states, however many nodes left.
        st.statuses.retain(|(_, x), _| !gone.contains(x));
        st.ready_since.retain(|(_, x), _| !gone.contains(x));
        for n in gone {
            st.written.remove(&n);
            sink.queue(key(&n), None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use piccolo_proto::WorkloadStatus;

    fn states_of(statuses: &[WorkloadStatus]) -> NodeWorkloadStates {
        let workloads =
            statuses.iter().map(|s| NodeWorkloadState { status: Some(s.clone()), ready_since_ms: 0 }).collect();
        NodeWorkloadStates { node: "d".into(), master: "m".into(), workloads }
    }

    #[test]
    fn a_report_that_changes_only_its_time_is_not_rewritten() {
        let s =
            |state: &str, t| WorkloadStatus { name: "w".into(), state: state.into(), time_ms: t, ..Default::default() };
        let a = digest(&states_of(&[s("Running", 1)]));
        assert_eq!(a, digest(&states_of(&[s("Running", 2)])));
        assert_ne!(a, digest(&states_of(&[s("Healthy", 2)])));
    }
}
