//! Durability: a master restart keeps every node and agents return to Ready
//! without enrolling again, on both store backends; an etcd restart loses no
//! enrolled node.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::time::Duration;

use piccolo_proto::{ListTokensRequest, NodeState};
use piccolo_tests::{Agent, Etcd, Master, MasterOptions};

const READY: Duration = Duration::from_secs(20);

async fn restart_keeps_nodes(opts: MasterOptions) {
    let mut master = Master::start(opts).await;
    let token = master.token(0).await;
    let agents: Vec<Agent> = (0..3).map(|i| Agent::start(&master, &format!("keep-{i}"), &token)).collect();
    for a in &agents {
        master.wait_state(&a.name, NodeState::Ready, READY).await;
    }
    let before = master.nodes().await;
    master.restart().await;
    let after = master.nodes().await;
    assert_eq!(after.len(), 3);
    for (b, a) in before.iter().zip(after.iter()) {
        assert_eq!(b.name, a.name);
        assert_eq!(b.cert_serial, a.cert_serial);
        assert_eq!(b.created_at_ms, a.created_at_ms);
    }
    for a in &agents {
        master.wait_state(&a.name, NodeState::Ready, READY).await;
        assert_eq!(a.log().matches("enrolled node=").count(), 1, "{} enrolled twice", a.name);
    }
    let tokens = master.admin().await.list_tokens(ListTokensRequest {}).await.expect("tokens").into_inner().tokens;
    assert_eq!(tokens[0].used, 3, "no enrolment after the restart");
    // Events survive too.
    let out = master.ctl(&["events", "-o", "json"]).await;
    let events: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let enrolled = events.as_array().map(|a| a.iter().filter(|e| e["kind"] == "Enrolled").count());
    assert_eq!(enrolled, Some(3));
}

#[tokio::test]
async fn master_restart_keeps_nodes_on_the_embedded_store() {
    restart_keeps_nodes(MasterOptions::default()).await;
}

#[tokio::test]
async fn master_restart_keeps_nodes_on_etcd() {
    let etcd = Etcd::start().await;
    restart_keeps_nodes(MasterOptions { etcd: Some(etcd.endpoint()), ..Default::default() }).await;
}

#[tokio::test]
async fn etcd_restart_loses_no_enrolled_node() {
    let mut etcd = Etcd::start().await;
    let mut master = Master::start(MasterOptions { etcd: Some(etcd.endpoint()), ..Default::default() }).await;
    let token = master.token(0).await;
    let agents: Vec<Agent> = (0..2).map(|i| Agent::start(&master, &format!("etcd-{i}"), &token)).collect();
    for a in &agents {
        master.wait_state(&a.name, NodeState::Ready, READY).await;
    }
    etcd.kill9();
    // The master keeps serving from memory and says it is degraded once it
    // has something to write.
    let (status, _) = master.http_get("/healthz").await;
    assert_eq!(status, 200);
    etcd.restart().await;
    // A fresh master process reads everything back from etcd.
    master.restart().await;
    let names: Vec<String> = master.nodes().await.into_iter().map(|n| n.name).collect();
    assert_eq!(names, vec!["etcd-0".to_string(), "etcd-1".to_string()]);
    for a in &agents {
        master.wait_state(&a.name, NodeState::Ready, READY).await;
    }
}
