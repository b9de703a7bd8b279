//! Workloads (issue 14), the master's side: stored specs with revisions
//! (`/piccolo/v1/workloads/<name>`, on either store), placement onto nodes
//! ([`placement`]), each node's desired set pushed over its session with a
//! content-derived version the agent acks, and the per-node states agents
//! report, aggregated per workload ([`status`]) and turned into events.
//!
//! # Layout
//! - this file: [`Workloads`], the shared state and its operations.
//! - [`placement`]: pure placement rules.
//! - [`rollout`]: rolling updates in batches gated on health (pure).
//! - [`status`]: aggregation and the events state changes produce.
//! - [`store`]: records in the store.
//! - [`shared`]: the per-node states among several masters (in the store,
//!   followed through the watch).
//! - [`logs`]: workload output relayed from the agents' sessions.
//!
//! Concurrency: one std `Mutex` around the state, never held across an
//! `.await`; store writes happen before the state changes they persist.

pub mod logs;
pub mod placement;
pub mod rollout;
mod shared;
pub mod status;
mod store;

use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::Duration;

use piccolo_common::time::now_ms;
use piccolo_common::workload::validate_set;
use piccolo_proto::{
    MasterMessage, Node, NodeState, WorkloadPlacement, WorkloadRecord, WorkloadReport, WorkloadSet, WorkloadSetAck,
    WorkloadSpec, WorkloadStatus, master_message,
};
use prost::Message;
use thiserror::Error;
use tokio::sync::watch;
use tracing::{debug, info, warn};

use crate::node_record::NodeRecord;
use crate::registry::{NodeNote, Registry};
use crate::store::{SharedStore, StoreError};

/// What can go wrong with a workload operation.
#[derive(Debug, Error)]
pub enum WorkloadsError {
    #[error(transparent)]
    Invalid(#[from] piccolo_common::workload::WorkloadError),
    #[error("no workload named {0:?} (see `piccoloctl get workloads`)")]
    NotFound(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// How often placement is re-evaluated (node changes, reschedules).
pub const TICK: Duration = Duration::from_millis(500);

#[derive(Default)]
struct State {
    records: BTreeMap<String, WorkloadRecord>,
    /// The set version last pushed to each node, and whether it acked it.
    pushed: HashMap<String, u64>,
    acked: HashMap<String, u64>,
    /// (workload, node) -> last reported status.
    statuses: HashMap<(String, String), WorkloadStatus>,
    /// (workload, node) -> (revision, since when it has been ready, master ms).
    ready_since: HashMap<(String, String), (u64, i64)>,
    /// Among several masters: a digest of the states last queued for the
    /// store per node whose session is here (unchanged ones are not rewritten).
    written: HashMap<String, u64>,
}

/// How a changed spec rolls out: nodes per batch, and how long a batch may
/// take to be healthy before everything goes back.
#[derive(Debug, Clone, Copy, Default)]
pub struct Pace {
    pub batch_size: u32,
    pub timeout_ms: u32,
}

/// The rollout gate's view of the master's state.
struct GateView<'a> {
    workload: &'a str,
    st: &'a State,
    nodes: &'a HashMap<String, Node>,
}

impl rollout::Gate for GateView<'_> {
    fn connected(&self, node: &str) -> bool {
        self.nodes.get(node).is_some_and(|n| n.connected)
    }
    fn ready_since(&self, node: &str, revision: u64) -> Option<i64> {
        self.st
            .ready_since
            .get(&(self.workload.to_string(), node.to_string()))
            .filter(|(r, _)| *r == revision)
            .map(|(_, t)| *t)
    }
    fn describe(&self, node: &str) -> String {
        match self.st.statuses.get(&(self.workload.to_string(), node.to_string())) {
            Some(s) if s.reason.is_empty() => format!("{} (revision {})", s.state, s.revision),
            Some(s) => format!("{} (revision {}): {}", s.state, s.revision, s.reason),
            None => "no state reported".into(),
        }
    }
}

/// The master's workloads.
pub struct Workloads {
    state: Mutex<State>,
    store: SharedStore,
    registry: Arc<Registry>,
    reschedule_after: Duration,
    /// Whether this master places workloads and moves rollouts on (the
    /// leader among several; always alone). Others push what the leader
    /// stored to the devices whose sessions they hold.
    leads: AtomicBool,
    /// Among several masters: where the states of this master's sessions
    /// go (write-behind, coalesced per node); unset alone.
    states_sink: OnceLock<Arc<crate::persister::Persister>>,
    /// Open `WorkloadLogs` streams.
    pub logs: logs::LogStreams,
}

/// Whether `key` is a workload record's.
pub fn is_record_key(key: &str) -> bool {
    key.starts_with(&store::key(""))
}

/// Whether `key` holds a node's workload states (shared among masters).
pub fn is_states_key(key: &str) -> bool {
    shared::is_key(key)
}

/// A spec and its encoding, shared by every node it goes to: encoded once
/// per reconcile, not once per node (1,000 nodes x 5 workloads every tick).
type Encoded = Arc<(WorkloadSpec, Vec<u8>)>;

/// A node's desired set, its specs in name order, with its version derived
/// from the content (the specs' encodings in that order).
fn desired_set(mut specs: Vec<Encoded>) -> (u64, impl FnOnce() -> WorkloadSet) {
    specs.sort_by(|a, b| a.0.name.cmp(&b.0.name));
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for s in &specs {
        s.1.hash(&mut h);
    }
    // 0 means "nothing pushed yet" to an agent.
    let version = h.finish().max(1);
    (version, move || WorkloadSet { version, workloads: specs.iter().map(|s| s.0.clone()).collect() })
}

impl Workloads {
    /// Loads the stored workloads.
    pub async fn load(
        store: SharedStore,
        registry: Arc<Registry>,
        reschedule_after: Duration,
    ) -> Result<Arc<Self>, StoreError> {
        let records = store::load(&store).await?;
        let state = State { records, ..Default::default() };
        Ok(Arc::new(Self {
            state: Mutex::new(state),
            store,
            registry,
            reschedule_after,
            leads: AtomicBool::new(true),
            states_sink: OnceLock::new(),
            logs: Default::default(),
        }))
    }

