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

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use piccolo_common::time::now_ms;
use piccolo_proto::{WorkloadSet, WorkloadSpec, WorkloadStatus};
use tokio::sync::{Notify, watch};
use tracing::{info, warn};

use super::spec::{create_spec, order};
use super::{Shared, backoff, lock, probe};
use crate::podman::ops::{LABEL_REVISION, LABEL_WORKLOAD, Owned};
use crate::podman::{Podman, PodmanError};

/// Wake-up when no timer is due (a pass then asks Podman nothing).
const IDLE: Duration = Duration::from_secs(3600);
/// Containers started side by side in one pass.
const START_AT_ONCE: usize = 8;
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
    /// Starts queued during this pass.
    starts: Vec<PendingStart>,
}

/// A container to start once the pass has looked at every workload.
struct PendingStart {
    spec: WorkloadSpec,
    id: String,
    never_started: bool,
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
        if let Some(n) = self.start_queued().await {
            wake = wake.min(n);
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

    /// Brings one workload towards running; when it wants another look.
    async fn step(&mut self, w: &WorkloadSpec, c: Option<&Owned>, clash: Option<&Owned>) -> Option<Instant> {
        let now = Instant::now();
        let rt = self.rt.entry(w.name.clone()).or_default();
        if rt.revision != w.revision {
            *rt = Runtime { revision: w.revision, seen: rt.seen, ..Default::default() };
        }
        let restarts = rt.restarts;
        // Start order: wait for what this one starts after (same node).
        for a in &w.after {
            let (dep, cond) = a.split_once(':').unwrap_or((a.as_str(), "running"));
            let got = self.state_of(dep).unwrap_or_default();
            let ok = match cond {
                "healthy" => got == "Healthy" || got == "Running" && !has_liveness(dep, &self.desired),
                "succeeded" => got == "Succeeded",
                _ => got == "Running" || got == "Healthy",
            };
            if !ok && c.is_none_or(|c| !c.running()) {
                self.publish(status(
                    &w.name,
                    w.revision,
                    "Pending",
                    &format!("waiting for {dep}:{cond}"),
                    restarts,
                    "",
                ));
                return None;
            }
        }
        let mut current = c.cloned();
        if let Some(old) = &current
            && old.label(LABEL_REVISION) != Some(w.revision.to_string().as_str())
        {
            info!(workload = %w.name, revision = w.revision, "spec changed: replacing the container");
            self.acted = true;
            if let Err(e) = self.podman.remove(&old.id).await {
                self.publish(status(&w.name, w.revision, "Failed", &format!("RemoveFailed: {e}"), restarts, &old.id));
                return Some(now + Duration::from_secs(2));
            }
            current = None;
        }
        let rt = self.rt.entry(w.name.clone()).or_default();
        let Some(c) = current else {
            if let Some(f) = clash {
                let why = format!(
                    "NameClash: a container named {:?} ({}) exists that piccolo does not manage; it is left untouched: rename or remove it",
                    w.name,
                    short(&f.id)
                );
                self.publish(status(&w.name, w.revision, "Failed", &why, restarts, ""));
                return None;
            }
            if let Some(at) = rt.retry_at.filter(|at| *at > now) {
                let why = rt.failure.clone();
                self.publish(status(&w.name, w.revision, "BackOff", &why, restarts, ""));
                return Some(at);
            }
            self.publish(status(&w.name, w.revision, "Creating", "", restarts, ""));
            self.acted = true;
            return match self.create_and_start(w).await {
                Ok(id) => {
                    let rt = self.rt.entry(w.name.clone()).or_default();
                    rt.retry_at = None;
                    rt.seen = true;
                    rt.next_probe = w.liveness.as_ref().map(|l| now + Duration::from_millis(u64::from(l.period_ms)));
                    self.publish(status(&w.name, w.revision, "Running", "", restarts, &id));
                    rt_next_probe(&self.rt, &w.name)
                }
                Err(why) => Some(self.back_off(w, why, "", Duration::ZERO)),
            };
        };
        if c.running() {
            let rt = self.rt.entry(w.name.clone()).or_default();
            rt.seen = true;
            let Some(l) = &w.liveness else {
                self.publish(status(&w.name, w.revision, "Running", "", restarts, &c.id));
                return None;
            };
            let period = Duration::from_millis(u64::from(l.period_ms.max(100)));
            let due = rt.next_probe.is_none_or(|t| t <= now);
            if !due {
                let state = if rt.healthy { "Healthy" } else { "Running" };
                let next = rt.next_probe;
                self.publish(status(&w.name, w.revision, state, "", restarts, &c.id));
                return next;
            }
            let result = probe::run(l, &self.podman, &c.id).await;
            let rt = self.rt.entry(w.name.clone()).or_default();
            rt.next_probe = Some(Instant::now() + period);
            match result {
                Ok(()) => {
                    rt.probe_failures = 0;
                    rt.healthy = true;
                    self.publish(status(&w.name, w.revision, "Healthy", "", restarts, &c.id));
                }
                Err(why) => {
                    rt.probe_failures += 1;
                    if rt.probe_failures >= l.failure_threshold.max(1) {
                        warn!(workload = %w.name, reason = %why, "liveness failed; restarting");
                        rt.killed_unhealthy = true;
                        rt.healthy = false;
                        rt.probe_failures = 0;
                        self.publish(status(&w.name, w.revision, "Unhealthy", &why, restarts, &c.id));
                        self.acted = true;
                        if let Err(e) = self.podman.stop(&c.id, 2).await {
                            warn!(workload = %w.name, error = %e, "could not stop the unhealthy container");
                        }
                        return Some(Instant::now());
                    }
                    let state = if rt.healthy { "Healthy" } else { "Running" };
                    self.publish(status(&w.name, w.revision, state, &why, restarts, &c.id));
                }
            }
            return rt_next_probe(&self.rt, &w.name);
        }
        // Exited, stopped or never started.
        let rt = self.rt.entry(w.name.clone()).or_default();
        let killed = std::mem::take(&mut rt.killed_unhealthy);
        let fresh = !rt.seen;
        rt.seen = true;
        let never_started = c.state == "created" || c.state == "configured";
        let restart = never_started
            || match w.restart.as_str() {
                "never" => false,
                "on-failure" => c.exit_code != 0 || killed,
                _ => true,
            };
        if !restart {
            let (state, why) = if c.exit_code == 0 {
                ("Succeeded", String::new())
            } else {
                ("Failed", format!("exited with code {}", c.exit_code))
            };
            self.publish(status(&w.name, w.revision, state, &why, restarts, &c.id));
            return None;
        }
        if rt.retry_at.is_none() && !fresh && !never_started {
            let ran = if c.started_at > 0 {
                Duration::from_millis(u64::try_from(now_ms() - c.started_at * 1000).unwrap_or(0))
            } else {
                Duration::ZERO
            };
            let why = if killed {
                "restarting after failing its liveness check".to_string()
            } else {
                format!("exited with code {}", c.exit_code)
            };
            return Some(self.back_off(w, why, &c.id, ran));
        }
        if let Some(at) = rt.retry_at.filter(|at| *at > now) {
            let why = rt.failure.clone();
            self.publish(status(&w.name, w.revision, "BackOff", &why, restarts, &c.id));
            return Some(at);
        }
        // Started with the others due in this pass, side by side (a device
        // that rebooted starts all its workloads at once).
        self.acted = true;
        self.starts.push(PendingStart { spec: w.clone(), id: c.id.clone(), never_started });
        None
    }

    /// Starts the containers [`Self::step`] queued, [`START_AT_ONCE`] at a
    /// time; when the next look is due.
    async fn start_queued(&mut self) -> Option<Instant> {
        let queued = std::mem::take(&mut self.starts);
        let mut wake: Option<Instant> = None;
        for chunk in queued.chunks(START_AT_ONCE) {
            let mut set = tokio::task::JoinSet::new();
            for (i, s) in chunk.iter().enumerate() {
                let (podman, id) = (self.podman.clone(), s.id.clone());
                set.spawn(async move { (i, podman.start(&id).await) });
            }
            while let Some(done) = set.join_next().await {
                let Ok((i, result)) = done else { continue };
                let s = &chunk[i];
                if let Some(n) = self.started(s, result) {
                    wake = Some(wake.map_or(n, |w| w.min(n)));
                }
            }
        }
        wake
    }

    /// Bookkeeping after a queued start.
    fn started(&mut self, s: &PendingStart, result: Result<(), PodmanError>) -> Option<Instant> {
        let w = &s.spec;
        match result {
            Ok(()) => {
                let rt = self.rt.entry(w.name.clone()).or_default();
                rt.retry_at = None;
                if !s.never_started {
                    rt.restarts += 1;
                }
                let now = Instant::now();
                rt.next_probe = w.liveness.as_ref().map(|l| now + Duration::from_millis(u64::from(l.period_ms)));
                let restarts = rt.restarts;
                info!(workload = %w.name, restarts, "container started again");
                self.publish(status(&w.name, w.revision, "Running", "", restarts, &s.id));
                rt_next_probe(&self.rt, &w.name)
            }
            Err(e) => Some(self.back_off(w, start_failure(&e), &s.id, Duration::ZERO)),
        }
    }

    /// Records a failure and when to try again.
    fn back_off(&mut self, w: &WorkloadSpec, why: String, id: &str, ran: Duration) -> Instant {
        let rt = self.rt.entry(w.name.clone()).or_default();
        let wait = backoff::next(rt.backoff, ran);
        rt.backoff = Some(wait);
        let at = Instant::now() + wait;
        rt.retry_at = Some(at);
        rt.failure = format!("{why}; retrying in {}s", wait.as_secs());
        let (restarts, failure) = (rt.restarts, rt.failure.clone());
        warn!(workload = %w.name, reason = %failure, "workload backing off");
        self.publish(status(&w.name, w.revision, "BackOff", &failure, restarts, id));
        at
    }

    async fn create_and_start(&self, w: &WorkloadSpec) -> Result<String, String> {
        match self.podman.image_exists(&w.image).await {
            Ok(true) => {}
            Ok(false) => {
                if let Err(e) = self.podman.pull(&w.image).await {
                    return Err(format!("ImagePullFailed: {}", podman_message(&e)));
                }
            }
            Err(e) => return Err(format!("PodmanUnavailable: {e}")),
        }
        let id =
            self.podman.create(&create_spec(w)).await.map_err(|e| format!("CreateFailed: {}", podman_message(&e)))?;
        if let Err(e) = self.podman.start(&id).await {
            return Err(start_failure(&e));
        }
        info!(workload = %w.name, revision = w.revision, container = %short(&id), "workload started");
        Ok(id)
    }
}

fn rt_next_probe(rt: &HashMap<String, Runtime>, name: &str) -> Option<Instant> {
    rt.get(name).and_then(|r| r.next_probe)
}

fn has_liveness(name: &str, desired: &watch::Receiver<Option<Arc<WorkloadSet>>>) -> bool {
    desired.borrow().as_ref().is_some_and(|s| s.workloads.iter().any(|w| w.name == name && w.liveness.is_some()))
}

fn podman_message(e: &PodmanError) -> String {
    match e {
        PodmanError::Api { message, .. } => message.clone(),
        e => e.to_string(),
    }
}

fn start_failure(e: &PodmanError) -> String {
    let m = podman_message(e);
    if m.contains("address already in use") || m.contains("port is already allocated") {
        format!("PortInUse: {m}")
    } else {
        format!("StartFailed: {m}")
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
