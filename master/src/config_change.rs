//! Changing the agent config, cluster-wide or one node's override: the rules
//! (something must change, the node must exist, every agent must accept the
//! result), storing it as a new version under the config lock and pushing it to
//! the connected nodes it reaches. gRPC `SetConfig` and the REST config routes
//! both end here; the handler only converts.

use piccolo_proto::AgentConfig;
use thiserror::Error;
use tokio::sync::Mutex;

use crate::configs::Configs;
use crate::registry::Registry;
use crate::store::StoreError;

/// One requested change.
#[derive(Debug, Default, Clone)]
pub struct Change {
    /// Empty: the cluster-wide layer.
    pub node: String,
    /// The settings to set (zero and empty values keep the current ones).
    pub config: AgentConfig,
    /// Settings to return to the layer below (`labels.KEY` for one label).
    pub unset: Vec<String>,
    /// Drop the node's override altogether.
    pub clear_override: bool,
}

/// Why a change was refused.
#[derive(Debug, Error)]
pub enum ChangeError {
    #[error("nothing to change: set at least one setting, unset one, or clear a node's override")]
    Nothing,
    #[error("clear_override needs a node")]
    ClearNeedsNode,
    #[error("no node named {0:?}")]
    NoNode(String),
    /// An agent would reject the result; the text says which setting and why.
    #[error("{0}")]
    Refused(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Registry(#[from] crate::registry::RegistryError),
}

/// The handles a config change needs.
pub struct ConfigChanges<'a> {
    pub configs: &'a Configs,
    /// Serialises config changes (with rollouts and topology applies).
    pub lock: &'a Mutex<()>,
    pub registry: &'a Registry,
    /// The shortest heartbeat a pushed config may ask for.
    pub min_heartbeat_ms: u32,
}

impl ConfigChanges<'_> {
    /// Checks, stores and pushes `c`; returns the stored layer and the nodes
    /// it was pushed to.
    pub async fn apply(&self, c: Change, by: &str) -> Result<(AgentConfig, Vec<String>), ChangeError> {
        if !c.clear_override && c.unset.is_empty() && piccolo_common::agent_config::sets_nothing(&c.config) {
            return Err(ChangeError::Nothing);
        }
        if c.clear_override && c.node.is_empty() {
            return Err(ChangeError::ClearNeedsNode);
        }
        if !c.node.is_empty() && self.registry.get(&c.node).is_none() {
            return Err(ChangeError::NoNode(c.node));
        }
        let _guard = self.lock.lock().await;
        let nodes: Vec<String> = self.registry.list().into_iter().map(|n| n.name.clone()).collect();
        if !c.clear_override {
            self.configs
                .check(&c.node, &c.config, &c.unset, &nodes, self.min_heartbeat_ms)
                .map_err(ChangeError::Refused)?;
        }
        let stored = self.configs.set(&c.node, &c.config, &c.unset, c.clear_override, by).await?;
        // `node label NAME k-` also removes a label the node got from its
        // bootstrap token (kept in the node record, not in a config layer).
        let dropped: Vec<&str> = c.unset.iter().filter_map(|k| k.strip_prefix("labels.")).collect();
        if !c.node.is_empty() && !dropped.is_empty() {
            self.registry.drop_labels(&c.node, &dropped).await?;
        }
        let targets = if c.node.is_empty() { nodes } else { vec![c.node] };
        let pushed_to =
            targets.into_iter().filter(|name| self.registry.offer_config(name, self.configs.effective(name))).collect();
        Ok((stored, pushed_to))
    }
}
