//! Fault injection on the agent: killed with SIGKILL over and over (sometimes
//! mid-connect), and its clock jumped forward and back under libfaketime.
//!
//! Must hold: the node is never lost or re-enrolled (same certificate and
//! creation time), every kill is seen as exactly one `ConnectionLost`, a
//! bystander node stays Ready throughout, and the victim is Ready again
//! within `faults::RECOVERY` (30 s) of each restart.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::time::{Duration, Instant};

use piccolo_proto::NodeState;
use piccolo_tests::faults::{self, RECOVERY, events, figure, same_enrolment};
use piccolo_tests::{Agent, Master, MasterOptions, wait_until};

#[tokio::test]
async fn agent_killed_repeatedly_returns_each_time_without_reenrolling() {
    let kills = faults::pick(8, 50);
    let master = Master::start(MasterOptions { state_damping: "200ms", ..Default::default() }).await;
    let token = master.token(0).await;
    let mut victim = Agent::start(&master, "victim", &token);
    let _bystander = Agent::start(&master, "bystander", &token);
    master.wait_state("victim", NodeState::Ready, RECOVERY).await;
    master.wait_state("bystander", NodeState::Ready, RECOVERY).await;
    let before = master.node("victim").await.unwrap();
    let mut worst = Duration::ZERO;
    let mut total = Duration::ZERO;
    for i in 0..kills {
        victim.kill9();
        master.wait_state("victim", NodeState::NotReady, Duration::from_secs(5)).await;
        if i % 3 == 2 {
            // Killed again while it connects, before it is Ready.
            victim.restart();
            tokio::time::sleep(Duration::from_millis(30 * (i as u64 % 7))).await;
            victim.kill9();
        }
        let t = Instant::now();
        victim.restart();
        master.wait_state("victim", NodeState::Ready, RECOVERY).await;
        worst = worst.max(t.elapsed());
        total += t.elapsed();
        assert_eq!(master.node("bystander").await.unwrap().state(), NodeState::Ready, "bystander disturbed");
    }
    let nodes = master.nodes().await;
    assert_eq!(nodes.len(), 2, "no node lost or added");
    same_enrolment(&before, nodes.iter().find(|n| n.name == "victim"));
    assert_eq!(victim.log().matches("enrolled node=").count(), 1, "re-enrolled after a kill");
    let ev = events(&master, "victim").await;
    let lost = ev.iter().filter(|e| e.kind == "StateChanged" && e.reason == "ConnectionLost").count();
    // One per round; a round with a kill mid-connect may add one (the node was
    // already Ready again when it was killed) or merge into one (it was not).
    let mid_connect = (0..kills).filter(|i| i % 3 == 2).count();
    assert!(
        lost >= kills as usize - mid_connect && lost <= kills as usize + mid_connect,
        "{lost} ConnectionLost for {kills} rounds ({mid_connect} with a kill mid-connect)"
    );
    figure(
        "agent kill -9 loop",
        &format!("{kills} rounds, back to Ready in avg {:?}, worst {:?}", total / kills, worst),
    );
}

/// Checks the agent survives wall-clock jumps (NTP step, RTC reset): it stays
/// Ready while the clock jumps, and reconnects after a restart with the clock
/// one hour ahead and one hour behind (monotonic time is left alone, as a real
/// clock step does).
#[tokio::test]
async fn agent_clock_jumps_forward_and_back() {
    let lib =
        ["/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1", "/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1"]
            .into_iter()
            .find(|p| std::path::Path::new(p).exists())
            .expect("libfaketime missing: run `make test-deps` (apt-get install faketime)");
    let master = Master::start(MasterOptions::default()).await;
    let token = master.token(0).await;
    let dir = tempfile::tempdir().unwrap();
    let clock = dir.path().join("faketime");
    std::fs::write(&clock, "+0\n").unwrap();
    let env = vec![
        ("LD_PRELOAD".to_string(), lib.to_string()),
        ("FAKETIME_TIMESTAMP_FILE".to_string(), clock.display().to_string()),
        ("FAKETIME_NO_CACHE".to_string(), "1".to_string()),
        ("FAKETIME_DONT_FAKE_MONOTONIC".to_string(), "1".to_string()),
    ];
    let mut agent =
        Agent::start_with(master.addr(), "clocky", &token, piccolo_tests::agent::Trust::CaFile(master.ca_file()), env);
    master.wait_state("clocky", NodeState::Ready, RECOVERY).await;
    let before = master.node("clocky").await.unwrap();
    for (label, offset) in [("forward 1h", "+3600"), ("back 1h", "-3600"), ("forward 1d", "+86400"), ("now", "+0")] {
        std::fs::write(&clock, format!("{offset}\n")).unwrap();
        // Running through the jump: heartbeats keep coming (it stays Ready
        // for several heartbeat timeouts).
        let hb = master.node("clocky").await.unwrap().last_heartbeat_ms;
        wait_until(&format!("heartbeats after the jump {label}"), Duration::from_secs(10), || async {
            let n = master.node("clocky").await.ok_or("gone")?;
            if n.last_heartbeat_ms > hb + 3000 && n.state() == NodeState::Ready {
                Ok(())
            } else {
                Err(format!("{} hb {}", n.state().label(), n.last_heartbeat_ms - hb))
            }
        })
        .await;
        // A restart with the jumped clock: TLS to the master (certificate
        // validity checked against the device's clock) and the session.
        // The restart is seen (the node leaves Ready: its state changes) and
        // the node is Ready again. Polling for the NotReady itself could miss
        // it when the new session comes back between two polls.
        let changed = master.node("clocky").await.ok_or("gone").unwrap().state_changed_at_ms;
        agent.restart();
        let t = Instant::now();
        wait_until(&format!("clocky NotReady and Ready again after the restart ({label})"), RECOVERY, || async {
            let n = master.node("clocky").await.ok_or("gone")?;
            if n.state_changed_at_ms > changed && n.state() == NodeState::Ready {
                Ok(())
            } else {
                Err(format!(
                    "{} ({}), changed at {} (before {changed})",
                    n.state().label(),
                    n.reason,
                    n.state_changed_at_ms
                ))
            }
        })
        .await;
        figure("agent clock jump", &format!("{label}: Ready again {:?} after a restart", t.elapsed()));
    }
    same_enrolment(&before, master.node("clocky").await.as_ref());
    assert_eq!(agent.log().matches("enrolled node=").count(), 1);
}
