//! Admin handlers for the cluster topology: read it, and apply a new one
//! (validate, store, derive each node's agent config, push it). Acks come back
//! through the agents' sessions and show in `GetConfigStatus`.

use std::collections::BTreeSet;

use piccolo_common::time::now_ms;
use piccolo_proto::*;
use prost::Message;
use tonic::{Request, Response, Status};
use tracing::info;

use super::{AppState, auth, store_status};
use crate::store::topology_key;
use crate::topology;

async fn load(state: &AppState) -> Result<Option<(ClusterTopology, u64)>, Status> {
    match state.store.get(&topology_key()).await.map_err(store_status)? {
        Some(v) => {
            let t = ClusterTopology::decode(v.value.as_slice())
                .map_err(|e| Status::internal(format!("stored topology is undecodable: {e}")))?;
            Ok(Some((t, v.version)))
        }
        None => Ok(None),
    }
}

/// `GetTopology`.
pub async fn get(
    state: &AppState,
    request: Request<GetTopologyRequest>,
) -> Result<Response<GetTopologyResponse>, Status> {
    auth::reader(&request)?;
    Ok(Response::new(GetTopologyResponse { topology: load(state).await?.map(|(t, _)| t) }))
}

/// `UpdateTopology`: validate, store, push.
pub async fn update(
    state: &AppState,
    request: Request<UpdateTopologyRequest>,
) -> Result<Response<UpdateTopologyResponse>, Status> {
    let who = auth::admin(&request)?;
    let req = request.into_inner();
    let mut topo = req.topology.ok_or_else(|| Status::invalid_argument("topology is missing"))?;
    let min_hb = if state.cfg.allow_short_intervals { 100 } else { 5000 };
    let known = |n: &str| state.registry.get(n).is_some();
    topology::validate(&topo, &known, min_hb).map_err(|e| Status::invalid_argument(e.to_string()))?;
    if topo.id.is_empty() {
        topo.id = topo.name.clone();
    }
    // Stored and shown with their effective type (sub-clusters default to
    // embedded), never `unspecified`.
    for c in &mut topo.clusters {
        c.r#type = topology::validate::cluster_type(c, false) as i32;
    }
    let _topo_guard = state.topology_lock.lock().await;
    let _config_guard = state.config_lock.lock().await;
    let current = load(state).await?;
    let new_nodes = topology::all_nodes(&topo);
    let old_nodes: BTreeSet<String> = current.as_ref().map(|(t, _)| topology::all_nodes(t)).unwrap_or_default();
    topo.released_nodes = old_nodes.difference(&new_nodes).cloned().collect();
    topo.version = current.as_ref().map(|(t, _)| t.version).unwrap_or(0) + 1;
    topo.updated_at_ms = now_ms();
    topo.config_version = state.configs.next_version();
    let affected: Vec<String> = new_nodes.union(&old_nodes).cloned().collect();
    let layers = topology::layers(&topo);
    for (name, layer) in &layers {
        // The same rules the agent applies to what it receives.
        let c = state.configs.effective_with(name, Some(layer));
        piccolo_common::agent_config::validate(&c, min_hb).map_err(|e| {
            Status::invalid_argument(format!(
                "node {name:?} would get a config its agent refuses: {e}; change the topology's [config]"
            ))
        })?;
    }
    if req.dry_run {
        return Ok(Response::new(UpdateTopologyResponse {
            config_version: topo.config_version,
            topology: Some(topo),
            affected_nodes: affected,
            pushed_to: Vec::new(),
        }));
    }
    let applied = state
        .store
        .put_if(&topology_key(), current.map(|(_, v)| v), topo.encode_to_vec())
        .await
        .map_err(store_status)?;
    if applied.is_none() {
        return Err(Status::aborted("topology changed concurrently; retry"));
    }
    state.configs.set_topology_layers(layers);
    let root = topology::model::config_from_map(&topo.config).unwrap_or_default();
    let entry = AgentConfig { version: topo.config_version, ..root };
    state.configs.record(&format!("topology {}", topo.name), "apply", &entry, &who.name).await.map_err(store_status)?;
    state.registry.set_heartbeat_timeouts(topology::model::heartbeat_timeouts(&topo));
    let mut pushed_to = Vec::new();
    for name in &affected {
        if state.registry.offer_config(name, state.agent_config(name)) {
            pushed_to.push(name.clone());
        }
    }
    info!(admin = %who.name, topology = %topo.name, version = topo.version, config_version = topo.config_version,
        affected = affected.len(), pushed = pushed_to.len(), "topology applied");
    Ok(Response::new(UpdateTopologyResponse {
        config_version: topo.config_version,
        topology: Some(topo),
        affected_nodes: affected,
        pushed_to,
    }))
}

/// A node as admins see it: its own labels plus those its agent config
/// carries (the topology's cluster, role, region, zone), so selectors like
/// `-l zone=a` work on what the topology placed; and its pool address.
pub fn with_config_labels(state: &AppState, mut node: Node) -> Node {
    for (k, v) in state.agent_config(&node.name).labels {
        node.labels.insert(k, v);
    }
    if let Some(a) = state.addresses.address(&node.name) {
        node.cluster_address = a.to_string();
    }
    super::view::node(node)
}
