//! The node registry: the master's in-memory truth about every node (state,
//! liveness, session), the only place state transitions happen. Liveness lives
//! here, not in the store: a heartbeat touches memory; state changes and events
//! are queued to the [`Persister`]; enrolment, removal and certificate changes
//! are written to the store before they are acknowledged. Every change is
//! queued for each node watcher ([`crate::fanout`]) and broadcast to the event
//! consumers (hooks, event streams) at once.
//!
//! Concurrency: one `std::sync::Mutex` around [`Inner`], never held across an
//! `.await`; everything done under it is synchronous (map updates, queueing a
//! write, a broadcast send, a push onto each watcher's queue). Lock order:
//! `inner`, then the watcher list, then one watcher's queue.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

// tokio's clock: the real one in production, paused and advanced by tests
// (`tokio::time::pause`), so damping and timeouts are tested without sleeping.
use tokio::time::Instant;

use piccolo_common::time::now_ms;
use piccolo_proto::{
    AgentConfig, CheckResult, Command, CommandResult, ConfigAck, Container, ContainerEvent, Event, MasterMessage, Node,
    NodeFacts, NodeRole, NodeState, NodeWatchEvent, OfflineReplay, StatusReport, Terminate, buffered_entry,
    master_message, node_watch_event,
};
use prost::Message;
use thiserror::Error;
use tokio::sync::{broadcast, mpsc, oneshot};
use tonic::Status;
use tracing::info;

use crate::events::EventKind;
use crate::fanout::Watcher;
use crate::lifecycle::{self, Input};
use crate::metrics::Metrics;
use crate::node_record::NodeRecord;
use crate::persister::Persister;
use crate::store::{PREFIX, SharedStore, StoreError, node_key};

/// Events kept in memory for `ListEvents` (the store keeps `max_events`).
pub(crate) const EVENTS_IN_MEMORY: usize = 2000;

/// One change through the commit path.
struct Change<'a> {
    kind: node_watch_event::Kind,
    node: &'a Node,
    persist: Persist,
    event: Option<Event>,
    audience: Audience,
}

/// Who hears of a change.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Audience {
    /// Node watchers (the device list) and event consumers.
    Everyone,
    /// Event consumers only (a child master is not in the device list).
    EventConsumers,
}

/// What a commit writes of the node record.
#[derive(Debug, Clone, Copy)]
enum Persist {
    /// Queue the record for the write-behind.
    Write,
    /// Queue its deletion (the record is gone from the store already).
    Delete,
    /// Nothing: unchanged in the store, or written durably by the caller.
    No,
}

/// An event about a node that is not a state change (see
/// [`Registry::record_events`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeNote {
    pub node: String,
    pub kind: String,
    pub reason: String,
    pub message: String,
}

impl NodeNote {
    pub fn new(node: &str, kind: &str, reason: &str, message: &str) -> Self {
        Self { node: node.into(), kind: kind.into(), reason: reason.into(), message: message.into() }
    }
}

/// Outbound half of an agent's session.
pub type SessionTx = mpsc::Sender<Result<MasterMessage, Status>>;

/// Registry errors, phrased for the caller.
#[derive(Debug, Error)]
pub enum RegistryError {
    #[error("no node named {0:?}")]
    NotFound(String),
    #[error(
        "a node named {0:?} is already enrolled; remove it first (`piccoloctl node remove {0}`) or enrol under another --name"
    )]
    Exists(String),
    #[error("node {0:?} is not Pending (approve applies to nodes waiting for approval)")]
    NotPending(String),
    #[error(
        "node {0:?} was removed from the cluster; its certificate is no longer accepted (re-enrol with a new token)"
    )]
    Removed(String),
    #[error("node {0:?} is not connected; try again when it is back online")]
    Offline(String),
    #[error("this certificate is not the current one for node {0:?} (it was replaced or the node re-enrolled)")]
    StaleCertificate(String),
    #[error(
        "the certificate of node {0:?} was revoked by an administrator; the device must re-enrol with a new bootstrap token"
    )]
    Revoked(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Liveness settings.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    pub heartbeat_timeout: Duration,
    pub persist_interval: Duration,
    pub max_events: u64,
    /// A node that goes NotReady less than this after it became Ready (a
    /// flapping link) stays NotReady at least this long before a resumed
    /// heartbeat makes it Ready again; a Ready -> NotReady -> Ready cycle never
    /// takes less. Going NotReady is never delayed, and a node that was Ready
    /// longer comes back at once.
    pub state_damping: Duration,
}

struct Session {
    id: u64,
    tx: SessionTx,
}

struct Entry {
    node: Node,
    last_seen: Instant,
    last_persisted: Instant,
    session: Option<Session>,
    heartbeat_dirty: bool,
    /// When the node last became Ready (for `state_damping`).
    up_at: Option<Instant>,
    /// Until when a flapping node is held NotReady (for `state_damping`).
    hold_until: Option<Instant>,
    /// Whether this master has had a status report (readiness results) from
    /// the node since it loaded or enrolled it: without one, nothing moves
    /// the node to Ready (a heartbeat alone proves liveness, not readiness).
    reported: bool,
    /// Several masters: the record is another master's (its session is
    /// there), so this master's timeouts leave it alone (`remote`).
    remote: bool,
}

impl Entry {
    /// A node just loaded or enrolled: no session, seen and persisted `now`.
    fn new(node: Node, now: Instant) -> Self {
        Self {
            node,
            last_seen: now,
            last_persisted: now,
            session: None,
            heartbeat_dirty: false,
            up_at: None,
            hold_until: None,
            reported: false,
            remote: false,
        }
    }
}

struct Inner {
    nodes: HashMap<String, Entry>,
    next_seq: u64,
    events: VecDeque<Event>,
    next_session: u64,
    next_command: u64,
    /// Commands sent to agents, waiting for their result.
    pending: HashMap<u64, (String, oneshot::Sender<CommandResult>)>,
    /// Per-node heartbeat timeouts set by the topology (hybrid roles).
    timeouts: HashMap<String, Duration>,
}

/// Shared handle to the registry.
pub struct Registry {
    inner: Mutex<Inner>,
    store: SharedStore,
    persister: Arc<Persister>,
    /// Node changes; shared (one copy of each changed node however many
    /// watchers, hooks and queues hold it).
    watch_tx: broadcast::Sender<Arc<NodeWatchEvent>>,
    /// Node watchers' queues, filled as changes are published.
    watchers: Mutex<Vec<Arc<Watcher>>>,
    settings: Settings,
    metrics: Arc<Metrics>,
    /// Several masters: this master's name (see `remote`); unset: alone.
    member: std::sync::OnceLock<String>,
}

