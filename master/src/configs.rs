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

pub fn cluster_key() -> String {
    format!("{PREFIX}config/cluster")
}
/// Key of a node's override.
pub fn node_key(name: &str) -> String {
    format!("{PREFIX}config/nodes/{name}")
}
/// Key of a running rollout's target (several masters follow it).
pub fn staged_key() -> String {
    format!("{PREFIX}config/staged")
}
/// Prefix of the nodes a running rollout already moved onto its target.
pub fn staged_nodes_prefix() -> String {
    format!("{PREFIX}config/staged-nodes/")
}
fn history_prefix() -> String {
    format!("{PREFIX}config/history/")
}

/// How many cluster-wide versions the history keeps.
pub const HISTORY_LEN: usize = 50;

pub use piccolo_common::agent_config::{overlay, validate};

/// Where a history entry's version applies.
pub const SCOPE_CLUSTER: &str = "cluster";

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
    /// Cluster-wide versions known to be acknowledged (saves rewriting their history entry).
    acked: RwLock<HashSet<u64>>,
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
            acked: RwLock::new(HashSet::new()),
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

    /// Replaces the cluster-wide config with another master's (several masters).
    pub fn replace_cluster(&self, c: AgentConfig) {
        if let Ok(mut g) = self.cluster.write() {
            *g = c;
        }
    }

    /// The nodes with an override.
    pub fn override_nodes(&self) -> Vec<String> {
        self.overrides.read().map(|g| g.keys().cloned().collect()).unwrap_or_default()
    }

    /// Replaces a node's override (another master's write; `None`: removed).
    pub fn replace_override(&self, node: &str, c: Option<AgentConfig>) {
        if let Ok(mut g) = self.overrides.write() {
            match c {
                Some(c) => g.insert(node.to_string(), c),
                None => g.remove(node),
            };
        }
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

    /// Whether a node has an override that sets something (a cleared one
    /// stays as an empty record carrying its version).
    pub fn has_override(&self, node: &str) -> bool {
        self.override_of(node).is_some_and(|o| !piccolo_common::agent_config::sets_nothing(&o))
    }

    /// A node's override, as stored.
    pub fn override_of(&self, node: &str) -> Option<AgentConfig> {
        self.overrides.read().ok().and_then(|o| o.get(node).cloned())
    }

    /// A node's topology layer.
    pub fn topology_of(&self, node: &str) -> Option<AgentConfig> {
        self.topology.read().ok().and_then(|t| t.get(node).cloned())
    }

    /// The master's built-in defaults.
    pub fn defaults(&self) -> AgentConfig {
        self.defaults.clone()
    }

    /// The cluster-wide part a node runs (the staged one once a rollout reached it).
    pub fn cluster_for(&self, node: &str) -> AgentConfig {
        let staged = self
            .staged
            .read()
            .ok()
            .and_then(|g| g.as_ref().and_then(|(cfg, nodes)| nodes.contains(node).then(|| cfg.clone())));
        staged.unwrap_or_else(|| self.cluster())
    }

    /// Refuses a change that would give any of `nodes` (or, for the cluster,
    /// a node not enrolled yet) a config its agent rejects.
    pub fn check(
        &self,
        node: &str,
        change: &AgentConfig,
        unset: &[String],
        nodes: &[String],
        min_heartbeat_ms: u32,
    ) -> Result<(), String> {
        let apply = |mut layer: AgentConfig| -> Result<AgentConfig, String> {
            overlay(&mut layer, change);
            piccolo_common::agent_config::unset(&mut layer, unset)?;
            Ok(layer)
        };
        let merged = |node: &str, cluster: &AgentConfig, over: Option<&AgentConfig>| {
            let mut c = self.defaults.clone();
            overlay(&mut c, cluster);
            if let Some(t) = self.topology_of(node) {
                overlay(&mut c, &t);
            }
            if let Some(o) = over {
                overlay(&mut c, o);
            }
            c
        };
        let judge = |who: &str, c: &AgentConfig| {
            validate(c, min_heartbeat_ms).map_err(|e| format!("{who} would get a config its agent refuses: {e}"))
        };
        if node.is_empty() {
            let cluster = apply(self.cluster())?;
            judge("a newly enrolled node", &merged("", &cluster, None))?;
            for n in nodes {
                judge(&format!("node {n:?}"), &merged(n, &cluster, self.override_of(n).as_ref()))?;
            }
        } else {
            let over = apply(self.override_of(node).unwrap_or_default())?;
            judge(&format!("node {node:?}"), &merged(node, &self.cluster_for(node), Some(&over)))?;
        }
        Ok(())
    }

    /// The config a node should run.
    pub fn effective(&self, node: &str) -> AgentConfig {
        let layer = self.topology.read().ok().and_then(|t| t.get(node).cloned());
        self.effective_with(node, layer.as_ref())
    }

    /// The config a node would run with `layer` as its topology layer.
    pub fn effective_with(&self, node: &str, layer: Option<&AgentConfig>) -> AgentConfig {
        let mut c = self.defaults.clone();
        overlay(&mut c, &self.cluster_for(node));
        if let Some(t) = layer {
            overlay(&mut c, t);
        }
        if let Some(o) = self.overrides.read().ok().and_then(|o| o.get(node).cloned()) {
            overlay(&mut c, &o);
        }
        c
    }

    /// Applies a change (cluster-wide when `node` is empty): `change`'s set
    /// fields, then `unset` (see [`piccolo_common::agent_config::unset`]);
    /// `clear` drops a node's override. Returns the stored layer; the version
    /// is recorded in the history with `by`.
    pub async fn set(
        &self,
        node: &str,
        change: &AgentConfig,
        unset: &[String],
        clear: bool,
        by: &str,
    ) -> Result<AgentConfig, StoreError> {
        let version = self.next_version();
        if node.is_empty() {
            let mut c = self.cluster();
            overlay(&mut c, change);
            // Keys were checked by `check`; an unknown one changes nothing.
            let _ = piccolo_common::agent_config::unset(&mut c, unset);
            c.version = version;
            self.set_cluster(c.clone(), "set", by).await?;
            return Ok(c);
        }
        let (o, what) = if clear {
            // An empty override with a new version: this node re-acks, and no
            // other node's wanted version moves.
            (AgentConfig { version, ..Default::default() }, "clear")
        } else {
            let mut o = self.override_of(node).unwrap_or_default();
            overlay(&mut o, change);
            let _ = piccolo_common::agent_config::unset(&mut o, unset);
            o.version = version;
            (o, "set")
        };
        self.store.put(&node_key(node), o.encode_to_vec()).await?;
        if let Ok(mut g) = self.overrides.write() {
            g.insert(node.to_string(), o.clone());
        }
        self.record(&format!("node {node}"), what, &o, by).await?;
        Ok(if clear { self.effective(node) } else { o })
    }

    /// Replaces the cluster-wide config and records it in the history.
    pub async fn set_cluster(&self, c: AgentConfig, change: &str, by: &str) -> Result<(), StoreError> {
        self.store.put(&cluster_key(), c.encode_to_vec()).await?;
        if let Ok(mut g) = self.cluster.write() {
            *g = c.clone();
        }
        self.record(SCOPE_CLUSTER, change, &c, by).await
    }

    /// Adds a version to the history (every scope), keeping the last [`HISTORY_LEN`].
    pub async fn record(&self, scope: &str, change: &str, c: &AgentConfig, by: &str) -> Result<(), StoreError> {
        let entry = ConfigHistoryEntry {
            version: c.version,
            config: Some(c.clone()),
            change: change.into(),
            time_ms: now_ms(),
            by: by.into(),
            scope: scope.into(),
            acked: false,
        };
        let prefix = history_prefix();
        self.store.put(&format!("{prefix}{:020}", c.version), entry.encode_to_vec()).await?;
        let keys: Vec<String> = self.store.list(&prefix).await?.into_iter().map(|(k, _)| k).collect();
        for k in keys.iter().take(keys.len().saturating_sub(HISTORY_LEN)) {
            self.store.delete(k).await?;
        }
        Ok(())
    }

    /// A node acknowledged `version`: the cluster-wide version it runs (at
    /// most `version`) is known good, a target for rollbacks.
    pub async fn note_ack(&self, node: &str, version: u64) -> Result<(), StoreError> {
        let cluster = self.cluster_for(node).version;
        if cluster == 0 || cluster > version || self.acked.read().is_ok_and(|a| a.contains(&cluster)) {
            return Ok(());
        }
        let key = format!("{}{:020}", history_prefix(), cluster);
        if let Some(v) = self.store.get(&key).await? {
            let mut e = ConfigHistoryEntry::decode(v.value.as_slice())
                .map_err(|e| StoreError::Decode { key: key.clone(), reason: e.to_string() })?;
            if !e.acked {
                e.acked = true;
                self.store.put(&key, e.encode_to_vec()).await?;
            }
        }
        if let Ok(mut a) = self.acked.write() {
            a.insert(cluster);
        }
        Ok(())
    }

    /// The cluster-wide config to roll back to: history version `to` (0: the
    /// last acknowledged one before `current`).
    pub async fn rollback_target(&self, current: u64, to: u64) -> Result<Result<AgentConfig, String>, StoreError> {
        let history = self.history().await?;
        let cluster = |e: &&ConfigHistoryEntry| e.scope.is_empty() || e.scope == SCOPE_CLUSTER;
        if to > 0 {
            return Ok(match history.iter().filter(cluster).find(|e| e.version == to) {
                Some(e) if e.version == current => Err(format!("version {to} is the current cluster-wide config")),
                Some(e) => Ok(e.config.clone().unwrap_or_default()),
                None => Err(format!(
                    "version {to} is not a cluster-wide version in the history (see `piccoloctl config history`)"
                )),
            });
        }
        Ok(history
            .iter()
            .filter(cluster)
            .rev()
            .find(|e| e.version < current && (e.acked || e.version == 0))
            .map(|e| e.config.clone().unwrap_or_default())
            .ok_or_else(|| {
                format!(
                    "no earlier cluster-wide config than version {current} that nodes acknowledged (see `piccoloctl config history`)"
                )
            }))
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
                scope: SCOPE_CLUSTER.into(),
                acked: true,
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

    /// The staged rollout target, if any.
    pub fn staged_target(&self) -> Option<AgentConfig> {
        self.staged.read().ok().and_then(|g| g.as_ref().map(|(c, _)| c.clone()))
    }

    /// Whether a rollout's target is staged.
    pub fn is_staged(&self) -> bool {
        self.staged.read().is_ok_and(|g| g.is_some())
    }

    /// Shares the staging with the other masters (they follow these keys and
    /// push the staged config to the nodes whose sessions they hold):
    /// `target` (None: staging over, every staged key goes) and `nodes`.
    pub async fn share_stage(&self, target: Option<&AgentConfig>, nodes: &[String]) -> Result<(), StoreError> {
        let mut ops: Vec<(String, Option<Vec<u8>>)> = Vec::new();
        match target {
            Some(t) => ops.push((staged_key(), Some(t.encode_to_vec()))),
            None => {
                for (k, _) in self.store.list(&staged_nodes_prefix()).await? {
                    ops.push((k, None));
                }
                ops.push((staged_key(), None));
            }
        }
        for n in nodes {
            ops.push((format!("{}{n}", staged_nodes_prefix()), Some(Vec::new())));
        }
        if ops.is_empty() {
            return Ok(());
        }
        self.store.write_batch(ops).await
    }

    /// Ends staging; every node follows the cluster-wide config again.
    pub fn unstage(&self) {
        if let Ok(mut g) = self.staged.write() {
            *g = None;
        }
    }

    /// Forgets a removed node's override.
    pub async fn forget(&self, node: &str) -> Result<(), StoreError> {
        if self.override_of(node).is_some() {
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
}
