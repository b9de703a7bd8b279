//! Enrolment over real mutual TLS: the happy path, and every way it must be
//! refused with a clear error and no state change.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::time::Duration;

use piccolo_proto::{
    CreateTokenRequest, GetNodesRequest, HeartbeatRequest, ListTokensRequest, NodeNameRequest, NodeRegistrationRequest,
    NodeState, RevokeTokenRequest,
};
use piccolo_tests::agent::Trust;
use piccolo_tests::{Agent, Master, MasterOptions, wait_until};

const READY: Duration = Duration::from_secs(15);

/// Waits for the agent to exit; asserts the exit code is 64, the one code for
/// "a person must act" that the unit does not restart
/// (`RestartPreventExitStatus=64`); returns its log.
async fn wait_exit(agent: &mut Agent) -> String {
    let code = wait_until("agent to exit", Duration::from_secs(15), || {
        let code = agent.exited();
        async move { code.ok_or_else(|| "still running".to_string()) }
    })
    .await;
    let log = agent.log();
    assert_eq!(code, Some(64), "{}: a refusal only a person can fix must exit 64:\n{log}", agent.name);
    log
}

#[tokio::test]
async fn enrols_with_ca_file_and_with_ca_hash_and_becomes_ready() {
    let master = Master::start(MasterOptions::default()).await;
    let token = master.token(2).await;
    let _a = Agent::start(&master, "dev-file", &token);
    let hash = master.ca_hash().await;
    let _b = Agent::start_with(master.addr(), "dev-hash", &token, Trust::Hash(hash), vec![]);
    let a = master.wait_state("dev-file", NodeState::Ready, READY).await;
    let b = master.wait_state("dev-hash", NodeState::Ready, READY).await;
    assert!(a.connected && b.connected);
    assert_eq!(a.facts.as_ref().map(|f| f.arch.as_str()), Some(std::env::consts::ARCH));
    // Files on the device: the key is private.
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(_a.data_dir.join("node.key")).expect("key").permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    // The token was spent twice.
    let tokens = master.admin().await.list_tokens(ListTokensRequest {}).await.expect("list").into_inner().tokens;
    assert_eq!(tokens[0].used, 2);
}

#[tokio::test]
async fn bad_expired_used_up_and_revoked_tokens_are_refused_without_state_change() {
    let master = Master::start(MasterOptions::default()).await;
    let mut admin = master.admin().await;
    let valid = master.token(0).await;
    let wrong_secret = format!("{}.{}", &valid[..6], "0".repeat(16));
    let expired = admin
        .create_token(CreateTokenRequest { ttl_seconds: 1, ..Default::default() })
        .await
        .expect("token")
        .into_inner()
        .token;
    let used_up = master.token(1).await;
    let revoked = master.token(0).await;
    admin.revoke_token(RevokeTokenRequest { id: revoked[..6].into() }).await.expect("revoke");
    // Spend the single use.
    let _first = Agent::start(&master, "first", &used_up);
    master.wait_state("first", NodeState::Ready, READY).await;
    // Let the 1 s token expire.
    wait_until("token to expire", Duration::from_secs(5), || async {
        let now = piccolo_common::time::now_ms();
        let t = master
            .admin()
            .await
            .list_tokens(ListTokensRequest {})
            .await
            .map_err(|e| e.to_string())?
            .into_inner()
            .tokens;
        let e = t.iter().find(|t| t.id == expired[..6]).ok_or("gone")?;
        if now > e.expires_at_ms { Ok(()) } else { Err("not yet".into()) }
    })
    .await;

    for (name, token, expect) in [
        ("wrong", wrong_secret.as_str(), "is not valid"),
        ("expired", expired.as_str(), "expired"),
        ("usedup", used_up.as_str(), "has been used 1 of 1 times"),
        ("revoked", revoked.as_str(), "was revoked"),
        ("malformed", "abc", "malformed"),
    ] {
        let mut agent = Agent::start(&master, name, token);
        let log = wait_exit(&mut agent).await;
        assert!(log.contains(expect), "{name}: expected {expect:?} in:\n{log}");
        assert!(master.node(name).await.is_none(), "{name} must not be enrolled");
    }
    let nodes = admin.get_nodes(GetNodesRequest {}).await.expect("nodes").into_inner().nodes;
    assert_eq!(nodes.len(), 1);
}

