//! The creates and starts a pass queued, run side by side (up to
//! [`AT_ONCE`], a sliding window so one slow start holds back no other: a
//! device that rebooted starts all its workloads at once, an `apply` of many
//! creates them together), and their bookkeeping: Running, or a failure with
//! its backoff.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use piccolo_proto::WorkloadSpec;
use tracing::{info, warn};

use super::{PendingStart, Reconciler, short, status};
use crate::podman::{Podman, PodmanError};
use crate::workloads::backoff;
use crate::workloads::spec::create_spec;

/// Creates and starts in flight at once.
const AT_ONCE: usize = 32;

/// What a queued workload needs.
pub(super) enum Launch {
    /// No container yet: create (pulling the image when Podman has none), then start.
    Create,
    /// The container exists and is not running.
    Start { id: String, never_started: bool },
}

impl Reconciler {
    /// Runs what [`Self::step`] queued, up to [`AT_ONCE`] side by side; when
    /// the next look is due.
    pub(super) async fn start_queued(&mut self) -> Option<Instant> {
        let mut queued = std::mem::take(&mut self.starts).into_iter().enumerate();
        let mut pending: HashMap<usize, PendingStart> = HashMap::new();
        let mut set = tokio::task::JoinSet::new();
        let mut wake: Option<Instant> = None;
        loop {
            while set.len() < AT_ONCE {
                let Some((i, s)) = queued.next() else { break };
                let podman = self.podman.clone();
                let job = match &s.launch {
                    Launch::Create => Job::Create(Box::new(s.spec.clone())),
                    Launch::Start { id, .. } => Job::Start(id.clone()),
                };
                set.spawn(async move { (i, job.run(&podman).await) });
                pending.insert(i, s);
            }
            let Some(done) = set.join_next().await else { break };
            let Ok((i, result)) = done else { continue };
            let Some(s) = pending.remove(&i) else { continue };
            let n = self.launched(&s, result);
            wake = Some(wake.map_or(n, |w| w.min(n)));
        }
        wake
    }

    /// Bookkeeping after a queued create or start: when to look again
    /// (the liveness probe, or the retry after a failure); far off when
    /// nothing is due.
    fn launched(&mut self, s: &PendingStart, result: Result<String, String>) -> Instant {
        let w = &s.spec;
        let far = Instant::now() + super::IDLE;
        match result {
            Ok(id) => {
                let rt = self.rt.entry(w.name.clone()).or_default();
                rt.retry_at = None;
                rt.seen = true;
                if let Launch::Start { never_started: false, .. } = s.launch {
                    rt.restarts += 1;
                    info!(workload = %w.name, restarts = rt.restarts, "container started again");
                }
                let now = Instant::now();
                rt.next_probe = w.liveness.as_ref().map(|l| now + Duration::from_millis(u64::from(l.period_ms)));
                let (restarts, next) = (rt.restarts, rt.next_probe);
                self.publish(status(&w.name, w.revision, "Running", "", restarts, &id));
                next.unwrap_or(far)
            }
            Err(why) => {
                let id = match &s.launch {
                    Launch::Start { id, .. } => id.as_str(),
                    Launch::Create => "",
                };
                self.back_off(w, why, id, Duration::ZERO)
            }
        }
    }

    /// Records a failure and when to try again.
    pub(super) fn back_off(&mut self, w: &WorkloadSpec, why: String, id: &str, ran: Duration) -> Instant {
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
}

/// One queued piece of work, run on its own task.
enum Job {
    Create(Box<WorkloadSpec>),
    Start(String),
}

impl Job {
    /// The container's ID, or why it could not be made to run.
    async fn run(self, podman: &Podman) -> Result<String, String> {
        match self {
            Job::Create(w) => create_and_start(podman, &w).await,
            Job::Start(id) => podman.start(&id).await.map(|()| id).map_err(|e| start_failure(&e)),
        }
    }
}

/// Creates (pulling the image only when Podman says it has none: the image
/// is nearly always there, so no round trip is spent asking first) and starts.
async fn create_and_start(podman: &Podman, w: &WorkloadSpec) -> Result<String, String> {
    let spec = create_spec(w);
    let id = match podman.create(&spec).await {
        Ok(id) => id,
        Err(e) if no_such_image(&e) => {
            if let Err(e) = podman.pull(&w.image).await {
                return Err(format!("ImagePullFailed: {}", podman_message(&e)));
            }
            podman.create(&spec).await.map_err(|e| format!("CreateFailed: {}", podman_message(&e)))?
        }
        Err(e @ PodmanError::Api { .. }) => return Err(format!("CreateFailed: {}", podman_message(&e))),
        Err(e) => return Err(format!("PodmanUnavailable: {e}")),
    };
    if let Err(e) = podman.start(&id).await {
        return Err(start_failure(&e));
    }
    info!(workload = %w.name, revision = w.revision, container = %short(&id), "workload started");
    Ok(id)
}

/// Podman's answer to a create naming an image it does not have (libpod
/// 4.x: 500 "...: image not known"; 404 "no such image" elsewhere).
fn no_such_image(e: &PodmanError) -> bool {
    match e {
        PodmanError::Api { status, message, .. } => {
            let m = message.to_ascii_lowercase();
            m.contains("image not known") || (*status == 404 && m.contains("no such image"))
        }
        _ => false,
    }
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
