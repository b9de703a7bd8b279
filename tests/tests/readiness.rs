//! Readiness cannot be skipped: a freshly enrolled node moves to Ready only
//! after it reported its readiness checks, whichever way it talks to the
//! master. The seed's unary `Heartbeat` / `ReportStatus` / `ReceiveConfig`
//! stay and follow the session's rules: a unary heartbeat proves liveness,
//! never readiness; a session that heartbeats without a status report stays
//! Initializing too. The enrolment event records the address the master saw.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::sync::Arc;
use std::time::Duration;

use piccolo_common::connect::{ConnectOptions, connect};
use piccolo_common::enroll::{EnrollParams, enroll};
use piccolo_proto::node_agent_service_client::NodeAgentServiceClient;
use piccolo_proto::{
    AgentMessage, CheckResult, ConfigRequest, GetNodeRequest, Heartbeat, HeartbeatRequest, NodeFacts, NodeState,
    StatusReport, agent_message,
};
use piccolo_tests::{Master, MasterOptions, wait_until};
use tonic::transport::Channel;

/// Enrols `name` with the library the agent uses, without starting an agent.
async fn enrolled(master: &Master, name: &str, dir: &std::path::Path) -> NodeAgentServiceClient<Channel> {
    let token = master.token(1).await;
    let ca = master.ca_file().display().to_string();
    let facts = NodeFacts { hostname: name.into(), ips: vec!["192.0.2.7".into()], ..Default::default() };
    let id = enroll(
        EnrollParams {
            master: &master.addr(),
            token: &token,
            name,
            ca_file: &ca,
            ca_cert_hash: "",
            facts,
            keepalive_interval: Duration::from_secs(10),
            keepalive_timeout: Duration::from_secs(10),
        },
        dir,
    )
    .await
    .expect("enrol");
    let tls = id.tls_config().expect("tls");
    let ch = connect(&master.addr(), Arc::new(tls), ConnectOptions::default()).await.expect("connect");
    NodeAgentServiceClient::new(ch)
}

fn check(ok: bool) -> CheckResult {
    CheckResult { name: "disk".into(), ok, required: true, ..Default::default() }
}

#[tokio::test]
async fn unary_calls_follow_the_sessions_readiness_rule() {
    let master = Master::start(MasterOptions { heartbeat_timeout: "60s", ..Default::default() }).await;
    let dir = tempfile::tempdir().expect("tmp");
    let mut node = enrolled(&master, "unary", dir.path()).await;
    assert_eq!(master.node("unary").await.expect("node").state(), NodeState::Initializing);

    // Heartbeats alone: alive, not ready.
    for seq in 1..=3 {
        let r = node.heartbeat(HeartbeatRequest { seq }).await.expect("heartbeat").into_inner();
        assert_eq!(r.state(), NodeState::Initializing, "a heartbeat without a readiness report");
    }
    let n = master.node("unary").await.expect("node");
    assert_eq!(n.state(), NodeState::Initializing);
    assert!(n.last_heartbeat_ms > 0, "the heartbeat counted as liveness");
    node.receive_config(ConfigRequest {}).await.expect("config");

    // A failing required check keeps it Initializing; a passing one makes it Ready.
    let failing = StatusReport { checks: vec![check(false)], full: true, ..Default::default() };
    let r = node.report_status(failing).await.expect("status").into_inner();
    assert_eq!(r.state(), NodeState::Initializing);
    let r = node.heartbeat(HeartbeatRequest { seq: 4 }).await.expect("heartbeat").into_inner();
    assert_eq!(r.state(), NodeState::Initializing, "a required check fails");
    let passing = StatusReport { checks: vec![check(true)], full: true, ..Default::default() };
    let r = node.report_status(passing).await.expect("status").into_inner();
    assert_eq!(r.state(), NodeState::Ready);

    // The enrolment event names the address the master saw and the reported one.
    let mut admin = master.admin().await;
    let got = admin.get_node(GetNodeRequest { name: "unary".into() }).await.expect("node").into_inner();
    // The API view carries no internal bookkeeping (the record does).
    let shown = got.node.expect("node");
    assert!(shown.enrol_key_sha256.is_empty(), "enrolment key hash leaked: {}", shown.enrol_key_sha256);
    assert!(!shown.cert_serial.is_empty());
    let events = got.events;
    let enrolled = events.iter().find(|e| e.kind == "Enrolled").expect("Enrolled event");
    assert!(
        enrolled.message.contains("from 127.0.0.1") && enrolled.message.contains("192.0.2.7"),
        "{}",
        enrolled.message
    );
    let ready = events.iter().find(|e| e.to == NodeState::Ready as i32).expect("Ready event");
    assert_eq!(ready.reason, "ReadinessPassed");
}

#[tokio::test]
async fn a_session_that_only_heartbeats_stays_initializing_until_it_reports() {
    let master = Master::start(MasterOptions { heartbeat_timeout: "60s", ..Default::default() }).await;
    let dir = tempfile::tempdir().expect("tmp");
    let mut node = enrolled(&master, "quiet", dir.path()).await;
    let (tx, rx) = tokio::sync::mpsc::channel(8);
    let mut inbound =
        node.session(tokio_stream::wrappers::ReceiverStream::new(rx)).await.expect("session").into_inner();
    let hb = |seq| AgentMessage { msg: Some(agent_message::Msg::Heartbeat(Heartbeat { seq })) };
    for seq in 1..=3 {
        tx.send(hb(seq)).await.expect("send");
    }
    // The acks say Initializing (the master answered every heartbeat).
    let mut acks = 0;
    while acks < 3 {
        let m = tokio::time::timeout(Duration::from_secs(10), inbound.message()).await.expect("in time");
        if let Some(piccolo_proto::master_message::Msg::HeartbeatAck(a)) = m.expect("stream").and_then(|m| m.msg) {
            assert_eq!(a.state, NodeState::Initializing as i32, "ack {}", a.seq);
            acks += 1;
        }
    }
    assert_eq!(master.node("quiet").await.expect("node").state(), NodeState::Initializing);
    let report = StatusReport { checks: vec![check(true)], full: true, ..Default::default() };
    tx.send(AgentMessage { msg: Some(agent_message::Msg::Status(report)) }).await.expect("send");
    wait_until("the report to make it Ready", Duration::from_secs(10), || async {
        match master.node("quiet").await.map(|n| n.state()) {
            Some(NodeState::Ready) => Ok(()),
            other => Err(format!("{other:?}")),
        }
    })
    .await;
}
