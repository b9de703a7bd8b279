//! Rolling updates of workloads end to end (issue 14): real master, two real
//! agents, each with its own real Podman. A good new revision rolls out one
//! node per batch (`--batch-size 1`), each batch gated on the liveness check,
//! and `apply --wait` returns when the last batch is healthy; a bad revision
//! (its liveness check fails) never gets healthy in the first batch, so after
//! `--timeout` the master rolls it back by itself: the first node returns to
//! the previous revision and the second is never touched (same container).
//! `rollout undo` then goes back to the revision before, rolled out the same
//! way. Every step is an event.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::time::Duration;

use piccolo_proto::{Event, GetWorkloadsRequest, NodeState, WorkloadInfo};
use piccolo_tests::agent::Trust;
use piccolo_tests::faults::events;
use piccolo_tests::podman::PodmanService;
use piccolo_tests::{Agent, Master, MasterOptions, wait_until};

fn spec(mode: &str, liveness: &str) -> String {
    format!(
        r#"
[[workload]]
name = "web"
image = "localhost/busybox:latest"
command = ["/bin/sleep", "600"]
env = {{ MODE = "{mode}" }}
nodes = ["r1", "r2"]
[workload.liveness]
exec = ["/bin/sh", "-c", "{liveness}"]
period = "500ms"
failure_threshold = 1
"#
    )
}

async fn web(master: &Master) -> WorkloadInfo {
    let r = master.admin().await.get_workloads(GetWorkloadsRequest { name: "web".into() }).await.unwrap();
    r.into_inner().workloads.into_iter().next().expect("workload web")
}

async fn start_node(master: &Master, podman: &PodmanService, name: &str) -> Agent {
    let token = master.token(0).await;
    let agent = Agent::start_with(master.addr(), name, &token, Trust::CaFile(master.ca_file()), podman.agent_env());
    master.wait_state(name, NodeState::Ready, Duration::from_secs(20)).await;
    agent
}

async fn apply(master: &Master, dir: &std::path::Path, text: &str, extra: &[&str]) -> std::process::Output {
    let file = dir.join("web.toml");
    std::fs::write(&file, text).unwrap();
    let path = file.display().to_string();
    let mut args = vec!["apply", "-f", path.as_str()];
    args.extend_from_slice(extra);
    master.ctl(&args).await
}

/// Both nodes healthy on `revision`, and no rollout running.
async fn wait_healthy(master: &Master, revision: u64, what: &str) -> WorkloadInfo {
    wait_until(what, Duration::from_secs(60), || async {
        let w = web(master).await;
        let ok = w.revision == revision
            && w.nodes.len() == 2
            && w.nodes.iter().all(|n| n.revision == revision && n.state == "Healthy")
            && w.rollout.as_ref().is_none_or(|r| r.state != "running");
        if ok { Ok(w) } else { Err(format!("{:?}", w.nodes)) }
    })
    .await
}

fn find<'a>(evs: &'a [Event], kind: &str) -> Vec<&'a Event> {
    evs.iter().filter(|e| e.kind == kind && e.reason.starts_with("web ")).collect()
}

fn id_on(w: &WorkloadInfo, node: &str) -> String {
    w.nodes.iter().find(|n| n.node == node).map(|n| n.container_id.clone()).unwrap_or_default()
}

