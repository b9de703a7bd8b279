//! Trust end to end with real master and agents: revoking a node's
//! certificate (and removing a node) cuts its live connection at once, the
//! device re-enrols with a token; failed enrolments are rate limited per source
//! address while enrolments from elsewhere go on.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use piccolo_common::connect::{ConnectOptions, connect, connect_from};
use piccolo_common::tls::{Identity, client_config};
use piccolo_proto::node_agent_service_client::NodeAgentServiceClient;
use piccolo_proto::{AgentMessage, HeartbeatRequest, NodeFacts, NodeRegistrationRequest, NodeState};
use piccolo_tests::{Agent, Master, MasterOptions, wait_until};
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tonic::Code;

const READY: Duration = Duration::from_secs(20);

/// A master whose own liveness checks are slow (60 s timeout, 30 s keepalive),
/// so a disconnect within seconds can only be the revocation's cut.
fn slow_liveness() -> MasterOptions {
    MasterOptions {
        heartbeat_timeout: "60s",
        extra: "keepalive_interval = \"30s\"\nkeepalive_timeout = \"30s\"\n".into(),
        ..Default::default()
    }
}

async fn node_channel(master: &Master, dir: &std::path::Path) -> tonic::transport::Channel {
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).expect(f);
    let ca = piccolo_common::pem::certs(&read("ca.crt")).expect("ca");
    let id = Identity::from_pem(&read("node.crt"), &read("node.key")).expect("id");
    let tls = client_config(&ca, Some(id)).expect("tls");
    connect(&master.addr(), Arc::new(tls), ConnectOptions::default()).await.expect("connect")
}

/// Opens a session with a stopped agent's certificate and waits for the
/// master's first message (the config), so the session is known to be live.
async fn live_session(
    master: &Master,
    dir: &std::path::Path,
) -> (mpsc::Sender<AgentMessage>, tonic::Streaming<piccolo_proto::MasterMessage>) {
    let (tx, rx) = mpsc::channel(4);
    let mut client = NodeAgentServiceClient::new(node_channel(master, dir).await);
    let mut stream = client.session(ReceiverStream::new(rx)).await.expect("session").into_inner();
    let first = tokio::time::timeout(Duration::from_secs(10), stream.message()).await.expect("first message in time");
    assert!(matches!(first, Ok(Some(_))), "session is live: {first:?}");
    (tx, stream)
}

/// Waits for the stream to end (error or close); returns how long it took.
async fn ended_within(stream: &mut tonic::Streaming<piccolo_proto::MasterMessage>, limit: Duration) -> Duration {
    let t0 = Instant::now();
    loop {
        match tokio::time::timeout(limit.saturating_sub(t0.elapsed()), stream.message()).await {
            Err(_) => panic!("the live session was not cut within {limit:?}"),
            Ok(Ok(Some(_))) => continue,
            Ok(_) => return t0.elapsed(),
        }
    }
}

async fn copy_identity(from: &std::path::Path) -> tempfile::TempDir {
    let copy = tempfile::tempdir().expect("tmp");
    for f in ["node.crt", "node.key", "ca.crt"] {
        std::fs::copy(from.join(f), copy.path().join(f)).expect("copy");
    }
    copy
}

