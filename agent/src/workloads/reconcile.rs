//! The reconciler actor: on every change of the desired set, container event
//! or due timer (restart backoff, liveness period) it removes owned
//! containers no longer wanted and brings each desired workload (in `after`
//! order) to running: create (pulling the image when missing), start, restart
//! with backoff per policy, replace when the revision changed. Containers
//! without the agent's label are never touched; a clash with one is reported.
//! A healthy container is left alone, so a reconnect or an agent restart
//! keeps the same container IDs.
//!
//! Event-driven (issue 18): the container list is asked of Podman only when
//! it may have changed (at start, on a new desired set, on an event for a
//! workload's container, after the reconciler acted itself). A timer wake
//! (backoff due, liveness period) works from the list it already has, so a
//! steady device with managed workloads leaves a socket-activated Podman
//! service idle; what changes behind the agent's back shows up in Podman's
//! event log, which pokes the reconciler.
//!
//! # Layout
//! - this file: the actor, its memory and one pass over all workloads;
//! - [`step`]: what one workload needs next (wait, create, probe, restart);
//! - [`launch`]: the creates and starts a pass queued, run side by side,
//!   and their bookkeeping (backoff on failure).

mod launch;
mod step;

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use piccolo_common::time::now_ms;
use piccolo_proto::{WorkloadSet, WorkloadSpec, WorkloadStatus};
use tokio::sync::{Notify, watch};
use tracing::{info, warn};

use super::spec::order;
use super::{Shared, lock};
use crate::podman::ops::{LABEL_REVISION, LABEL_WORKLOAD, Owned};
use crate::podman::{Podman, PodmanError};

/// Wake-up when no timer is due (a pass then asks Podman nothing).
const IDLE: Duration = Duration::from_secs(3600);
/// A second look after the reconciler acted, in case the event of its own
/// action is slow to arrive (one short burst, not a period).
const SETTLE: Duration = Duration::from_secs(1);
/// What the reconciler remembers per workload between passes.
#[derive(Debug, Default)]
struct Runtime {
    revision: u64,
    restarts: u32,
    backoff: Option<Duration>,
    retry_at: Option<Instant>,
    /// Why the last attempt failed (kept while backing off).
    failure: String,
    probe_failures: u32,
    next_probe: Option<Instant>,
    healthy: bool,
    /// The container was stopped for failing its liveness check.
    killed_unhealthy: bool,
    /// Set once the reconciler has seen the container: an agent that just
    /// started restarts exited containers at once (a device reboot).
    seen: bool,
}

pub(crate) struct Reconciler {
    podman: Podman,
    desired: watch::Receiver<Option<Arc<WorkloadSet>>>,
    poke: Arc<Notify>,
    shared: Arc<Mutex<Shared>>,
    changed: Arc<Notify>,
    rt: HashMap<String, Runtime>,
    /// An empty set was reconciled once (leftovers removed): later passes
    /// with an empty set need not ask Podman.
    swept_empty: bool,
    /// The containers as last listed: owned ones by workload, others by name.
    view: View,
    /// The list may be out of date: the next pass asks Podman again.
    stale: bool,
    /// The reconciler changed a container during the pass.
    acted: bool,
    /// How many times the container list was fetched (for tests and logs).
    lists: u64,
    /// Creates and starts queued during this pass.
    starts: Vec<PendingStart>,
    /// A workload waits for another one (`after`) in this pass.
    waiting: bool,
}

/// A container to create and start, or start, once the pass has looked at
/// every workload (see [`launch`]).
struct PendingStart {
    spec: WorkloadSpec,
    launch: launch::Launch,
}

/// The containers as last listed.
#[derive(Default)]
struct View {
    owned: HashMap<String, Owned>,
    foreign: HashMap<String, Owned>,
}

impl Reconciler {
    pub fn new(
        podman: Podman,
        desired: watch::Receiver<Option<Arc<WorkloadSet>>>,
        poke: Arc<Notify>,
        shared: Arc<Mutex<Shared>>,
        changed: Arc<Notify>,
    ) -> Self {
        Self {
            podman,
            desired,
            poke,
            shared,
            changed,
            rt: HashMap::new(),
            swept_empty: false,
            view: View::default(),
            stale: true,
            acted: false,
            lists: 0,
            starts: Vec::new(),
            waiting: false,
        }
    }

    pub async fn run(mut self, mut shutdown: watch::Receiver<bool>) {
        loop {
            let wake = self.pass().await;
            let sleep = wake.saturating_duration_since(Instant::now());
            tokio::select! {
                r = self.desired.changed() => {
                    if r.is_err() { break }
                    self.stale = true;
                }
                _ = self.poke.notified() => self.stale = true,
                _ = tokio::time::sleep(sleep) => {}
                _ = crate::stopped(&mut shutdown) => break,
            }
        }
    }

