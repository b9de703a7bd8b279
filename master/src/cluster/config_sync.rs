//! Agent config and topology across masters: another master's write of the
//! cluster-wide config, a node override or the topology (seen through the
//! watch in `sync`) replaces this master's cached copy, and the devices whose
//! sessions are here get the resulting config, as if the change had been made
//! here.

use piccolo_proto::{AgentConfig, ClusterTopology};
use prost::Message;
use tracing::{info, warn};

use crate::configs::Configs;
use crate::registry::Registry;
use crate::store::PREFIX;

/// Whether `key` is followed here.
pub fn followed(key: &str) -> bool {
    key.starts_with(&format!("{PREFIX}config/")) || key == crate::store::topology_key()
}

/// Applies another master's write of `key` (`None`: deleted).
pub fn changed(configs: &Configs, registry: &Registry, key: &str, value: Option<&[u8]>) {
    let all = if key == crate::configs::cluster_key() {
        match value.map(AgentConfig::decode) {
            Some(Ok(c)) => configs.replace_cluster(c),
            _ => return,
        }
        true
    } else if let Some(node) = key.strip_prefix(&format!("{PREFIX}config/nodes/")) {
        let layer = match value.map(AgentConfig::decode) {
            Some(Ok(c)) => Some(c),
            None => None,
            Some(Err(e)) => {
                warn!(key, error = %e, "ignoring an undecodable config from another master");
                return;
            }
        };
        configs.replace_override(node, layer);
        if registry.has_session(node) {
            registry.offer_config(node, configs.effective(node));
        }
        false
    } else if key == crate::store::topology_key() {
        let topo = match value.map(ClusterTopology::decode) {
            Some(Ok(t)) => t,
            None => ClusterTopology::default(),
            Some(Err(e)) => {
                warn!(key, error = %e, "ignoring an undecodable topology from another master");
                return;
            }
        };
        configs.set_topology_layers(crate::topology::layers(&topo));
        true
    } else {
        false
    };
    if all {
        let nodes = registry.local_sessions();
        info!(key, nodes = nodes.len(), "another master changed the agent config; pushing it to this master's devices");
        for n in nodes {
            registry.offer_config(&n, configs.effective(&n));
        }
    }
}
