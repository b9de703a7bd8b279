//! What a (validated) topology means for each node: the agent config layer it
//! contributes (labels for cluster, role, region, zone; the cluster's config
//! keys; the role's heartbeat interval) and, for hybrid roles, the heartbeat
//! timeout the master applies to that node.

use std::collections::{BTreeSet, HashMap};
use std::time::Duration;

use piccolo_common::config::parse_duration;
use piccolo_proto::{AgentConfig, ClusterTopology};

use super::labels;

/// Config keys a topology's `config` table may set.
pub const CONFIG_KEYS: &[&str] = &[
    "heartbeat_interval",
    "status_interval",
    "min_memory_bytes",
    "min_disk_bytes",
    "podman_socket",
    "podman_disabled",
];

/// A cluster's id: its `id`, or its name when the id is empty.
pub fn cluster_id(c: &ClusterTopology) -> String {
    if c.id.is_empty() { c.name.clone() } else { c.id.clone() }
}

/// The root and its sub-clusters.
fn clusters(topo: &ClusterTopology) -> impl Iterator<Item = &ClusterTopology> {
    std::iter::once(topo).chain(topo.clusters.iter())
}

/// Every node the topology lists, sorted.
pub fn all_nodes(topo: &ClusterTopology) -> BTreeSet<String> {
    clusters(topo).flat_map(|c| c.master_nodes.iter().chain(&c.sub_nodes).cloned()).collect()
}

fn ms(key: &str, v: &str) -> Result<u32, String> {
    let d = parse_duration(v).map_err(|e| format!("{key} = {v:?}: {e}"))?;
    Ok(u32::try_from(d.as_millis()).unwrap_or(u32::MAX))
}

/// Parses a cluster's `config` table into the agent config fields it sets.
pub fn config_from_map(map: &HashMap<String, String>) -> Result<AgentConfig, String> {
    let mut c = AgentConfig::default();
    let mut keys: Vec<&String> = map.keys().collect();
    keys.sort();
    for k in keys {
        let v = &map[k];
        let num = |v: &str| v.parse::<u64>().map_err(|e| format!("{k} = {v:?}: {e} (a number of bytes)"));
        match k.as_str() {
            "heartbeat_interval" => c.heartbeat_interval_ms = ms(k, v)?,
            "status_interval" => c.status_interval_ms = ms(k, v)?,
            "min_memory_bytes" => c.min_memory_bytes = num(v)?,
            "min_disk_bytes" => c.min_disk_bytes = num(v)?,
            "podman_socket" => c.podman_socket = v.clone(),
            "podman_disabled" => {
                c.podman_disabled = v.parse::<bool>().map_err(|_| format!("{k} = {v:?}: use true or false"))?
            }
            other => return Err(format!("unknown key {other:?}; known keys: {}", CONFIG_KEYS.join(", "))),
        }
    }
    Ok(c)
}

/// The agent config layer of every node the topology touches, each carrying
/// `topo.config_version`. Released nodes get an empty layer (same version) so
/// they re-ack without the topology's settings.
pub fn layers(topo: &ClusterTopology) -> HashMap<String, AgentConfig> {
    let version = topo.config_version;
    let root_cfg = config_from_map(&topo.config).unwrap_or_default();
    let mut out: HashMap<String, AgentConfig> =
        topo.released_nodes.iter().map(|n| (n.clone(), AgentConfig { version, ..Default::default() })).collect();
    for (i, c) in clusters(topo).enumerate() {
        let mut base = AgentConfig { version, ..Default::default() };
        crate::configs::overlay(&mut base, &root_cfg);
        if i > 0 {
            crate::configs::overlay(&mut base, &config_from_map(&c.config).unwrap_or_default());
        }
        base.version = version;
        base.labels.insert(labels::TOPOLOGY.into(), topo.name.clone());
        base.labels.insert(labels::CLUSTER.into(), cluster_id(c));
        for n in c.master_nodes.iter().chain(&c.sub_nodes) {
            let mut layer = base.clone();
            if let Some(p) = c.nodes.iter().find(|p| &p.name == n) {
                for (k, v) in &p.labels {
                    layer.labels.insert(k.clone(), v.clone());
                }
                for (key, v) in [(labels::ROLE, &p.role), (labels::REGION, &p.region), (labels::ZONE, &p.zone)] {
                    if !v.is_empty() {
                        layer.labels.insert(key.into(), v.clone());
                    }
                }
                if let Some(r) = c.roles.iter().find(|r| r.role == p.role)
                    && r.heartbeat_interval_ms > 0
                {
                    layer.heartbeat_interval_ms = r.heartbeat_interval_ms;
                }
            }
            out.insert(n.clone(), layer);
        }
    }
    out
}

/// Hybrid: the heartbeat timeout of each node whose role sets one.
pub fn heartbeat_timeouts(topo: &ClusterTopology) -> HashMap<String, Duration> {
    let mut out = HashMap::new();
    for c in clusters(topo) {
        for p in &c.nodes {
            if let Some(r) = c.roles.iter().find(|r| r.role == p.role && r.heartbeat_timeout_ms > 0) {
                out.insert(p.name.clone(), Duration::from_millis(u64::from(r.heartbeat_timeout_ms)));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use piccolo_proto::{TopologyNode, TopologyRole, TopologyType};

    use super::*;

    #[test]
    fn hybrid_layers_carry_role_labels_and_heartbeat() {
        let topo = ClusterTopology {
            name: "plant".into(),
            r#type: TopologyType::Hybrid as i32,
            master_nodes: vec!["gw".into()],
            sub_nodes: vec!["cam".into()],
            nodes: vec![
                TopologyNode { name: "gw".into(), role: "cloud".into(), ..Default::default() },
                TopologyNode { name: "cam".into(), role: "edge".into(), ..Default::default() },
            ],
            roles: vec![TopologyRole {
                role: "cloud".into(),
                heartbeat_interval_ms: 30_000,
                heartbeat_timeout_ms: 90_000,
            }],
            config_version: 7,
            released_nodes: vec!["old".into()],
            ..Default::default()
        };
        let l = layers(&topo);
        assert_eq!(l["gw"].heartbeat_interval_ms, 30_000);
        assert_eq!(l["gw"].labels["role"], "cloud");
        assert_eq!(l["cam"].heartbeat_interval_ms, 0);
        assert_eq!(l["cam"].labels["cluster"], "plant");
        assert_eq!(l["old"], AgentConfig { version: 7, ..Default::default() });
        assert!(l.values().all(|c| c.version == 7));
        assert_eq!(heartbeat_timeouts(&topo)["gw"], Duration::from_secs(90));
        assert!(!heartbeat_timeouts(&topo).contains_key("cam"));
    }

    #[test]
    fn config_keys_are_parsed_or_refused_by_name() {
        let m = HashMap::from([("heartbeat_interval".to_string(), "15s".to_string())]);
        assert_eq!(config_from_map(&m).map(|c| c.heartbeat_interval_ms), Ok(15_000));
        let m = HashMap::from([("heartbeat".to_string(), "15s".to_string())]);
        assert!(config_from_map(&m).is_err_and(|e| e.contains("unknown key \"heartbeat\"")));
    }
}
