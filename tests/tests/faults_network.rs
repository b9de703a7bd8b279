//! Network faults, each in a private network namespace the test creates (it
//! re-runs itself under `unshare`): the agent talks to the master over `::1`,
//! admins over `127.0.0.1`, and nft rules on `::1` cut only the agent.
//!
//! Must hold:
//! - silent agent (every packet dropped) for 5 s, 60 s (and 10 min under
//!   `make faults`): NotReady within 5 s of the silence, a bystander node and
//!   admin calls unaffected, Ready again within 30 s of the heal, same
//!   enrolment, and container events buffered while offline delivered
//!   exactly once;
//! - a flapping link (connections reset every 2 s) never cycles the node
//!   Ready -> NotReady -> Ready faster than `state_damping`.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::time::{Duration, Instant};

use piccolo_common::time::now_ms;
use piccolo_proto::{GetNodesRequest, NodeState};
use piccolo_tests::agent::Trust;
use piccolo_tests::faults::{self, RECOVERY, events, figure, same_enrolment};
use piccolo_tests::netns::{self, Filter, agent_addr};
use piccolo_tests::podman::PodmanService;
use piccolo_tests::{Agent, Master, MasterOptions, wait_until};

async fn master() -> Master {
    Master::start(MasterOptions { listen_ip: "[::]", ..Default::default() }).await
}

async fn silent_for(silence: Duration, with_podman: bool) {
    let podman = if with_podman { Some(PodmanService::start().await) } else { None };
    if let Some(p) = &podman {
        p.run_container("c1").await;
    }
    let master = master().await;
    let filter = Filter::new(master.port);
    let token = master.token(0).await;
    let mut env = vec![("PICCOLO_BUFFER_FLUSH_INTERVAL".to_string(), "1s".to_string())];
    if let Some(p) = &podman {
        env.extend(p.agent_env());
    }
    let agent = Agent::start_with(agent_addr(master.port), "quiet", &token, Trust::CaFile(master.ca_file()), env);
    let _bystander = Agent::start(&master, "loud", &token);
    master.wait_state("quiet", NodeState::Ready, RECOVERY).await;
    master.wait_state("loud", NodeState::Ready, RECOVERY).await;
    if podman.is_some() {
        wait_until("c1 reported", Duration::from_secs(15), || async {
            match master.node("quiet").await {
                Some(n) if n.containers.len() == 1 => Ok(()),
                _ => Err("not yet".to_string()),
            }
        })
        .await;
    }
    let before = master.node("quiet").await.unwrap();

    let start = Instant::now();
    let silenced_at = now_ms();
    filter.silence();
    let n = master.wait_state("quiet", NodeState::NotReady, Duration::from_secs(10)).await;
    let detect = n.state_changed_at_ms - silenced_at;
    assert!(detect <= 5000, "silence noticed after {detect} ms");
    if let Some(p) = &podman {
        wait_until("the agent to go offline", silence, || async {
            if agent.log().contains("running offline") { Ok(()) } else { Err("still thinks it is online".into()) }
        })
        .await;
        p.kill("c1").await;
    }
    // The fault lasts `silence`: this wait is the fault itself, not a guess.
    tokio::time::sleep(silence.saturating_sub(start.elapsed())).await;
    assert_eq!(master.node("loud").await.unwrap().state(), NodeState::Ready, "bystander disturbed");
    master.admin().await.get_nodes(GetNodesRequest {}).await.expect("admin call during the silence");
    filter.heal();
    let healed = Instant::now();
    master.wait_state("quiet", NodeState::Ready, RECOVERY).await;
    let back = healed.elapsed();
    same_enrolment(&before, master.node("quiet").await.as_ref());
    assert_eq!(agent.log().matches("enrolled node=").count(), 1, "re-enrolled");
    if podman.is_some() {
        let died = wait_until("the buffered event", RECOVERY, || async {
            let ev = events(&master, "quiet").await;
            let n = ev.iter().filter(|e| e.kind == "Offline" && e.reason == "c1 died").count();
            if n > 0 { Ok(n) } else { Err("not replayed yet".to_string()) }
        })
        .await;
        assert_eq!(died, 1, "buffered event delivered exactly once");
    }
    figure(
        &format!("agent silent {silence:?}"),
        &format!("NotReady after {detect} ms, Ready {back:?} after the heal, same enrolment"),
    );
}

#[tokio::test]
async fn agent_silent_for_5s() {
    if netns::enter("agent_silent_for_5s") {
        silent_for(Duration::from_secs(5), false).await;
    }
}

#[tokio::test]
async fn agent_silent_for_60s_with_buffered_events() {
    if netns::enter("agent_silent_for_60s_with_buffered_events") {
        silent_for(Duration::from_secs(60), true).await;
    }
}

#[tokio::test]
async fn agent_silent_for_10min_long_only() {
    if !faults::long() {
        println!("faults: agent silent 10 min: only under `make faults` (PICCOLO_FAULTS_LONG=1)");
        return;
    }
    if netns::enter("agent_silent_for_10min_long_only") {
        silent_for(Duration::from_secs(600), true).await;
    }
}

#[tokio::test]
async fn flapping_link_is_damped() {
    if !netns::enter("flapping_link_is_damped") {
        return;
    }
    let damping = Duration::from_secs(6);
    let master = Master::start(MasterOptions { listen_ip: "[::]", state_damping: "6s", ..Default::default() }).await;
    let filter = Filter::new(master.port);
    let token = master.token(0).await;
    let _agent = Agent::start_with(agent_addr(master.port), "flappy", &token, Trust::CaFile(master.ca_file()), vec![]);
    master.wait_state("flappy", NodeState::Ready, RECOVERY).await;
    let run = faults::pick(Duration::from_secs(30), Duration::from_secs(300));
    let start = Instant::now();
    let mut flips = 0;
    while start.elapsed() < run {
        filter.reset();
        tokio::time::sleep(Duration::from_secs(2)).await;
        filter.heal();
        tokio::time::sleep(Duration::from_secs(2)).await;
        flips += 1;
    }
    master.wait_state("flappy", NodeState::Ready, RECOVERY).await;
    let changes: Vec<_> = events(&master, "flappy").await.into_iter().filter(|e| e.kind == "StateChanged").collect();
    let downs: Vec<_> = changes.iter().filter(|e| e.to == NodeState::NotReady as i32).collect();
    assert!(
        !downs.is_empty(),
        "the link flaps, the node must have gone NotReady: {changes:#?}\n{}\n{}",
        netns::sh("nft list ruleset"),
        master.log()
    );
    // A full Ready -> NotReady -> Ready cycle never takes less than the damping.
    let mut last_ready = None;
    for e in &changes {
        if e.to == NodeState::Ready as i32 {
            if let Some(r) = last_ready {
                let cycle = e.time_ms - r;
                assert!(
                    cycle >= damping.as_millis() as i64 - 50,
                    "Ready again {cycle} ms after the last Ready: {changes:#?}"
                );
            }
            last_ready = Some(e.time_ms);
        }
    }
    let max_downs = run.as_secs() / damping.as_secs() + 2;
    assert!(downs.len() as u64 <= max_downs, "{} NotReady in {run:?} (at most {max_downs})", downs.len());
    figure(
        "flapping link",
        &format!(
            "{flips} resets over {run:?}: {} state changes, {} NotReady (damping {damping:?})",
            changes.len(),
            downs.len()
        ),
    );
}
