//! A device offline past its node certificate's expiry ("weeks on a shelf",
//! here seconds via short lifetimes): inside `node_cert_grace` it renews with
//! the expired certificate (same key) and is Ready again; past the grace it is
//! refused with the way back, and re-enrolling with a token brings it back.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::time::Duration;

use piccolo_proto::NodeState;
use piccolo_tests::{Agent, Master, MasterOptions, wait_until};

const READY: Duration = Duration::from_secs(20);

/// Stops the agent and waits until its current certificate has been expired
/// for `past` (its renewal may have run before it stopped: use the latest).
async fn shelve(master: &Master, agent: &mut Agent, past: Duration) -> String {
    agent.kill9();
    let n = master.node(&agent.name).await.expect("node");
    let until = n.cert_expires_at_ms + i64::try_from(past.as_millis()).unwrap_or(0);
    wait_until("the certificate to expire on the shelf", Duration::from_secs(30), || async {
        let now = piccolo_common::time::now_ms();
        if now > until { Ok(()) } else { Err(format!("{} ms to go", until - now)) }
    })
    .await;
    n.cert_serial
}

#[tokio::test]
async fn a_device_back_within_the_grace_renews_with_its_expired_certificate() {
    let master = Master::start(MasterOptions {
        extra: "node_cert_ttl = \"4s\"\nnode_cert_grace = \"1h\"\n".into(),
        ..Default::default()
    })
    .await;
    let token = master.token(1).await;
    let mut agent = Agent::start(&master, "shelved", &token);
    master.wait_state("shelved", NodeState::Ready, READY).await;
    let old_serial = shelve(&master, &mut agent, Duration::from_secs(2)).await;
    // Back on the network with only its expired certificate (the token is spent).
    agent.restart();
    let back = wait_until("a renewed certificate", READY, || async {
        match master.node("shelved").await {
            Some(n) if n.cert_serial != old_serial && n.connected && n.state() == NodeState::Ready => Ok(n),
            Some(n) => Err(format!("{} serial {}", n.state().label(), n.cert_serial)),
            None => Err("gone".into()),
        }
    })
    .await;
    assert!(back.cert_expires_at_ms > piccolo_common::time::now_ms());
    wait_until("the master to log it", READY, || async {
        let log = master.log();
        if log.contains("inside the renewal grace") { Ok(()) } else { Err(log) }
    })
    .await;
    // The agent logs it once it has saved the new certificate.
    wait_until("the agent to log its renewal", READY, || async {
        let log = agent.log();
        if log.contains("certificate renewed") { Ok(()) } else { Err(log) }
    })
    .await;
}

#[tokio::test]
async fn a_device_back_after_the_grace_is_refused_and_re_enrols_with_a_token() {
    let master = Master::start(MasterOptions {
        extra: "node_cert_ttl = \"3s\"\nnode_cert_grace = \"1s\"\n".into(),
        ..Default::default()
    })
    .await;
    let token = master.token(0).await;
    let mut agent = Agent::start(&master, "forgotten", &token);
    master.wait_state("forgotten", NodeState::Ready, READY).await;
    let old_serial = shelve(&master, &mut agent, Duration::from_secs(3)).await;
    // Its certificate is past the grace: refused, told why, cert set aside.
    agent.restart();
    wait_until("the agent to stop", READY, || {
        let code = agent.exited();
        async move { code.ok_or_else(|| "still running".to_string()) }
    })
    .await;
    let log = agent.log();
    assert!(log.contains("beyond the renewal grace") && log.contains("re-enrol"), "{log}");
    // Started again with a token (its config still has one), it re-enrols.
    agent.restart();
    let back = wait_until("re-enrolled", READY, || async {
        match master.node("forgotten").await {
            Some(n) if n.cert_serial != old_serial && n.connected && n.state() == NodeState::Ready => Ok(n),
            Some(n) => Err(format!("{} serial {}", n.state().label(), n.cert_serial)),
            None => Err("gone".into()),
        }
    })
    .await;
    assert!(back.cert_expires_at_ms > 0);
    wait_until("the master to log it", READY, || async {
        let log = master.log();
        if log.contains("re-enrolled") { Ok(()) } else { Err(log) }
    })
    .await;
}

#[tokio::test]
async fn an_expired_admin_credential_is_refused_with_the_way_back() {
    use rcgen::{BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair};
    let master = Master::start(MasterOptions::default()).await;
    // Sign an admin certificate that expired a moment ago with the cluster CA.
    let ca_key =
        KeyPair::from_pem(&std::fs::read_to_string(master.data_dir.join("ca.key")).expect("ca.key")).expect("ca key");
    let mut ca = CertificateParams::new(Vec::<String>::new()).expect("params");
    ca.distinguished_name.push(DnType::CommonName, "piccolo-cluster-ca");
    ca.distinguished_name.push(DnType::OrganizationName, "piccolo");
    ca.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
    let issuer = Issuer::new(ca, ca_key);
    let key = KeyPair::generate().expect("key");
    let mut p = CertificateParams::new(Vec::<String>::new()).expect("params");
    p.distinguished_name.push(DnType::CommonName, "old-admin");
    p.distinguished_name.push(DnType::OrganizationName, "piccolo:admin");
    p.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
    let now = time::OffsetDateTime::now_utc();
    p.not_before = now - time::Duration::minutes(4);
    p.not_after = now - time::Duration::seconds(2);
    let cert = p.signed_by(&key, &issuer).expect("sign");
    let ca_certs =
        piccolo_common::pem::certs(&std::fs::read_to_string(master.ca_file()).expect("ca")).expect("ca certs");
    let id = piccolo_common::tls::Identity::from_pem(&cert.pem(), &key.serialize_pem()).expect("id");
    let tls = std::sync::Arc::new(piccolo_common::tls::client_config(&ca_certs, Some(id)).expect("tls"));
    let ch = piccolo_common::connect::connect(&master.addr(), tls, Default::default()).await.expect("connect");
    let mut c = piccolo_proto::api_server_service_client::ApiServerServiceClient::new(ch);
    let err = c.get_nodes(piccolo_proto::GetNodesRequest {}).await.expect_err("expired credential");
    assert_eq!(err.code(), tonic::Code::Unauthenticated, "{err}");
    assert!(err.message().contains("expired") && err.message().contains("piccolo-master credential"), "{err}");
}
