//! Edge-cloud hybrid: a role's heartbeat timeout is what the master applies to
//! that role's nodes, instead of its own default.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::time::Duration;

use piccolo_proto::NodeState;
use piccolo_tests::{Agent, Master, MasterOptions};

const READY: Duration = Duration::from_secs(20);

#[tokio::test]
async fn an_edge_nodes_role_timeout_replaces_the_master_default() {
    // Default timeout a minute: only the role's 1.5 s can explain a quick NotReady.
    let master = Master::start(MasterOptions { heartbeat_timeout: "60s", ..Default::default() }).await;
    let token = master.token(0).await;
    let _gw = Agent::start(&master, "gw", &token);
    let mut edge = Agent::start(&master, "edge-1", &token);
    master.wait_state("gw", NodeState::Ready, READY).await;
    master.wait_state("edge-1", NodeState::Ready, READY).await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hybrid.toml");
    std::fs::write(
        &file,
        r#"name = "h"
type = "hybrid"
master_nodes = ["gw"]
sub_nodes = ["edge-1"]
[nodes.gw]
role = "cloud"
[nodes.edge-1]
role = "edge"
[roles.edge]
heartbeat_interval = "500ms"
heartbeat_timeout = "1500ms"
[roles.cloud]
heartbeat_timeout = "60s"
"#,
    )
    .unwrap();
    let out = master.ctl(&["topology", "apply", "-f", file.to_str().unwrap(), "--wait"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    // Replace the edge agent by a raw session that says hello once and then
    // stays silent on an open connection: only the heartbeat timeout fires.
    edge.kill9();
    master.wait_state("edge-1", NodeState::NotReady, READY).await;
    let mut client = edge.node_client().await;
    let (tx, rx) = tokio::sync::mpsc::channel(4);
    let hb = piccolo_proto::AgentMessage {
        msg: Some(piccolo_proto::agent_message::Msg::Heartbeat(piccolo_proto::Heartbeat { seq: 1 })),
    };
    tx.send(hb).await.expect("send");
    let _resp = client.session(tokio_stream::wrappers::ReceiverStream::new(rx)).await.expect("session");
    master.wait_state("edge-1", NodeState::Ready, READY).await;
    let n = master.wait_state("edge-1", NodeState::NotReady, READY).await;
    assert_eq!(n.reason, "HeartbeatTimeout");
    // From the one heartbeat (state damping may have delayed Ready itself).
    let after = n.state_changed_at_ms - n.last_heartbeat_ms;
    assert!((1500..=15_000).contains(&after), "timed out after {after} ms; the role says 1500 ms, the default 60 s");
    // The cloud node, heartbeating normally, stays Ready.
    assert_eq!(master.node("gw").await.unwrap().state(), NodeState::Ready);
    drop(tx);
}
