//! Secrets in etcd are sealed with the master's data-dir key: the raw values
//! read with etcdctl show no token data, while the master (and enrolment with
//! the token) works as before, across a restart.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::time::Duration;

use piccolo_proto::{CreateTokenRequest, ListTokensRequest, NodeState};
use piccolo_tests::{Agent, Etcd, Master, MasterOptions};

fn etcdctl(etcd: &Etcd, args: &[&str]) -> Vec<u8> {
    let out = std::process::Command::new("etcdctl")
        .env("ETCDCTL_API", "3")
        .arg("--endpoints")
        .arg(format!("127.0.0.1:{}", etcd.client_port))
        .args(args)
        .output()
        .expect("etcdctl (apt-get install etcd-client)");
    assert!(out.status.success(), "etcdctl: {}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

#[tokio::test]
async fn token_records_in_etcd_are_encrypted_with_the_data_dir_key() {
    let etcd = Etcd::start().await;
    let mut master = Master::start(MasterOptions { etcd: Some(etcd.endpoint()), ..Default::default() }).await;
    let created = master
        .admin()
        .await
        .create_token(CreateTokenRequest {
            ttl_seconds: 600,
            description: "visible-description".into(),
            labels: [("site".to_string(), "plant-7".to_string())].into(),
            ..Default::default()
        })
        .await
        .expect("token")
        .into_inner();
    let id = created.info.expect("info").id;
    let raw = etcdctl(&etcd, &["get", "--prefix", "/piccolo/v1/tokens/"]);
    let text = String::from_utf8_lossy(&raw);
    assert!(text.contains(&format!("/piccolo/v1/tokens/{id}")), "{text}");
    assert!(raw.windows(4).any(|w| w == b"PSE1"), "sealed value: {text}");
    for plain in ["visible-description", "plant-7", "site"] {
        assert!(!text.contains(plain), "{plain} readable in etcd: {text}");
    }
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(master.data_dir.join("store.key")).expect("store.key").permissions().mode();
    assert_eq!(mode & 0o777, 0o600);

    // The master reads it back: across a restart, and for an enrolment.
    master.restart().await;
    let tokens = master.admin().await.list_tokens(ListTokensRequest {}).await.expect("list").into_inner().tokens;
    assert_eq!(tokens[0].description, "visible-description");
    let _agent = Agent::start(&master, "sealed-ok", &created.token);
    master.wait_state("sealed-ok", NodeState::Ready, Duration::from_secs(20)).await;
    // Node records are not secret and stay plain protobuf.
    let node = etcdctl(&etcd, &["get", "/piccolo/v1/nodes/sealed-ok", "--print-value-only"]);
    assert!(String::from_utf8_lossy(&node).contains("sealed-ok"));
}

#[tokio::test]
async fn the_master_talks_to_etcd_over_tls_with_a_client_certificate() {
    let etcd = Etcd::start_tls().await;
    let pki = etcd.tls.clone().expect("tls");
    let tls_keys = format!(
        "etcd_ca_file = \"{}\"\netcd_cert_file = \"{}\"\netcd_key_file = \"{}\"\n",
        pki.ca.display(),
        pki.client_cert.display(),
        pki.client_key.display()
    );
    let master =
        Master::start(MasterOptions { etcd: Some(etcd.endpoint()), extra: tls_keys, ..Default::default() }).await;
    let token = master.token(1).await;
    let _agent = Agent::start(&master, "over-tls", &token);
    master.wait_state("over-tls", NodeState::Ready, Duration::from_secs(20)).await;
    // The record is in that etcd (read with etcdctl over TLS with a client cert).
    let out = std::process::Command::new("etcdctl")
        .env("ETCDCTL_API", "3")
        .args(["--endpoints", &etcd.endpoint(), "--cacert"])
        .arg(&pki.ca)
        .arg("--cert")
        .arg(&pki.client_cert)
        .arg("--key")
        .arg(&pki.client_key)
        .args(["get", "--keys-only", "--prefix", "/piccolo/v1/nodes/"])
        .output()
        .expect("etcdctl");
    assert!(String::from_utf8_lossy(&out.stdout).contains("/piccolo/v1/nodes/over-tls"), "{out:?}");

    // Without a client certificate etcd refuses the master, which says so and exits.
    let dir = tempfile::tempdir().expect("tmp");
    let config = dir.path().join("m.toml");
    std::fs::write(
        &config,
        format!(
            "data_dir = \"{}\"\nlisten = \"127.0.0.1:0\"\nhttp_listen = \"\"\nstore = \"etcd\"\netcd_endpoints = [\"{}\"]\netcd_timeout = \"2s\"\netcd_ca_file = \"{}\"\n",
            dir.path().join("data").display(),
            etcd.endpoint(),
            pki.ca.display()
        ),
    )
    .expect("config");
    let out = tokio::time::timeout(
        Duration::from_secs(60),
        tokio::process::Command::new(piccolo_tests::bins::path("piccolo-master"))
            .arg("run")
            .arg("--config")
            .arg(&config)
            .output(),
    )
    .await
    .expect("the master gives up in time")
    .expect("run");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("etcd"), "{err}");
}
