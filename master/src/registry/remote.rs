//! The registry among several masters (issue 15): node records written by
//! other masters arrive through the etcd watch (`cluster::sync`) and update
//! this master's memory, so every master answers the same. A node whose
//! session is on another master is `remote` here: its liveness is that
//! master's business, and this master only mirrors its record. A node whose
//! session is here takes only the administrators' changes from another
//! master's write (cordon, labels); its state stays this master's.

use std::collections::HashSet;
use tokio::time::Instant;

use piccolo_proto::{Event, MasterMessage, Node, NodeState, Terminate, master_message, node_watch_event};

use prost::Message;

use super::{EVENTS_IN_MEMORY, Entry, Input, Registry, readiness};
use crate::node_record::NodeRecord;

impl Registry {
    /// Joins a cluster of masters as `me`: the loaded records are the other
    /// masters' until their devices open a session here.
    pub fn join_cluster(&self, me: &str) {
        let _ = self.member.set(me.to_string());
        for e in self.lock().nodes.values_mut() {
            e.remote = e.session.is_none();
        }
    }

    /// One node, read from the store when this master has not heard of it
    /// yet (among several masters only): a record another master wrote a
    /// moment ago may still be on its way through the watch. An enrolment
    /// retried on another master after a lost answer needs it (crate::enrolment).
    pub async fn get_fresh(&self, name: &str) -> Result<Option<NodeRecord>, super::RegistryError> {
        if let Some(r) = self.get(name) {
            return Ok(Some(r));
        }
        if self.member.get().is_none() {
            return Ok(None);
        }
        let Some(v) = self.store.get(&crate::store::node_key(name)).await? else { return Ok(None) };
        match Node::decode(v.value.as_slice()) {
            Ok(node) if node.name == name => {
                // What the watch does when the record arrives, unless it
                // arrived meanwhile (then that copy is as new or newer).
                let mut inner = self.lock();
                if !inner.nodes.contains_key(name) {
                    self.metrics.node_moved(None, Some(node.state()));
                    let mut e = Entry::new(node.clone(), Instant::now());
                    e.remote = true;
                    inner.nodes.insert(name.to_string(), e);
                    self.broadcast(&inner, node_watch_event::Kind::Added, &node, None);
                }
                Ok(inner.nodes.get(name).map(|e| NodeRecord::new(e.node.clone())))
            }
            Ok(_) | Err(_) => Ok(None),
        }
    }

    /// The store key of event `seq`: alone `events/SEQ`; among several
    /// masters `events/SEQ-NAME`, so two masters that pick the same sequence
    /// number at once never overwrite each other's event (each prunes its own).
    pub(super) fn event_key(&self, seq: u64) -> String {
        match self.member.get() {
            Some(me) => format!("{}-{me}", crate::store::event_key(seq)),
            None => crate::store::event_key(seq),
        }
    }

    /// A leader duty among several masters: deletes the stored events older
    /// than the newest `max_events` (whichever master recorded them; a master
    /// gone for good leaves none behind). Returns how many went.
    pub async fn prune_stored_events(&self) -> Result<usize, crate::store::StoreError> {
        let prefix = format!("{}events/", crate::store::PREFIX);
        let seqs: Vec<(u64, String)> = self
            .store
            .list_keys(&prefix)
            .await?
            .into_iter()
            .filter_map(|k| {
                let seq = k.strip_prefix(&prefix)?.split('-').next()?.parse().ok()?;
                Some((seq, k))
            })
            .collect();
        let Some(newest) = seqs.iter().map(|(s, _)| *s).max() else { return Ok(0) };
        let old: Vec<(String, Option<Vec<u8>>)> = seqs
            .into_iter()
            .filter(|(s, _)| s.saturating_add(self.settings.max_events) <= newest)
            .map(|(_, k)| (k, None))
            .collect();
        let n = old.len();
        for chunk in old.chunks(100) {
            self.store.write_batch(chunk.to_vec()).await?;
        }
        Ok(n)
    }

