//! Store and disk faults: etcd killed while agents heartbeat, the master's and
//! the agent's data dirs full (a small tmpfs in a private mount namespace),
//! and a truncated or corrupt store, buffer or config file.
//!
//! Must hold: while the store is away the master keeps serving from memory
//! (admin reads, agents stay Ready) and says it is degraded on /healthz,
//! /readyz, /metrics and in its log; once the store is back it writes what it
//! owes (visible to a fresh master process); a full disk is an error a caller
//! can read, never a crash; a damaged file stops the master with a message
//! naming the file and what to do, and the agent sets its damaged files aside
//! and starts.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::time::{Duration, Instant};

use piccolo_proto::{AgentConfig, CreateTokenRequest, GetNodesRequest, NodeState, SetConfigRequest};
use piccolo_tests::faults::{self, RECOVERY, figure};
use piccolo_tests::netns;
use piccolo_tests::{Agent, Etcd, Master, MasterOptions, wait_until};

fn metric(text: &str, name: &str) -> f64 {
    text.lines()
        .find(|l| l.starts_with(name))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(-1.0)
}

async fn degraded(master: &Master) -> bool {
    let (_, health) = master.http_get("/healthz").await;
    health.contains("\"degraded\":true")
}

#[tokio::test]
async fn etcd_unavailable_while_agents_heartbeat() {
    let outage = faults::pick(Duration::from_secs(10), Duration::from_secs(60));
    let mut etcd = Etcd::start().await;
    let mut master = Master::start(MasterOptions { etcd: Some(etcd.endpoint()), ..Default::default() }).await;
    let token = master.token(0).await;
    let _steady = Agent::start(&master, "steady", &token);
    let mut victim = Agent::start(&master, "victim", &token);
    master.wait_state("steady", NodeState::Ready, RECOVERY).await;
    master.wait_state("victim", NodeState::Ready, RECOVERY).await;

    etcd.kill9();
    let down = Instant::now();
    // A state change the master owes the store.
    victim.kill9();
    master.wait_state("victim", NodeState::NotReady, Duration::from_secs(5)).await;
    wait_until("the master to say it is degraded", Duration::from_secs(20), || async {
        if degraded(&master).await { Ok(()) } else { Err(master.http_get("/healthz").await.1) }
    })
    .await;
    let noticed = down.elapsed();
    assert_eq!(master.http_get("/readyz").await.0, 503);
    let (_, metrics) = master.http_get("/metrics").await;
    assert_eq!(metric(&metrics, "piccolo_store_healthy"), 0.0, "{metrics}");
    assert!(master.log().contains("master is degraded"), "degraded in the log");
    // Serving from memory through the outage.
    tokio::time::sleep(outage.saturating_sub(down.elapsed())).await;
    let nodes = master.admin().await.get_nodes(GetNodesRequest {}).await.expect("admin read").into_inner().nodes;
    assert_eq!(nodes.len(), 2);
    assert_eq!(master.node("steady").await.unwrap().state(), NodeState::Ready, "heartbeats kept it Ready");

    etcd.restart().await;
    let back = Instant::now();
    wait_until("the master to write what it owes", Duration::from_secs(30), || async {
        let (_, h) = master.http_get("/healthz").await;
        if h.contains("\"degraded\":false") && h.contains("\"pending_writes\":0") { Ok(()) } else { Err(h) }
    })
    .await;
    let caught_up = back.elapsed();
    // A fresh master process sees the state it owed.
    master.kill9();
    master.restart().await;
    let v = master.node("victim").await.expect("victim kept");
    assert_eq!(v.state(), NodeState::NotReady, "the owed NotReady was written");
    master.wait_state("steady", NodeState::Ready, RECOVERY).await;
    figure(
        &format!("etcd unavailable {outage:?}"),
        &format!("degraded reported after {noticed:?}, owed writes flushed {caught_up:?} after etcd returned"),
    );
}

