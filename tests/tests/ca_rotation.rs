//! CA rotation end to end: `piccolo-master ca rotate` (both CAs trusted, new
//! certificates from the next one, agents pick it up at renewal), then
//! `piccolo-master ca finish` (only the new CA; the old one's certificates
//! are refused at the TLS layer), with a real agent staying Ready throughout.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::time::Duration;

use piccolo_proto::{HeartbeatRequest, NodeState};
use piccolo_tests::{Agent, Master, MasterOptions, wait_until};

const READY: Duration = Duration::from_secs(20);

fn ca(master: &Master, step: &str) {
    let out = std::process::Command::new(piccolo_tests::bins::path("piccolo-master"))
        .args(["ca", step, "--data-dir"])
        .arg(&master.data_dir)
        .output()
        .expect("run piccolo-master ca");
    assert!(out.status.success(), "ca {step}: {}", String::from_utf8_lossy(&out.stderr));
}

fn certs_in(path: &std::path::Path) -> usize {
    std::fs::read_to_string(path).unwrap_or_default().matches("BEGIN CERTIFICATE").count()
}

#[tokio::test]
async fn ca_rotate_then_finish_keeps_agents_connected_and_drops_the_old_ca() {
    let mut master =
        Master::start(MasterOptions { extra: "node_cert_ttl = \"4s\"\n".into(), ..Default::default() }).await;
    let old_hash = master.ca_hash().await;
    let token = master.token(1).await;
    let agent = Agent::start(&master, "rotator", &token);
    master.wait_state("rotator", NodeState::Ready, READY).await;
    let pre = tempfile::tempdir().expect("tmp");
    for f in ["node.crt", "node.key", "ca.crt"] {
        std::fs::copy(agent.data_dir.join(f), pre.path().join(f)).expect("copy");
    }

    // Step 1: both CAs trusted; the agent picks up the bundle at its next renewal.
    master.stop();
    ca(&master, "rotate");
    master.restart().await;
    assert_eq!(master.ca_hash().await, old_hash, "devices still pin the current CA during the overlap");
    // A viewer credential issued during the overlap keeps working after finish.
    let viewer = master.credential("dash", true);
    wait_until("the agent to trust both CAs", READY, || async {
        let n = certs_in(&agent.data_dir.join("ca.crt"));
        if n == 2 { Ok(()) } else { Err(format!("{n} CA certificates")) }
    })
    .await;
    master.wait_state("rotator", NodeState::Ready, READY).await;
    // Its certificate now comes from the next CA: it still connects after finish.

    // Step 2: only the new CA.
    master.stop();
    ca(&master, "finish");
    assert!(master.data_dir.join("ca-old.crt").exists() && !master.data_dir.join("ca-next").exists());
    master.restart().await;
    assert_ne!(master.ca_hash().await, old_hash, "new devices pin the new CA");
    wait_until("the agent back on the new CA", READY, || async {
        match master.node("rotator").await {
            Some(n) if n.connected && n.state() == NodeState::Ready => Ok(()),
            Some(n) => Err(format!("{} connected={}", n.state().label(), n.connected)),
            None => Err("gone".into()),
        }
    })
    .await;
    // A certificate from the old CA (even by a client that trusts the new
    // one) is refused at the TLS layer, before any handler sees it.
    let read = |f: &str| std::fs::read_to_string(pre.path().join(f)).expect(f);
    let new_ca = piccolo_common::pem::certs(&std::fs::read_to_string(master.ca_file()).expect("ca")).expect("ca");
    let id = piccolo_common::tls::Identity::from_pem(&read("node.crt"), &read("node.key")).expect("id");
    let tls = std::sync::Arc::new(piccolo_common::tls::client_config(&new_ca, Some(id)).expect("tls"));
    let opts = piccolo_common::connect::ConnectOptions::default();
    match piccolo_common::connect::connect(&master.addr(), tls, opts).await {
        Err(e) => eprintln!("old-CA certificate refused at connect: {e}"),
        Ok(ch) => {
            let mut c = piccolo_proto::node_agent_service_client::NodeAgentServiceClient::new(ch);
            let err =
                c.heartbeat(HeartbeatRequest { seq: 1 }).await.expect_err("a retired CA's certificate must be refused");
            assert_ne!(err.code(), tonic::Code::PermissionDenied, "refused at TLS, not by a handler: {err}");
            eprintln!("old-CA certificate refused: {err}");
        }
    }
    let mut v = piccolo_tests::master::admin_client(&viewer).await.expect("viewer after finish");
    v.get_nodes(piccolo_proto::GetNodesRequest {}).await.expect("viewer reads after finish");
    // Both steps are in the audit log, as local actions on the master host.
    let audit = std::fs::read_to_string(master.data_dir.join("audit.log")).expect("audit");
    for step in ["ca rotate", "ca finish"] {
        assert!(
            audit
                .lines()
                .any(|l| l.contains(step) && l.contains("\"role\":\"local\"") && l.contains("\"result\":\"ok\"")),
            "{audit}"
        );
    }
    // A new device enrols with the new pin.
    let token = master.token(1).await;
    let hash = master.ca_hash().await;
    let _new =
        Agent::start_with(master.addr(), "newcomer", &token, piccolo_tests::agent::Trust::Hash(hash), Vec::new());
    master.wait_state("newcomer", NodeState::Ready, READY).await;
}