    /// An event another master recorded: into the list this master answers
    /// with, and to its watchers and (on the leader) hooks. Recorded once,
    /// by the master where it happened.
    pub fn apply_remote_event(&self, ev: Event) {
        let mut inner = self.lock();
        if inner.events.iter().any(|e| e.seq == ev.seq && e.node == ev.node && e.time_ms == ev.time_ms) {
            return;
        }
        inner.next_seq = inner.next_seq.max(ev.seq + 1);
        let at = inner.events.iter().rposition(|e| e.seq <= ev.seq).map_or(0, |i| i + 1);
        inner.events.insert(at, ev.clone());
        if inner.events.len() > EVENTS_IN_MEMORY {
            inner.events.pop_front();
        }
        let node = inner
            .nodes
            .get(&ev.node)
            .map(|e| e.node.clone())
            .unwrap_or_else(|| Node { name: ev.node.clone(), ..Default::default() });
        let kind = if ev.kind == crate::events::EventKind::Removed.as_str() {
            node_watch_event::Kind::Deleted
        } else {
            node_watch_event::Kind::Modified
        };
        self.broadcast(&inner, kind, &node, Some(ev));
    }

    /// The lowest event sequence number that may still be news here: every
    /// stored event below it was in memory once (0 while memory is not full).
    pub fn events_floor(&self) -> u64 {
        let inner = self.lock();
        if inner.events.len() < EVENTS_IN_MEMORY { 0 } else { inner.events.front().map_or(0, |e| e.seq) }
    }

    /// Nodes whose session is on this master.
    pub fn local_sessions(&self) -> Vec<String> {
        self.lock().nodes.iter().filter(|(_, e)| e.session.is_some()).map(|(n, _)| n.clone()).collect()
    }

    /// Whether `name`'s session is on this master.
    pub fn has_session(&self, name: &str) -> bool {
        self.lock().nodes.get(name).is_some_and(|e| e.session.is_some())
    }

    /// This master's name among several, if it is one of several.
    pub fn member(&self) -> Option<&str> {
        self.member.get().map(String::as_str)
    }

    /// A node record another master wrote.
    pub fn apply_remote(&self, node: Node) {
        let mut inner = self.lock();
        let name = node.name.clone();
        let timeout = self.settings.heartbeat_timeout;
        let Some(entry) = inner.nodes.get_mut(&name) else {
            self.metrics.node_moved(None, Some(node.state()));
            let mut e = Entry::new(node.clone(), Instant::now());
            e.remote = true;
            inner.nodes.insert(name, e);
            self.broadcast(&inner, node_watch_event::Kind::Added, &node, None);
            return;
        };
        if entry.session.is_none() {
            let from = entry.node.state();
            if from != node.state() {
                self.metrics.node_moved(Some(from), Some(node.state()));
            }
            entry.node = node.clone();
            entry.remote = true;
            entry.last_seen = Instant::now();
            self.broadcast(&inner, node_watch_event::Kind::Modified, &node, None);
            return;
        }
        // The session is here: take the administrators' part only. A write
        // that names this master as the holder (an admin change made on
        // another master from its older copy, or the leader declaring the
        // node lost while this master's lease had lapsed) is answered below
        // with this master's record, so the others see the live session and
        // its latest acks; a write by the master it moved to is not fought.
        let mine = self.member.get().is_some_and(|me| *me == node.master);
        entry.node.labels = node.labels.clone();
        entry.node.approved |= node.approved;
        let cordon_changed = node.cordoned != entry.node.cordoned;
        let mut moved = false;
        if cordon_changed {
            entry.node.cordoned = node.cordoned;
            let input = if node.cordoned {
                Input::Cordon
            } else {
                let live = entry.last_seen.elapsed() <= timeout;
                Input::Uncordon { live, ready: readiness(entry).is_ok() }
            };
            // The master that took the admin call recorded the event.
            let from = entry.node.state();
            if let Some((to, reason)) = crate::lifecycle::next(from, &input) {
                entry.node.set_state(to);
                entry.node.reason = reason;
                entry.node.state_changed_at_ms = piccolo_common::time::now_ms();
                if to == NodeState::Ready {
                    entry.up_at = Some(Instant::now());
                }
                self.metrics.node_moved(Some(from), Some(to));
                moved = true;
            }
        }
        if moved || (mine && entry.node != node) {
            self.persister.queue(crate::store::node_key(&name), Some(entry.node.encode_to_vec()));
        }
        if cordon_changed {
            let node = entry.node.clone();
            self.broadcast(&inner, node_watch_event::Kind::Modified, &node, None);
        }
    }