mod remote;

/// Events [`Registry::record_events`] records per hold of the lock.
const NOTES_PER_LOCK: usize = 64;

/// How often [`Registry::tick`] runs (timeouts, damping, liveness persist).
pub const TICK: Duration = Duration::from_millis(250);

/// Whether a node record is a device (not a child master enrolled here).
pub fn is_device(n: &Node) -> bool {
    n.role() != NodeRole::Master
}

fn sorted_nodes(inner: &Inner) -> Vec<Node> {
    let mut nodes: Vec<Node> = inner.nodes.values().map(|e| e.node.clone()).collect();
    nodes.sort_by(|a, b| a.name.cmp(&b.name));
    nodes
}

fn decode_node(key: &str, bytes: &[u8]) -> Result<Node, StoreError> {
    Node::decode(bytes).map_err(|e| StoreError::Decode { key: key.to_string(), reason: e.to_string() })
}

/// Whether a node passes readiness: it has reported its readiness checks to
/// this master and every required one passes.
fn readiness(entry: &Entry) -> Result<(), String> {
    if !entry.reported {
        return Err("AwaitingReadinessReport".into());
    }
    match entry.node.checks.iter().find(|c| c.required && !c.ok) {
        Some(c) => Err(format!("ReadinessFailed: {}", c.name)),
        None => Ok(()),
    }
}

