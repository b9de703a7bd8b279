//! The topology file (`piccoloctl topology apply -f FILE`): TOML, kept in
//! version control, parsed into the wire `ClusterTopology`. Unknown keys are
//! refused with their line so a typo never silently drops a setting; checks
//! that need the cluster (unknown nodes, cycles, type rules) are the master's.

use std::collections::BTreeMap;
use std::path::Path;

use piccolo_proto::{ClusterTopology, TopologyNode, TopologyRole, TopologyType};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileCluster {
    #[serde(default)]
    id: String,
    name: String,
    #[serde(rename = "type", default)]
    ty: String,
    #[serde(default)]
    master_nodes: Vec<String>,
    #[serde(default)]
    sub_nodes: Vec<String>,
    #[serde(default)]
    parent_cluster: String,
    #[serde(default)]
    config: BTreeMap<String, toml::Value>,
    #[serde(default)]
    nodes: BTreeMap<String, FileNode>,
    #[serde(default)]
    roles: BTreeMap<String, FileRole>,
    #[serde(default)]
    clusters: Vec<FileCluster>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileNode {
    #[serde(default)]
    role: String,
    #[serde(default)]
    region: String,
    #[serde(default)]
    zone: String,
    #[serde(default)]
    labels: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileRole {
    heartbeat_interval: Option<String>,
    heartbeat_timeout: Option<String>,
}

/// The topology types as written in files.
pub fn parse_type(s: &str) -> Result<TopologyType, String> {
    match s {
        "embedded" => Ok(TopologyType::Embedded),
        "hybrid" | "edge-cloud" => Ok(TopologyType::Hybrid),
        "multi-cluster" => Ok(TopologyType::MultiCluster),
        "distributed" => Ok(TopologyType::Distributed),
        "" => Ok(TopologyType::Unspecified),
        other => Err(format!("type {other:?} is not one of embedded, hybrid, multi-cluster, distributed")),
    }
}

fn ms(what: &str, v: &Option<String>) -> Result<u32, String> {
    match v {
        None => Ok(0),
        Some(v) => piccolo_common::config::parse_duration(v)
            .map(|d| u32::try_from(d.as_millis()).unwrap_or(u32::MAX))
            .map_err(|e| format!("{what} = {v:?}: {e}")),
    }
}

fn convert(c: FileCluster, top: bool) -> Result<ClusterTopology, String> {
    let ty = parse_type(&c.ty).map_err(|e| format!("cluster {:?}: {e}", c.name))?;
    if top && ty == TopologyType::Unspecified {
        return Err("`type` is missing: set it to embedded, hybrid, multi-cluster or distributed".into());
    }
    let mut config = std::collections::HashMap::new();
    for (k, v) in c.config {
        let s = match v {
            toml::Value::String(s) => s,
            toml::Value::Integer(i) => i.to_string(),
            toml::Value::Boolean(b) => b.to_string(),
            other => {
                return Err(format!("cluster {:?}: config.{k} = {other}: use a string, number or boolean", c.name));
            }
        };
        config.insert(k, s);
    }
    let mut roles = Vec::new();
    for (role, r) in c.roles {
        roles.push(TopologyRole {
            heartbeat_interval_ms: ms(&format!("roles.{role}.heartbeat_interval"), &r.heartbeat_interval)?,
            heartbeat_timeout_ms: ms(&format!("roles.{role}.heartbeat_timeout"), &r.heartbeat_timeout)?,
            role,
        });
    }
    let nodes = c
        .nodes
        .into_iter()
        .map(|(name, n)| TopologyNode {
            name,
            role: n.role,
            region: n.region,
            zone: n.zone,
            labels: n.labels.into_iter().collect(),
        })
        .collect();
    let clusters = c.clusters.into_iter().map(|s| convert(s, false)).collect::<Result<Vec<_>, _>>()?;
    Ok(ClusterTopology {
        id: c.id,
        name: c.name,
        r#type: ty as i32,
        master_nodes: c.master_nodes,
        sub_nodes: c.sub_nodes,
        parent_cluster: c.parent_cluster,
        config,
        nodes,
        roles,
        clusters,
        ..Default::default()
    })
}

/// Parses topology TOML text.
pub fn parse(text: &str) -> Result<ClusterTopology, String> {
    let file: FileCluster = toml::from_str(text).map_err(|e| e.to_string())?;
    convert(file, true)
}

/// Reads and parses a topology file.
pub fn load(path: &Path) -> Result<ClusterTopology, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    parse(&text).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn every_example_file_parses() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/topology");
        let mut n = 0;
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            let t = load(&p).unwrap_or_else(|e| panic!("{e}"));
            assert_ne!(t.r#type(), TopologyType::Unspecified);
            n += 1;
        }
        assert_eq!(n, 4, "one example per topology type");
    }

    #[test]
    fn typos_and_missing_types_are_refused_with_the_key() {
        let e = parse("name = \"x\"\ntype = \"embedded\"\nmaster_node = [\"a\"]\n").unwrap_err();
        assert!(e.contains("master_node"), "{e}");
        let e = parse("name = \"x\"\nmaster_nodes = [\"a\"]\n").unwrap_err();
        assert!(e.contains("`type` is missing"), "{e}");
        let e = parse("name = \"x\"\ntype = \"star\"\n").unwrap_err();
        assert!(e.contains("\"star\""), "{e}");
    }
}
