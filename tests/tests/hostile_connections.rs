//! Hostile connections against a running master (extends `bad_input.rs`,
//! which covers oversized messages, garbage bytes and bad CSRs):
//! slowloris-style half-open connections (stalled before or inside the TLS
//! handshake, and TLS done but HTTP/2 never started), and a flood of
//! connections from one source address against the per-source cap.
//!
//! Must hold: the master stays up, a well-behaved agent stays Ready, a new
//! agent can enrol and an admin call succeeds while the attack runs.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use piccolo_proto::{GetNodesRequest, NodeState};
use piccolo_tests::faults::{RECOVERY, figure};
use piccolo_tests::{Agent, Master, MasterOptions};
use tokio::io::AsyncWriteExt;
use tokio::net::{TcpSocket, TcpStream};

/// A TCP connection to the master from a chosen loopback source address.
async fn connect_from(source: &str, port: u16) -> Option<TcpStream> {
    let sock = TcpSocket::new_v4().ok()?;
    sock.bind(format!("{source}:0").parse::<SocketAddr>().ok()?).ok()?;
    tokio::time::timeout(Duration::from_secs(2), sock.connect(([127, 0, 0, 1], port).into())).await.ok()?.ok()
}

/// TLS completed (no client certificate), then nothing: an idle HTTP/2 peer.
async fn tls_idle(master: &Master, source: &str) -> Option<tokio_rustls::client::TlsStream<TcpStream>> {
    let ca = piccolo_common::pem::certs(&std::fs::read_to_string(master.ca_file()).ok()?).ok()?;
    let mut cfg = piccolo_common::tls::client_config(&ca, None).ok()?;
    cfg.alpn_protocols = vec![b"h2".to_vec()];
    let tcp = connect_from(source, master.port).await?;
    let name = rustls_pki_types::ServerName::try_from("127.0.0.1").ok()?;
    tokio_rustls::TlsConnector::from(Arc::new(cfg)).connect(name, tcp).await.ok()
}

async fn metric(master: &Master, name: &str) -> f64 {
    let (_, text) = master.http_get("/metrics").await;
    text.lines()
        .find(|l| l.starts_with(name))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0)
}

/// The checks made while an attack is under way.
async fn still_serving(master: &Master, name: &str, token: &str) -> (Agent, Duration) {
    let t = Instant::now();
    master.admin().await.get_nodes(GetNodesRequest {}).await.expect("admin call during the attack");
    let newcomer = Agent::start(master, name, token);
    master.wait_state(name, NodeState::Ready, RECOVERY).await;
    assert_eq!(master.node("steady").await.unwrap().state(), NodeState::Ready, "the steady agent stayed Ready");
    (newcomer, t.elapsed())
}

#[tokio::test]
async fn slowloris_connections_do_not_starve_others() {
    let master = Master::start(MasterOptions::default()).await;
    let token = master.token(0).await;
    let _steady = Agent::start(&master, "steady", &token);
    master.wait_state("steady", NodeState::Ready, RECOVERY).await;
    let mut held = Vec::new();
    // Stalled before the handshake, and inside it (a TLS record header promising more).
    for i in 0..300 {
        if let Some(mut s) = connect_from("127.0.0.3", master.port).await {
            if i % 2 == 0 {
                let _ = s.write_all(&[0x16, 0x03, 0x01, 0x02, 0x00, 0x01]).await;
            }
            held.push(s);
        }
    }
    let mut idle = Vec::new();
    for _ in 0..30 {
        if let Some(s) = tls_idle(&master, "127.0.0.3").await {
            idle.push(s);
        }
    }
    assert!(held.len() >= 250 && idle.len() >= 20, "attack set up: {} half-open, {} idle TLS", held.len(), idle.len());
    let (_newcomer, served) = still_serving(&master, "newcomer", &token).await;
    // Half-open handshakes are cut at the handshake deadline.
    piccolo_tests::wait_until("half-open handshakes timed out", Duration::from_secs(30), || async {
        let f = metric(&master, "piccolo_tls_handshake_failures_total").await;
        if f >= 250.0 { Ok(()) } else { Err(format!("{f}")) }
    })
    .await;
    figure(
        "slowloris",
        &format!(
            "{} half-open + {} idle TLS connections: admin call and a new enrolment to Ready in {served:?}",
            held.len(),
            idle.len()
        ),
    );
}

#[tokio::test]
async fn many_connections_from_one_source_are_capped() {
    let cap = 50;
    let master =
        Master::start(MasterOptions { extra: format!("max_connections_per_source = {cap}\n"), ..Default::default() })
            .await;
    let token = master.token(0).await;
    let _steady = Agent::start(&master, "steady", &token);
    master.wait_state("steady", NodeState::Ready, RECOVERY).await;
    let mut idle = Vec::new();
    for _ in 0..20 {
        if let Some(s) = tls_idle(&master, "127.0.0.2").await {
            idle.push(s);
        }
    }
    let mut held = Vec::new();
    for _ in 0..400 {
        if let Some(s) = connect_from("127.0.0.2", master.port).await {
            held.push(s);
        }
    }
    let (_newcomer, served) = still_serving(&master, "newcomer", &token).await;
    let refused = metric(&master, "piccolo_connections_refused_per_source_total").await;
    assert!(refused >= (420 - cap) as f64 - 10.0, "refused {refused} of 420 over a cap of {cap}");
    // Closing them frees the source's slots.
    drop(held);
    drop(idle);
    piccolo_tests::wait_until("slots freed", Duration::from_secs(10), || async {
        match tls_idle(&master, "127.0.0.2").await {
            Some(_) => Ok(()),
            None => Err("still refused".to_string()),
        }
    })
    .await;
    figure(
        "one source floods",
        &format!(
            "420 connections from 127.0.0.2, cap {cap}: {refused} refused; others served (new enrolment in {served:?})"
        ),
    );
}

#[tokio::test]
async fn silent_connections_after_tls_are_closed() {
    let master =
        Master::start(MasterOptions { extra: "first_request_timeout = \"1s\"\n".into(), ..Default::default() }).await;
    let token = master.token(0).await;
    let _steady = Agent::start(&master, "steady", &token);
    master.wait_state("steady", NodeState::Ready, RECOVERY).await;
    let t = Instant::now();
    let mut idle = Vec::new();
    for _ in 0..5 {
        idle.push(tls_idle(&master, "127.0.0.4").await.expect("TLS completes"));
    }
    // Each silent peer sees its connection end: EOF or a reset, never data.
    for mut s in idle {
        use tokio::io::AsyncReadExt;
        let mut buf = [0u8; 64];
        let closed = tokio::time::timeout(Duration::from_secs(10), async {
            loop {
                match s.read(&mut buf).await {
                    Ok(0) | Err(_) => return,
                    // The server's HTTP/2 SETTINGS may come first.
                    Ok(_) => continue,
                }
            }
        })
        .await;
        assert!(closed.is_ok(), "a silent TLS connection was still open after 10 s");
    }
    let took = t.elapsed();
    assert!(took >= Duration::from_millis(900), "closed before the 1 s deadline: {took:?}");
    assert_eq!(metric(&master, "piccolo_idle_connections_closed_total").await, 5.0);
    // Connections that speak are not affected: the agent and admin calls go on.
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(master.node("steady").await.unwrap().state(), NodeState::Ready);
    master.admin().await.get_nodes(GetNodesRequest {}).await.expect("admin call");
    figure("silent TLS peers", &format!("5 connections with TLS done and no request: all closed in {took:?}"));
}
