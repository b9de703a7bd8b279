//! Agent configuration the master hands out: built-in defaults (from the
//! master's own settings), a cluster-wide config, and per-node overrides, each
//! versioned. A node's effective config is defaults <- cluster <- topology
//! layer (derived from the stored topology, `crate::topology`) <- override and
//! carries the highest version among the parts that shaped it, so an agent's
//! ack of version V says exactly which change it applied.

use std::collections::{HashMap, HashSet};
use std::sync::RwLock;

use piccolo_common::time::now_ms;
use piccolo_proto::{AgentConfig, ConfigHistoryEntry};
use prost::Message;

use crate::store::{PREFIX, SharedStore, StoreError};

fn cluster_key() -> String {
    format!("{PREFIX}config/cluster")
}
fn node_key(name: &str) -> String {
    format!("{PREFIX}config/nodes/{name}")
}
fn history_prefix() -> String {
    format!("{PREFIX}config/history/")
}

/// How many cluster-wide versions the history keeps.
pub const HISTORY_LEN: usize = 50;

/// Fields set in `over` (non-zero, non-empty) replace those in `base`.
pub fn overlay(base: &mut AgentConfig, over: &AgentConfig) {
    if over.heartbeat_interval_ms > 0 {
        base.heartbeat_interval_ms = over.heartbeat_interval_ms;
    }
    if over.status_interval_ms > 0 {
        base.status_interval_ms = over.status_interval_ms;
    }
    for (k, v) in &over.labels {
        base.labels.insert(k.clone(), v.clone());
    }
    if over.podman_disabled {
        base.podman_disabled = true;
    }
    if !over.podman_socket.is_empty() {
        base.podman_socket = over.podman_socket.clone();
    }
    if over.min_memory_bytes > 0 {
        base.min_memory_bytes = over.min_memory_bytes;
    }
    if over.min_disk_bytes > 0 {
        base.min_disk_bytes = over.min_disk_bytes;
    }
    if over.buffer_flush_interval_ms > 0 {
        base.buffer_flush_interval_ms = over.buffer_flush_interval_ms;
    }
    if over.buffer_flush_entries > 0 {
        base.buffer_flush_entries = over.buffer_flush_entries;
    }
    base.version = base.version.max(over.version);
}

/// Checks values an agent could not use.
pub fn validate(c: &AgentConfig, min_heartbeat_ms: u32) -> Result<(), String> {
    if c.heartbeat_interval_ms > 0 && c.heartbeat_interval_ms < min_heartbeat_ms {
        return Err(format!(
            "heartbeat interval {} ms is below the minimum {} ms",
            c.heartbeat_interval_ms, min_heartbeat_ms
        ));
    }
    if c.status_interval_ms > 0 && c.status_interval_ms < 1000 {
        return Err("status interval must be at least 1s".into());
    }
    for k in c.labels.keys() {
        if k.is_empty() || k.len() > 63 {
            return Err(format!("label key {k:?} must be 1-63 characters"));
        }
    }
    Ok(())
}

/// The configs, cached in memory, written through to the store.
pub struct Configs {
    store: SharedStore,
    defaults: AgentConfig,
    cluster: RwLock<AgentConfig>,
    overrides: RwLock<HashMap<String, AgentConfig>>,
    /// Per-node layers derived from the applied topology.
    topology: RwLock<HashMap<String, AgentConfig>>,
    /// During a rollout: the new cluster-wide config and the nodes that already
    /// run it (the others keep `cluster`).
    staged: RwLock<Option<(AgentConfig, HashSet<String>)>>,
}

fn decode(key: &str, bytes: &[u8]) -> Result<AgentConfig, StoreError> {
    AgentConfig::decode(bytes).map_err(|e| StoreError::Decode { key: key.into(), reason: e.to_string() })
}

