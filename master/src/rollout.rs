//! Batched config rollouts: a new cluster-wide config (or the previous one, for
//! a rollback) goes to the nodes a batch at a time; each batch must ack the new
//! version and be Ready before the next starts. The first failure (a nack, a
//! node leaving Ready, a batch timeout) stops the rollout and returns every
//! node it touched to the config from before, under a new version.
//! One rollout at a time; its status is kept in memory for `GetRollout`.
//! (A master restart mid-rollout drops the staging: nodes then follow the
//! stored cluster-wide config, which is still the old one.)
//! Among several masters the status is also written to the store
//! (`config/rollout`) on every change, and every master answers
//! `GetRollout` from its copy, followed through the watch.
//!
//! Among several masters a rollout is the leader's (`StartRollout` on
//! another is refused, naming the leader): the staging is shared through
//! the store (`config/staged`, `config/staged-nodes/`) so each master pushes
//! the staged config to the nodes whose sessions it holds, and acks come
//! back in the node records. A new leader that finds the last leader's
//! rollout still running resumes it from its first batch not done, with the
//! same target, batches and timeout ([`resume`]); one whose staging or
//! status it cannot match drops the staging, as a restarted single master
//! does (its nodes follow the stored cluster-wide config again).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use tokio::time::Instant;

use piccolo_common::time::now_ms;
use piccolo_proto::{AgentConfig, NodeState, RolloutBatch, RolloutStatus};
use prost::Message;
use tracing::{info, warn};

use crate::configs::Configs;
use crate::persister::Persister;
use crate::registry::Registry;
use crate::store::PREFIX;

/// Where the status is shared among several masters.
pub fn status_key() -> String {
    format!("{PREFIX}config/rollout")
}

/// What a rollout reads and changes (owned: it runs in its own task).
#[derive(Clone)]
pub struct Rollout {
    pub registry: Arc<Registry>,
    pub configs: Arc<Configs>,
    /// Serialises config changes (with `SetConfig` and topology applies).
    pub config_lock: Arc<tokio::sync::Mutex<()>>,
    pub rollouts: Arc<Rollouts>,
    /// The shortest heartbeat a pushed config may ask for.
    pub min_heartbeat_ms: u32,
    /// Whether other masters share the store (the staging goes there).
    pub shared: bool,
    /// This master's name (in the status, as the one running it).
    pub master: String,
}

/// The current (or last) rollout's status.
#[derive(Default)]
pub struct Rollouts {
    status: Mutex<Option<RolloutStatus>>,
    /// Whether the rollout in `status` runs on this master (false: none
    /// runs, or the status is another master's, followed).
    here: AtomicBool,
    /// Among several masters: where each change goes (write-behind).
    sink: OnceLock<Arc<Persister>>,
}

impl Rollouts {
    /// The status, or a "none" status.
    pub fn status(&self) -> RolloutStatus {
        self.status
            .lock()
            .ok()
            .and_then(|g| g.clone())
            .unwrap_or_else(|| RolloutStatus { state: "none".into(), ..Default::default() })
    }

    /// Among several masters: every change of the status is written to
    /// the store for the others.
    pub fn share_through(&self, persister: Arc<Persister>) {
        let _ = self.sink.set(persister);
    }

    /// Whether a rollout runs on this master now.
    pub fn runs_here(&self) -> bool {
        self.here.load(Ordering::SeqCst)
    }

    fn publish(&self, s: &RolloutStatus) {
        if let Some(sink) = self.sink.get() {
            sink.queue(status_key(), Some(s.encode_to_vec()));
        }
    }

    /// Claims the slot for a new rollout; `false` while one runs here. (A
    /// "running" status another master wrote is a leader's that died: only
    /// the leader starts rollouts, and this one was asked to.)
    pub fn begin(&self, s: RolloutStatus) -> bool {
        let Ok(mut g) = self.status.lock() else { return false };
        if self.runs_here() && g.as_ref().is_some_and(|s| s.state == "running") {
            return false;
        }
        self.here.store(true, Ordering::SeqCst);
        self.publish(&s);
        *g = Some(s);
        true
    }