impl Registry {
    /// Loads every node and recent events from the store.
    pub async fn load(
        store: SharedStore,
        persister: Arc<Persister>,
        settings: Settings,
        metrics: Arc<Metrics>,
    ) -> Result<Arc<Self>, StoreError> {
        let now = Instant::now();
        let mut nodes = HashMap::new();
        for (key, v) in store.list(&format!("{PREFIX}nodes/")).await? {
            let mut node = decode_node(&key, &v.value)?;
            node.connected = false;
            metrics.nodes.get_or_create(&vec![("state", node.state().label())]).inc();
            // Nodes get one heartbeat timeout from now to reconnect before
            // they are declared NotReady: a master restart is not their fault.
            nodes.insert(node.name.clone(), Entry::new(node, now));
        }
        let mut events = VecDeque::new();
        let mut next_seq = 1;
        for (key, v) in store.list(&format!("{PREFIX}events/")).await? {
            let ev =
                Event::decode(v.value.as_slice()).map_err(|e| StoreError::Decode { key, reason: e.to_string() })?;
            next_seq = next_seq.max(ev.seq + 1);
            events.push_back(ev);
            if events.len() > EVENTS_IN_MEMORY {
                events.pop_front();
            }
        }
        let (watch_tx, _) = broadcast::channel(4096);
        Ok(Arc::new(Self {
            inner: Mutex::new(Inner {
                nodes,
                next_seq,
                events,
                next_session: 1,
                next_command: 1,
                pending: HashMap::new(),
                timeouts: HashMap::new(),
            }),
            store,
            persister,
            watch_tx,
            watchers: Mutex::new(Vec::new()),
            settings,
            metrics,
            member: std::sync::OnceLock::new(),
        }))
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock aborts the process (panic = abort in
        // release), so a poisoned lock only appears in tests; keep going.
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Records an event: in memory, queued to the store, pruning the oldest.
    fn record(&self, inner: &mut Inner, mut ev: Event) -> Event {
        ev.seq = inner.next_seq;
        inner.next_seq += 1;
        ev.time_ms = if ev.time_ms == 0 { now_ms() } else { ev.time_ms };
        self.persister.queue(self.event_key(ev.seq), Some(ev.encode_to_vec()));
        // Among several masters the leader prunes them all (prune_stored_events).
        if ev.seq > self.settings.max_events && self.member.get().is_none() {
            self.persister.queue(self.event_key(ev.seq - self.settings.max_events), None);
        }
        inner.events.push_back(ev.clone());
        if inner.events.len() > EVENTS_IN_MEMORY {
            inner.events.pop_front();
        }
        ev
    }

    /// The one commit path of every mutator, called under the lock with the
    /// node as it now is: queue its record (or its deletion) for the store,
    /// record the event (if any), publish the change once.
    fn commit(
        &self,
        inner: &mut Inner,
        kind: node_watch_event::Kind,
        node: &Node,
        persist: Persist,
        event: Option<Event>,
    ) {
        let audience = if is_device(node) { Audience::Everyone } else { Audience::EventConsumers };
        self.commit_to(inner, Change { kind, node, persist, event, audience });
    }

    /// [`Self::commit`] with the audience said explicitly (a node leaving the
    /// device list is still news to the node watchers that followed it).
    fn commit_to(&self, inner: &mut Inner, change: Change<'_>) {
        let Change { kind, node, persist, event, audience } = change;
        match persist {
            Persist::Write => {
                self.persister.queue(node_key(&node.name), Some(node.encode_to_vec()));
            }
            Persist::Delete => {
                self.persister.queue(node_key(&node.name), None);
            }
            Persist::No => {}
        }
        let event = event.map(|ev| self.record(inner, ev));
        self.publish(inner, kind, node, event, audience);
    }

    /// Publishes a change whose event (if any) is already recorded (another
    /// master's, mirrored): node watchers see devices only (like `list`);
    /// events and hooks all.
    fn broadcast(&self, inner: &Inner, kind: node_watch_event::Kind, node: &Node, event: Option<Event>) {
        let audience = if is_device(node) { Audience::Everyone } else { Audience::EventConsumers };
        self.publish(inner, kind, node, event, audience);
    }

    /// The one publisher: node watchers' queues, then the event consumers' broadcast.
    fn publish(
        &self,
        inner: &Inner,
        kind: node_watch_event::Kind,
        node: &Node,
        event: Option<Event>,
        audience: Audience,
    ) {
        self.publish_owned(inner, kind, node.clone(), event, audience);
    }

    /// [`Self::publish`] of a node copy the caller already made.
    fn publish_owned(
        &self,
        inner: &Inner,
        kind: node_watch_event::Kind,
        node: Node,
        event: Option<Event>,
        audience: Audience,
    ) {
        let change = Arc::new(NodeWatchEvent { kind: kind as i32, node: Some(node), event });
        if audience == Audience::Everyone {
            let nodes = inner.nodes.len();
            self.watchers.lock().unwrap_or_else(|p| p.into_inner()).retain(|w| w.offer(&change, nodes));
        }
        let _ = self.watch_tx.send(change);
    }

    /// Feeds one input to a node's state machine; persists and broadcasts a change.
    fn apply(&self, inner: &mut Inner, name: &str, input: Input) -> Option<NodeState> {
        let damping = self.settings.state_damping;
        let entry = inner.nodes.get_mut(name)?;
        let from = entry.node.state();
        let (to, reason) = lifecycle::next(from, &input)?;
        let now = Instant::now();
        if from == NodeState::NotReady
            && matches!(input, Input::Alive { .. })
            && entry.hold_until.is_some_and(|t| now < t)
        {
            // Held by damping; `tick` promotes it once the window has passed.
            return None;
        }
        entry.hold_until = None;
        match to {
            NodeState::Ready => entry.up_at = Some(now),
            NodeState::NotReady if from == NodeState::Ready && entry.up_at.is_some_and(|t| now - t < damping) => {
                entry.hold_until = Some(now + damping);
            }
            _ => {}
        }
        entry.node.set_state(to);
        entry.node.reason = reason.clone();
        entry.node.state_changed_at_ms = now_ms();
        entry.heartbeat_dirty = false;
        entry.last_persisted = Instant::now();
        let node = entry.node.clone();
        self.metrics.node_moved(Some(from), Some(to));
        info!(node = name, from = from.label(), to = to.label(), reason = %reason, "node state changed");
        let ev = Event {
            node: name.to_string(),
            kind: EventKind::StateChanged.into(),
            from: from as i32,
            to: to as i32,
            reason,
            ..Default::default()
        };
        self.commit(inner, node_watch_event::Kind::Modified, &node, Persist::Write, Some(ev));
        Some(to)
    }

    /// Stores a newly enrolled node (durably, before the enrolment is acked).
    /// `seen_from`: the address the master saw the request come from (the
    /// event records it beside the address the device reports).
    pub async fn enroll(&self, node: Node, seen_from: &str) -> Result<(), RegistryError> {
        let key = node_key(&node.name);
        if self.lock().nodes.contains_key(&node.name) {
            return Err(RegistryError::Exists(node.name));
        }
        if self.store.put_if(&key, None, node.encode_to_vec()).await?.is_none() {
            return Err(RegistryError::Exists(node.name));
        }
        let mut inner = self.lock();
        let now = Instant::now();
        self.metrics.node_moved(None, Some(node.state()));
        let ev = Event {
            node: node.name.clone(),
            kind: EventKind::Enrolled.into(),
            to: node.state,
            reason: node.reason.clone(),
            message: format!(
                "enrolled from {} (reports {}, {})",
                if seen_from.is_empty() { "an unknown address" } else { seen_from },
                node.ip,
                node.facts.as_ref().map(|f| f.arch.as_str()).unwrap_or("")
            ),
            ..Default::default()
        };
        // Written to the store above, before the enrolment is acked.
        self.commit(&mut inner, node_watch_event::Kind::Added, &node, Persist::No, Some(ev));
        inner.nodes.insert(node.name.clone(), Entry::new(node, now));
        Ok(())
    }

    /// Checks that a node certificate (by serial) may act for `name`.
    pub fn authorize(&self, name: &str, serial: &str) -> Result<(), RegistryError> {
        let inner = self.lock();
        let Some(entry) = inner.nodes.get(name) else {
            return Err(RegistryError::Removed(name.to_string()));
        };
        if entry.node.state() == NodeState::Terminating {
            return Err(RegistryError::Removed(name.to_string()));
        }
        let n = &entry.node;
        if n.cert_serial.is_empty() {
            return Err(RegistryError::Revoked(name.to_string()));
        }
        if n.cert_serial == serial || (!n.previous_cert_serial.is_empty() && n.previous_cert_serial == serial) {
            Ok(())
        } else {
            Err(RegistryError::StaleCertificate(name.to_string()))
        }
    }

    /// One node.
    pub fn get(&self, name: &str) -> Option<NodeRecord> {
        self.lock().nodes.get(name).map(|e| NodeRecord::new(e.node.clone()))
    }

    /// Every node, sorted by name.
    /// Every device (child masters excluded: they are clusters, see
    /// [`Self::list_all`] and `crate::children`).
    pub fn list(&self) -> Vec<NodeRecord> {
        let mut nodes = sorted_nodes(&self.lock());
        nodes.retain(is_device);
        nodes.into_iter().map(NodeRecord::new).collect()
    }

    /// Every node record, child masters included.
    pub fn list_all(&self) -> Vec<NodeRecord> {
        sorted_nodes(&self.lock()).into_iter().map(NodeRecord::new).collect()
    }

    /// Removes labels from a node's record (those its bootstrap token gave
    /// it); durable before it returns. Keys it does not have are ignored.
    pub async fn drop_labels(&self, name: &str, keys: &[&str]) -> Result<(), RegistryError> {
        let node = {
            let mut inner = self.lock();
            let entry = inner.nodes.get_mut(name).ok_or_else(|| RegistryError::NotFound(name.into()))?;
            let before = entry.node.labels.len();
            entry.node.labels.retain(|k, _| !keys.contains(&k.as_str()));
            if entry.node.labels.len() == before {
                return Ok(());
            }
            let node = entry.node.clone();
            // Written to the store below, before it returns.
            self.commit(&mut inner, node_watch_event::Kind::Modified, &node, Persist::No, None);
            node
        };
        self.store.put(&node_key(name), node.encode_to_vec()).await?;
        Ok(())
    }

    /// Marks `name` as a child master (a cluster, not a device) once it
    /// reports as one; written behind. Returns whether it changed.
    pub fn mark_cluster(&self, name: &str) -> bool {
        let mut inner = self.lock();
        let Some(entry) = inner.nodes.get_mut(name) else { return false };
        if entry.node.role() == NodeRole::Master {
            return false;
        }
        entry.node.role = NodeRole::Master as i32;
        let node = entry.node.clone();
        // It leaves the device list node watchers follow.
        let change = Change {
            kind: node_watch_event::Kind::Deleted,
            node: &node,
            persist: Persist::Write,
            event: None,
            audience: Audience::Everyone,
        };
        self.commit_to(&mut inner, change);
        true
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.lock().nodes.len()
    }

    /// Whether there are no nodes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Starts a session for a node; an older session of the same node is closed.
    pub fn open_session(&self, name: &str, facts: Option<NodeFacts>, ip: String, tx: SessionTx) -> Option<u64> {
        let mut inner = self.lock();
        let id = inner.next_session;
        inner.next_session += 1;
        let entry = inner.nodes.get_mut(name)?;
        entry.session = Some(Session { id, tx });
        entry.node.connected = true;
        entry.remote = false;
        if let Some(me) = self.member.get() {
            // The other masters learn where the session is.
            entry.node.master = me.clone();
            self.persister.queue(node_key(name), Some(entry.node.encode_to_vec()));
        }
        entry.last_seen = Instant::now();
        if let Some(f) = facts {
            entry.node.facts = Some(f);
        }
        if !ip.is_empty() {
            entry.node.ip = ip;
        }
        let node = entry.node.clone();
        self.metrics.sessions.inc();
        self.commit(&mut inner, node_watch_event::Kind::Modified, &node, Persist::No, None);
        Some(id)
    }

    /// Records the facts an agent sends at the start of its session.
    pub fn open_session_facts(&self, name: &str, session: u64, facts: Option<NodeFacts>, remote_ip: &str) {
        let mut inner = self.lock();
        let Some(entry) = inner.nodes.get_mut(name) else { return };
        if entry.session.as_ref().map(|s| s.id) != Some(session) {
            return;
        }
        if let Some(f) = facts {
            entry.node.ip = f.ips.first().cloned().unwrap_or_else(|| remote_ip.to_string());
            entry.node.facts = Some(f);
        }
        let node = entry.node.clone();
        self.commit(&mut inner, node_watch_event::Kind::Modified, &node, Persist::Write, None);
    }

    /// Records a heartbeat; returns the node's state after it.
    pub fn heartbeat(&self, name: &str, session: u64) -> Option<NodeState> {
        self.metrics.heartbeats.inc();
        let mut inner = self.lock();
        let entry = inner.nodes.get_mut(name)?;
        if entry.session.as_ref().map(|s| s.id) != Some(session) {
            return Some(entry.node.state());
        }
        entry.last_seen = Instant::now();
        entry.node.last_heartbeat_ms = now_ms();
        entry.heartbeat_dirty = true;
        let ready = readiness(entry).is_ok();
        let state = entry.node.state();
        Some(self.apply(&mut inner, name, Input::Alive { ready }).unwrap_or(state))
    }

    /// Records a unary heartbeat (no session): the session's rule, liveness;
    /// Ready only once a readiness report arrived.
    pub fn touch(&self, name: &str) -> Option<NodeState> {
        self.metrics.heartbeats.inc();
        let mut inner = self.lock();
        let entry = inner.nodes.get_mut(name)?;
        entry.last_seen = Instant::now();
        entry.node.last_heartbeat_ms = now_ms();
        entry.heartbeat_dirty = true;
        let ready = readiness(entry).is_ok();
        let state = entry.node.state();
        Some(self.apply(&mut inner, name, Input::Alive { ready }).unwrap_or(state))
    }

    /// Records a status report (resources, readiness checks).
    pub fn status(&self, name: &str, mut report: StatusReport) -> Option<NodeState> {
        let mut inner = self.lock();
        let entry = inner.nodes.get_mut(name)?;
        if report.containers_unchanged {
            // A delta: the agent's list is the one it sent last.
            report.containers = entry.node.containers.clone();
        }
        entry.last_seen = Instant::now();
        if let Some(r) = report.resources {
            entry.node.resources = Some(r);
        }
        // Usage figures alone (container CPU and memory) change every report:
        // they ride along with the next write, so an idle node costs no disk.
        let checks_changed = checks_changed(&entry.node.checks, &report.checks)
            || containers_changed(&entry.node.containers, &report.containers)
            || entry.node.podman_available != report.podman_available;
        entry.node.checks = report.checks;
        entry.node.containers = report.containers;
        entry.node.podman_available = report.podman_available;
        entry.node.podman_error = report.podman_error;
        entry.heartbeat_dirty = true;
        entry.reported = true;
        let state = entry.node.state();
        let verdict = readiness(entry);
        let changed = match verdict {
            Err(why) => {
                if state == NodeState::Initializing && entry.node.reason != why {
                    entry.node.reason = why.clone();
                }
                self.apply(&mut inner, name, Input::ReadinessFailed(why))
            }
            Ok(()) => self.apply(&mut inner, name, Input::Alive { ready: true }),
        };
        if changed.is_none()
            && checks_changed
            && let Some(entry) = inner.nodes.get(name)
        {
            let node = entry.node.clone();
            self.commit(&mut inner, node_watch_event::Kind::Modified, &node, Persist::Write, None);
        }
        Some(changed.unwrap_or(state))
    }

    /// Ends a session (connection closed or failed keepalive).
    pub fn close_session(&self, name: &str, session: u64) {
        let mut inner = self.lock();
        let Some(entry) = inner.nodes.get_mut(name) else { return };
        if entry.session.as_ref().map(|s| s.id) != Some(session) {
            return;
        }
        entry.session = None;
        entry.node.connected = false;
        self.metrics.sessions.dec();
        let node = entry.node.clone();
        if self.apply(&mut inner, name, Input::ConnectionLost).is_none() {
            self.commit(&mut inner, node_watch_event::Kind::Modified, &node, Persist::No, None);
        }
    }

    /// Periodic work: heartbeat timeouts, coarse liveness persistence.
    ///
    /// The coarse liveness persist is spread out: at most twice a node's fair
    /// share per tick (nodes x [`TICK`] / `persist_interval`), so a fleet that
    /// enrolled in one burst is not encoded and queued in one tick, under the
    /// lock, every `persist_interval` (a 10,000-node ramp showed heartbeat
    /// p99 jumping from 1 to 49 ms at those moments).
    pub fn tick(&self) {
        let mut inner = self.lock();
        let default_timeout = self.settings.heartbeat_timeout;
        let persist = self.settings.persist_interval;
        let share = inner.nodes.len() as f64 * TICK.as_secs_f64() / persist.as_secs_f64().max(0.001);
        let mut budget = (2.0 * share).ceil().max(64.0) as usize;
        let mut timed_out = Vec::new();
        let mut resumed = Vec::new();
        let Inner { nodes, timeouts, .. } = &mut *inner;
        for (name, entry) in nodes.iter_mut() {
            if entry.remote && entry.session.is_none() {
                // Another master's: its timeouts apply there.
                continue;
            }
            let s = entry.node.state();
            let timeout = timeouts.get(name).copied().unwrap_or(default_timeout);
            if matches!(s, NodeState::Ready | NodeState::Initializing) && entry.last_seen.elapsed() > timeout {
                timed_out.push(name.clone());
            } else if s == NodeState::NotReady
                && entry.session.is_some()
                && entry.last_seen.elapsed() <= timeout
                && entry.hold_until.is_some_and(|t| Instant::now() >= t)
                && readiness(entry).is_ok()
            {
                // Alive all along but held back by damping.
                resumed.push(name.clone());
            } else if budget > 0
                && entry.heartbeat_dirty
                && !persist.is_zero()
                && entry.last_persisted.elapsed() > persist
            {
                budget -= 1;
                entry.heartbeat_dirty = false;
                entry.last_persisted = Instant::now();
                self.persister.queue(node_key(name), Some(entry.node.encode_to_vec()));
            }
        }
        for name in timed_out {
            self.apply(&mut inner, &name, Input::HeartbeatTimeout);
        }
        for name in resumed {
            self.apply(&mut inner, &name, Input::Alive { ready: true });
        }
    }

    /// Replaces the per-node heartbeat timeouts (from the topology's roles).
    pub fn set_heartbeat_timeouts(&self, timeouts: HashMap<String, Duration>) {
        self.lock().timeouts = timeouts;
    }

    /// Admin: approve a Pending node.
    pub fn approve(&self, name: &str) -> Result<NodeRecord, RegistryError> {
        let mut inner = self.lock();
        let entry = inner.nodes.get_mut(name).ok_or_else(|| RegistryError::NotFound(name.into()))?;
        if entry.node.state() != NodeState::Pending {
            return Err(RegistryError::NotPending(name.into()));
        }
        entry.node.approved = true;
        self.apply(&mut inner, name, Input::Approved);
        let entry = inner.nodes.get(name).ok_or_else(|| RegistryError::NotFound(name.into()))?;
        // An approved node that is connected and ready goes straight on.
        let live = entry.session.is_some();
        let ready = readiness(entry).is_ok();
        if live {
            self.apply(&mut inner, name, Input::Alive { ready });
        }
        self.get_locked(&inner, name)
    }

    fn get_locked(&self, inner: &Inner, name: &str) -> Result<NodeRecord, RegistryError> {
        inner
            .nodes
            .get(name)
            .map(|e| NodeRecord::new(e.node.clone()))
            .ok_or_else(|| RegistryError::NotFound(name.into()))
    }

    /// Admin: cordon (Maintenance).
    pub fn cordon(&self, name: &str) -> Result<NodeRecord, RegistryError> {
        let mut inner = self.lock();
        let entry = inner.nodes.get_mut(name).ok_or_else(|| RegistryError::NotFound(name.into()))?;
        entry.node.cordoned = true;
        self.apply(&mut inner, name, Input::Cordon);
        self.get_locked(&inner, name)
    }

    /// Admin: uncordon.
    pub fn uncordon(&self, name: &str) -> Result<NodeRecord, RegistryError> {
        let mut inner = self.lock();
        let timeout = self.settings.heartbeat_timeout;
        let entry = inner.nodes.get_mut(name).ok_or_else(|| RegistryError::NotFound(name.into()))?;
        entry.node.cordoned = false;
        // Another master's device: it is live and ready if that master says so.
        let elsewhere = entry.remote && entry.session.is_none() && entry.node.connected;
        let live = elsewhere || (entry.session.is_some() && entry.last_seen.elapsed() <= timeout);
        let ready = elsewhere || readiness(entry).is_ok();
        self.apply(&mut inner, name, Input::Uncordon { live, ready });
        self.get_locked(&inner, name)
    }

    /// Admin: remove a node. Tells its agent, cuts its session, deletes the
    /// record (durably) and refuses its certificate from now on.
    pub async fn remove(&self, name: &str) -> Result<NodeRecord, RegistryError> {
        let node = {
            let mut inner = self.lock();
            if !inner.nodes.contains_key(name) {
                return Err(RegistryError::NotFound(name.into()));
            }
            self.apply(&mut inner, name, Input::Remove);
            let entry = inner.nodes.get_mut(name).ok_or_else(|| RegistryError::NotFound(name.into()))?;
            if let Some(s) = entry.session.take() {
                let _ = s.tx.try_send(Ok(MasterMessage {
                    msg: Some(master_message::Msg::Terminate(Terminate {
                        reason: "node removed from the cluster by an administrator".into(),
                    })),
                }));
                self.metrics.sessions.dec();
            }
            entry.node.connected = false;
            entry.node.clone()
        };
        self.store.delete(&node_key(name)).await?;
        let mut inner = self.lock();
        if inner.nodes.remove(name).is_some() {
            self.metrics.node_moved(Some(NodeState::Terminating), None);
        }
        let ev = Event {
            node: name.into(),
            kind: EventKind::Removed.into(),
            from: NodeState::Terminating as i32,
            ..Default::default()
        };
        // The write-behind queue may still hold this node's record: drop it.
        self.commit(&mut inner, node_watch_event::Kind::Deleted, &node, Persist::Delete, Some(ev));
        Ok(NodeRecord::new(node))
    }

    /// Replaces a node's certificate serial after renewal (durably).
    pub async fn renew_cert(&self, name: &str, serial: String, expires_at_ms: i64) -> Result<(), RegistryError> {
        let node = {
            let mut inner = self.lock();
            let entry = inner.nodes.get_mut(name).ok_or_else(|| RegistryError::NotFound(name.into()))?;
            entry.node.previous_cert_serial = std::mem::replace(&mut entry.node.cert_serial, serial);
            entry.node.cert_expires_at_ms = expires_at_ms;
            entry.node.clone()
        };
        self.store.put(&node_key(name), node.encode_to_vec()).await?;
        Ok(())
    }

    /// Admin: revokes a node's certificates (current and previous). The record
    /// stays; every call with them is refused until the device re-enrols
    /// ([`Self::renew_cert`] with the new one). Durable before it returns.
    pub async fn revoke_cert(&self, name: &str) -> Result<NodeRecord, RegistryError> {
        let node = {
            let mut inner = self.lock();
            let entry = inner.nodes.get_mut(name).ok_or_else(|| RegistryError::NotFound(name.into()))?;
            let old = std::mem::take(&mut entry.node.cert_serial);
            entry.node.previous_cert_serial.clear();
            entry.node.cert_expires_at_ms = 0;
            // Tell the agent why before its connection is cut, so it stops
            // with the reason instead of a dropped-connection error.
            if let Some(s) = &entry.session {
                let reason = RegistryError::Revoked(name.to_string()).to_string();
                let _ = s
                    .tx
                    .try_send(Ok(MasterMessage { msg: Some(master_message::Msg::Terminate(Terminate { reason })) }));
            }
            let node = entry.node.clone();
            let ev = Event {
                node: name.into(),
                kind: EventKind::CertificateRevoked.into(),
                reason: format!("serial {old}"),
                message: "revoked by an administrator; the device must re-enrol".into(),
                from: node.state,
                to: node.state,
                ..Default::default()
            };
            // Written to the store below, before it returns.
            self.commit(&mut inner, node_watch_event::Kind::Modified, &node, Persist::No, Some(ev));
            node
        };
        self.store.put(&node_key(name), node.encode_to_vec()).await?;
        Ok(NodeRecord::new(node))
    }

    /// Recent events, newest last, optionally for one node.
    pub fn events(&self, node: &str, limit: usize) -> Vec<Event> {
        let inner = self.lock();
        let mut out: Vec<Event> =
            inner.events.iter().rev().filter(|e| node.is_empty() || e.node == node).take(limit).cloned().collect();
        out.reverse();
        out
    }

    /// A new node watcher; with `initial`, every node is queued first as
    /// ADDED. Under the lock, so no change falls between the listing and the
    /// changes after it.
    pub fn watch(&self, initial: bool) -> Arc<Watcher> {
        let inner = self.lock();
        let w = Watcher::new(self.metrics.clone());
        if initial {
            w.fill(sorted_nodes(&inner).into_iter().filter(is_device).collect(), node_watch_event::Kind::Added);
        }
        self.watchers.lock().unwrap_or_else(|p| p.into_inner()).push(w.clone());
        w
    }

    /// Gives a watcher that fell too far behind its snapshot of every node,
    /// ahead of any change published after it.
    pub fn resync(&self, w: &Watcher) {
        let inner = self.lock();
        w.fill(sorted_nodes(&inner).into_iter().filter(is_device).collect(), node_watch_event::Kind::Modified);
    }

    /// Subscribes to node changes (event consumers; node watchers use [`Self::watch`]).
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<NodeWatchEvent>> {
        self.watch_tx.subscribe()
    }

    /// Subscribes to changes and returns the sequence number of the last
    /// event recorded before it, atomically (see [`crate::event_feed`]).
    pub fn subscribe_events(&self) -> (broadcast::Receiver<Arc<NodeWatchEvent>>, u64) {
        let inner = self.lock();
        (self.watch_tx.subscribe(), inner.next_seq.saturating_sub(1))
    }

    /// The events after `seq` still held in memory, oldest first; `Err` with
    /// the oldest held sequence number when some after `seq` are gone.
    pub fn events_after(&self, seq: u64) -> Result<Vec<Event>, u64> {
        let inner = self.lock();
        match inner.events.front() {
            Some(first) if first.seq > seq + 1 => Err(first.seq),
            None if inner.next_seq > seq + 1 => Err(inner.next_seq),
            _ => Ok(inner.events.iter().filter(|e| e.seq > seq).cloned().collect()),
        }
    }

    /// Records an event about a node that is not a state change (workloads):
    /// stored, streamed to watchers, hooks and `events`.
    pub fn record_event(&self, name: &str, kind: &str, reason: &str, message: &str) {
        self.record_events(vec![NodeNote::new(name, kind, reason, message)]);
    }

    /// [`Self::record_event`] for many at once (an apply placing thousands of
    /// replicas): one lock per [`NOTES_PER_LOCK`], and each event still
    /// recorded, stored and published on its own, in order, exactly as one
    /// by one. The lock is let go between chunks so sessions (heartbeats,
    /// the agents' reports) are not held up behind thousands of events.
    pub fn record_events(&self, notes: Vec<NodeNote>) {
        let mut notes = notes.into_iter().peekable();
        while notes.peek().is_some() {
            let mut inner = self.lock();
            for note in notes.by_ref().take(NOTES_PER_LOCK) {
                self.record_note(&mut inner, note);
            }
        }
    }

    /// One note: as `commit` with `Persist::No`, publishing this copy of the node.
    fn record_note(&self, inner: &mut Inner, note: NodeNote) {
        let Some(node) = inner.nodes.get(&note.node).map(|e| e.node.clone()) else { return };
        let ev = Event {
            kind: note.kind,
            reason: note.reason,
            message: note.message,
            from: node.state,
            to: node.state,
            node: note.node,
            ..Default::default()
        };
        let audience = if is_device(&node) { Audience::Everyone } else { Audience::EventConsumers };
        let ev = self.record(inner, ev);
        self.publish_owned(inner, node_watch_event::Kind::Modified, node, Some(ev), audience);
    }

    /// Sends a message on a node's live session; false when it has none.
    pub fn push(&self, name: &str, msg: MasterMessage) -> bool {
        let inner = self.lock();
        match inner.nodes.get(name).and_then(|e| e.session.as_ref()) {
            Some(s) => s.tx.try_send(Ok(msg)).is_ok(),
            None => false,
        }
    }

    /// Pushes a config to a node (if connected) and records the version it should ack.
    /// A node whose session another master holds is left to that master (it
    /// follows the change through the store and pushes it itself; counted as
    /// sent): writing this master's copy of its record would put back an
    /// older ack.
    pub fn offer_config(&self, name: &str, config: AgentConfig) -> bool {
        let version = config.version;
        let mut inner = self.lock();
        let Some(entry) = inner.nodes.get_mut(name) else { return false };
        if entry.session.is_none() && entry.remote && entry.node.connected {
            return true;
        }
        let sent = entry
            .session
            .as_ref()
            .map(|s| s.tx.try_send(Ok(MasterMessage { msg: Some(master_message::Msg::Config(config)) })).is_ok())
            .unwrap_or(false);
        if entry.node.config_desired_version != version {
            entry.node.config_desired_version = version;
            let node = entry.node.clone();
            self.commit(&mut inner, node_watch_event::Kind::Modified, &node, Persist::Write, None);
        }
        sent
    }

    /// Records an agent's config ack (or nack).
    pub fn config_ack(&self, name: &str, ack: &ConfigAck) {
        let mut inner = self.lock();
        let Some(entry) = inner.nodes.get_mut(name) else { return };
        if ack.ok {
            entry.node.config_acked_version = entry.node.config_acked_version.max(ack.version);
            entry.node.config_error.clear();
        } else {
            entry.node.config_error = format!("version {}: {}", ack.version, ack.error);
        }
        let node = entry.node.clone();
        let ev = Event {
            node: name.into(),
            kind: if ack.ok { EventKind::ConfigApplied } else { EventKind::ConfigRejected }.into(),
            reason: format!("version {}", ack.version),
            message: ack.error.clone(),
            from: node.state,
            to: node.state,
            ..Default::default()
        };
        self.commit(&mut inner, node_watch_event::Kind::Modified, &node, Persist::Write, Some(ev));
    }

    /// Records a container event reported live by an agent.
    pub fn container_event(&self, name: &str, ev: ContainerEvent) {
        let mut inner = self.lock();
        let Some(entry) = inner.nodes.get_mut(name) else { return };
        if let Some(c) = entry.node.containers.iter_mut().find(|c| c.id == ev.id || c.name == ev.name) {
            match ev.action.as_str() {
                "died" | "stop" | "kill" => {
                    c.state = "exited".into();
                    c.exit_code = ev.exit_code;
                }
                "start" | "restart" => c.state = "running".into(),
                "pause" => c.state = "paused".into(),
                "unpause" => c.state = "running".into(),
                _ => {}
            }
        }
        if ev.action == "remove" {
            entry.node.containers.retain(|c| c.id != ev.id);
        }
        let node = entry.node.clone();
        let state = node.state;
        let e = Event {
            node: name.into(),
            kind: EventKind::Container.into(),
            reason: format!("{} {}", ev.name, ev.action),
            message: if ev.action == "died" { format!("exit code {}", ev.exit_code) } else { ev.image.clone() },
            from: state,
            to: state,
            time_ms: ev.time_ms,
            ..Default::default()
        };
        self.commit(&mut inner, node_watch_event::Kind::Modified, &node, Persist::No, Some(e));
    }

    /// Records what an agent buffered while offline, with original times, in order.
    /// Returns the seq the node's replay is recorded through and the
    /// persister ticket after which that is in the store (the session acks
    /// the agent only then: acknowledged means durable).
    pub fn offline_replay(&self, name: &str, replay: OfflineReplay) -> Option<(u64, u64)> {
        let mut inner = self.lock();
        let entry = inner.nodes.get_mut(name)?;
        if replay.offline_since_ms > 0 {
            entry.node.offline_since_ms = replay.offline_since_ms;
        }
        if replay.offline_until_ms > 0 {
            entry.node.offline_until_ms = replay.offline_until_ms;
        }
        entry.node.offline_dropped = entry.node.offline_dropped.saturating_add(replay.dropped);
        let node = entry.node.clone();
        let state = node.state;
        let mut through = node.replayed_through_seq;
        for b in replay.entries {
            if b.seq <= through {
                continue; // Already recorded from an earlier, interrupted replay.
            }
            through = b.seq;
            let (reason, message) = match b.entry {
                Some(buffered_entry::Entry::ContainerEvent(c)) => {
                    (format!("{} {}", c.name, c.action), format!("exit code {}", c.exit_code))
                }
                Some(buffered_entry::Entry::StatusChange(c)) => {
                    (format!("{} {}", c.subject, if c.ok { "ok" } else { "failed" }), c.detail)
                }
                Some(buffered_entry::Entry::WorkloadStatus(w)) => {
                    (format!("workload {} {}", w.name, w.state), format!("{} (restarts {})", w.reason, w.restarts))
                }
                None => continue,
            };
            let ev = Event {
                node: name.into(),
                kind: EventKind::Offline.into(),
                reason,
                message: format!("{message} (buffered #{} while offline)", b.seq),
                from: state,
                to: state,
                time_ms: b.time_ms,
                ..Default::default()
            };
            // Recorded and published like any event: live event streams,
            // hooks and watchers hear of it now, not at the next one.
            self.commit(&mut inner, node_watch_event::Kind::Modified, &node, Persist::No, Some(ev));
        }
        if let Some(entry) = inner.nodes.get_mut(name) {
            entry.node.replayed_through_seq = through;
        }
        let node = inner.nodes.get(name).map(|e| e.node.clone()).unwrap_or(node);
        self.persister.queue(node_key(name), Some(node.encode_to_vec()));
        if replay.last {
            let ev = Event {
                node: name.into(),
                kind: EventKind::OfflineInterval.into(),
                reason: format!("offline {} s", (replay.offline_until_ms - replay.offline_since_ms).max(0) / 1000),
                message: format!("{} entries dropped while offline", replay.dropped),
                from: state,
                to: state,
                ..Default::default()
            };
            self.commit(&mut inner, node_watch_event::Kind::Modified, &node, Persist::Write, Some(ev));
        }
        Some((through, self.persister.last_ticket()))
    }

    /// Sends a command to a node's agent; the receiver gets its result.
    pub fn send_command(
        &self,
        name: &str,
        mut cmd: Command,
    ) -> Result<oneshot::Receiver<CommandResult>, RegistryError> {
        let mut inner = self.lock();
        let id = inner.next_command;
        inner.next_command += 1;
        cmd.id = id;
        let entry = inner.nodes.get(name).ok_or_else(|| RegistryError::NotFound(name.into()))?;
        let session = entry.session.as_ref().ok_or_else(|| RegistryError::Offline(name.into()))?;
        session
            .tx
            .try_send(Ok(MasterMessage { msg: Some(master_message::Msg::Command(cmd)) }))
            .map_err(|_| RegistryError::Offline(name.into()))?;
        let (tx, rx) = oneshot::channel();
        inner.pending.insert(id, (name.to_string(), tx));
        Ok(rx)
    }

    /// Delivers a command result from the node that ran it.
    pub fn command_result(&self, name: &str, result: CommandResult) {
        let mut inner = self.lock();
        if inner.pending.get(&result.id).map(|(n, _)| n == name).unwrap_or(false)
            && let Some((_, tx)) = inner.pending.remove(&result.id)
        {
            let _ = tx.send(result);
        }
    }

    /// Forgets a command whose caller gave up.
    pub fn forget_command(&self, id: u64) {
        self.lock().pending.remove(&id);
    }

    /// Counts by state.
    pub fn counts(&self) -> HashMap<NodeState, usize> {
        let mut out = HashMap::new();
        for e in self.lock().nodes.values().filter(|e| is_device(&e.node)) {
            *out.entry(e.node.state()).or_default() += 1;
        }
        out
    }
}

/// A registry on a fresh embedded store in `dir` (unit tests), and its
/// persister (not running: tests drain it themselves).
#[cfg(test)]
#[allow(clippy::unwrap_used)]
pub(crate) async fn for_tests(
    dir: &std::path::Path,
    metrics: Arc<Metrics>,
    persist_interval: Duration,
) -> (Arc<Registry>, Arc<Persister>) {
    let store: SharedStore = Arc::new(crate::store::EmbeddedStore::open(&dir.join("s.redb")).unwrap());
    let persister = Persister::new(store.clone(), metrics.clone());
    let settings = Settings {
        heartbeat_timeout: Duration::from_secs(3600),
        persist_interval,
        max_events: 1_000_000,
        state_damping: Duration::ZERO,
    };
    (Registry::load(store, persister.clone(), settings, metrics).await.unwrap(), persister)
}

/// Whether two container lists differ in more than usage (CPU, memory).
/// A check's verdict moved (name, ok, required, hint); its `detail` alone
/// ("812 MiB available", the clock reading) changes with every report and
/// rides along with the next write, like usage figures.
fn checks_changed(old: &[CheckResult], new: &[CheckResult]) -> bool {
    fn verdict(c: &CheckResult) -> (&str, bool, bool, &str) {
        (&c.name, c.ok, c.required, &c.hint)
    }
    old.len() != new.len() || old.iter().zip(new).any(|(a, b)| verdict(a) != verdict(b))
}

fn containers_changed(old: &[Container], new: &[Container]) -> bool {
    let strip = |c: &Container| Container { cpu_percent: 0.0, memory_bytes: 0, ..c.clone() };
    old.len() != new.len() || old.iter().zip(new).any(|(a, b)| strip(a) != strip(b))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    /// Nodes due for the liveness persist in the same tick are spread over
    /// ticks at twice their fair share each, none left out.
    #[tokio::test]
    async fn the_liveness_persist_is_spread_over_ticks() {
        let dir = tempfile::tempdir().unwrap();
        let (reg, persister) = for_tests(dir.path(), Arc::new(Metrics::new()), Duration::from_secs(1)).await;
        for i in 0..300 {
            let node = Node { name: format!("n{i}"), state: NodeState::Initializing as i32, ..Default::default() };
            reg.enroll(node, "127.0.0.1").await.unwrap();
        }
        // Every node reports and heartbeats, then the interval passes for all of them at once.
        for i in 0..300 {
            reg.status(&format!("n{i}"), StatusReport::default());
            reg.touch(&format!("n{i}"));
        }
        // Their state changes (Initializing -> Ready) are written; what is
        // left dirty is liveness alone.
        assert!(persister.flush().await);
        assert_eq!(persister.backlog(), 0);
        for i in 0..300 {
            reg.touch(&format!("n{i}"));
        }
        assert_eq!(persister.backlog(), 0, "a heartbeat alone is not written");
        tokio::time::sleep(Duration::from_millis(1100)).await;
        let mut per_tick = Vec::new();
        for _ in 0..3 {
            let before = persister.backlog();
            reg.tick();
            per_tick.push(persister.backlog() - before);
        }
        // 300 nodes x 0.25 s / 1 s = 75 a tick as a fair share; twice that at most.
        assert_eq!(per_tick, [150, 150, 0]);
    }

    /// A batch of notes is recorded, stored and published one event per
    /// note, in order (as many `record_event` calls would), under one lock;
    /// a note about an unknown node is dropped.
    #[tokio::test]
    async fn a_batch_of_notes_is_each_recorded_stored_and_published() {
        let dir = tempfile::tempdir().unwrap();
        let (reg, persister) = for_tests(dir.path(), Arc::new(Metrics::new()), Duration::ZERO).await;
        for name in ["a", "b"] {
            let node = Node { name: name.into(), state: NodeState::Initializing as i32, ..Default::default() };
            reg.enroll(node, "127.0.0.1").await.unwrap();
        }
        let (mut rx, before) = reg.subscribe_events();
        let watcher = reg.watch(false);
        reg.record_events(vec![
            NodeNote::new("a", "WorkloadPlaced", "w1 placed", ""),
            NodeNote::new("ghost", "WorkloadPlaced", "w1 placed", ""),
            NodeNote::new("b", "WorkloadPlaced", "w1 placed", ""),
            NodeNote::new("a", "WorkloadPlaced", "w2 placed", "m"),
        ]);
        let got: Vec<(String, String)> =
            reg.events_after(before).unwrap().into_iter().map(|e| (e.node, e.reason)).collect();
        let want = [("a", "w1 placed"), ("b", "w1 placed"), ("a", "w2 placed")];
        assert_eq!(got, want.map(|(n, r)| (n.to_string(), r.to_string())));
        for (n, r) in want {
            let ev = rx.try_recv().unwrap().event.clone().unwrap();
            assert_eq!((ev.node.as_str(), ev.reason.as_str(), ev.kind.as_str()), (n, r, "WorkloadPlaced"));
        }
        assert!(rx.try_recv().is_err(), "nothing for the unknown node");
        assert!(watcher.queued() >= 1, "node watchers hear of the changes");
        assert!(persister.flush().await);
        let stored = reg.store.list(&format!("{PREFIX}events/")).await.unwrap();
        assert_eq!(stored.len() as u64, reg.events_after(0).unwrap().len() as u64);
    }

    /// With `liveness_persist_interval = 0` nothing is written for liveness
    /// or usage alone, however long: disk writes follow changes, not time.
    #[tokio::test]
    async fn a_zero_persist_interval_writes_only_changes() {
        let dir = tempfile::tempdir().unwrap();
        let (reg, persister) = for_tests(dir.path(), Arc::new(Metrics::new()), Duration::ZERO).await;
        let node = Node { name: "n".into(), state: NodeState::Initializing as i32, ..Default::default() };
        reg.enroll(node, "127.0.0.1").await.unwrap();
        reg.touch("n");
        assert!(persister.flush().await);
        let c = Container { name: "c".into(), state: "running".into(), memory_bytes: 1, ..Default::default() };
        let check = |detail: String, ok: bool| CheckResult { name: "clock".into(), ok, detail, ..Default::default() };
        let report = |c: &Container, detail: String| StatusReport {
            containers: vec![c.clone()],
            checks: vec![check(detail, true)],
            ..Default::default()
        };
        reg.status("n", report(&c, "t 0".into()));
        assert!(persister.flush().await);
        for i in 0..5u64 {
            reg.touch("n");
            let moved = Container { memory_bytes: 100 + i, cpu_percent: i as f32, ..c.clone() };
            reg.status("n", report(&moved, format!("t {i}")));
            reg.tick();
        }
        assert_eq!(persister.backlog(), 0, "liveness, usage and check details alone are not written");
        let failed = StatusReport { checks: vec![check("t 9".into(), false)], ..report(&c, String::new()) };
        reg.status("n", failed);
        assert_eq!(persister.backlog(), 1, "a check's verdict is written");
        assert!(persister.flush().await);
        reg.status("n", report(&c, "t 10".into()));
        assert!(persister.flush().await);
        reg.status("n", report(&Container { state: "exited".into(), ..c.clone() }, "t 11".into()));
        assert_eq!(persister.backlog(), 1, "a container change is written");
        // A delta report keeps the list.
        reg.status("n", StatusReport { containers_unchanged: true, ..Default::default() });
        let kept = reg.get("n").map(|n| n.containers.clone()).unwrap_or_default();
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].state, "exited");
    }
}
