//! Detection at the master's default keepalive settings: a killed agent
//! (connection closed) is NotReady within 1 s, a frozen one (socket open,
//! nothing answers) within 5 s, and both come back to Ready. Detection time is
//! measured from the signal to the state-change time the master recorded.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::time::Duration;

use piccolo_common::time::now_ms;
use piccolo_proto::{NodeState, WatchNodesRequest, node_watch_event};
use piccolo_tests::{Agent, Master, MasterOptions};
use tokio_stream_shim::next;

mod tokio_stream_shim {
    use piccolo_proto::NodeWatchEvent;
    pub async fn next(s: &mut tonic::Streaming<NodeWatchEvent>) -> Option<NodeWatchEvent> {
        s.message().await.ok().flatten()
    }
}

const READY: Duration = Duration::from_secs(15);

#[tokio::test]
async fn killed_agent_is_not_ready_within_one_second_and_recovers() {
    // Default heartbeat interval/timeout and keepalive: what users run.
    let master =
        Master::start(MasterOptions { heartbeat_interval: "10s", heartbeat_timeout: "30s", ..Default::default() })
            .await;
    let token = master.token(0).await;
    let mut agent = Agent::start(&master, "victim", &token);
    master.wait_state("victim", NodeState::Ready, READY).await;
    let killed_at = now_ms();
    agent.kill9();
    let n = master.wait_state("victim", NodeState::NotReady, Duration::from_secs(5)).await;
    let detect = n.state_changed_at_ms - killed_at;
    println!("kill -9 detected in {detect} ms ({})", n.reason);
    assert!(detect <= 1000, "detection took {detect} ms");
    assert_eq!(n.reason, "ConnectionLost");
    agent.restart();
    let n = master.wait_state("victim", NodeState::Ready, READY).await;
    assert_eq!(n.reason, "HeartbeatResumed");
    assert_eq!(agent.log().matches("enrolled node=").count(), 1, "a restarted agent must not enrol again");
}

#[tokio::test]
async fn frozen_agent_is_not_ready_within_five_seconds_and_recovers() {
    let master =
        Master::start(MasterOptions { heartbeat_interval: "10s", heartbeat_timeout: "30s", ..Default::default() })
            .await;
    let token = master.token(0).await;
    let agent = Agent::start(&master, "frozen", &token);
    master.wait_state("frozen", NodeState::Ready, READY).await;
    let frozen_at = now_ms();
    agent.freeze();
    let n = master.wait_state("frozen", NodeState::NotReady, Duration::from_secs(10)).await;
    let detect = n.state_changed_at_ms - frozen_at;
    println!("silent agent detected in {detect} ms ({})", n.reason);
    assert!(detect <= 5000, "detection took {detect} ms");
    agent.thaw();
    master.wait_state("frozen", NodeState::Ready, READY).await;
}

#[tokio::test]
async fn connected_but_silent_agent_times_out_at_the_heartbeat_timeout() {
    // The agent heartbeats every 10 s (its own setting) but the master expects
    // one every 500 ms with a 2 s timeout: the connection stays healthy, the
    // heartbeats are late, so the timeout is what fires.
    let master =
        Master::start(MasterOptions { heartbeat_interval: "500ms", heartbeat_timeout: "2s", ..Default::default() })
            .await;
    let token = master.token(0).await;
    let mut slow = Agent::start(&master, "slow", &token);
    master.wait_state("slow", NodeState::Ready, READY).await;
    // Replace the agent by a raw session that only says hello.
    slow.kill9();
    master.wait_state("slow", NodeState::NotReady, Duration::from_secs(5)).await;
    let mut client = slow.node_client().await;
    let (tx, rx) = tokio::sync::mpsc::channel(4);
    let hb = piccolo_proto::AgentMessage {
        msg: Some(piccolo_proto::agent_message::Msg::Heartbeat(piccolo_proto::Heartbeat { seq: 1 })),
    };
    tx.send(hb).await.expect("send");
    let _resp = client.session(tokio_stream::wrappers::ReceiverStream::new(rx)).await.expect("session");
    master.wait_state("slow", NodeState::Ready, Duration::from_secs(5)).await;
    let n = master.wait_state("slow", NodeState::NotReady, Duration::from_secs(10)).await;
    assert_eq!(n.reason, "HeartbeatTimeout");
    // From the one heartbeat (state damping may have delayed Ready itself).
    let after = n.state_changed_at_ms - n.last_heartbeat_ms;
    assert!((2000..=3500).contains(&after), "timed out after {after} ms, expected ~2000");
    drop(tx);
}

#[tokio::test]
async fn watchers_see_every_change_within_a_second() {
    let master = Master::start(MasterOptions::default()).await;
    let mut admin = master.admin().await;
    let mut stream = admin.watch_nodes(WatchNodesRequest { initial: false }).await.expect("watch").into_inner();
    let token = master.token(0).await;
    let mut agent = Agent::start(&master, "watched", &token);
    let mut seen = Vec::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(15);
    let mut killed_at = 0;
    while let Ok(Some(ev)) = tokio::time::timeout_at(deadline, next(&mut stream)).await {
        let received = now_ms();
        let Some(node) = ev.node.clone() else { continue };
        if let Some(e) = &ev.event {
            let lag = received - e.time_ms;
            assert!(lag <= 1000, "watch event arrived {lag} ms after the master decided it");
        }
        if ev.kind() == node_watch_event::Kind::Added || ev.event.as_ref().is_some_and(|e| e.kind == "StateChanged") {
            seen.push(node.state());
        }
        if node.state() == NodeState::Ready && killed_at == 0 {
            killed_at = now_ms();
            agent.kill9();
        }
        if node.state() == NodeState::NotReady {
            break;
        }
    }
    assert_eq!(seen, vec![NodeState::Initializing, NodeState::Ready, NodeState::NotReady]);
}