    /// Among several masters: the states the agents whose sessions are here
    /// report are written (through `persister`) for the others to follow.
    pub fn share_states(&self, persister: Arc<crate::persister::Persister>) {
        let _ = self.states_sink.set(persister);
    }

    /// Another master wrote (or deleted) a workload record: this master's
    /// copy follows; the next reconcile pushes what changed.
    pub fn apply_remote(&self, key: &str, value: Option<&[u8]>) {
        let Some(name) = key.strip_prefix(&store::key("")) else { return };
        let mut st = self.lock();
        match value.map(WorkloadRecord::decode) {
            Some(Ok(rec)) => {
                st.records.insert(name.to_string(), rec);
            }
            Some(Err(e)) => warn!(key, error = %e, "ignoring an undecodable workload record from another master"),
            None => {
                st.records.remove(name);
            }
        }
    }

    /// The store keys of the records this master holds.
    pub fn record_keys(&self) -> Vec<String> {
        self.lock().records.keys().map(|n| store::key(n)).collect()
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Validates everything (with what is stored), then stores and places.
    pub async fn apply(
        &self,
        specs: Vec<WorkloadSpec>,
        dry_run: bool,
        pace: Pace,
    ) -> Result<Vec<WorkloadPlacement>, WorkloadsError> {
        let mut merged: BTreeMap<String, WorkloadSpec> =
            self.lock().records.iter().map(|(k, r)| (k.clone(), r.spec.clone().unwrap_or_default())).collect();
        for s in &specs {
            merged.insert(s.name.clone(), s.clone());
        }
        validate_set(&merged.values().collect::<Vec<_>>())?;
        let mut out = Vec::new();
        let mut writes: Vec<WorkloadRecord> = Vec::new();
        {
            let st = self.lock();
            for mut s in specs {
                let old = st.records.get(&s.name);
                let old_spec = old.and_then(|r| r.spec.clone());
                let change = match &old_spec {
                    None => "created",
                    Some(o) if same_spec(o, &s) => "unchanged",
                    Some(_) => "updated",
                };
                let mut rec = old.cloned().unwrap_or_default();
                match change {
                    "unchanged" => s.revision = old_spec.as_ref().map(|o| o.revision).unwrap_or(1),
                    _ => {
                        let last = old_spec.as_ref().map(|o| o.revision).unwrap_or(0).max(rec.last_revision);
                        s.revision = last + 1;
                        rec.last_revision = s.revision;
                        rec.rollout = old_spec.as_ref().filter(|_| !rec.placed.is_empty()).map(|o| {
                            // A rollout still running started from the last good revision.
                            let from = rec
                                .rollout
                                .as_ref()
                                .filter(|r| r.state == rollout::RUNNING)
                                .map(|r| r.from_revision)
                                .unwrap_or(o.revision);
                            rollout::start(from, s.revision, pace.batch_size, pace.timeout_ms, now_ms())
                        });
                        if let Some(o) = old_spec {
                            rec.history.push(o);
                            let excess = rec.history.len().saturating_sub(10);
                            rec.history.drain(..excess);
                        }
                        rec.spec = Some(s.clone());
                        rec.updated_at_ms = now_ms();
                        writes.push(rec.clone());
                    }
                }
                out.push(WorkloadPlacement {
                    name: s.name.clone(),
                    revision: s.revision,
                    change: change.into(),
                    nodes: rec.placed.clone(),
                    pending_reason: String::new(),
                });
            }
        }
        if dry_run {
            let nodes: Vec<Node> = self.registry.list().into_iter().map(NodeRecord::into_stored).collect();
            let mut load = HashMap::new();
            for p in &mut out {
                let spec = merged.get(&p.name).cloned().unwrap_or_default();
                let placed = placement::place(&spec, &nodes, &p.nodes, &mut load, &|_| false);
                p.nodes = placed.nodes;
                p.pending_reason = placed.pending_reason;
            }
            return Ok(out);
        }
        // The leader places what it stores, so the apply is one store write
        // (one transaction) and the reconcile after it has nothing to move.
        // A follower stores the spec only (placing is the leader's duty) but
        // answers with the placement the leader will make from the same view
        // of nodes and records, so `apply` answers the same on every master.
        let t0 = std::time::Instant::now();
        let mut notes = Vec::new();
        let foreseen = if self.leads.load(Ordering::Relaxed) {
            self.place_written(&mut writes, &mut notes);
            None
        } else {
            let mut copy = writes.clone();
            self.place_written(&mut copy, &mut Vec::new());
            Some(copy)
        };
        let placed_at = t0.elapsed();
        store::save_all(&self.store, &writes).await?;
        let stored_at = t0.elapsed();
        {
            let mut st = self.lock();
            for rec in writes {
                let name = rec.spec.as_ref().map(|s| s.name.clone()).unwrap_or_default();
                info!(workload = %name, revision = rec.spec.as_ref().map(|s| s.revision), "workload stored");
                st.records.insert(name, rec);
            }
        }
        let events = notes.len();
        self.registry.record_events(notes);
        let recorded_at = t0.elapsed();
        self.reconcile().await;
        info!(
            workloads = out.len(),
            events,
            place_ms = placed_at.as_millis() as u64,
            store_ms = (stored_at - placed_at).as_millis() as u64,
            events_ms = (recorded_at - stored_at).as_millis() as u64,
            push_ms = (t0.elapsed() - recorded_at).as_millis() as u64,
            "workloads applied"
        );
        let st = self.lock();
        for p in &mut out {
            let seen = foreseen.iter().flatten().find(|r| r.spec.as_ref().is_some_and(|s| s.name == p.name));
            if let Some(r) = seen.or_else(|| st.records.get(&p.name)) {
                p.nodes = r.placed.clone();
                p.pending_reason = r.pending_reason.clone();
            }
        }
        Ok(out)
    }

    /// Places records about to be stored by an apply (the leader's duty,
    /// as [`Self::reconcile`] would, counting what the other workloads
    /// already run per node); their placement events go in `notes`, and
    /// each one's pending reason in its record.
    fn place_written(&self, writes: &mut [WorkloadRecord], notes: &mut Vec<NodeNote>) {
        let nodes: Vec<Node> = self.registry.list().into_iter().map(NodeRecord::into_stored).collect();
        let overdue = self.overdue(now_ms());
        let mut load: HashMap<String, usize> = HashMap::new();
        {
            let st = self.lock();
            let written: Vec<&str> = writes.iter().filter_map(|r| r.spec.as_ref().map(|s| s.name.as_str())).collect();
            for (name, rec) in &st.records {
                if !written.contains(&name.as_str()) {
                    for n in &rec.placed {
                        *load.entry(n.clone()).or_default() += 1;
                    }
                }
            }
        }
        for rec in writes.iter_mut() {
            let spec = rec.spec.clone().unwrap_or_default();
            let placed = placement::place(&spec, &nodes, &rec.placed, &mut load, &overdue);
            if placed.nodes != rec.placed {
                status::placement_events(notes, &spec.name, &rec.placed, &placed.nodes);
                rec.placed = placed.nodes;
            }
            rec.pending_reason = placed.pending_reason;
        }
    }

    /// Whether a node that is not Ready has been away longer than `reschedule_after`.
    fn overdue(&self, now: i64) -> impl Fn(&Node) -> bool + use<> {
        let after_ms = i64::try_from(self.reschedule_after.as_millis()).unwrap_or(i64::MAX);
        move |n: &Node| n.state() != NodeState::Ready && now - n.state_changed_at_ms > after_ms
    }

    /// Re-applies the revision before the current one (as a new revision,
    /// rolled out like any change).
    pub async fn undo(&self, name: &str, pace: Pace) -> Result<Vec<WorkloadPlacement>, WorkloadsError> {
        let prev = {
            let st = self.lock();
            let rec = st.records.get(name).ok_or_else(|| WorkloadsError::NotFound(name.to_string()))?;
            rec.history.last().cloned().ok_or_else(|| {
                WorkloadsError::Invalid(piccolo_common::workload::WorkloadError::Invalid {
                    name: name.to_string(),
                    message: "has no previous revision to go back to".into(),
                })
            })?
        };
        self.apply(vec![prev], false, pace).await
    }

    /// Deletes a workload: its nodes are told at once.
    pub async fn delete(&self, name: &str) -> Result<Vec<String>, WorkloadsError> {
        let placed = {
            let st = self.lock();
            let rec = st.records.get(name).ok_or_else(|| WorkloadsError::NotFound(name.to_string()))?;
            if let Some(dependent) = st
                .records
                .values()
                .filter_map(|r| r.spec.as_ref())
                .find(|s| s.after.iter().any(|a| piccolo_common::workload::parse_after(a).0 == name))
            {
                return Err(WorkloadsError::Invalid(piccolo_common::workload::WorkloadError::Invalid {
                    name: name.to_string(),
                    message: format!("workload {:?} starts after it; delete or change that one first", dependent.name),
                }));
            }
            rec.placed.clone()
        };
        store::delete(&self.store, name).await?;
        self.lock().records.remove(name);
        self.reconcile().await;
        Ok(placed)
    }

    /// Re-places every workload (on the leader) and pushes changed sets.
    /// Called on a tick, after changes, and when a node's session opens.
    pub async fn reconcile(&self) {
        let lead = self.leads.load(Ordering::Relaxed);
        let nodes: Vec<Node> = self.registry.list().into_iter().map(NodeRecord::into_stored).collect();
        let now = now_ms();
        let overdue = self.overdue(now);
        let mut changed_records = Vec::new();
        let mut notes = Vec::new();
        let mut sets: HashMap<String, Vec<Encoded>> = nodes.iter().map(|n| (n.name.clone(), Vec::new())).collect();
        let by_name: HashMap<String, Node> = nodes.iter().map(|n| (n.name.clone(), n.clone())).collect();
        if lead {
            self.drop_removed(&by_name.keys().map(String::as_str).collect());
        }
        {
            let mut st = self.lock();
            let mut load = HashMap::new();
            let names: Vec<String> = st.records.keys().cloned().collect();
            for name in names {
                let Some(rec) = st.records.get(&name).cloned() else { continue };
                let base = rec.clone();
                let spec = rec.spec.clone().unwrap_or_default();
                let placed = if lead {
                    placement::place(&spec, &nodes, &rec.placed, &mut load, &overdue)
                } else {
                    // The leader's placement, as stored.
                    placement::Placed { nodes: rec.placed.clone(), pending_reason: rec.pending_reason.clone() }
                };
                let mut rec = rec;
                let mut changed = false;
                if placed.pending_reason != rec.pending_reason {
                    rec.pending_reason = placed.pending_reason.clone();
                    changed = true;
                }
                if placed.nodes != rec.placed {
                    status::placement_events(&mut notes, &name, &rec.placed, &placed.nodes);
                    rec.placed = placed.nodes.clone();
                    changed = true;
                }
                if let Some(mut r) = rec.rollout.clone().filter(|r| lead && r.state == rollout::RUNNING) {
                    let steps = rollout::advance(
                        &mut r,
                        &placed.nodes,
                        &GateView { workload: &name, st: &st, nodes: &by_name },
                        now,
                    );
                    if !steps.is_empty() {
                        status::rollout_events(&mut notes, &name, &r, &placed.nodes, &steps);
                        rec.rollout = Some(r.clone());
                        if r.state == rollout::ROLLED_BACK {
                            roll_back(&mut rec, r.from_revision);
                        }
                        changed = true;
                    }
                }
                if changed {
                    changed_records.push((base, rec.clone()));
                    st.records.insert(name.clone(), rec.clone());
                }
                let spec = rec.spec.clone().unwrap_or_default();
                let old = rec
                    .rollout
                    .as_ref()
                    .filter(|r| r.state == rollout::RUNNING)
                    .and_then(|r| rec.history.iter().rev().find(|h| h.revision == r.from_revision));
                let encoded = |w: &WorkloadSpec| Arc::new((w.clone(), w.encode_to_vec()));
                let (spec, old) = (encoded(&spec), old.map(encoded));
                for n in &placed.nodes {
                    let s = match &old {
                        Some(o) if rollout::on_old_revision(rec.rollout.as_ref(), n) => o,
                        _ => &spec,
                    };
                    sets.entry(n.clone()).or_default().push(s.clone());
                }
            }
        }
        self.registry.record_events(notes);
        for (base, rec) in changed_records {
            match store::save_if_unchanged(&self.store, &base, &rec).await {
                Ok(true) => {}
                // Changed or deleted meanwhile (another master's admin call):
                // the watch brings the new record, and the next tick places it.
                Ok(false) => debug!("a workload record changed while it was placed; placing it again"),
                Err(e) => warn!(error = %e, "workload placement not stored yet; will retry"),
            }
        }
        let due: Vec<_> = {
            let st = self.lock();
            sets.into_iter()
                .map(|(node, specs)| (node, desired_set(specs)))
                .filter(|(node, (version, _))| st.pushed.get(node) != Some(version))
                .collect()
        };
        let mut pushed = Vec::new();
        for (node, (version, set)) in due {
            if self.registry.push(&node, MasterMessage { msg: Some(master_message::Msg::Workloads(set())) }) {
                debug!(node = %node, version, "workload set pushed");
                pushed.push((node, version));
            }
        }
        self.lock().pushed.extend(pushed);
    }

    /// A node's session opened: it gets its set again (the agent keeps what
    /// is already running when nothing changed).
    pub fn session_opened(&self, node: &str) {
        let mut st = self.lock();
        st.pushed.remove(node);
        // The store may hold another master's states of it since.
        st.written.remove(node);
    }

    /// Asks a node for a workload's output.
    pub fn open_logs(
        &self,
        node: &str,
        workload: &str,
        tail: u32,
        follow: bool,
    ) -> Result<tokio::sync::mpsc::Receiver<Result<piccolo_proto::LogChunk, tonic::Status>>, tonic::Status> {
        self.logs.open(&self.registry, node, workload, tail, follow)
    }

    /// A piece of output from a node's agent.
    pub fn log_chunk(&self, node: &str, c: piccolo_proto::LogChunk) {
        self.logs.chunk(&self.registry, node, c);
    }

    /// An agent acked (or refused) a set.
    pub fn ack(&self, node: &str, ack: &WorkloadSetAck) {
        if ack.ok {
            self.lock().acked.insert(node.to_string(), ack.version);
        } else {
            warn!(node, version = ack.version, error = %ack.error, "agent refused its workload set");
        }
    }

    /// An agent's per-workload states.
    pub fn report(&self, node: &str, report: WorkloadReport) {
        let mut notes = Vec::new();
        self.take_report(node, report, &mut notes);
        self.registry.record_events(notes);
    }

    fn take_report(&self, node: &str, report: WorkloadReport, notes: &mut Vec<NodeNote>) {
        let mut st = self.lock();
        let now = now_ms();
        if report.full {
            st.statuses.retain(|(_, n), _| n != node);
        }
        for s in report.workloads {
            let key = (s.name.clone(), node.to_string());
            let before = st.statuses.get(&key).cloned();
            status::state_events(notes, node, before.as_ref(), &s);
            let liveness = st.records.get(&s.name).and_then(|r| r.spec.as_ref()).is_some_and(|w| w.liveness.is_some());
            if status::is_ready(&s.state, liveness) {
                let since = st.ready_since.get(&key).filter(|(r, _)| *r == s.revision).map(|(_, t)| *t);
                st.ready_since.insert(key.clone(), (s.revision, since.unwrap_or(now)));
            } else {
                st.ready_since.remove(&key);
            }
            if s.state == "Removed" {
                st.statuses.remove(&key);
            } else {
                st.statuses.insert(key, s);
            }
        }
        self.queue_states(&mut st, node);
    }

    /// Every workload (or one) with its per-node states.
    pub fn list(&self, only: &str) -> Result<Vec<piccolo_proto::WorkloadInfo>, WorkloadsError> {
        let st = self.lock();
        if !only.is_empty() && !st.records.contains_key(only) {
            return Err(WorkloadsError::NotFound(only.to_string()));
        }
        let nodes: HashMap<String, Node> =
            self.registry.list().into_iter().map(|n| (n.name.clone(), n.into_stored())).collect();
        Ok(st
            .records
            .iter()
            .filter(|(k, _)| only.is_empty() || k.as_str() == only)
            .map(|(_, r)| status::info(r, &r.pending_reason, &st.statuses, &nodes))
            .collect())
    }
}

/// After a failed rollout: the revision it started from is current again
/// (the failed one is not kept in the history, so `rollout undo` never goes
/// back to it).
fn roll_back(rec: &mut WorkloadRecord, to: u64) {
    if let Some(i) = rec.history.iter().rposition(|h| h.revision == to) {
        let good = rec.history.remove(i);
        warn!(workload = %good.name, revision = to, "rollout failed; back to the previous revision");
        rec.spec = Some(good);
        rec.updated_at_ms = now_ms();
    }
}

/// Equal apart from the revision the master sets.
fn same_spec(a: &WorkloadSpec, b: &WorkloadSpec) -> bool {
    let mut a = a.clone();
    let mut b = b.clone();
    a.revision = 0;
    b.revision = 0;
    a == b
}

/// Keeps placement and pushes current: every [`TICK`]. Placement and
/// rollouts are singleton duties: only the leader runs them (and a new
/// leader resumes them from the stored records).
pub async fn run(w: Arc<Workloads>, cluster: crate::cluster::Cluster, mut shutdown: watch::Receiver<bool>) {
    let mut tick = tokio::time::interval(TICK);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = tick.tick() => {
                w.leads.store(cluster.is_leader(), Ordering::Relaxed);
                w.reconcile().await;
            }
            _ = crate::stopped(&mut shutdown) => break,
        }
    }
}