#[tokio::test]
async fn wrong_ca_pin_is_refused_before_the_token_is_sent() {
    let master = Master::start(MasterOptions::default()).await;
    let token = master.token(1).await;
    let wrong = format!("sha256:{}", "ab".repeat(32));
    let mut agent = Agent::start_with(master.addr(), "pinned", &token, Trust::Hash(wrong), vec![]);
    let log = wait_exit(&mut agent).await;
    assert!(log.contains("does not match the pinned hash"), "{log}");
    let tokens = master.admin().await.list_tokens(ListTokensRequest {}).await.expect("list").into_inner().tokens;
    assert_eq!(tokens[0].used, 0, "the token must not have been spent");
    assert!(master.node("pinned").await.is_none());
}

#[tokio::test]
async fn node_certificates_act_only_as_their_node_and_never_as_admin() {
    let master = Master::start(MasterOptions::default()).await;
    let token = master.token(0).await;
    let a = Agent::start(&master, "node-a", &token);
    let _b = Agent::start(&master, "node-b", &token);
    master.wait_state("node-a", NodeState::Ready, READY).await;
    master.wait_state("node-b", NodeState::Ready, READY).await;

    // An admin call with a node certificate.
    let mut as_admin = a.admin_client_with_node_cert().await;
    let err = as_admin.remove_node(NodeNameRequest { name: "node-b".into() }).await.expect_err("refused");
    assert_eq!(err.code(), tonic::Code::PermissionDenied, "{err}");
    let err = as_admin.get_nodes(GetNodesRequest {}).await.expect_err("refused");
    assert_eq!(err.code(), tonic::Code::PermissionDenied, "{err}");
    let err = as_admin.create_token(CreateTokenRequest::default()).await.expect_err("refused");
    assert_eq!(err.code(), tonic::Code::PermissionDenied);
    assert!(master.node("node-b").await.is_some(), "node-b must still exist");

    // A node call can only ever touch the caller's own node: node-a's
    // heartbeat moves node-a's heartbeat time and not node-b's.
    let before_b = master.node("node-b").await.expect("b").last_heartbeat_ms;
    let mut as_node = a.node_client().await;
    as_node.heartbeat(HeartbeatRequest { seq: 1 }).await.expect("own heartbeat");
    let b_after = master.node("node-b").await.expect("b");
    assert!(b_after.last_heartbeat_ms >= before_b);
    assert_eq!(b_after.state(), NodeState::Ready);

    // The admin API refuses calls without any client certificate.
    let err = as_node
        .register_node(NodeRegistrationRequest { token: "x".into(), name: "node-b".into(), ..Default::default() })
        .await
        .expect_err("refused");
    assert_ne!(err.code(), tonic::Code::Ok);
    assert_eq!(master.node("node-b").await.expect("b").cert_serial, b_after.cert_serial);
}