impl Configs {
    /// Loads the stored configs.
    pub async fn load(store: SharedStore, defaults: AgentConfig) -> Result<Self, StoreError> {
        let cluster = match store.get(&cluster_key()).await? {
            Some(v) => decode(&cluster_key(), &v.value)?,
            None => AgentConfig::default(),
        };
        let mut overrides = HashMap::new();
        let prefix = format!("{PREFIX}config/nodes/");
        for (key, v) in store.list(&prefix).await? {
            let name = key.trim_start_matches(&prefix).to_string();
            overrides.insert(name, decode(&key, &v.value)?);
        }
        let topology = match store.get(&crate::store::topology_key()).await? {
            Some(v) => crate::topology::layers(
                &piccolo_proto::ClusterTopology::decode(v.value.as_slice())
                    .map_err(|e| StoreError::Decode { key: crate::store::topology_key(), reason: e.to_string() })?,
            ),
            None => HashMap::new(),
        };
        Ok(Self {
            store,
            defaults,
            cluster: RwLock::new(cluster),
            overrides: RwLock::new(overrides),
            topology: RwLock::new(topology),
            staged: RwLock::new(None),
        })
    }

    /// The version the next change gets (above every part's version).
    pub fn next_version(&self) -> u64 {
        let c = self.cluster.read().map(|c| c.version).unwrap_or(0);
        let c = c.max(self.staged.read().ok().and_then(|g| g.as_ref().map(|(s, _)| s.version)).unwrap_or(0));
        let o = self.overrides.read().map(|o| o.values().map(|c| c.version).max().unwrap_or(0)).unwrap_or(0);
        let t = self.topology.read().map(|t| t.values().map(|c| c.version).max().unwrap_or(0)).unwrap_or(0);
        c.max(o).max(t) + 1
    }

    /// Replaces the topology layers (after the topology itself was stored).
    pub fn set_topology_layers(&self, layers: HashMap<String, AgentConfig>) {
        if let Ok(mut g) = self.topology.write() {
            *g = layers;
        }
    }

    /// The cluster-wide config as set by admins (without defaults).
    pub fn cluster(&self) -> AgentConfig {
        self.cluster.read().map(|c| c.clone()).unwrap_or_default()
    }

    /// Whether a node has an override.
    pub fn has_override(&self, node: &str) -> bool {
        self.overrides.read().map(|o| o.contains_key(node)).unwrap_or(false)
    }

    /// The config a node should run.
    pub fn effective(&self, node: &str) -> AgentConfig {
        let layer = self.topology.read().ok().and_then(|t| t.get(node).cloned());
        self.effective_with(node, layer.as_ref())
    }

    /// The config a node would run with `layer` as its topology layer.
    pub fn effective_with(&self, node: &str, layer: Option<&AgentConfig>) -> AgentConfig {
        let mut c = self.defaults.clone();
        let staged = self
            .staged
            .read()
            .ok()
            .and_then(|g| g.as_ref().and_then(|(cfg, nodes)| nodes.contains(node).then(|| cfg.clone())));
        overlay(&mut c, &staged.unwrap_or_else(|| self.cluster()));
        if let Some(t) = layer {
            overlay(&mut c, t);
        }
        if let Some(o) = self.overrides.read().ok().and_then(|o| o.get(node).cloned()) {
            overlay(&mut c, &o);
        }
        c
    }

    /// Applies a change (cluster-wide when `node` is empty); returns the new stored config.
    pub async fn set(&self, node: &str, change: &AgentConfig, clear: bool) -> Result<AgentConfig, StoreError> {
        let version = self.next_version();
        if node.is_empty() {
            let mut c = self.cluster();
            overlay(&mut c, change);
            c.version = version;
            self.set_cluster(c.clone(), "set", "").await?;
            return Ok(c);
        }
        if clear {
            self.store.delete(&node_key(node)).await?;
            if let Ok(mut g) = self.overrides.write() {
                g.remove(node);
            }
            // Clearing is a change too: bump the cluster version so the node re-acks.
            let mut c = self.cluster();
            c.version = version;
            self.store.put(&cluster_key(), c.encode_to_vec()).await?;
            if let Ok(mut g) = self.cluster.write() {
                *g = c;
            }
            return Ok(self.effective(node));
        }
        let mut o = self.overrides.read().ok().and_then(|o| o.get(node).cloned()).unwrap_or_default();
        overlay(&mut o, change);
        o.version = version;
        self.store.put(&node_key(node), o.encode_to_vec()).await?;
        if let Ok(mut g) = self.overrides.write() {
            g.insert(node.to_string(), o.clone());
        }
        Ok(o)
    }

