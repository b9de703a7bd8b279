//! Hostile and broken input against a running master: oversized messages,
//! garbage on the TLS port, a malformed CSR. Each is refused, changes no state,
//! and the master keeps serving.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::time::Duration;

use piccolo_proto::node_agent_service_client::NodeAgentServiceClient;
use piccolo_proto::{
    ClusterTopology, GetNodesRequest, ListTokensRequest, NodeRegistrationRequest, NodeState, TopologyType,
    UpdateTopologyRequest,
};
use piccolo_tests::{Agent, Master, MasterOptions};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

#[tokio::test]
async fn oversized_messages_are_refused_and_the_master_keeps_serving() {
    let master = Master::start(MasterOptions::default()).await;
    let mut admin = master.admin().await;
    admin = admin.max_encoding_message_size(8 << 20);
    let mut config = std::collections::HashMap::new();
    config.insert("blob".to_string(), "x".repeat(2 << 20));
    let topo =
        ClusterTopology { name: "big".into(), r#type: TopologyType::Embedded as i32, config, ..Default::default() };
    let err = admin
        .update_topology(UpdateTopologyRequest { topology: Some(topo), dry_run: false })
        .await
        .expect_err("too big");
    assert!(
        matches!(err.code(), tonic::Code::OutOfRange | tonic::Code::ResourceExhausted | tonic::Code::Internal),
        "{err}"
    );
    let mut admin = master.admin().await;
    admin.get_nodes(GetNodesRequest {}).await.expect("still serving");
}

#[tokio::test]
async fn garbage_on_the_tls_port_does_not_hurt_the_master() {
    let master = Master::start(MasterOptions::default()).await;
    let token = master.token(0).await;
    let _agent = Agent::start(&master, "steady", &token);
    master.wait_state("steady", NodeState::Ready, Duration::from_secs(15)).await;
    for i in 0..20u8 {
        let mut s = tokio::net::TcpStream::connect(("127.0.0.1", master.port)).await.expect("connect");
        let junk: Vec<u8> = (0..4096u32).map(|j| (j as u8).wrapping_mul(31).wrapping_add(i)).collect();
        let _ = s.write_all(&junk).await;
        let mut buf = [0u8; 64];
        let _ = tokio::time::timeout(Duration::from_secs(2), s.read(&mut buf)).await;
    }
    // Plain HTTP/2 without TLS, too.
    let mut s = tokio::net::TcpStream::connect(("127.0.0.1", master.port)).await.expect("connect");
    let _ = s.write_all(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n").await;
    drop(s);
    let mut admin = master.admin().await;
    admin.get_nodes(GetNodesRequest {}).await.expect("still serving");
    assert_eq!(master.node("steady").await.expect("node").state(), NodeState::Ready);
    let (_, metrics) = master.http_get("/metrics").await;
    let failures: f64 = metrics
        .lines()
        .find(|l| l.starts_with("piccolo_tls_handshake_failures_total"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    assert!(failures >= 20.0, "handshake failures counted: {failures}");
}

#[tokio::test]
async fn a_malformed_csr_is_refused_without_spending_the_token() {
    let master = Master::start(MasterOptions::default()).await;
    let token = master.token(1).await;
    let ca = std::fs::read_to_string(master.ca_file()).expect("ca");
    let roots = piccolo_common::pem::certs(&ca).expect("pem");
    let tls = piccolo_common::tls::client_config(&roots, None).expect("tls");
    let ch = piccolo_common::connect::connect(&master.addr(), std::sync::Arc::new(tls), Default::default())
        .await
        .expect("connect");
    let mut client = NodeAgentServiceClient::new(ch);
    for csr in ["", "garbage", "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n"] {
        let err = client
            .register_node(NodeRegistrationRequest {
                token: token.clone(),
                name: "csr".into(),
                csr_pem: csr.into(),
                facts: None,
            })
            .await
            .expect_err("refused");
        assert_eq!(err.code(), tonic::Code::InvalidArgument, "{err}");
        assert!(err.message().contains("signing request"), "{}", err.message());
    }
    let err = client
        .register_node(NodeRegistrationRequest {
            token: token.clone(),
            name: "Bad Name".into(),
            csr_pem: String::new(),
            facts: None,
        })
        .await
        .expect_err("refused");
    assert_eq!(err.code(), tonic::Code::InvalidArgument);
    let tokens = master.admin().await.list_tokens(ListTokensRequest {}).await.expect("tokens").into_inner().tokens;
    assert_eq!(tokens[0].used, 0);
    assert!(master.nodes().await.is_empty());
    // The token still works for a well-formed enrolment.
    let _agent = Agent::start(&master, "csr", &token);
    master.wait_state("csr", NodeState::Ready, Duration::from_secs(15)).await;
}

#[tokio::test]
async fn bad_config_is_refused_at_start_with_the_key_and_exit_code_64() {
    let dir = tempfile::tempdir().expect("tmp");
    let cfg = dir.path().join("m.toml");
    std::fs::write(&cfg, "heartbeat_interval = \"1s\"\n").expect("write");
    let out = std::process::Command::new(piccolo_tests::bins::path("piccolo-master"))
        .args(["run", "--config"])
        .arg(&cfg)
        .arg("--data-dir")
        .arg(dir.path().join("d"))
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(64));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("heartbeat_interval") && err.contains("minimum"), "{err}");
    let out = std::process::Command::new(piccolo_tests::bins::path("piccolo-agent"))
        .args(["run", "--data-dir"])
        .arg(dir.path().join("a"))
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(64));
    assert!(String::from_utf8_lossy(&out.stderr).contains("`master`"));
}
