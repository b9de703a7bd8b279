//! Every agent setting has a way back, and the history says who did what:
//! `--disable-podman=false`, `--unset`, label removal (`--label k-`, `node
//! label`), REST `?unset=`; `--node --clear` moves no other node's wanted
//! version; empty changes are refused; rollbacks go to the last acknowledged
//! version or `--to-version N`. Real master, real agents, the real CLI.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::time::Duration;

use piccolo_proto::{GetConfigStatusRequest, ListConfigHistoryRequest, NodeState};
use piccolo_tests::{Agent, Master, MasterOptions, wait_until};

const READY: Duration = Duration::from_secs(20);

fn text(o: &std::process::Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

async fn ctl_ok(master: &Master, args: &[&str]) -> String {
    let o = master.ctl(args).await;
    assert!(o.status.success(), "{}: {}", args.join(" "), text(&o));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

async fn effective(master: &Master, node: &str) -> serde_json::Value {
    let d: serde_json::Value =
        serde_json::from_str(&ctl_ok(master, &["describe", "node", node, "-o", "json"]).await).unwrap();
    d["config"]["effective"].clone()
}

async fn settled(master: &Master) {
    wait_until("every node applied its wanted version", READY, || async {
        let s = master.admin().await.get_config_status(GetConfigStatusRequest {}).await.map_err(|e| e.to_string())?;
        let behind: Vec<String> = s
            .into_inner()
            .nodes
            .into_iter()
            .filter(|n| n.acked_version < n.desired_version)
            .map(|n| format!("{} {}<{}", n.node, n.acked_version, n.desired_version))
            .collect();
        if behind.is_empty() { Ok(()) } else { Err(behind.join(", ")) }
    })
    .await;
}

#[tokio::test]
async fn every_setting_has_a_way_back_and_the_history_shows_it() {
    let master = Master::start(MasterOptions::default()).await;
    let token = master.token(0).await;
    // cfg-a's token gives it a label (kept in its node record).
    let labelled = ctl_ok(&master, &["token", "create", "--label", "site=plant-7"]).await;
    let _a = Agent::start(&master, "cfg-a", labelled.trim());
    let _b = Agent::start(&master, "cfg-b", &token);
    master.wait_state("cfg-a", NodeState::Ready, READY).await;
    master.wait_state("cfg-b", NodeState::Ready, READY).await;

    // Empty changes are refused and make no version.
    let history_len = |h: String| h.lines().count();
    let before = history_len(ctl_ok(&master, &["config", "history"]).await);
    for args in [vec!["config", "set"], vec!["config", "rollout"], vec!["config", "set", "--node", "cfg-a"]] {
        let o = master.ctl(&args).await;
        assert_eq!(o.status.code(), Some(2), "{}: {}", args.join(" "), text(&o));
        assert!(text(&o).contains("nothing to change"), "{}", text(&o));
    }
    assert_eq!(history_len(ctl_ok(&master, &["config", "history"]).await), before);

    // Podman off, and back on.
    ctl_ok(&master, &["config", "set", "--disable-podman"]).await;
    assert_eq!(effective(&master, "cfg-a").await["podman_disabled"], true);
    ctl_ok(&master, &["config", "set", "--disable-podman=false"]).await;
    assert_eq!(effective(&master, "cfg-a").await["podman_disabled"], false);
    // A field set, then unset back to the master's default.
    let default_status = effective(&master, "cfg-a").await["status_interval_ms"].clone();
    ctl_ok(&master, &["config", "set", "--status-interval", "45s"]).await;
    assert_eq!(effective(&master, "cfg-a").await["status_interval_ms"], 45_000);
    ctl_ok(&master, &["config", "set", "--unset", "status_interval"]).await;
    assert_eq!(effective(&master, "cfg-a").await["status_interval_ms"], default_status);
    // Labels: added and removed, cluster-wide and per node.
    ctl_ok(&master, &["config", "set", "--label", "wave=1"]).await;
    assert_eq!(ctl_ok(&master, &["get", "nodes", "-l", "wave=1", "-o", "name"]).await.lines().count(), 2);
    ctl_ok(&master, &["config", "set", "--label", "wave-"]).await;
    assert_eq!(ctl_ok(&master, &["get", "nodes", "-l", "wave", "-o", "name"]).await, "");
    ctl_ok(&master, &["node", "label", "cfg-a", "zone=a", "tier=edge"]).await;
    assert_eq!(ctl_ok(&master, &["get", "nodes", "-l", "zone=a", "-o", "name"]).await, "node/cfg-a\n");
    ctl_ok(&master, &["node", "label", "cfg-a", "zone-"]).await;
    assert_eq!(ctl_ok(&master, &["get", "nodes", "-l", "zone", "-o", "name"]).await, "");
    assert_eq!(ctl_ok(&master, &["get", "nodes", "-l", "tier=edge", "-o", "name"]).await, "node/cfg-a\n");
    // A label from the bootstrap token is removed the same way.
    assert_eq!(ctl_ok(&master, &["get", "nodes", "-l", "site=plant-7", "-o", "name"]).await, "node/cfg-a\n");
    ctl_ok(&master, &["node", "label", "cfg-a", "site-"]).await;
    assert_eq!(ctl_ok(&master, &["get", "nodes", "-l", "site", "-o", "name"]).await, "");
    settled(&master).await;

    // --clear on one node moves no other node's wanted version (no phantom pending).
    let status =
        || async { master.admin().await.get_config_status(GetConfigStatusRequest {}).await.unwrap().into_inner() };
    let b_before = status().await.nodes.into_iter().find(|n| n.node == "cfg-b").unwrap().desired_version;
    ctl_ok(&master, &["config", "set", "--node", "cfg-a", "--clear"]).await;
    let s = status().await;
    let b = s.nodes.iter().find(|n| n.node == "cfg-b").unwrap();
    assert_eq!(b.desired_version, b_before, "cfg-b was not touched: {b:?}");
    assert!(!s.nodes.iter().find(|n| n.node == "cfg-a").unwrap().has_override);
    settled(&master).await;
    let table = ctl_ok(&master, &["config", "status"]).await;
    assert!(!table.contains("pending"), "{table}");

    // The history has every scope, and who made each version.
    let h = master.admin().await.list_config_history(ListConfigHistoryRequest {}).await.unwrap().into_inner();
    let clear =
        h.entries.iter().find(|e| e.scope == "node cfg-a" && e.change == "clear").expect("the clear is in the history");
    assert!(!clear.by.is_empty(), "{clear:?}");
    let table = ctl_ok(&master, &["config", "history"]).await;
    assert!(table.contains("node cfg-a") && table.contains("podman_disabled=true"), "{table}");

    // REST: PATCH ?unset= returns a setting to the layer below.
    ctl_ok(&master, &["config", "set", "--node", "cfg-b", "--min-disk-bytes", "1000"]).await;
    assert_eq!(effective(&master, "cfg-b").await["min_disk_bytes"], 1000);
    let pki = master.root.path().join("pki");
    ctl_ok(&master, &["credential", "export", "--dir", pki.to_str().unwrap()]).await;
    let url = format!("https://{}/api/v1/nodes/cfg-b/config?unset=min_disk_bytes", master.addr());
    let o = std::process::Command::new("curl")
        .args(["-sS", "-f", "-X", "PATCH", "-H", "content-type: application/json", "-d", "{}"])
        .arg("--cacert")
        .arg(pki.join("ca.crt"))
        .arg("--cert")
        .arg(pki.join("client.crt"))
        .arg("--key")
        .arg(pki.join("client.key"))
        .arg(&url)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", text(&o));
    assert_ne!(effective(&master, "cfg-b").await["min_disk_bytes"], 1000);
    let o = std::process::Command::new("curl")
        .args(["-sS", "-f"])
        .arg("--cacert")
        .arg(pki.join("ca.crt"))
        .arg("--cert")
        .arg(pki.join("client.crt"))
        .arg("--key")
        .arg(pki.join("client.key"))
        .arg(format!("https://{}/api/v1/nodes/cfg-b/config", master.addr()))
        .output()
        .unwrap();
    let layers: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap_or_default();
    assert!(layers.get("effective").is_some() && layers.get("defaults").is_some(), "{}", text(&o));
}

/// Waits for the running rollback to end; the cluster's status interval then, in ms.
async fn rolled_back_interval(master: &Master) -> u32 {
    wait_until("the rollback to finish", READY, || async {
        let s =
            master.admin().await.get_rollout(piccolo_proto::GetRolloutRequest {}).await.map_err(|e| e.to_string())?;
        let s = s.into_inner();
        if s.state != "running" { Ok(()) } else { Err(s.state) }
    })
    .await;
    let cluster = master.admin().await.get_config_status(GetConfigStatusRequest {}).await.unwrap().into_inner();
    cluster.cluster.unwrap().status_interval_ms
}

#[tokio::test]
async fn rollback_goes_to_the_last_acknowledged_version_or_the_one_named() {
    let master = Master::start(MasterOptions::default()).await;
    let token = master.token(0).await;
    let mut a = Agent::start(&master, "rb-a", &token);
    master.wait_state("rb-a", NodeState::Ready, READY).await;
    ctl_ok(&master, &["config", "set", "--status-interval", "30s"]).await;
    settled(&master).await;
    let good = master.admin().await.get_config_status(GetConfigStatusRequest {}).await.unwrap().into_inner();
    let good = good.cluster.unwrap().version;
    // Two versions no node ever applies (the only node is away).
    a.stop();
    master.wait_state("rb-a", NodeState::NotReady, READY).await;
    ctl_ok(&master, &["config", "set", "--status-interval", "40s"]).await;
    ctl_ok(&master, &["config", "set", "--status-interval", "50s"]).await;
    // Not the version just before (40s, never applied): the last acknowledged one.
    let o = master.ctl(&["config", "rollback", "--no-wait"]).await;
    assert!(o.status.success(), "{}", text(&o));
    let st = master.admin().await.get_rollout(piccolo_proto::GetRolloutRequest {}).await.unwrap().into_inner();
    assert_eq!(rolled_back_interval(&master).await, 30_000, "back to version {good}: {st:?}");
    // --to-version names one: the 50s version.
    let h = master.admin().await.list_config_history(ListConfigHistoryRequest {}).await.unwrap().into_inner();
    let v50 =
        h.entries.iter().find(|e| e.config.as_ref().is_some_and(|c| c.status_interval_ms == 50_000)).unwrap().version;
    let o = master.ctl(&["config", "rollback", "--to-version", &v50.to_string(), "--no-wait"]).await;
    assert!(o.status.success(), "{}", text(&o));
    assert_eq!(rolled_back_interval(&master).await, 50_000);
    let o = master.ctl(&["config", "rollback", "--to-version", "999"]).await;
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("not a cluster-wide version"), "{}", text(&o));
}
