//! Workloads (issue 14), the agent's side: the desired set the master pushed
//! (persisted in [`desired`], reconciled from disk at start without the
//! master) and the reconciler actor ([`reconcile`]) that drives Podman
//! through [`crate::podman::ops`]. It owns only the containers it labelled,
//! applies restart policy with [`backoff`], runs [`probe`]s, and respects
//! `after` ordering. The session (or, offline, the daemon) takes the state
//! changes it publishes through [`WorkloadsHandle`].
//!
//! # Layout
//! - this file: [`WorkloadsHandle`], shared statuses and the actor's start.
//! - [`reconcile`]: one pass over the desired set and the owned containers.
//! - [`spec`]: the container a spec becomes, and the `after` order.
//! - [`desired`], [`backoff`], [`probe`], [`logs`] (output for `piccoloctl logs`).

pub mod backoff;
pub mod desired;
pub mod logs;
pub mod probe;
pub mod reconcile;
pub mod spec;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

use piccolo_proto::{WorkloadReport, WorkloadSet, WorkloadSetAck, WorkloadStatus};
use tokio::sync::{Notify, watch};
use tracing::{info, warn};

use crate::config::AgentConfig;
use crate::podman::Podman;

/// What the reconciler publishes.
#[derive(Default)]
pub(crate) struct Shared {
    pub statuses: BTreeMap<String, WorkloadStatus>,
    pub changed: BTreeSet<String>,
    pub set_version: u64,
}

/// The session's and daemon's way to the reconciler. Cheap to clone.
#[derive(Clone)]
pub struct WorkloadsHandle {
    shared: Arc<Mutex<Shared>>,
    changed: Arc<Notify>,
    poke: Arc<Notify>,
    desired: Arc<watch::Sender<Option<Arc<WorkloadSet>>>>,
    dir: PathBuf,
    /// A problem found at start (a damaged desired-state file), reported once.
    problem: Arc<Mutex<Option<String>>>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl WorkloadsHandle {
    /// Loads the persisted set and starts the reconciler (when Podman
    /// monitoring is enabled).
    pub fn start(cfg: &AgentConfig, shutdown: watch::Receiver<bool>) -> Self {
        let mut problem = None;
        let initial = match desired::load(&cfg.data_dir) {
            desired::Loaded::None => Some(Arc::new(WorkloadSet::default())),
            desired::Loaded::Set(s) => {
                info!(workloads = s.workloads.len(), version = s.version, "workloads loaded from disk");
                Some(Arc::new(s))
            }
            desired::Loaded::Corrupt(why) => {
                warn!("{why}");
                problem = Some(why);
                None
            }
        };
        let shared = Arc::new(Mutex::new(Shared {
            set_version: initial.as_ref().map(|s| s.version).unwrap_or(0),
            ..Default::default()
        }));
        let (tx, rx) = watch::channel(initial);
        let h = Self {
            shared,
            changed: Arc::new(Notify::new()),
            poke: Arc::new(Notify::new()),
            desired: Arc::new(tx),
            dir: cfg.data_dir.clone(),
            problem: Arc::new(Mutex::new(problem)),
        };
        if cfg.podman_enabled {
            let r = reconcile::Reconciler::new(
                Podman::new(&cfg.podman_socket),
                rx,
                h.poke.clone(),
                h.shared.clone(),
                h.changed.clone(),
            );
            tokio::spawn(r.run(shutdown));
        }
        h
    }

    /// Takes a set the master pushed: persisted (when new), then reconciled.
    pub fn set_desired(&self, set: WorkloadSet) -> WorkloadSetAck {
        let version = set.version;
        let same = self.desired.borrow().as_ref().is_some_and(|s| **s == set);
        if !same {
            if let Err(e) = desired::save(&self.dir, &set) {
                warn!(version, error = %e, "workload set not persisted");
                self.desired.send_replace(Some(Arc::new(set)));
                return WorkloadSetAck { version, ok: false, error: format!("applied but not persisted: {e}") };
            }
            info!(version, workloads = set.workloads.len(), "workload set from the master");
            lock(&self.shared).set_version = version;
            self.desired.send_replace(Some(Arc::new(set)));
        }
        WorkloadSetAck { version, ok: true, error: String::new() }
    }

    /// A change the Podman monitor saw: reconcile soon when it concerns a
    /// workload's container (named after the workload) or Podman came back.
    /// Other containers' events cost the reconciler nothing, so they do not
    /// wake a socket-activated Podman.
    pub fn observe(&self, change: &crate::local::Change) {
        use crate::local::Change;
        let wake = match change {
            Change::Event(ev) => {
                let name = ev.name.as_str();
                self.desired.borrow().as_ref().is_some_and(|s| s.workloads.iter().any(|w| w.name == name))
                    || lock(&self.shared).statuses.contains_key(name)
            }
            Change::Podman(up, _) => *up,
            Change::List | Change::Check(..) => false,
        };
        if wake {
            self.poke.notify_one();
        }
    }

    /// Resolves when state changes are waiting in [`Self::take_changes`].
    pub async fn changed(&self) {
        self.changed.notified().await;
    }

    /// The states that changed since the last call (removed ones are then forgotten).
    pub fn take_changes(&self) -> Option<WorkloadReport> {
        let mut sh = lock(&self.shared);
        if sh.changed.is_empty() {
            return None;
        }
        let names = std::mem::take(&mut sh.changed);
        let mut out = Vec::new();
        for n in names {
            if let Some(s) = sh.statuses.get(&n).cloned() {
                if s.state == "Removed" {
                    sh.statuses.remove(&n);
                }
                out.push(s);
            }
        }
        Some(WorkloadReport { set_version: sh.set_version, workloads: out, full: false })
    }

    /// Every workload's state (sent when a session starts).
    pub fn full_report(&self) -> WorkloadReport {
        let mut sh = lock(&self.shared);
        sh.changed.clear();
        sh.statuses.retain(|_, s| s.state != "Removed");
        WorkloadReport { set_version: sh.set_version, workloads: sh.statuses.values().cloned().collect(), full: true }
    }

    /// A problem found at start, once.
    pub fn take_problem(&self) -> Option<String> {
        lock(&self.problem).take()
    }

    /// How many workloads have a state (for tests and status).
    pub fn managed(&self) -> usize {
        lock(&self.shared).statuses.len()
    }
}
