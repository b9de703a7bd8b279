//! Checks a topology before anything is stored: names, node membership (each
//! registered node in at most one cluster), parent links without cycles, and
//! the fields each topology type allows or needs. Errors say what to change.

use std::collections::{HashMap, HashSet};

use piccolo_common::names::validate_node_name;
use piccolo_proto::{ClusterTopology, TopologyType};
use thiserror::Error;

use super::model;

/// Why a topology was refused.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum TopologyError {
    #[error("the topology needs a name (top-level `name = \"...\"`)")]
    MissingName,
    #[error("cluster {cluster:?} has no type: set `type` to embedded, hybrid, multi-cluster or distributed")]
    MissingType { cluster: String },
    #[error(
        "cluster {cluster:?} names node {node:?}, which is not registered with this master (see `piccoloctl get nodes`)"
    )]
    UnknownNode { cluster: String, node: String },
    #[error("{node:?} is not a valid node name: {reason}")]
    BadNodeName { node: String, reason: String },
    #[error(
        "node {node:?} is listed in cluster {first:?} and again in cluster {second:?}: a node belongs to exactly one cluster, once"
    )]
    NodeTwice { node: String, first: String, second: String },
    #[error("cluster {cluster:?} has no master node: list at least one in `master_nodes`")]
    NoMaster { cluster: String },
    #[error(
        "cluster {cluster:?} describes node {node:?} under `nodes` but does not list it in its `master_nodes` or `sub_nodes`"
    )]
    PlacementForUnlisted { cluster: String, node: String },
    #[error("cluster {cluster:?} is of type {ty}, which does not use `{field}`: {hint}")]
    WrongField { cluster: String, ty: &'static str, field: &'static str, hint: &'static str },
    #[error("node {node:?} in hybrid cluster {cluster:?} needs `role = \"cloud\"` or `role = \"edge\"`{got}")]
    BadRole { cluster: String, node: String, got: String },
    #[error("node {node:?} in distributed cluster {cluster:?} needs a `zone` (and usually a `region`)")]
    MissingZone { cluster: String, node: String },
    #[error("settings for role {role:?} in cluster {cluster:?}: {reason}")]
    BadRoleSettings { cluster: String, role: String, reason: String },
    #[error("a multi-cluster topology needs at least one `[[clusters]]` entry")]
    NoSubClusters,
    #[error("cluster id {id:?} is used twice; every cluster needs its own id")]
    DuplicateCluster { id: String },
    #[error(
        "cluster {cluster:?} names parent {parent:?}, which is neither the top-level cluster nor one of `[[clusters]]`"
    )]
    UnknownParent { cluster: String, parent: String },
    #[error("parent links form a cycle: {path}; every chain of parents must end at the top-level cluster")]
    ParentCycle { path: String },
    #[error(
        "sub-cluster {cluster:?} cannot itself be multi-cluster or hold `clusters`: list every cluster flat under the top level and link them with `parent_cluster`"
    )]
    NestedClusters { cluster: String },
    #[error("config of cluster {cluster:?}: {reason}")]
    BadConfig { cluster: String, reason: String },
}

fn type_label(t: TopologyType) -> &'static str {
    t.label()
}

/// The effective type of a cluster: sub-clusters default to embedded.
pub fn cluster_type(c: &ClusterTopology, is_root: bool) -> TopologyType {
    match c.r#type() {
        TopologyType::Unspecified if !is_root => TopologyType::Embedded,
        t => t,
    }
}

/// Checks `topo`; `known` says whether a node is registered.
pub fn validate(
    topo: &ClusterTopology,
    known: &dyn Fn(&str) -> bool,
    min_heartbeat_ms: u32,
) -> Result<(), TopologyError> {
    if topo.name.trim().is_empty() {
        return Err(TopologyError::MissingName);
    }
    let root_id = model::cluster_id(topo);
    let root_type = cluster_type(topo, true);
    if root_type == TopologyType::Unspecified {
        return Err(TopologyError::MissingType { cluster: root_id });
    }
    if root_type == TopologyType::MultiCluster {
        if topo.clusters.is_empty() {
            return Err(TopologyError::NoSubClusters);
        }
    } else if !topo.clusters.is_empty() {
        return Err(TopologyError::WrongField {
            cluster: root_id,
            ty: type_label(root_type),
            field: "clusters",
            hint: "sub-clusters belong to a multi-cluster topology (`type = \"multi-cluster\"`)",
        });
    }
    let mut owner: HashMap<String, String> = HashMap::new();
    check_cluster(topo, true, known, min_heartbeat_ms, &mut owner)?;
    let mut ids = HashSet::from([root_id.clone()]);
    for c in &topo.clusters {
        let id = model::cluster_id(c);
        if !ids.insert(id.clone()) {
            return Err(TopologyError::DuplicateCluster { id });
        }
        if !c.clusters.is_empty() || c.r#type() == TopologyType::MultiCluster {
            return Err(TopologyError::NestedClusters { cluster: id });
        }
        check_cluster(c, false, known, min_heartbeat_ms, &mut owner)?;
    }
    check_parents(topo, &root_id, &ids)
}

