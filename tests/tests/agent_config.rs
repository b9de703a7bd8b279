//! Config pushed by the master: applied without restart, persisted, acked by
//! version; an invalid one is nacked with the reason; readiness minimums from
//! the master keep a node out of Ready with the failing check as the reason.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::time::Duration;

use piccolo_proto::{AgentConfig, GetConfigStatusRequest, NodeState, SetConfigRequest};
use piccolo_tests::{Agent, Master, MasterOptions, wait_until};

const READY: Duration = Duration::from_secs(15);

async fn acked(master: &Master, node: &str, version: u64) {
    wait_until(&format!("{node} to ack config {version}"), Duration::from_secs(10), || async {
        let s = master.admin().await.get_config_status(GetConfigStatusRequest {}).await.map_err(|e| e.to_string())?;
        let n = s.into_inner().nodes.into_iter().find(|n| n.node == node).ok_or("no node")?;
        if n.acked_version >= version { Ok(()) } else { Err(format!("acked {} error {:?}", n.acked_version, n.error)) }
    })
    .await
}

#[tokio::test]
async fn config_push_is_applied_acked_and_survives_a_restart() {
    let master = Master::start(MasterOptions::default()).await;
    let token = master.token(0).await;
    let mut a = Agent::start(&master, "cfg-a", &token);
    let _b = Agent::start(&master, "cfg-b", &token);
    master.wait_state("cfg-a", NodeState::Ready, READY).await;
    master.wait_state("cfg-b", NodeState::Ready, READY).await;

    // Cluster-wide: a slower heartbeat.
    let out = master.ctl(&["config", "set", "--heartbeat-interval", "700ms"]).await;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v1 = master
        .admin()
        .await
        .get_config_status(GetConfigStatusRequest {})
        .await
        .unwrap()
        .into_inner()
        .cluster
        .unwrap()
        .version;
    acked(&master, "cfg-a", v1).await;
    acked(&master, "cfg-b", v1).await;
    // Persisted on the device.
    assert!(a.data_dir.join("agent-config.pb").exists());

    // Per node: an override only cfg-a gets.
    let r = master
        .admin()
        .await
        .set_config(SetConfigRequest {
            node: "cfg-a".into(),
            config: Some(AgentConfig { status_interval_ms: 2000, ..Default::default() }),
            clear_override: false,
            unset: Vec::new(),
        })
        .await
        .unwrap()
        .into_inner();
    let v2 = r.config.unwrap().version;
    assert_eq!(r.pushed_to, vec!["cfg-a".to_string()]);
    acked(&master, "cfg-a", v2).await;
    let out = master.ctl(&["config", "status", "-o", "json"]).await;
    let status: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let b = status.as_array().unwrap().iter().find(|n| n["node"] == "cfg-b").unwrap().clone();
    assert_eq!(b["acked_version"], serde_json::json!(v1), "cfg-b is not affected by cfg-a's override");

    // A restart keeps the applied config on disk and re-acks the same version.
    a.restart();
    master.wait_state("cfg-a", NodeState::Ready, READY).await;
    acked(&master, "cfg-a", v2).await;
    let text = String::from_utf8_lossy(&master.ctl(&["config", "status"]).await.stdout).into_owned();
    assert!(text.contains("applied"), "{text}");
}

#[tokio::test]
async fn a_config_any_agent_would_refuse_is_refused_by_the_master_first() {
    let master = Master::start(MasterOptions::default()).await;
    let token = master.token(0).await;
    let _a = Agent::start(&master, "nack", &token);
    master.wait_state("nack", NodeState::Ready, READY).await;
    let before = master.node("nack").await.unwrap().config_acked_version;
    // The rules are the agent's own (piccolo_common::agent_config): a relative
    // socket, a status interval shorter than the heartbeat, a too-short heartbeat.
    for (args, why) in [
        (vec!["config", "set", "--node", "nack", "--podman-socket", "relative/podman.sock"], "absolute path"),
        (vec!["config", "set", "--podman-socket", "relative.sock"], "absolute path"),
        (
            vec!["config", "set", "--heartbeat-interval", "3s", "--status-interval", "2s"],
            "shorter than heartbeat_interval",
        ),
        (vec!["config", "rollout", "--status-interval", "100ms"], "at least 1s"),
        (vec!["config", "set", "--heartbeat-interval", "10ms"], "below the minimum"),
    ] {
        let out = master.ctl(&args).await;
        let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert_eq!(out.status.code(), Some(1), "{}: {text}", args.join(" "));
        assert!(text.contains(why) && text.contains("refuses"), "{}: {text}", args.join(" "));
    }
    // Nothing was stored or pushed: no new version, the node still applied.
    let s = master.admin().await.get_config_status(GetConfigStatusRequest {}).await.unwrap().into_inner();
    let n = s.nodes.into_iter().find(|n| n.node == "nack").unwrap();
    assert_eq!(n.desired_version, before, "{n:?}");
    assert!(n.error.is_empty(), "{n:?}");
}

#[tokio::test]
async fn a_failed_required_check_keeps_the_node_out_of_ready_with_the_reason() {
    let master = Master::start(MasterOptions::default()).await;
    let token = master.token(0).await;
    let _agent = Agent::start_with(
        master.addr(),
        "tiny",
        &token,
        piccolo_tests::agent::Trust::CaFile(master.ca_file()),
        vec![("PICCOLO_MIN_DISK_BYTES".into(), "9223372036854775807".into())],
    );
    let n = wait_until("tiny to report checks", READY, || async {
        match master.node("tiny").await {
            Some(n) if !n.checks.is_empty() => Ok(n),
            _ => Err("no checks yet".to_string()),
        }
    })
    .await;
    assert_eq!(n.state(), NodeState::Initializing);
    assert_eq!(n.reason, "ReadinessFailed: disk");
    let describe = String::from_utf8_lossy(&master.ctl(&["describe", "node", "tiny"]).await.stdout).into_owned();
    assert!(describe.contains("[FAIL] disk"), "{describe}");

    // The master lowers the minimum: the check passes and the node goes Ready.
    let out = master.ctl(&["config", "set", "--node", "tiny", "--min-disk-bytes", "1"]).await;
    assert!(out.status.success());
    master.wait_state("tiny", NodeState::Ready, READY).await;

    // Raising it again moves a Ready node to NotReady with the check named.
    let out = master.ctl(&["config", "set", "--node", "tiny", "--min-disk-bytes", "18446744073709551615"]).await;
    assert!(out.status.success());
    let n = master.wait_state("tiny", NodeState::NotReady, READY).await;
    assert_eq!(n.reason, "ReadinessFailed: disk");
}

#[test]
fn check_without_a_data_dir_changes_nothing_on_the_system() {
    // The default data dir is /var/lib/piccolo-agent: give the check an empty
    // /var/lib of its own (private mount namespace, as root) and look after.
    let agent = piccolo_tests::bins::path("piccolo-agent");
    let script = format!(
        "mount -t tmpfs none /var/lib && {} check -o json >/dev/null; echo rc=$?; ls -A /var/lib",
        agent.display()
    );
    let out = std::process::Command::new("unshare").args(["-m", "sh", "-c", &script]).output().expect("unshare");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "unshare: {}", String::from_utf8_lossy(&out.stderr));
    let mut lines = text.lines();
    let rc = lines.next().unwrap_or_default();
    assert!(rc.starts_with("rc="), "the check did not run: {text}");
    let left: Vec<&str> = lines.collect();
    assert!(left.is_empty(), "`piccolo-agent check` created {left:?} in /var/lib");
}
