//! Offline mode: container events while the master is down are buffered
//! (surviving an agent restart), then replayed in order with their original
//! times exactly once, and the master records the offline interval.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::time::Duration;

use piccolo_common::time::now_ms;
use piccolo_proto::{ListEventsRequest, NodeState};
use piccolo_tests::agent::Trust;
use piccolo_tests::podman::PodmanService;
use piccolo_tests::{Agent, Master, MasterOptions, wait_until};

/// The node's events once a replay has been recorded (its OfflineInterval is in).
async fn replayed_events(master: &Master, node: &str) -> Vec<piccolo_proto::Event> {
    wait_until("the replay", Duration::from_secs(15), || async {
        let ev = master
            .admin()
            .await
            .list_events(ListEventsRequest { node: node.into(), limit: 500, ..Default::default() })
            .await
            .map_err(|e| e.to_string())?
            .into_inner()
            .events;
        if ev.iter().any(|e| e.kind == "OfflineInterval") { Ok(ev) } else { Err("no interval yet".to_string()) }
    })
    .await
}

#[tokio::test]
async fn changes_while_offline_arrive_in_order_once_after_a_restart() {
    let podman = PodmanService::start().await;
    podman.run_container("c1").await;
    podman.run_container("c2").await;
    let mut master = Master::start(MasterOptions::default()).await;
    let token = master.token(0).await;
    let mut env = podman.agent_env();
    env.push(("PICCOLO_BUFFER_FLUSH_INTERVAL".to_string(), "1s".to_string()));
    let mut agent = Agent::start_with(master.addr(), "off", &token, Trust::CaFile(master.ca_file()), env);
    master.wait_state("off", NodeState::Ready, Duration::from_secs(15)).await;
    wait_until("containers reported", Duration::from_secs(10), || async {
        match master.node("off").await {
            Some(n) if n.containers.len() == 2 => Ok(()),
            _ => Err("not yet".to_string()),
        }
    })
    .await;

    master.stop();
    let offline_from = now_ms();
    podman.kill("c1").await;
    podman.kill("c2").await;
    // Wait until the agent has buffered and persisted both, then restart it offline.
    wait_until("the buffer file", Duration::from_secs(10), || async {
        let n = std::fs::metadata(agent.data_dir.join("offline-buffer.bin")).map(|m| m.len()).unwrap_or(0);
        if n > 100 { Ok(()) } else { Err(format!("{n} bytes")) }
    })
    .await;
    agent.stop();
    agent.restart();

    master.restart().await;
    master.wait_state("off", NodeState::Ready, Duration::from_secs(30)).await;
    let events = replayed_events(&master, "off").await;
    let offline: Vec<_> = events.iter().filter(|e| e.kind == "Offline" && e.reason.ends_with("died")).collect();
    let names: Vec<&str> = offline.iter().map(|e| e.reason.as_str()).collect();
    assert_eq!(names, vec!["c1 died", "c2 died"], "in order, each once: {events:#?}");
    assert!(offline.iter().all(|e| e.time_ms >= offline_from - 1000), "original timestamps");
    assert!(offline[0].time_ms <= offline[1].time_ms);
    let node = master.node("off").await.unwrap();
    assert!(node.offline_since_ms > 0 && node.offline_until_ms >= node.offline_since_ms);

    // Another reconnect replays nothing twice. A replay comes before the
    // session's first full report, so once a report newer than the restart
    // is in, anything replayed has been recorded.
    let restarted_at = now_ms();
    agent.restart();
    master.wait_state("off", NodeState::Ready, Duration::from_secs(15)).await;
    wait_until("a full report after the restart", Duration::from_secs(15), || async {
        let at = master.node("off").await.and_then(|n| n.resources).map(|r| r.sampled_at_ms).unwrap_or(0);
        if at >= restarted_at { Ok(()) } else { Err(format!("last report at {at}")) }
    })
    .await;
    let ev = master
        .admin()
        .await
        .list_events(ListEventsRequest { node: "off".into(), limit: 500, ..Default::default() })
        .await
        .unwrap()
        .into_inner()
        .events;
    assert_eq!(ev.iter().filter(|e| e.kind == "Offline" && e.reason.ends_with("died")).count(), 2);
}