#[tokio::test]
async fn dead_etcd_is_noticed_without_writes() {
    let mut etcd = Etcd::start().await;
    let master = Master::start(MasterOptions {
        etcd: Some(etcd.endpoint()),
        extra: "store_probe_interval = \"500ms\"\n".into(),
        ..Default::default()
    })
    .await;
    assert_eq!(master.http_get("/ready").await.0, 200);
    // No agents, no admin calls: nothing is written, only the probe asks.
    etcd.kill9();
    let down = Instant::now();
    wait_until("the probe to notice etcd is gone", Duration::from_secs(10), || async {
        if degraded(&master).await { Ok(()) } else { Err(master.http_get("/health").await.1) }
    })
    .await;
    let noticed = down.elapsed();
    assert_eq!(master.http_get("/ready").await.0, 503);
    let (_, metrics) = master.http_get("/metrics").await;
    assert_eq!(metric(&metrics, "piccolo_store_healthy"), 0.0, "{metrics}");
    assert!(master.log().contains("store probe failed"), "the log says why");
    // The standard gRPC health check says the same (a load balancer's view).
    let grpc_health = || async {
        use tonic_health::pb::{HealthCheckRequest, health_client::HealthClient};
        let mut c = HealthClient::new(master.anonymous_channel().await);
        c.check(HealthCheckRequest { service: String::new() }).await.map(|r| r.into_inner().status()).ok()
    };
    wait_until("gRPC health NOT_SERVING", Duration::from_secs(5), || async {
        match grpc_health().await {
            Some(s) if s == tonic_health::ServingStatus::NotServing.into() => Ok(()),
            other => Err(format!("{other:?}")),
        }
    })
    .await;
    // A backup needs the store: the error says so, and does not blame the master's reachability.
    let out = master.ctl(&["backup", "-o", master.root.path().join("b.backup").to_str().unwrap()]).await;
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("the master answered but cannot do it now") && said.contains("etcd"), "{said}");
    assert!(!said.contains("Status {") && !said.contains("unreachable"), "{said}");
    etcd.restart().await;
    let back = Instant::now();
    wait_until("the probe to notice etcd is back", Duration::from_secs(15), || async {
        let (code, body) = master.http_get("/ready").await;
        if code == 200 && !degraded(&master).await { Ok(()) } else { Err(body) }
    })
    .await;
    let (_, metrics) = master.http_get("/metrics").await;
    assert_eq!(metric(&metrics, "piccolo_store_healthy"), 1.0, "{metrics}");
    wait_until("gRPC health SERVING", Duration::from_secs(5), || async {
        match grpc_health().await {
            Some(s) if s == tonic_health::ServingStatus::Serving.into() => Ok(()),
            other => Err(format!("{other:?}")),
        }
    })
    .await;
    figure(
        "etcd dead, no writes",
        &format!("degraded after {noticed:?} (probe every 500ms), healthy {:?} after etcd returned", back.elapsed()),
    );
}

#[tokio::test]
async fn a_master_started_against_a_dead_etcd_says_what_to_check() {
    let dir = tempfile::tempdir().unwrap();
    let dead = format!("http://127.0.0.1:{}", piccolo_tests::free_port());
    let out = tokio::process::Command::new(piccolo_tests::bins::path("piccolo-master"))
        .arg("run")
        .arg("--data-dir")
        .arg(dir.path())
        .args(["--listen", "127.0.0.1:0", "--http-listen", "", "--store", "etcd", "--etcd-endpoints", &dead])
        .output();
    let out = tokio::time::timeout(Duration::from_secs(30), out).await.expect("it gives up").unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{said}");
    assert!(said.contains(&dead) && said.contains("--etcd-endpoints") && said.contains("does not answer"), "{said}");
    assert!(!said.contains("Status {") && !said.contains("metadata:"), "no debug dump: {said}");
}

#[tokio::test]
async fn master_data_dir_full() {
    if !netns::enter("master_data_dir_full") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("master");
    netns::tmpfs(&data, "24m");
    let master = Master::start(MasterOptions { data_dir: Some(data.clone()), ..Default::default() }).await;
    let token = master.token(0).await;
    let _steady = Agent::start(&master, "steady", &token);
    let mut victim = Agent::start(&master, "victim", &token);
    master.wait_state("steady", NodeState::Ready, RECOVERY).await;
    master.wait_state("victim", NodeState::Ready, RECOVERY).await;
    let filler = netns::fill(&data);
    victim.kill9();
    master.wait_state("victim", NodeState::NotReady, Duration::from_secs(5)).await;
    // Writes that must be durable fail with a readable error...
    let mut errors = Vec::new();
    for _ in 0..20 {
        let r = master
            .admin()
            .await
            .create_token(CreateTokenRequest { ttl_seconds: 60, uses: 1, ..Default::default() })
            .await;
        if let Err(e) = r {
            errors.push(e);
            break;
        }
    }
    let err = errors.pop().expect("token creation must fail on a full disk");
    assert_eq!(err.code(), tonic::Code::Unavailable, "{err}");
    // ...and the master keeps serving.
    master.admin().await.get_nodes(GetNodesRequest {}).await.expect("reads still work");
    assert_eq!(master.node("steady").await.unwrap().state(), NodeState::Ready);
    std::fs::remove_file(&filler).unwrap();
    wait_until("writes to succeed again", RECOVERY, || async {
        let h = master.http_get("/healthz").await.1;
        let ok = master
            .admin()
            .await
            .create_token(CreateTokenRequest { ttl_seconds: 60, uses: 1, ..Default::default() })
            .await
            .is_ok();
        if ok && h.contains("\"pending_writes\":0") { Ok(()) } else { Err(h) }
    })
    .await;
    figure(
        "master data dir full",
        &format!(
            "token create refused ({}), reads and agents unaffected, writes resumed after space freed",
            err.message()
        ),
    );
}