    /// Refreshes the container list when it may be out of date.
    async fn refresh(&mut self) -> Result<(), PodmanError> {
        if !self.stale {
            return Ok(());
        }
        let all = self.podman.list_all().await?;
        self.lists += 1;
        let mut view = View::default();
        for c in all {
            match c.label(LABEL_WORKLOAD) {
                Some(w) => {
                    view.owned.insert(w.to_string(), c);
                }
                None => {
                    view.foreign.insert(c.name().to_string(), c);
                }
            }
        }
        tracing::debug!(lists = self.lists, owned = view.owned.len(), "workloads: container list refreshed");
        self.view = view;
        self.stale = false;
        Ok(())
    }

    fn publish(&self, s: WorkloadStatus) {
        let mut sh = lock(&self.shared);
        let same = sh.statuses.get(&s.name).is_some_and(|o| {
            o.state == s.state
                && o.reason == s.reason
                && o.restarts == s.restarts
                && o.container_id == s.container_id
                && o.revision == s.revision
        });
        if !same {
            sh.changed.insert(s.name.clone());
            sh.statuses.insert(s.name.clone(), s);
            drop(sh);
            self.changed.notify_one();
        }
    }

    fn state_of(&self, name: &str) -> Option<String> {
        lock(&self.shared).statuses.get(name).map(|s| s.state.clone())
    }

    /// One pass; when the next one is due.
    async fn pass(&mut self) -> Instant {
        let now = Instant::now();
        let mut wake = now + IDLE;
        let Some(set) = self.desired.borrow().clone() else {
            // The persisted set was damaged: touch nothing until the master sends one.
            return wake;
        };
        // Nothing wanted and nothing left to clean up: no Podman request at all
        // (a socket-activated Podman service may exit when idle).
        let idle = set.workloads.is_empty() && lock(&self.shared).statuses.is_empty();
        if idle && self.swept_empty {
            return now + Duration::from_secs(3600);
        }
        if let Err(e) = self.refresh().await {
            warn!(error = %e, "workloads: cannot list containers");
            return now + Duration::from_secs(2);
        }
        self.acted = false;
        self.waiting = false;
        let View { owned, foreign } = std::mem::take(&mut self.view);
        let wanted: BTreeMap<&str, &WorkloadSpec> = set.workloads.iter().map(|w| (w.name.as_str(), w)).collect();
        for (name, c) in &owned {
            if !wanted.contains_key(name.as_str()) {
                info!(workload = %name, container = %c.id, "workload removed from the desired set; removing its container");
                self.acted = true;
                if let Err(e) = self.podman.remove(&c.id).await {
                    warn!(workload = %name, error = %e, "could not remove container; will retry");
                    continue;
                }
                self.rt.remove(name);
                let revision = c.label(LABEL_REVISION).and_then(|r| r.parse().ok()).unwrap_or(0);
                self.publish(status(name, revision, "Removed", "", 0, &c.id));
            }
        }
        // Forget workloads that are gone without a container.
        let stale: Vec<String> = {
            let sh = lock(&self.shared);
            sh.statuses
                .keys()
                .filter(|n| !wanted.contains_key(n.as_str()) && !owned.contains_key(*n))
                .filter(|n| sh.statuses.get(*n).is_some_and(|s| s.state != "Removed"))
                .cloned()
                .collect()
        };
        for n in stale {
            self.rt.remove(&n);
            self.publish(status(&n, 0, "Removed", "", 0, ""));
        }
        self.swept_empty = idle;
        for w in order(&set.workloads) {
            let next = self.step(w, owned.get(&w.name), foreign.get(&w.name)).await;
            if let Some(n) = next {
                wake = wake.min(n);
            }
        }
        let launched = !self.starts.is_empty();
        if let Some(n) = self.start_queued().await {
            wake = wake.min(n);
        }
        if launched && self.waiting {
            // What waited (`after`) may go now: look again at once instead
            // of waiting for the events of these starts.
            wake = Instant::now();
        }
        self.view = View { owned, foreign };
        if self.acted {
            // What the list says is no longer true: look again after the
            // events of these actions (or a short settle time).
            self.stale = true;
            wake = wake.min(Instant::now() + SETTLE);
        }
        wake
    }
}

fn short(id: &str) -> &str {
    &id[..id.len().min(12)]
}

fn status(name: &str, revision: u64, state: &str, reason: &str, restarts: u32, id: &str) -> WorkloadStatus {
    WorkloadStatus {
        name: name.into(),
        revision,
        state: state.into(),
        reason: reason.into(),
        restarts,
        container_id: id.into(),
        time_ms: now_ms(),
    }
}
