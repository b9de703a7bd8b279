//! Admin handlers for batched config rollouts, the config history and a
//! node's config layers.

use piccolo_proto::*;
use tonic::{Request, Response, Status};
use tracing::info;

use super::admin_api::AdminHandles;
use super::{auth, store_status};
use crate::rollout;

/// `StartRollout`: plan, stage (`rollout::begin`), and run in the background.
pub async fn start(
    state: &AdminHandles,
    request: Request<StartRolloutRequest>,
) -> Result<Response<RolloutStatus>, Status> {
    let who = auth::admin(&request)?;
    if !state.cluster.is_leader() {
        return Err(Status::failed_precondition(format!(
            "config rollouts run on the leading master and this one ({}) does not lead; run it against the master \
             `piccoloctl get masters` marks as leader",
            state.cluster.name
        )));
    }
    let r = request.into_inner();
    let ask = rollout::Ask {
        config: r.config.unwrap_or_default(),
        unset: r.unset,
        rollback: r.rollback,
        to_version: r.to_version,
        batch_count: r.batch_count,
        batch_percent: r.batch_percent,
        batch_timeout_ms: r.batch_timeout_ms,
    };
    let (plan, status) = rollout::begin(&state.rollout(), ask, &who.name).await.map_err(|e| match e {
        rollout::BeginError::Invalid(m) => Status::invalid_argument(m),
        rollout::BeginError::Refused(m) => Status::failed_precondition(m),
        rollout::BeginError::Store(e) => store_status(e),
    })?;
    let kind = plan.kind;
    info!(admin = %who.name, kind, to = status.to_version, batches = status.batches.len(), "config rollout started");
    let st = state.rollout();
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
pub fn get(state: &AdminHandles, request: Request<GetRolloutRequest>) -> Result<Response<RolloutStatus>, Status> {
    auth::reader(&request)?;
    Ok(Response::new(state.rollouts.status()))
}

/// `ListConfigHistory`.
pub async fn history(
    state: &AdminHandles,
    request: Request<ListConfigHistoryRequest>,
) -> Result<Response<ListConfigHistoryResponse>, Status> {
    auth::reader(&request)?;
    Ok(Response::new(ListConfigHistoryResponse { entries: state.configs.history().await.map_err(store_status)? }))
}

/// `GetNodeConfig`: each layer of a node's agent config and the merge.
pub fn node_config(
    state: &AdminHandles,
    request: Request<GetNodeConfigRequest>,
) -> Result<Response<GetNodeConfigResponse>, Status> {
    auth::reader(&request)?;
    let name = request.into_inner().name;
    let node = state.registry.get(&name).ok_or_else(|| Status::not_found(format!("no node named {name:?}")))?.view();
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
