//! Admin handlers for batched config rollouts, the config history and a
//! node's config layers.

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
        let target = state
            .configs
            .rollback_target(before.version, r.to_version)
            .await
            .map_err(store_status)?
            .map_err(Status::failed_precondition)?;
        ("rollback", target)
    } else {
        let change = r.config.unwrap_or_default();
        if r.unset.is_empty() && piccolo_common::agent_config::sets_nothing(&change) {
            return Err(Status::invalid_argument("nothing to change: set or unset at least one setting"));
        }
        let nodes: Vec<String> = state.registry.list().into_iter().map(|n| n.name).collect();
        state
            .configs
            .check("", &change, &r.unset, &nodes, state.min_heartbeat_ms())
            .map_err(Status::invalid_argument)?;
        let mut t = before.clone();
        crate::configs::overlay(&mut t, &change);
        piccolo_common::agent_config::unset(&mut t, &r.unset).map_err(Status::invalid_argument)?;
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

/// `GetNodeConfig`: each layer of a node's agent config and the merge.
pub fn node_config(
    state: &AppState,
    request: Request<GetNodeConfigRequest>,
) -> Result<Response<GetNodeConfigResponse>, Status> {
    auth::reader(&request)?;
    let name = request.into_inner().name;
    let node = state.registry.get(&name).ok_or_else(|| Status::not_found(format!("no node named {name:?}")))?;
    let c = &state.configs;
    Ok(Response::new(GetNodeConfigResponse {
        defaults: Some(c.defaults()),
        cluster: Some(c.cluster_for(&name)),
        topology: c.topology_of(&name),
        r#override: c.override_of(&name).filter(|o| !piccolo_common::agent_config::sets_nothing(o)),
        effective: Some(state.agent_config(&name)),
        acked_version: node.config_acked_version,
        error: node.config_error,
        node: name,
    }))
}