#[tokio::test]
async fn a_removed_nodes_certificate_is_refused_at_once() {
    let master = Master::start(MasterOptions::default()).await;
    let token = master.token(0).await;
    let mut agent = Agent::start(&master, "doomed", &token);
    master.wait_state("doomed", NodeState::Ready, READY).await;
    // Keep a copy of the credentials the agent will set aside.
    let copy = tempfile::tempdir().expect("tmp");
    for f in ["node.crt", "node.key", "ca.crt"] {
        std::fs::copy(agent.data_dir.join(f), copy.path().join(f)).expect("copy");
    }
    let out = master.ctl(&["node", "remove", "doomed"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // The agent is told over its session and stops.
    let log = wait_exit(&mut agent).await;
    assert!(log.contains("removed"), "{log}");
    assert!(master.node("doomed").await.is_none());
    // The old certificate no longer works for anything.
    for f in ["node.crt", "node.key", "ca.crt"] {
        std::fs::copy(copy.path().join(f), agent.data_dir.join(f)).expect("restore");
    }
    let mut client = agent.node_client().await;
    let err = client.heartbeat(HeartbeatRequest { seq: 1 }).await.expect_err("refused");
    assert_eq!(err.code(), tonic::Code::PermissionDenied);
    assert!(err.message().contains("removed"), "{}", err.message());
    let events = master.ctl(&["events", "--node", "doomed"]).await;
    let text = String::from_utf8_lossy(&events.stdout);
    assert!(text.contains("Removed") && text.contains("RemovalRequested"), "{text}");
}

#[tokio::test]
async fn after_removal_a_new_token_is_enough_the_kept_ca_is_trusted() {
    let master = Master::start(MasterOptions::default()).await;
    let token = master.token(0).await;
    let hash = master.ca_hash().await;
    let mut agent = Agent::start_with(master.addr(), "again", &token, Trust::Hash(hash), vec![]);
    master.wait_state("again", NodeState::Ready, READY).await;
    let out = master.ctl(&["node", "remove", "again"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    wait_exit(&mut agent).await;
    assert!(agent.data_dir.join("ca.crt").is_file(), "the CA is kept on removal");
    // No --ca-cert-hash, no --ca-file: the kept ca.crt is what it trusts.
    let again = master.token(0).await;
    agent.restart_with(&again, Trust::None);
    master.wait_state("again", NodeState::Ready, READY).await;
}

#[tokio::test]
async fn with_auto_approve_off_nodes_wait_in_pending_until_approved() {
    let master = Master::start(MasterOptions { auto_approve: false, ..Default::default() }).await;
    let token = master.token(0).await;
    let _agent = Agent::start(&master, "waiting", &token);
    let n = master.wait_state("waiting", NodeState::Pending, READY).await;
    assert!(!n.approved);
    // Heartbeats do not make a Pending node Ready.
    wait_until("some heartbeats", Duration::from_secs(5), || async {
        match master.node("waiting").await {
            Some(n) if n.last_heartbeat_ms > 0 => Ok(()),
            _ => Err("none yet".to_string()),
        }
    })
    .await;
    assert_eq!(master.node("waiting").await.expect("node").state(), NodeState::Pending);
    let out = master.ctl(&["node", "approve", "waiting"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    master.wait_state("waiting", NodeState::Ready, READY).await;
}

#[tokio::test]
async fn agents_renew_their_certificate_before_it_expires() {
    // 6 s certificates: the agent renews at 70 % (about 4 s) and reconnects.
    let master = Master::start(MasterOptions { extra: "node_cert_ttl = \"6s\"\n".into(), ..Default::default() }).await;
    let token = master.token(0).await;
    let agent = Agent::start(&master, "renewer", &token);
    let first = master.wait_state("renewer", NodeState::Ready, READY).await;
    let renewed = wait_until("a renewed certificate", Duration::from_secs(15), || async {
        match master.node("renewer").await {
            Some(n) if n.cert_serial != first.cert_serial && n.previous_cert_serial == first.cert_serial => Ok(n),
            Some(n) => Err(format!("serial still {}", n.cert_serial)),
            None => Err("gone".into()),
        }
    })
    .await;
    assert!(renewed.cert_expires_at_ms > first.cert_expires_at_ms);
    // It keeps working past the first certificate's expiry.
    wait_until("the first certificate to expire", Duration::from_secs(10), || async {
        if piccolo_common::time::now_ms() > first.cert_expires_at_ms + 500 {
            Ok(())
        } else {
            Err("not yet".to_string())
        }
    })
    .await;
    let n = master.wait_state("renewer", NodeState::Ready, READY).await;
    assert!(n.connected);
    assert!(agent.log().contains("certificate renewed"), "{}", agent.log());
}

/// A RegisterNode request for `name` with `key`'s CSR.
fn ask(token: &str, name: &str, key: &rcgen::KeyPair) -> NodeRegistrationRequest {
    NodeRegistrationRequest {
        token: token.to_string(),
        name: name.to_string(),
        csr_pem: piccolo_common::identity::csr(key, name).unwrap(),
        ..Default::default()
    }
}

/// A device that gave up on its first attempt and asked again before that
/// attempt had written its record: the retry is charged no second use and
/// is answered all the same, once the record is there. Each pair below is
/// two attempts of one device at once, on a one-use token.
#[tokio::test]
async fn two_attempts_at_once_on_a_one_use_token_are_both_answered() {
    let master = Master::start(MasterOptions::default()).await;
    let mut refused = Vec::new();
    for i in 0..10 {
        let token = master.token(1).await;
        let name = format!("dev-twice-{i}");
        let key = rcgen::KeyPair::generate().unwrap();
        let request = || ask(&token, &name, &key);
        let (mut a, mut b) = (master.admin().await, master.admin().await);
        let (first, second) = tokio::join!(a.register_node(request()), b.register_node(request()));
        for answer in [first, second] {
            match answer {
                Ok(r) => assert_eq!(r.into_inner().node_name, name),
                Err(e) => refused.push(format!("{name}: {e}")),
            }
        }
    }
    assert!(refused.is_empty(), "attempts refused: {refused:?}");
    let tokens = master.admin().await.list_tokens(ListTokensRequest {}).await.unwrap().into_inner().tokens;
    assert!(tokens.iter().all(|t| t.used == 1), "one use each: {tokens:?}");
    assert_eq!(master.nodes().await.len(), 10);
}

/// A device that gives up on its enrolment at any moment (its deadline, sent
/// as `grpc-timeout`, ends the call on the master too) and asks again: the
/// retry is answered, whatever point the first attempt had reached, and no
/// token is left spent without a node.
#[tokio::test]
async fn an_enrolment_abandoned_at_any_point_is_answered_on_the_retry() {
    let master = Master::start(MasterOptions::default()).await;
    let mut admin = master.admin().await;
    let mut refused = Vec::new();
    for i in 0..30u64 {
        let token = master.token(1).await;
        let name = format!("dev-gave-up-{i}");
        let key = rcgen::KeyPair::generate().unwrap();
        let request = || ask(&token, &name, &key);
        let mut first = tonic::Request::new(request());
        first.set_timeout(Duration::from_micros(500 + 300 * i));
        let _ = admin.register_node(first).await;
        match admin.register_node(request()).await {
            Ok(r) => assert_eq!(r.into_inner().node_name, name),
            Err(e) => refused.push(format!("{name}: {e}")),
        }
    }
    assert!(refused.is_empty(), "retries refused: {refused:?}");
    assert_eq!(master.nodes().await.len(), 30);
}

/// A device that asks again after its answer was lost (a timed-out
/// RegisterNode that did succeed) gets a certificate again for the same key,
/// without spending another token use; another key for that name is refused.
#[tokio::test]
async fn the_same_enrolment_repeated_is_answered_again_another_key_is_refused() {
    let master = Master::start(MasterOptions::default()).await;
    let token = master.token(1).await;
    let key = rcgen::KeyPair::generate().unwrap();
    let request = || NodeRegistrationRequest {
        token: token.clone(),
        name: "dev-again".into(),
        csr_pem: piccolo_common::identity::csr(&key, "dev-again").unwrap(),
        ..Default::default()
    };
    let mut admin = master.admin().await;
    let first = admin.register_node(request()).await.expect("first attempt").into_inner();
    let again = admin.register_node(request()).await.expect("the same request again").into_inner();
    assert_eq!(again.node_name, "dev-again");
    assert!(again.certificate_pem.contains("BEGIN CERTIFICATE"));
    assert_ne!(again.certificate_pem, first.certificate_pem, "a fresh certificate for the same key");
    let tokens = admin.list_tokens(ListTokensRequest {}).await.unwrap().into_inner().tokens;
    assert_eq!(tokens[0].used, 1, "the retry spent no token use");

    let other = rcgen::KeyPair::generate().unwrap();
    let fresh = master.token(1).await;
    let err = admin
        .register_node(NodeRegistrationRequest {
            token: fresh,
            name: "dev-again".into(),
            csr_pem: piccolo_common::identity::csr(&other, "dev-again").unwrap(),
            ..Default::default()
        })
        .await
        .expect_err("another key for an enrolled name");
    assert_eq!(err.code(), tonic::Code::AlreadyExists, "{err}");
    assert!(err.message().contains("already enrolled"), "{err}");
    assert_eq!(master.nodes().await.len(), 1);
}
