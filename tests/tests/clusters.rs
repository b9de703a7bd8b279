//! Multi-embedded cluster with two real masters on loopback: the child enrols
//! with the parent like a device and reports its aggregate; the parent's
//! `get clusters` lists it with its state; a killed child goes NotReady at the
//! parent and comes back on restart; the child keeps serving its own nodes
//! while the parent is gone and resyncs when it returns.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::time::Duration;

use piccolo_proto::{ChildCluster, GetClustersRequest, NodeState};
use piccolo_tests::{Agent, Master, MasterOptions, wait_until};

const READY: Duration = Duration::from_secs(20);

async fn child_at_parent(parent: &Master, what: &str, ok: impl Fn(&ChildCluster) -> bool) -> ChildCluster {
    wait_until(what, READY, || async {
        let mut c = parent.admin().await;
        let list = c.get_clusters(GetClustersRequest {}).await.map_err(|e| e.to_string())?.into_inner().clusters;
        match list.into_iter().find(|c| c.name == "child-1") {
            Some(c) if ok(&c) => Ok(c),
            other => Err(format!("{other:?}")),
        }
    })
    .await
}

fn ready_nodes(c: &ChildCluster) -> u32 {
    c.report.as_ref().and_then(|r| r.nodes_by_state.get("Ready").copied()).unwrap_or(0)
}

#[tokio::test]
async fn a_child_master_reports_to_its_parent_and_survives_either_going_away() {
    let mut parent = Master::start(MasterOptions::default()).await;
    let token = parent.token(1).await;
    let extra = format!(
        "parent_master = \"{}\"\nparent_token = \"{token}\"\nparent_ca_file = \"{}\"\ncluster_name = \"child-1\"\nzone = \"z1\"\n",
        parent.addr(),
        parent.ca_file().display()
    );
    let mut child = Master::start(MasterOptions { extra, ..Default::default() }).await;
    let child_token = child.token(0).await;
    let _node = Agent::start(&child, "c-node", &child_token);
    child.wait_state("c-node", NodeState::Ready, READY).await;

    let c = child_at_parent(&parent, "child-1 Ready with one Ready node", |c| {
        c.state() == NodeState::Ready && ready_nodes(c) == 1
    })
    .await;
    let r = c.report.unwrap();
    assert_eq!((r.zone.as_str(), r.healthy), ("z1", true));
    let table = String::from_utf8_lossy(&parent.ctl(&["get", "clusters"]).await.stdout).into_owned();
    assert!(table.contains("child-1") && table.contains("Ready=1") && table.contains("z1"), "{table}");
    // At the parent the child is a cluster, not a device: not in `get nodes`,
    // config status or the node counts; describe says what it is.
    let ctl = |args: &'static [&'static str]| {
        let parent = &parent;
        async move { String::from_utf8_lossy(&parent.ctl(args).await.stdout).into_owned() }
    };
    let nodes = ctl(&["get", "nodes", "-o", "name"]).await;
    assert!(!nodes.contains("child-1"), "{nodes}");
    let status = ctl(&["config", "status"]).await;
    assert!(!status.contains("child-1"), "{status}");
    let (_, health) = parent.http_get("/health").await;
    assert!(health.contains("\"total\":0") && health.contains("\"ready\":0"), "the child is not a node: {health}");
    let (_, metrics) = parent.http_get("/metrics").await;
    assert!(metrics.contains("piccolo_nodes{state=\"Ready\"} 0"), "the child is not a Ready node: {metrics}");
    let described = ctl(&["describe", "node", "child-1"]).await;
    assert!(described.contains("child cluster") && !described.contains("CPUs"), "{described}");

    // A silent child (frozen, connection open) is NotReady at the parent
    // within a node's limits (keepalive 2 s, heartbeat timeout 3 s here).
    child.freeze();
    let c = child_at_parent(&parent, "frozen child-1 NotReady", |c| c.state() == NodeState::NotReady).await;
    assert!(c.reason == "ConnectionLost" || c.reason == "HeartbeatTimeout", "{}", c.reason);
    child.thaw();
    child_at_parent(&parent, "thawed child-1 Ready", |c| c.state() == NodeState::Ready && c.connected).await;

    // The child dies: NotReady at the parent, as a node would be.
    child.kill9();
    let c = child_at_parent(&parent, "child-1 NotReady", |c| c.state() == NodeState::NotReady).await;
    assert!(!c.connected);
    // It comes back with the same identity and resyncs.
    child.restart().await;
    child_at_parent(&parent, "child-1 Ready again", |c| c.state() == NodeState::Ready && c.connected).await;

    // The parent goes away: the child keeps serving its node.
    parent.kill9();
    child.wait_state("c-node", NodeState::Ready, READY).await;
    let out = child.ctl(&["get", "nodes"]).await;
    assert!(String::from_utf8_lossy(&out.stdout).contains("c-node"));
    // The parent returns: the child reconnects and its report is current.
    parent.restart().await;
    child_at_parent(&parent, "child-1 relinked after the parent's restart", |c| {
        c.state() == NodeState::Ready && c.connected && ready_nodes(c) == 1
    })
    .await;
}

#[tokio::test]
async fn the_child_renews_its_certificate_with_the_parent_like_a_device() {
    let parent = Master::start(MasterOptions { extra: "node_cert_ttl = \"5s\"\n".into(), ..Default::default() }).await;
    let token = parent.token(1).await;
    let hash = parent.ca_hash().await;
    let extra = format!(
        "parent_master = \"{}\"\nparent_token = \"{token}\"\nparent_ca_cert_hash = \"{hash}\"\ncluster_name = \"child-1\"\n",
        parent.addr()
    );
    let _child = Master::start(MasterOptions { extra, ..Default::default() }).await;
    let first = child_at_parent(&parent, "child-1 Ready", |c| c.state() == NodeState::Ready).await;
    assert_eq!(first.report.unwrap().zone, "");
    let serial = parent.node("child-1").await.unwrap().cert_serial;
    wait_until("a renewed certificate", READY, || async {
        match parent.node("child-1").await {
            Some(n) if n.cert_serial != serial && n.connected && n.state() == NodeState::Ready => Ok(()),
            n => Err(format!("{n:?}")),
        }
    })
    .await;
}