    fn update(&self, f: impl FnOnce(&mut RolloutStatus)) {
        if let Ok(mut g) = self.status.lock()
            && let Some(s) = g.as_mut()
        {
            f(s);
            if s.state != "running" {
                self.here.store(false, Ordering::SeqCst);
            }
            self.publish(s);
        }
    }

    /// Another master wrote the status (`None`: deleted). Ignored while a
    /// rollout runs here (this master's is the newer).
    pub fn apply_remote(&self, value: Option<&[u8]>) {
        if self.runs_here() {
            return;
        }
        let status = match value.map(RolloutStatus::decode) {
            Some(Ok(s)) => Some(s),
            None => None,
            Some(Err(e)) => {
                warn!(error = %e, "ignoring an undecodable rollout status from another master");
                return;
            }
        };
        if let Ok(mut g) = self.status.lock() {
            *g = status;
        }
    }

    /// A new leader takes over another master's running rollout: it runs
    /// here from now on, under `master`'s name.
    fn take_over(&self, master: &str, message: String) -> Option<RolloutStatus> {
        let Ok(mut g) = self.status.lock() else { return None };
        let s = g.as_mut().filter(|s| s.state == "running")?;
        s.master = master.to_string();
        s.message = message;
        self.here.store(true, Ordering::SeqCst);
        self.publish(s);
        Some(s.clone())
    }

    /// A new leader found another master's rollout still "running": that
    /// master is gone, so is its rollout; the status says so, everywhere.
    pub fn abandon(&self, why: &str) -> bool {
        if self.runs_here() {
            return false;
        }
        let Ok(mut g) = self.status.lock() else { return false };
        let Some(s) = g.as_mut().filter(|s| s.state == "running") else { return false };
        s.state = "failed".into();
        s.message = why.to_string();
        s.finished_at_ms = now_ms();
        for b in s.batches.iter_mut().filter(|b| b.state == "running" || b.state == "waiting") {
            b.state = "failed".into();
        }
        self.publish(s);
        true
    }
}

/// Splits `nodes` into batches of `count`, or of `percent` % (rounded up),
/// or one batch when both are 0.
pub fn batches(nodes: &[String], count: u32, percent: u32) -> Vec<Vec<String>> {
    if nodes.is_empty() {
        return Vec::new();
    }
    let size = if count > 0 {
        count as usize
    } else if percent > 0 {
        (nodes.len() * percent.min(100) as usize).div_ceil(100)
    } else {
        nodes.len()
    };
    nodes.chunks(size.max(1)).map(|c| c.to_vec()).collect()
}

/// The version a nack is about ("version V: reason").
fn nacked_version(error: &str) -> Option<u64> {
    error.strip_prefix("version ")?.split(':').next()?.trim().parse().ok()
}

enum Wait {
    Done { offline: Vec<String> },
    Failed(String),
}

