//! Admin handlers for batched config rollouts and the config history.

use std::sync::Arc;
use std::time::Duration;

use piccolo_proto::*;
use tonic::{Request, Response, Status};
use tracing::info;

use super::{AppState, auth, store_status};
use crate::rollout::{self, Plan};

/// `StartRollout`: plan, stage, and run in the background.
pub async fn start(
    state: &Arc<AppState>,
    request: Request<StartRolloutRequest>,
) -> Result<Response<RolloutStatus>, Status> {
    let who = auth::admin(&request)?;
    let r = request.into_inner();
    if r.batch_percent > 100 {
        return Err(Status::invalid_argument(format!("batch percentage {} is above 100", r.batch_percent)));
    }
    let guard = state.config_lock.lock().await;
    let before = state.configs.cluster();
    let (kind, mut target) = if r.rollback {
        let history = state.configs.history().await.map_err(store_status)?;
        let prev = history.iter().rev().find(|e| e.version < before.version).ok_or_else(|| {
            Status::failed_precondition(format!(
                "no earlier cluster-wide config than version {} to roll back to (see `piccoloctl config history`)",
                before.version
            ))
        })?;
        ("rollback", prev.config.clone().unwrap_or_default())
    } else {
        let change = r.config.unwrap_or_default();
        let min_hb = if state.cfg.allow_short_intervals { 100 } else { 5000 };
        crate::configs::validate(&change, min_hb).map_err(Status::invalid_argument)?;
        let mut t = before.clone();
        crate::configs::overlay(&mut t, &change);
        ("rollout", t)
    };
    target.version = state.configs.next_version();
    let mut nodes: Vec<String> = state.registry.list().into_iter().map(|n| n.name).collect();
    nodes.sort();
    let timeout = if r.batch_timeout_ms == 0 { 60_000 } else { r.batch_timeout_ms };
    let plan = Plan {
        batches: rollout::batches(&nodes, r.batch_count, r.batch_percent),
        before,
        target: target.clone(),
        batch_timeout: Duration::from_millis(u64::from(timeout)),
        kind,
        by: who.name.clone(),
    };
    let status = rollout::initial_status(&plan, state.rollouts.status().id + 1);
    if !state.rollouts.begin(status.clone()) {
        return Err(Status::failed_precondition(
            "a rollout is already running; follow it with `piccoloctl config rollout-status`",
        ));
    }
    state.configs.stage(target);
    drop(guard);
    info!(admin = %who.name, kind, to = status.to_version, batches = status.batches.len(), "config rollout started");
    let st = state.clone();
    let mut shutdown = state.shutdown.clone();
    tokio::spawn(async move {
        tokio::select! {
            _ = rollout::run(st, plan) => {}
            _ = crate::stopped(&mut shutdown) => {}
        }
    });
    Ok(Response::new(status))
}

/// `GetRollout`.
pub fn get(state: &AppState, request: Request<GetRolloutRequest>) -> Result<Response<RolloutStatus>, Status> {
    auth::reader(&request)?;
    Ok(Response::new(state.rollouts.status()))
}

/// `ListConfigHistory`.
pub async fn history(
    state: &AppState,
    request: Request<ListConfigHistoryRequest>,
) -> Result<Response<ListConfigHistoryResponse>, Status> {
    auth::reader(&request)?;
    Ok(Response::new(ListConfigHistoryResponse { entries: state.configs.history().await.map_err(store_status)? }))
}
