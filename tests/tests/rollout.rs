//! Batched config rollouts on real agents: batches by count and percentage,
//! each acked and Ready before the next; a failure in the second batch stops
//! the rollout and returns every touched node to the previous config; a
//! rollback returns to the previous version the same way; history is kept.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::time::Duration;

use piccolo_proto::{GetConfigStatusRequest, GetRolloutRequest, ListConfigHistoryRequest, NodeState};
use piccolo_tests::{Agent, Master, MasterOptions, wait_until};

const READY: Duration = Duration::from_secs(20);

fn text(out: &std::process::Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

async fn cluster(names: &[&str]) -> (Master, Vec<Agent>) {
    let master = Master::start(MasterOptions::default()).await;
    let token = master.token(0).await;
    let agents = names.iter().map(|n| Agent::start(&master, n, &token)).collect();
    for n in names {
        master.wait_state(n, NodeState::Ready, READY).await;
    }
    (master, agents)
}

async fn all_acked(master: &Master, version: u64) {
    wait_until(&format!("every node to ack {version}"), READY, || async {
        let s = master.admin().await.get_config_status(GetConfigStatusRequest {}).await.map_err(|e| e.to_string())?;
        let behind: Vec<String> = s
            .into_inner()
            .nodes
            .into_iter()
            .filter(|n| n.acked_version < version)
            .map(|n| format!("{} acked {} ({})", n.node, n.acked_version, n.error))
            .collect();
        if behind.is_empty() { Ok(()) } else { Err(behind.join("; ")) }
    })
    .await;
}

#[tokio::test]
async fn a_rollout_that_fails_in_the_second_batch_stops_and_rolls_back() {
    let (master, mut agents) = cluster(&["r-a", "r-b", "r-c", "r-d"]).await;
    // A config the master cannot refuse in advance (it passes the shared
    // rules) but r-d cannot apply: its data dir cannot take the new file.
    let blocker = agents[3].data_dir.join("agent-config.pb.tmp");
    std::fs::create_dir_all(&blocker).unwrap();

    let out =
        master.ctl(&["config", "rollout", "--status-interval", "7s", "--batch", "2", "--batch-timeout", "30s"]).await;
    let s = text(&out);
    assert!(!out.status.success(), "{s}");
    assert!(s.contains("batch 1/2 [r-a, r-b]: done") || s.contains("batch 1/2 [r-a, r-b]: rolled-back"), "{s}");
    assert!(s.contains("node r-d rejected version"), "{s}");
    assert!(s.contains("not persisted"), "{s}");
    // r-d could not store the restore either; with the disk fixed, a restart brings it in line.
    std::fs::remove_dir(&blocker).unwrap();
    agents[3].restart();

    let st = master.admin().await.get_rollout(GetRolloutRequest {}).await.unwrap().into_inner();
    assert_eq!(st.state, "failed", "{st:?}\nctl said: {s}");
    assert_eq!(st.batches[1].state, "rolled-back", "{st:?}");
    assert!(st.rolled_back_to_version > st.to_version, "{st:?}");
    // Every node, including the first batch, runs the previous config again.
    all_acked(&master, st.rolled_back_to_version).await;
    let cs = master.admin().await.get_config_status(GetConfigStatusRequest {}).await.unwrap().into_inner();
    assert_eq!(cs.cluster.unwrap().status_interval_ms, 0, "the cluster-wide config is the one from before");
    // Every node is Ready again (polled: a loaded machine may see a node
    // miss a heartbeat and come back on its own).
    for n in ["r-a", "r-b", "r-c", "r-d"] {
        master.wait_state(n, NodeState::Ready, READY).await;
    }
    let h = master.admin().await.list_config_history(ListConfigHistoryRequest {}).await.unwrap().into_inner();
    assert_eq!(h.entries.last().unwrap().change, "restore after failed rollout", "{h:?}");
    let hist = text(&master.ctl(&["config", "history"]).await);
    assert!(hist.contains("restore after failed rollout"), "{hist}");
}

#[tokio::test]
async fn a_rollout_by_percentage_succeeds_and_rollback_returns_to_the_previous_version() {
    let (master, _agents) = cluster(&["p-a", "p-b", "p-c", "p-d"]).await;
    let out =
        master.ctl(&["config", "rollout", "--status-interval", "5s", "--label", "wave=1", "--batch", "50%"]).await;
    let s = text(&out);
    assert!(out.status.success(), "{s}");
    assert!(s.contains("batch 1/2 [p-a, p-b]: done") && s.contains("batch 2/2 [p-c, p-d]: done"), "{s}");
    assert!(s.contains("rollout succeeded"), "{s}");
    let st = master.admin().await.get_rollout(GetRolloutRequest {}).await.unwrap().into_inner();
    all_acked(&master, st.to_version).await;
    let cs = master.admin().await.get_config_status(GetConfigStatusRequest {}).await.unwrap().into_inner();
    assert_eq!(cs.cluster.unwrap().status_interval_ms, 5000);
    let sel = text(&master.ctl(&["get", "nodes", "-l", "wave=1"]).await);
    assert_eq!(sel.lines().count(), 5, "header and four nodes: {sel}");

    let out = master.ctl(&["config", "rollback", "--batch", "3"]).await;
    let s = text(&out);
    assert!(out.status.success(), "{s}");
    assert!(s.contains("rollback succeeded"), "{s}");
    let st = master.admin().await.get_rollout(GetRolloutRequest {}).await.unwrap().into_inner();
    assert_eq!(st.kind, "rollback");
    assert_eq!(st.batches.len(), 2);
    all_acked(&master, st.to_version).await;
    let cs = master.admin().await.get_config_status(GetConfigStatusRequest {}).await.unwrap().into_inner();
    let cluster = cs.cluster.unwrap();
    assert_eq!(cluster.status_interval_ms, 0, "back to the defaults");
    assert!(cluster.labels.is_empty());
    let h = master.admin().await.list_config_history(ListConfigHistoryRequest {}).await.unwrap().into_inner();
    let changes: Vec<&str> = h.entries.iter().map(|e| e.change.as_str()).collect();
    assert_eq!(changes, vec!["initial (the master's defaults)", "rollout", "rollback"]);
}
