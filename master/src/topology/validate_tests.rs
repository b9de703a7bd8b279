//! Unit tests for topology validation.

use piccolo_proto::{ClusterTopology, TopologyNode, TopologyRole, TopologyType};

use super::*;

fn known(n: &str) -> bool {
    ["gw", "a", "b", "c", "d"].contains(&n)
}

fn cluster(name: &str, ty: TopologyType, masters: &[&str], subs: &[&str]) -> ClusterTopology {
    ClusterTopology {
        name: name.into(),
        r#type: ty as i32,
        master_nodes: masters.iter().map(|s| s.to_string()).collect(),
        sub_nodes: subs.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    }
}

fn check(t: &ClusterTopology) -> Result<(), TopologyError> {
    validate(t, &known, 5000)
}

#[test]
fn a_basic_embedded_topology_passes() {
    assert_eq!(check(&cluster("line", TopologyType::Embedded, &["gw"], &["a", "b"])), Ok(()));
}

#[test]
fn unknown_and_duplicated_nodes_are_named() {
    let t = cluster("line", TopologyType::Embedded, &["gw"], &["zz"]);
    assert!(matches!(check(&t), Err(TopologyError::UnknownNode { node, .. }) if node == "zz"));
    let t = cluster("line", TopologyType::Embedded, &["gw"], &["a", "gw"]);
    assert!(matches!(check(&t), Err(TopologyError::NodeTwice { node, .. }) if node == "gw"));
    assert_eq!(check(&cluster("", TopologyType::Embedded, &["gw"], &[])), Err(TopologyError::MissingName));
    assert!(matches!(
        check(&cluster("x", TopologyType::Unspecified, &["gw"], &[])),
        Err(TopologyError::MissingType { .. })
    ));
    assert!(matches!(check(&cluster("x", TopologyType::Embedded, &[], &["a"])), Err(TopologyError::NoMaster { .. })));
}

#[test]
fn type_specific_fields_are_checked() {
    let mut t = cluster("line", TopologyType::Embedded, &["gw"], &["a"]);
    t.nodes.push(TopologyNode { name: "a".into(), role: "edge".into(), ..Default::default() });
    let e = check(&t).unwrap_err();
    assert!(matches!(&e, TopologyError::WrongField { field: "role", .. }), "{e}");
    assert!(e.to_string().contains("hybrid"), "{e}");

    let mut t = cluster("plant", TopologyType::Hybrid, &["gw"], &["a"]);
    t.nodes.push(TopologyNode { name: "gw".into(), role: "cloud".into(), ..Default::default() });
    assert!(matches!(check(&t), Err(TopologyError::BadRole { node, .. }) if node == "a"));
    t.nodes.push(TopologyNode { name: "a".into(), role: "fog".into(), ..Default::default() });
    assert!(check(&t).unwrap_err().to_string().contains("not \"fog\""));
    t.nodes[1].role = "edge".into();
    assert_eq!(check(&t), Ok(()));
    t.roles.push(TopologyRole { role: "edge".into(), heartbeat_interval_ms: 10_000, heartbeat_timeout_ms: 5_000 });
    assert!(matches!(check(&t), Err(TopologyError::BadRoleSettings { .. })));

    let mut t = cluster("geo", TopologyType::Distributed, &["gw"], &["a"]);
    t.nodes.push(TopologyNode { name: "gw".into(), zone: "z1".into(), ..Default::default() });
    assert!(matches!(check(&t), Err(TopologyError::MissingZone { node, .. }) if node == "a"));
    t.nodes.push(TopologyNode { name: "b".into(), zone: "z1".into(), ..Default::default() });
    assert!(matches!(check(&t), Err(TopologyError::PlacementForUnlisted { node, .. }) if node == "b"));

    let mut t = cluster("line", TopologyType::Embedded, &["gw"], &[]);
    t.config.insert("hearbeat_interval".into(), "10s".into());
    assert!(check(&t).unwrap_err().to_string().contains("unknown key \"hearbeat_interval\""));
    t.config.clear();
    t.config.insert("heartbeat_interval".into(), "1s".into());
    assert!(check(&t).unwrap_err().to_string().contains("below the minimum"));
}

#[test]
fn sub_clusters_need_known_acyclic_parents() {
    let mut t = cluster("fleet", TopologyType::MultiCluster, &["gw"], &[]);
    assert_eq!(check(&t), Err(TopologyError::NoSubClusters));
    let mut x = cluster("x", TopologyType::Embedded, &["a"], &[]);
    let mut y = cluster("y", TopologyType::Embedded, &["b"], &["c"]);
    x.parent_cluster = "y".into();
    y.parent_cluster = "x".into();
    t.clusters = vec![x, y];
    let e = check(&t).unwrap_err();
    assert!(matches!(&e, TopologyError::ParentCycle { path } if path == "x -> y -> x"), "{e}");
    t.clusters[1].parent_cluster = "fleet".into();
    assert_eq!(check(&t), Ok(()));
    t.clusters[1].parent_cluster = "nowhere".into();
    assert!(matches!(check(&t), Err(TopologyError::UnknownParent { parent, .. }) if parent == "nowhere"));
    t.clusters[1].parent_cluster.clear();
    t.clusters[1].sub_nodes.push("a".into());
    assert!(
        matches!(check(&t), Err(TopologyError::NodeTwice { node, first, second }) if node == "a" && first == "x" && second == "y")
    );
    t.clusters[1].sub_nodes.pop();
    t.clusters[1].name = "x".into();
    assert!(matches!(check(&t), Err(TopologyError::DuplicateCluster { .. })));
    // Sub-clusters only in multi-cluster topologies.
    let mut e = cluster("line", TopologyType::Embedded, &["gw"], &[]);
    e.clusters.push(cluster("x", TopologyType::Embedded, &["a"], &[]));
    assert!(matches!(check(&e), Err(TopologyError::WrongField { field: "clusters", .. })));
}
