//! One workload's next move in a pass: wait for what it starts `after`,
//! replace it when its revision changed, report a name clash, queue its
//! create or start (see [`super::launch`]), probe its liveness, or apply its
//! restart policy with backoff once it exited.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use piccolo_common::time::now_ms;
use piccolo_proto::{WorkloadSet, WorkloadSpec};
use tokio::sync::watch;
use tracing::{info, warn};

use super::launch::Launch;
use super::{PendingStart, Reconciler, Runtime, short, status};
use crate::podman::ops::{LABEL_REVISION, Owned};
use crate::workloads::probe;

impl Reconciler {
    /// Brings one workload towards running; when it wants another look.
    pub(super) async fn step(&mut self, w: &WorkloadSpec, c: Option<&Owned>, clash: Option<&Owned>) -> Option<Instant> {
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
                self.waiting = true;
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
            self.starts.push(PendingStart { spec: w.clone(), launch: Launch::Create });
            return None;
        };
        if c.running() {
            return self.running(w, &c, now, restarts).await;
        }
        self.exited(w, &c, now, restarts)
    }

    /// A running container: its liveness probe when one is due.
    async fn running(&mut self, w: &WorkloadSpec, c: &Owned, now: Instant, restarts: u32) -> Option<Instant> {
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
        rt_next_probe(&self.rt, &w.name)
    }

    /// An exited, stopped or never started container: start it (queued),
    /// back off, or leave it finished, per the restart policy.
    fn exited(&mut self, w: &WorkloadSpec, c: &Owned, now: Instant, restarts: u32) -> Option<Instant> {
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
        // Started with the others due in this pass, side by side.
        self.acted = true;
        self.starts.push(PendingStart { spec: w.clone(), launch: Launch::Start { id: c.id.clone(), never_started } });
        None
    }
}

fn rt_next_probe(rt: &HashMap<String, Runtime>, name: &str) -> Option<Instant> {
    rt.get(name).and_then(|r| r.next_probe)
}

fn has_liveness(name: &str, desired: &watch::Receiver<Option<Arc<WorkloadSet>>>) -> bool {
    desired.borrow().as_ref().is_some_and(|s| s.workloads.iter().any(|w| w.name == name && w.liveness.is_some()))
}