/// Waits until every node of `batch` acked `version` and is Ready (offline
/// nodes are skipped: they get the config when they return).
async fn wait_batch(state: &Rollout, batch: &[String], version: u64, need_ready: bool, timeout: Duration) -> Wait {
    let deadline = Instant::now() + timeout;
    loop {
        let mut offline = Vec::new();
        let mut waiting = Vec::new();
        for name in batch {
            let Some(n) = state.registry.get(name) else { continue };
            if !n.connected {
                offline.push(name.clone());
            } else if n.config_acked_version < version {
                if nacked_version(&n.config_error).is_some_and(|v| v >= version) {
                    return Wait::Failed(format!("node {name} rejected version {version}: {}", n.config_error));
                }
                waiting.push(format!("{name} (not acked)"));
            } else if need_ready && !matches!(n.state(), NodeState::Ready | NodeState::Maintenance) {
                // (Cordoned nodes are out of service on purpose: their ack is enough.)
                waiting.push(format!("{name} ({}: {})", n.state().label(), n.reason));
            }
        }
        if waiting.is_empty() {
            return Wait::Done { offline };
        }
        if Instant::now() >= deadline {
            return Wait::Failed(format!("not acked and Ready within {timeout:?}: {}", waiting.join(", ")));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Among several masters: the staging in the store, so the masters holding
/// the other nodes' sessions push the staged config to them too.
async fn share(state: &Rollout, target: Option<&AgentConfig>, nodes: &[String]) {
    if !state.shared {
        return;
    }
    if let Err(e) = state.configs.share_stage(target, nodes).await {
        warn!(error = %e, "cannot share the rollout's staging with the other masters");
    }
}

fn push(state: &Rollout, nodes: &[String]) {
    for n in nodes {
        state.registry.offer_config(n, state.configs.effective(n));
    }
}

/// What an admin asked for (`StartRollout`).
#[derive(Debug, Default, Clone)]
pub struct Ask {
    pub config: AgentConfig,
    pub unset: Vec<String>,
    pub rollback: bool,
    pub to_version: u64,
    pub batch_count: u32,
    pub batch_percent: u32,
    /// 0: 60 s.
    pub batch_timeout_ms: u32,
}

/// Why a rollout did not start.
#[derive(Debug, thiserror::Error)]
pub enum BeginError {
    /// Bad request: the text says what to change.
    #[error("{0}")]
    Invalid(String),
    /// Not now (another rollout runs, nothing to roll back to).
    #[error("{0}")]
    Refused(String),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

/// Plans a rollout (or rollback) over every node, checks it, claims the one
/// rollout slot and stages the target; the caller then runs [`run`].
pub async fn begin(state: &Rollout, ask: Ask, by: &str) -> Result<(Plan, RolloutStatus), BeginError> {
    if ask.batch_percent > 100 {
        return Err(BeginError::Invalid(format!("batch percentage {} is above 100", ask.batch_percent)));
    }
    let guard = state.config_lock.lock().await;
    let before = state.configs.cluster();
    let (kind, mut target) = if ask.rollback {
        let target =
            state.configs.rollback_target(before.version, ask.to_version).await?.map_err(BeginError::Refused)?;
        ("rollback", target)
    } else {
        if ask.unset.is_empty() && piccolo_common::agent_config::sets_nothing(&ask.config) {
            return Err(BeginError::Invalid("nothing to change: set or unset at least one setting".into()));
        }
        let nodes: Vec<String> = state.registry.list().into_iter().map(|n| n.name.clone()).collect();
        state
            .configs
            .check("", &ask.config, &ask.unset, &nodes, state.min_heartbeat_ms)
            .map_err(BeginError::Invalid)?;
        let mut t = before.clone();
        crate::configs::overlay(&mut t, &ask.config);
        piccolo_common::agent_config::unset(&mut t, &ask.unset).map_err(BeginError::Invalid)?;
        ("rollout", t)
    };
    target.version = state.configs.next_version();
    let mut nodes: Vec<String> = state.registry.list().into_iter().map(|n| n.name.clone()).collect();
    nodes.sort();
    let timeout = if ask.batch_timeout_ms == 0 { 60_000 } else { ask.batch_timeout_ms };
    let plan = Plan {
        batches: batches(&nodes, ask.batch_count, ask.batch_percent),
        before,
        target: target.clone(),
        batch_timeout: Duration::from_millis(u64::from(timeout)),
        kind,
        by: by.to_string(),
    };
    let mut status = initial_status(&plan, state.rollouts.status().id + 1);
    status.master = state.master.clone();
    if !state.rollouts.begin(status.clone()) {
        return Err(BeginError::Refused(
            "a rollout is already running; follow it with `piccoloctl config rollout-status`".into(),
        ));
    }
    state.configs.stage(target);
    drop(guard);
    Ok((plan, status))
}

/// What to roll out.
pub struct Plan {
    pub before: AgentConfig,
    pub target: AgentConfig,
    pub batches: Vec<Vec<String>>,
    pub batch_timeout: Duration,
    pub kind: &'static str,
    pub by: String,
}

/// Runs a rollout to its end (the caller already claimed the slot and staged
/// the target).
pub async fn run(state: Rollout, plan: Plan) {
    run_from(state, plan, 0).await
}

/// A new leader's take-over of the last leader's unfinished rollout: the
/// plan rebuilt from the shared status and staging, and the batch to go on
/// from (the first not done; a batch that was running runs again: its
/// nodes' acks are already in their records, so it passes at once when they
/// acked and are Ready). `None` (and the caller abandons it) when this
/// master's copy does not hold a running rollout whose staged target and
/// starting config it can match.
pub fn resume(state: &Rollout) -> Option<(Plan, usize)> {
    let status = state.rollouts.status();
    if status.state != "running" || state.rollouts.runs_here() {
        return None;
    }
    let target = state.configs.staged_target().filter(|t| t.version == status.to_version)?;
    let before = state.configs.cluster();
    if before.version != status.from_version {
        return None;
    }
    let kind = match status.kind.as_str() {
        "rollback" => "rollback",
        _ => "rollout",
    };
    let start = status.batches.iter().position(|b| b.state != "done")?;
    let timeout = if status.batch_timeout_ms == 0 { 60_000 } else { status.batch_timeout_ms };
    let plan = Plan {
        batches: status.batches.iter().map(|b| b.nodes.clone()).collect(),
        before,
        target,
        batch_timeout: Duration::from_millis(u64::from(timeout)),
        kind,
        by: status.by.clone(),
    };
    let message = format!("resumed at batch {} by {}, the new leader", start + 1, state.master);
    state.rollouts.take_over(&state.master, message)?;
    Some((plan, start))
}

/// Runs `plan` from batch `start` (the ones before it are done).
pub async fn run_from(state: Rollout, plan: Plan, start: usize) {
    let version = plan.target.version;
    let mut touched: Vec<String> = plan.batches.iter().take(start).flatten().cloned().collect();
    let mut failure = None;
    for (i, batch) in plan.batches.iter().enumerate().skip(start) {
        state.rollouts.update(|s| s.batches[i].state = "running".into());
        state.configs.stage_nodes(batch);
        share(&state, Some(&plan.target), batch).await;
        push(&state, batch);
        touched.extend(batch.iter().cloned());
        match wait_batch(&state, batch, version, true, plan.batch_timeout).await {
            Wait::Done { offline } => {
                info!(batch = i + 1, version, "rollout batch done");
                state.rollouts.update(|s| {
                    s.batches[i].state = "done".into();
                    s.batches[i].offline = offline;
                });
            }
            Wait::Failed(why) => {
                warn!(batch = i + 1, version, error = %why, "rollout batch failed; rolling back");
                state.rollouts.update(|s| {
                    s.batches[i].state = "failed".into();
                    s.batches[i].error = why.clone();
                });
                failure = Some(format!("batch {} failed: {why}", i + 1));
                break;
            }
        }
    }
    let _guard = state.config_lock.lock().await;
    let Some(failure) = failure else {
        let ok = state.configs.set_cluster(plan.target.clone(), plan.kind, &plan.by).await;
        state.configs.unstage();
        share(&state, None, &[]).await;
        let all: Vec<String> = state.registry.list().into_iter().map(|n| n.name.clone()).collect();
        push(&state, &all);
        state.rollouts.update(|s| {
            s.finished_at_ms = now_ms();
            match ok {
                Ok(()) => {
                    s.state = "succeeded".into();
                    s.message = format!("every batch acked version {version} and is Ready");
                }
                Err(e) => {
                    s.state = "failed".into();
                    s.message = format!("could not store the final config: {e}");
                }
            }
        });
        return;
    };
    // Stop and return the touched nodes to the config from before.
    let mut restored = plan.before.clone();
    restored.version = state.configs.next_version();
    let stored = state.configs.set_cluster(restored.clone(), "restore after failed rollout", &plan.by).await;
    state.configs.unstage();
    share(&state, None, &[]).await;
    push(&state, &touched);
    drop(_guard);
    let back = match (&stored, wait_batch(&state, &touched, restored.version, false, plan.batch_timeout).await) {
        (Err(e), _) => format!("; the previous config could not be stored: {e}"),
        (Ok(()), Wait::Done { .. }) => format!("; {} node(s) returned to the previous config", touched.len()),
        (Ok(()), Wait::Failed(why)) => format!("; returning to the previous config: {why}"),
    };
    state.rollouts.update(|s| {
        s.state = "failed".into();
        s.rolled_back_to_version = restored.version;
        s.message = format!("{failure}{back}");
        s.finished_at_ms = now_ms();
        for b in s.batches.iter_mut() {
            if b.state == "done" || b.state == "failed" {
                b.state = "rolled-back".into();
            }
        }
    });
}

/// A new status for `plan`.
pub fn initial_status(plan: &Plan, id: u64) -> RolloutStatus {
    RolloutStatus {
        id,
        kind: plan.kind.into(),
        state: "running".into(),
        from_version: plan.before.version,
        to_version: plan.target.version,
        batches: plan
            .batches
            .iter()
            .map(|b| RolloutBatch { nodes: b.clone(), state: "waiting".into(), ..Default::default() })
            .collect(),
        started_at_ms: now_ms(),
        batch_timeout_ms: u32::try_from(plan.batch_timeout.as_millis()).unwrap_or(u32::MAX),
        by: plan.by.clone(),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("n{i}")).collect()
    }

    #[test]
    fn batch_sizes() {
        let sizes = |b: Vec<Vec<String>>| b.iter().map(|b| b.len()).collect::<Vec<_>>();
        assert_eq!(sizes(batches(&names(5), 2, 0)), vec![2, 2, 1]);
        assert_eq!(sizes(batches(&names(4), 0, 25)), vec![1, 1, 1, 1]);
        assert_eq!(sizes(batches(&names(5), 0, 50)), vec![3, 2]);
        assert_eq!(sizes(batches(&names(3), 0, 0)), vec![3]);
        assert_eq!(sizes(batches(&names(3), 0, 1)), vec![1, 1, 1]);
        assert!(batches(&[], 2, 0).is_empty());
    }

    #[test]
    fn another_masters_status_is_followed_and_a_dead_leaders_running_one_is_abandoned() {
        let r = Rollouts::default();
        assert_eq!(r.status().state, "none");
        let running = RolloutStatus {
            id: 3,
            state: "running".into(),
            batches: vec![RolloutBatch { state: "running".into(), ..Default::default() }],
            ..Default::default()
        };
        r.apply_remote(Some(&running.encode_to_vec()));
        assert_eq!(r.status(), running, "the leader's status, followed");
        assert!(!r.runs_here());
        // This master leads now: the old leader's rollout is over, and a new
        // one may start.
        assert!(r.abandon("gone"));
        let s = r.status();
        assert_eq!((s.state.as_str(), s.message.as_str(), s.batches[0].state.as_str()), ("failed", "gone", "failed"));
        assert!(r.begin(RolloutStatus { id: 4, state: "running".into(), ..Default::default() }));
        assert!(r.runs_here());
        // While it runs here, another master's write does not replace it.
        r.apply_remote(Some(&running.encode_to_vec()));
        assert_eq!(r.status().id, 4);
        assert!(!r.begin(RolloutStatus { id: 5, state: "running".into(), ..Default::default() }), "one at a time");
        r.update(|s| s.state = "succeeded".into());
        assert!(!r.runs_here());
        assert!(!r.abandon("nothing runs"));
    }

    #[test]
    fn nack_versions() {
        assert_eq!(nacked_version("version 12: bad"), Some(12));
        assert_eq!(nacked_version("something"), None);
    }
}