/// Runs `piccoloctl watch nodes`, freezes it for 6 s (twice the node
/// keepalive's 1 s + 2 s) while a node joins, thaws it, and says whether the
/// stream lived through it (the join shows up and the watcher is still running).
async fn frozen_watcher_survives(master: &Master, node: &str) -> (bool, String) {
    let mut cmd = std::process::Command::new(piccolo_tests::bins::path("piccoloctl"));
    cmd.arg("--admin-config").arg(master.admin_conf()).args(["watch", "nodes"]);
    let watcher = piccolo_tests::proc::Proc::spawn("watch", cmd, &master.root.path().join(format!("watch-{node}.log")));
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while !watcher.output().contains("EVENT") {
        assert!(tokio::time::Instant::now() < deadline, "watch did not start: {}", watcher.output());
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    watcher.signal(nix::sys::signal::Signal::SIGSTOP);
    let token = master.token(0).await;
    let _agent = Agent::start(master, node, &token);
    master.wait_state(node, NodeState::Ready, READY).await;
    tokio::time::sleep(Duration::from_secs(6)).await;
    watcher.signal(nix::sys::signal::Signal::SIGCONT);
    let mut watcher = watcher;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        let out = watcher.output();
        if watcher.exited().is_some() {
            return (false, out);
        }
        if out.lines().any(|l| l.contains(node) && l.contains("Ready") && !l.contains("NotReady")) {
            // Still running after it caught up, on its first stream:
            // piccoloctl reconnects a cut watch and says so.
            tokio::time::sleep(Duration::from_millis(500)).await;
            let out = watcher.output();
            return (watcher.exited().is_none() && !out.contains("lost the master"), out);
        }
        if tokio::time::Instant::now() > deadline {
            return (false, out);
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn an_admin_watch_is_not_cut_by_the_node_keepalive() {
    // Defaults: nodes 1 s / 2 s, everyone else 30 s / 20 s.
    let master = Master::start(MasterOptions::default()).await;
    let (alive, out) = frozen_watcher_survives(&master, "late").await;
    assert!(alive, "the watch stream ended while its client was paused for 6 s:\n{out}");

    // The same with the admin keepalive as tight as the node one: the stream
    // is cut, so the test above can tell the difference.
    let master = Master::start(MasterOptions {
        extra: "admin_keepalive_interval = \"1s\"\nadmin_keepalive_timeout = \"2s\"\n".into(),
        ..Default::default()
    })
    .await;
    let (alive, out) = frozen_watcher_survives(&master, "late").await;
    assert!(!alive, "with a 1 s / 2 s admin keepalive the paused watcher should have been cut:\n{out}");
}

/// The leanest master (`worker_threads = 1`: one runtime thread, the device
/// master's default) detects as fast as the multi-thread one, and runs on
/// the main thread plus one blocking-pool thread (the store's, kept busy by
/// the store probe every 5 s); any more are pool threads that exit when idle.
#[tokio::test]
async fn a_one_thread_master_detects_killed_and_frozen_agents_in_time() {
    let master = Master::start(MasterOptions {
        heartbeat_interval: "10s",
        heartbeat_timeout: "30s",
        extra: "worker_threads = 1\n".into(),
        ..Default::default()
    })
    .await;
    let pid = master.pid().expect("running");
    let threads = || -> usize {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("status");
        status.lines().find_map(|l| l.strip_prefix("Threads:")).expect("Threads:").trim().parse().expect("count")
    };
    let token = master.token(0).await;
    let mut killed = Agent::start(&master, "one-killed", &token);
    let frozen = Agent::start(&master, "one-frozen", &token);
    master.wait_state("one-killed", NodeState::Ready, READY).await;
    master.wait_state("one-frozen", NodeState::Ready, READY).await;
    // The runtime is the main thread; extra blocking-pool threads (the two
    // enrolments' store writes at once) exit 10 s after their last job.
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    let names = || -> Vec<String> {
        let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).expect("tasks");
        tasks
            .filter_map(|t| std::fs::read_to_string(t.ok()?.path().join("comm")).ok())
            .map(|c| c.trim().into())
            .collect()
    };
    while threads() > 2 {
        assert!(std::time::Instant::now() < deadline, "threads in a one-thread master: {:?}", names());
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let killed_at = now_ms();
    killed.kill9();
    let n = master.wait_state("one-killed", NodeState::NotReady, Duration::from_secs(5)).await;
    let detect = n.state_changed_at_ms - killed_at;
    assert!(detect <= 1000, "kill -9 detection took {detect} ms");
    let frozen_at = now_ms();
    frozen.freeze();
    let n = master.wait_state("one-frozen", NodeState::NotReady, Duration::from_secs(10)).await;
    let detect = n.state_changed_at_ms - frozen_at;
    assert!(detect <= 5000, "silent agent detection took {detect} ms");
    frozen.thaw();
    killed.restart();
    master.wait_state("one-frozen", NodeState::Ready, READY).await;
    master.wait_state("one-killed", NodeState::Ready, READY).await;
}
