//! Applying a topology: validate it against the registered nodes, check that
//! every node's resulting agent config is one its agent accepts, store it with
//! a new version (compare-and-set on the one key), set each node's config
//! layer and heartbeat timeout, record the config history and push the new
//! config to the connected nodes it touches. `UpdateTopology` and
//! `PUT /api/v1/topology` end here; the handler only converts.

use std::collections::BTreeSet;

use piccolo_common::time::now_ms;
use piccolo_proto::{AgentConfig, ClusterTopology};
use prost::Message;
use thiserror::Error;
use tokio::sync::Mutex;

use crate::configs::Configs;
use crate::registry::Registry;
use crate::store::{SharedStore, StoreError, topology_key};

/// Why a topology was not applied.
#[derive(Debug, Error)]
pub enum ApplyError {
    /// Bad request: the text says what to change.
    #[error("{0}")]
    Invalid(String),
    #[error("topology changed concurrently; retry")]
    Concurrent,
    #[error("stored topology is undecodable: {0}")]
    Corrupt(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What an apply (or a dry run) did.
#[derive(Debug, Clone)]
pub struct Applied {
    pub topology: ClusterTopology,
    /// Nodes the new or the old topology names.
    pub affected: Vec<String>,
    /// Connected nodes the new config was pushed to (none for a dry run).
    pub pushed_to: Vec<String>,
}

/// The handles a topology apply needs.
pub struct Topologies<'a> {
    pub store: &'a SharedStore,
    pub configs: &'a Configs,
    pub registry: &'a Registry,
    /// Serialises topology applies (read-modify-write on one key).
    pub topology_lock: &'a Mutex<Option<ClusterTopology>>,
    /// Serialises config changes.
    pub config_lock: &'a Mutex<()>,
    /// The shortest heartbeat the topology's config may ask for.
    pub min_heartbeat_ms: u32,
}

/// The stored topology and its store version, if there is one.
pub async fn load(store: &SharedStore) -> Result<Option<(ClusterTopology, u64)>, ApplyError> {
    match store.get(&topology_key()).await? {
        Some(v) => {
            let t = ClusterTopology::decode(v.value.as_slice()).map_err(|e| ApplyError::Corrupt(e.to_string()))?;
            Ok(Some((t, v.version)))
        }
        None => Ok(None),
    }
}

impl Topologies<'_> {
    /// Validates and (unless `dry_run`) applies `topo` on behalf of `by`.
    pub async fn apply(&self, mut topo: ClusterTopology, dry_run: bool, by: &str) -> Result<Applied, ApplyError> {
        let min_hb = self.min_heartbeat_ms;
        let known = |n: &str| self.registry.get(n).is_some();
        super::validate(&topo, &known, min_hb).map_err(|e| ApplyError::Invalid(e.to_string()))?;
        if topo.id.is_empty() {
            topo.id = topo.name.clone();
        }
        // Stored and shown with their effective type (sub-clusters default to
        // embedded), never `unspecified`.
        for c in &mut topo.clusters {
            c.r#type = super::validate::cluster_type(c, false) as i32;
        }
        let _topo_guard = self.topology_lock.lock().await;
        let _config_guard = self.config_lock.lock().await;
        let current = load(self.store).await?;
        let new_nodes = super::all_nodes(&topo);
        let old_nodes: BTreeSet<String> = current.as_ref().map(|(t, _)| super::all_nodes(t)).unwrap_or_default();
        topo.released_nodes = old_nodes.difference(&new_nodes).cloned().collect();
        topo.version = current.as_ref().map(|(t, _)| t.version).unwrap_or(0) + 1;
        topo.updated_at_ms = now_ms();
        topo.config_version = self.configs.next_version();
        let affected: Vec<String> = new_nodes.union(&old_nodes).cloned().collect();
        let layers = super::layers(&topo);
        for (name, layer) in &layers {
            // The same rules the agent applies to what it receives.
            let c = self.configs.effective_with(name, Some(layer));
            piccolo_common::agent_config::validate(&c, min_hb).map_err(|e| {
                ApplyError::Invalid(format!(
                    "node {name:?} would get a config its agent refuses: {e}; change the topology's [config]"
                ))
            })?;
        }
        if dry_run {
            return Ok(Applied { topology: topo, affected, pushed_to: Vec::new() });
        }
        let applied = self.store.put_if(&topology_key(), current.map(|(_, v)| v), topo.encode_to_vec()).await?;
        if applied.is_none() {
            return Err(ApplyError::Concurrent);
        }
        self.configs.set_topology_layers(layers);
        let root = super::model::config_from_map(&topo.config).unwrap_or_default();
        let entry = AgentConfig { version: topo.config_version, ..root };
        self.configs.record(&format!("topology {}", topo.name), "apply", &entry, by).await?;
        self.registry.set_heartbeat_timeouts(super::model::heartbeat_timeouts(&topo));
        let pushed_to = affected
            .iter()
            .filter(|name| self.registry.offer_config(name, self.configs.effective(name)))
            .cloned()
            .collect();
        Ok(Applied { topology: topo, affected, pushed_to })
    }
}