#[tokio::test]
async fn a_good_revision_rolls_out_batch_by_batch_and_a_bad_one_rolls_back_by_itself() {
    let (p1, p2) = (PodmanService::start().await, PodmanService::start().await);
    let master = Master::start(MasterOptions::default()).await;
    let _a1 = start_node(&master, &p1, "r1").await;
    let _a2 = start_node(&master, &p2, "r2").await;
    let dir = tempfile::tempdir().unwrap();

    let out = apply(&master, dir.path(), &spec("v1", "true"), &["--wait"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    wait_healthy(&master, 1, "revision 1 healthy on both nodes").await;

    // A good revision: one node per batch, each gated on health.
    let out =
        apply(&master, dir.path(), &spec("v2", "true"), &["--batch-size", "1", "--timeout", "60s", "--wait"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let good = wait_healthy(&master, 2, "revision 2 healthy on both nodes").await;
    let r = good.rollout.as_ref().expect("rollout recorded");
    assert_eq!((r.state.as_str(), r.from_revision, r.to_revision, r.batches), ("succeeded", 1, 2, 2), "{r:?}");
    let (e1, e2) = (events(&master, "r1").await, events(&master, "r2").await);
    let b1 = find(&e1, "WorkloadRolloutBatch");
    let b2 = find(&e2, "WorkloadRolloutBatch");
    let u1 = find(&e1, "WorkloadUpdated");
    assert!(b1.iter().any(|e| e.message.starts_with("batch 1 ")), "{b1:?}");
    assert!(b2.iter().any(|e| e.message.starts_with("batch 2 ")), "{b2:?}");
    let r1_healthy = u1.iter().find(|e| e.message.contains("batch 1 healthy")).expect("r1's batch healthy event");
    let r2_started = b2.iter().find(|e| e.message.starts_with("batch 2 ")).unwrap();
    assert!(r1_healthy.seq < r2_started.seq, "r2 started before r1's batch was healthy");
    assert!(!find(&e1, "WorkloadRolloutSucceeded").is_empty());
    assert!(p1.inspect("web", "{{range .Config.Env}}{{println .}}{{end}}").await.contains("MODE=v2"));
    let status = master.ctl(&["rollout", "status", "workload", "web"]).await;
    let text = String::from_utf8_lossy(&status.stdout).into_owned();
    assert!(text.contains("rollout 1 -> 2: succeeded"), "{text}");

    // A bad revision: its liveness check fails, the first batch never gets
    // healthy, and after the timeout everything goes back to revision 2.
    let untouched = id_on(&good, "r2");
    let out =
        apply(&master, dir.path(), &spec("v3", "exit 1"), &["--batch-size", "1", "--timeout", "5s", "--wait"]).await;
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!out.status.success(), "apply --wait of a bad revision succeeded");
    assert!(err.contains("rollout of revision 3 failed") && err.contains("back to revision 2"), "{err}");
    let back = wait_healthy(&master, 2, "revision 2 healthy again on both nodes").await;
    assert_eq!(id_on(&back, "r2"), untouched, "the node after the failed batch was touched");
    assert_ne!(id_on(&back, "r1"), id_on(&good, "r1"), "r1 never ran revision 3");
    let r = back.rollout.as_ref().unwrap();
    assert_eq!((r.state.as_str(), r.from_revision, r.to_revision), ("rolled-back", 2, 3), "{r:?}");
    assert!(r.message.contains("r1: "), "{}", r.message);
    let e1 = events(&master, "r1").await;
    assert!(find(&e1, "WorkloadRolledBack").iter().any(|e| e.message.contains("batch 1 not healthy")), "{e1:?}");
    assert!(find(&events(&master, "r2").await, "WorkloadRolloutBatch").iter().all(|e| !e.message.contains("3")));
    let status = master.ctl(&["rollout", "status", "workload", "web"]).await;
    assert!(String::from_utf8_lossy(&status.stdout).contains("rollout 2 -> 3: rolled-back"));
    let out = master.ctl(&["events", "--type", "WorkloadRolledBack", "-o", "json"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let evs: serde_json::Value = serde_json::from_slice(&out.stdout).expect("events json");
    assert_eq!(evs.as_array().map(|a| a.len()), Some(2), "one WorkloadRolledBack per node: {evs}");

    // `rollout undo`: back to the previous good revision (1's spec), as revision 4.
    let out = master.ctl(&["rollout", "undo", "workload", "web", "--batch-size", "2"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("revision 4"), "{}", String::from_utf8_lossy(&out.stdout));
    let undone = wait_healthy(&master, 4, "revision 4 healthy on both nodes").await;
    assert_eq!(undone.rollout.as_ref().map(|r| r.batches), Some(1), "batch size 2: one batch");
    assert!(p2.inspect("web", "{{range .Config.Env}}{{println .}}{{end}}").await.contains("MODE=v1"));
}