#[tokio::test]
async fn a_corrupt_buffer_file_is_set_aside_and_the_agent_starts() {
    let master = Master::start(MasterOptions::default()).await;
    let token = master.token(0).await;
    let mut agent = Agent::start(&master, "corrupt", &token);
    master.wait_state("corrupt", NodeState::Ready, Duration::from_secs(15)).await;
    agent.stop();
    std::fs::write(agent.data_dir.join("offline-buffer.bin"), b"PICCOBUF garbage garbage garbage").unwrap();
    agent.restart();
    master.wait_state("corrupt", NodeState::Ready, Duration::from_secs(15)).await;
    let moved = std::fs::read_dir(&agent.data_dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .any(|e| e.file_name().to_string_lossy().contains("corrupt-"));
    assert!(moved, "damaged file set aside");
    wait_until("the problem reported", Duration::from_secs(10), || async {
        let ev = master
            .admin()
            .await
            .list_events(ListEventsRequest { node: "corrupt".into(), limit: 100, ..Default::default() })
            .await
            .map_err(|e| e.to_string())?
            .into_inner()
            .events;
        if ev.iter().any(|e| e.reason.starts_with("offline-buffer")) { Ok(()) } else { Err("not yet".to_string()) }
    })
    .await;
}

#[tokio::test]
async fn a_full_buffer_drops_the_oldest_and_reports_how_many() {
    let podman = PodmanService::start().await;
    for c in ["f1", "f2", "f3", "f4"] {
        podman.run_container(c).await;
    }
    let mut master = Master::start(MasterOptions::default()).await;
    let token = master.token(0).await;
    let mut env = podman.agent_env();
    env.extend([
        ("PICCOLO_BUFFER_CAPACITY".to_string(), "2".to_string()),
        ("PICCOLO_BUFFER_FLUSH_ENTRIES".to_string(), "1".to_string()),
        ("PICCOLO_LOG".to_string(), "info,piccolo_agent::local=debug".to_string()),
    ]);
    let agent = Agent::start_with(master.addr(), "full", &token, Trust::CaFile(master.ca_file()), env);
    master.wait_state("full", NodeState::Ready, Duration::from_secs(15)).await;
    wait_until("containers reported", Duration::from_secs(10), || async {
        match master.node("full").await {
            Some(n) if n.containers.len() == 4 => Ok(()),
            other => Err(format!("{:?} containers", other.map(|n| n.containers.len()))),
        }
    })
    .await;

    master.stop();
    // One at a time, each persisted before the next, so the order is known.
    for (i, c) in ["f1", "f2", "f3", "f4"].iter().enumerate() {
        podman.kill(c).await;
        wait_until("the kill buffered", Duration::from_secs(10), || async {
            let log = agent.log();
            let died = log.matches("buffered offline change").count();
            if died > i { Ok(()) } else { Err(format!("{died} buffered")) }
        })
        .await;
    }

    master.restart().await;
    master.wait_state("full", NodeState::Ready, Duration::from_secs(30)).await;
    let events = replayed_events(&master, "full").await;
    let replayed: Vec<&str> = events.iter().filter(|e| e.kind == "Offline").map(|e| e.reason.as_str()).collect();
    assert_eq!(replayed, vec!["f3 died", "f4 died"], "the newest two kept, in order: {events:#?}");
    let node = master.node("full").await.unwrap();
    assert_eq!(node.offline_dropped, 2, "the two oldest dropped and counted");
    let interval = events.iter().find(|e| e.kind == "OfflineInterval").unwrap();
    assert!(interval.message.starts_with("2 entries dropped"), "{interval:?}");
}

/// Acknowledged means durable: a replay the master holds only in memory (its
/// store is down) is not acknowledged, so when the master dies before the
/// store is back the agent still has the entries and replays them to the
/// next master. Nothing is lost.
#[tokio::test]
async fn a_replay_is_kept_by_the_agent_until_the_store_has_it() {
    let podman = PodmanService::start().await;
    podman.run_container("c1").await;
    let mut etcd = piccolo_tests::Etcd::start().await;
    let mut master = Master::start(MasterOptions { etcd: Some(etcd.endpoint()), ..Default::default() }).await;
    let token = master.token(0).await;
    let mut env = podman.agent_env();
    env.push(("PICCOLO_BUFFER_FLUSH_INTERVAL".to_string(), "1s".to_string()));
    let agent = Agent::start_with(master.addr(), "durable", &token, Trust::CaFile(master.ca_file()), env);
    master.wait_state("durable", NodeState::Ready, Duration::from_secs(20)).await;
    wait_until("the container reported", Duration::from_secs(10), || async {
        match master.node("durable").await {
            Some(n) if n.containers.len() == 1 => Ok(()),
            _ => Err("not yet".to_string()),
        }
    })
    .await;

    // Offline: the container dies while the master is away; the agent buffers it.
    master.stop();
    podman.kill("c1").await;
    wait_until("the buffer file", Duration::from_secs(10), || async {
        let n = std::fs::metadata(agent.data_dir.join("offline-buffer.bin")).map(|m| m.len()).unwrap_or(0);
        if n > 50 { Ok(()) } else { Err(format!("{n} bytes")) }
    })
    .await;
    // The master comes back without its store; then the agent reconnects and replays.
    agent.freeze();
    master.restart().await;
    etcd.kill9();
    agent.thaw();
    wait_until("the replay recorded in memory", Duration::from_secs(40), || c1_died(&master)).await;
    // The store never got it, so the agent must still hold it: it keeps
    // heartbeating (acked) for a while and the buffer stays.
    let acked_after = now_ms();
    wait_until("heartbeats acked after the replay", Duration::from_secs(10), || async {
        match master.node("durable").await {
            Some(n) if n.last_heartbeat_ms > acked_after + 1500 => Ok(()),
            other => Err(format!("{:?}", other.map(|n| n.last_heartbeat_ms))),
        }
    })
    .await;
    let held = std::fs::metadata(agent.data_dir.join("offline-buffer.bin")).map(|m| m.len()).unwrap_or(0);
    assert!(held > 50, "the agent dropped entries the store never got ({held} bytes left)");

    // The master dies before the store is back; a new one starts with the store.
    master.kill9();
    etcd.restart().await;
    master.restart().await;
    let n = wait_until("the replay recorded again", Duration::from_secs(40), || c1_died(&master)).await;
    assert_eq!(n, 1, "recorded exactly once");
    // Now durable: acknowledged, and the agent drops its copy.
    wait_until("the agent to drop the acknowledged entries", Duration::from_secs(20), || async {
        let n = std::fs::metadata(agent.data_dir.join("offline-buffer.bin")).map(|m| m.len()).unwrap_or(0);
        if n < held { Ok(()) } else { Err(format!("{n} bytes")) }
    })
    .await;
}

/// How many times the replayed "c1 died" is in the master's event list.
async fn c1_died(master: &Master) -> Result<usize, String> {
    let ev = master
        .admin()
        .await
        .list_events(ListEventsRequest { node: "durable".into(), limit: 500, ..Default::default() })
        .await
        .map_err(|e| e.to_string())?
        .into_inner()
        .events;
    let n = ev.iter().filter(|e| e.kind == "Offline" && e.reason == "c1 died").count();
    if n > 0 { Ok(n) } else { Err(format!("no replayed event yet: {ev:?}")) }
}
