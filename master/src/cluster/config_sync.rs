//! Agent config and topology across masters: another master's write of the
//! cluster-wide config, a node override or the topology (seen through the
//! watch in `sync`) replaces this master's cached copy, and the devices whose
//! sessions are here get the resulting config, as if the change had been made
//! here. A topology also sets what it derives outside the agent config (the
//! hybrid roles' heartbeat timeouts), as a local apply does. The leader's
//! config rollout stages its target and nodes in the store; each master
//! pushes the staged config to the staged nodes whose sessions it holds,
//! and follows the rollout's status (`config/rollout`) so every master
//! answers `config rollout-status` the same.

use std::sync::Arc;

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

/// What the watch hands over besides the registry: agent config, topology
/// and workload records.
pub struct Follower {
    pub configs: Arc<Configs>,
    pub registry: Arc<Registry>,
    pub workloads: Arc<crate::workloads::Workloads>,
    pub rollouts: Arc<crate::rollout::Rollouts>,
}

// The watch that feeds it exists with etcd only (`--no-default-features`
// builds an embedded-store master, one master, nothing to follow).
#[cfg(feature = "etcd")]
impl super::sync::Followed for Follower {
    fn follows(&self, key: &str) -> bool {
        followed(key) || crate::workloads::is_record_key(key) || crate::workloads::is_states_key(key)
    }
    fn changed(&self, key: &str, value: Option<&[u8]>) {
        if crate::workloads::is_record_key(key) {
            self.workloads.apply_remote(key, value);
        } else if crate::workloads::is_states_key(key) {
            self.workloads.apply_remote_states(key, value);
        } else if key == crate::rollout::status_key() {
            self.rollouts.apply_remote(value);
        } else {
            changed(&self.configs, &self.registry, key, value);
        }
    }
    fn held(&self) -> Vec<String> {
        let mut keys: Vec<String> = self.configs.override_nodes().iter().map(|n| crate::configs::node_key(n)).collect();
        keys.extend(self.workloads.record_keys());
        keys.extend(self.workloads.state_keys());
        keys
    }
}

/// A new leader that finds the last leader's config rollout unfinished
/// resumes it ([`crate::rollout::resume`]): same target, batches and timeout,
/// from its first batch not done. One it cannot resume (its copy of the
/// staging or status does not match) is marked failed and its staging
/// dropped, as a restarted single master does: every node follows the
/// stored cluster-wide config again.
pub async fn on_leadership(
    cluster: super::Cluster,
    rollout: crate::rollout::Rollout,
    mut shutdown: tokio::sync::watch::Receiver<bool>,
) {
    let mut leader = cluster.leadership();
    loop {
        tokio::select! {
            r = leader.changed() => if r.is_err() { return },
            _ = crate::stopped(&mut shutdown) => return,
        }
        let leads = *leader.borrow_and_update();
        if !leads || rollout.rollouts.runs_here() {
            continue;
        }
        if let Some((plan, start)) = crate::rollout::resume(&rollout) {
            info!(batch = start + 1, to = plan.target.version, "resuming the last leader's config rollout");
            let (st, mut stop) = (rollout.clone(), shutdown.clone());
            tokio::spawn(async move {
                tokio::select! {
                    _ = crate::rollout::run_from(st, plan, start) => {}
                    _ = crate::stopped(&mut stop) => {}
                }
            });
            continue;
        }
        let (configs, registry) = (&rollout.configs, &rollout.registry);
        let why = format!(
            "the master that ran it stopped leading before it finished and it could not be resumed; nodes follow \
             the stored cluster-wide config (version {}) again",
            configs.cluster().version
        );
        rollout.rollouts.abandon(&why);
        if !configs.is_staged() {
            continue;
        }
        warn!("the last leader's config rollout did not finish; its nodes return to the stored cluster-wide config");
        configs.unstage();
        if let Err(e) = configs.share_stage(None, &[]).await {
            warn!(error = %e, "cannot drop the unfinished rollout's staging from the store");
        }
        for n in registry.local_sessions() {
            registry.offer_config(&n, configs.effective(&n));
        }
    }
}

/// Applies another master's write of `key` (`None`: deleted).
pub fn changed(configs: &Configs, registry: &Registry, key: &str, value: Option<&[u8]>) {
    let all = if key == crate::configs::staged_key() {
        // The leader's rollout staged a target, or its staging is over.
        match value.map(AgentConfig::decode) {
            Some(Ok(c)) => configs.stage(c),
            None => configs.unstage(),
            Some(Err(e)) => warn!(key, error = %e, "ignoring an undecodable staged config from another master"),
        }
        value.is_none()
    } else if let Some(node) = key.strip_prefix(&crate::configs::staged_nodes_prefix()) {
        // The leader's rollout reached this node: its master pushes it.
        if value.is_some() {
            configs.stage_nodes(&[node.to_string()]);
            if registry.has_session(node) {
                registry.offer_config(node, configs.effective(node));
            }
        }
        false
    } else if key == crate::configs::cluster_key() {
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
        // The same derived settings a local apply sets (topology::apply).
        configs.set_topology_layers(crate::topology::layers(&topo));
        registry.set_heartbeat_timeouts(crate::topology::model::heartbeat_timeouts(&topo));
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