#[tokio::test]
async fn agent_data_dir_full() {
    if !netns::enter("agent_data_dir_full") {
        return;
    }
    let master = Master::start(MasterOptions::default()).await;
    let token = master.token(0).await;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("agent");
    netns::tmpfs(&data, "4m");
    // A 4 MiB disk is below the default readiness minimum (64 MiB).
    let env = vec![("PICCOLO_MIN_DISK_BYTES".to_string(), "0".to_string())];
    let agent = Agent::start_in_dir(&master, "cramped", &token, &data, env);
    master.wait_state("cramped", NodeState::Ready, RECOVERY).await;
    let filler = netns::fill(&data);
    let cfg = AgentConfig { status_interval_ms: 12_345, ..Default::default() };
    master
        .admin()
        .await
        .set_config(SetConfigRequest {
            node: "cramped".into(),
            config: Some(cfg),
            clear_override: false,
            unset: Vec::new(),
        })
        .await
        .expect("config set");
    wait_until("the agent to say it cannot persist", Duration::from_secs(15), || async {
        if agent.log().contains("could not be persisted") { Ok(()) } else { Err("not yet".to_string()) }
    })
    .await;
    // Still heartbeating, still Ready, for several heartbeat timeouts.
    let hb = master.node("cramped").await.unwrap().last_heartbeat_ms;
    wait_until("heartbeats on a full disk", Duration::from_secs(15), || async {
        let n = master.node("cramped").await.ok_or("gone")?;
        if n.state() == NodeState::Ready && n.last_heartbeat_ms > hb + 7000 { Ok(()) } else { Err(format!("{n:?}")) }
    })
    .await;
    std::fs::remove_file(&filler).unwrap();
    assert!(agent.log().matches("enrolled node=").count() == 1);
    figure("agent data dir full", "config applied in memory with a warning, heartbeats and Ready unaffected");
}

#[tokio::test]
async fn truncated_or_corrupt_store_file_stops_the_master_with_a_clear_message() {
    let mut master = Master::start(MasterOptions::default()).await;
    let token = master.token(0).await;
    let _a = Agent::start(&master, "a", &token);
    master.wait_state("a", NodeState::Ready, RECOVERY).await;
    master.stop();
    let store = master.data_dir.join("store.redb");
    let bytes = std::fs::read(&store).unwrap();
    for (label, damaged) in [
        ("truncated", bytes[..bytes.len() / 2].to_vec()),
        ("zeroed header", [vec![0u8; 4096], bytes[4096.min(bytes.len())..].to_vec()].concat()),
    ] {
        std::fs::write(&store, &damaged).unwrap();
        let out = tokio::time::timeout(
            Duration::from_secs(30),
            tokio::process::Command::new(piccolo_tests::bins::path("piccolo-master"))
                .arg("run")
                .arg("--data-dir")
                .arg(&master.data_dir)
                .args(["--listen", "127.0.0.1:0"])
                .env("PICCOLO_HTTP_LISTEN", "")
                .output(),
        )
        .await
        .expect("the master must not hang on a damaged store")
        .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        match out.status.code() {
            Some(0) | None => panic!("{label}: master exited {:?} on a damaged store: {err}", out.status),
            Some(_) => {}
        }
        assert!(!err.contains("panicked"), "{label}: panic instead of an error: {err}");
        assert!(err.contains("store.redb"), "{label}: names the file: {err}");
        figure(&format!("store file {label}"), err.lines().last().unwrap_or_default());
    }
}

#[tokio::test]
async fn corrupt_agent_config_file_is_set_aside() {
    let master = Master::start(MasterOptions::default()).await;
    let token = master.token(0).await;
    let mut agent = Agent::start(&master, "cfgbad", &token);
    master.wait_state("cfgbad", NodeState::Ready, RECOVERY).await;
    agent.stop();
    std::fs::write(agent.data_dir.join("agent-config.pb"), b"\xff\xff\xff garbage").unwrap();
    let buf = agent.data_dir.join("offline-buffer.bin");
    if let Ok(b) = std::fs::read(&buf) {
        std::fs::write(&buf, &b[..b.len() / 2]).unwrap();
    }
    agent.restart();
    master.wait_state("cfgbad", NodeState::Ready, RECOVERY).await;
    assert!(agent.data_dir.join("agent-config.pb.corrupt").exists(), "set aside");
    figure("agent config file corrupt", "set aside, agent started and Ready");
}