    /// Replaces the cluster-wide config and records it in the history.
    pub async fn set_cluster(&self, c: AgentConfig, change: &str, by: &str) -> Result<(), StoreError> {
        self.store.put(&cluster_key(), c.encode_to_vec()).await?;
        if let Ok(mut g) = self.cluster.write() {
            *g = c.clone();
        }
        let entry = ConfigHistoryEntry {
            version: c.version,
            config: Some(c.clone()),
            change: change.into(),
            time_ms: now_ms(),
            by: by.into(),
        };
        let prefix = history_prefix();
        self.store.put(&format!("{prefix}{:020}", c.version), entry.encode_to_vec()).await?;
        let keys: Vec<String> = self.store.list(&prefix).await?.into_iter().map(|(k, _)| k).collect();
        for k in keys.iter().take(keys.len().saturating_sub(HISTORY_LEN)) {
            self.store.delete(k).await?;
        }
        Ok(())
    }

    /// Cluster-wide versions, oldest first; starts with the master's defaults
    /// (version 0) when the history still reaches back that far.
    pub async fn history(&self) -> Result<Vec<ConfigHistoryEntry>, StoreError> {
        let mut out = Vec::new();
        for (key, v) in self.store.list(&history_prefix()).await? {
            out.push(
                ConfigHistoryEntry::decode(v.value.as_slice())
                    .map_err(|e| StoreError::Decode { key, reason: e.to_string() })?,
            );
        }
        out.sort_by_key(|e| e.version);
        if out.len() < HISTORY_LEN {
            let initial = ConfigHistoryEntry {
                version: 0,
                config: Some(AgentConfig::default()),
                change: "initial (the master's defaults)".into(),
                ..Default::default()
            };
            out.insert(0, initial);
        }
        Ok(out)
    }

    /// Starts staging `target` (no node runs it yet).
    pub fn stage(&self, target: AgentConfig) {
        if let Ok(mut g) = self.staged.write() {
            *g = Some((target, HashSet::new()));
        }
    }

    /// Moves `nodes` onto the staged config.
    pub fn stage_nodes(&self, nodes: &[String]) {
        if let Ok(mut g) = self.staged.write()
            && let Some((_, set)) = g.as_mut()
        {
            set.extend(nodes.iter().cloned());
        }
    }

    /// Ends staging; every node follows the cluster-wide config again.
    pub fn unstage(&self) {
        if let Ok(mut g) = self.staged.write() {
            *g = None;
        }
    }

    /// Forgets a removed node's override.
    pub async fn forget(&self, node: &str) -> Result<(), StoreError> {
        if self.has_override(node) {
            self.store.delete(&node_key(node)).await?;
            if let Ok(mut g) = self.overrides.write() {
                g.remove(node);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlay_keeps_unset_fields() {
        let mut base =
            AgentConfig { version: 1, heartbeat_interval_ms: 10_000, status_interval_ms: 60_000, ..Default::default() };
        let over = AgentConfig { version: 3, heartbeat_interval_ms: 5_000, ..Default::default() };
        overlay(&mut base, &over);
        assert_eq!(base.heartbeat_interval_ms, 5_000);
        assert_eq!(base.status_interval_ms, 60_000);
        assert_eq!(base.version, 3);
    }

    #[test]
    fn validation() {
        assert!(validate(&AgentConfig { heartbeat_interval_ms: 1000, ..Default::default() }, 5000).is_err());
        assert!(validate(&AgentConfig { heartbeat_interval_ms: 5000, ..Default::default() }, 5000).is_ok());
        assert!(validate(&AgentConfig::default(), 5000).is_ok());
    }
}