    /// A node another master removed: tell its agent if it is here, forget it.
    pub fn remove_remote(&self, name: &str) {
        let mut inner = self.lock();
        let Some(mut entry) = inner.nodes.remove(name) else { return };
        if let Some(s) = entry.session.take() {
            let _ = s.tx.try_send(Ok(MasterMessage {
                msg: Some(master_message::Msg::Terminate(Terminate {
                    reason: "node removed from the cluster by an administrator".into(),
                })),
            }));
            self.metrics.sessions.dec();
        }
        self.metrics.node_moved(Some(entry.node.state()), None);
        entry.node.connected = false;
        self.broadcast(&inner, node_watch_event::Kind::Deleted, &entry.node, None);
    }

    /// Remote nodes still counted as up whose master is not among `live`.
    pub fn orphans(&self, live: &HashSet<String>) -> Vec<String> {
        self.lock()
            .nodes
            .iter()
            .filter(|(_, e)| e.remote && e.session.is_none())
            .filter(|(_, e)| matches!(e.node.state(), NodeState::Ready | NodeState::Initializing))
            .filter(|(_, e)| !live.contains(&e.node.master))
            .map(|(n, _)| n.clone())
            .collect()
    }

    /// Declares a node whose master is gone (and that came back to no other
    /// master within `failover_grace`) NotReady; true when it changed.
    pub fn master_lost(&self, name: &str) -> bool {
        let mut inner = self.lock();
        let Some(entry) = inner.nodes.get_mut(name) else { return false };
        if entry.session.is_some() {
            return false;
        }
        entry.node.connected = false;
        self.apply(&mut inner, name, Input::ConnectionLost).is_some()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use std::sync::Arc;
    use std::time::Duration;

    use piccolo_proto::{Node, NodeState};

    use crate::metrics::Metrics;

    fn node(name: &str, state: NodeState, master: &str) -> Node {
        let mut n = Node { name: name.into(), master: master.into(), connected: true, ..Default::default() };
        n.set_state(state);
        n
    }

    #[tokio::test]
    async fn other_masters_records_are_mirrored_and_left_to_their_timeouts() {
        let dir = tempfile::tempdir().unwrap();
        let (reg, _p) = super::super::for_tests(dir.path(), Arc::new(Metrics::new()), Duration::ZERO).await;
        reg.join_cluster("m-a");
        reg.apply_remote(node("d1", NodeState::Ready, "m-b"));
        assert_eq!(reg.get("d1").unwrap().state(), NodeState::Ready);
        // A cordon written by another master shows here.
        let mut cordoned = node("d1", NodeState::Maintenance, "m-b");
        cordoned.cordoned = true;
        reg.apply_remote(cordoned);
        assert!(reg.get("d1").unwrap().cordoned);
        // Its master is alive: not an orphan; gone: an orphan once Ready again.
        reg.apply_remote(node("d1", NodeState::Ready, "m-b"));
        let live: std::collections::HashSet<String> = ["m-a".to_string(), "m-b".to_string()].into();
        assert!(reg.orphans(&live).is_empty());
        let only_me: std::collections::HashSet<String> = ["m-a".to_string()].into();
        assert_eq!(reg.orphans(&only_me), vec!["d1".to_string()]);
        assert!(reg.master_lost("d1"));
        assert_eq!(reg.get("d1").unwrap().state(), NodeState::NotReady);
        // Removed by another master: gone here.
        reg.remove_remote("d1");
        assert!(reg.get("d1").is_none());
    }

    /// An embedded store in `dir`.
    fn store_in(dir: &std::path::Path) -> crate::store::SharedStore {
        Arc::new(crate::store::EmbeddedStore::open(&dir.join("s.redb")).unwrap())
    }

    /// A registry on `store` that persists at once and keeps `max_events`.
    async fn registry_on(
        store: &crate::store::SharedStore,
        max_events: u64,
    ) -> (Arc<super::super::Registry>, Arc<crate::persister::Persister>) {
        let metrics = Arc::new(Metrics::new());
        let persister = crate::persister::Persister::new(store.clone(), metrics.clone());
        let settings = super::super::Settings {
            heartbeat_timeout: Duration::from_secs(3600),
            persist_interval: Duration::ZERO,
            max_events,
            state_damping: Duration::ZERO,
        };
        let reg = super::super::Registry::load(store.clone(), persister.clone(), settings, metrics).await.unwrap();
        (reg, persister)
    }

    #[tokio::test]
    async fn a_live_session_here_declared_lost_by_the_leader_is_written_back() {
        use prost::Message;
        let dir = tempfile::tempdir().unwrap();
        let store = store_in(dir.path());
        let (reg, persister) = registry_on(&store, 100).await;
        reg.join_cluster("m-a");
        reg.enroll(node("d1", NodeState::Initializing, ""), "127.0.0.1").await.unwrap();
        let (tx, _rx) = tokio::sync::mpsc::channel(8);
        reg.open_session("d1", None, String::new(), tx).unwrap();
        let here = reg.get("d1").unwrap();
        assert!(here.connected && here.master == "m-a");
        let key = crate::store::node_key("d1");
        let stored = || async {
            persister.flush().await;
            Node::decode(store.get(&key).await.unwrap().unwrap().value.as_slice()).unwrap()
        };
        assert!(stored().await.connected, "the session's own write");
        // The leader, while this master's lease had lapsed: "m-a's device is lost".
        let mut lost = node("d1", NodeState::NotReady, "m-a");
        lost.connected = false;
        store.put(&key, lost.encode_to_vec()).await.unwrap();
        reg.apply_remote(lost);
        let back = stored().await;
        assert!(back.connected && back.state == here.state && back.master == "m-a", "{back:?}");
        // The master the device moved to is not fought.
        let moved = node("d1", NodeState::Ready, "m-b");
        store.put(&key, moved.encode_to_vec()).await.unwrap();
        reg.apply_remote(moved);
        assert_eq!(stored().await.master, "m-b");
    }

    #[tokio::test]
    async fn another_masters_events_are_listed_once() {
        let dir = tempfile::tempdir().unwrap();
        let (reg, _p) = super::super::for_tests(dir.path(), Arc::new(Metrics::new()), Duration::ZERO).await;
        reg.join_cluster("m-a");
        assert!(reg.event_key(7).ends_with("00000000000000000007-m-a"));
        reg.apply_remote(node("d1", NodeState::Ready, "m-b"));
        let ev = piccolo_proto::Event { seq: 40, node: "d1".into(), time_ms: 5, ..Default::default() };
        reg.apply_remote_event(ev.clone());
        reg.apply_remote_event(ev);
        assert_eq!(reg.events("d1", 100).len(), 1);
        // This master's next event comes after it.
        reg.record_event("d1", "Note", "r", "m");
        let evs = reg.events("d1", 100);
        assert!(evs.last().unwrap().seq > 40, "{evs:?}");
    }

    #[tokio::test]
    async fn the_leader_prunes_every_masters_old_events_down_to_max_events() {
        use prost::Message;
        let dir = tempfile::tempdir().unwrap();
        let store = store_in(dir.path());
        // Six events from two masters, alternating; one master gone for good.
        for seq in 1..=6u64 {
            let who = if seq % 2 == 0 { "m-b" } else { "m-gone" };
            let ev = piccolo_proto::Event { seq, node: "d1".into(), time_ms: 1, ..Default::default() };
            store.put(&format!("{}-{who}", crate::store::event_key(seq)), ev.encode_to_vec()).await.unwrap();
        }
        let (reg, _persister) = registry_on(&store, 3).await;
        reg.join_cluster("m-a");
        assert_eq!(reg.prune_stored_events().await.unwrap(), 3);
        let left: Vec<u64> = store
            .list(&format!("{}events/", crate::store::PREFIX))
            .await
            .unwrap()
            .into_iter()
            .map(|(_, v)| piccolo_proto::Event::decode(v.value.as_slice()).unwrap().seq)
            .collect();
        assert_eq!(left, vec![4, 5, 6], "the newest max_events, whoever recorded them");
        assert_eq!(reg.prune_stored_events().await.unwrap(), 0);
    }
}
