//! Topology: each example file (one per topology type) applied to a real
//! cluster of agents, acked by every node, visible in labels and selectors;
//! offline nodes apply on return; a config an agent rejects is reported with
//! the reason; invalid files are refused with a clear error and change nothing.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::PathBuf;
use std::time::Duration;

use piccolo_proto::{GetTopologyRequest, NodeState};
use piccolo_tests::{Agent, Master, MasterOptions, wait_until};

const READY: Duration = Duration::from_secs(20);
const NODES: [&str; 4] = ["gateway", "sensor-a", "sensor-b", "camera"];

fn example(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples/topology").join(name).display().to_string()
}

fn text(out: &std::process::Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

async fn cluster() -> (Master, Vec<Agent>) {
    // A long default timeout: the examples set realistic heartbeat intervals.
    let master = Master::start(MasterOptions { heartbeat_timeout: "120s", ..Default::default() }).await;
    let token = master.token(0).await;
    let agents: Vec<Agent> = NODES.iter().map(|n| Agent::start(&master, n, &token)).collect();
    for n in NODES {
        master.wait_state(n, NodeState::Ready, READY).await;
    }
    (master, agents)
}

async fn labels_of(master: &Master, selector: &str) -> Vec<String> {
    let out = master.ctl(&["get", "nodes", "-l", selector, "-o", "json"]).await;
    assert!(out.status.success(), "{}", text(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut names: Vec<String> =
        v.as_array().unwrap().iter().map(|n| n["name"].as_str().unwrap().to_string()).collect();
    names.sort();
    names
}

async fn apply_ok(master: &Master, file: &str) -> serde_json::Value {
    let out = master.ctl(&["topology", "apply", "-f", &example(file), "--wait", "-o", "json"]).await;
    assert!(out.status.success(), "{file}: {}", text(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut applied: Vec<&str> = v["applied"].as_array().unwrap().iter().map(|s| s.as_str().unwrap()).collect();
    applied.sort();
    let mut want = NODES.to_vec();
    want.sort();
    assert_eq!(applied, want, "{file}: every node acks: {v}");
    v
}

#[tokio::test]
async fn each_example_topology_is_applied_and_acked_by_every_agent() {
    let (master, _agents) = cluster().await;

    let v = apply_ok(&master, "embedded.toml").await;
    assert_eq!(v["topology"]["type"], "embedded");
    assert_eq!(labels_of(&master, "cluster=line-1").await.len(), 4);
    assert_eq!(labels_of(&master, "kind=camera").await, vec!["camera"]);

    let v = apply_ok(&master, "hybrid.toml").await;
    assert_eq!(v["topology"]["version"], 2);
    assert_eq!(labels_of(&master, "role=edge").await, vec!["camera", "sensor-a", "sensor-b"]);
    assert_eq!(labels_of(&master, "role=cloud").await, vec!["gateway"]);
    // The role's interval reached the agent (the config it acked).
    let status = master.ctl(&["describe", "topology"]).await;
    let s = text(&status);
    assert!(s.contains("Role cloud: heartbeat interval 20000 ms, timeout 90000 ms"), "{s}");
    assert!(!s.contains("pending") && !s.contains("failed"), "{s}");

    let v = apply_ok(&master, "multi-cluster.toml").await;
    assert_eq!(v["topology"]["clusters"].as_array().unwrap().len(), 2);
    assert_eq!(labels_of(&master, "cluster=cell-1").await, vec!["camera", "sensor-a"]);
    assert_eq!(labels_of(&master, "cluster=cell-2").await, vec!["sensor-b"]);
    // The hybrid topology's roles are gone with it.
    assert!(labels_of(&master, "role").await.is_empty());
    let get = text(&master.ctl(&["get", "topology"]).await);
    assert!(get.contains("cell-2") && get.contains("cell-1"), "{get}");
    // Sub-clusters show their effective type (embedded unless they say so).
    assert!(!get.contains("unspecified"), "{get}");
    let t = master.admin().await.get_topology(GetTopologyRequest {}).await.unwrap().into_inner().topology.unwrap();
    assert!(t.clusters.iter().all(|c| c.r#type() == piccolo_proto::TopologyType::Embedded), "{:?}", t.clusters);
    let described = text(&master.ctl(&["describe", "topology"]).await);
    assert!(!described.contains("unspecified"), "{described}");
    // describe -o json: the same topology plus each node's config state.
    let d: serde_json::Value =
        serde_json::from_str(&text(&master.ctl(&["describe", "topology", "-o", "json"]).await)).unwrap();
    assert_eq!(d["clusters"].as_array().unwrap().len(), 2, "{d}");
    assert!(d["nodes"].as_array().unwrap().iter().any(|n| n["node"] == "camera"), "{d}");

    apply_ok(&master, "distributed.toml").await;
    assert_eq!(labels_of(&master, "zone=eu-west-a").await, vec!["gateway", "sensor-a"]);
    assert_eq!(labels_of(&master, "region=eu-west,zone!=eu-west-a").await, vec!["sensor-b"]);
    let grouped = master.ctl(&["get", "nodes", "--group-by", "zone"]).await;
    let g = text(&grouped);
    assert!(g.contains("zone=eu-west-a (2 node(s))") && g.contains("zone=us-east-a (1 node(s))"), "{g}");

    // The topology and its layers survive a master restart.
    let mut master = master;
    master.restart().await;
    let t = master.admin().await.get_topology(GetTopologyRequest {}).await.unwrap().into_inner().topology.unwrap();
    assert_eq!((t.name.as_str(), t.version), ("fleet-geo", 4));
    wait_until("labels after restart", READY, || async {
        let n = labels_of(&master, "zone=us-east-a").await;
        if n == vec!["camera".to_string()] { Ok(()) } else { Err(format!("{n:?}")) }
    })
    .await;
}

#[tokio::test]
async fn offline_nodes_apply_on_return_and_rejections_say_why() {
    let master = Master::start(MasterOptions { heartbeat_timeout: "120s", ..Default::default() }).await;
    let token = master.token(0).await;
    let _gw = Agent::start(&master, "gateway", &token);
    let mut cam = Agent::start(&master, "camera", &token);
    master.wait_state("gateway", NodeState::Ready, READY).await;
    master.wait_state("camera", NodeState::Ready, READY).await;
    cam.stop();
    wait_until("camera disconnected", READY, || async {
        match master.node("camera").await {
            Some(n) if !n.connected => Ok(()),
            n => Err(format!("{n:?}")),
        }
    })
    .await;

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("t.toml");
    std::fs::write(
        &file,
        "name = \"small\"\ntype = \"embedded\"\nmaster_nodes = [\"gateway\"]\nsub_nodes = [\"camera\"]\n",
    )
    .unwrap();
    let out = master.ctl(&["topology", "apply", "-f", file.to_str().unwrap(), "--wait"]).await;
    let s = text(&out);
    assert!(out.status.success(), "{s}");
    assert!(s.contains("applied: gateway"), "{s}");
    assert!(s.contains("offline: camera (they apply it when they reconnect)"), "{s}");

    // Back online: it gets the topology's config and acks it.
    cam.restart();
    wait_until("camera to ack on return", READY, || async {
        let s = text(&master.ctl(&["describe", "topology"]).await);
        let line = s.lines().find(|l| l.trim_start().starts_with("camera")).unwrap_or_default().to_string();
        if line.ends_with("applied") { Ok(()) } else { Err(s) }
    })
    .await;

    // A setting the agent would refuse: the master refuses it first, dry run included.
    std::fs::write(
        &file,
        "name = \"small\"\ntype = \"embedded\"\nmaster_nodes = [\"gateway\"]\nsub_nodes = [\"camera\"]\n[config]\npodman_socket = \"relative/podman.sock\"\n",
    )
    .unwrap();
    for extra in ["--dry-run", "--wait"] {
        let out = master.ctl(&["topology", "apply", "-f", file.to_str().unwrap(), extra]).await;
        let s = text(&out);
        assert!(!out.status.success(), "{extra}: {s}");
        assert!(s.contains("absolute path"), "{extra}: {s}");
    }
}

#[tokio::test]
async fn invalid_topologies_are_refused_with_a_clear_error_and_change_nothing() {
    let master = Master::start(MasterOptions::default()).await;
    let token = master.token(0).await;
    let _a = Agent::start(&master, "node-a", &token);
    let _b = Agent::start(&master, "node-b", &token);
    master.wait_state("node-a", NodeState::Ready, READY).await;
    master.wait_state("node-b", NodeState::Ready, READY).await;
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "name = \"t\"\ntype = \"embedded\"\nmaster_nodes = [\"node-a\"]\nsub_nodes = [\"ghost\"]\n",
            "names node \"ghost\", which is not registered",
        ),
        (
            "name = \"t\"\ntype = \"multi-cluster\"\n[[clusters]]\nid = \"x\"\nname = \"x\"\nmaster_nodes = [\"node-a\"]\n[[clusters]]\nid = \"y\"\nname = \"y\"\nmaster_nodes = [\"node-b\"]\nsub_nodes = [\"node-a\"]\n",
            "node \"node-a\" is listed in cluster \"x\" and again in cluster \"y\"",
        ),
        (
            "name = \"t\"\ntype = \"multi-cluster\"\n[[clusters]]\nid = \"x\"\nname = \"x\"\nparent_cluster = \"y\"\nmaster_nodes = [\"node-a\"]\n[[clusters]]\nid = \"y\"\nname = \"y\"\nparent_cluster = \"x\"\nmaster_nodes = [\"node-b\"]\n",
            "parent links form a cycle: x -> y -> x",
        ),
        (
            "name = \"t\"\ntype = \"embedded\"\nmaster_nodes = [\"node-a\"]\n[nodes.node-a]\nrole = \"edge\"\n",
            "does not use `role`",
        ),
        ("name = \"t\"\ntype = \"distributed\"\nmaster_nodes = [\"node-a\"]\n", "needs a `zone`"),
        ("name = \"t\"\ntype = \"embedded\"\nmaster_nodes = [\"node-a\"]\nsubnodes = [\"node-b\"]\n", "subnodes"),
    ];
    for (i, (body, want)) in cases.iter().enumerate() {
        let file = dir.path().join(format!("bad-{i}.toml"));
        std::fs::write(&file, body).unwrap();
        let out = master.ctl(&["topology", "apply", "-f", file.to_str().unwrap()]).await;
        let s = text(&out);
        assert!(!out.status.success(), "case {i} was accepted: {s}");
        assert!(s.contains(want), "case {i}: want {want:?} in: {s}");
    }
    let t = master.admin().await.get_topology(GetTopologyRequest {}).await.unwrap().into_inner().topology;
    assert!(t.is_none(), "nothing was stored: {t:?}");
    // A dry run of a good file validates without storing.
    let out = master.ctl(&["topology", "apply", "-f", &example("embedded.toml"), "--dry-run"]).await;
    assert!(!out.status.success(), "the example names nodes this cluster lacks: {}", text(&out));
    let file = dir.path().join("good.toml");
    std::fs::write(&file, "name = \"t\"\ntype = \"embedded\"\nmaster_nodes = [\"node-a\"]\nsub_nodes = [\"node-b\"]\n")
        .unwrap();
    let out = master.ctl(&["topology", "apply", "-f", file.to_str().unwrap(), "--dry-run"]).await;
    assert!(text(&out).contains("is valid"), "{}", text(&out));
    let t = master.admin().await.get_topology(GetTopologyRequest {}).await.unwrap().into_inner().topology;
    assert!(t.is_none());
}