#[tokio::test]
async fn revoking_a_certificate_cuts_the_live_connection_and_the_device_re_enrols() {
    let master = Master::start(slow_liveness()).await;
    let token = master.token(0).await;
    let mut agent = Agent::start(&master, "revokee", &token);
    let mut held = Agent::start(&master, "held", &token);
    let first = master.wait_state("revokee", NodeState::Ready, READY).await;
    master.wait_state("held", NodeState::Ready, READY).await;
    assert!(first.connected);

    // A session the test holds itself, with the stopped agent's certificate.
    held.kill9();
    let (_keep_open, mut stream) = live_session(&master, &held.data_dir).await;
    let out = master.ctl(&["node", "revoke-cert", "held"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let took = ended_within(&mut stream, Duration::from_secs(10)).await;
    eprintln!("held session cut {took:?} after revoke-cert");

    // The real agent: cut at once, refused on reconnect, stops with the reason.
    let old = copy_identity(&agent.data_dir).await;
    let t0 = Instant::now();
    let out = master.ctl(&["node", "revoke-cert", "revokee"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    wait_until("revokee to be disconnected", Duration::from_secs(10), || async {
        match master.node("revokee").await {
            Some(n) if !n.connected => Ok(()),
            Some(_) => Err("still connected".to_string()),
            None => Err("gone (must be kept)".into()),
        }
    })
    .await;
    eprintln!("agent disconnected {:?} after revoke-cert", t0.elapsed());
    wait_until("the agent to stop", Duration::from_secs(15), || {
        let code = agent.exited();
        async move { code.ok_or_else(|| "still running".to_string()) }
    })
    .await;
    // The agent says what happened and what to do, with no transport error.
    let log = agent.log();
    assert!(log.contains("was revoked by an administrator") && log.contains("new bootstrap token"), "{log}");
    assert!(!log.contains("h2 protocol error") && !log.contains("master unreachable"), "{log}");
    assert!(!log.contains("removed from the cluster"), "{log}");
    let n = master.node("revokee").await.expect("record kept");
    assert!(n.cert_serial.is_empty() && n.previous_cert_serial.is_empty());

    // The old certificate is refused for every call, with the reason.
    let mut client = NodeAgentServiceClient::new(node_channel(&master, old.path()).await);
    let err = client.heartbeat(HeartbeatRequest { seq: 1 }).await.expect_err("refused");
    assert_eq!(err.code(), Code::PermissionDenied);
    assert!(err.message().contains("revoked"), "{}", err.message());

    // Re-enrolment with a token (same data dir, same key) brings it back.
    agent.restart();
    let back = master.wait_state("revokee", NodeState::Ready, READY).await;
    assert!(back.connected);
    assert!(!back.cert_serial.is_empty() && back.cert_serial != first.cert_serial);
    let events = master.ctl(&["events", "--node", "revokee"]).await;
    let text = String::from_utf8_lossy(&events.stdout);
    assert!(text.contains("CertificateRevoked"), "{text}");
    let audit = std::fs::read_to_string(master.data_dir.join("audit.log")).expect("audit");
    assert!(audit.contains("\"rpc\":\"RevokeNodeCertificate\"") && audit.contains("node=revokee"), "{audit}");
}

#[tokio::test]
async fn removing_a_node_cuts_a_live_session_that_ignores_terminate() {
    let master = Master::start(slow_liveness()).await;
    let token = master.token(0).await;
    let mut agent = Agent::start(&master, "stubborn", &token);
    master.wait_state("stubborn", NodeState::Ready, READY).await;
    agent.kill9();
    // The test's session does not stop on Terminate: the master must cut it.
    let (_keep_open, mut stream) = live_session(&master, &agent.data_dir).await;
    let out = master.ctl(&["node", "remove", "stubborn"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    ended_within(&mut stream, Duration::from_secs(10)).await;
    assert!(master.node("stubborn").await.is_none());
}

fn csr() -> String {
    let key = rcgen::KeyPair::generate().expect("key");
    let params = rcgen::CertificateParams::new(Vec::<String>::new()).expect("params");
    params.serialize_request(&key).and_then(|r| r.pem()).expect("csr")
}

/// A client without a certificate (an enrolling device) from a chosen loopback address.
async fn enroller_from(master: &Master, source: &str) -> NodeAgentServiceClient<tonic::transport::Channel> {
    let ca = piccolo_common::pem::certs(&std::fs::read_to_string(master.ca_file()).expect("ca")).expect("ca");
    let tls = Arc::new(client_config(&ca, None).expect("tls"));
    let from = Some(source.parse().expect("ip"));
    let ch = connect_from(&master.addr(), tls, ConnectOptions::default(), from).await.expect("connect");
    NodeAgentServiceClient::new(ch)
}

#[tokio::test]
async fn token_guessing_is_rate_limited_per_address_while_others_enrol() {
    let master = Master::start(MasterOptions {
        extra: "enrol_max_failures = 5\nenrol_failure_window = \"10m\"\n".into(),
        ..Default::default()
    })
    .await;
    let valid = master.token(0).await;
    // The guesser comes from 127.0.0.2 (another loopback address).
    let mut guesser = enroller_from(&master, "127.0.0.2").await;
    let guess = |i: usize, token: String| NodeRegistrationRequest {
        token,
        name: format!("guess-{i}"),
        csr_pem: csr(),
        facts: Some(NodeFacts::default()),
    };
    let mut codes = Vec::new();
    for i in 0..12 {
        let wrong = format!("{}.{:016}", &valid[..6], i);
        let err = guesser.register_node(guess(i, wrong)).await.expect_err("wrong token");
        codes.push(err.code());
        if i >= 5 {
            assert_eq!(err.code(), Code::ResourceExhausted, "attempt {i}: {err}");
            assert!(err.message().contains("too many failed enrolment attempts from 127.0.0.2"), "{}", err.message());
        }
    }
    assert!(codes[..5].iter().all(|c| *c == Code::Unauthenticated), "{codes:?}");
    // While blocked, even a right token from that address waits.
    let err = guesser.register_node(guess(99, valid.clone())).await.expect_err("blocked");
    assert_eq!(err.code(), Code::ResourceExhausted);

    // A real device on 127.0.0.1 enrols meanwhile.
    let _agent = Agent::start(&master, "legit", &valid);
    master.wait_state("legit", NodeState::Ready, READY).await;
    assert!(master.nodes().await.iter().all(|n| !n.name.starts_with("guess-")), "no guess got in");

    // Logged and counted.
    let (_, metrics) = master.http_get("/metrics").await;
    let limited = metrics
        .lines()
        .find(|l| l.contains("enrolments_total") && l.contains("rate_limited"))
        .unwrap_or_else(|| panic!("no rate_limited counter in {metrics}"));
    let n: f64 = limited.rsplit(' ').next().and_then(|v| v.parse().ok()).expect("value");
    assert!(n >= 8.0, "{limited}");
    assert!(master.log().contains("too many failed attempts from this address"), "{}", master.log());
}

/// The number after `key=` in a log line.
fn field(line: &str, key: &str) -> Option<u64> {
    let rest = &line[line.find(&format!("{key}="))? + key.len() + 1..];
    rest.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok()
}

#[tokio::test]
async fn a_flood_of_refused_enrolments_is_summarised_in_the_log() {
    let master = Master::start(MasterOptions {
        // No per-address block: every attempt reaches the token check.
        extra: "enrol_max_failures = 0\nenrol_log_interval = \"2s\"\n".into(),
        ..Default::default()
    })
    .await;
    let valid = master.token(0).await;
    let mut flooder = enroller_from(&master, "127.0.0.2").await;
    let csr = csr();
    let flood = 400;
    let t = Instant::now();
    for i in 0..flood {
        let req = NodeRegistrationRequest {
            token: format!("{}.{:016}", &valid[..6], i),
            name: format!("flood-{i}"),
            csr_pem: csr.clone(),
            facts: Some(NodeFacts::default()),
        };
        let err = flooder.register_node(req).await.expect_err("wrong token");
        assert_eq!(err.code(), Code::Unauthenticated);
    }
    let took = t.elapsed();
    let one_by_one = |log: &str| log.lines().filter(|l| l.contains("enrolment refused remote=")).count() as u64;
    let summarised = |log: &str| {
        log.lines()
            .filter(|l| l.contains("not logged one by one"))
            .map(|l| field(l, "suppressed").expect("suppressed=N"))
            .sum::<u64>()
    };
    // Every refusal is either logged or in a summary once the last interval ends.
    wait_until("the last summary", Duration::from_secs(10), || async {
        let log = master.log();
        let seen = one_by_one(&log) + summarised(&log);
        if seen == flood { Ok(()) } else { Err(format!("{seen} of {flood} accounted for")) }
    })
    .await;
    let log = master.log();
    let lines = log.lines().filter(|l| l.contains("enrolment refused")).count() as u64;
    // At most 3 full lines and one summary per 2 s interval the flood touched.
    let intervals = took.as_secs() / 2 + 2;
    assert!(lines <= intervals * 4, "{lines} log lines for {flood} refusals in {took:?}");
    // The counter is exact.
    let (_, metrics) = master.http_get("/metrics").await;
    assert!(metrics.contains(&format!("piccolo_enrolments_total{{result=\"bad_token\"}} {flood}")), "{metrics}");
    piccolo_tests::faults::figure(
        "refused enrolment flood",
        &format!("{flood} bad tokens from one address in {took:?}: {lines} log lines, counter exact"),
    );
}

#[tokio::test]
async fn secrets_at_rest_ca_key_is_private_and_tokens_are_stored_only_hashed() {
    use std::os::unix::fs::PermissionsExt;
    let mut master = Master::start(MasterOptions::default()).await;
    let token = master.token(1).await;
    let secret = token.split_once('.').map(|(_, s)| s.to_string()).expect("id.secret");
    master.stop();
    let mode = |f: &str| std::fs::metadata(master.data_dir.join(f)).expect(f).permissions().mode() & 0o777;
    assert_eq!(mode("ca.key"), 0o600, "CA key readable by the master's user alone");
    assert_eq!(mode("admin.conf"), 0o600);
    assert_eq!(mode("audit.log"), 0o600);
    assert_eq!(std::fs::metadata(&master.data_dir).expect("dir").permissions().mode() & 0o777, 0o700);
    // No file in the data dir (the store included) holds the token's secret.
    for entry in std::fs::read_dir(&master.data_dir).expect("dir") {
        let path = entry.expect("entry").path();
        let bytes = std::fs::read(&path).unwrap_or_default();
        assert!(
            !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
            "{} contains the token secret",
            path.display()
        );
    }
}