fn check_parents(topo: &ClusterTopology, root_id: &str, ids: &HashSet<String>) -> Result<(), TopologyError> {
    let parent: HashMap<String, String> = topo
        .clusters
        .iter()
        .map(|c| {
            let p = if c.parent_cluster.is_empty() { root_id.to_string() } else { c.parent_cluster.clone() };
            (model::cluster_id(c), p)
        })
        .collect();
    for (id, p) in &parent {
        if !ids.contains(p) {
            return Err(TopologyError::UnknownParent { cluster: id.clone(), parent: p.clone() });
        }
    }
    let mut sorted: Vec<&String> = parent.keys().collect();
    sorted.sort();
    for start in sorted {
        let mut path = vec![start.clone()];
        let mut at = start;
        while let Some(p) = parent.get(at) {
            if p == root_id {
                break;
            }
            if path.contains(p) {
                path.push(p.clone());
                return Err(TopologyError::ParentCycle { path: path.join(" -> ") });
            }
            path.push(p.clone());
            at = p;
        }
    }
    Ok(())
}

fn check_cluster(
    c: &ClusterTopology,
    is_root: bool,
    known: &dyn Fn(&str) -> bool,
    min_heartbeat_ms: u32,
    owner: &mut HashMap<String, String>,
) -> Result<(), TopologyError> {
    let id = model::cluster_id(c);
    let ty = cluster_type(c, is_root);
    let multi_root = is_root && ty == TopologyType::MultiCluster;
    if c.master_nodes.is_empty() && !multi_root {
        return Err(TopologyError::NoMaster { cluster: id });
    }
    for n in c.master_nodes.iter().chain(&c.sub_nodes) {
        validate_node_name(n).map_err(|e| TopologyError::BadNodeName { node: n.clone(), reason: e.to_string() })?;
        if let Some(first) = owner.insert(n.clone(), id.clone()) {
            return Err(TopologyError::NodeTwice { node: n.clone(), first, second: id });
        }
        if !known(n) {
            return Err(TopologyError::UnknownNode { cluster: id, node: n.clone() });
        }
    }
    let members: HashSet<&String> = c.master_nodes.iter().chain(&c.sub_nodes).collect();
    let wrong = |field, hint| TopologyError::WrongField { cluster: id.clone(), ty: type_label(ty), field, hint };
    let hybrid = ty == TopologyType::Hybrid;
    let distributed = ty == TopologyType::Distributed;
    if !hybrid && !c.roles.is_empty() {
        return Err(wrong("roles", "per-role heartbeat settings belong to a hybrid topology"));
    }
    let mut placed = HashSet::new();
    for p in &c.nodes {
        if !members.contains(&p.name) {
            return Err(TopologyError::PlacementForUnlisted { cluster: id.clone(), node: p.name.clone() });
        }
        placed.insert(&p.name);
        if !hybrid && !p.role.is_empty() {
            return Err(wrong("role", "node roles (cloud/edge) belong to a hybrid topology"));
        }
        if !distributed && (!p.zone.is_empty() || !p.region.is_empty()) {
            return Err(wrong(
                "region/zone",
                "placement by region and zone belongs to a distributed topology; use `labels` here",
            ));
        }
        if hybrid && !matches!(p.role.as_str(), "cloud" | "edge") {
            let got = if p.role.is_empty() { String::new() } else { format!(", not {:?}", p.role) };
            return Err(TopologyError::BadRole { cluster: id.clone(), node: p.name.clone(), got });
        }
        if distributed && p.zone.is_empty() {
            return Err(TopologyError::MissingZone { cluster: id.clone(), node: p.name.clone() });
        }
        for k in p.labels.keys() {
            if k.is_empty() || k.len() > 63 {
                return Err(TopologyError::BadConfig {
                    cluster: id.clone(),
                    reason: format!("label key {k:?} of node {:?} must be 1-63 characters", p.name),
                });
            }
        }
    }
    // Hybrid and distributed need every member placed.
    if hybrid || distributed {
        let mut all: Vec<&String> = members.iter().copied().collect();
        all.sort();
        if let Some(n) = all.into_iter().find(|n| !placed.contains(n)) {
            return Err(if hybrid {
                TopologyError::BadRole {
                    cluster: id.clone(),
                    node: n.clone(),
                    got: " (add it under `[nodes.NAME]`)".into(),
                }
            } else {
                TopologyError::MissingZone { cluster: id.clone(), node: n.clone() }
            });
        }
    }
    for r in &c.roles {
        let bad = |reason: String| TopologyError::BadRoleSettings { cluster: id.clone(), role: r.role.clone(), reason };
        if !matches!(r.role.as_str(), "cloud" | "edge") {
            return Err(bad("roles are \"cloud\" and \"edge\"".into()));
        }
        if r.heartbeat_interval_ms > 0 && r.heartbeat_interval_ms < min_heartbeat_ms {
            return Err(bad(format!(
                "heartbeat_interval {} ms is below the minimum {min_heartbeat_ms} ms",
                r.heartbeat_interval_ms
            )));
        }
        if r.heartbeat_timeout_ms > 0 && r.heartbeat_timeout_ms <= r.heartbeat_interval_ms {
            return Err(bad("heartbeat_timeout must be longer than heartbeat_interval".into()));
        }
    }
    let cfg =
        model::config_from_map(&c.config).map_err(|reason| TopologyError::BadConfig { cluster: id.clone(), reason })?;
    crate::configs::validate(&cfg, min_heartbeat_ms).map_err(|reason| TopologyError::BadConfig { cluster: id, reason })
}

#[cfg(test)]
#[path = "validate_tests.rs"]
mod tests;
