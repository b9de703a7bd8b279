//! Admin handlers for the cluster topology: read it, and apply a new one
//! (the rules are in `topology::apply`). Acks come back through the agents'
//! sessions and show in `GetConfigStatus`.

use piccolo_proto::*;
use tonic::{Request, Response, Status};
use tracing::info;

use super::admin_api::AdminHandles;
use super::{auth, store_status};
use crate::node_record::NodeRecord;
use crate::topology::apply::{self, ApplyError};

impl From<ApplyError> for Status {
    fn from(e: ApplyError) -> Self {
        match e {
            ApplyError::Invalid(m) => Status::invalid_argument(m),
            ApplyError::Concurrent => Status::aborted(e.to_string()),
            ApplyError::Corrupt(_) => Status::internal(e.to_string()),
            ApplyError::Store(e) => store_status(e),
        }
    }
}

/// `GetTopology`.
pub async fn get(
    state: &AdminHandles,
    request: Request<GetTopologyRequest>,
) -> Result<Response<GetTopologyResponse>, Status> {
    auth::reader(&request)?;
    Ok(Response::new(GetTopologyResponse { topology: apply::load(&state.store).await?.map(|(t, _)| t) }))
}

/// `UpdateTopology`: validate, store, push (`topology::apply`).
pub async fn update(
    state: &AdminHandles,
    request: Request<UpdateTopologyRequest>,
) -> Result<Response<UpdateTopologyResponse>, Status> {
    let who = auth::admin(&request)?;
    let req = request.into_inner();
    let topo = req.topology.ok_or_else(|| Status::invalid_argument("topology is missing"))?;
    let topologies = apply::Topologies {
        store: &state.store,
        configs: &state.configs,
        registry: &state.registry,
        topology_lock: &state.topology_lock,
        config_lock: &state.config_lock,
        min_heartbeat_ms: state.min_heartbeat_ms(),
    };
    let a = topologies.apply(topo, req.dry_run, &who.name).await?;
    if !req.dry_run {
        info!(admin = %who.name, topology = %a.topology.name, version = a.topology.version,
            config_version = a.topology.config_version, affected = a.affected.len(), pushed = a.pushed_to.len(),
            "topology applied");
    }
    Ok(Response::new(UpdateTopologyResponse {
        config_version: a.topology.config_version,
        topology: Some(a.topology),
        affected_nodes: a.affected,
        pushed_to: a.pushed_to,
    }))
}

/// A node as admins see it: its own labels plus those its agent config
/// carries (the topology's cluster, role, region, zone), so selectors like
/// `-l zone=a` work on what the topology placed; and its pool address.
pub fn with_config_labels(state: &AdminHandles, node: NodeRecord) -> Node {
    let mut node = super::view::node(node);
    for (k, v) in state.agent_config(&node.name).labels {
        node.labels.insert(k, v);
    }
    if let Some(a) = state.addresses.address(&node.name) {
        node.cluster_address = a.to_string();
    }
    node
}
